/// Labelled text fields with one focused field and per-field error messages.
public struct Form: Sendable, Hashable {
  public struct Field: Sendable, Hashable {
    public var label: String
    public var input: TextField
    /// Shown under the field in the error style.
    public var error: String?

    public init(_ label: String, _ input: TextField = TextField(), error: String? = nil) {
      self.label = label
      self.input = input
      self.error = error
    }
  }

  public var fields: [Field]
  public var focus: Int

  public init(fields: [Field], focus: Int = 0) {
    self.fields = fields
    self.focus = max(0, min(focus, max(0, fields.count - 1)))
  }

  public var values: [String] { fields.map(\.input.value) }

  public mutating func focusNext() {
    guard !fields.isEmpty else { return }
    focus = (focus + 1) % fields.count
  }

  public mutating func focusPrevious() {
    guard !fields.isEmpty else { return }
    focus = (focus + fields.count - 1) % fields.count
  }

  /// Tab, Shift-Tab, ↑ and ↓ move the focus; other keys go to the focused field.
  @discardableResult
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .tab, .down:
      focusNext()
      return true
    case .backTab, .up:
      focusPrevious()
      return true
    default:
      guard fields.indices.contains(focus) else { return false }
      return fields[focus].input.handle(key)
    }
  }

  /// The labels' width and the inputs' for a form `width` wide: labels take at most a third,
  /// then two columns of gap.
  private func columns(_ width: Int) -> (label: Int, input: Int) {
    let widest = fields.map { DisplayWidth.of($0.label) }.max() ?? 0
    let label = min(widest, width / 3)
    return (label, max(0, width - min(label + 2, width)))
  }

  /// Field `i`'s error, wrapped to the inputs' column of a form `width` wide.
  private func errorLines(_ i: Int, width: Int) -> [String] {
    guard let error = fields[i].error else { return [] }
    return TextLayout.wrap(error, width: max(1, columns(width).input))
  }

  /// Rows used by field `i`: one, plus its error message wrapped under the input.
  public func height(of i: Int, width: Int) -> Int { 1 + errorLines(i, width: width).count }

  /// Rows the whole form takes `width` wide.
  public func height(width: Int) -> Int {
    fields.indices.reduce(0) { $0 + height(of: $1, width: width) }
  }

  /// The fields drawn whole in `rect`: scrolled by whole fields so that the focused one (and its
  /// error) is seen.
  public func shown(in rect: Rect) -> Range<Int> {
    guard !fields.isEmpty else { return 0..<0 }
    var first = 0
    while first < focus {
      let used = (first...focus).reduce(0) { $0 + height(of: $1, width: rect.width) }
      if used <= rect.height { break }
      first += 1
    }
    var end = first
    var used = 0
    while end < fields.count, used + height(of: end, width: rect.width) <= rect.height {
      used += height(of: end, width: rect.width)
      end += 1
    }
    return first..<max(end, min(first + 1, fields.count))
  }

  /// Draws the form and returns the caret position of the focused field (nil when hidden).
  @discardableResult
  public func render(into grid: inout Grid, in rect: Rect, theme: Theme) -> (x: Int, y: Int)? {
    guard !rect.isEmpty, !fields.isEmpty else { return nil }
    grid.fill(rect, style: theme.normal)
    let (labelWidth, inputWidth) = columns(rect.width)
    let inputX = rect.maxX - inputWidth
    var caret: (x: Int, y: Int)?
    var y = rect.y
    for i in shown(in: rect).lowerBound..<fields.count {
      if y >= rect.maxY { break }
      let field = fields[i]
      let focused = i == focus
      grid.put(
        DisplayWidth.pad(field.label, to: labelWidth), x: rect.x, y: y,
        style: focused ? theme.accent : theme.normal, maxWidth: labelWidth)
      let position = field.input.render(
        into: &grid, in: Rect(x: inputX, y: y, width: inputWidth, height: 1), theme: theme,
        focused: focused)
      if focused { caret = position }
      y += 1
      for line in errorLines(i, width: rect.width) where y < rect.maxY {
        grid.put(line, x: inputX, y: y, style: theme.error, maxWidth: inputWidth)
        y += 1
      }
    }
    return caret
  }
}

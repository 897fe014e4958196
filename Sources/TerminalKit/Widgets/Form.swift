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

  /// Rows used by field `i`: one, plus one for its error message.
  private func height(_ i: Int) -> Int { fields[i].error == nil ? 1 : 2 }

  /// Draws the form and returns the caret position of the focused field (nil when hidden).
  @discardableResult
  public func render(into grid: inout Grid, in rect: Rect, theme: Theme) -> (x: Int, y: Int)? {
    guard !rect.isEmpty, !fields.isEmpty else { return nil }
    grid.fill(rect, style: theme.normal)
    let widest = fields.map { DisplayWidth.of($0.label) }.max() ?? 0
    // Labels take at most a third of the width, then two columns of gap.
    let labelWidth = min(widest, rect.width / 3)
    let inputX = min(rect.x + labelWidth + 2, rect.maxX)
    let inputWidth = rect.maxX - inputX
    // Scroll whole fields so the focused one (and its error line) is visible.
    var first = 0
    while first < focus {
      let used = (first...focus).reduce(0) { $0 + height($1) }
      if used <= rect.height { break }
      first += 1
    }
    var caret: (x: Int, y: Int)?
    var y = rect.y
    for i in first..<fields.count {
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
      if let error = field.error, y < rect.maxY {
        grid.put(error, x: inputX, y: y, style: theme.error, maxWidth: inputWidth)
        y += 1
      }
    }
    return caret
  }
}

/// A centred, bordered question with buttons, e.g. before deleting something.
public struct ConfirmDialog: Sendable, Hashable {
  public var title: String
  public var message: [String]
  public var buttons: [String]
  public var selected: Int

  public init(
    title: String, message: [String], buttons: [String] = ["OK", "Cancel"], selected: Int = 0
  ) {
    self.title = title
    self.message = message
    self.buttons = buttons
    self.selected = max(0, min(selected, max(0, buttons.count - 1)))
  }

  /// ←/→, Tab, Shift-Tab, h and l move between buttons.
  @discardableResult
  public mutating func handle(_ key: Key) -> Bool {
    guard !buttons.isEmpty else { return false }
    switch key {
    case .left, .backTab, .char("h"):
      selected = (selected + buttons.count - 1) % buttons.count
    case .right, .tab, .char("l"):
      selected = (selected + 1) % buttons.count
    default:
      return false
    }
    return true
  }

  private var buttonLabels: [String] { buttons.map { "[ \($0) ]" } }

  /// Where the dialog lands inside `rect`; never larger than `rect`.
  public func boxRect(in rect: Rect) -> Rect {
    let buttonsWidth =
      buttonLabels.reduce(0) { $0 + DisplayWidth.of($1) } + 2 * max(0, buttons.count - 1)
    let content = max(
      message.map(DisplayWidth.of).max() ?? 0, buttonsWidth, DisplayWidth.of(title) + 2)
    return rect.centered(width: content + 4, height: message.count + 4)
  }

  public func render(into grid: inout Grid, in rect: Rect, theme: Theme) {
    let box = boxRect(in: rect)
    guard !box.isEmpty else { return }
    let inner = Box(title: title, fillStyle: theme.normal).render(
      into: &grid, in: box, theme: theme)
    guard !inner.isEmpty else { return }
    let content = inner.inset(dx: 1, dy: 0)
    for (i, line) in message.enumerated() where i < content.height - 1 {
      grid.put(line, x: content.x, y: content.y + i, style: theme.normal, maxWidth: content.width)
    }
    // Buttons on the last inner row, centred.
    let labels = buttonLabels
    let total = labels.reduce(0) { $0 + DisplayWidth.of($1) } + 2 * max(0, labels.count - 1)
    var x = content.x + max(0, (content.width - total) / 2)
    let y = inner.maxY - 1
    for (i, label) in labels.enumerated() {
      let room = content.maxX - x
      if room <= 0 { break }
      x += grid.put(
        label, x: x, y: y, style: i == selected ? theme.selected : theme.normal, maxWidth: room)
      x += 2
    }
  }
}

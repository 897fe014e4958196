/// A single-line border (─│┌┐└┘, each one column wide) with an optional title.
public struct Box: Sendable, Hashable {
  public var title: String?
  public var style: Style?
  public var fillStyle: Style?

  public init(title: String? = nil, style: Style? = nil, fillStyle: Style? = nil) {
    self.title = title
    self.style = style
    self.fillStyle = fillStyle
  }

  /// The area inside a border drawn around `rect`.
  public static func inner(_ rect: Rect) -> Rect { rect.inset(1) }

  /// Draws the border (and blanks the inside when `fillStyle` is set); returns the inside.
  @discardableResult
  public func render(into grid: inout Grid, in rect: Rect, theme: Theme) -> Rect {
    let s = style ?? theme.border
    if let fillStyle { grid.fill(rect, style: fillStyle) }
    guard rect.width >= 2 && rect.height >= 2 else {
      return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
    }
    let horizontal = String(repeating: "─", count: rect.width - 2)
    grid.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: s)
    grid.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: s)
    for y in (rect.y + 1)..<(rect.maxY - 1) {
      grid.put("│", x: rect.x, y: y, style: s)
      grid.put("│", x: rect.maxX - 1, y: y, style: s)
    }
    if let title, !title.isEmpty, rect.width > 4 {
      let t = DisplayWidth.truncate(" " + title + " ", to: rect.width - 4)
      grid.put(t, x: rect.x + 2, y: rect.y, style: theme.title)
    }
    return rect.inset(1)
  }
}

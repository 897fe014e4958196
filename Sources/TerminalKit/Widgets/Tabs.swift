/// A row of numbered tab titles (` 1 현황  2 회원 `) with the active one highlighted.
public struct Tabs: Sendable, Hashable {
  public var titles: [String]
  public var active: Int
  public var numbered: Bool

  public init(titles: [String], active: Int = 0, numbered: Bool = true) {
    self.titles = titles
    self.active = active
    self.numbered = numbered
  }

  public func label(_ i: Int) -> String {
    numbered ? " \(i + 1) \(titles[i]) " : " \(titles[i]) "
  }

  public func render(into grid: inout Grid, in rect: Rect, theme: Theme) {
    guard !rect.isEmpty else { return }
    grid.fill(rect.row(0), style: theme.normal)
    var x = rect.x
    for i in titles.indices {
      let remaining = rect.maxX - x
      if remaining <= 0 { break }
      let style = i == active ? theme.selected : theme.normal
      x += grid.put(
        DisplayWidth.truncate(label(i), to: remaining), x: x, y: rect.y, style: style,
        maxWidth: remaining)
      if x < rect.maxX { x += grid.put("│", x: x, y: rect.y, style: theme.border, maxWidth: 1) }
    }
  }
}

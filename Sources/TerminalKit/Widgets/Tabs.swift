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

  /// The labels as they fit in `width` columns with a `│` after each: padded (` 1 현황 `), else
  /// without the padding (`1 현황`), else with the other tabs' titles cut to the room left (or to their numbers).
  public func labels(fitting width: Int) -> [String] {
    func total(_ labels: [String]) -> Int { labels.reduce(0) { $0 + DisplayWidth.of($1) + 1 } }
    let padded = titles.indices.map(label)
    if total(padded) <= width { return padded }
    var tight = padded.map { String($0.dropFirst().dropLast()) }
    guard total(tight) > width, titles.count > 1, titles.indices.contains(active) else {
      return tight
    }
    let each = max(1, (width - DisplayWidth.of(tight[active]) - titles.count) / (titles.count - 1))
    // Too little room for even a cut title: the other tabs keep their numbers only.
    for i in tight.indices where i != active {
      let cut = DisplayWidth.truncate(titles[i], to: max(0, each - 2))
      let number = numbered ? "\(i + 1)" : ""
      tight[i] =
        cut.first == titles[i].first
        ? [number, cut].filter { !$0.isEmpty }.joined(separator: " ") : number
    }
    return tight
  }

  public func render(into grid: inout Grid, in rect: Rect, theme: Theme) {
    guard !rect.isEmpty else { return }
    grid.fill(rect.row(0), style: theme.normal)
    var x = rect.x
    for (i, label) in labels(fitting: rect.width).enumerated() {
      let remaining = rect.maxX - x
      if remaining <= 0 { break }
      let style = i == active ? theme.selected : theme.normal
      x += grid.put(
        DisplayWidth.truncate(label, to: remaining), x: x, y: rect.y, style: style,
        maxWidth: remaining)
      if x < rect.maxX { x += grid.put("│", x: x, y: rect.y, style: theme.border, maxWidth: 1) }
    }
  }
}

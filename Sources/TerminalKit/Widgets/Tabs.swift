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

  /// The columns the tabs take with every title whole, separators included.
  public var width: Int { titles.indices.reduce(0) { $0 + DisplayWidth.of(label($1)) + 1 } }

  /// The labels drawn in `width` columns: whole when they fit; otherwise the active tab stays
  /// whole and the others share what is left, the shortest whole first and the rest cut (down
  /// to their numbers), so that every tab can still be seen.
  public func labels(fitting width: Int) -> [String] {
    var labels = titles.indices.map(label)
    guard self.width > width else { return labels }
    var room = width - DisplayWidth.of(labels[active]) - titles.count
    var others = titles.indices.filter { $0 != active }.sorted {
      DisplayWidth.of(labels[$0]) < DisplayWidth.of(labels[$1])
    }
    while !others.isEmpty {
      let i = others.removeFirst()
      let share = room / (others.count + 1)
      if DisplayWidth.of(labels[i]) > share {
        let head = numbered ? " \(i + 1)" : ""
        let titleRoom = share - DisplayWidth.of(head) - 2
        labels[i] =
          titleRoom >= 2
          ? head + " " + DisplayWidth.truncate(titles[i], to: titleRoom) + " " : head + " "
      }
      room -= DisplayWidth.of(labels[i])
    }
    return labels
  }

  public func render(into grid: inout Grid, in rect: Rect, theme: Theme) {
    guard !rect.isEmpty else { return }
    grid.fill(rect.row(0), style: theme.normal)
    let labels = labels(fitting: rect.width)
    var x = rect.x
    for i in titles.indices {
      let remaining = rect.maxX - x
      if remaining <= 0 { break }
      let style = i == active ? theme.selected : theme.normal
      x += grid.put(
        DisplayWidth.truncate(labels[i], to: remaining), x: x, y: rect.y, style: style,
        maxWidth: remaining)
      if x < rect.maxX { x += grid.put("│", x: x, y: rect.y, style: theme.border, maxWidth: 1) }
    }
  }
}

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

  /// The labels drawn in `width` columns: whole when they fit, else without their padding; if
  /// still too wide, the active tab stays whole and the others share what is left, the shortest
  /// whole first and the rest cut (down to their numbers), so that every tab can still be seen.
  public func labels(fitting width: Int) -> [String] {
    let padded = titles.indices.map(label)
    guard self.width > width else { return padded }
    var labels = padded.map { String($0.dropFirst().dropLast()) }
    var room = width - titles.count
    guard labels.reduce(0, { $0 + DisplayWidth.of($1) }) > room, titles.indices.contains(active)
    else { return labels }
    room -= DisplayWidth.of(labels[active])
    var others = titles.indices.filter { $0 != active }.sorted {
      DisplayWidth.of(labels[$0]) < DisplayWidth.of(labels[$1])
    }
    while !others.isEmpty {
      let i = others.removeFirst()
      let share = room / (others.count + 1)
      if DisplayWidth.of(labels[i]) > share {
        let number = numbered ? "\(i + 1)" : ""
        let titleRoom = share - DisplayWidth.of(number) - 1
        labels[i] =
          titleRoom >= 2
          ? [number, DisplayWidth.truncate(titles[i], to: titleRoom)].filter { !$0.isEmpty }
            .joined(separator: " ") : number
      }
      room -= DisplayWidth.of(labels[i])
    }
    return labels
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

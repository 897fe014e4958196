/// A scrolling single-column list with one selected item.
public struct ListView: Sendable, Hashable {
  public var items: [String]
  public var selected: Int?
  public var offset: Int
  /// Put before each item; the selected item gets `marker`, the rest blanks of equal width.
  public var marker: String

  public init(items: [String], selected: Int? = nil, offset: Int = 0, marker: String = "") {
    self.items = items
    self.selected = selected
    self.offset = offset
    self.marker = marker
  }

  public func effectiveOffset(for rect: Rect) -> Int {
    scrollOffset(offset: offset, selected: selected, count: items.count, visible: rect.height)
  }

  public mutating func select(_ index: Int, in rect: Rect) {
    guard !items.isEmpty else {
      selected = nil
      return
    }
    selected = max(0, min(index, items.count - 1))
    offset = effectiveOffset(for: rect)
  }

  public func render(into grid: inout Grid, in rect: Rect, theme: Theme) {
    guard !rect.isEmpty else { return }
    let first = effectiveOffset(for: rect)
    let blankMarker = String(repeating: " ", count: DisplayWidth.of(marker))
    for r in 0..<rect.height {
      let y = rect.y + r
      let index = first + r
      let isSelected = index == selected
      let style = isSelected ? theme.selected : theme.normal
      grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
      guard index < items.count else { continue }
      let text = (isSelected ? marker : blankMarker) + items[index]
      grid.put(
        DisplayWidth.truncate(text, to: rect.width), x: rect.x, y: y, style: style,
        maxWidth: rect.width)
    }
  }
}

/// The cursor of a list and the first row shown, as absolute row numbers. The list may be far
/// longer than what is fetched or drawn: a table given one window of rows draws them from the
/// same state.
public struct ScrollState: Sendable, Hashable {
  public var cursor: Int
  public var offset: Int

  public init(cursor: Int = 0, offset: Int = 0) {
    self.cursor = cursor
    self.offset = offset
  }

  /// Puts the cursor on `row` (clamped to the `count` rows there are) and scrolls as little as
  /// needed to show it among `visible` rows.
  public mutating func move(to row: Int, count: Int, visible: Int) {
    cursor = count == 0 ? 0 : max(0, min(row, count - 1))
    offset = firstVisible(count: count, visible: max(1, visible))
  }

  /// The first row to draw when `visible` rows fit: `offset`, moved as little as possible so
  /// that the cursor shows and no empty rows are left at the bottom.
  public func firstVisible(count: Int, visible: Int) -> Int {
    guard visible > 0, count > 0 else { return 0 }
    var o = max(0, min(offset, count - 1))
    let s = max(0, min(cursor, count - 1))
    if s < o { o = s }
    if s >= o + visible { o = s - visible + 1 }
    return min(o, max(0, count - visible))
  }
}

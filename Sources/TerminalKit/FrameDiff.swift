/// Remembers the last frame handed to a screen so that the next one hands over only the cells
/// that differ. A backend copying cells one by one costs what changed, not the screen's size.
public struct FrameDiff: Sendable {
  private var previous: Grid?

  public init() {}

  /// The next frame is handed over whole: after a resize, an erase or a repaint, when the
  /// screen may no longer show the last frame.
  public mutating func invalidate() { previous = nil }

  /// Calls `write` for every cell of `grid` that differs from the last frame (every cell when
  /// there is none, or it had another size), left to right and top to bottom, and remembers
  /// `grid`. Right halves of wide characters are never handed over: their left half covers
  /// them, and is itself handed over whenever either half changed.
  public mutating func changes(to grid: Grid, _ write: (_ cell: Cell, _ x: Int, _ y: Int) -> Void) {
    let last = previous.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
    previous = grid
    let width = grid.width
    let cells = grid.cells
    let lastCells = last?.cells ?? []
    for y in 0..<grid.height {
      let row = y * width
      if last != nil, lastCells[row..<row + width] == cells[row..<row + width] { continue }
      for x in 0..<width {
        let cell = cells[row + x]
        if cell.isRightHalf { continue }
        if last != nil, lastCells[row + x] == cell,
          cell.width < 2 || x + 1 >= width || lastCells[row + x + 1] == cells[row + x + 1]
        {
          continue
        }
        write(cell, x, y)
      }
    }
  }
}

import Testing

@testable import TerminalKit

/// A screen that keeps what it was handed, as a terminal would: a wide character covers the
/// cell to its right, a narrow one written over half of a wide character blanks the other half.
private final class CountingScreen {
  var shown: Grid
  var writes = 0
  var frames = FrameDiff()

  init(width: Int, height: Int) { shown = Grid(width: width, height: height) }

  func draw(_ grid: Grid) {
    if grid.width != shown.width || grid.height != shown.height {
      shown = Grid(width: grid.width, height: grid.height)
    }
    frames.changes(to: grid) { cell, x, y in
      writes += 1
      shown.put(cell.grapheme.isEmpty ? " " : cell.grapheme, x: x, y: y, style: cell.style)
    }
  }

  /// Draws `grid` and answers how many cells it handed over.
  func handed(_ grid: Grid) -> Int {
    let before = writes
    draw(grid)
    return writes - before
  }
}

@Suite struct FrameDiffTests {
  private func frame(_ lines: [String], width: Int = 12) -> Grid {
    var g = Grid(width: width, height: lines.count)
    for (y, line) in lines.enumerated() { g.put(line, x: 0, y: y) }
    return g
  }

  @Test func anUnchangedFrameHandsOverNothing() {
    let screen = CountingScreen(width: 12, height: 3)
    let g = frame(["유신정밀 ok", "members", "status"])
    // The first frame is handed over whole, right halves of wide characters excepted.
    #expect(screen.handed(g) == 36 - 4)
    #expect(screen.handed(g) == 0)
    #expect(screen.shown == g)
  }

  @Test func aMovedCursorHandsOverOnlyTheRowsItLeftAndEntered() {
    let screen = CountingScreen(width: 12, height: 3)
    var g = frame(["one", "two", "three"])
    g.fill(Rect(x: 0, y: 0, width: 12, height: 1), style: Style(reverse: true))
    g.put("one", x: 0, y: 0, style: Style(reverse: true))
    screen.draw(g)
    var next = frame(["one", "two", "three"])
    next.fill(Rect(x: 0, y: 1, width: 12, height: 1), style: Style(reverse: true))
    next.put("two", x: 0, y: 1, style: Style(reverse: true))
    #expect(screen.handed(next) == 24)
    #expect(screen.shown == next)
  }

  @Test func oneChangedCellIsHandedOverAlone() {
    let screen = CountingScreen(width: 12, height: 2)
    screen.draw(frame(["1,204 members", "ok"]))
    #expect(screen.handed(frame(["1,205 members", "ok"])) == 1)
  }

  @Test func wideAndNarrowCharactersReplacingEachOtherLeaveNoStaleHalf() {
    let screen = CountingScreen(width: 8, height: 1)
    for line in ["가나다", "a가나b", "ab가c", "e\u{301}가나", "가", "abcdefgh", "가나다라"] {
      let g = frame([line], width: 8)
      screen.draw(g)
      #expect(screen.shown == g, "after \(line)")
    }
  }

  @Test func aDialogOpeningAndClosingRestoresThePaneUnderIt() {
    let screen = CountingScreen(width: 12, height: 4)
    let pane = frame(["회원 목록", "유신정밀", "대한금속", "한빛전자"])
    screen.draw(pane)
    var dialog = pane
    dialog.fill(Rect(x: 1, y: 1, width: 9, height: 2), style: Style(bold: true))
    dialog.put("저장할까요", x: 2, y: 1, style: Style(bold: true))
    screen.draw(dialog)
    #expect(screen.shown == dialog)
    // Only the two rows the dialog covered.
    #expect(screen.handed(pane) <= 24)
    #expect(screen.shown == pane)
  }

  @Test func aNewSizeOrInvalidateHandsOverEverything() {
    let screen = CountingScreen(width: 12, height: 2)
    screen.draw(frame(["ab", "cd"]))
    #expect(screen.handed(frame(["ab", "cd", "ef"])) == 36)
    screen.frames.invalidate()
    #expect(screen.handed(frame(["ab", "cd", "ef"])) == 36)
  }
}

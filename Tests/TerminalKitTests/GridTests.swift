import Testing

@testable import TerminalKit

@Suite struct GridTests {
  @Test func putReturnsColumnsAndShowsWideCharactersOnce() {
    var g = Grid(width: 10, height: 1)
    #expect(g.put("유신a", x: 1, y: 0) == 5)
    #expect(g.text(row: 0) == " 유신a    ")
    #expect(g[1, 0].width == 2)
    #expect(g[2, 0].isRightHalf)
  }

  @Test func clipsAtRightEdgeAndMaxWidth() {
    var g = Grid(width: 5, height: 2)
    #expect(g.put("abcdefg", x: 2, y: 0) == 3)
    #expect(g.text(row: 0) == "  abc")
    #expect(g.put("abcdefg", x: 0, y: 1, maxWidth: 2) == 2)
    #expect(g.text(row: 1) == "ab   ")
    #expect(g.put("x", x: 0, y: 5) == 0)
    #expect(g.put("x", x: 9, y: 0) == 0)
  }

  @Test func wideCharacterAtLastColumnBecomesSpace() {
    var g = Grid(width: 5, height: 1)
    g.fill(g.bounds, with: ".")
    #expect(g.put("ab가", x: 2, y: 0) == 3)
    #expect(g.text(row: 0) == "..ab ")
    #expect(g[4, 0].width == 1)
  }

  @Test func wideCharacterStraddlingMaxWidthBecomesSpace() {
    var g = Grid(width: 8, height: 1)
    g.fill(g.bounds, with: ".")
    #expect(g.put("가나다", x: 0, y: 0, maxWidth: 5) == 5)
    #expect(g.text(row: 0) == "가나 ...")
  }

  @Test func negativeStartClipsAtLeftEdge() {
    var g = Grid(width: 4, height: 1)
    g.put("가나다", x: -1, y: 0)
    #expect(g.text(row: 0) == " 나 ")
  }

  @Test func overwritingRightHalfBlanksBothHalves() {
    var g = Grid(width: 6, height: 1)
    g.put("가나다", x: 0, y: 0)
    g.put("x", x: 1, y: 0)
    #expect(g.text(row: 0) == " x나다")
    #expect(g[0, 0].width == 1)
  }

  @Test func overwritingLeftHalfBlanksBothHalves() {
    var g = Grid(width: 6, height: 1)
    g.put("가나다", x: 0, y: 0)
    g.put("y", x: 2, y: 0)
    #expect(g.text(row: 0) == "가y 다")
    #expect(!g[3, 0].isRightHalf)
  }

  @Test func wideOverOffsetWideBlanksNeighbours() {
    var g = Grid(width: 6, height: 1)
    g.put("가나다", x: 0, y: 0)
    g.put("한", x: 1, y: 0)
    #expect(g.text(row: 0) == " 한 다")
    for x in 0..<6 where g[x, 0].isRightHalf {
      #expect(g[x - 1, 0].width == 2)
    }
  }

  @Test func fillBlanksWideCharactersCutByTheRect() {
    var g = Grid(width: 6, height: 1)
    g.put("가나다", x: 0, y: 0)
    g.fill(Rect(x: 3, y: 0, width: 1, height: 1), with: "#")
    #expect(g.text(row: 0) == "가 #다")
  }

  @Test func maskShowsStyledCells() {
    var g = Grid(width: 5, height: 1)
    g.put("ab", x: 1, y: 0, style: Style(reverse: true))
    #expect(g.mask(row: 0) { $0.reverse } == ".##..")
    #expect(g.description == " ab  ")
    #expect(g.trimmedLines == [" ab"])
  }

  @Test func zeroSizedGridIsHarmless() {
    var g = Grid(width: 0, height: 0)
    #expect(g.put("가", x: 0, y: 0) == 0)
    g.fill(Rect(width: 5, height: 5))
    #expect(g.lines.isEmpty)
  }
}

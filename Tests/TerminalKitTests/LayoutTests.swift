import Testing

@testable import TerminalKit

@Suite struct LayoutTests {
  @Test func fixedAndFillShareTheLength() {
    let rects = Layout.split(
      Rect(width: 80, height: 24), .vertical, [.fixed(1), .fill(1), .fixed(1)])
    #expect(rects.map(\.height) == [1, 22, 1])
    #expect(rects.map(\.y) == [0, 1, 23])
    #expect(rects.allSatisfy { $0.width == 80 })
  }

  @Test func percentAndWeights() {
    #expect(Layout.lengths(total: 100, [.percent(30), .fill(1), .fill(3)]) == [30, 17, 53])
    #expect(Layout.lengths(total: 10, [.min(3), .fixed(2)]) == [8, 2])
    let widths = Layout.lengths(total: 7, [.fill(1), .fill(1), .fill(1)])
    #expect(widths.reduce(0, +) == 7)
    #expect(widths.max()! - widths.min()! <= 1)
  }

  @Test func horizontalPositionsAreContiguous() {
    let rects = Rect(x: 2, y: 3, width: 40, height: 5).split(.horizontal, [.fixed(10), .fill(1)])
    #expect(rects[0] == Rect(x: 2, y: 3, width: 10, height: 5))
    #expect(rects[1] == Rect(x: 12, y: 3, width: 30, height: 5))
  }

  @Test func runningOutOfSpaceNeverGoesNegative() {
    for total in [0, 1, 3, 5, 12, 20, 40] {
      let lengths = Layout.lengths(
        total: total, [.fixed(3), .min(10), .percent(50), .fill(2), .fixed(8)])
      #expect(lengths.allSatisfy { $0 >= 0 })
      #expect(lengths.reduce(0, +) <= total)
    }
    #expect(Layout.lengths(total: 5, [.fixed(3), .fixed(3), .fill(1)]) == [3, 2, 0])
  }

  @Test func insetNeverNegative() {
    #expect(Rect(width: 1, height: 1).inset(1).isEmpty)
    #expect(Rect(width: 1, height: 1).inset(1).width == 0)
    #expect(
      Rect(x: 1, y: 1, width: 10, height: 5).inset(1) == Rect(x: 2, y: 2, width: 8, height: 3))
    #expect(Rect(width: -4, height: 3).width == 0)
  }

  @Test func centered() {
    #expect(
      Rect(width: 20, height: 5).centered(width: 10, height: 3)
        == Rect(x: 5, y: 1, width: 10, height: 3))
    #expect(Rect(width: 20, height: 5).centered(width: 30, height: 9) == Rect(width: 20, height: 5))
  }
}

@Suite struct KeyTests {
  @Test func displayNames() {
    #expect(Key.up.displayName == "↑")
    #expect(Key.pageDown.displayName == "PgDn")
    #expect(Key.ctrl("c").displayName == "Ctrl-C")
    #expect(Key.enter.displayName == "Enter")
    #expect(Key.escape.displayName == "Esc")
    #expect(Key.char(" ").displayName == "Space")
    #expect(Key.char("q").displayName == "q")
    #expect(Key.function(5).displayName == "F5")
  }

  @Test func keysAreHashable() {
    let map: [Key: String] = [.char("q"): "quit", .ctrl("c"): "quit", .up: "up"]
    #expect(map[.ctrl("c")] == "quit")
    #expect(map[.char("c")] == nil)
  }
}

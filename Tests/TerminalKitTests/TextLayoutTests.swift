import Testing

@testable import TerminalKit

@Suite struct TextLayoutTests {
  @Test func wrapBreaksAtSpacesByDisplayWidth() {
    #expect(TextLayout.wrap("하반기 시제품제작 지원 신청", width: 10) == ["하반기", "시제품제작", "지원 신청"])
    #expect(TextLayout.wrap("1. 안내\n2. 공유", width: 20) == ["1. 안내", "2. 공유"])
    #expect(TextLayout.wrap("", width: 5) == [""])
    #expect(TextLayout.wrap("abc", width: 0) == [])
  }

  @Test func aWordLongerThanTheLineIsCutWithoutSplittingASyllable() {
    let lines = TextLayout.wrap("지능형메카트로닉스", width: 5)
    #expect(lines == ["지능", "형메", "카트", "로닉", "스"])
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 5 })
  }

  @Test func aHangingIndentKeepsTheRestUnderItsStart() {
    #expect(
      TextLayout.wrap("멘토  정민수 (한결대학교 전자공학과) 기술", width: 20, hangingIndent: 6)
        == ["멘토  정민수", "      (한결대학교", "      전자공학과)", "      기술"])
    #expect(TextLayout.wrap("short", width: 20, hangingIndent: 6) == ["short"])
    #expect(
      TextLayout.wrap("aaaa bbbb cccc", width: 9, hangingIndent: 2) == ["aaaa bbbb", "  cccc"])
  }

  @Test func flowJoinsTokensIntoLines() {
    #expect(TextLayout.flow(["기업 118", "대학 4", "연구소 4"], width: 20) == ["기업 118 · 대학 4", "연구소 4"])
    #expect(TextLayout.flow(["a", "b"], width: 10, separator: ", ") == ["a, b"])
    #expect(TextLayout.flow([], width: 10).isEmpty)
  }
}

@Suite struct TestTerminalTests {
  @Test func replaysKeysThenCtrlCAndKeepsFrames() {
    let terminal = TestTerminal(keys: [.char("2"), .enter], width: 40, height: 10)
    #expect(terminal.readKey(timeoutMilliseconds: 0) == .char("2"))
    #expect(terminal.readKey(timeoutMilliseconds: 0) == .enter)
    #expect(terminal.readKey(timeoutMilliseconds: 0) == .ctrl("c"))
    terminal.draw(Grid(width: 40, height: 10), cursor: (3, 4))
    terminal.suspend()
    #expect(terminal.frames.count == 1)
    #expect(terminal.lastCursor?.x == 3)
    #expect(terminal.suspensions == 1)
    #expect(terminal.size.width == 40)
  }
}

import Testing

@testable import TerminalKit

@Suite struct TextFieldTests {
  @Test func typingHangulMovesCaretByDisplayWidth() {
    var f = TextField()
    for c in "유신" { f.handle(.char(c)) }
    #expect(f.value == "유신")
    #expect(f.caret == 2)
    #expect(f.caretColumn == 4)
    var g = Grid(width: 20, height: 1)
    let pos = f.render(into: &g, in: Rect(x: 3, y: 0, width: 10, height: 1), theme: .standard)
    #expect(pos?.x == 7)
    #expect(pos?.y == 0)
  }

  @Test func leftRightHomeEnd() {
    var f = TextField("유신a")
    #expect(f.caret == 3)
    #expect(f.caretColumn == 5)
    f.handle(.left)
    #expect(f.caretColumn == 4)
    f.handle(.left)
    #expect(f.caretColumn == 2)
    f.handle(.home)
    #expect(f.caret == 0)
    f.handle(.left)
    #expect(f.caret == 0)
    f.handle(.ctrl("e"))
    #expect(f.caret == 3)
    f.handle(.right)
    #expect(f.caret == 3)
    f.handle(.ctrl("a"))
    f.handle(.right)
    #expect(f.caretColumn == 2)
  }

  @Test func backspaceAndDeleteRemoveWholeSyllables() {
    var f = TextField("유신정밀")
    f.handle(.backspace)
    #expect(f.value == "유신정")
    #expect(f.caret == 3)
    f.handle(.home)
    f.handle(.delete)
    #expect(f.value == "신정")
    #expect(f.caret == 0)
    f.handle(.backspace)
    #expect(f.value == "신정")
  }

  @Test func insertInTheMiddle() {
    var f = TextField("유정")
    f.handle(.left)
    f.handle(.char("신"))
    #expect(f.value == "유신정")
    #expect(f.caret == 2)
  }

  @Test func killCommands() {
    var f = TextField("대구 성서 산단")
    f.handle(.ctrl("w"))
    #expect(f.value == "대구 성서 ")
    f.handle(.ctrl("w"))
    #expect(f.value == "대구 ")
    f.handle(.left)
    f.handle(.ctrl("u"))
    #expect(f.value == " ")
    #expect(f.caret == 0)
  }

  @Test func ignoresNonEditingKeys() {
    var f = TextField("a")
    let results = [f.handle(.up), f.handle(.enter), f.handle(.char("\u{1B}"))]
    #expect(results == [false, false, false])
    #expect(f.value == "a")
  }

  @Test func scrollsHorizontallyToKeepTheCaretVisible() {
    let f = TextField("가나다라마바")  // 12 columns in a 5-column field
    var g = Grid(width: 5, height: 1)
    let pos = f.render(into: &g, in: g.bounds, theme: .standard)
    #expect(pos?.x == 4)
    // Columns 8...11 show 마바 and the caret cell is blank; column 0 would cut 라.
    #expect(g.text(row: 0) == "마바 ")
    #expect(DisplayWidth.of(g.text(row: 0)) == 5)
    var h = TextField("가나다라마바", caret: 0)
    h.handle(.right)
    var g2 = Grid(width: 5, height: 1)
    #expect(h.render(into: &g2, in: g2.bounds, theme: .standard)?.x == 2)
    #expect(g2.text(row: 0) == "가나 ")
  }
}

@Suite struct FormTests {
  func sample() -> Form {
    Form(fields: [
      .init("회사명", TextField("유신정밀")),
      .init("사업자번호", TextField(), error: "10자리 숫자"),
      .init("지역", TextField("대구")),
    ])
  }

  @Test func tabAndArrowsMoveFocusAndWrap() {
    var f = sample()
    f.handle(.tab)
    #expect(f.focus == 1)
    f.handle(.down)
    #expect(f.focus == 2)
    f.handle(.tab)
    #expect(f.focus == 0)
    f.handle(.backTab)
    #expect(f.focus == 2)
    f.handle(.up)
    #expect(f.focus == 1)
  }

  @Test func typingGoesToFocusedField() {
    var f = sample()
    f.handle(.tab)
    f.handle(.char("1"))
    #expect(f.values == ["유신정밀", "1", "대구"])
  }

  @Test func rendersErrorsUnderFieldsAndReturnsCaret() {
    let f = sample()
    var g = Grid(width: 30, height: 5)
    let caret = f.render(into: &g, in: g.bounds, theme: .standard)
    // Labels are padded to the widest (10) + 2 columns.
    #expect(caret?.x == 12 + 8)
    #expect(caret?.y == 0)
    #expect(g.trimmedLines[0] == "회사명      유신정밀")
    #expect(g.trimmedLines[1] == "사업자번호")
    #expect(g.trimmedLines[2] == "            10자리 숫자")
    #expect(g.trimmedLines[3] == "지역        대구")
    #expect(g.mask(row: 0) { $0 == Theme.standard.inputFocused }.hasPrefix("............####"))
  }

  @Test func scrollsToTheFocusedFieldOnShortScreens() {
    var f = sample()
    f.focus = 2
    var g = Grid(width: 30, height: 2)
    let caret = f.render(into: &g, in: g.bounds, theme: .standard)
    #expect(caret != nil)
    #expect(g.text(row: caret!.y).hasPrefix("지역"))
  }
}

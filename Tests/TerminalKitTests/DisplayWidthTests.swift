import Testing

@testable import TerminalKit

@Suite struct DisplayWidthTests {
  @Test func hangulIsTwoColumnsAndLatinOne() {
    #expect(DisplayWidth.of("유신정밀") == 8)
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("A동 3층") == 7)
    #expect(DisplayWidth.of(Character("가")) == 2)
    #expect(DisplayWidth.of(Character("a")) == 1)
  }

  /// A string measures what its grapheme clusters measure, the text measured scalar by scalar
  /// (Latin and Hangul syllables only) included.
  @Test(arguments: [
    "유신정밀 (주)", "café\t\r\n", "\u{1}\u{7F}\u{9F}\u{AD}é", "ñ", "e\u{301}", "가\u{11A8}",
    "\u{1100}\u{1161}\u{11A8}", "❤\u{FE0F}", "🇰🇷", "👨\u{200D}👩\u{200D}👧", "G\u{200B}밸리", "㈜유신",
  ])
  func aStringIsItsCharacters(_ text: String) {
    #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
  }

  @Test func enclosedCJKAndCompatibilityJamoAreWide() {
    #expect(DisplayWidth.of(Character("㈜")) == 2)
    #expect(DisplayWidth.of("㈜유신") == 6)
    #expect(DisplayWidth.of(Character("ㄱ")) == 2)
    #expect(DisplayWidth.of(Character("漢")) == 2)
    #expect(DisplayWidth.of(Character("Ａ")) == 2)  // fullwidth Latin
  }

  @Test func ambiguousCharactersAreNarrow() {
    #expect(DisplayWidth.of("─│┌┐└┘") == 6)
    #expect(DisplayWidth.of("▁▂▃█") == 4)
    #expect(DisplayWidth.of("·…▲") == 3)
  }

  @Test func combiningAndZeroWidth() {
    #expect(DisplayWidth.of("e\u{301}") == 1)
    // Decomposed Hangul (ᄒ + ᅡ + ᆫ) is one grapheme, two columns.
    #expect(DisplayWidth.of("\u{1112}\u{1161}\u{11AB}") == 2)
    #expect(DisplayWidth.of(scalar: "\u{1161}") == 0)
    #expect(DisplayWidth.of("a\u{200B}b") == 2)
    #expect(DisplayWidth.of("\u{200D}") == 0)
    #expect(DisplayWidth.of("\t\n\u{1B}") == 0)
  }

  @Test func emojiPresentationIsWide() {
    #expect(DisplayWidth.of(Character("😀")) == 2)
    #expect(DisplayWidth.of(Character("❤\u{FE0F}")) == 2)
    #expect(DisplayWidth.of(Character("❤")) == 1)
  }

  @Test func truncateNeverSplitsAWideCharacter() {
    #expect(DisplayWidth.truncate("유신정밀", to: 5, ellipsis: false) == "유신 ")
    #expect(DisplayWidth.truncate("유신정밀", to: 5) == "유신…")
    #expect(DisplayWidth.truncate("유신정밀", to: 4) == "유 …")
    #expect(DisplayWidth.truncate("유신정밀", to: 8) == "유신정밀")
    #expect(DisplayWidth.truncate("abc", to: 0) == "")
    #expect(DisplayWidth.truncate("가", to: 1, ellipsis: false) == " ")
    for w in 0...10 {
      let t = DisplayWidth.truncate("㈜유신a정밀", to: w)
      #expect(DisplayWidth.of(t) == min(w, 11), "width \(w): \(t)")
    }
  }

  @Test func padAligns() {
    #expect(DisplayWidth.pad("가", to: 4) == "가  ")
    #expect(DisplayWidth.pad("가", to: 4, align: .right) == "  가")
    #expect(DisplayWidth.pad("가", to: 5, align: .center) == " 가  ")
    #expect(DisplayWidth.pad("가나다", to: 4) == "가 …")
  }

  @Test func caretHelpers() {
    #expect(DisplayWidth.prefixWidth("유신a", characters: 2) == 4)
    #expect(DisplayWidth.prefixWidth("유신a", characters: 3) == 5)
    #expect(DisplayWidth.characterIndex(in: "유신a", atColumn: 0) == 0)
    #expect(DisplayWidth.characterIndex(in: "유신a", atColumn: 3) == 1)
    #expect(DisplayWidth.characterIndex(in: "유신a", atColumn: 4) == 2)
    #expect(DisplayWidth.characterIndex(in: "유신a", atColumn: 9) == 3)
  }

  /// Text measured from its bytes (Latin and Hangul alone) has the width of its characters.
  @Test func textReadFromItsBytesHasTheWidthOfItsCharacters() {
    for text in [
      "", "abc", "유신정밀", "통신·네트워크", "Café 카페", "\u{80}\u{9F}\u{A0}ÿ\u{2FF}", "탭\t줄\n",
      "\u{7F}", "e\u{301}", "㈜유신", "한\u{1161}", "🏭 공장", "ｆｕｌｌ",
    ] {
      #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text)")
    }
  }
}

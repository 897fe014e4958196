import Foundation
import Testing

@testable import ClusterKit

@Suite struct KoreanTextTests {
  @Test func nfcComposesJamo() {
    let decomposed = "\u{1112}\u{1161}\u{11AB}"  // 한 as conjoining jamo
    #expect(decomposed.unicodeScalars.count == 3)
    #expect(KoreanText.nfc(decomposed).unicodeScalars.map(\.value) == [0xD55C])
  }

  @Test func cleanTrimsAndCollapses() {
    #expect(KoreanText.clean("  유신\t\t테크 \n 본사  ") == "유신 테크 본사")
    #expect(KoreanText.clean("\u{3000}대성정밀\u{00A0}") == "대성정밀")
  }

  @Test(arguments: [
    "(주)유신테크", "㈜ 유신테크", "㈜유신테크", "유신테크 주식회사", "주식회사 유신테크", "( 주 ) 유신테크",
    "유신테크(주)", "（주）유신테크", "유신 테크", "유신·테크",
  ])
  func legalFormsGiveTheSameKey(_ name: String) {
    #expect(KoreanText.nameKey(name) == "유신테크")
  }

  @Test func otherLegalForms() {
    #expect(KoreanText.nameKey("(재)경북테크노파크") == "경북테크노파크")
    #expect(KoreanText.nameKey("재단법인 경북테크노파크") == "경북테크노파크")
    #expect(KoreanText.nameKey("(사)한국산업기술협회") == "한국산업기술협회")
    #expect(KoreanText.nameKey("사단법인 한국산업기술협회") == "한국산업기술협회")
    #expect(KoreanText.nameKey("(유)한빛") == "한빛")
    #expect(KoreanText.nameKey("유한회사 한빛") == "한빛")
    #expect(KoreanText.nameKey("(합)미래") == "미래")
    #expect(KoreanText.nameKey("합자회사 미래") == "미래")
    #expect(KoreanText.nameKey("Yusin Tech Co., Ltd.") == "yusintech")
    #expect(KoreanText.nameKey("ZINC Inc.") == "zinc")
    // A Hangul name ending in Latin legal words, and one with no Latin letter at all.
    #expect(KoreanText.nameKey("유신테크 Co., Ltd.") == "유신테크")
    #expect(KoreanText.nameKey("유신, 테크. 코") == "유신테크코")
    #expect(KoreanText.nameKey("(주)") == "주")
  }

  @Test func sortsUnderTheNameNotTheLegalForm() {
    let names = ["㈜하늘정밀", "(주)유신테크", "가나전자"]
    let sorted = names.sorted { KoreanText.nameKey($0) < KoreanText.nameKey($1) }
    #expect(sorted == ["가나전자", "(주)유신테크", "㈜하늘정밀"])
    #expect(KoreanText.initials(KoreanText.nameKey("(주)유신테크")).first == "ㅇ")
  }

  @Test func initialsLineUp() {
    #expect(KoreanText.initials("유신테크") == "ㅇㅅㅌㅋ")
    #expect(KoreanText.initials("대성정밀") == "ㄷㅅㅈㅁ")
    #expect(KoreanText.initials("까치Tech2") == "ㄲㅊtech2")
    #expect(KoreanText.initials("ㅎ한") == "ㅎㅎ")
    let key = "꽃길MEMS센서"
    #expect(KoreanText.initials(key).count == key.count)
  }

  @Test(arguments: [
    ("ㅇㅅㅌㅋ", "(주)유신테크"),
    ("유신ㅌ", "(주)유신테크"),
    ("신테", "(주)유신테크"),
    ("유시", "(주)유신테크"),
    ("ㅌㅋ", "(주)유신테크"),
    ("ㅅ테", "(주)유신테크"),
    ("유신 테크", "(주)유신테크"),
    ("㈜유신", "(주)유신테크"),
    ("YUSIN", "Yusin Tech"),
    ("sin te", "Yusin Tech"),
    ("ㄷㅅ", "대성정밀"),
    ("대성정미", "대성정밀"),
    ("ㅈㅁ", "대성정밀"),
    ("", "대성정밀"),
  ])
  func matches(_ query: String, _ name: String) {
    #expect(KoreanText.matches(query: query, key: KoreanText.nameKey(name)))
    // The SQL prefilter never rejects what `matches` accepts.
    let initials = KoreanText.initials(KoreanText.nameKey(name))
    let prefilter = KoreanText.searchPrefilter(query)
    #expect(prefilter.isEmpty || initials.contains(prefilter))
  }

  @Test(arguments: [
    ("ㅇㅅㅌㅋㅋ", "(주)유신테크"),
    ("유시테", "(주)유신테크"),  // only the last character may be half-typed
    ("ㄷㅈ", "대성정밀"),
    ("대성정밀공업", "대성정밀"),
    ("ㅋㅌ", "(주)유신테크"),
    ("yusim", "Yusin Tech"),
    ("유싱", "(주)유신테크"),
  ])
  func doesNotMatch(_ query: String, _ name: String) {
    #expect(!KoreanText.matches(query: query, key: KoreanText.nameKey(name)))
  }

  @Test func jamoInTheKeyMatchesItself() {
    #expect(KoreanText.matches(query: "ㅋㅋ", key: "ㅋㅋ상사"))
  }

  @Test func prefilter() {
    #expect(KoreanText.searchPrefilter("유신ㅌ") == "ㅇㅅㅌ")
    #expect(KoreanText.searchPrefilter(" Yusin 테크 ") == "yusinㅌㅋ")
    #expect(KoreanText.searchPrefilter("100%_") == "100")
    #expect(KoreanText.normalizeQuery(" (주) Yu Sin ") == "yusin")
  }
}

@Suite struct TidyTextTests {
  @Test(arguments: ["", "유신테크", "(주) 유신 테크", "Yusin Tech"])
  func tidyTextIsKept(_ text: String) {
    #expect(KoreanText.isTidy(text))
    #expect(KoreanText.clean(text) == text)
  }

  @Test(arguments: [
    (" 유신테크", "유신테크"), ("유신테크 ", "유신테크"), ("유신  테크", "유신 테크"), ("유신\t테크", "유신 테크"),
    ("유신\u{3000}테크", "유신 테크"), ("유신\u{A0}테크", "유신 테크"), ("\n", ""),
  ])
  func untidyTextIsCleaned(_ text: String, _ expected: String) {
    #expect(!KoreanText.isTidy(text))
    #expect(KoreanText.clean(text) == expected)
  }

  /// The listed white space is exactly what Swift calls white space, over the Basic Multilingual
  /// Plane.
  @Test func whiteSpaceListMatchesUnicode() {
    for value in 0...0xFFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(
        KoreanText.isWhiteSpace(scalar) == scalar.properties.isWhitespace,
        "U+\(String(value, radix: 16))")
    }
  }
}

/// Text printed to a terminal loses every control and invisible character, and nothing else:
/// checked for every Unicode scalar, between Hangul and ASCII, so that the byte-level shortcut
/// for clean text can let none through.
@Suite struct PrintableTextTests {
  @Test func everyUnsafeScalarIsRemovedAndEveryOtherKept() {
    var wrong: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let unsafe =
        KoreanText.isInvisible(scalar) || (value < 0x20 && value != 0x0A && value != 0x09)
        || value == 0x85 || value == 0x2028 || value == 0x2029
      let text = "가" + String(scalar) + "a"
      if KoreanText.printable(text) != (unsafe ? "가a" : text) { wrong.append(value) }
    }
    #expect(wrong.isEmpty, "\(wrong.prefix(20).map { String($0, radix: 16) })")
    #expect(KoreanText.printable("\u{1B}]52;c;ZWNobw==\u{07}유신\u{1B}[2J") == "]52;c;ZWNobw==유신[2J")
  }
}

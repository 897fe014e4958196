import Foundation
import Testing

@testable import ClusterKit

@Suite struct BusinessNumberTests {
  @Test func validWithAndWithoutHyphens() throws {
    #expect(try BusinessNumber.normalize("124-81-00998") == "1248100998")
    #expect(try BusinessNumber.normalize("1248100998") == "1248100998")
    #expect(BusinessNumber.format("1248100998") == "124-81-00998")
  }

  @Test func spacesAroundAndInsideAreDropped() throws {
    #expect(try BusinessNumber.normalize(" 124-81-00998 ") == "1248100998")
    #expect(try BusinessNumber.normalize("124 81 00998") == "1248100998")
    #expect(
      throws: FieldError(field: "businessNumber", problem: .checkDigit, value: "1248100997")
    ) { try BusinessNumber.normalize("1248100997") }
  }

  @Test func wrongCheckDigit() {
    #expect(
      throws: FieldError(field: "businessNumber", problem: .checkDigit, value: "124-81-00997")
    ) {
      try BusinessNumber.normalize("124-81-00997")
    }
  }

  @Test(arguments: ["124-81-0099", "12481009981", "", "abc-de-fghij"])
  func wrongLength(_ text: String) {
    #expect(throws: FieldError.self) { try BusinessNumber.normalize(text) }
    #expect(!BusinessNumber.isValid(text))
  }

  @Test(arguments: ["1248-1-00998", "124-8100-998", "12-481-00998", "124-81 00998", "１２４８１００９９８"])
  func wrongHyphenPositions(_ text: String) {
    #expect(
      throws: FieldError(
        field: "businessNumber", problem: .invalidFormat(expected: "123-45-67890"), value: text)
    ) { try BusinessNumber.normalize(text) }
  }

  @Test func koreanMessageUsesTheLabel() {
    let error = FieldError(field: "businessNumber", problem: .checkDigit, line: 7)
    #expect(error.message(.ko) == "7행, 사업자등록번호: 검증번호(마지막 자리)가 맞지 않습니다")
    #expect(
      error.message(.en) == "line 7, business registration number: has a wrong check digit")
    let inFile = FieldError(
      field: "businessNumber", problem: .checkDigit, line: 7, column: "사업자번호")
    #expect(inFile.message(.en) == "line 7, 사업자번호: has a wrong check digit")
  }
}

@Suite struct PhoneNumberTests {
  @Test(arguments: [
    ("02-123-4567", "02-123-4567"),
    ("021234567", "02-123-4567"),
    ("02-1234-5678", "02-1234-5678"),
    ("(02) 1234 5678", "02-1234-5678"),
    ("031-123-4567", "031-123-4567"),
    ("0311234567", "031-123-4567"),
    ("031-1234-5678", "031-1234-5678"),
    ("064 1234 5678", "064-1234-5678"),
    ("054.123.4567", "054-123-4567"),
    ("010-1234-5678", "010-1234-5678"),
    ("01012345678", "010-1234-5678"),
    ("011-123-4567", "011-123-4567"),
    ("016-1234-5678", "016-1234-5678"),
    ("019 123 4567", "019-123-4567"),
    ("070-1234-5678", "070-1234-5678"),
    ("07012345678", "070-1234-5678"),
    ("1588-1234", "1588-1234"),
    ("16001234", "1600-1234"),
    ("1899 5678", "1899-5678"),
    ("+82 10-1234-5678", "010-1234-5678"),
    ("+82 2 1234 5678", "02-1234-5678"),
    ("+82 (0)31-123-4567", "031-123-4567"),
  ])
  func accepted(_ input: String, _ expected: String) throws {
    #expect(try PhoneNumber.normalize(input) == expected)
  }

  @Test(arguments: [
    "010-123-4567", "02-12-3456", "030-123-4567", "065-123-4567", "1234-5678", "1588-123",
    "070-123-4567", "02-1234-56789", "phone", "010-1234-567a", "",
  ])
  func rejected(_ input: String) {
    #expect(!PhoneNumber.isValid(input))
  }

  @Test func errorNamesFieldAndShape() {
    do {
      _ = try PhoneNumber.normalize("12345", field: "phone")
      Issue.record("accepted 12345")
    } catch {
      #expect(error.field == "phone")
      #expect(
        error.message(.en)
          == "phone: must look like 02-1234-5678 / 031-123-4567 / 010-1234-5678 / 1588-1234 (got \"12345\")"
      )
      #expect(error.message(.ko).hasPrefix("전화번호: 형식이 맞지 않습니다 (예: 02-1234-5678"))
    }
  }
}

@Suite struct EmailAddressTests {
  @Test func normalises() throws {
    #expect(try EmailAddress.normalize("  Kim.CS@YuSin.CO.KR ") == "Kim.CS@yusin.co.kr")
    #expect(try EmailAddress.normalize("a+b@example.com") == "a+b@example.com")
  }

  @Test(arguments: [
    "kim", "kim@", "@example.com", "kim@example", "kim @example.com", "kim@@example.com",
    "kim@exa mple.com", "kim@example.c", "kim@-example.com", "kim@example..com", ".kim@example.com",
  ])
  func rejected(_ text: String) {
    #expect(throws: FieldError.self) { try EmailAddress.normalize(text) }
  }

  /// Text that is all ASCII is checked on its bytes: it must give what the rules a character at
  /// a time give, for every address and every near miss.
  @Test func asciiTextGivesWhatTheCharacterRulesGive() {
    var random = SystemRandomNumberGenerator()
    let pieces = [
      "kim", "K", "9", ".", "..", "@", "-", "+", "_", "!", " ", "\t", "\r\n", "co", "KR", "x-y",
      "\"", "(", "~", "\u{0B}", "\u{1F}", "é", "한",
    ]
    var texts = ["", " ", "a@b.co", " a@b.co\n", "a@b.c", "a@b..co", "a@-b.co", "a@b-.co"]
    for _ in 0..<5000 {
      texts.append(
        (0..<Int.random(in: 1...8, using: &random)).map { _ in pieces.randomElement(using: &random)!
        }.joined())
    }
    for text in texts {
      let expected = try? EmailAddress.normalizeCharacters(text)
      #expect((try? EmailAddress.normalize(text)) == expected, "\(text)")
    }
  }
}

@Suite struct DayTests {
  @Test(arguments: ["2026-11-22", "2026.11.22", "2026. 11. 22.", "2026/11/22", "20261122"])
  func forms(_ text: String) {
    #expect(Day(parsing: text) == Day(year: 2026, month: 11, day: 22))
  }

  @Test(arguments: ["2026-02-30", "2025-02-29", "2026-13-01", "2026-04-31", "26-11-22", "x"])
  func invalid(_ text: String) {
    #expect(Day(parsing: text) == nil)
  }

  @Test func leapDay() {
    #expect(Day(parsing: "2024-02-29")?.description == "2024-02-29")
  }
}

@Suite struct MoneyTests {
  @Test func format() {
    #expect(Money.format(1_370_000_000) == "1,370,000,000원")
    #expect(Money.grouped(1_370_000_000) == "1,370,000,000")
    #expect(Money.grouped(999) == "999")
    #expect(Money.grouped(1000) == "1,000")
    #expect(Money.grouped(0) == "0")
    #expect(Money.grouped(-1_234_567) == "-1,234,567")
    #expect(Money.grouped(-100) == "-100")
    #expect(Money.grouped(100_000) == "100,000")
    #expect(Money.grouped(.min) == "-9,223,372,036,854,775,808")
    #expect(Money.grouped(.max) == "9,223,372,036,854,775,807")
  }

  @Test(
    arguments: [
      (1_370_000_000, "13억 7,000만원"),
      (300_000_000, "3억원"),
      (3_000_000, "300만원"),
      (5000, "5,000원"),
      (0, "0원"),
      (1_200_000_000_000, "1조 2,000억원"),
      (1_370_000_500, "13억 7,000만 500원"),
      (10_000, "1만원"),
    ] as [(KRW, String)])
  func compact(_ amount: KRW, _ expected: String) {
    #expect(Money.compact(amount) == expected)
  }

  @Test func compactRounded() {
    #expect(Money.compactRounded(1_370_000_000) == "13.7억원")
    #expect(Money.compactRounded(1_374_000_000) == "13.7억원")
    #expect(Money.compactRounded(300_000_000) == "3억원")
    #expect(Money.compactRounded(1_250_000_000_000) == "1.3조원")
    #expect(Money.compactRounded(3_004_999) == "300만원")
    #expect(Money.compactRounded(5000) == "5,000원")
    #expect(Money.compactRounded(99_995_000) == "1억원")
    #expect(Money.compactRounded(999_996_000_000) == "1조원")
    #expect(Money.compactRounded(-250_000_000) == "-2.5억원")
    #expect(Money.compactRounded(KRW.max) == "9,223,372조원")
    #expect(Money.compact(KRW.max) == "9,223,372조 368억 5,477만 5,807원")
  }

  @Test(
    arguments: [
      ("1370000000", 1_370_000_000),
      ("1,370,000,000", 1_370_000_000),
      ("1,370,000,000원", 1_370_000_000),
      ("₩1,370,000,000", 1_370_000_000),
      ("13.7억", 1_370_000_000),
      ("13.7억원", 1_370_000_000),
      ("300만", 3_000_000),
      ("300만원", 3_000_000),
      ("300 만원", 3_000_000),
      ("1억 2천만", 120_000_000),
      ("1억2천만원", 120_000_000),
      ("5천", 5000),
      ("2조", 2_000_000_000_000),
      ("1억 2,500만", 125_000_000),
      ("13억 7,000만 500원", 1_370_000_500),
      ("1.5천만", 15_000_000),
      ("2천5백", 2500),
      ("천만원", 10_000_000),
      ("0", 0),
      ("1.0", 1),
    ] as [(String, KRW)])
  func parse(_ text: String, _ expected: KRW) throws {
    #expect(try Money.parse(text) == expected)
  }

  /// Shorthand as people write it: a 천 group after 억 counts in 만 (after 조, in 억), one bare
  /// digit after a unit is that unit's next digit, and a trailing 원 means the last number is won.
  @Test(
    arguments: [
      ("1억2천", 120_000_000), ("1억 2천", 120_000_000), ("1억2천만", 120_000_000),
      ("1억 2천5백", 125_000_000), ("1억 2천원", 120_000_000), ("1조5천", 1_500_000_000_000),
      ("3만5천", 35_000), ("12억3", 1_230_000_000), ("2조3", 2_300_000_000_000),
      ("3만5", 35_000), ("1만 500", 10_500), ("3만50", 30_050), ("1억 5원", 100_000_005),
      ("1억 500원", 100_000_500), ("1억 2,000원", 100_002_000), ("12억3원", 1_200_000_003),
      ("만원", 10_000), ("억", 100_000_000), ("억천만", 110_000_000), ("2천백", 2100),
      ("1억 2천만 5천", 120_005_000),
    ] as [(String, KRW)])
  func shorthandAsPeopleMeanIt(_ text: String, _ expected: KRW) throws {
    #expect(try Money.parse(text) == expected)
  }

  /// Forms that could mean two amounts are refused with a sentence saying how to write them.
  @Test(arguments: ["억만", "1억만", "조억", "12억35", "1억 500", "1억 2500", "1조 300", "1억 25,000"])
  func ambiguousFormsAreRefused(_ text: String) {
    do {
      let value = try Money.parse(text)
      Issue.record("\(text) read as \(value)")
    } catch {
      #expect(error.field == "amount")
      #expect(error.message(.en).contains("write"), "\(error.message(.en))")
      #expect(error.message(.ko).contains("쓰세요"), "\(error.message(.ko))")
    }
  }

  @Test func amountsPastTheLargestAreRefused() throws {
    #expect(throws: FieldError.self) { try Money.parse("1001조") }
    #expect(try Money.parse("1000조") == 1_000_000_000_000_000)
  }

  @Test func plainDigitsAndGroupsAtTheEdges() throws {
    #expect(try Money.parse("1,000,000,000,000,000") == Money.maximum)
    #expect(try Money.parse("0001000원") == 1000)
    #expect(try Money.parse("7원") == 7)
    for text in ["1,000,000,000,000,001", "9999999999999999999", "12345678901234567890원"] {
      #expect(
        throws: FieldError(
          field: "amount", problem: .outOfRange("0…" + Money.compact(Money.maximum)), value: text)
      ) { try Money.parse(text) }
    }
    for text in ["1,0000", "12,34", "0001,000", ",000", "1,", "원", ""] {
      #expect(
        throws: FieldError(
          field: "amount", problem: .invalidFormat(expected: Money.expected), value: text)
      ) { try Money.parse(text) }
    }
  }

  @Test func roundTripsItsOwnFormats() throws {
    for amount: KRW in [0, 7, 5000, 3_000_000, 1_370_000_500, 1_200_000_000_000, 987_654_321] {
      #expect(try Money.parse(Money.format(amount)) == amount)
      #expect(try Money.parse(Money.compact(amount)) == amount)
    }
  }

  @Test(arguments: ["-5000", "-3억", "−1,000원"])
  func negative(_ text: String) {
    #expect(throws: FieldError(field: "amount", problem: .negative, value: text)) {
      try Money.parse(text)
    }
  }

  @Test(arguments: [
    "abc", "", "원", "1,37", "12,3456", "1억 20000만", "3만 2억", "13.7.1억", "1억a", "5천6천",
    "2천5000",
  ])
  func garbage(_ text: String) {
    #expect(
      throws: FieldError(
        field: "amount", problem: .invalidFormat(expected: "1,370,000,000 / 13.7억 / 300만"),
        value: text)
    ) { try Money.parse(text) }
  }

  @Test(arguments: ["1.5", "0.00001만", "1234.56원"])
  func fractionOfAWon(_ text: String) {
    #expect(throws: FieldError(field: "amount", problem: .notAnInteger, value: text)) {
      try Money.parse(text)
    }
  }

  @Test(arguments: ["99999999999999999999", "10000000조"])
  func overflow(_ text: String) {
    do {
      _ = try Money.parse(text, field: "sales")
      Issue.record("accepted \(text)")
    } catch {
      #expect(error.field == "sales")
      guard case .outOfRange = error.problem else {
        Issue.record("wrong problem \(error.problem)")
        return
      }
    }
  }
}

@Suite struct OfficeDayTests {
  /// Today in the office is worked out from UTC+9 alone; Korea's own calendar agrees at every
  /// instant since 1989, around midnight in Seoul and in UTC included.
  @Test func theDayNineHoursOnIsTheDayInSeoul() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "Asia/Seoul"))
    // Korea last kept daylight saving time in the summer of 1988.
    let start = 599_616_000  // 1989-01-01 00:00 UTC
    for seconds in stride(from: start, to: 2_000_000_000, by: 3_599 * 17) {
      let parts = calendar.dateComponents(
        [.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
      let seoul = try #require(Day(year: parts.year!, month: parts.month!, day: parts.day!))
      #expect(Day(secondsSince1970: seconds + Day.officeOffset) == seoul)
    }
    #expect(Day(secondsSince1970: -1) == Day(year: 1969, month: 12, day: 31))
    #expect(
      Day(secondsSince1970: 15 * 3600 - 1 + Day.officeOffset) == Day(year: 1970, month: 1, day: 1))
    #expect(
      Day(secondsSince1970: 15 * 3600 + Day.officeOffset) == Day(year: 1970, month: 1, day: 2))
  }

  /// A change and an audit entry are stamped with the text `ISO8601DateFormatter` writes, to the
  /// second, before 1970 and around midnight and the turn of a year included.
  @Test func aTimestampIsWhatTheISOFormatterWrites() {
    let formatter = ISO8601DateFormatter()
    let instants: [TimeInterval] =
      [-86_401, -1.5, 0, 59.999, 86_399, 86_400, 1_798_761_599, 1_798_761_600]
      + stride(from: 599_616_000.25, to: 4_000_000_000, by: 3_599 * 1_777 + 0.5).map { $0 }
    for seconds in instants {
      let date = Date(timeIntervalSince1970: seconds)
      #expect(Day.timestamp(date) == formatter.string(from: date), "\(seconds)")
    }
  }
}

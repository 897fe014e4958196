import Foundation

/// Korean won: `1,370,000,000원`, `13억 7,000만원`, and parsing of what people type.
public enum Money {
  /// Shown when an amount cannot be read.
  public static let expected = "1,370,000,000 / 13.7억 / 300만"

  /// `1370000000` → `1,370,000,000원`.
  public static func format(_ amount: KRW) -> String { grouped(amount) + "원" }

  /// `1370000000` → `1,370,000,000`.
  public static func grouped(_ amount: KRW) -> String {
    // Bytes written from the last digit back into one buffer, then one string: a table of
    // amounts groups hundreds of them a frame, and a list thousands.
    var rest = amount.magnitude
    return String(unsafeUninitializedCapacity: 27) { buffer in
      var index = buffer.count
      var written = 0
      repeat {
        if written > 0, written % 3 == 0 {
          index -= 1
          buffer[index] = UInt8(ascii: ",")
        }
        index -= 1
        buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
        written += 1
      } while rest > 0
      if amount < 0 {
        index -= 1
        buffer[index] = UInt8(ascii: "-")
      }
      // Moved to the front; forwards, as the text only moves towards it.
      let count = buffer.count - index
      for i in 0..<count { buffer[i] = buffer[index + i] }
      return count
    }
  }

  /// Exact amount in Korean units: `13억 7,000만원`, `3억원`, `300만원`, `5,000원`,
  /// `1조 2,000억원`, `13억 7,000만 500원`.
  public static func compact(_ amount: KRW) -> String {
    var rest = amount.magnitude
    var parts: [String] = []
    for (unit, name) in units {
      let count = rest / unit
      rest %= unit
      if count > 0 { parts.append(groupedMagnitude(count) + name) }
    }
    if rest > 0 || parts.isEmpty { parts.append(groupedMagnitude(rest)) }
    return (amount < 0 ? "-" : "") + parts.joined(separator: " ") + "원"
  }

  /// Rounded to one decimal of the largest unit, for charts and narrow columns:
  /// `13.7억원`, `1.2조원`, `300만원` (whole 만), `5,000원`.
  public static func compactRounded(_ amount: KRW) -> String {
    let sign = amount < 0 ? "-" : ""
    let value = amount.magnitude
    func tenths(_ count: UInt64, _ name: String) -> String {
      let fraction = count % 10 == 0 ? "" : ".\(count % 10)"
      return sign + groupedMagnitude(count / 10) + fraction + name + "원"
    }
    if value < 10_000 { return sign + groupedMagnitude(value) + "원" }
    // Rounding may carry into the next unit (9,999.6만 is 1억), so each step checks its limit.
    let man = (value + 5_000) / 10_000
    if man < 10_000 { return sign + groupedMagnitude(man) + "만원" }
    let eok = (value + 5_000_000) / 10_000_000
    if eok < 100_000 { return tenths(eok, "억") }
    return tenths((value + 50_000_000_000) / 100_000_000_000, "조")
  }

  private static let units: [(UInt64, String)] = [
    (1_000_000_000_000, "조"), (100_000_000, "억"), (10_000, "만"),
  ]

  private static func groupedMagnitude(_ value: UInt64) -> String {
    grouped(KRW(clamping: value))
  }

  private static let bigUnits: [Character: Int] = ["만": 4, "억": 8, "조": 12]
  private static let smallUnits: [Character: Int] = ["십": 1, "백": 2, "천": 3]

  /// One number as written: its integer digits and the digits after the decimal point
  /// (trailing zeros removed).
  private struct Number {
    var integer: String
    var fraction: String
  }

  private struct Term {
    var number: Number
    var exponent: Int
  }

  /// The largest amount anything may hold: 1,000조원. Fields hold less (see `RecordRules`).
  public static let maximum: KRW = 1_000_000_000_000_000

  /// Reads `1370000000`, `1,370,000,000`, `1,370,000,000원`, `₩1,370,000,000`, `13.7억`,
  /// `300만`, `300만원`, `1억 2천만`, `1억2천만원`, `5천`, `2조`, `1억 2,500만`, `13억 7,000만 500원`,
  /// and shorthand as people write it:
  ///
  /// - a group of 천, 백, 십 after 억 counts in 만, after 조 in 억 (`1억2천` is 1억 2천만,
  ///   `1조5천` is 1조 5천억); after 만 it counts in won (`3만5천` is 35,000);
  /// - one bare digit after a unit is that unit's next digit (`12억3` is 12억 3천만, `3만5` is
  ///   35,000); with 원 at the end it is won (`1억 5원`, as `compact` writes it);
  /// - more bare digits after 만 are won (`1만 500` is 10,500); after 억 or 조 they could be
  ///   만 or won (`1억 500`) and are refused unless 원 ends the amount (`1억 500원`).
  ///
  /// Refuses a unit without its number after the start (`억만`, `1억만`), negative amounts,
  /// fractions of a won and amounts over `maximum`: for money that is approved, a misread
  /// amount is worse than a refusal.
  public static func parse(_ text: String, field: String = "amount") throws(FieldError) -> KRW {
    if let amount = plainWon(text) { return amount }
    let invalid = FieldError(field: field, problem: .invalidFormat(expected: expected), value: text)
    var body = KoreanText.nfc(text).filter { !$0.isWhitespace }[...]
    var negative = false
    if let first = body.first, first == "-" || first == "\u{2212}" {
      negative = true
      body = body.dropFirst()
    }
    if let first = body.first, first == "₩" || first == "￦" { body = body.dropFirst() }
    let endsInWon = body.hasSuffix("원")
    if endsInWon { body = body.dropLast() }
    if body.uppercased().hasPrefix("KRW") { body = body.dropFirst(3) }
    guard !body.isEmpty else { throw invalid }

    let chars = Array(body)
    var index = 0
    var total: KRW = 0
    var pending: [Term] = []
    var lastBig = Int.max
    var lastSmall = Int.max
    var sawDigit = false

    func readNumber() throws(FieldError) -> Number? {
      let start = index
      while index < chars.count, chars[index].isASCIIDigit || chars[index] == "," {
        index += 1
      }
      var fraction = ""
      let integerPart = String(chars[start..<index])
      if index < chars.count, chars[index] == "." {
        index += 1
        let fractionStart = index
        while index < chars.count, chars[index].isASCIIDigit { index += 1 }
        fraction = String(chars[fractionStart..<index])
        guard !fraction.isEmpty else { throw invalid }
      }
      if integerPart.isEmpty && fraction.isEmpty { return nil }
      let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
      if groups.count > 1 {
        guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { throw invalid }
      }
      guard !integerPart.isEmpty else { throw invalid }
      sawDigit = true
      while fraction.hasSuffix("0") { fraction.removeLast() }
      return Number(integer: integerPart.filter { $0 != "," }, fraction: fraction)
    }

    /// Adds the pending terms times 10^bigExponent to the total, checking that the group fits
    /// below the previous big unit (so `1억 20000만` is rejected).
    func flush(bigExponent: Int) throws(FieldError) {
      var group: KRW = 0
      for term in pending {
        let value = try exact(term.number, exponent: term.exponent + bigExponent, text, field)
        let (sum, overflow) = group.addingReportingOverflow(value)
        guard !overflow else { throw overflowError(text, field) }
        group = sum
      }
      if lastBig != Int.max, let limit = power(lastBig), group >= limit { throw invalid }
      let (sum, overflow) = total.addingReportingOverflow(group)
      guard !overflow else { throw overflowError(text, field) }
      total = sum
      pending = []
      lastSmall = Int.max
    }

    var bareStart = 0
    while index < chars.count {
      let start = index
      let number = try readNumber()
      let unit: Character? = index < chars.count ? chars[index] : nil
      if let unit, let exponent = smallUnits[unit] {
        index += 1
        guard exponent < lastSmall else { throw invalid }
        pending.append(
          Term(number: number ?? Number(integer: "1", fraction: ""), exponent: exponent))
        lastSmall = exponent
      } else if let unit, let exponent = bigUnits[unit] {
        index += 1
        guard exponent < lastBig else { throw invalid }
        if let number {
          guard lastSmall == Int.max || wholeBelow(number, exponent: lastSmall) else {
            throw invalid
          }
          pending.append(Term(number: number, exponent: 0))
        }
        if pending.isEmpty {
          // `만원` and `억` alone are one of the unit; `억만` is no amount anyone writes.
          guard start == 0 else { throw unitWithoutNumber(text, field) }
          pending.append(Term(number: Number(integer: "1", fraction: ""), exponent: 0))
        }
        try flush(bigExponent: exponent)
        lastBig = exponent
      } else if let number, unit == nil {
        guard lastSmall == Int.max || wholeBelow(number, exponent: lastSmall) else {
          throw invalid
        }
        if pending.isEmpty { bareStart = start }
        pending.append(Term(number: number, exponent: 0))
      } else {
        throw invalid
      }
    }
    if !pending.isEmpty {
      if lastBig == Int.max {
        try flush(bigExponent: 0)
      } else if pending.contains(where: { $0.exponent > 0 }) {
        // `1억2천`: the 천 group counts in the unit below 억 (만), below 조 (억).
        try flush(bigExponent: lastBig >= 8 ? lastBig - 4 : 0)
      } else {
        let number = pending[0].number
        if endsInWon || (lastBig == 4 && number.integer.count > 1) {
          try flush(bigExponent: 0)
        } else if number.integer.count == 1 && number.fraction.isEmpty {
          // `12억3`: one digit after a unit is its next digit.
          pending = [Term(number: number, exponent: lastBig - 1)]
          try flush(bigExponent: 0)
        } else {
          throw ambiguous(
            head: String(chars[..<bareStart]), number: String(chars[bareStart...]), text, field)
        }
      }
    }
    guard sawDigit || lastBig != Int.max else { throw invalid }
    if negative && total != 0 {
      throw FieldError(field: field, problem: .negative, value: text)
    }
    guard total <= maximum else { throw overflowError(text, field) }
    return total
  }

  /// `1370000000`, `1,370,000,000` or either with 원, read from its bytes as `parse` reads it;
  /// nil for anything else (spaces, units, signs, a fraction, a bad grouping, over `maximum`),
  /// which `parse` reads the long way.
  private static func plainWon(_ text: String) -> KRW? {
    var bytes = Array(text.utf8)
    if bytes.count > 3, bytes.suffix(3).elementsEqual([0xEC, 0x9B, 0x90]) {  // 원
      bytes.removeLast(3)
    }
    let groups = bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
    guard groups.allSatisfy({ $0.allSatisfy { (0x30...0x39).contains($0) } }),
      groups.count == 1
        || (1...3).contains(groups[0].count)
          && groups.dropFirst().allSatisfy({ $0.count == 3 }),
      case let digits = groups.joined(), (1...18).contains(digits.count)
    else { return nil }
    let amount = digits.reduce(KRW(0)) { $0 * 10 + KRW($1 - 0x30) }
    return amount <= maximum ? amount : nil
  }

  private static func unitWithoutNumber(_ text: String, _ field: String) -> FieldError {
    FieldError(
      field: field,
      problem: .other(
        english: "has a unit without its number; write each unit with its number, as in 1억 2천만",
        korean: "숫자 없이 단위만 있습니다. 1억 2천만처럼 단위마다 숫자를 붙여 쓰세요"),
      value: text)
  }

  /// `1억 500`: 1억 500만, or 100,000,500? Refused, saying both ways to write it.
  private static func ambiguous(head: String, number: String, _ text: String, _ field: String)
    -> FieldError
  {
    FieldError(
      field: field,
      problem: .other(
        english: "could mean two amounts; write \(head) \(number)만, or \(head) \(number)원 for won",
        korean: "두 가지 금액으로 읽힐 수 있습니다. \(head) \(number)만 또는 (원 단위라면) \(head) \(number)원처럼 쓰세요"),
      value: text)
  }

  /// True when the number is smaller than 10^exponent (a bare `500` after `2천`).
  private static func wholeBelow(_ number: Number, exponent: Int) -> Bool {
    let digits = number.integer.drop(while: { $0 == "0" })
    return digits.count <= exponent
  }

  private static func power(_ exponent: Int) -> KRW? {
    var value: KRW = 1
    for _ in 0..<exponent {
      let (next, overflow) = value.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      value = next
    }
    return value
  }

  private static func overflowError(_ text: String, _ field: String) -> FieldError {
    FieldError(field: field, problem: .outOfRange("0…" + compact(maximum)), value: text)
  }

  /// number × 10^exponent, exactly; a fraction of a won is an error.
  private static func exact(_ number: Number, exponent: Int, _ text: String, _ field: String)
    throws(FieldError) -> KRW
  {
    guard number.fraction.count <= exponent else {
      throw FieldError(field: field, problem: .notAnInteger, value: text)
    }
    let digits =
      number.integer + number.fraction
      + String(repeating: "0", count: exponent - number.fraction.count)
    let trimmed = digits.drop(while: { $0 == "0" })
    guard let value = KRW(trimmed.isEmpty ? "0" : String(trimmed)) else {
      throw overflowError(text, field)
    }
    return value
  }
}

import Foundation

/// Korean telephone numbers, stored with hyphens: `02-123-4567`, `031-1234-5678`,
/// `010-1234-5678`, `070-1234-5678`, `1588-1234`.
public enum PhoneNumber {
  /// The shapes shown when a number is not recognised.
  public static let expected = "02-1234-5678 / 031-123-4567 / 010-1234-5678 / 1588-1234"

  /// Regional area codes after Seoul's 02.
  public static let areaCodes: Set<String> = [
    "031", "032", "033", "041", "042", "043", "044", "051", "052", "053", "054", "055", "061",
    "062", "063", "064",
  ]

  /// Mobile prefixes that still allow a three-digit middle part (010 always has four).
  static let oldMobilePrefixes: Set<String> = ["011", "016", "017", "018", "019"]

  /// Accepts the number with or without hyphens, spaces, dots or parentheses, and with the
  /// country code (`+82 10-1234-5678`, `+82 (0)2 1234 5678`). Returns it grouped with hyphens.
  public static func normalize(_ text: String, field: String = "phone") throws(FieldError)
    -> String
  {
    let failure = FieldError(field: field, problem: .invalidFormat(expected: expected), value: text)
    var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
    var international = false
    if body.hasPrefix("+82") {
      body = body.dropFirst(3)
      international = true
    } else if body.hasPrefix("0082") {
      body = body.dropFirst(4)
      international = true
    }
    let separators: Set<Character> = ["-", " ", "(", ")", ".", "\u{00A0}"]
    var digits = String(body.filter { !separators.contains($0) })
    guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { throw failure }
    if international, !digits.hasPrefix("0") { digits = "0" + digits }

    let rest: Int
    let prefix: String
    if digits.hasPrefix("02") {
      prefix = "02"
    } else if digits.hasPrefix("0") {
      prefix = String(digits.prefix(3))
    } else {
      // Representative numbers (대표번호): 15xx, 16xx, 18xx followed by four digits.
      guard digits.count == 8, ["15", "16", "18"].contains(String(digits.prefix(2))) else {
        throw failure
      }
      return "\(digits.prefix(4))-\(digits.suffix(4))"
    }
    rest = digits.count - prefix.count
    let allowed: Set<Int>
    switch prefix {
    case "02": allowed = [7, 8]
    case "010", "070": allowed = [8]
    case _ where oldMobilePrefixes.contains(prefix) || areaCodes.contains(prefix): allowed = [7, 8]
    default: throw failure
    }
    guard allowed.contains(rest) else { throw failure }
    let middle = digits.dropFirst(prefix.count).dropLast(4)
    return "\(prefix)-\(middle)-\(digits.suffix(4))"
  }

  public static func isValid(_ text: String) -> Bool { (try? normalize(text)) != nil }
}

extension PhoneNumber {
  /// Prefixes of mobile numbers, which belong to a person rather than an office.
  static let mobilePrefixes: Set<String> = oldMobilePrefixes.union(["010"])

  /// The number grouped with hyphens when it is one we know, else the text as it is: for
  /// printing numbers that were stored as typed.
  public static func tidied(_ text: String) -> String { (try? normalize(text)) ?? text }

  /// A contact's number for print: mobile numbers masked unless `unmask`.
  public static func printed(_ text: String, unmask: Bool) -> String {
    unmask ? tidied(text) : masked(text)
  }

  /// A mobile number with its middle part hidden, for print: `010-****-5678` (always four
  /// stars, so the length does not show). Other numbers come back as they are, normalised when
  /// they are valid. Text that is no number we know but holds a mobile's digits (`010 1234 5678
  /// 내선 3`) is hidden the same way rather than printed.
  public static func masked(_ text: String) -> String {
    if let number = try? normalize(text) {
      let parts = number.split(separator: "-")
      guard parts.count == 3, mobilePrefixes.contains(String(parts[0])) else { return number }
      return "\(parts[0])-****-\(parts[2])"
    }
    var digits = text.filter(\.isASCIIDigit)
    // The country code written without its plus: 82 10-… is 010-….
    if digits.hasPrefix("821") { digits = "0" + digits.dropFirst(2) }
    guard let start = digits.range(of: "01"),
      mobilePrefixes.contains(String(digits[start.lowerBound...].prefix(3))),
      digits[start.lowerBound...].count >= 10
    else { return text }
    let run = digits[start.lowerBound...].prefix(11)
    return "\(run.prefix(3))-****-\(run.suffix(4))"
  }
}

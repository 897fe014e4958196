import Foundation

/// 사업자등록번호: ten digits, shown `123-45-67890`, the last one a check digit.
public enum BusinessNumber {
  private static let weights = [1, 3, 7, 1, 3, 7, 1, 3, 5]

  /// The check digit for the first nine digits.
  public static func checkDigit(_ firstNine: [Int]) -> Int {
    precondition(firstNine.count == 9)
    var sum = zip(firstNine, weights).map(*).reduce(0, +)
    sum += firstNine[8] * 5 / 10
    return (10 - sum % 10) % 10
  }

  /// Ten digits without hyphens, or a field error. Accepts the number with or without hyphens.
  public static func normalize(_ text: String, field: String = "businessNumber") throws(FieldError)
    -> String
  {
    // Most numbers come as ten ASCII digits or `123-45-67890`: read those from their bytes.
    let bytes = Array(text.utf8)
    let hyphens = bytes.count == 12 ? [3, 6] : []
    if bytes.count == 10 || bytes.count == 12,
      bytes.indices.allSatisfy({ hyphens.contains($0) ? bytes[$0] == 0x2D : isDigit(bytes[$0]) })
    {
      let values = bytes.filter(isDigit).map { Int($0 - 0x30) }
      guard checkDigit(Array(values.prefix(9))) == values[9] else {
        throw FieldError(field: field, problem: .checkDigit, value: text)
      }
      return String(decoding: bytes.filter(isDigit), as: UTF8.self)
    }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let digits = trimmed.filter { $0 != "-" && $0 != " " }
    let hyphenated = trimmed.contains("-")
    guard digits.count == 10, digits.allSatisfy(\.isASCIIDigit),
      !hyphenated || trimmed.split(separator: "-").map(\.count) == [3, 2, 5]
    else {
      throw FieldError(field: field, problem: .invalidFormat(expected: "123-45-67890"), value: text)
    }
    let values = digits.compactMap(\.wholeNumberValue)
    guard checkDigit(Array(values.prefix(9))) == values[9] else {
      throw FieldError(field: field, problem: .checkDigit, value: text)
    }
    return digits
  }

  private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

  public static func isValid(_ text: String) -> Bool {
    (try? normalize(text)) != nil
  }

  /// `1248100998` → `124-81-00998`; anything else is returned as it is.
  public static func format(_ digits: String) -> String {
    guard digits.count == 10 else { return digits }
    let a = digits.prefix(3)
    let b = digits.dropFirst(3).prefix(2)
    let c = digits.suffix(5)
    return "\(a)-\(b)-\(c)"
  }

  /// Completes nine digits with their check digit (used by the generators).
  public static func complete(_ firstNine: [Int]) -> String {
    (firstNine + [checkDigit(firstNine)]).map(String.init).joined()
  }
}

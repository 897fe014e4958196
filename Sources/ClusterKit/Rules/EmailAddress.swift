import Foundation

/// E-mail addresses: trimmed, `local@domain.tld`, the domain lower-cased.
public enum EmailAddress {
  public static let expected = "name@example.co.kr"
  private static let localSymbols = Set("!#$%&'*+/=?^_`{|}~.-")

  public static func normalize(_ text: String, field: String = "email") throws(FieldError)
    -> String
  {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      guard let address = asciiAddress(Array(text.utf8)) else {
        throw FieldError(field: field, problem: .invalidFormat(expected: expected), value: text)
      }
      return address
    }
    return try normalizeCharacters(text, field: field)
  }

  /// The rules below over any text, a character at a time.
  static func normalizeCharacters(_ text: String, field: String = "email") throws(FieldError)
    -> String
  {
    let failure = FieldError(field: field, problem: .invalidFormat(expected: expected), value: text)
    let trimmed = KoreanText.nfc(text.trimmingCharacters(in: .whitespacesAndNewlines))
    guard !trimmed.contains(where: { $0.isWhitespace }) else { throw failure }
    let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2 else { throw failure }
    let local = parts[0]
    let domain = parts[1].lowercased()
    guard !local.isEmpty, local.count <= 64,
      local.allSatisfy({ $0.isLetter || $0.isNumber || localSymbols.contains($0) }),
      !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
    else { throw failure }
    let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2,
      labels.allSatisfy({ label in
        !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
          && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
      }),
      let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter)
    else { throw failure }
    return "\(local)@\(domain)"
  }

  /// The same rules over text that is all ASCII (nearly every address), on its bytes: a whole
  /// workspace's addresses are checked each time it loads, and Unicode characters cost far more.
  /// Nil when the address is not one.
  private static func asciiAddress(_ text: [UInt8]) -> String? {
    /// Space, tab, line feed, vertical tab, form feed and carriage return.
    func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (0x09...0x0D).contains(c) }
    func isLetter(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
    func isDigit(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) }
    guard let first = text.firstIndex(where: { !isSpace($0) }),
      let last = text.lastIndex(where: { !isSpace($0) })
    else { return nil }
    let trimmed = text[first...last]
    guard !trimmed.contains(where: isSpace) else { return nil }
    let parts = trimmed.split(separator: 0x40, omittingEmptySubsequences: false)
    guard parts.count == 2 else { return nil }
    let local = parts[0]
    let domain = parts[1].map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
    let dot = UInt8(ascii: ".")
    guard !local.isEmpty, local.count <= 64,
      local.allSatisfy({ isLetter($0) || isDigit($0) || asciiLocalSymbols.contains($0) }),
      local.first != dot, local.last != dot,
      !zip(local, local.dropFirst()).contains(where: { $0 == dot && $1 == dot })
    else { return nil }
    let hyphen = UInt8(ascii: "-")
    let labels = domain.split(separator: dot, omittingEmptySubsequences: false)
    guard labels.count >= 2,
      labels.allSatisfy({ label in
        !label.isEmpty && label.first != hyphen && label.last != hyphen
          && label.allSatisfy { isLetter($0) || isDigit($0) || $0 == hyphen }
      }),
      let tld = labels.last, tld.count >= 2, tld.allSatisfy(isLetter)
    else { return nil }
    return String(decoding: local, as: UTF8.self) + "@" + String(decoding: domain, as: UTF8.self)
  }

  private static let asciiLocalSymbols = Set("!#$%&'*+/=?^_`{|}~.-".utf8)

  public static func isValid(_ text: String) -> Bool { (try? normalize(text)) != nil }
}

import Foundation

/// E-mail addresses: trimmed, `local@domain.tld`, the domain lower-cased.
public enum EmailAddress {
  public static let expected = "name@example.co.kr"
  private static let localSymbols = Set("!#$%&'*+/=?^_`{|}~.-")

  public static func normalize(_ text: String, field: String = "email") throws(FieldError)
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

  public static func isValid(_ text: String) -> Bool { (try? normalize(text)) != nil }
}

/// Overlapping two-character grams, the index terms of full-text search over Korean notes:
/// `인증 비용` → `인증 비용`, `해외규격인증` → `해외 외규 규격 격인 인증`. A word of one character
/// is kept as it is. Latin is lowercased.
public enum TextGrams {
  public static func grams(_ text: String) -> String {
    words(text).flatMap(grams(ofWord:)).joined(separator: " ")
  }

  /// A search: an FTS5 phrase per word (all words must occur), or, for a single character that
  /// has no gram, plain text to look for with LIKE.
  public struct Query: Sendable {
    public var match: String?
    public var text: String
    public var isEmpty: Bool { match == nil && text.isEmpty }
  }

  public static func query(_ text: String) -> Query {
    let terms = words(text)
    if terms.count == 1, terms[0].count == 1 { return Query(match: nil, text: terms[0]) }
    let phrases = terms.map { "\"" + grams(ofWord: $0).joined(separator: " ") + "\"" }
    return Query(match: phrases.isEmpty ? nil : phrases.joined(separator: " AND "), text: "")
  }

  static func words(_ text: String) -> [String] {
    KoreanText.nfc(text).lowercased()
      .split { !($0.isLetter || $0.isNumber) }
      .map(String.init)
  }

  static func grams(ofWord word: String) -> [String] {
    let characters = Array(word)
    guard characters.count > 1 else { return [word] }
    return (0..<characters.count - 1).map { String(characters[$0...$0 + 1]) }
  }
}

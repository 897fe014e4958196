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

  /// A member's entry in the member search index: the grams of each text (name key, initials,
  /// representative, products) and, separately, every single character in them.
  public static func memberTerms(_ texts: [String]) -> (grams: String, chars: String) {
    let words = texts.flatMap(words)
    var seen = Set<Character>()
    let chars = words.joined().filter { seen.insert($0).inserted }
    return (
      words.flatMap(grams(ofWord:)).joined(separator: " "),
      chars.map(String.init).joined(separator: " ")
    )
  }

  /// The member search index query for a normalised search (letters and digits, see
  /// `KoreanText.normalizeQuery`): rows holding the text, or the initials of the text, as a run
  /// of consecutive grams (or, for one character, holding that character). Every member the
  /// exact comparison accepts is among them.
  public static func memberMatch(_ search: String) -> String? {
    guard !search.isEmpty else { return nil }
    // Characters every match holds as they are: all but initial consonants and a last syllable
    // that may still be being typed. Two or more of them in a row are a phrase of name grams
    // that any match contains, far more selective than the grams of initials.
    if let run = KoreanText.literalRuns(search).max(by: { $0.count < $1.count }), run.count > 1 {
      return "grams : \"" + grams(ofWord: run).joined(separator: " ") + "\""
    }
    let texts = Set([search, KoreanText.initials(search)]).sorted()
    if search.count == 1 {
      return "chars : (" + texts.map { "\"" + $0 + "\"" }.joined(separator: " OR ") + ")"
    }
    let phrases = texts.map { "\"" + grams(ofWord: $0).joined(separator: " ") + "\"" }
    return "grams : (" + phrases.joined(separator: " OR ") + ")"
  }

  /// Runs of letters and digits, lowercased. Works on Unicode scalars, not characters: the text
  /// is NFC, where a Hangul syllable or a Latin letter is one scalar, and this runs over every
  /// note of every visit when a workspace is loaded.
  static func words(_ text: String) -> [String] {
    var words: [String] = []
    var word = String.UnicodeScalarView()
    for scalar in KoreanText.nfc(text).lowercased().unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        word.append(scalar)
      } else if !word.isEmpty {
        words.append(String(word))
        word = String.UnicodeScalarView()
      }
    }
    if !word.isEmpty { words.append(String(word)) }
    return words
  }

  static func grams(ofWord word: String) -> [String] {
    let scalars = Array(word.unicodeScalars)
    guard scalars.count > 1 else { return [word] }
    return (0..<scalars.count - 1).map { index in
      var gram = String.UnicodeScalarView()
      gram.append(scalars[index])
      gram.append(scalars[index + 1])
      return String(gram)
    }
  }
}

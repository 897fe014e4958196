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
    let words = texts.flatMap { Self.words($0) }
    var grams = String.UnicodeScalarView()
    for word in words {
      let scalars = Array(word.unicodeScalars)
      if !grams.isEmpty { grams.append(" ") }
      guard scalars.count > 1 else {
        grams.append(contentsOf: scalars)
        continue
      }
      for index in 0..<scalars.count - 1 {
        if index > 0 { grams.append(" ") }
        grams.append(scalars[index])
        grams.append(scalars[index + 1])
      }
    }
    return (String(grams), distinctCharacters(words))
  }

  /// Every character of the words once, in order, separated by spaces. Text of ASCII and
  /// Hangul, where each scalar is a character of its own, is read scalar by scalar.
  static func distinctCharacters(_ words: [String]) -> String {
    guard words.allSatisfy({ $0.unicodeScalars.allSatisfy(isPlain) }) else {
      var seen = Set<Character>()
      return words.joined().filter { seen.insert($0).inserted }.map(String.init)
        .joined(separator: " ")
    }
    var seen = Set<UInt32>()
    var chars = String.UnicodeScalarView()
    for scalar in words.lazy.flatMap(\.unicodeScalars) where seen.insert(scalar.value).inserted {
      if !chars.isEmpty { chars.append(" ") }
      chars.append(scalar)
    }
    return String(chars)
  }

  /// ASCII, a Hangul syllable or a compatibility jamo: a character of its own, whose lower case
  /// and whether it is a letter or digit need no look-up in Unicode's tables.
  static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII || (0xAC00...0xD7A3).contains(scalar.value)
      || (0x3131...0x318E).contains(scalar.value)
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
    let composed = KoreanText.nfc(text)
    // ASCII and Hangul, nearly all text, are lower-cased and told apart scalar by scalar.
    guard composed.unicodeScalars.allSatisfy(isPlain) else {
      return words(lowercased: composed.lowercased())
    }
    // Plain text: ASCII capitals lowered, and letters and digits are ASCII ones or Hangul.
    let lowered = composed.unicodeScalars.lazy.map { scalar in
      (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20)! : scalar
    }
    return runs(of: lowered) { scalar in
      let value = scalar.value
      return (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || value >= 0x80
    }
  }

  /// Runs of letters and digits of lower-cased text, by Unicode's properties.
  static func words(lowercased text: String) -> [String] {
    runs(of: text.unicodeScalars) {
      $0.properties.isAlphabetic || $0.properties.numericType != nil
    }
  }

  /// The runs of scalars that `isWord` holds for.
  private static func runs(
    of scalars: some Sequence<Unicode.Scalar>, where isWord: (Unicode.Scalar) -> Bool
  ) -> [String] {
    var words: [String] = []
    var word = String.UnicodeScalarView()
    for scalar in scalars {
      if isWord(scalar) {
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

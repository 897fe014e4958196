import Foundation

/// Korean text handling: normalisation, the name key used for duplicates and sorting, and
/// initial-consonant (초성) search.
public enum KoreanText {
  /// Canonical composition (NFC). SQLite compares bytes, so everything is stored this way.
  public static func nfc(_ text: String) -> String {
    // Most text is already composed: ASCII and Latin-1, precomposed syllables, compatibility
    // jamo and enclosed forms such as ㈜ never change, so Foundation is asked only otherwise.
    let composed = text.unicodeScalars.allSatisfy { scalar in
      scalar.value < 0x300 || (0x3131...0x33FF).contains(scalar.value)
        || (0xAC00...0xD7A3).contains(scalar.value)
    }
    return composed ? text : text.precomposedStringWithCanonicalMapping
  }

  /// NFC, trimmed, every run of whitespace (including line breaks) replaced by one space, and
  /// nothing invisible left (see `isInvisible`).
  public static func clean(_ text: String) -> String {
    let composed = nfc(removingInvisible(text))
    return isTidy(composed)
      ? composed : composed.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Characters no stored text keeps: control characters other than white space (a NUL from a
  /// damaged file, the escape that starts a terminal command), a stray byte-order mark,
  /// bidirectional controls (U+202E turns text around on screen) and zero-width characters (a
  /// joiner made "G밸리" a different name from itself), the soft hyphen and the Hangul fillers
  /// (U+3164 shows as a blank). Kept, a name of only these passed the "required" check, and an
  /// escape sequence in a field drove the terminal that printed it. Checked by value so ordinary
  /// text pays one comparison per character.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x7F { return v < 0x20 && !(0x09...0x0D).contains(v) }
    if v < 0x200B {
      return (0x7F...0x9F).contains(v) && v != 0x85 || v == 0xAD || v == 0x061C || v == 0x115F
        || v == 0x1160
    }
    return v <= 0x200F || (0x202A...0x202E).contains(v) || (0x2060...0x2069).contains(v)
      || v == 0x3164 || v == 0xFEFF || v == 0xFFA0
  }

  /// The text without invisible characters; the same string when it has none.
  static func removingInvisible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isInvisible) else { return text }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isInvisible($0) })
    return String(scalars)
  }

  /// Text as it may reach a terminal: invisible characters removed (see `isInvisible`) and every
  /// other control character but the line break and the tab too, so that nothing read from a
  /// file or a workspace can move the cursor, clear the screen or set the clipboard.
  public static func printable(_ text: String) -> String {
    func unsafe(_ scalar: Unicode.Scalar) -> Bool {
      let v = scalar.value
      return isInvisible(scalar) || (v < 0x20 && v != 0x0A && v != 0x09) || v == 0x85
        || v == 0x2028 || v == 0x2029
    }
    var text = text
    guard !text.withUTF8(isPlainlyPrintable), text.unicodeScalars.contains(where: unsafe) else {
      return text
    }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !unsafe($0) })
    return String(scalars)
  }

  /// True when UTF-8 text has no byte that can begin a scalar `printable` removes: no control
  /// byte but the line break and the tab, and none of the lead bytes of U+0080–U+00BF (C2),
  /// U+0600–U+063F (D8), U+1000–U+1FFF (E1), U+2000–U+2FFF (E2), U+3000–U+3FFF (E3) or
  /// U+F000–U+FFFF (EF), where every unsafe scalar above ASCII lies. Most text is: Hangul
  /// syllables (EA–ED) and ASCII pass with one look at each byte. False says only "maybe".
  public static func isPlainlyPrintable(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    utf8.allSatisfy { byte in
      byte < 0x20
        ? byte == 0x0A || byte == 0x09
        : byte != 0x7F && byte != 0xC2 && byte != 0xD8 && byte != 0xE1 && byte != 0xE2
          && byte != 0xE3 && byte != 0xEF
    }
  }

  /// True when text has no white space but single spaces between words — most stored text, which
  /// then skips the split and join (an import cleans every field of every row).
  static func isTidy(_ text: String) -> Bool {
    var afterSpace = true
    for scalar in text.unicodeScalars {
      if scalar == " " {
        if afterSpace { return false }
        afterSpace = true
      } else if isWhiteSpace(scalar) {
        return false
      } else {
        afterSpace = false
      }
    }
    return !afterSpace || text.isEmpty
  }

  /// Unicode's White_Space property, listed, since looking the property up costs more than the
  /// rest of cleaning.
  static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      return true
    default:
      return false
    }
  }

  /// Legal forms removed from company names for the name key, written without spaces (spaces
  /// are removed before they are looked for, so `( 주 )` and `유신테크 주식회사` are covered).
  public static let legalForms: [String] = [
    "유한책임회사", "주식회사", "유한회사", "합자회사", "합명회사", "재단법인", "사단법인",
    "(주)", "(유)", "(재)", "(사)", "(합)", "㈜", "㈔",
  ]

  /// The legal forms a query drops: those in parentheses or of one character.
  static let queryLegalForms = legalForms.filter { $0.hasPrefix("(") || $0.count == 1 }

  /// The same forms as scalars, made once: `removing` runs for every name of an import.
  private static let legalFormScalars = legalForms.map { Array($0.unicodeScalars) }
  private static let queryLegalFormScalars = queryLegalForms.map { Array($0.unicodeScalars) }

  /// The text with every occurrence of each form taken out, form after form, compared scalar by
  /// scalar (the text is NFC, as the forms are): Foundation's search cost a quarter of a member
  /// import.
  static func removing(_ forms: [[Unicode.Scalar]], from text: String) -> String {
    var scalars = Array(text.unicodeScalars)
    for form in forms where !form.isEmpty {
      guard scalars.count >= form.count, scalars.contains(form[0]) else { continue }
      var kept: [Unicode.Scalar] = []
      kept.reserveCapacity(scalars.count)
      var i = 0
      var found = false
      while i < scalars.count {
        if i + form.count <= scalars.count, scalars[i..<i + form.count].elementsEqual(form) {
          i += form.count
          found = true
        } else {
          kept.append(scalars[i])
          i += 1
        }
      }
      if found { scalars = kept }
    }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars)
    return String(result)
  }

  /// Latin legal suffixes dropped when they are separate words at the end of a name.
  static let latinLegalWords: Set<String> = [
    "co", "ltd", "inc", "corp", "corporation", "llc", "limited", "company",
  ]

  /// The key used for duplicate detection and sorting: NFC, legal forms removed, whitespace and
  /// punctuation removed, Latin lower-cased. `(주)유신테크`, `㈜ 유신테크` and
  /// `유신테크 주식회사` all give `유신테크`.
  public static func nameKey(_ name: String) -> String {
    var text = unifyParentheses(nfc(removingInvisible(name)))
    // Latin legal words at the end ("Yusin Tech Co., Ltd."); a name without a Latin letter,
    // most of them, has none, and is not split to look.
    if text.utf8.contains(where: { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) {
      var words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "." })
      let wordCount = words.count
      while words.count > 1, let last = words.last, latinLegalWords.contains(last.lowercased()) {
        words.removeLast()
      }
      if words.count < wordCount { text = words.joined(separator: " ") }
    }
    var compact = withoutWhitespace(text)
    // Every legal form holds one of these; most names hold none, and then none is looked for.
    if compact.unicodeScalars.contains(where: { "(회법㈜㈔".unicodeScalars.contains($0) }) {
      compact = removing(legalFormScalars, from: compact)
    }
    let key = keepLettersAndDigits(compact)
    return key.isEmpty ? keepLettersAndDigits(text) : key
  }

  /// The query as `matches` uses it: NFC, parenthesised legal forms removed, whitespace and
  /// punctuation dropped, Latin lower-cased.
  public static func normalizeQuery(_ query: String) -> String {
    var compact = unifyParentheses(nfc(query)).filter { !$0.isWhitespace }
    compact = removing(queryLegalFormScalars, from: compact)
    return keepLettersAndDigits(compact)
  }

  private static func unifyParentheses(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 == "（" || $0 == "）" }) else { return text }
    return text.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
  }

  private static func keepLettersAndDigits(_ text: String) -> String {
    // ASCII and Hangul, nearly every name, are told apart scalar by scalar.
    guard text.unicodeScalars.allSatisfy(TextGrams.isPlain) else {
      return String(text.filter { $0.isLetter || $0.isNumber }).lowercased()
    }
    var kept = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x41...0x5A: kept.append(Unicode.Scalar(scalar.value + 0x20)!)
      case 0x30...0x39, 0x61...0x7A, 0x80...: kept.append(scalar)
      default: break
      }
    }
    return String(kept)
  }

  /// The text without its white space; ASCII and Hangul are read scalar by scalar.
  private static func withoutWhitespace(_ text: String) -> String {
    guard text.unicodeScalars.allSatisfy(TextGrams.isPlain) else {
      return text.filter { !$0.isWhitespace }
    }
    var kept = String.UnicodeScalarView()
    kept.append(
      contentsOf: text.unicodeScalars.lazy.filter { $0 != " " && !(0x09...0x0D).contains($0.value) }
    )
    return String(kept)
  }

  // MARK: - Initial consonants

  /// The nineteen initial consonants in syllable order, as compatibility jamo (U+3131…).
  public static let initialConsonants: [Character] = [
    "ㄱ", "ㄲ", "ㄴ", "ㄷ", "ㄸ", "ㄹ", "ㅁ", "ㅂ", "ㅃ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅉ", "ㅊ", "ㅋ",
    "ㅌ", "ㅍ", "ㅎ",
  ]
  private static let initialSet = Set(initialConsonants)

  /// A precomposed Hangul syllable split into its initial, medial and final indices.
  struct Syllable {
    var initial: Int
    var medial: Int
    var final: Int

    init?(_ character: Character) {
      guard character.unicodeScalars.count == 1,
        let scalar = character.unicodeScalars.first,
        (0xAC00...0xD7A3).contains(scalar.value)
      else { return nil }
      let index = Int(scalar.value) - 0xAC00
      initial = index / 588
      medial = (index % 588) / 28
      final = index % 28
    }
  }

  /// Each Hangul syllable replaced by its initial consonant (compatibility jamo); other
  /// characters kept, lower-cased. One output character per input character, so positions
  /// line up: `유신테크` → `ㅇㅅㅌㅋ`, `Yusin 2` → `yusin 2`.
  public static func initials(_ key: String) -> String {
    String(key.map(initial(of:)))
  }

  private static func initial(of character: Character) -> Character {
    if let syllable = Syllable(character) { return initialConsonants[syllable.initial] }
    return lowered(character)
  }

  private static func lowered(_ character: Character) -> Character {
    character.lowercased().first ?? character
  }

  /// True when the query occurs in the key, where each query character matches a key
  /// character that is equal (ignoring case), or is a syllable starting with the query's
  /// initial consonant (`ㅇㅅㅌㅋ` finds `유신테크`); the last query character may also be a
  /// syllable still being typed (`유시` finds `유신`).
  public static func matches(query: String, key: String) -> Bool {
    Matcher(query).matches(key)
  }

  /// A query normalised once, for matching many keys (the search's SQL function calls it for
  /// every candidate row).
  struct Matcher {
    let query: String
    private let wanted: [Character]

    init(_ query: String) {
      self.query = query
      wanted = Array(normalizeQuery(query))
    }

    func matches(_ key: String) -> Bool { KoreanText.matches(wanted, key) }
  }

  /// How SQL decides `matches` for a normalised query on a member's `nameKey` and `initials`
  /// (the initials line up with the key, one character each).
  enum SearchForm {
    /// No initial consonant and no last syllable that may be half-typed: the key contains it.
    case literal
    /// Only initial consonants: the key's initials contain it.
    case initials
    /// Anything else: the initials narrow and `matches` decides.
    case mixed
  }

  static func searchForm(_ normalized: String) -> SearchForm {
    if !normalized.isEmpty, normalized.allSatisfy(initialSet.contains) { return .initials }
    if normalized.contains(where: initialSet.contains) { return .mixed }
    if let last = normalized.last, let syllable = Syllable(last), syllable.final == 0 {
      return .mixed
    }
    return .literal
  }

  private static func matches(_ wanted: [Character], _ key: String) -> Bool {
    guard !wanted.isEmpty else { return true }
    let text = Array(key).map(lowered)
    guard wanted.count <= text.count else { return false }
    for start in 0...(text.count - wanted.count) {
      let found = wanted.indices.allSatisfy { offset in
        matches(wanted[offset], text[start + offset], isLast: offset == wanted.count - 1)
      }
      if found { return true }
    }
    return false
  }

  private static func matches(_ query: Character, _ key: Character, isLast: Bool) -> Bool {
    if query == key { return true }
    if initialSet.contains(query) {
      return Syllable(key).map { initialConsonants[$0.initial] == query } ?? false
    }
    if isLast, let typed = Syllable(query), typed.final == 0, let target = Syllable(key) {
      return typed.initial == target.initial && typed.medial == target.medial
    }
    return false
  }

  /// The runs of a normalised query that `matches` compares literally: split at initial
  /// consonants (which match any syllable starting with them), without a last syllable that has
  /// no final consonant (it may be half-typed: `유시` finds `유신`).
  static func literalRuns(_ query: String) -> [String] {
    var characters = Array(query)
    if let last = characters.last, let syllable = Syllable(last), syllable.final == 0 {
      characters.removeLast()
    }
    return characters.split { initialSet.contains($0) }.map { String($0) }
  }

  /// The initials of the normalised query, for narrowing rows in SQL before `matches`
  /// confirms: `initials LIKE '%' || prefilter || '%'`. Every query character that is a full
  /// syllable maps to its initial consonant, so any key `matches` accepts contains this text in
  /// its initials. The result holds no `%` or `_` (punctuation is dropped).
  public static func searchPrefilter(_ query: String) -> String {
    initials(normalizeQuery(query))
  }
}

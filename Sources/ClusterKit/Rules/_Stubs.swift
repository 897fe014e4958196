import Foundation

// Temporary stand-ins until the rules branch lands.
enum KoreanText {
  static func clean(_ s: String) -> String {
    s.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
  static func nameKey(_ s: String) -> String {
    var t = clean(s)
    for f in ["(주)", "㈜", "주식회사", "(유)", "유한회사", "(재)", "(사)"] { t = t.replacingOccurrences(of: f, with: "") }
    return t.filter { !$0.isWhitespace }.lowercased()
  }
  static func initials(_ s: String) -> String { s }
  static func normalizeQuery(_ s: String) -> String { nameKey(s) }
  static func searchPrefilter(_ s: String) -> String { s }
  static func matches(query: String, key: String) -> Bool { key.contains(query) }
}
enum MemberRules {
  static func validate(_ m: Member) -> (Member, [FieldError]) {
    var m = m
    m.name = KoreanText.clean(m.name)
    return (m, m.name.isEmpty ? [FieldError(field: "name", problem: .required)] : [])
  }
}
enum Money {
  static func format(_ v: KRW) -> String { "\(v)원" }
  static func compact(_ v: KRW) -> String { "\(v)원" }
}
extension KoreanText {
  static func cleanMultiline(_ s: String) -> String { s.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines) }
}

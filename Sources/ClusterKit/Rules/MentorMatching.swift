/// How well an expert's fields fit a company: the words of the company's division, its products
/// and the categories of its recent difficulties, each with a weight, compared with the
/// expert's fields by their comparable key (`ProgrammeRules.key`).
public enum MentorMatching {
  static let divisionWeight = 3
  static let productWeight = 2
  /// Per recent difficulty of the category, counted up to three times.
  static let difficultyWeight = 2

  /// The fields of expertise that answer each kind of difficulty.
  public static let keywords: [DifficultyCategory: [String]] = [
    .technology: ["기술", "기술개발", "연구개발", "R&D", "생산기술", "공정", "품질", "특허", "지식재산"],
    .funding: ["자금", "금융", "재무", "회계", "투자", "정책자금"],
    .marketing: ["판로", "마케팅", "홍보", "영업", "디자인", "브랜드"],
    .export: ["수출", "해외", "무역", "해외마케팅", "통상"],
    .certification: ["인증", "규격", "해외인증", "시험", "시험분석", "표준"],
    .people: ["인력", "인사", "노무", "채용", "교육"],
    .management: ["경영", "경영전략", "전략", "회계", "세무", "법무", "재무"],
    .other: [],
  ]

  /// Weighted keys for one company: its division's name, each product and each word of it, and
  /// the keywords of the difficulty categories found on its recent visits (with their counts).
  public static func terms(
    division: String?, products: String, difficulties: [DifficultyCategory: Int]
  ) -> [String: Int] {
    var terms: [String: Int] = [:]
    func add(_ text: String, _ weight: Int) {
      let key = ProgrammeRules.key(text)
      guard key.count >= 2 else { return }
      terms[key] = max(terms[key] ?? 0, weight)
    }
    if let division { add(division, divisionWeight) }
    for product in ProgrammeRules.splitFields(products) {
      add(product, productWeight)
      for word in product.split(separator: " ") { add(String(word), productWeight) }
    }
    for (category, count) in difficulties where count > 0 {
      for word in keywords[category] ?? [] { add(word, difficultyWeight * min(count, 3)) }
    }
    return terms
  }

  /// The expert's fields that match, best first.
  public static func matched(_ expert: Expert, terms: [String: Int]) -> [String] {
    expert.fields.enumerated().compactMap { index, field in
      terms[ProgrammeRules.key(field)].map { (field, $0, index) }
    }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }.map(\.0)
  }
}

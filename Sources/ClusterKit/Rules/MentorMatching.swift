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

  /// One thing about a company a mentor's field can answer: a comparable key, the group it
  /// comes from (the division, one product, one kind of difficulty) and its weight. An expert
  /// scores each group once, with the best of its keys they have, so five fields about hiring
  /// do not outweigh one field for each of the company's needs.
  public struct Term: Hashable, Sendable {
    public var key: String
    public var group: String
    public var weight: Int
  }

  /// The terms of one company: its division's name, each product and each word of it, and the
  /// keywords of the difficulty categories found on its recent visits (with their counts).
  public static func terms(
    division: String?, products: String, difficulties: [DifficultyCategory: Int]
  ) -> [Term] {
    var terms: [Term] = []
    func add(_ text: String, _ group: String, _ weight: Int) {
      let key = ProgrammeRules.key(text)
      guard key.count >= 2, !terms.contains(where: { $0.key == key && $0.group == group }) else {
        return
      }
      terms.append(Term(key: key, group: group, weight: weight))
    }
    if let division { add(division, "division", divisionWeight) }
    for (index, product) in ProgrammeRules.splitFields(products).enumerated() {
      add(product, "product \(index)", productWeight)
      for word in product.split(separator: " ") {
        add(String(word), "product \(index)", productWeight)
      }
    }
    for category in DifficultyCategory.allCases {
      guard let count = difficulties[category], count > 0 else { continue }
      for word in keywords[category] ?? [] {
        add(word, category.rawValue, difficultyWeight * min(count, 3))
      }
    }
    return terms
  }

  /// How well an expert fits: per group, the best weight among the expert's fields.
  public static func score(_ expert: Expert, terms: [Term]) -> Int {
    let keys = Set(expert.fields.map(ProgrammeRules.key))
    var best: [String: Int] = [:]
    for term in terms where keys.contains(term.key) {
      best[term.group] = max(best[term.group] ?? 0, term.weight)
    }
    return best.values.reduce(0, +)
  }

  /// The expert's fields that match, best first.
  public static func matched(_ expert: Expert, terms: [Term]) -> [String] {
    var weights: [String: Int] = [:]
    for term in terms { weights[term.key] = max(weights[term.key] ?? 0, term.weight) }
    return expert.fields.enumerated().compactMap { index, field in
      weights[ProgrammeRules.key(field)].map { (field, $0, index) }
    }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }.map(\.0)
  }
}

import Foundation

/// Checks and normalises a member before it is stored. Only the name is required; every other
/// field is optional but must be valid when present.
public enum MemberRules {
  /// The field keys used in `FieldError.field` for members, in display order.
  public static let fields: [String] = [
    "name", "representative", "businessNumber", "kind", "division", "role", "phone", "email",
    "address", "products", "employees", "sales", "founded", "website", "joined", "left",
    "status",
  ]

  /// The normalised member (text cleaned to NFC, business number as ten digits, phone with
  /// hyphens, e-mail domain lower-cased) and every problem found. A field that fails keeps the
  /// cleaned text that was given.
  public static func validate(_ member: Member) -> (Member, [FieldError]) {
    var result = member
    var errors: [FieldError] = []
    result.name = KoreanText.clean(member.name)
    result.representative = KoreanText.clean(member.representative)
    result.products = KoreanText.clean(member.products)
    result.address = KoreanText.clean(member.address)
    result.website = KoreanText.clean(member.website)
    result.businessNumber = KoreanText.clean(member.businessNumber)
    result.phone = KoreanText.clean(member.phone)
    result.email = KoreanText.clean(member.email)

    if result.name.isEmpty {
      errors.append(FieldError(field: "name", problem: .required))
    }
    if !result.businessNumber.isEmpty {
      do {
        result.businessNumber = try BusinessNumber.normalize(result.businessNumber)
      } catch { errors.append(error) }
    }
    if !result.phone.isEmpty {
      do { result.phone = try PhoneNumber.normalize(result.phone) } catch { errors.append(error) }
    }
    if !result.email.isEmpty {
      do { result.email = try EmailAddress.normalize(result.email) } catch { errors.append(error) }
    }
    if let employees = result.employees {
      if employees < 0 {
        errors.append(FieldError(field: "employees", problem: .negative, value: String(employees)))
      } else if let error = Limits.check(employees, Limits.employees, "employees") {
        errors.append(error)
      }
    }
    if let sales = result.salesKRW, let error = Limits.check(sales, Limits.salesKRW, "sales") {
      errors.append(error)
    }
    if let joined = result.joined, let left = result.left, left < joined {
      errors.append(
        FieldError(
          field: "left",
          problem: .other(
            english: "must not be before the joined date \(joined)",
            korean: "가입일(\(joined))보다 앞설 수 없습니다"),
          value: left.description))
    }
    return (result, errors)
  }

  /// The normalised member, or every problem at once.
  public static func normalized(_ member: Member) throws(ValidationError) -> Member {
    let (result, errors) = validate(member)
    guard errors.isEmpty else { throw ValidationError(errors) }
    return result
  }

  // MARK: - Reading labelled values

  /// Reads an enum value from its raw value, its English label, its Korean label or one of the
  /// extra spellings; case, spaces, hyphens and underscores are ignored.
  public static func parse<T: Labelled & CaseIterable & RawRepresentable>(
    _ text: String, as type: T.Type = T.self, field: String, synonyms: [String: T] = [:]
  ) throws(FieldError) -> T where T.RawValue == String {
    // Most files write the values as this program does; those need no normalising.
    if let exact = T.allCases.first(where: {
      $0.rawValue == text || $0.korean == text || $0.english == text
    }) {
      return exact
    }
    let wanted = comparable(text)
    for value in T.allCases
    where [value.rawValue, value.english, value.korean].map(comparable).contains(wanted) {
      return value
    }
    for (spelling, value) in synonyms where comparable(spelling) == wanted { return value }
    throw FieldError(
      field: field,
      problem: .unknownValue(allowed: T.allCases.map { "\($0.korean)/\($0.english)" }),
      value: text)
  }

  static func comparable(_ text: String) -> String {
    KoreanText.nfc(text).lowercased().filter {
      !$0.isWhitespace && $0 != "-" && $0 != "_" && $0 != "."
    }
  }

  public static let kindSynonyms: [String: MemberKind] = [
    "회사": .company, "업체": .company, "기업체": .company, "중소기업": .company, "회원사": .company,
    "firm": .company,
    "대학교": .university, "univ": .university, "산학협력단": .university,
    "연구원": .institute, "연구기관": .institute, "research": .institute, "institute": .institute,
    "기관": .agency, "유관기관": .agency, "지원": .agency, "agency": .agency, "support": .agency,
  ]

  public static let roleSynonyms: [String: OfficerRole] = [
    "chairman": .chair, "president": .chair, "회장사": .chair,
    "vice": .viceChair, "vicechairman": .viceChair, "vicepresident": .viceChair,
    "부회장사": .viceChair,
    "운영위원회": .steering, "운영위": .steering, "위원": .steering, "steering": .steering,
    "committee": .steering,
    "일반회원": .member, "일반": .member, "정회원": .member, "회원사": .member,
  ]

  public static let statusSynonyms: [String: MemberStatus] = [
    "활동중": .active, "정상": .active, "활동회원": .active,
    "휴면회원": .inactive, "비활동": .inactive, "dormant": .inactive,
    "탈퇴회원": .left, "withdrawn": .left,
  ]

  public static func parseKind(_ text: String, field: String = "kind") throws(FieldError)
    -> MemberKind
  {
    try parse(text, field: field, synonyms: kindSynonyms)
  }

  public static func parseRole(_ text: String, field: String = "role") throws(FieldError)
    -> OfficerRole
  {
    try parse(text, field: field, synonyms: roleSynonyms)
  }

  public static func parseStatus(_ text: String, field: String = "status") throws(FieldError)
    -> MemberStatus
  {
    try parse(text, field: field, synonyms: statusSynonyms)
  }
}

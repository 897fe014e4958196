/// What a field is called, in both languages. The dashboard, the command line's tables and
/// `show` documents, CSV headers and error messages all take the name from here, so a field
/// reads the same wherever it appears.
public struct Term: Labelled, Hashable, Sendable {
  /// The field key, as in `FieldError.field` and `MemberColumn`.
  public let key: String
  /// The name in a sentence, a form or a CSV header: "business registration number".
  public let english: String
  public let korean: String
  /// Over a column or beside a value, where room is short: "Reg. no.". Without one, the
  /// English name capitalised and the Korean name as it is.
  private let englishTitle: String?
  private let koreanTitle: String?

  init(
    _ key: String, _ english: String, _ korean: String, title: String? = nil,
    koreanTitle: String? = nil
  ) {
    self.key = key
    self.english = english
    self.korean = korean
    self.englishTitle = title
    self.koreanTitle = koreanTitle
  }

  /// The heading form: `Phone`, `Reg. no.`, `종류`.
  public func title(_ language: Language) -> String {
    language.pick(
      englishTitle ?? english.prefix(1).uppercased() + english.dropFirst(), koreanTitle ?? korean)
  }

  /// The term for a field key; nil for keys no user reads.
  public static func named(_ key: String) -> Term? { byKey[key] }

  private static let byKey = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })

  public static let all: [Term] = [
    name, kind, cluster, division, role, representative, businessNumber, phone, email, address,
    products, employees, sales, founded, website, joined, left, status, profileSubmitted,
    lastVisit, company, member, date, meetingKind, title, place, agenda, minutes, scope, present,
    participation, visitor, purpose, category, difficulty, notes, followUp, due, program,
    requested, approvedAmount, submitted, decided, reason, override, amount, waiting,
  ]

  // Members
  public static let name = Term("name", "name", "회사명")
  public static let kind = Term("kind", "kind", "구분")
  public static let cluster = Term("cluster", "cluster", "미니클러스터")
  public static let division = Term("division", "division", "분과")
  public static let role = Term("role", "role", "직위")
  public static let representative = Term(
    "representative", "representative", "대표자", title: "CEO")
  public static let businessNumber = Term(
    "businessNumber", "business registration number", "사업자등록번호", title: "Reg. no.")
  public static let phone = Term("phone", "phone", "전화번호")
  public static let email = Term("email", "email", "이메일", title: "E-mail")
  public static let address = Term("address", "address", "주소")
  public static let products = Term("products", "products", "주요제품")
  public static let employees = Term("employees", "employees", "종업원수")
  public static let sales = Term("sales", "sales", "매출액")
  public static let founded = Term("founded", "founded", "설립일")
  public static let website = Term("website", "website", "홈페이지")
  public static let joined = Term("joined", "joined", "가입일")
  public static let left = Term("left", "left", "탈퇴일")
  public static let status = Term("status", "status", "상태")
  public static let profileSubmitted = Term(
    "profileSubmitted", "directory profile submitted", "디렉토리북 제출", title: "Directory",
    koreanTitle: "디렉토리북")
  public static let lastVisit = Term("lastVisit", "last visit", "최근 방문")
  /// The member a visit is to, as the visit form asks for it.
  public static let company = Term("company", "company", "회사")
  public static let member = Term("member", "member", "회원")

  // Meetings
  public static let date = Term("date", "date", "날짜")
  public static let meetingKind = Term("meetingKind", "kind", "회의 종류", koreanTitle: "종류")
  public static let title = Term("title", "title", "제목")
  public static let place = Term("place", "place", "장소")
  public static let agenda = Term("agenda", "agenda", "안건")
  public static let minutes = Term("minutes", "minutes", "회의록")
  /// Who a meeting is for: a whole mini-cluster or one division.
  public static let scope = Term("scope", "for", "대상")
  public static let present = Term("present", "present", "참석")
  public static let participation = Term("participation", "participation", "참석률")

  // Visits
  public static let visitor = Term("visitor", "visitor", "방문자")
  public static let purpose = Term("purpose", "purpose", "목적")
  public static let category = Term("category", "difficulty type", "애로 분류")
  public static let difficulty = Term("difficulty", "difficulty", "애로사항", title: "Difficulties")
  public static let notes = Term("notes", "notes", "메모")
  public static let followUp = Term("followUp", "follow-up", "후속조치", title: "Follow-ups")
  public static let due = Term("due", "due", "기한")

  // Support requests
  public static let program = Term("program", "program", "지원사업")
  public static let requested = Term("requested", "requested", "신청액")
  public static let approvedAmount = Term("approvedAmount", "approved", "승인액")
  public static let submitted = Term("submitted", "submitted", "신청일")
  public static let decided = Term("decided", "decided", "결정일")
  public static let reason = Term("reason", "reason", "사유")
  public static let override = Term("override", "override reason", "초과 사유")
  public static let amount = Term("amount", "amount", "금액")
  /// Days a pending request has waited since it was submitted.
  public static let waiting = Term("waiting", "waiting", "대기")
}

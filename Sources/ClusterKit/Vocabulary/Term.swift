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
    products, employees, sales, founded, website, joined, left, status, lastVisit, company,
    member, directoryBook, edition, asked, profileSubmitted, profileChanged,
    date, meetingKind, title, place, agenda, minutes, scope, present, participation,
    visitor, purpose, category, difficulty, notes, followUp, action, followUpOwner, due, from, to,
    visitDate, daysSince, rhythm, weeks,
    program, programName, programCategory, year, budget, cofundingShare, memberCap,
    memberCapCount, opens, closes, window, note, copyFrom, copyTo, budgetScale,
    request, projectTitle, requested, plannedCofunding, approvedAmount, submitted, decided,
    reason, override, amount, waiting, answers, duplicate, cofundingNeeded, agreementDate,
    cofunding, agreementOverride, spent, disallowed, returned, reportDate, finalSupport,
    pending, committed, disbursed, remaining,
    expert, expertName, affiliation, expertKind, fields, capacity, load, matched, mentor,
    mentoringField, started, ended, topic, sessions, sig, sigName, theme, leader, sigMembers,
    owner, task, done, overdue, at, actor, auditField, before, after, contact, contactTitle,
  ]

  // Members
  public static let name = Term("name", "name", "회사명")
  public static let kind = Term("kind", "kind", "구분")
  public static let cluster = Term("cluster", "mini-cluster", "미니클러스터", title: "Cluster")
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
  public static let lastVisit = Term("lastVisit", "last visit", "최근 방문")
  /// The member a visit is to, as the visit form asks for it.
  public static let company = Term("company", "company", "회사")
  public static let member = Term("member", "member", "회원")

  // A member's contact people (담당자)
  public static let contact = Term("contact", "contact", "담당자")
  public static let contactTitle = Term("contactTitle", "job title", "직함", title: "Title")

  // The directory book (디렉토리북), one edition a year
  public static let directoryBook = Term("directoryBook", "directory book", "디렉토리북")
  public static let edition = Term("edition", "edition", "발행연도")
  public static let asked = Term("asked", "asked", "요청일")
  public static let profileSubmitted = Term(
    "profileSubmitted", "profile submitted", "프로필 제출일", title: "Submitted",
    koreanTitle: "제출일")
  /// When the member's profile last changed, for the book's "changed since" list.
  public static let profileChanged = Term("profileChanged", "profile changed", "정보 변경일")

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
  /// What a follow-up is to do, and who is to do it.
  public static let action = Term("action", "action", "조치")
  public static let followUpOwner = Term(
    "followUpOwner", "follow-up owner", "담당자", title: "Owner", koreanTitle: "담당")
  /// The day of the visit a follow-up came from.
  public static let visitDate = Term("visitDate", "visit date", "방문일", title: "Visit")
  /// Days since a member's last visit, and how often the office means to visit it.
  public static let daysSince = Term("daysSince", "days since", "경과일", title: "Days")
  public static let rhythm = Term(
    "rhythm", "visit rhythm", "방문 주기", title: "Rhythm", koreanTitle: "주기")
  /// "Not visited for N weeks" (`visits due --weeks`, the dashboard's `:visits N`).
  public static let weeks = Term("weeks", "weeks not visited", "미방문 주 수")
  /// The first and last day of a span of dates asked for (`visits list --from --to`).
  public static let from = Term("from", "from", "시작일")
  public static let to = Term("to", "to", "종료일")

  // Support programs (지원사업)
  public static let program = Term("program", "program", "지원사업")
  public static let programName = Term(
    "programName", "program name", "지원사업명", title: "Name", koreanTitle: "사업명")
  public static let programCategory = Term("programCategory", "category", "분야")
  public static let year = Term("year", "year", "연도")
  public static let budget = Term("budget", "budget", "예산")
  public static let cofundingShare = Term("cofundingShare", "co-funding share", "자부담 비율")
  public static let memberCap = Term(
    "memberCap", "cap per member", "기업당 지원한도", title: "Member cap", koreanTitle: "기업당 한도")
  public static let memberCapCount = Term(
    "memberCapCount", "requests per member", "기업당 지원 건수 한도")
  public static let opens = Term("opens", "window opens", "접수 시작일")
  public static let closes = Term("closes", "window closes", "접수 마감일")
  /// When a program takes requests: from `opens` to `closes`.
  public static let window = Term("window", "window", "접수기간")
  public static let note = Term("note", "note", "비고")
  public static let copyFrom = Term("copyFrom", "year copied from", "원본 연도")
  public static let copyTo = Term("copyTo", "year copied to", "대상 연도")
  public static let budgetScale = Term("budgetScale", "budget scale", "예산 배율")

  // Support requests and their steps
  public static let request = Term("request", "request", "지원신청")
  /// What a request (or a SIG task) is for: its 과제명.
  public static let projectTitle = Term("projectTitle", "title", "과제명")
  public static let requested = Term("requested", "requested", "신청액")
  /// The co-funding a request plans when it is entered; the agreement fixes it.
  public static let plannedCofunding = Term(
    "plannedCofunding", "planned co-funding", "계획 자부담")
  public static let approvedAmount = Term("approvedAmount", "approved", "승인액")
  public static let submitted = Term("submitted", "submitted", "신청일")
  public static let decided = Term("decided", "decided", "결정일")
  public static let reason = Term("reason", "reason", "사유")
  /// Why an approval goes past a budget or a cap, or an assignment past a mentor's capacity.
  public static let override = Term("override", "override reason", "초과 사유")
  public static let amount = Term("amount", "amount", "금액")
  /// Days a pending request has waited since it was submitted.
  public static let waiting = Term("waiting", "waiting", "대기")
  /// The visit difficulty a request answers.
  public static let answers = Term("answers", "answers", "해결할 애로사항")
  /// 중복지원: an earlier live request of the same member to the same program.
  public static let duplicate = Term("duplicate", "duplicate", "중복지원")
  /// The least co-funding the program's share asks of a request.
  public static let cofundingNeeded = Term("cofundingNeeded", "co-funding needed", "필요 자부담")
  public static let agreementDate = Term(
    "agreementDate", "agreement date", "협약일", title: "Date")
  /// The company's own share of the project cost (자부담), planned or agreed.
  public static let cofunding = Term("cofunding", "co-funding", "자부담")
  /// Why an agreement accepts a co-funding below the program's share.
  public static let agreementOverride = Term(
    "agreementOverride", "override", "예외 사유", title: "Override")
  public static let spent = Term("spent", "spent", "집행액")
  public static let disallowed = Term("disallowed", "disallowed", "불인정액")
  public static let returned = Term("returned", "returned", "반환액")
  public static let reportDate = Term("reportDate", "report date", "결과보고일")
  /// What a settled support came to: spent less disallowed.
  public static let finalSupport = Term("finalSupport", "final support", "확정 지원액")

  // A program's figures (see `SupportTotals`); budget, approved, co-funding and returned are above
  public static let pending = Term("pending", "pending", "심사중")
  public static let committed = Term("committed", "committed", "배정")
  public static let disbursed = Term("disbursed", "disbursed", "교부")
  /// The budget less what is committed.
  public static let remaining = Term("remaining", "remaining", "잔액")

  // Experts and mentoring (1사1멘토링)
  public static let expert = Term("expert", "expert", "전문가")
  public static let expertName = Term("expertName", "name", "이름")
  public static let affiliation = Term("affiliation", "affiliation", "소속")
  public static let expertKind = Term(
    "expertKind", "kind of affiliation", "소속 유형", title: "Kind", koreanTitle: "유형")
  public static let fields = Term("fields", "fields of expertise", "전문분야", title: "Fields")
  public static let capacity = Term(
    "capacity", "capacity", "동시 멘토링 기업 수", koreanTitle: "정원")
  /// How many companies an expert mentors now.
  public static let load = Term(
    "load", "companies mentored now", "멘토링 중인 기업 수", title: "Mentoring", koreanTitle: "멘토링")
  /// An expert's fields that match what a company needs.
  public static let matched = Term(
    "matched", "matching fields", "일치 분야", title: "Matches", koreanTitle: "일치")
  public static let mentor = Term("mentor", "mentor", "멘토")
  /// What one mentoring assignment is about.
  public static let mentoringField = Term("mentoringField", "field", "분야")
  public static let started = Term("started", "start", "시작일", title: "From")
  public static let ended = Term("ended", "end", "종료일", title: "Until")
  public static let topic = Term("topic", "topic", "주제")
  public static let sessions = Term("sessions", "sessions", "멘토링 횟수")

  // SIGs (1사1SIG)
  public static let sig = Term("sig", "SIG", "SIG")
  public static let sigName = Term("sigName", "SIG name", "SIG 이름")
  public static let theme = Term("theme", "theme", "주제")
  public static let leader = Term("leader", "leading company", "주관기업", title: "Leader")
  /// How many companies a SIG has.
  public static let sigMembers = Term(
    "sigMembers", "member companies", "참여 기업", title: "Members", koreanTitle: "참여")
  public static let owner = Term("owner", "owner", "담당 기업")
  public static let task = Term("task", "task", "과제")
  public static let done = Term("done", "done", "완료일")
  public static let overdue = Term("overdue", "overdue", "지연")

  // The audit log: when, who, which field, before and after
  public static let at = Term("at", "when", "일시")
  public static let actor = Term("actor", "who", "누가")
  public static let auditField = Term("auditField", "field", "항목")
  public static let before = Term("before", "before", "이전")
  public static let after = Term("after", "after", "이후")
}

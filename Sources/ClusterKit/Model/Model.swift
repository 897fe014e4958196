/// Amounts of money are whole Korean won.
public typealias KRW = Int64

/// The office (산단공 지역본부 / 혁신클러스터추진단) that owns the workspace.
public struct Office: Codable, Hashable, Sendable {
  public var name: String
  public var region: String
  /// Weeks between visits that count as "in touch", for officers and for other members.
  public var officerVisitWeeks: Int
  public var memberVisitWeeks: Int

  public init(
    name: String, region: String = "", officerVisitWeeks: Int = 4, memberVisitWeeks: Int = 12
  ) {
    self.name = name
    self.region = region
    self.officerVisitWeeks = officerVisitWeeks
    self.memberVisitWeeks = memberVisitWeeks
  }
}

public struct Cluster: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var name: String
  public var complex: String
  public var founded: Day?
  public var manager: String

  public init(
    id: Int64 = 0, name: String, complex: String = "", founded: Day? = nil, manager: String = ""
  ) {
    self.id = id
    self.name = name
    self.complex = complex
    self.founded = founded
    self.manager = manager
  }
}

public struct Division: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var clusterId: Int64
  public var name: String

  public init(id: Int64 = 0, clusterId: Int64, name: String) {
    self.id = id
    self.clusterId = clusterId
    self.name = name
  }
}

public enum MemberKind: String, Codable, CaseIterable, Sendable, Labelled {
  case company, university, institute, agency
  public var english: String {
    switch self {
    case .company: "company"
    case .university: "university"
    case .institute: "research institute"
    case .agency: "support agency"
    }
  }
  public var korean: String {
    switch self {
    case .company: "기업"
    case .university: "대학"
    case .institute: "연구소"
    case .agency: "지원기관"
    }
  }
}

public enum OfficerRole: String, Codable, CaseIterable, Sendable, Labelled {
  case chair, viceChair, steering, member
  public var english: String {
    switch self {
    case .chair: "chair"
    case .viceChair: "vice-chair"
    case .steering: "steering committee"
    case .member: "member"
    }
  }
  public var korean: String {
    switch self {
    case .chair: "회장"
    case .viceChair: "부회장"
    case .steering: "운영위원"
    case .member: "회원"
    }
  }
  /// Officers are visited more often (the contact rhythm).
  public var isOfficer: Bool { self != .member }
}

public enum MemberStatus: String, Codable, CaseIterable, Sendable, Labelled {
  case active, inactive, left
  public var english: String { rawValue }
  public var korean: String {
    switch self {
    case .active: "활동"
    case .inactive: "휴면"
    case .left: "탈퇴"
    }
  }
}

public struct Member: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var clusterId: Int64
  public var divisionId: Int64?
  public var kind: MemberKind
  public var name: String
  public var representative: String
  /// Ten digits, no hyphens; empty when unknown (universities and agencies often have none here).
  public var businessNumber: String
  public var products: String
  public var employees: Int?
  public var salesKRW: KRW?
  public var founded: Day?
  public var address: String
  /// Normalised with hyphens, e.g. `02-1234-5678`.
  public var phone: String
  public var email: String
  public var website: String
  public var role: OfficerRole
  public var joined: Day?
  public var left: Day?
  public var status: MemberStatus
  /// The day the profile (what a directory book prints) last changed; nil when unknown.
  public var profileChanged: Day?

  public init(
    id: Int64 = 0, clusterId: Int64, divisionId: Int64? = nil, kind: MemberKind = .company,
    name: String, representative: String = "", businessNumber: String = "", products: String = "",
    employees: Int? = nil, salesKRW: KRW? = nil, founded: Day? = nil, address: String = "",
    phone: String = "", email: String = "", website: String = "", role: OfficerRole = .member,
    joined: Day? = nil, left: Day? = nil, status: MemberStatus = .active,
    profileChanged: Day? = nil
  ) {
    self.id = id
    self.clusterId = clusterId
    self.divisionId = divisionId
    self.kind = kind
    self.name = name
    self.representative = representative
    self.businessNumber = businessNumber
    self.products = products
    self.employees = employees
    self.salesKRW = salesKRW
    self.founded = founded
    self.address = address
    self.phone = phone
    self.email = email
    self.website = website
    self.role = role
    self.joined = joined
    self.left = left
    self.status = status
    self.profileChanged = profileChanged
  }

  /// True when the two differ in what a directory book prints about the member.
  public func profileDiffers(from other: Member) -> Bool {
    name != other.name || representative != other.representative
      || businessNumber != other.businessNumber || products != other.products
      || employees != other.employees || salesKRW != other.salesKRW || founded != other.founded
      || address != other.address || phone != other.phone || email != other.email
      || website != other.website || kind != other.kind || divisionId != other.divisionId
      || role != other.role
  }
}

public struct Contact: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var memberId: Int64
  public var name: String
  public var title: String
  public var phone: String
  public var email: String

  public init(
    id: Int64 = 0, memberId: Int64, name: String, title: String = "", phone: String = "",
    email: String = ""
  ) {
    self.id = id
    self.memberId = memberId
    self.name = name
    self.title = title
    self.phone = phone
    self.email = email
  }
}

public enum MeetingKind: String, Codable, CaseIterable, Sendable, Labelled {
  case steeringCommittee, divisionMeeting, technicalSeminar, foundingCeremony, networkingEvent
  public var english: String {
    switch self {
    case .steeringCommittee: "steering committee"
    case .divisionMeeting: "division meeting"
    case .technicalSeminar: "technical seminar"
    case .foundingCeremony: "founding ceremony"
    case .networkingEvent: "networking event"
    }
  }
  public var korean: String {
    switch self {
    case .steeringCommittee: "운영위원회"
    case .divisionMeeting: "분과모임"
    case .technicalSeminar: "기술세미나"
    case .foundingCeremony: "창립식"
    case .networkingEvent: "교류행사"
    }
  }
}

public struct Meeting: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var clusterId: Int64
  public var divisionId: Int64?
  public var kind: MeetingKind
  public var date: Day
  public var title: String
  public var place: String
  public var agenda: String
  public var minutes: String

  public init(
    id: Int64 = 0, clusterId: Int64, divisionId: Int64? = nil, kind: MeetingKind, date: Day,
    title: String, place: String = "", agenda: String = "", minutes: String = ""
  ) {
    self.id = id
    self.clusterId = clusterId
    self.divisionId = divisionId
    self.kind = kind
    self.date = date
    self.title = title
    self.place = place
    self.agenda = agenda
    self.minutes = minutes
  }
}

public enum AttendanceStatus: String, Codable, CaseIterable, Sendable, Labelled {
  case present, absent, excused
  public var english: String { rawValue }
  public var korean: String {
    switch self {
    case .present: "참석"
    case .absent: "불참"
    case .excused: "사유불참"
    }
  }
}

/// One invited member of one meeting.
public struct Attendance: Codable, Hashable, Sendable {
  public var meetingId: Int64
  public var memberId: Int64
  public var status: AttendanceStatus

  public init(meetingId: Int64, memberId: Int64, status: AttendanceStatus) {
    self.meetingId = meetingId
    self.memberId = memberId
    self.status = status
  }
}

public enum VisitPurpose: String, Codable, CaseIterable, Sendable, Labelled {
  case difficultySurvey, needsSurvey, followUp, other
  public var english: String {
    switch self {
    case .difficultySurvey: "difficulty survey"
    case .needsSurvey: "needs survey"
    case .followUp: "follow-up"
    case .other: "other"
    }
  }
  public var korean: String {
    switch self {
    case .difficultySurvey: "애로사항 조사"
    case .needsSurvey: "수요조사"
    case .followUp: "후속조치"
    case .other: "기타"
    }
  }
}

public enum DifficultyCategory: String, Codable, CaseIterable, Sendable, Labelled {
  case technology, funding, marketing, export, certification, people, management, other
  public var english: String { rawValue }
  public var korean: String {
    switch self {
    case .technology: "기술"
    case .funding: "자금"
    case .marketing: "판로"
    case .export: "수출"
    case .certification: "인증"
    case .people: "인력"
    case .management: "경영"
    case .other: "기타"
    }
  }
}

public struct Difficulty: Codable, Hashable, Sendable {
  public var category: DifficultyCategory
  public var text: String

  public init(category: DifficultyCategory, text: String) {
    self.category = category
    self.text = text
  }
}

public struct FollowUp: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var action: String
  public var owner: String
  public var due: Day?
  public var done: Day?

  public init(id: Int64 = 0, action: String, owner: String = "", due: Day? = nil, done: Day? = nil)
  {
    self.id = id
    self.action = action
    self.owner = owner
    self.due = due
    self.done = done
  }

  public func isOverdue(on today: Day) -> Bool {
    guard done == nil, let due else { return false }
    return due < today
  }
}

public struct Visit: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var memberId: Int64
  public var date: Day
  public var visitor: String
  public var purpose: VisitPurpose
  public var notes: String
  public var difficulties: [Difficulty]
  public var followUps: [FollowUp]

  public init(
    id: Int64 = 0, memberId: Int64, date: Day, visitor: String, purpose: VisitPurpose,
    notes: String = "", difficulties: [Difficulty] = [], followUps: [FollowUp] = []
  ) {
    self.id = id
    self.memberId = memberId
    self.date = date
    self.visitor = visitor
    self.purpose = purpose
    self.notes = notes
    self.difficulties = difficulties
    self.followUps = followUps
  }
}

public enum ProgramCategory: String, Codable, CaseIterable, Sendable, Labelled {
  case technology, management, mentoring, marketing, marketDevelopment, training
  public var english: String {
    switch self {
    case .technology: "technology"
    case .management: "management"
    case .mentoring: "mentoring"
    case .marketing: "joint marketing"
    case .marketDevelopment: "market development"
    case .training: "training"
    }
  }
  public var korean: String {
    switch self {
    case .technology: "기술지원"
    case .management: "경영지원"
    case .mentoring: "멘토링"
    case .marketing: "공동마케팅"
    case .marketDevelopment: "해외시장개척"
    case .training: "교육훈련"
    }
  }

  /// The program categories that answer a difficulty of this kind, best first (technology →
  /// product → market: a technical problem goes to technology support, a sales problem to joint
  /// marketing or market development).
  public static func answering(_ difficulty: DifficultyCategory) -> [ProgramCategory] {
    switch difficulty {
    case .technology, .certification: [.technology, .mentoring]
    case .marketing: [.marketing, .management, .marketDevelopment]
    case .export: [.marketDevelopment, .marketing, .technology]
    case .people: [.training, .mentoring]
    case .management, .funding: [.management, .mentoring]
    case .other: [.mentoring, .management]
    }
  }
}

/// A support program (지원사업) of one year, with its budget and the terms every request under it
/// follows.
public struct Program: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var year: Int
  public var name: String
  public var category: ProgramCategory
  public var budgetKRW: KRW
  /// 자부담 비율: the company's part of the total project cost, in percent (0–99). With 20, a
  /// support of 8,000만원 needs at least 2,000만원 from the company (2,000 of 1억 is 20%).
  public var cofundingPercent: Int
  /// At most this much approved to one member under this program in its year.
  public var memberCapKRW: KRW?
  /// At most this many approved requests from one member under this program in its year.
  public var memberCapCount: Int?
  /// The application window (접수기간); a request is submitted within it. Either end may be open.
  public var opens: Day?
  public var closes: Day?
  public var note: String

  public init(
    id: Int64 = 0, year: Int, name: String, category: ProgramCategory, budgetKRW: KRW,
    cofundingPercent: Int = 0, memberCapKRW: KRW? = nil, memberCapCount: Int? = nil,
    opens: Day? = nil, closes: Day? = nil, note: String = ""
  ) {
    self.id = id
    self.year = year
    self.name = name
    self.category = category
    self.budgetKRW = budgetKRW
    self.cofundingPercent = cofundingPercent
    self.memberCapKRW = memberCapKRW
    self.memberCapCount = memberCapCount
    self.opens = opens
    self.closes = closes
    self.note = note
  }

  /// Files of format version 1 have no terms; they read as none.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try c.decode(Int64.self, forKey: .id), year: try c.decode(Int.self, forKey: .year),
      name: try c.decode(String.self, forKey: .name),
      category: try c.decode(ProgramCategory.self, forKey: .category),
      budgetKRW: try c.decode(KRW.self, forKey: .budgetKRW),
      cofundingPercent: try c.decodeIfPresent(Int.self, forKey: .cofundingPercent) ?? 0,
      memberCapKRW: try c.decodeIfPresent(KRW.self, forKey: .memberCapKRW),
      memberCapCount: try c.decodeIfPresent(Int.self, forKey: .memberCapCount),
      opens: try c.decodeIfPresent(Day.self, forKey: .opens),
      closes: try c.decodeIfPresent(Day.self, forKey: .closes),
      note: try c.decodeIfPresent(String.self, forKey: .note) ?? "")
  }

  /// The least the company must put in for a support of `amount`: the share is of the total
  /// project cost (support + co-funding), so it is amount × share / (100 − share), rounded up to
  /// the won.
  public func minimumCofunding(for amount: KRW) -> KRW {
    SupportRules.minimumCofunding(support: amount, percent: cofundingPercent)
  }

  /// Whether a request submitted on `day` falls in the application window. Without a window a
  /// program takes requests from the start of the year before its own (early calls) to the end
  /// of its year.
  public func accepts(submittedOn day: Day) -> Bool {
    let first = opens ?? Day(year: year - 1, month: 1, day: 1)!
    let last = closes ?? Day(year: year, month: 12, day: 31)!
    return first <= day && day <= last
  }

  public var hasMemberCap: Bool { memberCapKRW != nil || memberCapCount != nil }
}

public enum RequestStatus: String, Codable, CaseIterable, Sendable, Labelled {
  case draft, pending, approved, agreed, rejected, withdrawn, completed

  public var english: String { rawValue }
  public var korean: String {
    switch self {
    case .draft: "작성중"
    case .pending: "심사대기"
    case .approved: "승인"
    case .agreed: "협약"
    case .rejected: "반려"
    case .withdrawn: "철회"
    case .completed: "완료"
    }
  }

  /// The statuses a request may move to from this one, in the order of a support's life:
  /// 신청 (draft → pending) → 선정 (approved) → 협약 (agreed; instalments are paid in this status)
  /// → 정산 (completed). Sending a pending request back to draft is how the office asks for
  /// changes. A request can be withdrawn until its agreement is signed; after that it ends with a
  /// settlement (one that returns whatever was paid, if the project is dropped).
  public var allowedNext: [RequestStatus] {
    switch self {
    case .draft: [.pending, .withdrawn]
    case .pending: [.approved, .rejected, .withdrawn, .draft]
    case .approved: [.agreed, .withdrawn]
    case .agreed: [.completed]
    case .rejected, .withdrawn, .completed: []
    }
  }

  public func canMove(to next: RequestStatus) -> Bool { allowedNext.contains(next) }

  /// Statuses whose approved amount is spent from the program's budget.
  public var countsAsApproved: Bool { self == .approved || self == .agreed || self == .completed }

  /// Statuses in which a draft's or pending request's own fields may still be edited.
  public var isEditable: Bool { self == .draft || self == .pending }
}

/// The visit difficulty (애로사항) a request answers: the visit and the difficulty's number in
/// it, counted from 1 as the visit lists them.
public struct DifficultyReference: Codable, Hashable, Sendable {
  public var visitId: Int64
  public var number: Int

  public init(visitId: Int64, number: Int) {
    self.visitId = visitId
    self.number = number
  }

  /// `VISIT:N`, as typed on the command line.
  public var description: String { "\(visitId):\(number)" }
}

/// The agreement (협약) signed after approval: when, and the company's own share (자부담).
public struct Agreement: Codable, Hashable, Sendable {
  public var date: Day
  public var cofundingKRW: KRW
  /// Why a co-funding below the program's share was accepted; empty when it was not below.
  public var overrideReason: String

  public init(date: Day, cofundingKRW: KRW, overrideReason: String = "") {
    self.date = date
    self.cofundingKRW = cofundingKRW
    self.overrideReason = overrideReason
  }
}

/// One payment (교부) of an approved support.
public struct Instalment: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var requestId: Int64
  public var date: Day
  public var amountKRW: KRW

  public init(id: Int64 = 0, requestId: Int64, date: Day, amountKRW: KRW) {
    self.id = id
    self.requestId = requestId
    self.date = date
    self.amountKRW = amountKRW
  }

  /// How the audit log records it (`AuditEntry.instalmentField`): `2026-05-12 12000000`.
  public var auditText: String { "\(date) \(amountKRW)" }
}

/// The settlement (정산) against the final report. All amounts are of the support money paid out:
/// `spent` is what the company used of it, `disallowed` (불인정) the part of that the office did
/// not accept, and `returned` (반환) what goes back: the unspent money plus the disallowed costs,
/// so returned = disbursed − spent + disallowed. What the support finally comes to is
/// spent − disallowed (= disbursed − returned).
public struct Settlement: Codable, Hashable, Sendable {
  public var reportDate: Day
  public var spentKRW: KRW
  public var disallowedKRW: KRW
  public var returnedKRW: KRW

  public init(reportDate: Day, spentKRW: KRW, disallowedKRW: KRW = 0, returnedKRW: KRW) {
    self.reportDate = reportDate
    self.spentKRW = spentKRW
    self.disallowedKRW = disallowedKRW
    self.returnedKRW = returnedKRW
  }

  /// The support the member keeps (확정 지원액).
  public var finalKRW: KRW { spentKRW - disallowedKRW }
}

public struct SupportRequest: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var memberId: Int64
  public var programId: Int64
  public var title: String
  public var requestedKRW: KRW
  /// The co-funding (자부담) the company plans, as written in its application.
  public var cofundingKRW: KRW?
  public var submitted: Day?
  public var status: RequestStatus
  public var approvedKRW: KRW?
  public var decided: Day?
  public var reviewer: String
  public var reason: String
  public var difficulty: DifficultyReference?
  public var agreement: Agreement?
  public var settlement: Settlement?

  public init(
    id: Int64 = 0, memberId: Int64, programId: Int64, title: String, requestedKRW: KRW,
    cofundingKRW: KRW? = nil, submitted: Day? = nil, status: RequestStatus = .draft,
    approvedKRW: KRW? = nil, decided: Day? = nil, reviewer: String = "", reason: String = "",
    difficulty: DifficultyReference? = nil, agreement: Agreement? = nil,
    settlement: Settlement? = nil
  ) {
    self.id = id
    self.memberId = memberId
    self.programId = programId
    self.title = title
    self.requestedKRW = requestedKRW
    self.cofundingKRW = cofundingKRW
    self.submitted = submitted
    self.status = status
    self.approvedKRW = approvedKRW
    self.decided = decided
    self.reviewer = reviewer
    self.reason = reason
    self.difficulty = difficulty
    self.agreement = agreement
    self.settlement = settlement
  }

  /// What this request holds of its program's budget: nothing until approved; the approved
  /// amount until settled; then what the support finally came to. (A request completed before
  /// settlements were recorded keeps its approved amount.)
  public var committedKRW: KRW {
    guard status.countsAsApproved else { return 0 }
    if status == .completed, let settlement { return settlement.finalKRW }
    return approvedKRW ?? 0
  }
}

/// One changed field of one support request: who, when, before and after. An entry of no
/// request (`requestId` nil) records a change to the members the requests belong to: a merge.
public struct AuditEntry: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var requestId: Int64?
  /// ISO 8601 timestamp in UTC.
  public var at: String
  public var actor: String
  public var field: String
  public var before: String
  public var after: String
  /// This entry chained to the one before (see `AuditChain`); nil until it is computed.
  public var hash: String?

  public init(
    id: Int64 = 0, requestId: Int64?, at: String, actor: String, field: String, before: String,
    after: String, hash: String? = nil
  ) {
    self.id = id
    self.requestId = requestId
    self.at = at
    self.actor = actor
    self.field = field
    self.before = before
    self.after = after
    self.hash = hash
  }
}

extension AuditEntry {
  /// The request fields the audit log follows, in the order their entries are written: the one
  /// list the log's writer (`Workspace.recordAudit`) and the check of a history against the
  /// request (`AuditChain.historyProblems`) share.
  public static let requestFields = [
    "status", "memberId", "programId", "title", "requestedKRW", "cofundingKRW", "submitted",
    "difficulty", "approvedKRW", "decided", "reviewer", "reason", "agreedOn",
    "agreedCofundingKRW", "agreementOverride", "reportDate", "spentKRW", "disallowedKRW",
    "returnedKRW",
  ]

  /// The fields that differ between two states of a request, as (field, before, after) text.
  /// A new request (`before` nil) is one entry, its status from empty: what it was entered with
  /// is the request itself, as every later change to it is in the log.
  public static func changes(from before: SupportRequest?, to after: SupportRequest) -> [(
    String, String, String
  )] {
    guard let before else { return [("status", "", after.status.rawValue)] }
    return zip(requestFields, zip(values(before), values(after))).compactMap {
      $1.0 == $1.1 ? nil : ($0, $1.0, $1.1)
    }
  }

  /// The field that records a request removed by undoing its intake, and put back by redoing
  /// it: the request's other entries stay, as the log only grows.
  public static let recordField = "record"
  public static let kept = "kept"
  public static let removedByUndo = "removed by undo"
  public static let restoredByRedo = "restored by redo"

  /// The field of an entry of no request that records two members merged: the duplicate
  /// before, the member kept after (`#12 (주)한강로보텍 (IT융합)`).
  public static let mergeField = "merge"

  /// The field that records a payment (교부) of a request: an entry from empty adds one, an
  /// entry to empty takes it back (its text is `Instalment.auditText`).
  public static let instalmentField = "instalment"

  /// The text the log records for each of `requestFields`, in that order.
  static func values(_ r: SupportRequest) -> [String] {
    func money(_ value: KRW?) -> String { value.map(String.init) ?? "" }
    return [
      r.status.rawValue, String(r.memberId), String(r.programId), r.title, String(r.requestedKRW),
      money(r.cofundingKRW), r.submitted?.description ?? "", r.difficulty?.description ?? "",
      money(r.approvedKRW), r.decided?.description ?? "", r.reviewer, r.reason,
      r.agreement?.date.description ?? "", money(r.agreement?.cofundingKRW),
      r.agreement?.overrideReason ?? "", r.settlement?.reportDate.description ?? "",
      money(r.settlement?.spentKRW), money(r.settlement?.disallowedKRW),
      money(r.settlement?.returnedKRW),
    ]
  }
}

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
  public var profileSubmitted: Bool

  public init(
    id: Int64 = 0, clusterId: Int64, divisionId: Int64? = nil, kind: MemberKind = .company,
    name: String, representative: String = "", businessNumber: String = "", products: String = "",
    employees: Int? = nil, salesKRW: KRW? = nil, founded: Day? = nil, address: String = "",
    phone: String = "", email: String = "", website: String = "", role: OfficerRole = .member,
    joined: Day? = nil, left: Day? = nil, status: MemberStatus = .active,
    profileSubmitted: Bool = false
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
    self.profileSubmitted = profileSubmitted
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
}

public struct Program: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var year: Int
  public var name: String
  public var category: ProgramCategory
  public var budgetKRW: KRW

  public init(id: Int64 = 0, year: Int, name: String, category: ProgramCategory, budgetKRW: KRW) {
    self.id = id
    self.year = year
    self.name = name
    self.category = category
    self.budgetKRW = budgetKRW
  }
}

public enum RequestStatus: String, Codable, CaseIterable, Sendable, Labelled {
  case draft, pending, approved, rejected, withdrawn, completed

  public var english: String { rawValue }
  public var korean: String {
    switch self {
    case .draft: "작성중"
    case .pending: "심사대기"
    case .approved: "승인"
    case .rejected: "반려"
    case .withdrawn: "철회"
    case .completed: "완료"
    }
  }

  /// The statuses a request may move to from this one. Sending a pending request back to draft
  /// is how the office asks for changes.
  public var allowedNext: [RequestStatus] {
    switch self {
    case .draft: [.pending, .withdrawn]
    case .pending: [.approved, .rejected, .withdrawn, .draft]
    case .approved: [.completed, .withdrawn]
    case .rejected, .withdrawn, .completed: []
    }
  }

  public func canMove(to next: RequestStatus) -> Bool { allowedNext.contains(next) }

  /// Statuses whose approved amount is spent from the program's budget.
  public var countsAsApproved: Bool { self == .approved || self == .completed }
}

public struct SupportRequest: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var memberId: Int64
  public var programId: Int64
  public var title: String
  public var requestedKRW: KRW
  public var submitted: Day?
  public var status: RequestStatus
  public var approvedKRW: KRW?
  public var decided: Day?
  public var reviewer: String
  public var reason: String

  public init(
    id: Int64 = 0, memberId: Int64, programId: Int64, title: String, requestedKRW: KRW,
    submitted: Day? = nil, status: RequestStatus = .draft, approvedKRW: KRW? = nil,
    decided: Day? = nil, reviewer: String = "", reason: String = ""
  ) {
    self.id = id
    self.memberId = memberId
    self.programId = programId
    self.title = title
    self.requestedKRW = requestedKRW
    self.submitted = submitted
    self.status = status
    self.approvedKRW = approvedKRW
    self.decided = decided
    self.reviewer = reviewer
    self.reason = reason
  }
}

/// One changed field of one support request: who, when, before and after.
public struct AuditEntry: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var requestId: Int64
  /// ISO 8601 timestamp in UTC.
  public var at: String
  public var actor: String
  public var field: String
  public var before: String
  public var after: String
  /// This entry chained to the one before (see `AuditChain`); nil until it is computed.
  public var hash: String?

  public init(
    id: Int64 = 0, requestId: Int64, at: String, actor: String, field: String, before: String,
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

public struct Expert: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var name: String
  public var affiliation: String
  /// Fields of expertise, e.g. ["기술", "회계"].
  public var fields: [String]
  public var phone: String
  public var email: String

  public init(
    id: Int64 = 0, name: String, affiliation: String, fields: [String], phone: String = "",
    email: String = ""
  ) {
    self.id = id
    self.name = name
    self.affiliation = affiliation
    self.fields = fields
    self.phone = phone
    self.email = email
  }
}

/// 1사1멘토링: at most one mentor per company.
public struct Mentoring: Codable, Hashable, Sendable {
  public var memberId: Int64
  public var expertId: Int64
  public var field: String
  public var started: Day?

  public init(memberId: Int64, expertId: Int64, field: String = "", started: Day? = nil) {
    self.memberId = memberId
    self.expertId = expertId
    self.field = field
    self.started = started
  }
}

public struct SIG: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var clusterId: Int64
  public var name: String
  public var theme: String

  public init(id: Int64 = 0, clusterId: Int64, name: String, theme: String = "") {
    self.id = id
    self.clusterId = clusterId
    self.name = name
    self.theme = theme
  }
}

/// A member company in a SIG with the task (과제) it brought.
public struct SIGMembership: Codable, Hashable, Sendable {
  public var sigId: Int64
  public var memberId: Int64
  public var task: String

  public init(sigId: Int64, memberId: Int64, task: String = "") {
    self.sigId = sigId
    self.memberId = memberId
    self.task = task
  }
}

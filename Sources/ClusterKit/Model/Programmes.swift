// The office's own programmes: the expert pool and 1사1멘토링, 1사1SIG, and the directory book.

/// Where an expert of the pool works.
public enum ExpertKind: String, Codable, CaseIterable, Sendable, Labelled {
  case university, institute, agency, company, other
  public var english: String {
    switch self {
    case .university: "university"
    case .institute: "research institute"
    case .agency: "support agency"
    case .company: "company"
    case .other: "other"
    }
  }
  public var korean: String {
    switch self {
    case .university: "대학"
    case .institute: "연구기관"
    case .agency: "지원기관"
    case .company: "기업"
    case .other: "기타"
    }
  }

  /// The kind an affiliation's name points to, for experts recorded before the kind was kept:
  /// 대학 is a university, 연구원/연구소 an institute, 센터/진흥원/재단/공단/협회 an agency,
  /// 법인/사무소/컨설팅/(주) a company; anything else is `other`.
  public static func guess(affiliation: String) -> ExpertKind {
    let text = KoreanText.nfc(affiliation)
    let rules: [(ExpertKind, [String])] = [
      (.university, ["대학", "university", "college"]),
      (.institute, ["연구원", "연구소", "institute"]),
      (.agency, ["센터", "진흥원", "재단", "공단", "협회", "지원단", "agency"]),
      (.company, ["법인", "사무소", "컨설팅", "(주)", "㈜", "주식회사", "company"]),
    ]
    for (kind, words) in rules where words.contains(where: { text.lowercased().contains($0) }) {
      return kind
    }
    return .other
  }
}

/// One expert of the office's pool (전문가 풀): a mentor for member companies.
public struct Expert: Codable, Hashable, Sendable, Identifiable {
  public static let defaultCapacity = 3

  public var id: Int64
  public var name: String
  public var affiliation: String
  public var kind: ExpertKind
  /// Fields of expertise, e.g. ["회계", "수출"].
  public var fields: [String]
  public var phone: String
  public var email: String
  /// How many companies the expert mentors at once.
  public var capacity: Int

  public init(
    id: Int64 = 0, name: String, affiliation: String, kind: ExpertKind = .other,
    fields: [String], phone: String = "", email: String = "",
    capacity: Int = Expert.defaultCapacity
  ) {
    self.id = id
    self.name = name
    self.affiliation = affiliation
    self.kind = kind
    self.fields = fields
    self.phone = phone
    self.email = email
    self.capacity = capacity
  }
}

/// 1사1멘토링: one expert mentoring one company from a day until a day. A company has at most one
/// active assignment (no end); earlier ones stay as its history.
public struct Mentoring: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var memberId: Int64
  public var expertId: Int64
  /// What the mentoring is about, usually one of the expert's fields.
  public var field: String
  /// Unknown only for assignments recorded before start days were kept.
  public var started: Day?
  public var ended: Day?
  /// Why the expert was assigned beyond their capacity; empty when within it.
  public var overrideReason: String

  public init(
    id: Int64 = 0, memberId: Int64, expertId: Int64, field: String = "", started: Day? = nil,
    ended: Day? = nil, overrideReason: String = ""
  ) {
    self.id = id
    self.memberId = memberId
    self.expertId = expertId
    self.field = field
    self.started = started
    self.ended = ended
    self.overrideReason = overrideReason
  }

  public var isActive: Bool { ended == nil }

  /// Whether a day falls within the assignment (an unknown start covers everything before the end).
  public func covers(_ day: Day) -> Bool {
    (started.map { $0 <= day } ?? true) && (ended.map { day <= $0 } ?? true)
  }
}

/// One logged meeting of a mentor with the company.
public struct MentoringSession: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var mentoringId: Int64
  public var date: Day
  public var topic: String
  public var note: String

  public init(id: Int64 = 0, mentoringId: Int64, date: Day, topic: String, note: String = "") {
    self.id = id
    self.mentoringId = mentoringId
    self.date = date
    self.topic = topic
    self.note = note
  }
}

/// 1사1SIG: a special interest group of member companies of one mini-cluster.
public struct SIG: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var clusterId: Int64
  public var name: String
  public var theme: String
  /// The leading company (주관기업), itself a member of the SIG.
  public var leaderId: Int64?

  public init(
    id: Int64 = 0, clusterId: Int64, name: String, theme: String = "", leaderId: Int64? = nil
  ) {
    self.id = id
    self.clusterId = clusterId
    self.name = name
    self.theme = theme
    self.leaderId = leaderId
  }
}

/// A member company in a SIG.
public struct SIGMembership: Codable, Hashable, Sendable {
  public var sigId: Int64
  public var memberId: Int64
  public var joined: Day?

  public init(sigId: Int64, memberId: Int64, joined: Day? = nil) {
    self.sigId = sigId
    self.memberId = memberId
    self.joined = joined
  }
}

public enum SIGTaskStatus: String, Codable, CaseIterable, Sendable, Labelled {
  case proposed, active, done
  public var english: String { rawValue }
  public var korean: String {
    switch self {
    case .proposed: "제안"
    case .active: "진행"
    case .done: "완료"
    }
  }

  /// Proposed → active → done; a proposed task may also be marked done directly.
  public func canMove(to next: SIGTaskStatus) -> Bool {
    switch (self, next) {
    case (.proposed, .active), (.proposed, .done), (.active, .done): true
    default: false
    }
  }
}

/// A task (과제) a SIG works on, brought by one of its companies. Numbered within the SIG.
public struct SIGTask: Codable, Hashable, Sendable {
  public var sigId: Int64
  public var number: Int
  public var title: String
  public var ownerId: Int64
  public var status: SIGTaskStatus
  public var due: Day?
  /// The day it was finished; set exactly when the status is done (unknown for old records).
  public var done: Day?

  public init(
    sigId: Int64, number: Int = 0, title: String, ownerId: Int64,
    status: SIGTaskStatus = .proposed, due: Day? = nil, done: Day? = nil
  ) {
    self.sigId = sigId
    self.number = number
    self.title = title
    self.ownerId = ownerId
    self.status = status
    self.due = due
    self.done = done
  }

  public func isOverdue(on today: Day) -> Bool {
    guard status != .done, let due else { return false }
    return due < today
  }
}

public enum DirectoryBookStatus: String, Codable, CaseIterable, Sendable, Labelled {
  case asked, submitted
  public var english: String { rawValue }
  public var korean: String {
    switch self {
    case .asked: "요청"
    case .submitted: "제출"
    }
  }
}

/// One member's part in one edition (year) of the directory book (디렉토리북): asked for its
/// profile, or submitted it. A member with no entry for an edition has not been asked.
public struct DirectoryBookEntry: Codable, Hashable, Sendable {
  public var edition: Int
  public var memberId: Int64
  public var status: DirectoryBookStatus
  public var asked: Day?
  /// Set when submitted; unknown only for submissions recorded before the date was kept.
  public var submitted: Day?

  public init(
    edition: Int, memberId: Int64, status: DirectoryBookStatus, asked: Day? = nil,
    submitted: Day? = nil
  ) {
    self.edition = edition
    self.memberId = memberId
    self.status = status
    self.asked = asked
    self.submitted = submitted
  }
}

/// Which members of a directory-book edition a list shows.
public enum DirectoryBookState: String, CaseIterable, Sendable, Labelled {
  /// Current members (not left) who have not submitted, asked or not.
  case missing
  /// Asked and not yet submitted.
  case asked
  /// Current members not asked yet.
  case notAsked
  case submitted
  public var english: String {
    switch self {
    case .missing: "missing"
    case .asked: "asked"
    case .notAsked: "not asked"
    case .submitted: "submitted"
    }
  }
  public var korean: String {
    switch self {
    case .missing: "미제출"
    case .asked: "요청함"
    case .notAsked: "요청 전"
    case .submitted: "제출"
    }
  }
}

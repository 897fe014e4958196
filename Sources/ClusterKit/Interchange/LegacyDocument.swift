/// A workspace document of version 1, read so that older exports still import. Version 1 kept
/// the programmes as flags and single texts; they become the version 2 records:
/// - `members[].profileSubmitted` → a submission to the directory book's `edition` (this year's;
///   its day unknown);
/// - experts get a kind guessed from the affiliation and a capacity of at least the companies
///   they mentor;
/// - `mentorings` (one per company, no end) → assignments numbered in company order;
/// - `sigMembers[].task` → an active task of that SIG, owned by the member, numbered in member
///   order within the SIG.
struct LegacyDocument: Decodable {
  private var document: WorkspaceDocument
  private var submitted: [Int64]
  private var experts: [Expert1]
  private var mentorings: [Mentoring1]
  private var sigMembers: [SIGMember1]

  private struct MemberFlag: Decodable {
    var id: Int64
    var profileSubmitted: Bool?
  }
  private struct Expert1: Decodable {
    var id: Int64
    var name: String
    var affiliation: String
    var fields: [String]
    var phone: String
    var email: String
  }
  private struct Mentoring1: Decodable {
    var memberId: Int64
    var expertId: Int64
    var field: String
    var started: Day?
  }
  private struct SIGMember1: Decodable {
    var sigId: Int64
    var memberId: Int64
    var task: String
  }

  private enum Key: String, CodingKey {
    case format, version, office, clusters, divisions, members, contacts, meetings, attendance
    case visits, programs, requests, audit, experts, mentorings, sigs, sigMembers
  }

  init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    var d = WorkspaceDocument(office: try c.decode(Office.self, forKey: .office))
    d.format = try c.decode(String.self, forKey: .format)
    d.clusters = try c.decode([Cluster].self, forKey: .clusters)
    d.divisions = try c.decode([Division].self, forKey: .divisions)
    d.members = try c.decode([Member].self, forKey: .members)
    d.contacts = try c.decode([Contact].self, forKey: .contacts)
    d.meetings = try c.decode([Meeting].self, forKey: .meetings)
    d.attendance = try c.decode([Attendance].self, forKey: .attendance)
    d.visits = try c.decode([Visit].self, forKey: .visits)
    d.programs = try c.decode([Program].self, forKey: .programs)
    d.requests = try c.decode([SupportRequest].self, forKey: .requests)
    d.audit = try c.decode([AuditEntry].self, forKey: .audit)
    d.sigs = try c.decode([SIG].self, forKey: .sigs)
    document = d
    submitted = try c.decode([MemberFlag].self, forKey: .members)
      .filter { $0.profileSubmitted == true }.map(\.id)
    experts = try c.decode([Expert1].self, forKey: .experts)
    mentorings = try c.decode([Mentoring1].self, forKey: .mentorings)
    sigMembers = try c.decode([SIGMember1].self, forKey: .sigMembers)
  }

  /// The same workspace as a version 2 document.
  func upgraded(edition: Int) -> WorkspaceDocument {
    var d = document
    var load: [Int64: Int] = [:]
    for m in mentorings { load[m.expertId, default: 0] += 1 }
    d.experts = experts.map { e in
      Expert(
        id: e.id, name: e.name, affiliation: e.affiliation,
        kind: ExpertKind.guess(affiliation: e.affiliation), fields: e.fields, phone: e.phone,
        email: e.email, capacity: max(Expert.defaultCapacity, load[e.id] ?? 0))
    }
    d.mentorings = mentorings.sorted { $0.memberId < $1.memberId }.enumerated().map { i, m in
      Mentoring(
        id: Int64(i + 1), memberId: m.memberId, expertId: m.expertId, field: m.field,
        started: m.started)
    }
    d.sigMembers = sigMembers.map { SIGMembership(sigId: $0.sigId, memberId: $0.memberId) }
    var numbers: [Int64: Int] = [:]
    d.sigTasks = sigMembers.sorted { ($0.sigId, $0.memberId) < ($1.sigId, $1.memberId) }
      .compactMap { s in
        guard !KoreanText.clean(s.task).isEmpty else { return nil }
        numbers[s.sigId, default: 0] += 1
        return SIGTask(
          sigId: s.sigId, number: numbers[s.sigId]!, title: s.task, ownerId: s.memberId,
          status: .active)
      }
    d.directoryBook = submitted.sorted().map {
      DirectoryBookEntry(edition: edition, memberId: $0, status: .submitted)
    }
    return d
  }
}

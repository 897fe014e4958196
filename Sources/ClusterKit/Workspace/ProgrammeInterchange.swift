import GRDB

// The expert pool, mentoring, SIGs and the directory book in a whole-workspace document.

extension Workspace {
  static func exportProgrammes(into document: inout WorkspaceDocument, _ db: Database) throws {
    document.experts = try Expert.order(Column("id")).fetchAll(db)
    document.mentorings = try Mentoring.order(Column("id")).fetchAll(db)
    document.mentoringSessions = try MentoringSession.order(Column("id")).fetchAll(db)
    document.sigs = try SIG.order(Column("id")).fetchAll(db)
    document.sigMembers = try SIGMembership.order(Column("sigId"), Column("memberId")).fetchAll(db)
    document.sigTasks = try SIGTask.order(Column("sigId"), Column("number")).fetchAll(db)
    document.directoryBook = try DirectoryBookEntry.order(Column("edition"), Column("memberId"))
      .fetchAll(db)
  }

  /// What a document's programme records must agree on besides their own checks
  /// (`CheckedRecord`, already applied): references, one active mentor per company, an expert's
  /// capacity, sessions within their assignment, a SIG's members of its own mini-cluster, unique
  /// numbers. Sessions are checked here, with their assignment. What the commands allow to
  /// happen later stays allowed: a company that left keeps its mentor and its SIGs, a task's
  /// owner may have left its SIG, and nothing is compared with today.
  static func checkProgrammes(_ document: inout WorkspaceDocument) -> [FieldError] {
    var errors: [FieldError] = []
    func missing(_ list: String, _ index: Int, _ field: String, _ id: Int64) -> FieldError {
      FieldError(field: "\(list)[\(index)].\(field)", problem: .notFound, value: String(id))
    }
    func repeated(_ list: String, _ index: Int, _ field: String, _ value: String) -> FieldError {
      FieldError(
        field: "\(list)[\(index)].\(field)", problem: .duplicate(of: value), value: value)
    }
    let members = Dictionary(
      document.members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let clusterIds = Set(document.clusters.map(\.id))
    let experts = Dictionary(
      document.experts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    var assignments: [Int64: Mentoring] = [:]
    var activeOf: [Int64: Int] = [:]
    for (index, m) in document.mentorings.enumerated() {
      if let member = members[m.memberId] {
        if let error = ProgrammeRules.companyProblem(member) {
          errors.append(located("mentorings", index, error))
        }
      } else {
        errors.append(missing("mentorings", index, "memberId", m.memberId))
      }
      if experts[m.expertId] == nil {
        errors.append(missing("mentorings", index, "expertId", m.expertId))
      }
      if assignments[m.id] == nil { assignments[m.id] = m }
      if m.isActive {
        if let other = activeOf[m.memberId] {
          errors.append(
            FieldError(
              field: "mentorings[\(index)].ended",
              problem: .other(
                english:
                  "is missing: member \(m.memberId) already has an active mentor (mentorings[\(other)])",
                korean: "빠져 있습니다: 회원 \(m.memberId)에게 이미 진행 중인 멘토가 있습니다 (mentorings[\(other)])")))
        } else {
          activeOf[m.memberId] = index
        }
      }
    }
    // Beyond an expert's capacity, every later assignment (in the order they started) needs the
    // reason the command asks for.
    let active = document.mentorings.indices.filter { document.mentorings[$0].isActive }
    let byExpert = Dictionary(grouping: active, by: { document.mentorings[$0].expertId })
    for (expertId, indices) in byExpert.sorted(by: { $0.key < $1.key }) {
      guard let capacity = experts[expertId]?.capacity else { continue }
      let ordered = indices.sorted {
        let (a, b) = (document.mentorings[$0], document.mentorings[$1])
        return (a.started ?? Day(ordinal: 0), a.id) < (b.started ?? Day(ordinal: 0), b.id)
      }
      for (load, index) in ordered.enumerated()
      where ProgrammeRules.exceedsCapacity(load: load, capacity: capacity)
        && document.mentorings[index].overrideReason.isEmpty
      {
        errors.append(
          FieldError(
            field: "mentorings[\(index)].overrideReason",
            problem: .other(
              english:
                "is required: the expert mentors more companies at once than their capacity (\(capacity))",
              korean: "값이 필요합니다: 전문가가 동시 멘토링 가능 기업 수(\(capacity))보다 많은 기업을 맡고 있습니다")))
      }
    }

    for index in document.mentoringSessions.indices {
      let session = document.mentoringSessions[index]
      guard let assignment = assignments[session.mentoringId] else {
        errors.append(missing("mentoringSessions", index, "mentoringId", session.mentoringId))
        continue
      }
      let (checked, problems) = ProgrammeRules.validate(
        session, assignment: assignment, today: nil)
      document.mentoringSessions[index] = checked
      errors += problems.map { located("mentoringSessions", index, $0) }
    }

    let sigs = Dictionary(
      document.sigs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for (index, sig) in document.sigs.enumerated() where !clusterIds.contains(sig.clusterId) {
      errors.append(missing("sigs", index, "clusterId", sig.clusterId))
    }
    var memberships = Set<[Int64]>()
    for (index, s) in document.sigMembers.enumerated() {
      guard let sig = sigs[s.sigId] else {
        errors.append(missing("sigMembers", index, "sigId", s.sigId))
        continue
      }
      guard let member = members[s.memberId] else {
        errors.append(missing("sigMembers", index, "memberId", s.memberId))
        continue
      }
      if let error = ProgrammeRules.clusterProblem(member: member, sig: sig, field: "memberId") {
        errors.append(located("sigMembers", index, error))
      }
      if !memberships.insert([s.sigId, s.memberId]).inserted {
        errors.append(repeated("sigMembers", index, "memberId", String(s.memberId)))
      }
    }
    for (index, sig) in document.sigs.enumerated() {
      if let leader = sig.leaderId, !memberships.contains([sig.id, leader]) {
        errors.append(
          FieldError(
            field: "sigs[\(index)].leaderId",
            problem: .other(
              english: "is not a member of the SIG", korean: "SIG에 참여하지 않은 회원입니다"),
            value: String(leader)))
      }
    }
    var taskNumbers = Set<[Int64]>()
    for (index, task) in document.sigTasks.enumerated() {
      if sigs[task.sigId] == nil { errors.append(missing("sigTasks", index, "sigId", task.sigId)) }
      if members[task.ownerId] == nil {
        errors.append(missing("sigTasks", index, "ownerId", task.ownerId))
      }
      if task.number < 1 {
        errors.append(
          FieldError(
            field: "sigTasks[\(index)].number", problem: .outOfRange("1…"),
            value: String(task.number)))
      }
      if !taskNumbers.insert([task.sigId, Int64(task.number)]).inserted {
        errors.append(repeated("sigTasks", index, "number", String(task.number)))
      }
    }

    var entries = Set<[Int64]>()
    for (index, entry) in document.directoryBook.enumerated() {
      if members[entry.memberId] == nil {
        errors.append(missing("directoryBook", index, "memberId", entry.memberId))
      }
      if !entries.insert([Int64(entry.edition), entry.memberId]).inserted {
        errors.append(repeated("directoryBook", index, "memberId", String(entry.memberId)))
      }
    }
    return errors
  }
}

import GRDB

/// One SIG in a list: its leader, how many companies and how many tasks in each status.
public struct SIGRow: Hashable, Sendable, Identifiable {
  public var sig: SIG
  public var clusterName: String
  public var leaderName: String?
  public var members: Int
  public var proposed: Int
  public var active: Int
  public var done: Int
  public var id: Int64 { sig.id }
  public var tasks: Int { proposed + active + done }
}

/// A company of a SIG.
public struct SIGMemberLine: Hashable, Sendable, Identifiable {
  public var memberId: Int64
  public var name: String
  public var joined: Day?
  public var isLeader: Bool
  public var id: Int64 { memberId }
}

/// A SIG task with its owner's name.
public struct SIGTaskLine: Hashable, Sendable {
  public var task: SIGTask
  public var ownerName: String
}

/// Everything about one SIG, for `sigs show` and a detail view.
public struct SIGDetail: Sendable {
  public var sig: SIG
  public var clusterName: String
  public var leaderName: String?
  /// By name, the leader first.
  public var members: [SIGMemberLine]
  /// By number.
  public var tasks: [SIGTaskLine]
}

/// How many active companies 1사1SIG reaches.
public struct SIGCoverage: Hashable, Sendable {
  public var companies: Int
  public var covered: Int
  public var uncovered: Int { companies - covered }
}

extension Workspace {
  @discardableResult
  public func addSIG(_ sig: SIG, on day: Day) throws -> SIG {
    try write { db in
      var (sig, errors) = ProgrammeRules.validate(sig)
      guard try Cluster.exists(db, key: sig.clusterId) else {
        throw ValidationError([FieldError(field: "cluster", problem: .notFound)])
      }
      errors += try Workspace.sigProblems(sig, db)
      if !errors.isEmpty { throw ValidationError(errors) }
      sig.id = try Workspace.nextId("sig", db)
      try sig.insert(db)
      if let leader = sig.leaderId {
        try SIGMembership(sigId: sig.id, memberId: leader, joined: day).insert(db)
      }
      return sig
    }
  }

  /// Saves an edited SIG (name, theme, leader), refused when someone else changed it since
  /// `original` was read. A new leader not yet in the SIG joins it that day.
  @discardableResult
  public func updateSIG(_ sig: SIG, original: SIG, on day: Day) throws -> SIG {
    try write { db in
      guard let current = try SIG.fetchOne(db, key: sig.id) else {
        throw WorkspaceError.recordNotFound(kind: "SIG", reference: "#\(sig.id)")
      }
      guard current == original else {
        throw WorkspaceError.conflict(kind: "SIG", reference: "#\(sig.id) \(current.name)")
      }
      var (sig, errors) = ProgrammeRules.validate(sig)
      sig.clusterId = current.clusterId
      errors += try Workspace.sigProblems(sig, db)
      if !errors.isEmpty { throw ValidationError(errors) }
      try sig.update(db)
      if let leader = sig.leaderId,
        try !SIGMembership.exists(db, key: ["sigId": sig.id, "memberId": leader])
      {
        try SIGMembership(sigId: sig.id, memberId: leader, joined: day).insert(db)
      }
      return sig
    }
  }

  /// A SIG's name is unique in its mini-cluster; its leader is a current member of that cluster.
  static func sigProblems(_ sig: SIG, _ db: Database) throws -> [FieldError] {
    var errors: [FieldError] = []
    if !sig.name.isEmpty,
      let other = try SIG.filter(
        Column("clusterId") == sig.clusterId && Column("name") == sig.name && Column("id") != sig.id
      ).fetchOne(db)
    {
      errors.append(
        FieldError(field: "sigName", problem: .duplicate(of: "#\(other.id)"), value: sig.name))
    }
    if let leaderId = sig.leaderId {
      guard let leader = try Member.fetchOne(db, key: leaderId) else {
        throw WorkspaceError.recordNotFound(kind: "member", reference: "#\(leaderId)")
      }
      errors += ProgrammeRules.membershipProblems(member: leader, sig: sig, field: "leader")
    }
    return errors
  }

  /// Finds one SIG from what a user types: an id, or a name (or part of it) that matches one
  /// SIG. Several matches are refused with the candidates, each with its id and mini-cluster.
  public func findSIG(_ reference: String, field: String = "sig") throws -> SIG {
    try read { db in
      try Workspace.findNamed(
        SIG.self, reference, field: field, kind: "SIG", plural: ("SIGs", "SIG"),
        describe: { sig in
          let cluster = try String.fetchOne(
            db, sql: "SELECT name FROM cluster WHERE id = ?", arguments: [sig.clusterId])
          return "#\(sig.id) \(sig.name) (\(cluster ?? ""))"
        }, db)
    }
  }

  /// Which SIGs a list shows: one mini-cluster's, and those whose name or theme has the search
  /// in it or whose leader or a member company matches it as a member search does (초성 too).
  static func sigClause(clusterId: Int64?, search: String) -> (
    sql: String, arguments: StatementArguments
  ) {
    var parts: [String] = []
    var arguments: StatementArguments = []
    if let clusterId {
      parts.append("s.clusterId = ?")
      _ = arguments.append(contentsOf: [clusterId])
    }
    let text = KoreanText.clean(search)
    if !text.isEmpty {
      let like = "%" + escapeLike(text) + "%"
      let member = searchClause(MemberQuery(search: text))
      parts.append(
        """
        (s.name LIKE ? ESCAPE '\\' OR s.theme LIKE ? ESCAPE '\\'
         OR s.leaderId IN (SELECT m.id FROM member m WHERE \(member.sql))
         OR s.id IN (SELECT sm.sigId FROM sigMember sm JOIN member m ON m.id = sm.memberId
                     WHERE \(member.sql)))
        """)
      _ = arguments.append(contentsOf: [like, like])
      _ = arguments.append(contentsOf: member.arguments)
      _ = arguments.append(contentsOf: member.arguments)
    }
    return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), arguments)
  }

  public func sigCount(clusterId: Int64? = nil, search: String = "") throws -> Int {
    try read { db in
      let clause = Workspace.sigClause(clusterId: clusterId, search: search)
      return try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM sig s WHERE \(clause.sql)", arguments: clause.arguments)!
    }
  }

  /// One window of the SIGs by name, with their leaders, member counts and task counts.
  public func sigRows(
    clusterId: Int64? = nil, search: String = "", offset: Int = 0, limit: Int
  ) throws -> [SIGRow] {
    try Array {
      try eachSIGRow(clusterId: clusterId, search: search, offset: offset, limit: limit, $0)
    }
  }

  /// The same rows, handed to `body` as they are read: any number takes the same memory.
  public func eachSIGRow(
    clusterId: Int64? = nil, search: String = "", offset: Int = 0, limit: Int = -1,
    _ body: (SIGRow) throws -> Void
  ) throws {
    try read { db in
      let clause = Workspace.sigClause(clusterId: clusterId, search: search)
      var arguments = clause.arguments
      _ = arguments.append(contentsOf: [limit, offset])
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT s.*, c.name AS clusterName, l.name AS leaderName,
                 (SELECT COUNT(*) FROM sigMember sm WHERE sm.sigId = s.id) AS members,
                 (SELECT COUNT(*) FROM sigTask t WHERE t.sigId = s.id AND t.status = 'proposed') AS proposed,
                 (SELECT COUNT(*) FROM sigTask t WHERE t.sigId = s.id AND t.status = 'active') AS active,
                 (SELECT COUNT(*) FROM sigTask t WHERE t.sigId = s.id AND t.status = 'done') AS done
          FROM sig s JOIN cluster c ON c.id = s.clusterId LEFT JOIN member l ON l.id = s.leaderId
          WHERE \(clause.sql)
          ORDER BY s.name, s.id LIMIT ? OFFSET ?
          """, arguments: arguments)
      while let row = try rows.next() {
        try body(
          SIGRow(
            sig: SIG(row: row), clusterName: row["clusterName"], leaderName: row["leaderName"],
            members: row["members"], proposed: row["proposed"], active: row["active"],
            done: row["done"]))
      }
    }
  }

  public func sigDetail(id: Int64) throws -> SIGDetail {
    try read { db in
      guard let sig = try SIG.fetchOne(db, key: id) else {
        throw WorkspaceError.recordNotFound(kind: "SIG", reference: "#\(id)")
      }
      let cluster = try String.fetchOne(
        db, sql: "SELECT name FROM cluster WHERE id = ?", arguments: [sig.clusterId])
      let members = try Row.fetchAll(
        db,
        sql: """
          SELECT m.id, m.name, sm.joined FROM sigMember sm JOIN member m ON m.id = sm.memberId
          WHERE sm.sigId = ? ORDER BY m.id = ? DESC, m.nameKey, m.id
          """, arguments: [id, sig.leaderId ?? 0]
      ).map { row in
        SIGMemberLine(
          memberId: row["id"], name: row["name"], joined: row["joined"],
          isLeader: row["id"] == sig.leaderId)
      }
      let tasks = try Row.fetchAll(
        db,
        sql: """
          SELECT t.*, m.name AS ownerName FROM sigTask t JOIN member m ON m.id = t.ownerId
          WHERE t.sigId = ? ORDER BY t.number
          """, arguments: [id]
      ).map { SIGTaskLine(task: try SIGTask(row: $0), ownerName: $0["ownerName"]) }
      return SIGDetail(
        sig: sig, clusterName: cluster ?? "",
        leaderName: members.first(where: \.isLeader)?.name, members: members, tasks: tasks)
    }
  }

  // MARK: Members and tasks

  public func joinSIG(sigId: Int64, memberId: Int64, on day: Day, today: Day) throws {
    try write { db in
      let (sig, member) = try Workspace.sigAndMember(sigId, memberId, db)
      var errors = ProgrammeRules.membershipProblems(member: member, sig: sig)
      if let error = ProgrammeRules.notAfter(day, today, field: "date") { errors.append(error) }
      if try SIGMembership.exists(db, key: ["sigId": sigId, "memberId": memberId]) {
        errors.append(
          FieldError(
            field: "member",
            problem: .other(
              english: "is already in SIG \(sig.name)", korean: "이미 SIG \(sig.name)에 참여하고 있습니다"),
            value: "#\(member.id) \(member.name)"))
      }
      if !errors.isEmpty { throw ValidationError(errors) }
      try SIGMembership(sigId: sigId, memberId: memberId, joined: day).insert(db)
    }
  }

  /// Takes a company out of a SIG. Its tasks stay with the SIG (done ones are its record); when
  /// it led the SIG, the SIG has no leader afterwards. Returns whether the leader was cleared.
  @discardableResult
  public func leaveSIG(sigId: Int64, memberId: Int64) throws -> Bool {
    try write { db in
      var (sig, member) = try Workspace.sigAndMember(sigId, memberId, db)
      guard try SIGMembership.deleteOne(db, key: ["sigId": sigId, "memberId": memberId]) else {
        throw ValidationError([
          FieldError(
            field: "member",
            problem: .other(
              english: "is not in SIG \(sig.name)", korean: "SIG \(sig.name)에 참여하고 있지 않습니다"),
            value: "#\(member.id) \(member.name)")
        ])
      }
      guard sig.leaderId == memberId else { return false }
      sig.leaderId = nil
      try sig.update(db)
      return true
    }
  }

  static func sigAndMember(_ sigId: Int64, _ memberId: Int64, _ db: Database) throws -> (
    SIG, Member
  ) {
    guard let sig = try SIG.fetchOne(db, key: sigId) else {
      throw WorkspaceError.recordNotFound(kind: "SIG", reference: "#\(sigId)")
    }
    guard let member = try Member.fetchOne(db, key: memberId) else {
      throw WorkspaceError.recordNotFound(kind: "member", reference: "#\(memberId)")
    }
    return (sig, member)
  }

  /// Adds a task (proposed or active) to a SIG, owned by one of its companies; it takes the next
  /// number of the SIG.
  @discardableResult
  public func addSIGTask(_ task: SIGTask, today: Day) throws -> SIGTask {
    try write { db in
      let (sig, owner) = try Workspace.sigAndMember(task.sigId, task.ownerId, db)
      var (task, errors) = ProgrammeRules.validate(task, today: today)
      if task.status == .done {
        errors.append(
          FieldError(
            field: "status", problem: .unknownValue(allowed: ["proposed", "active"]),
            value: task.status.rawValue))
      }
      if try !SIGMembership.exists(db, key: ["sigId": sig.id, "memberId": owner.id]) {
        errors.append(
          FieldError(
            field: "owner",
            problem: .other(
              english: "is not in SIG \(sig.name); it must join first",
              korean: "SIG \(sig.name)에 참여하지 않은 회원입니다. 먼저 참여해야 합니다"),
            value: "#\(owner.id) \(owner.name)"))
      }
      if !errors.isEmpty { throw ValidationError(errors) }
      task.number =
        try Int.fetchOne(
          db, sql: "SELECT IFNULL(MAX(number), 0) + 1 FROM sigTask WHERE sigId = ?",
          arguments: [sig.id]) ?? 1
      try task.insert(db)
      return task
    }
  }

  /// Moves a SIG task on: proposed → active, or to done on a day.
  @discardableResult
  public func moveSIGTask(
    sigId: Int64, number: Int, to status: SIGTaskStatus, on day: Day, today: Day
  ) throws -> SIGTask {
    try write { db in
      guard var task = try SIGTask.fetchOne(db, key: ["sigId": sigId, "number": number]) else {
        let name = try String.fetchOne(
          db, sql: "SELECT name FROM sig WHERE id = ?", arguments: [sigId])
        let count = try SIGTask.filter(Column("sigId") == sigId).fetchCount(db)
        throw ValidationError([
          FieldError(
            field: "task",
            problem: .other(
              english: "SIG \(name ?? "#\(sigId)") has no task of that number (it has \(count))",
              korean: "SIG \(name ?? "#\(sigId)")에 그 번호의 과제가 없습니다 (과제 \(count)건)"),
            value: String(number))
        ])
      }
      guard task.status.canMove(to: status) else {
        throw ValidationError([
          FieldError(
            field: "task",
            problem: .other(
              english: "is \(task.status.english) and cannot become \(status.english)",
              korean:
                "'\(task.status.korean)' 상태라 '\(status.korean)'\(Particle.direction.after(status.korean)) 바꿀 수 없습니다"
            ),
            value: "\(number) \(task.title)")
        ])
      }
      task.status = status
      task.done = status == .done ? day : nil
      let (moved, errors) = ProgrammeRules.validate(task, today: today)
      if !errors.isEmpty { throw ValidationError(errors) }
      try moved.update(db)
      return moved
    }
  }

  /// Active member companies and how many of them are in at least one SIG. The whole office's
  /// active companies are the sum of the kept `dueDay` (each counts on the day of its last
  /// visit), a few hundred rows; those in no SIG are counted on their own index alone (see
  /// `workListIndex`), a cluster's too.
  public func sigCoverage(clusterId: Int64? = nil) throws -> SIGCoverage {
    try read { db in
      let companies =
        clusterId == nil
        ? try Int.fetchOne(db, sql: "SELECT IFNULL(SUM(companies), 0) FROM dueDay")!
        : try Workspace.memberCount(
          MemberQuery(clusterId: clusterId, kind: .company, status: .active), db)
      let uncovered = try Workspace.memberCount(.companiesWithoutSIG(clusterId: clusterId), db)
      return SIGCoverage(companies: companies, covered: companies - uncovered)
    }
  }
}

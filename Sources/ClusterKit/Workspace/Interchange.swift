import Foundation
import GRDB

extension Workspace {
  /// The whole workspace as one document, every list in id order.
  public func exportDocument(progress: ((Double) -> Void)? = nil) throws -> WorkspaceDocument {
    try read { db in try Workspace.exportDocument(db, progress: progress) }
  }

  /// The same, read inside a transaction already open (a JSON workspace saving a change).
  static func exportDocument(_ db: Database, progress: ((Double) -> Void)? = nil) throws
    -> WorkspaceDocument
  {
    do {
      progress?(0)
      var document = WorkspaceDocument(office: try Workspace.office(db))
      document.clusters = try Cluster.order(Column("id")).fetchAll(db)
      document.divisions = try Division.order(Column("id")).fetchAll(db)
      document.members = try Member.order(Column("id")).fetchAll(db)
      document.contacts = try Contact.order(Column("id")).fetchAll(db)
      progress?(0.2)
      document.meetings = try Meeting.order(Column("id")).fetchAll(db)
      document.attendance = try Attendance.order(Column("meetingId"), Column("memberId")).fetchAll(
        db)
      progress?(0.35)
      var difficulties: [Int64: [Difficulty]] = [:]
      let difficultyRows = try Row.fetchCursor(
        db, sql: "SELECT * FROM difficulty ORDER BY visitId, position")
      while let row = try difficultyRows.next() {
        difficulties[row["visitId"], default: []].append(
          Difficulty(category: row["category"], text: row["text"]))
      }
      var followUps: [Int64: [FollowUp]] = [:]
      let followUpRows = try Row.fetchCursor(db, sql: "SELECT * FROM followUp ORDER BY id")
      while let row = try followUpRows.next() {
        followUps[row["visitId"], default: []].append(
          FollowUp(
            id: row["id"], action: row["action"], owner: row["owner"], due: row["due"],
            done: row["done"]))
      }
      progress?(0.55)
      document.visits = try VisitRow.order(Column("id")).fetchAll(db).map { row in
        Visit(
          id: row.id, memberId: row.memberId, date: row.date, visitor: row.visitor,
          purpose: row.purpose, notes: row.notes, difficulties: difficulties[row.id] ?? [],
          followUps: followUps[row.id] ?? [])
      }
      progress?(0.75)
      document.programs = try Program.order(Column("id")).fetchAll(db)
      document.requests = try SupportRequest.order(Column("id")).fetchAll(db)
      document.instalments = try Instalment.order(Column("id")).fetchAll(db)
      document.audit = try AuditEntry.order(Column("id")).fetchAll(db)
      try Workspace.exportProgrammes(into: &document, db)
      progress?(1)
      return document
    }
  }

  /// Loads a whole-workspace document into this workspace, which must be empty. Everything is
  /// checked first; on any error nothing is written.
  public func importDocument(_ document: WorkspaceDocument, progress: ((Double) -> Void)? = nil)
    throws
  {
    guard document.format == WorkspaceDocument.formatName else {
      throw ValidationError([
        FieldError(
          field: "format", problem: .invalidFormat(expected: WorkspaceDocument.formatName),
          value: document.format)
      ])
    }
    guard document.version <= WorkspaceDocument.currentVersion else {
      throw ValidationError([
        FieldError(
          field: "version",
          problem: .other(
            english: "is newer than this ClusterDesk reads (\(WorkspaceDocument.currentVersion))",
            korean: "이 ClusterDesk가 읽을 수 있는 버전(\(WorkspaceDocument.currentVersion))보다 새롭습니다"),
          value: String(document.version))
      ])
    }
    let checked = try Workspace.check(document)
    try write { db in
      guard
        try Int.fetchOne(
          db,
          sql:
            "SELECT (SELECT COUNT(*) FROM cluster) + (SELECT COUNT(*) FROM member) + (SELECT COUNT(*) FROM program) + (SELECT COUNT(*) FROM expert)"
        ) == 0
      else { throw WorkspaceError.notEmpty(path: path) }
      // References are checked once everything is in (below), so a record may come before the
      // one it points to, and a dangling one is reported by name instead of as a raw SQLite error.
      try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
      // A whole workspace is one transaction larger than SQLite's default page cache; with a
      // bigger cache for this load, pages are written once at commit instead of spilling to
      // the log again and again.
      let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
      try db.execute(sql: "PRAGMA cache_size = -262144")
      defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
      try saveOffice(checked.office, db)
      let total = Double(
        max(
          1,
          checked.members.count + checked.visits.count + checked.attendance.count
            + checked.requests.count))
      var done = 0.0
      func tick(_ n: Int = 1) {
        done += Double(n)
        if Int(done) % 2000 == 0 { progress?(done / total) }
      }
      /// Inserts a list; a record the database refuses (a repeated id, say) is named by its place.
      func insert<T>(
        _ list: String, _ items: [T], counted: Bool = false, _ body: (T) throws -> Void
      ) throws {
        for (index, item) in items.enumerated() {
          do {
            try body(item)
          } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            let detail = error.message ?? "constraint failed"
            throw ValidationError([
              FieldError(
                field: "\(list)[\(index)]",
                problem: .other(
                  english: "conflicts with another record (\(detail))",
                  korean: "다른 기록과 충돌합니다 (\(detail))"))
            ])
          }
          if counted { tick() }
        }
      }
      // Small tables go through their records; the big ones through one cached statement each,
      // which skips per-row encoding into a container and re-preparing SQL.
      try insert("clusters", checked.clusters) { try $0.insert(db) }
      try insert("divisions", checked.divisions) { try $0.insert(db) }
      try insert("members", checked.members, counted: true) { try Workspace.storeMember($0, db) }
      let insertContact = try db.cachedStatement(
        sql:
          "INSERT INTO contact (id, memberId, name, title, phone, email) VALUES (?, ?, ?, ?, ?, ?)")
      try insert("contacts", checked.contacts) { c in
        try insertContact.execute(arguments: [c.id, c.memberId, c.name, c.title, c.phone, c.email])
      }
      let insertMeeting = try db.cachedStatement(
        sql: """
          INSERT INTO meeting (id, clusterId, divisionId, kind, date, title, place, agenda, minutes)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      try insert("meetings", checked.meetings) { m in
        try insertMeeting.execute(arguments: [
          m.id, m.clusterId, m.divisionId, m.kind, m.date, m.title, m.place, m.agenda, m.minutes,
        ])
      }
      let insertAttendance = try db.cachedStatement(
        sql: "INSERT INTO attendance (meetingId, memberId, status) VALUES (?, ?, ?)")
      try insert("attendance", checked.attendance, counted: true) { a in
        try insertAttendance.execute(arguments: [a.meetingId, a.memberId, a.status])
      }
      try insert("visits", checked.visits, counted: true) {
        _ = try Workspace.insertVisit($0, keepIds: true, db)
      }
      try insert("programs", checked.programs) { try $0.insert(db) }
      let insertRequest = try db.cachedStatement(
        sql: """
          INSERT INTO supportRequest (id, memberId, programId, title, requestedKRW, submitted, status,
            approvedKRW, decided, reviewer, reason, cofundingKRW, difficultyVisitId, difficultyNumber,
            agreedOn, agreedCofundingKRW, agreementOverride, reportDate, spentKRW, disallowedKRW,
            returnedKRW)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      try insert("requests", checked.requests, counted: true) { r in
        try insertRequest.execute(arguments: [
          r.id, r.memberId, r.programId, r.title, r.requestedKRW, r.submitted, r.status,
          r.approvedKRW, r.decided, r.reviewer, r.reason, r.cofundingKRW, r.difficulty?.visitId,
          r.difficulty?.number, r.agreement?.date, r.agreement?.cofundingKRW,
          r.agreement?.overrideReason ?? "", r.settlement?.reportDate, r.settlement?.spentKRW,
          r.settlement?.disallowedKRW, r.settlement?.returnedKRW,
        ])
      }
      try insert("instalments", checked.instalments) { try $0.insert(db) }
      let insertAudit = try db.cachedStatement(
        sql: """
          INSERT INTO auditEntry (id, requestId, at, actor, field, "before", "after")
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """)
      try insert("audit", checked.audit) { e in
        try insertAudit.execute(arguments: [
          e.id, e.requestId, e.at, e.actor, e.field, e.before, e.after,
        ])
      }
      try insert("experts", checked.experts) { try Workspace.storeExpert($0, db) }
      try insert("mentorings", checked.mentorings) { try $0.insert(db) }
      try insert("mentoringSessions", checked.mentoringSessions) { try $0.insert(db) }
      try insert("sigs", checked.sigs) { try $0.insert(db) }
      try insert("sigMembers", checked.sigMembers) { try $0.insert(db) }
      try insert("sigTasks", checked.sigTasks) { try $0.insert(db) }
      try insert("directoryBook", checked.directoryBook) { try $0.insert(db) }
      let problems = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
      if !problems.isEmpty {
        throw ValidationError(
          problems.prefix(20).map { row in
            FieldError(
              field: "\(row[0] as String)[rowid \(row[1] as Int64? ?? 0)]",
              problem: .other(
                english: "refers to a missing \(row[2] as String)",
                korean: "없는 \(row[2] as String)을(를) 가리킵니다"))
          })
      }
      progress?(1)
    }
  }

  /// Validates and normalises a document's records, naming each bad one by list and position.
  static func check(_ document: WorkspaceDocument) throws -> WorkspaceDocument {
    var document = document
    var errors: [FieldError] = []
    func prefix(_ list: String, _ index: Int, _ error: FieldError) -> FieldError {
      var error = error
      error.field = "\(list)[\(index)].\(error.field)"
      return error
    }
    // The office's contact rhythm; the database refuses anything under a week.
    if document.office.officerVisitWeeks < 1 {
      errors.append(
        FieldError(
          field: "office.officerVisitWeeks", problem: .outOfRange("1…"),
          value: String(document.office.officerVisitWeeks)))
    }
    if document.office.memberVisitWeeks < 1 {
      errors.append(
        FieldError(
          field: "office.memberVisitWeeks", problem: .outOfRange("1…"),
          value: String(document.office.memberVisitWeeks)))
    }
    var clusterIds = Set<Int64>()
    for (index, cluster) in document.clusters.enumerated() {
      if cluster.name.isEmpty {
        errors.append(FieldError(field: "clusters[\(index)].name", problem: .required))
      }
      if !clusterIds.insert(cluster.id).inserted {
        errors.append(
          FieldError(field: "clusters[\(index)].id", problem: .duplicate(of: "id \(cluster.id)")))
      }
    }
    var divisionCluster: [Int64: Int64] = [:]
    for division in document.divisions { divisionCluster[division.id] = division.clusterId }
    var numbers: [String: Int] = [:]
    var names: [String: Int] = [:]
    for index in document.members.indices {
      let (member, memberErrors) = MemberRules.validate(document.members[index])
      document.members[index] = member
      errors += memberErrors.map { prefix("members", index, $0) }
      if !clusterIds.contains(member.clusterId) {
        errors.append(
          FieldError(
            field: "members[\(index)].clusterId", problem: .notFound,
            value: String(member.clusterId)))
      }
      if let divisionId = member.divisionId, divisionCluster[divisionId] != member.clusterId {
        errors.append(
          FieldError(
            field: "members[\(index)].divisionId", problem: .notFound, value: String(divisionId)))
      }
      if !member.businessNumber.isEmpty {
        if let other = numbers[member.businessNumber] {
          errors.append(
            FieldError(
              field: "members[\(index)].businessNumber",
              problem: .duplicate(of: "members[\(other)]")))
        } else {
          numbers[member.businessNumber] = index
        }
      }
      let key = "\(member.clusterId)/\(KoreanText.nameKey(member.name))"
      if let other = names[key] {
        errors.append(
          FieldError(field: "members[\(index)].name", problem: .duplicate(of: "members[\(other)]")))
      } else {
        names[key] = index
      }
    }
    errors += checkSupport(&document)
    errors += checkProgrammes(&document)
    if !errors.isEmpty { throw ValidationError(Array(errors.prefix(200))) }
    return document
  }
}

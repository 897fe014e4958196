import Foundation
import GRDB

/// Correcting what was entered: editing visits and meetings, deleting records, a member entered
/// by mistake, and two records of one company merged. Each is one transaction; inside
/// `recording` each can be undone.
extension Workspace {
  // MARK: - Visits

  /// Saves a visit as corrected: its date, visitor, purpose, notes, difficulties and follow-ups.
  /// A follow-up with an id keeps it (and whether it is done); one without is new; one left out
  /// is removed. A difficulty a support request answers cannot be removed.
  @discardableResult
  public func updateVisit(_ visit: Visit) throws -> Visit {
    try write { db in
      guard
        try Row.fetchOne(db, sql: "SELECT 1 FROM visit WHERE id = ?", arguments: [visit.id]) != nil
      else { throw WorkspaceError.recordNotFound(kind: "visit", reference: "#\(visit.id)") }
      var visit = try Workspace.validated(visit, db)
      if let answered = try Int.fetchOne(
        db,
        sql: "SELECT MAX(difficultyNumber) FROM supportRequest WHERE difficultyVisitId = ?",
        arguments: [visit.id]), answered > visit.difficulties.count
      {
        throw ValidationError([
          FieldError(
            field: "difficulties[\(answered)]",
            problem: .other(
              english: "is answered by a support request and cannot be removed",
              korean: "지원신청이 답하고 있어 지울 수 없습니다"))
        ])
      }
      try Workspace.unindexVisit(id: visit.id, db)
      try db.execute(
        sql:
          "UPDATE visit SET memberId = ?, date = ?, visitor = ?, purpose = ?, notes = ? WHERE id = ?",
        arguments: [
          visit.memberId, visit.date, visit.visitor, visit.purpose, visit.notes, visit.id,
        ])
      try db.execute(sql: "DELETE FROM difficulty WHERE visitId = ?", arguments: [visit.id])
      for (position, difficulty) in visit.difficulties.enumerated() {
        try db.execute(
          sql: "INSERT INTO difficulty (visitId, position, category, text) VALUES (?, ?, ?, ?)",
          arguments: [visit.id, position, difficulty.category, difficulty.text])
      }
      let kept = Set(visit.followUps.map(\.id).filter { $0 != 0 })
      for id in try Int64.fetchAll(
        db, sql: "SELECT id FROM followUp WHERE visitId = ?", arguments: [visit.id])
      where !kept.contains(id) {
        try db.execute(sql: "DELETE FROM followUp WHERE id = ?", arguments: [id])
      }
      for index in visit.followUps.indices {
        let f = visit.followUps[index]
        if f.id != 0,
          try Row.fetchOne(
            db, sql: "SELECT 1 FROM followUp WHERE id = ? AND visitId = ?",
            arguments: [f.id, visit.id]) != nil
        {
          try db.execute(
            sql: "UPDATE followUp SET action = ?, owner = ?, due = ?, done = ? WHERE id = ?",
            arguments: [f.action, f.owner, f.due, f.done, f.id])
        } else {
          visit.followUps[index].id = try Workspace.nextId("followUp", db)
          try db.execute(
            sql:
              "INSERT INTO followUp (id, visitId, action, owner, due, done) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [visit.followUps[index].id, visit.id, f.action, f.owner, f.due, f.done])
        }
      }
      if let texts = try Workspace.visitTexts(id: visit.id, db) {
        try Workspace.indexVisit(id: visit.id, texts: texts, db)
      }
      return visit
    }
  }

  /// Deletes a visit with its difficulties and follow-ups. A visit whose difficulty a support
  /// request answers is kept (the request would lose what it answers).
  public func deleteVisit(id: Int64) throws {
    try write { db in
      guard try Row.fetchOne(db, sql: "SELECT 1 FROM visit WHERE id = ?", arguments: [id]) != nil
      else { throw WorkspaceError.recordNotFound(kind: "visit", reference: "#\(id)") }
      let requests = try Int64.fetchAll(
        db, sql: "SELECT id FROM supportRequest WHERE difficultyVisitId = ? ORDER BY id",
        arguments: [id])
      if !requests.isEmpty {
        let list = requests.map { "#\($0)" }.joined(separator: ", ")
        throw FieldError(
          field: "visit",
          problem: .other(
            english: "is answered by support request \(list); it was kept",
            korean: "지원신청 \(list, .subject) 이 방문의 애로사항에 답하고 있어 지우지 않았습니다"),
          value: "#\(id)")
      }
      try Workspace.unindexVisit(id: id, db)
      try db.execute(sql: "DELETE FROM followUp WHERE visitId = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM difficulty WHERE visitId = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM visit WHERE id = ?", arguments: [id])
    }
  }

  /// Deletes one follow-up.
  public func deleteFollowUp(id: Int64) throws {
    try write { db in
      guard
        let visitId = try Int64.fetchOne(
          db, sql: "SELECT visitId FROM followUp WHERE id = ?", arguments: [id])
      else { throw WorkspaceError.recordNotFound(kind: "follow-up", reference: "#\(id)") }
      try Workspace.unindexVisit(id: visitId, db)
      try db.execute(sql: "DELETE FROM followUp WHERE id = ?", arguments: [id])
      if let texts = try Workspace.visitTexts(id: visitId, db) {
        try Workspace.indexVisit(id: visitId, texts: texts, db)
      }
    }
  }

  // MARK: - Meetings

  /// Checks and cleans a meeting before it is stored.
  static func validated(_ meeting: Meeting, _ db: Database) throws -> Meeting {
    var (meeting, errors) = meeting.checked()
    if try !Cluster.exists(db, key: meeting.clusterId) {
      errors.append(FieldError(field: "cluster", problem: .notFound))
    }
    if let divisionId = meeting.divisionId,
      try Division.fetchOne(db, key: divisionId)?.clusterId != meeting.clusterId
    {
      errors.append(FieldError(field: "division", problem: .notFound))
    }
    if !errors.isEmpty { throw ValidationError(errors) }
    return meeting
  }

  /// Saves a meeting as corrected: its title, kind, date, place, agenda, minutes and division.
  /// The invite list is changed with `setAttendance` (a nil mark takes a member off it).
  @discardableResult
  public func updateMeeting(_ meeting: Meeting) throws -> Meeting {
    try write { db in
      guard try Meeting.exists(db, key: meeting.id) else {
        throw WorkspaceError.recordNotFound(kind: "meeting", reference: "#\(meeting.id)")
      }
      let meeting = try Workspace.validated(meeting, db)
      try meeting.update(db)
      return meeting
    }
  }

  /// Deletes a meeting and its attendance.
  public func deleteMeeting(id: Int64) throws {
    try write { db in
      guard try Meeting.exists(db, key: id) else {
        throw WorkspaceError.recordNotFound(kind: "meeting", reference: "#\(id)")
      }
      try db.execute(sql: "DELETE FROM attendance WHERE meetingId = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM meeting WHERE id = ?", arguments: [id])
    }
  }

  // MARK: - Contacts and members

  public func deleteContact(id: Int64) throws {
    try write { db in
      guard try Contact.exists(db, key: id) else {
        throw WorkspaceError.recordNotFound(kind: "contact", reference: "#\(id)")
      }
      try db.execute(sql: "DELETE FROM contact WHERE id = ?", arguments: [id])
    }
  }

  /// The tables and columns that point at a member (found from the schema, so a table added
  /// later is included).
  static func memberReferences(_ db: Database) throws -> [(table: String, column: String)] {
    var references: [(String, String)] = []
    for table in try String.fetchAll(
      db,
      sql:
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ) {
      for key in try Row.fetchAll(
        db, sql: "PRAGMA foreign_key_list(\(table.quotedDatabaseIdentifier))")
      where (key["table"] as String) == "member" {
        references.append((table, key["from"]))
      }
    }
    return references
  }

  /// A member's history in words, the records of each table counted: `3 visits and 1 request`,
  /// `방문 3건, 지원신청 1건`.
  static func historyWords(_ counts: [(table: String, count: Int)]) -> (String, String) {
    // In the order a manager thinks of them; a table added later comes last, by its name.
    let words: [(table: String, one: String, many: String, korean: String)] = [
      ("visit", "visit", "visits", "방문 %d건"),
      ("supportRequest", "request", "requests", "지원신청 %d건"),
      ("attendance", "meeting attended", "meetings attended", "회의 출석 %d건"),
      ("contact", "contact", "contacts", "담당자 %d명"),
      ("mentoring", "mentoring", "mentorings", "멘토링 %d건"),
      ("mentoringHistory", "past mentoring", "past mentorings", "지난 멘토링 %d건"),
      ("mentoringSession", "mentoring session", "mentoring sessions", "멘토링 일지 %d건"),
      ("sigMember", "SIG membership", "SIG memberships", "SIG 참여 %d건"),
      ("sigTask", "SIG task", "SIG tasks", "SIG 과제 %d건"),
      ("directoryBook", "directory-book record", "directory-book records", "디렉토리북 기록 %d건"),
    ]
    let rank = { (table: String) in words.firstIndex { $0.table == table } ?? words.count }
    let ordered = counts.sorted { (rank($0.table), $0.table) < (rank($1.table), $1.table) }
    let english = ordered.map { table, n in
      let w = words.first { $0.table == table }
      return "\(n) \(n == 1 ? w?.one ?? "\(table) record" : w?.many ?? "\(table) records")"
    }
    let korean = ordered.map { table, n in
      words.first { $0.table == table }.map {
        $0.korean.replacingOccurrences(of: "%d", with: String(n))
      } ?? "\(table) \(n)건"
    }
    let list =
      english.count < 2
      ? english.joined()
      : english.dropLast().joined(separator: ", ") + " and " + english.last!
    return (list, korean.joined(separator: ", "))
  }

  /// Deletes a member entered by mistake. A member with any history (visits, meetings,
  /// requests, contacts, mentoring, SIGs, directory book) is not deleted: mark them as left, or
  /// merge them into the record that is kept.
  public func deleteMember(id: Int64) throws {
    try write { db in
      guard
        let name = try String.fetchOne(
          db, sql: "SELECT name FROM member WHERE id = ?", arguments: [id])
      else { throw WorkspaceError.recordNotFound(kind: "member", reference: "#\(id)") }
      var history: [(table: String, count: Int)] = []
      for (table, column) in try Workspace.memberReferences(db) {
        let n =
          try Int.fetchOne(
            db,
            sql:
              "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier) WHERE \(column.quotedDatabaseIdentifier) = ?",
            arguments: [id]) ?? 0
        guard n > 0 else { continue }
        if let seen = history.firstIndex(where: { $0.table == table }) {
          history[seen].count += n
        } else {
          history.append((table, n))
        }
      }
      if !history.isEmpty {
        let (english, korean) = Workspace.historyWords(history)
        throw FieldError(
          field: "member",
          problem: .other(
            english: "\(name) (#\(id)) has \(english); mark the member as left instead",
            korean:
              "\(name)(#\(id))에 \(korean)\(Particle.subject.after(korean)) 있어 지울 수 없으니 탈퇴로 표시하세요"))
      }
      try db.execute(sql: "DELETE FROM member WHERE id = ?", arguments: [id])
    }
  }

  /// Merges two records of one company: everything that points at `duplicate` (visits,
  /// attendance, requests, contacts, mentoring, SIGs, directory book) moves to `kept`, and the
  /// duplicate is deleted. Where both have a record of the same thing (an attendance mark, a
  /// SIG membership, a directory-book edition), the kept member's stays. Each support request
  /// moved gets its `memberId` entry in the audit log (who, when, the duplicate's id into the
  /// kept one's), so the log says which record it came from and `audit --verify` still holds;
  /// and the merge itself gets an entry of no request (`AuditEntry.mergeField`), whatever it
  /// moved.
  public func mergeMember(_ duplicate: Int64, into kept: Int64) throws {
    try write { db in
      for id in [duplicate, kept] where try !Member.exists(db, key: id) {
        throw WorkspaceError.recordNotFound(kind: "member", reference: "#\(id)")
      }
      if duplicate == kept {
        throw FieldError(
          field: "member",
          problem: .other(english: "cannot be merged into itself", korean: "자기 자신과 합칠 수 없습니다"),
          value: "#\(kept)")
      }
      // One open mentoring per company: the duplicate's ends where the kept one has its own.
      if try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM mentoring WHERE memberId IN (?, ?) AND ended IS NULL",
        arguments: [duplicate, kept]) ?? 0 > 1
      {
        try db.execute(
          sql: """
            UPDATE mentoring SET ended = IFNULL(started, date('now'))
            WHERE memberId = ? AND ended IS NULL
            """, arguments: [duplicate])
      }
      let moved = try SupportRequest.filter(Column("memberId") == duplicate).order(Column("id"))
        .fetchAll(db)
      let references = try [duplicate, kept].map { id in
        try Row.fetchOne(
          db,
          sql: """
            SELECT m.name, c.name AS cluster FROM member m JOIN cluster c ON c.id = m.clusterId
            WHERE m.id = ?
            """, arguments: [id]
        ).map { Workspace.memberReference(id: id, name: $0["name"], cluster: $0["cluster"]) }
          ?? "#\(id)"
      }
      for (table, column) in try Workspace.memberReferences(db) {
        let t = table.quotedDatabaseIdentifier
        let c = column.quotedDatabaseIdentifier
        try db.execute(
          sql: "UPDATE OR IGNORE \(t) SET \(c) = ? WHERE \(c) = ?", arguments: [kept, duplicate])
        try db.execute(sql: "DELETE FROM \(t) WHERE \(c) = ?", arguments: [duplicate])
      }
      for before in moved {
        var after = before
        after.memberId = kept
        try Workspace.recordAudit(before: before, after: after, actor: actor, db)
      }
      try db.execute(sql: "DELETE FROM member WHERE id = ?", arguments: [duplicate])
      try Workspace.appendAudit(
        AuditEntry(
          requestId: nil, at: Day.timestamp(), actor: actor,
          field: AuditEntry.mergeField, before: references[0], after: references[1]), db)
    }
  }
}

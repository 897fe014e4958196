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

  /// Deletes a member entered by mistake. A member with any history (visits, meetings,
  /// requests, contacts, mentoring, SIGs, directory book) is not deleted: mark them as left, or
  /// merge them into the record that is kept.
  public func deleteMember(id: Int64) throws {
    try write { db in
      guard
        let name = try String.fetchOne(
          db, sql: "SELECT name FROM member WHERE id = ?", arguments: [id])
      else { throw WorkspaceError.recordNotFound(kind: "member", reference: "#\(id)") }
      var history: [String] = []
      for (table, column) in try Workspace.memberReferences(db) {
        let n =
          try Int.fetchOne(
            db,
            sql:
              "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier) WHERE \(column.quotedDatabaseIdentifier) = ?",
            arguments: [id]) ?? 0
        if n > 0 { history.append("\(table) \(n)") }
      }
      if !history.isEmpty {
        throw FieldError(
          field: "member",
          problem: .other(
            english:
              "has history (\(history.joined(separator: ", "))); mark them as left or merge them instead",
            korean: "기록이 있어(\(history.joined(separator: ", "))) 지우지 않았습니다. 탈퇴로 표시하거나 다른 회원과 합치세요"),
          value: "\(name) #\(id)")
      }
      try db.execute(sql: "DELETE FROM member WHERE id = ?", arguments: [id])
    }
  }

  /// Merges two records of one company: everything that points at `duplicate` (visits,
  /// attendance, requests, contacts, mentoring, SIGs, directory book) moves to `kept`, and the
  /// duplicate is deleted. Where both have a record of the same thing (an attendance mark, a
  /// SIG membership, a directory-book edition), the kept member's stays.
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
      for (table, column) in try Workspace.memberReferences(db) {
        let t = table.quotedDatabaseIdentifier
        let c = column.quotedDatabaseIdentifier
        try db.execute(
          sql: "UPDATE OR IGNORE \(t) SET \(c) = ? WHERE \(c) = ?", arguments: [kept, duplicate])
        try db.execute(sql: "DELETE FROM \(t) WHERE \(c) = ?", arguments: [duplicate])
      }
      try db.execute(sql: "DELETE FROM member WHERE id = ?", arguments: [duplicate])
    }
  }
}

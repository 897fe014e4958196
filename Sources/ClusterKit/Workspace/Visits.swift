import GRDB

/// A member that is due for a visit by the contact rhythm.
public struct DueVisit: Hashable, Sendable {
  public var memberId: Int64
  public var name: String
  public var role: OfficerRole
  public var lastVisit: Day?
  /// Days since the last visit, nil when never visited.
  public var daysSince: Int?
  /// The rhythm that applies to this member, in weeks.
  public var rhythmWeeks: Int
}

/// An open follow-up with the visit and member it belongs to.
public struct OpenFollowUp: Hashable, Sendable {
  public var followUp: FollowUp
  public var visitId: Int64
  public var visitDate: Day
  public var memberId: Int64
  public var memberName: String
}

extension Workspace {
  /// Visits with their difficulties and follow-ups, for a WHERE clause over `visit v`.
  static func visits(
    _ db: Database, where condition: String, arguments: StatementArguments, order: String,
    limit: Int
  ) throws -> [Visit] {
    let rows = try VisitRow.fetchAll(
      db, sql: "SELECT v.* FROM visit v WHERE \(condition) ORDER BY \(order) LIMIT \(limit)",
      arguments: arguments)
    return try withChildren(rows, db)
  }

  /// The visits of these rows with their difficulties and follow-ups.
  static func withChildren(_ rows: [VisitRow], _ db: Database) throws -> [Visit] {
    guard !rows.isEmpty else { return [] }
    var difficulties: [Int64: [Difficulty]] = [:]
    var followUps: [Int64: [FollowUp]] = [:]
    // Read through cursors, the columns by position: a long list reads many of them.
    for batch in rows.batches() {
      let ids = batch.map(\.id)
      let placeholders = databaseQuestionMarks(count: ids.count)
      let difficultyRows = try Row.fetchCursor(
        db,
        sql: """
          SELECT visitId, category, text FROM difficulty WHERE visitId IN (\(placeholders))
          ORDER BY visitId, position
          """,
        arguments: StatementArguments(ids))
      while let row = try difficultyRows.next() {
        difficulties[row[0], default: []].append(Difficulty(category: row[1], text: row[2]))
      }
      let followUpRows = try Row.fetchCursor(
        db,
        sql: """
          SELECT visitId, id, action, owner, due, done FROM followUp
          WHERE visitId IN (\(placeholders)) ORDER BY id
          """,
        arguments: StatementArguments(ids))
      while let row = try followUpRows.next() {
        followUps[row[0], default: []].append(
          FollowUp(id: row[1], action: row[2], owner: row[3], due: row[4], done: row[5]))
      }
    }
    return rows.map { row in
      Visit(
        id: row.id, memberId: row.memberId, date: row.date, visitor: row.visitor,
        purpose: row.purpose, notes: row.notes, difficulties: difficulties[row.id] ?? [],
        followUps: followUps[row.id] ?? [])
    }
  }

  /// Checks and cleans a visit before it is stored; its difficulties and follow-ups are
  /// counted from 1, as the person typing them counts.
  static func validated(_ visit: Visit, _ db: Database) throws -> Visit {
    var (visit, errors) = visit.checked(countingFrom: 1)
    if try !Member.exists(db, key: visit.memberId) {
      errors.insert(
        FieldError(field: "member", problem: .notFound, value: "#\(visit.memberId)"), at: 0)
    }
    if !errors.isEmpty { throw ValidationError(errors) }
    return visit
  }

  static func insertVisit(_ visit: Visit, keepIds: Bool, _ db: Database) throws -> Visit {
    var visit = visit
    if !keepIds { visit.id = try nextId("visit", db) }
    // Cached statements: a whole-workspace import runs this hundreds of thousands of times.
    try db.cachedStatement(
      sql:
        "INSERT INTO visit (id, memberId, date, visitor, purpose, notes) VALUES (?, ?, ?, ?, ?, ?)"
    ).execute(arguments: [
      visit.id == 0 ? nil : visit.id, visit.memberId, visit.date, visit.visitor, visit.purpose,
      visit.notes,
    ])
    if visit.id == 0 { visit.id = db.lastInsertedRowID }
    if !visit.difficulties.isEmpty {
      let insert = try db.cachedStatement(
        sql: "INSERT INTO difficulty (visitId, position, category, text) VALUES (?, ?, ?, ?)")
      for (position, difficulty) in visit.difficulties.enumerated() {
        try insert.execute(arguments: [visit.id, position, difficulty.category, difficulty.text])
      }
    }
    if !visit.followUps.isEmpty {
      let insert = try db.cachedStatement(
        sql:
          "INSERT INTO followUp (id, visitId, action, owner, due, done) VALUES (?, ?, ?, ?, ?, ?)")
      for index in visit.followUps.indices {
        if !keepIds { visit.followUps[index].id = try nextId("followUp", db) }
        let f = visit.followUps[index]
        try insert.execute(arguments: [f.id, visit.id, f.action, f.owner, f.due, f.done])
      }
    }
    try indexVisit(
      id: visit.id,
      texts: [visit.notes] + visit.difficulties.map(\.text) + visit.followUps.map(\.action), db)
    return visit
  }

  static func indexVisit(id: Int64, texts: [String], _ db: Database) throws {
    let grams = texts.map(TextGrams.grams).joined(separator: " ")
    guard !grams.isEmpty else { return }
    try db.cachedStatement(sql: "INSERT INTO visitSearch (rowid, grams) VALUES (?, ?)")
      .execute(arguments: [id, grams])
  }

  /// What a visit's search entry was made of, as `insertVisit` indexes it; nil when there is no
  /// such visit.
  static func visitTexts(id: Int64, _ db: Database) throws -> [String]? {
    guard
      let notes = try String.fetchOne(
        db, sql: "SELECT notes FROM visit WHERE id = ?", arguments: [id])
    else { return nil }
    let difficulties = try String.fetchAll(
      db, sql: "SELECT text FROM difficulty WHERE visitId = ? ORDER BY position", arguments: [id])
    let followUps = try String.fetchAll(
      db, sql: "SELECT action FROM followUp WHERE visitId = ? ORDER BY id", arguments: [id])
    return [notes] + difficulties + followUps
  }

  /// Takes a visit out of the search index. The index keeps no copy of what it holds, so the
  /// entry is removed by giving it again, from the visit as it is now.
  static func unindexVisit(id: Int64, _ db: Database) throws {
    guard let texts = try visitTexts(id: id, db) else { return }
    let grams = texts.map(TextGrams.grams).joined(separator: " ")
    guard !grams.isEmpty else { return }
    try db.cachedStatement(
      sql: "INSERT INTO visitSearch (visitSearch, rowid, grams) VALUES ('delete', ?, ?)"
    ).execute(arguments: [id, grams])
  }

  /// Visits whose notes, difficulties or follow-ups contain the text, newest first: the `limit` most
  /// recently recorded matches (ids grow as visits are logged), so a common word stops after
  /// `limit` index entries instead of sorting every match by date.
  public func searchVisits(_ text: String, limit: Int = 200) throws -> [Visit] {
    let query = TextGrams.query(text)
    guard !query.isEmpty else { return [] }
    return try read { db in
      if let match = query.match {
        let ids = try Int64.fetchAll(
          db,
          sql:
            "SELECT rowid FROM visitSearch WHERE visitSearch MATCH ? ORDER BY rowid DESC LIMIT ?",
          arguments: [match, limit])
        guard !ids.isEmpty else { return [] }
        return try Workspace.visits(
          db, where: "v.id IN (\(databaseQuestionMarks(count: ids.count)))",
          arguments: StatementArguments(ids), order: "v.date DESC, v.id DESC", limit: limit)
      }
      // One character has no gram: each text is scanned from the most recently recorded visit
      // back, and each scan stops at `limit` matches, so a common character is quick and a
      // rare one costs one pass over the texts.
      let like = "%" + Workspace.escapeLike(query.text) + "%"
      var ids = Set<Int64>()
      for sql in [
        "SELECT id FROM visit WHERE notes LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT ?",
        "SELECT DISTINCT visitId FROM difficulty WHERE text LIKE ? ESCAPE '\\' ORDER BY visitId DESC LIMIT ?",
        "SELECT DISTINCT visitId FROM followUp WHERE action LIKE ? ESCAPE '\\' ORDER BY visitId DESC LIMIT ?",
      ] {
        ids.formUnion(try Int64.fetchAll(db, sql: sql, arguments: [like, limit]))
      }
      let newest = ids.sorted(by: >).prefix(limit)
      guard !newest.isEmpty else { return [] }
      return try Workspace.visits(
        db, where: "v.id IN (\(databaseQuestionMarks(count: newest.count)))",
        arguments: StatementArguments(Array(newest)), order: "v.date DESC, v.id DESC", limit: limit)
    }
  }

  /// Logs a visit with its difficulties and follow-ups as one action.
  @discardableResult
  public func addVisit(_ visit: Visit) throws -> Visit {
    try write { db in try Workspace.insertVisit(Workspace.validated(visit, db), keepIds: false, db)
    }
  }

  /// Visits between two days (inclusive), newest first.
  public func visits(from start: Day, through end: Day, limit: Int = 500) throws -> [Visit] {
    try read { db in
      try Workspace.visits(
        db, where: "v.date BETWEEN ? AND ?", arguments: [start, end],
        order: "v.date DESC, v.id DESC",
        limit: limit)
    }
  }

  /// The same visits, each with its member's name, handed to `body` as they are read, a few
  /// hundred at a time: any number of them takes the same memory.
  public func eachVisit(
    from start: Day, through end: Day, _ body: (Visit, _ memberName: String) throws -> Void
  ) throws {
    try read { db in
      let cursor = try Row.fetchCursor(
        db,
        sql: """
          SELECT \(VisitRow.columns), m.name FROM visit v JOIN member m ON m.id = v.memberId
          WHERE v.date BETWEEN ? AND ? ORDER BY v.date DESC, v.id DESC
          """, arguments: [start, end])
      var rows: [VisitRow] = []
      var names: [String] = []
      func handOn() throws {
        for (visit, name) in zip(try Workspace.withChildren(rows, db), names) {
          try body(visit, name)
        }
        rows.removeAll(keepingCapacity: true)
        names.removeAll(keepingCapacity: true)
      }
      while let row = try cursor.next() {
        rows.append(VisitRow(columns: row))
        names.append(row[VisitRow.columnCount])
        if rows.count == 500 { try handOn() }
      }
      try handOn()
    }
  }

  public func visit(id: Int64) throws -> Visit? {
    try read { db in
      try Workspace.visits(db, where: "v.id = ?", arguments: [id], order: "v.id", limit: 1).first
    }
  }

  /// Number of visits in each of the `weeks` weeks (Monday first) ending with the week of `today`,
  /// oldest first (from the visits per day the workspace keeps, migration 8).
  public func visitsPerWeek(endingAt today: Day, weeks: Int) throws -> [Int] {
    let weeks = min(max(weeks, 0), Limits.dueWeeks.upperBound)
    let firstMonday = today.startOfWeek.adding(days: -7 * (weeks - 1))
    return try read { db in
      var counts = Array(repeating: 0, count: weeks)
      for row in try Row.fetchAll(
        db.cachedStatement(sql: "SELECT date, visits FROM visitDay WHERE date >= ? AND date <= ?"),
        arguments: [firstMonday, today])
      {
        let day: Day = row[0]
        let week = firstMonday.days(until: day) / 7
        if counts.indices.contains(week) { counts[week] += row[1] as Int }
      }
      return counts
    }
  }

  /// Open follow-ups, the overdue ones first (oldest due date first).
  public func openFollowUps(limit: Int = 200) throws -> [OpenFollowUp] {
    try read { db in
      try Row.fetchAll(
        db.cachedStatement(
          sql: """
            SELECT f.id, f.action, f.owner, f.due, f.visitId, v.date, v.memberId, m.name
            FROM followUp f JOIN visit v ON v.id = f.visitId JOIN member m ON m.id = v.memberId
            WHERE f.done IS NULL
            ORDER BY f.due IS NULL, f.due, f.id LIMIT ?
            """), arguments: [limit]
      ).map { row in
        OpenFollowUp(
          followUp: FollowUp(id: row[0], action: row[1], owner: row[2], due: row[3], done: nil),
          visitId: row[4], visitDate: row[5], memberId: row[6], memberName: row[7])
      }
    }
  }

  /// How many follow-ups are open, and how many of those are past their due date (counted per
  /// due day by the workspace, migration 8).
  public func followUpCounts(today: Day) throws -> (open: Int, overdue: Int) {
    try read { db in
      let row = try Row.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT IFNULL(SUM(open), 0), IFNULL(SUM(CASE WHEN due <> '' AND due < ? THEN open END), 0)
            FROM openFollowUpDay
            """), arguments: [today])!
      return (row[0], row[1])
    }
  }

  /// Marks a follow-up done on `day`, or open again with `nil`. It cannot be done before its
  /// visit, and one already done keeps its date unless `correcting` says the date is being
  /// corrected (so a second "done" never moves it silently).
  public func setFollowUpDone(id: Int64, on day: Day?, correcting: Bool = false) throws {
    try write { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql:
            "SELECT f.done, v.date FROM followUp f JOIN visit v ON v.id = f.visitId WHERE f.id = ?",
          arguments: [id])
      else {
        throw WorkspaceError.recordNotFound(kind: "follow-up", reference: "#\(id)")
      }
      if let day {
        let visited: Day = row["date"]
        if day < visited {
          throw FieldError(
            field: "date",
            problem: .other(
              english: "is before the visit on \(visited) that follow-up #\(id) came from",
              korean: "후속조치 #\(id)의 방문일(\(visited))보다 이릅니다"),
            value: day.description)
        }
        if let done: Day = row["done"], !correcting {
          throw WorkspaceError.alreadyDone(followUp: id, on: done)
        }
      }
      try db.execute(sql: "UPDATE followUp SET done = ? WHERE id = ?", arguments: [day, id])
    }
  }

  /// Active members whose last visit is older than their contact rhythm (officers every
  /// `officerVisitWeeks`, others every `memberVisitWeeks`), never-visited first, then the longest
  /// waiting. `minimumWeeks` instead lists everyone not visited for that many weeks (within
  /// `Limits.dueWeeks`, else a `ValidationError`).
  ///
  /// One indexed read: `member_due` orders active companies by their stored last visit (never
  /// visited first, as SQLite sorts NULL first) and the scan stops after `limit` rows that are due.
  public func dueForVisit(
    today: Day, minimumWeeks: Int? = nil, clusterId: Int64? = nil, limit: Int = 500
  )
    throws -> [DueVisit]
  {
    try read { db in
      var (condition, arguments, officerDays, memberDays) = try Workspace.dueCondition(
        today: today, minimumWeeks: minimumWeeks, clusterId: clusterId, db)
      condition += " ORDER BY m.lastVisit, m.name, m.id LIMIT ?"
      let sql =
        "SELECT m.id, m.name, m.role, m.lastVisit FROM member m INDEXED BY member_due WHERE "
        + condition
      _ = arguments.append(contentsOf: [limit])
      return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { row in
        let role: OfficerRole = row[2]
        let last: Day? = row[3]
        return DueVisit(
          memberId: row[0], name: row[1], role: role, lastVisit: last,
          daysSince: last.map { $0.days(until: today) },
          rhythmWeeks: (role.isOfficer ? officerDays : memberDays) / 7)
      }
    }
  }

  /// How many members are due for a visit: the same rule as `dueForVisit`, never capped. The
  /// workspace keeps the companies per day of their last visit (`dueDay`, migration 11), so the
  /// count reads the days up to each rhythm's cutoff; one cluster's are counted on the index of
  /// each active company's last visit and role, which reads no member row.
  public func dueForVisitCount(today: Day, minimumWeeks: Int? = nil, clusterId: Int64? = nil)
    throws -> Int
  {
    try read { db in
      let (condition, arguments, officerDays, memberDays) = try Workspace.dueCondition(
        today: today, minimumWeeks: minimumWeeks, clusterId: clusterId, db)
      if clusterId == nil {
        return try Int.fetchOne(
          db.cachedStatement(
            sql: """
              SELECT IFNULL(SUM(companies), 0) FROM dueDay
              WHERE (officer = 1 AND lastVisit <= ?) OR (officer = 0 AND lastVisit <= ?)
              """),
          arguments: [today.adding(days: -officerDays), today.adding(days: -memberDays)]
        ) ?? 0
      }
      return try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM member m INDEXED BY member_dueRole WHERE " + condition,
        arguments: arguments) ?? 0
    }
  }

  /// Who is due for a visit, as a condition over `member m`: the one definition the list and
  /// the count share.
  static func dueCondition(
    today: Day, minimumWeeks: Int?, clusterId: Int64?, _ db: Database
  ) throws -> (String, StatementArguments, officerDays: Int, memberDays: Int) {
    if let minimumWeeks, let error = Limits.check(minimumWeeks, Limits.dueWeeks, "weeks") {
      throw ValidationError([error])
    }
    let office = try Workspace.office(db)
    // A rhythm stored before its range was checked cannot make the day arithmetic overflow.
    func days(_ weeks: Int) -> Int { 7 * min(max(weeks, 1), Limits.dueWeeks.upperBound) }
    let officerDays = days(minimumWeeks ?? office.officerVisitWeeks)
    let memberDays = days(minimumWeeks ?? office.memberVisitWeeks)
    // Due when the last visit is on or before today minus the rhythm.
    let officerCutoff = today.adding(days: -officerDays)
    let memberCutoff = today.adding(days: -memberDays)
    let officer = Schema.isOfficer("m")
    var condition = """
      \(Schema.isDueCandidate("m"))
        AND (m.lastVisit IS NULL OR m.lastVisit <= ?)
        AND (m.lastVisit IS NULL
          OR (\(officer) AND m.lastVisit <= ?)
          OR (NOT \(officer) AND m.lastVisit <= ?))
      """
    var arguments: StatementArguments = [
      max(officerCutoff, memberCutoff), officerCutoff, memberCutoff,
    ]
    if let clusterId {
      condition += " AND m.clusterId = ?"
      _ = arguments.append(contentsOf: [clusterId])
    }
    return (condition, arguments, officerDays, memberDays)
  }
}

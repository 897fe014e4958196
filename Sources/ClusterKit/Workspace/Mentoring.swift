import GRDB

/// What the expert list shows: a search, a field of expertise, a kind, only those with room.
public struct ExpertQuery: Hashable, Sendable {
  /// Part of the name or the affiliation.
  public var search: String
  public var field: String?
  public var kind: ExpertKind?
  /// Only experts mentoring fewer companies than their capacity.
  public var withRoom: Bool

  public init(
    search: String = "", field: String? = nil, kind: ExpertKind? = nil, withRoom: Bool = false
  ) {
    self.search = search
    self.field = field
    self.kind = kind
    self.withRoom = withRoom
  }
}

/// An expert with the number of companies they mentor now.
public struct ExpertRow: Hashable, Sendable, Identifiable {
  public var expert: Expert
  public var load: Int
  public var id: Int64 { expert.id }
  public var hasRoom: Bool { load < expert.capacity }
}

/// One mentoring assignment with the names a list shows and its sessions.
public struct MentoringRow: Hashable, Sendable, Identifiable {
  public var mentoring: Mentoring
  public var memberName: String
  public var clusterName: String
  public var expertName: String
  public var expertAffiliation: String
  public var sessions: Int
  public var lastSession: Day?
  public var id: Int64 { mentoring.id }
}

/// Which assignments a list shows; every assignment, past ones included, when nothing is set.
public struct MentoringFilter: Hashable, Sendable {
  public var memberId: Int64?
  public var expertId: Int64?
  public var clusterId: Int64?
  public var activeOnly: Bool
  /// Part of the company's name (initial consonants work), as the member directory searches.
  public var memberSearch: String

  public init(
    memberId: Int64? = nil, expertId: Int64? = nil, clusterId: Int64? = nil,
    activeOnly: Bool = false, memberSearch: String = ""
  ) {
    self.memberId = memberId
    self.expertId = expertId
    self.clusterId = clusterId
    self.activeOnly = activeOnly
    self.memberSearch = memberSearch
  }
}

/// One logged session with the names a list shows.
public struct MentoringSessionRow: Hashable, Sendable, Identifiable {
  public var session: MentoringSession
  public var memberId: Int64
  public var memberName: String
  public var expertName: String
  public var id: Int64 { session.id }
}

/// An expert's record, their companies now and before, and their sessions.
public struct ExpertDetail: Sendable {
  public var expert: Expert
  public var load: Int
  /// Every assignment, active ones first, then newest first.
  public var assignments: [MentoringRow]
  public var sessions: Int
}

/// An expert proposed as a company's mentor, with how well they fit and how busy they are.
public struct MentorSuggestion: Hashable, Sendable, Identifiable {
  public var expert: Expert
  public var load: Int
  public var score: Int
  /// The expert's fields that matched the company, best first.
  public var matched: [String]
  public var id: Int64 { expert.id }
  public var hasRoom: Bool { load < expert.capacity }
}

/// What assigning a mentor did: the new assignment and the one it ended, if any.
public struct MentorAssignment: Hashable, Sendable {
  public var assigned: Mentoring
  public var ended: Mentoring?
}

extension Workspace {
  // MARK: Experts

  @discardableResult
  public func addExpert(_ expert: Expert) throws -> Expert {
    try write { db in
      let (expert, errors) = ProgrammeRules.validate(expert)
      if !errors.isEmpty { throw ValidationError(errors) }
      var stored = expert
      stored.id = try Workspace.nextId("expert", db)
      try Workspace.storeExpert(stored, db)
      return stored
    }
  }

  /// Saves an edited expert, refused when someone else changed it since `original` was read or
  /// when the capacity would fall below the companies the expert mentors now.
  @discardableResult
  public func updateExpert(_ expert: Expert, original: Expert) throws -> Expert {
    try write { db in
      guard let current = try Expert.fetchOne(db, key: expert.id) else {
        throw WorkspaceError.recordNotFound(kind: "expert", reference: "#\(expert.id)")
      }
      guard current == original else {
        throw WorkspaceError.conflict(kind: "expert", reference: "#\(expert.id) \(current.name)")
      }
      let (expert, errors) = ProgrammeRules.validate(expert)
      if !errors.isEmpty { throw ValidationError(errors) }
      let load = try Workspace.load(expertId: expert.id, db)
      if expert.capacity < load {
        throw ValidationError([
          FieldError(
            field: "capacity",
            problem: .other(
              english: "is below the \(load) companies \(expert.name) mentors now; end some first",
              korean: "\(expert.name) 전문가가 지금 멘토링하는 기업 수(\(load))보다 작습니다. 먼저 일부를 종료하세요"),
            value: String(expert.capacity))
        ])
      }
      try Workspace.storeExpert(expert, db, replacing: true)
      return expert
    }
  }

  /// Writes an expert and the index of their fields (`expertField`, by comparable key): the one
  /// way an expert is stored, by hand or from a document.
  static func storeExpert(_ expert: Expert, _ db: Database, replacing: Bool = false) throws {
    if replacing {
      try expert.update(db)
      try db.execute(sql: "DELETE FROM expertField WHERE expertId = ?", arguments: [expert.id])
    } else {
      try expert.insert(db)
    }
    try indexExpertFields(id: expert.id, fields: expert.fields, db)
  }

  static func indexExpertFields(id: Int64, fields: [String], _ db: Database) throws {
    let insert = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO expertField (key, expertId) VALUES (?, ?)")
    for field in fields { try insert.execute(arguments: [ProgrammeRules.key(field), id]) }
  }

  /// The companies an expert mentors now (`expert.load`, kept by triggers on `mentoring`).
  static func load(expertId: Int64, _ db: Database) throws -> Int {
    try Int.fetchOne(db, sql: "SELECT load FROM expert WHERE id = ?", arguments: [expertId]) ?? 0
  }

  public func expert(id: Int64) throws -> Expert? {
    try read { db in try Expert.fetchOne(db, key: id) }
  }

  /// Finds one expert from what a user types: an id, or a name (or part of it) that matches one
  /// expert. Several matches are refused with the candidates, each with its id and affiliation.
  public func findExpert(_ reference: String, field: String = "expert") throws -> Expert {
    try read { db in
      try Workspace.findNamed(
        Expert.self, reference, field: field, kind: "expert", plural: ("experts", "전문가"),
        describe: { "#\($0.id) \($0.name) (\($0.affiliation))" }, db)
    }
  }

  /// A record of a table with `id` and `name` from what a user types: an id, the exact name, or
  /// a part of the name that only one record has; several are refused with up to ten candidates.
  static func findNamed<T: FetchableRecord & TableRecord>(
    _ type: T.Type, _ reference: String, field: String, kind: String,
    plural: (english: String, korean: String), describe: (T) throws -> String,
    _ db: Database
  ) throws -> T {
    let text = KoreanText.clean(reference)
    if let id = Int64(text.trimmingCharacters(in: .init(charactersIn: "#"))),
      let found = try T.fetchOne(db, key: id)
    {
      return found
    }
    let table = T.databaseTableName
    var found = try T.fetchAll(
      db, sql: "SELECT * FROM \(table) WHERE name = ? ORDER BY id LIMIT 11", arguments: [text])
    if found.isEmpty, !text.isEmpty {
      found = try T.fetchAll(
        db,
        sql: "SELECT * FROM \(table) WHERE name LIKE ? ESCAPE '\\' ORDER BY name, id LIMIT 11",
        arguments: ["%" + escapeLike(text) + "%"])
    }
    if found.count == 1 { return found[0] }
    if found.isEmpty {
      throw WorkspaceError.recordNotFound(kind: kind, reference: "'\(reference)'")
    }
    throw ambiguity(
      field: field, reference: reference, english: plural.english, korean: plural.korean,
      candidates: try found.prefix(10).map(describe), more: found.count > 10)
  }

  static func expertClause(_ query: ExpertQuery) -> (sql: String, arguments: StatementArguments) {
    var parts: [String] = []
    var arguments: StatementArguments = []
    let search = KoreanText.clean(query.search)
    if !search.isEmpty {
      parts.append("(e.name LIKE ? ESCAPE '\\' OR e.affiliation LIKE ? ESCAPE '\\')")
      let like = "%" + escapeLike(search) + "%"
      _ = arguments.append(contentsOf: [like, like])
    }
    if let field = query.field {
      parts.append("e.id IN (SELECT expertId FROM expertField WHERE key = ?)")
      _ = arguments.append(contentsOf: [ProgrammeRules.key(field)])
    }
    if let kind = query.kind { parts.append("e.kind = '\(kind.rawValue)'") }
    if query.withRoom { parts.append("e.load < e.capacity") }
    return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), arguments)
  }

  public func expertCount(_ query: ExpertQuery = ExpertQuery()) throws -> Int {
    try read { db in
      let clause = Workspace.expertClause(query)
      return try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM expert e WHERE \(clause.sql)", arguments: clause.arguments)!
    }
  }

  /// One window of the expert pool by name, each expert with their current load.
  public func expertRows(_ query: ExpertQuery = ExpertQuery(), offset: Int = 0, limit: Int) throws
    -> [ExpertRow]
  {
    try Array { try eachExpertRow(query, offset: offset, limit: limit, $0) }
  }

  /// The same rows, handed to `body` as they are read: any number of experts takes the same
  /// memory.
  public func eachExpertRow(
    _ query: ExpertQuery = ExpertQuery(), offset: Int = 0, limit: Int = -1,
    _ body: (ExpertRow) throws -> Void
  ) throws {
    try read { db in
      let clause = Workspace.expertClause(query)
      var arguments = clause.arguments
      _ = arguments.append(contentsOf: [limit, offset])
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT e.* FROM expert e WHERE \(clause.sql)
          ORDER BY e.name, e.id LIMIT ? OFFSET ?
          """, arguments: arguments)
      while let row = try rows.next() {
        try body(ExpertRow(expert: Expert(row: row), load: row["load"]))
      }
    }
  }

  public func expertDetail(id: Int64) throws -> ExpertDetail {
    try read { db in
      guard let expert = try Expert.fetchOne(db, key: id) else {
        throw WorkspaceError.recordNotFound(kind: "expert", reference: "#\(id)")
      }
      let assignments = try Workspace.mentoringRows(
        MentoringFilter(expertId: id), order: "x.ended IS NOT NULL, x.started DESC, x.id DESC",
        offset: 0, limit: Int.max, db)
      let sessions = try Int.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) FROM mentoringSession s JOIN mentoring x ON x.id = s.mentoringId
          WHERE x.expertId = ?
          """, arguments: [id])!
      return ExpertDetail(
        expert: expert, load: try Workspace.load(expertId: id, db), assignments: assignments,
        sessions: sessions)
    }
  }

  // MARK: Assignments

  /// 1사1멘토링: makes an expert the company's mentor from a day. A company has one active mentor,
  /// so the current assignment, if any, ends that day and stays in the history. An expert
  /// already mentoring their capacity is refused (`WorkspaceError.expertAtCapacity`) unless an
  /// override reason is given, which the assignment keeps. `field` defaults to the expert's
  /// main (first) field.
  @discardableResult
  public func assignMentor(
    memberId: Int64, expertId: Int64, field: String? = nil, from day: Day,
    overrideReason: String? = nil, today: Day
  ) throws -> MentorAssignment {
    try write { db in
      guard let member = try Member.fetchOne(db, key: memberId) else {
        throw WorkspaceError.recordNotFound(kind: "member", reference: "#\(memberId)")
      }
      let problems = [ProgrammeRules.companyProblem(member), ProgrammeRules.leftProblem(member)]
        .compactMap { $0 }
      if !problems.isEmpty { throw ValidationError(problems) }
      guard let expert = try Expert.fetchOne(db, key: expertId) else {
        throw WorkspaceError.recordNotFound(kind: "expert", reference: "#\(expertId)")
      }
      var previous = try Workspace.activeMentoring(memberId: memberId, db)
      if let current = previous, current.expertId == expertId {
        throw ValidationError([
          FieldError(
            field: "mentor",
            problem: .other(
              english: "\(expert.name) already mentors \(member.name)"
                + (current.started.map { " (since \($0))" } ?? ""),
              korean: "\(expert.name) 전문가가 이미 \(member.name)의 멘토입니다"
                + (current.started.map { " (\($0)부터)" } ?? "")),
            value: expert.name)
        ])
      }
      let reason = KoreanText.clean(overrideReason ?? "")
      let load = try Workspace.load(expertId: expertId, db)
      let beyond = ProgrammeRules.exceedsCapacity(load: load, capacity: expert.capacity)
      if beyond && reason.isEmpty {
        throw WorkspaceError.expertAtCapacity(
          expert: expert.name, load: load, capacity: expert.capacity)
      }
      let typed = KoreanText.clean(field ?? "")
      let chosenField = typed.isEmpty ? expert.fields.first ?? "" : typed
      let (assigned, errors) = ProgrammeRules.validate(
        Mentoring(
          id: try Workspace.nextId("mentoring", db), memberId: memberId, expertId: expertId,
          field: chosenField, started: day, overrideReason: beyond ? reason : ""), today: today)
      var all = errors
      if let current = previous {
        previous?.ended = day
        if let start = current.started, day < start {
          all.append(
            FieldError(
              field: "started",
              problem: .other(
                english: "must not be before the current mentor's start \(start)",
                korean: "현재 멘토의 시작일(\(start))보다 앞설 수 없습니다"), value: day.description))
        }
      }
      if !all.isEmpty { throw ValidationError(all) }
      try previous?.update(db)
      try assigned.insert(db)
      return MentorAssignment(assigned: assigned, ended: previous)
    }
  }

  /// Ends the company's active mentoring on a day; it stays in the history.
  @discardableResult
  public func endMentoring(memberId: Int64, on day: Day, today: Day) throws -> Mentoring {
    try write { db in
      guard var current = try Workspace.activeMentoring(memberId: memberId, db) else {
        throw try Workspace.noMentor(memberId: memberId, db)
      }
      current.ended = day
      let (ended, errors) = ProgrammeRules.validate(current, today: today)
      if !errors.isEmpty { throw ValidationError(errors) }
      try ended.update(db)
      return ended
    }
  }

  /// Logs a session with the company's mentor of that day: the active assignment, or an earlier
  /// one whose span holds the date.
  @discardableResult
  public func logMentoringSession(
    memberId: Int64, date: Day, topic: String, note: String = "", today: Day
  ) throws -> MentoringSession {
    try write { db in
      let assignments = try Mentoring.fetchAll(
        db,
        sql:
          "SELECT * FROM mentoring WHERE memberId = ? ORDER BY ended IS NOT NULL, started DESC, id DESC",
        arguments: [memberId])
      guard let assignment = assignments.first(where: { $0.covers(date) }) ?? assignments.first
      else { throw try Workspace.noMentor(memberId: memberId, db) }
      let (session, errors) = ProgrammeRules.validate(
        MentoringSession(
          id: try Workspace.nextId("mentoringSession", db), mentoringId: assignment.id, date: date,
          topic: topic, note: note), assignment: assignment, today: today)
      if !errors.isEmpty { throw ValidationError(errors) }
      try session.insert(db)
      return session
    }
  }

  static func activeMentoring(memberId: Int64, _ db: Database) throws -> Mentoring? {
    try Mentoring.fetchOne(
      db, sql: "SELECT * FROM mentoring WHERE memberId = ? AND ended IS NULL", arguments: [memberId]
    )
  }

  static func noMentor(memberId: Int64, _ db: Database) throws -> Error {
    guard let member = try Member.fetchOne(db, key: memberId) else {
      return WorkspaceError.recordNotFound(kind: "member", reference: "#\(memberId)")
    }
    return ValidationError([
      FieldError(
        field: "member",
        problem: .other(
          english: "has no mentor; assign one first", korean: "멘토가 없습니다. 먼저 멘토를 배정하세요"),
        value: "#\(member.id) \(member.name)")
    ])
  }

  // MARK: Lists

  static func mentoringClause(_ filter: MentoringFilter) -> (
    sql: String, arguments: StatementArguments
  ) {
    var parts: [String] = []
    var arguments: StatementArguments = []
    if let memberId = filter.memberId {
      parts.append("x.memberId = ?")
      _ = arguments.append(contentsOf: [memberId])
    }
    if let expertId = filter.expertId {
      parts.append("x.expertId = ?")
      _ = arguments.append(contentsOf: [expertId])
    }
    if let clusterId = filter.clusterId {
      parts.append("m.clusterId = ?")
      _ = arguments.append(contentsOf: [clusterId])
    }
    if filter.activeOnly { parts.append("x.ended IS NULL") }
    if !filter.memberSearch.isEmpty {
      let search = searchClause(MemberQuery(search: filter.memberSearch))
      parts.append(search.sql)
      _ = arguments.append(contentsOf: search.arguments)
    }
    return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), arguments)
  }

  public func mentoringCount(_ filter: MentoringFilter = MentoringFilter()) throws -> Int {
    try read { db in
      let clause = Workspace.mentoringClause(filter)
      // The member is joined only when the filter is about it: counting every active
      // assignment of the national workspace through the join takes twenty times as long.
      let join =
        filter.clusterId == nil && filter.memberSearch.isEmpty
        ? "" : "JOIN member m ON m.id = x.memberId"
      return try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM mentoring x \(join) WHERE \(clause.sql)",
        arguments: clause.arguments)!
    }
  }

  /// Assignments by company name, each company's oldest first; with their session counts.
  public func mentoringRows(
    _ filter: MentoringFilter = MentoringFilter(), offset: Int = 0, limit: Int
  ) throws -> [MentoringRow] {
    try Array { try eachMentoringRow(filter, offset: offset, limit: limit, $0) }
  }

  /// The same rows, handed to `body` as they are read: any number takes the same memory.
  public func eachMentoringRow(
    _ filter: MentoringFilter = MentoringFilter(), offset: Int = 0, limit: Int = -1,
    _ body: (MentoringRow) throws -> Void
  ) throws {
    try read { db in
      try Workspace.eachMentoringRow(
        filter, order: "m.nameKey, m.id, x.started, x.id", offset: offset, limit: limit, db, body)
    }
  }

  static func mentoringRows(
    _ filter: MentoringFilter, order: String, offset: Int, limit: Int, _ db: Database
  ) throws -> [MentoringRow] {
    try Array { try eachMentoringRow(filter, order: order, offset: offset, limit: limit, db, $0) }
  }

  static func eachMentoringRow(
    _ filter: MentoringFilter, order: String, offset: Int, limit: Int, _ db: Database,
    _ body: (MentoringRow) throws -> Void
  ) throws {
    let clause = mentoringClause(filter)
    var arguments = clause.arguments
    _ = arguments.append(contentsOf: [limit, offset])
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT x.*, m.name AS memberName, c.name AS clusterName, e.name AS expertName,
               e.affiliation AS expertAffiliation,
               (SELECT COUNT(*) FROM mentoringSession s WHERE s.mentoringId = x.id) AS sessions,
               (SELECT MAX(date) FROM mentoringSession s WHERE s.mentoringId = x.id) AS lastSession
        FROM mentoring x JOIN member m ON m.id = x.memberId JOIN cluster c ON c.id = m.clusterId
        JOIN expert e ON e.id = x.expertId
        WHERE \(clause.sql) ORDER BY \(order) LIMIT ? OFFSET ?
        """, arguments: arguments)
    while let row = try rows.next() {
      try body(
        MentoringRow(
          mentoring: Mentoring(row: row), memberName: row["memberName"],
          clusterName: row["clusterName"], expertName: row["expertName"],
          expertAffiliation: row["expertAffiliation"], sessions: row["sessions"],
          lastSession: row["lastSession"]))
    }
  }

  /// Logged sessions, newest first.
  public func mentoringSessions(
    _ filter: MentoringFilter = MentoringFilter(), offset: Int = 0, limit: Int
  ) throws -> [MentoringSessionRow] {
    try Array { try eachMentoringSession(filter, offset: offset, limit: limit, $0) }
  }

  /// The same sessions, handed to `body` as they are read: any number takes the same memory.
  public func eachMentoringSession(
    _ filter: MentoringFilter = MentoringFilter(), offset: Int = 0, limit: Int = -1,
    _ body: (MentoringSessionRow) throws -> Void
  ) throws {
    try read { db in
      let clause = Workspace.mentoringClause(filter)
      var arguments = clause.arguments
      _ = arguments.append(contentsOf: [limit, offset])
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT s.*, x.memberId, m.name AS memberName, e.name AS expertName
          FROM mentoringSession s JOIN mentoring x ON x.id = s.mentoringId
          JOIN member m ON m.id = x.memberId JOIN expert e ON e.id = x.expertId
          WHERE \(clause.sql) ORDER BY s.date DESC, s.id DESC LIMIT ? OFFSET ?
          """, arguments: arguments)
      while let row = try rows.next() {
        try body(
          MentoringSessionRow(
            session: try MentoringSession(row: row), memberId: row["memberId"],
            memberName: row["memberName"], expertName: row["expertName"]))
      }
    }
  }

  // MARK: Suggestions

  /// What a company's mentor should know about: its division, products and the difficulties
  /// found on its visits of the last year (see `MentorMatching`).
  static func matchTerms(_ member: Member, today: Day, _ db: Database) throws
    -> [MentorMatching.Term]
  {
    let division = try member.divisionId.flatMap {
      try String.fetchOne(db, sql: "SELECT name FROM division WHERE id = ?", arguments: [$0])
    }
    var difficulties: [DifficultyCategory: Int] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT d.category, COUNT(*) AS n FROM visit v JOIN difficulty d ON d.visitId = v.id
        WHERE v.memberId = ? AND v.date > ? GROUP BY d.category
        """, arguments: [member.id, today.adding(days: -365)])
    {
      difficulties[row["category"]] = row["n"]
    }
    return MentorMatching.terms(
      division: division, products: member.products, difficulties: difficulties)
  }

  /// Experts proposed as the company's mentor: those whose fields best match it first, then
  /// those with room before those at capacity, then the least busy; the list is filled up with
  /// the least busy experts with room whose fields do not match. Its current mentor is left out.
  ///
  /// A common field matches half the national pool (기술: 1,080 of 2,000 experts), so the scores
  /// are counted from the index of fields alone, and the experts of each score are taken in the
  /// order of their own index (`expert_suggestion`) until the list is full: only the experts
  /// listed are read.
  public func mentorSuggestions(memberId: Int64, today: Day, limit: Int = 5) throws
    -> [MentorSuggestion]
  {
    try read { db in
      guard
        let member = try Member.fetchOne(
          db, sql: "SELECT * FROM member WHERE id = ?", arguments: [memberId])
      else {
        throw WorkspaceError.recordNotFound(kind: "member", reference: "#\(memberId)")
      }
      let terms = try Workspace.matchTerms(member, today: today, db)
      let current = try Workspace.activeMentoring(memberId: memberId, db)?.expertId
      var scores = try Workspace.fitScores(terms, db)
      if let current { scores[current] = nil }
      var chosen: [(id: Int64, score: Int)] = []
      for (score, ids) in Dictionary(grouping: scores.keys, by: { scores[$0]! })
        .sorted(by: { $0.key > $1.key }) where chosen.count < limit
      {
        chosen += try Workspace.inSuggestionOrder(Set(ids), limit - chosen.count, db)
          .map { (id: $0, score: score) }
      }
      if chosen.count < limit {
        let taken = Set(scores.keys).union(current.map { [$0] } ?? [])
        chosen += try Workspace.withRoomInSuggestionOrder(
          excluding: taken, limit - chosen.count, db
        ).map { (id: $0, score: 0) }
      }
      var rows: [Int64: Row] = [:]
      for row in try Row.fetchAll(
        db,
        sql: "SELECT * FROM expert WHERE id IN (\(databaseQuestionMarks(count: chosen.count)))",
        arguments: StatementArguments(chosen.map(\.id)))
      {
        rows[row["id"]] = row
      }
      return chosen.compactMap { id, score in
        rows[id].map { row in
          let expert = Expert(row: row)
          return MentorSuggestion(
            expert: expert, load: row["load"], score: score,
            matched: MentorMatching.matched(expert, terms: terms))
        }
      }
    }
  }

  /// Each expert whose fields match a term, with their score (`MentorMatching.score`: per group,
  /// the best weight of its keys the expert has), read from the index of fields alone.
  static func fitScores(_ terms: [MentorMatching.Term], _ db: Database) throws -> [Int64: Int] {
    guard !terms.isEmpty else { return [:] }
    let groups = Array(Set(terms.map(\.group)))
    let group = terms.map { term in groups.firstIndex(of: term.group)! }
    var arguments: StatementArguments = []
    for (i, term) in terms.enumerated() { _ = arguments.append(contentsOf: [i, term.key]) }
    let values = Array(repeating: "(?, ?)", count: terms.count).joined(separator: ", ")
    var matches: [(expert: Int64, term: Int)] = []
    let rows = try Row.fetchCursor(
      db,
      sql: """
        WITH terms(i, key) AS (VALUES \(values))
        SELECT f.expertId, t.i FROM terms t CROSS JOIN expertField f ON f.key = t.key
        """, arguments: arguments)
    while let row = try rows.next() { matches.append((expert: row[0], term: row[1])) }
    matches.sort { $0.expert < $1.expert }
    var scores: [Int64: Int] = [:]
    var best = Array(repeating: 0, count: groups.count)
    var start = 0
    while start < matches.count {
      var end = start
      while end < matches.count, matches[end].expert == matches[start].expert {
        let t = matches[end].term
        best[group[t]] = max(best[group[t]], terms[t].weight)
        end += 1
      }
      scores[matches[start].expert] = best.reduce(0, +)
      for i in best.indices { best[i] = 0 }
      start = end
    }
    return scores
  }

  /// The order suggestions take among experts of the same fit: room first, then the least busy,
  /// then by name; `expert_suggestion` (migration 12) holds it.
  static let suggestionOrder = "load >= capacity, load, name, id"

  /// At most `count` of the experts `ids`, in the order of suggestions: a few are read by their
  /// id; of many, the index in that order is walked until enough of them came by.
  static func inSuggestionOrder(_ ids: Set<Int64>, _ count: Int, _ db: Database) throws
    -> [Int64]
  {
    if ids.count <= 100 {
      return try Int64.fetchAll(
        db,
        sql: """
          SELECT id FROM expert WHERE id IN (\(databaseQuestionMarks(count: ids.count)))
          ORDER BY \(suggestionOrder) LIMIT ?
          """, arguments: StatementArguments(Array(ids) + [Int64(count)]))
    }
    return try walkInSuggestionOrder(where: "1", count, db) { ids.contains($0) }
  }

  /// At most `count` experts with room, none of `taken`, in the order of suggestions.
  static func withRoomInSuggestionOrder(
    excluding taken: Set<Int64>, _ count: Int, _ db: Database
  ) throws -> [Int64] {
    try walkInSuggestionOrder(where: "load < capacity", count, db) { !taken.contains($0) }
  }

  private static func walkInSuggestionOrder(
    where condition: String, _ count: Int, _ db: Database, _ wanted: (Int64) -> Bool
  ) throws -> [Int64] {
    var found: [Int64] = []
    let ids = try Int64.fetchCursor(
      db,
      sql: """
        SELECT id FROM expert INDEXED BY expert_suggestion WHERE \(condition)
        ORDER BY \(suggestionOrder)
        """)
    while found.count < count, let id = try ids.next() {
      if wanted(id) { found.append(id) }
    }
    return found
  }
}

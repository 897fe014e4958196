import GRDB

/// The columns the member directory can be sorted by.
public enum MemberSort: String, CaseIterable, Sendable {
  case name, kind, division, role, representative, phone, lastVisit, cluster
}

/// What the member directory shows: a filter, a search and a sort order. Rows are fetched a
/// window at a time.
public struct MemberQuery: Hashable, Sendable {
  public var clusterId: Int64?
  public var divisionId: Int64?
  public var kind: MemberKind?
  public var role: OfficerRole?
  /// Matches the name (also by initial consonants, ㅇㅅㅌㅋ), the representative or the products.
  public var search: String
  public var sort: MemberSort
  public var descending: Bool
  public var includeLeft: Bool

  public init(
    clusterId: Int64? = nil, divisionId: Int64? = nil, kind: MemberKind? = nil,
    role: OfficerRole? = nil, search: String = "", sort: MemberSort = .name,
    descending: Bool = false, includeLeft: Bool = true
  ) {
    self.clusterId = clusterId
    self.divisionId = divisionId
    self.kind = kind
    self.role = role
    self.search = search
    self.sort = sort
    self.descending = descending
    self.includeLeft = includeLeft
  }
}

/// One line of the member directory.
public struct MemberRow: Hashable, Sendable, Identifiable {
  public var id: Int64
  public var name: String
  public var kind: MemberKind
  public var clusterName: String
  public var divisionName: String?
  public var role: OfficerRole
  public var representative: String
  public var phone: String
  public var status: MemberStatus
  public var lastVisit: Day?
}

/// Everything about one member, for the detail view and `members show`.
public struct MemberDetail: Sendable {
  public var member: Member
  public var cluster: Cluster
  public var division: Division?
  public var contacts: [Contact]
  public var mentor: (expert: Expert, mentoring: Mentoring)?
  public var sigs: [(sig: SIG, task: String)]
  public var meetings: [(meeting: Meeting, status: AttendanceStatus)]
  public var visits: [Visit]
  public var requests: [(request: SupportRequest, program: Program)]

  public var lastVisit: Day? { visits.map(\.date).max() }
  /// Share of invited meetings the member attended, nil when never invited.
  public var participationRate: Double? {
    let held = meetings.count
    return held == 0 ? nil : Double(meetings.filter { $0.status == .present }.count) / Double(held)
  }
}

extension Workspace {
  // MARK: Clusters and divisions

  public func clusters() throws -> [Cluster] {
    try read { db in try Cluster.order(Column("name")).fetchAll(db) }
  }

  public func divisions(clusterId: Int64? = nil) throws -> [Division] {
    try read { db in
      var request = Division.order(Column("clusterId"), Column("name"))
      if let clusterId { request = request.filter(Column("clusterId") == clusterId) }
      return try request.fetchAll(db)
    }
  }

  /// Finds a cluster by its exact name (after cleaning) or its id.
  public func cluster(named name: String) throws -> Cluster? {
    try read { db in try Workspace.cluster(named: name, db) }
  }

  /// The cluster a user named, or an error saying there is none.
  public func requireCluster(named name: String) throws -> Cluster {
    guard let found = try cluster(named: name) else {
      throw WorkspaceError.recordNotFound(kind: "mini-cluster", reference: "'\(name)'")
    }
    return found
  }

  static func cluster(named name: String, _ db: Database) throws -> Cluster? {
    let cleaned = KoreanText.clean(name)
    if let found = try Cluster.filter(Column("name") == cleaned).fetchOne(db) { return found }
    if let id = Int64(cleaned) { return try Cluster.fetchOne(db, key: id) }
    return nil
  }

  /// The cluster with this name, created when missing. Returns whether it was created.
  static func ensureCluster(named name: String, _ db: Database) throws -> (Cluster, created: Bool) {
    if let found = try cluster(named: name, db) { return (found, false) }
    var (cluster, errors) = Cluster(name: name).checked()
    guard errors.isEmpty else {
      throw ValidationError([FieldError(field: "cluster", problem: .required)])
    }
    cluster.id = try Workspace.nextId("cluster", db)
    try cluster.insert(db)
    return (cluster, true)
  }

  static func ensureDivision(named name: String, clusterId: Int64, _ db: Database) throws
    -> (Division, created: Bool)
  {
    var division = try Division(clusterId: clusterId, name: name).validated()
    if let found = try Division.filter(
      Column("clusterId") == clusterId && Column("name") == division.name
    )
    .fetchOne(db) {
      return (found, false)
    }
    division.id = try Workspace.nextId("division", db)
    try division.insert(db)
    return (division, true)
  }

  public func addCluster(_ cluster: Cluster) throws -> Cluster {
    try write { db in
      var cluster = try cluster.validated()
      if try Workspace.cluster(named: cluster.name, db) != nil {
        throw ValidationError([
          FieldError(field: "name", problem: .duplicate(of: cluster.name), value: cluster.name)
        ])
      }
      cluster.id = try Workspace.nextId("cluster", db)
      try cluster.insert(db)
      return cluster
    }
  }

  public func addDivision(named name: String, clusterId: Int64) throws -> Division {
    try write { db in try Workspace.ensureDivision(named: name, clusterId: clusterId, db).0 }
  }

  // MARK: Members

  /// Names of the given members in one query (for lists of visits or requests).
  public func memberNames(ids: Set<Int64>) throws -> [Int64: String] {
    guard !ids.isEmpty else { return [:] }
    return try read { db in
      var names: [Int64: String] = [:]
      for batch in Array(ids).batches() {
        for row in try Row.fetchAll(
          db,
          sql:
            "SELECT id, name FROM member WHERE id IN (\(databaseQuestionMarks(count: batch.count)))",
          arguments: StatementArguments(Array(batch)))
        {
          names[row["id"]] = row["name"]
        }
      }
      return names
    }
  }

  public func member(id: Int64) throws -> Member? {
    try read { db in try Member.fetchOne(db, key: id) }
  }

  /// Finds one member from what a user types: an id, a business registration number, or a name
  /// (legal form ignored, initials allowed) that matches exactly one member.
  public func findMember(_ reference: String) throws -> Member {
    try read { db in try Workspace.findMember(reference, db) }
  }

  static func findMember(_ reference: String, _ db: Database) throws -> Member {
    let text = KoreanText.clean(reference)
    if let id = Int64(text.trimmingCharacters(in: .init(charactersIn: "#"))),
      let member = try Member.fetchOne(db, key: id)
    {
      return member
    }
    if let number = try? BusinessNumber.normalize(text),
      let member = try Member.filter(Column("businessNumber") == number).fetchOne(db)
    {
      return member
    }
    let key = KoreanText.nameKey(text)
    let exact = try Member.filter(Column("nameKey") == key).fetchAll(db)
    if exact.count == 1 { return exact[0] }
    let query = MemberQuery(search: text)
    let ids = try Int64.fetchAll(
      db, sql: "SELECT id FROM member m WHERE \(searchClause(query).sql) LIMIT 2",
      arguments: searchClause(query).arguments)
    if ids.count == 1, let member = try Member.fetchOne(db, key: ids[0]) { return member }
    if ids.isEmpty && exact.isEmpty {
      throw WorkspaceError.recordNotFound(kind: "member", reference: "'\(reference)'")
    }
    throw ValidationError([
      FieldError(
        field: "member",
        problem: .other(
          english: "matches more than one member; use the id or more of the name",
          korean: "여러 회원과 일치합니다. 번호나 더 긴 이름을 쓰세요"),
        value: reference)
    ])
  }

  /// Validates and adds a member. `divisionName`, when given, is created in the member's cluster
  /// if missing.
  @discardableResult
  public func addMember(_ member: Member, divisionName: String? = nil) throws -> Member {
    try write { db in try Workspace.insertMember(member, divisionName: divisionName, db) }
  }

  /// Adds a member to the cluster of that name, creating the cluster when it is missing — all
  /// as one action, so a refused member leaves no empty cluster behind.
  public func addMember(_ member: Member, clusterName: String, divisionName: String? = nil) throws
    -> (member: Member, clusterCreated: Bool)
  {
    try write { db in
      let (cluster, created) = try Workspace.ensureCluster(named: clusterName, db)
      var member = member
      member.clusterId = cluster.id
      return (try Workspace.insertMember(member, divisionName: divisionName, db), created)
    }
  }

  static func insertMember(_ member: Member, divisionName: String?, _ db: Database) throws -> Member
  {
    var (member, errors) = MemberRules.validate(member)
    guard try Cluster.exists(db, key: member.clusterId) else {
      throw ValidationError([FieldError(field: "cluster", problem: .notFound)])
    }
    if let divisionName, !KoreanText.clean(divisionName).isEmpty {
      member.divisionId = try ensureDivision(named: divisionName, clusterId: member.clusterId, db).0
        .id
    }
    errors += try duplicateErrors(member, db)
    if !errors.isEmpty { throw ValidationError(errors) }
    member.id = try nextId("member", db)
    try storeMember(member, db)
    return member
  }

  /// Inserts a member row and its search index entry: the one way a member is added (by hand,
  /// from a CSV file, from a whole-workspace document). One cached statement, as an import
  /// runs it thousands of times.
  static func storeMember(_ m: Member, _ db: Database) throws {
    let key = KoreanText.nameKey(m.name)
    let initials = KoreanText.initials(key)
    try db.cachedStatement(
      sql: """
        INSERT INTO member (id, clusterId, divisionId, kind, name, nameKey, initials, representative,
          businessNumber, products, employees, salesKRW, founded, address, phone, email, website,
          role, joined, "left", status, profileSubmitted)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      m.id == 0 ? nil : m.id, m.clusterId, m.divisionId, m.kind, m.name, key, initials,
      m.representative, m.businessNumber, m.products, m.employees, m.salesKRW, m.founded,
      m.address, m.phone, m.email, m.website, m.role, m.joined, m.left, m.status,
      m.profileSubmitted,
    ])
    try indexMember(
      id: m.id == 0 ? db.lastInsertedRowID : m.id, nameKey: key, initials: initials,
      representative: m.representative, products: m.products, replacing: false, db)
  }

  /// Errors for a member whose business number or name (legal form ignored) is already taken.
  static func duplicateErrors(_ member: Member, _ db: Database) throws -> [FieldError] {
    var errors: [FieldError] = []
    if !member.businessNumber.isEmpty,
      // `<> ''` lets SQLite use the partial unique index instead of scanning every member.
      let other = try Row.fetchOne(
        db.cachedStatement(
          sql:
            "SELECT id, name FROM member WHERE businessNumber = ? AND businessNumber <> '' AND id <> ?"
        ),
        arguments: [member.businessNumber, member.id]
      ).map({ (id: $0["id"] as Int64, name: $0["name"] as String) })
    {
      errors.append(
        FieldError(
          field: "businessNumber", problem: .duplicate(of: "#\(other.id) \(other.name)"),
          value: BusinessNumber.format(member.businessNumber)))
    }
    let key = KoreanText.nameKey(member.name)
    if let other = try Row.fetchOne(
      db.cachedStatement(
        sql: "SELECT id, name FROM member WHERE clusterId = ? AND nameKey = ? AND id <> ?"),
      arguments: [member.clusterId, key, member.id]
    ).map({ (id: $0["id"] as Int64, name: $0["name"] as String) }) {
      errors.append(
        FieldError(
          field: "name", problem: .duplicate(of: "#\(other.id) \(other.name)"), value: member.name))
    }
    return errors
  }

  /// Saves an edited member. `original` is the member as the editor loaded it: if the stored one
  /// differs, someone else changed it meanwhile and the save is refused rather than overwriting.
  @discardableResult
  public func updateMember(_ member: Member, original: Member, divisionName: String? = nil) throws
    -> Member
  {
    try write { db in
      guard let current = try Member.fetchOne(db, key: member.id) else {
        throw WorkspaceError.recordNotFound(kind: "member", reference: "#\(member.id)")
      }
      guard current == original else {
        throw WorkspaceError.conflict(kind: "member", reference: "#\(member.id) \(current.name)")
      }
      var (member, errors) = MemberRules.validate(member)
      if let divisionName {
        let cleaned = KoreanText.clean(divisionName)
        member.divisionId =
          cleaned.isEmpty
          ? nil : try Workspace.ensureDivision(named: cleaned, clusterId: member.clusterId, db).0.id
      }
      errors += try Workspace.duplicateErrors(member, db)
      if !errors.isEmpty { throw ValidationError(errors) }
      try member.update(db)
      let key = KoreanText.nameKey(member.name)
      try Workspace.indexMember(
        id: member.id, nameKey: key, initials: KoreanText.initials(key),
        representative: member.representative, products: member.products, db)
      return member
    }
  }

  // MARK: The directory window

  static func searchClause(_ query: MemberQuery) -> (sql: String, arguments: StatementArguments) {
    var parts: [String] = []
    var arguments: StatementArguments = []
    if let clusterId = query.clusterId {
      parts.append("m.clusterId = ?")
      _ = arguments.append(contentsOf: [clusterId])
    }
    if let divisionId = query.divisionId {
      parts.append("m.divisionId = ?")
      _ = arguments.append(contentsOf: [divisionId])
    }
    if let kind = query.kind {
      parts.append("m.kind = ?")
      _ = arguments.append(contentsOf: [kind.rawValue])
    }
    if let role = query.role {
      parts.append("m.role = ?")
      _ = arguments.append(contentsOf: [role.rawValue])
    }
    if !query.includeLeft { parts.append("m.status <> 'left'") }
    let search = KoreanText.normalizeQuery(query.search)
    if let match = TextGrams.memberMatch(search) {
      // The index narrows the directory to the members holding the query's grams; the clause
      // after it decides exactly, on those candidates only.
      parts.append("m.id IN (SELECT rowid FROM memberSearch WHERE memberSearch MATCH ?)")
      _ = arguments.append(contentsOf: [match])
      let like = "%" + escapeLike(search) + "%"
      let initials = "%" + escapeLike(KoreanText.searchPrefilter(search)) + "%"
      parts.append(
        """
        (m.nameKey LIKE ? ESCAPE '\\' OR (m.initials LIKE ? ESCAPE '\\' AND cd_match(?, m.nameKey))
         OR m.representative LIKE ? ESCAPE '\\' OR m.products LIKE ? ESCAPE '\\')
        """)
      _ = arguments.append(contentsOf: [like, initials, search, like, like])
    }
    return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), arguments)
  }

  /// Puts a member's searchable text into the member search index (see `Schema`): called
  /// whenever a member row is written.
  static func indexMember(
    id: Int64, nameKey: String, initials: String, representative: String, products: String,
    replacing: Bool = true, _ db: Database
  ) throws {
    if replacing {
      try db.cachedStatement(sql: "DELETE FROM memberSearch WHERE rowid = ?").execute(arguments: [
        id
      ])
    }
    let terms = TextGrams.memberTerms([nameKey, initials, representative, products])
    try db.cachedStatement(sql: "INSERT INTO memberSearch (rowid, grams, chars) VALUES (?, ?, ?)")
      .execute(arguments: [id, terms.grams, terms.chars])
  }

  static func escapeLike(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
      .replacingOccurrences(of: "_", with: "\\_")
  }

  public func memberCount(_ query: MemberQuery) throws -> Int {
    try read { db in
      let clause = Workspace.searchClause(query)
      return try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM member m WHERE \(clause.sql)", arguments: clause.arguments)!
    }
  }

  /// One window of the directory, sorted in SQL.
  public func memberRows(_ query: MemberQuery, offset: Int, limit: Int) throws -> [MemberRow] {
    try read { db in
      let clause = Workspace.searchClause(query)
      let direction = query.descending ? "DESC" : "ASC"
      let order: String
      switch query.sort {
      case .name: order = "m.nameKey \(direction)"
      case .kind: order = "m.kind \(direction), m.nameKey"
      case .division: order = "d.name \(direction), m.nameKey"
      case .cluster: order = "c.name \(direction), m.nameKey"
      case .role:
        order =
          "CASE m.role WHEN 'chair' THEN 0 WHEN 'viceChair' THEN 1 WHEN 'steering' THEN 2 ELSE 3 END \(direction), m.nameKey"
      case .representative: order = "m.representative \(direction), m.nameKey"
      case .phone: order = "m.phone \(direction), m.nameKey"
      case .lastVisit: order = "m.lastVisit \(direction), m.nameKey"
      }
      let sql = """
        SELECT m.id, m.name, m.kind, c.name AS clusterName, d.name AS divisionName, m.role,
               m.representative, m.phone, m.status, m.lastVisit
        FROM member m
        JOIN cluster c ON c.id = m.clusterId
        LEFT JOIN division d ON d.id = m.divisionId
        WHERE \(clause.sql)
        ORDER BY \(order), m.id
        LIMIT ? OFFSET ?
        """
      var arguments = clause.arguments
      _ = arguments.append(contentsOf: [limit, offset])
      return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        MemberRow(
          id: row["id"], name: row["name"], kind: row["kind"], clusterName: row["clusterName"],
          divisionName: row["divisionName"], role: row["role"],
          representative: row["representative"], phone: row["phone"], status: row["status"],
          lastVisit: row["lastVisit"])
      }
    }
  }

  public func memberDetail(id: Int64) throws -> MemberDetail {
    try read { db in
      guard let member = try Member.fetchOne(db, key: id) else {
        throw WorkspaceError.recordNotFound(kind: "member", reference: "#\(id)")
      }
      let cluster = try Cluster.fetchOne(db, key: member.clusterId)!
      let division = try member.divisionId.flatMap { try Division.fetchOne(db, key: $0) }
      let contacts = try Contact.filter(Column("memberId") == id).order(Column("id")).fetchAll(db)
      var mentor: (Expert, Mentoring)?
      if let mentoring = try Mentoring.fetchOne(db, key: id),
        let expert = try Expert.fetchOne(db, key: mentoring.expertId)
      {
        mentor = (expert, mentoring)
      }
      let sigs = try Row.fetchAll(
        db,
        sql: """
          SELECT s.*, sm.task FROM sigMember sm JOIN sig s ON s.id = sm.sigId
          WHERE sm.memberId = ? ORDER BY s.name
          """, arguments: [id]
      ).map { (sig: try SIG(row: $0), task: $0["task"] as String) }
      let meetings = try Row.fetchAll(
        db,
        sql: """
          SELECT mt.*, a.status AS attendanceStatus FROM attendance a
          JOIN meeting mt ON mt.id = a.meetingId
          WHERE a.memberId = ? ORDER BY mt.date DESC, mt.id DESC
          """, arguments: [id]
      ).map { (meeting: try Meeting(row: $0), status: $0["attendanceStatus"] as AttendanceStatus) }
      let visits = try Workspace.visits(
        db, where: "v.memberId = ?", arguments: [id], order: "v.date DESC, v.id DESC", limit: 1000)
      let requests = try Row.fetchAll(
        db,
        sql: """
          SELECT r.*, p.id AS pid, p.year AS pyear, p.name AS pname, p.category AS pcategory,
                 p.budgetKRW AS pbudget
          FROM supportRequest r JOIN program p ON p.id = r.programId
          WHERE r.memberId = ? ORDER BY r.submitted DESC, r.id DESC
          """, arguments: [id]
      ).map { row in
        (
          request: try SupportRequest(row: row),
          program: Program(
            id: row["pid"], year: row["pyear"], name: row["pname"], category: row["pcategory"],
            budgetKRW: row["pbudget"])
        )
      }
      return MemberDetail(
        member: member, cluster: cluster, division: division, contacts: contacts,
        mentor: mentor, sigs: sigs, meetings: meetings, visits: visits, requests: requests)
    }
  }

  public func addContact(_ contact: Contact) throws -> Contact {
    try write { db in
      var contact = try contact.validated()
      guard try Member.exists(db, key: contact.memberId) else {
        throw WorkspaceError.recordNotFound(kind: "member", reference: "#\(contact.memberId)")
      }
      contact.id = try Workspace.nextId("contact", db)
      try contact.insert(db)
      return contact
    }
  }
}

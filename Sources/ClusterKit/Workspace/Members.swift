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
  public var status: MemberStatus?
  /// Only members with no active mentor (1사1멘토링).
  public var withoutMentor: Bool
  /// Only members in no SIG (1사1SIG).
  public var withoutSIG: Bool
  /// A directory-book edition: each row carries the member's entry for it, and `state`, when set,
  /// keeps only the members in that state.
  public var directoryBook: DirectoryBookQuery?
  /// The language whose names of the kinds sort by kind (기업, 대학, 연구소, 지원기관 in Korean).
  public var language: Language = .en

  /// A search of one or two letters, which thousands of members match: its first window is read
  /// by walking the directory in name order, and counting it takes longer than that.
  public var isShortSearch: Bool {
    let count = KoreanText.normalizeQuery(search).count
    return count > 0 && count <= 2
  }

  public init(
    clusterId: Int64? = nil, divisionId: Int64? = nil, kind: MemberKind? = nil,
    role: OfficerRole? = nil, search: String = "", sort: MemberSort = .name,
    descending: Bool = false, includeLeft: Bool = true, status: MemberStatus? = nil,
    withoutMentor: Bool = false, withoutSIG: Bool = false,
    directoryBook: DirectoryBookQuery? = nil
  ) {
    self.clusterId = clusterId
    self.divisionId = divisionId
    self.kind = kind
    self.role = role
    self.search = search
    self.sort = sort
    self.descending = descending
    self.includeLeft = includeLeft
    self.status = status
    self.withoutMentor = withoutMentor
    self.withoutSIG = withoutSIG
    self.directoryBook = directoryBook
  }

  /// Active member companies without a mentor: the 1사1멘토링 work list.
  public static func companiesWithoutMentor(clusterId: Int64? = nil) -> MemberQuery {
    MemberQuery(clusterId: clusterId, kind: .company, status: .active, withoutMentor: true)
  }

  /// Active member companies in no SIG: what 1사1SIG has not reached yet.
  public static func companiesWithoutSIG(clusterId: Int64? = nil) -> MemberQuery {
    MemberQuery(clusterId: clusterId, kind: .company, status: .active, withoutSIG: true)
  }
}

/// One directory-book edition as a member list sees it.
public struct DirectoryBookQuery: Hashable, Sendable {
  public var edition: Int
  public var state: DirectoryBookState?

  public init(edition: Int, state: DirectoryBookState? = nil) {
    self.edition = edition
    self.state = state
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
  /// The member's entry for the query's directory-book edition, when the query names one.
  public var directoryBook: DirectoryBookEntry?
}

/// Everything about one member, for the detail view and `members show`.
public struct MemberDetail: Sendable {
  public var member: Member
  public var cluster: Cluster
  public var division: Division?
  public var contacts: [Contact]
  /// The active mentor.
  public var mentor: (expert: Expert, mentoring: Mentoring)?
  /// Every mentoring assignment with its sessions, the active one first, then newest first.
  public var mentoring: [MentoringRow]
  /// The SIGs the member is in, each with its leader's name and every task of the SIG (with
  /// the owner's name), by number.
  public var sigs: [(sig: SIG, leaderName: String?, tasks: [SIGTaskLine])]
  /// The member's directory-book entries, newest edition first.
  public var directoryBook: [DirectoryBookEntry]
  /// The workspace's newest directory-book edition, nil when none is recorded.
  public var directoryEdition: Int?
  public var meetings: [(meeting: Meeting, status: AttendanceStatus)]
  public var visits: [Visit]
  public var requests: [(request: SupportRequest, program: Program)]

  /// The member's requests that answer a difficulty found on one of its visits (its number in
  /// the visit, from 1), newest first.
  public func requests(answering visitId: Int64, number: Int) -> [(
    request: SupportRequest, program: Program
  )] {
    requests.filter {
      $0.request.difficulty == DifficultyReference(visitId: visitId, number: number)
    }
  }

  public var lastVisit: Day? { visits.map(\.date).max() }
  /// The member's entry for the newest edition.
  public var currentDirectoryBook: DirectoryBookEntry? {
    directoryBook.first { $0.edition == directoryEdition }
  }
  /// Share of invited meetings the member attended, nil when never invited.
  public var participationRate: Double? {
    let held = meetings.count
    return held == 0 ? nil : Double(meetings.filter { $0.status == .present }.count) / Double(held)
  }
}

extension Workspace {
  // MARK: Clusters and divisions

  // SQL, not the query interface, which looks the table's schema up to build it: both are
  // read before the dashboard's first frame.
  public func clusters() throws -> [Cluster] {
    try read { db in try Cluster.fetchAll(db, sql: "SELECT * FROM cluster ORDER BY name") }
  }

  public func divisions(clusterId: Int64? = nil) throws -> [Division] {
    try read { db in
      guard let clusterId else {
        return try Division.fetchAll(db, sql: "SELECT * FROM division ORDER BY clusterId, name")
      }
      return try Division.fetchAll(
        db, sql: "SELECT * FROM division WHERE clusterId = ? ORDER BY name", arguments: [clusterId])
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
  /// (legal form ignored, initials allowed) that matches exactly one member. A name matching
  /// several is refused with the candidates, each with its id and mini-cluster; `field` names the
  /// option or field the reference came from.
  public func findMember(_ reference: String, field: String = "member") throws -> Member {
    try read { db in try Workspace.findMember(reference, field: field, db) }
  }

  static func findMember(_ reference: String, field: String = "member", _ db: Database) throws
    -> Member
  {
    let text = KoreanText.clean(reference)
    if let id = Int64(text.trimmingCharacters(in: .init(charactersIn: "#"))),
      let member = try Member.fetchOne(db, key: id)
    {
      return member
    }
    if let number = try? BusinessNumber.normalize(text) {
      // One company may be a member of two mini-clusters, under one number.
      let members = try Member.filter(Column("businessNumber") == number).order(Column("id"))
        .fetchAll(db)
      if members.count == 1 { return members[0] }
      if members.count > 1 {
        let candidates = try members.map { m in
          memberReference(
            id: m.id, name: m.name,
            cluster: try String.fetchOne(
              db, sql: "SELECT name FROM cluster WHERE id = ?", arguments: [m.clusterId]) ?? "")
        }
        throw ambiguity(
          field: field, reference: reference, english: "members", korean: "회원",
          candidates: candidates, more: false)
      }
    }
    let key = KoreanText.nameKey(text)
    let exact = try Member.filter(Column("nameKey") == key).order(Column("id")).fetchAll(db)
    if exact.count == 1 { return exact[0] }
    // Names that differ only in the legal form (`(주)한강로보텍`, `한강로보텍 주식회사`) share a key:
    // the one written exactly as typed is meant.
    let written = exact.filter { $0.name == text }
    if written.count == 1 { return written[0] }
    var ids = exact.map(\.id)
    if exact.isEmpty {
      let clause = searchClause(MemberQuery(search: text))
      ids = try Int64.fetchAll(
        db, sql: "SELECT id FROM member m WHERE \(clause.sql) ORDER BY m.nameKey, m.id LIMIT 11",
        arguments: clause.arguments)
      if ids.count == 1, let member = try Member.fetchOne(db, key: ids[0]) { return member }
    }
    if ids.isEmpty {
      throw WorkspaceError.recordNotFound(kind: "member", reference: "'\(reference)'")
    }
    let candidates = try Row.fetchAll(
      db,
      sql: """
        SELECT m.id, m.name, c.name AS cluster FROM member m JOIN cluster c ON c.id = m.clusterId
        WHERE m.id IN (\(databaseQuestionMarks(count: min(ids.count, 10)))) ORDER BY m.nameKey, m.id
        """, arguments: StatementArguments(ids.prefix(10))
    ).map { memberReference(id: $0["id"], name: $0["name"], cluster: $0["cluster"]) }
    throw ambiguity(
      field: field, reference: reference, english: "members", korean: "회원",
      candidates: candidates, more: ids.count > 10)
  }

  /// The error for a reference that names several records: it lists them (ten at most) so the
  /// user can pick one by its id.
  static func ambiguity(
    field: String, reference: String, english: String, korean: String, candidates: [String],
    more: Bool
  ) -> ValidationError {
    let list = candidates.joined(separator: ", ") + (more ? ", …" : "")
    return ValidationError([
      FieldError(
        field: field,
        problem: .other(
          english: "matches several \(english): \(list); use the id or more of the name",
          korean: "여러 \(korean)에 해당합니다: \(list). 번호나 더 긴 이름을 쓰세요"),
        value: reference)
    ])
  }

  /// Validates and adds a member. `divisionName`, when given, is created in the member's cluster
  /// if missing; `directoryBook`, when given, is recorded for it in the same transaction. A name
  /// that another mini-cluster already has throws `PossibleDuplicates` unless `allowDuplicate`.
  @discardableResult
  public func addMember(
    _ member: Member, divisionName: String? = nil, directoryBook: DirectoryBookEdit? = nil,
    allowDuplicate: Bool = false
  ) throws -> Member {
    try write { db in
      let added = try Workspace.insertMember(
        member, divisionName: divisionName, allowDuplicate: allowDuplicate, db)
      try Workspace.record(directoryBook, memberId: added.id, db)
      return added
    }
  }

  /// Adds a member to the cluster of that name, creating the cluster when it is missing — all
  /// as one action, so a refused member leaves no empty cluster behind.
  public func addMember(
    _ member: Member, clusterName: String, divisionName: String? = nil,
    allowDuplicate: Bool = false
  ) throws -> (member: Member, clusterCreated: Bool) {
    try write { db in
      let (cluster, created) = try Workspace.ensureCluster(named: clusterName, db)
      var member = member
      member.clusterId = cluster.id
      return (
        try Workspace.insertMember(
          member, divisionName: divisionName, allowDuplicate: allowDuplicate, db), created
      )
    }
  }

  static func insertMember(
    _ member: Member, divisionName: String?, allowDuplicate: Bool = false, _ db: Database
  ) throws -> Member {
    var (member, errors) = MemberRules.validate(member)
    guard try Cluster.exists(db, key: member.clusterId) else {
      throw ValidationError([FieldError(field: "cluster", problem: .notFound)])
    }
    if let divisionName, !KoreanText.clean(divisionName).isEmpty {
      member.divisionId = try ensureDivision(named: divisionName, clusterId: member.clusterId, db).0
        .id
    }
    let clashes = try clashes(member, db)
    errors += clashes.duplicates
    if !errors.isEmpty { throw ValidationError(errors) }
    let matches = clashes.otherClusters
    if !allowDuplicate, !matches.isEmpty {
      throw PossibleDuplicates([
        PossibleDuplicate(name: member.name, existing: matches.map { .member($0.reference) })
      ])
    }
    member.id = try nextId("member", db)
    member.profileChanged = member.profileChanged ?? Day.officeToday
    try storeMember(member, db)
    return member
  }

  /// Inserts a member row and its search index entry: the one way a member is added (by hand,
  /// from a CSV file, from a whole-workspace document). One cached statement, as an import
  /// runs it thousands of times; an import that has the name's key already passes it.
  static func storeMember(_ m: Member, nameKey: String? = nil, _ db: Database) throws {
    var entries = MemberSearchEntries()
    try storeMember(m, nameKey: nameKey, searchEntries: &entries, db)
    try entries.write(db)
  }

  /// The same, with the search index entry added to `searchEntries`, which the caller writes
  /// (`MemberSearchEntries.write`) once it has stored its members.
  static func storeMember(
    _ m: Member, nameKey: String?, searchEntries: inout MemberSearchEntries, _ db: Database
  ) throws {
    let key = nameKey ?? KoreanText.nameKey(m.name)
    let initials = KoreanText.initials(key)
    try db.cachedStatement(
      sql: """
        INSERT INTO member (id, clusterId, divisionId, kind, name, nameKey, initials, representative,
          businessNumber, products, employees, salesKRW, founded, address, phone, email, website,
          role, joined, "left", status, profileChanged)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      m.id == 0 ? nil : m.id, m.clusterId, m.divisionId, m.kind, m.name, key, initials,
      m.representative, m.businessNumber, m.products, m.employees, m.salesKRW, m.founded,
      m.address, m.phone, m.email, m.website, m.role, m.joined, m.left, m.status,
      m.profileChanged,
    ])
    try searchEntries.add(
      id: m.id == 0 ? db.lastInsertedRowID : m.id,
      terms: TextGrams.memberTerms([key, initials, m.representative, m.products]), db)
  }

  /// Saves an edited member. `original` is the member as the editor loaded it: if the stored one
  /// differs, someone else changed it meanwhile and the save is refused rather than overwriting.
  /// `directoryBook`, when given, is recorded in the same transaction. A new name or number that
  /// another mini-cluster already has throws `PossibleDuplicates` unless `allowDuplicate`.
  @discardableResult
  public func updateMember(
    _ member: Member, original: Member, divisionName: String? = nil,
    directoryBook: DirectoryBookEdit? = nil, allowDuplicate: Bool = false
  ) throws -> Member {
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
      let clashes = try Workspace.clashes(member, db)
      errors += clashes.duplicates
      if !errors.isEmpty { throw ValidationError(errors) }
      // Asked as when adding, once: only a changed name, number or cluster can make it new.
      if !allowDuplicate,
        KoreanText.nameKey(member.name) != KoreanText.nameKey(current.name)
          || member.businessNumber != current.businessNumber
          || member.clusterId != current.clusterId
      {
        let matches = clashes.otherClusters
        if !matches.isEmpty {
          throw PossibleDuplicates([
            PossibleDuplicate(name: member.name, existing: matches.map { .member($0.reference) })
          ])
        }
      }
      if member.profileDiffers(from: current) { member.profileChanged = Day.officeToday }
      try member.update(db)
      let key = KoreanText.nameKey(member.name)
      try Workspace.indexMember(
        id: member.id, nameKey: key, initials: KoreanText.initials(key),
        representative: member.representative, products: member.products, db)
      try Workspace.record(directoryBook, memberId: member.id, db)
      return member
    }
  }

  static func record(_ edit: DirectoryBookEdit?, memberId: Int64, _ db: Database) throws {
    guard let edit else { return }
    _ = try recordDirectoryBook(
      memberId: memberId, edition: edit.edition, edit.change, today: edit.today, db)
  }

  // MARK: The directory window

  /// `narrowed`: the member search index picks the candidates first. Without it, the exact
  /// comparison runs on the rows as they are read (in name order, up to the window's end).
  static func searchClause(_ query: MemberQuery, narrowed: Bool = true) -> (
    sql: String, arguments: StatementArguments
  ) {
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
    // Kind and status are written as literals (they are our own raw values) so that SQLite can
    // use the partial index of active companies.
    if let kind = query.kind { parts.append("m.kind = '\(kind.rawValue)'") }
    if let role = query.role {
      parts.append("m.role = ?")
      _ = arguments.append(contentsOf: [role.rawValue])
    }
    if !query.includeLeft { parts.append("m.status <> 'left'") }
    if let status = query.status { parts.append("m.status = '\(status.rawValue)'") }
    // Kept by triggers (see `Schema.addProgrammes`), with partial indexes for active companies.
    if query.withoutMentor { parts.append("m.mentorId IS NULL") }
    if query.withoutSIG { parts.append("m.sigCount = 0") }
    if let book = query.directoryBook, let state = book.state {
      let entry = "SELECT 1 FROM directoryBook b WHERE b.edition = ? AND b.memberId = m.id"
      parts.append("m.status <> 'left'")
      switch state {
      case .submitted: parts.append("EXISTS (\(entry) AND b.status = 'submitted')")
      case .asked: parts.append("EXISTS (\(entry) AND b.status = 'asked')")
      case .missing: parts.append("NOT EXISTS (\(entry) AND b.status = 'submitted')")
      case .notAsked: parts.append("NOT EXISTS (\(entry))")
      }
      _ = arguments.append(contentsOf: [book.edition])
    }
    let search = KoreanText.normalizeQuery(query.search)
    if let match = TextGrams.memberMatch(search) {
      // The index narrows the directory to the members holding the query's grams; the clause
      // after it decides exactly, on those candidates only.
      if narrowed {
        parts.append("m.id IN (SELECT rowid FROM memberSearch WHERE memberSearch MATCH ?)")
        _ = arguments.append(contentsOf: [match])
      }
      let like = "%" + escapeLike(search) + "%"
      let initials = "%" + escapeLike(KoreanText.searchPrefilter(search)) + "%"
      // The name's match is decided in SQL when the query's form allows (see `SearchForm`):
      // only a query mixing initials with syllables, or ending in one that may be half-typed,
      // calls `KoreanText.matches` on each row its initials let through.
      let name: String
      switch KoreanText.searchForm(search) {
      case .literal:
        name = "m.nameKey LIKE ? ESCAPE '\\'"
        _ = arguments.append(contentsOf: [like])
      case .initials:
        name = "m.initials LIKE ? ESCAPE '\\'"
        _ = arguments.append(contentsOf: [initials])
      case .mixed:
        name =
          "m.nameKey LIKE ? ESCAPE '\\' OR (m.initials LIKE ? ESCAPE '\\' AND cd_match(?, m.nameKey))"
        _ = arguments.append(contentsOf: [like, initials, search])
      }
      parts.append(
        "(\(name) OR m.representative LIKE ? ESCAPE '\\' OR m.products LIKE ? ESCAPE '\\')")
      _ = arguments.append(contentsOf: [like, like])
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
    var entries = MemberSearchEntries()
    try entries.add(
      id: id, terms: TextGrams.memberTerms([nameKey, initials, representative, products]), db)
    try entries.write(db)
  }

  static func escapeLike(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
      .replacingOccurrences(of: "_", with: "\\_")
  }

  /// Current members (all but those who left) per division, in one read; a division with none
  /// is missing.
  public func memberCountsByDivision() throws -> [Int64: Int] {
    try read { db in
      var counts: [Int64: Int] = [:]
      // Kept by the workspace (migration 8): members who have not left, per division.
      for row in try Row.fetchAll(
        db.cachedStatement(sql: "SELECT divisionId, members FROM divisionMembers"))
      {
        counts[row[0]] = row[1]
      }
      return counts
    }
  }

  public func memberCount(_ query: MemberQuery) throws -> Int {
    try read { db in try Workspace.memberCount(query, db) }
  }

  static func memberCount(_ query: MemberQuery, _ db: Database) throws -> Int {
    // A whole directory-book edition is counted from its summary, which reads indexes only;
    // the filter would look up every member's entry.
    var plain = query
    plain.directoryBook = nil
    (plain.sort, plain.descending) = (.name, false)
    if plain == MemberQuery(), let book = query.directoryBook, let state = book.state {
      let s = try directoryBookSummary(edition: book.edition, db)
      switch state {
      case .submitted: return s.submitted
      case .asked: return s.asked - s.submitted
      case .missing: return s.members - s.submitted
      case .notAsked: return s.members - s.asked
      }
    }
    let clause = searchClause(query)
    return try Int.fetchOne(
      db, sql: "SELECT COUNT(*) FROM member m\(workListIndex(plain)) WHERE \(clause.sql)",
      arguments: clause.arguments)!
  }

  /// The partial index that holds exactly the members of a work list (the active companies
  /// without a mentor, or in no SIG, of the office or of one cluster), named so that counting the
  /// list reads that index alone (it holds the columns of its condition and the cluster, see
  /// migration 12). Left to choose, SQLite (which has no statistics of the file) takes the index
  /// of active companies and reads each one's row to look at its mentor or SIGs: 17,000 rows of
  /// the national workspace for a count, instead of the index's few hundred pages.
  static func workListIndex(_ query: MemberQuery) -> String {
    var list = query
    list.language = .en
    list.clusterId = nil
    switch list {
    case .companiesWithoutMentor(): return " INDEXED BY member_unmentored"
    case .companiesWithoutSIG(): return " INDEXED BY member_uncovered"
    default: return ""
    }
  }

  /// One window of the directory, sorted in SQL.
  public func memberRows(_ query: MemberQuery, offset: Int, limit: Int) throws -> [MemberRow] {
    try read { db in
      let (sql, arguments) = Workspace.memberRowsSQL(
        query, offset: offset, limit: limit, inOrder: try Workspace.walksNameIndex(query, db))
      return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
        Workspace.memberRow($0, edition: query.directoryBook?.edition)
      }
    }
  }

  /// Every row of the directory in its order, handed to `body` as it is read: any number of
  /// members takes the same memory.
  public func eachMemberRow(_ query: MemberQuery, _ body: (MemberRow) throws -> Void) throws {
    try read { db in
      let (sql, arguments) = Workspace.memberRowsSQL(
        query, offset: 0, limit: -1, inOrder: try Workspace.walksNameIndex(query, db))
      let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
      while let row = try rows.next() {
        try body(Workspace.memberRow(row, edition: query.directoryBook?.edition))
      }
    }
  }

  /// Whether a window of a short search in name order is found sooner by reading the name
  /// index in order, stopping at the window's end, than by collecting the search index's
  /// candidates and sorting them: when they are many (a one-letter search always has
  /// thousands; two letters may have a few, and then the walk would read every member to fill
  /// its window). The directory book's columns do not change that; a filter on it, keeping
  /// few, does.
  static func walksNameIndex(_ query: MemberQuery, _ db: Database) throws -> Bool {
    guard query.isShortSearch, query.sort == .name, query.directoryBook?.state == nil else {
      return false
    }
    let search = KoreanText.normalizeQuery(query.search)
    guard search.count > 1, let match = TextGrams.memberMatch(search) else { return true }
    // Counting candidates reads the search index only, and stops at the threshold.
    let candidates = try Int.fetchOne(
      db,
      sql: """
        SELECT COUNT(*) FROM (SELECT 1 FROM memberSearch WHERE memberSearch MATCH ? LIMIT ?)
        """, arguments: [match, Self.walkingCandidates])!
    return candidates >= Self.walkingCandidates
  }

  /// From this many candidates on, a short search's window walks the name index.
  static let walkingCandidates = 1000

  /// The query of a window of the directory (a negative limit: to the end); `inOrder`: by
  /// walking the name index (see `walksNameIndex`).
  static func memberRowsSQL(_ query: MemberQuery, offset: Int, limit: Int, inOrder: Bool) -> (
    String, StatementArguments
  ) {
    let clause = Workspace.searchClause(query, narrowed: !inOrder)
    let direction = query.descending ? "DESC" : "ASC"
    let order: String
    switch query.sort {
    case .name: order = "m.nameKey \(direction)"
    case .kind:
      let byName = MemberKind.allCases.sorted {
        $0.label(query.language).compare($1.label(query.language)) == .orderedAscending
      }
      let rank = byName.enumerated().map { "WHEN '\($1.rawValue)' THEN \($0)" }.joined(
        separator: " ")
      order = "CASE m.kind \(rank) END \(direction), m.nameKey"
    case .division: order = "d.name \(direction), m.nameKey"
    case .cluster: order = "c.name \(direction), m.nameKey"
    case .role:
      order =
        "CASE m.role WHEN 'chair' THEN 0 WHEN 'viceChair' THEN 1 WHEN 'steering' THEN 2 ELSE 3 END \(direction), m.nameKey"
    case .representative: order = "m.representative \(direction), m.nameKey"
    case .phone: order = "m.phone \(direction), m.nameKey"
    case .lastVisit: order = "m.lastVisit \(direction), m.nameKey"
    }
    let edition = query.directoryBook?.edition
    let bookColumns =
      edition == nil
      ? "" : ", b.status AS bookStatus, b.asked AS bookAsked, b.submitted AS bookSubmitted"
    let bookJoin =
      edition.map { "LEFT JOIN directoryBook b ON b.edition = \($0) AND b.memberId = m.id" } ?? ""
    let sql = """
      SELECT m.id, m.name, m.kind, c.name AS clusterName, d.name AS divisionName, m.role,
             m.representative, m.phone, m.status, m.lastVisit\(bookColumns)
      FROM member m
      JOIN cluster c ON c.id = m.clusterId
      LEFT JOIN division d ON d.id = m.divisionId
      \(bookJoin)
      WHERE \(clause.sql)
      ORDER BY \(order), m.id
      LIMIT ? OFFSET ?
      """
    var arguments = clause.arguments
    _ = arguments.append(contentsOf: [limit, offset])
    return (sql, arguments)
  }

  /// A row of `memberRowsSQL`, its columns read by position (by name, the lookup cost a
  /// tenth of a long list).
  static func memberRow(_ row: Row, edition: Int?) -> MemberRow {
    let id: Int64 = row[0]
    let bookStatus: DirectoryBookStatus? = edition == nil ? nil : row[10]
    return MemberRow(
      id: id, name: row[1], kind: row[2], clusterName: row[3], divisionName: row[4], role: row[5],
      representative: row[6], phone: row[7], status: row[8], lastVisit: row[9],
      directoryBook: bookStatus.map {
        DirectoryBookEntry(
          edition: edition!, memberId: id, status: $0, asked: row[11], submitted: row[12])
      })
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
      if let mentoring = try Workspace.activeMentoring(memberId: id, db),
        let expert = try Expert.fetchOne(db, key: mentoring.expertId)
      {
        mentor = (expert, mentoring)
      }
      let mentoring = try Workspace.mentoringRows(
        MentoringFilter(memberId: id), order: "x.ended IS NOT NULL, x.started DESC, x.id DESC",
        offset: 0, limit: Int.max, db)
      var tasks: [Int64: [SIGTaskLine]] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT t.*, o.name AS ownerName FROM sigMember sm JOIN sigTask t ON t.sigId = sm.sigId
          JOIN member o ON o.id = t.ownerId WHERE sm.memberId = ? ORDER BY t.sigId, t.number
          """, arguments: [id])
      {
        let task = try SIGTask(row: row)
        tasks[task.sigId, default: []].append(SIGTaskLine(task: task, ownerName: row["ownerName"]))
      }
      let sigs = try Row.fetchAll(
        db,
        sql: """
          SELECT s.*, l.name AS leaderName FROM sigMember sm JOIN sig s ON s.id = sm.sigId
          LEFT JOIN member l ON l.id = s.leaderId
          WHERE sm.memberId = ? ORDER BY s.name, s.id
          """, arguments: [id]
      ).map { row in
        let sig = SIG(row: row)
        return (sig: sig, leaderName: row["leaderName"] as String?, tasks: tasks[sig.id] ?? [])
      }
      let directoryBook = try DirectoryBookEntry.filter(Column("memberId") == id)
        .order(Column("edition").desc).fetchAll(db)
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
      let memberRequests = try SupportRequest.filter(Column("memberId") == id)
        .order(Column("submitted").desc, Column("id").desc).fetchAll(db)
      let programs = Dictionary(
        uniqueKeysWithValues: try Program.filter(keys: Set(memberRequests.map(\.programId)))
          .fetchAll(db).map { ($0.id, $0) })
      let requests = memberRequests.compactMap { request in
        programs[request.programId].map { (request: request, program: $0) }
      }
      return MemberDetail(
        member: member, cluster: cluster, division: division, contacts: contacts,
        mentor: mentor, mentoring: mentoring, sigs: sigs, directoryBook: directoryBook,
        directoryEdition: try Workspace.newestDirectoryEdition(db), meetings: meetings,
        visits: visits, requests: requests)
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

/// Member search index entries written many to a statement. FTS5 writes what it holds to the
/// index at the start of every statement inside a transaction (each opens a savepoint), so a
/// statement per member made an index segment per member, and merging those was most of the
/// cost of an import.
struct MemberSearchEntries {
  /// Entries written by one statement.
  static let batch = 256
  private var values: [(any DatabaseValueConvertible)?] = []
  private var count = 0

  /// Adds an entry; a full batch is written at once.
  mutating func add(id: Int64, terms: (grams: String, chars: String), _ db: Database) throws {
    values += [id, terms.grams, terms.chars]
    count += 1
    if count == Self.batch { try write(db) }
  }

  /// Writes the entries added since the last write.
  mutating func write(_ db: Database) throws {
    guard count > 0 else { return }
    let rows = Array(repeating: "(?, ?, ?)", count: count).joined(separator: ", ")
    try db.cachedStatement(sql: "INSERT INTO memberSearch (rowid, grams, chars) VALUES \(rows)")
      .execute(arguments: StatementArguments(values))
    values.removeAll(keepingCapacity: true)
    count = 0
  }
}

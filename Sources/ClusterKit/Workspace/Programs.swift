import Foundation
import GRDB

/// The money and counts of a set of support requests (a program's, a category's, a cluster's, a
/// member's). Every figure ClusterDesk shows about supports comes from here, computed in one
/// place (`Workspace.requestFigures`), so the same definitions give the same numbers everywhere:
///
/// - requested: what the submitted requests (everything but drafts) asked for;
/// - pending: what the requests awaiting a decision ask for;
/// - approved: the approved amounts of approved, agreed and completed requests;
/// - committed: what the budget is bound to — the approved amount of each request not yet
///   settled, and for a settled one what the support finally came to (spent − disallowed). So
///   committed = approved − returned when the whole approved amount was paid out; an approved
///   amount never paid out is given back at settlement too;
/// - co-funding: the companies' own share fixed in the agreements;
/// - disbursed: the instalments paid;
/// - returned: the money paid back at settlement (unspent plus disallowed).
public struct SupportTotals: Hashable, Sendable {
  public var requestCount = 0
  public var requestedKRW: KRW = 0
  public var pendingCount = 0
  public var pendingKRW: KRW = 0
  public var approvedCount = 0
  public var approvedKRW: KRW = 0
  public var committedKRW: KRW = 0
  public var cofundingKRW: KRW = 0
  public var disbursedKRW: KRW = 0
  public var returnedKRW: KRW = 0

  public init() {}

  /// The figures from column `start` of a row on, in the order `Workspace.totalsColumns` and
  /// `programTotals` hold them (`requestFigures`, then the disbursed money). Read by position:
  /// a lookup by name compares the name with every column's, for every figure of every row.
  init(row: Row, from start: Int) {
    requestCount = row[start]
    requestedKRW = row[start + 1]
    pendingCount = row[start + 2]
    pendingKRW = row[start + 3]
    approvedCount = row[start + 4]
    approvedKRW = row[start + 5]
    committedKRW = row[start + 6]
    cofundingKRW = row[start + 7]
    returnedKRW = row[start + 8]
    disbursedKRW = row[start + 9]
  }

  public static func + (a: SupportTotals, b: SupportTotals) -> SupportTotals {
    var sum = a
    sum.requestCount += b.requestCount
    sum.requestedKRW += b.requestedKRW
    sum.pendingCount += b.pendingCount
    sum.pendingKRW += b.pendingKRW
    sum.approvedCount += b.approvedCount
    sum.approvedKRW += b.approvedKRW
    sum.committedKRW += b.committedKRW
    sum.cofundingKRW += b.cofundingKRW
    sum.disbursedKRW += b.disbursedKRW
    sum.returnedKRW += b.returnedKRW
    return sum
  }
}

/// A program with its figures: the one type every view of a program's money reads.
/// `figures.approvedKRW` and the like read through to `totals`.
@dynamicMemberLookup
public struct ProgramFigures: Hashable, Sendable {
  public var program: Program
  public var totals: SupportTotals

  public var budgetKRW: KRW { program.budgetKRW }
  /// The budget less what is committed: what further approvals may take.
  public var remainingKRW: KRW { program.budgetKRW - totals.committedKRW }

  public subscript<T>(dynamicMember keyPath: KeyPath<SupportTotals, T>) -> T {
    totals[keyPath: keyPath]
  }
}

/// Everything about one program, in one read: what `programs show` prints and the dashboard's
/// program detail draws.
public struct ProgramDetail: Sendable {
  public var figures: ProgramFigures
  /// How many of the program's requests are in each status, in the order of
  /// `RequestStatus.allCases`: an array, as a dictionary keyed by the status costs its type's
  /// first use on the key that opens a program.
  public var counts: [Int]
  /// One window of the program's requests: by status in the order of `RequestStatus`, newest
  /// first within each; all of them unless a window was asked for.
  public var requests: [RequestRow]
  /// Where the window starts among all the program's requests.
  public var offset: Int

  /// How many requests the program has.
  public var requestCount: Int { counts.reduce(0, +) }

  /// The counts of the statuses the program has requests in.
  public var statusCounts: [RequestStatus: Int] { Workspace.statusCounts(counts) }
}

/// What copying one year's programs to another did.
public struct ProgramCopy: Sendable {
  public var copied: [Program]
  /// Programs of the source year whose name the target year already has.
  public var skipped: [Program]
}

extension Workspace {
  /// What one request adds to each figure of `SupportTotals` but the disbursed money (which is
  /// its instalments'): the one definition of each, as an SQL expression over the request row
  /// named by its argument (`r`, or a trigger's `NEW` and `OLD`). `totalsColumns` sums them from
  /// scratch; the kept `programTotals` adds and takes them off as rows change (migration 8).
  static let requestFigures: [(name: String, value: @Sendable (String) -> String)] = [
    ("requestCount", { r in "IFNULL(\(r).status <> 'draft' AND \(r).submitted IS NOT NULL, 0)" }),
    (
      "requestedKRW",
      { r in
        "IFNULL(CASE WHEN \(r).status <> 'draft' AND \(r).submitted IS NOT NULL THEN \(r).requestedKRW END, 0)"
      }
    ),
    ("pendingCount", { r in "IFNULL(\(r).status = 'pending', 0)" }),
    (
      "pendingKRW",
      { r in "IFNULL(CASE WHEN \(r).status = 'pending' THEN \(r).requestedKRW END, 0)" }
    ),
    ("approvedCount", { r in "IFNULL(\(r).status IN ('approved', 'agreed', 'completed'), 0)" }),
    (
      "approvedKRW",
      { r in
        "IFNULL(CASE WHEN \(r).status IN ('approved', 'agreed', 'completed') THEN \(r).approvedKRW END, 0)"
      }
    ),
    (
      "committedKRW",
      { r in
        """
        IFNULL(CASE WHEN \(r).status IN ('approved', 'agreed') THEN \(r).approvedKRW
                    WHEN \(r).status = 'completed'
                      THEN IFNULL(\(r).spentKRW - \(r).disallowedKRW, \(r).approvedKRW) END, 0)
        """
      }
    ),
    (
      "cofundingKRW",
      { r in
        "IFNULL(CASE WHEN \(r).status IN ('agreed', 'completed') THEN \(r).agreedCofundingKRW END, 0)"
      }
    ),
    (
      "returnedKRW",
      { r in "IFNULL(CASE WHEN \(r).status = 'completed' THEN \(r).returnedKRW END, 0)" }
    ),
  ]

  /// The request columns `requestFigures` read.
  static let requestFigureColumns = [
    "status", "submitted", "requestedKRW", "approvedKRW", "spentKRW", "disallowedKRW",
    "agreedCofundingKRW", "returnedKRW",
  ]

  /// The aggregate columns of `SupportTotals` over `supportRequest r`, computed from scratch.
  static let totalsColumns =
    requestFigures.map { "IFNULL(SUM(\($0.value("r"))), 0) AS \($0.name)" }.joined(separator: ", ")
      + """
      , IFNULL(SUM((SELECT SUM(i.amountKRW) FROM instalment i WHERE i.requestId = r.id)), 0)
        AS disbursedKRW
      """

  /// Totals of the requests matching `condition` (over `supportRequest r`), grouped by `key`
  /// (an expression; the result is keyed by its value).
  static func totals<Key: DatabaseValueConvertible & Hashable>(
    groupedBy key: String, from: String = "supportRequest r", where condition: String,
    arguments: StatementArguments, _ db: Database
  ) throws -> [Key: SupportTotals] {
    var result: [Key: SupportTotals] = [:]
    for row in try Row.fetchAll(
      db,
      sql:
        "SELECT \(key) AS groupKey, \(totalsColumns) FROM \(from) WHERE \(condition) GROUP BY \(key)",
      arguments: arguments)
    {
      if let value: Key = row[0] { result[value] = SupportTotals(row: row, from: 1) }
    }
    return result
  }

  static func totals(
    where condition: String, arguments: StatementArguments, _ db: Database
  ) throws -> SupportTotals {
    SupportTotals(
      row: try Row.fetchOne(
        db, sql: "SELECT \(totalsColumns) FROM supportRequest r WHERE \(condition)",
        arguments: arguments)!, from: 0)
  }

  /// A program's totals as the workspace keeps them (`programTotals`, migration 8).
  static func programFigures(_ program: Program, _ db: Database) throws -> ProgramFigures {
    let row = try Row.fetchOne(
      db, sql: "SELECT * FROM programTotals WHERE programId = ?", arguments: [program.id])
    return ProgramFigures(
      program: program, totals: try row.map { try keptTotals($0, from: 1) } ?? SupportTotals())
  }

  /// The totals of a `programTotals` row, its figures from column `start` on. A total past what
  /// an integer holds (amounts written before their ranges were checked) is kept by SQLite's
  /// arithmetic as a real number: it is refused as the sum itself would be.
  static func keptTotals(_ row: Row, from start: Int) throws -> SupportTotals {
    for value in row.databaseValues.dropFirst(start) {
      if case .double = value.storage {
        throw DatabaseError(resultCode: .SQLITE_ERROR, message: "integer overflow")
      }
    }
    return SupportTotals(row: row, from: start)
  }

  static func programFigures(id: Int64, _ db: Database) throws -> ProgramFigures {
    guard let figures = try programFigures(id: id, ifAny: db) else {
      throw WorkspaceError.recordNotFound(kind: "program", reference: "#\(id)")
    }
    return figures
  }

  /// A program with its kept totals in one statement, read by position; nil when there is no
  /// such program.
  static func programFigures(id: Int64, ifAny db: Database) throws -> ProgramFigures? {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(sql: "\(programFiguresSelect) WHERE p.id = ?"), arguments: [id])
    else { return nil }
    return try programFigures(row)
  }

  static func programFigures(year: Int, _ db: Database) throws -> [ProgramFigures] {
    try Array { try eachProgramFigures(year: year, db, $0) }
  }

  /// Every program (or a year's), newest year first and by name within a year, each with its
  /// figures, handed to `body` as it is read: any number of programs takes the same memory.
  public func eachProgramFigures(year: Int? = nil, _ body: (ProgramFigures) throws -> Void)
    throws
  {
    try read { db in try Workspace.eachProgramFigures(year: year, db, body) }
  }

  /// The program's columns, in the order `program(_:)` reads them.
  private static let programColumns = [
    "id", "year", "name", "category", "budgetKRW", "cofundingPercent", "memberCapKRW",
    "memberCapCount", "opens", "closes", "note",
  ]

  /// A program from the first columns of a row (`programColumns`), read by position as the
  /// overview and the programs pane read a year's programs on every data version.
  private static func program(_ row: Row) -> Program {
    Program(
      id: row[0], year: row[1], name: row[2], category: row[3], budgetKRW: row[4],
      cofundingPercent: row[5], memberCapKRW: row[6], memberCapCount: row[7], opens: row[8],
      closes: row[9], note: row[10])
  }

  static func eachProgramFigures(
    year: Int?, _ db: Database, _ body: (ProgramFigures) throws -> Void
  ) throws {
    let rows = try Row.fetchCursor(
      db.cachedStatement(
        sql: "\(programFiguresSelect) WHERE ? IS NULL OR p.year = ? ORDER BY p.year DESC, p.name"),
      arguments: [year, year])
    while let row = try rows.next() { try body(try programFigures(row)) }
  }

  /// The program's columns, then its kept totals (none for a program no request was made to).
  private static let programFiguresSelect = """
    SELECT \((programColumns.map { "p.\($0)" } + (["programId"] + requestFigures.map(\.name) + ["disbursedKRW"]).map { "t.\($0)" }).joined(separator: ", "))
    FROM program p LEFT JOIN programTotals t ON t.programId = p.id
    """

  /// A program and its figures from a row of `programFiguresSelect`.
  private static func programFigures(_ row: Row) throws -> ProgramFigures {
    let start = programColumns.count
    let kept = !row.hasNull(atIndex: start)
    return ProgramFigures(
      program: program(row), totals: kept ? try keptTotals(row, from: start + 1) : SupportTotals())
  }

  /// A program with its figures.
  public func programFigures(id: Int64) throws -> ProgramFigures {
    try read { db in try Workspace.programFigures(id: id, db) }
  }

  /// A year's programs by name, each with its figures.
  public func programFigures(year: Int) throws -> [ProgramFigures] {
    try read { db in try Workspace.programFigures(year: year, db) }
  }

  /// A program with its figures, its requests counted by status and a window of them (from
  /// `offset`, at most `limit`; an offset past the end shows the last window); nil when there is
  /// no such program. The counts are the kept ones (`programStatusCount`), and the window is
  /// found status by status, each part a walk of the index in its order
  /// (`supportRequest_program`), so opening a program with thousands of requests reads the
  /// rows it shows and sorts none.
  public func programDetail(id: Int64, offset: Int = 0, limit: Int = Int.max) throws
    -> ProgramDetail?
  {
    try read { db in try Workspace.programDetail(id: id, offset: offset, limit: limit, db) }
  }

  static func programDetail(id: Int64, offset: Int, limit: Int, _ db: Database) throws
    -> ProgramDetail?
  {
    guard let figures = try programFigures(id: id, ifAny: db) else { return nil }
    let counts = try requestCountsByStatus(programId: id, db)
    let total = counts.reduce(0, +)
    let start = max(0, min(offset, limit >= total ? 0 : total - limit))
    // The window's requests, status by status: each part a walk of the index that stops at the
    // part's end, the payments and the duplicate flag read for its rows alone. One statement,
    // prepared once, whatever the window.
    let part = try db.cachedStatement(
      sql: """
        SELECT \(requestRowColumns), \(requestRowFigures) FROM \(requestRowTables)
        WHERE r.programId = ? AND r.status = ?
        ORDER BY r.submitted DESC, r.id DESC LIMIT ? OFFSET ?
        """)
    var requests: [RequestRow] = []
    var before = 0
    for (status, n) in zip(RequestStatus.allCases, counts) {
      let from = max(0, start - before)
      before += n
      guard from < n, requests.count < limit else { continue }
      let rows = try Row.fetchCursor(
        part, arguments: [id, status, min(n - from, limit - requests.count), from])
      while let row = try rows.next() { requests.append(requestRow(row)) }
    }
    return ProgramDetail(figures: figures, counts: counts, requests: requests, offset: start)
  }

  /// The years that have programs, newest first.
  public func programYears() throws -> [Int] {
    try read { db in
      try Int.fetchAll(db, sql: "SELECT DISTINCT year FROM program ORDER BY year DESC")
    }
  }

  public func programs(year: Int? = nil) throws -> [Program] {
    try read { db in
      var request = Program.order(Column("year").desc, Column("name"))
      if let year { request = request.filter(Column("year") == year) }
      return try request.fetchAll(db)
    }
  }

  /// A year's programs that answer a difficulty of this kind, best match first (for a request
  /// opened from a difficulty).
  public func programs(year: Int, answering category: DifficultyCategory) throws -> [Program] {
    let order = ProgramCategory.answering(category)
    return try programs(year: year).filter { order.contains($0.category) }
      .sorted { order.firstIndex(of: $0.category)! < order.firstIndex(of: $1.category)! }
  }

  /// How many of a program's requests are in each status (a status with none is missing).
  public func requestCounts(programId: Int64) throws -> [RequestStatus: Int] {
    try read { db in try Workspace.requestCounts(programId: programId, db) }
  }

  static func requestCounts(programId: Int64, _ db: Database) throws -> [RequestStatus: Int] {
    statusCounts(try requestCountsByStatus(programId: programId, db))
  }

  /// Counts in the order of `RequestStatus.allCases` as a dictionary of the statuses that have
  /// any.
  static func statusCounts(_ counts: [Int]) -> [RequestStatus: Int] {
    Dictionary(
      uniqueKeysWithValues: zip(RequestStatus.allCases, counts).filter { $0.1 > 0 })
  }

  /// The kept counts (`programStatusCount`), in the order of `RequestStatus.allCases`: a lookup
  /// of a few rows, however many requests.
  static func requestCountsByStatus(programId: Int64, _ db: Database) throws -> [Int] {
    var counts = Array(repeating: 0, count: RequestStatus.allCases.count)
    let rows = try Row.fetchCursor(
      db.cachedStatement(sql: "SELECT status, n FROM programStatusCount WHERE programId = ?"),
      arguments: [programId])
    while let row = try rows.next() {
      if let status = RequestStatus(rawValue: row[0]),
        let i = RequestStatus.allCases.firstIndex(of: status)
      {
        counts[i] = max(0, row[1])
      }
    }
    return counts
  }

  /// The program a user named: its number (`17` or `#17`), its exact name, or a part of the name
  /// found in only one program; within `year` when given. A name several years share needs the
  /// year or the number.
  public func findProgram(_ reference: String, year: Int? = nil) throws -> Program {
    try read { db in try Workspace.findProgram(reference, year: year, db) }
  }

  static func findProgram(_ reference: String, year: Int?, _ db: Database) throws -> Program {
    let text = KoreanText.clean(reference)
    if let id = Int64(text.trimmingCharacters(in: .init(charactersIn: "#"))),
      let program = try Program.fetchOne(db, key: id)
    {
      if let year, program.year != year {
        throw ValidationError([
          FieldError(
            field: "program",
            problem: .other(
              english:
                "#\(program.id) \(program.name) is a program of \(program.year), not \(year)",
              korean:
                "#\(program.id) \(program.name, .topic) \(year)년이 아니라 \(program.year)년 지원사업입니다"),
            value: reference)
        ])
      }
      return program
    }
    guard !text.isEmpty else {
      throw ValidationError([FieldError(field: "program", problem: .required)])
    }
    var request = Program.order(Column("year").desc, Column("name"))
    if let year { request = request.filter(Column("year") == year) }
    let all = try request.fetchAll(db)
    var found = all.filter { $0.name == text }
    if found.isEmpty {
      let wanted = KoreanText.nameKey(text)
      found = all.filter { KoreanText.nameKey($0.name).contains(wanted) }
    }
    if found.count == 1 { return found[0] }
    if found.isEmpty {
      let years = year.map { " (\($0))" } ?? ""
      throw WorkspaceError.recordNotFound(kind: "program", reference: "'\(reference)'\(years)")
    }
    let names = found.sorted { ($0.year, $0.id) < ($1.year, $1.id) }.prefix(6).map {
      "#\($0.id) \($0.name) (\($0.year))"
    }.joined(separator: ", ")
    throw ValidationError([
      FieldError(
        field: "program",
        problem: .other(
          english: "matches more than one program (\(names)); give the number or --year",
          korean: "여러 지원사업과 일치합니다 (\(names)). 번호나 --year를 쓰세요"),
        value: reference)
    ])
  }

  /// Checks the program's terms and adds it; a name is unique within its year.
  @discardableResult
  public func addProgram(_ program: Program) throws -> Program {
    try write { db in
      var program = try Workspace.checked(program, db)
      program.id = try Workspace.nextId("program", db)
      try program.insert(db)
      return program
    }
  }

  /// Saves changed terms of a program. `original` is the program as the user saw it: a change
  /// made meanwhile by someone else is refused. The budget cannot go below what is committed,
  /// and the year stays (next year's programs are copied, not moved).
  @discardableResult
  public func updateProgram(_ program: Program, original: Program) throws -> Program {
    try write { db in
      guard let current = try Program.fetchOne(db, key: original.id) else {
        throw WorkspaceError.recordNotFound(kind: "program", reference: "#\(original.id)")
      }
      guard current == original else {
        throw WorkspaceError.conflict(kind: "program", reference: "#\(original.id)")
      }
      var program = program
      program.id = current.id
      program.year = current.year
      program = try Workspace.checked(program, db)
      let figures = try Workspace.programFigures(current, db)
      if program.budgetKRW < figures.committedKRW {
        throw WorkspaceError.budgetBelowCommitted(
          program: program.name, year: program.year, budget: program.budgetKRW,
          committed: figures.committedKRW)
      }
      try program.update(db)
      return program
    }
  }

  /// A program cleaned and checked, with its name free within its year.
  static func checked(_ program: Program, _ db: Database) throws -> Program {
    let (program, problems) = program.checked()
    var errors = problems
    if !program.name.isEmpty,
      let other = try Program.filter(
        Column("year") == program.year && Column("name") == program.name
          && Column("id") != program.id
      ).fetchOne(db)
    {
      errors.append(
        FieldError(
          field: "programName",
          problem: .duplicate(of: "#\(other.id) \(other.name) (\(other.year))"),
          value: program.name))
    }
    if !errors.isEmpty { throw ValidationError(errors) }
    return program
  }

  /// Sets up `target`'s programs from `source`'s: the same names, categories and terms, budgets
  /// times `budgetScale` rounded to the nearest 10,000원, windows moved by the years between.
  /// Programs the target year already has (by name) are left as they are. One transaction.
  public func copyPrograms(from source: Int, to target: Int, budgetScale: Decimal = 1) throws
    -> ProgramCopy
  {
    var errors: [FieldError] = []
    if source == target {
      errors.append(
        FieldError(
          field: "copyTo",
          problem: .other(
            english: "is the year copied from", korean: "복사할 원본 연도와 같습니다"), value: String(target)))
    }
    if let error = Limits.check(target, Limits.programYear, "copyTo") { errors.append(error) }
    if budgetScale <= 0 || budgetScale > 100 {
      errors.append(
        FieldError(field: "budgetScale", problem: .outOfRange("0–100"), value: "\(budgetScale)"))
    }
    if !errors.isEmpty { throw ValidationError(errors) }
    return try write { db in
      let programs = try Program.filter(Column("year") == source).order(Column("id")).fetchAll(db)
      guard !programs.isEmpty else {
        throw WorkspaceError.recordNotFound(kind: "program", reference: "of \(source)")
      }
      let existing = Set(
        try String.fetchAll(db, sql: "SELECT name FROM program WHERE year = ?", arguments: [target])
      )
      var copy = ProgramCopy(copied: [], skipped: [])
      for program in programs {
        if existing.contains(program.name) {
          copy.skipped.append(program)
          continue
        }
        var next = program
        next.id = try Workspace.nextId("program", db)
        next.year = target
        next.budgetKRW = SupportRules.scaled(program.budgetKRW, by: budgetScale)
        next.opens = program.opens.map { $0.movingYears(by: target - source) }
        next.closes = program.closes.map { $0.movingYears(by: target - source) }
        next = try Workspace.checked(next, db)
        try next.insert(db)
        copy.copied.append(next)
      }
      return copy
    }
  }
}

extension Day {
  /// The same date `years` later (29 February becomes the 28th in a common year).
  public func movingYears(by years: Int) -> Day {
    Day(year: year + years, month: month, day: day)
      ?? Day(year: year + years, month: month, day: day - 1)!
  }
}

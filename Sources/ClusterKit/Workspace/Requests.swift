import Foundation
import GRDB

/// One line of a list of support requests.
public struct RequestRow: Hashable, Sendable, Identifiable {
  public var id: Int64
  public var memberId: Int64
  public var memberName: String
  public var programId: Int64
  public var programName: String
  public var programYear: Int
  public var title: String
  public var requestedKRW: KRW
  public var approvedKRW: KRW?
  public var status: RequestStatus
  public var submitted: Day?
  public var decided: Day?
  /// The instalments paid so far.
  public var disbursedKRW: KRW
  /// 중복지원: the member's earlier request to the same program that is still alive (not
  /// withdrawn or rejected), when there is one.
  public var duplicateOf: Int64?
}

public struct RequestFilter: Hashable, Sendable {
  public var status: RequestStatus?
  public var programId: Int64?
  public var memberId: Int64?
  public var year: Int?

  public init(
    status: RequestStatus? = nil, programId: Int64? = nil, memberId: Int64? = nil, year: Int? = nil
  ) {
    self.status = status
    self.programId = programId
    self.memberId = memberId
    self.year = year
  }
}

/// A change of a support request's status, with what it records.
public enum RequestDecision: Hashable, Sendable {
  /// Approve an amount; past the remaining budget or the member's cap only with an override
  /// reason.
  case approve(amount: KRW, overrideReason: String?)
  case reject(reason: String)
  /// Send a pending request back to its member as a draft.
  case askForChanges(reason: String)
  /// Submit a draft (on `date`, else the day of the call), within the program's window.
  case submit(date: Day?)
  /// Withdraw a request before its agreement is signed.
  case withdraw(reason: String)
  /// Record the agreement (협약) and the company's co-funding; below the program's share only
  /// with an override reason.
  case agree(cofunding: KRW, date: Day?, overrideReason: String?)
  /// Settle against the final report (정산), which completes the request. `returned`, when nil,
  /// is what the other amounts make it.
  case settle(spent: KRW, disallowed: KRW, returned: KRW?, reportDate: Day?)

  var target: RequestStatus {
    switch self {
    case .approve: .approved
    case .reject: .rejected
    case .askForChanges: .draft
    case .submit: .pending
    case .withdraw: .withdrawn
    case .agree: .agreed
    case .settle: .completed
    }
  }
}

/// What a change did, enough to undo it.
public struct RequestChange: Hashable, Sendable {
  public var before: SupportRequest
  public var after: SupportRequest
  /// The instalment a disbursement added (the request's own row does not change then).
  public var instalment: Instalment?
}

/// The visit difficulty a request answers, as found on the visit.
public struct AnsweredDifficulty: Hashable, Sendable {
  public var reference: DifficultyReference
  public var visitDate: Day
  public var difficulty: Difficulty
}

/// Everything about one request, in one read: what `requests show` prints and the dashboard's
/// request detail draws.
public struct RequestDetail: Sendable {
  public var request: SupportRequest
  public var member: Member
  public var program: ProgramFigures
  public var instalments: [Instalment]
  /// 중복지원: the member's other live requests to the same program made before this one.
  public var duplicates: [RequestRow]
  public var answers: AnsweredDifficulty?
  /// What the member already has under this program apart from this request (for its caps).
  public var memberInProgram: SupportTotals
  /// The member's other requests, newest first.
  public var history: [RequestRow]
  public var audit: [AuditEntry]

  public var disbursedKRW: KRW { instalments.map(\.amountKRW).reduce(0, +) }
  /// What is still to be paid of the approved amount (zero once settled).
  public var leftToDisburseKRW: KRW {
    request.status == .completed ? 0 : max(0, (request.approvedKRW ?? 0) - disbursedKRW)
  }
  /// The least co-funding the program's share asks for this request's support.
  public var minimumCofundingKRW: KRW {
    program.program.minimumCofunding(for: request.approvedKRW ?? request.requestedKRW)
  }
}

extension Workspace {
  // MARK: Intake and editing

  /// Checks and adds a request brought in by a member: a draft, or a pending request submitted
  /// on its `submitted` date (or `today`) within the program's window. The creation is in the
  /// audit log. A second live request from the member to the same program is allowed but
  /// flagged (see `duplicates(of:)`).
  @discardableResult
  public func addRequest(_ request: SupportRequest, today: Day? = nil) throws -> SupportRequest {
    try write { db in
      var request = request
      if request.status == .pending, request.submitted == nil, let today {
        request.submitted = today
      }
      var errors: [FieldError] = []
      if request.status != .draft && request.status != .pending {
        errors.append(
          FieldError(
            field: "status", problem: .unknownValue(allowed: ["draft", "pending"]),
            value: request.status.rawValue))
      }
      if request.status == .draft, let submitted = request.submitted {
        errors.append(
          FieldError(
            field: "submitted",
            problem: .other(
              english: "is set when a draft is submitted, not before",
              korean: "작성중인 신청에는 둘 수 없고 제출할 때 정해집니다"), value: submitted.description))
      }
      if request.status == .pending, request.submitted == nil {
        errors.append(FieldError(field: "submitted", problem: .required))
      }
      request = try Workspace.checkedRequest(request, today: today, extra: errors, db)
      request.approvedKRW = nil
      request.decided = nil
      request.reviewer = ""
      request.reason = ""
      request.agreement = nil
      request.settlement = nil
      request.id = try Workspace.nextRequestId(db)
      try request.insert(db)
      try Workspace.recordAudit(before: nil, after: request, actor: actor, db)
      return request
    }
  }

  /// Saves the edited fields of a draft or pending request (title, amounts, program, difficulty,
  /// and the submission date of a pending one). `original` is the request as the user saw it.
  @discardableResult
  public func updateRequest(_ request: SupportRequest, original: SupportRequest, today: Day? = nil)
    throws -> RequestChange
  {
    try write { db in
      guard let before = try SupportRequest.fetchOne(db, key: original.id) else {
        throw WorkspaceError.recordNotFound(kind: "request", reference: "#\(original.id)")
      }
      guard before == original else {
        throw WorkspaceError.conflict(kind: "request", reference: "#\(original.id)")
      }
      guard before.status.isEditable else {
        throw WorkspaceError.stepNotAllowed(request: before.id, status: before.status, step: .edit)
      }
      var after = before
      after.title = request.title
      after.requestedKRW = request.requestedKRW
      after.cofundingKRW = request.cofundingKRW
      after.programId = request.programId
      after.difficulty = request.difficulty
      if before.status == .pending { after.submitted = request.submitted ?? before.submitted }
      after = try Workspace.checkedRequest(after, today: today, db)
      try after.update(db)
      try Workspace.recordAudit(before: before, after: after, actor: actor, db)
      return RequestChange(before: before, after: after)
    }
  }

  /// A new or edited request cleaned and checked against its member, program, window and
  /// difficulty; every problem at once.
  static func checkedRequest(
    _ request: SupportRequest, today: Day?, extra: [FieldError] = [], _ db: Database
  ) throws -> SupportRequest {
    var (request, errors) = request.checked()
    errors = extra + errors
    if request.requestedKRW == 0 {
      // In the order of the form: the amount before the co-funding.
      let amount = FieldError(field: "amount", problem: SupportRules.positive, value: "0")
      errors.insert(amount, at: errors.firstIndex { $0.field == "cofunding" } ?? errors.endIndex)
    }
    let member = try Member.fetchOne(db, key: request.memberId)
    if member == nil {
      errors.append(FieldError(field: "member", problem: .notFound, value: "#\(request.memberId)"))
    } else if member?.status == .left {
      errors.append(
        FieldError(
          field: "member",
          problem: .other(english: "has left the cluster", korean: "탈퇴한 회원입니다"),
          value: member?.name))
    }
    let program = try Program.fetchOne(db, key: request.programId)
    if program == nil {
      errors.append(
        FieldError(field: "program", problem: .notFound, value: "#\(request.programId)"))
    }
    if let submitted = request.submitted, request.status == .pending {
      errors += SupportRules.checkDate(
        submitted, field: "submitted", notBefore: nil, earlierName: ("", ""), today: today)
    }
    if let difficulty = request.difficulty, let member {
      errors += try checkDifficulty(difficulty, member: member, db)
    }
    if !errors.isEmpty { throw ValidationError(errors) }
    if let program, let submitted = request.submitted, request.status == .pending,
      !program.accepts(submittedOn: submitted)
    {
      throw WorkspaceError.outsideWindow(
        program: program.name, year: program.year, day: submitted, opens: program.opens,
        closes: program.closes)
    }
    return request
  }

  /// Problems with a request's reference to a difficulty: the visit must be the member's and list
  /// that many difficulties.
  static func checkDifficulty(
    _ reference: DifficultyReference, member: Member, _ db: Database
  ) throws -> [FieldError] {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT v.memberId, (SELECT COUNT(*) FROM difficulty d WHERE d.visitId = v.id) AS n
          FROM visit v WHERE v.id = ?
          """, arguments: [reference.visitId])
    else {
      return [
        FieldError(
          field: "difficulty",
          problem: .other(
            english: "there is no visit #\(reference.visitId)",
            korean: "방문 #\(reference.visitId, .subject) 없습니다"), value: reference.description)
      ]
    }
    if row["memberId"] as Int64 != member.id {
      return [
        FieldError(
          field: "difficulty",
          problem: .other(
            english: "visit #\(reference.visitId) was to another member, not \(member.name)",
            korean: "방문 #\(reference.visitId, .topic) \(member.name, .subject) 아닌 다른 회원의 방문입니다"),
          value: reference.description)
      ]
    }
    let count: Int = row["n"]
    if reference.number > count {
      return [
        FieldError(
          field: "difficulty",
          problem: .other(
            english:
              "visit #\(reference.visitId) lists \(count) difficult\(count == 1 ? "y" : "ies")",
            korean: "방문 #\(reference.visitId)의 애로사항은 \(count)건입니다"),
          value: reference.description)
      ]
    }
    return []
  }

  // MARK: Reading

  public func request(id: Int64) throws -> SupportRequest? {
    try read { db in try Workspace.request(id: id, db) }
  }

  /// A request by its id, in SQL: the query interface looks the table's primary key up first,
  /// a schema read on every connection that has not cached it (a new reader, and the writer once
  /// its capture triggers changed its schema), which cost more than the rest of an approval.
  static func request(id: Int64, _ db: Database) throws -> SupportRequest? {
    try SupportRequest.fetchOne(
      db.cachedStatement(sql: "SELECT * FROM supportRequest WHERE id = ?"), arguments: [id])
  }

  public func requestCount(_ filter: RequestFilter) throws -> Int {
    try read { db in
      let clause = Workspace.requestClause(filter)
      return try Int.fetchOne(
        db.cachedStatement(sql: "SELECT COUNT(*) FROM supportRequest r WHERE \(clause.sql)"),
        arguments: clause.arguments)!
    }
  }

  static func requestClause(_ filter: RequestFilter) -> (sql: String, arguments: StatementArguments)
  {
    var parts: [String] = []
    var arguments: StatementArguments = []
    if let status = filter.status {
      parts.append("r.status = ?")
      _ = arguments.append(contentsOf: [status.rawValue])
    }
    if let programId = filter.programId {
      parts.append("r.programId = ?")
      _ = arguments.append(contentsOf: [programId])
    }
    if let memberId = filter.memberId {
      parts.append("r.memberId = ?")
      _ = arguments.append(contentsOf: [memberId])
    }
    if let year = filter.year {
      parts.append("r.programId IN (SELECT id FROM program WHERE year = ?)")
      _ = arguments.append(contentsOf: [year])
    }
    return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), arguments)
  }

  /// Requests matching a filter; pending ones oldest first (the review queue), others newest first.
  public func requestRows(_ filter: RequestFilter, offset: Int = 0, limit: Int = 500) throws
    -> [RequestRow]
  {
    try Array { try eachRequestRow(filter, offset: offset, limit: limit, $0) }
  }

  /// The same requests, handed to `body` a few hundred at a time as they are read: any number
  /// of them takes the same memory.
  public func eachRequestRow(
    _ filter: RequestFilter, offset: Int = 0, limit: Int = -1, _ body: (RequestRow) throws -> Void
  ) throws {
    try read { db in
      let clause = Workspace.requestClause(filter)
      let order =
        filter.status == .pending
        ? "r.submitted IS NULL, r.submitted, r.id" : "r.submitted DESC, r.id DESC"
      var arguments = clause.arguments
      _ = arguments.append(contentsOf: [limit, offset])
      guard filter.status != nil else {
        try Workspace.eachRequestRow(
          db, where: clause.sql, order: order, limit: "LIMIT ? OFFSET ?", arguments: arguments,
          body)
        return
      }
      // One status is walked in its index's order (`supportRequest_queue` for the pending,
      // `supportRequest_status` for the others), so one statement, prepared once, stops at the
      // window's end and reads the payments and the duplicate flag for its rows alone.
      let rows = try Row.fetchCursor(
        db.cachedStatement(
          sql: """
            SELECT \(Workspace.requestRowColumns), \(Workspace.requestRowFigures)
            FROM \(Workspace.requestRowTables)
            WHERE \(clause.sql) ORDER BY \(order) LIMIT ? OFFSET ?
            """), arguments: arguments)
      while let row = try rows.next() { try body(Workspace.requestRow(row)) }
    }
  }

  /// Rows for a WHERE clause over `supportRequest r`; the payments and the duplicate flag are read
  /// for the rows of the window only.
  static func requestRows(
    _ db: Database, where condition: String, order: String, limit: String = "",
    arguments: StatementArguments
  ) throws -> [RequestRow] {
    try Array {
      try eachRequestRow(
        db, where: condition, order: order, limit: limit, arguments: arguments, $0)
    }
  }

  /// The same rows handed to `body` as they are read, their payments and duplicate flags read
  /// for a batch of them at a time.
  static func eachRequestRow(
    _ db: Database, where condition: String, order: String, limit: String = "",
    arguments: StatementArguments, _ body: (RequestRow) throws -> Void
  ) throws {
    let cursor = try Row.fetchCursor(
      db,
      sql: """
        SELECT \(requestRowColumns) FROM \(requestRowTables)
        WHERE \(condition) ORDER BY \(order) \(limit)
        """, arguments: arguments)
    var rows: [RequestRow] = []
    func handOn() throws {
      try completeRequestRows(&rows, db)
      for row in rows { try body(row) }
      rows.removeAll(keepingCapacity: true)
    }
    while let row = try cursor.next() {
      rows.append(requestRow(row))
      if rows.count == 500 { try handOn() }
    }
    try handOn()
  }

  /// The columns of a `RequestRow` over `requestRowTables`, in the order `requestRow` reads them.
  static let requestRowColumns = """
    r.id, r.memberId, m.name AS memberName, r.programId, p.name AS programName,
    p.year AS programYear, r.title, r.requestedKRW, r.approvedKRW, r.status, r.submitted, r.decided
    """
  static let requestRowTables = """
    supportRequest r JOIN member m ON m.id = r.memberId JOIN program p ON p.id = r.programId
    """

  /// The payments and the duplicate flag of the row's request, as two more columns over
  /// `supportRequest r`: after `requestRowColumns` for a window read in an index's order (the
  /// statement stops at the window's end and reads them for its rows alone), and for a batch of
  /// a longer list (`completeRequestRows`).
  static let requestRowFigures = """
    (SELECT IFNULL(SUM(i.amountKRW), 0) FROM instalment i WHERE i.requestId = r.id) AS paid,
    (SELECT MIN(o.id) FROM supportRequest o
     WHERE o.memberId = r.memberId AND o.programId = r.programId AND o.id < r.id
       AND o.status NOT IN ('withdrawn', 'rejected')) AS earlier
    """

  /// A request's row from `requestRowColumns` (by position: by name, the lookups cost as much as
  /// the rest of a long list's reading), with `requestRowFigures` after them when selected.
  static func requestRow(_ row: Row) -> RequestRow {
    let figures = row.count > 12
    return RequestRow(
      id: row[0], memberId: row[1], memberName: row[2], programId: row[3],
      programName: row[4], programYear: row[5], title: row[6], requestedKRW: row[7],
      approvedKRW: row[8], status: row[9], submitted: row[10], decided: row[11],
      disbursedKRW: figures ? row[12] : 0, duplicateOf: figures ? row[13] : nil)
  }

  /// Reads the payments and the duplicate flag of at most 500 rows.
  private static func completeRequestRows(_ rows: inout [RequestRow], _ db: Database) throws {
    guard !rows.isEmpty else { return }
    var index: [Int64: Int] = [:]
    for (i, row) in rows.enumerated() { index[row.id] = i }
    let ids = StatementArguments(rows.map(\.id))
    let placeholders = databaseQuestionMarks(count: rows.count)
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT r.id, \(requestRowFigures) FROM supportRequest r WHERE r.id IN (\(placeholders))
        """, arguments: ids)
    {
      let i = index[row[0]]!
      rows[i].disbursedKRW = row[1]
      rows[i].duplicateOf = row[2]
    }
  }

  /// 중복지원: the member's live requests (not withdrawn or rejected) to the same program, made
  /// before this one; for a request not yet saved (id 0), all of them.
  public func duplicates(of request: SupportRequest) throws -> [RequestRow] {
    try read { db in try Workspace.duplicates(of: request, db) }
  }

  static func duplicates(of request: SupportRequest, _ db: Database) throws -> [RequestRow] {
    try requestRows(
      db,
      where: """
        r.memberId = ? AND r.programId = ? AND r.status NOT IN ('withdrawn', 'rejected')
        AND (? = 0 OR r.id < ?)
        """, order: "r.id",
      arguments: [request.memberId, request.programId, request.id, request.id])
  }

  /// What a reviewer should hear about a request just entered or edited: 중복지원 (naming the
  /// earlier request), and a planned co-funding below the program's share.
  public func intakeWarnings(_ request: SupportRequest, _ l: Language) throws -> [String] {
    let (program, member, duplicates) = try read { db in
      (
        try Workspace.programFigures(id: request.programId, db).program,
        try String.fetchOne(
          db, sql: "SELECT name FROM member WHERE id = ?", arguments: [request.memberId])
          ?? "#\(request.memberId)",
        try Workspace.duplicates(of: request, db)
      )
    }
    var warnings = duplicates.map { earlier in
      l.pick(
        "중복지원: \(member) already has request #\(earlier.id) (\(earlier.status.english)) under \(Document.programName(program)).",
        "중복지원: \(member, .topic) \(Document.programName(program))에 이미 신청 #\(earlier.id)(\(earlier.status.korean))\(Particle.subject.after(earlier.id)) 있습니다."
      )
    }
    let minimum = program.minimumCofunding(for: request.requestedKRW)
    if let planned = request.cofundingKRW, planned < minimum {
      warnings.append(
        l.pick(
          "Note: the planned co-funding \(Money.format(planned)) is below the \(program.cofundingPercent)% share; the agreement will need at least \(Money.format(minimum)) for \(Money.format(request.requestedKRW)).",
          "참고: 계획 자부담 \(Money.format(planned), .topic) 자부담 비율 \(program.cofundingPercent)%에 못 미칩니다. \(Money.format(request.requestedKRW))이면 협약 때 최소 \(Money.format(minimum))이 필요합니다."
        ))
    }
    return warnings
  }

  /// What the member already has under a program apart from one request (for its caps): the
  /// figures the approve form shows beside the member's cap.
  public func memberSupport(memberId: Int64, programId: Int64, excluding requestId: Int64)
    throws -> SupportTotals
  {
    try read { db in
      try Workspace.totals(
        where: "r.memberId = ? AND r.programId = ? AND r.id <> ?",
        arguments: [memberId, programId, requestId], db)
    }
  }

  /// What showing or deciding on a request needs, in one read; nil when there is no such request.
  public func requestDetail(id: Int64) throws -> RequestDetail? {
    try read { db in
      guard let request = try SupportRequest.fetchOne(db, key: id),
        let member = try Member.fetchOne(db, key: request.memberId)
      else { return nil }
      var answers: AnsweredDifficulty?
      if let reference = request.difficulty,
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT v.date, d.category, d.text FROM visit v
            JOIN difficulty d ON d.visitId = v.id AND d.position = ?
            WHERE v.id = ?
            """, arguments: [reference.number - 1, reference.visitId])
      {
        answers = AnsweredDifficulty(
          reference: reference, visitDate: row["date"],
          difficulty: Difficulty(category: row["category"], text: row["text"]))
      }
      return RequestDetail(
        request: request, member: member,
        program: try Workspace.programFigures(id: request.programId, db),
        instalments: try Instalment.filter(Column("requestId") == id)
          .order(Column("date"), Column("id")).fetchAll(db),
        duplicates: try Workspace.duplicates(of: request, db), answers: answers,
        memberInProgram: try Workspace.totals(
          where: "r.memberId = ? AND r.programId = ? AND r.id <> ?",
          arguments: [request.memberId, request.programId, request.id], db),
        history: try Workspace.requestRows(
          db, where: "r.memberId = ? AND r.id <> ?", order: "r.submitted DESC, r.id DESC",
          limit: "LIMIT 100", arguments: [request.memberId, request.id]),
        audit: try AuditEntry.filter(Column("requestId") == id).order(Column("id")).fetchAll(db))
    }
  }

  /// What deciding a request needs to show, in one read: the request, its member's name and its
  /// program's figures. nil when there is no such request.
  public func decisionContext(requestId: Int64) throws -> (
    request: SupportRequest, memberName: String, budget: ProgramFigures
  )? {
    try read { db in
      guard let request = try Workspace.request(id: requestId, db) else { return nil }
      let name = try String.fetchOne(
        db, sql: "SELECT name FROM member WHERE id = ?", arguments: [request.memberId])
      return (request, name ?? "", try Workspace.programFigures(id: request.programId, db))
    }
  }

  /// The limits approving `amount` for a request would go past now (the program's remaining
  /// budget, the member's caps); empty when the approval needs no override.
  public func approvalLimits(requestId: Int64, amount: KRW) throws -> [ApprovalLimit] {
    try read { db in
      let request = try Workspace.current(requestId, expected: nil, db)
      return try Workspace.approvalLimits(
        request, amount: amount, figures: try Workspace.programFigures(id: request.programId, db),
        db)
    }
  }

  public func instalments(requestId: Int64) throws -> [Instalment] {
    try read { db in
      try Instalment.filter(Column("requestId") == requestId).order(Column("date"), Column("id"))
        .fetchAll(db)
    }
  }

  public func auditLog(requestId: Int64? = nil, limit: Int = 10_000) throws -> [AuditEntry] {
    try read { db in
      var request = AuditEntry.order(Column("id"))
      if let requestId { request = request.filter(Column("requestId") == requestId) }
      return try request.limit(limit).fetchAll(db)
    }
  }

  // MARK: Steps

  /// Moves a request one step (`decision`) as one action, on `day` (today): checks the step is
  /// allowed from the current status and everything the step asks (amounts, dates, the budget and
  /// the member's caps on approval, the co-funding share on agreement, the arithmetic of a
  /// settlement), then records every changed field in the audit log. The checks and the write
  /// are one immediate write transaction, so two people approving at the same moment see each
  /// other's approvals and cannot together go past a budget or a cap. `expected` (the request as
  /// the user saw it) refuses a step on something another user changed meanwhile.
  @discardableResult
  public func decide(
    requestId: Int64, _ decision: RequestDecision, on day: Day, expected: SupportRequest? = nil
  ) throws -> RequestChange {
    try write { db in
      let before = try Workspace.current(requestId, expected: expected, db)
      guard before.status.canMove(to: decision.target) else {
        throw WorkspaceError.invalidTransition(
          request: requestId, from: before.status, to: decision.target)
      }
      let figures = try Workspace.programFigures(id: before.programId, db)
      let program = figures.program
      var after = before
      after.status = decision.target
      func check(_ errors: [FieldError]) throws {
        if !errors.isEmpty { throw ValidationError(errors) }
      }
      switch decision {
      case .approve(let amount, let overrideReason):
        // Approving nothing is not a decision anyone means; turning a request down is rejecting.
        guard amount > 0 else {
          throw ValidationError([
            FieldError(
              field: "amount",
              problem: .other(
                english: "must be more than 0; to turn the request down, reject it",
                korean: "0보다 커야 합니다. 지원하지 않으려면 반려하세요"),
              value: String(amount))
          ])
        }
        guard amount <= before.requestedKRW else {
          throw WorkspaceError.overRequested(amount: amount, requested: before.requestedKRW)
        }
        try check(
          SupportRules.checkDate(
            day, field: "date", notBefore: before.submitted, earlierName: ("submission", "신청일"),
            today: nil))
        let limits = try Workspace.approvalLimits(before, amount: amount, figures: figures, db)
        let reason = overrideReason.map(KoreanText.clean) ?? ""
        if !limits.isEmpty, reason.isEmpty {
          throw WorkspaceError.overLimits(request: requestId, limits: limits)
        }
        after.approvedKRW = amount
        after.decided = day
        after.reviewer = actor
        after.reason = reason
      case .reject(let reason), .askForChanges(let reason), .withdraw(let reason):
        let reason = KoreanText.clean(reason)
        if reason.isEmpty {
          throw ValidationError([FieldError(field: "reason", problem: .required)])
        }
        if case .reject = decision {
          try check(
            SupportRules.checkDate(
              day, field: "date", notBefore: before.submitted, earlierName: ("submission", "신청일"),
              today: nil))
        }
        after.reason = reason
        after.decided = decision.target == .draft ? nil : day
        after.reviewer = actor
      case .submit(let date):
        let date = date ?? day
        try check(
          SupportRules.checkDate(
            date, field: "date", notBefore: nil, earlierName: ("", ""), today: day))
        guard program.accepts(submittedOn: date) else {
          throw WorkspaceError.outsideWindow(
            program: program.name, year: program.year, day: date, opens: program.opens,
            closes: program.closes)
        }
        after.submitted = date
      case .agree(let cofunding, let date, let overrideReason):
        let date = date ?? day
        var errors = SupportRules.checkDate(
          date, field: "date", notBefore: before.decided, earlierName: ("approval", "승인일"),
          today: day)
        if cofunding < 0 {
          errors.append(
            FieldError(field: "cofunding", problem: .negative, value: String(cofunding)))
        }
        try check(errors)
        let support = before.approvedKRW ?? 0
        let minimum = program.minimumCofunding(for: support)
        let reason = overrideReason.map(KoreanText.clean) ?? ""
        if cofunding < minimum, reason.isEmpty {
          throw WorkspaceError.cofundingBelowShare(
            request: requestId, program: program.name, percent: program.cofundingPercent,
            support: support, cofunding: cofunding, minimum: minimum)
        }
        after.agreement = Agreement(
          date: date, cofundingKRW: cofunding, overrideReason: cofunding < minimum ? reason : "")
      case .settle(let spent, let disallowed, let returned, let reportDate):
        let date = reportDate ?? day
        let paid = try Instalment.filter(Column("requestId") == requestId).fetchAll(db)
        let lastStep = (paid.map(\.date) + [before.agreement?.date].compactMap { $0 }).max()
        try check(
          SupportRules.checkDate(
            date, field: "reportDate", notBefore: lastStep,
            earlierName: ("last instalment or the agreement", "마지막 교부일 또는 협약일"), today: day))
        after.settlement = try SupportRules.settle(
          disbursed: paid.map(\.amountKRW).reduce(0, +), spent: spent, disallowed: disallowed,
          returned: returned, reportDate: date)
      }
      try Workspace.writeStep(after, db)
      try Workspace.recordAudit(before: before, after: after, actor: actor, db)
      return RequestChange(before: before, after: after)
    }
  }

  /// Pays an instalment (교부) of an agreed request, on `date` (else `today`); the instalments
  /// never add up to more than the approved amount.
  @discardableResult
  public func disburse(
    requestId: Int64, amount: KRW, date: Day? = nil, on today: Day,
    expected: SupportRequest? = nil
  ) throws -> RequestChange {
    try write { db in
      let request = try Workspace.current(requestId, expected: expected, db)
      guard request.status == .agreed else {
        throw WorkspaceError.stepNotAllowed(
          request: requestId, status: request.status, step: .disburse)
      }
      let date = date ?? today
      var errors = SupportRules.checkDate(
        date, field: "date", notBefore: request.agreement?.date,
        earlierName: ("agreement", "협약일"), today: today)
      if amount <= 0 {
        errors.append(
          FieldError(field: "amount", problem: SupportRules.positive, value: String(amount)))
      }
      if !errors.isEmpty { throw ValidationError(errors) }
      let paid =
        try KRW.fetchOne(
          db, sql: "SELECT IFNULL(SUM(amountKRW), 0) FROM instalment WHERE requestId = ?",
          arguments: [requestId]) ?? 0
      let approved = request.approvedKRW ?? 0
      let (total, overflow) = paid.addingReportingOverflow(amount)
      if overflow || total > approved {
        throw WorkspaceError.overDisbursed(
          request: requestId, amount: amount, disbursed: paid, approved: approved)
      }
      let instalment = Instalment(
        id: try Workspace.nextId("instalment", db), requestId: requestId, date: date,
        amountKRW: amount)
      try instalment.insert(db)
      try Workspace.recordAudit(
        before: request, after: request, actor: actor, db,
        extra: [(AuditEntry.instalmentField, "", instalment.auditText)])
      return RequestChange(before: request, after: request, instalment: instalment)
    }
  }

  /// Writes the columns a step changes (the status, the submission and the decision, the
  /// agreement and the settlement) in SQL: a record's update looks the table's primary key up
  /// first, a schema read inside the write transaction.
  static func writeStep(_ r: SupportRequest, _ db: Database) throws {
    try db.cachedStatement(
      sql: """
        UPDATE supportRequest SET status = ?, submitted = ?, approvedKRW = ?, decided = ?,
          reviewer = ?, reason = ?, agreedOn = ?, agreedCofundingKRW = ?, agreementOverride = ?,
          reportDate = ?, spentKRW = ?, disallowedKRW = ?, returnedKRW = ?
        WHERE id = ?
        """
    ).execute(arguments: [
      r.status, r.submitted, r.approvedKRW, r.decided, r.reviewer, r.reason, r.agreement?.date,
      r.agreement?.cofundingKRW, r.agreement?.overrideReason ?? "", r.settlement?.reportDate,
      r.settlement?.spentKRW, r.settlement?.disallowedKRW, r.settlement?.returnedKRW, r.id,
    ])
  }

  /// The request as stored, refused when it is not what the user saw.
  static func current(_ id: Int64, expected: SupportRequest?, _ db: Database) throws
    -> SupportRequest
  {
    guard let request = try Workspace.request(id: id, db) else {
      throw WorkspaceError.recordNotFound(kind: "request", reference: "#\(id)")
    }
    if let expected, expected != request {
      throw WorkspaceError.conflict(kind: "request", reference: "#\(id)")
    }
    return request
  }

  /// The limits approving `amount` for `request` would go past: the program's remaining budget,
  /// and the member's cap (an amount, a number of approved requests) under the program.
  static func approvalLimits(
    _ request: SupportRequest, amount: KRW, figures: ProgramFigures, _ db: Database
  ) throws -> [ApprovalLimit] {
    var limits: [ApprovalLimit] = []
    let program = figures.program
    if amount > figures.remainingKRW {
      limits.append(.budget(program: program.name, amount: amount, remaining: figures.remainingKRW))
    }
    guard program.hasMemberCap else { return limits }
    let mine = try totals(
      where: "r.memberId = ? AND r.programId = ? AND r.id <> ?",
      arguments: [request.memberId, program.id, request.id], db)
    let member =
      try String.fetchOne(
        db, sql: "SELECT name FROM member WHERE id = ?", arguments: [request.memberId]) ?? ""
    if let cap = program.memberCapKRW, mine.committedKRW + amount > cap {
      limits.append(
        .memberCapAmount(
          member: member, program: program.name, cap: cap, already: mine.committedKRW,
          amount: amount))
    }
    if let cap = program.memberCapCount, mine.approvedCount + 1 > cap {
      limits.append(
        .memberCapCount(
          member: member, program: program.name, cap: cap, already: mine.approvedCount)
      )
    }
    return limits
  }

  /// Writes one audit entry per changed field of a request (its status, from empty, for a new
  /// one), plus `extra` entries for records that are not the request's own row (instalments),
  /// each chained to the one before (`appendAudit`).
  static func recordAudit(
    before: SupportRequest?, after: SupportRequest, actor: String, _ db: Database,
    extra: [(String, String, String)] = []
  ) throws {
    let at = Day.timestamp()
    let fields = AuditEntry.changes(from: before, to: after) + extra
    for (field, old, new) in fields where old != new {
      try appendAudit(
        AuditEntry(
          requestId: after.id, at: at, actor: actor, field: field, before: old, after: new), db)
    }
  }
}

import Foundation
import GRDB

/// A program's budget as approved, pending and remaining money.
public struct ProgramBudget: Hashable, Sendable {
  public var program: Program
  /// Approved amounts of approved and completed requests.
  public var approvedKRW: KRW
  /// Requested amounts of pending requests.
  public var pendingKRW: KRW
  public var approvedCount: Int
  public var pendingCount: Int
  public var requestCount: Int
  public var remainingKRW: KRW { program.budgetKRW - approvedKRW }
}

/// One line of a list of support requests.
public struct RequestRow: Hashable, Sendable, Identifiable {
  public var id: Int64
  public var memberId: Int64
  public var memberName: String
  public var programName: String
  public var title: String
  public var requestedKRW: KRW
  public var approvedKRW: KRW?
  public var status: RequestStatus
  public var submitted: Day?
  public var decided: Day?
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

/// A decision on a support request.
public enum RequestDecision: Hashable, Sendable {
  /// Approve an amount; over the remaining budget only with an override reason.
  case approve(amount: KRW, overrideReason: String?)
  case reject(reason: String)
  /// Send a pending request back to its member as a draft.
  case askForChanges(reason: String)
  case submit
  case withdraw(reason: String)
  case complete

  var target: RequestStatus {
    switch self {
    case .approve: .approved
    case .reject: .rejected
    case .askForChanges: .draft
    case .submit: .pending
    case .withdraw: .withdrawn
    case .complete: .completed
    }
  }
}

/// What a decision changed, enough to undo it.
public struct RequestChange: Hashable, Sendable {
  public var before: SupportRequest
  public var after: SupportRequest
}

extension Workspace {
  @discardableResult
  public func addProgram(_ program: Program) throws -> Program {
    try write { db in
      var program = try program.validated()
      program.id = try Workspace.nextId("program", db)
      try program.insert(db)
      return program
    }
  }

  public func programs(year: Int? = nil) throws -> [Program] {
    try read { db in
      var request = Program.order(Column("year").desc, Column("name"))
      if let year { request = request.filter(Column("year") == year) }
      return try request.fetchAll(db)
    }
  }

  public func findProgram(_ reference: String, year: Int? = nil) throws -> Program {
    try read { db in
      let text = KoreanText.clean(reference)
      if let id = Int64(text), let program = try Program.fetchOne(db, key: id) { return program }
      var request = Program.filter(Column("name") == text)
      if let year { request = request.filter(Column("year") == year) }
      let found = try request.order(Column("year").desc).fetchAll(db)
      guard let first = found.first else {
        throw WorkspaceError.recordNotFound(kind: "program", reference: "'\(reference)'")
      }
      return first
    }
  }

  @discardableResult
  public func addRequest(_ request: SupportRequest) throws -> SupportRequest {
    try write { db in
      var (request, errors) = request.checked()
      if try !Member.exists(db, key: request.memberId) {
        errors.append(FieldError(field: "member", problem: .notFound))
      }
      if try !Program.exists(db, key: request.programId) {
        errors.append(FieldError(field: "program", problem: .notFound))
      }
      if request.status != .draft && request.status != .pending {
        errors.append(
          FieldError(field: "status", problem: .unknownValue(allowed: ["draft", "pending"])))
      }
      if !errors.isEmpty { throw ValidationError(errors) }
      request.id = try Workspace.nextId("supportRequest", db)
      try request.insert(db)
      return request
    }
  }

  public func request(id: Int64) throws -> SupportRequest? {
    try read { db in try SupportRequest.fetchOne(db, key: id) }
  }

  public func requestCount(_ filter: RequestFilter) throws -> Int {
    try read { db in
      let clause = Workspace.requestClause(filter)
      return try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM supportRequest r WHERE \(clause.sql)",
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
    try read { db in
      let clause = Workspace.requestClause(filter)
      let order =
        filter.status == .pending
        ? "r.submitted IS NULL, r.submitted, r.id" : "r.submitted DESC, r.id DESC"
      var arguments = clause.arguments
      _ = arguments.append(contentsOf: [limit, offset])
      return try Row.fetchAll(
        db,
        sql: """
          SELECT r.id, r.memberId, m.name AS memberName, p.name AS programName, r.title,
                 r.requestedKRW, r.approvedKRW, r.status, r.submitted, r.decided
          FROM supportRequest r JOIN member m ON m.id = r.memberId JOIN program p ON p.id = r.programId
          WHERE \(clause.sql) ORDER BY \(order) LIMIT ? OFFSET ?
          """, arguments: arguments
      ).map { row in
        RequestRow(
          id: row["id"], memberId: row["memberId"], memberName: row["memberName"],
          programName: row["programName"], title: row["title"], requestedKRW: row["requestedKRW"],
          approvedKRW: row["approvedKRW"], status: row["status"], submitted: row["submitted"],
          decided: row["decided"])
      }
    }
  }

  static func budget(programId: Int64, _ db: Database) throws -> ProgramBudget {
    guard let program = try Program.fetchOne(db, key: programId) else {
      throw WorkspaceError.recordNotFound(kind: "program", reference: "#\(programId)")
    }
    let row = try Row.fetchOne(
      db,
      sql: """
        SELECT IFNULL(SUM(CASE WHEN status IN ('approved', 'completed') THEN approvedKRW END), 0) AS approved,
               IFNULL(SUM(CASE WHEN status = 'pending' THEN requestedKRW END), 0) AS pending,
               IFNULL(SUM(status IN ('approved', 'completed')), 0) AS approvedCount,
               IFNULL(SUM(status = 'pending'), 0) AS pendingCount,
               COUNT(*) AS requestCount
        FROM supportRequest WHERE programId = ?
        """, arguments: [programId])!
    // Figures past the ranges (written before they were checked) are refused here, so that no
    // screen doing arithmetic with them can overflow.
    let approved: KRW = row["approved"]
    let pending: KRW = row["pending"]
    guard Limits.supportKRW.contains(program.budgetKRW), approved <= Money.maximum,
      pending <= Money.maximum
    else { throw WorkspaceError.sumTooLarge }
    return ProgramBudget(
      program: program, approvedKRW: approved, pendingKRW: pending,
      approvedCount: row["approvedCount"], pendingCount: row["pendingCount"],
      requestCount: row["requestCount"])
  }

  /// What deciding a request needs to show, in one read: the request, its member's name and its
  /// program's budget. nil when there is no such request.
  public func decisionContext(requestId: Int64) throws -> (
    request: SupportRequest, memberName: String, budget: ProgramBudget
  )? {
    try read { db in
      guard let request = try SupportRequest.fetchOne(db, key: requestId) else { return nil }
      let name = try String.fetchOne(
        db, sql: "SELECT name FROM member WHERE id = ?", arguments: [request.memberId])
      return (request, name ?? "", try Workspace.budget(programId: request.programId, db))
    }
  }

  public func budget(programId: Int64) throws -> ProgramBudget {
    try read { db in try Workspace.budget(programId: programId, db) }
  }

  public func budgets(year: Int) throws -> [ProgramBudget] {
    try read { db in
      try Int64.fetchAll(
        db, sql: "SELECT id FROM program WHERE year = ? ORDER BY name", arguments: [year]
      )
      .map { try Workspace.budget(programId: $0, db) }
    }
  }

  public func auditLog(requestId: Int64? = nil, limit: Int = 10_000) throws -> [AuditEntry] {
    try read { db in
      var request = AuditEntry.order(Column("id"))
      if let requestId { request = request.filter(Column("requestId") == requestId) }
      return try request.limit(limit).fetchAll(db)
    }
  }

  /// Applies a decision as one action: checks the status transition and, for an approval, the
  /// amount against the request and the program's remaining budget; records every changed field
  /// in the audit log. `expected` (the request as the reviewer saw it) guards against deciding on
  /// something another user changed meanwhile.
  @discardableResult
  public func decide(
    requestId: Int64, _ decision: RequestDecision, on day: Day, expected: SupportRequest? = nil
  ) throws -> RequestChange {
    try write { db in
      guard let before = try SupportRequest.fetchOne(db, key: requestId) else {
        throw WorkspaceError.recordNotFound(kind: "request", reference: "#\(requestId)")
      }
      if let expected, expected != before {
        throw WorkspaceError.conflict(kind: "request", reference: "#\(requestId)")
      }
      guard before.status.canMove(to: decision.target) else {
        throw WorkspaceError.invalidTransition(
          request: requestId, from: before.status, to: decision.target)
      }
      var after = before
      after.status = decision.target
      switch decision {
      case .approve(let amount, let overrideReason):
        guard amount >= 0 else {
          throw ValidationError([FieldError(field: "amount", problem: .negative)])
        }
        // Approving nothing is not a decision anyone means; turning a request down is rejecting.
        guard amount > 0 else {
          throw ValidationError([
            FieldError(
              field: "amount",
              problem: .other(
                english: "must be more than 0; to turn the request down, reject it",
                korean: "0보다 커야 합니다. 지원하지 않으려면 반려하세요"),
              value: "0")
          ])
        }
        guard amount <= before.requestedKRW else {
          throw WorkspaceError.overRequested(amount: amount, requested: before.requestedKRW)
        }
        let budget = try Workspace.budget(programId: before.programId, db)
        let reason = overrideReason.map(KoreanText.clean) ?? ""
        if amount > budget.remainingKRW {
          guard !reason.isEmpty else {
            throw WorkspaceError.overBudget(
              program: budget.program.name, amount: amount, remaining: budget.remainingKRW)
          }
        }
        after.approvedKRW = amount
        after.decided = day
        after.reviewer = actor
        after.reason = reason
      case .reject(let reason), .askForChanges(let reason), .withdraw(let reason):
        let reason = KoreanText.clean(reason)
        if case .withdraw = decision {
        } else if reason.isEmpty {
          throw ValidationError([FieldError(field: "reason", problem: .required)])
        }
        after.reason = reason
        after.decided = decision.target == .draft ? nil : day
        after.reviewer = actor
      case .submit:
        after.submitted = day
      case .complete:
        break
      }
      try after.update(db)
      try Workspace.recordAudit(before: before, after: after, actor: actor, db)
      return RequestChange(before: before, after: after)
    }
  }

  /// Puts a request back as it was before a change, if nobody changed it since; the reversal is
  /// itself recorded in the audit log.
  public func undo(_ change: RequestChange) throws {
    try write { db in
      guard let current = try SupportRequest.fetchOne(db, key: change.after.id) else {
        throw WorkspaceError.recordNotFound(kind: "request", reference: "#\(change.after.id)")
      }
      guard current == change.after else {
        throw WorkspaceError.conflict(kind: "request", reference: "#\(current.id)")
      }
      try change.before.update(db)
      try Workspace.recordAudit(before: current, after: change.before, actor: actor, db)
    }
  }

  /// Records in the audit log every field a change of a request changed, each entry chained to
  /// the one before (`appendAudit`).
  static func recordAudit(
    before: SupportRequest, after: SupportRequest, actor: String, _ db: Database
  ) throws {
    let at = ISO8601DateFormatter().string(from: Date())
    for (field, value) in SupportRequest.audited where value(before) != value(after) {
      try appendAudit(
        AuditEntry(
          requestId: after.id, at: at, actor: actor, field: field, before: value(before),
          after: value(after)),
        db)
    }
  }
}

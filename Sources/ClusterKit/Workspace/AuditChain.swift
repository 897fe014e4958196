import GRDB

/// The audit log as a hash chain: each entry's `hash` is SHA-256 over the hash of the entry
/// before it and every field of its own, so changing, removing or inserting an entry anywhere
/// breaks the chain from there on. It detects a history rewritten by someone who does not
/// recompute the chain (an edited export, a file changed with `sqlite3`); it cannot stop someone
/// who knows the algorithm from recomputing every hash after a change — for that, compare the
/// fingerprint `clusterdesk audit --verify` prints with one kept outside the workspace.
public enum AuditChain {
  /// What the first entry is chained to.
  static let genesis = String(repeating: "0", count: 64)

  /// The hash of an entry that follows the entry whose hash is `previous`. Every field is
  /// written with its length, so no two different entries give the same bytes.
  static func hash(_ entry: AuditEntry, after previous: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(256)
    bytes += "clusterdesk-audit-1\n".utf8
    bytes += previous.utf8
    bytes.append(0x0A)
    for field in [
      String(entry.id), entry.requestId.map(String.init) ?? "", entry.at, entry.actor, entry.field,
      entry.before,
      entry.after,
    ] {
      bytes += String(field.utf8.count).utf8
      bytes.append(UInt8(ascii: ":"))
      bytes += field.utf8
      bytes.append(0x0A)
    }
    return SHA256.hex(bytes)
  }

  /// The entries, in their order, with the chain computed from the start.
  static func sealed(_ entries: [AuditEntry]) -> [AuditEntry] {
    var previous = genesis
    return entries.map { entry in
      var entry = entry
      entry.hash = hash(entry, after: previous)
      previous = entry.hash!
      return entry
    }
  }

  /// The position of the first entry whose hash does not fit the chain, nil when all do.
  static func firstBreak(_ entries: [AuditEntry]) -> Int? {
    var previous = genesis
    for (index, entry) in entries.enumerated() {
      let expected = hash(entry, after: previous)
      guard entry.hash == expected else { return index }
      previous = expected
    }
    return nil
  }

  /// True when two fingerprints are the same, ignoring case, spaces and hyphens.
  static func sameFingerprint(_ a: String, _ b: String) -> Bool {
    func digits(_ text: String) -> String { text.lowercased().filter(\.isHexDigit) }
    return !digits(a).isEmpty && digits(a) == digits(b)
  }

  /// A short form of a hash to write down and compare later: `3f2a-9c01-77be-d4e8`.
  public static func fingerprint(_ hash: String) -> String {
    let head = Array(hash.prefix(16))
    return stride(from: 0, to: head.count, by: 4).map { String(head[$0..<min($0 + 4, head.count)]) }
      .joined(separator: "-")
  }

  /// Problems of requests whose current state does not agree with their audit history: each
  /// audited field's entries (`AuditEntry.requestFields`) must follow one another (one entry's
  /// `before` is the `after` of the one before), the last must say what the request says now, a
  /// request that was decided must have its decision recorded and an approved one its amount,
  /// and the instalments paid and taken back must be the request's instalments. Errors name a
  /// request and an entry by their positions in a document (`requests[3]`, `audit[7]`), or with
  /// `byId` as they are in a workspace (`request #64`, `audit #7`). One pass over the log.
  static func historyProblems(
    requests: [SupportRequest], instalments: [Instalment], audit: [AuditEntry],
    byId: Bool = false
  ) -> [FieldError] {
    func requestPlace(_ index: Int) -> String {
      byId ? "request #\(requests[index].id)" : "requests[\(index)]"
    }
    func entryPlace(_ index: Int) -> String {
      byId ? "audit #\(audit[index].id)" : "audit[\(index)]"
    }
    let fieldNumber = Dictionary(
      uniqueKeysWithValues: AuditEntry.requestFields.enumerated().map { ($1, $0) })
    /// Per request: the first and last entry of each field (by its number), the instalments
    /// the log says are paid, and whether its intake was last undone (`recordField`).
    struct Trail {
      var first: [Int: Int] = [:]
      var last: [Int: Int] = [:]
      var paid: [String: Int] = [:]
      var removed = false
      var latest = 0
    }
    var trails: [Int64: Trail] = [:]
    var errors: [FieldError] = []
    for (index, entry) in audit.enumerated() {
      // An entry of no request (a merge of members) follows no request's history.
      guard let requestId = entry.requestId else { continue }
      trails[requestId, default: Trail()].latest = index
      if entry.field == AuditEntry.instalmentField {
        var trail = trails[requestId, default: Trail()]
        if !entry.after.isEmpty { trail.paid[entry.after, default: 0] += 1 }
        if !entry.before.isEmpty { trail.paid[entry.before, default: 0] -= 1 }
        trails[requestId] = trail
        continue
      }
      if entry.field == AuditEntry.recordField {
        trails[requestId, default: Trail()].removed = entry.after == AuditEntry.removedByUndo
        continue
      }
      guard let field = fieldNumber[entry.field] else { continue }
      var trail = trails[requestId, default: Trail()]
      if let earlier = trail.last[field], entry.before != audit[earlier].after {
        errors.append(
          FieldError(
            field: "\(entryPlace(index)).before",
            problem: .other(
              english:
                "does not follow the entry before it for request #\(requestId), which changed \(entry.field) to \"\(audit[earlier].after)\"",
              korean:
                "신청 #\(requestId)의 앞 항목(\(entry.field, .object) \"\(audit[earlier].after)\"\(Particle.direction.after(audit[earlier].after)) 바꿈)과 이어지지 않습니다"
            ),
            value: entry.before))
      }
      if trail.first[field] == nil { trail.first[field] = index }
      trail.last[field] = index
      trails[requestId] = trail
    }
    // A request the log knows is gone only when its intake was undone.
    let present = Set(requests.map(\.id))
    for (id, trail) in trails.sorted(by: { $0.key < $1.key })
    where !present.contains(id) && !trail.removed {
      errors.append(
        FieldError(
          field: entryPlace(trail.latest),
          problem: .other(
            english:
              "names request #\(id), which is not in the workspace, and the log does not record its removal",
            korean: "워크스페이스에 없는 신청 #\(id)의 항목인데, 감사 기록에 그 신청을 지운 내역이 없습니다"),
          value: "#\(id)"))
    }
    var paid: [Int64: [String: Int]] = [:]
    for instalment in instalments {
      paid[instalment.requestId, default: [:]][instalment.auditText, default: 0] += 1
    }
    let status = fieldNumber["status"]!
    let approved = fieldNumber["approvedKRW"]!
    for (index, request) in requests.enumerated() {
      let trail = trails[request.id] ?? Trail()
      // A request starts as draft or pending; its first entry may record that start ("").
      if let first = trail.first[status],
        !["", RequestStatus.draft.rawValue, RequestStatus.pending.rawValue].contains(
          audit[first].before)
      {
        errors.append(
          FieldError(
            field: "\(entryPlace(first)).before",
            problem: .other(
              english: "a request starts as draft or pending",
              korean: "신청은 작성중이나 심사대기 상태로 시작합니다"),
            value: audit[first].before))
      }
      for (field, value) in AuditEntry.values(request).enumerated() {
        guard let last = trail.last[field], audit[last].after != value else { continue }
        errors.append(
          FieldError(
            field: "\(requestPlace(index)).\(AuditEntry.requestFields[field])",
            problem: .other(
              english:
                "does not agree with the audit log, whose last entry for it (\(entryPlace(last))) says \"\(audit[last].after)\"",
              korean:
                "감사 기록의 마지막 항목(\(entryPlace(last)))이 말하는 \"\(audit[last].after)\"\(Particle.and.after(audit[last].after)) 다릅니다"
            ),
            value: value))
      }
      if request.status != .draft && request.status != .pending && trail.last[status] == nil {
        errors.append(
          FieldError(
            field: "\(requestPlace(index)).status",
            problem: .other(
              english: "is \(request.status.english) but the audit log records no decision",
              korean: "'\(request.status.korean)' 상태인데 감사 기록에 처리 내역이 없습니다"),
            value: request.status.rawValue))
      }
      if request.status.countsAsApproved && trail.last[approved] == nil {
        errors.append(
          FieldError(
            field: "\(requestPlace(index)).approvedKRW",
            problem: .other(
              english: "the audit log records no approved amount",
              korean: "감사 기록에 승인액이 없습니다")))
      }
      let logged = trail.paid.filter { $0.value != 0 }
      if logged != (paid[request.id] ?? [:]) {
        errors.append(
          FieldError(
            field: "\(requestPlace(index)).instalments",
            problem: .other(
              english:
                "do not agree with the audit log, which records \(logged.values.reduce(0, +)) paid",
              korean: "감사 기록의 교부 내역(\(logged.values.reduce(0, +))건)과 다릅니다"),
            value: String((paid[request.id] ?? [:]).values.reduce(0, +))))
      }
    }
    return errors
  }
}

/// What `Workspace.verifyAuditChain` found: the chain holds over every entry.
public struct AuditVerification: Hashable, Sendable {
  public var entries: Int
  /// The last entry's id and hash, nil when the log is empty.
  public var lastId: Int64?
  public var lastHash: String?
}

extension Workspace {
  /// Adds an entry to the audit log, chained to the last one: the one way a command writes an
  /// entry (a trigger refuses an entry without its hash), so every step that changes a request
  /// gets the chain by calling `recordAudit`, which calls this.
  static func appendAudit(_ entry: AuditEntry, _ db: Database) throws {
    var entry = entry
    let last = try Row.fetchOne(
      db.cachedStatement(sql: "SELECT id, hash FROM auditEntry ORDER BY id DESC LIMIT 1"))
    entry.id = (last?["id"] as Int64? ?? 0) + 1
    entry.hash = AuditChain.hash(entry, after: last?["hash"] ?? AuditChain.genesis)
    try insertAudit(entry, db)
  }

  static func insertAudit(_ e: AuditEntry, _ db: Database) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO auditEntry (id, requestId, at, actor, field, "before", "after", hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [e.id, e.requestId, e.at, e.actor, e.field, e.before, e.after, e.hash])
  }

  /// Recomputes the audit log's chain over every entry, and checks that every request agrees
  /// with its history; throws `WorkspaceError.auditChainBroken` naming the first entry that does
  /// not fit, or a `ValidationError` naming the requests that disagree. With `kept` (an entry's
  /// id and the fingerprint written down for it earlier), also checks that the entry still has
  /// that fingerprint: a history rewritten up to it, its chain recomputed, is found that way.
  public func verifyAuditChain(kept: (id: Int64, fingerprint: String)? = nil) throws
    -> AuditVerification
  {
    try read { db in
      if let kept {
        let hash = try String.fetchOne(
          db, sql: "SELECT hash FROM auditEntry WHERE id = ?", arguments: [kept.id])
        let now = hash.map(AuditChain.fingerprint) ?? "-"
        guard AuditChain.sameFingerprint(now, kept.fingerprint) else {
          throw WorkspaceError.fingerprintChanged(entry: kept.id, kept: kept.fingerprint, now: now)
        }
      }
      let problems = AuditChain.historyProblems(
        requests: try SupportRequest.order(Column("id")).fetchAll(db),
        instalments: try Instalment.fetchAll(db),
        audit: try AuditEntry.order(Column("id")).fetchAll(db), byId: true)
      var previous = AuditChain.genesis
      var count = 0
      var last: AuditEntry?
      let entries = try AuditEntry.order(Column("id")).fetchCursor(db)
      while let entry = try entries.next() {
        let expected = AuditChain.hash(entry, after: previous)
        guard entry.hash == expected else {
          throw WorkspaceError.auditChainBroken(
            entry: entry.id, request: entry.requestId, at: entry.at)
        }
        previous = expected
        count += 1
        last = entry
      }
      if !problems.isEmpty { throw ValidationError(problems) }
      return AuditVerification(entries: count, lastId: last?.id, lastHash: last?.hash)
    }
  }
}

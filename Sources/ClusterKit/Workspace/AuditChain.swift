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
    var bytes = Array("clusterdesk-audit-1\n\(previous)\n".utf8)
    for field in [
      String(entry.id), String(entry.requestId), entry.at, entry.actor, entry.field, entry.before,
      entry.after,
    ] {
      bytes += Array("\(field.utf8.count):".utf8)
      bytes += Array(field.utf8)
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
  /// audited field's entries must follow one another (one entry's `before` is the `after` of
  /// the one before), the last must say what the request says now, a request that was decided
  /// must have its decision recorded, and an approved one its amount. Errors name a request
  /// and an entry by their positions in a document (`requests[3]`, `audit[7]`), or with
  /// `byId` as they are in a workspace (`request #64`, `audit #7`).
  static func historyProblems(
    requests: [SupportRequest], audit: [AuditEntry], byId: Bool = false
  ) -> [FieldError] {
    func requestPlace(_ index: Int) -> String {
      byId ? "request #\(requests[index].id)" : "requests[\(index)]"
    }
    func entryPlace(_ index: Int) -> String {
      byId ? "audit #\(audit[index].id)" : "audit[\(index)]"
    }
    var entries: [Int64: [(index: Int, entry: AuditEntry)]] = [:]
    for (index, entry) in audit.enumerated() {
      entries[entry.requestId, default: []].append((index, entry))
    }
    var errors: [FieldError] = []
    for (index, request) in requests.enumerated() {
      let history = entries[request.id] ?? []
      var recorded: Set<String> = []
      for (field, value) in SupportRequest.audited {
        let trail = history.filter { $0.entry.field == field }
        guard let last = trail.last else { continue }
        recorded.insert(field)
        for (earlier, later) in zip(trail, trail.dropFirst())
        where later.entry.before != earlier.entry.after {
          errors.append(
            FieldError(
              field: "\(entryPlace(later.index)).before",
              problem: .other(
                english:
                  "does not follow the entry before it for request #\(request.id), which changed \(field) to \"\(earlier.entry.after)\"",
                korean:
                  "신청 #\(request.id)의 앞 항목(\(field)을(를) \"\(earlier.entry.after)\"(으)로 바꿈)과 이어지지 않습니다"
              ),
              value: later.entry.before))
        }
        // A request starts as draft or pending; its first entry may record that start ("").
        if field == "status", let first = trail.first,
          !["", RequestStatus.draft.rawValue, RequestStatus.pending.rawValue].contains(
            first.entry.before)
        {
          errors.append(
            FieldError(
              field: "\(entryPlace(first.index)).before",
              problem: .other(
                english: "a request starts as draft or pending",
                korean: "신청은 작성중이나 심사대기 상태로 시작합니다"),
              value: first.entry.before))
        }
        if value(request) != last.entry.after {
          errors.append(
            FieldError(
              field: "\(requestPlace(index)).\(field)",
              problem: .other(
                english:
                  "does not agree with the audit log, whose last entry for it (\(entryPlace(last.index))) says \"\(last.entry.after)\"",
                korean:
                  "감사 기록의 마지막 항목(\(entryPlace(last.index)))이 말하는 \"\(last.entry.after)\"와(과) 다릅니다"),
              value: value(request)))
        }
      }
      if request.status != .draft && request.status != .pending && !recorded.contains("status") {
        errors.append(
          FieldError(
            field: "\(requestPlace(index)).status",
            problem: .other(
              english: "is \(request.status.english) but the audit log records no decision",
              korean: "'\(request.status.korean)' 상태인데 감사 기록에 처리 내역이 없습니다"),
            value: request.status.rawValue))
      }
      if request.status.countsAsApproved && !recorded.contains("approvedKRW") {
        errors.append(
          FieldError(
            field: "\(requestPlace(index)).approvedKRW",
            problem: .other(
              english: "the audit log records no approved amount",
              korean: "감사 기록에 승인액이 없습니다")))
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

extension SupportRequest {
  /// The fields the audit log records, each as the text it records: the one list the log's
  /// writer (`Workspace.recordAudit`) and the import's check of a history (`AuditChain`) share.
  static let audited: [(field: String, value: @Sendable (SupportRequest) -> String)] = [
    ("status", { $0.status.rawValue }),
    ("approvedKRW", { $0.approvedKRW.map(String.init) ?? "" }),
    ("decided", { $0.decided?.description ?? "" }),
    ("submitted", { $0.submitted?.description ?? "" }),
    ("reviewer", { $0.reviewer }),
    ("reason", { $0.reason }),
    ("requestedKRW", { String($0.requestedKRW) }),
    ("title", { $0.title }),
  ]
}

extension Workspace {
  /// Adds an entry to the audit log, chained to the last one: the one way an entry is written
  /// (a trigger refuses an entry without its hash), so every step that changes a request gets
  /// the chain by calling `recordAudit` or this.
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

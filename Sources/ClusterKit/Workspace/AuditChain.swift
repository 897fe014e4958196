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
    var history = History(byId: byId)
    for (index, entry) in audit.enumerated() { history.add(entry, at: index) }
    return history.problems(requests: requests, instalments: instalments)
  }

  /// The audit log's part of `historyProblems`, read one entry at a time (in id order), so a
  /// log of any length is checked without holding it: per request, only the first and last
  /// entry of each field, the instalments the log says are paid, and whether its intake was
  /// last undone.
  struct History {
    /// An entry as errors name it: its position in the log and its id.
    struct Place {
      var index: Int
      var id: Int64
    }
    /// Per request: the first entry of each field (by its number) with its `before`, the last
    /// with its `after`, the instalments the log says are paid, whether its intake was last
    /// undone (`recordField`), and its latest entry.
    struct Trail {
      var first: [Int: (Place, String)] = [:]
      var last: [Int: (Place, String)] = [:]
      var paid: [String: Int] = [:]
      var removed = false
      var latest = Place(index: 0, id: 0)
    }

    let byId: Bool
    private(set) var trails: [Int64: Trail] = [:]
    private var errors: [FieldError] = []
    private static let fieldNumber = Dictionary(
      uniqueKeysWithValues: AuditEntry.requestFields.enumerated().map { ($1, $0) })

    init(byId: Bool) { self.byId = byId }

    func entryPlace(_ place: Place) -> String {
      byId ? "audit #\(place.id)" : "audit[\(place.index)]"
    }

    /// The next entry of the log, at position `index`.
    mutating func add(_ entry: AuditEntry, at index: Int) {
      // An entry of no request (a merge of members) follows no request's history.
      guard let requestId = entry.requestId else { return }
      let place = Place(index: index, id: entry.id)
      trails[requestId, default: Trail()].latest = place
      if entry.field == AuditEntry.instalmentField {
        var trail = trails[requestId, default: Trail()]
        if !entry.after.isEmpty { trail.paid[entry.after, default: 0] += 1 }
        if !entry.before.isEmpty { trail.paid[entry.before, default: 0] -= 1 }
        trails[requestId] = trail
        return
      }
      if entry.field == AuditEntry.recordField {
        trails[requestId, default: Trail()].removed = entry.after == AuditEntry.removedByUndo
        return
      }
      guard let field = Self.fieldNumber[entry.field] else { return }
      var trail = trails[requestId, default: Trail()]
      if let earlier = trail.last[field]?.1, entry.before != earlier {
        errors.append(
          FieldError(
            field: "\(entryPlace(place)).before",
            problem: .other(
              english:
                "does not follow the entry before it for request #\(requestId), which changed \(entry.field) to \"\(earlier)\"",
              korean:
                "신청 #\(requestId)의 앞 항목(\(entry.field, .object) \"\(earlier)\"\(Particle.direction.after(earlier)) 바꿈)과 이어지지 않습니다"
            ),
            value: entry.before))
      }
      if trail.first[field] == nil { trail.first[field] = (place, entry.before) }
      trail.last[field] = (place, entry.after)
      trails[requestId] = trail
    }

    /// Every problem found: the log's own, then each request's against it.
    func problems(requests: [SupportRequest], instalments: [Instalment]) -> [FieldError] {
      func requestPlace(_ index: Int) -> String {
        byId ? "request #\(requests[index].id)" : "requests[\(index)]"
      }
      var errors = errors
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
      let status = Self.fieldNumber["status"]!
      let approved = Self.fieldNumber["approvedKRW"]!
      for (index, request) in requests.enumerated() {
        let trail = trails[request.id] ?? Trail()
        // A request starts as draft or pending; its first entry may record that start ("").
        if case (let first, let before)? = trail.first[status],
          !["", RequestStatus.draft.rawValue, RequestStatus.pending.rawValue].contains(before)
        {
          errors.append(
            FieldError(
              field: "\(entryPlace(first)).before",
              problem: .other(
                english: "a request starts as draft or pending",
                korean: "신청은 작성중이나 심사대기 상태로 시작합니다"),
              value: before))
        }
        for (field, value) in AuditEntry.values(request).enumerated() {
          guard case (let last, let after)? = trail.last[field], after != value else { continue }
          errors.append(
            FieldError(
              field: "\(requestPlace(index)).\(AuditEntry.requestFields[field])",
              problem: .other(
                english:
                  "does not agree with the audit log, whose last entry for it (\(entryPlace(last))) says \"\(after)\"",
                korean:
                  "감사 기록의 마지막 항목(\(entryPlace(last)))이 말하는 \"\(after)\"\(Particle.and.after(after)) 다릅니다"
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

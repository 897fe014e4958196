import Foundation
import GRDB

/// Where a recorded change was made: `clusterdesk undo` reverts the command line's, the dashboard
/// keeps its own list for `u` and Ctrl-R.
public enum ChangeOrigin: String, Sendable, Codable, DatabaseValueConvertible {
  case commandLine = "cli"
  case dashboard
}

/// What a change did, in both languages, for "u: undo …" and "Undid …".
public struct ChangeLabel: Hashable, Sendable {
  public var english: String
  public var korean: String

  public init(_ english: String, _ korean: String) {
    self.english = english
    self.korean = korean
  }

  public func text(_ l: Language) -> String { l.pick(english, korean) }
}

/// One user action as it was recorded: enough to revert it (undo) and to make it again (redo).
public struct RecordedChange: Hashable, Sendable, Identifiable {
  public var id: Int64
  public var origin: ChangeOrigin
  public var label: ChangeLabel
  public var actor: String
  /// An ISO 8601 instant (UTC), as the audit log keeps them.
  public var at: String
  public var undone: Bool
}

/// Undo for every change, whatever wrote it.
///
/// A user action runs inside `Workspace.recording(_:_:_:)`. Every `write` in it installs, for the
/// length of its transaction, temporary triggers on each table that copy the row before and after
/// each insert, update and delete into a temporary table; at the end of the transaction those
/// rows are stored with the change (`recordedChange`, `recordedRow`, migration 7). Undo puts the
/// "before" of each row back, redo the "after". Nothing outside ClusterKit needs to know how a
/// change is reverted: an effect that writes through `Workspace` is undoable when it runs inside
/// `recording`.
///
/// Undo never overwrites a later change: before anything is put back, each row must still be as
/// the change left it (the columns it changed, or the whole row it inserted; a row it deleted
/// must still be absent); otherwise the undo is refused as a conflict and nothing changes.
///
/// Left out: the audit log with its hash chain (it only grows; a reverted decision is audited by
/// new entries, appended to the chain by `appendAudit` like every other, and an undone intake
/// removes the request while its entries stay, with one saying so: `RequestAudit`), the search
/// indexes (rebuilt for the records touched) and the change log itself.
extension Workspace {
  @TaskLocal static var recording: ChangeRecording?

  /// Runs `body` — any number of Workspace calls — as one recorded change. Returns what `body`
  /// returned and the change, or nil when nothing was written.
  public func recording<T>(
    _ origin: ChangeOrigin, _ label: ChangeLabel, _ body: () throws -> T
  ) throws -> (value: T, change: RecordedChange?) {
    let recorder = ChangeRecording(origin: origin, label: label)
    let value = try Workspace.$recording.withValue(recorder) { try body() }
    guard let id = recorder.changeId else { return (value, nil) }
    return (value, try read { db in try Workspace.recordedChange(id: id, db) })
  }

  /// Makes the triggers that capture a recorded change now, so that the first change does not
  /// wait for them (the dashboard asks after its first frame). Nothing in the file changes.
  public func prepareRecording() {
    guard jsonFile == nil else { return }
    try? pool.write { db in try ChangeRecording.installCaptureTriggers(db) }
  }

  /// Records every write `body` makes, through whichever workspace it opens, as one change:
  /// a whole command line.
  public static func recordingChanges<T>(
    _ origin: ChangeOrigin, _ label: ChangeLabel, _ body: () throws -> T
  ) rethrows -> T {
    try $recording.withValue(ChangeRecording(origin: origin, label: label)) { try body() }
  }

  /// False for a JSON workspace: its file holds the records, and the change log lives only as
  /// long as the process that opened it.
  public var keepsChangeLog: Bool { jsonFile == nil }

  /// The newest change from `origin` that is not undone.
  public func lastChange(from origin: ChangeOrigin) throws -> RecordedChange? {
    try read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT * FROM recordedChange WHERE origin = ? AND undone = 0 ORDER BY id DESC LIMIT 1
          """, arguments: [origin]
      ).map(Workspace.recordedChange)
    }
  }

  /// Puts back every row as it was before the change. Refused, with nothing changed, when a row
  /// was changed again since (`WorkspaceError.conflict`) or the change is already undone.
  @discardableResult
  public func undoChange(id: Int64) throws -> RecordedChange {
    try revert(id: id, undoing: true)
  }

  /// Makes an undone change again, under the same check.
  @discardableResult
  public func redoChange(id: Int64) throws -> RecordedChange {
    try revert(id: id, undoing: false)
  }

  private func revert(id: Int64, undoing: Bool) throws -> RecordedChange {
    try Workspace.$recording.withValue(nil) {
      try write { db in
        guard let change = try Workspace.recordedChange(id: id, db) else {
          throw WorkspaceError.nothingToUndo
        }
        guard change.undone != undoing else { throw WorkspaceError.nothingToUndo }
        let rows = try RowChange.collapsed(
          Row.fetchAll(
            db, sql: "SELECT * FROM recordedRow WHERE changeId = ? ORDER BY seq", arguments: [id]))
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        let tables = try TableShape.all(db)
        var plans: [(RowChange, TableShape)] = []
        // Undone last row first, made again first row first: each step as valid as it was.
        for row in undoing ? rows.reversed() : rows {
          guard let shape = tables[row.table] else { continue }
          let (from, to) = undoing ? (row.after, row.before) : (row.before, row.after)
          if row.table == "supportRequest", to == nil {
            try RequestAudit.checkRemovable(key: row.key, left: from, db)
          }
          let now = try shape.image(key: row.key, db)
          if !RowChange.unchanged(now, since: from, changing: to) {
            throw WorkspaceError.conflict(kind: "change", reference: change.label.english)
          }
          plans.append((RowChange(table: row.table, key: row.key, before: from, after: to), shape))
        }
        let visits = try SearchIndexes.visitsTouched(rows, db)
        try SearchIndexes.unindex(visits: visits, db)
        let audit = try RequestAudit(plans.map(\.0), db)
        let touched: Set<String>
        do {
          touched = try Self.touchedRows(db) {
            for (row, shape) in plans { try shape.put(row, db) }
          }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
          // Putting a row back would break a rule a later change relies on (a company's second
          // active mentor, a task number taken again).
          throw WorkspaceError.conflict(kind: "change", reference: change.label.english)
        }
        // A row the change never touched would be changed too (a session logged since with the
        // mentoring it would remove, a later record that refers to a row put away): refused.
        let planned = Set(plans.map { $0.0.table + "\u{0}" + $0.0.key })
        let broken = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") != nil
        if broken || !touched.isSubset(of: planned) {
          throw WorkspaceError.conflict(kind: "change", reference: change.label.english)
        }
        try SearchIndexes.reindex(visits: visits, members: SearchIndexes.membersTouched(rows), db)
        try audit.record(actor: actor, db)
        try db.execute(
          sql: "UPDATE recordedChange SET undone = ? WHERE id = ?", arguments: [undoing, id])
        var result = change
        result.undone = undoing
        return result
      }
    }
  }

  /// The rows `body` changes, its triggers' and foreign keys' work included, each as its table
  /// and key.
  private static func touchedRows(_ db: Database, _ body: () throws -> Void) throws -> Set<String> {
    let (_, rows) = try ChangeRecording.captured(db, body)
    return Set(RowChange.collapsed(rows).map { $0.table + "\u{0}" + $0.key })
  }

  static func recordedChange(id: Int64, _ db: Database) throws -> RecordedChange? {
    try Row.fetchOne(db, sql: "SELECT * FROM recordedChange WHERE id = ?", arguments: [id])
      .map(recordedChange)
  }

  static func recordedChange(_ row: Row) -> RecordedChange {
    RecordedChange(
      id: row["id"], origin: row["origin"], label: ChangeLabel(row["english"], row["korean"]),
      actor: row["actor"], at: row["at"], undone: row["undone"])
  }
}

/// The change being recorded by the current user action, across its writes.
final class ChangeRecording: @unchecked Sendable {
  let origin: ChangeOrigin
  let label: ChangeLabel
  /// Set by the first write that changed a row.
  private(set) var changeId: Int64?
  /// How many recorded changes are kept; older ones can no longer be undone.
  static let kept = 1000

  init(origin: ChangeOrigin, label: ChangeLabel) {
    self.origin = origin
    self.label = label
  }

  /// Runs `body` with the capture triggers on; returns what it returned and the rows the
  /// triggers saw (table, key, image before, image after), in the order written.
  static func captured<T>(_ db: Database, _ body: () throws -> T) throws -> (T, [Row]) {
    try installCaptureTriggers(db)
    let capturing = try db.cachedStatement(sql: "UPDATE temp.captureSwitch SET capturing = ?")
    try capturing.execute(arguments: [true])
    defer { try? capturing.execute(arguments: [false]) }
    let value = try body()
    let rows = try Row.fetchAll(db, sql: "SELECT * FROM temp.capturedRow ORDER BY seq")
    try db.execute(sql: "DELETE FROM temp.capturedRow")
    return (value, rows)
  }

  /// Makes the capture triggers of every table on this connection, once: they stay, and record
  /// only while `captureSwitch` is on. Made inside the write's transaction, they go with it if it
  /// rolls back (and so does the note of the schema they were made for); a schema changed since
  /// (a migration) has them made again.
  static func installCaptureTriggers(_ db: Database) throws {
    let schema = try Int.fetchOne(db, sql: "PRAGMA main.schema_version") ?? 0
    let made =
      try Bool.fetchOne(
        db,
        sql: "SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = 'captureSwitch'")
      == true ? Int.fetchOne(db, sql: "SELECT schemaVersion FROM temp.captureSwitch") : nil
    guard made != schema else { return }
    try db.execute(
      sql: """
        CREATE TEMP TABLE IF NOT EXISTS capturedRow (
          seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, key TEXT NOT NULL, "before" TEXT, "after" TEXT);
        CREATE TEMP TABLE IF NOT EXISTS captureSwitch (schemaVersion INTEGER, capturing INTEGER);
        DELETE FROM temp.captureSwitch;
        INSERT INTO temp.captureSwitch VALUES (\(schema), 0);
        """)
    let old = try String.fetchAll(
      db,
      sql: "SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'cd_capture_%'"
    )
    for name in old { try db.execute(sql: "DROP TRIGGER temp.\(name.quotedDatabaseIdentifier)") }
    for shape in try TableShape.all(db).values { try db.execute(sql: shape.captureTriggers) }
  }

  /// Runs one write transaction's body with the capture triggers in place, then stores what
  /// they saw.
  func capture<T>(_ db: Database, actor: String, _ body: (Database) throws -> T) throws -> T {
    let (value, captured) = try Self.captured(db) { try body(db) }
    guard !captured.isEmpty else { return value }
    let id: Int64
    // A JSON workspace loaded again from its file between two writes no longer holds the
    // change begun by the first: the rest is then a change of its own.
    if let changeId, try Workspace.recordedChange(id: changeId, db) != nil {
      id = changeId
    } else {
      id = try Workspace.nextId("recordedChange", db)
      try db.execute(
        sql: """
          INSERT INTO recordedChange (id, origin, english, korean, actor, at, undone)
          VALUES (?, ?, ?, ?, ?, ?, 0)
          """,
        arguments: [
          id, origin, label.english, label.korean, actor,
          Day.timestamp(),
        ])
      try db.execute(
        sql: "DELETE FROM recordedChange WHERE id <= ?", arguments: [id - Int64(Self.kept)])
    }
    let first =
      try Int64.fetchOne(
        db, sql: "SELECT IFNULL(MAX(seq), 0) + 1 FROM recordedRow WHERE changeId = ?",
        arguments: [id]) ?? 1
    let insert = try db.cachedStatement(
      sql: """
        INSERT INTO recordedRow (changeId, seq, tbl, key, "before", "after") VALUES (?, ?, ?, ?, ?, ?)
        """)
    for (offset, row) in captured.enumerated() {
      try insert.execute(arguments: [
        id, first + Int64(offset), row["tbl"], row["key"], row["before"], row["after"],
      ])
    }
    changeId = id
    return value
  }
}

/// A row's change within one recorded change: its image before and after (JSON objects of its
/// columns; nil where the row did not exist).
struct RowChange {
  var table: String
  var key: String
  var before: String?
  var after: String?

  /// One entry per row, in the order each was first touched: the first "before" and the last
  /// "after". Rows left as they were are dropped.
  static func collapsed(_ rows: [Row]) -> [RowChange] {
    var order: [String] = []
    var changes: [String: RowChange] = [:]
    for row in rows {
      let table: String = row["tbl"]
      let key: String = row["key"]
      let id = table + "\u{0}" + key
      if var seen = changes[id] {
        seen.after = row["after"]
        changes[id] = seen
      } else {
        order.append(id)
        changes[id] = RowChange(table: table, key: key, before: row["before"], after: row["after"])
      }
    }
    return order.compactMap { changes[$0] }.filter { $0.before != $0.after }
  }

  /// True when a row (`now`) is still as the change left it (`then`), in every column the
  /// revert would change (toward `target`).
  static func unchanged(_ now: String?, since then: String?, changing target: String?) -> Bool {
    guard let then else { return now == nil }
    guard let now else { return false }
    let nowColumns = columns(now)
    let thenColumns = columns(then)
    let targetColumns = target.map(columns)
    for (name, value) in thenColumns {
      if let targetColumns, targetColumns[name] == value { continue }
      if nowColumns[name] != value { return false }
    }
    return true
  }

  /// A row image's columns, each as a comparable value.
  static func columns(_ image: String) -> [String: NSObject] {
    guard
      let object = try? JSONSerialization.jsonObject(with: Data(image.utf8), options: []),
      let dictionary = object as? [String: Any]
    else { return [:] }
    return dictionary.mapValues { $0 as? NSObject ?? NSNull() }
  }
}

/// What the change log needs to know of a table: its columns and the columns that find a row.
struct TableShape {
  var name: String
  var columns: [String]
  /// The primary key's columns, or `rowid` for a table without one.
  var key: [String]

  /// Tables no change is recorded in: the audit log, whose rows carry its hash chain (it only
  /// grows, and each entry is chained to the one before), the change log, and the figures kept
  /// by triggers (`Schema.keptTables`): putting back the rows they are kept from makes the
  /// triggers put the figures back, exactly once.
  static let notRecorded = Set(
    ["auditEntry", "recordedChange", "recordedRow"] + Schema.keptTables)

  /// Columns the schema's triggers keep from other rows (an expert's load, a company's mentor
  /// and number of SIGs). They are left out of row images: putting back the rows they are kept
  /// from makes the triggers set them again, exactly once.
  static let kept: [String: Set<String>] = [
    "expert": ["load"], "member": ["mentorId", "sigCount"],
  ]

  /// Every table whose rows a change can touch: not SQLite's own, not the search indexes and
  /// their shadow tables, not `notRecorded`.
  static func all(_ db: Database) throws -> [String: TableShape] {
    let rows = try Row.fetchAll(
      db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
    let virtual = rows.filter { ($0["sql"] as String? ?? "").hasPrefix("CREATE VIRTUAL") }
      .map { $0["name"] as String }
    var shapes: [String: TableShape] = [:]
    for row in rows {
      let name: String = row["name"]
      if name.hasPrefix("sqlite_")
        || virtual.contains(where: { name == $0 || name.hasPrefix($0 + "_") })
        || notRecorded.contains(name)
      {
        continue
      }
      let info = try Row.fetchAll(db, sql: "PRAGMA table_info(\(name.quotedDatabaseIdentifier))")
      let columns = info.map { $0["name"] as String }.filter {
        !(kept[name]?.contains($0) ?? false)
      }
      let key = info.filter { ($0["pk"] as Int) > 0 }.sorted {
        ($0["pk"] as Int) < ($1["pk"] as Int)
      }
      .map { $0["name"] as String }
      shapes[name] = TableShape(
        name: name, columns: key.isEmpty ? ["rowid"] + columns : columns,
        key: key.isEmpty ? ["rowid"] : key)
    }
    return shapes
  }

  private func object(_ row: String, _ names: [String]) -> String {
    "json_object("
      + names.map { "'\($0)', \(row).\($0.quotedDatabaseIdentifier)" }
      .joined(separator: ", ") + ")"
  }

  private func trigger(_ suffix: String) -> String {
    "cd_capture_\(name)_\(suffix)".quotedDatabaseIdentifier
  }

  var captureTriggers: String {
    let table = "main." + name.quotedDatabaseIdentifier
    let insert = "INSERT INTO capturedRow (tbl, key, \"before\", \"after\") VALUES"
    let label = "'\(name)'"
    let on = "WHEN (SELECT capturing FROM temp.captureSwitch)"
    return """
      CREATE TEMP TRIGGER \(trigger("insert")) AFTER INSERT ON \(table) \(on) BEGIN
        \(insert) (\(label), \(object("NEW", key)), NULL, \(object("NEW", columns)));
      END;
      CREATE TEMP TRIGGER \(trigger("update")) AFTER UPDATE ON \(table) \(on) BEGIN
        \(insert) (\(label), \(object("OLD", key)), \(object("OLD", columns)), NULL);
        \(insert) (\(label), \(object("NEW", key)), NULL, \(object("NEW", columns)));
      END;
      CREATE TEMP TRIGGER \(trigger("delete")) AFTER DELETE ON \(table) \(on) BEGIN
        \(insert) (\(label), \(object("OLD", key)), \(object("OLD", columns)), NULL);
      END;
      """
  }

  private var keyCondition: String {
    key.map { "\($0.quotedDatabaseIdentifier) IS json_extract(:key, '$.\"\($0)\"')" }
      .joined(separator: " AND ")
  }

  /// The row's image now, nil when there is no such row.
  func image(key: String, _ db: Database) throws -> String? {
    try String.fetchOne(
      db,
      sql:
        "SELECT \(object(name.quotedDatabaseIdentifier, columns)) FROM \(name.quotedDatabaseIdentifier) WHERE \(keyCondition)",
      arguments: ["key": key])
  }

  /// Makes the row what `change.after` says: removed, inserted or updated.
  func put(_ change: RowChange, _ db: Database) throws {
    let table = name.quotedDatabaseIdentifier
    guard let after = change.after else {
      try db.execute(
        sql: "DELETE FROM \(table) WHERE \(keyCondition)", arguments: ["key": change.key])
      return
    }
    let value = { (column: String) in "json_extract(:row, '$.\"\(column)\"')" }
    if change.before == nil {
      try db.execute(
        sql: """
          INSERT INTO \(table) (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")))
          VALUES (\(columns.map(value).joined(separator: ", ")))
          """, arguments: ["row": after])
      return
    }
    let old = RowChange.columns(change.before!)
    let changed = RowChange.columns(after).filter { old[$0.key] != $0.value }.map(\.key)
      .filter { columns.contains($0) }
    guard !changed.isEmpty else { return }
    try db.execute(
      sql: """
        UPDATE \(table) SET \(changed.map { "\($0.quotedDatabaseIdentifier) = \(value($0))" }
          .joined(separator: ", ")) WHERE \(keyCondition)
        """, arguments: ["row": after, "key": change.key])
  }
}

/// The audit log of the requests an undo or redo changes: their rows before, then one entry per
/// field the revert changed, as every request call writes them. A request whose intake is undone
/// keeps its entries and gets one saying it was removed by undo (and one when redo puts it back).
struct RequestAudit {
  private var requests: [Int64: SupportRequest] = [:]
  private var instalments: [Int64: (before: Instalment?, requestId: Int64)] = [:]
  /// Requests the revert removes, and those it puts back.
  private var removed: [Int64] = []
  private var restored: [Int64] = []

  init(_ rows: [RowChange], _ db: Database) throws {
    for row in rows {
      guard let id = (RowChange.columns(row.key)["id"] as? NSNumber)?.int64Value else { continue }
      switch row.table {
      case "supportRequest":
        if row.after == nil { removed.append(id) }
        if row.before == nil { restored.append(id) }
        if let request = try SupportRequest.fetchOne(db, key: id) { requests[id] = request }
      case "instalment":
        let image = row.before ?? row.after ?? "{}"
        if let requestId = (RowChange.columns(image)["requestId"] as? NSNumber)?.int64Value {
          instalments[id] = (try Instalment.fetchOne(db, key: id), requestId)
          if requests[requestId] == nil {
            requests[requestId] = try SupportRequest.fetchOne(db, key: requestId)
          }
        }
      default: break
      }
    }
  }

  /// Refuses to undo the intake of a request that has moved on since (`left` is the row as the
  /// intake left it): its later steps are undone first, or it is withdrawn.
  static func checkRemovable(key: String, left: String?, _ db: Database) throws {
    guard let id = (RowChange.columns(key)["id"] as? NSNumber)?.int64Value,
      let request = try SupportRequest.fetchOne(db, key: id)
    else { return }
    let entered = left.flatMap { RowChange.columns($0)["status"] as? String }
    let paid = try Instalment.filter(Column("requestId") == id).fetchCount(db)
    guard request.status.rawValue != entered || paid > 0 else { return }
    let status = request.status
    let withdrawable = status.allowedNext.contains(.withdrawn)
    throw FieldError(
      field: "request",
      problem: .other(
        english:
          "is \(status.english) now, so its intake cannot be undone; undo its later steps first"
          + (withdrawable ? ", or withdraw it" : ""),
        korean: "지금 '\(status.korean)' 상태라 접수를 되돌릴 수 없으니, 나중 단계를 먼저 되돌리"
          + (withdrawable ? "거나 철회하세요" : "세요")),
      value: "#\(id)")
  }

  func record(actor: String, _ db: Database) throws {
    for (id, before) in requests.sorted(by: { $0.key < $1.key }) {
      guard let after = try SupportRequest.fetchOne(db, key: id) else { continue }
      var extra: [(String, String, String)] = []
      for (instalmentId, seen) in instalments.sorted(by: { $0.key < $1.key })
      where seen.requestId == id {
        let now = try Instalment.fetchOne(db, key: instalmentId)
        extra.append(
          (
            AuditEntry.instalmentField, seen.before?.auditText ?? "",
            now?.auditText ?? ""
          ))
      }
      try Workspace.recordAudit(before: before, after: after, actor: actor, db, extra: extra)
    }
    let at = Day.timestamp()
    for (ids, before, after) in [
      (removed, AuditEntry.kept, AuditEntry.removedByUndo),
      (restored, AuditEntry.removedByUndo, AuditEntry.restoredByRedo),
    ] {
      for id in ids.sorted() {
        try Workspace.appendAudit(
          AuditEntry(
            requestId: id, at: at, actor: actor, field: AuditEntry.recordField, before: before,
            after: after), db)
      }
    }
  }
}

/// The full-text indexes, which hold no copy of what they index, rebuilt for the records an undo
/// or redo touched.
enum SearchIndexes {
  static func membersTouched(_ rows: [RowChange]) -> Set<Int64> {
    Set(rows.filter { $0.table == "member" }.compactMap { keyId($0.key, "id") })
  }

  static func visitsTouched(_ rows: [RowChange], _ db: Database) throws -> Set<Int64> {
    var ids = Set<Int64>()
    for row in rows {
      switch row.table {
      case "visit": if let id = keyId(row.key, "id") { ids.insert(id) }
      case "difficulty": if let id = keyId(row.key, "visitId") { ids.insert(id) }
      case "followUp":
        for image in [row.before, row.after].compactMap({ $0 }) {
          if let id = RowChange.columns(image)["visitId"] as? NSNumber { ids.insert(id.int64Value) }
        }
      default: break
      }
    }
    return ids
  }

  private static func keyId(_ key: String, _ column: String) -> Int64? {
    (RowChange.columns(key)[column] as? NSNumber)?.int64Value
  }

  static func unindex(visits: Set<Int64>, _ db: Database) throws {
    for id in visits { try Workspace.unindexVisit(id: id, db) }
  }

  static func reindex(visits: Set<Int64>, members: Set<Int64>, _ db: Database) throws {
    for id in visits {
      if let texts = try Workspace.visitTexts(id: id, db) {
        try Workspace.indexVisit(id: id, texts: texts, db)
      }
    }
    for id in members {
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT nameKey, initials, representative, products FROM member WHERE id = ?",
          arguments: [id])
      else { continue }
      try Workspace.indexMember(
        id: id, nameKey: row["nameKey"], initials: row["initials"],
        representative: row["representative"], products: row["products"], replacing: true, db)
    }
  }
}

extension Workspace {
  /// Names a recorded change after the fact (what it did is known once it is done).
  public func relabel(_ id: Int64, _ label: ChangeLabel) throws {
    try Workspace.$recording.withValue(nil) {
      try write { db in
        try db.execute(
          sql: "UPDATE recordedChange SET english = ?, korean = ? WHERE id = ?",
          arguments: [label.english, label.korean, id])
      }
    }
  }
}

import Foundation
import GRDB

/// One office's data in one SQLite file. Every change a user makes is one transaction; readers
/// never block the writer (WAL), and a second process waits briefly instead of failing.
public final class Workspace: Sendable {
  public let path: String
  /// Who is recorded in the audit log for changes made through this workspace.
  public let actor: String
  /// A pool of connections on a file; one connection for an in-memory workspace.
  let pool: any DatabaseWriter
  /// Writes through this object, which `dataVersion()` counts in.
  private let writes = WriteCounter()
  /// For a workspace kept as a JSON document (the data held in memory): the file every committed
  /// change is saved to. Nil for a SQLite file.
  let jsonFile: JSONWorkspaceFile?

  /// Opens an existing workspace, or creates a new, empty one when `create` is set and the file
  /// does not exist. A file that is not a workspace, is damaged or comes from a newer version is
  /// refused before anything in it is touched.
  /// A JSON document (told by its content, or for a new file by its `.json` name) opens as a
  /// workspace kept in that document.
  ///
  /// `oneConnection`: one SQLite connection reads and writes, for a process that does one thing
  /// at a time (a command, the dashboard): it opens in half the time of a pool's two (each
  /// connection reads the whole schema), and opening it writes nothing (a pool makes sure of a
  /// non-empty `-wal` by writing to the file).
  public convenience init(
    path: String, create: Bool = false, actor: String? = nil, oneConnection: Bool = false
  ) throws {
    let path = URL(fileURLWithPath: path).path
    if JSONWorkspaceFile.holdsDocument(path)
      || (create && !Workspace.exists(path) && JSONWorkspaceFile.isDocumentName(path))
    {
      if !Workspace.exists(path) {
        _ = try Workspace.buildDocument(at: path, actor: actor) { _ in }
      }
      let (pool, file) = try JSONWorkspaceFile.open(path)
      self.init(pool: pool, path: path, actor: actor, jsonFile: file)
      return
    }
    if create, !Workspace.exists(path) {
      try Workspace.build(at: path, actor: actor) { _ in }
    }
    try self.init(file: path, shownAs: path, actor: actor, oneConnection: oneConnection)
  }

  /// Opens the workspace in `file`, naming it `shownAs` in every message: a workspace being
  /// built beside its place (`isNew`, an empty file) is named by that place.
  private init(
    file: String, shownAs path: String, actor: String?, isNew: Bool = false,
    oneConnection: Bool = false
  ) throws {
    self.path = path
    // Cleaned like every other text: `CLUSTERDESK_USER` goes into the audit log and onto screens.
    self.actor = KoreanText.clean(actor ?? Workspace.defaultActor())
    jsonFile = nil
    if !isNew {
      if !Workspace.exists(file) { throw WorkspaceError.missing(path: path) }
      _ = try FileInspection.check(path: file)
      if !FileManager.default.isWritableFile(atPath: file) {
        throw WorkspaceError.readOnly(path: path)
      }
    }
    do {
      if oneConnection {
        let queue = try DatabaseQueue(path: file, configuration: Workspace.configuration())
        try Workspace.keepWAL(queue)
        try Workspace.migrateIfNeeded(queue, file: file, shownAs: path)
        self.pool = queue
      } else {
        let pool = try DatabasePool(path: file, configuration: Workspace.configuration())
        try Workspace.migrateIfNeeded(pool, file: file, shownAs: path)
        self.pool = pool
      }
    } catch let error as DatabaseError {
      throw Workspace.translate(error, path: path)
    }
  }

  /// A workspace held in memory only, for tests: the same schema and rules, nothing on disk.
  public init(inMemoryFor office: Office, actor: String) throws {
    path = ":memory:"
    self.actor = KoreanText.clean(actor)
    jsonFile = nil
    pool = try Workspace.memoryPool(shownAs: path)
    try write { db in try saveOffice(office, db) }
  }

  /// An empty workspace's database in memory: a copy of the one the migrations build once per
  /// process (`emptySchema`), which costs a fraction of running every migration again.
  static func memoryPool(shownAs path: String) throws -> DatabaseQueue {
    do {
      let pool = try DatabaseQueue(configuration: Workspace.configuration())
      try emptySchema.get().backup(to: pool)
      return pool
    } catch let error as DatabaseError {
      throw Workspace.translate(error, path: path)
    }
  }

  /// An empty workspace in memory, built by every migration from the first.
  private static let emptySchema = Result<DatabaseQueue, any Error> {
    let pool = try DatabaseQueue(configuration: Workspace.configuration())
    try pool.write { db in try Schema.migrate(db, from: 0) }
    return pool
  }

  /// A workspace on data already in memory: one being built, or one kept in a JSON document.
  init(pool: DatabaseQueue, path: String, actor: String?, jsonFile: JSONWorkspaceFile?) {
    self.path = path
    self.actor = KoreanText.clean(actor ?? Workspace.defaultActor())
    self.pool = pool
    self.jsonFile = jsonFile
  }

  /// Creates a workspace for an office. Fails if a file is already there.
  public static func create(at path: String, office: Office, actor: String? = nil) throws
    -> Workspace
  {
    try create(at: path, actor: actor) { workspace in
      try workspace.write { db in try workspace.saveOffice(office, db) }
    }
  }

  /// Creates a workspace that appears at `path` only when complete: it is built beside its
  /// place, filled by `fill` (an import, say), and moved in. A kill, a full disk or a `fill`
  /// that throws leaves no file at `path`. Fails if a file is already there.
  public static func create(
    at path: String, actor: String? = nil, fill: (Workspace) throws -> Void
  ) throws -> Workspace {
    let path = URL(fileURLWithPath: path).path
    if JSONWorkspaceFile.isDocumentName(path) {
      let pool = try buildDocument(at: path, actor: actor, fill: fill)
      return Workspace(
        pool: pool, path: path, actor: actor, jsonFile: try JSONWorkspaceFile(createdAt: path))
    }
    try build(at: path, actor: actor, fill: fill)
    return try Workspace(file: path, shownAs: path, actor: actor)
  }

  private static func build(at path: String, actor: String?, fill: (Workspace) throws -> Void)
    throws
  {
    try build(at: path) { partial in
      let workspace = try Workspace(file: partial.path, shownAs: path, actor: actor, isNew: true)
      try fill(workspace)
      try workspace.closeUnshared(file: partial.path)
    }
  }

  /// Makes a new file at `path`, written by `make` into a partial beside it and linked in when
  /// complete. Fails if a file is already there.
  static func build(at path: String, make: (PartialFile) throws -> Void) throws {
    let folder = (path as NSString).deletingLastPathComponent
    var isDirectory: ObjCBool = false
    if !folder.isEmpty,
      !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
        || !isDirectory.boolValue
    {
      throw WorkspaceError.missingDirectory(path: path)
    }
    if exists(path) {
      throw WorkspaceError.cannotCreateFile(FileProblem(path: path, code: EEXIST))
    }
    let partial: PartialFile
    do {
      partial = try PartialFile(for: path)
    } catch let problem as FileProblem {
      throw WorkspaceError.cannotCreateFile(problem)
    }
    do {
      try make(partial)
      try partial.commit(replacing: false)
    } catch let problem as FileProblem {
      partial.discard()
      throw problem.isDiskFull
        ? WorkspaceError.diskFull(path: path)
        : WorkspaceError.cannotCreateFile(FileProblem(path: path, code: problem.code))
    } catch {
      partial.discard()
      throw error
    }
  }

  /// Checkpoints the log into the file and closes every connection of a workspace nobody else
  /// has open (one being built), then removes its emptied `-wal` and `-shm`, which GRDB's last
  /// (read-only) connection leaves. The workspace cannot be used afterwards.
  private func closeUnshared(file: String) throws {
    do {
      let busy = try pool.writeWithoutTransaction { db in
        try Int.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") ?? 1
      }
      try pool.close()
      var wal = stat()
      if busy == 0, stat(file + "-wal", &wal) == 0, wal.st_size == 0 {
        unlink(file + "-wal")
        unlink(file + "-shm")
      }
    } catch let error as DatabaseError {
      throw Workspace.translate(error, path: path)
    }
  }

  /// True for anything at `path`, a dangling symbolic link included.
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  /// Brings an older workspace up to this version. The version is read again inside the
  /// migrating write transaction, so of two processes opening an old file at once one migrates
  /// and the other, waiting for the lock, finds it done; the backup of the old file is taken
  /// once, in that transaction, from the file as it was. The version comes from SQLite, never
  /// from the header alone: a migration another process committed may still be in the log.
  private static func migrateIfNeeded(
    _ pool: some DatabaseWriter, file: String, shownAs path: String
  ) throws {
    let seen = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    if seen > Schema.currentVersion {
      throw WorkspaceError.newerVersion(
        path: path, found: seen, supported: Schema.currentVersion)
    }
    if seen == Schema.currentVersion { return }
    try pool.barrierWriteWithoutTransaction { db in
      try db.inTransaction(.immediate) {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version > Schema.currentVersion {
          throw WorkspaceError.newerVersion(
            path: path, found: version, supported: Schema.currentVersion)
        }
        guard version < Schema.currentVersion else { return .commit }
        if version > 0 { try backUpBeforeMigrating(file: file, shownAs: path, version: version) }
        try Schema.migrate(db, from: version)
        return .commit
      }
    }
  }

  /// A single connection keeps the file in WAL mode, as a pool does (readers never block the
  /// writer), with the pool's `synchronous = NORMAL`; a file already in WAL mode, nearly every
  /// one, is not written to.
  private static func keepWAL(_ queue: DatabaseQueue) throws {
    try queue.writeWithoutTransaction { db in
      if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
        try db.execute(sql: "PRAGMA journal_mode = WAL")
      }
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
    }
  }

  /// Copies the file, as last committed, to `PATH.vN.backup` before a migration changes it. The
  /// caller holds the write lock, so what is copied is the old version and nothing else.
  private static func backUpBeforeMigrating(file: String, shownAs path: String, version: Int)
    throws
  {
    let backup = "\(path).v\(version).backup"
    do {
      try copy(file: file, to: backup, replacing: true)
    } catch let problem as FileProblem {
      throw WorkspaceError.cannotCreateFile(problem)
    }
  }

  /// A consistent copy of a workspace file, written beside `destination` and moved in complete,
  /// owner-only.
  static func copy(file: String, to destination: String, replacing: Bool) throws {
    let partial = try PartialFile(for: destination)
    try backup(from: file, into: partial.path)
    try partial.commit(replacing: replacing)
  }

  /// Copies a workspace file into the (empty) file at `destination` through SQLite's online
  /// backup, read in one read transaction: writers go on meanwhile and the copy is the file as of
  /// one commit.
  static func backup(from file: String, into destination: String) throws {
    let source = try DatabaseQueue(path: file, configuration: readOnlyConfiguration())
    try backup(reading: source, into: destination)
    try source.close()
  }

  /// The same from a database already open (a JSON workspace's, in memory).
  static func backup(reading source: some DatabaseReader, into destination: String) throws {
    let copy = try DatabaseQueue(path: destination)
    try source.backup(to: copy)
    // A file of its own, without `-wal` and `-shm` beside it whenever it is read; opening it as
    // a workspace makes it WAL again.
    try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
    try copy.close()
  }

  static func configuration() -> Configuration {
    var config = Configuration()
    config.foreignKeysEnabled = true
    config.busyMode = .timeout(15)
    // One reader connection: callers read one thing at a time, each connection carries its own
    // page cache, and `dataVersion()` needs the same connection every time to compare.
    config.maximumReaderCount = 1
    config.prepareDatabase { db in
      // A search calls it for every candidate row with the same query: normalised once.
      let last = LastMatcher()
      db.add(
        function: DatabaseFunction("cd_match", argumentCount: 2, pure: true) { values in
          guard let query = String.fromDatabaseValue(values[0]),
            let key = String.fromDatabaseValue(values[1])
          else { return false }
          if last.matcher?.query != query { last.matcher = KoreanText.Matcher(query) }
          return last.matcher!.matches(key)
        })
    }
    return config
  }

  /// `CLUSTERDESK_USER`, else the login name.
  static func defaultActor() -> String {
    let env = ProcessInfo.processInfo.environment
    for key in ["CLUSTERDESK_USER", "USER", "LOGNAME"] {
      if let name = env[key], !KoreanText.clean(name).isEmpty { return name }
    }
    if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
      return String(cString: name)
    }
    return "uid \(getuid())"
  }

  static func readOnlyConfiguration() -> Configuration {
    var config = Configuration()
    config.readonly = true
    config.busyMode = .timeout(15)
    return config
  }

  static func translate(_ error: DatabaseError, path: String) -> WorkspaceError {
    switch error.resultCode {
    case .SQLITE_FULL: return .diskFull(path: path)
    case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
    case .SQLITE_READONLY: return .readOnly(path: path)
    case .SQLITE_NOTADB: return .notAWorkspace(path: path)
    case .SQLITE_CORRUPT: return .damaged(path: path, detail: error.message ?? "corrupt")
    case .SQLITE_CANTOPEN: return .cannotCreate(path: path, reason: error.message ?? "cannot open")
    case .SQLITE_IOERR:
      return .writeFailed(path: path, detail: error.message ?? "disk I/O error")
    default: return .damaged(path: path, detail: error.message ?? "\(error.resultCode)")
    }
  }

  // MARK: - Transactions

  /// Runs one user action as one transaction (recorded for undo inside `recording`).
  public func write<T>(_ body: (Database) throws -> T) throws -> T {
    defer { writes.increment() }
    let recorder = Workspace.recording
    func recorded(_ db: Database) throws -> T {
      guard let recorder else { return try body(db) }
      return try recorder.capture(db, actor: actor, body)
    }
    // A JSON workspace saves the document with the change, its record included, in one commit.
    if let jsonFile { return try jsonFile.change(self, recorded) }
    do {
      return try pool.write(recorded)
    } catch let error as DatabaseError {
      throw Workspace.mapWriteError(error, path: path)
    }
  }

  /// Runs a bulk load as one transaction with foreign keys off; `body` checks every reference
  /// once at the end (`PRAGMA foreign_key_check`). With them on, while any reference is left
  /// dangling for later (an attendance row read before its meeting, a visit before its member),
  /// every row that others may point to makes SQLite look for the rows pointing to it, a scan of
  /// the whole table when the load has taken its indexes out: a load slower with every row. A
  /// JSON workspace, or one recording changes, writes the usual way.
  func writeCheckingReferencesAtEnd<T>(_ body: (Database) throws -> T) throws -> T {
    guard jsonFile == nil, Workspace.recording == nil else { return try write(body) }
    defer { writes.increment() }
    do {
      return try pool.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
        var value: T?
        try db.inTransaction {
          value = try body(db)
          return .commit
        }
        return value!
      }
    } catch let error as DatabaseError {
      throw Workspace.mapWriteError(error, path: path)
    }
  }

  public func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try pool.read(body)
    } catch let error as DatabaseError {
      throw Workspace.mapWriteError(error, path: path)
    }
  }

  static func mapWriteError(_ error: DatabaseError, path: String) -> Error {
    switch error.resultCode {
    // An I/O error (a failing disk, a file size limit) would otherwise reach the user as raw
    // "SQLite error 10"; it gets the same kind of sentence and exit status as a full disk.
    // Another process holding the write lock longer than the busy timeout (a long import) gets
    // a sentence that says to try again, not "database is locked".
    case .SQLITE_FULL, .SQLITE_READONLY, .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_IOERR,
      .SQLITE_BUSY, .SQLITE_LOCKED:
      return translate(error, path: path)
    // A sum past Int64: SQLite stops with "integer overflow" rather than give a wrong figure.
    case .SQLITE_ERROR where error.message == "integer overflow":
      return WorkspaceError.sumTooLarge
    default:
      // Anything else is still one sentence, not "SQLite error 19: ... - while executing ...".
      return WorkspaceError.refused(path: path, detail: error.message ?? "\(error.resultCode)")
    }
  }

  /// A number that changes whenever committed data in the workspace changes, whether the write
  /// came from this workspace or from another connection or process (SQLite's `data_version`, read
  /// on the single reader connection, which sees every other connection's commits; our own writes
  /// are counted too, for the in-memory workspace's one connection). Cheap enough to ask before
  /// every frame.
  public func dataVersion() throws -> Int {
    if let jsonFile, jsonFile.reloadIfChanged(self) { writes.increment() }
    let version = try read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    return version &* 1_000_003 &+ writes.count
  }

  /// The next free id of a table; safe inside a write transaction (one writer at a time).
  static func nextId(_ table: String, _ db: Database) throws -> Int64 {
    try Int64.fetchOne(db.cachedStatement(sql: "SELECT IFNULL(MAX(id), 0) + 1 FROM \(table)"))!
  }

  /// The id of a new request: past every request's and every id the audit log names, so a
  /// request removed by undo keeps its id and its entries are never taken for another's.
  static func nextRequestId(_ db: Database) throws -> Int64 {
    try Int64.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT MAX(IFNULL((SELECT MAX(id) FROM supportRequest), 0),
            IFNULL((SELECT MAX(requestId) FROM auditEntry), 0)) + 1
          """))!
  }

  /// Runs SQLite's own consistency check; returns the problems found (empty when healthy).
  public func integrityProblems() throws -> [String] {
    try read { db in
      let rows = try String.fetchAll(db, sql: "PRAGMA integrity_check")
      let foreign = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
      return rows.filter { $0 != "ok" } + foreign.map { "foreign key: \($0)" }
    }
  }

  // MARK: - Office

  public func office() throws -> Office {
    try read { db in try Workspace.office(db) }
  }

  static func office(_ db: Database) throws -> Office {
    guard let row = try Row.fetchOne(db, sql: "SELECT * FROM office WHERE id = 1") else {
      return Office(name: "")
    }
    return Office(
      name: row["name"], region: row["region"], officerVisitWeeks: row["officerVisitWeeks"],
      memberVisitWeeks: row["memberVisitWeeks"])
  }

  func saveOffice(_ office: Office, _ db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO office (id, name, region, officerVisitWeeks, memberVisitWeeks)
        VALUES (1, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET name = excluded.name, region = excluded.region,
          officerVisitWeeks = excluded.officerVisitWeeks, memberVisitWeeks = excluded.memberVisitWeeks
        """,
      arguments: [
        KoreanText.clean(office.name), KoreanText.clean(office.region), office.officerVisitWeeks,
        office.memberVisitWeeks,
      ])
  }

  public func updateOffice(_ office: Office) throws {
    var (office, errors) = office.checked()
    if office.name.isEmpty {
      errors.insert(FieldError(field: "officeName", problem: .required), at: 0)
    }
    if !errors.isEmpty { throw ValidationError(errors) }
    try write { db in try saveOffice(office, db) }
  }

  /// True when the workspace holds no records at all (what a whole-workspace import needs).
  public func isEmpty() throws -> Bool {
    try read { db in try Workspace.holdsNothing(db) }
  }

  /// The same, inside a transaction already open.
  static func holdsNothing(_ db: Database) throws -> Bool {
    try Int.fetchOne(
      db,
      sql: """
        SELECT (SELECT COUNT(*) FROM cluster) + (SELECT COUNT(*) FROM member)
          + (SELECT COUNT(*) FROM program) + (SELECT COUNT(*) FROM expert)
        """)! == 0
  }
}

/// A count shared by the threads that write through one workspace.
private final class WriteCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  var count: Int { lock.withLock { value } }
  func increment() { lock.withLock { value += 1 } }
}

extension Array {
  /// What a function that hands on its elements one at a time (an `each…` of the workspace)
  /// handed on, in order.
  init(collecting each: (_ body: (Element) throws -> Void) throws -> Void) rethrows {
    var elements: [Element] = []
    try each { elements.append($0) }
    self = elements
  }

  /// The array in pieces of at most `size`: SQLite limits how many values one statement takes,
  /// so long `IN (…)` lists are read in batches.
  func batches(of size: Int = 500) -> [ArraySlice<Element>] {
    stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
  }
}

/// The matcher of the last query `cd_match` saw on a connection (which runs one statement at a
/// time).
private final class LastMatcher: @unchecked Sendable {
  var matcher: KoreanText.Matcher?
}

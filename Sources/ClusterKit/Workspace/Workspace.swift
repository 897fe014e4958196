import Foundation
import GRDB

/// One office's data in one SQLite file. Every change a user makes is one transaction; readers
/// never block the writer (WAL), and a second process waits briefly instead of failing.
public final class Workspace: Sendable {
  public let path: String
  /// Who is recorded in the audit log for changes made through this workspace.
  public let actor: String
  let pool: DatabasePool

  /// Opens an existing workspace, or creates a new, empty one when `create` is set and the file
  /// does not exist. A file that is not a workspace, is damaged or comes from a newer version is
  /// refused before anything in it is touched.
  public init(path: String, create: Bool = false, actor: String? = nil) throws {
    let url = URL(fileURLWithPath: path)
    self.path = url.path
    // Cleaned like every other text: `CLUSTERDESK_USER` goes into the audit log and onto screens.
    self.actor = KoreanText.clean(actor ?? Workspace.defaultActor())
    let fileManager = FileManager.default
    var isNew = false
    if !fileManager.fileExists(atPath: self.path) {
      guard create else { throw WorkspaceError.missing(path: self.path) }
      try Workspace.createOwnerOnlyFile(at: self.path)
      isNew = true
    }
    let version = try isNew ? 0 : FileInspection.check(path: self.path)
    if !isNew, !fileManager.isWritableFile(atPath: self.path) {
      throw WorkspaceError.readOnly(path: self.path)
    }
    if version > 0, version < Schema.currentVersion {
      try Workspace.backUp(path: self.path, version: version)
    }
    do {
      pool = try DatabasePool(path: self.path, configuration: Workspace.configuration())
      if version < Schema.currentVersion {
        try pool.barrierWriteWithoutTransaction { db in
          try db.inTransaction {
            try Schema.migrate(db, from: version)
            return .commit
          }
          // The header's application id and schema version must reach the main file, where the
          // next open reads them before SQLite does.
          try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
      }
    } catch let error as DatabaseError {
      throw Workspace.translate(error, path: self.path)
    }
  }

  /// Creates a workspace for an office. Fails if a file is already there.
  public static func create(at path: String, office: Office, actor: String? = nil) throws
    -> Workspace
  {
    if FileManager.default.fileExists(atPath: path) {
      throw WorkspaceError.cannotCreate(path: path, reason: "a file is already there")
    }
    let workspace = try Workspace(path: path, create: true, actor: actor)
    try workspace.write { db in try workspace.saveOffice(office, db) }
    return workspace
  }

  static func configuration() -> Configuration {
    var config = Configuration()
    config.foreignKeysEnabled = true
    config.busyMode = .timeout(15)
    // One reader connection: callers read one thing at a time, each connection carries its own
    // page cache, and `dataVersion()` needs the same connection every time to compare.
    config.maximumReaderCount = 1
    config.prepareDatabase { db in
      db.add(
        function: DatabaseFunction("cd_match", argumentCount: 2, pure: true) { values in
          guard let query = String.fromDatabaseValue(values[0]),
            let key = String.fromDatabaseValue(values[1])
          else { return false }
          return KoreanText.matches(query: query, key: key)
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

  private static func createOwnerOnlyFile(at path: String) throws {
    let directory = (path as NSString).deletingLastPathComponent
    var isDirectory: ObjCBool = false
    if !directory.isEmpty,
      !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
        || !isDirectory.boolValue
    {
      throw WorkspaceError.missingDirectory(path: path)
    }
    let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
    guard fd >= 0 else {
      throw WorkspaceError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
    }
    close(fd)
  }

  /// Copies the file next to itself before a migration changes it.
  private static func backUp(path: String, version: Int) throws {
    let backup = "\(path).v\(version).backup"
    do {
      let source = try DatabaseQueue(path: path, configuration: readOnlyConfiguration())
      try? FileManager.default.removeItem(atPath: backup)
      try createOwnerOnlyFile(at: backup)
      let destination = try DatabaseQueue(path: backup)
      try source.backup(to: destination)
      try destination.close()
      try source.close()
    } catch let error as DatabaseError {
      throw translate(error, path: path)
    }
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

  /// Runs one user action as one transaction.
  public func write<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try pool.write(body)
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
    case .SQLITE_FULL, .SQLITE_READONLY, .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_IOERR:
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
  /// on the single reader connection). Cheap enough to ask before every frame.
  public func dataVersion() throws -> Int {
    try read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
  }

  /// The next free id of a table; safe inside a write transaction (one writer at a time).
  static func nextId(_ table: String, _ db: Database) throws -> Int64 {
    try Int64.fetchOne(db.cachedStatement(sql: "SELECT IFNULL(MAX(id), 0) + 1 FROM \(table)"))!
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
    try read { db in
      try Int.fetchOne(
        db,
        sql: """
          SELECT (SELECT COUNT(*) FROM cluster) + (SELECT COUNT(*) FROM member)
            + (SELECT COUNT(*) FROM program) + (SELECT COUNT(*) FROM expert)
          """)! == 0
    }
  }
}

/// Reads a file's SQLite header without opening it, so a file that is not ours is never changed.
enum FileInspection {
  /// Returns the schema version of a workspace file, or throws why it cannot be opened.
  static func check(path: String) throws -> Int {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      if !FileManager.default.isReadableFile(atPath: path) {
        throw WorkspaceError.cannotCreate(path: path, reason: "permission denied")
      }
      throw WorkspaceError.missing(path: path)
    }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 100)) ?? Data()
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    if size == 0 { throw WorkspaceError.emptyFile(path: path) }
    guard header.count == 100, header.prefix(16) == Data("SQLite format 3\0".utf8) else {
      throw WorkspaceError.notAWorkspace(path: path)
    }
    func uint32(_ offset: Int) -> UInt32 {
      header[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
    let rawPageSize = UInt32(header[16]) << 8 | UInt32(header[17])
    let pageSize = rawPageSize == 1 ? 65536 : Int(rawPageSize)
    let pageCount = Int(uint32(28))
    let version = Int(Int32(bitPattern: uint32(60)))
    let applicationID = Int32(bitPattern: uint32(68))
    if applicationID != Schema.applicationID {
      throw WorkspaceError.otherDatabase(path: path)
    }
    if version > Schema.currentVersion {
      throw WorkspaceError.newerVersion(
        path: path, found: version, supported: Schema.currentVersion)
    }
    let headerSizeValid = uint32(24) == uint32(92)
    if headerSizeValid, pageCount > 0, size < pageCount * pageSize {
      throw WorkspaceError.damaged(
        path: path, detail: "the file is shorter than its header says; it was cut off")
    }
    return version
  }
}

extension Array {
  /// The array in pieces of at most `size`: SQLite limits how many values one statement takes,
  /// so long `IN (…)` lists are read in batches.
  func batches(of size: Int = 500) -> [ArraySlice<Element>] {
    stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
  }
}

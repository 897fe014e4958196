import Foundation
import GRDB
import GRDBSQLite

/// Decides whether a file is a workspace this build can open, before anything in it is touched.
enum FileInspection {
  /// Returns the schema version of a workspace file, or throws why it cannot be opened.
  ///
  /// Without a `-wal` beside it the file's header says all, and SQLite never opens a file that
  /// is not ours. With one, the header may be behind: the newest pages (a migration, or the rest
  /// of a checkpoint that was cut off by a kill or a full disk) are still in the log, and only
  /// SQLite, recovering, sees the real file. SQLite is then asked, read-only; and when the file is
  /// shorter than its header says, its integrity check decides whether anything is missing.
  static func check(path: String) throws -> Int {
    let file = try Header(path: path)
    if file.walSize > 0 {
      if file.size > 0, !file.isSQLite { throw WorkspaceError.notAWorkspace(path: path) }
      return try recovered(path: path, cutOff: file.isCutOff)
    }
    if file.size == 0 { throw WorkspaceError.emptyFile(path: path) }
    guard file.isSQLite else { throw WorkspaceError.notAWorkspace(path: path) }
    return try judge(path: path, applicationID: file.applicationID, version: file.version) {
      if file.isCutOff {
        throw WorkspaceError.damaged(
          path: path, detail: "the file is shorter than its header says; it was cut off")
      }
    }
  }

  private static func judge(
    path: String, applicationID: Int32, version: Int, _ more: () throws -> Void
  ) throws -> Int {
    if applicationID != Schema.applicationID { throw WorkspaceError.otherDatabase(path: path) }
    if version > Schema.currentVersion {
      throw WorkspaceError.newerVersion(
        path: path, found: version, supported: Schema.currentVersion)
    }
    try more()
    return version
  }

  /// The file as SQLite sees it once its log is applied (read-only: nothing is written back),
  /// asked on a bare connection of its own: a command pays this whenever a `-wal` is there (a
  /// dashboard has the workspace open), and a full connection would read the whole schema.
  private static func recovered(path: String, cutOff: Bool) throws -> Int {
    var handle: OpaquePointer?
    defer { sqlite3_close_v2(handle) }
    func failure(_ code: Int32) -> WorkspaceError {
      let message = handle.map { String(cString: sqlite3_errmsg($0)) }
      return Workspace.translate(
        DatabaseError(resultCode: ResultCode(rawValue: code), message: message), path: path)
    }
    let opened = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil)
    guard opened == SQLITE_OK, let db = handle else { throw failure(opened) }
    sqlite3_busy_timeout(db, 15_000)
    /// The first column of every row, as text.
    func texts(_ sql: String) throws -> [String] {
      var statement: OpaquePointer?
      defer { sqlite3_finalize(statement) }
      let prepared = sqlite3_prepare_v2(db, sql, -1, &statement, nil)
      guard prepared == SQLITE_OK else { throw failure(prepared) }
      var values: [String] = []
      while true {
        let step = sqlite3_step(statement)
        if step == SQLITE_DONE { return values }
        guard step == SQLITE_ROW else { throw failure(step) }
        values.append(sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? "")
      }
    }
    let applicationID = Int32(try texts("PRAGMA application_id").first ?? "") ?? 0
    let version = Int(try texts("PRAGMA user_version").first ?? "") ?? 0
    return try judge(path: path, applicationID: applicationID, version: version) {
      guard cutOff else { return }
      if let first = try texts("PRAGMA integrity_check").first(where: { $0 != "ok" }) {
        throw WorkspaceError.damaged(path: path, detail: first)
      }
    }
  }

  /// What the first 100 bytes and the sizes say, read without waiting on anything: a named pipe
  /// or a device is refused before it is opened for reading.
  struct Header {
    var size: Int
    var walSize: Int
    var bytes: Data

    init(path: String) throws {
      let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
      guard fd >= 0 else {
        if errno == ENOENT { throw WorkspaceError.missing(path: path) }
        throw WorkspaceError.cannotOpen(FileProblem(path: path))
      }
      defer { close(fd) }
      var info = stat()
      guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
        throw WorkspaceError.notARegularFile(path: path)
      }
      size = Int(info.st_size)
      var buffer = [UInt8](repeating: 0, count: 100)
      let count = read(fd, &buffer, 100)
      bytes = Data(buffer.prefix(max(0, count)))
      var wal = stat()
      walSize = stat(path + "-wal", &wal) == 0 ? Int(wal.st_size) : 0
    }

    var isSQLite: Bool { bytes.count == 100 && bytes.prefix(16) == Data("SQLite format 3\0".utf8) }

    private func uint32(_ offset: Int) -> UInt32 {
      bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    var version: Int { Int(Int32(bitPattern: uint32(60))) }
    var applicationID: Int32 { Int32(bitPattern: uint32(68)) }

    /// The header counts more pages than the file holds.
    var isCutOff: Bool {
      guard isSQLite else { return false }
      let rawPageSize = UInt32(bytes[16]) << 8 | UInt32(bytes[17])
      let pageSize = rawPageSize == 1 ? 65536 : Int(rawPageSize)
      let pageCount = Int(uint32(28))
      // The page count is only valid when the change counter matches "version valid for".
      let headerSizeValid = uint32(24) == uint32(92)
      return headerSizeValid && pageCount > 0 && size < pageCount * pageSize
    }
  }
}

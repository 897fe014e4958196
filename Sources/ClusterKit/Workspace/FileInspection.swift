import Foundation
import GRDB

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

  /// The file as SQLite sees it once its log is applied (read-only: nothing is written back).
  private static func recovered(path: String, cutOff: Bool) throws -> Int {
    do {
      let queue = try DatabaseQueue(path: path, configuration: Workspace.readOnlyConfiguration())
      defer { try? queue.close() }
      return try queue.read { db in
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        return try judge(path: path, applicationID: applicationID, version: version) {
          guard cutOff else { return }
          let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            .filter { $0 != "ok" }
          if let first = problems.first {
            throw WorkspaceError.damaged(path: path, detail: first)
          }
        }
      }
    } catch let error as DatabaseError {
      throw Workspace.translate(error, path: path)
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

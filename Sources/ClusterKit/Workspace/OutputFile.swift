import Foundation

/// Why an output file was not written: the path names a SQLite database (the workspace itself
/// under any of its names, a backup, another program's) or a journal beside one.
public enum OutputRefusal: Error, Hashable, Sendable {
  case journal(path: String, database: String)
  case workspace(path: String)
  case database(path: String)

  public func message(_ language: Language) -> String {
    switch self {
    case .journal(let path, let database):
      language.pick(
        "\(path) belongs to the database \(database); nothing was written, so choose another file.",
        "\(path, .topic) 데이터베이스 \(database)에 딸린 파일입니다. 아무것도 쓰지 않았으니 다른 파일을 고르세요.")
    case .workspace(let path):
      language.pick(
        "\(path) is the workspace itself; nothing was written, so choose another file.",
        "\(path, .topic) 워크스페이스 자체입니다. 아무것도 쓰지 않았으니 다른 파일을 고르세요.")
    case .database(let path):
      language.pick(
        "\(path) is a SQLite database (a workspace, a backup or another program's); nothing was written, so choose another file.",
        "\(path, .topic) SQLite 데이터베이스(워크스페이스, 백업 또는 다른 프로그램의 파일)입니다. 아무것도 쓰지 않았으니 다른 파일을 고르세요."
      )
    }
  }
}

/// Files a user asked for (exports, workbooks, documents), written the one way: never over a
/// database, owner-only, beside their place and renamed in.
public enum OutputFile {
  /// Writes data to a file created owner-only (beside its place, then moved in). A device or
  /// pipe (/dev/stdout, a FIFO) is written in place. Throws `OutputRefusal` for a path that
  /// names a database or one's journal, `FileProblem` when the system refuses the write.
  public static func write(_ data: Data, to path: String, workspacePath: String?) throws {
    try write(to: path, workspacePath: workspacePath) { sink in try sink(data) }
  }

  /// The same, for output made a piece at a time: `produce` hands each piece to its sink as it
  /// is made (an export of the whole workspace is never held whole).
  public static func write(
    to path: String, workspacePath: String?,
    _ produce: (_ sink: (Data) throws -> Void) throws -> Void
  ) throws {
    if let refusal = refusal(path, workspacePath: workspacePath) { throw refusal }
    var info = stat()
    if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
      let fd = open(path, O_WRONLY | O_CLOEXEC)
      guard fd >= 0 else { throw FileProblem(path: path) }
      let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
      try produce { data in
        do {
          try handle.write(contentsOf: data)
        } catch {
          throw FileProblem(path: path, code: (error as NSError).posixCode)
        }
      }
      return
    }
    // Written beside its place and renamed over it: an export that replaces an older one (even
    // one readable by others) ends up 0600, and a failed write (a full disk) leaves the older one
    // whole.
    let partial = try PartialFile(for: path)
    try produce { try partial.write($0) }
    try partial.commit(replacing: true)
  }

  /// Why `path` must not be written: it names a SQLite database (or the workspace at
  /// `workspacePath`) or one's `-wal`, `-shm` or `-journal`; nil when it may be.
  public static func refusal(_ path: String, workspacePath: String?) -> OutputRefusal? {
    for suffix in ["-wal", "-shm", "-journal"] where path.hasSuffix(suffix) {
      let database = String(path.dropLast(suffix.count))
      if isDatabase(database) || workspacePath.map({ sameFile(database, $0) }) == true {
        return .journal(path: path, database: database)
      }
    }
    if let workspacePath, sameFile(path, workspacePath) { return .workspace(path: path) }
    if isDatabase(path) { return .database(path: path) }
    return nil
  }

  /// True when `path` is a regular file that starts like a SQLite database.
  public static func isDatabase(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
    var header = [UInt8](repeating: 0, count: 16)
    return read(fd, &header, 16) == 16 && header == Array("SQLite format 3\0".utf8)
  }

  /// True when both paths name the same file (device and inode), through links or not.
  public static func sameFile(_ a: String, _ b: String) -> Bool {
    var first = stat()
    var second = stat()
    return stat(a, &first) == 0 && stat(b, &second) == 0 && first.st_dev == second.st_dev
      && first.st_ino == second.st_ino
  }
}

extension NSError {
  /// The errno behind a Foundation file error, or EIO.
  public var posixCode: Int32 {
    if domain == NSPOSIXErrorDomain { return Int32(code) }
    if let underlying = userInfo[NSUnderlyingErrorKey] as? NSError { return underlying.posixCode }
    return EIO
  }
}

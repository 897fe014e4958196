import Foundation
import GRDB

/// A workspace kept as one JSON document (docs/json-format.md) instead of a SQLite file.
///
/// Opening reads the document through the whole-workspace import (every check runs) into a
/// database in memory, which the commands and the dashboard use as they use a SQLite file. Each
/// change then runs under a lock on the file: the file is read again and, when something else
/// changed it, loaded again first; the change is made; the workspace is exported, written beside
/// the file, flushed and renamed over it (owner-only); and only then is the change committed in
/// memory. A change that cannot be saved is not kept, and a kill leaves the old file or the new
/// one, never a mix. The export is canonical, so one change shows as a small diff.
final class JSONWorkspaceFile: @unchecked Sendable {
  let path: String
  /// One change at a time within this process; the file lock keeps other processes out.
  private let mutex = NSLock()
  /// The file as last read or written by this process.
  private var known: Snapshot
  /// The format version of the document in the file; an older one is kept as `PATH.vN.backup`
  /// before the first save writes the current version.
  private var fileVersion: Int
  /// The file as it was when reading it last failed, so that each frame does not try again.
  private var refused: Stamp?
  private var notices: [FileNotice] = []
  /// The database as loaded, kept for the next command on the same bytes (nil when turned off).
  private let cache: JSONWorkspaceCache?

  /// How long a change waits for another process's save before it is refused.
  static let lockWait: TimeInterval = 5
  /// From this size on, each change takes long enough to save that SQLite suits better.
  static let largeSize = 5_000_000

  private init(path: String, known: Snapshot, version: Int) {
    self.path = path
    self.known = known
    fileVersion = version
    cache = JSONWorkspaceCache(for: path)
    if known.bytes.count >= Self.largeSize {
      notices.append(.large(path: path, bytes: known.bytes.count))
    }
  }

  /// The file just written by `Workspace.create` (its content is the database in memory).
  convenience init(createdAt path: String) throws {
    let (bytes, stamp) = try Self.read(path)
    self.init(
      path: path, known: Snapshot(stamp: stamp, bytes: bytes),
      version: WorkspaceDocument.currentVersion)
  }

  /// A file that starts like a JSON object: a JSON workspace, or a broken one that should hear
  /// what is wrong with it as JSON.
  static func holdsDocument(_ path: String) -> Bool {
    guard let header = try? FileInspection.Header(path: path) else { return false }
    var bytes = header.bytes[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    return bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{")
  }

  /// A new workspace is a JSON one when its name says so.
  static func isDocumentName(_ path: String) -> Bool { path.lowercased().hasSuffix(".json") }

  /// Reads the workspace in the file at `path` into a database in memory: copied from the cache
  /// when it holds these very bytes, else loaded from them and then cached.
  static func open(_ path: String) throws -> (DatabaseQueue, JSONWorkspaceFile) {
    if !FileManager.default.isWritableFile(atPath: path) {
      throw WorkspaceError.readOnly(path: path)
    }
    let (bytes, stamp) = try read(path)
    let cache = JSONWorkspaceCache(for: path)
    let key = cache.map { _ in JSONWorkspaceCache.key(bytes, stamp: stamp) }
    let pool: DatabaseQueue
    let version: Int
    if let key, let cached = cache?.load(key: key) {
      (pool, version) = cached
    } else {
      let document: WorkspaceDocument
      (document, version) = try decode(bytes, path: path, changedOutside: false)
      pool = try load(document, path: path, changedOutside: false)
      if let key { cache?.store(pool, key: key, formatVersion: version) }
    }
    let file = JSONWorkspaceFile(
      path: path, known: Snapshot(stamp: stamp, bytes: bytes), version: version)
    return (pool, file)
  }

  // MARK: - Changes

  /// Runs one change on the workspace and saves it, as described above.
  func change<T>(_ workspace: Workspace, _ body: (Database) throws -> T) throws -> T {
    mutex.lock()
    defer { mutex.unlock() }
    let lock = try Self.lock(path)
    defer { close(lock) }
    try refresh(workspace)
    let saved = known.bytes
    let result: T
    do {
      result = try workspace.pool.write { db in
        let result = try body(db)
        try save(Workspace.exportDocument(db).encoded())
        return result
      }
    } catch let error as DatabaseError {
      throw Workspace.mapWriteError(error, path: path)
    }
    // Only once committed does the memory database hold what the file now holds.
    if known.bytes != saved { storeCache(workspace.pool) }
    return result
  }

  /// Replaces everything in the workspace with `document` (a restore), after `keep` has copied
  /// what it held, all under the lock.
  func replace(
    _ workspace: Workspace, with document: WorkspaceDocument, keep: () throws -> Void
  ) throws {
    mutex.lock()
    defer { mutex.unlock() }
    let lock = try Self.lock(path)
    defer { close(lock) }
    try refresh(workspace)
    try keep()
    let fresh = try Self.load(document, path: path, changedOutside: false)
    try save(document.encoded())
    do {
      try fresh.backup(to: workspace.pool)
    } catch let error as DatabaseError {
      throw Workspace.mapWriteError(error, path: path)
    }
    storeCache(fresh)
  }

  /// Called before each frame: loads the file again when it is no longer what this process
  /// last read or wrote (one `stat` when nothing changed). Returns whether there is something
  /// new to show: the file loaded again, or a notice that it does not read.
  func reloadIfChanged(_ workspace: Workspace) -> Bool {
    mutex.lock()
    defer { mutex.unlock() }
    guard let now = Stamp(path: path), now != known.stamp, now != refused else { return false }
    do {
      return try refresh(workspace)
    } catch let error as WorkspaceError {
      refused = now
      notices.append(.unreadable(error))
      return true
    } catch {
      refused = now
      notices.append(
        .unreadable(
          .unreadableDocument(
            path: path, changedOutside: true, english: "\(error)", korean: "\(error)")))
      return true
    }
  }

  /// The notice to show, oldest first: the file was loaded again, it does not read, or it is
  /// large.
  func takeNotice() -> FileNotice? {
    mutex.lock()
    defer { mutex.unlock() }
    return notices.isEmpty ? nil : notices.removeFirst()
  }

  /// The size of the file as last read or written.
  var size: Int { mutex.withLock { known.bytes.count } }

  /// Loads the file into the workspace when its bytes are not the ones this process knows.
  @discardableResult
  private func refresh(_ workspace: Workspace) throws -> Bool {
    let (bytes, stamp) = try Self.read(path)
    if bytes == known.bytes {
      known.stamp = stamp
      return false
    }
    let (document, version) = try Self.decode(bytes, path: path, changedOutside: true)
    let fresh = try Self.load(document, path: path, changedOutside: true)
    do {
      try fresh.backup(to: workspace.pool)
    } catch let error as DatabaseError {
      throw Workspace.mapWriteError(error, path: path)
    }
    known = Snapshot(stamp: stamp, bytes: bytes)
    fileVersion = version
    refused = nil
    storeCache(fresh)
    notices.append(.reloaded(path: path))
    return true
  }

  /// Keeps `database`, which holds what the file's bytes load into, in the cache.
  private func storeCache(_ database: some DatabaseReader) {
    cache?.store(
      database, key: JSONWorkspaceCache.key(known.bytes, stamp: known.stamp),
      formatVersion: fileVersion)
  }

  /// Writes the document beside the file and renames it over the file, unless nothing changed.
  /// The file is compared with what was read once more just before: a change made meanwhile by
  /// a program that takes no lock is not written over.
  private func save(_ bytes: Data) throws {
    if bytes == known.bytes { return }
    do {
      if fileVersion < WorkspaceDocument.currentVersion {
        let backup = "\(path).v\(fileVersion).backup"
        let copy = try PartialFile(for: backup)
        try copy.write(known.bytes)
        try copy.commit(replacing: true)
      }
      let partial = try PartialFile(for: path)
      try partial.write(bytes)
      guard let stamp = Stamp(path: partial.path) else { throw FileProblem(path: path) }
      if try Self.read(path).0 != known.bytes {
        throw WorkspaceError.conflict(kind: "file", reference: path)
      }
      try partial.commit(replacing: true)
      known = Snapshot(stamp: stamp, bytes: bytes)
      fileVersion = WorkspaceDocument.currentVersion
    } catch let problem as FileProblem {
      throw problem.isDiskFull
        ? WorkspaceError.diskFull(path: path)
        : WorkspaceError.writeFailed(path: path, detail: String(cString: strerror(problem.code)))
    }
  }

  /// Takes the lock on the file, waiting up to `lockWait` for another process's save. The lock is
  /// on the file itself; a save renames a new file in, so a lock won on a file that has been
  /// replaced meanwhile is let go and taken again on the new one.
  private static func lock(_ path: String) throws -> Int32 {
    let deadline = Date().addingTimeInterval(lockWait)
    while true {
      let fd = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
      guard fd >= 0 else {
        if errno == ENOENT { throw WorkspaceError.missing(path: path) }
        throw WorkspaceError.cannotOpen(FileProblem(path: path))
      }
      if flock(fd, LOCK_EX | LOCK_NB) == 0 {
        var held = stat()
        if fstat(fd, &held) == 0, Stamp(path: path)?.sameFile(held) == true { return fd }
      }
      close(fd)
      if Date() >= deadline { throw WorkspaceError.busy(path: path) }
      usleep(5_000)
    }
  }

  // MARK: - Reading

  /// The whole file and what `stat` says of it. A save renames a complete file in, so this reads
  /// one whole version even while another process saves.
  private static func read(_ path: String) throws -> (Data, Stamp) {
    let fd = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
      if errno == ENOENT { throw WorkspaceError.missing(path: path) }
      throw WorkspaceError.cannotOpen(FileProblem(path: path))
    }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw WorkspaceError.notARegularFile(path: path)
    }
    do {
      return (try handle.readToEnd() ?? Data(), Stamp(info))
    } catch {
      throw WorkspaceError.cannotOpen(FileProblem(path: path, code: (error as NSError).posixCode))
    }
  }

  /// The document in the file, and the version it was written in.
  private static func decode(_ bytes: Data, path: String, changedOutside: Bool) throws
    -> (WorkspaceDocument, Int)
  {
    do {
      return try WorkspaceDocument.decodeVersioned(bytes)
    } catch {
      throw unreadable(error, path: path, changedOutside: changedOutside)
    }
  }

  /// The refusal of a document whose records (or syntax) are wrong, naming the first few.
  private static func unreadable(_ error: ValidationError, path: String, changedOutside: Bool)
    -> WorkspaceError
  {
    func detail(_ l: Language) -> String {
      let shown = error.errors.prefix(3).map { $0.message(l) }.joined(separator: "; ")
      let more = error.errors.count - 3
      return more > 0 ? shown + l.pick(" and \(more) more", " 외 \(more)건") : shown
    }
    return .unreadableDocument(
      path: path, changedOutside: changedOutside, english: detail(.en), korean: detail(.ko))
  }

  /// A new database in memory holding the document, checked as an import is. Reading the file
  /// is no change of the user's: it is not recorded for undo (a command's recording would
  /// otherwise copy every row loaded, and its undo would empty the workspace).
  private static func load(_ document: WorkspaceDocument, path: String, changedOutside: Bool)
    throws -> DatabaseQueue
  {
    let pool = try Workspace.memoryPool(shownAs: path)
    do {
      try Workspace.$recording.withValue(nil) {
        try Workspace(pool: pool, path: path, actor: nil, jsonFile: nil).importDocument(document)
      }
    } catch let error as ValidationError {
      throw unreadable(error, path: path, changedOutside: changedOutside)
    }
    return pool
  }

  /// What `stat` says of a file: enough to see at once that it was replaced or written.
  struct Stamp: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec

    init(_ info: stat) {
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
      size = Int64(info.st_size)
      modified = info.st_mtim
    }

    init?(path: String) {
      var info = stat()
      guard stat(path, &info) == 0 else { return nil }
      self.init(info)
    }

    func sameFile(_ info: stat) -> Bool {
      device == UInt64(info.st_dev) && inode == UInt64(info.st_ino)
    }

    static func == (a: Stamp, b: Stamp) -> Bool {
      a.device == b.device && a.inode == b.inode && a.size == b.size
        && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
    }
  }

  /// The file's stamp and its bytes: the stamp tells cheaply that it changed, the bytes surely.
  private struct Snapshot {
    var stamp: Stamp
    var bytes: Data
  }
}

/// Something the dashboard says about a JSON workspace's file.
public enum FileNotice: Sendable {
  /// Another program (or another ClusterDesk) changed the file; it was loaded again.
  case reloaded(path: String)
  /// The file changed and does not read now; nothing is saved until it does.
  case unreadable(WorkspaceError)
  /// Every change rewrites a file this large; SQLite would suit it better.
  case large(path: String, bytes: Int)

  public var isError: Bool {
    if case .unreadable = self { return true }
    return false
  }

  public func message(_ l: Language) -> String {
    switch self {
    case .reloaded(let path):
      let name = (path as NSString).lastPathComponent
      return l.pick(
        "Reloaded \(name): it was changed outside this window (\(path)).",
        "\(name, .object) 다시 불러왔습니다: 이 창 밖에서 바뀌었습니다(\(path)).")
    case .unreadable(.unreadableDocument(let path, _, let english, let korean)):
      let name = (path as NSString).lastPathComponent
      return l.pick(
        "\(name) was changed by another program and no longer reads as a workspace; nothing is saved until it does (\(english)).",
        "다른 프로그램이 \(name, .object) 바꾸어 워크스페이스로 읽을 수 없습니다. 다시 읽을 수 있을 때까지 아무것도 저장하지 않습니다(\(korean))."
      )
    case .unreadable(let error):
      return error.message(l)
    case .large(let path, let bytes):
      let megabytes = (bytes + 500_000) / 1_000_000
      return l.pick(
        "\(path) is a large JSON workspace (\(megabytes) MB) and every change rewrites it; a SQLite workspace suits it better: clusterdesk convert \(path) NEW.clusterdesk",
        "\(path, .topic) 큰 JSON 워크스페이스(\(megabytes) MB)라 변경할 때마다 파일 전체를 다시 씁니다. SQLite 워크스페이스가 더 알맞습니다: clusterdesk convert \(path) 새파일.clusterdesk"
      )
    }
  }
}

extension Workspace {
  /// True for a workspace kept as a JSON document.
  public var isJSONDocument: Bool { jsonFile != nil }

  /// What the dashboard should say about the JSON file now (nil for SQLite, or nothing new).
  public func takeFileNotice() -> FileNotice? { jsonFile?.takeNotice() }

  /// The size of a JSON workspace from which the commands and the dashboard advise SQLite.
  public static var largeJSONSize: Int { JSONWorkspaceFile.largeSize }

  /// The advice to use SQLite, for a JSON workspace large enough to need it.
  public func storageAdvice(_ l: Language) -> String? {
    guard let size = jsonFile?.size, size >= JSONWorkspaceFile.largeSize else { return nil }
    return FileNotice.large(path: path, bytes: size).message(l)
  }

  /// Builds a new JSON workspace: `fill` works on a database in memory, whose export is written
  /// beside `path` and linked in complete. Returns that database.
  static func buildDocument(
    at path: String, actor: String?, fill: (Workspace) throws -> Void
  ) throws -> DatabaseQueue {
    let pool = try memoryPool(shownAs: path)
    let workspace = Workspace(pool: pool, path: path, actor: actor, jsonFile: nil)
    try build(at: path) { partial in
      try fill(workspace)
      try partial.write(workspace.exportDocument().encoded())
    }
    return pool
  }
}

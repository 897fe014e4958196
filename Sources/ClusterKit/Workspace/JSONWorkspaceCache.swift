import Foundation
import GRDB
import ZIPFoundation

/// The database a JSON workspace was loaded into, kept in the user's cache folder
/// (`$XDG_CACHE_HOME/clusterdesk/`, else `~/.cache/clusterdesk/`, or the folder a test sets in
/// `folder`; the folder 0700, the files 0600), so that a command on an unchanged file copies it
/// into memory instead of decoding, checking and inserting the whole document again. There is one file per workspace path, named
/// by the digest of that path, so the folder does not grow with each change, and beside it a
/// small file of the same name ending `.workspace` holding that path, so that a cache whose
/// workspace is gone is told without opening it.
///
/// The JSON file stays the only truth: the cache is used only when the file's key (`key`: its
/// `stat` stamp and the CRC-32 of its exact bytes), the schema version and the program that built
/// it all match, and when it passes SQLite's quick check. A cache that is missing, unreadable, of another version or for other
/// bytes is simply built again, never an error; `CLUSTERDESK_NO_CACHE=1` turns it off.
struct JSONWorkspaceCache: Sendable {
  /// The cache file for the workspace.
  let path: String
  /// The workspace's absolute path, kept in the cache and in `ownerPath` so that a cache whose
  /// workspace is gone can be told and removed.
  let workspace: String

  /// The small file beside the cache holding the workspace's path.
  var ownerPath: String { Self.ownerPath(of: path) }

  static func ownerPath(of cache: String) -> String {
    String(cache.dropLast(".sqlite".count)) + ".workspace"
  }

  /// The folder the caches are kept in when set (a test's temporary folder), instead of the
  /// user's cache folder.
  @TaskLocal static var folder: String?

  /// The cache for the workspace at the absolute path `workspace`, in `folder` when it is set,
  /// else in the user's cache folder; nil when it is turned off or there is no cache folder.
  init?(for workspace: String, environment: [String: String] = ProcessInfo.processInfo.environment)
  {
    guard environment["CLUSTERDESK_NO_CACHE"] != "1", Self.program != nil,
      let folder = Self.folder ?? Self.userFolder(environment)
    else { return nil }
    path = folder + "/" + SHA256.hex(Array(workspace.utf8)) + ".sqlite"
    self.workspace = workspace
  }

  /// `$XDG_CACHE_HOME/clusterdesk`, else `~/.cache/clusterdesk`; nil without either.
  static func userFolder(_ environment: [String: String]) -> String? {
    if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
      return base + "/clusterdesk"
    } else if let home = environment["HOME"], home.hasPrefix("/") {
      return home + "/.cache/clusterdesk"
    }
    return nil
  }

  /// What names the bytes of a JSON file in its cache: the file's device, inode, size and
  /// modification time as `stat` gave them when the bytes were read, and the CRC-32 of the bytes.
  /// A file changed in any way the stamp does not show (rewritten in place within one tick of the
  /// clock, its time put back) is told by its bytes, and a checksum that happens to match is told
  /// by the stamp; a whole file's SHA-256 would cost an open more than the copy of the cache.
  static func key(_ bytes: Data, stamp: JSONWorkspaceFile.Stamp) -> String {
    let crc = String(bytes.crc32(checksum: 0), radix: 16)
    return "\(stamp.device) \(stamp.inode) \(stamp.size) "
      + "\(stamp.modified.tv_sec).\(stamp.modified.tv_nsec) crc32 \(crc)"
  }

  /// The program that builds a cache: its executable's size and modification time, so that a
  /// new build (whose import may load a document differently) does not use an older one's cache.
  static let program: String? = {
    guard let executable = Bundle.main.executablePath else { return nil }
    var info = stat()
    guard stat(executable, &info) == 0 else { return nil }
    return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
  }()

  private static let table = "clusterdeskCache"

  /// The database loaded from the bytes with `key` and the format version of their document,
  /// when the cache holds exactly that; nil otherwise.
  func load(key fileKey: String) -> (DatabaseQueue, Int)? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    do {
      var readOnly = Configuration()
      readOnly.readonly = true
      let file = try DatabaseQueue(path: path, configuration: readOnly)
      defer { try? file.close() }
      let key = try file.read { db in
        try Row.fetchOne(
          db, sql: "SELECT fileKey, schemaVersion, program, formatVersion FROM \(Self.table)")
      }
      guard let key, key["fileKey"] == fileKey, key["schemaVersion"] == Schema.currentVersion,
        key["program"] == Self.program, let formatVersion: Int = key["formatVersion"]
      else { return nil }
      let pool = try DatabaseQueue(configuration: Workspace.configuration())
      try file.backup(to: pool)
      let sound = try pool.write { db in
        try db.execute(sql: "DROP TABLE \(Self.table)")
        return try String.fetchOne(db, sql: "PRAGMA quick_check") == "ok"
          && (try Int.fetchOne(db, sql: "PRAGMA user_version")) == Schema.currentVersion
      }
      return sound ? (pool, formatVersion) : nil
    } catch {
      return nil
    }
  }

  /// Keeps `database`, which holds what loading the bytes with `key` gives (its change log
  /// aside, which a load starts without), as the cache: written beside the cache file and renamed
  /// over it. A cache that cannot be written is left out, silently.
  func store(_ database: some DatabaseReader, key: String, formatVersion: Int) {
    let partial = "\(path).\(getpid()).partial"
    defer { unlink(partial) }
    do {
      try makeFolder()
      unlink(partial)
      // Created owner-only before SQLite opens it, which keeps the mode it finds.
      let fd = open(partial, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
      guard fd >= 0 else { return }
      close(fd)
      // A partial that a crash leaves unfinished is never renamed in, so it needs no journal
      // and no syncs.
      var unsynced = Configuration()
      unsynced.prepareDatabase { db in
        try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
      }
      let file = try DatabaseQueue(path: partial, configuration: unsynced)
      try database.backup(to: file)
      try file.write { db in
        try db.execute(
          sql: """
            DELETE FROM recordedRow;
            DELETE FROM recordedChange;
            CREATE TABLE \(Self.table) (
              fileKey TEXT NOT NULL, schemaVersion INTEGER NOT NULL, program TEXT NOT NULL,
              formatVersion INTEGER NOT NULL, workspace TEXT NOT NULL);
            INSERT INTO \(Self.table) VALUES (?, ?, ?, ?, ?);
            """,
          arguments: [key, Schema.currentVersion, Self.program, formatVersion, workspace])
      }
      try file.close()
    } catch {
      return
    }
    // Only a workspace new to the folder makes it grow, so only then are the caches of
    // workspaces that are gone looked for: a save, which replaces its own cache, never pays
    // for the other caches in the folder.
    let isNew = access(path, F_OK) != 0
    if access(ownerPath, F_OK) != 0 {
      guard (try? Data(workspace.utf8).write(to: URL(fileURLWithPath: ownerPath))) != nil else {
        return
      }
      chmod(ownerPath, 0o600)
    }
    rename(partial, path)
    if isNew { removeCachesOfWorkspacesGone() }
  }

  /// Removes the other caches in the folder whose workspace file no longer exists (moved or
  /// deleted), or that do not say whose they are, so that the folder holds only live ones. Each
  /// is told by the small file naming its workspace; no cache is opened.
  func removeCachesOfWorkspacesGone() {
    let folder = (path as NSString).deletingLastPathComponent
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names where name.hasSuffix(".sqlite") {
      let other = (folder as NSString).appendingPathComponent(name)
      guard other != path else { continue }
      let owner = Self.ownerPath(of: other)
      if let workspace = try? String(contentsOfFile: owner, encoding: .utf8),
        FileManager.default.fileExists(atPath: workspace)
      {
        continue
      }
      unlink(other)
      unlink(owner)
    }
  }

  /// The cache folder, made owner-only.
  private func makeFolder() throws {
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    chmod(folder, 0o700)
  }
}

extension Workspace {
  /// Removes the cache of the JSON workspace at `path`, so that its next open loads the file.
  public static func removeJSONCache(of path: String) {
    guard let cache = JSONWorkspaceCache(for: URL(fileURLWithPath: path).path) else { return }
    unlink(cache.path)
    unlink(cache.ownerPath)
  }
}

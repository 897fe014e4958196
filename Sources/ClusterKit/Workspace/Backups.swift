import Foundation
import GRDB

/// How much a workspace holds, to say what a restore replaced.
public struct WorkspaceCounts: Hashable, Sendable {
  public var members: Int
  public var meetings: Int
  public var visits: Int
  public var requests: Int

  public func summary(_ language: Language) -> String {
    language.pick(
      "\(members) members, \(meetings) meetings, \(visits) visits and \(requests) requests",
      "회원 \(members), 회의 \(meetings), 방문 \(visits), 지원신청 \(requests)건")
  }

  static func read(_ db: Database) throws -> WorkspaceCounts {
    let row = try Row.fetchOne(
      db,
      sql: """
        SELECT (SELECT COUNT(*) FROM member) AS members, (SELECT COUNT(*) FROM meeting) AS meetings,
          (SELECT COUNT(*) FROM visit) AS visits, (SELECT COUNT(*) FROM supportRequest) AS requests
        """)!
    return WorkspaceCounts(
      members: row["members"], meetings: row["meetings"], visits: row["visits"],
      requests: row["requests"])
  }
}

/// What `restore` did: what the workspace holds now, what it held, and where that was kept.
public struct RestoreResult: Sendable {
  public var restored: WorkspaceCounts
  public var replaced: WorkspaceCounts
  public var keptAt: String
}

/// Backups a manager never has to think about, in a folder beside the workspace
/// (`PATH.backups`, owner-only): one automatic copy a day, taken on the first open of the day (of
/// a JSON workspace, a SQLite copy of what its file holds), of which the last 7 days and the last
/// copy of each of the 4 weeks before are kept; and the copies `backup` and `restore` make, which
/// are kept until removed by hand.
public enum Backups {
  public static func folder(for workspace: String) -> String { workspace + ".backups" }

  static func automaticName(_ day: Day) -> String { "auto-\(day).backup" }

  /// True when today's automatic backup is not there yet: one `stat`, cheap enough for every
  /// open.
  public static func isAutomaticDue(for workspace: String, today: Day) -> Bool {
    let path = (folder(for: workspace) as NSString).appendingPathComponent(automaticName(today))
    return access(path, F_OK) != 0
  }

  /// Takes today's automatic backup unless it is there, then removes the automatic backups the
  /// rotation no longer keeps and any half-made copy a killed run left. One process at a time
  /// does this; another one returns at once. Returns whether a backup was taken.
  @discardableResult
  public static func takeAutomatic(for workspace: String, today: Day) throws -> Bool {
    let folder = try makeFolder(for: workspace)
    let lock = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard lock >= 0 else { throw FileProblem(path: folder) }
    defer { close(lock) }
    guard flock(lock, LOCK_EX | LOCK_NB) == 0 else { return false }
    PartialFile.removeStale(in: folder)
    let target = (folder as NSString).appendingPathComponent(automaticName(today))
    var took = false
    if access(target, F_OK) != 0 {
      if JSONWorkspaceFile.holdsDocument(workspace) {
        // A SQLite copy of what the file holds, as `backup` takes, so that `restore` reads it.
        try Workspace(path: workspace).backUp(to: target)
      } else {
        _ = try FileInspection.check(path: workspace)
        try Workspace.copy(file: workspace, to: target, replacing: false)
      }
      took = true
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    var automatic: [Day: String] = [:]
    for name in names where name.hasPrefix("auto-") && name.hasSuffix(".backup") {
      if let day = Day(parsing: String(name.dropFirst(5).dropLast(7))),
        automaticName(day) == name
      {
        automatic[day] = name
      }
    }
    let keep = kept(Array(automatic.keys), today: today)
    for (day, name) in automatic where !keep.contains(day) {
      unlink((folder as NSString).appendingPathComponent(name))
    }
    return took
  }

  /// The days whose automatic backups stay: the last 7 days (and any dated after today), and
  /// the newest of each of the 4 calendar weeks before this one.
  static func kept(_ days: [Day], today: Day) -> Set<Day> {
    var keep = Set(days.filter { $0.days(until: today) < 7 })
    let thisWeek = today.startOfWeek
    for weeksBack in 1...4 {
      let start = thisWeek.adding(days: -7 * weeksBack)
      let end = start.adding(days: 6)
      if let newest = days.filter({ $0 >= start && $0 <= end }).max() { keep.insert(newest) }
    }
    return keep
  }

  /// A new name in the backups folder for a backup taken by hand or before a restore:
  /// `manual-2026-11-26-143005.backup`, with `-2`, `-3` … if that is taken.
  public static func newPath(for workspace: String, label: String, today: Day, now: Date = Date())
    throws -> String
  {
    let folder = try makeFolder(for: workspace)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "HHmmss"
    let stem = "\(label)-\(today)-\(formatter.string(from: now))"
    var name = stem + ".backup"
    var number = 2
    while access((folder as NSString).appendingPathComponent(name), F_OK) == 0 {
      name = "\(stem)-\(number).backup"
      number += 1
    }
    return (folder as NSString).appendingPathComponent(name)
  }

  /// The backups folder, made owner-only if it is not there. It must be a folder of this user.
  static func makeFolder(for workspace: String) throws -> String {
    let path = folder(for: workspace)
    if mkdir(path, 0o700) != 0, errno != EEXIST { throw FileProblem(path: path) }
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == geteuid()
    else { throw FileProblem(path: path, code: ENOTDIR) }
    return path
  }
}

extension Workspace {
  /// A consistent copy of the workspace as it is now, taken while others keep reading and
  /// writing (SQLite's online backup), owner-only, and never half-made under its name.
  public func backUp(to destination: String) throws {
    do {
      if jsonFile != nil {
        let partial = try PartialFile(for: destination)
        try Workspace.backup(reading: pool, into: partial.path)
        try partial.commit(replacing: false)
        return
      }
      try Workspace.copy(file: path, to: destination, replacing: false)
    } catch let error as DatabaseError {
      throw Workspace.mapWriteError(error, path: destination)
    }
  }

  public func counts() throws -> WorkspaceCounts {
    try read { db in try WorkspaceCounts.read(db) }
  }

  /// Replaces everything in the workspace with the workspace in `file`, after checking it (a
  /// workspace of this or an earlier version that passes its integrity check) and keeping the
  /// current content at `keep`.
  ///
  /// The content is written into this file, not moved over it, as one write transaction: a
  /// dashboard open on the workspace sees the old content until the restore commits and the new
  /// content on its next frame, as with any other change; a form it had open meanwhile is
  /// refused as a conflict when saved. The copy kept at `keep` is taken while the restore holds
  /// the write lock, so no change made just before the restore is lost from both.
  public func restore(from file: String, keepingCurrentAt keep: String) throws -> RestoreResult {
    let version = try FileInspection.check(path: file)
    let staged = try PartialFile(for: path + ".restoring")
    defer { staged.discard() }
    try Workspace.backup(from: file, into: staged.path)
    let source = try DatabaseQueue(path: staged.path)
    defer { try? source.close() }
    let (pageSize, problems) = try source.read { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0,
        try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
          + (try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")).map { "foreign key: \($0)" }
      )
    }
    if let problem = problems.first { throw WorkspaceError.damaged(path: file, detail: problem) }
    if version < Schema.currentVersion {
      try source.write { db in try Schema.migrate(db, from: version) }
    }
    // SQLite writes a backup into a WAL file only page for page of the same size.
    let livePageSize = try read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0 }
    if pageSize != livePageSize {
      try source.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA journal_mode = DELETE")
        try db.execute(sql: "PRAGMA page_size = \(livePageSize)")
        try db.execute(sql: "VACUUM")
      }
    }
    let restored = try source.read { db in try WorkspaceCounts.read(db) }
    if let jsonFile {
      let document = try source.read { db in try Workspace.exportDocument(db) }
      try jsonFile.replace(self, with: document) { try backUp(to: keep) }
      return RestoreResult(restored: restored, replaced: try counts(keep), keptAt: keep)
    }
    var kept: Error? = nil
    var keptCopy = false
    do {
      // One page a step: after the first, the backup holds this workspace's write lock until it
      // commits, and the current content is copied then.
      try source.backup(to: pool, pagesPerStep: 1) { _ in
        guard !keptCopy else { return }
        keptCopy = true
        do {
          try Workspace.copy(file: self.path, to: keep, replacing: false)
        } catch {
          kept = error
          throw error
        }
      }
    } catch let error as DatabaseError {
      throw Workspace.mapWriteError(error, path: path)
    } catch {
      throw kept ?? error
    }
    return RestoreResult(restored: restored, replaced: try counts(keep), keptAt: keep)
  }

  private func counts(_ file: String) throws -> WorkspaceCounts {
    try DatabaseQueue(path: file, configuration: Workspace.readOnlyConfiguration())
      .read { db in try WorkspaceCounts.read(db) }
  }
}

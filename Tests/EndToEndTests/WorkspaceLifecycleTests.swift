import Foundation
import GRDB
import Testing

@testable import ClusterKit

/// The workspace file's life through the real binary — created, migrated, recovered after a
/// cut-off checkpoint, written next to (exports), waited for (a long import) — attacked where a
/// user loses work: each case here once lost data, left a broken file or called a healthy one
/// damaged.
@Suite(.serialized) struct WorkspaceLifecycleTests {
  static let sample = Binary.packageRoot.appendingPathComponent(
    "sample-data/seoul-digital-office.json"
  ).path

  static var readOnly: Configuration {
    var config = Configuration()
    config.readonly = true
    return config
  }

  /// A connection that may keep a transaction open between accesses, as another process's long
  /// read (a dashboard drawing) or write (a long import) does.
  static func holder(_ path: String) throws -> DatabaseQueue {
    var config = Configuration()
    config.allowsUnsafeTransactions = true
    return try DatabaseQueue(path: path, configuration: config)
  }

  static func count(_ table: String, in path: String) throws -> Int {
    let queue = try DatabaseQueue(path: path, configuration: readOnly)
    defer { try? queue.close() }
    return try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
  }

  static func size(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? -1
  }

  static func partials(in folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
      $0.contains(".partial")
    }
  }

  /// A checkpoint that a full disk cut off after a large import: SQLite had copied the first
  /// pages (the header among them, now counting every page) into the file when a write failed,
  /// and the rest of the import is only in `-wal`. SQLite recovers it; it must not be called
  /// damaged. (The same file whose log is lost is damaged, and is said to be.)
  @Test func aCheckpointCutOffByAFullDiskIsRecoveredNotCalledDamaged() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["init"]).status == 0)
    // A reader holds the log back (as an open dashboard's read can) while the import commits, so
    // every page of the import stays in `-wal`.
    let reader = try Self.holder(cli.workspacePath)
    try reader.inDatabase { db in
      try db.beginTransaction(.deferred)
      _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM member")
    }
    let imported = try cli.run(["import", Self.sample])
    #expect(imported.status == 0, "\(imported.stderr)")
    try reader.inDatabase { try $0.commit() }
    // The files as a kill would leave them, then the checkpoint, cut off by a file size limit
    // standing in for the full disk.
    let path = cli.file("cut.clusterdesk").path
    try FileManager.default.copyItem(atPath: cli.workspacePath, toPath: path)
    try FileManager.default.copyItem(atPath: cli.workspacePath + "-wal", toPath: path + "-wal")
    try reader.close()
    let limit = Self.size(path) / 1024 + 8
    shell(
      "trap '' XFSZ; ulimit -f \(limit); exec sqlite3 '\(path)' 'PRAGMA wal_checkpoint(TRUNCATE);'")
    let header = try FileInspection.Header(path: path)
    try #require(
      header.isCutOff, "the checkpoint (by the sqlite3 command) was not cut off: \(Self.size(path))"
    )
    try #require(header.walSize > 0)
    // Its twin with a log that does not hold the missing pages.
    let lost = cli.file("lost.clusterdesk").path
    try FileManager.default.copyItem(atPath: path, toPath: lost)
    var rng = Rng(seed: Long.seed)
    try Data((0..<8192).map { _ in UInt8(truncatingIfNeeded: rng.next()) }).write(
      to: URL(fileURLWithPath: lost + "-wal"))
    let lostBytes = try Data(contentsOf: URL(fileURLWithPath: lost))

    let listed = try cli.run(
      ["members", "list", "--format", "json"], environment: ["CLUSTERDESK_WORKSPACE": path])
    #expect(listed.status == 0, "a healthy workspace refused: \(listed.stderr)")
    #expect((try? JSONSerialization.jsonObject(with: listed.stdoutData) as? [Any])?.count == 141)
    #expect(try Workspace(path: path).integrityProblems() == [])
    #expect(try Self.count("member", in: path) == 141)

    let refused = try cli.run(["members", "list"], environment: ["CLUSTERDESK_WORKSPACE": lost])
    #expect(refused.status == 3, "\(refused.stderr)")
    #expect(refused.stderr.contains("is damaged"), "\(refused.stderr)")
    #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: lost)) == lostBytes, "the file changed")
    Long.record("cut-off checkpoint (file size limit mid-checkpoint): recovered, 141 members kept")
  }

  /// `export --output` and `generate --output` never write over a database: the workspace under
  /// any of its names (a symbolic or hard link), its `-wal`, a backup, another program's.
  @Test func exportAndGenerateNeverWriteOverADatabase() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["import", Self.sample]).status == 0)
    let workspace = cli.workspacePath
    symlink(workspace, cli.file("export.json").path)
    link(workspace, cli.file("hard.json").path)
    let other = cli.file("photos.sqlite").path
    let queue = try DatabaseQueue(path: other)
    try queue.write { try $0.execute(sql: "CREATE TABLE photo (id INTEGER PRIMARY KEY)") }
    try queue.close()
    let otherBytes = try Data(contentsOf: URL(fileURLWithPath: other))
    for target in [
      workspace, "office.clusterdesk", "export.json", "hard.json", workspace + "-wal",
      workspace + "-shm", "photos.sqlite", "photos.sqlite-journal",
    ] {
      for command in [["export", "--output", target], ["generate", "--output", target]] {
        let result = try cli.run(command)
        #expect(result.status == 1, "\(command): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains(target), "\(command): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(command): \(result.stderr)")
      }
    }
    #expect(try Self.count("member", in: workspace) == 141)
    #expect(try Workspace(path: workspace).integrityProblems() == [])
    #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == otherBytes)
    #expect(!FileManager.default.fileExists(atPath: other + "-journal"))
    let members = try cli.run(["members", "list", "--format", "json"])
    #expect(members.status == 0, "\(members.stderr)")
    // A new file is written as always.
    #expect(try cli.run(["export", "--output", "new.json"]).status == 0)
    #expect(
      try WorkspaceDocument.decode(Data(contentsOf: cli.file("new.json"))).members.count == 141)
  }

  /// A workspace file as an older ClusterDesk left it (schema `version`, in WAL mode).
  static func oldWorkspace(_ path: String, version: Int = Schema.previousVersion) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA journal_mode = WAL")
      try db.inTransaction {
        try Schema.migrate(db, from: 0, to: version)
        try db.execute(
          sql: """
            INSERT INTO office (id, name) VALUES (1, '옛 사무국');
            INSERT INTO cluster (id, name) VALUES (1, 'IT융합');
            INSERT INTO member (id, clusterId, kind, name, nameKey, initials)
              VALUES (1, 1, 'company', '(주)유신테크', '유신테크', 'ㅇㅅㅌㅋ');
            """)
        return .commit
      }
    }
    try queue.close()
  }

  static func version(_ path: String) throws -> Int {
    let queue = try DatabaseQueue(path: path, configuration: readOnly)
    defer { try? queue.close() }
    return try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? -1 }
  }

  /// Another process holds a read transaction while an old workspace is opened: the first open
  /// migrates (the header stays old, the checkpoint cannot finish), and every later open must see
  /// the migrated file, not back it up again over the real backup and migrate it twice.
  @Test func migrationUnderAReaderBacksUpOnceAndEveryOpenWorks() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let path = cli.workspacePath
    let old = Schema.previousVersion
    try Self.oldWorkspace(path, version: old)
    let reader = try Self.holder(path)
    try reader.inDatabase { db in
      try db.beginTransaction(.deferred)
      _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM member")
    }
    for run in 0..<4 {
      let listed = try cli.run(["members", "list"])
      #expect(listed.status == 0, "open \(run): \(listed.stderr)")
      #expect(listed.stdout.contains("(주)유신테크"), "open \(run)")
      #expect(
        try Self.version(path + ".v\(old).backup") == old,
        "open \(run): the backup is not the old file")
    }
    try reader.inDatabase { try $0.commit() }
    try reader.close()
    #expect(try cli.run(["members", "list"]).status == 0)
    #expect(try Self.version(path) == Schema.currentVersion)
    #expect(try Workspace(path: path).integrityProblems() == [])
    let backups = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter {
      $0.hasSuffix(".backup")
    }
    #expect(backups == ["office.clusterdesk.v\(old).backup"], "\(backups)")
  }

  /// Two (then three) processes open the same old workspace at the same moment: all succeed, one
  /// migrates, the backup holds the old version.
  @Test func processesOpeningAnOldWorkspaceAtOnceAllSucceed() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let runs = Long.pick(20, 200)
    let old = Schema.previousVersion
    var failures: [String] = []
    for run in 0..<runs {
      let path = cli.file("old-\(run).clusterdesk").path
      try Self.oldWorkspace(path, version: old)
      let children = try (0..<(2 + run % 2)).map { _ in
        try Child(cli, ["members", "list", "--workspace", path])
      }
      for child in children {
        #expect(child.finish(timeout: 60), "run \(run): hung")
        if child.process.terminationStatus != 0 || !child.stdout.contains("(주)유신테크") {
          failures.append("run \(run): \(child.process.terminationStatus) \(child.stderr)")
        }
      }
      #expect(try Self.version(path) == Schema.currentVersion, "run \(run)")
      #expect(try Self.version(path + ".v\(old).backup") == old, "run \(run)")
    }
    #expect(failures.isEmpty, "\(failures.count) of \(runs) runs failed: \(failures.prefix(5))")
    Long.record(
      "migration: \(runs) runs of 2–3 processes opening one old workspace at once, all succeeded")
  }

  /// SIGKILL at random moments of `init` and of `import` into a new path: afterwards there is no
  /// file at the path, or a complete workspace; never an empty or half-made one that every
  /// command refuses. The next run there succeeds and leaves no half-made copy behind.
  @Test func killDuringInitOrImportLeavesNoFileOrAWholeOne() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let kills = Long.pick(30, 300)
    var rng = Rng(seed: Long.seed &+ 5)
    var complete = 0
    var absent = 0
    for run in 0..<kills {
      let importing = run % 2 == 1
      let path = cli.file("new-\(run).clusterdesk").path
      let arguments =
        importing
        ? ["import", Self.sample, "--workspace", path]
        : ["init", "--cluster", "IT융합", "--workspace", path]
      let child = try Child(cli, arguments)
      usleep(UInt32(rng.below(importing ? 900_000 : 150_000)))
      child.kill(SIGKILL)
      #expect(child.finish(timeout: 60))
      if FileManager.default.fileExists(atPath: path) {
        complete += 1
        do {
          let workspace = try Workspace(path: path)
          if importing {
            #expect(try workspace.counts().members == 141, "run \(run): a half import")
          } else {
            #expect(try workspace.clusters().map(\.name) == ["IT융합"], "run \(run)")
            #expect(try workspace.office().name == "미니클러스터 사무국", "run \(run)")
          }
        } catch {
          Issue.record("run \(run): the kill left a file that is refused: \(error)")
        }
      } else {
        absent += 1
        let again = try cli.run(arguments)
        #expect(again.status == 0, "run \(run): after the kill \(again.stderr)")
        let left = Self.partials(in: cli.folder).filter { $0.hasPrefix("new-\(run).") }
        #expect(left.isEmpty, "run \(run): \(left)")
      }
    }
    Long.record(
      "kill during init/import into a new path: \(kills) kills, \(absent) left nothing, \(complete) a whole workspace, none a broken file"
    )
  }

  /// A JSON file that decodes but is refused by the checks (a member of a cluster that does not
  /// exist) leaves no workspace file behind.
  @Test func aRefusedJSONImportLeavesNoWorkspaceFile() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    var object =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.sample)))
      as! [String: Any]
    var members = object["members"] as! [[String: Any]]
    members[3]["clusterId"] = 99
    object["members"] = members
    try JSONSerialization.data(withJSONObject: object).write(to: cli.file("bad.json"))
    let result = try cli.run(["import", "bad.json"])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("members[3]"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: cli.workspacePath), "a workspace was left")
    #expect(Self.partials(in: cli.folder).isEmpty)
    #expect(try cli.run(["import", Self.sample]).status == 0)
  }

  /// Runs a shell line in the test's folder; standard output and error come back.
  static func sh(_ cli: Binary, _ line: String) throws -> (status: Int32, stderr: String) {
    let err = cli.file("sh-\(UUID().uuidString).err").path
    let status = shell(
      "cd '\(cli.folder.path)' && { \(line); } 2> '\(err)'", environment: cli.environment)
    defer { unlink(err) }
    return (status, (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
  }

  /// Output that cannot be written — a full disk — is one sentence and exit status 3, never a
  /// crash and never a silent success.
  @Test func outputThatCannotBeWrittenIsOneSentenceAndStatus3() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["import", Self.sample]).status == 0)
    let binary = "'\(Binary.path)'"
    for line in [
      "\(binary) members list > /dev/full", "\(binary) members list --format csv > /dev/full",
      "\(binary) members list --format json > /dev/full", "\(binary) export > /dev/full",
      "\(binary) export --output /dev/full", "\(binary) visits list --format csv > /dev/full",
      "\(binary) report > /dev/full", "\(binary) audit > /dev/full",
      "\(binary) --help > /dev/full", "\(binary) members show ㅇㅂㅁㄷㅌ > /dev/full",
      "LANG=ko_KR.UTF-8 \(binary) members list > /dev/full",
    ] {
      let (status, stderr) = try Self.sh(cli, line)
      #expect(status == 3, "\(line): status \(status) \(stderr)")
      #expect(stderr.split(separator: "\n").count == 1, "\(line): \(stderr)")
      #expect(
        stderr.contains("Could not write") || stderr.contains("쓸 수 없었습니다"), "\(line): \(stderr)")
    }
  }

  /// A writer that waits longer than SQLite's busy timeout for another process's long write (a
  /// long import) is told plainly to try again, in one sentence, and nothing is changed.
  @Test func aWriterKeptWaitingByALongImportIsToldToTryAgain() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["write-loop", "--tag", "busy", "--count", "0"]).status == 0)
    let holder = try Self.holder(cli.workspacePath)
    try holder.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
    let edit = ["members", "edit", "쓰기루프기준회사", "--phone", "02-1234-5678"]
    let waited = try cli.run(edit)
    try holder.inDatabase { try $0.rollback() }
    try holder.close()
    #expect(waited.status == 3, "\(waited.status): \(waited.stderr)")
    #expect(waited.stderr.split(separator: "\n").count == 1, "\(waited.stderr)")
    #expect(waited.stderr.contains("try again"), "\(waited.stderr)")
    #expect(!waited.stderr.contains("SQLite error"), "\(waited.stderr)")
    #expect(!(try cli.run(["members", "show", "쓰기루프기준회사"]).stdout.contains("02-1234-5678")))
    #expect(try cli.run(edit).status == 0)
  }

  /// A killed export leaves `FILE.PID.partial`; the next export to the same place removes it
  /// (its writer is gone) but never the partial of a writer still at work.
  @Test func aKilledExportLeavesNoPartialBehindForLong() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["import", Self.sample]).status == 0)
    var rng = Rng(seed: Long.seed &+ 7)
    let kills = Long.pick(20, 200)
    for _ in 0..<kills {
      let child = try Child(cli, ["export", "--output", "export.json"])
      usleep(UInt32(rng.below(400_000)))
      child.kill(SIGKILL)
      child.finish()
    }
    // A writer gone for certain (its process has ended), and one at work (this test, holding
    // the partial's lock).
    let ended = try Child(cli, ["--version"])
    ended.finish()
    let gone = cli.file("export.json.\(ended.process.processIdentifier).partial").path
    try Data("{\"half".utf8).write(to: URL(fileURLWithPath: gone))
    let working = cli.file("export.json.\(getpid()).partial").path
    let fd = open(working, O_CREAT | O_WRONLY, 0o600)
    flock(fd, LOCK_EX)
    defer { close(fd) }
    #expect(try cli.run(["export", "--output", "export.json"]).status == 0)
    let left = Self.partials(in: cli.folder)
    #expect(left == ["export.json.\(getpid()).partial"], "\(left)")
    Long.record(
      "killed exports: \(kills) SIGKILLs of export --output, the next export left only the partial of a writer at work"
    )
    #expect(
      try WorkspaceDocument.decode(Data(contentsOf: cli.file("export.json"))).members.count == 141)
    unlink(working)
  }

  /// A named pipe (or a folder) given as the workspace is refused at once with one sentence.
  @Test func aNamedPipeOrAFolderAsTheWorkspaceIsRefused() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let fifo = cli.file("pipe.clusterdesk").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let folder = cli.file("folder.clusterdesk").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for path in [fifo, folder] {
      for arguments in [["members", "list"], ["init"], ["import", Self.sample], ["export"]] {
        let child = try Child(cli, arguments, environment: ["CLUSTERDESK_WORKSPACE": path])
        let ended = child.finish(timeout: 20)
        #expect(ended, "\(path) \(arguments): hung")
        #expect(child.process.terminationStatus == 3, "\(arguments): \(child.stderr)")
        #expect(child.stderr.split(separator: "\n").count == 1, "\(arguments): \(child.stderr)")
        #expect(
          child.stderr.contains(path) && !child.stderr.contains("SQLite"),
          "\(arguments): \(child.stderr)")
      }
    }
  }

  /// `visits done --date` before the visit, or a second time, used to move the date silently.
  @Test func aFollowUpIsNeverDoneBeforeItsVisitNorMovedWithoutCorrect() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    // One visit on 2026-11-26 with follow-ups #1 and #2.
    #expect(
      try cli.run(["write-loop", "--tag", "f", "--count", "1", "--kinds", "visit"]).status == 0)
    func done(_ id: Int64) throws -> Day? {
      try Workspace(path: cli.workspacePath).visit(id: 1)?.followUps.first { $0.id == id }?.done
    }
    let early = try cli.run(["visits", "done", "1", "--date", "2026-11-01"])
    #expect(early.status == 1, "\(early.stderr)")
    #expect(early.stderr.contains("before the visit on 2026-11-26"), "\(early.stderr)")
    #expect(try done(1) == nil)
    #expect(try cli.run(["visits", "done", "1", "--date", "2026-11-27"]).status == 0)
    let again = try cli.run(["visits", "done", "1", "--date", "2026-12-03"])
    #expect(again.status == 1, "\(again.stderr)")
    #expect(again.stderr.contains("already done on 2026-11-27"), "\(again.stderr)")
    #expect(again.stderr.contains("--correct"), "\(again.stderr)")
    #expect(try done(1) == Day(year: 2026, month: 11, day: 27))
    let korean = try cli.run(
      ["visits", "done", "1", "--date", "2026-12-03"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(korean.stderr.contains("이미 2026-11-27에 완료"), "\(korean.stderr)")
    let corrected = try cli.run(["visits", "done", "1", "--date", "2026-12-03", "--correct"])
    #expect(corrected.status == 0, "\(corrected.stderr)")
    #expect(try done(1) == Day(year: 2026, month: 12, day: 3))
    #expect(
      try cli.run(["visits", "done", "1", "--date", "2026-11-20", "--correct"]).status == 1)
    #expect(try done(1) == Day(year: 2026, month: 12, day: 3))
  }

  /// `meetings attend` marks only members of the meeting's mini-cluster, and each member once.
  @Test func attendanceNamesTheMemberItRefuses() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["import", Self.sample]).status == 0)
    let workspace = try Workspace(path: cli.workspacePath)
    let meeting = try #require(
      try workspace.meetingRows(limit: 200).first { $0.clusterName == "IT융합" })
    let list = try workspace.attendanceList(meetingId: meeting.id)
    let member = try #require(list.first)
    let stranger = try #require(
      try workspace.memberRows(MemberQuery(), offset: 0, limit: 500).first {
        $0.clusterName == "바이오메디컬"
      })
    func marks() throws -> [AttendanceStatus?] {
      try workspace.attendanceList(meetingId: meeting.id).map(\.status)
    }
    let before = try marks()
    let other = try cli.run([
      "meetings", "attend", String(meeting.id), "--present", String(stranger.id),
    ])
    #expect(other.status == 1, "\(other.stderr)")
    #expect(
      other.stderr.contains(stranger.name) && other.stderr.contains("바이오메디컬"), "\(other.stderr)")
    let twice = try cli.run([
      "meetings", "attend", String(meeting.id), "--present", String(member.memberId), "--absent",
      String(member.memberId),
    ])
    #expect(twice.status == 1, "\(twice.stderr)")
    #expect(twice.stderr.contains(member.memberName), "\(twice.stderr)")
    #expect(twice.stderr.split(separator: "\n").count == 1, "\(twice.stderr)")
    #expect(try marks() == before)
    let fine = try cli.run([
      "meetings", "attend", String(meeting.id), "--present", String(member.memberId),
    ])
    #expect(fine.status == 0, "\(fine.stderr)")
  }
}

import Foundation
import GRDB
import Testing

@testable import ClusterKit

/// Backups a manager never has to think about, through the real binary: `backup` while others
/// write, the automatic daily copies and their rotation, `restore` with its checks — and, in a
/// real terminal, a restore under an open dashboard, the dashboard's attendance against another
/// writer, and the demo's temporary copy.
@Suite(.serialized) struct BackupTests {
  static let sample = WorkspaceLifecycleTests.sample

  static func mode(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
  }

  /// Waits until no automatic backup is running on the folder (it holds the folder's lock).
  static func automaticBackupDone(_ folder: String) -> Bool {
    for _ in 0..<400 {
      let fd = open(folder, O_RDONLY | O_DIRECTORY)
      if fd >= 0 {
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
          flock(fd, LOCK_UN)
          return true
        }
      }
      usleep(50_000)
    }
    return false
  }

  /// `backup` while a writer commits visits, approvals and imports as fast as it can: every copy
  /// is a healthy workspace with nothing half-done, owner-only, and the writer is never refused.
  @Test func backupsTakenWhileAnotherProcessWritesAreConsistent() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["write-loop", "--tag", "setup", "--count", "0"]).status == 0)
    let writer = try Child(cli, ["write-loop", "--tag", "bw", "--count", "400"])
    let copies = Long.pick(6, 40)
    for index in 0..<copies {
      _ = writer.wait(upTo: 60) { $0.lines.count >= index * 8 }
      let result = try cli.run(["backup", "--output", "b\(index).backup"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(Self.mode(cli.file("b\(index).backup").path) == 0o600)
    }
    #expect(writer.finish(timeout: 600))
    #expect(writer.process.terminationStatus == 0, "\(writer.stderr)")
    for index in 0..<copies {
      try CrashTests.verify(
        path: cli.file("b\(index).backup").path, tag: "bw", acknowledgements: [], run: index)
    }
    let again = try cli.run(["backup", "--output", "b0.backup"])
    #expect(again.status == 1 && again.stderr.contains("already exists"), "\(again.stderr)")
    Long.record(
      "backup: \(copies) copies taken while a writer committed 400 changes, all healthy, none half-done"
    )
  }

  /// One automatic backup a day, on the first open, in the background; the last 7 days and the
  /// newest of each of the 4 weeks before are kept; a half-made copy of a killed run does not stay.
  @Test func automaticBackupsAreDailyRotatedAndOwnerOnly() throws {
    var cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["import", Self.sample]).status == 0)
    let folder = Backups.folder(for: cli.workspacePath)
    let start = Day(year: 2026, month: 10, day: 1)!
    let days = 45
    for offset in 0..<days {
      let day = start.adding(days: offset)
      cli.environment["CLUSTERDESK_TODAY"] = day.description
      if offset == 20 {
        // A backup killed half-way leaves its partial copy; the next one removes it.
        let ended = try Child(cli, ["--version"])
        ended.finish()
        try Data(count: 4096).write(
          to: URL(
            fileURLWithPath: folder
              + "/auto-\(day.adding(days: -1)).backup.\(ended.process.processIdentifier).partial"))
      }
      #expect(try cli.run(["members", "list"]).status == 0)
      _ = try cli.run(["visits", "list"])
      let today = "\(folder)/auto-\(day).backup"
      for _ in 0..<400 where !FileManager.default.fileExists(atPath: today) { usleep(50_000) }
      #expect(FileManager.default.fileExists(atPath: today), "no backup on \(day)")
      #expect(Self.automaticBackupDone(folder))
    }
    let last = start.adding(days: days - 1)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    let expected = Backups.kept((0..<days).map { start.adding(days: $0) }, today: last)
      .map { "auto-\($0).backup" }.sorted()
    #expect(names == expected, "\(names)")
    #expect(names.count <= 11)
    #expect(Self.mode(folder) == 0o700)
    for name in names {
      #expect(Self.mode("\(folder)/\(name)") == 0o600, "\(name)")
      #expect(try WorkspaceLifecycleTests.count("member", in: "\(folder)/\(name)") == 141)
    }
  }

  /// `restore` checks the file, keeps the current workspace first, says what it replaced, and
  /// refuses what is not a healthy workspace without changing anything.
  @Test func restoreChecksKeepsTheCurrentWorkspaceAndSaysWhatItReplaced() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["import", Self.sample]).status == 0)
    #expect(try cli.run(["backup", "--output", "before.backup"]).status == 0)
    let added = try cli.run(["members", "add", "--cluster", "IT융합", "--name", "복원확인상사"])
    #expect(added.status == 0, "\(added.stderr)")

    // Refused: the workspace itself, not a workspace, a cut-off backup, a newer one.
    try Data("회사명\n".utf8).write(to: cli.file("notes.csv"))
    let whole = try Data(contentsOf: cli.file("before.backup"))
    try whole.prefix(whole.count / 2).write(to: cli.file("cut.backup"))
    var newer = whole
    newer[60..<64] = Data([0, 0, 0, 99])
    try newer.write(to: cli.file("newer.backup"))
    for (file, status, words) in [
      (cli.workspacePath, Int32(1), "the workspace itself"), ("notes.csv", 3, "not a ClusterDesk"),
      ("cut.backup", 3, "damaged"), ("newer.backup", 3, "newer ClusterDesk"),
      ("missing.backup", 1, "does not exist"),
    ] {
      let refused = try cli.run(["restore", file])
      #expect(refused.status == status, "\(file): \(refused.status) \(refused.stderr)")
      #expect(refused.stderr.contains(words), "\(file): \(refused.stderr)")
      #expect(refused.stderr.split(separator: "\n").count == 1, "\(file): \(refused.stderr)")
    }
    #expect(try WorkspaceLifecycleTests.count("member", in: cli.workspacePath) == 142)

    let restored = try cli.run(["restore", "before.backup"])
    #expect(restored.status == 0, "\(restored.stderr)")
    #expect(restored.stdout.contains("now holds 141 members"), "\(restored.stdout)")
    #expect(restored.stdout.contains("(142 members"), "\(restored.stdout)")
    #expect(try WorkspaceLifecycleTests.count("member", in: cli.workspacePath) == 141)
    #expect(try Workspace(path: cli.workspacePath).integrityProblems() == [])
    let folder = Backups.folder(for: cli.workspacePath)
    let kept = try #require(
      try FileManager.default.contentsOfDirectory(atPath: folder).first {
        $0.hasPrefix("before-restore-")
      })
    #expect(restored.stdout.contains(kept))
    #expect(Self.mode("\(folder)/\(kept)") == 0o600)
    #expect(try WorkspaceLifecycleTests.count("member", in: "\(folder)/\(kept)") == 142)
    // The restored file is still a workspace in WAL mode that every command opens.
    #expect(try cli.run(["members", "list", "--search", "복원확인"]).stdout.contains("복원확인") == false)
    #expect(try cli.run(["export", "--output", "after.json"]).status == 0)

    // A backup of an older version is brought up to date.
    let old = cli.file("old.backup").path
    try WorkspaceLifecycleTests.oldWorkspace(old)
    let fromOld = try cli.run(["restore", old])
    #expect(fromOld.status == 0, "\(fromOld.stderr)")
    #expect(try WorkspaceLifecycleTests.version(cli.workspacePath) == Schema.currentVersion)
    #expect(try cli.run(["members", "list"]).stdout.contains("(주)유신테크"))
    let korean = try cli.run(["restore", "before.backup"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(korean.stdout.contains("되살렸습니다"), "\(korean.stdout)")
  }

  /// A restore while a dashboard is open on the workspace: the dashboard shows the restored
  /// content on its next frame and quits cleanly; nothing is damaged.
  @Test(.enabled(if: Tmux.available))
  func aRestoreUnderAnOpenDashboardIsSeenOnItsNextFrame() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["import", Self.sample]).status == 0)
    #expect(try cli.run(["backup", "--output", "before.backup"]).status == 0)
    #expect(
      try cli.run(["members", "add", "--cluster", "IT융합", "--name", "복원확인상사"]).status == 0)
    let tmux = try Tmux(cli, width: 110, height: 30)
    defer { tmux.close() }
    ConcurrencyTests.openDashboard(tmux, ["--pane", "members"], name: "restore")
    #expect(tmux.waitFor(text: "sorted by name"), "\(tmux.screenText)")
    tmux.keys(["/"])
    tmux.keys(["복원확인"], literal: true)
    #expect(tmux.waitFor(text: "복원확인상사"), "\(tmux.screenText)")
    let restored = try cli.run(["restore", "before.backup"])
    #expect(restored.status == 0, "\(restored.stderr)")
    #expect(
      tmux.waitFor { !$0.joined().contains("복원확인상사") && $0.joined().contains("0 found") },
      "the dashboard still shows the replaced content:\n\(tmux.screenText)")
    try ConcurrencyTests.quit(tmux, name: "restore", cli: cli)
    #expect(try Workspace(path: cli.workspacePath).integrityProblems() == [])
    #expect(try WorkspaceLifecycleTests.count("member", in: cli.workspacePath) == 141)
  }

  /// Marks made in the dashboard's attendance list, `meetings attend` from the shell meanwhile,
  /// then Enter in the dashboard: the save is refused with the conflict message and the shell's
  /// marks stay.
  @Test(.enabled(if: Tmux.available))
  func theDashboardsAttendanceDoesNotOverwriteAnotherWriter() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["import", Self.sample]).status == 0)
    let workspace = try Workspace(path: cli.workspacePath)
    let meeting = try #require(try workspace.meetingRows(limit: 1).first)
    let before = try workspace.attendanceList(meetingId: meeting.id)
    let first = try #require(before.first)
    let shellMark: AttendanceStatus = first.status == .excused ? .absent : .excused
    let tmux = try Tmux(cli, width: 110, height: 30)
    defer { tmux.close() }
    ConcurrencyTests.openDashboard(tmux, ["--pane", "meetings"], name: "attend")
    #expect(tmux.waitFor(text: String(meeting.title.prefix(8))), "\(tmux.screenText)")
    tmux.keys(["a"])
    #expect(tmux.waitFor(text: "Attendance: "), "no attendance list:\n\(tmux.screenText)")
    // The first member's mark changes in the dashboard, not yet saved.
    tmux.keys(["Space"])
    #expect(tmux.waitFor(text: "unsaved"), "\(tmux.screenText)")
    let marked = try cli.run([
      "meetings", "attend", String(meeting.id), "--\(shellMark.rawValue)", String(first.memberId),
    ])
    #expect(marked.status == 0, "\(marked.stderr)")
    tmux.keys(["Enter"])
    #expect(
      tmux.waitFor(text: "changed by someone else"),
      "the later save was not refused:\n\(tmux.screenText)")
    let after = try workspace.attendanceList(meetingId: meeting.id)
    #expect(after.first { $0.memberId == first.memberId }?.status == shellMark)
    for line in before where line.memberId != first.memberId {
      #expect(
        after.first { $0.memberId == line.memberId }?.status == line.status, "\(line.memberName)")
    }
    tmux.keys(["Escape"])
    try ConcurrencyTests.quit(tmux, name: "attend", cli: cli)
  }

  /// `demo` makes its temporary folder with mkdtemp: folders or links planted under the names it
  /// used to use (`clusterdesk-demo-<pid>`) are not followed. The copy goes when the demo ends,
  /// by a signal too.
  @Test(
    .enabled(if: Tmux.available), arguments: [("TERM", SIGTERM), ("HUP", SIGHUP), ("q", 0)])
  func theDemoCopyIsPrivateAndGoesWhenTheDemoEnds(name: String, signal: Int32) throws {
    var cli = try Binary()
    defer { cli.cleanUp() }
    let temporary = cli.file("tmp")
    let planted = cli.file("someone-elses")
    for folder in [temporary, planted] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    cli.environment["TMPDIR"] = temporary.path
    cli.environment["CLUSTERDESK_SAMPLE"] = Self.sample
    // The next few hundred process ids, where the old name would have been.
    let last =
      (try? String(contentsOfFile: "/proc/sys/kernel/ns_last_pid", encoding: .utf8)).flatMap {
        Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
      } ?? 0
    if last > 0 {
      for pid in (last + 1)...(last + 600) {
        symlink(planted.path, temporary.appendingPathComponent("clusterdesk-demo-\(pid)").path)
      }
    }
    let tmux = try Tmux(cli, width: 100, height: 30)
    defer { tmux.close() }
    ConcurrencyTests.openDashboard(tmux, ["demo"], name: "demo")
    #expect(tmux.waitFor(text: "This year at a glance"), "\(tmux.screenText)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: planted.path).isEmpty)
    let made = try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter {
      (try? FileManager.default.destinationOfSymbolicLink(
        atPath: temporary.appendingPathComponent($0).path)) == nil
    }
    #expect(made.count == 1, "\(made)")
    let copy = temporary.appendingPathComponent(made.first ?? "none").path
    #expect(Self.mode(copy) == 0o700)
    #expect(FileManager.default.fileExists(atPath: copy + "/demo.clusterdesk"))
    if signal == 0 {
      tmux.keys(["q"])
    } else {
      let pid = try #require(tmux.foregroundPid())
      kill(pid, signal)
    }
    #expect(tmux.waitFor(text: "EXIT="), "\(tmux.screenText)")
    #expect(
      tmux.screenText.contains("EXIT=\(signal == 0 ? 0 : 128 + signal)"), "\(tmux.screenText)")
    #expect(!FileManager.default.fileExists(atPath: copy), "SIG\(name): the demo copy stayed")
  }

  /// The dashboard takes the day's automatic backup as a command does, only after its first
  /// frame, which never waits for it.
  @Test(.enabled(if: Tmux.available))
  func theDashboardTakesTheDaysBackupAfterItsFirstFrame() throws {
    var cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["import", Self.sample]).status == 0)
    let folder = Backups.folder(for: cli.workspacePath)
    let day = Day(year: 2026, month: 12, day: 7)!
    cli.environment["CLUSTERDESK_TODAY"] = day.description
    let tmux = try Tmux(cli, width: 110, height: 30)
    defer { tmux.close() }
    ConcurrencyTests.openDashboard(tmux, ["--pane", "members"], name: "backup")
    #expect(tmux.waitFor(text: "sorted by name"), "\(tmux.screenText)")
    let copy = "\(folder)/auto-\(day).backup"
    for _ in 0..<400 where !FileManager.default.fileExists(atPath: copy) { usleep(50_000) }
    #expect(FileManager.default.fileExists(atPath: copy), "no backup on \(day)")
    #expect(Self.automaticBackupDone(folder))
    #expect(Self.mode(copy) == 0o600)
    #expect(try WorkspaceLifecycleTests.count("member", in: copy) == 141)
    try ConcurrencyTests.quit(tmux, name: "backup", cli: cli)
  }
}

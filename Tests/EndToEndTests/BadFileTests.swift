import ClusterKit
import Foundation
import GRDB
import Testing

/// Files a user might point ClusterDesk at by mistake, through the real binary: each gives one
/// clear sentence and exit status 3, changes nothing (same bytes, no journal files left), and the
/// dashboard refuses before it takes over the terminal.
@Suite(.serialized) struct BadFileTests {
  /// Runs a listing and the dashboard command on `path` and checks both refuse it cleanly.
  static func refused(_ cli: Binary, _ path: String, _ sentence: String, _ label: String) throws {
    let folder = (path as NSString).deletingLastPathComponent
    let before = try? Data(contentsOf: URL(fileURLWithPath: path))
    let listing = try? FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    for arguments in [
      ["members", "list"], ["--pane", "members"], ["visits", "add", "1"], ["export"],
    ] {
      let result = try cli.run(arguments, environment: ["CLUSTERDESK_WORKSPACE": path])
      let lines = result.stderr.split(separator: "\n")
      #expect(result.status == 3, "\(label) \(arguments): status \(result.status) \(result.stderr)")
      #expect(lines.count == 1, "\(label) \(arguments): not one sentence: \(result.stderr)")
      #expect(result.stderr.contains(sentence), "\(label) \(arguments): \(result.stderr)")
      #expect(!result.stderr.contains("SQLite error"), "\(label): \(result.stderr)")
      // The dashboard never drew: nothing on standard output, no terminal set-up sequences.
      #expect(
        result.stdout.isEmpty, "\(label) \(arguments): printed \(result.stdout.debugDescription)")
      let after = try? Data(contentsOf: URL(fileURLWithPath: path))
      #expect(after == before, "\(label): the file changed")
      #expect(
        (try? FileManager.default.contentsOfDirectory(atPath: folder).sorted()) == listing,
        "\(label): files appeared next to it")
    }
  }

  /// A workspace with a little of everything in it, closed.
  static func workspace(_ cli: Binary, at path: String) throws {
    let made = try cli.run(
      ["write-loop", "--tag", "seed", "--count", "12"], environment: ["CLUSTERDESK_WORKSPACE": path]
    )
    try #require(made.status == 0, "\(made.stderr)")
  }

  @Test func badFilesAreRefusedWithOneSentenceAndChangeNothing() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    var tried = 0
    func path(_ name: String) -> String {
      let folder = cli.file("case-\(name)")
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      return folder.appendingPathComponent("w.clusterdesk").path
    }

    let empty = path("empty")
    _ = FileManager.default.createFile(atPath: empty, contents: Data())
    try BadFileTests.refused(cli, empty, "is an empty file", "empty")

    var rng = Rng(seed: Long.seed)
    for size in [1, 99, 100, 4096, 65536] {
      let random = path("random-\(size)")
      try Data((0..<size).map { _ in UInt8(truncatingIfNeeded: rng.next()) }).write(
        to: URL(fileURLWithPath: random))
      try BadFileTests.refused(cli, random, "is not a ClusterDesk workspace", "random \(size)")
      tried += 1
    }
    // Random bytes behind a real SQLite header.
    let header = path("header")
    var bytes = Data("SQLite format 3\0".utf8)
    bytes += Data((0..<8176).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
    try bytes.write(to: URL(fileURLWithPath: header))
    try BadFileTests.refused(cli, header, "ClusterDesk", "random after a SQLite header")

    let truncated = path("truncated")
    try BadFileTests.workspace(cli, at: truncated)
    let whole = try Data(contentsOf: URL(fileURLWithPath: truncated))
    try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: truncated))
    try BadFileTests.refused(cli, truncated, "is damaged", "truncated")

    let other = path("other")
    let queue = try DatabaseQueue(path: other)
    try queue.write {
      try $0.execute(sql: "CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT)")
    }
    try queue.close()
    try BadFileTests.refused(cli, other, "another program's SQLite database", "other program's")

    let newer = path("newer")
    try BadFileTests.workspace(cli, at: newer)
    let newerQueue = try DatabaseQueue(path: newer)
    try newerQueue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA user_version = 99")
      try db.execute(sql: "PRAGMA journal_mode = DELETE")
    }
    try newerQueue.close()
    try BadFileTests.refused(cli, newer, "newer ClusterDesk", "newer schema")

    let missingDirectory = cli.file("no-such-folder/w.clusterdesk").path
    let created = try cli.run(["init", "--workspace", missingDirectory])
    #expect(created.status == 3 && created.stderr.contains("does not exist"), "\(created.stderr)")
    let opened = try cli.run(["members", "list", "--workspace", missingDirectory])
    #expect(opened.status == 3 && opened.stderr.contains("No workspace at"), "\(opened.stderr)")
    #expect(!FileManager.default.fileExists(atPath: cli.file("no-such-folder").path))
    tried += 8
    Long.record(
      "bad files: \(tried + 1) kinds and sizes refused with one sentence, exit 3, bytes unchanged")
  }

  /// A workspace that cannot be written. Tests run as root, which ignores permission bits, so
  /// the file is made immutable (`chattr +i`) where the file system allows it, and the same is
  /// tried as the unprivileged user `nobody` (via `setpriv`).
  @Test func readOnlyWorkspaceIsRefusedAndUnchanged() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let path = cli.file("ro.clusterdesk").path
    try BadFileTests.workspace(cli, at: path)
    var checked = 0
    if getuid() != 0 {
      chmod(path, 0o400)
      try BadFileTests.refused(cli, path, "is read-only", "read-only (chmod)")
      checked += 1
    }
    if shell("chattr +i '\(path)'") == 0 {
      defer { _ = shell("chattr -i '\(path)'") }
      try BadFileTests.refused(cli, path, "is read-only", "read-only (chattr +i)")
      checked += 1
    }
    if getuid() == 0, shell("command -v setpriv >/dev/null") == 0 {
      chmod(cli.folder.path, 0o755)
      chmod(path, 0o644)
      let binary = Binary.path
      let status = shell(
        "setpriv --reuid=65534 --regid=65534 --clear-groups '\(binary)' visits add 1 --workspace '\(path)' "
          + "> '\(cli.file("nobody.out").path)' 2> '\(cli.file("nobody.err").path)'")
      let message = (try? String(contentsOf: cli.file("nobody.err"), encoding: .utf8)) ?? ""
      if !message.contains("cannot execute") && status != 126 && status != 127 {
        #expect(status == 3, "as nobody: \(status) \(message)")
        #expect(message.contains("is read-only"), "\(message)")
        checked += 1
      }
    }
    Long.record(
      "read-only: refused in \(checked) way(s) (chattr +i, as nobody via setpriv, chmod when not root)"
    )
    if checked == 0 {
      print("read-only: no way to make a file read-only for root here; not tested")
    }
  }

  /// A full disk: a small tmpfs when this user may mount one, else a file size limit
  /// (`ulimit -f`, SIGXFSZ ignored). Writes stop with one sentence and exit 3; every change
  /// acknowledged before is still there and the workspace is healthy.
  @Test func fullDiskStopsWithOneSentenceAndLosesNothing() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let mountPoint = cli.file("small-disk")
    try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
    let mounted =
      getuid() == 0
      && shell("mount -t tmpfs -o size=1m tmpfs '\(mountPoint.path)' 2>/dev/null") == 0
    defer { if mounted { _ = shell("umount '\(mountPoint.path)'") } }
    let path = mountPoint.appendingPathComponent("w.clusterdesk").path
    let limit = mounted ? "" : "ulimit -f 1024; "
    let out = cli.file("full.out").path
    let err = cli.file("full.err").path
    let status = shell(
      "trap '' XFSZ; \(limit)exec '\(Binary.path)' write-loop --tag full --workspace '\(path)' > '\(out)' 2> '\(err)'",
      environment: cli.environment)
    let message = (try? String(contentsOf: URL(fileURLWithPath: err), encoding: .utf8)) ?? ""
    #expect(status == 3, "status \(status): \(message)")
    #expect(message.split(separator: "\n").count == 1, "\(message)")
    #expect(message.contains("is full") || message.contains("Could not write to"), "\(message)")
    #expect(!message.contains("SQLite error"), "\(message)")
    let lines = ((try? String(contentsOf: URL(fileURLWithPath: out), encoding: .utf8)) ?? "")
      .split(separator: "\n").map(String.init)
    #expect(lines.count > 0, "nothing was written before the disk was full")
    if mounted { _ = shell("mount -o remount,size=64m '\(mountPoint.path)'") }
    try CrashTests.verify(path: path, tag: "full", acknowledgements: lines, run: 0)
    Long.record(
      "full disk (\(mounted ? "1 MB tmpfs" : "ulimit -f")): stopped after \(lines.count) changes, all kept"
    )
  }
}

/// Runs a line in /bin/sh and returns its exit status.
@discardableResult
func shell(_ line: String, environment: [String: String]? = nil) -> Int32 {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  process.arguments = ["-c", line]
  if let environment { process.environment = environment }
  process.standardInput = FileHandle.nullDevice
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  guard (try? process.run()) != nil else { return -1 }
  process.waitUntilExit()
  return process.terminationStatus
}

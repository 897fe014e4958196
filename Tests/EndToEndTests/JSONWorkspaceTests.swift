import ClusterKit
import Foundation
import Testing

/// A `.json` file as the workspace: every command on it, the dashboard on it, kills while it is
/// saved, two writers, a change made by another program, and conversion both ways.
@Suite(.serialized) struct JSONWorkspaceTests {
  static let sample = Binary.packageRoot.appendingPathComponent(
    "sample-data/seoul-digital-office.json"
  ).path

  /// A binary whose workspace (`CLUSTERDESK_WORKSPACE`) is `name` in its folder, holding the
  /// sample office.
  func sampleOffice(_ name: String) throws -> Binary {
    var cli = try Binary()
    cli.environment["CLUSTERDESK_WORKSPACE"] = cli.file(name).path
    let imported = try cli.run(["import", Self.sample])
    #expect(imported.status == 0, "\(imported.stderr)")
    return cli
  }

  /// The file read as a workspace document, as a reader of the format would.
  func document(_ path: String) throws -> WorkspaceDocument {
    try WorkspaceDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)))
  }

  /// One of every command, changes and reads, in the order a manager might use them.
  static let commands: [[String]] = [
    ["office", "--member-visit-weeks", "10"],
    ["members", "list", "--search", "ㅇㅂㅁㄷㅌ"],
    ["members", "add", "--cluster", "IT융합", "--name", "(주)새한정밀", "--kind", "company"],
    ["members", "edit", "(주)새한정밀", "--phone", "02-2111-3333"],
    ["members", "show", "(주)새한정밀"],
    ["members", "directory-book", "(주)새한정밀", "--asked", "2026-11-20"],
    [
      "visits", "add", "(주)새한정밀", "--difficulty", "funding:운전자금 부족", "--follow-up",
      "정책자금 안내:2026-12-10",
    ],
    ["visits", "done", "13", "--date", "2026-11-25"],
    ["visits", "list", "--follow-ups"],
    ["visits", "due"],
    [
      "meetings", "add", "--cluster", "IT융합", "--kind", "steeringCommittee", "--date", "2026-11-24",
      "--title", "운영위원회",
    ],
    ["meetings", "attend", "89", "--all-present"],
    ["meetings", "list"],
    ["programs", "copy", "--from", "2026", "--to", "2028"],
    ["programs", "list", "--year", "2028"],
    ["programs", "show", "4"],
    ["requests", "approve", "62", "--amount", "1000만"],
    ["requests", "show", "62"],
    ["requests", "list"],
    [
      "experts", "add", "--name", "한도윤", "--affiliation", "한별대학교", "--kind", "university",
      "--fields", "회계",
    ],
    ["experts", "list"],
    ["mentoring", "list"],
    ["sigs", "join", "IoT 플랫폼 SIG", "--member", "(주)새한정밀"],
    ["sigs", "list"],
    ["report"],
    ["audit"],
    ["directory-book", "--output", "book.html"],
    ["export", "--output", "export.json"],
  ]

  /// Every command works on a JSON workspace as on a SQLite one: each succeeds on both, the
  /// file reads as a document after each change, and both workspaces end holding the same.
  @Test func everyCommandOnAJSONWorkspace() throws {
    let json = try sampleOffice("office.json")
    let sqlite = try sampleOffice("office.clusterdesk")
    defer {
      json.cleanUp()
      sqlite.cleanUp()
    }
    for command in Self.commands {
      let a = try json.run(command)
      let b = try sqlite.run(command)
      #expect(a.status == 0, "\(command): \(a.stderr)")
      #expect(b.status == 0, "\(command): \(b.stderr)")
      // `requests show` and `audit` print the times of the audit entries.
      if command != ["requests", "show", "62"] && command != ["audit"] {
        #expect(
          a.stdout == b.stdout.replacingOccurrences(of: "office.clusterdesk", with: "office.json"),
          "\(command)")
      }
      _ = try document(json.workspacePath)
    }
    // Audit times differ by the seconds between the two runs, and so do the hashes of the audit
    // chain, which include them.
    func withoutTimes(_ cli: Binary) throws -> String {
      try String(contentsOf: cli.file("export.json"), encoding: .utf8).split(separator: "\n")
        .filter { !$0.contains("\"at\" :") && !$0.contains("\"hash\" :") }
        .joined(separator: "\n")
    }
    #expect(try withoutTimes(json) == withoutTimes(sqlite))
    let member = try document(json.workspacePath).members.first { $0.name == "(주)새한정밀" }
    #expect(member?.phone == "02-2111-3333")
    let attributes = try FileManager.default.attributesOfItem(atPath: json.workspacePath)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)

    // A backup is a SQLite copy; restoring it puts the JSON file back as it was then.
    #expect(try json.run(["backup", "--output", "before.backup"]).status == 0)
    #expect(try json.run(["members", "add", "--cluster", "IT융합", "--name", "백업뒤상사"]).status == 0)
    let restored = try json.run(["restore", "before.backup"])
    #expect(restored.status == 0, "\(restored.stderr)")
    #expect(try document(json.workspacePath).members.allSatisfy { $0.name != "백업뒤상사" })
    #expect(try withoutTimes(json) == withoutTimes(sqlite))
  }

  /// A JSON workspace gets the automatic backup of the day as a SQLite one does: on the day's
  /// first command, in the background, into `FILE.backups/` (owner-only), a copy `restore` puts
  /// back.
  @Test func aJSONWorkspaceIsBackedUpDaily() throws {
    var cli = try sampleOffice("office.json")
    defer { cli.cleanUp() }
    let folder = Backups.folder(for: cli.workspacePath)
    for day in ["2026-11-26", "2026-11-27"] {
      cli.environment["CLUSTERDESK_TODAY"] = day
      #expect(try cli.run(["members", "list"]).status == 0)
      let copy = "\(folder)/auto-\(day).backup"
      for _ in 0..<400 where !FileManager.default.fileExists(atPath: copy) { usleep(50_000) }
      #expect(FileManager.default.fileExists(atPath: copy), "no backup on \(day)")
      #expect(BackupTests.automaticBackupDone(folder))
      #expect(BackupTests.mode(copy) == 0o600)
      #expect(try WorkspaceLifecycleTests.count("member", in: copy) == 141)
    }
    #expect(BackupTests.mode(folder) == 0o700)
    let before = try Data(contentsOf: URL(fileURLWithPath: cli.workspacePath))
    let added = try cli.run(["members", "add", "--cluster", "IT융합", "--name", "백업뒤상사"])
    #expect(added.status == 0, "\(added.stderr)")
    let restored = try cli.run(["restore", "\(folder)/auto-2026-11-27.backup"])
    #expect(restored.status == 0, "\(restored.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: cli.workspacePath)) == before)
  }

  /// A file of the format's version 1 is read as it is and left alone until the first change;
  /// that change first copies the old bytes to `FILE.v1.backup` (owner-only), then writes the
  /// current version.
  @Test func anOlderVersionIsBackedUpBeforeItsFirstSave() throws {
    var cli = try Binary()
    defer { cli.cleanUp() }
    let corpus = Binary.packageRoot.appendingPathComponent(
      "Tests/ClusterKitTests/Corpus/workspace.json")
    let path = cli.file("old.json").path
    try FileManager.default.copyItem(atPath: corpus.path, toPath: path)
    cli.environment["CLUSTERDESK_WORKSPACE"] = path
    let old = try Data(contentsOf: URL(fileURLWithPath: path))
    let header = try #require(try JSONSerialization.jsonObject(with: old) as? [String: Any])
    #expect(header["version"] as? Int == 1)
    let listed = try cli.run(["members", "list"])
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == old)
    #expect(!FileManager.default.fileExists(atPath: path + ".v1.backup"))
    let changed = try cli.run(["office", "--name", "서울 사무국"])
    #expect(changed.status == 0, "\(changed.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".v1.backup")) == old)
    #expect(BackupTests.mode(path + ".v1.backup") == 0o600)
    let saved = try document(path)
    #expect(saved.version == WorkspaceDocument.currentVersion)
    #expect(saved.office.name == "서울 사무국")
    // The next change has nothing older to keep: the backup stays the old file.
    #expect(try cli.run(["office", "--name", "서울 사무국 2"]).status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".v1.backup")) == old)
  }

  @Test func initMakesAnEmptyJSONWorkspace() throws {
    var cli = try Binary()
    defer { cli.cleanUp() }
    cli.environment["CLUSTERDESK_WORKSPACE"] = cli.file("new.json").path
    let made = try cli.run(["init", "--office", "서울지역본부 사무국", "--cluster", "IT융합"])
    #expect(made.status == 0, "\(made.stderr)")
    let document = try document(cli.workspacePath)
    #expect(document.office.name == "서울지역본부 사무국")
    #expect(document.clusters.map(\.name) == ["IT융합"])
    #expect(try cli.run(["init"]).status != 0)
    try "상호,대표자,전화\n(주)유신테크,김유신,02-1234-5678\n".write(
      to: cli.file("members.csv"), atomically: true, encoding: .utf8)
    let imported = try cli.run(["import", "members.csv", "--cluster", "IT융합"])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(try self.document(cli.workspacePath).members.map(\.name) == ["(주)유신테크"])
    // Told by its content, not its name.
    try FileManager.default.moveItem(
      atPath: cli.workspacePath, toPath: cli.file("office.data").path)
    let listed = try cli.run(["members", "list", "--workspace", "office.data"])
    #expect(listed.status == 0, "\(listed.stderr)")
  }

  /// Commands on an unchanged file copy its database from the cache (one file, 0600, in a 0700
  /// folder under `XDG_CACHE_HOME`); a file another program changed is read again, and
  /// `CLUSTERDESK_NO_CACHE=1` reads the file and writes no cache.
  @Test func commandsUseTheCacheOfTheSameBytesOnly() throws {
    let cli = try sampleOffice("office.json")
    defer { cli.cleanUp() }
    let cacheFolder = cli.cacheFolder.path
    #expect(try cli.run(["members", "list"]).status == 0)
    let files = try FileManager.default.contentsOfDirectory(atPath: cacheFolder).sorted()
    // The cache and the small file naming its workspace.
    #expect(files.count == 2)
    #expect(files.last == String(files.first!.dropLast(".sqlite".count)) + ".workspace")
    let cache = cacheFolder + "/" + files[0]
    #expect(
      try FileManager.default.attributesOfItem(atPath: cacheFolder)[.posixPermissions] as? Int
        == 0o700)
    #expect(
      try FileManager.default.attributesOfItem(atPath: cache)[.posixPermissions] as? Int == 0o600)
    // A name changed in the cache only shows that the cache is what the command read.
    let marked = Process()
    marked.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    marked.arguments = [
      "sqlite3", cache, "UPDATE member SET name = '캐시표시' WHERE id = (SELECT min(id) FROM member)",
    ]
    try marked.run()
    marked.waitUntilExit()
    #expect(marked.terminationStatus == 0)
    #expect(try cli.run(["members", "list"]).stdout.contains("캐시표시"))
    #expect(
      !(try cli.run(["members", "list"], environment: ["CLUSTERDESK_NO_CACHE": "1"]).stdout
        .contains("캐시표시")))
    // One byte more from another program: the file is read, and the cache built again.
    let handle = try #require(FileHandle(forWritingAtPath: cli.workspacePath))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("\n".utf8))
    try handle.close()
    #expect(!(try cli.run(["members", "list"]).stdout.contains("캐시표시")))
    #expect(try FileManager.default.contentsOfDirectory(atPath: cacheFolder).sorted() == files)
    // A change is saved and the next command reads its cache: the same two files still.
    #expect(
      try cli.run(["members", "add", "--cluster", "IT융합", "--name", "(주)캐시정밀", "--kind", "company"])
        .status == 0)
    #expect(try cli.run(["members", "list"]).stdout.contains("(주)캐시정밀"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: cacheFolder).sorted() == files)
    try FileManager.default.removeItem(atPath: cacheFolder)
    #expect(
      try cli.run(["members", "list"], environment: ["CLUSTERDESK_NO_CACHE": "1"]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: cacheFolder))
  }

  /// SIGKILLs at random moments of changes to a JSON workspace: afterwards the file always
  /// reads and holds either the state before the change or the state after it.
  @Test func killsDuringSaveLeaveTheOldOrTheNewFile() throws {
    let cli = try sampleOffice("office.json")
    defer { cli.cleanUp() }
    let rounds = Long.pick(30, 300)
    var random = Rng(seed: Long.seed)
    var counts = [0, 0]
    for round in 0..<rounds {
      let before = try document(cli.workspacePath).members.count
      let child = try Child(
        cli, ["members", "add", "--cluster", "IT융합", "--name", "중단시험\(round)상사"])
      usleep(UInt32(random.below(1_200_000)))
      child.kill(SIGKILL)
      child.finish()
      let after = try document(cli.workspacePath).members.count
      #expect(after == before || after == before + 1, "round \(round)")
      counts[after - before] += 1
      let reopened = try cli.run(["members", "list", "--format", "csv"])
      #expect(reopened.status == 0, "\(reopened.stderr)")
    }
    #expect(try cli.run(["office"]).status == 0)
    #expect(try cli.run(["members", "add", "--cluster", "IT융합", "--name", "마지막상사"]).status == 0)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path)
      .filter { $0.contains(".partial") }
    #expect(leftovers.isEmpty, "\(leftovers)")
    Long.record(
      "json kills: \(rounds) SIGKILLs, \(counts[0]) left the old file, \(counts[1]) the new")
  }

  /// Two shells adding members to one JSON workspace at the same time lose none.
  @Test func twoWritersAtOnceLoseNothing() throws {
    let cli = try sampleOffice("office.json")
    defer { cli.cleanUp() }
    let count = 12
    let writers = try ["가", "나"].map { letter in
      try Child(
        cli,
        [
          "-c",
          "for i in $(seq 1 \(count)); do \(TmuxSession.quote(Binary.path)) members add --cluster IT융합 --name \"동시\(letter)${i}상사\" || echo FAILED; done",
        ], executable: "/bin/bash")
    }
    for writer in writers {
      #expect(writer.finish())
      #expect(!writer.stdout.contains("FAILED"), "\(writer.stdout) \(writer.stderr)")
    }
    let names = Set(try document(cli.workspacePath).members.map(\.name))
    for letter in ["가", "나"] {
      for i in 1...count { #expect(names.contains("동시\(letter)\(i)상사")) }
    }
  }

  /// Converting SQLite into JSON and back gives the same document byte for byte; a file that is
  /// there, or the source itself, is refused naming it.
  @Test func convertRoundTripsAndRefusesToOverwrite() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let toSQLite = try cli.run(["convert", Self.sample, "office.clusterdesk"])
    #expect(toSQLite.status == 0, "\(toSQLite.stderr)")
    #expect(OutputFile.isDatabase(cli.file("office.clusterdesk").path))
    let toJSON = try cli.run(["convert", "office.clusterdesk", "office.json"])
    #expect(toJSON.status == 0, "\(toJSON.stderr)")
    #expect(
      try Data(contentsOf: cli.file("office.json"))
        == Data(contentsOf: URL(fileURLWithPath: Self.sample)))
    let before = try Data(contentsOf: cli.file("office.json"))
    let over = try cli.run(["convert", "office.clusterdesk", "office.json"])
    #expect(over.status == 1)
    #expect(over.stderr.contains("office.json already exists"))
    let itself = try cli.run(["convert", "office.json", "./office.json"])
    #expect(itself.status == 1)
    #expect(itself.stderr.contains("office.json is the workspace being converted"))
    #expect(try Data(contentsOf: cli.file("office.json")) == before)
    let missing = try cli.run(
      ["convert", "none.json", "x.clusterdesk"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(missing.status == 3)
    #expect(missing.stderr.contains("none.json에 워크스페이스가 없습니다"))
    let noFolder = try cli.run(["convert", "office.json", "no/such/x.clusterdesk"])
    #expect(noFolder.status == 3)
    #expect(noFolder.stderr.contains("no/such/x.clusterdesk"))
  }

  /// The dashboard on a JSON workspace notices a file another program replaced: a broken one
  /// is said and not written over; a good one is shown, and the next change is saved on top.
  @Test func dashboardNoticesAnOutsideChange() throws {
    let cli = try sampleOffice("office.json")
    defer { cli.cleanUp() }
    let tmux = try TmuxSession(
      ["--pane", "visits"], in: cli.folder, environment: cli.terminalEnvironment, width: 100,
      height: 30)
    defer { tmux.close() }
    #expect(try tmux.waitFor("Open follow-ups"), "\(tmux.text)")
    // The dashboard keeps the file's cache in the test's cache folder, not in the user's.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: cli.cacheFolder.path)
        .contains { $0.hasSuffix(".sqlite") })
    let good = try String(contentsOfFile: cli.workspacePath, encoding: .utf8)
    // What a merge conflict leaves behind, written the way git writes: a new file moved in.
    func replace(with text: String) throws {
      let temporary = cli.file("incoming.tmp")
      try text.write(to: temporary, atomically: false, encoding: .utf8)
      #expect(rename(temporary.path, cli.workspacePath) == 0)
    }
    let broken = "<<<<<<< HEAD\n" + good
    try replace(with: broken)
    #expect(try tmux.waitFor("office.json was changed by another program"), "\(tmux.text)")
    try tmux.press(":")
    try tmux.type("done 13")
    try tmux.press("Enter")
    #expect(try tmux.waitFor("Nothing was saved: "), "\(tmux.text)")
    #expect(try String(contentsOfFile: cli.workspacePath, encoding: .utf8) == broken)
    // Fixed by hand, with a change of its own: the dashboard shows it and saves on top of it.
    try replace(with: good.replacingOccurrences(of: "대명랩스", with: "대명연구소"))
    #expect(try tmux.waitFor("대명연구소"), "\(tmux.text)")
    #expect(try tmux.screen().contains("Reloaded office.json"))
    try tmux.press(":")
    try tmux.type("done 13")
    try tmux.press("Enter")
    #expect(try tmux.waitFor("Follow-up closed"), "\(tmux.text)")
    try tmux.press("q")
    #expect(try tmux.waitFor("EXIT 0"))
    let saved = try document(cli.workspacePath)
    #expect(saved.members.contains { $0.name == "대명연구소" })
    let followUp = saved.visits.flatMap(\.followUps).first { $0.id == 13 }
    #expect(followUp?.done != nil)
  }
}

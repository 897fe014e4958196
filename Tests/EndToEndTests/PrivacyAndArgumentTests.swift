import ClusterKit
import Foundation
import GRDB
import Testing

/// Files the binary creates are owner-only even under a permissive umask, and the audit log can
/// be read but not changed.
@Suite(.serialized) struct PrivacyTests {
  static func mode(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int
  }

  @Test func workspaceJournalAndExportsAreOwnerOnly() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let path = cli.workspacePath
    let binary = Binary.path
    func run(_ line: String) -> Int32 { shell("umask 022; \(line)", environment: cli.environment) }
    #expect(run("'\(binary)' init --cluster IT융합") == 0)
    #expect(PrivacyTests.mode(path) == 0o600)

    // While a writer has it open, the write-ahead log and shared-memory files exist.
    let writer = try Child(cli, ["write-loop", "--tag", "open"], environment: [:])
    _ = writer.wait(upTo: 60) { $0.lines.count >= 3 }
    #expect(
      PrivacyTests.mode(path + "-wal") == 0o600,
      "-wal is \(String(PrivacyTests.mode(path + "-wal") ?? 0, radix: 8))")
    #expect(
      PrivacyTests.mode(path + "-shm") == 0o600,
      "-shm is \(String(PrivacyTests.mode(path + "-shm") ?? 0, radix: 8))")
    writer.kill(SIGKILL)
    writer.finish()

    let export = cli.file("export.json").path
    #expect(run("'\(binary)' export --output '\(export)'") == 0)
    #expect(PrivacyTests.mode(export) == 0o600)
    // Over an older export that others could read: the new one is owner-only too.
    chmod(export, 0o644)
    #expect(run("'\(binary)' export --output '\(export)'") == 0)
    #expect(PrivacyTests.mode(export) == 0o600)
    #expect(
      try WorkspaceDocument.decode(Data(contentsOf: URL(fileURLWithPath: export))).members.count
        >= 1)
    #expect(
      try !FileManager.default.contentsOfDirectory(atPath: cli.folder.path).contains {
        $0.hasSuffix(".partial")
      })
  }

  @Test func auditLogIsListedAndCannotBeChanged() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(
      try cli.run(["write-loop", "--tag", "a", "--count", "2", "--kinds", "approve,request"]).status
        == 0)
    #expect(try cli.run(["requests", "reject", "2", "--reason", "서류 미비"]).status == 0)
    let audit = try cli.run(["audit", "--format", "csv"])
    #expect(audit.status == 0)
    #expect(
      audit.stdout.contains("approved") && audit.stdout.contains("rejected")
        && audit.stdout.contains("서류 미비"))
    #expect(audit.stdout.contains("박매니저"), "the actor is recorded")
    // No subcommand changes it ...
    for words in [["audit", "edit", "1"], ["audit", "delete", "1"], ["audit", "--clear"]] {
      #expect(try cli.run(words).status != 0, "\(words) was accepted")
    }
    // ... and the file refuses it even to someone going around the interface.
    let queue = try DatabaseQueue(path: cli.workspacePath)
    defer { try? queue.close() }
    for sql in ["UPDATE auditEntry SET after = 'approved'", "DELETE FROM auditEntry"] {
      #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: sql) } }
    }
    #expect(try cli.run(["audit", "--format", "csv"]).stdout == audit.stdout)
  }
}

/// Random command lines built from the real subcommands, options and awkward values: no crash,
/// no hang, an exit status from the documented set, and every refusal explained on stderr.
@Suite(.serialized) struct ArgumentFuzzTests {
  static let commands: [[String]] = [
    ["members", "list"], ["members", "show"], ["members", "add"], ["members", "edit"],
    ["visits", "list"],
    ["visits", "add"], ["visits", "due"], ["visits", "done"], ["meetings", "list"],
    ["meetings", "add"],
    ["meetings", "attend"], ["requests", "list"], ["requests", "show"], ["requests", "approve"],
    ["requests", "reject"], ["requests", "ask-changes"], ["requests", "add"], ["requests", "edit"],
    ["requests", "submit"], ["requests", "withdraw"], ["requests", "agree"],
    ["requests", "disburse"], ["requests", "settle"], ["programs", "list"], ["programs", "show"],
    ["programs", "add"], ["programs", "edit"], ["programs", "copy"], ["report"], ["audit"],
    ["export"],
    ["init"],
    ["import"], ["members"], ["visits"], ["requests"], ["backup"], ["restore"],
    ["directory-book"],
  ]
  static let options = [
    "--name", "--brn", "--phone", "--email", "--role", "--kind", "--cluster", "--division",
    "--format",
    "--excel", "--search", "--date", "--from", "--to", "--purpose", "--difficulty", "--follow-up",
    "--owner",
    "--amount", "--override", "--reason", "--status", "--program", "--year", "--member", "--weeks",
    "--follow-ups", "--request", "--office", "--sales", "--employees", "--founded", "-h", "--help",
    "--workspace", "--", "-x", "--pane", "--title", "--cofunding", "--submitted", "--draft",
    "--spent", "--disallowed", "--returned", "--report-date", "--budget", "--category",
    "--cofunding-share", "--member-cap", "--member-cap-count", "--opens", "--closes", "--note",
    "--budget-scale",
    "--output", "--correct", "--present", "--absent", "--all", "--unmask", "--changes-since",
    "--language",
  ]
  static let values = [
    "", "1", "0", "-1", "2", "99999999999999999999", "유신테크", "ㅇㅅㅌㅋ", "쓰기루프기준회사", "csv", "json",
    "table", "xml", "2026-11-26", "2026-02-30", "20261126", "13.7억", "1억 2천만", "abc",
    "certification:CE 인증",
    "certification", ":", "인증 안내:2026-12-10", "pending", "approved", "회장", "company",
    "124-81-00998",
    "1248100999", "010-1234-5678", "a@b", "\u{0}", "\u{FEFF}", "--", "-", "é", "1:1", "20%",
    "none", "쓰기루프 지원사업", "1.05", "xlsx", "html", "ko", "book.html",
    String(repeating: "가", count: 300),
    // Attacks found later: huge and negative numbers, Korean shorthand, escapes, formulas.
    "9223372036854775807", "-9223372036854775808", "-300만", "1억2천", "12억3", "억만", "1899",
    "10000", "\u{1B}[2J\u{1B}]52;c;eA==\u{07}", "=cmd|' /C calc'!A0", "G밸리\u{200D}", "1:0000-0000",
  ]

  @Test func randomCommandLinesNeverCrashOrHang() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(
      try cli.run(["write-loop", "--tag", "argv", "--count", "4", "--kinds", "visit,request"])
        .status == 0)
    var rng = Rng(seed: Long.seed &+ 2)
    let count = Long.pick(250, 3000)
    var statuses: [Int32: Int] = [:]
    for index in 0..<count {
      var argv = ArgumentFuzzTests.commands[rng.below(ArgumentFuzzTests.commands.count)]
      for _ in 0..<rng.below(6) {
        switch rng.below(3) {
        case 0: argv.append(ArgumentFuzzTests.options[rng.below(ArgumentFuzzTests.options.count)])
        case 1: argv.append(ArgumentFuzzTests.values[rng.below(ArgumentFuzzTests.values.count)])
        default:
          argv.append(ArgumentFuzzTests.options[rng.below(ArgumentFuzzTests.options.count)])
          argv.append(ArgumentFuzzTests.values[rng.below(ArgumentFuzzTests.values.count)])
        }
      }
      // A --workspace value must not point outside the test's folder.
      if let at = argv.firstIndex(of: "--workspace") {
        argv.insert("w\(index % 3).clusterdesk", at: at + 1)
      }
      let child = try Child(cli, argv)
      let ended = child.finish(timeout: 60)
      #expect(ended, "hang: \(argv)")
      let status = child.process.terminationStatus
      statuses[status, default: 0] += 1
      #expect(child.killedBySignal == nil, "crashed: \(argv)\n\(child.stderr)")
      #expect([0, 1, 3, 4, 64].contains(status), "status \(status): \(argv)\n\(child.stderr)")
      // Nothing typed on a command line comes back as a control character.
      #expect(
        !(child.stdout + child.stderr).unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" },
        "\(argv) printed an escape")
      if status != 0 {
        #expect(!child.stderr.isEmpty, "refused without a word: \(argv)")
        #expect(!child.stderr.contains("SQLite error"), "\(argv): \(child.stderr)")
      }
    }
    #expect(try Workspace(path: cli.workspacePath).integrityProblems() == [])
    Long.record(
      "command lines: \(count) random argv, no crash, no hang; statuses "
        + statuses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(
          separator: ", "))
  }
}

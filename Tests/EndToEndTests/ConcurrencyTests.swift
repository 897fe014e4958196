import ClusterKit
import Foundation
import Testing

/// Several processes on one workspace: writers from the shell while two dashboards are open.
@Suite(.serialized) struct ConcurrencyTests {
  /// Starts the dashboard in a tmux window, keeping the shell's terminal settings before and
  /// after in files so the test can compare them, and the exit status on screen.
  static func openDashboard(_ tmux: Tmux, _ arguments: [String], name: String) {
    tmux.type(
      "stty -g > \(name).before; \(tmux.commandLine(arguments)); echo \"EXIT\"\"=$?\"; stty -g > \(name).after"
    )
  }

  /// Quits the dashboard with `q` and checks it ended cleanly and gave the terminal back.
  static func quit(_ tmux: Tmux, name: String, cli: Binary) throws {
    tmux.keys(["Escape"])
    tmux.keys(["q"])
    #expect(tmux.waitFor(text: "EXIT="), "\(name) did not quit:\n\(tmux.screenText)")
    #expect(tmux.screenText.contains("EXIT=0"), "\(tmux.screenText)")
    _ = tmux.waitFor {
      $0.last { !$0.isEmpty } == "$" || $0.last { !$0.isEmpty }?.hasPrefix("$ ") == true
    }
    usleep(200_000)
    let before = try String(contentsOf: cli.file("\(name).before"), encoding: .utf8)
    let after = try String(contentsOf: cli.file("\(name).after"), encoding: .utf8)
    #expect(!before.isEmpty && before == after, "\(name): terminal not restored")
  }

  @Test(.enabled(if: Tmux.available))
  func twoWritersWhileTwoDashboardsAreOpen() throws {
    let writes = Long.pick(150, 1000)
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["write-loop", "--tag", "setup", "--count", "0"]).status == 0)
    let first = try Tmux(cli, width: 110, height: 30)
    defer { first.close() }
    let second = try Tmux(cli, width: 90, height: 24)
    defer { second.close() }
    for (tmux, name) in [(first, "first"), (second, "second")] {
      ConcurrencyTests.openDashboard(tmux, ["--pane", "members"], name: name)
      #expect(tmux.waitFor(text: "쓰기루프기준"), "\(name):\n\(tmux.screenText)")
      // Search for a member that does not exist yet; the list is redrawn with the search.
      tmux.keys(["/"])
      tmux.keys(["동시확인"], literal: true)
    }

    let writers = try ["w1", "w2"].map {
      try Child(cli, ["write-loop", "--tag", $0, "--count", String(writes)])
    }
    // A third process adds the member both dashboards are searching for, mid-way.
    _ = writers[0].wait(upTo: 60) { $0.lines.count >= writes / 3 }
    let added = try cli.run(["members", "add", "--cluster", "write-loop", "--name", "동시확인정밀"])
    #expect(added.status == 0, "\(added.stderr)")
    for (tmux, name) in [(first, "first"), (second, "second")] {
      #expect(
        tmux.waitFor(text: "동시확인정밀"), "\(name) never showed the new member:\n\(tmux.screenText)")
    }

    for (index, writer) in writers.enumerated() {
      #expect(writer.finish(timeout: 900), "writer \(index + 1) hung")
      #expect(writer.process.terminationStatus == 0, "writer \(index + 1): \(writer.stderr)")
      #expect(!writer.stderr.lowercased().contains("locked"), "\(writer.stderr)")
      #expect(
        writer.lines.count == writes, "writer \(index + 1) acknowledged \(writer.lines.count)")
      try CrashTests.verify(
        path: cli.workspacePath, tag: "w\(index + 1)", acknowledgements: writer.lines, run: index)
    }
    for (tmux, name) in [(first, "first"), (second, "second")] {
      #expect(!tmux.screenText.lowercased().contains("locked"), "\(name):\n\(tmux.screenText)")
      try ConcurrencyTests.quit(tmux, name: name, cli: cli)
    }
    Long.record(
      "concurrency: 2 writer processes x \(writes) writes with 2 dashboards open, none lost, no 'database is locked'"
    )
  }
}

/// Two people editing the same record from two processes: the later save is refused with the
/// conflict message instead of silently overwriting the earlier one.
@Suite(.serialized) struct ConflictTests {
  @Test(.enabled(if: Tmux.available))
  func laterSaveOfTheSameMemberOrRequestIsRefused() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    // The write-loop fixtures, and one pending request to decide on.
    #expect(
      try cli.run(["write-loop", "--tag", "setup", "--count", "1", "--kinds", "request"]).status
        == 0)
    let tmux = try Tmux(cli, width: 110, height: 30)
    defer { tmux.close() }

    // Member: the dashboard opens the edit form; meanwhile the shell edits the same member.
    ConcurrencyTests.openDashboard(tmux, ["--pane", "members"], name: "edit")
    #expect(tmux.waitFor(text: "쓰기루프기준"), "\(tmux.screenText)")
    tmux.keys(["e"])
    #expect(tmux.waitFor(text: "Edit member"), "no form:\n\(tmux.screenText)")
    let other = try cli.run(["members", "edit", "쓰기루프기준회사", "--phone", "02-1234-5678"])
    #expect(other.status == 0, "\(other.stderr)")
    tmux.keys(["C-s"])
    #expect(
      tmux.waitFor(text: "changed by someone else"),
      "the later save was not refused:\n\(tmux.screenText)")
    // The earlier save stands.
    let shown = try cli.run(["members", "show", "쓰기루프기준회사"])
    #expect(shown.stdout.contains("02-1234-5678"))
    tmux.keys(["Escape"])
    _ = tmux.waitFor { !$0.joined().contains("Edit member") }

    // Request: the dashboard opens the approval form; meanwhile the shell rejects the request.
    tmux.keys(["5"])
    #expect(tmux.waitFor(text: "1,000,000원"), "\(tmux.screenText)")
    tmux.keys(["A"])
    #expect(tmux.waitFor(text: "Approve"), "no approval form:\n\(tmux.screenText)")
    let rejected = try cli.run(["requests", "reject", "1", "--reason", "예산 부족"])
    #expect(rejected.status == 0, "\(rejected.stderr)")
    tmux.keys(["C-s"])
    #expect(
      tmux.waitFor(text: "changed by someone else"),
      "the later decision was not refused:\n\(tmux.screenText)")
    let audit = try cli.run(["audit", "--format", "csv"])
    #expect(
      audit.stdout.contains("rejected") && !audit.stdout.contains("approved"), "\(audit.stdout)")
    tmux.keys(["Escape"])
    try ConcurrencyTests.quit(tmux, name: "edit", cli: cli)
  }
}

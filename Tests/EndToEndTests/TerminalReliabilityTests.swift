import ClusterKit
import Foundation
import Testing

/// The dashboard in a real terminal (tmux running an interactive bash with job control):
/// signals, suspend and resume, resize storms, a 20x5 terminal, and random keys in forms. The
/// terminal settings (`stty -g`) must be the same after as before, and no data may be lost.
@Suite(.serialized) struct TerminalReliabilityTests {
  static func exitStatus(_ tmux: Tmux) -> Int? {
    guard tmux.waitFor(text: "EXIT=") else { return nil }
    let row = tmux.screen().last { $0.hasPrefix("EXIT=") } ?? ""
    return Int(row.dropFirst(5))
  }

  static func settingsKept(_ cli: Binary, _ name: String) -> Bool {
    _ = (0..<100).first { _ in
      usleep(50_000)
      return FileManager.default.fileExists(atPath: cli.file("\(name).after").path)
    }
    usleep(100_000)
    let before = try? String(contentsOf: cli.file("\(name).before"), encoding: .utf8)
    let after = try? String(contentsOf: cli.file("\(name).after"), encoding: .utf8)
    return before != nil && before == after
  }

  static func workspace(_ cli: Binary) throws {
    let made = try cli.run(["write-loop", "--tag", "setup", "--count", "6"])
    try #require(made.status == 0, "\(made.stderr)")
  }

  @Test(
    .enabled(if: Tmux.available), arguments: [("INT", SIGINT), ("TERM", SIGTERM), ("HUP", SIGHUP)])
  func signalRestoresTheTerminalAndKeepsData(name: String, signal: Int32) throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    try TerminalReliabilityTests.workspace(cli)
    let tmux = try Tmux(cli, width: 100, height: 30)
    defer { tmux.close() }
    ConcurrencyTests.openDashboard(tmux, ["--pane", "visits"], name: name)
    #expect(tmux.waitFor(text: "Visits"), "\(tmux.screenText)")
    // A change from another process while the dashboard is open must survive the signal.
    #expect(try cli.run(["write-loop", "--tag", "during", "--count", "3"]).status == 0)
    let pid = try #require(tmux.foregroundPid())
    kill(pid, signal)
    let status = TerminalReliabilityTests.exitStatus(tmux)
    #expect(
      status == 128 + Int(signal),
      "SIG\(name): exit \(status.map(String.init) ?? "none")\n\(tmux.screenText)")
    #expect(TerminalReliabilityTests.settingsKept(cli, name), "SIG\(name): terminal not restored")
    let workspace = try Workspace(path: cli.workspacePath)
    #expect(try workspace.integrityProblems() == [])
    #expect(try workspace.searchVisits("during-r0").count == 1)
  }

  @Test(.enabled(if: Tmux.available))
  func suspendResumeResizeStormAndATinyTerminal() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    try TerminalReliabilityTests.workspace(cli)
    let tmux = try Tmux(cli, width: 100, height: 30)
    defer { tmux.close() }
    // The dashboard alone on the command line: bash drops the rest of a list when a job in it
    // is stopped, so the status and settings are read by separate lines after it ends.
    tmux.type("stty -g > job.before")
    tmux.type(tmux.commandLine(["--pane", "members"]))
    #expect(tmux.waitFor(text: "쓰기루프기준"), "\(tmux.screenText)")

    // Ctrl-Z: back at the shell prompt with the shell's own settings; fg: the dashboard again.
    tmux.keys(["C-z"])
    #expect(tmux.waitFor(text: "Stopped"), "Ctrl-Z did not suspend:\n\(tmux.screenText)")
    tmux.type("stty -g > job.suspended")
    usleep(300_000)
    let before = try? String(contentsOf: cli.file("job.before"), encoding: .utf8)
    let suspended = try? String(contentsOf: cli.file("job.suspended"), encoding: .utf8)
    #expect(
      before != nil && before == suspended, "the shell got a changed terminal while suspended")
    tmux.type("fg")
    #expect(
      tmux.waitFor(text: "쓰기루프기준"), "fg did not bring the dashboard back:\n\(tmux.screenText)")

    // A resize storm, then a 20x5 terminal: never a row wider than the window.
    var rng = Rng(seed: Long.seed)
    for _ in 0..<Long.pick(40, 400) {
      tmux.resize(width: 20 + rng.below(140), height: 5 + rng.below(45))
      if rng.chance(30) { usleep(UInt32(rng.below(30_000))) }
    }
    for (width, height) in [(20, 5), (21, 6), (20, 5)] {
      tmux.resize(width: width, height: height)
      usleep(400_000)
      let rows = tmux.screen()
      #expect(tmux.foregroundPid() != nil, "the dashboard died at \(width)x\(height)")
      for row in rows where displayWidth(row) > width {
        Issue.record("a row wider than \(width): \(row)")
      }
    }
    tmux.resize(width: 100, height: 30)
    #expect(tmux.waitFor(text: "쓰기루프기준"), "not redrawn after the storm:\n\(tmux.screenText)")
    tmux.keys(["q"])
    _ = tmux.waitFor { $0.contains { $0.hasPrefix("$") && $0.count < 3 } }
    tmux.type("echo \"EXIT\"\"=$?\"; stty -g > job.after")
    #expect(TerminalReliabilityTests.exitStatus(tmux) == 0, "\(tmux.screenText)")
    #expect(TerminalReliabilityTests.settingsKept(cli, "job"), "terminal not restored after fg")
  }

  /// Random keys in the member and visit forms: no crash, no row wider than the terminal, the
  /// terminal restored, the workspace healthy.
  @Test(.enabled(if: Tmux.available))
  func randomKeysInFormsNeitherCrashNorGarble() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    try TerminalReliabilityTests.workspace(cli)
    let width = 90
    let tmux = try Tmux(cli, width: width, height: 26)
    defer { tmux.close() }
    ConcurrencyTests.openDashboard(tmux, ["--pane", "members"], name: "fuzz")
    #expect(tmux.waitFor(text: "쓰기루프기준"), "\(tmux.screenText)")
    let named = [
      "Tab", "BTab", "Enter", "BSpace", "Left", "Right", "Up", "Down", "Home", "End", "DC", "Space",
      "Escape", "C-s", "C-a", "C-e", "C-u", "C-k", "C-w", "PageUp", "PageDown",
    ]
    let texts = [
      "가", "한빛정밀", "ㅎ", "a", "0", "-", "13.7억", "2026-02-30", "010", "@", "\"", ",", "é", "ㅇㅅ",
    ]
    var rng = Rng(seed: Long.seed &+ 1)
    let keys = Long.pick(400, 5000)
    for index in 0..<keys {
      // Keep a form open most of the time: members (n, e) or a visit (4, n).
      if index % 40 == 0 {
        tmux.keys(["Escape"])
        tmux.keys(["Escape"])
        switch rng.below(3) {
        case 0: tmux.keys(["2", "n"])
        case 1: tmux.keys(["2", "e"])
        default: tmux.keys(["4", "n"])
        }
      }
      if rng.chance(60) {
        tmux.keys([named[rng.below(named.count)]])
      } else {
        tmux.keys([texts[rng.below(texts.count)]], literal: true)
      }
      if index % 25 == 0 {
        usleep(100_000)
        for row in tmux.screen() where displayWidth(row) > width {
          Issue.record("key \(index): a row wider than \(width): \(row)")
        }
        if tmux.foregroundPid() == nil {
          Issue.record("key \(index): the dashboard is gone:\n\(tmux.screenText)")
          break
        }
      }
    }
    for _ in 0..<3 { tmux.keys(["Escape"]) }
    tmux.keys(["C-c"])
    let status = TerminalReliabilityTests.exitStatus(tmux)
    #expect(status == 0, "exit \(status.map(String.init) ?? "none"):\n\(tmux.screenText)")
    #expect(TerminalReliabilityTests.settingsKept(cli, "fuzz"), "terminal not restored")
    #expect(try Workspace(path: cli.workspacePath).integrityProblems() == [])
    Long.record(
      "dashboard forms: \(keys) random keys in a real terminal, no crash, no row too wide, terminal restored"
    )
  }
}

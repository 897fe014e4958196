import ClusterKit
import Foundation
import Testing

/// A support through its whole life in the dashboard, in tmux, and the same figures read back
/// from `requests show` and `programs show`.
@Suite(.serialized) struct SupportChainTerminalTests {
  /// This year's programs, then next year's: the order the request form offers them in.
  static func offered(_ workspace: Workspace, _ today: Day) throws -> [ProgramFigures] {
    try workspace.programFigures(year: today.year) + workspace.programFigures(year: today.year + 1)
  }

  static func isOpen(_ program: Program, _ today: Day) -> Bool {
    (program.opens ?? today) <= today && today <= (program.closes ?? today)
  }

  /// Enters a request of (주)새성디지털 with `n` in the requests pane: the `program`th program
  /// offered, no planned co-funding, submitted today.
  static func enter(
    _ tmux: TmuxSession, program: Int, named name: String? = nil, title: String, amount: String
  ) throws {
    try #require(try tmux.waitFor("Requests: pending"))
    try tmux.press("n")
    try #require(try tmux.waitFor("New support request"))
    try tmux.type("ㅅㅅㄷㅈ")
    try #require(try tmux.waitFor("(주)새성디지털"))
    try tmux.press("Enter")
    for _ in 0..<program { try tmux.press("Space") }
    if let name { try #require(try tmux.waitFor(name), "\(tmux.text)") }
    try tmux.press("Down")
    try tmux.type(title)
    try tmux.press("Down")
    try tmux.type(amount)
    try tmux.press("Enter", "Enter", "Enter")
    try #require(try tmux.waitFor("Added request #"), "\(tmux.text)")
  }

  @Test func enterApproveAgreePayTwiceAndSettleWithAReturn() throws {
    let (cli, tmux) = try DashboardTerminalTests().start(["--pane", "requests"])
    defer {
      tmux.close()
      cli.cleanUp()
    }
    let workspace = try Workspace(path: cli.workspacePath)
    let today = Day(year: 2026, month: 11, day: 26)!
    // The request form offers this year's programs by name, then next year's: take the first
    // open today with room for 5,000,000원 in its budget and its member cap.
    let programs = try Self.offered(workspace, today)
    let choice = try #require(
      programs.firstIndex {
        $0.remainingKRW >= 5_000_000 && ($0.program.memberCapKRW ?? .max) >= 5_000_000
          && $0.program.memberCapCount == nil && Self.isOpen($0.program, today)
      })
    let program = programs[choice].program
    try Self.enter(
      tmux, program: choice, named: Document.programName(program), title: "스마트 센서 시험 인증",
      amount: "500만")
    let row = try #require(
      try workspace.requestRows(RequestFilter(status: .pending), limit: 10_000).last)
    #expect(row.title == "스마트 센서 시험 인증")
    let id = row.id

    // The newest submission is the queue's last line.
    try tmux.press("G", "Enter")
    try #require(try tmux.waitFor("#\(id) 스마트 센서 시험 인증"), "\(tmux.text)")
    try tmux.press("A")
    try #require(try tmux.waitFor("Approve request"))
    try tmux.press("Enter")
    try #require(try tmux.waitFor("Request #\(id) is now approved"), "\(tmux.text)")
    try tmux.press("g")
    try #require(try tmux.waitFor("Record the agreement"))
    try tmux.press("Enter", "Enter")
    try #require(try tmux.waitFor("Request #\(id) is now agreed"), "\(tmux.text)")
    try tmux.press("p")
    try #require(try tmux.waitFor("Pay an instalment"))
    try tmux.press("C-u")
    try tmux.type("300만")
    try tmux.press("Enter", "Enter")
    try #require(try tmux.waitFor("Instalment 1 of request #\(id)"), "\(tmux.text)")
    try tmux.press("p")
    try #require(try tmux.waitFor("Pay an instalment"))
    try tmux.press("Enter", "Enter")
    try #require(try tmux.waitFor("Instalment 2 of request #\(id)"), "\(tmux.text)")
    try tmux.press("S")
    try #require(try tmux.waitFor("Settle"))
    try tmux.press("C-u")
    try tmux.type("450만")
    try tmux.press("Enter", "Enter", "Enter", "Enter")
    try #require(try tmux.waitFor("Request #\(id) is now completed"), "\(tmux.text)")
    try tmux.press("Escape", "q")
    try #require(try tmux.waitFor("EXIT 0"))

    let settled = try #require(try workspace.request(id: id))
    #expect(settled.status == .completed)
    #expect(settled.approvedKRW == 5_000_000)
    #expect(try workspace.instalments(requestId: id).map(\.amountKRW) == [3_000_000, 2_000_000])
    #expect(settled.settlement?.spentKRW == 4_500_000)
    #expect(settled.settlement?.returnedKRW == 500_000)
    let figures = try workspace.programFigures(id: program.id)
    #expect(figures.remainingKRW == programs[choice].remainingKRW - 4_500_000)

    // The command line prints the same figures.
    let request = try cli.run(["requests", "show", "\(id)"])
    #expect(request.status == 0, "\(request.stderr)")
    let shown = try cli.run(["programs", "show", "\(program.id)"])
    #expect(shown.status == 0, "\(shown.stderr)")
    for out in [request.stdout, shown.stdout] {
      #expect(out.contains(Money.format(figures.remainingKRW)), "\(out)")
      #expect(out.contains(Money.format(figures.returnedKRW)), "\(out)")
      #expect(out.contains(Money.format(figures.committedKRW)), "\(out)")
    }
    #expect(request.stdout.contains("500,000원"))
    #expect(request.stdout.contains("3,000,000원"))
    #expect(request.stdout.contains("2,000,000원"))
    #expect(shown.stdout.contains("스마트 센서 시험 인증"))
  }

  /// A request entered by mistake: `u` takes it out of the pane and `requests list`, Ctrl-R
  /// brings it back, and the audit log checks after each.
  @Test func anEnteredRequestUndoneIsGoneAndRedoBringsItBack() throws {
    let (cli, tmux) = try DashboardTerminalTests().start(["--pane", "requests"])
    defer {
      tmux.close()
      cli.cleanUp()
    }
    let title = "잘못 넣은 금형 신청"
    let workspace = try Workspace(path: cli.workspacePath)
    let today = Day(year: 2026, month: 11, day: 26)!
    let choice = try #require(
      try Self.offered(workspace, today).firstIndex { Self.isOpen($0.program, today) })
    try Self.enter(tmux, program: choice, title: title, amount: "100만")
    let added = try #require(
      try workspace.requestRows(RequestFilter(status: .pending), limit: 10_000).last)
    #expect(added.title == title)
    // The pane's row: its id and day (the title has no column at this width).
    let row = "\(added.id) \(today)"
    let count = try workspace.requestCount(RequestFilter(status: .pending))
    try tmux.press("G")
    try #require(try tmux.waitFor(row), "\(tmux.text)")
    try #require(try tmux.waitFor("Requests: pending, \(count),"), "\(tmux.text)")
    let listed = try cli.run(["requests", "list", "--status", "pending"])
    #expect(listed.stdout.contains(title), "\(listed.stdout)")

    try tmux.press("u")
    try #require(try tmux.waitFor("Undone: Added request"), "\(tmux.text)")
    #expect(!tmux.text.contains(row), "\(tmux.text)")
    #expect(try workspace.request(id: added.id) == nil)
    let gone = try cli.run(["requests", "list", "--status", "pending"])
    #expect(gone.status == 0, "\(gone.stderr)")
    #expect(!gone.stdout.contains(title), "\(gone.stdout)")
    #expect(try workspace.requestCount(RequestFilter(status: .pending)) == count - 1)
    let removed = try cli.run(["audit", "--verify"])
    #expect(removed.status == 0, "\(removed.stdout)\(removed.stderr)")

    try tmux.press("C-r")
    try #require(try tmux.waitFor("Done again: Added request"), "\(tmux.text)")
    try tmux.press("G")
    try #require(try tmux.waitFor(row), "\(tmux.text)")
    #expect(try tmux.waitFor("Requests: pending, \(count),"), "\(tmux.text)")
    try tmux.press("q")
    try #require(try tmux.waitFor("EXIT 0"))
    let back = try cli.run(["requests", "list", "--status", "pending"])
    #expect(back.stdout.contains(title), "\(back.stdout)")
    let restored = try cli.run(["audit", "--verify"])
    #expect(restored.status == 0, "\(restored.stdout)\(restored.stderr)")
    let log = try cli.run(["audit"])
    #expect(log.stdout.contains("removed by undo"), "\(log.stdout)")
    #expect(log.stdout.contains("restored by redo"), "\(log.stdout)")
  }
}

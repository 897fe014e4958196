import ClusterKit
import Foundation
import Testing

/// The dashboard as a manager uses it: the built binary in tmux, keys typed, the screen read
/// back, and the workspace checked afterwards. `.serialized` keeps two terminals from competing
/// for the machine's two cores.
@Suite(.serialized) struct DashboardTerminalTests {
  /// A workspace holding the sample office, and a terminal running the dashboard on it.
  /// `beforeStart` looks at the workspace before the dashboard opens it.
  func start(
    _ arguments: [String] = [], width: Int = 100, height: Int = 30,
    environment: [String: String] = [:], beforeStart: (Binary) throws -> Void = { _ in }
  ) throws -> (Binary, TmuxSession) {
    let cli = try Binary()
    let sample = Binary.packageRoot.appendingPathComponent("sample-data/seoul-digital-office.json")
      .path
    let imported = try cli.run(["import", sample])
    #expect(imported.status == 0, "\(imported.stderr)")
    try beforeStart(cli)
    var env = cli.terminalEnvironment
    env.merge(environment) { $1 }
    let session = try TmuxSession(
      arguments, in: cli.folder, environment: env, width: width, height: height)
    return (cli, session)
  }

  @Test func findAMemberByInitialsAndOpenIt() throws {
    let (cli, tmux) = try start(["--pane", "members"])
    defer {
      tmux.close()
      cli.cleanUp()
    }
    #expect(try tmux.waitFor("Members"))
    #expect(try tmux.waitFor("sorted by name"))
    try tmux.press("/")
    try tmux.type("ㅇㅂㅁㄷㅌ")
    // The count belongs to the whole query once the search line shows all of it.
    #expect(try tmux.waitUntil { $0.contains("/ㅇㅂㅁㄷㅌ") && $0.contains("1 found") })
    #expect(try tmux.screen().contains("㈜은비메디텍"))
    try tmux.press("Enter")
    #expect(try tmux.waitFor("Reg. no."), "the detail opens: \(tmux.text)")
    let detail = try tmux.screen()
    #expect(detail.contains("김태정"))
    #expect(detail.contains("vice-chair"))
    #expect(detail.contains("119-87-65967"))
    try tmux.press("q")
    #expect(try tmux.waitFor("EXIT 0"))
  }

  @Test func logAVisitWithAFollowUp() throws {
    let (cli, tmux) = try start(["--pane", "visits"])
    defer {
      tmux.close()
      cli.cleanUp()
    }
    #expect(try tmux.waitFor("Open follow-ups"))
    try tmux.press("n")
    #expect(try tmux.waitFor("Log a visit"))
    try tmux.type("ㅅㅅㄷㅈ")
    #expect(try tmux.waitFor("matches (↑↓ Enter)"))
    // Enter picks the company and moves on; three more pass the date, visitor and purpose.
    for _ in 0..<4 { try tmux.press("Enter") }
    try tmux.type("유럽 수출 준비 중")
    try tmux.press("Enter")
    try tmux.type("인증: CE 인증 비용 부담; 인력: 품질 인력 부족")
    try tmux.press("Enter")
    try tmux.type("해외규격인증 지원사업 안내 / 김대리 / 2026.12.10")
    try tmux.press("Enter")
    #expect(try tmux.waitFor("Visit to (주)새성디지털 logged."), "\(tmux.text)")
    try tmux.press("q")
    #expect(try tmux.waitFor("EXIT 0"))

    let workspace = try Workspace(path: cli.workspacePath)
    let found = try workspace.searchVisits("규격인증")
    let visit = try #require(found.first { $0.notes == "유럽 수출 준비 중" })
    #expect(visit.date == Day(year: 2026, month: 11, day: 26))
    #expect(try workspace.member(id: visit.memberId)?.name == "(주)새성디지털")
    #expect(
      visit.difficulties == [
        Difficulty(category: .certification, text: "CE 인증 비용 부담"),
        Difficulty(category: .people, text: "품질 인력 부족"),
      ])
    #expect(visit.followUps.map(\.action) == ["해외규격인증 지원사업 안내"])
    #expect(visit.followUps.first?.owner == "김대리")
    #expect(visit.followUps.first?.due == Day(year: 2026, month: 12, day: 10))
    #expect(visit.visitor == "박매니저")
  }

  @Test func approveOnePendingRequestAndRejectAnother() throws {
    let (cli, tmux) = try start(["--pane", "requests"])
    defer {
      tmux.close()
      cli.cleanUp()
    }
    let workspace = try Workspace(path: cli.workspacePath)
    let queue = try workspace.requestRows(RequestFilter(status: .pending), limit: 100)
    // Approve the oldest request that fits its program's budget and its member's cap, then
    // reject the oldest left.
    func fitsBudget(_ row: RequestRow) throws -> Bool {
      try workspace.approvalLimits(requestId: row.id, amount: row.requestedKRW).isEmpty
    }
    let position = try #require(try queue.firstIndex(where: fitsBudget))
    let toApprove = queue[position]
    let toReject = try #require(queue.first { $0.id != toApprove.id })
    #expect(try tmux.waitFor(queue[0].memberName))
    for _ in 0..<position { try tmux.press("j") }
    try tmux.press("A")
    #expect(try tmux.waitFor("Approve request"))
    #expect(try tmux.screen().contains("#\(toApprove.id) "))
    try tmux.press("Enter")
    #expect(try tmux.waitFor("Request #\(toApprove.id) is now approved"), "\(tmux.text)")
    try tmux.press("g", "R")
    #expect(try tmux.waitFor("Reject request"))
    try tmux.press("Enter")
    #expect(try tmux.waitFor("reason"), "an empty reason is refused")
    try tmux.type("지원 요건 미충족 (매출액 기준 초과)")
    try tmux.press("Enter")
    #expect(try tmux.waitFor("Request #\(toReject.id) is now rejected"), "\(tmux.text)")
    try tmux.press("q")
    #expect(try tmux.waitFor("EXIT 0"))

    let approved = try #require(try workspace.request(id: toApprove.id))
    #expect(approved.status == .approved)
    #expect(approved.approvedKRW == toApprove.requestedKRW)
    #expect(approved.reviewer == "박매니저")
    let rejected = try #require(try workspace.request(id: toReject.id))
    #expect(rejected.status == .rejected)
    #expect(rejected.reason == "지원 요건 미충족 (매출액 기준 초과)")
    #expect(try workspace.auditLog(requestId: toReject.id).map(\.field).contains("reason"))
  }

  @Test func resizeRedrawsAtEverySize() throws {
    let (cli, tmux) = try start(["--pane", "members"], width: 80, height: 24)
    defer {
      tmux.close()
      cli.cleanUp()
    }
    #expect(try tmux.waitFor("sorted by name"))
    try tmux.resize(width: 160, height: 45)
    // The date sits at the right end of the tab bar, so it moves out to column 150.
    #expect(
      try tmux.waitUntil { $0.split(separator: "\n").first.map { $0.count > 150 } ?? false },
      "\(tmux.text)")
    #expect(try tmux.screen().split(separator: "\n").count > 30)
    try tmux.resize(width: 30, height: 8)
    #expect(try tmux.waitFor("too small"))
    try tmux.resize(width: 80, height: 24)
    #expect(try tmux.waitFor("sorted by name"))
    try tmux.press("q")
    #expect(try tmux.waitFor("EXIT 0"))
  }

  @Test func ctrlCLeavesAndRestoresTheTerminal() throws {
    let (cli, tmux) = try start()
    defer {
      tmux.close()
      cli.cleanUp()
    }
    #expect(try tmux.waitFor("This year at a glance"))
    try tmux.press("2", "n")
    #expect(try tmux.waitFor("New member"))
    try tmux.type("한빛")
    try tmux.press("C-c")
    #expect(try tmux.waitFor("EXIT 0"))
    Thread.sleep(forTimeInterval: 0.2)
    let settings = try tmux.terminalSettings()
    #expect(settings.before == settings.after)
  }

  /// Opening the dashboard writes nothing to the workspace, so every other program that has it
  /// open keeps its copy of the schema: a pool of connections made and dropped a table on
  /// opening (its way of keeping a non-empty `-wal`), which moved the schema's version and had
  /// every other connection read the whole schema again.
  @Test func openingLeavesTheSchemaAlone() throws {
    var before = ""
    let (cli, tmux) = try start { before = try Self.schemaVersion($0.workspacePath) }
    defer {
      tmux.close()
      cli.cleanUp()
    }
    #expect(!before.isEmpty)
    #expect(try tmux.waitFor("This year at a glance"))
    // The change capture is made ready after the first frame, before the next key is read: in
    // the connection's own temporary schema.
    try tmux.press("2")
    #expect(try tmux.waitFor("sorted by name"))
    #expect(try Self.schemaVersion(cli.workspacePath) == before)
    try tmux.press("q")
    #expect(try tmux.waitFor("EXIT 0"))
    #expect(try Self.schemaVersion(cli.workspacePath) == before)
  }

  /// `PRAGMA schema_version` of a file, as the sqlite3 program reads it.
  static func schemaVersion(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", "-readonly", path, "PRAGMA schema_version"]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// In a C locale the program switches to C.UTF-8, so Hangul still shows whole and aligned.
  @Test func nonUTF8LocaleStillShowsHangul() throws {
    let (cli, tmux) = try start(["--pane", "members"], environment: ["LANG": "C", "LC_ALL": "C"])
    defer {
      tmux.close()
      cli.cleanUp()
    }
    #expect(try tmux.waitFor("sorted by name"), "\(tmux.text)")
    try tmux.press("/")
    try tmux.type("ㅇㅂㅁㄷㅌ")
    #expect(try tmux.waitFor("㈜은비메디텍"), "\(tmux.text)")
    #expect(!(try tmux.screen().contains("\u{FFFD}")), "no replacement characters")
    try tmux.press("Escape", "q")
    #expect(try tmux.waitFor("EXIT 0"))
  }
}

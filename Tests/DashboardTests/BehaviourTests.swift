import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

private func app(_ fixture: Fixture, _ pane: Pane = .overview) -> DashboardApp {
  let app = DashboardApp(
    workspace: fixture.workspace, pane: pane, language: .ko, today: Fixture.today)
  _ = app.render(width: 80, height: 24, theme: .monochrome)
  return app
}

private func screen(_ app: DashboardApp, _ w: Int = 80, _ h: Int = 24) -> String {
  app.render(width: w, height: h, theme: .monochrome).grid.lines.joined(separator: "\n")
}

@Test func initialsSearchFindsTheCompanyAndEnterOpensIt() throws {
  let fixture = try Fixture()
  let app = app(fixture)
  press(app, ["2", "/", "ㅇㅅㅌㅋ"])
  #expect(app.memberCount() == 1)
  let text = screen(app)
  #expect(text.contains("(주)유신테크"))
  #expect(!text.contains("㈜ 한빛정밀"))
  app.handle(.enter)
  #expect(app.state.top == .detail(DetailState(subject: .member(fixture.members["(주)유신테크"]!))))
  #expect(screen(app).contains("지능형 로봇 제어기"))
  // Esc closes the detail; a second Esc leaves the search as it was, and / then Esc clears it.
  app.handle(.escape)
  #expect(app.state.top == nil)
  press(app, ["/", .key(.escape)])
  #expect(app.memberCount() == 15)
}

@Test func approvingChangesTheWorkspaceAndUndoPutsItBack() throws {
  let fixture = try Fixture()
  let app = app(fixture, .requests)
  let id = fixture.requests["cert"]!
  // The queue is oldest first: prototype (10-20), cert (11-02), expo2 (11-12).
  press(app, [.key(.down), "a"])
  guard case .form(let form) = app.state.top, case .approve(let request) = form.purpose else {
    Issue.record("no approve form")
    return
  }
  #expect(request.id == id)
  #expect(form.value("amount") == "25,000,000")
  // Approve a smaller amount than requested.
  press(app, [.key(.ctrl("u")), "2000만", .key(.enter)])
  #expect(app.state.top == nil)
  let approved = try #require(try fixture.workspace.request(id: id))
  #expect(approved.status == .approved)
  #expect(approved.approvedKRW == 20_000_000)
  #expect(approved.decided == Fixture.today)
  #expect(try fixture.workspace.auditLog(requestId: id).contains { $0.field == "status" })
  app.handle(.char("u"))
  let undone = try #require(try fixture.workspace.request(id: id))
  #expect(undone.status == .pending)
  #expect(undone.approvedKRW == nil)
  // Nothing more to undo.
  app.handle(.char("u"))
  #expect(app.state.status?.isError == true)
}

@Test func overBudgetNeedsAnOverrideReason() throws {
  let fixture = try Fixture()
  let app = app(fixture, .requests)
  let id = fixture.requests["prototype"]!
  press(app, ["a", .key(.enter)])
  guard case .form(let form) = app.state.top else {
    Issue.record("the approve form closed")
    return
  }
  #expect(form.message?.contains("초과 사유") == true)
  #expect(form.focusedKey == "override")
  #expect(try fixture.workspace.request(id: id)?.status == .pending)
  press(app, ["시급한 수출 일정", .key(.enter)])
  #expect(app.state.top == nil)
  let approved = try #require(try fixture.workspace.request(id: id))
  #expect(approved.status == .approved)
  #expect(approved.reason == "시급한 수출 일정")
}

@Test func rejectingWithoutAReasonIsRefused() throws {
  let fixture = try Fixture()
  let app = app(fixture, .requests)
  let id = fixture.requests["prototype"]!
  press(app, ["r", .key(.enter)])
  guard case .form(let form) = app.state.top else {
    Issue.record("the reject form closed")
    return
  }
  #expect(form.form.fields[0].error?.contains("사유") == true)
  #expect(try fixture.workspace.request(id: id)?.status == .pending)
  press(app, ["예산 소진", .key(.enter)])
  #expect(try fixture.workspace.request(id: id)?.status == .rejected)
  #expect(try fixture.workspace.request(id: id)?.reason == "예산 소진")
}

@Test func askingForChangesSendsTheRequestBackAsDraft() throws {
  let fixture = try Fixture()
  let app = app(fixture, .requests)
  let id = fixture.requests["prototype"]!
  press(app, [.key(.enter), "c", "견적서 보완", .key(.enter)])
  #expect(try fixture.workspace.request(id: id)?.status == .draft)
}

@Test func loggingAVisitStoresItWithItsFollowUp() throws {
  let fixture = try Fixture()
  let app = app(fixture, .visits)
  press(app, ["n", "ㅇㅅㅌㅋ"])
  guard case .form(let form) = app.state.top else {
    Issue.record("no visit form")
    return
  }
  #expect(form.suggestions.map(\.name) == ["(주)유신테크"])
  press(
    app,
    [
      .key(.enter),  // pick the suggestion
      .key(.enter),  // date stays today
      " ",  // purpose: needs survey
      .key(.enter), .key(.right), .key(.right), .key(.enter),  // category: marketing
      "해외 판로 부족", .key(.enter),
      "바이어 상담 희망", .key(.enter),
      "수출상담회 안내", .key(.enter),
      "2026-12-10", .key(.enter),
    ])
  #expect(app.state.top == nil)
  let visits = try fixture.workspace.visits(from: Fixture.today, through: Fixture.today)
  let visit = try #require(visits.first)
  #expect(visit.memberId == fixture.members["(주)유신테크"]!)
  #expect(visit.purpose == .needsSurvey)
  #expect(visit.difficulties == [Difficulty(category: .marketing, text: "해외 판로 부족")])
  #expect(visit.followUps.first?.action == "수출상담회 안내")
  #expect(visit.followUps.first?.due == Day(year: 2026, month: 12, day: 10))
  #expect(visit.visitor == "김매니저")
}

@Test func visitFormReportsFieldErrors() throws {
  let fixture = try Fixture()
  let app = app(fixture, .visits)
  // No member, a follow-up due before the visit.
  press(
    app,
    [
      "n", .key(.tab), .key(.tab), .key(.tab), .key(.tab), .key(.tab), .key(.tab), "전화", .key(.tab),
      "2026-01-01", .key(.ctrl("s")),
    ])
  guard case .form(let form) = app.state.top else {
    Issue.record("form closed")
    return
  }
  #expect(form.form.fields[0].error != nil)
  #expect(try fixture.workspace.visits(from: Fixture.today, through: Fixture.today).isEmpty)
}

@Test func closingAnOverdueFollowUpAndUndoingIt() throws {
  let fixture = try Fixture()
  let app = app(fixture, .visits)
  #expect(try fixture.workspace.followUpCounts(today: Fixture.today).overdue == 1)
  app.handle(.char("x"))
  #expect(try fixture.workspace.followUpCounts(today: Fixture.today).overdue == 0)
  app.handle(.char("u"))
  #expect(try fixture.workspace.followUpCounts(today: Fixture.today).overdue == 1)
}

@Test func attendanceIsSavedAsOneChange() throws {
  let fixture = try Fixture()
  let app = app(fixture, .meetings)
  let id = fixture.meetings["steering11"]!
  // Newest first: the November steering committee is the first row.
  press(app, ["a"])
  guard case .attendance(let a) = app.state.top else {
    Issue.record("no attendance mode")
    return
  }
  #expect(a.meetingId == id)
  #expect(a.lines.allSatisfy { $0.status == nil })
  // Space moves on to the next member, so quick marking is one key per member.
  press(app, ["A", .key(.up), .key(.home), " ", .key(.up), " "])
  app.handle(.enter)
  #expect(app.state.top == nil)
  let saved = try fixture.workspace.attendanceList(meetingId: id)
  #expect(saved.count == a.lines.count)
  #expect(saved[0].status == .excused)
  #expect(saved.dropFirst().allSatisfy { $0.status == .present })
  app.handle(.char("u"))
  #expect(try fixture.workspace.attendanceList(meetingId: id).allSatisfy { $0.status == nil })
}

@Test func addingAMemberThroughTheForm() throws {
  let fixture = try Fixture()
  let app = app(fixture, .members)
  press(app, ["n", "(주)새빛광학", .key(.tab), "조새빛", .key(.tab), "124-81-00998", .key(.ctrl("s"))])
  // The business number belongs to 유신테크: a duplicate.
  guard case .form(let form) = app.state.top else {
    Issue.record("form closed")
    return
  }
  #expect(form.form.fields[2].error?.contains("유신테크") == true)
  press(app, [.key(.ctrl("u")), .key(.ctrl("k")), .key(.ctrl("s"))])
  #expect(app.state.top == nil)
  let found = try fixture.workspace.findMember("새빛광학")
  #expect(found.representative == "조새빛")
  #expect(found.role == .member)
}

@Test func editingAMemberKeepsOtherFields() throws {
  let fixture = try Fixture()
  let app = app(fixture, .members)
  press(app, ["/", "한빛", .key(.enter), "e", .key(.tab), .key(.ctrl("u")), "이한별", .key(.ctrl("s"))])
  let member = try #require(try fixture.workspace.member(id: fixture.members["㈜ 한빛정밀"]!))
  #expect(member.representative == "이한별")
  #expect(member.products == "정밀 PCB")
  #expect(member.role == .viceChair)
}

@Test func commandLineVerbs() throws {
  let fixture = try Fixture()
  let app = app(fixture)
  press(app, [":", "members ㅇㅅㅌㅋ", .key(.enter)])
  #expect(app.state.pane == .members)
  #expect(app.memberCount() == 1)
  let id = fixture.requests["cert"]!
  press(app, [":", .text("approve \(id) 2000만"), .key(.enter)])
  #expect(try fixture.workspace.request(id: id)?.approvedKRW == 20_000_000)
  let other = fixture.requests["expo2"]!
  press(app, [":", .text("reject \(other) 중복 신청"), .key(.enter)])
  #expect(try fixture.workspace.request(id: other)?.status == .rejected)
  press(app, [":", .text("reject \(fixture.requests["prototype"]!)"), .key(.enter)])
  #expect(try fixture.workspace.request(id: fixture.requests["prototype"]!)?.status == .pending)
  #expect(app.state.status?.isError == true)
  press(app, [":", "pane requests", .key(.enter)])
  #expect(app.state.pane == .requests)
  press(app, [":", "lang en", .key(.enter)])
  #expect(app.state.language == .en)
  press(app, [":", "frobnicate", .key(.enter)])
  #expect(app.state.status?.text.contains("Unknown command") == true)
  press(app, [":", "q", .key(.enter)])
  #expect(app.isFinished)
}

@Test func keysSwitchPanesAndLanguage() throws {
  let fixture = try Fixture()
  let app = app(fixture)
  app.handle(.tab)
  #expect(app.state.pane == .members)
  app.handle(.backTab)
  app.handle(.backTab)
  #expect(app.state.pane == .requests)
  app.handle(.char("3"))
  #expect(app.state.pane == .meetings)
  app.handle(.char("L"))
  #expect(screen(app).contains("Meetings"))
  app.handle(.char("q"))
  #expect(app.isFinished)
}

@Test func ctrlCQuitsEvenFromAForm() throws {
  let fixture = try Fixture()
  let app = app(fixture, .members)
  press(app, ["n", "abc"])
  app.handle(.ctrl("c"))
  #expect(app.isFinished)
}

@Test func sortAndFiltersChangeTheWindow() throws {
  let fixture = try Fixture()
  let app = app(fixture, .members)
  app.handle(.char("f"))  // companies only
  #expect(app.memberCount() == 12)
  app.handle(.char("r"))  // and chairs
  #expect(app.memberCount() == 2)
  app.handle(.char("x"))
  #expect(app.memberCount() == 15)
  app.handle(.char("c"))
  #expect(app.memberCount() == 3)  // the first cluster by name: 구로
  app.handle(.char("x"))
  app.handle(.char("s"))
  #expect(app.state.members.query.sort == .kind)
  app.handle(.char("S"))
  #expect(app.state.members.query.descending)
  app.handle(.char("G"))
  #expect(app.state.members.list.cursor == 14)
}

/// A terminal that replays keys, for `run(on:)`.
final class ScriptedTerminal: TerminalDevice {
  var keys: [Key]
  var frames = 0
  var suspended = 0
  var lastCursor: (x: Int, y: Int)?
  init(_ keys: [Key]) { self.keys = keys }
  var size: (width: Int, height: Int) { (80, 24) }
  var theme: Theme { .monochrome }
  func draw(_ grid: Grid, cursor: (x: Int, y: Int)?) {
    frames += 1
    lastCursor = cursor
  }
  func readKey(timeoutMilliseconds: Int32?) -> Key? {
    keys.isEmpty ? .ctrl("c") : keys.removeFirst()
  }
  func suspend() { suspended += 1 }
  var shouldQuit: Bool { false }
}

@Test func runLoopDrawsHandlesSuspendAndQuits() throws {
  let fixture = try Fixture()
  let app = DashboardApp(workspace: fixture.workspace, language: .ko, today: Fixture.today)
  let terminal = ScriptedTerminal([
    .char("2"), .ctrl("z"), .char("/"), .char("ㅇ"), .escape, .char("q"),
  ])
  try app.run(on: terminal)
  #expect(app.isFinished)
  #expect(terminal.suspended == 1)
  // Every key is already waiting, so a burst is drawn once: the first frame, then one after
  // coming back from the suspend (which ends a burst); the rest is handled without drawing.
  #expect(terminal.frames == 2)
}

/// The counts in the overview and the visits pane are of all follow-ups, not of the few listed.
@Test func followUpCountsAreNotCappedByTheList() throws {
  let fixture = try Fixture()
  let member = try fixture.workspace.findMember("유신테크")
  let visitDay = Fixture.today.adding(days: -60)
  try fixture.workspace.addVisit(
    Visit(
      memberId: member.id, date: visitDay, visitor: "박매니저", purpose: .followUp,
      followUps: (1...60).map { FollowUp(action: "조치 \($0)", due: visitDay.adding(days: $0 % 30)) })
  )
  let counts = try fixture.workspace.followUpCounts(today: Fixture.today)
  #expect(counts.overdue > 50)
  let app = DashboardApp(workspace: fixture.workspace, language: .en, today: Fixture.today)
  let overview = app.render(width: 120, height: 40, theme: .monochrome).grid.description
  #expect(overview.contains("Overdue follow-ups \(counts.overdue)"))
  app.handle(.char("4"))
  let visits = app.render(width: 120, height: 40, theme: .monochrome).grid.description
  #expect(visits.contains("Open follow-ups \(counts.open) · \(counts.overdue) overdue"))
}

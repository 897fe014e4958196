import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

@Suite struct RequestsPaneTests {
  static let cases: [ScreenCase] = [
    ScreenCase(name: "requests") { _ in ["5"] },
    ScreenCase(name: "request-detail") { _ in ["5", .key(.enter)] },
    ScreenCase(name: "approve-over-budget") { _ in ["5", "A", .key(.enter)] },
  ]

  @Test func goldenScreens() throws {
    expectGoldens("requests", Self.cases, try Fixture())
  }

  @Test func approvingChangesTheWorkspaceAndUndoPutsItBack() throws {
    let fixture = try Fixture()
    let app = app(fixture, "requests")
    let id = fixture.requests["cert"]!
    // The queue is oldest first: prototype (10-20), cert (11-02), expo2 (11-12).
    press(app, [.key(.down), "A"])
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
    let app = app(fixture, "requests")
    let id = fixture.requests["prototype"]!
    press(app, ["A", .key(.enter)])
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
    let app = app(fixture, "requests")
    let id = fixture.requests["prototype"]!
    press(app, ["R", .key(.enter)])
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
    let app = app(fixture, "requests")
    let id = fixture.requests["prototype"]!
    press(app, [.key(.enter), "C", "견적서 보완", .key(.enter)])
    #expect(try fixture.workspace.request(id: id)?.status == .draft)
  }

  /// A decided request cannot be decided again: the key says why, and so does the help.
  @Test func decidingADecidedRequestSaysWhy() throws {
    let fixture = try Fixture()
    let app = app(fixture, "requests", .en)
    press(app, ["f", "f"])  // every status, then approved ones
    #expect(app.pane(RequestsPane.self).status == .approved)
    press(app, [.action(.approve)])
    #expect(app.state.top == nil)
    let reason = try #require(app.state.status)
    #expect(reason.isError)
    #expect(reason.text.contains("only pending requests are decided"))
    press(app, ["?"])
    #expect(screen(app, 120, 40).contains("approve — Request #"))
  }

  /// `f` reaches every status, the agreed and completed ones of the support chain too.
  @Test func theStatusFilterReachesEveryStatus() throws {
    let fixture = try Fixture()
    let app = app(fixture, "requests", .en)
    var seen: Set<RequestStatus?> = [app.pane(RequestsPane.self).status]
    for _ in RequestStatus.allCases {
      press(app, ["f"])
      seen.insert(app.pane(RequestsPane.self).status)
    }
    #expect(seen == Set(RequestStatus.allCases.map { Optional($0) } + [nil]))
  }

  /// Switching to the queue reads its window in one statement, with the payments and the
  /// duplicate flags, and the request under the cursor; the queue is counted after the frame,
  /// which shows an ellipsis until then.
  @Test func theQueueIsDrawnFromOneStatementAndCountedAfterTheFrame() throws {
    let fixture = try Fixture()
    let loop = app(fixture, "members", .en)
    loop.deferred.allowed = false
    var first = ""
    let read = statements(fixture.workspace) {
      loop.handle(.char("5"))
      first = screen(loop)
    }
    #expect(loop.deferred.pending)
    #expect(first.contains("Requests: pending, …"))
    #expect(!read.contains { $0.contains("COUNT(") }, "\(read)")
    let requests = read.filter { $0.contains("supportRequest") || $0.contains("instalment") }
    #expect(requests.count == 2, "the window and the request under the cursor: \(requests)")
    loop.deferred.allowed = true
    let pending = try fixture.workspace.requestCount(RequestFilter(status: .pending))
    #expect(screen(loop).contains("Requests: pending, \(pending), oldest first"))
    #expect(screen(loop) == screen(app(fixture, "requests", .en)))
  }

  @Test func theDateShownIsTheOneGivenNotTheClock() throws {
    let fixture = try Fixture()
    let other = Day(year: 2027, month: 3, day: 2)!
    let app = DashboardApp(
      workspace: fixture.workspace, pane: PaneName("requests")!, language: .ko, today: other)
    let text = app.render(width: 80, height: 24, theme: .monochrome).grid.lines.joined(
      separator: "\n")
    #expect(text.contains("2027-03-02"))
    // Days waiting count from the given day: 2026-10-20 → 2027-03-02 is 133 days.
    #expect(text.contains("133일"))
  }
}

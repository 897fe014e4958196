import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

@Suite struct VisitsPaneTests {
  static let cases: [ScreenCase] = [
    ScreenCase(name: "visits") { _ in ["4"] },
    ScreenCase(name: "visit-form") { _ in ["4", "n", "ㅎㅂ"] },
  ]

  @Test func goldenScreens() throws {
    expectGoldens("visits", Self.cases, try Fixture())
  }

  @Test func loggingAVisitStoresItWithItsFollowUp() throws {
    let fixture = try Fixture()
    let app = app(fixture, "visits")
    press(app, ["n", "ㅇㅅㅌㅋ"])
    guard case .form = app.state.top else {
      Issue.record("no visit form")
      return
    }
    #expect(app.formData.suggestions.map(\.name) == ["(주)유신테크"])
    press(
      app,
      [
        .key(.enter),  // pick the suggestion
        .key(.enter),  // date stays today
        .key(.ctrl("u")), "이방문", .key(.enter),  // another visitor
        " ",  // purpose: needs survey
        .key(.enter),
        "바이어 상담 희망", .key(.enter),
        "판로: 해외 판로 부족; 인력: 영업 인력 부족", .key(.enter),
        "수출상담회 안내 / 김대리 / 2026-12-10; 바우처 안내", .key(.enter),
      ])
    #expect(app.state.top == nil)
    let visits = try fixture.workspace.visits(from: Fixture.today, through: Fixture.today)
    let visit = try #require(visits.first)
    #expect(visit.memberId == fixture.members["(주)유신테크"]!)
    #expect(visit.purpose == .needsSurvey)
    #expect(
      visit.difficulties == [
        Difficulty(category: .marketing, text: "해외 판로 부족"),
        Difficulty(category: .people, text: "영업 인력 부족"),
      ])
    #expect(visit.followUps.map(\.action) == ["수출상담회 안내", "바우처 안내"])
    #expect(visit.followUps.map(\.owner) == ["김대리", "이방문"])
    #expect(visit.followUps.map(\.due) == [Day(year: 2026, month: 12, day: 10), nil])
    #expect(visit.visitor == "이방문")
  }

  /// `e` corrects a visit, `d` deletes it after asking, `u` brings it back and Ctrl-R deletes
  /// it again.
  @Test func aVisitIsEditedDeletedAndUndone() throws {
    let fixture = try Fixture()
    let app = app(fixture, "visits", .en)
    while case .followUp = app.selectedVisitItem { app.handle(.down) }
    guard case .visit(let visit, _) = app.selectedVisitItem else {
      Issue.record("no visit")
      return
    }
    press(app, ["e"])
    guard case .form(let form) = app.state.top else {
      Issue.record("no edit form")
      return
    }
    #expect(form.title == "Edit visit")
    press(app, [.key(.tab), .key(.tab), .key(.tab), .key(.ctrl("u")), "고친 메모", .key(.ctrl("s"))])
    #expect(app.state.top == nil)
    #expect(try fixture.workspace.visit(id: visit.id)?.notes == "고친 메모")
    #expect(
      try fixture.workspace.visit(id: visit.id)?.followUps.map(\.id) == visit.followUps.map(\.id))
    press(app, ["D"])
    #expect(screen(app).contains("Delete the visit to"))
    press(app, ["n"])
    #expect(try fixture.workspace.visit(id: visit.id) != nil)
    press(app, ["D", "y"])
    #expect(try fixture.workspace.visit(id: visit.id) == nil)
    #expect(app.state.status?.text.contains("u: undo") == true)
    press(app, ["u"])
    #expect(try fixture.workspace.visit(id: visit.id)?.notes == "고친 메모")
    #expect(app.state.status?.text.hasPrefix("Undone: Deleted the visit") == true)
    #expect(app.state.status?.text.contains("Ctrl-R: redo") == true)
    press(app, ["u"])
    #expect(try fixture.workspace.visit(id: visit.id) == visit)
    press(app, [.key(.ctrl("r")), .key(.ctrl("r"))])
    #expect(try fixture.workspace.visit(id: visit.id) == nil)
  }

  /// A member typed but not picked is looked up as the form is filled: one match is enough.
  @Test func aTypedMemberNeedNotBePicked() throws {
    let fixture = try Fixture()
    let app = app(fixture, "visits", .en)
    press(app, ["n", "유신테크", .key(.tab), .key(.ctrl("s"))])
    #expect(app.state.top == nil)
    #expect(app.state.status?.text == "Visit to (주)유신테크 logged.  u: undo")
  }

  @Test func visitFormReportsFieldErrors() throws {
    let fixture = try Fixture()
    let app = app(fixture, "visits")
    // No member, a follow-up due before the visit.
    press(
      app,
      [
        "n", .key(.tab), .key(.tab), .key(.tab), .key(.tab), .key(.tab), .key(.tab),
        "전화 / 김 / 2026-01-01", .key(.ctrl("s")),
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
    let app = app(fixture, "visits")
    #expect(try fixture.workspace.followUpCounts(today: Fixture.today).overdue == 1)
    app.handle(.char("x"))
    #expect(try fixture.workspace.followUpCounts(today: Fixture.today).overdue == 0)
    app.handle(.char("u"))
    #expect(try fixture.workspace.followUpCounts(today: Fixture.today).overdue == 1)
  }

  /// On a visit (not a follow-up) `x` does nothing but say why, and the help says it too.
  @Test func closingNeedsAFollowUpSelected() throws {
    let fixture = try Fixture()
    let app = app(fixture, "visits", .en)
    while case .followUp = app.selectedVisitItem { app.handle(.down) }
    let before = try fixture.workspace.followUpCounts(today: Fixture.today)
    app.handle(.char("x"))
    #expect(app.state.status == StatusMessage(text: "Select a follow-up first.", isError: true))
    #expect(try fixture.workspace.followUpCounts(today: Fixture.today) == before)
    app.handle(.char("?"))
    #expect(screen(app, 120, 40).contains("close follow-up — Select a follow-up first."))
  }

  /// The notes are searched as the words are typed; Enter keeps the search and Esc clears it,
  /// then or later.
  @Test func searchingTheNotesFiltersAsTypedAndEscClears() throws {
    let fixture = try Fixture()
    let app = app(fixture, "visits", .en)
    press(app, ["/", "인증"])
    #expect(app.data(VisitsPane.self).items.first == .searchHeader(query: "인증", count: 1))
    press(app, [.key(.enter)])
    let items = app.data(VisitsPane.self).items
    #expect(items.first == .searchHeader(query: "인증", count: 1))
    #expect(screen(app).contains("Visit notes with '인증': 1"))
    press(app, [.key(.escape)])
    #expect(app.pane(VisitsPane.self).found == nil)
    #expect(app.data(VisitsPane.self).items.first == .followUpsHeader(open: 2, overdue: 1))
    press(app, ["/", "인증", .key(.escape)])
    #expect(app.data(VisitsPane.self).items.first == .followUpsHeader(open: 2, overdue: 1))
  }

  /// The counts in the overview and the visits pane are of all follow-ups, not of the few
  /// listed.
  @Test func followUpCountsAreNotCappedByTheList() throws {
    let fixture = try Fixture()
    let member = try fixture.workspace.findMember("유신테크")
    let visitDay = Fixture.today.adding(days: -60)
    try fixture.workspace.addVisit(
      Visit(
        memberId: member.id, date: visitDay, visitor: "박매니저", purpose: .followUp,
        followUps: (1...60).map {
          FollowUp(action: "조치 \($0)", due: visitDay.adding(days: $0 % 30))
        }
      ))
    let counts = try fixture.workspace.followUpCounts(today: Fixture.today)
    #expect(counts.overdue > 50)
    let app = DashboardApp(workspace: fixture.workspace, language: .en, today: Fixture.today)
    let overview = app.render(width: 120, height: 40, theme: .monochrome).grid.description
    #expect(overview.contains("Overdue follow-ups \(counts.overdue)"))
    app.handle(.char("4"))
    let visits = app.render(width: 120, height: 40, theme: .monochrome).grid.description
    #expect(visits.contains("Open follow-ups \(counts.open) · \(counts.overdue) overdue"))
  }

  /// The open follow-ups are the first frame; the weeks' visits and who is due are read after
  /// it, and the frame drawn then is the one a direct render draws.
  @Test func weeksAndDueComeAfterTheFirstFrame() throws {
    let fixture = try Fixture()
    let loop = app(fixture, "visits", .en)
    loop.deferred.allowed = false
    // A write: what was read is forgotten.
    _ = try fixture.workspace.addCluster(Cluster(name: "새 미클"))
    let direct = app(fixture, "visits", .en)
    let first = screen(loop)
    #expect(loop.deferred.pending)
    #expect(first.contains("Open follow-ups 2"))
    #expect(!first.contains("This week"))
    #expect(!first.contains("Due for a visit"))
    loop.deferred.allowed = true
    #expect(screen(loop) == screen(direct))
    #expect(screen(direct).contains("This week"))
  }

  /// Keys typed together (a burst, a paste) search the notes once, for all of them: a search
  /// is read after the frame, never for the part typed so far while more keys wait.
  @Test func keysTypedTogetherSearchOnceForAllOfThem() throws {
    let fixture = try Fixture()
    let loop = app(fixture, "visits", .en)
    loop.deferred.allowed = false
    press(loop, ["/", "인"])
    #expect(!screen(loop).contains("Visit notes with"))
    #expect(loop.deferred.pending)
    press(loop, ["증"])
    loop.deferred.allowed = true
    #expect(screen(loop).contains("Visit notes with '인증': 1"))
  }

  /// "Due for a visit" is one count everywhere, however few are listed.
  @Test func dueCountsAreExactEverywhere() throws {
    let fixture = try Fixture()
    let cluster = try #require(try fixture.workspace.clusters().first)
    for n in 1...70 {
      try fixture.workspace.addMember(
        Member(clusterId: cluster.id, kind: .company, name: "미방문기업\(n)"))
    }
    let due = try fixture.workspace.dueForVisit(today: Fixture.today, limit: Int.max).count
    #expect(due > 70)
    #expect(try fixture.workspace.dueForVisitCount(today: Fixture.today) == due)
    let app = DashboardApp(workspace: fixture.workspace, language: .en, today: Fixture.today)
    let overview = app.render(width: 120, height: 40, theme: .monochrome).grid.description
    #expect(overview.contains("Due for a visit \(due)"))
    app.handle(.char("4"))
    #expect(app.data(VisitsPane.self).items.contains(.dueHeader(weeks: nil, count: due)))
  }
}

extension DashboardApp {
  var selectedVisitItem: VisitItem? {
    let pane = pane(VisitsPane.self)
    return pane.selected(data(VisitsPane.self))
  }
}

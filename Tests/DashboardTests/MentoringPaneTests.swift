import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

extension Fixture {
  /// The fixture with an expert pool, two mentorings (one expert at capacity), a session and two
  /// SIGs, one with tasks; only the mentoring pane's tests add them, so the other panes'
  /// goldens stay as they are.
  static func withProgrammes() throws -> Fixture {
    let f = try Fixture()
    let w = f.workspace
    let seoul = try #require(try w.clusters().first { $0.name == "서울디지털 미클" })
    let guro = try #require(try w.clusters().first { $0.name == "구로 스마트제조 미클" })
    let kim = try w.addExpert(
      Expert(
        name: "김교수", affiliation: "서울테크대학교 기계공학과", kind: .university,
        fields: ["로봇", "제어", "기술"], phone: "02-970-6000", email: "kim@seoultech.ac.kr",
        capacity: 2))
    let park = try w.addExpert(
      Expert(
        name: "박회계사", affiliation: "세움회계법인", kind: .company, fields: ["회계", "세무"],
        capacity: 1))
    try w.addExpert(
      Expert(
        name: "이연구원", affiliation: "한국전자기술연구원", kind: .institute, fields: ["센서", "인증", "PCB"]))
    let yusin = f.members["(주)유신테크"]!
    let mirae = f.members["(주)미래센서"]!
    try w.assignMentor(memberId: yusin, expertId: kim.id, from: day("2026-03-02"), today: today)
    try w.assignMentor(
      memberId: f.members["㈜ 한빛정밀"]!, expertId: park.id, from: day("2026-04-01"), today: today)
    try w.logMentoringSession(
      memberId: yusin, date: day("2026-10-15"), topic: "제어기 CE 인증 준비", today: today)
    let sensor = try w.addSIG(
      SIG(clusterId: seoul.id, name: "스마트센서 SIG", theme: "센서 모듈 공동 개발", leaderId: mirae),
      on: day("2026-03-10"))
    try w.joinSIG(sigId: sensor.id, memberId: yusin, on: day("2026-04-02"), today: today)
    try w.addSIGTask(
      SIGTask(
        sigId: sensor.id, title: "MEMS 센서 모듈 공동 개발", ownerId: mirae, status: .active,
        due: day("2026-12-10")), today: today)
    try w.addSIGTask(
      SIGTask(
        sigId: sensor.id, title: "센서 신뢰성 시험 공동 수행", ownerId: yusin, due: day("2026-11-20")),
      today: today)
    try w.addSIG(
      SIG(clusterId: guro.id, name: "협동로봇 SIG", leaderId: f.members["코리아로봇(주)"]!),
      on: day("2026-05-01"))
    return f
  }
}

@Suite struct MentoringPaneTests {
  static let right = Input.key(.right)

  static let cases: [ScreenCase] = [
    ScreenCase(name: "unmentored") { _ in ["7"] },
    ScreenCase(name: "unmentored-en", language: .en) { _ in ["7"] },
    ScreenCase(name: "mentoring") { _ in ["7", right] },
    ScreenCase(name: "experts") { _ in ["7", right, right] },
    ScreenCase(name: "sigs") { _ in ["7", right, right, right] },
    ScreenCase(name: "sig-open") { _ in ["7", right, right, right, .key(.enter)] },
    ScreenCase(name: "sig-open-en", language: .en) { _ in
      ["7", right, right, right, .key(.enter)]
    },
    ScreenCase(name: "suggestions") { _ in ["7", "a"] },
    ScreenCase(name: "assign-form") { _ in ["7", "a", .key(.enter)] },
    ScreenCase(name: "task-form") { _ in ["7", right, right, right, .key(.enter), "t"] },
    ScreenCase(name: "expert-detail") { _ in ["7", right, right, .key(.enter)] },
    ScreenCase(name: "sigs-search") { _ in ["7", right, right, right, "/", "유신", .key(.enter)] },
    ScreenCase(name: "member-detail") { _ in ["7", right, .key(.enter)] },
  ]

  @Test func goldenScreens() throws {
    expectGoldens("mentoring", Self.cases, try Fixture.withProgrammes())
  }

  @Test func arrowsGoThroughTheViewsAndWrapAround() throws {
    let app = app(try Fixture.withProgrammes(), "mentoring")
    var seen: [MentoringPane.View] = []
    for _ in 0..<4 {
      seen.append(app.pane(MentoringPane.self).view)
      app.handle(.right)
    }
    #expect(seen == MentoringPane.View.allCases)
    #expect(app.pane(MentoringPane.self).view == .unmentored)
    app.handle(.left)
    #expect(app.pane(MentoringPane.self).view == .sigs)
  }

  @Test func theViewsShowTheKeptCounts() throws {
    let fixture = try Fixture.withProgrammes()
    let app = app(fixture, "mentoring")
    let data = app.data(MentoringPane.self)
    // Active companies: 11 in the fixture, two of them with a mentor.
    #expect(data.counts?.unmentored == 9)
    #expect(data.unmentored.count == 9)
    #expect(data.counts?.mentoring == 2 && data.counts?.experts == 3 && data.counts?.sigs == 2)
    #expect(screen(app).contains("멘토 미배정 9 │ 멘토링 2 │ 전문가 3 │ SIG 2"))
  }

  /// The first frame reads one window of the companies without a mentor, through their index,
  /// and no count: the bar of views and the message show … until the frame drawn after it,
  /// which is the screen a direct render draws.
  @Test func theFirstFrameLeavesTheCountsForAfterIt() throws {
    let fixture = try Fixture.withProgrammes()
    let loop = DashboardApp(
      workspace: fixture.workspace, pane: PaneName("mentoring")!, language: .en,
      today: Fixture.today)
    loop.deferred.allowed = false
    var first = ""
    let read = statements(fixture.workspace) { first = screen(loop) }
    #expect(!read.contains { $0.contains("COUNT(") }, "\(read)")
    #expect(loop.deferred.pending)
    #expect(first.contains("Without mentor … │ Mentoring … │ Experts … │ SIG …"), "\(first)")
    #expect(first.contains("… active companies without a mentor"), "\(first)")
    loop.deferred.allowed = true
    let filled = screen(loop)
    #expect(filled.contains("Without mentor 9 │ Mentoring 2 │ Experts 3 │ SIG 2"), "\(filled)")
    #expect(filled.contains("9 active companies without a mentor"))
    #expect(filled == screen(app(fixture, "mentoring", .en)))
  }

  /// A view showing its whole list has the bar's count, read once per data version: switching
  /// through the views reads each one's window and counts nothing again, and a search counts.
  @Test func switchingViewsCountsNothingAgain() throws {
    let fixture = try Fixture.withProgrammes()
    let app = app(fixture, "mentoring", .en)
    _ = screen(app)
    var shown: [String] = []
    let read = statements(fixture.workspace) {
      for _ in 0..<4 {
        app.handle(.right)
        shown.append(screen(app))
      }
    }
    #expect(!read.contains { $0.hasPrefix("SELECT COUNT(") }, "\(read)")
    #expect(shown[0].contains("2 mentoring under way") && shown[1].contains("3 experts"))
    #expect(shown[2].contains("2 SIGs") && shown[3].contains("9 active companies without a mentor"))
    let searched = statements(fixture.workspace) {
      press(app, [Self.right, Self.right, "/", "김"])
      _ = screen(app)
    }
    #expect(searched.contains { $0.hasPrefix("SELECT COUNT(*) FROM expert") }, "\(searched)")
    #expect(screen(app).contains("1 found"))
  }

  @Test func assigningFromTheSuggestionsAndUndoingIt() throws {
    let fixture = try Fixture.withProgrammes()
    let w = fixture.workspace
    let app = app(fixture, "mentoring")
    let company = try #require(app.data(MentoringPane.self).unmentored.rows.first)
    press(app, ["a"])
    #expect(app.pane(MentoringPane.self).choosing?.memberId == company.id)
    let suggestions = app.data(MentoringPane.self).suggestions
    // (주)그린모터스 is in the 로봇 division: 김교수 fits best.
    #expect(company.name == "그린모터스(주)")
    #expect(suggestions.first?.expert.name == "김교수")
    #expect(suggestions.first?.matched == ["로봇"])
    press(app, [.key(.enter)])
    guard case .form(let form) = app.state.top,
      case .mentoring(.assign(_, _, let expert)) = form.purpose
    else {
      Issue.record("no assign form")
      return
    }
    #expect(expert.id == suggestions[0].expert.id)
    #expect(form.value("started") == Fixture.today.description)
    press(app, [.key(.enter), .key(.enter)])
    #expect(app.state.top == nil)
    let rows = try w.mentoringRows(MentoringFilter(memberId: company.id), limit: 5)
    #expect(rows.map(\.expertName) == [expert.name])
    #expect(app.state.status?.text.contains("u: 되돌리기") == true)
    #expect(app.data(MentoringPane.self).counts?.unmentored == 8)
    app.handle(.char("u"))
    #expect(try w.mentoringCount(MentoringFilter(memberId: company.id)) == 0)
    #expect(app.data(MentoringPane.self).counts?.unmentored == 9)
  }

  @Test func anExpertAtCapacityNeedsAReason() throws {
    let fixture = try Fixture.withProgrammes()
    let w = fixture.workspace
    let app = app(fixture, "mentoring")
    // A funding difficulty on its last visit: 박회계사 (at capacity) fits best.
    press(app, ["/", "대성", .key(.enter)])
    let company = try #require(app.data(MentoringPane.self).unmentored.rows.first)
    press(app, ["a"])
    let suggestions = app.data(MentoringPane.self).suggestions
    #expect(suggestions.first?.expert.name == "박회계사")
    let full = try #require(suggestions.firstIndex { !$0.hasRoom })
    for _ in 0..<full { app.handle(.down) }
    press(app, [.key(.enter)])
    guard case .form(let form) = app.state.top else {
      Issue.record("no assign form")
      return
    }
    #expect(form.info.contains { $0.contains("정원이 찼습니다") })
    #expect(form.index(of: "override") != nil)
    press(app, [.key(.ctrl("s"))])
    guard case .form(let refused) = app.state.top else {
      Issue.record("saved without a reason")
      return
    }
    #expect(refused.form.fields[refused.index(of: "override")!].error?.contains("값이 필요합니다") == true)
    press(app, ["회계 전담 요청", .key(.ctrl("s"))])
    #expect(app.state.top == nil)
    let row = try #require(
      try w.mentoringRows(MentoringFilter(memberId: company.id), limit: 1).first)
    #expect(row.mentoring.overrideReason == "회계 전담 요청")
  }

  @Test func loggingAndEndingMentoringAndTakingThemBack() throws {
    let fixture = try Fixture.withProgrammes()
    let w = fixture.workspace
    let yusin = fixture.members["(주)유신테크"]!
    let app = app(fixture, "mentoring")
    press(app, [Self.right, "/", "ㅇㅅ", .key(.enter)])
    #expect(app.data(MentoringPane.self).mentoring.rows.map(\.memberName) == ["(주)유신테크"])
    press(app, ["n"])
    guard case .form(let form) = app.state.top else {
      Issue.record("no session form")
      return
    }
    #expect(form.title == "멘토링 기록")
    press(app, [.key(.ctrl("s"))])
    #expect(app.state.status?.isError == true)  // the topic is required
    press(app, ["해외 인증 일정", .key(.enter), "CE 서류 목록 전달", .key(.enter)])
    #expect(app.state.top == nil)
    let sessions = try w.mentoringSessions(MentoringFilter(memberId: yusin), limit: 5)
    #expect(sessions.map(\.session.topic) == ["해외 인증 일정", "제어기 CE 인증 준비"])
    #expect(sessions.first?.session.note == "CE 서류 목록 전달")
    app.handle(.char("u"))
    #expect(try w.mentoringSessions(MentoringFilter(memberId: yusin), limit: 5).count == 1)
    press(app, ["x", .key(.enter)])
    #expect(try w.mentoringCount(MentoringFilter(memberId: yusin, activeOnly: true)) == 0)
    #expect(app.data(MentoringPane.self).mentoring.count == 0)
    app.handle(.char("u"))
    #expect(try w.mentoringCount(MentoringFilter(memberId: yusin, activeOnly: true)) == 1)
  }

  @Test func enterOnAnExpertOpensTheExpertsDocument() throws {
    let app = app(try Fixture.withProgrammes(), "mentoring", .en)
    press(app, [Self.right, Self.right, .key(.enter)])
    guard case .detail(let detail) = app.state.top, case .expert = detail.subject else {
      Issue.record("no expert detail")
      return
    }
    let text = screen(app, 120, 40)
    for part in [
      "김교수", "서울테크대학교 기계공학과", "university", "로봇, 제어, 기술", "02-970-6000",
      "kim@seoultech.ac.kr", "1 of 2 companies", "Mentors now 1", "(주)유신테크  로봇",
      "1 session, last 2026-10-15", "Mentored before 0",
    ] {
      #expect(text.contains(part), "\(part)")
    }
    press(app, [.key(.escape)])
    #expect(app.state.top == nil)
    #expect(app.pane(MentoringPane.self).view == .experts)
  }

  @Test func anExpertOpensTheirCompaniesAndEscShowsEveryoneAgain() throws {
    let app = app(try Fixture.withProgrammes(), "mentoring", .en)
    press(app, [Self.right, Self.right])
    #expect(
      app.data(MentoringPane.self).experts.rows.map(\.expert.name) == ["김교수", "박회계사", "이연구원"])
    press(app, ["f"])
    #expect(app.data(MentoringPane.self).experts.rows.map(\.expert.name) == ["김교수", "이연구원"])
    press(app, ["c"])
    #expect(app.pane(MentoringPane.self).view == .mentoring)
    #expect(app.data(MentoringPane.self).mentoring.rows.map(\.memberName) == ["(주)유신테크"])
    #expect(screen(app).contains("expert 김교수 (Esc: all)"))
    press(app, [.key(.escape)])
    #expect(app.data(MentoringPane.self).mentoring.count == 2)
    // With every expert shown, Esc says so.
    press(app, [.key(.escape)])
    #expect(app.state.status?.text == "Every expert is shown.")
  }

  @Test func aSIGTakesCompaniesAndTasksAndUndoTakesThemBack() throws {
    let fixture = try Fixture.withProgrammes()
    let w = fixture.workspace
    let sig = try w.findSIG("스마트센서")
    let app = app(fixture, "mentoring")
    press(app, [Self.right, Self.right, Self.right, .key(.enter)])
    #expect(app.pane(MentoringPane.self).openSIG == sig.id)
    // Join: a company of the same mini-cluster, picked from the suggestions.
    press(app, ["n", "ㅅㅈㅍ", .key(.enter), .key(.enter)])
    #expect(app.state.top == nil, "\(String(describing: app.state.status))")
    let sejin = fixture.members["(주)세진피씨비"]!
    #expect(try w.sigDetail(id: sig.id).members.contains { $0.memberId == sejin })
    app.handle(.char("u"))
    #expect(try !w.sigDetail(id: sig.id).members.contains { $0.memberId == sejin })
    // A task for the second company (the owner is a choice among the SIG's companies).
    press(app, ["t", "센서 공동 구매", .key(.enter), .key(.right), .key(.enter), .key(.enter)])
    press(app, ["2026-12-31", .key(.enter)])
    #expect(app.state.top == nil, "\(String(describing: app.state.status))")
    let added = try #require(try w.sigDetail(id: sig.id).tasks.last)
    #expect(added.task.title == "센서 공동 구매" && added.task.number == 3)
    #expect(added.task.status == .proposed && added.task.due == day("2026-12-31"))
    // Space moves the selected task on; the cursor skips the headings.
    press(app, [.key(.end), " "])
    #expect(try w.sigDetail(id: sig.id).tasks.last?.task.status == .active)
    press(app, [" "])
    #expect(try w.sigDetail(id: sig.id).tasks.last?.task.done == Fixture.today)
    press(app, [" "])
    #expect(app.state.status?.text == "과제 3은 이미 완료되었습니다.")
    press(app, ["u", "u"])
    #expect(try w.sigDetail(id: sig.id).tasks.last?.task.status == .proposed)
    press(app, ["u"])
    #expect(try w.sigDetail(id: sig.id).tasks.count == 2)
    // Leave: on a company line; on a task line the key says why it does nothing.
    press(app, [.key(.home), " "])
    #expect(app.state.status?.text == "과제를 먼저 고르세요.")
    press(app, ["x"])
    #expect(app.state.status?.text.contains("SIG 스마트센서 SIG에서 제외했습니다") == true)
    #expect(try w.sigDetail(id: sig.id).leaderName == nil)
    press(app, ["u"])
    #expect(try w.sigDetail(id: sig.id).leaderName == "(주)미래센서")
    press(app, [.key(.escape)])
    #expect(app.pane(MentoringPane.self).openSIG == nil)
  }

  @Test func slashSearchesTheSIGsByNameThemeLeaderOrCompany() throws {
    let app = app(try Fixture.withProgrammes(), "mentoring")
    press(app, [Self.right, Self.right, Self.right])
    func names() -> [String] { app.data(MentoringPane.self).sigs.rows.map(\.sig.name) }
    #expect(names() == ["스마트센서 SIG", "협동로봇 SIG"])
    for (search, found) in [
      ("협동", ["협동로봇 SIG"]), ("모듈 공동", ["스마트센서 SIG"]), ("ㅋㄹㅇㄹㅂ", ["협동로봇 SIG"]),
      ("유신", ["스마트센서 SIG"]), ("없는말", []),
    ] {
      press(app, ["/", .text(search)])
      #expect(names() == found, "\(search)")
      #expect(app.data(MentoringPane.self).sigs.count == found.count)
      press(app, [.key(.escape)])
    }
    #expect(names() == ["스마트센서 SIG", "협동로봇 SIG"])
    press(app, ["/", "없는말", .key(.enter)])
    #expect(screen(app).contains("조건에 맞는 SIG가 없습니다."))
    press(app, ["/", .key(.escape), "/", "유신", .key(.enter)])
    #expect(screen(app).contains("SIG 1개 · SIG 참여 활동 기업 3/11 · /유신"))
    // Esc after Enter clears the kept search, as in the members and visits panes.
    press(app, [.key(.escape)])
    #expect(names() == ["스마트센서 SIG", "협동로봇 SIG"])
  }

  /// In the mentoring view Esc clears a kept search first, then the expert filter.
  @Test func escClearsAKeptSearchInEveryView() throws {
    let app = app(try Fixture.withProgrammes(), "mentoring")
    press(app, ["/", "ㅇㅅ", .key(.enter)])
    let searched = app.data(MentoringPane.self).unmentored.count
    press(app, [.key(.escape)])
    #expect(app.data(MentoringPane.self).unmentored.count > searched)
    press(app, [Self.right, Self.right, "/", "없는말", .key(.enter)])
    #expect(app.data(MentoringPane.self).experts.count == 0)
    press(app, [.key(.escape)])
    #expect(app.data(MentoringPane.self).experts.count > 0)
  }

  @Test func colonCommandsAssignAMentorAndShowTheViewsSearched() throws {
    let fixture = try Fixture.withProgrammes()
    let w = fixture.workspace
    let green = fixture.members["그린모터스(주)"]!
    let app = app(fixture, "overview")
    press(app, [":", "assign 그린모터스 이연구원", .key(.enter)])
    let rows = try w.mentoringRows(MentoringFilter(memberId: green, activeOnly: true), limit: 5)
    #expect(rows.map(\.expertName) == ["이연구원"])
    #expect(rows.first?.mentoring.field == "센서")
    #expect(app.state.status?.text.contains("u: 되돌리기") == true)
    press(app, ["u"])
    #expect(try w.mentoringCount(MentoringFilter(memberId: green)) == 0)
    press(app, [":", "assign 그린모터스", .key(.enter)])
    #expect(app.state.status?.text == "사용법: :assign 기업 전문가")
    press(app, [":", "assign 그린모터스 없는사람", .key(.enter)])
    #expect(app.state.status?.isError == true)
    #expect(app.state.status?.text.contains("없는사람") == true)
    press(app, [":", "sig 유신", .key(.enter)])
    #expect(app.state.pane == MentoringPane.name)
    #expect(app.pane(MentoringPane.self).view == .sigs)
    #expect(app.data(MentoringPane.self).sigs.rows.map(\.sig.name) == ["스마트센서 SIG"])
    press(app, [":", "mentor ㄱㄹㅁ", .key(.enter)])
    #expect(app.pane(MentoringPane.self).view == .unmentored)
    #expect(app.data(MentoringPane.self).unmentored.rows.map(\.name) == ["그린모터스(주)"])
  }

  /// The member's detail: the mentor with how to reach them, and each SIG with its leader, its
  /// theme and every task of the SIG, the member's own first.
  @Test func aMembersDetailShowsTheMentorsContactAndEveryTaskOfItsSIGs() throws {
    let fixture = try Fixture.withProgrammes()
    let detail = try fixture.workspace.memberDetail(id: fixture.members["(주)유신테크"]!)
    let text = Document.member(detail, today: Fixture.today, .ko).plainText
    for part in [
      "02-970-6000 · kim@seoultech.ac.kr", "SIG 1\n",
      "스마트센서 SIG · 주관기업 (주)미래센서 · 센서 모듈 공동 개발",
      "  2. [제안] 센서 신뢰성 시험 공동 수행, 기한 2026-11-20",
      "  1. [진행] MEMS 센서 모듈 공동 개발 — (주)미래센서, 기한 2026-12-10",
    ] {
      #expect(text.contains(part), "\(part)")
    }
    let own = try #require(text.range(of: "센서 신뢰성"))
    let other = try #require(text.range(of: "MEMS"))
    #expect(own.lowerBound < other.lowerBound)
  }

  @Test func joiningACompanyOfAnotherClusterSaysWhyOnTheForm() throws {
    let fixture = try Fixture.withProgrammes()
    let app = app(fixture, "mentoring", .en)
    press(app, [Self.right, Self.right, Self.right, .key(.enter), "n", "코리아로봇"])
    press(app, [.key(.enter), .key(.enter)])
    guard case .form(let form) = app.state.top else {
      Issue.record("the form closed")
      return
    }
    #expect(form.form.fields[0].error?.contains("mini-cluster") == true)
  }
}

private func day(_ text: String) -> Day { Fixture.day(text) }
private let today = Fixture.today

import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

extension Fixture {
  /// The fixture with a program that asks 20% co-funding and two requests far along its chain:
  /// one agreed with two instalments paid, one settled with money returned; and a program for
  /// next year.
  static func supportChain() throws -> Fixture {
    var f = try Fixture()
    let w = f.workspace
    let smart = try w.addProgram(
      Program(
        year: 2026, name: "스마트공장 고도화", category: .technology, budgetKRW: 80_000_000,
        cofundingPercent: 20, memberCapKRW: 40_000_000, note: "공정 자동화 설비"))
    _ = try w.addProgram(
      Program(year: 2027, name: "시제품제작", category: .technology, budgetKRW: 60_000_000))
    func approved(_ key: String, _ member: String, _ title: String, _ amount: KRW) throws -> Int64 {
      let r = try w.addRequest(
        SupportRequest(
          memberId: f.members[member]!, programId: smart.id, title: title, requestedKRW: amount,
          cofundingKRW: amount / 4, submitted: day("2026-03-02"), status: .pending))
      f.requests[key] = r.id
      try w.decide(
        requestId: r.id, .approve(amount: amount, overrideReason: nil), on: day("2026-03-20"))
      try w.decide(
        requestId: r.id,
        .agree(cofunding: amount / 4, date: day("2026-04-01"), overrideReason: nil),
        on: day("2026-04-01"))
      return r.id
    }
    let agreed = try approved("agreed", "(주)유신테크", "조립라인 비전검사 도입", 30_000_000)
    try w.disburse(
      requestId: agreed, amount: 12_000_000, date: day("2026-04-15"), on: day("2026-04-15"))
    try w.disburse(
      requestId: agreed, amount: 9_000_000, date: day("2026-07-15"), on: day("2026-07-15"))
    let settled = try approved("settled", "㈜ 한빛정밀", "MES 도입", 20_000_000)
    try w.disburse(
      requestId: settled, amount: 20_000_000, date: day("2026-04-20"), on: day("2026-04-20"))
    try w.decide(
      requestId: settled,
      .settle(spent: 18_500_000, disallowed: 500_000, returned: nil, reportDate: day("2026-10-30")),
      on: day("2026-10-31"))
    return f
  }
}

@Suite struct ProgramsPaneTests {
  static let cases: [ScreenCase] = [
    ScreenCase(name: "programs") { _ in ["6"] },
    ScreenCase(name: "programs-en", language: .en) { _ in ["6"] },
    ScreenCase(name: "programs-next-year") { _ in ["6", "]"] },
    ScreenCase(name: "program-detail") { _ in ["6", .key(.down), .key(.down), .key(.enter)] },
    // The requests pane's filter: pending, all, approved, agreed, completed.
    ScreenCase(name: "request-agreed-with-instalments") { _ in
      ["5", "f", "f", "f", .key(.enter)]
    },
    ScreenCase(name: "request-settled-with-return") { _ in
      ["5", "f", "f", "f", "f", .key(.enter)]
    },
    ScreenCase(name: "new-request-form") { _ in ["5", "n"] },
    ScreenCase(name: "new-program-form") { _ in ["6", "n"] },
    ScreenCase(name: "edit-program-form") { _ in ["6", .key(.down), "e"] },
  ]

  @Test func goldenScreens() throws {
    expectGoldens("programs", Self.cases, try Fixture.supportChain())
  }

  @Test func bracketsChangeTheYearWithinTheYearsThereAre() throws {
    let fixture = try Fixture.supportChain()
    let app = app(fixture, "programs", .en)
    #expect(app.data(ProgramsPane.self).year == 2026)
    #expect(app.data(ProgramsPane.self).programs.count == 5)
    press(app, ["]"])
    #expect(app.data(ProgramsPane.self).year == 2027)
    #expect(app.data(ProgramsPane.self).programs.map(\.program.name) == ["시제품제작"])
    // 2027 is the last year with programs and next year: no further.
    press(app, ["]"])
    #expect(app.data(ProgramsPane.self).year == 2027)
    #expect(app.state.status?.text.contains("after 2027") == true)
    press(app, ["[", "["])
    #expect(app.data(ProgramsPane.self).year == 2026)
  }

  @Test func theBarAndTheFiguresAreTheProgramsFigures() throws {
    let fixture = try Fixture.supportChain()
    let app = app(fixture, "programs")
    let smart = try #require(
      app.data(ProgramsPane.self).programs.first { $0.program.name == "스마트공장 고도화" })
    // Committed: 30,000,000 agreed + 18,000,000 the settled one came to (spent − disallowed).
    #expect(smart.committedKRW == 48_000_000)
    #expect(smart.disbursedKRW == 41_000_000)
    #expect(smart.remainingKRW == 32_000_000)
    let parts = ProgramsPane.bar(smart).segments.map(\.value)
    #expect(parts == [41_000_000, 7_000_000, 0])
    #expect(screen(app).contains("3,200만원"))
  }

  @Test func addingAProgramFromTheForm() throws {
    let fixture = try Fixture.supportChain()
    let app = app(fixture, "programs")
    press(app, ["]", "n"])
    guard case .form(let form) = app.state.top else {
      Issue.record("no program form")
      return
    }
    #expect(form.value("year") == "2027")
    press(
      app,
      [
        .key(.down), "해외규격인증", .key(.down), .key(.down), "3천만", .key(.down), "10%",
        .key(.down), "1500만", .key(.enter), .key(.enter), .key(.enter), .key(.enter), .key(.enter),
      ])
    #expect(app.state.top == nil)
    let added = try #require(
      try fixture.workspace.programs(year: 2027).first { $0.name == "해외규격인증" })
    #expect(added.budgetKRW == 30_000_000)
    #expect(added.cofundingPercent == 10)
    #expect(added.memberCapKRW == 15_000_000)
  }

  /// The budget cannot go below what is committed: the same rule and message as the CLI.
  @Test func aBudgetBelowCommittedIsRefused() throws {
    let fixture = try Fixture.supportChain()
    let app = app(fixture, "programs", .en)
    let row = app.data(ProgramsPane.self).programs.firstIndex { $0.program.name == "스마트공장 고도화" }!
    press(app, Array(repeating: .key(.down), count: row) + ["e", .key(.down), .key(.down)])
    press(app, [.key(.ctrl("u")), "4천만", .action(.save)])
    guard case .form(let form) = app.state.top else {
      Issue.record("the program form closed")
      return
    }
    #expect(form.message?.contains("committed") == true)
    #expect(try fixture.workspace.findProgram("스마트공장 고도화").budgetKRW == 80_000_000)
    press(app, [.key(.ctrl("u")), "5천만", .action(.save)])
    #expect(app.state.top == nil)
    #expect(try fixture.workspace.findProgram("스마트공장 고도화").budgetKRW == 50_000_000)
  }

  @Test func enterOpensTheProgramWithItsRequestsByStatus() throws {
    let fixture = try Fixture.supportChain()
    let app = app(fixture, "programs", .en)
    let row = app.data(ProgramsPane.self).programs.firstIndex { $0.program.name == "스마트공장 고도화" }!
    press(app, Array(repeating: .key(.down), count: row) + [.key(.enter)])
    let text = screen(app, 120, 40)
    #expect(text.contains("스마트공장 고도화 (2026)"))
    #expect(text.contains("Requests by status"))
    #expect(text.contains("agreed 1"))
    #expect(text.contains("completed 1"))
  }
}

extension Fixture {
  /// The support chain with 30 pending requests more to 스마트공장 고도화, one a day from May.
  static func busyProgram() throws -> Fixture {
    let f = try supportChain()
    let program = try f.workspace.findProgram("스마트공장 고도화")
    for i in 1...30 {
      try f.workspace.addRequest(
        SupportRequest(
          memberId: f.members["(주)미래센서"]!, programId: program.id, title: "센서 개선 \(i)",
          requestedKRW: 1_000_000, submitted: day("2026-05-01").adding(days: i), status: .pending),
        today: Fixture.today)
    }
    return f
  }
}

@Suite struct ProgramDetailTests {
  /// 스마트공장 고도화, the second program of 2026.
  static let open: [Input] = ["6", .key(.down), .key(.enter)]

  @Test func goldenScreens() throws {
    expectGoldens(
      "program-requests",
      [
        ScreenCase(name: "first-window") { _ in Self.open },
        ScreenCase(name: "second-window") { _ in Self.open + [.key(.pageDown)] },
        ScreenCase(name: "last-window-en", language: .en) { _ in Self.open + ["G"] },
      ], try Fixture.busyProgram())
  }

  /// The detail reads one window of the program's requests, by status and newest first, and
  /// PgUp/PgDn, g and G move it; the counts by status are of all of them.
  @Test func aProgramsRequestsPageInAWindowWithCountsByStatus() throws {
    let fixture = try Fixture.busyProgram()
    let w = fixture.workspace
    let app = app(fixture, "programs")
    press(app, Self.open)
    guard case .detail(let d) = app.state.top, case .program(let id) = d.subject else {
      Issue.record("no program detail")
      return
    }
    #expect(try w.findProgram("스마트공장 고도화").id == id)
    let all = try #require(try w.programDetail(id: id))
    #expect(all.requestCount == 32 && all.requests.count == 32)
    #expect(all.statusCounts == [.pending: 30, .agreed: 1, .completed: 1])
    #expect(all.requests.first?.title == "센서 개선 30")
    #expect(all.requests.suffix(2).map(\.status) == [.agreed, .completed])
    let limit = DetailModal.requestLimit(app.context)
    func window() -> (offset: Int, count: Int, total: Int)? { app.detailData?.requestWindow }
    #expect(window()?.offset == 0 && window()?.count == limit && window()?.total == 32)
    let text = try #require(app.detailData?.document.plainText)
    #expect(text.contains("심사대기 30 · 협약 1 · 완료 1"))
    #expect(text.contains("32건 중 1–\(limit)"))
    press(app, [.key(.pageDown)])
    #expect(window()?.offset == limit)
    // The view scrolls to the requests: their heading, the counts and the window show.
    #expect(screen(app).contains("32건 중 \(limit + 1)–32"))
    let second = try #require(try w.programDetail(id: id, offset: limit, limit: limit))
    #expect(second.requests.map(\.id) == Array(all.requests.map(\.id)[limit..<(2 * limit)]))
    press(app, ["G"])
    #expect(window()?.offset == 32 - limit && window()?.count == limit)
    #expect(screen(app).contains("#\(all.requests.last!.id)"))
    press(app, [.key(.pageDown)])
    #expect(window()?.offset == 32 - limit)
    press(app, [.key(.pageUp)])
    #expect(window()?.offset == 32 - 2 * limit)
    press(app, ["g"])
    #expect(window()?.offset == 0)
    #expect(app.state.top != nil)
  }

  @Test func addingAProgramIsUndoneByUAndRedoneByCtrlR() throws {
    let fixture = try Fixture.supportChain()
    let w = fixture.workspace
    let app = app(fixture, "programs")
    press(app, ["]", "n", .key(.down), "해외규격인증", .key(.down), .key(.down), "3천만"])
    press(app, [.action(.save)])
    #expect(app.state.top == nil)
    #expect(try w.programs(year: 2027).map(\.name).contains("해외규격인증"))
    #expect(app.data(ProgramsPane.self).programs.count == 2)
    press(app, ["u"])
    #expect(try !w.programs(year: 2027).map(\.name).contains("해외규격인증"))
    #expect(app.data(ProgramsPane.self).programs.count == 1)
    press(app, [.key(.ctrl("r"))])
    #expect(try w.programs(year: 2027).first { $0.name == "해외규격인증" }?.budgetKRW == 30_000_000)
    #expect(app.data(ProgramsPane.self).programs.count == 2)
  }

  /// `u` after entering a request removes it from the pane and every figure, Ctrl-R brings it
  /// back; the audit log keeps its entries, says so, and still checks.
  @Test func undoingAnEnteredRequestRemovesItAndRedoBringsItBack() throws {
    let fixture = try Fixture.supportChain()
    let w = fixture.workspace
    let yusin = fixture.members["(주)유신테크"]!
    let app = app(fixture, "requests")
    press(app, ["n", "ㅇㅅㅌ", .key(.enter)])
    press(
      app,
      [
        " ", " ", .key(.down), "시제품 금형", .key(.down), "2천만", .key(.down), "500만", .key(.enter),
        .key(.enter),
      ])
    #expect(app.state.top == nil)
    let added = try #require(
      try w.requestRows(RequestFilter(memberId: yusin)).first { $0.title == "시제품 금형" })
    let shown = app.data(RequestsPane.self).list.count
    press(app, ["u"])
    #expect(app.state.status?.isError == false)
    #expect(try w.request(id: added.id) == nil)
    #expect(app.data(RequestsPane.self).list.count == shown - 1)
    #expect(try w.auditLog(requestId: added.id).last?.after == AuditEntry.removedByUndo)
    _ = try w.verifyAuditChain()
    press(app, [.key(.ctrl("r"))])
    #expect(try w.request(id: added.id)?.status == .pending)
    #expect(app.data(RequestsPane.self).list.count == shown)
    _ = try w.verifyAuditChain()
  }
}

extension ProgramsPaneTests {
  /// A refused undo leaves the list: the next `u` undoes the change before it, not the refused
  /// one again.
  @Test func aRefusedUndoLetsUGoOnToTheChangeBeforeIt() throws {
    let fixture = try Fixture.supportChain()
    let w = fixture.workspace
    let app = app(fixture, "programs")
    press(app, ["]", "n", .key(.down), "해외규격인증", .key(.down), .key(.down), "3천만"])
    press(app, [.action(.save)])
    #expect(try w.programs(year: 2027).map(\.name).contains("해외규격인증"))
    #expect(app.send(.show("requests")))
    press(app, ["n", "ㅇㅅㅌ", .key(.enter)])
    press(
      app,
      [
        " ", " ", .key(.down), "시제품 금형", .key(.down), "2천만", .key(.down), "500만", .key(.enter),
        .key(.enter),
      ])
    // Approved meanwhile by another manager: the intake can no longer be undone.
    let added = try #require(
      try w.requestRows(RequestFilter(status: nil)).first { $0.title == "시제품 금형" })
    try w.decide(
      requestId: added.id, .approve(amount: 20_000_000, overrideReason: nil), on: Fixture.today)
    press(app, ["u"])
    #expect(app.state.status?.isError == true)
    #expect(app.state.status?.text.contains("철회하세요") == true)
    #expect(app.state.status?.text.contains("u: 되돌리기") == true, "says what u undoes next")
    press(app, ["u"])
    #expect(app.state.status?.isError == false)
    #expect(try !w.programs(year: 2027).map(\.name).contains("해외규격인증"))
  }
}

@Suite struct RequestStepTests {
  /// The request detail of `key`'s request, opened from the requests pane showing every status.
  func detail(_ fixture: Fixture, _ key: String, _ l: Language = .ko) -> DashboardApp {
    let app = app(fixture, "requests", l)
    press(app, ["f"])
    let rows = app.data(RequestsPane.self).list
    let at = (0..<rows.count).first { rows.rows[$0].id == fixture.requests[key] }!
    press(app, Array(repeating: .key(.down), count: at) + [.key(.enter)])
    return app
  }

  @Test func enteringARequestPicksTheMemberByInitialsAndFlagsADuplicate() throws {
    let fixture = try Fixture.supportChain()
    let app = app(fixture, "requests")
    press(app, ["n", "ㅇㅅㅌ"])
    #expect(app.formData.suggestions.map(\.name).contains("(주)유신테크"))
    press(app, [.key(.enter)])  // picks the match
    guard case .form(let form) = app.state.top else {
      Issue.record("no request form")
      return
    }
    #expect(form.pickedMember?.name == "(주)유신테크")
    // The programs of this year and next, by name: 국내외전시회 first; step to 시제품제작 (2026).
    press(
      app,
      [
        " ", " ", .key(.down), "시제품 금형", .key(.down), "2천만", .key(.down), "500만", .key(.enter),
        .key(.enter),
      ])
    #expect(app.state.top == nil)
    let rows = try fixture.workspace.requestRows(
      RequestFilter(memberId: fixture.members["(주)유신테크"]!))
    let added = try #require(rows.first { $0.title == "시제품 금형" })
    #expect(added.status == .pending)
    #expect(added.programName == "시제품제작")
    #expect(added.duplicateOf == fixture.requests["prototype"])
    #expect(app.state.status?.text.contains("중복지원") == true)
  }

  @Test func aRequestWithoutASubmittedDateIsADraftAndSIsItsSubmission() throws {
    let fixture = try Fixture.supportChain()
    let app = app(fixture, "requests", .en)
    press(
      app,
      [
        "n", "헬스온", .key(.enter), .key(.down), "원격진료 키트", .key(.down), "1천만", .key(.down),
        .key(.down), .key(.ctrl("u")), .key(.enter),
      ])
    #expect(app.state.top == nil)
    let draft = try #require(
      try fixture.workspace.requestRows(RequestFilter(status: .draft)).first {
        $0.title == "원격진료 키트"
      })
    var f = fixture
    f.requests["draft"] = draft.id
    let detail = self.detail(f, "draft", .en)
    press(detail, ["p"])
    #expect(detail.state.status?.text.contains("draft") == true)
    press(detail, ["s", .key(.enter)])
    #expect(try fixture.workspace.request(id: draft.id)?.status == .pending)
    #expect(try fixture.workspace.request(id: draft.id)?.submitted == Fixture.today)
  }

  @Test func aStepOutOfOrderSaysWhy() throws {
    let fixture = try Fixture.supportChain()
    let app = detail(fixture, "prototype", .en)
    for key: Character in ["g", "p", "S", "s"] {
      app.handle(.char(key))
      #expect(app.state.status?.isError == true, "\(key)")
      #expect(app.state.top.map { if case .detail = $0 { true } else { false } } == true)
    }
    #expect(app.state.status?.text.contains("#\(fixture.requests["prototype"]!)") == true)
  }

  /// Approve, agree (below the share only with a reason), two instalments, settle with a return;
  /// `u` takes an instalment back.
  @Test func theWholeChainFromTheDetail() throws {
    let fixture = try Fixture.supportChain()
    let id = fixture.requests["cert"]!
    let app = detail(fixture, "cert")
    press(app, ["A", .key(.ctrl("u")), "2000만", .key(.enter)])
    #expect(try fixture.workspace.request(id: id)?.status == .approved)
    // The program asks no share: any co-funding goes; here 0 is typed.
    press(app, ["g", .key(.ctrl("u")), "0", .key(.enter), .key(.enter)])
    #expect(try fixture.workspace.request(id: id)?.status == .agreed)
    press(app, ["p", .key(.ctrl("u")), "1200만", .key(.enter), .key(.enter)])
    press(app, ["p"])
    guard case .form(let pay) = app.state.top else {
      Issue.record("no instalment form")
      return
    }
    #expect(pay.value("amount") == "8,000,000")
    press(app, [.key(.enter), .key(.enter)])
    #expect(
      try fixture.workspace.instalments(requestId: id).map(\.amountKRW) == [12_000_000, 8_000_000])
    press(app, ["p"])
    #expect(app.state.status?.text.contains("S로 정산") == true)
    press(app, ["u"])
    #expect(try fixture.workspace.instalments(requestId: id).count == 1)
    press(app, ["p", .key(.enter), .key(.enter)])
    press(
      app, ["S", .key(.ctrl("u")), "1800만", .key(.enter), .key(.enter), .key(.enter), .key(.enter)])
    let settled = try #require(try fixture.workspace.request(id: id))
    #expect(settled.status == .completed)
    #expect(settled.settlement?.returnedKRW == 2_000_000)
    let figures = try fixture.workspace.programFigures(id: settled.programId)
    #expect(figures.committedKRW == 18_000_000)
    #expect(screen(app, 120, 40).contains("반환액"))
    // u takes the settlement back: the request is agreed again and owes the budget its amount.
    press(app, ["u"])
    let undone = try #require(try fixture.workspace.request(id: id))
    #expect(undone.status == .agreed)
    #expect(undone.settlement == nil)
    #expect(try fixture.workspace.programFigures(id: undone.programId).committedKRW == 20_000_000)
  }

  @Test func anAgreementBelowTheShareNeedsAReason() throws {
    let fixture = try Fixture.supportChain()
    let w = fixture.workspace
    let smart = try w.findProgram("스마트공장 고도화")
    var f = fixture
    let r = try w.addRequest(
      SupportRequest(
        memberId: f.members["(주)헬스온"]!, programId: smart.id, title: "검사 장비",
        requestedKRW: 8_000_000,
        submitted: Fixture.day("2026-11-02"), status: .pending))
    try w.decide(
      requestId: r.id, .approve(amount: 8_000_000, overrideReason: nil), on: Fixture.today)
    f.requests["new"] = r.id
    let app = detail(f, "new", .en)
    press(app, ["g"])
    guard case .form(let form) = app.state.top else {
      Issue.record("no agreement form")
      return
    }
    // 20% of the project cost: 8,000,000 needs at least 2,000,000.
    #expect(form.value("cofunding") == "2,000,000")
    press(app, [.key(.ctrl("u")), "100만", .key(.enter), .key(.enter)])
    guard case .form(let refused) = app.state.top else {
      Issue.record("the agreement form closed")
      return
    }
    #expect(refused.focusedKey == "override")
    press(app, ["기업 사정으로 분할 부담", .key(.enter)])
    #expect(app.state.top.map { if case .detail = $0 { true } else { false } } == true)
    #expect(try w.request(id: r.id)?.agreement?.cofundingKRW == 1_000_000)
  }

  @Test func editingAPendingRequestFromThePane() throws {
    let fixture = try Fixture.supportChain()
    let app = app(fixture, "requests")
    let id = fixture.requests["prototype"]!
    press(app, ["e"])
    guard case .form(let form) = app.state.top, case .editRequest(let original) = form.purpose
    else {
      Issue.record("no edit form")
      return
    }
    #expect(original.id == id)
    press(app, [.key(.down), .key(.ctrl("u")), "2800만", .action(.save)])
    #expect(try fixture.workspace.request(id: id)?.requestedKRW == 28_000_000)
    // An approved request cannot be edited: the key says why.
    press(app, ["f", "f"])
    press(app, ["e"])
    #expect(app.state.top == nil)
    #expect(app.state.status?.isError == true)
  }

  @Test func aVisitsDifficultyOpensTheRequestFormWithItsProgramsFirst() throws {
    let fixture = try Fixture.supportChain()
    let w = fixture.workspace
    let member = fixture.members["(주)미래센서"]!
    try w.addVisit(
      Visit(
        memberId: member, date: Fixture.day("2026-11-24"), visitor: "김매니저",
        purpose: .difficultySurvey,
        difficulties: [
          Difficulty(category: .marketing, text: "해외 바이어 발굴과 현지 유통망 확보를 위한 전시회 참가 비용 부담")
        ]))
    let app = app(fixture, "visits")
    let items = app.data(VisitsPane.self).items
    let at = try #require(
      items.firstIndex {
        if case .visit(let v, _) = $0 {
          v.difficulties.first?.text == "해외 바이어 발굴과 현지 유통망 확보를 위한 전시회 참가 비용 부담"
        } else {
          false
        }
      })
    while app.pane(VisitsPane.self).list.cursor < at { app.handle(.char("j")) }
    press(app, ["s"])
    guard case .form(let form) = app.state.top else {
      Issue.record("no request form")
      return
    }
    #expect(form.pickedMember?.id == member)
    #expect(form.choice("difficulty")?.isEmpty == false)
    // A long difficulty is cut to the field, so its date and kind stay in view.
    #expect(DisplayWidth.of(form.value("difficulty")) <= 44)
    #expect(screen(app).contains("2026-11-24 [판로] 해외 바이어"))
    // A marketing difficulty: the marketing program first.
    #expect(app.formData.programs.first?.name == "국내외전시회")
    guard case .form(let fitted) = app.state.top else { return }
    #expect(fitted.value("program") == "국내외전시회 (2026)")
    press(app, ["독일 전시회 재참가", .key(.down), "500만", .key(.enter), .key(.enter), .key(.enter)])
    let added = try #require(
      try w.requestRows(RequestFilter(memberId: member)).first { $0.title == "독일 전시회 재참가" })
    #expect(try w.request(id: added.id)?.difficulty?.number == 1)
  }

  @Test func aMembersDetailOpensTheRequestFormForTheMember() throws {
    let fixture = try Fixture.supportChain()
    let app = app(fixture, "members", .en)
    let rows = app.data(MembersPane.self).list.rows
    let at = rows.firstIndex { $0.name == "(주)헬스온" }!
    press(app, Array(repeating: .key(.down), count: at) + [.key(.enter), "n"])
    guard case .form(let form) = app.state.top, case .addRequest = form.purpose else {
      Issue.record("no request form")
      return
    }
    #expect(form.pickedMember?.name == "(주)헬스온")
    #expect(form.focusedKey == "projectTitle")
  }
}

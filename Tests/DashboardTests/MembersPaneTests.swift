import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

@Suite struct MembersPaneTests {
  static let cases: [ScreenCase] = [
    ScreenCase(name: "members") { _ in ["2"] },
    ScreenCase(name: "members-en", language: .en) { _ in ["2"] },
    ScreenCase(name: "members-search") { _ in ["2", "/", "ㅇㅅㅌㅋ"] },
    ScreenCase(name: "member-detail") { _ in ["2", "/", "ㅇㅅㅌㅋ", .key(.enter)] },
    ScreenCase(name: "member-form-errors") { _ in
      [
        "2", "n", .key(.tab), .key(.tab), "1234567890", .key(.tab), .key(.tab), .key(.tab),
        .key(.tab), .key(.tab), "12-34", .key(.ctrl("s")),
      ]
    },
    // Six errors, the business number's the longest: each wraps inside the box, and those out
    // of sight on a short screen are named on the form's last line.
    ScreenCase(name: "member-form-six-errors") { _ in MembersPaneTests.sixErrors },
    ScreenCase(name: "member-form-six-errors-en", language: .en) { _ in MembersPaneTests.sixErrors
    },
  ]

  static let sixErrors: [Input] = [
    "2", "n", .key(.tab), .key(.tab), "124-81-00990", .key(.tab), .key(.tab), .key(.tab),
    .key(.tab), .key(.tab), "12-34", .key(.tab), "kim@", .key(.tab), .key(.tab), .key(.tab),
    "many", .key(.tab), .key(.tab), "2001-13-45", .key(.ctrl("s")),
  ]

  @Test func aFieldsErrorGoesOnceTheFieldIsChanged() throws {
    let fixture = try Fixture()
    let app = app(fixture)
    press(app, Self.sixErrors)
    guard case .form(let before) = app.state.top else {
      Issue.record("form closed")
      return
    }
    #expect(before.form.fields.filter { $0.error != nil }.count == 6)
    #expect(before.form.focus == 0)
    press(app, ["(주)새빛광학", .key(.tab), .key(.tab), .key(.backspace)])
    guard case .form(let after) = app.state.top else {
      Issue.record("form closed")
      return
    }
    #expect(after.form.fields[0].error == nil)
    #expect(after.form.fields[2].error == nil)
    #expect(after.form.fields.filter { $0.error != nil }.count == 4)
    #expect(!screen(app, 120, 40).contains("검증번호"))
  }

  @Test func goldenScreens() throws {
    expectGoldens("members", Self.cases, try Fixture())
  }

  @Test func initialsSearchFindsTheCompanyAndEnterOpensIt() throws {
    let fixture = try Fixture()
    let app = app(fixture)
    press(app, ["2", "/", "ㅇㅅㅌㅋ"])
    #expect(app.data(MembersPane.self).count == 1)
    let text = screen(app)
    #expect(text.contains("(주)유신테크"))
    #expect(!text.contains("㈜ 한빛정밀"))
    app.handle(.enter)
    #expect(app.state.top == .detail(DetailState(subject: .member(fixture.members["(주)유신테크"]!))))
    #expect(screen(app).contains("지능형 로봇 제어기"))
    // Esc closes the detail; a second Esc clears the search, as / then Esc does.
    app.handle(.escape)
    #expect(app.state.top == nil)
    #expect(app.data(MembersPane.self).count == 1)
    app.handle(.escape)
    #expect(app.data(MembersPane.self).count == 15)
    #expect(!screen(app).contains("/ㅇㅅㅌㅋ"))
    press(app, ["/", "ㅇㅅㅌㅋ", .key(.escape)])
    #expect(app.data(MembersPane.self).count == 15)
  }

  /// The first letter of a search matches thousands of members on a national workspace: its
  /// window walks the directory in name order and stops at the window's end, instead of taking
  /// every candidate of the search index and sorting them. The directory-book column the pane
  /// always shows does not change that; only a filter on the directory book does. A second
  /// letter walks only when the search index holds many candidates for the pair (not in this
  /// small office): a rare pair would have the walk read every member.
  @Test func aShortSearchWalksTheDirectoryInNameOrder() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members")
    func windows(_ inputs: [Input]) -> [String] {
      statements(fixture.workspace) {
        press(app, inputs)
        _ = screen(app)
      }.filter { $0.contains("FROM member m") && $0.contains("LIMIT") }
    }
    let short = windows(["/", "ㅇ"])
    #expect(!short.isEmpty)
    #expect(short.allSatisfy { !$0.contains("memberSearch") })
    #expect(app.data(MembersPane.self).list.rows.contains { $0.name == "(주)유신테크" })
    // A pair with few candidates, and a third letter: the search index picks them.
    #expect(windows(["ㅅ"]).allSatisfy { $0.contains("memberSearch") })
    #expect(windows(["ㅌ"]).allSatisfy { $0.contains("memberSearch") })
  }

  @Test func addingAMemberThroughTheForm() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members")
    press(app, ["n", "(주)새빛광학", .key(.tab), "조새빛", .key(.tab), "124-81-00998", .key(.ctrl("s"))])
    // The business number belongs to 유신테크 of another mini-cluster: asked about first.
    guard case .confirm(let question) = app.state.top else {
      Issue.record("not asked")
      return
    }
    #expect(question.question(.ko).contains("(주)유신테크"))
    press(app, ["n"])
    guard case .form = app.state.top else {
      Issue.record("form closed")
      return
    }
    press(app, [.key(.ctrl("u")), .key(.ctrl("k")), .key(.ctrl("s"))])
    #expect(app.state.top == nil)
    let found = try fixture.workspace.findMember("새빛광학")
    #expect(found.representative == "조새빛")
    #expect(found.role == .member)
  }

  /// A name another mini-cluster has is asked about on saving: `n` goes back to the form with
  /// nothing added, `y` adds it.
  @Test func aMemberOfAnotherClustersNameIsAskedAboutBeforeItIsAdded() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members", .en)
    // The form starts on 구로 스마트제조 미클; (주)유신테크 is in 서울디지털 미클.
    press(app, ["n", "유신테크 주식회사", .key(.ctrl("s"))])
    guard case .confirm(let asked) = app.state.top else {
      Issue.record("not asked: \(String(describing: app.state.top))")
      return
    }
    let yusin = fixture.members["(주)유신테크"]!
    #expect(
      asked.question(.en)
        == "유신테크 주식회사 may be the same company as a member of another mini-cluster: #\(yusin) (주)유신테크 (서울디지털 미클)."
    )
    #expect(
      asked.question(.ko).hasSuffix(
        "다른 미니클러스터에 있는 회원과 같은 회사일 수 있습니다: #\(yusin) (주)유신테크 (서울디지털 미클)."))
    #expect(screen(app).contains("Save anyway?"))
    press(app, ["n"])
    guard case .form = app.state.top else {
      Issue.record("the form is gone")
      return
    }
    #expect(try fixture.workspace.findMember("유신테크 주식회사").id == yusin)
    press(app, [.key(.ctrl("s")), "y"])
    #expect(app.state.top == nil)
    let added = try fixture.workspace.findMember("유신테크 주식회사")
    #expect(added.id != yusin)
    #expect(app.state.status?.text.hasPrefix("Added 유신테크 주식회사.") == true)
  }

  /// Adding a member is a change of its own: `u` takes it back and leaves an older approval
  /// alone.
  @Test func undoTakesBackTheLastChangeNotAnOlderOne() throws {
    let fixture = try Fixture()
    let app = app(fixture, "requests", .en)
    press(app, ["A", .key(.enter), "시급한 수출 일정", .key(.enter)])
    let approved = fixture.requests["prototype"]!
    #expect(try fixture.workspace.request(id: approved)?.status == .approved)
    press(app, ["2", "n", "(주)새빛광학", .key(.ctrl("s"))])
    #expect(app.state.top == nil)
    #expect((try? fixture.workspace.findMember("새빛광학")) != nil)
    press(app, ["u"])
    #expect(app.state.status?.text.hasPrefix("Undone: Added (주)새빛광학.") == true)
    #expect((try? fixture.workspace.findMember("새빛광학")) == nil)
    #expect(try fixture.workspace.request(id: approved)?.status == .approved)
    press(app, ["u"])
    #expect(try fixture.workspace.request(id: approved)?.status == .pending)
    let audit = try fixture.workspace.auditLog(requestId: approved)
    #expect(audit.last { $0.field == "status" }?.after == "pending")
    press(app, [.key(.ctrl("r"))])
    #expect(try fixture.workspace.request(id: approved)?.status == .approved)
  }

  @Test func editingAMemberKeepsOtherFields() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members")
    press(
      app, ["/", "한빛", .key(.enter), "e", .key(.tab), .key(.ctrl("u")), "이한별", .key(.ctrl("s"))])
    let member = try #require(try fixture.workspace.member(id: fixture.members["㈜ 한빛정밀"]!))
    #expect(member.representative == "이한별")
    #expect(member.products == "정밀 PCB")
    #expect(member.role == .viceChair)
  }

  @Test func sortAndFiltersChangeTheWindow() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members")
    app.handle(.char("f"))  // companies only
    #expect(app.data(MembersPane.self).count == 12)
    app.handle(.char("r"))  // and chairs
    #expect(app.data(MembersPane.self).count == 2)
    // `x` is not a filter key (it closes or ends things elsewhere); Esc clears the filters.
    app.handle(.char("x"))
    #expect(app.data(MembersPane.self).count == 2)
    app.handle(.escape)
    #expect(app.data(MembersPane.self).count == 15)
    app.handle(.escape)
    #expect(app.state.status?.text == "지울 검색이나 필터가 없습니다.")
    app.handle(.char("c"))
    #expect(app.data(MembersPane.self).count == 3)  // the first cluster by name: 구로
    app.handle(.escape)
    app.handle(.char("s"))
    #expect(app.pane(MembersPane.self).query.sort == .kind)
    app.handle(.char("S"))
    #expect(app.pane(MembersPane.self).query.descending)
    app.handle(.char("G"))
    #expect(app.pane(MembersPane.self).list.cursor == 14)
  }

  /// The same keys by their actions' names.
  @Test func filtersByActionName() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members")
    press(app, [.action(MembersPane.filterKind), .action(MembersPane.filterRole)])
    #expect(app.data(MembersPane.self).count == 2)
    press(app, [.action(MembersPane.clearSearch), .action(.bottom)])
    #expect(app.pane(MembersPane.self).list.cursor == 14)
    // Filtering is not a key of the search field.
    press(app, [.action(.search)])
    #expect(!app.send(MembersPane.filterKind))
  }

  @Test func cursorSitsAtTheSearchCaret() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members")
    press(app, ["/", "유신"])
    let frame = app.render(width: 80, height: 24, theme: .monochrome)
    // "/" then two Hangul syllables of two columns each.
    #expect(frame.cursor?.x == 5)
    #expect(frame.cursor?.y == 22)
  }

  /// A long list scrolls a window at a time; the rows drawn are the window at the cursor.
  @Test func scrollingPastTheBottomMovesTheWindow() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members")
    _ = app.render(width: 80, height: 12, theme: .monochrome)
    for _ in 0..<10 { app.handle(.down) }
    let list = app.pane(MembersPane.self).list
    #expect(list.cursor == 10)
    #expect(list.offset > 0)
    let data = app.data(MembersPane.self)
    #expect(list.offset + data.list.rows.count > list.cursor)
    let lines = app.render(width: 80, height: 12, theme: .monochrome).grid.lines
    #expect(lines[2].hasPrefix(String(data.list.rows[0].name.prefix(3))))
    #expect(
      lines[2 + list.cursor - list.offset].hasPrefix(
        String(data.list.rows[list.cursor - list.offset].name.prefix(3))))
  }

  /// The phone column and detail label are 전화번호, the business number's 사업자등록번호, as in
  /// the forms, errors and CSV (they were 전화 and 사업자번호 here).
  @Test func fieldsAreNamedAsEverywhereElse() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members")
    #expect(screen(app).split(separator: "\n")[1].contains("전화번호"))
    press(app, ["/", "ㅇㅅㅌㅋ", .key(.enter)])
    let detail = screen(app)
    #expect(detail.contains("사업자등록번호"))
    #expect(detail.contains("전화번호"))
    #expect(!detail.contains("사업자번호 "))
  }
}

@Suite struct MembersDirectoryBookTests {
  @Test func theFilterGoesThroughTheStatesOfTheCurrentEdition() throws {
    let app = app(try Fixture(), "members")
    var counts: [String: Int] = [:]
    for _ in 0..<5 {
      press(app, ["b"])
      counts[app.pane(MembersPane.self).directoryBook?.rawValue ?? "all"] =
        app.data(MembersPane.self).count
    }
    // The six officers submitted their profile for 2026; nobody else was asked.
    #expect(counts == ["missing": 9, "asked": 0, "submitted": 6, "notAsked": 9, "all": 15])
    press(app, ["b", "b", "b"])
    #expect(screen(app).contains("디렉토리북 2026: 제출"))
    // With the filter on, the column follows the name, also at 80 columns.
    #expect(screen(app).contains("제출 10.02"))
    press(app, [.key(.escape)])
    #expect(app.pane(MembersPane.self).directoryBook == nil)
  }

  @Test func theMemberFormRecordsTheDirectoryBookForTheCurrentEdition() throws {
    let fixture = try Fixture()
    let w = fixture.workspace
    let app = app(fixture, "members")
    let tabs = Array(repeating: Input.key(.tab), count: 14)
    // (주)나노캡 was not asked: asked today.
    press(app, ["/", "나노캡", .key(.enter), .key(.escape), "e"] + tabs)
    guard case .form(let form) = app.state.top else {
      Issue.record("no member form")
      return
    }
    #expect(form.focusedKey == "directoryBook")
    #expect(form.value("directoryBook") == "요청 전")
    press(app, [" ", .key(.ctrl("s"))])
    #expect(app.state.top == nil)
    let nanocap = fixture.members["(주)나노캡"]!
    #expect(try w.directoryBook(memberId: nanocap).map(\.asked) == [Fixture.today])
    // A submitted profile cannot go back to asked; not asked clears it.
    let yusin = fixture.members["(주)유신테크"]!
    press(app, ["/", .key(.ctrl("u")), "ㅇㅅㅌㅋ", .key(.enter), .key(.escape), "e"] + tabs)
    press(app, [" ", " ", .key(.ctrl("s"))])
    guard case .form(let refused) = app.state.top else {
      Issue.record("submitted went back to asked")
      return
    }
    #expect(refused.form.fields.last?.error?.contains("요청 전") == true)
    press(app, [" ", " ", .key(.ctrl("s"))])
    #expect(app.state.top == nil)
    #expect(try w.directoryBook(memberId: yusin).isEmpty)
  }
}

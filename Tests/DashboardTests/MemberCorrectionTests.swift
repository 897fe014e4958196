import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

/// Marking a member as left, deleting one entered by mistake, merging two records of one
/// company and deleting a contact, from the members pane and a member's detail.
@Suite struct MemberCorrectionTests {
  /// A second record of (주)에이원소재, entered in the other cluster, with a visit.
  static func duplicate(_ fixture: Fixture) throws -> Member {
    let w = fixture.workspace
    let seoul = try w.clusters().first { !$0.name.hasPrefix("구로") }!
    let m = try w.addMember(
      Member(
        clusterId: seoul.id, kind: .company, name: "에이원머티리얼(주)",
        profileChanged: Fixture.today))
    try w.addVisit(
      Visit(
        memberId: m.id, date: Fixture.today, visitor: "김매니저", purpose: .difficultySurvey,
        notes: "방열 소재 양산"))
    return m
  }

  static let cases: [ScreenCase] = [
    ScreenCase(name: "member-merge-form") { _ in
      ["2", "/", "에이원머티", .key(.enter), "M", "에이원소재"]
    },
    ScreenCase(name: "member-merge-confirm", language: .en) { _ in
      ["2", "/", "에이원머티", .key(.enter), "M", "에이원소재", .key(.enter), .key(.enter)]
    },
    ScreenCase(name: "member-left-form", language: .en) { _ in ["2", "W"] },
    ScreenCase(name: "member-delete-refused") { _ in
      ["2", "/", "ㅇㅅㅌㅋ", .key(.enter), .key(.escape), "D", "y"]
    },
  ]

  @Test func goldenScreens() throws {
    let fixture = try Fixture()
    _ = try Self.duplicate(fixture)
    expectGoldens("member-corrections", Self.cases, fixture)
  }

  @Test func markingAMemberAsLeftKeepsThemWithTheDate() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members")
    press(app, ["/", "ㅇㅅㅌㅋ", .key(.enter), "W"])
    guard case .form(let form) = app.state.top else {
      Issue.record("no form")
      return
    }
    #expect(form.value("left") == "2026-11-26")
    press(app, [.key(.ctrl("u")), "2026-11-20", .key(.enter)])
    let id = fixture.members["(주)유신테크"]!
    let member = try #require(try fixture.workspace.member(id: id))
    #expect(member.status == .left)
    #expect(member.left == Day(parsing: "2026-11-20"))
    #expect(screen(app).contains("2026-11-20"))
    // Already left: the key says so.
    press(app, ["W"])
    #expect(app.state.status?.text.contains("이미 탈퇴") == true)
    // `L` is still the language, in the detail too.
    press(app, ["L"])
    #expect(app.state.language == .en)
    press(app, ["L"])
    app.handle(.escape)
    press(app, ["u"])
    #expect(try fixture.workspace.member(id: id)?.status == .active)
  }

  @Test func aMemberWithHistoryIsNotDeletedAndTheMessageSaysWhy() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members", .en)
    press(app, ["/", "ㅇㅅㅌㅋ", .key(.enter), .key(.escape), "D"])
    guard case .confirm(let c) = app.state.top else {
      Issue.record("no question")
      return
    }
    #expect(c.question(.en).contains("(주)유신테크 (#\(fixture.members["(주)유신테크"]!))"))
    press(app, ["y"])
    #expect(app.state.status?.isError == true)
    // Why, in words, in a box of its own (the message line is too short for it).
    guard case .confirm(let refusal) = app.state.top, refusal.verb == .refused else {
      Issue.record("no refusal")
      return
    }
    #expect(
      refusal.question(.en).contains(
        "has 1 visit, 1 request, 4 meetings attended and 1 directory-book record; mark the member as left instead"
      ))
    #expect(!refusal.question(.en).contains("supportRequest"))
    #expect(refusal.question(.ko).contains("탈퇴로 표시하세요"))
    press(app, ["y"])
    let stillOpen = { if case .confirm = app.state.top { true } else { false } }()
    #expect(stillOpen, "y confirms nothing")
    press(app, [.key(.escape)])
    #expect(app.state.top == nil)
    #expect(try fixture.workspace.member(id: fixture.members["(주)유신테크"]!) != nil)
  }

  @Test func aMemberEnteredByMistakeIsDeletedAfterAskingAndComesBackWithUndo() throws {
    let fixture = try Fixture()
    let cluster = try fixture.workspace.clusters()[0]
    let mistake = try fixture.workspace.addMember(Member(clusterId: cluster.id, name: "유신테크 오타"))
    let app = app(fixture, "members")
    press(app, ["/", "유신테크 오타", .key(.enter), "D", "n"])
    #expect(try fixture.workspace.member(id: mistake.id) != nil)
    #expect(app.state.status?.text == "아무것도 지우지 않았습니다.")
    press(app, ["D", "y"])
    #expect(try fixture.workspace.member(id: mistake.id) == nil)
    press(app, [.key(.escape), "u"])
    #expect(try fixture.workspace.member(id: mistake.id) != nil)
  }

  @Test func mergingPicksTheRecordKeptByNameAndMovesTheHistory() throws {
    let fixture = try Fixture()
    let duplicate = try Self.duplicate(fixture)
    let kept = fixture.members["(주)에이원소재"]!
    let app = app(fixture, "members", .en)
    press(app, ["/", "에이원머티", .key(.enter)])
    #expect(screen(app).contains("에이원머티리얼(주)  #\(duplicate.id)"))
    press(app, ["M", "에이원소재"])
    #expect(screen(app).contains("(주)에이원소재  구로 스마트제조 미클 #\(kept)"))
    press(app, [.key(.enter), .key(.enter)])
    guard case .confirm(let c) = app.state.top else {
      Issue.record("no question")
      return
    }
    #expect(c.verb == .merge)
    #expect(screen(app).contains("y: yes, merge"))
    press(app, ["y"])
    #expect(try fixture.workspace.member(id: duplicate.id) == nil)
    #expect(try fixture.workspace.memberDetail(id: kept).lastVisit == Fixture.today)
    // The detail goes on with the record kept.
    #expect(app.state.top == .detail(DetailState(subject: .member(kept))))
    #expect(app.state.status?.text.contains("Merged 에이원머티리얼(주) (#\(duplicate.id))") == true)
    _ = try fixture.workspace.verifyAuditChain()
  }

  @Test func aContactIsDeletedFromTheDetailAfterAsking() throws {
    let fixture = try Fixture()
    let id = fixture.members["(주)유신테크"]!
    _ = try fixture.workspace.addContact(Contact(memberId: id, name: "이과장", phone: "010-2222-3333"))
    let second = try fixture.workspace.addContact(Contact(memberId: id, name: "박대리"))
    let app = app(fixture, "members")
    press(app, ["/", "ㅇㅅㅌㅋ", .key(.enter), "C", .key(.right), .key(.enter)])
    guard case .confirm(let c) = app.state.top else {
      Issue.record("no question")
      return
    }
    #expect(c.question(.ko).contains("박대리를 삭제할까요?"))
    press(app, ["y"])
    #expect(try fixture.workspace.memberDetail(id: id).contacts.map(\.name) == ["이과장"])
    #expect(
      try fixture.workspace.memberDetail(id: id).contacts.contains { $0.id == second.id } == false)
    press(app, ["C", .key(.enter), "y", "C"])
    #expect(app.state.status?.text.contains("담당자가 없습니다") == true)
  }
}

import ClusterKit
import Foundation
import Testing

/// Correcting and deleting from the command line, and `clusterdesk undo`.
@Suite struct CorrectionCommandTests {
  /// A workspace with one mini-cluster, two members and a visit.
  func office() throws -> Binary {
    let cli = try Binary()
    #expect(try cli.run(["init"]).status == 0)
    for name in ["(주)유신테크", "한빛정밀"] {
      let added = try cli.run(["members", "add", "--name", name, "--cluster", "IT융합"])
      #expect(added.status == 0, "\(added.stderr)")
    }
    let visit = try cli.run([
      "visits", "add", "유신테크", "--difficulty", "certification:CE 인증 비용",
      "--follow-up", "인증 지원사업 안내:2026-12-10",
    ])
    #expect(visit.status == 0, "\(visit.stderr)")
    return cli
  }

  func workspace(_ cli: Binary) throws -> Workspace { try Workspace(path: cli.workspacePath) }

  @Test func visitsAndMeetingsAreEditedAndDeleted() throws {
    let cli = try office()
    defer { cli.cleanUp() }
    let edited = try cli.run([
      "visits", "edit", "1", "--notes", "수출 상담", "--difficulty", "export:바이어 발굴",
      "--difficulty", "people:영업 인력", "--follow-up", "수출바우처 안내:2026-12-03", "--owner", "김대리",
    ])
    #expect(edited.status == 0, "\(edited.stderr)")
    let visit = try #require(try workspace(cli).visit(id: 1))
    #expect(visit.notes == "수출 상담")
    #expect(visit.difficulties.map(\.text) == ["바이어 발굴", "영업 인력"])
    #expect(visit.followUps.map(\.owner) == ["김대리"])

    #expect(
      try cli.run([
        "meetings", "add", "--cluster", "IT융합", "--kind", "steeringCommittee", "--date",
        "2026-11-20", "--title", "운영위원회",
      ]).status == 0)
    let meeting = try cli.run([
      "meetings", "edit", "1", "--place", "G밸리 비즈플라자", "--minutes", "원안 의결",
    ])
    #expect(meeting.status == 0, "\(meeting.stderr)")
    #expect(try workspace(cli).meeting(id: 1)?.minutes == "원안 의결")

    // Without a terminal to ask on, a delete needs --yes.
    let asked = try cli.run(["visits", "delete", "1"])
    #expect(asked.status == 1)
    #expect(asked.stderr.contains("--yes"))
    #expect(try workspace(cli).visit(id: 1) != nil)
    #expect(try cli.run(["visits", "delete", "1", "--yes"]).status == 0)
    #expect(try workspace(cli).visit(id: 1) == nil)
    #expect(try cli.run(["meetings", "delete", "1", "--yes"]).status == 0)
    #expect(try workspace(cli).meeting(id: 1) == nil)
  }

  @Test func undoRevertsTheLastCommandAfterAsking() throws {
    let cli = try office()
    defer { cli.cleanUp() }
    #expect(try cli.run(["visits", "delete", "1", "--yes"]).status == 0)
    let asked = try cli.run(["undo"])
    #expect(asked.status == 1)
    #expect(asked.stderr.contains("clusterdesk visits delete 1 --yes"))
    let undone = try cli.run(["undo", "--yes"])
    #expect(undone.status == 0, "\(undone.stderr)")
    #expect(undone.stdout.contains("Undone: clusterdesk visits delete 1 --yes"))
    #expect(try workspace(cli).visit(id: 1)?.followUps.count == 1)
    // The next undo takes back the visit itself, then the members.
    #expect(try cli.run(["undo", "--yes"]).status == 0)
    #expect(try workspace(cli).visit(id: 1) == nil)
    #expect(try workspace(cli).integrityProblems().isEmpty)
  }

  /// A JSON workspace's file holds no change log: `undo` says so instead of "nothing to undo".
  @Test func undoOnAJSONWorkspaceSaysWhyItCannot() throws {
    var cli = try Binary()
    defer { cli.cleanUp() }
    cli.environment["CLUSTERDESK_WORKSPACE"] = cli.file("office.json").path
    #expect(try cli.run(["init"]).status == 0)
    #expect(
      try cli.run(["members", "add", "--name", "한빛정밀", "--cluster", "IT융합"]).status == 0)
    let refused = try cli.run(["undo", "--yes"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("cannot be undone once it ended"), "\(refused.stderr)")
    // Read from the file itself: a workspace opened in the test process would keep its cache in
    // the user's cache folder, not the binary's.
    let document = try WorkspaceDocument.decode(
      Data(contentsOf: URL(fileURLWithPath: cli.workspacePath)))
    #expect(document.members.map(\.name) == ["한빛정밀"])
  }

  @Test func undoNeverOverwritesALaterChange() throws {
    let cli = try office()
    defer { cli.cleanUp() }
    #expect(try cli.run(["visits", "edit", "1", "--notes", "첫 수정"]).status == 0)
    // A change made elsewhere (the dashboard) since.
    let w = try workspace(cli)
    var visit = try #require(try w.visit(id: 1))
    visit.notes = "대시보드에서 고침"
    _ = try w.recording(.dashboard, ChangeLabel("edit", "edit")) { try w.updateVisit(visit) }
    let refused = try cli.run(["undo", "--yes"])
    #expect(refused.status == 4, "\(refused.stderr)")
    #expect(try w.visit(id: 1)?.notes == "대시보드에서 고침")
  }

  @Test func membersAreDeletedOnlyWithoutHistoryAndMerged() throws {
    let cli = try office()
    defer { cli.cleanUp() }
    let refused = try cli.run(["members", "delete", "유신테크", "--yes"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("has 1 visit; mark the member as left instead"))
    #expect(try cli.run(["members", "merge", "유신테크", "--into", "한빛정밀", "--yes"]).status == 0)
    let w = try workspace(cli)
    #expect(try w.visit(id: 1)?.memberId == (try w.findMember("한빛정밀").id))
    #expect(try cli.run(["members", "add", "--name", "오타회사", "--cluster", "IT융합"]).status == 0)
    #expect(try cli.run(["members", "delete", "오타회사", "--yes"]).status == 0)
    #expect(throws: Error.self) { try w.findMember("오타회사") }
  }
}

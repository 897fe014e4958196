import ClusterKit
import Foundation
import Testing

extension DashboardTerminalTests {
  /// 1사1멘토링 and 1사1SIG from the dashboard: a mentor for a company that has none, a session
  /// logged, the company added to a SIG of its mini-cluster with a task; the command line reads
  /// all of it back.
  @Test func mentorACompanyLogASessionAndGiveItASIGTask() throws {
    let (cli, tmux) = try start(["--pane", "mentoring"])
    defer {
      tmux.close()
      _ = cli
    }
    let before = try Workspace(path: cli.workspacePath)
    // A company with neither a mentor nor a SIG, whose mini-cluster has a SIG.
    var query = MemberQuery.companiesWithoutMentor()
    query.withoutSIG = true
    var found: (MemberRow, SIGRow)?
    for row in try before.memberRows(query, offset: 0, limit: 50) where found == nil {
      let cluster = try #require(try before.clusters().first { $0.name == row.clusterName })
      if let sig = try before.sigRows(clusterId: cluster.id, limit: 1).first { found = (row, sig) }
    }
    let (company, sig) = try #require(found)
    // What a manager types: the name without its legal form.
    let typed = KoreanText.nameKey(company.name)
    let sigIndex = try #require(try before.sigRows(limit: 100).firstIndex { $0.id == sig.id })

    #expect(try tmux.waitFor("Without mentor"))
    #expect(try tmux.waitFor("active companies without a mentor"))
    // Assign the best-fitting expert of the suggestions.
    try tmux.press("/")
    try tmux.type(typed)
    try tmux.press("Enter")
    try tmux.press("a")
    #expect(try tmux.waitFor("Mentor for \(company.name)"), "\(tmux.text)")
    let suggested = try #require(
      try before.mentorSuggestions(
        memberId: company.id, today: Day(year: 2026, month: 11, day: 26)!, limit: 10
      ).first)
    try tmux.press("Enter")
    #expect(try tmux.waitFor("Assign a mentor"))
    try tmux.press("Enter")
    try tmux.press("Enter")
    #expect(try tmux.waitFor("\(suggested.expert.name) mentors \(company.name)"), "\(tmux.text)")

    // Log a session with the new mentor.
    try tmux.press("Right")
    #expect(try tmux.waitFor("mentoring under way"))
    try tmux.press("/")
    try tmux.type(typed)
    try tmux.press("Enter")
    try tmux.press("n")
    #expect(try tmux.waitFor("Log a mentoring session"))
    try tmux.press("Enter")
    try tmux.type("수출 인증 전략")
    try tmux.press("Enter")
    try tmux.type("CE 인증 절차 검토")
    try tmux.press("Enter")
    #expect(try tmux.waitFor("Session with \(company.name) logged"), "\(tmux.text)")

    // Into a SIG of its mini-cluster, with a task of its own.
    try tmux.press("Right")
    try tmux.press("Right")
    #expect(try tmux.waitFor("companies in a SIG"))
    for _ in 0..<sigIndex { try tmux.press("j") }
    try tmux.press("Enter")
    #expect(try tmux.waitFor("Members \(sig.members)"), "\(tmux.text)")
    try tmux.press("n")
    #expect(try tmux.waitFor("Add a company to SIG"))
    try tmux.type(typed)
    #expect(try tmux.waitFor("matches (↑↓ Enter)"))
    try tmux.press("Enter")
    try tmux.press("Enter")
    #expect(try tmux.waitFor("\(company.name) joined SIG \(sig.sig.name)"), "\(tmux.text)")
    let owners = try before.sigDetail(id: sig.id).members.map(\.memberId)
    let position = try #require(owners.firstIndex(of: company.id))
    try tmux.press("t")
    #expect(try tmux.waitFor("Add a SIG task"))
    try tmux.type("공동 해외인증 준비")
    try tmux.press("Enter")
    for _ in 0..<position { try tmux.press("Right") }
    try tmux.press("Enter")
    try tmux.press("Enter")
    try tmux.type("2027-03-31")
    try tmux.press("Enter")
    #expect(try tmux.waitFor("added for \(company.name)"), "\(tmux.text)")
    try tmux.press("q")
    #expect(try tmux.waitFor("EXIT 0"))

    // The command line reads it back.
    let list = try cli.run(["mentoring", "list", "--member", "#\(company.id)"])
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout.contains("\(suggested.expert.name)  "), "\(list.stdout)")
    #expect(list.stdout.contains("2026-11-26"))
    let shown = try cli.run(["sigs", "show", "#\(sig.id)"])
    #expect(
      shown.stdout.contains("#\(company.id) \(company.name), joined 2026-11-26"), "\(shown.stdout)")
    #expect(shown.stdout.contains("[proposed] 공동 해외인증 준비 — \(company.name), due 2027-03-31"))
    let member = try cli.run(["members", "show", "#\(company.id)"])
    #expect(member.stdout.contains("\(suggested.expert.name) (\(suggested.expert.affiliation))"))
    #expect(member.stdout.contains("1 session, last 2026-11-26"), "\(member.stdout)")
    #expect(member.stdout.contains(sig.sig.name))
    #expect(member.stdout.contains("[proposed] 공동 해외인증 준비, due 2027-03-31"))
  }
}

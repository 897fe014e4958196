import Foundation
import GRDB
import Testing

@testable import ClusterKit

private let today = Day(year: 2026, month: 11, day: 26)!
private func day(_ text: String) -> Day { Day(parsing: text)! }

/// Undoing mentoring and SIG changes, as the dashboard's `u` does, and the reads it shows.
@Suite struct ProgrammeUndoTests {
  private func expert(_ temp: TemporaryWorkspace, _ name: String) throws -> Expert {
    try temp.workspace.addExpert(
      Expert(name: name, affiliation: "한결대학교", kind: .university, fields: ["기술"]))
  }

  /// The company's mentor as the workspace keeps it (`member.mentorId`, kept by triggers).
  private func mentor(_ w: Workspace, _ company: Member) throws -> Int64? {
    try w.read { db in
      try Int64.fetchOne(
        db, sql: "SELECT mentorId FROM member WHERE id = ?", arguments: [company.id])
    }
  }

  /// A company mentored by 정민수 since March, and a second expert, 오세라.
  private func mentoredCompany() throws -> (TemporaryWorkspace, Member, Expert, Expert) {
    let temp = try TemporaryWorkspace()
    let company = try temp.member("(주)유신테크")
    let first = try expert(temp, "정민수")
    let second = try expert(temp, "오세라")
    try temp.workspace.assignMentor(
      memberId: company.id, expertId: first.id, from: day("2026-03-02"), today: today)
    return (temp, company, first, second)
  }

  /// `body` as one recorded change, as the dashboard makes every change.
  private func recorded(_ w: Workspace, _ body: () throws -> Void) throws -> RecordedChange {
    try #require(try w.recording(.dashboard, ChangeLabel("change", "변경")) { try body() }.change)
  }

  @Test func aReassignmentUndoneBringsThePreviousMentorBack() throws {
    let (temp, company, first, second) = try mentoredCompany()
    let w = temp.workspace
    let change = try recorded(w) {
      try w.assignMentor(memberId: company.id, expertId: second.id, from: today, today: today)
    }
    #expect(try mentor(w, company) == second.id)
    try w.undoChange(id: change.id)
    let rows = try w.mentoringRows(MentoringFilter(memberId: company.id), limit: 10)
    #expect(rows.map(\.expertName) == ["정민수"])
    #expect(rows.first?.mentoring.isActive == true)
    // The kept figures follow: each expert's load and the company's mentor.
    #expect(
      try w.expertRows(limit: 10).map { "\($0.expert.name) \($0.load)" } == ["오세라 0", "정민수 1"])
    #expect(try mentor(w, company) == first.id)
    #expect(throws: WorkspaceError.nothingToUndo) { try w.undoChange(id: change.id) }
    try w.redoChange(id: change.id)
    #expect(
      try w.expertRows(limit: 10).map { "\($0.expert.name) \($0.load)" } == ["오세라 1", "정민수 0"])
    #expect(try mentor(w, company) == second.id)
  }

  @Test func anAssignmentWithASessionLoggedSinceIsNotUndone() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let company = try temp.member("(주)유신테크")
    let mentor = try expert(temp, "정민수")
    let change = try recorded(w) {
      try w.assignMentor(
        memberId: company.id, expertId: mentor.id, from: day("2026-11-02"), today: today)
    }
    let session = try recorded(w) {
      try w.logMentoringSession(memberId: company.id, date: today, topic: "수출 인증", today: today)
    }
    // Undoing the assignment would take the session with it.
    #expect(throws: WorkspaceError.self) { try w.undoChange(id: change.id) }
    #expect(try w.mentoringSessions(limit: 10).map(\.session.topic) == ["수출 인증"])
    try w.undoChange(id: session.id)
    #expect(try w.mentoringSessions(limit: 10).isEmpty)
    try w.undoChange(id: change.id)
    #expect(try w.memberCount(.companiesWithoutMentor()) == 1)
  }

  @Test func anEndedMentoringGoesOnUnlessTheCompanyHasAnotherMentor() throws {
    let (temp, company, _, second) = try mentoredCompany()
    let w = temp.workspace
    let ended = try recorded(w) {
      try w.endMentoring(memberId: company.id, on: today, today: today)
    }
    try w.undoChange(id: ended.id)
    #expect(try w.mentoringCount(MentoringFilter(activeOnly: true)) == 1)
    let again = try recorded(w) {
      try w.endMentoring(memberId: company.id, on: today, today: today)
    }
    try w.assignMentor(memberId: company.id, expertId: second.id, from: today, today: today)
    #expect(throws: WorkspaceError.self) { try w.undoChange(id: again.id) }
    #expect(try w.mentoringCount(MentoringFilter(activeOnly: true)) == 1)
    #expect(try mentor(w, company) == second.id)
  }

  @Test func theMentoringListIsSearchedByCompany() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let mentor = try expert(temp, "정민수")
    for name in ["(주)유신테크", "한빛정밀", "유신정밀"] {
      let m = try temp.member(name)
      try w.assignMentor(memberId: m.id, expertId: mentor.id, from: today, today: today)
    }
    let found = MentoringFilter(activeOnly: true, memberSearch: "ㅇㅅ")
    #expect(try w.mentoringRows(found, limit: 10).map(\.memberName) == ["유신정밀", "(주)유신테크"])
    #expect(try w.mentoringCount(found) == 2)
    #expect(try w.mentoringCount(MentoringFilter(memberSearch: "한빛")) == 1)
  }

  @Test func aCompanyThatLeftASIGComesBackAsItsLeader() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let leader = try temp.member("(주)유신테크")
    let sig = try w.addSIG(
      SIG(clusterId: temp.cluster.id, name: "스마트센서 SIG", leaderId: leader.id),
      on: day("2026-03-02"))
    var wasLeader = false
    let left = try recorded(w) { wasLeader = try w.leaveSIG(sigId: sig.id, memberId: leader.id) }
    #expect(wasLeader)
    try w.undoChange(id: left.id)
    let detail = try w.sigDetail(id: sig.id)
    #expect(detail.leaderName == "(주)유신테크")
    #expect(detail.members.first?.joined == day("2026-03-02"))
    #expect(throws: WorkspaceError.nothingToUndo) { try w.undoChange(id: left.id) }
  }

  @Test func aTaskGoesBackAStepOrAwayUnlessItChangedSince() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let owner = try temp.member("(주)유신테크")
    let sig = try w.addSIG(
      SIG(clusterId: temp.cluster.id, name: "스마트센서 SIG", leaderId: owner.id), on: today)
    let added = try recorded(w) {
      try w.addSIGTask(SIGTask(sigId: sig.id, title: "센서 모듈", ownerId: owner.id), today: today)
    }
    let moved = try recorded(w) {
      try w.moveSIGTask(sigId: sig.id, number: 1, to: .active, on: today, today: today)
    }
    // The task moved since it was added: adding it is not undone over the move.
    #expect(throws: WorkspaceError.self) { try w.undoChange(id: added.id) }
    try w.undoChange(id: moved.id)
    #expect(try w.sigDetail(id: sig.id).tasks.map(\.task.status) == [.proposed])
    try w.undoChange(id: added.id)
    #expect(try w.sigDetail(id: sig.id).tasks.isEmpty)
  }

  @Test func theDirectoryBookIsSavedWithTheMember() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let member = try temp.member("(주)유신테크")
    var edited = member
    edited.phone = "02-2101-1001"
    try w.updateMember(
      edited, original: member,
      directoryBook: DirectoryBookEdit(edition: 2026, .submitted(today), today: today))
    #expect(try w.member(id: member.id)?.phone == "02-2101-1001")
    #expect(try w.directoryBook(memberId: member.id).map(\.status) == [.submitted])
    // A refused entry keeps the member as it was: one transaction.
    let saved = try #require(try w.member(id: member.id))
    var again = saved
    again.phone = "02-2101-9999"
    #expect(throws: ValidationError.self) {
      try w.updateMember(
        again, original: saved,
        directoryBook: DirectoryBookEdit(
          edition: 2026, .asked(today.adding(days: 3)), today: today))
    }
    #expect(try w.member(id: member.id)?.phone == "02-2101-1001")
    let added = try w.addMember(
      Member(clusterId: temp.cluster.id, name: "한빛정밀"),
      directoryBook: DirectoryBookEdit(edition: 2026, .asked(today), today: today))
    #expect(try w.directoryBook(memberId: added.id).first?.asked == today)
  }
}

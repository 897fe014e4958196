import Foundation
import GRDB
import Testing

@testable import ClusterKit

/// Editing, deleting, merging, and undoing and redoing any of it.
@Suite struct CorrectionTests {
  let day = Day(year: 2026, month: 11, day: 26)!

  func visit(_ temp: TemporaryWorkspace, _ member: Member) throws -> Visit {
    try temp.workspace.addVisit(
      Visit(
        memberId: member.id, date: day, visitor: "박매니저", purpose: .difficultySurvey,
        notes: "CE 인증 준비 중",
        difficulties: [
          Difficulty(category: .certification, text: "CE 인증 비용 부담"),
          Difficulty(category: .people, text: "품질 담당 인력 부족"),
        ],
        followUps: [FollowUp(action: "인증 지원사업 안내", owner: "박매니저", due: day.adding(days: 10))]))
  }

  @Test func aVisitIsEditedAndItsSearchFollows() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("(주)유신테크")
    var edited = try visit(temp, member)
    edited.notes = "수출 상담"
    edited.difficulties = [Difficulty(category: .export, text: "바이어 발굴 어려움")]
    edited.followUps[0].owner = "김대리"
    edited.followUps.append(FollowUp(action: "수출바우처 안내", owner: "김대리", due: day.adding(days: 3)))
    let saved = try temp.workspace.updateVisit(edited)
    let stored = try #require(try temp.workspace.visit(id: saved.id))
    #expect(stored.notes == "수출 상담")
    #expect(stored.difficulties.map(\.text) == ["바이어 발굴 어려움"])
    #expect(stored.followUps.map(\.owner) == ["김대리", "김대리"])
    #expect(stored.followUps[0].id == edited.followUps[0].id)
    #expect(try temp.workspace.searchVisits("바이어").map(\.id) == [saved.id])
    #expect(try temp.workspace.searchVisits("인력").isEmpty)
  }

  @Test func deletingAVisitTakesItsFollowUpsAndSearchEntry() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("(주)유신테크")
    let v = try visit(temp, member)
    try temp.workspace.deleteVisit(id: v.id)
    #expect(try temp.workspace.visit(id: v.id) == nil)
    #expect(try temp.workspace.followUpCounts(today: day) == (0, 0))
    #expect(try temp.workspace.searchVisits("인증").isEmpty)
    #expect(try temp.workspace.memberDetail(id: member.id).lastVisit == nil)
    #expect(try temp.workspace.integrityProblems().isEmpty)
  }

  @Test func aMeetingIsEditedAndDeleted() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("한빛정밀")
    var meeting = try temp.workspace.addMeeting(
      Meeting(clusterId: temp.cluster.id, kind: .steeringCommittee, date: day, title: "운영위원회"))
    meeting.place = "G밸리 비즈플라자"
    meeting.agenda = "2027년 사업계획"
    meeting.minutes = "원안 의결"
    meeting.date = day.adding(days: 1)
    try temp.workspace.updateMeeting(meeting)
    #expect(try temp.workspace.meeting(id: meeting.id) == meeting)
    try temp.workspace.setAttendance(meetingId: meeting.id, [member.id: .present])
    try temp.workspace.deleteMeeting(id: meeting.id)
    #expect(try temp.workspace.meeting(id: meeting.id) == nil)
    #expect(try temp.workspace.meetingCount() == 0)
  }

  @Test func aMemberWithHistoryIsNotDeletedButOneEnteredByMistakeIs() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("(주)유신테크")
    _ = try visit(temp, member)
    _ = try visit(temp, member)
    _ = try temp.workspace.addContact(Contact(memberId: member.id, name: "이과장"))
    let refusal = #expect(throws: FieldError.self) {
      try temp.workspace.deleteMember(id: member.id)
    }
    // In words, not the tables' names.
    #expect(
      refusal?.message(.en)
        == "member: (주)유신테크 (#\(member.id)) has 2 visits and 1 contact; mark the member as left instead"
    )
    #expect(
      refusal?.message(.ko)
        == "회원: (주)유신테크(#\(member.id))에 방문 2건, 담당자 1명이 있어 지울 수 없으니 탈퇴로 표시하세요")
    let mistake = try temp.member("유신테크 오타")
    try temp.workspace.deleteMember(id: mistake.id)
    #expect(try temp.workspace.member(id: mistake.id) == nil)
  }

  @Test func mergingMovesTheHistoryToTheRecordKept() throws {
    let temp = try TemporaryWorkspace()
    let kept = try temp.member("(주)유신테크")
    let other = try temp.workspace.addCluster(Cluster(name: "G밸리 정밀"))
    let duplicate = try temp.workspace.addMember(
      Member(clusterId: other.id, kind: .company, name: "유신테크"), allowDuplicate: true)
    let v = try visit(temp, duplicate)
    _ = try temp.workspace.addContact(Contact(memberId: duplicate.id, name: "이과장"))
    let meeting = try temp.workspace.addMeeting(
      Meeting(clusterId: temp.cluster.id, kind: .steeringCommittee, date: day, title: "운영위원회"))
    try temp.workspace.setAttendance(meetingId: meeting.id, [kept.id: .present])
    try temp.workspace.mergeMember(duplicate.id, into: kept.id)
    #expect(try temp.workspace.member(id: duplicate.id) == nil)
    #expect(try temp.workspace.visit(id: v.id)?.memberId == kept.id)
    let detail = try temp.workspace.memberDetail(id: kept.id)
    #expect(detail.contacts.map(\.name) == ["이과장"])
    #expect(detail.lastVisit == day)
    #expect(
      try temp.workspace.attendanceList(meetingId: meeting.id).filter { $0.status != nil }
        .map(\.status) == [.present])
    #expect(try temp.workspace.integrityProblems().isEmpty)
  }

  @Test func aMergeIsInTheAuditLogAndTheChainStillVerifies() throws {
    let f = try SupportFixture()
    let moved = try f.pending(f.hanbit, 10_000_000)
    let (_, merge) = try f.recorded { try f.w.mergeMember(f.hanbit.id, into: f.yushin.id) }
    let entry = try #require(try f.w.auditLog(requestId: moved.id).last)
    #expect(entry.field == "memberId")
    #expect((entry.before, entry.after) == ("\(f.hanbit.id)", "\(f.yushin.id)"))
    #expect(entry.actor == f.w.actor)
    #expect(try f.w.verifyAuditChain().entries == 3, "the request moved, and the merge")
    try f.w.undoChange(id: merge.id)
    #expect(try f.w.request(id: moved.id)?.memberId == f.hanbit.id)
    #expect(try f.w.verifyAuditChain().entries == 4)
  }

  @Test func undoAndRedoPutEveryRowBack() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("(주)유신테크")
    let (v, added) = try temp.workspace.recording(.dashboard, ChangeLabel("Logged", "기록")) {
      try visit(temp, member)
    }
    let change = try #require(added)
    #expect(try temp.workspace.memberDetail(id: member.id).lastVisit == day)
    try temp.workspace.undoChange(id: change.id)
    #expect(try temp.workspace.visit(id: v.id) == nil)
    #expect(try temp.workspace.followUpCounts(today: day) == (0, 0))
    #expect(try temp.workspace.memberDetail(id: member.id).lastVisit == nil)
    #expect(try temp.workspace.searchVisits("인증").isEmpty)
    try temp.workspace.redoChange(id: change.id)
    #expect(try temp.workspace.visit(id: v.id) == v)
    #expect(try temp.workspace.searchVisits("인증").map(\.id) == [v.id])
    #expect(try temp.workspace.integrityProblems().isEmpty)
  }

  @Test func undoingADeleteBringsTheRecordBack() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("(주)유신테크")
    let v = try visit(temp, member)
    let (_, deleted) = try temp.workspace.recording(.commandLine, ChangeLabel("d", "d")) {
      try temp.workspace.deleteVisit(id: v.id)
    }
    #expect(try temp.workspace.lastChange(from: .commandLine) == deleted)
    try temp.workspace.undoChange(id: try #require(deleted).id)
    #expect(try temp.workspace.visit(id: v.id) == v)
    #expect(try temp.workspace.searchVisits("인증").map(\.id) == [v.id])
    #expect(try temp.workspace.lastChange(from: .commandLine) == nil)
    #expect(throws: WorkspaceError.nothingToUndo) {
      try temp.workspace.undoChange(id: deleted!.id)
    }
  }

  @Test func undoNeverOverwritesALaterChange() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("(주)유신테크")
    var meeting = try temp.workspace.addMeeting(
      Meeting(clusterId: temp.cluster.id, kind: .steeringCommittee, date: day, title: "운영위원회"))
    meeting.place = "비즈플라자"
    let (_, first) = try temp.workspace.recording(.dashboard, ChangeLabel("a", "a")) {
      try temp.workspace.updateMeeting(meeting)
    }
    meeting.place = "회의실 B"
    try temp.workspace.updateMeeting(meeting)
    #expect(throws: WorkspaceError.self) { try temp.workspace.undoChange(id: first!.id) }
    #expect(try temp.workspace.meeting(id: meeting.id)?.place == "회의실 B")
    // A later change to another column of the same row does not stand in the way.
    meeting.place = "비즈플라자"
    try temp.workspace.updateMeeting(meeting)
    meeting.minutes = "원안 의결"
    try temp.workspace.updateMeeting(meeting)
    try temp.workspace.undoChange(id: first!.id)
    let now = try #require(try temp.workspace.meeting(id: meeting.id))
    #expect(now.place == "")
    #expect(now.minutes == "원안 의결")
    _ = member
  }

  /// Adds a member as a recorded change, and expects it written with no capture trigger made.
  func recordedAddingMakesNoTrigger(_ temp: TemporaryWorkspace, _ name: String) throws -> (
    Member, RecordedChange?
  ) {
    final class Seen: @unchecked Sendable { var sql: [String] = [] }
    let seen = Seen()
    temp.workspace.pool.writeWithoutTransaction { db in
      db.trace { event in seen.sql.append("\(event)") }
    }
    let added = try temp.workspace.recording(.dashboard, ChangeLabel(name, name)) {
      try temp.member(name)
    }
    temp.workspace.pool.writeWithoutTransaction { db in db.trace(options: [], nil) }
    #expect(seen.sql.contains { $0.contains("INSERT INTO member ") })
    #expect(!seen.sql.contains { $0.contains("CREATE TEMP TRIGGER") })
    return (added.value, added.change)
  }

  /// What a recorded write changes is captured by triggers made once per connection: a write
  /// after the first makes none. A first write that failed took the triggers it made with its
  /// transaction, and the next one is still recorded in full.
  @Test func captureTriggersAreMadeOnceAndAFailedWriteTakesThemAlong() throws {
    let temp = try TemporaryWorkspace()
    _ = try? temp.workspace.recording(.dashboard, ChangeLabel("x", "x")) {
      try temp.workspace.write { db in
        try db.execute(sql: "UPDATE cluster SET name = name || '!'")
        throw WorkspaceError.nothingToUndo
      }
    }
    let (first, firstChange) = try temp.workspace.recording(.dashboard, ChangeLabel("a", "a")) {
      try temp.member("한강로보텍")
    }
    let (second, secondChange) = try recordedAddingMakesNoTrigger(temp, "두리정밀")
    try temp.workspace.undoChange(id: try #require(secondChange).id)
    #expect(try temp.workspace.member(id: second.id) == nil)
    try temp.workspace.undoChange(id: try #require(firstChange).id)
    #expect(try temp.workspace.member(id: first.id) == nil)
    #expect(try temp.workspace.clusters().map(\.name) == [temp.cluster.name])
  }

  /// Made ready beforehand (as the dashboard does after its first frame), the first recorded
  /// change makes no trigger and is still undone in full.
  @Test func recordingMadeReadyBeforehandLeavesTheFirstChangeNothingToMake() throws {
    let temp = try TemporaryWorkspace()
    temp.workspace.prepareRecording()
    let (member, change) = try recordedAddingMakesNoTrigger(temp, "한강로보텍")
    try temp.workspace.undoChange(id: try #require(change).id)
    #expect(try temp.workspace.member(id: member.id) == nil)
  }

  @Test func addingAMemberIsUndoneWithItsSearchEntry() throws {
    let temp = try TemporaryWorkspace()
    let (member, change) = try temp.workspace.recording(.dashboard, ChangeLabel("a", "a")) {
      try temp.member("한강로보텍")
    }
    try temp.workspace.undoChange(id: change!.id)
    #expect(try temp.workspace.member(id: member.id) == nil)
    #expect(try temp.workspace.memberCount(MemberQuery(search: "한강")) == 0)
    try temp.workspace.redoChange(id: change!.id)
    #expect(try temp.workspace.memberCount(MemberQuery(search: "한강")) == 1)
  }

  /// The audit log is not reverted: an undone decision and an undone payment are new entries,
  /// chained to the ones before, and the chain and each request's history still hold.
  @Test func undoingADecisionOrAPaymentAppendsToTheAuditChain() throws {
    let f = try SupportFixture()
    let request = try f.agreed(nil, 10_000_000)
    let (_, paid) = try f.w.recording(.dashboard, ChangeLabel("Paid", "교부")) {
      try f.w.disburse(requestId: request.id, amount: 4_000_000, on: SupportFixture.today)
    }
    let (_, settled) = try f.w.recording(.dashboard, ChangeLabel("Settled", "정산")) {
      try f.w.decide(
        requestId: request.id,
        .settle(spent: 4_000_000, disallowed: 0, returned: nil, reportDate: nil),
        on: SupportFixture.today)
    }
    let entries = try f.w.auditLog().count
    try f.w.undoChange(id: try #require(settled).id)
    #expect(try f.w.request(id: request.id)?.status == .agreed)
    try f.w.undoChange(id: try #require(paid).id)
    #expect(try f.w.instalments(requestId: request.id).isEmpty)
    try f.w.redoChange(id: paid!.id)
    let log = try f.w.auditLog()
    #expect(log.count > entries)
    #expect(log.map(\.id) == Array(1...Int64(log.count)))
    #expect(try f.w.verifyAuditChain().entries == log.count)
    // The audit log itself is no part of any change.
    let recorded = try f.w.read { db in
      try String.fetchAll(db, sql: "SELECT DISTINCT tbl FROM recordedRow")
    }
    #expect(!recorded.isEmpty && !recorded.contains("auditEntry"))
  }
}

@Suite struct LocalTimeTests {
  /// The audit and change logs keep UTC; people read their own clock.
  @Test func instantsAreShownInTheLocalTimeZone() {
    let seoul = TimeZone(identifier: "Asia/Seoul")!
    #expect(Format.localTime("2026-11-26T06:04:00Z", zone: seoul) == "2026-11-26 15:04")
    #expect(Format.localTime("not a time", zone: seoul) == "not a time")
  }
}

@Suite struct DefaultsTests {
  /// Sorting by kind follows the names of the kinds in the language shown.
  @Test func kindSortsInTheInterfaceLanguage() throws {
    let temp = try TemporaryWorkspace()
    try temp.member("가기업")
    try temp.member("나대학", kind: .university)
    try temp.member("다연구소", kind: .institute)
    try temp.member("라기관", kind: .agency)
    var query = MemberQuery(sort: .kind)
    query.language = .ko
    let korean = try temp.workspace.memberRows(query, offset: 0, limit: 10).map(\.kind)
    #expect(korean == [.company, .university, .institute, .agency])
    query.language = .en
    let english = try temp.workspace.memberRows(query, offset: 0, limit: 10).map(\.kind)
    #expect(english.map { $0.label(.en) } == english.map { $0.label(.en) }.sorted())
    #expect(english != korean)
  }

  /// A steering committee invites the officers; another meeting the whole cluster.
  @Test func aSteeringCommitteeInvitesTheOfficers() throws {
    let temp = try TemporaryWorkspace()
    let chair = try temp.member("회장사", role: .chair)
    let steering = try temp.member("운영위원사", role: .steering)
    let member = try temp.member("회원사")
    let day = Day(year: 2026, month: 11, day: 26)!
    let committee = try temp.workspace.addMeeting(
      Meeting(clusterId: temp.cluster.id, kind: .steeringCommittee, date: day, title: "운영위원회"))
    let seminar = try temp.workspace.addMeeting(
      Meeting(clusterId: temp.cluster.id, kind: .technicalSeminar, date: day, title: "기술세미나"))
    #expect(
      try temp.workspace.attendanceList(meetingId: committee.id).map(\.memberId)
        == [chair.id, steering.id])
    #expect(
      Set(try temp.workspace.attendanceList(meetingId: seminar.id).map(\.memberId))
        == [chair.id, steering.id, member.id])
    // The invite list can be changed: a member marked is on it.
    try temp.workspace.setAttendance(meetingId: committee.id, [member.id: .present])
    #expect(try temp.workspace.attendanceList(meetingId: committee.id).count == 3)
  }
}

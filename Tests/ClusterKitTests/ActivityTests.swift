import Foundation
import GRDB
import Testing

@testable import ClusterKit

@Suite struct VisitAndMeetingTests {
  let day = Day(year: 2026, month: 11, day: 26)!

  @Test func visitWithDifficultiesAndFollowUpsIsOneRecord() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("(주)유신테크")
    let visit = try temp.workspace.addVisit(
      Visit(
        memberId: member.id, date: day.adding(days: -20), visitor: "박매니저",
        purpose: .difficultySurvey,
        notes: "CE 인증 준비 중",
        difficulties: [Difficulty(category: .certification, text: "CE 인증 비용 부담")],
        followUps: [FollowUp(action: "해외규격인증 지원사업 안내", owner: "박매니저", due: day.adding(days: -5))]))
    let stored = try #require(try temp.workspace.visit(id: visit.id))
    #expect(stored.difficulties == [Difficulty(category: .certification, text: "CE 인증 비용 부담")])
    #expect(stored.followUps.map(\.action) == ["해외규격인증 지원사업 안내"])
    #expect(try temp.workspace.followUpCounts(today: day) == (1, 1))
    try temp.workspace.setFollowUpDone(id: stored.followUps[0].id, on: day)
    #expect(try temp.workspace.followUpCounts(today: day) == (0, 0))
    #expect(try temp.workspace.memberDetail(id: member.id).lastVisit == day.adding(days: -20))
  }

  @Test func followUpDueBeforeTheVisitIsRefused() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("한빛정밀")
    let error = #expect(throws: ValidationError.self) {
      try temp.workspace.addVisit(
        Visit(
          memberId: member.id, date: day, visitor: "박매니저", purpose: .followUp,
          followUps: [FollowUp(action: "회신", due: day.adding(days: -1))]))
    }
    #expect(error?.errors.first?.field == "followUps[1].due")
  }

  @Test func contactRhythmOfficersEveryFourWeeksOthersTwelve() throws {
    let temp = try TemporaryWorkspace()
    let chair = try temp.member("회장사", role: .chair)
    let member = try temp.member("일반회원사")
    let never = try temp.member("미방문사")
    for m in [chair, member] {
      try temp.workspace.addVisit(
        Visit(memberId: m.id, date: day.adding(days: -35), visitor: "박매니저", purpose: .needsSurvey))
    }
    let due = try temp.workspace.dueForVisit(today: day)
    #expect(due.map(\.memberId) == [never.id, chair.id])
    #expect(due.last?.daysSince == 35)
    #expect(
      Set(try temp.workspace.dueForVisit(today: day, minimumWeeks: 5).map(\.memberId)) == [
        never.id, member.id, chair.id,
      ])
    #expect(
      try temp.workspace.dueForVisit(today: day, minimumWeeks: 6).map(\.memberId) == [never.id])
  }

  @Test func visitsPerWeekStartOnMonday() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("한빛정밀")
    // 2026-11-23 is a Monday; 2026-11-22 a Sunday of the week before.
    for date in ["2026-11-22", "2026-11-23", "2026-11-26"] {
      try temp.workspace.addVisit(
        Visit(memberId: member.id, date: Day(parsing: date)!, visitor: "박", purpose: .other))
    }
    #expect(try temp.workspace.visitsPerWeek(endingAt: day, weeks: 3) == [0, 1, 2])
  }

  @Test func attendanceAndParticipationRates() throws {
    let temp = try TemporaryWorkspace()
    let a = try temp.member("가나전자", role: .chair)
    let b = try temp.member("다라정밀")
    let first = try temp.workspace.addMeeting(
      Meeting(
        clusterId: temp.cluster.id, kind: .steeringCommittee, date: day.adding(days: -30),
        title: "10월 운영위원회"))
    let second = try temp.workspace.addMeeting(
      Meeting(
        clusterId: temp.cluster.id, kind: .steeringCommittee, date: day.adding(days: -2),
        title: "11월 운영위원회"))
    try temp.workspace.setAttendance(meetingId: first.id, [a.id: .present, b.id: .absent])
    try temp.workspace.setAttendance(meetingId: second.id, [a.id: .present, b.id: .excused])
    #expect(try temp.workspace.participation(memberId: a.id).rate == 1)
    #expect(
      try temp.workspace.participation(memberId: b.id)
        == Participation(invited: 2, present: 0, excused: 1))
    #expect(try temp.workspace.attendanceStreak(memberId: a.id) == 2)
    let rows = try temp.workspace.meetingRows(year: 2026)
    #expect(rows.map(\.title) == ["11월 운영위원회", "10월 운영위원회"])
    #expect(rows.first?.participationRate == 0.5)
    #expect(
      try temp.workspace.attendanceList(meetingId: first.id).map(\.memberName) == ["가나전자", "다라정밀"])
  }
}

@Suite struct SupportRequestTests {
  let day = Day(year: 2026, month: 11, day: 26)!

  func setUp() throws -> (TemporaryWorkspace, Program, [SupportRequest]) {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("(주)유신테크")
    let program = try temp.workspace.addProgram(
      Program(year: 2026, name: "시제품제작", category: .technology, budgetKRW: 50_000_000))
    var requests: [SupportRequest] = []
    for (title, amount) in [("센서 모듈 시제품", 30_000_000), ("제어기 시제품", 25_000_000)] {
      requests.append(
        try temp.workspace.addRequest(
          SupportRequest(
            memberId: member.id, programId: program.id, title: title, requestedKRW: KRW(amount),
            submitted: day.adding(days: -10), status: .pending)))
    }
    return (temp, program, requests)
  }

  @Test func approvingOverTheRemainingBudgetNeedsAReason() throws {
    let (temp, program, requests) = try setUp()
    try temp.workspace.decide(
      requestId: requests[0].id, .approve(amount: 30_000_000, overrideReason: nil), on: day)
    #expect(try temp.workspace.budget(programId: program.id).remainingKRW == 20_000_000)
    #expect(try temp.workspace.budget(programId: program.id).pendingKRW == 25_000_000)
    #expect(
      throws: WorkspaceError.overBudget(program: "시제품제작", amount: 25_000_000, remaining: 20_000_000)
    ) {
      try temp.workspace.decide(
        requestId: requests[1].id, .approve(amount: 25_000_000, overrideReason: nil), on: day)
    }
    #expect(try temp.workspace.request(id: requests[1].id)?.status == .pending)
    let change = try temp.workspace.decide(
      requestId: requests[1].id, .approve(amount: 25_000_000, overrideReason: "추경 예산 확보 예정"),
      on: day)
    #expect(change.after.reason == "추경 예산 확보 예정")
    #expect(try temp.workspace.budget(programId: program.id).remainingKRW == -5_000_000)
  }

  @Test func onlyAllowedTransitions() throws {
    let (temp, _, requests) = try setUp()
    try temp.workspace.decide(requestId: requests[0].id, .reject(reason: "지원 요건 미충족"), on: day)
    #expect(
      throws: WorkspaceError.invalidTransition(
        request: requests[0].id, from: .rejected, to: .approved)
    ) {
      try temp.workspace.decide(
        requestId: requests[0].id, .approve(amount: 1, overrideReason: nil), on: day)
    }
    let noReason = #expect(throws: ValidationError.self) {
      try temp.workspace.decide(requestId: requests[1].id, .reject(reason: "  "), on: day)
    }
    #expect(noReason?.errors.first?.field == "reason")
    #expect(throws: WorkspaceError.overRequested(amount: 26_000_000, requested: 25_000_000)) {
      try temp.workspace.decide(
        requestId: requests[1].id, .approve(amount: 26_000_000, overrideReason: nil), on: day)
    }
  }

  @Test func decisionsAreAuditedAndTheLogCannotBeEdited() throws {
    let (temp, _, requests) = try setUp()
    try temp.workspace.decide(
      requestId: requests[0].id, .approve(amount: 20_000_000, overrideReason: nil), on: day)
    let log = try temp.workspace.auditLog(requestId: requests[0].id)
    #expect(log.map(\.field) == ["status", "approvedKRW", "decided", "reviewer"])
    #expect(log.first.map { [$0.before, $0.after, $0.actor] } == ["pending", "approved", "박매니저"])
    #expect(throws: (any Error).self) {
      try temp.workspace.write { db in try db.execute(sql: "UPDATE auditEntry SET after = 'x'") }
    }
    #expect(throws: (any Error).self) {
      try temp.workspace.write { db in try db.execute(sql: "DELETE FROM auditEntry") }
    }
    #expect(try temp.workspace.auditLog(requestId: requests[0].id) == log)
  }

  @Test func undoRestoresAndIsAuditedButNotOverAnotherChange() throws {
    let (temp, _, requests) = try setUp()
    let change = try temp.workspace.decide(
      requestId: requests[0].id, .approve(amount: 30_000_000, overrideReason: nil), on: day)
    try temp.workspace.undo(change)
    #expect(try temp.workspace.request(id: requests[0].id) == requests[0])
    #expect(try temp.workspace.auditLog(requestId: requests[0].id).count == 8)
    let second = try temp.workspace.decide(
      requestId: requests[0].id, .reject(reason: "중복 신청"), on: day)
    try temp.workspace.decide(requestId: requests[1].id, .askForChanges(reason: "견적서 보완"), on: day)
    #expect(try temp.workspace.request(id: requests[1].id)?.status == .draft)
    var stale = second
    stale.after.reason = "다른 사유"
    #expect(throws: WorkspaceError.conflict(kind: "request", reference: "#\(requests[0].id)")) {
      try temp.workspace.undo(stale)
    }
  }

  @Test func decidingOnAStaleViewIsRefused() throws {
    let (temp, _, requests) = try setUp()
    try temp.workspace.decide(requestId: requests[0].id, .reject(reason: "예산 소진"), on: day)
    #expect(throws: WorkspaceError.conflict(kind: "request", reference: "#\(requests[0].id)")) {
      try temp.workspace.decide(
        requestId: requests[0].id, .approve(amount: 1, overrideReason: nil), on: day,
        expected: requests[0])
    }
  }
}

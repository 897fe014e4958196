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

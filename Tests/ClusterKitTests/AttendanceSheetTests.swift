import Foundation
import Testing

@testable import ClusterKit

@Suite struct AttendanceSheetTests {
  let day = Day(year: 2026, month: 11, day: 26)!

  /// Each member's streak and missed meetings on the sheet are the figures `attendanceStreak`
  /// and `participation` give one member at a time.
  @Test func sheetAgreesWithThePerMemberReads() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let members = try ["가나전자", "다라정밀", "마바테크", "사아소재"].enumerated().map { i, name in
      try temp.member(name, role: i == 0 ? .chair : .member)
    }
    let marks: [[AttendanceStatus?]] = [
      [.present, .absent, .excused, nil],
      [.present, .present, .absent, .present],
      [.absent, .present, .present, .excused],
      // Two meetings on one day: the later id counts as the later meeting.
      [.present, .absent, .present, nil],
      [.present, .present, nil, .absent],
    ]
    let dates = [-60, -40, -20, -20, -5]
    var meetings: [Meeting] = []
    for (i, row) in marks.enumerated() {
      let m = try w.addMeeting(
        Meeting(
          clusterId: temp.cluster.id, kind: .technicalSeminar, date: day.adding(days: dates[i]),
          title: "운영위원회 \(i + 1)"))
      meetings.append(m)
      var statuses: [Int64: AttendanceStatus?] = [:]
      for (member, status) in zip(members, row) where status != nil {
        statuses[member.id] = status
      }
      try w.setAttendance(meetingId: m.id, statuses)
    }
    for meeting in meetings {
      let sheet = try w.attendanceSheet(meetingId: meeting.id)
      for line in sheet {
        let p = try w.participation(memberId: line.line.memberId)
        #expect(line.streak == (try w.attendanceStreak(memberId: line.line.memberId)))
        #expect(line.missed == p.invited - p.present - p.excused)
      }
    }
    let streaks = try w.attendanceSheet(meetingId: meetings[0].id).map(\.streak)
    #expect(streaks == [2, 1, 2, 0])
  }

  @Test func unknownMeetingIsNamed() throws {
    let temp = try TemporaryWorkspace()
    #expect(throws: WorkspaceError.self) { try temp.workspace.attendanceSheet(meetingId: 99) }
  }
}

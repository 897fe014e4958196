import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

@Suite struct MeetingsPaneTests {
  static let cases: [ScreenCase] = [
    ScreenCase(name: "meetings") { _ in ["3"] },
    ScreenCase(name: "meeting-detail") { _ in ["3", .key(.down), .key(.down), .key(.enter)] },
    ScreenCase(name: "attendance") { _ in ["3", .key(.down), .key(.down), "a", " ", " "] },
  ]

  @Test func goldenScreens() throws {
    expectGoldens("meetings", Self.cases, try Fixture())
  }

  @Test func attendanceIsSavedAsOneChange() throws {
    let fixture = try Fixture()
    let app = app(fixture, "meetings")
    let id = fixture.meetings["steering11"]!
    // Newest first: the November steering committee is the first row.
    press(app, ["a"])
    guard case .attendance(let a) = app.state.top else {
      Issue.record("no attendance mode")
      return
    }
    #expect(a.meetingId == id)
    let lines = app.attendanceSheet.map(\.line)
    #expect(lines.allSatisfy { $0.status == nil })
    // Space moves on to the next member, so quick marking is one key per member.
    press(app, ["A", .key(.up), .key(.home), " ", .key(.up), " "])
    app.handle(.enter)
    #expect(app.state.top == nil)
    let saved = try fixture.workspace.attendanceList(meetingId: id)
    #expect(saved.count == lines.count)
    #expect(saved[0].status == .excused)
    #expect(saved.dropFirst().allSatisfy { $0.status == .present })
    app.handle(.char("u"))
    #expect(try fixture.workspace.attendanceList(meetingId: id).allSatisfy { $0.status == nil })
  }

  /// Another writer marks a member while the list is open with an unsaved mark for the same
  /// member: Enter is refused with the conflict message and the other writer's mark stays. The
  /// list is read again every frame, so the marks it started from are the ones kept with each
  /// edit, not the ones read at saving time.
  @Test func attendanceSaveRefusesAnotherWritersMarks() throws {
    let fixture = try Fixture()
    let app = app(fixture, "meetings")
    let id = fixture.meetings["steering11"]!
    press(app, ["a", " "])
    let first = try #require(app.attendanceSheet.first).line
    try fixture.workspace.setAttendance(meetingId: id, [first.memberId: .excused])
    _ = app.render(width: 80, height: 24, theme: .monochrome)
    app.handle(.enter)
    #expect(app.state.status?.text.contains("다른 사람이 바꾸었습니다") == true)
    #expect(app.state.status?.isError == true)
    let saved = try fixture.workspace.attendanceList(meetingId: id)
    #expect(saved.first { $0.memberId == first.memberId }?.status == .excused)
    // Esc twice drops the marks; a fresh list starts from what is saved now and saves.
    press(app, [.key(.escape), .key(.escape), "a", " "])
    app.handle(.enter)
    #expect(try fixture.workspace.attendanceList(meetingId: id).first?.status == .present)
  }

  /// q with marks not saved asks first; Esc drops them; q then quits.
  @Test func unsavedAttendanceKeepsQFromQuitting() throws {
    let fixture = try Fixture()
    let app = app(fixture, "meetings")
    press(app, ["a", " ", "q"])
    #expect(!app.isFinished)
    #expect(app.state.status?.isError == true)
    press(app, [.key(.escape), .key(.escape), "q"])
    #expect(app.isFinished)
  }

  /// Esc over unsaved marks asks first: a second Esc discards them, Enter saves them.
  @Test func leavingAttendanceWithUnsavedMarksAsksFirst() throws {
    let fixture = try Fixture()
    let app = app(fixture, "meetings", .en)
    press(app, ["a", " ", .key(.escape)])
    guard case .attendance = app.state.top else {
      Issue.record("the unsaved marks were dropped without asking")
      return
    }
    #expect(app.state.status?.text.hasPrefix("Attendance not saved (1 changed)") == true)
    press(app, [.key(.enter)])
    #expect(app.state.top == nil)
    press(app, ["a", " ", .key(.escape), .key(.escape)])
    #expect(app.state.top == nil)
    #expect(app.state.status?.text == "Attendance changes discarded (1).")
  }

  /// The streak and missed columns come from the sheet's one query; drawing reads nothing.
  @Test func attendanceShowsStreaksFromTheSheet() throws {
    let fixture = try Fixture()
    let app = app(fixture, "meetings")
    press(app, [.key(.down), .key(.down), "a"])
    let sheet = app.attendanceSheet
    let chair = try #require(sheet.first { $0.line.memberName == "(주)유신테크" })
    #expect(chair.streak == (try fixture.workspace.attendanceStreak(memberId: chair.line.memberId)))
    let statements = countStatements(fixture.workspace) {
      _ = app.render(width: 80, height: 24, theme: .monochrome)
    }
    #expect(statements == 1, "only the data version is asked")
  }

  /// `e` corrects a meeting (its minutes too), `d` deletes it after asking, `u` puts it back.
  @Test func aMeetingIsEditedDeletedAndUndone() throws {
    let fixture = try Fixture()
    let app = app(fixture, "meetings", .en)
    let row = try #require(app.data(MeetingsPane.self).row(at: app.pane(MeetingsPane.self).list))
    press(app, ["e"])
    guard case .form(let form) = app.state.top else {
      Issue.record("no edit form")
      return
    }
    #expect(form.title == "Edit meeting")
    #expect(form.value("title") == row.title)
    press(
      app,
      [
        .key(.tab), .key(.tab), .key(.tab), .key(.tab), .key(.ctrl("u")), "G밸리 비즈플라자 3층",
        .key(.tab), .key(.tab), "원안 의결", .key(.ctrl("s")),
      ])
    #expect(app.state.top == nil)
    let edited = try #require(try fixture.workspace.meeting(id: row.id))
    #expect(edited.place == "G밸리 비즈플라자 3층")
    #expect(edited.minutes.hasSuffix("원안 의결"))
    let invited = try fixture.workspace.attendanceList(meetingId: row.id).filter {
      $0.status != nil
    }
    press(app, ["D"])
    #expect(screen(app).contains("Delete the meeting"))
    press(app, ["y"])
    #expect(try fixture.workspace.meeting(id: row.id) == nil)
    press(app, ["u"])
    #expect(try fixture.workspace.meeting(id: row.id) == edited)
    #expect(
      try fixture.workspace.attendanceList(meetingId: row.id).filter { $0.status != nil } == invited
    )
  }

  @Test func keysThatNeedAMeetingSayWhyWhenThereIsNone() throws {
    let workspace = try Workspace(inMemoryFor: Office(name: "빈 사무국"), actor: "김매니저")
    let app = DashboardApp(
      workspace: workspace, pane: PaneName("meetings")!, language: .en, today: Fixture.today)
    _ = app.render(width: 80, height: 24, theme: .monochrome)
    app.handle(.char("a"))
    #expect(app.state.top == nil)
    #expect(app.state.status == StatusMessage(text: "No meetings yet; n adds one.", isError: true))
  }
}

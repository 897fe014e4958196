import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

@Suite struct CommandLineTests {
  static let cases: [ScreenCase] = [
    ScreenCase(name: "command-line") { _ in ["2", ":", "approve 1 3000만"] }
  ]

  @Test func goldenScreens() throws {
    expectGoldens("command-line", Self.cases, try Fixture())
  }

  @Test func commandLineVerbs() throws {
    let fixture = try Fixture()
    let app = app(fixture)
    press(app, [":", "members ㅇㅅㅌㅋ", .key(.enter)])
    #expect(app.state.pane == "members")
    #expect(app.data(MembersPane.self).count == 1)
    let id = fixture.requests["cert"]!
    press(app, [":", .text("approve \(id) 2000만"), .key(.enter)])
    #expect(try fixture.workspace.request(id: id)?.approvedKRW == 20_000_000)
    let other = fixture.requests["expo2"]!
    press(app, [":", .text("reject \(other) 중복 신청"), .key(.enter)])
    #expect(try fixture.workspace.request(id: other)?.status == .rejected)
    press(app, [":", .text("reject \(fixture.requests["prototype"]!)"), .key(.enter)])
    #expect(try fixture.workspace.request(id: fixture.requests["prototype"]!)?.status == .pending)
    #expect(app.state.status?.isError == true)
    press(app, [":", "pane requests", .key(.enter)])
    #expect(app.state.pane == "requests")
    press(app, [":", "lang en", .key(.enter)])
    #expect(app.state.language == .en)
    press(app, [":", "frobnicate", .key(.enter)])
    #expect(app.state.status?.text.contains("Unknown command") == true)
    press(app, [":", "q", .key(.enter)])
    #expect(app.isFinished)
  }

  /// `:members` says how many match once they are read; pane names and numbers come from the
  /// registry.
  /// `:visits N` with N past the range says so instead of showing an empty list.
  @Test func visitsWeeksOutOfRangeAreSaid() throws {
    let fixture = try Fixture()
    let app = app(fixture)
    press(app, [":", "visits 9223372036854775807", .key(.enter)])
    #expect(app.state.pane == "visits")
    #expect(app.state.status?.isError == true)
    #expect(app.state.status?.text.contains("1–5200") == true)
    #expect(app.pane(VisitsPane.self).dueWeeks == nil)
    press(app, [":", "visits 99999999999999999999", .key(.enter)])
    #expect(app.state.status?.isError == true)
    press(app, [":", "visits 8", .key(.enter)])
    #expect(app.pane(VisitsPane.self).dueWeeks == 8)
  }

  @Test func searchCountAndPaneNames() throws {
    let fixture = try Fixture()
    let app = app(fixture, "overview", .en)
    press(app, [":", "members ㅇㅅㅌㅋ", .key(.enter)])
    // Said once the count is read, for the frame that shows it.
    #expect(screen(app).contains("1 member(s) match 'ㅇㅅㅌㅋ'"))
    for (name, pane) in [("3", "meetings"), ("방문", "visits"), ("Requests", "requests")] {
      press(app, [":", .text("pane \(name)"), .key(.enter)])
      #expect(app.state.pane == pane)
    }
    press(app, [":", "pane nowhere", .key(.enter)])
    #expect(
      app.state.status?.text
        == "Unknown pane 'nowhere' (\(Registry.names.joined(separator: ", ")))")
    press(app, [":", "done x", .key(.enter)])
    #expect(app.state.status?.text == "Usage: :done FOLLOW-UP-ID")
  }

  @Test func backspaceOnAnEmptyLineClosesIt() throws {
    let fixture = try Fixture()
    let app = app(fixture)
    press(app, [":", "a", .key(.backspace)])
    #expect(app.state.top == .command(TextField()))
    press(app, [.key(.backspace)])
    #expect(app.state.top == nil)
  }
}

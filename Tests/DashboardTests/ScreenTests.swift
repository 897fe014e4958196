import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

/// A screen reached from a fresh app by pressing keys.
struct ScreenCase: CustomTestStringConvertible, Sendable {
  var name: String
  var language: Language = .ko
  var keys: @Sendable (Fixture) -> [Input]
  var testDescription: String { name }
}

let screenCases: [ScreenCase] = [
  ScreenCase(name: "overview") { _ in [] },
  ScreenCase(name: "overview-en", language: .en) { _ in [] },
  ScreenCase(name: "members") { _ in ["2"] },
  ScreenCase(name: "members-en", language: .en) { _ in ["2"] },
  ScreenCase(name: "members-search") { _ in ["2", "/", "ㅇㅅㅌㅋ"] },
  ScreenCase(name: "member-detail") { _ in ["2", "/", "ㅇㅅㅌㅋ", .key(.enter)] },
  ScreenCase(name: "member-form-errors") { _ in
    [
      "2", "n", .key(.tab), .key(.tab), "1234567890", .key(.tab), .key(.tab), .key(.tab),
      .key(.tab), .key(.tab), "12-34", .key(.ctrl("s")),
    ]
  },
  ScreenCase(name: "meetings") { _ in ["3"] },
  ScreenCase(name: "meeting-detail") { _ in ["3", .key(.down), .key(.down), .key(.enter)] },
  ScreenCase(name: "attendance") { _ in ["3", .key(.down), .key(.down), "a", " ", " "] },
  ScreenCase(name: "visits") { _ in ["4"] },
  ScreenCase(name: "visit-form") { _ in ["4", "n", "ㅎㅂ"] },
  ScreenCase(name: "requests") { _ in ["5"] },
  ScreenCase(name: "request-detail") { _ in ["5", .key(.enter)] },
  ScreenCase(name: "approve-over-budget") { _ in ["5", "a", .key(.enter)] },
  ScreenCase(name: "help") { _ in ["2", "?"] },
  ScreenCase(name: "command-line") { _ in ["2", ":", "approve 1 3000만"] },
]

let sizes: [(Int, Int)] = [(80, 24), (120, 40), (40, 12)]

@Test(arguments: screenCases)
func goldenScreens(_ screen: ScreenCase) throws {
  let fixture = try Fixture()
  for (w, h) in sizes {
    let app = DashboardApp(
      workspace: fixture.workspace, language: screen.language, today: Fixture.today)
    // Draw once at the size first, as the terminal loop would, so paging knows the screen.
    _ = app.render(width: w, height: h, theme: .monochrome)
    press(app, screen.keys(fixture))
    let frame = app.render(width: w, height: h, theme: .monochrome)
    expectGolden("\(screen.name)-\(w)x\(h)", frame.grid.lines)
  }
}

@Test func tooSmallShowsANotice() throws {
  let fixture = try Fixture()
  let app = DashboardApp(workspace: fixture.workspace, language: .ko, today: Fixture.today)
  let frame = app.render(width: 20, height: 5, theme: .monochrome)
  expectGolden("too-small-20x5", frame.grid.lines)
  #expect(frame.cursor == nil)
}

@Test func everyPaneDrawsAtOddSizesWithoutCrashing() throws {
  let fixture = try Fixture()
  let app = DashboardApp(workspace: fixture.workspace, language: .ko, today: Fixture.today)
  for pane in ["1", "2", "3", "4", "5"] {
    app.handle(.char(Character(pane)))
    for (w, h) in [(1, 1), (0, 0), (39, 9), (40, 10), (41, 11), (55, 17), (200, 60)] {
      let frame = app.render(width: w, height: h, theme: .standard)
      #expect(frame.grid.width == max(0, w))
    }
  }
}

@Test func cursorSitsAtTheSearchCaret() throws {
  let fixture = try Fixture()
  let app = DashboardApp(
    workspace: fixture.workspace, pane: .members, language: .ko, today: Fixture.today)
  press(app, ["/", "유신"])
  let frame = app.render(width: 80, height: 24, theme: .monochrome)
  // "/" then two Hangul syllables of two columns each.
  #expect(frame.cursor?.x == 5)
  #expect(frame.cursor?.y == 22)
}

@Test func theDateShownIsTheOneGivenNotTheClock() throws {
  let fixture = try Fixture()
  let other = Day(year: 2027, month: 3, day: 2)!
  let app = DashboardApp(workspace: fixture.workspace, pane: .requests, language: .ko, today: other)
  let text = app.render(width: 80, height: 24, theme: .monochrome).grid.lines.joined(
    separator: "\n")
  #expect(text.contains("2027-03-02"))
  // Days waiting count from the given day: 2026-10-20 → 2027-03-02 is 133 days.
  #expect(text.contains("133일"))
}

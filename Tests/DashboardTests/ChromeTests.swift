import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

/// The frame around the panes: the tab bar, the message line, the hint bar, tiny terminals.
@Suite struct ChromeTests {
  /// The tab bar with each pane active (the mask marks the highlighted tab); the only golden a
  /// new tab changes.
  @Test func tabBar() throws {
    let fixture = try Fixture()
    for (w, h) in goldenSizes {
      var lines: [String] = []
      for (language, panes) in [(Language.ko, Registry.names), (.en, ["overview"])] {
        for pane in panes {
          let app = DashboardApp(
            workspace: fixture.workspace, pane: PaneName(pane)!, language: language,
            today: Fixture.today)
          let grid = app.render(width: w, height: h, theme: .monochrome).grid
          let label = pane + (language == .en ? "-en" : "")
          lines.append("\(label): \(grid.text(row: 0))")
          lines.append(
            String(repeating: " ", count: label.count + 2)
              + grid.mask(row: 0) { $0 == Theme.monochrome.selected })
        }
      }
      expectGolden("chrome/tab-bar-\(w)x\(h)", lines)
    }
  }

  @Test func tooSmallShowsANotice() throws {
    let fixture = try Fixture()
    let app = DashboardApp(workspace: fixture.workspace, language: .ko, today: Fixture.today)
    let frame = app.render(width: 20, height: 5, theme: .monochrome)
    expectGolden("chrome/too-small-20x5", frame.grid.lines)
    #expect(frame.cursor == nil)
  }

  @Test func everyPaneDrawsAtOddSizesWithoutCrashing() throws {
    let fixture = try Fixture()
    let app = DashboardApp(workspace: fixture.workspace, language: .ko, today: Fixture.today)
    for (i, _) in Registry.names.enumerated() {
      app.handle(.char(Character("\(i + 1)")))
      for (w, h) in [(1, 1), (0, 0), (39, 9), (40, 10), (41, 11), (55, 17), (200, 60)] {
        let frame = app.render(width: w, height: h, theme: .standard)
        #expect(frame.grid.width == max(0, w))
      }
    }
  }

  /// A message stays until the next key; Esc on a pane keeps it (Esc may be closing a search).
  @Test func messagesLastUntilTheNextKey() throws {
    let fixture = try Fixture()
    let app = app(fixture, "overview", .en)
    press(app, ["L"])
    #expect(app.state.status?.text == "언어: 한국어")
    press(app, [.key(.escape)])
    #expect(app.state.status != nil)
    press(app, ["2"])
    #expect(app.state.status == nil)
  }
}

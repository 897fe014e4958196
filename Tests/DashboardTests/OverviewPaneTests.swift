import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

@Suite struct OverviewPaneTests {
  static let cases: [ScreenCase] = [
    ScreenCase(name: "overview") { _ in [] },
    ScreenCase(name: "overview-en", language: .en) { _ in [] },
  ]

  @Test func goldenScreens() throws {
    expectGoldens("overview", Self.cases, try Fixture())
  }

  /// The sample office's overview, whole screens: every list that does not fit says how many
  /// more there are, lines cut end in an ellipsis, every request status is counted and the
  /// hint bar keeps `? help`.
  @Test func theSampleOfficesOverviewSaysWhatDoesNotFit() throws {
    guard let workspace = try sampleOffice() else { return }
    for language in Language.allCases {
      for (w, h) in [(80, 24), (120, 40)] {
        let app = DashboardApp(workspace: workspace, language: language, today: Fixture.today)
        let lines = app.render(width: w, height: h, theme: .monochrome).grid.lines
        expectGolden("overview/sample-\(language.rawValue)-\(w)x\(h)", lines)
        let text = lines.joined(separator: "\n")
        #expect(text.contains(language.pick("… ", "… 외 ")), "\(language) \(w)x\(h)")
        #expect(lines[h - 1].contains(language.pick("? help", "? 도움말")))
      }
    }
  }

  /// `:report` opens the overview: the report's figures on screen.
  @Test func reportVerbOpensTheOverview() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members")
    press(app, [":", "report", .key(.enter)])
    #expect(app.state.pane == "overview")
  }

  /// The overview's figures follow writes made elsewhere once the data version moves.
  @Test func aWriteElsewhereShowsOnTheNextFrame() throws {
    let fixture = try Fixture()
    let app = app(fixture, "overview", .en)
    #expect(screen(app, 120, 40).contains("Members 15"))
    _ = try fixture.workspace.addMember(
      Member(clusterId: try fixture.workspace.clusters()[0].id, name: "(주)새로온"))
    #expect(screen(app, 120, 40).contains("Members 16"))
  }
}

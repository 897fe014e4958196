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

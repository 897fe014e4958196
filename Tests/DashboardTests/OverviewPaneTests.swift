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

@Suite struct OverviewReportTests {
  /// `W` writes the year's report workbook beside the workspace and says where.
  @Test func theReportWorkbookIsWrittenBesideTheWorkspace() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("overview-report-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let workspace = try Workspace.create(
      at: folder + "/office.clusterdesk",
      office: Office(name: "서울지역본부", region: "서울", officerVisitWeeks: 4, memberVisitWeeks: 12))
    let app = DashboardApp(
      workspace: workspace, pane: PaneName("overview")!, language: .ko, today: Fixture.today)
    _ = app.render(width: 80, height: 24, theme: .monochrome)
    press(app, ["W"])
    let written = folder + "/실적보고-2026.xlsx"
    #expect(FileManager.default.fileExists(atPath: written))
    #expect(app.state.status?.text == "2026 실적보고를 썼습니다: \(written)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: written))
    #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a zip, as every .xlsx is")
  }
}

import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

/// Every pane and a few dialogs of the shipped sample office draw and respond, in both
/// languages and at the sizes users have.
/// The shipped sample office in memory; nil where the checkout has no sample.
func sampleOffice() throws -> Workspace? {
  let json = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../sample-data/seoul-digital-office.json").standardized
  guard let data = try? Data(contentsOf: json) else { return nil }
  let workspace = try Workspace(inMemoryFor: Office(name: ""), actor: "김매니저")
  try workspace.importDocument(WorkspaceDocument.decode(data))
  return workspace
}

@Test func sampleOfficeDrawsEveryPane() throws {
  guard let workspace = try sampleOffice() else { return }
  let today = Day(year: 2026, month: 11, day: 26)!
  for language in Language.allCases {
    let app = DashboardApp(workspace: workspace, language: language, today: today)
    for keys in [
      ["1"], ["2"], ["2", "G"], ["2", "/", "ㅇ"], ["3"], ["3", "a"], ["4"], ["5"], ["5", "\r"],
      ["6"], ["6", "a"], ["6", "\r"],
    ] {
      for (w, h) in [(80, 24), (200, 60), (40, 12)] {
        let fresh = DashboardApp(workspace: workspace, language: language, today: today)
        _ = fresh.render(width: w, height: h, theme: .standard)
        for k in keys { fresh.handle(k == "\r" ? .enter : .char(Character(k))) }
        let frame = fresh.render(width: w, height: h, theme: .standard)
        #expect(frame.grid.height == h)
      }
    }
    app.handle(.char("q"))
    #expect(app.isFinished)
  }
  // The 141 members are all reachable through the window.
  let app = DashboardApp(
    workspace: workspace, pane: PaneName("members")!, language: .ko, today: today)
  _ = app.render(width: 80, height: 24, theme: .monochrome)
  app.handle(.end)
  #expect(app.pane(MembersPane.self).list.cursor == app.data(MembersPane.self).count - 1)
  let last = app.render(width: 80, height: 24, theme: .monochrome).grid.lines
  #expect(last[1...20].contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
}

/// The overview's request counts are whole at 80x24: with the support chain's statuses the
/// seventh (completed) fell off the section.
@Test func theOverviewCountsEveryRequestStatusAt80Columns() throws {
  guard let workspace = try sampleOffice() else { return }
  let today = Day(year: 2026, month: 11, day: 26)!
  for language in Language.allCases {
    let app = DashboardApp(workspace: workspace, language: language, today: today)
    let text = app.render(width: 80, height: 24, theme: .monochrome).grid.lines.joined()
    for status in RequestStatus.allCases {
      #expect(text.contains(status.label(language) + " "), "\(status) in \(language)")
    }
  }
}

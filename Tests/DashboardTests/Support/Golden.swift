import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

/// Compares text with `Golden/<name>.txt`; `UPDATE_GOLDEN=1` writes the files in the source
/// folder instead. The audit log records the real clock's instants, shown in local time, so a
/// golden keeps their place and width (`2026-11-26 09:00`) but not their value.
func expectGolden(
  _ name: String, _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
  let text =
    lines.joined(separator: "\n").replacingOccurrences(
      of: "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d", with: "2026-11-26 09:00",
      options: .regularExpression) + "\n"
  if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Golden/\(name).txt")
    try? FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? text.write(to: file, atomically: true, encoding: .utf8)
    return
  }
  guard let folder = Bundle.module.url(forResource: "Golden", withExtension: nil),
    let expected = try? String(
      contentsOf: folder.appendingPathComponent("\(name).txt"), encoding: .utf8)
  else {
    Issue.record(
      "Missing golden \(name).txt (run with UPDATE_GOLDEN=1). Rendered:\n\(text)",
      sourceLocation: sourceLocation)
    return
  }
  if expected != text {
    Issue.record(
      "Screen \(name) differs from its golden.\nExpected:\n\(expected)\nRendered:\n\(text)",
      sourceLocation: sourceLocation)
  }
}

/// A screen reached from a fresh app by pressing keys.
struct ScreenCase: CustomTestStringConvertible, Sendable {
  var name: String
  var language: Language = .ko
  var keys: @Sendable (Fixture) -> [Input]
  var testDescription: String { name }
}

let goldenSizes: [(Int, Int)] = [(80, 24), (120, 40), (40, 12)]

/// The frame of a case at a size, drawn once at that size first, as the terminal loop would,
/// so that paging knows the screen.
func frame(_ screen: ScreenCase, _ fixture: Fixture, _ w: Int, _ h: Int) -> Grid {
  let app = DashboardApp(
    workspace: fixture.workspace, language: screen.language, today: Fixture.today)
  _ = app.render(width: w, height: h, theme: .monochrome)
  press(app, screen.keys(fixture))
  return app.render(width: w, height: h, theme: .monochrome).grid
}

/// Goldens of a room's cases: each case's content area (between the tab bar and the two bottom
/// lines) in a file of its own, and the bottom lines of every case in one file per size. The
/// tab bar has its own golden (see ChromeTests), so a new tab rewrites only that one.
func expectGoldens(_ room: String, _ cases: [ScreenCase], _ fixture: Fixture) {
  for (w, h) in goldenSizes {
    var status: [String] = []
    for screen in cases {
      let lines = frame(screen, fixture, w, h).lines
      expectGolden("\(room)/\(screen.name)-\(w)x\(h)", Array(lines[1..<(h - 2)]))
      status += ["== \(screen.name)"] + lines[(h - 2)...]
    }
    expectGolden("\(room)/status-lines-\(w)x\(h)", status)
  }
}

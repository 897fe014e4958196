import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

/// Compares rendered lines with `Golden/<name>.txt`; `UPDATE_GOLDEN=1` writes the files in the
/// source folder instead.
func expectGolden(
  _ name: String, _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
  let text = lines.joined(separator: "\n") + "\n"
  if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Golden")
    try? text.write(
      to: folder.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
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

/// Feeds keys to the app; text is typed one character at a time.
enum Input {
  case key(Key)
  case text(String)
}

func press(_ app: DashboardApp, _ inputs: [Input]) {
  for input in inputs {
    switch input {
    case .key(let k): app.handle(k)
    case .text(let s): for c in s { app.handle(.char(c)) }
    }
  }
}

extension Input: ExpressibleByStringLiteral {
  init(stringLiteral value: String) { self = .text(value) }
}

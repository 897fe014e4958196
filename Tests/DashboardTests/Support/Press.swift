import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

/// What a test feeds the app: a key, text typed one character at a time, or an action by name
/// (which must be bound in the scopes active at that moment).
enum Input {
  case key(Key)
  case text(String)
  case action(Action)
}

extension Input: ExpressibleByStringLiteral {
  init(stringLiteral value: String) { self = .text(value) }
}

func press(
  _ app: DashboardApp, _ inputs: [Input], sourceLocation: SourceLocation = #_sourceLocation
) {
  for input in inputs {
    switch input {
    case .key(let k): app.handle(k)
    case .text(let s): for c in s { app.handle(.char(c)) }
    case .action(let a):
      #expect(app.send(a), "no key sends \(a) here", sourceLocation: sourceLocation)
    }
  }
}

func app(_ fixture: Fixture, _ pane: String = "overview", _ language: Language = .ko)
  -> DashboardApp
{
  let app = DashboardApp(
    workspace: fixture.workspace, pane: PaneName(pane)!, language: language, today: Fixture.today)
  _ = app.render(width: 80, height: 24, theme: .monochrome)
  return app
}

func screen(_ app: DashboardApp, _ w: Int = 80, _ h: Int = 24) -> String {
  app.render(width: w, height: h, theme: .monochrome).grid.lines.joined(separator: "\n")
}

extension DashboardApp {
  /// A pane's state, as it is now.
  func pane<P: Pane>(_ type: P.Type) -> P { slot(type).state }

  /// A pane's data for the current state (read now if it is the pane showing).
  func data<P: Pane>(_ type: P.Type) -> P.Data {
    refresh()
    return slot(type).data!
  }

  /// The attendance sheet of the open attendance view, read for the current state.
  var attendanceSheet: [AttendanceSheetLine] {
    refresh()
    return loader.attendance
  }

  /// What the form on top reads (its member suggestions), for the current state.
  var formData: FormData {
    refresh()
    return loader.form
  }

  /// What the open detail view reads, for the current state.
  var detailData: DetailData? {
    refresh()
    return loader.detail
  }

  private func slot<P: Pane>(_ type: P.Type) -> Slot<P> {
    panes.compactMap { $0 as? Slot<P> }.first!
  }
}

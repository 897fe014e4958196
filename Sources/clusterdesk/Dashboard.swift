import ClusterKit
import Dashboard
import Foundation
import TerminalBackend

extension NcursesTerminal: TerminalDevice {}

/// Opens the dashboard on a workspace in this terminal, and gives the terminal back as it was on
/// every way out. A signal that ended the session is passed on as the exit status 128+N, after
/// `beforeExit`.
func runDashboard(workspace: Workspace, pane: String, beforeExit: () -> Void = {}) throws {
  guard let startPane = Pane(rawValue: pane.lowercased()) else {
    throw FieldError(
      field: "pane", problem: .unknownValue(allowed: Pane.allCases.map(\.rawValue)), value: pane)
  }
  let terminal = NcursesTerminal()
  do {
    try terminal.start()
  } catch let error as TerminalError {
    throw CommandError(error.description, error.description)
  }
  let app = DashboardApp(workspace: workspace, pane: startPane, language: language, today: today)
  defer { terminal.stop() }
  try app.run(on: terminal)
  if let signal = terminal.pendingSignal {
    terminal.stop()
    beforeExit()
    exit(128 + signal)
  }
}

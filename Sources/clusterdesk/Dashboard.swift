import ArgumentParser
import ClusterKit
import Dashboard
import Foundation
import TerminalBackend

/// `--pane NAME`: the values are the registered panes, so a wrong one is refused naming them.
extension PaneName: ExpressibleByArgument {
  public init?(argument: String) { self.init(argument) }
  public static var allValueStrings: [String] { all.map(\.rawValue) }
}

/// The help of `--pane`; ArgumentParser adds the values, from the registered panes, and in
/// Korean each is named as its tab is.
func paneHelp() -> ArgumentHelp {
  ArgumentHelp(
    language.pick(
      "The pane to start on.",
      "처음 보여 줄 화면: "
        + PaneName.all.map { "\($0.rawValue)(\($0.title(.ko)))" }.joined(separator: ", ") + "."))
}

/// Opens the dashboard on a workspace in this terminal, and gives the terminal back as it was on
/// every way out. A signal that ended the session is passed on as the exit status 128+N, after
/// `beforeExit`. After the first frame, change recording is made ready and, with `backingUp`,
/// the day's automatic backup starts.
func runDashboard(
  workspace: Workspace, pane: PaneName, backingUp: Bool = true, beforeExit: () -> Void = {}
) throws {
  let terminal = NcursesTerminal()
  do {
    try terminal.start()
  } catch let error as TerminalError {
    throw CommandError(error.description, error.description)
  }
  let app = DashboardApp(workspace: workspace, pane: pane, language: language, today: today)
  app.afterFirstFrame = {
    workspace.prepareRecording()
    if backingUp { AutomaticBackup.startIfDue(for: workspace) }
  }
  defer { terminal.stop() }
  try app.run(on: terminal)
  if let signal = terminal.pendingSignal {
    terminal.stop()
    beforeExit()
    exit(128 + signal)
  }
}

/// The dashboard's own start (`clusterdesk`, with `--workspace PATH` and `--pane NAME` at most
/// once each) recognised before the command tree is built: building it is most of the time to
/// the first frame. Anything else, a wrong pane name included, goes to the parser, which says
/// what it says for every command.
struct PlainOpen {
  var workspace: String?
  var pane = PaneName.first

  init?(_ arguments: ArraySlice<String>) {
    var rest = arguments
    var seen: Set<String> = []
    while let word = rest.popFirst() {
      let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      let name = parts[0]
      guard name == "--workspace" || name == "--pane", seen.insert(name).inserted,
        let value = parts.count == 2 ? parts[1] : rest.popFirst(), !value.isEmpty,
        !value.hasPrefix("-")
      else { return nil }
      if name == "--pane" {
        guard let pane = PaneName(value) else { return nil }
        self.pane = pane
      } else {
        workspace = value
      }
    }
  }

  func run() -> Never {
    do {
      try reporting {
        let workspace = try WorkspaceLocation.openForDashboard(
          path: WorkspaceLocation.path(workspace))
        try runDashboard(workspace: workspace, pane: pane)
      }
      exit(0)
    } catch let code as ExitCode {
      exit(code.rawValue)
    } catch {
      exit(1)
    }
  }
}

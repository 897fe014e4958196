import ClusterKit
import TerminalKit

/// What the dashboard needs from a terminal; the ncurses backend implements it and tests can
/// stand in for it.
public protocol TerminalDevice: AnyObject {
  var size: (width: Int, height: Int) { get }
  var theme: Theme { get }
  func draw(_ grid: Grid, cursor: (x: Int, y: Int)?)
  /// nil when the timeout passed with no key.
  func readKey(timeoutMilliseconds: Int32?) -> Key?
  /// Ctrl-Z: give the terminal back to the shell until resumed.
  func suspend()
  /// Set when SIGTERM/SIGHUP/SIGINT arrived; the loop must then return promptly.
  var shouldQuit: Bool { get }
}

/// The five panes, in tab order.
public enum Pane: String, CaseIterable, Sendable {
  case overview, members, meetings, visits, requests

  func title(_ l: Language) -> String {
    switch self {
    case .overview: l.pick("Overview", "현황")
    case .members: l.pick("Members", "회원")
    case .meetings: l.pick("Meetings", "회의")
    case .visits: l.pick("Visits", "방문")
    case .requests: l.pick("Requests", "지원신청")
    }
  }

  var index: Int { Pane.allCases.firstIndex(of: self)! }

  func shifted(by delta: Int) -> Pane {
    let all = Pane.allCases
    return all[(index + delta + all.count) % all.count]
  }
}

import ClusterKit
import TerminalKit

/// The frame around the panes: the tab bar, the content area (a pane, or a full-screen view
/// over it, and a dialog on top), the message line and the hint bar. Drawing changes nothing.
enum Screen {
  /// The smallest terminal the dashboard draws into; below it a notice is shown instead.
  static let minimumWidth = 40
  static let minimumHeight = 10

  static func content(_ ctx: Context) -> Rect {
    Rect(x: 0, y: 1, width: ctx.width, height: ctx.height - 3)
  }

  static func tooSmall(width: Int, height: Int, _ l: Language, _ theme: Theme) -> Grid {
    var grid = Grid(width: width, height: height, style: theme.normal)
    let lines = [
      l.pick("Terminal too small", "화면이 너무 작습니다"),
      "\(width)x\(height) < \(minimumWidth)x\(minimumHeight)",
    ]
    for (i, line) in lines.enumerated() {
      let y = max(0, height / 2 - 1) + i
      let x = max(0, (width - DisplayWidth.of(line)) / 2)
      grid.put(line, x: x, y: y, style: theme.warning)
    }
    return grid
  }

  static func draw(_ app: DashboardApp, theme: Theme) -> (grid: Grid, cursor: (x: Int, y: Int)?) {
    let state = app.state
    let ctx = app.context
    let l = ctx.l
    var grid = Grid(width: ctx.width, height: ctx.height, style: theme.normal)
    tabBar(state.pane, state.today, l, into: &grid, theme: theme)
    let content = content(ctx)
    var cursor: (x: Int, y: Int)?

    // The pane, or a full-screen view above it.
    let fullScreen = state.modals.last { modal in
      switch modal {
      case .detail, .attendance: true
      default: false
      }
    }
    switch fullScreen {
    case .detail(let d):
      if let data = app.loader.detail {
        DetailModal.render(d, data, into: &grid, in: content, theme: theme)
      }
    case .attendance(let a):
      AttendanceModal.render(a, app.loader.attendance, l, into: &grid, in: content, theme: theme)
    default:
      app.pane.render(ctx, into: &grid, in: content, theme: theme)
    }

    // Dialogs on top.
    switch state.top {
    case .form(let f):
      cursor = FormDialog.render(f, app.loader.form, l, into: &grid, in: content, theme: theme)
    case .help(let h):
      app.help(h).render(into: &grid, in: content, theme: theme)
    case .confirm(let c):
      ConfirmModal.render(c, l, into: &grid, in: content, theme: theme)
    default: break
    }

    // The message line and the hint bar.
    let messageRow = Rect(x: 0, y: ctx.height - 2, width: ctx.width, height: 1)
    grid.fill(messageRow, style: theme.normal)
    let paneLine = app.pane.messageLine(ctx)
    if case .command(let field) = state.top {
      cursor = put(":", field, right: nil, into: &grid, row: messageRow, theme: theme)
    } else if state.top == nil, case .field(let prompt, let field, let right) = paneLine {
      cursor = put(prompt, field, right: right, into: &grid, row: messageRow, theme: theme)
    } else if let status = state.status {
      put(
        status.text, into: &grid, row: messageRow,
        style: status.isError ? theme.error : theme.success)
    } else if case .summary(let text) = paneLine {
      put(text, into: &grid, row: messageRow, style: theme.dim)
    }
    let hints = Keymap.hints(
      for: app.activeScopes, l, unavailable: { app.unavailable($0, below: state.top) })
    StatusBar(hints: hints).render(
      into: &grid, in: Rect(x: 0, y: ctx.height - 1, width: ctx.width, height: 1), theme: theme)
    return (grid, cursor)
  }

  /// A text field on the message line after its prompt, with text at the right end.
  private static func put(
    _ prompt: String, _ field: TextField, right: String?, into grid: inout Grid, row: Rect,
    theme: Theme
  ) -> (x: Int, y: Int)? {
    grid.put(prompt, x: row.x, y: row.y, style: theme.accent)
    let rightText = right.map { " " + $0 } ?? ""
    let start = DisplayWidth.of(prompt)
    let caret = field.render(
      into: &grid,
      in: Rect(
        x: start, y: row.y, width: row.width - start - DisplayWidth.of(rightText), height: 1),
      theme: theme)
    grid.put(rightText, x: row.maxX - DisplayWidth.of(rightText), y: row.y, style: theme.dim)
    return caret
  }

  private static func put(_ text: String, into grid: inout Grid, row: Rect, style: Style) {
    grid.put(
      DisplayWidth.truncate(text.replacingOccurrences(of: "\n", with: " "), to: row.width),
      x: row.x, y: row.y, style: style)
  }

  /// The tabs, in registry order, and the date at the right end when there is room for both.
  static func tabBar(
    _ pane: String, _ today: Day, _ l: Language, into grid: inout Grid, theme: Theme
  ) {
    let names = Registry.names
    let date = " \(today) "
    let dated = grid.width >= 60
    // The tabs fit in front of the date rather than run into it.
    let width = dated ? grid.width - DisplayWidth.of(date) : grid.width
    Tabs(
      titles: names.map { Registry.title(of: $0, l) }, active: names.firstIndex(of: pane) ?? 0
    ).render(into: &grid, in: Rect(x: 0, y: 0, width: width, height: 1), theme: theme)
    if dated { grid.put(date, x: grid.width - DisplayWidth.of(date), y: 0, style: theme.dim) }
  }
}

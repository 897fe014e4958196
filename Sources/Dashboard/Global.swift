import ClusterKit
import TerminalKit

/// The keys that work on every pane, and what they do.
enum Global {
  static let systemBindings: [Binding] = [
    Binding([.ctrl("c")], .forceQuit, .system, "quit, whatever is open", "종료 (무엇이 열려 있든)"),
    Binding([.ctrl("z")], .suspend, .system, "suspend (fg resumes)", "일시 중지 (fg로 돌아옴)"),
  ]

  static let bindings: [Binding] =
    [
      Binding([.char("?")], .help, .global, "help", "도움말", hint: true),
      Binding([.tab], .nextPane, .global, "next pane", "다음 화면"),
      Binding([.backTab], .previousPane, .global, "previous pane", "이전 화면"),
    ]
    // 1, 2, 3 ... in tab order, named like the tabs.
    + Registry.panes.prefix(9).enumerated().map { i, pane in
      Binding(
        [.char(Character("\(i + 1)"))], .show(pane.name), .global,
        pane.title(.en).lowercased(), pane.title(.ko))
    } + [
      Binding([.up, .char("k")], .up, .global, "move up", "위로"),
      Binding([.down, .char("j")], .down, .global, "move down", "아래로"),
      Binding([.home, .char("g")], .top, .global, "first", "처음"),
      Binding([.end, .char("G")], .bottom, .global, "last", "끝"),
      Binding([.pageUp], .pageUp, .global, "page up", "이전 쪽"),
      Binding([.pageDown], .pageDown, .global, "page down", "다음 쪽"),
      Binding([.char(":")], .command, .global, "command line", "명령줄"),
      Binding([.char("u")], .undo, .global, "undo last change", "되돌리기"),
      Binding([.ctrl("r")], .redo, .global, "redo", "다시 하기"),
      Binding([.char("L")], .language, .global, "한국어 / English", "English / 한국어"),
      Binding([.char("q")], .quit, .global, "quit", "종료", hint: true),
    ]

  /// The keys of everywhere and always: nil for the others.
  static func update(_ action: Action, _ app: inout AppState) -> [Effect]? {
    switch action {
    case .quit, .forceQuit: app.finished = true
    case .suspend: app.suspendRequested = true
    case .help: app.modals.append(.help(HelpState()))
    case .command: app.modals.append(.command(TextField()))
    case .language:
      app.language = app.language == .ko ? .en : .ko
      app.say(app.language.pick("Language: English", "언어: 한국어"))
    case .nextPane: app.pane = Registry.name(after: app.pane, by: 1)
    case .previousPane: app.pane = Registry.name(after: app.pane, by: -1)
    case .undo:
      guard let change = app.undo.popLast() else {
        app.say(WorkspaceError.nothingToUndo.message(app.language), error: true)
        return []
      }
      return [Effect(.undo(change))]
    case .redo:
      guard let change = app.redo.popLast() else {
        app.say(nothingToRedo(app.language), error: true)
        return []
      }
      return [Effect(.redo(change))]
    default:
      guard action.name == Action.show("").name, let pane = action.pane else { return nil }
      app.pane = pane
    }
    return []
  }

  static func unavailable(_ action: Action, _ app: AppState) -> String? {
    if action == .undo && app.undo.isEmpty {
      return WorkspaceError.nothingToUndo.message(app.language)
    }
    if action == .redo && app.redo.isEmpty { return nothingToRedo(app.language) }
    return nil
  }

  static func nothingToRedo(_ l: Language) -> String {
    l.pick("Nothing to redo.", "다시 할 작업이 없습니다.")
  }

  /// What `u` and Ctrl-R would do now, for the message line after a change: "u: undo …" (the
  /// change just made needs no naming again).
  static func undoHint(_ app: AppState, naming: Bool) -> String {
    let l = app.language
    var parts: [String] = []
    if let last = app.undo.last {
      parts.append(
        l.pick("u: undo", "u: 되돌리기") + (naming ? " ‘\(last.label.text(l))’" : ""))
    }
    if !app.redo.isEmpty { parts.append(l.pick("Ctrl-R: redo", "Ctrl-R: 다시 하기")) }
    return parts.joined(separator: " · ")
  }
}

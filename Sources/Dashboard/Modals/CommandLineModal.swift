import ClusterKit
import TerminalKit

/// The `:` command line: the same verbs as the `clusterdesk` subcommands for the common cases.
/// The verbs of a pane are the pane's (see `Pane.verbs`); the rest are here.
enum CommandLineModal {
  static let scope = Scope(id: "command", english: "Command line", korean: "명령줄")
  static let run = Action("run")
  static let deleteBack = Action("deleteBack")

  static let bindings: [Binding] = [
    Binding([.enter], run, scope, "run the command", "명령 실행", hint: true),
    Binding([.escape], .back, scope, "cancel", "취소", hint: true),
    Binding(
      [.backspace], deleteBack, scope, "delete back; on an empty line, close",
      "앞 글자 지우기 (비었으면 닫기)"),
    Binding.text(scope, "type the command", "명령 입력"),
  ]

  static func update(
    _ action: Action, _ field: TextField, _ ctx: Context, _ app: inout AppState,
    panes: [PaneSlot]
  ) -> [Effect]? {
    switch action {
    case .back:
      app.modals.removeLast()
    case run:
      app.modals.removeLast()
      return perform(field.value, ctx, &app, panes: panes)
    case deleteBack where field.value.isEmpty:
      app.modals.removeLast()
    default:
      guard let key = action == deleteBack ? .backspace : action.key else { return nil }
      var f = field
      f.handle(key)
      app.replaceTop(.command(f))
    }
    return []
  }

  static func perform(_ text: String, _ ctx: Context, _ app: inout AppState, panes: [PaneSlot])
    -> [Effect]
  {
    let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard let verb = words.first?.lowercased() else { return [] }
    let rest = Array(words.dropFirst())
    let argument = rest.joined(separator: " ")
    let l = app.language
    switch verb {
    case "q", "quit", "exit", "q!":
      app.finished = true
    case "help", "h", "?":
      app.modals.append(.help(HelpState()))
    case "lang", "language":
      switch argument.lowercased() {
      case "ko", "kr", "korean", "한국어": app.language = .ko
      case "en", "english", "영어": app.language = .en
      default: app.language = app.language == .ko ? .en : .ko
      }
      app.say(app.language.pick("Language: English", "언어: 한국어"))
    case "pane", "go":
      if let pane = Registry.pane(named: argument) {
        app.pane = pane
      } else {
        app.say(
          l.pick("Unknown pane '\(argument)'", "알 수 없는 화면 '\(argument)'") + " ("
            + Registry.names.joined(separator: ", ") + ")", error: true)
      }
    case "undo":
      return Global.update(.undo, &app) ?? []
    default:
      if let owner = Registry.panes.firstIndex(where: { $0.verbs.contains(verb) }) {
        return panes[owner].command(verb, rest, ctx, &app)
      }
      if Registry.names.contains(verb) {
        app.pane = verb
      } else {
        app.say(
          l.pick("Unknown command ':\(verb)'. Try: ", "알 수 없는 명령 ':\(verb)'. 사용 가능: ")
            + (Registry.names
            + Registry.panes.flatMap { $0.verbs }.filter {
              !Registry.names.contains($0)
            } + ["undo", "pane", "lang", "help", "q"]).joined(separator: ", "),
          error: true)
      }
    }
    return []
  }

  /// A number as typed after a verb: `12` or `#12`.
  static func number(_ word: String?) -> Int64? {
    word.flatMap { Int64($0.trimmingCharacters(in: ["#"])) }
  }

  static func usage(_ text: String, _ app: inout AppState) -> [Effect] {
    app.say(app.language.pick("Usage: ", "사용법: ") + text, error: true)
    return []
  }
}

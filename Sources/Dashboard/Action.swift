import ClusterKit
import TerminalKit

/// What a key asks for, by name. The keymap maps keys to actions; every pane and dialog declares
/// its own in its file, and tests can send an action by name as well as press its key.
struct Action: Hashable, Sendable, CustomStringConvertible {
  let name: String
  /// The pane to show, for the pane switches.
  var pane: String?
  /// The key pressed, for text input: what to type.
  var key: Key?

  init(_ name: String, pane: String? = nil, key: Key? = nil) {
    self.name = name
    self.pane = pane
    self.key = key
  }

  var description: String { name + (pane.map { " \($0)" } ?? "") }

  // Everywhere
  static let quit = Action("quit")
  static let forceQuit = Action("forceQuit")
  static let suspend = Action("suspend")
  static let help = Action("help")
  static let command = Action("command")
  static let language = Action("language")
  static let nextPane = Action("nextPane")
  static let previousPane = Action("previousPane")
  static func show(_ pane: String) -> Action { Action("show", pane: pane) }
  static let undo = Action("undo")
  static let redo = Action("redo")
  // Moving in lists and documents
  static let up = Action("up")
  static let down = Action("down")
  static let top = Action("top")
  static let bottom = Action("bottom")
  static let pageUp = Action("pageUp")
  static let pageDown = Action("pageDown")
  // Common verbs
  static let open = Action("open")
  static let back = Action("back")
  static let new = Action("new")
  static let edit = Action("edit")
  static let delete = Action("delete")
  static let search = Action("search")
  static let save = Action("save")
  /// A key for the focused text field (a letter, Backspace, ←, Ctrl-U, ...).
  static func type(_ key: Key) -> Action { Action("type", key: key) }

  static let movements: Set<Action> = [.up, .down, .top, .bottom, .pageUp, .pageDown]

  /// Where a list's cursor goes for a movement: `page` rows a page, clamped by the caller.
  func target(from cursor: Int, count: Int, page: Int) -> Int {
    switch self {
    case .up: cursor - 1
    case .down: cursor + 1
    case .top: 0
    case .bottom: count - 1
    case .pageUp: cursor - page
    case .pageDown: cursor + page
    default: cursor
    }
  }
}

/// Where bindings apply: everywhere, in one pane, in a dialog or one of its fields. A scope is
/// also a section of the `?` help.
struct Scope: Hashable, Sendable {
  let id: String
  let english: String
  let korean: String

  func title(_ l: Language) -> String { l.pick(english, korean) }

  static func == (a: Scope, b: Scope) -> Bool { a.id == b.id }
  func hash(into h: inout Hasher) { h.combine(id) }

  /// Ctrl-C and Ctrl-Z, before any other scope, whatever is open.
  static let system = Scope(id: "system", english: "Always", korean: "언제나")
  static let global = Scope(id: "global", english: "Everywhere", korean: "공통")

  /// The scope of a pane's own keys, titled like its tab.
  static func pane<P: Pane>(_ pane: P.Type) -> Scope {
    Scope(id: P.name, english: P.title(.en), korean: P.title(.ko))
  }
}

import ClusterKit
import TerminalKit

/// One pane of the dashboard, all in one file: its state (the conforming value itself), its
/// keys, its update, its load, its render and its message line. Data flows one way: a key's
/// action goes to `update` (pure: new state and effects), the runtime performs the effects,
/// `load` reads what the next frame needs, `render` draws state and data without changing
/// either. See docs/ARCHITECTURE.md.
protocol Pane: Sendable {
  /// What `load` reads for one frame.
  associatedtype Data: Sendable
  /// The reads `load` remembers between frames, reset whenever the workspace changes.
  associatedtype Cache: PaneCache

  /// The pane's name in `--pane`, `:pane` and the registry: `members`.
  static var name: String { get }
  static func title(_ l: Language) -> String
  /// The pane's keys, in its own scopes.
  static var bindings: [Binding] { get }
  /// `:` command verbs this pane answers besides its name.
  static var verbs: [String] { get }

  init()
  /// The scopes active while this pane shows with nothing over it, innermost first (`.global`
  /// last, unless a field takes every key).
  var scopes: [Scope] { get }
  /// The only place the pane reads the workspace.
  func load(_ ctx: Context, _ workspace: Workspace, _ cache: inout Cache) -> Data
  /// After a load or a new size: keep the cursor on rows that exist.
  mutating func fit(_ data: Data, _ ctx: Context, _ app: inout AppState)
  /// An action from the pane's scopes, or one of the movements. Never reads or writes.
  mutating func update(_ action: Action, _ data: Data, _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  /// A `:` command with one of `verbs`; by default it shows the pane.
  mutating func command(_ verb: String, _ words: [String], _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  /// Why an action does nothing right now (shown in help and when pressed); nil when it works.
  func unavailable(_ action: Action, _ data: Data, _ ctx: Context) -> String?
  /// The pane leaves the screen (another pane is shown).
  mutating func hide()
  func render(_ data: Data, _ ctx: Context, into grid: inout Grid, in rect: Rect, theme: Theme)
  /// The line above the hints when nothing else is said there.
  func messageLine(_ data: Data, _ ctx: Context) -> MessageLine
}

protocol PaneCache: Sendable {
  init()
}

struct NoCache: PaneCache {}

/// The message line: a summary, or a text field being typed in.
enum MessageLine {
  case summary(String)
  /// `prompt`, the field, and text at the right end (`12 found`).
  case field(prompt: String, TextField, right: String?)
}

extension Pane {
  static var verbs: [String] { [] }
  var scopes: [Scope] { [.pane(Self.self), .global] }
  mutating func fit(_ data: Data, _ ctx: Context, _ app: inout AppState) {}
  mutating func command(_ verb: String, _ words: [String], _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  {
    app.pane = Self.name
    return []
  }
  func unavailable(_ action: Action, _ data: Data, _ ctx: Context) -> String? { nil }
  mutating func hide() {}
}

/// A registered pane with its state, its cache and its last data, behind one face for the
/// runtime, which does not know the panes' types.
protocol PaneSlot: AnyObject {
  var name: String { get }
  var scopes: [Scope] { get }
  /// Reads the pane's data; what the cache holds is forgotten when the data version moved.
  func load(_ ctx: Context, _ workspace: Workspace, version: Int?)
  func fit(_ ctx: Context, _ app: inout AppState)
  func update(_ action: Action, _ ctx: Context, _ app: inout AppState) -> [Effect]
  func command(_ verb: String, _ words: [String], _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  func unavailable(_ action: Action, _ ctx: Context) -> String?
  func hide()
  func render(_ ctx: Context, into grid: inout Grid, in rect: Rect, theme: Theme)
  func messageLine(_ ctx: Context) -> MessageLine
}

final class Slot<P: Pane>: PaneSlot {
  var state = P()
  var cache = P.Cache()
  var data: P.Data?
  /// The workspace's data version the cache belongs to.
  var version: Int?

  var name: String { P.name }
  var scopes: [Scope] { state.scopes }

  func load(_ ctx: Context, _ workspace: Workspace, version: Int?) {
    if version == nil || version != self.version { cache = P.Cache() }
    self.version = version
    data = state.load(ctx, workspace, &cache)
  }

  func fit(_ ctx: Context, _ app: inout AppState) {
    if let data { state.fit(data, ctx, &app) }
  }

  func update(_ action: Action, _ ctx: Context, _ app: inout AppState) -> [Effect] {
    guard let data else { return [] }
    return state.update(action, data, ctx, &app)
  }

  func command(_ verb: String, _ words: [String], _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  {
    state.command(verb, words, ctx, &app)
  }

  func unavailable(_ action: Action, _ ctx: Context) -> String? {
    data.flatMap { state.unavailable(action, $0, ctx) }
  }

  func hide() { state.hide() }

  func render(_ ctx: Context, into grid: inout Grid, in rect: Rect, theme: Theme) {
    if let data { state.render(data, ctx, into: &grid, in: rect, theme: theme) }
  }

  func messageLine(_ ctx: Context) -> MessageLine {
    data.map { state.messageLine($0, ctx) } ?? .summary("")
  }
}

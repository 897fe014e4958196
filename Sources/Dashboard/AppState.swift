import ClusterKit
import TerminalKit

/// A dialog or full-screen view over the panes; the last one is on top and gets the keys.
enum Modal: Hashable, Sendable {
  case help(HelpState)
  case command(TextField)
  case detail(DetailState)
  case attendance(AttendanceState)
  case form(FormState)
  case confirm(ConfirmState)
}

struct StatusMessage: Hashable, Sendable {
  var text: String
  var isError: Bool
}

/// The state around the panes (each pane keeps its own, see `Pane`): which pane shows, the
/// dialogs open over it, the message line, what `u` can undo, and the terminal's size.
struct AppState: Hashable, Sendable {
  var pane: String
  var language: Language
  var today: Day
  /// Who the office's user is (the visitor of a logged visit).
  var actor: String
  var modals: [Modal] = []
  var status: StatusMessage?
  /// The changes made in this dashboard, oldest first: `u` undoes the last, Ctrl-R redoes the
  /// last undone (a new change empties `redo`).
  var undo: [RecordedChange] = []
  var redo: [RecordedChange] = []
  var finished = false
  var suspendRequested = false
  /// The size of the last frame, used for paging before anything is drawn.
  var width = 80
  var height = 24

  var top: Modal? { modals.last }

  mutating func replaceTop(_ modal: Modal) {
    if modals.isEmpty { modals.append(modal) } else { modals[modals.count - 1] = modal }
  }

  mutating func say(_ text: String, error: Bool = false) {
    status = StatusMessage(text: text, isError: error)
  }
}

/// Names and lists read once per data version and shared by the panes and forms.
struct Common: Sendable {
  var clusters: [Cluster] = []
  var divisions: [Division] = []
}

/// What every pane and dialog sees besides its own state.
struct Context: Sendable {
  var language: Language
  var today: Day
  var actor: String
  var width: Int
  var height: Int
  var common: Common
  /// Whether this frame waits for slow reads or leaves them for after it is drawn.
  var deferred = DeferredReads()

  var l: Language { language }
  /// Rows between the tab bar and the two bottom lines.
  var contentHeight: Int { max(1, height - 3) }
}

/// A read remembered until its inputs change; the runtime forgets every one when the workspace's
/// data version changes (see `Loader`).
struct Memo<Input: Hashable, Value> {
  private var input: Input?
  private var value: Value?

  init() {}

  mutating func get(_ input: Input, _ read: () -> Value) -> Value {
    if let value, self.input == input { return value }
    let fresh = read()
    self.input = input
    value = fresh
    return fresh
  }

  /// A read too slow to hold up a frame (the year's figures, the count of a one-letter search):
  /// answered from memory when its input is the same; otherwise read now only when the frame
  /// may wait for it, else nil, and the runtime reads it once the frame is drawn.
  mutating func later(_ input: Input, _ ctx: Context, _ read: () -> Value) -> Value? {
    if let value, self.input == input { return value }
    guard ctx.deferred.allowed else {
      ctx.deferred.pending = true
      return nil
    }
    return get(input, read)
  }
}

/// The slow reads of a frame (see `Memo.later`). The dashboard's loop draws each frame with
/// `allowed` false, so nothing slow stands between a key and the screen; when a read was left
/// `pending` and no key is waiting, it draws the frame again with them read. Everything else
/// (the tests, a render asked for directly) reads everything at once.
final class DeferredReads: @unchecked Sendable {
  var allowed = true
  var pending = false
}

extension Memo: Sendable where Input: Sendable, Value: Sendable {}

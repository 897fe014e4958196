import ClusterKit
import TerminalKit

/// The runtime: turns keys into actions, gives them to the update they belong to, performs the
/// effects the updates ask for (it is the only place that writes), has the loader read the next
/// frame's data, and draws. The executable calls `run(on:)`; tests drive `handle(_:)`,
/// `send(_:)` and `render(...)`.
public final class DashboardApp {
  let workspace: Workspace
  var state: AppState
  let panes: [PaneSlot] = Registry.slots()
  var loader = Loader()
  let deferred = DeferredReads()
  /// Runs once, when the first frame is on the screen with its slow reads filled in (or a key is
  /// already waiting): the day's automatic backup starts then, so that starting it never stands
  /// between opening the workspace and seeing it.
  public var afterFirstFrame: (() -> Void)?

  public init(
    workspace: Workspace, pane: PaneName = .first, language: Language, today: Day
  ) {
    self.workspace = workspace
    self.state = AppState(
      pane: pane.rawValue, language: language, today: today, actor: workspace.actor)
  }

  public var isFinished: Bool { state.finished }

  /// Reads keys and draws until the user quits or a signal asks us to stop. Each frame is drawn
  /// without its slow reads (see `DeferredReads`); they are read and the frame drawn again when
  /// no key is waiting. While nothing happens it wakes once a second, only to ask the data
  /// version: a frame is drawn again when another process wrote, and nothing is done otherwise.
  public func run(on terminal: TerminalDevice) throws {
    deferred.allowed = false
    defer { deferred.allowed = true }
    while !state.finished && !terminal.shouldQuit {
      draw(on: terminal)
      var waiting: Key?
      if deferred.pending {
        waiting = terminal.readKey(timeoutMilliseconds: 0)
        if waiting == nil {
          deferred.allowed = true
          draw(on: terminal)
          deferred.allowed = false
        }
      }
      if let start = afterFirstFrame {
        afterFirstFrame = nil
        start()
      }
      guard var key = waiting ?? nextKey(terminal) else { continue }
      // Keys already waiting (typed ahead, pasted, or a burst from the input method) are all
      // handled before the next frame: the screen after a burst is the same, drawn once.
      while !terminal.shouldQuit {
        handle(key)
        if state.suspendRequested {
          state.suspendRequested = false
          terminal.suspend()
          break
        }
        guard !state.finished, let next = terminal.readKey(timeoutMilliseconds: 0) else { break }
        key = next
      }
    }
  }

  private func draw(on terminal: TerminalDevice) {
    let size = terminal.size
    let frame = render(width: size.width, height: size.height, theme: terminal.theme)
    terminal.draw(frame.grid, cursor: frame.cursor)
  }

  /// The next key; nil when the loop should look again without one (a signal, or another
  /// process wrote to the workspace, which shows within about a second).
  private func nextKey(_ terminal: TerminalDevice) -> Key? {
    while !terminal.shouldQuit {
      if let key = terminal.readKey(timeoutMilliseconds: 1000) { return key }
      if (try? workspace.dataVersion()) != loader.version { return nil }
    }
    return nil
  }

  /// One key, as the loop would.
  public func handle(_ key: Key) {
    guard key != .resize else { return }
    if !typesIntoPane(key) { refresh() }
    let found = Keymap.binding(for: key, in: [.system] + activeScopes)
    // A key clears the last message, except Esc on a pane (which may be closing a search).
    if found?.0.scope != .system, key != .escape || state.top != nil { state.status = nil }
    guard let (_, action) = found else { return }
    dispatch(action)
  }

  /// True when the key goes into a pane's search field. Typing needs nothing read first: what
  /// the text finds is read for the frame, so keys typed together (a paste, a burst from the
  /// input method) are searched once, for all of them, not once for every letter on the way.
  private func typesIntoPane(_ key: Key) -> Bool {
    guard state.top == nil else { return false }
    return Keymap.binding(for: key, in: [.system] + pane.scopes)?.1 == .type(key)
  }

  /// An action by name, as if its key were pressed; false when no key of the scopes active
  /// now sends it.
  @discardableResult
  func send(_ action: Action) -> Bool {
    refresh()
    guard Keymap.binding(for: action, in: [.system] + activeScopes) != nil else { return false }
    state.status = nil
    dispatch(action)
    return true
  }

  /// Draws the current state into a grid; the cursor is the focused text field's caret. A new
  /// size is an update of the state first: cursors are kept in view for it.
  public func render(width: Int, height: Int, theme: Theme) -> (
    grid: Grid, cursor: (x: Int, y: Int)?
  ) {
    guard width >= Screen.minimumWidth, height >= Screen.minimumHeight else {
      return (Screen.tooSmall(width: width, height: height, state.language, theme), nil)
    }
    state.width = width
    state.height = height
    refresh()
    return Screen.draw(self, theme: theme)
  }

  // MARK: - The one way data flows

  var context: Context {
    Context(
      language: state.language, today: state.today, actor: state.actor, width: state.width,
      height: state.height, common: loader.shared, deferred: deferred)
  }

  var pane: PaneSlot { panes.first { $0.name == state.pane } ?? panes[0] }

  /// Reads what the frame needs (after one data-version check), then lets the pane and the
  /// dialog on top keep their cursors on what was read; a cursor that moved may need another
  /// window of rows, so that is read too.
  func refresh() {
    deferred.pending = false
    loader.begin(workspace)
    if let notice = workspace.takeFileNotice() {
      state.say(notice.message(state.language), error: notice.isError)
    }
    for _ in 0..<2 {
      pane.load(context, workspace, version: loader.version)
      loader.loadModals(state.modals, context, workspace)
      pane.fit(context, &state)
      loader.fit(&state, context)
    }
  }

  func dispatch(_ action: Action) {
    if let reason = unavailable(action, below: state.top) {
      state.say(reason, error: true)
      return
    }
    let shown = pane
    let effects = update(action)
    if pane !== shown { shown.hide() }
    perform(effects)
  }

  /// The update the action belongs to: the dialog on top, the keys of everywhere, the pane.
  func update(_ action: Action) -> [Effect] {
    let ctx = context
    let modal: [Effect]? =
      switch state.top {
      case .help(let h):
        HelpModal.update(action, h, overlay: help(h), in: Screen.content(ctx), &state)
      case .command(let f): CommandLineModal.update(action, f, ctx, &state, panes: panes)
      case .form(let f): FormDialog.update(action, f, loader.form, ctx, &state)
      case .attendance(let a): AttendanceModal.update(action, a, loader.attendance, ctx, &state)
      case .detail(let d): loader.detail.flatMap { DetailModal.update(action, d, $0, ctx, &state) }
      case .confirm(let c): ConfirmModal.update(action, c, &state)
      case nil: nil
      }
    if let modal { return modal }
    if let global = Global.update(action, &state) { return global }
    return state.top == nil ? pane.update(action, ctx, &state) : []
  }

  /// Performs the effects in order, each a recorded change (see `Workspace.recording`). A
  /// dialog's save closes the dialog when it works; when it does not, a form shows why on its
  /// fields, and an undo or redo that failed stays on its list to try again.
  func perform(_ effects: [Effect]) {
    for effect in effects {
      do {
        let said: Said
        switch effect.change {
        case .undo(let change):
          said = try effect.change.perform(on: workspace, today: state.today)
          state.redo.append(change)
        case .redo(let change):
          said = try effect.change.perform(on: workspace, today: state.today)
          state.undo.append(change)
        default:
          var words: Said = { _ in "" }
          let (_, recorded) = try workspace.recording(.dashboard, ChangeLabel("", "")) {
            words = try effect.change.perform(on: workspace, today: state.today)
          }
          said = words
          if let recorded {
            let label = ChangeLabel(said(.en), said(.ko))
            try workspace.relabel(recorded.id, label)
            var change = recorded
            change.label = label
            state.undo.append(change)
            state.redo.removeAll()
          }
        }
        if effect.fromDialog { state.modals.removeLast() }
        let next = Global.undoHint(state, naming: !effect.change.isNewChange)
        state.say(said(state.language) + (next.isEmpty ? "" : "  " + next))
      } catch {
        // An undo the workspace refuses (a later change to the same records, a request with an
        // audit history) is refused for good: it leaves the list, so that `u` goes on to the
        // change before it. One that failed for another reason stays to try again.
        let refused = Self.isRefusal(error)
        switch effect.change {
        case .undo(let change) where !refused: state.undo.append(change)
        case .redo(let change) where !refused: state.redo.append(change)
        default: break
        }
        if effect.fromDialog, case .form = state.top {
          FormDialog.failed(error, &state, change: effect.change)
        } else if refused, case .deleteMember = effect.change {
          ConfirmModal.refused(error, effect.change, &state)
          state.say(ConfirmVerb.refused.unchanged(state.language), error: true)
        } else {
          let next = effect.change.isNewChange ? "" : Global.undoHint(state, naming: true)
          state.say(
            describe(error, state.language) + (next.isEmpty ? "" : "  " + next), error: true)
        }
      }
    }
  }

  /// True when the workspace said no to the change itself, rather than failing to make it.
  static func isRefusal(_ error: Error) -> Bool {
    error is WorkspaceError || error is FieldError || error is ValidationError
  }

  // MARK: - Which keys work now

  /// The scopes whose keys work right now, innermost first.
  var activeScopes: [Scope] { scopes(below: state.modals.count) }

  /// The scopes of what shows when only the first `count` dialogs are open.
  func scopes(below count: Int) -> [Scope] {
    switch count > 0 ? state.modals[count - 1] : nil {
    case .form(let f): FormDialog.scopes(f, loader.form)
    case .attendance: [AttendanceModal.scope, .global]
    case .detail(let d): DetailModal.scopes(d) + [.global]
    case .help: [HelpModal.scope]
    case .command: [CommandLineModal.scope]
    case .confirm: [ConfirmModal.scope]
    case nil: pane.scopes
    }
  }

  /// Why an action does nothing right now, as the dialog (or pane) `below` the top sees it.
  func unavailable(_ action: Action, below top: Modal?) -> String? {
    let ctx = context
    if let reason = Global.unavailable(action, state) { return reason }
    switch top {
    case .detail: return loader.detail.flatMap { DetailModal.unavailable(action, $0, ctx.l) }
    case .attendance: return AttendanceModal.unavailable(action, loader.attendance, ctx.l)
    case .confirm(let c): return ConfirmModal.unavailable(action, c, ctx.l)
    case nil: return pane.unavailable(action, ctx)
    default: return nil
    }
  }

  func help(_ h: HelpState) -> HelpOverlay {
    let below = state.modals.count - 1
    return HelpModal.overlay(
      h, below: scopes(below: below), state.language,
      unavailable: { self.unavailable($0, below: below > 0 ? self.state.modals[below - 1] : nil) })
  }
}

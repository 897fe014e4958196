import ClusterKit
import TerminalKit

/// One entry of the key table: which keys, in which scope, do what.
struct Binding: Sendable {
  enum Trigger: Sendable {
    case keys([Key])
    /// Any key the focused text field takes: letters, Backspace, ←/→, Ctrl-U, ...
    case text
    /// Only the keys that type a character.
    case letters
  }

  /// What the hint bar shows for a binding, when it shows it.
  enum Hint: Sendable {
    case none
    case shown
    /// Shown only while its action can be taken (a request's steps, by its status).
    case whenAvailable
    /// Shown under other words: `↑↓ move` for the ↑ binding.
    case custom(key: String, english: String, korean: String)
  }

  var trigger: Trigger
  var action: Action
  var scope: Scope
  var english: String
  var korean: String
  var hint: Hint

  init(
    _ keys: [Key], _ action: Action, _ scope: Scope, _ english: String, _ korean: String,
    hint: Bool = false
  ) {
    self.trigger = .keys(keys)
    self.action = action
    self.scope = scope
    self.english = english
    self.korean = korean
    self.hint = hint ? .shown : .none
  }

  /// Text input: whatever the field takes goes to it as `.type(key)`.
  static func text(_ scope: Scope, _ english: String, _ korean: String) -> Binding {
    var b = Binding([], .type(.char(" ")), scope, english, korean)
    b.trigger = .text
    return b
  }

  /// Every key that types a character sends `action`.
  static func letters(_ action: Action, _ scope: Scope, _ english: String, _ korean: String)
    -> Binding
  {
    var b = Binding([], action, scope, english, korean)
    b.trigger = .letters
    return b
  }

  /// The binding hinted only while its action can be taken.
  var hintedWhenAvailable: Binding {
    var b = self
    b.hint = .whenAvailable
    return b
  }

  func hint(_ key: String, _ english: String, _ korean: String) -> Binding {
    var b = self
    b.hint = .custom(key: key, english: english, korean: korean)
    return b
  }

  func label(_ l: Language) -> String { l.pick(english, korean) }

  var keys: [Key] {
    if case .keys(let keys) = trigger { return keys }
    return []
  }

  func keyText(_ l: Language) -> String {
    switch trigger {
    case .keys(let keys): keys.map(\.displayName).joined(separator: " ")
    case .text: l.pick("typing", "글자 입력")
    case .letters: l.pick("letters", "글자")
    }
  }

  /// The action this binding sends for `key`, if it takes the key.
  func action(for key: Key) -> Action? {
    switch trigger {
    case .keys(let keys): keys.contains(key) ? action : nil
    case .text: TextField.takes(key) ? .type(key) : nil
    case .letters:
      if case .char = key, TextField.takes(key) { action } else { nil }
    }
  }
}

/// The one key table. Dispatch, the hint bar and the `?` help are all read from it, so they
/// cannot disagree; a binding that does nothing right now says why (see `Pane.unavailable`).
enum Keymap {
  static let bindings: [Binding] =
    Global.bindings + Registry.panes.flatMap { $0.bindings } + DetailModal.bindings
    + AttendanceModal.bindings + FormDialog.bindings + HelpModal.bindings
    + CommandLineModal.bindings + ConfirmModal.bindings
    + Global.systemBindings

  /// The binding that takes `key` in the first scope that has one; in a scope, named keys win
  /// over text input.
  static func binding(for key: Key, in scopes: [Scope]) -> (Binding, Action)? {
    for scope in scopes {
      let inScope = bindings.filter { $0.scope == scope }
      for b in inScope where !b.keys.isEmpty {
        if let action = b.action(for: key) { return (b, action) }
      }
      for b in inScope where b.keys.isEmpty {
        if let action = b.action(for: key) { return (b, action) }
      }
    }
    return nil
  }

  /// The binding that sends `action` in the first scope that has one (actions by name).
  static func binding(for action: Action, in scopes: [Scope]) -> Binding? {
    for scope in scopes {
      if let found = bindings.first(where: { $0.scope == scope && $0.action == action }) {
        return found
      }
    }
    return nil
  }

  /// The bottom line's hints for the scopes active now; an action shows once.
  static func hints(
    for scopes: [Scope], _ l: Language, unavailable: (Action) -> String? = { _ in nil }
  ) -> [KeyHint] {
    var seen = Set<Action>()
    var out: [KeyHint] = []
    for scope in scopes {
      for b in bindings where b.scope == scope && !seen.contains(b.action) {
        let hint: KeyHint
        switch b.hint {
        case .none: continue
        case .shown: hint = KeyHint(b.keys.first?.displayName ?? b.keyText(l), b.label(l))
        case .whenAvailable:
          guard unavailable(b.action) == nil else { continue }
          hint = KeyHint(b.keys.first?.displayName ?? b.keyText(l), b.label(l))
        case .custom(let key, let en, let ko): hint = KeyHint(key, l.pick(en, ko))
        }
        seen.insert(b.action)
        out.append(
          KeyHint(hint.key, hint.label, unavailable: unavailable(b.action)))
      }
    }
    return out
  }

  /// Every scope in the order its first binding appears, the always-on keys last.
  static let scopes: [Scope] = {
    var order: [Scope] = []
    for b in bindings where !order.contains(b.scope) { order.append(b.scope) }
    return order
  }()

  /// The help overlay's sections: the scopes active now first (saying why a key does nothing
  /// right now), then the rest.
  static func helpSections(
    first active: [Scope], _ l: Language, unavailable: (Action) -> String? = { _ in nil }
  ) -> [HelpOverlay.Section] {
    var order = active
    for s in scopes where !order.contains(s) { order.append(s) }
    return order.compactMap { scope in
      let rows = bindings.filter { $0.scope == scope }.map { b in
        KeyHint(
          b.keyText(l), b.label(l),
          unavailable: active.contains(scope) ? unavailable(b.action) : nil)
      }
      return rows.isEmpty ? nil : HelpOverlay.Section(scope.title(l), rows)
    }
  }
}

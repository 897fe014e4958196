import ClusterKit
import TerminalKit

/// The `?` overlay: every key, by scope, generated from the keymap.
struct HelpState: Hashable, Sendable {
  var offset = 0
}

enum HelpModal {
  static let scope = Scope(id: "help", english: "Help", korean: "도움말")

  static let bindings: [Binding] = [
    Binding([.escape, .char("?"), .char("q"), .enter], .back, scope, "close", "닫기", hint: true),
    Binding([.down, .char("j")], .down, scope, "scroll down", "아래로"),
    Binding([.up, .char("k")], .up, scope, "scroll up", "위로"),
    Binding([.pageDown], .pageDown, scope, "page down", "다음 쪽"),
    Binding([.pageUp], .pageUp, scope, "page up", "이전 쪽"),
    Binding([.home, .char("g")], .top, scope, "first", "처음"),
  ]

  /// The overlay for what is under it: the scopes active there come first.
  static func overlay(
    _ help: HelpState, below: [Scope], _ l: Language, unavailable: (Action) -> String?
  )
    -> HelpOverlay
  {
    HelpOverlay(
      title: l.pick("Keys — ? or Esc closes", "단축키 — ? 또는 Esc로 닫기"),
      sections: Keymap.helpSections(first: below, l, unavailable: unavailable),
      offset: help.offset)
  }

  static func update(
    _ action: Action, _ help: HelpState, overlay: HelpOverlay, in rect: Rect, _ app: inout AppState
  ) -> [Effect]? {
    var o = overlay
    let page = max(1, rect.height - 2)
    switch action {
    case .back:
      app.modals.removeLast()
      return []
    case .down: o.scroll(by: 1, in: rect)
    case .up: o.scroll(by: -1, in: rect)
    case .pageDown: o.scroll(by: page, in: rect)
    case .pageUp: o.scroll(by: -page, in: rect)
    case .top: o.offset = 0
    default: return nil
    }
    app.replaceTop(.help(HelpState(offset: o.offset)))
    return []
  }
}

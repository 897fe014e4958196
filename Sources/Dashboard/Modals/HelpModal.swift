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
      sections: [rules(l)] + Keymap.helpSections(first: below, l, unavailable: unavailable),
      offset: help.offset)
  }

  /// How the letters are shared out, so that a key meant for one pane does no harm in another.
  static func rules(_ l: Language) -> HelpOverlay.Section {
    HelpOverlay.Section(
      l.pick("How the keys go", "키 규칙"),
      [
        KeyHint(
          "A R C D W M",
          l.pick(
            "capitals decide, delete, mark left, merge: asked first",
            "대문자: 결정·삭제·탈퇴·합치기 (먼저 묻습니다)")),
        KeyHint(
          "f r c d b",
          l.pick(
            "filter members; no lower-case key decides or deletes",
            "회원 필터; 소문자 키는 결정·삭제를 하지 않습니다")),
        KeyHint(
          "x", l.pick("closes or ends the selected item", "선택한 항목을 완료하거나 끝냅니다")),
        KeyHint(
          "Esc", l.pick("back; clears a search, then the filters", "뒤로; 검색, 다음엔 필터 지우기")),
      ])
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

import ClusterKit
import TerminalKit

/// A question before a change that removes something: `y` makes the change, `n` or Esc leaves
/// everything as it is.
struct ConfirmState: Hashable, Sendable {
  var english: String
  var korean: String
  var change: Change

  func question(_ l: Language) -> String { l.pick(english, korean) }
}

enum ConfirmModal {
  static let scope = Scope(id: "confirm", english: "Confirm", korean: "확인")
  static let yes = Action("confirmYes")
  static let no = Action("confirmNo")

  static let bindings: [Binding] = [
    Binding([.char("y")], yes, scope, "yes, delete", "예, 삭제", hint: true),
    Binding([.char("n"), .escape], no, scope, "no, keep it", "아니요, 그대로", hint: true),
  ]

  /// Asks before `change`; the question names what would go.
  static func ask(_ english: String, _ korean: String, _ change: Change, _ app: inout AppState) {
    app.modals.append(.confirm(ConfirmState(english: english, korean: korean, change: change)))
  }

  static func update(_ action: Action, _ c: ConfirmState, _ app: inout AppState) -> [Effect] {
    switch action {
    case yes:
      app.modals.removeLast()
      return [Effect(c.change)]
    case no:
      app.modals.removeLast()
      app.say(app.language.pick("Nothing was deleted.", "아무것도 지우지 않았습니다."))
    default: break
    }
    return []
  }

  static func render(
    _ c: ConfirmState, _ l: Language, into grid: inout Grid, in rect: Rect, theme: Theme
  ) {
    let width = min(rect.width, 60)
    let lines = TextLayout.wrap(c.question(l), width: max(1, width - 4))
    let answer = l.pick("y: yes, delete   n: no", "y: 예, 삭제   n: 아니요")
    let box = rect.centered(width: width, height: min(rect.height, lines.count + 4))
    let inner = Box(title: l.pick("Delete?", "삭제할까요?"), fillStyle: theme.normal).render(
      into: &grid, in: box, theme: theme)
    let area = inner.inset(dx: 1, dy: 0)
    for (i, line) in lines.prefix(max(0, area.height - 2)).enumerated() {
      grid.put(line, x: area.x, y: area.y + i, style: theme.warning, maxWidth: area.width)
    }
    if area.height >= 1 {
      grid.put(answer, x: area.x, y: area.maxY - 1, style: theme.accent, maxWidth: area.width)
    }
  }
}

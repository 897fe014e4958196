import ClusterKit
import TerminalKit

/// A question before a change that removes something, or before saving a form whose change
/// needs a second thought (`saving`): `y` makes the change, `n` or Esc leaves everything as it is.
struct ConfirmState: Hashable, Sendable {
  var english: String
  var korean: String
  var change: Change
  /// Asked over a form: `y` saves it (the form closes once saved), `n` goes back to it.
  var saving = false

  func question(_ l: Language) -> String { l.pick(english, korean) }
}

enum ConfirmModal {
  static let scope = Scope(id: "confirm", english: "Confirm", korean: "확인")
  static let yes = Action("confirmYes")
  static let no = Action("confirmNo")

  static let bindings: [Binding] = [
    Binding([.char("y")], yes, scope, "yes", "예", hint: true),
    Binding([.char("n"), .escape], no, scope, "no", "아니요", hint: true),
  ]

  /// Asks before `change`; the question names what would go.
  static func ask(
    _ english: String, _ korean: String, _ change: Change, _ app: inout AppState,
    saving: Bool = false
  ) {
    app.modals.append(
      .confirm(ConfirmState(english: english, korean: korean, change: change, saving: saving)))
  }

  static func update(_ action: Action, _ c: ConfirmState, _ app: inout AppState) -> [Effect] {
    switch action {
    case yes:
      app.modals.removeLast()
      return [Effect(c.change, fromDialog: c.saving)]
    case no:
      app.modals.removeLast()
      app.say(
        c.saving
          ? app.language.pick("Not saved.", "저장하지 않았습니다.")
          : app.language.pick("Nothing was deleted.", "아무것도 지우지 않았습니다."))
    default: break
    }
    return []
  }

  static func render(
    _ c: ConfirmState, _ l: Language, into grid: inout Grid, in rect: Rect, theme: Theme
  ) {
    let width = min(rect.width, 60)
    let lines = TextLayout.wrap(c.question(l), width: max(1, width - 4))
    let answer =
      c.saving
      ? l.pick("y: yes, save   n: no, back to the form", "y: 예, 저장   n: 아니요, 양식으로")
      : l.pick("y: yes, delete   n: no", "y: 예, 삭제   n: 아니요")
    let title = c.saving ? l.pick("Save anyway?", "그래도 저장할까요?") : l.pick("Delete?", "삭제할까요?")
    let box = rect.centered(width: width, height: min(rect.height, lines.count + 4))
    let inner = Box(title: title, fillStyle: theme.normal).render(
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

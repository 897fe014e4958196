import ClusterKit
import TerminalKit

/// What a confirmed change does to what is there: the box's title and its answers say it.
enum ConfirmVerb: Hashable, Sendable {
  case delete
  case merge
  /// Saving a form whose change needs a second thought: `y` saves it (the form closes once
  /// saved), `n` goes back to it.
  case save
  /// A deletion the workspace refused, its reason in the box (too long for the message line):
  /// any answer closes it.
  case refused

  func title(_ l: Language) -> String {
    switch self {
    case .delete: l.pick("Delete?", "삭제할까요?")
    case .merge: l.pick("Merge?", "합칠까요?")
    case .save: l.pick("Save anyway?", "그래도 저장할까요?")
    case .refused: l.pick("Not deleted", "삭제하지 않음")
    }
  }
  func answer(_ l: Language) -> String {
    switch self {
    case .delete: l.pick("y: yes, delete   n: no", "y: 예, 삭제   n: 아니요")
    case .merge: l.pick("y: yes, merge   n: no", "y: 예, 합치기   n: 아니요")
    case .save: l.pick("y: yes, save   n: no, back to the form", "y: 예, 저장   n: 아니요, 양식으로")
    case .refused: l.pick("Esc: close", "Esc: 닫기")
    }
  }
  func unchanged(_ l: Language) -> String {
    switch self {
    case .delete, .refused: l.pick("Nothing was deleted.", "아무것도 지우지 않았습니다.")
    case .merge: l.pick("Nothing was merged.", "아무것도 합치지 않았습니다.")
    case .save: l.pick("Not saved.", "저장하지 않았습니다.")
    }
  }
}

/// A question before a change that removes or moves something, or before saving a form whose
/// change needs a second thought: `y` makes the change, `n` or Esc leaves everything as it is.
struct ConfirmState: Hashable, Sendable {
  var english: String
  var korean: String
  var change: Change
  var verb = ConfirmVerb.delete

  func question(_ l: Language) -> String { l.pick(english, korean) }
}

enum ConfirmModal {
  static let scope = Scope(id: "confirm", english: "Confirm", korean: "확인")
  static let yes = Action("confirmYes")
  static let no = Action("confirmNo")

  static let bindings: [Binding] = [
    Binding([.char("y")], yes, scope, "yes, do it", "예, 실행").hintedWhenAvailable,
    Binding([.char("n"), .escape], no, scope, "no, keep it", "아니요, 그대로", hint: true),
  ]

  /// Asks before `change`; the question names what would go.
  static func ask(
    _ english: String, _ korean: String, _ change: Change, verb: ConfirmVerb = .delete,
    _ app: inout AppState
  ) {
    app.modals.append(
      .confirm(ConfirmState(english: english, korean: korean, change: change, verb: verb)))
  }

  /// Shows why the workspace refused a deletion, in a box of its own.
  static func refused(_ error: Error, _ change: Change, _ app: inout AppState) {
    ask(describe(error, .en), describe(error, .ko), change, verb: .refused, &app)
  }

  /// Why a key does nothing in the box: a refusal has nothing to confirm.
  static func unavailable(_ action: Action, _ c: ConfirmState, _ l: Language) -> String? {
    action == yes && c.verb == .refused
      ? l.pick("Nothing to confirm.", "확인할 것이 없습니다.") : nil
  }

  static func update(_ action: Action, _ c: ConfirmState, _ app: inout AppState) -> [Effect] {
    switch action {
    case yes:
      app.modals.removeLast()
      // A merged member's detail goes on with the record kept.
      if case .mergeMember(let duplicate, let kept, _) = c.change,
        case .detail(var d)? = app.modals.last, d.subject == .member(duplicate.id)
      {
        d = DetailState(subject: .member(kept))
        app.replaceTop(.detail(d))
      }
      return [Effect(c.change, fromDialog: c.verb == .save)]
    case no:
      app.modals.removeLast()
      app.say(c.verb.unchanged(app.language))
    default: break
    }
    return []
  }

  static func render(
    _ c: ConfirmState, _ l: Language, into grid: inout Grid, in rect: Rect, theme: Theme
  ) {
    let width = min(rect.width, 60)
    let lines = TextLayout.wrap(c.question(l), width: max(1, width - 4))
    let answer = c.verb.answer(l)
    let box = rect.centered(width: width, height: min(rect.height, lines.count + 4))
    let inner = Box(title: c.verb.title(l), fillStyle: theme.normal).render(
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

import ClusterKit
import TerminalKit

/// What a form reads: members matching the member field's text, the one member that text
/// names (if exactly one does), the program's figures for a step of a request or a program's
/// edit, the member's cap for an approval, and the programs to choose from for a new request.
struct FormData: Sendable {
  /// Members whose name matches the member field, with their cluster (one company may be in
  /// several) and id.
  var suggestions: [(id: Int64, name: String, cluster: String)] = []
  var typedMember: (id: Int64, name: String)?
  var figures: ProgramFigures?
  /// The member's cap under the program and what the member has there, for an approval.
  var cap: String?
  var programs: [Program] = []
}

/// What a request form's program choices are read for: the years, and the kind of difficulty the
/// request answers (whose programs come first).
struct ProgramChoices: Hashable, Sendable {
  var years: [Int]
  var answering: DifficultyCategory?
}

/// A form in a centred box: fields, choices cycled with Space and ←/→, member suggestions.
enum FormDialog {
  static let scope = Scope(id: "form", english: "Forms", korean: "입력 양식")
  static let choiceScope = Scope(id: "choice", english: "Choice fields", korean: "선택 칸")
  static let suggestionScope = Scope(
    id: "suggestions", english: "Member suggestions", korean: "회원 추천")

  static let next = Action("nextField")
  static let previousChoice = Action("previousChoice")
  static let nextChoice = Action("nextChoice")
  static let noLetters = Action("noLetters")
  static let pick = Action("pickMatch")
  static let previousMatch = Action("previousMatch")
  static let nextMatch = Action("nextMatch")

  static let bindings: [Binding] = [
    Binding([.tab, .down], .down, scope, "next field", "다음 칸"),
    Binding([.backTab, .up], .up, scope, "previous field", "이전 칸"),
    Binding(
      [.enter], next, scope, "next field / save on the last", "다음 칸 / 마지막 칸에서 저장", hint: true),
    Binding([.ctrl("s")], .save, scope, "save", "저장"),
    Binding([.escape], .back, scope, "cancel", "취소", hint: true),
    Binding.text(scope, "fill in the field", "칸 입력"),
    Binding([.char(" "), .right, .char("l")], nextChoice, choiceScope, "next choice", "다음 선택"),
    Binding([.left, .char("h")], previousChoice, choiceScope, "previous choice", "이전 선택"),
    // Letters do not change a choice; editing keys still reach the field.
    Binding.letters(
      noLetters, choiceScope, "nothing: choose with Space and ←/→", "없음: Space와 ←/→로 선택"),
    Binding([.up], previousMatch, suggestionScope, "previous match", "이전 후보"),
    Binding([.down], nextMatch, suggestionScope, "next match", "다음 후보"),
    Binding([.enter], pick, suggestionScope, "pick the match", "후보 선택"),
  ]

  static func scopes(_ f: FormState, _ data: FormData) -> [Scope] {
    var out: [Scope] = []
    if f.focusedKey == "member", f.pickedMember == nil, !data.suggestions.isEmpty {
      out.append(suggestionScope)
    }
    if let choices = f.specs[f.form.focus].choices, !choices.isEmpty { out.append(choiceScope) }
    return out + [scope]
  }

  struct Inputs: Hashable {
    var memberQuery: String?
    var program: Int64?
    var programChoices: ProgramChoices?
    var language: Language
  }

  static func load(
    _ f: FormState, _ workspace: Workspace, _ memo: inout Memo<Inputs, FormData>, _ l: Language
  ) -> FormData {
    var program = f.request?.programId
    if case .editProgram(let original) = f.purpose { program = original.id }
    let inputs = Inputs(
      memberQuery: f.memberQuery, program: program, programChoices: f.programChoices, language: l)
    return memo.get(inputs) {
      var data = FormData()
      data.figures = program.flatMap { try? workspace.programFigures(id: $0) }
      if case .approve(let r) = f.purpose, let p = data.figures?.program, p.hasMemberCap,
        let has = try? workspace.memberSupport(
          memberId: r.memberId, programId: r.programId, excluding: r.id)
      {
        let name = (try? workspace.member(id: r.memberId))??.name ?? "#\(r.memberId)"
        data.cap =
          Term.memberCap.label(l) + " " + Document.memberCapText(p, member: name, has: has, l)
      }
      if let choices = inputs.programChoices {
        data.programs = programs(choices, workspace)
      }
      guard let text = f.memberQuery, !text.isEmpty else { return data }
      let query = MemberQuery(search: text, includeLeft: false)
      let rows = (try? workspace.memberRows(query, offset: 0, limit: 5)) ?? []
      data.suggestions = rows.map { ($0.id, $0.name, $0.clusterName) }
      data.typedMember = (try? workspace.findMember(text)).map { ($0.id, $0.name) }
      return data
    }
  }

  /// The programs a request form offers: each year's, those answering the difficulty first.
  static func programs(_ choices: ProgramChoices, _ workspace: Workspace) -> [Program] {
    choices.years.flatMap { year -> [Program] in
      let all = (try? workspace.programs(year: year)) ?? []
      guard let category = choices.answering,
        let first = try? workspace.programs(year: year, answering: category)
      else { return all }
      return first + all.filter { p in !first.contains { $0.id == p.id } }
    }
  }

  /// Keeps the highlighted suggestion among those there are.
  /// and the program choices among the programs read, the one chosen kept when it is still there.
  static func fit(_ f: inout FormState, _ data: FormData) {
    f.suggestion = max(0, min(f.suggestion, data.suggestions.count - 1))
    guard f.programChoices != nil, let i = f.index(of: "program") else { return }
    let names = data.programs.map(Document.programName)
    let values = data.programs.map { "\($0.id)" }
    guard f.specs[i].choices != names || f.specs[i].choiceValues != values else { return }
    let chosen = f.choice("program")
    f.specs[i].choices = names
    f.specs[i].choiceValues = values
    let at = chosen.flatMap { values.firstIndex(of: $0) } ?? 0
    f.form.fields[i].input = TextField(names.isEmpty ? "" : names[at])
  }

  static func update(
    _ action: Action, _ form: FormState, _ data: FormData, _ ctx: Context, _ app: inout AppState
  ) -> [Effect]? {
    var f = form
    let i = f.form.focus
    switch action {
    case .back:
      app.modals.removeLast()
      return []
    case pick:
      let picked = data.suggestions[f.suggestion]
      f.form.fields[i].input = TextField(picked.name)
      f.form.fields[i].error = nil
      f.pickedMember = (picked.id, picked.name)
      f.form.focusNext()
    case previousMatch: f.suggestion = max(0, f.suggestion - 1)
    case nextMatch: f.suggestion = min(data.suggestions.count - 1, f.suggestion + 1)
    case .down: f.form.focusNext()
    case .up: f.form.focusPrevious()
    case nextChoice, previousChoice:
      let choices = f.specs[i].choices ?? []
      let current = choices.firstIndex(of: f.form.fields[i].input.value) ?? 0
      let step = action == nextChoice ? 1 : choices.count - 1
      f.form.fields[i].input = TextField(choices[(current + step) % choices.count])
      f.form.fields[i].error = nil
    case next where i < f.form.fields.count - 1:
      f.form.focusNext()
    case next, .save:
      return submit(f, data, ctx, &app)
    case noLetters:
      return []
    default:
      guard let key = action.key else { return nil }
      let before = f.form.fields[i].input.value
      f.form.fields[i].input.handle(key)
      // A field's error goes once the field is changed: it was about what was there.
      if f.form.fields[i].input.value != before { f.form.fields[i].error = nil }
      if f.specs[i].key == "member" {
        f.pickedMember = nil
        f.suggestion = 0
      }
    }
    app.replaceTop(.form(f))
    return []
  }

  /// The form's one change, or the fields marked where it cannot be made.
  static func submit(_ form: FormState, _ data: FormData, _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  {
    var f = form
    for i in f.form.fields.indices { f.form.fields[i].error = nil }
    f.message = nil
    app.replaceTop(.form(f))
    do {
      let change = try FormReader.effect(f, data, actor: ctx.actor, language: ctx.l)
      if let q = MemberCorrections.question(change) {
        app.modals.removeLast()
        ConfirmModal.ask(q.english, q.korean, change, verb: q.verb, &app)
        return []
      }
      return [Effect(change, fromDialog: true)]
    } catch {
      failed(error, &app)
      return []
    }
  }

  /// Shows why the form on top was not saved: on its fields, or above them. A member that may
  /// already be in another mini-cluster (added, or renamed) is asked about instead: `y` saves it
  /// anyway.
  static func failed(_ error: Error, _ app: inout AppState, change: Change? = nil) {
    guard case .form(var f) = app.top else { return }
    let l = app.language
    if let duplicates = error as? PossibleDuplicates {
      var confirmed: Change?
      switch change {
      case .addMember(let m, let division, let book, false)?:
        confirmed = .addMember(m, division: division, directoryBook: book, allowDuplicate: true)
      case .updateMember(let m, let original, let division, let book, false)?:
        confirmed = .updateMember(
          m, original: original, division: division, directoryBook: book, allowDuplicate: true)
      default: break
      }
      if let confirmed {
        ConfirmModal.ask(
          duplicates.message(.en) + ".", duplicates.message(.ko) + ".", confirmed, verb: .save,
          &app)
        return
      }
    }
    if let error = error as? ValidationError {
      var unplaced: [String] = []
      for e in error.errors {
        var e = e
        let key = f.index(of: e.field) == nil ? formKey(forErrorField: e.field) : e.field
        guard let i = f.index(of: key) else {
          unplaced.append(e.message(l))
          continue
        }
        e.column = f.specs[i].term.label(l)
        f.form.fields[i].error = [f.form.fields[i].error, e.message(l)].compactMap { $0 }
          .joined(separator: "; ")
      }
      if let first = f.form.fields.firstIndex(where: { $0.error != nil }) { f.form.focus = first }
      f.message = unplaced.isEmpty ? nil : unplaced.joined(separator: " ")
      app.replaceTop(.form(f))
      app.say(l.pick("Not saved: fix the marked fields.", "저장하지 않았습니다: 표시된 칸을 고치세요."), error: true)
      return
    }
    f.message = describe(error, l)
    if needsOverride(error), f.index(of: "override") == nil {
      let (field, spec) = FormBuilder.field("override", "", l)
      f.form.fields.append(field)
      f.specs.append(spec)
      f.form.focus = f.form.fields.count - 1
    }
    app.replaceTop(.form(f))
    app.say(describe(error, l), error: true)
  }

  /// A refusal an override reason can lift: past the budget or a cap, below the co-funding share.
  static func needsOverride(_ error: Error) -> Bool {
    switch error as? WorkspaceError {
    case .overLimits, .cofundingBelowShare: true
    default: false
    }
  }

  /// A program's budget, what is committed and what remains (budget − committed), in the words
  /// and figures of the request detail and `programs show`.
  static func figures(_ f: ProgramFigures, _ l: Language) -> [String] {
    [
      (Term.budget, f.budgetKRW), (Term.committed, f.committedKRW), (Term.pending, f.pendingKRW),
      (Term.remaining, f.remainingKRW),
    ].map { "\($0.label(l)) \(Money.format($1))" }
  }

  /// Draws the form; returns where the terminal's cursor goes (the focused field's caret).
  static func render(
    _ f: FormState, _ data: FormData, _ l: Language, into grid: inout Grid, in rect: Rect,
    theme: Theme
  ) -> (x: Int, y: Int)? {
    let width = min(rect.width, 72)
    let textWidth = max(1, width - 4)
    var message = f.message.map { TextLayout.wrap($0, width: textWidth) } ?? []
    let showSuggestions = f.focusedKey == "member" && f.pickedMember == nil
    let suggestionRows = showSuggestions ? max(1, data.suggestions.count) + 1 : 0
    let fieldRows = f.form.height(width: textWidth)
    var info =
      f.info + (data.figures.map { TextLayout.flow(figures($0, l), width: textWidth) } ?? [])
      + (data.cap.map { TextLayout.wrap($0, width: textWidth) } ?? [])
    // On a short screen the fields come first: drop the context lines, then shorten the message.
    let room = rect.height - 2 - fieldRows - suggestionRows
    if info.count + 1 + message.count + (message.isEmpty ? 0 : 1) > room { info = [] }
    if !message.isEmpty, message.count + 1 > room {
      message = [
        DisplayWidth.truncate(
          message.joined(separator: " "), to: textWidth * max(1, room - 1))
      ]
      message = TextLayout.wrap(message[0], width: textWidth)
      message = Array(message.prefix(max(1, room - 1)))
    }
    let infoRows = info.isEmpty ? 0 : info.count + 1
    let height =
      infoRows + message.count + (message.isEmpty ? 0 : 1) + fieldRows + suggestionRows + 2
    let box = rect.centered(width: width, height: height)
    let inner = Box(title: f.title, fillStyle: theme.normal).render(
      into: &grid, in: box, theme: theme)
    let area = inner.inset(dx: 1, dy: 0)
    guard !area.isEmpty else { return nil }
    var y = area.y
    for line in info where y < area.maxY {
      grid.put(line, x: area.x, y: y, style: theme.dim, maxWidth: area.width)
      y += 1
    }
    if infoRows > 0 { y += 1 }
    for line in message where y < area.maxY {
      grid.put(line, x: area.x, y: y, style: theme.error, maxWidth: area.width)
      y += 1
    }
    if !message.isEmpty { y += 1 }
    let formHeight = max(0, area.maxY - y - suggestionRows)
    var formRect = Rect(x: area.x, y: y, width: area.width, height: max(1, formHeight))
    // Problems of fields out of sight are named on the form's last line, so none goes unseen.
    func unseen(_ rect: Rect) -> [Int] {
      let shown = f.form.shown(in: rect)
      return f.form.fields.indices.filter { !shown.contains($0) && f.form.fields[$0].error != nil }
    }
    var hidden = unseen(formRect)
    if !hidden.isEmpty, formRect.height > 1 {
      formRect.height -= 1
      hidden = unseen(formRect)
      let names = hidden.map { f.form.fields[$0].label }.joined(separator: ", ")
      let line =
        l.pick("▼ \(hidden.count) more to fix (Tab): ", "▼ 고칠 칸 \(hidden.count)개 더 (Tab): ") + names
      grid.put(
        DisplayWidth.truncate(line, to: area.width), x: area.x, y: formRect.maxY,
        style: theme.error, maxWidth: area.width)
    }
    let caret = f.form.render(into: &grid, in: formRect, theme: theme)
    if showSuggestions {
      var sy = y + formHeight
      if sy < area.maxY {
        grid.put(
          l.pick("matches (↑↓ Enter)", "일치 (↑↓ Enter)"), x: area.x, y: sy, style: theme.dim,
          maxWidth: area.width)
        sy += 1
      }
      if data.suggestions.isEmpty, sy < area.maxY {
        grid.put(
          l.pick("type a name or initials", "이름이나 초성을 입력하세요"), x: area.x + 2, y: sy,
          style: theme.dim, maxWidth: area.width - 2)
      }
      for (i, s) in data.suggestions.enumerated() where sy + i < area.maxY {
        let row = Rect(x: area.x, y: sy + i, width: area.width, height: 1)
        let style = i == f.suggestion ? theme.selected : theme.normal
        grid.fill(row, style: style)
        let place = "  \(s.cluster) #\(s.id)"
        let name = DisplayWidth.truncate(
          "  " + s.name, to: max(0, area.width - DisplayWidth.of(place)))
        grid.put(name + place, x: area.x, y: sy + i, style: style, maxWidth: area.width)
      }
    }
    return caret
  }
}

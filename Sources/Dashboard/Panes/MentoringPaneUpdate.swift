import ClusterKit
import TerminalKit

/// What the keys of the mentoring & SIG pane do: the views, search, suggestions and an open SIG.
extension MentoringPane {
  mutating func update(_ action: Action, _ data: Data, _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  {
    if search != nil { return updateSearch(action, data, ctx) }
    if choosing != nil { return updateSuggestions(action, data, ctx, &app) }
    if openSIG != nil { return updateSIG(action, data, ctx, &app) }
    let lctx = Self.listContext(ctx)
    if lists[view.rawValue].apply(action, count: data.count(view), lctx) { return [] }
    switch action {
    case Self.nextView, Self.previousView:
      let all = View.allCases
      let step = action == Self.nextView ? 1 : all.count - 1
      view = all[(view.rawValue + step) % all.count]
    case .search: search = TextField(searches[view.rawValue])
    case .open:
      switch view {
      case .unmentored:
        if let row = data.unmentored.row(at: list) {
          app.modals.append(.detail(DetailState(subject: .member(row.id))))
        }
      case .mentoring:
        if let row = data.mentoring.row(at: list) {
          app.modals.append(.detail(DetailState(subject: .member(row.mentoring.memberId))))
        }
      case .experts:
        if let row = data.experts.row(at: list) {
          app.modals.append(.detail(DetailState(subject: .expert(row.id))))
        }
      case .sigs:
        if let row = data.sigs.row(at: list) {
          openSIG = row.id
          sigList = ScrollState()
        }
      }
    case Self.assign:
      if let company = selectedCompany(data) {
        choosing = company
        suggestionList = ScrollState()
      }
    case Self.endMentoring:
      if let row = data.mentoring.row(at: list) {
        app.modals.append(.form(MentoringForm.end(row, today: ctx.today, ctx.l)))
      }
    case Self.logSession:
      if let row = data.mentoring.row(at: list) {
        app.modals.append(.form(MentoringForm.log(row, today: ctx.today, ctx.l)))
      }
    case Self.expertCompanies:
      if let row = data.experts.row(at: list) {
        expert = (row.id, row.expert.name)
        view = .mentoring
        lists[View.mentoring.rawValue] = ScrollState()
      }
    case Self.withRoom:
      withRoom.toggle()
      lists[View.experts.rawValue] = ScrollState()
    case Self.clearExpert where !searches[view.rawValue].isEmpty, Self.clearKeptSearch:
      searches[view.rawValue] = ""
      lists[view.rawValue] = ScrollState()
    case Self.clearExpert:
      expert = nil
      lists[View.mentoring.rawValue] = ScrollState()
    default: break
    }
    return []
  }

  /// `:assign COMPANY EXPERT` makes the expert (the last word) the company's mentor from today;
  /// `:mentor [TEXT]` shows the companies without a mentor, `:sig [TEXT]` the SIGs, searched.
  mutating func command(_ verb: String, _ words: [String], _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  {
    app.pane = Self.name
    guard verb == "assign" else {
      choosing = nil
      openSIG = nil
      search = nil
      view = verb == "sig" ? .sigs : .unmentored
      searches[view.rawValue] = words.joined(separator: " ")
      lists[view.rawValue] = ScrollState()
      return []
    }
    guard words.count >= 2 else {
      return CommandLineModal.usage(
        ctx.l.pick(":assign COMPANY EXPERT", ":assign 기업 전문가"), &app)
    }
    return [
      Effect(
        .mentoring(
          .assignNamed(
            member: words.dropLast().joined(separator: " "), expert: words.last!, from: ctx.today)))
    ]
  }

  /// The company under the cursor of the first two views.
  func selectedCompany(_ data: Data) -> (memberId: Int64, name: String)? {
    switch view {
    case .unmentored: data.unmentored.row(at: list).map { ($0.id, $0.name) }
    case .mentoring: data.mentoring.row(at: list).map { ($0.mentoring.memberId, $0.memberName) }
    default: nil
    }
  }

  private mutating func updateSearch(_ action: Action, _ data: Data, _ ctx: Context) -> [Effect] {
    let lctx = Self.listContext(ctx)
    if lists[view.rawValue].apply(action, count: data.count(view), lctx) { return [] }
    switch action {
    case Self.endSearch: search = nil
    case Self.clearSearch:
      search = nil
      searches[view.rawValue] = ""
      lists[view.rawValue] = ScrollState()
    default:
      guard let key = action.key, var field = search else { break }
      field.handle(key)
      search = field
      if field.value != searches[view.rawValue] {
        searches[view.rawValue] = field.value
        lists[view.rawValue] = ScrollState()
      }
    }
    return []
  }

  private mutating func updateSuggestions(
    _ action: Action, _ data: Data, _ ctx: Context, _ app: inout AppState
  ) -> [Effect] {
    let page = Self.suggestionRows(ctx)
    if Action.movements.contains(action) {
      suggestionList.move(
        to: action.target(from: suggestionList.cursor, count: data.suggestions.count, page: page),
        count: data.suggestions.count, visible: page)
      return []
    }
    switch action {
    case .back: choosing = nil
    case .open:
      guard let company = choosing, data.suggestions.indices.contains(suggestionList.cursor)
      else { break }
      app.modals.append(
        .form(
          MentoringForm.assign(
            memberId: company.memberId, memberName: company.name,
            data.suggestions[suggestionList.cursor], today: ctx.today, ctx.l)))
      // The suggestions close; the form's save or Esc leaves the pane as it was.
      choosing = nil
    default: break
    }
    return []
  }

  func selectedLine(_ data: Data, _ l: Language) -> SIGLine? {
    guard let d = data.sig else { return nil }
    let lines = Self.lines(d, l)
    return lines.indices.contains(sigList.cursor) ? lines[sigList.cursor] : nil
  }

  private mutating func updateSIG(
    _ action: Action, _ data: Data, _ ctx: Context, _ app: inout AppState
  ) -> [Effect] {
    guard let d = data.sig else { return [] }
    let lines = Self.lines(d, ctx.l)
    let page = max(1, Self.listContext(ctx).contentHeight - 2)
    if Action.movements.contains(action) {
      // Headings are passed over, as in the visits pane.
      let selectable = lines.indices.filter { lines[$0].isSelectable }
      guard !selectable.isEmpty else { return [] }
      let at = selectable.firstIndex { $0 >= sigList.cursor } ?? 0
      let next = action.target(from: at, count: selectable.count, page: page)
      sigList.move(
        to: selectable[max(0, min(selectable.count - 1, next))], count: lines.count, visible: page)
      return []
    }
    switch (action, selectedLine(data, ctx.l)) {
    case (.back, _): openSIG = nil
    case (Self.join, _):
      app.modals.append(.form(MentoringForm.join(d.sig, today: ctx.today, ctx.l)))
    case (Self.addTask, _):
      if !d.members.isEmpty {
        app.modals.append(.form(MentoringForm.addTask(d, today: ctx.today, ctx.l)))
      }
    case (Self.leave, .member(let m)):
      return [Effect(.mentoring(.leave(d.sig, m)))]
    case (Self.moveTask, .task(let t)):
      if let next = Self.nextStep(t.task.status) {
        return [Effect(.mentoring(.moveTask(t.task, to: next, sigName: d.sig.name)))]
      }
    case (.open, .member(let m)):
      app.modals.append(.detail(DetailState(subject: .member(m.memberId))))
    default: break
    }
    return []
  }

  /// Where `Space` moves a task: proposed → active → done.
  static func nextStep(_ status: SIGTaskStatus) -> SIGTaskStatus? {
    switch status {
    case .proposed: .active
    case .active: .done
    case .done: nil
    }
  }
}

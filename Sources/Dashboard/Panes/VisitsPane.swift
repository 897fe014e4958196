import ClusterKit
import TerminalKit

/// One line of the visits pane.
enum VisitItem: Hashable, Sendable {
  case followUpsHeader(open: Int, overdue: Int)
  case weekHeader(weeksAgo: Int, start: Day, end: Day, count: Int)
  case dueHeader(weeks: Int?, count: Int)
  case searchHeader(query: String, count: Int)
  case visit(Visit, memberName: String)
  case followUp(OpenFollowUp)
  case due(DueVisit)
  /// Nothing under the header above.
  case none
  /// What is read after the frame (the weeks' visits and who is due), not read yet.
  case pending

  var isSelectable: Bool {
    switch self {
    case .visit, .followUp, .due: true
    default: false
    }
  }
}

/// Open follow-ups (overdue first), this week's and earlier weeks' visits, and who is due for a
/// visit; `/` searches the visit notes instead.
struct VisitsPane: Pane {
  static let name = "visits"
  static func title(_ l: Language) -> String { l.pick("Visits", "방문") }
  static let verbs = ["visits", "visit", "done"]

  static let scope = Scope.pane(Self.self)
  static let searchScope = Scope(
    id: "visits.search", english: "Visit note search", korean: "방문 기록 검색")
  static let closeFollowUp = Action("closeFollowUp")
  static let dueWeeks = Action("dueWeeks")
  static let runSearch = Action("runSearch")
  static let clearSearch = Action("clearVisitSearch")

  static let bindings: [Binding] = [
    Binding([.char("/")], .search, scope, "search notes", "기록 검색"),
    Binding([.char("n")], .new, scope, "log a visit", "방문 기록", hint: true),
    Binding([.char("e")], .edit, scope, "edit the visit", "방문 수정", hint: true),
    Binding(
      [.char("D")], .delete, scope, "delete the visit or follow-up (asks first)",
      "방문·후속조치 삭제 (먼저 묻습니다)"),
    Binding([.char("x")], closeFollowUp, scope, "close follow-up", "후속조치 완료", hint: true),
    Binding([.enter, .char("l")], .open, scope, "open", "열기", hint: true),
    Binding(
      [.char("s")], DetailModal.requestForDifficulty, scope, "support request for a difficulty",
      "애로사항 지원신청", hint: true),
    Binding([.char("w")], dueWeeks, scope, "not visited for N weeks", "N주 미방문", hint: true),
    Binding([.escape], clearSearch, scope, "clear the search", "검색 지우기"),
    Binding([.enter], runSearch, searchScope, "keep the search", "검색 유지", hint: true),
    Binding([.escape], clearSearch, searchScope, "clear the search", "검색 지우기", hint: true),
    Binding.text(searchScope, "type words of the notes", "기록에서 찾을 말 입력"),
  ]

  var list = ScrollState()
  /// nil: by each member's contact rhythm; otherwise everyone not visited for this many weeks.
  var dueWeeks: Int?
  /// Weeks of visits shown (this week and the ones before).
  var weeks = 4
  /// The `/` field while a search of the visit notes is being typed.
  var search: TextField?
  /// The search run (on Enter), whose results show instead of the weeks.
  var found: String?

  var scopes: [Scope] { search == nil ? [Self.scope, .global] : [Self.searchScope] }

  struct Data: Sendable {
    var items: [VisitItem] = []
  }

  struct Weeks: Hashable {
    var today: Day
    var weeks: Int
    var dueWeeks: Int?
  }

  struct Cache: PaneCache {
    var followUps = Memo<Day, [VisitItem]>()
    var weeks = Memo<Weeks, [VisitItem]>()
    var found = Memo<String, [VisitItem]>()
  }

  /// The open follow-ups, the top of the pane, are one indexed window read before the frame;
  /// the weeks' visits (with their difficulties and follow-ups) and who is due are read after it.
  func load(_ ctx: Context, _ workspace: Workspace, _ cache: inout Cache) -> Data {
    if let found {
      // Read after the frame, so that keys typed together search once, for all of them.
      let items = cache.found.later(found, ctx) { Self.search(found, workspace) }
      return Data(items: items ?? [.pending])
    }
    let key = Weeks(today: ctx.today, weeks: weeks, dueWeeks: dueWeeks)
    let followUps = cache.followUps.get(ctx.today) { Self.followUps(ctx.today, workspace) }
    let rest = cache.weeks.later(key, ctx) { Self.weeksAndDue(key, workspace) }
    return Data(items: followUps + (rest ?? [.pending]))
  }

  private static func followUps(_ today: Day, _ workspace: Workspace) -> [VisitItem] {
    let followUps = (try? workspace.openFollowUps(limit: 50)) ?? []
    let (open, overdue) = (try? workspace.followUpCounts(today: today)) ?? (0, 0)
    let items: [VisitItem] = [.followUpsHeader(open: open, overdue: overdue)]
    return items + (followUps.isEmpty ? [.none] : followUps.map { .followUp($0) })
  }

  private static func weeksAndDue(_ key: Weeks, _ workspace: Workspace) -> [VisitItem] {
    var items: [VisitItem] = []
    let monday = key.today.startOfWeek
    let first = monday.adding(days: -7 * (key.weeks - 1))
    let visits =
      (try? workspace.visits(from: first, through: monday.adding(days: 6), limit: 200)) ?? []
    let names = (try? workspace.memberNames(ids: Set(visits.map(\.memberId)))) ?? [:]
    for week in 0..<key.weeks {
      let start = monday.adding(days: -7 * week)
      let end = start.adding(days: 6)
      let inWeek = visits.filter { $0.date >= start && $0.date <= end }
      items.append(.weekHeader(weeksAgo: week, start: start, end: end, count: inWeek.count))
      items += inWeek.map { .visit($0, memberName: names[$0.memberId] ?? "#\($0.memberId)") }
    }
    let due =
      (try? workspace.dueForVisit(today: key.today, minimumWeeks: key.dueWeeks, limit: 50)) ?? []
    let dueCount =
      (try? workspace.dueForVisitCount(today: key.today, minimumWeeks: key.dueWeeks)) ?? due.count
    items.append(.dueHeader(weeks: key.dueWeeks, count: dueCount))
    return items + (due.isEmpty ? [.none] : due.map { .due($0) })
  }

  /// Visits whose notes or difficulties contain the text (full-text index), newest first.
  private static func search(_ query: String, _ workspace: Workspace) -> [VisitItem] {
    let visits = (try? workspace.searchVisits(query)) ?? []
    let names = (try? workspace.memberNames(ids: Set(visits.map(\.memberId)))) ?? [:]
    let found = visits.map {
      VisitItem.visit($0, memberName: names[$0.memberId] ?? "#\($0.memberId)")
    }
    return [.searchHeader(query: query, count: visits.count)] + (found.isEmpty ? [.none] : found)
  }

  func selected(_ data: Data) -> VisitItem? {
    data.items.indices.contains(list.cursor) ? data.items[list.cursor] : nil
  }

  /// The cursor stays on a line that can be selected (not a heading).
  mutating func fit(_ data: Data, _ ctx: Context, _ app: inout AppState) {
    let items = data.items
    // A cursor below the follow-ups waits for the rest to be read (the frame after a write).
    if items.last == .pending, list.cursor >= items.count - 1 { return }
    if !items.indices.contains(list.cursor) || !items[list.cursor].isSelectable {
      list.cursor = items.indices.first { items[$0].isSelectable } ?? 0
    }
    list.move(to: list.cursor, count: items.count, visible: ctx.contentHeight)
  }

  mutating func update(_ action: Action, _ data: Data, _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  {
    let items = data.items
    let page = max(1, ctx.contentHeight - 2)
    switch action {
    case _ where Action.movements.contains(action):
      // Headings are passed over: the cursor moves among the lines that can be selected.
      let selectable = items.indices.filter { items[$0].isSelectable }
      guard !selectable.isEmpty else { break }
      let at = selectable.firstIndex { $0 >= list.cursor } ?? 0
      let next = action.target(from: at, count: selectable.count, page: page)
      list.move(
        to: selectable[max(0, min(selectable.count - 1, next))], count: items.count, visible: page)
    case .search: search = TextField()
    case .new:
      var form = FormBuilder.visit(today: ctx.today, visitor: ctx.actor, ctx.l)
      if case .due(let d) = selected(data) {
        form.form.fields[0].input = TextField(d.name)
        form.pickedMember = (d.memberId, d.name)
      }
      app.modals.append(.form(form))
    case .edit:
      if case .visit(let v, let name) = selected(data) {
        app.modals.append(
          .form(
            FormBuilder.visit(
              today: ctx.today, visitor: ctx.actor, ctx.l, editing: v, memberName: name)))
      }
    case .delete:
      switch selected(data) {
      case .visit(let v, let name):
        ConfirmModal.ask(
          "Delete the visit to \(name) on \(v.date), with its \(v.difficulties.count) difficulties and \(v.followUps.count) follow-ups?",
          "\(v.date) \(name) 방문을 애로사항 \(v.difficulties.count)건, 후속조치 \(v.followUps.count)건과 함께 삭제할까요?",
          .deleteVisit(v, memberName: name), &app)
      case .followUp(let f):
        ConfirmModal.ask(
          "Delete the follow-up \"\(f.followUp.action)\" of \(f.memberName)?",
          "\(f.memberName)의 후속조치 '\(f.followUp.action)'\(Particle.object.after(f.followUp.action)) 삭제할까요?",
          .deleteFollowUp(f.followUp), &app)
      default: break
      }
    case .open:
      switch selected(data) {
      case .followUp(let f): app.modals.append(.detail(DetailState(subject: .visit(f.visitId))))
      case .visit(let v, _): app.modals.append(.detail(DetailState(subject: .visit(v.id))))
      case .due(let d): app.modals.append(.detail(DetailState(subject: .member(d.memberId))))
      default: break
      }
    case DetailModal.requestForDifficulty:
      if case .visit(let v, let name) = selected(data), !v.difficulties.isEmpty {
        let choices = v.difficulties.enumerated().map { i, d in
          DifficultyChoice(
            reference: DifficultyReference(visitId: v.id, number: i + 1), visitDate: v.date,
            difficulty: d)
        }
        FormBuilder.openNewRequest(
          member: (v.memberId, name), difficulties: choices, selected: choices[0].reference, ctx,
          &app)
      }
    case Self.closeFollowUp:
      if case .followUp(let f) = selected(data) {
        return [Effect(.setFollowUpDone(id: f.followUp.id, ctx.today))]
      }
    case Self.dueWeeks:
      let steps: [Int?] = [nil, 4, 8, 12, 26]
      dueWeeks = steps[((steps.firstIndex(of: dueWeeks) ?? 0) + 1) % steps.count]
    case Self.runSearch:
      search = nil
    case Self.clearSearch:
      search = nil
      found = nil
      list = ScrollState()
    default:
      // The list follows the search as it is typed.
      if let key = action.key, search != nil {
        search?.handle(key)
        let query = search?.value.trimmingCharacters(in: .whitespaces) ?? ""
        found = query.isEmpty ? nil : query
        list = ScrollState()
      }
    }
    return []
  }

  /// `:visits [WEEKS]` shows who has not been visited for that long; `:done ID` closes a
  /// follow-up.
  mutating func command(_ verb: String, _ words: [String], _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  {
    guard verb == "done" else {
      app.pane = Self.name
      let text = words.joined(separator: " ")
      guard !text.isEmpty else { return [] }
      guard let weeks = Int(text) else {
        app.say(
          FieldError(field: "weeks", problem: .notAnInteger, value: text).message(ctx.l),
          error: true)
        return []
      }
      if let error = Limits.check(weeks, Limits.dueWeeks, "weeks") {
        app.say(error.message(ctx.l), error: true)
      } else {
        dueWeeks = weeks
      }
      return []
    }
    guard let id = CommandLineModal.number(words.joined(separator: " ")) else {
      return CommandLineModal.usage(":done FOLLOW-UP-ID", &app)
    }
    return [Effect(.setFollowUpDone(id: id, ctx.today))]
  }

  func unavailable(_ action: Action, _ data: Data, _ ctx: Context) -> String? {
    if action == DetailModal.requestForDifficulty {
      guard case .visit(let v, _) = selected(data), !v.difficulties.isEmpty else {
        return ctx.l.pick(
          "Select a visit with a difficulty first.", "애로사항이 있는 방문을 먼저 고르세요.")
      }
      return nil
    }
    if action == Self.clearSearch, found == nil {
      return ctx.l.pick("No search to clear.", "지울 검색이 없습니다.")
    }
    if action == .edit {
      guard case .visit = selected(data) else {
        return ctx.l.pick("Select a visit first.", "방문을 먼저 고르세요.")
      }
    }
    if action == .delete {
      switch selected(data) {
      case .visit, .followUp: break
      default: return ctx.l.pick("Select a visit or a follow-up first.", "방문이나 후속조치를 먼저 고르세요.")
      }
    }
    if action == Self.closeFollowUp, case .followUp = selected(data) { return nil }
    if action == Self.closeFollowUp {
      return ctx.l.pick("Select a follow-up first.", "후속조치를 먼저 고르세요.")
    }
    return nil
  }

  mutating func hide() { search = nil }

  func messageLine(_ data: Data, _ ctx: Context) -> MessageLine {
    let l = ctx.l
    if let search { return .field(prompt: "/", search, right: nil) }
    return .summary(
      l.pick("Visits by week (Monday first)", "주별 방문 (월요일 시작)")
        + (dueWeeks.map { l.pick(" · not visited \($0)+ weeks", " · \($0)주 이상 미방문") } ?? ""))
  }

  func render(_ data: Data, _ ctx: Context, into grid: inout Grid, in rect: Rect, theme: Theme) {
    let first = list.firstVisible(count: data.items.count, visible: rect.height)
    for r in 0..<rect.height {
      let i = first + r
      guard i < data.items.count else { break }
      let (text, style) = line(data.items[i], ctx, theme)
      let selected = i == list.cursor
      let row = Rect(x: rect.x, y: rect.y + r, width: rect.width, height: 1)
      grid.fill(row, style: selected ? theme.selected : theme.normal)
      grid.put(
        DisplayWidth.truncate(text, to: rect.width), x: rect.x, y: row.y,
        style: selected ? theme.selected : style, maxWidth: rect.width)
    }
  }

  private func line(_ item: VisitItem, _ ctx: Context, _ theme: Theme) -> (String, Style) {
    let l = ctx.l
    switch item {
    case .followUpsHeader(let open, let overdue):
      return (
        l.pick("Open follow-ups", "진행 중인 후속조치") + " \(open)"
          + (overdue > 0 ? l.pick(" · \(overdue) overdue", " · 기한 지남 \(overdue)") : ""), theme.title
      )
    case .weekHeader(let week, let start, let end, let count):
      let label =
        week == 0 ? l.pick("This week", "이번 주") : l.pick("\(week) week(s) ago", "\(week)주 전")
      return ("\(label) \(Format.monthDay(start))–\(Format.monthDay(end)) · \(count)", theme.title)
    case .dueHeader(let weeks, let count):
      let heading =
        weeks.map { l.pick("Not visited for \($0) weeks", "\($0)주 이상 미방문") }
        ?? l.pick("Due for a visit", "방문 주기 도래")
      return (heading + " \(count)", theme.title)
    case .searchHeader(let query, let count):
      return (
        l.pick(
          "Visit notes with '\(query)': \(count) (newest first, Esc clears)",
          "'\(query)' 방문 기록 \(count)건 (최신순, Esc 지우기)"), theme.title
      )
    case .none:
      return ("  " + l.pick("none", "없음"), theme.dim)
    case .pending:
      return ("  …", theme.dim)
    case .followUp(let f):
      let overdue = f.followUp.isOverdue(on: ctx.today)
      let due = f.followUp.due.map(Format.monthDay) ?? "–"
      let late = f.followUp.due.map { $0.days(until: ctx.today) } ?? 0
      return (
        "  \(overdue ? "!" : "·") \(due) \(f.memberName) · \(f.followUp.action)"
          + (overdue ? l.pick(" (overdue \(late)d)", " (\(late)일 지남)") : ""),
        overdue ? theme.warning : theme.normal
      )
    case .visit(let v, let name):
      var parts = ["  \(Format.monthDay(v.date)) \(name)", v.purpose.label(l)]
      if let d = v.difficulties.first { parts.append("\(d.category.label(l)): \(d.text)") }
      if !v.followUps.isEmpty {
        parts.append(l.pick("follow-ups \(v.followUps.count)", "후속 \(v.followUps.count)"))
      }
      return (parts.joined(separator: " · "), theme.normal)
    case .due(let d):
      let last =
        d.lastVisit.map {
          l.pick("last ", "최근 ") + "\(Format.monthDay($0)) (\(Format.days(d.daysSince ?? 0, l)))"
        } ?? l.pick("never visited", "방문 기록 없음")
      return ("  \(d.name) · \(d.role.label(l)) · \(last)", theme.normal)
    }
  }
}

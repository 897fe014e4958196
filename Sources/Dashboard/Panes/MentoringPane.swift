import ClusterKit
import TerminalKit

/// 1사1멘토링 and 1사1SIG in four views, switched with ←/→: the companies without a mentor, the
/// mentoring under way, the expert pool with each expert's load, and the SIGs. `a` shows the
/// experts suggested for a company, ranked by fit, and assigns one; an open SIG shows its
/// companies and tasks. Each list is read a window at a time; the counts are the kept ones.
struct MentoringPane: Pane {
  static let name = "mentoring"
  static func title(_ l: Language) -> String { l.pick("Mentoring & SIGs", "멘토링·SIG") }

  enum View: Int, CaseIterable, Hashable, Sendable {
    case unmentored, mentoring, experts, sigs

    func title(_ l: Language) -> String {
      switch self {
      case .unmentored: l.pick("Without mentor", "멘토 미배정")
      case .mentoring: l.pick("Mentoring", "멘토링")
      case .experts: l.pick("Experts", "전문가")
      case .sigs: "SIG"
      }
    }
  }

  static let scope = Scope.pane(Self.self)
  static let unmentoredScope = Scope(
    id: "mentoring.unmentored", english: "Companies without a mentor", korean: "멘토 미배정 기업")
  static let mentoringScope = Scope(
    id: "mentoring.mentoring", english: "Mentoring under way", korean: "진행 중인 멘토링")
  static let expertsScope = Scope(id: "mentoring.experts", english: "Expert pool", korean: "전문가 풀")
  static let suggestionScope = Scope(
    id: "mentoring.suggestions", english: "Mentor suggestions", korean: "멘토 추천")
  static let sigScope = Scope(id: "mentoring.sig", english: "An open SIG", korean: "SIG 상세")
  static let searchScope = Scope(
    id: "mentoring.search", english: "Mentoring search", korean: "멘토링 검색")

  static let nextView = Action("nextView")
  static let previousView = Action("previousView")
  static let assign = Action("assignMentor")
  static let endMentoring = Action("endMentoring")
  static let logSession = Action("logSession")
  static let withRoom = Action("expertsWithRoom")
  static let clearExpert = Action("clearExpert")
  static let join = Action("joinSIG")
  static let leave = Action("leaveSIG")
  static let addTask = Action("addSIGTask")
  static let moveTask = Action("moveSIGTask")
  static let endSearch = Action("endMentoringSearch")
  static let clearSearch = Action("clearMentoringSearch")

  static let bindings: [Binding] = [
    Binding([.right], nextView, scope, "next view", "다음 보기").hint("←→", "view", "보기"),
    Binding([.left], previousView, scope, "previous view", "이전 보기"),
    Binding([.enter, .char("l")], .open, scope, "open", "열기", hint: true),
    Binding([.char("/")], .search, unmentoredScope, "search (초성 ok)", "검색 (초성 가능)"),
    Binding([.char("a")], assign, unmentoredScope, "assign a mentor", "멘토 배정").hint(
      "a", "assign", "배정"),
    Binding([.char("/")], .search, mentoringScope, "search (초성 ok)", "검색 (초성 가능)"),
    Binding([.char("a")], assign, mentoringScope, "assign another mentor", "멘토 교체").hint(
      "a", "reassign", "교체"),
    Binding([.char("n")], logSession, mentoringScope, "log a session", "멘토링 기록").hint(
      "n", "log", "기록"),
    Binding([.char("x")], endMentoring, mentoringScope, "end the mentoring", "멘토링 종료").hint(
      "x", "end", "종료"),
    Binding([.escape], clearExpert, mentoringScope, "every expert again", "전문가 필터 해제"),
    Binding([.char("/")], .search, expertsScope, "search name or affiliation", "이름·소속 검색"),
    Binding([.char("f")], withRoom, expertsScope, "only experts with room", "여유 있는 전문가만").hint(
      "f", "with room", "여유"),
    Binding([.enter, .char("l")], .open, suggestionScope, "assign this expert", "이 전문가 배정").hint(
      "Enter", "assign", "배정"),
    Binding([.escape, .char("h")], .back, suggestionScope, "back", "뒤로", hint: true),
    Binding([.char("n")], join, sigScope, "add a company", "기업 참여").hint("n", "add", "참여"),
    Binding([.char("x")], leave, sigScope, "take the company out", "기업 제외").hint(
      "x", "remove", "제외"),
    Binding([.char("t")], addTask, sigScope, "add a task", "과제 추가").hint("t", "task", "과제"),
    Binding(
      [.char(" ")], moveTask, sigScope, "move the task on: proposed → active → done",
      "과제 진행: 제안 → 진행 → 완료"
    ).hint("Space", "next step", "다음 단계"),
    Binding([.enter, .char("l")], .open, sigScope, "open the company", "기업 열기"),
    Binding([.escape, .char("h")], .back, sigScope, "back to the SIGs", "SIG 목록", hint: true),
    Binding([.enter], endSearch, searchScope, "keep the search", "검색 유지").hint(
      "Enter", "done", "완료"),
    Binding([.escape], clearSearch, searchScope, "clear the search", "검색 지우기").hint(
      "Esc", "clear", "지우기"),
    Binding([.up], .up, searchScope, "move up", "위로").hint("↑↓", "move", "이동"),
    Binding([.down], .down, searchScope, "move down", "아래로"),
    Binding.text(searchScope, "type the search (초성 ok)", "검색어 입력 (초성 가능)"),
  ]

  /// How many experts `a` suggests.
  static let suggestionCount = 10

  var view = View.unmentored
  /// Each view's cursor, by `View.rawValue`.
  var lists = Array(repeating: ScrollState(), count: View.allCases.count)
  /// The search field while `/` is being typed, and each view's search.
  var search: TextField?
  var searches = Array(repeating: "", count: View.allCases.count)
  var withRoom = false
  /// The mentoring view shows one expert's companies (opened from the experts view).
  var expert: (id: Int64, name: String)?
  /// The company whose mentor is being chosen: its suggestions show.
  var choosing: (memberId: Int64, name: String)?
  var suggestionList = ScrollState()
  /// The SIG open, and the cursor on its lines.
  var openSIG: Int64?
  var sigList = ScrollState()

  var scopes: [Scope] {
    if search != nil { return [Self.searchScope] }
    if choosing != nil { return [Self.suggestionScope, .global] }
    if openSIG != nil { return [Self.sigScope, .global] }
    switch view {
    case .unmentored: return [Self.unmentoredScope, Self.scope, .global]
    case .mentoring: return [Self.mentoringScope, Self.scope, .global]
    case .experts: return [Self.expertsScope, Self.scope, .global]
    case .sigs: return [Self.scope, .global]
    }
  }

  /// The views' counts for the bar above the lists: the kept counts, read once per data version.
  struct Counts: Sendable {
    var unmentored = 0
    var mentoring = 0
    var experts = 0
    var sigs = 0
    var coverage: SIGCoverage?
  }

  /// One line of an open SIG.
  enum SIGLine: Sendable {
    case heading(String)
    case member(SIGMemberLine)
    case task(SIGTaskLine)
    case none

    var isSelectable: Bool {
      switch self {
      case .member, .task: true
      default: false
      }
    }
  }

  struct Data: Sendable {
    var counts = Counts()
    var unmentored = PagedList<MemberQuery, MemberRow>()
    var mentoring = PagedList<MentoringFilter, MentoringRow>()
    var experts = PagedList<ExpertQuery, ExpertRow>()
    var sigs = PagedList<Int, SIGRow>()
    var sig: SIGDetail?
    var suggestions: [MentorSuggestion] = []

    func count(_ view: View) -> Int {
      switch view {
      case .unmentored: unmentored.count
      case .mentoring: mentoring.count
      case .experts: experts.count
      case .sigs: sigs.count
      }
    }
  }

  struct Suggesting: Hashable {
    var memberId: Int64
    var today: Day
  }

  struct Cache: PaneCache {
    var counts = Memo<Int, Counts>()
    var unmentored = PagedList<MemberQuery, MemberRow>.Cache()
    var mentoring = PagedList<MentoringFilter, MentoringRow>.Cache()
    var experts = PagedList<ExpertQuery, ExpertRow>.Cache()
    var sigs = PagedList<Int, SIGRow>.Cache()
    var sig = Memo<Int64, SIGDetail?>()
    var suggestions = Memo<Suggesting, [MentorSuggestion]>()
  }

  var unmentoredQuery: MemberQuery {
    var q = MemberQuery.companiesWithoutMentor()
    q.search = searches[View.unmentored.rawValue]
    return q
  }

  var mentoringFilter: MentoringFilter {
    MentoringFilter(
      expertId: expert?.id, activeOnly: true, memberSearch: searches[View.mentoring.rawValue])
  }

  var expertQuery: ExpertQuery {
    ExpertQuery(search: searches[View.experts.rawValue], withRoom: withRoom)
  }

  /// The lists are drawn under the bar of views.
  static func listContext(_ ctx: Context) -> Context {
    var c = ctx
    c.height -= 1
    return c
  }

  func load(_ ctx: Context, _ workspace: Workspace, _ cache: inout Cache) -> Data {
    var data = Data()
    data.counts = cache.counts.get(0) {
      Counts(
        unmentored: (try? workspace.memberCount(.companiesWithoutMentor())) ?? 0,
        mentoring: (try? workspace.mentoringCount(MentoringFilter(activeOnly: true))) ?? 0,
        experts: (try? workspace.expertCount()) ?? 0, sigs: (try? workspace.sigCount()) ?? 0,
        coverage: try? workspace.sigCoverage())
    }
    if let choosing {
      let key = Suggesting(memberId: choosing.memberId, today: ctx.today)
      data.suggestions = cache.suggestions.get(key) {
        (try? workspace.mentorSuggestions(
          memberId: key.memberId, today: key.today, limit: Self.suggestionCount)) ?? []
      }
      return data
    }
    if let id = openSIG {
      data.sig = cache.sig.get(id) { try? workspace.sigDetail(id: id) }
      return data
    }
    let lctx = Self.listContext(ctx)
    let list = lists[view.rawValue]
    switch view {
    case .unmentored:
      data.unmentored = cache.unmentored.load(
        unmentoredQuery, at: list, lctx, count: { try workspace.memberCount($0) },
        rows: { try workspace.memberRows($0, offset: $1, limit: $2) })
    case .mentoring:
      data.mentoring = cache.mentoring.load(
        mentoringFilter, at: list, lctx, count: { try workspace.mentoringCount($0) },
        rows: { try workspace.mentoringRows($0, offset: $1, limit: $2) })
    case .experts:
      data.experts = cache.experts.load(
        expertQuery, at: list, lctx, count: { try workspace.expertCount($0) },
        rows: { try workspace.expertRows($0, offset: $1, limit: $2) })
    case .sigs:
      data.sigs = cache.sigs.load(
        0, at: list, lctx, count: { _ in try workspace.sigCount() },
        rows: { try workspace.sigRows(offset: $1, limit: $2) })
    }
    return data
  }

  static func lines(_ d: SIGDetail, _ l: Language) -> [SIGLine] {
    let leader = d.leaderName.map { " · " + Term.leader.title(l) + " " + $0 } ?? ""
    var out: [SIGLine] = [
      .heading(d.sig.name + leader),
      .heading(Term.sigMembers.title(l) + " \(d.members.count)"),
    ]
    out += d.members.isEmpty ? [.none] : d.members.map { .member($0) }
    out.append(.heading(l.pick("Tasks", "과제") + " \(d.tasks.count)"))
    out += d.tasks.isEmpty ? [.none] : d.tasks.map { .task($0) }
    return out
  }

  /// Rows of the suggestions table: the content less the bar, the heading and the table header.
  static func suggestionRows(_ ctx: Context) -> Int { max(1, ctx.contentHeight - 3) }

  mutating func fit(_ data: Data, _ ctx: Context, _ app: inout AppState) {
    let lctx = Self.listContext(ctx)
    if choosing != nil {
      suggestionList.move(
        to: suggestionList.cursor, count: data.suggestions.count,
        visible: Self.suggestionRows(ctx))
    } else if openSIG != nil {
      guard let d = data.sig else {
        openSIG = nil
        return
      }
      let lines = Self.lines(d, ctx.l)
      if !lines.indices.contains(sigList.cursor) || !lines[sigList.cursor].isSelectable {
        sigList.cursor = lines.indices.first { lines[$0].isSelectable } ?? 0
      }
      sigList.move(to: sigList.cursor, count: lines.count, visible: lctx.contentHeight)
    } else {
      switch view {
      case .unmentored: lists[view.rawValue].fit(data.unmentored, lctx)
      case .mentoring: lists[view.rawValue].fit(data.mentoring, lctx)
      case .experts: lists[view.rawValue].fit(data.experts, lctx)
      case .sigs: lists[view.rawValue].fit(data.sigs, lctx)
      }
    }
  }

  var list: ScrollState { lists[view.rawValue] }

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
          expert = (row.id, row.expert.name)
          view = .mentoring
          lists[View.mentoring.rawValue] = ScrollState()
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
    case Self.withRoom:
      withRoom.toggle()
      lists[View.experts.rawValue] = ScrollState()
    case Self.clearExpert:
      expert = nil
      lists[View.mentoring.rawValue] = ScrollState()
    default: break
    }
    return []
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

  func unavailable(_ action: Action, _ data: Data, _ ctx: Context) -> String? {
    let l = ctx.l
    if choosing != nil {
      guard action == .open, data.suggestions.isEmpty else { return nil }
      return l.pick(
        "No expert to suggest: add experts with clusterdesk experts add.",
        "추천할 전문가가 없습니다. clusterdesk experts add로 전문가를 추가하세요.")
    }
    if openSIG != nil {
      let line = selectedLine(data, l)
      switch (action, line) {
      case (Self.leave, .member), (.open, .member): return nil
      case (Self.leave, _), (.open, _):
        return l.pick("Select a company of the SIG first.", "SIG의 참여 기업을 먼저 고르세요.")
      case (Self.moveTask, .task(let t)):
        guard t.task.status == .done else { return nil }
        return l.pick("Task \(t.task.number) is done.", "과제 \(t.task.number, .topic) 이미 완료되었습니다.")
      case (Self.moveTask, _): return l.pick("Select a task first.", "과제를 먼저 고르세요.")
      case (Self.addTask, _):
        return data.sig?.members.isEmpty == true
          ? l.pick(
            "Add a company to the SIG first: a task belongs to one of its companies.",
            "SIG에 기업을 먼저 참여시키세요. 과제는 참여 기업의 것입니다.") : nil
      default: return nil
      }
    }
    switch action {
    case Self.assign, Self.endMentoring, Self.logSession, .open:
      guard data.count(view) == 0 else { return nil }
      switch view {
      case .unmentored:
        return l.pick("Every company has a mentor.", "모든 기업에 멘토가 있습니다.")
      case .mentoring:
        return l.pick("Select a mentoring first.", "멘토링을 먼저 고르세요.")
      case .experts: return l.pick("No expert is selected.", "선택된 전문가가 없습니다.")
      case .sigs:
        return l.pick(
          "No SIG yet: add one with clusterdesk sigs add.",
          "SIG가 없습니다. clusterdesk sigs add로 추가하세요.")
      }
    case Self.clearExpert:
      return expert == nil ? l.pick("Every expert is shown.", "모든 전문가를 보고 있습니다.") : nil
    default: return nil
    }
  }

  mutating func hide() {
    search = nil
    choosing = nil
  }

  func messageLine(_ data: Data, _ ctx: Context) -> MessageLine {
    let l = ctx.l
    if let search {
      return .field(
        prompt: "/", search, right: l.pick("\(data.count(view)) found", "\(data.count(view))건"))
    }
    if let choosing {
      return .summary(
        l.pick(
          "Mentors for \(choosing.name): best fit first, then those with room",
          "\(choosing.name) 멘토 추천: 적합도 순, 같으면 여유 있는 전문가 먼저"))
    }
    if let d = data.sig {
      return .summary(
        [d.sig.name, d.clusterName, d.sig.theme].filter { !$0.isEmpty }.joined(separator: " · "))
    }
    let c = data.counts
    var parts: [String]
    switch view {
    case .unmentored:
      parts = [
        l.pick(
          "\(data.unmentored.count) active companies without a mentor",
          "멘토 없는 활동 기업 \(data.unmentored.count)곳")
      ]
    case .mentoring:
      parts = [
        l.pick("\(data.mentoring.count) mentoring under way", "진행 중인 멘토링 \(data.mentoring.count)건")
      ]
      if let expert {
        parts.append(l.pick("expert ", "전문가 ") + expert.name + l.pick(" (Esc: all)", " (Esc: 전체)"))
      }
    case .experts:
      parts = [l.pick("\(data.experts.count) experts", "전문가 \(data.experts.count)명")]
      if withRoom { parts.append(l.pick("with room", "여유 있음")) }
    case .sigs:
      parts = [l.pick("\(c.sigs) SIGs", "SIG \(c.sigs)개")]
      if let coverage = c.coverage {
        parts.append(
          l.pick(
            "active companies in a SIG \(coverage.covered)/\(coverage.companies)",
            "SIG 참여 활동 기업 \(coverage.covered)/\(coverage.companies)"))
      }
    }
    let text = searches[view.rawValue]
    if !text.isEmpty { parts.append("/\(text)") }
    return .summary(parts.joined(separator: " · "))
  }

  // MARK: Drawing

  func render(_ data: Data, _ ctx: Context, into grid: inout Grid, in rect: Rect, theme: Theme) {
    let l = ctx.l
    let c = data.counts
    let counts = [c.unmentored, c.mentoring, c.experts, c.sigs]
    Tabs(
      titles: View.allCases.map { "\($0.title(l)) \(counts[$0.rawValue])" }, active: view.rawValue,
      numbered: false
    ).render(into: &grid, in: rect.row(0), theme: theme)
    let below = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: max(0, rect.height - 1))
    if let choosing {
      renderSuggestions(choosing.name, data.suggestions, l, into: &grid, in: below, theme: theme)
    } else if let d = data.sig {
      renderSIG(d, ctx, into: &grid, in: below, theme: theme)
    } else {
      table(data, ctx, width: below.width, theme: theme).render(
        into: &grid, in: below, theme: theme)
    }
  }

  /// The current view's table; its columns by priority, the narrow screen keeps the first ones.
  func table(_ data: Data, _ ctx: Context, width: Int, theme: Theme) -> Table {
    let l = ctx.l
    let wide = width >= 100
    switch view {
    case .unmentored:
      var columns: [Table.Column] = [.init(Term.name.title(l), width: .flex(3))]
      if wide { columns.append(.init(Term.cluster.title(l), width: .flex(2))) }
      columns += [
        .init(Term.division.title(l), width: .flex(2)),
        .init(Term.lastVisit.title(l), width: .fixed(10)),
      ]
      if width >= 70 { columns.append(.init(Term.phone.title(l), width: .fixed(13))) }
      let rows = data.unmentored.rows.map { r -> [String] in
        var cells = [r.name]
        if wide { cells.append(r.clusterName) }
        cells += [r.divisionName ?? "–", r.lastVisit?.description ?? "–"]
        if width >= 70 { cells.append(r.phone) }
        return cells
      }
      return Table(
        columns: columns, rows: rows, firstRow: list.offset, rowCount: data.unmentored.count,
        scroll: data.unmentored.count == 0 ? nil : list,
        emptyMessage: l.pick("Every active company has a mentor.", "모든 활동 기업에 멘토가 있습니다."))
    case .mentoring:
      var columns: [Table.Column] = [
        .init(Term.company.title(l), width: .flex(3)), .init(Term.mentor.title(l), width: .flex(2)),
      ]
      if wide { columns.append(.init(Term.affiliation.title(l), width: .flex(3))) }
      columns += [
        .init(Term.mentoringField.title(l), width: .flex(2)),
        .init(Term.started.title(l), width: .fixed(10)),
        .init(
          Term.sessions.title(l), width: Self.fits(Term.sessions.title(l), 4), alignment: .right),
      ]
      if width >= 70 { columns.append(.init(l.pick("Last", "최근"), width: .fixed(10))) }
      let rows = data.mentoring.rows.map { r -> [String] in
        var cells = [r.memberName, r.expertName]
        if wide { cells.append(r.expertAffiliation) }
        cells += [r.mentoring.field, r.mentoring.started?.description ?? "–", "\(r.sessions)"]
        if width >= 70 { cells.append(r.lastSession?.description ?? "–") }
        return cells
      }
      return Table(
        columns: columns, rows: rows, firstRow: list.offset, rowCount: data.mentoring.count,
        scroll: data.mentoring.count == 0 ? nil : list,
        emptyMessage: l.pick("No mentoring under way.", "진행 중인 멘토링이 없습니다."))
    case .experts:
      var columns: [Table.Column] = [
        .init(Term.expertName.title(l), width: .flex(2)),
        .init(Term.affiliation.title(l), width: .flex(3)),
      ]
      if wide { columns.append(.init(Term.expertKind.title(l), width: .fixed(10))) }
      columns += [
        .init(Term.fields.title(l), width: .flex(3)),
        .init(
          Term.load.title(l), width: Self.fits(Term.load.title(l), wide ? 10 : 7), alignment: .right
        ),
      ]
      var styles: [Int: Style] = [:]
      let rows = data.experts.rows.enumerated().map { i, r -> [String] in
        if !r.hasRoom { styles[list.offset + i] = theme.dim }
        var cells = [r.expert.name, r.expert.affiliation]
        if wide { cells.append(r.expert.kind.label(l)) }
        cells += [r.expert.fields.joined(separator: ", "), Self.load(r.load, r.expert.capacity)]
        return cells
      }
      return Table(
        columns: columns, rows: rows, firstRow: list.offset, rowCount: data.experts.count,
        scroll: data.experts.count == 0 ? nil : list, rowStyles: styles,
        emptyMessage: l.pick("No expert matches.", "조건에 맞는 전문가가 없습니다."))
    case .sigs:
      var columns: [Table.Column] = [.init(Term.sigName.title(l), width: .flex(3))]
      if wide { columns.append(.init(Term.cluster.title(l), width: .flex(2))) }
      columns += [
        .init(Term.leader.title(l), width: .flex(2)),
        .init(
          Term.sigMembers.title(l), width: Self.fits(Term.sigMembers.title(l), 5), alignment: .right
        ),
      ]
      columns += SIGTaskStatus.allCases.map {
        .init($0.label(l), width: Self.fits($0.label(l), wide ? 9 : 6), alignment: .right)
      }
      let rows = data.sigs.rows.map { r -> [String] in
        var cells = [r.sig.name]
        if wide { cells.append(r.clusterName) }
        cells += [r.leaderName ?? "–", "\(r.members)", "\(r.proposed)", "\(r.active)", "\(r.done)"]
        return cells
      }
      return Table(
        columns: columns, rows: rows, firstRow: list.offset, rowCount: data.sigs.count,
        scroll: data.sigs.count == 0 ? nil : list,
        emptyMessage: l.pick("No SIG yet.", "SIG가 없습니다."))
    }
  }

  /// A fixed column at least `width` wide, and as wide as its title.
  static func fits(_ title: String, _ width: Int) -> Table.Width {
    .fixed(max(width, DisplayWidth.of(title)))
  }

  /// `2/3`: the companies an expert mentors now of how many they can.
  static func load(_ load: Int, _ capacity: Int) -> String { "\(load)/\(capacity)" }

  private func renderSuggestions(
    _ company: String, _ suggestions: [MentorSuggestion], _ l: Language, into grid: inout Grid,
    in rect: Rect, theme: Theme
  ) {
    guard !rect.isEmpty else { return }
    grid.put(
      l.pick("Mentor for ", "멘토 배정: ") + company, x: rect.x, y: rect.y, style: theme.title,
      maxWidth: rect.width)
    let wide = rect.width >= 100
    var columns: [Table.Column] = [
      .init(Term.expertName.title(l), width: .flex(2)),
      .init(Term.affiliation.title(l), width: .flex(3)),
    ]
    if wide { columns.append(.init(Term.fields.title(l), width: .flex(3))) }
    columns += [
      .init(Term.matched.title(l), width: .flex(3)),
      .init(
        Term.load.title(l), width: Self.fits(Term.load.title(l), wide ? 10 : 7), alignment: .right),
    ]
    var styles: [Int: Style] = [:]
    let rows = suggestions.enumerated().map { i, s -> [String] in
      if !s.hasRoom { styles[i] = theme.dim }
      var cells = [s.expert.name, s.expert.affiliation]
      if wide { cells.append(s.expert.fields.joined(separator: ", ")) }
      cells += [
        s.matched.isEmpty ? "–" : s.matched.joined(separator: ", "),
        Self.load(s.load, s.expert.capacity) + (s.hasRoom ? "" : "!"),
      ]
      return cells
    }
    Table(
      columns: columns, rows: rows, scroll: suggestions.isEmpty ? nil : suggestionList,
      rowStyles: styles,
      emptyMessage: l.pick("No expert to suggest.", "추천할 전문가가 없습니다.")
    ).render(
      into: &grid, in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1),
      theme: theme)
  }

  private func renderSIG(
    _ d: SIGDetail, _ ctx: Context, into grid: inout Grid, in rect: Rect, theme: Theme
  ) {
    let l = ctx.l
    let lines = Self.lines(d, l)
    let first = sigList.firstVisible(count: lines.count, visible: rect.height)
    for r in 0..<rect.height {
      let i = first + r
      guard i < lines.count else { break }
      let text: String
      var style = theme.normal
      switch lines[i] {
      case .heading(let t):
        text = t
        style = theme.title
      case .none:
        text = "  " + l.pick("none", "없음")
        style = theme.dim
      case .member(let m):
        text =
          "  \(m.name)" + (m.isLeader ? l.pick(" (leader)", " (주관)") : "")
          + (m.joined.map { l.pick(" · joined \($0)", " · \($0) 참여") } ?? "")
      case .task(let t):
        text = "  " + Document.taskLine(t.task, owner: t.ownerName, today: ctx.today, l)
        if t.task.status == .done { style = theme.dim }
        if t.task.isOverdue(on: ctx.today) { style = theme.warning }
      }
      let selected = i == sigList.cursor
      let row = Rect(x: rect.x, y: rect.y + r, width: rect.width, height: 1)
      grid.fill(row, style: selected ? theme.selected : theme.normal)
      grid.put(
        DisplayWidth.truncate(text, to: rect.width), x: rect.x, y: row.y,
        style: selected ? theme.selected : style, maxWidth: rect.width)
    }
  }
}

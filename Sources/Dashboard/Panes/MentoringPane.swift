import ClusterKit
import TerminalKit

/// 1사1멘토링 and 1사1SIG in four views, switched with ←/→: the companies without a mentor, the
/// mentoring under way, the expert pool with each expert's load, and the SIGs. `a` shows the
/// experts suggested for a company, ranked by fit, and assigns one; an open SIG shows its
/// companies and tasks. Each list is read a window at a time; the counts of the bar of views and
/// of the companies without a mentor are read after the first frame (see `Memo.later`).
struct MentoringPane: Pane {
  static let name = "mentoring"
  static func title(_ l: Language) -> String { l.pick("Mentoring & SIGs", "멘토링·SIG") }
  static let verbs = ["assign", "mentor", "sig"]

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
  static let sigsScope = Scope(id: "mentoring.sigs", english: "SIGs", korean: "SIG 목록")
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
  static let expertCompanies = Action("expertCompanies")
  static let clearExpert = Action("clearExpert")
  static let join = Action("joinSIG")
  static let leave = Action("leaveSIG")
  static let addTask = Action("addSIGTask")
  static let moveTask = Action("moveSIGTask")
  static let endSearch = Action("endMentoringSearch")
  static let clearSearch = Action("clearMentoringSearch")
  /// Esc over a list whose search was kept with Enter, as in the members and visits panes.
  static let clearKeptSearch = Action("clearKeptMentoringSearch")

  static let bindings: [Binding] = [
    Binding([.right], nextView, scope, "next view", "다음 보기").hint("←→", "view", "보기"),
    Binding([.left], previousView, scope, "previous view", "이전 보기"),
    Binding(
      [.char(":")], .command, scope,
      "command line: assign, mentor, sig", "명령줄: assign, mentor, sig"),
    Binding([.enter, .char("l")], .open, scope, "open", "열기", hint: true),
    Binding([.char("/")], .search, unmentoredScope, "search (초성 ok)", "검색 (초성 가능)"),
    Binding([.escape], clearKeptSearch, unmentoredScope, "clear the search", "검색 지우기"),
    Binding([.char("a")], assign, unmentoredScope, "assign a mentor", "멘토 배정").hint(
      "a", "assign", "배정"),
    Binding([.char("/")], .search, mentoringScope, "search (초성 ok)", "검색 (초성 가능)"),
    Binding([.char("a")], assign, mentoringScope, "assign another mentor", "멘토 교체").hint(
      "a", "reassign", "교체"),
    Binding([.char("n")], logSession, mentoringScope, "log a session", "멘토링 기록").hint(
      "n", "log", "기록"),
    Binding([.char("x")], endMentoring, mentoringScope, "end the mentoring", "멘토링 종료").hint(
      "x", "end", "종료"),
    Binding(
      [.escape], clearExpert, mentoringScope, "clear the search, then the expert filter",
      "검색 지우기, 다음은 전문가 필터 해제"),
    Binding([.char("/")], .search, expertsScope, "search name or affiliation", "이름·소속 검색"),
    Binding([.escape], clearKeptSearch, expertsScope, "clear the search", "검색 지우기"),
    Binding([.char("f")], withRoom, expertsScope, "only experts with room", "여유 있는 전문가만").hint(
      "f", "with room", "여유"),
    Binding([.char("c")], expertCompanies, expertsScope, "the expert's companies", "전문가의 멘토링 기업")
      .hint("c", "companies", "기업"),
    Binding([.char("/")], .search, sigsScope, "search SIG, theme or company", "SIG·주제·기업 검색"),
    Binding([.escape], clearKeptSearch, sigsScope, "clear the search", "검색 지우기"),
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
    case .sigs: return [Self.sigsScope, Self.scope, .global]
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
    /// Nil until read after the frame.
    var counts: Counts?
    var unmentored = PagedList<MemberQuery, MemberRow>()
    var mentoring = PagedList<MentoringFilter, MentoringRow>()
    var experts = PagedList<ExpertQuery, ExpertRow>()
    var sigs = PagedList<String, SIGRow>()
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

    /// Whether the view's count is still being read (only the companies without a mentor defer
    /// theirs).
    func counting(_ view: View) -> Bool { view == .unmentored && unmentored.counting }
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
    var sigs = PagedList<String, SIGRow>.Cache()
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
    data.counts = cache.counts.later(0, ctx) {
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
    // A view showing its whole list has the bar's count, already read: switching to it counts
    // nothing again.
    let counts = data.counts
    switch view {
    case .unmentored:
      data.unmentored = cache.unmentored.load(
        unmentoredQuery, at: list, lctx, countLater: true,
        count: { query in
          try counts.flatMap { query == .companiesWithoutMentor() ? $0.unmentored : nil }
            ?? workspace.memberCount(query)
        },
        rows: { try workspace.memberRows($0, offset: $1, limit: $2) })
    case .mentoring:
      data.mentoring = cache.mentoring.load(
        mentoringFilter, at: list, lctx,
        count: { filter in
          try counts.flatMap { filter == MentoringFilter(activeOnly: true) ? $0.mentoring : nil }
            ?? workspace.mentoringCount(filter)
        },
        rows: { try workspace.mentoringRows($0, offset: $1, limit: $2) })
    case .experts:
      data.experts = cache.experts.load(
        expertQuery, at: list, lctx,
        count: { query in
          try counts.flatMap { query == ExpertQuery() ? $0.experts : nil }
            ?? workspace.expertCount(query)
        },
        rows: { try workspace.expertRows($0, offset: $1, limit: $2) })
    case .sigs:
      data.sigs = cache.sigs.load(
        searches[View.sigs.rawValue], at: list, lctx,
        count: { search in
          try counts.flatMap { search.isEmpty ? $0.sigs : nil }
            ?? workspace.sigCount(search: search)
        },
        rows: { try workspace.sigRows(search: $0, offset: $1, limit: $2) })
    }
    return data
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
    case Self.assign, Self.endMentoring, Self.logSession, Self.expertCompanies, .open:
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
}

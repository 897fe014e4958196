import ClusterKit
import TerminalKit

/// The member directory: a window of the members that match the search and filters, sorted by
/// a column; `/` searches as you type (initial consonants and half-typed syllables work).
struct MembersPane: Pane {
  static let name = "members"
  static func title(_ l: Language) -> String { l.pick("Members", "회원") }
  static let verbs = ["members", "member", "search"]

  static let scope = Scope.pane(Self.self)
  static let searchScope = Scope(id: "members.search", english: "Member search", korean: "회원 검색")

  static let filterKind = Action("filterKind")
  static let filterRole = Action("filterRole")
  static let filterCluster = Action("filterCluster")
  static let filterDivision = Action("filterDivision")
  static let clearFilters = Action("clearFilters")
  static let filterDirectoryBook = Action("filterDirectoryBook")
  static let sortNext = Action("sortNext")
  static let sortReverse = Action("sortReverse")
  static let endSearch = Action("endSearch")
  static let clearSearch = Action("clearSearch")

  static let bindings: [Binding] = [
    Binding([.char("/")], .search, scope, "search (초성 ok)", "검색 (초성 가능)", hint: true),
    Binding([.enter, .char("l")], .open, scope, "open", "열기", hint: true),
    Binding([.char("n")], .new, scope, "new member", "회원 추가", hint: true),
    Binding([.char("e")], .edit, scope, "edit", "수정", hint: true),
    Binding([.char("f")], filterKind, scope, "filter kind", "구분 필터"),
    Binding([.char("r")], filterRole, scope, "filter role", "직위 필터"),
    Binding([.char("c")], filterCluster, scope, "filter cluster", "미클 필터"),
    Binding([.char("d")], filterDivision, scope, "filter division", "분과 필터"),
    Binding(
      [.char("b")], filterDirectoryBook, scope, "filter directory book (this edition)",
      "디렉토리북 필터 (이번 발행)"),
    Binding([.char("x")], clearFilters, scope, "clear filters", "필터 해제"),
    Binding([.escape], clearSearch, scope, "clear the search", "검색 지우기"),
    Binding(
      [.char("s"), .char(">")], sortNext, scope, "sort by next column", "정렬 열 바꾸기", hint: true),
    Binding([.char("S"), .char("<")], sortReverse, scope, "reverse sort", "정렬 뒤집기"),
    Binding([.enter], endSearch, searchScope, "open the member", "회원 열기").hint(
      "Enter", "open", "열기"),
    Binding([.escape], clearSearch, searchScope, "clear the search", "검색 지우기").hint(
      "Esc", "clear", "지우기"),
    Binding([.up], .up, searchScope, "move up", "위로").hint("↑↓", "move", "이동"),
    Binding([.down], .down, searchScope, "move down", "아래로"),
    Binding([.pageUp], .pageUp, searchScope, "page up", "이전 쪽"),
    Binding([.pageDown], .pageDown, searchScope, "page down", "다음 쪽"),
    Binding.text(searchScope, "type the search (초성 ok)", "검색어 입력 (초성 가능)"),
  ]

  var list = ScrollState()
  var query = MemberQuery()
  /// Who the list shows by their part in the current directory-book edition; nil for everyone.
  var directoryBook: DirectoryBookState?
  /// The search field while `/` is active.
  var search: TextField?
  /// A `:members` search whose count the message line says once it is read.
  var announce: String?

  var scopes: [Scope] { search == nil ? [Self.scope, .global] : [Self.searchScope] }

  struct Data: Sendable {
    var list = PagedList<MemberQuery, MemberRow>()
    /// The member under the cursor, whole (what `e` edits).
    var selected: Member?
    /// The directory-book edition the column and the filter are about.
    var edition: Int
    var count: Int { list.count }
  }

  struct Cache: PaneCache {
    var list = PagedList<MemberQuery, MemberRow>.Cache()
    var member = Memo<Int64?, Member?>()
    var edition = Memo<Day, Int>()
  }

  func load(_ ctx: Context, _ workspace: Workspace, _ cache: inout Cache) -> Data {
    let edition = cache.edition.get(ctx.today) {
      (try? workspace.directoryEdition(today: ctx.today)) ?? ctx.today.year
    }
    var shown = query
    shown.language = ctx.l
    shown.directoryBook = DirectoryBookQuery(edition: edition, state: directoryBook)
    let rows = cache.list.load(
      shown, at: list, ctx, countLater: query.isShortSearch,
      count: { try workspace.memberCount($0) },
      rows: { try workspace.memberRows($0, offset: $1, limit: $2) })
    let id = rows.row(at: list)?.id
    return Data(
      list: rows, selected: cache.member.get(id) { id.flatMap { try? workspace.member(id: $0) } },
      edition: edition)
  }

  mutating func fit(_ data: Data, _ ctx: Context, _ app: inout AppState) {
    list.fit(data.list, ctx)
    if let text = announce, !data.list.counting {
      app.say(ctx.l.pick("\(data.count) member(s) match '\(text)'", "'\(text)' 검색: \(data.count)명"))
      announce = nil
    }
  }

  mutating func update(_ action: Action, _ data: Data, _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  {
    if list.apply(action, count: data.count, ctx) { return [] }
    switch action {
    case .search: search = TextField(query.search)
    case .open:
      if let row = data.list.row(at: list) {
        app.modals.append(.detail(DetailState(subject: .member(row.id))))
      }
    case .edit:
      if let member = data.selected, let row = data.list.row(at: list) {
        FormBuilder.openMember(
          member, division: row.divisionName ?? "", defaultCluster: nil,
          directoryBook: DirectoryBookField(data.edition, row.directoryBook, today: ctx.today), ctx,
          &app)
      }
    case .new:
      FormBuilder.openMember(
        nil, division: "", defaultCluster: query.clusterId,
        directoryBook: DirectoryBookField(data.edition, nil, today: ctx.today), ctx, &app)
    case Self.filterKind: filter { $0.kind = cycle(MemberKind.allCases, $0.kind) }
    case Self.filterRole: filter { $0.role = cycle(OfficerRole.allCases, $0.role) }
    case Self.filterCluster:
      filter {
        $0.clusterId = cycle(ctx.common.clusters.map(\.id), $0.clusterId)
        $0.divisionId = nil
      }
    case Self.filterDivision:
      let ids = ctx.common.divisions.filter { d in query.clusterId.map { d.clusterId == $0 } ?? true
      }
      filter { $0.divisionId = cycle(ids.map(\.id), $0.divisionId) }
    case Self.filterDirectoryBook:
      let steps: [DirectoryBookState] = [.missing, .asked, .submitted, .notAsked]
      directoryBook = cycle(steps, directoryBook)
      list = ScrollState()
    case Self.clearFilters:
      directoryBook = nil
      filter { $0 = MemberQuery(sort: $0.sort, descending: $0.descending) }
    case Self.sortNext:
      let all = MemberSort.allCases
      query.sort = all[(all.firstIndex(of: query.sort)! + 1) % all.count]
      query.descending = false
    case Self.sortReverse: query.descending.toggle()
    case Self.clearSearch:
      search = nil
      filter { $0.search = "" }
    case Self.endSearch:
      search = nil
      if data.count > 0 { return update(.open, data, ctx, &app) }
    default:
      guard let key = action.key, var field = search else { break }
      field.handle(key)
      search = field
      if field.value != query.search { filter { $0.search = field.value } }
    }
    return []
  }

  /// Changes the query and goes back to the first row.
  private mutating func filter(_ change: (inout MemberQuery) -> Void) {
    change(&query)
    list = ScrollState()
  }

  mutating func command(_ verb: String, _ words: [String], _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  {
    let text = words.joined(separator: " ")
    app.pane = Self.name
    filter { $0.search = text }
    announce = text
    return []
  }

  func unavailable(_ action: Action, _ data: Data, _ ctx: Context) -> String? {
    if action == Self.clearSearch, search == nil, query.search.isEmpty {
      return ctx.l.pick("No search to clear.", "지울 검색이 없습니다.")
    }
    guard action == .open || action == .edit, data.list.row(at: list) == nil else { return nil }
    return ctx.l.pick("No member is selected.", "선택된 회원이 없습니다.")
  }

  mutating func hide() { search = nil }

  func messageLine(_ data: Data, _ ctx: Context) -> MessageLine {
    let l = ctx.l
    if let search {
      let n = data.list.counting ? "…" : "\(data.count)"
      return .field(prompt: "/", search, right: l.pick("\(n) found", "\(n)건"))
    }
    let n = data.list.counting ? "…" : "\(data.count)"
    var parts = [l.pick("\(n) members", "회원 \(n)명")]
    if let c = query.clusterId, let cluster = ctx.common.clusters.first(where: { $0.id == c }) {
      parts.append(cluster.name)
    }
    if let d = query.divisionId, let division = ctx.common.divisions.first(where: { $0.id == d }) {
      parts.append(division.name)
    }
    if let k = query.kind { parts.append(k.label(l)) }
    if let r = query.role { parts.append(r.label(l)) }
    if let b = directoryBook {
      parts.append(Term.directoryBook.title(l) + " \(data.edition): " + b.label(l))
    }
    if !query.search.isEmpty { parts.append("/\(query.search)") }
    parts.append(
      l.pick("sorted by ", "정렬: ") + Self.term(query.sort).label(l)
        + (query.descending ? " ▼" : " ▲"))
    return .summary(parts.joined(separator: " · "))
  }

  static func term(_ sort: MemberSort) -> Term {
    switch sort {
    case .name: .name
    case .kind: .kind
    case .division: .division
    case .role: .role
    case .representative: .representative
    case .phone: .phone
    case .lastVisit: .lastVisit
    case .cluster: .cluster
    }
  }

  func render(_ data: Data, _ ctx: Context, into grid: inout Grid, in rect: Rect, theme: Theme) {
    let l = ctx.l
    // Columns by priority; the narrow screen keeps the first ones. The directory book's column
    // has no sort of its own.
    typealias Column = (
      term: Term, sort: MemberSort?, width: Table.Width, minWidth: Int,
      value: (MemberRow) -> String
    )
    func column(
      _ sort: MemberSort, _ width: Table.Width, _ minWidth: Int,
      _ value: @escaping (MemberRow) -> String
    ) -> Column {
      (Self.term(sort), sort, width, minWidth, value)
    }
    // `submitted 10.02`: the longest status and a date.
    let bookWidth = DirectoryBookStatus.allCases.map { DisplayWidth.of($0.label(l)) }.max()! + 6
    let book: Column = (
      .directoryBook, nil, .fixed(bookWidth), bookWidth,
      { Self.directoryBookCell($0.directoryBook, l) }
    )
    var all: [Column] = [
      column(.name, .flex(3), 14, \.name),
      column(.phone, .fixed(13), 13, \.phone),
      column(.role, .fixed(8), 8, { $0.role.label(l) }),
      column(.kind, .fixed(8), 8, { $0.kind.label(l) }),
      column(.lastVisit, .fixed(10), 10, { $0.lastVisit?.description ?? "–" }),
      column(.representative, .fixed(8), 8, \.representative),
      column(.division, .flex(2), 8, { $0.divisionName ?? "–" }),
    ]
    // Filtered by the directory book, its column comes right after the name.
    if directoryBook == nil { all.append(book) } else { all.insert(book, at: 1) }
    // With every cluster listed, a wide screen also says which cluster each member is in.
    if query.clusterId == nil { all.append(column(.cluster, .flex(2), 12, \.clusterName)) }
    var shown: [Column] = []
    var used = 0
    for c in all where used + c.minWidth + (shown.isEmpty ? 0 : 1) <= rect.width {
      used += c.minWidth + (shown.isEmpty ? 0 : 1)
      shown.append(c)
    }
    // Screen order: name, kind, cluster, division, role, representative, phone, last visit,
    // directory book.
    let order: [Term] = [
      .name, .kind, .cluster, .division, .role, .representative, .phone, .lastVisit,
      .directoryBook,
    ]
    shown.sort { order.firstIndex(of: $0.term)! < order.firstIndex(of: $1.term)! }
    var styles: [Int: Style] = [:]
    for (i, row) in data.list.rows.enumerated() where row.status != .active {
      styles[list.offset + i] = theme.dim
    }
    Table(
      columns: shown.map { Table.Column($0.term.title(l), width: $0.width) },
      rows: data.list.rows.map { row in shown.map { $0.value(row) } }, firstRow: list.offset,
      rowCount: data.count, scroll: data.count == 0 ? nil : list,
      sortColumn: shown.firstIndex { $0.sort == query.sort }, sortAscending: !query.descending,
      rowStyles: styles, emptyMessage: l.pick("No members match.", "조건에 맞는 회원이 없습니다.")
    ).render(into: &grid, in: rect, theme: theme)
  }
}

extension MembersPane {
  /// A member's part in the edition: `submitted 10.02`, `asked 09.01`, or `–` when not asked.
  static func directoryBookCell(_ entry: DirectoryBookEntry?, _ l: Language) -> String {
    guard let entry else { return "–" }
    let day = entry.status == .submitted ? entry.submitted : entry.asked
    return entry.status.label(l) + (day.map { " " + Format.monthDay($0) } ?? "")
  }
}

/// The next value after `current` in `all`; nil after the last (no filter), the first after nil.
func cycle<T: Equatable>(_ all: [T], _ current: T?) -> T? {
  guard let current, let i = all.firstIndex(of: current) else { return all.first }
  return i + 1 < all.count ? all[i + 1] : nil
}

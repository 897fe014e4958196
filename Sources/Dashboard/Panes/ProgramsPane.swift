import ClusterKit
import TerminalKit

/// One year's support programs with their budgets and a bar each of what is disbursed, committed
/// and pending; `[` and `]` change the year, Enter opens a program with its requests by status.
struct ProgramsPane: Pane {
  static let name = "programs"
  static func title(_ l: Language) -> String { l.pick("Programs", "지원사업") }

  static let scope = Scope.pane(Self.self)
  static let previousYear = Action("previousYear")
  static let nextYear = Action("nextYear")

  static let bindings: [Binding] = [
    Binding([.enter, .char("l")], .open, scope, "open", "열기", hint: true),
    Binding([.char("[")], previousYear, scope, "previous year", "이전 연도", hint: true),
    Binding([.char("]")], nextYear, scope, "next year", "다음 연도", hint: true),
    Binding([.char("n")], .new, scope, "new program", "지원사업 추가", hint: true),
    Binding([.char("e")], .edit, scope, "edit program", "지원사업 수정", hint: true),
  ]

  var list = ScrollState()
  /// The year shown; nil until a year is chosen: this year when it has programs, else the newest.
  var year: Int?

  struct Data: Sendable {
    /// The years that have programs, newest first.
    var years: [Int] = []
    var year: Int
    /// The year's programs by name, with their figures.
    var programs: [ProgramFigures] = []

    /// The range `[` and `]` move in: the years with programs, this year and the next.
    func yearRange(_ today: Day) -> ClosedRange<Int> {
      (years + [today.year, year]).min()!...(years + [today.year + 1, year]).max()!
    }
  }

  struct Cache: PaneCache {
    var years = Memo<Int, [Int]>()
    /// Each year's figures as read, kept until the data version moves, so that going back to a
    /// year shown before reads nothing.
    var figures: [Int: [ProgramFigures]] = [:]
  }

  func load(_ ctx: Context, _ workspace: Workspace, _ cache: inout Cache) -> Data {
    let years = cache.years.get(0) { (try? workspace.programYears()) ?? [] }
    let shown =
      year ?? (years.contains(ctx.today.year) ? ctx.today.year : years.first ?? ctx.today.year)
    if cache.figures[shown] == nil {
      cache.figures[shown] = (try? workspace.programFigures(year: shown)) ?? []
    }
    return Data(years: years, year: shown, programs: cache.figures[shown]!)
  }

  mutating func fit(_ data: Data, _ ctx: Context, _ app: inout AppState) {
    list.move(to: list.cursor, count: data.programs.count, visible: Self.visible(ctx))
  }

  /// The table's rows on the screen: the content less its header and the legend.
  static func visible(_ ctx: Context) -> Int { max(1, ctx.contentHeight - 2) }

  mutating func update(_ action: Action, _ data: Data, _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  {
    if list.apply(action, count: data.programs.count, ctx) { return [] }
    let selected = data.programs.indices.contains(list.cursor) ? data.programs[list.cursor] : nil
    switch action {
    case .open:
      if let p = selected {
        app.modals.append(.detail(DetailState(subject: .program(p.program.id))))
      }
    case Self.previousYear, Self.nextYear:
      let next = data.year + (action == Self.nextYear ? 1 : -1)
      if data.yearRange(ctx.today).contains(next) {
        year = next
        list = ScrollState()
      }
    case .new:
      app.modals.append(.form(FormBuilder.program(nil, year: data.year, ctx.l)))
    case .edit:
      if let p = selected {
        app.modals.append(.form(FormBuilder.program(p.program, year: data.year, ctx.l)))
      }
    default: break
    }
    return []
  }

  func unavailable(_ action: Action, _ data: Data, _ ctx: Context) -> String? {
    let l = ctx.l
    switch action {
    case .open, .edit:
      return data.programs.isEmpty
        ? l.pick("No programs in \(data.year); n adds one.", "\(data.year)년 지원사업이 없습니다. n으로 추가하세요.")
        : nil
    case Self.previousYear, Self.nextYear:
      let range = data.yearRange(ctx.today)
      let next = data.year + (action == Self.nextYear ? 1 : -1)
      return range.contains(next)
        ? nil
        : l.pick(
          "No programs before \(range.lowerBound) or after \(range.upperBound).",
          "\(range.lowerBound)년 이전이나 \(range.upperBound)년 이후에는 지원사업이 없습니다.")
    default: return nil
    }
  }

  func messageLine(_ data: Data, _ ctx: Context) -> MessageLine {
    let l = ctx.l
    let budget = data.programs.map(\.budgetKRW).reduce(0, +)
    let remaining = data.programs.map(\.remainingKRW).reduce(0, +)
    return .summary(
      l.pick(
        "Programs \(data.year): \(data.programs.count), budget \(Money.compactRounded(budget)), remaining \(Money.compactRounded(remaining))",
        "\(data.year)년 지원사업 \(data.programs.count)건, 예산 \(Money.compactRounded(budget)), 잔액 \(Money.compactRounded(remaining))"
      ))
  }

  /// The bar's parts, left to right: disbursed, committed but not yet paid, pending; the whole
  /// is the budget (what is left of it stays dotted).
  static func bar(_ f: ProgramFigures) -> StackedBar {
    StackedBar(
      segments: [
        .init("", Int(f.disbursedKRW)), .init("", Int(max(0, f.committedKRW - f.disbursedKRW))),
        .init("", Int(f.pendingKRW)),
      ], total: Int(f.budgetKRW), showLegend: false)
  }

  func render(_ data: Data, _ ctx: Context, into grid: inout Grid, in rect: Rect, theme: Theme) {
    let l = ctx.l
    let wide = rect.width >= 100
    let amountWidth = wide ? 14 : 9
    func money(_ amount: KRW) -> String {
      wide ? Money.format(amount) : Money.compactRounded(amount)
    }
    var columns: [Table.Column] = [.init(Term.programName.title(l), width: .flex(3))]
    if wide { columns.append(.init(Term.programCategory.title(l), width: .fixed(16))) }
    columns += [
      .init(Term.budget.title(l), width: .fixed(amountWidth), alignment: .right),
      .init("", width: .flex(wide ? 3 : 2)),
      .init(Term.remaining.title(l), width: .fixed(amountWidth), alignment: .right),
    ]
    if wide {
      columns.append(.init(Term.pending.title(l), width: .fixed(8), alignment: .right))
    }
    let rows = data.programs.map { f -> [String] in
      var cells = [f.program.name]
      if wide { cells.append(f.program.category.label(l)) }
      cells += [money(f.budgetKRW), "", money(f.remainingKRW)]
      if wide { cells.append("\(f.pendingCount)") }
      return cells
    }
    let tableRect = Rect(x: rect.x, y: rect.y, width: rect.width, height: max(1, rect.height - 1))
    let table = Table(
      columns: columns, rows: rows, firstRow: 0, rowCount: data.programs.count,
      scroll: data.programs.isEmpty ? nil : list,
      emptyMessage: l.pick(
        "No programs in \(data.year); n adds one, [ and ] change the year.",
        "\(data.year)년 지원사업이 없습니다. n으로 추가하고 [ ]로 연도를 바꿉니다."))
    table.render(into: &grid, in: tableRect, theme: theme)
    // The bars go into the empty column, a cell narrower than it on each side.
    let widths = table.columnWidths(total: rect.width)
    let barColumn = wide ? 3 : 2
    let barX = rect.x + widths.prefix(barColumn).reduce(0, +) + barColumn * table.spacing
    let first = table.firstVisible(for: tableRect)
    for r in 0..<table.visibleRowCount(for: tableRect)
    where data.programs.indices.contains(first + r) {
      Self.bar(data.programs[first + r]).render(
        into: &grid, in: Rect(x: barX, y: tableRect.y + 1 + r, width: widths[barColumn], height: 1),
        theme: theme)
    }
    guard rect.height > 1 else { return }
    let legend = [
      (Term.disbursed, 0), (Term.committed, 1), (Term.pending, 2),
    ].map { "\(StackedBar.glyphs[$1]) \($0.title(l))" }
    grid.put(
      "\(data.year)  " + legend.joined(separator: "  ") + "  · " + Term.remaining.title(l)
        + "   [ ] " + l.pick("year", "연도"),
      x: rect.x, y: rect.maxY - 1, style: theme.dim, maxWidth: rect.width)
  }
}

import ClusterKit
import TerminalKit

/// The year at a glance: members, meetings and attendance, requests, visits per week, budgets,
/// overdue follow-ups, the requests waiting longest and who is due for a visit.
struct OverviewPane: Pane {
  static let name = "overview"
  static func title(_ l: Language) -> String { l.pick("Overview", "현황") }
  /// `:report` opens the overview, the report's figures on screen.
  static let verbs = ["report"]
  static let scope = Scope.pane(Self.self)
  static let writeReport = Action("writeReport")
  static let bindings: [Binding] = [
    Binding([.char("W")], writeReport, scope, "report .xlsx", "실적보고 엑셀", hint: true)
  ]

  struct Data: Sendable {
    /// The year's figures, kept by the workspace (a lookup, read before the first frame).
    var report: Result<YearFigures, ReadFailed>
    /// Members per division, kept by the workspace too.
    var divisions: [(name: String, members: Int)]
    var perWeek: [Int] = []
    var openFollowUps: [OpenFollowUp] = []
    var overdueCount = 0
    var waiting: [RequestRow] = []
    /// Every pending request, whatever its program's year: the requests pane's queue.
    var pendingCount = 0
    var due: [DueVisit] = []
    /// Everyone due, not only those listed.
    var dueCount = 0
  }

  struct Weeks: Hashable {
    var today: Day
    var count: Int
  }

  struct Cache: PaneCache {
    var report = Memo<Day, Result<YearFigures, ReadFailed>>()
    var divisions = Memo<Int, [(name: String, members: Int)]>()
    var perWeek = Memo<Weeks, [Int]>()
    var openFollowUps = Memo<Int, [OpenFollowUp]>()
    var overdue = Memo<Day, Int>()
    var waiting = Memo<Int, [RequestRow]>()
    var pendingCount = Memo<Int, Int>()
    var due = Memo<Day, [DueVisit]>()
    var dueCount = Memo<Day, Int>()
  }

  /// The left and right columns on a wide screen; the same rect twice on a narrow one.
  static func columns(_ rect: Rect) -> (Rect, Rect) {
    guard rect.width >= 70 else { return (rect, rect) }
    let parts = rect.split(.horizontal, [.fill(1), .fixed(2), .fill(1)])
    return (parts[0], parts[2])
  }

  /// Weeks in the visits sparkline: as many as fit the left column, 4 to 26.
  static func weeks(_ rect: Rect) -> Int { max(4, min(26, columns(rect).0.width - 1 - 14)) }

  func load(_ ctx: Context, _ workspace: Workspace, _ cache: inout Cache) -> Data {
    let today = ctx.today
    let weeks = Self.weeks(Rect(x: 0, y: 1, width: ctx.width, height: ctx.contentHeight))
    let divisions = ctx.common.divisions
    return Data(
      report: cache.report.get(today) {
        (try? workspace.yearFigures(year: today.year, today: today)).map { .success($0) }
          ?? .failure(ReadFailed())
      },
      divisions: cache.divisions.get(0) {
        let counts = (try? workspace.memberCountsByDivision()) ?? [:]
        return divisions.map { ($0.name, counts[$0.id] ?? 0) }
      },
      perWeek: cache.perWeek.get(Weeks(today: today, count: weeks)) {
        (try? workspace.visitsPerWeek(endingAt: today, weeks: weeks)) ?? []
      },
      openFollowUps: cache.openFollowUps.get(20) {
        (try? workspace.openFollowUps(limit: 20)) ?? []
      },
      overdueCount: cache.overdue.get(today) {
        (try? workspace.followUpCounts(today: today).overdue) ?? 0
      },
      waiting: cache.waiting.get(5) {
        (try? workspace.requestRows(RequestFilter(status: .pending), offset: 0, limit: 5)) ?? []
      },
      pendingCount: cache.pendingCount.get(0) {
        (try? workspace.requestCount(RequestFilter(status: .pending))) ?? 0
      },
      due: cache.due.get(today) { (try? workspace.dueForVisit(today: today, limit: 10)) ?? [] },
      dueCount: cache.dueCount.get(today) { (try? workspace.dueForVisitCount(today: today)) ?? 0 })
  }

  mutating func update(_ action: Action, _ data: Data, _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  {
    guard action == Self.writeReport else { return [] }
    return [Effect(.writeReport(year: ctx.today.year, ctx.l))]
  }

  func messageLine(_ data: Data, _ ctx: Context) -> MessageLine {
    .summary(ctx.l.pick("This year at a glance · ", "올해 현황 · ") + "\(ctx.today.year)")
  }

  func render(_ data: Data, _ ctx: Context, into grid: inout Grid, in rect: Rect, theme: Theme) {
    let today = ctx.today
    let l = ctx.l
    guard case .success(let report) = data.report else {
      grid.put(
        l.pick("Could not read the workspace.", "워크스페이스를 읽지 못했습니다."), x: rect.x, y: rect.y,
        style: theme.error)
      return
    }
    let (left, right) = Self.columns(rect)
    let twoColumns = left != right
    // Sections draw their lines indented by one column (see `stack`).
    let colWidth = left.width - 1

    // Members by kind and division.
    var memberLines = TextLayout.flow(
      MemberKind.allCases.compactMap { k in
        report.membersByKind[k].map { "\(k.label(l)) \($0)" }
      }, width: colWidth)
    memberLines += TextLayout.flow(
      data.divisions.map { "\($0.name) \($0.members)" }, width: colWidth)
    let total = "\(report.totalMembers)"
    let membersSection = OverviewSection(
      title: l.pick("Members \(total)", "회원 \(total)명"),
      height: memberLines.count
    ) { g, r, t in
      // Lines that do not fit are counted by the kinds and divisions they hold.
      let shown = memberLines.count <= r.height ? memberLines.count : max(0, r.height - 1)
      for (i, line) in memberLines.prefix(shown).enumerated() {
        g.put(line, x: r.x, y: r.y + i, style: t.normal, maxWidth: r.width)
      }
      let hidden = memberLines.dropFirst(shown).map {
        $0.split(separator: " · ", omittingEmptySubsequences: false).count
      }
      Self.more(hidden.reduce(0, +), at: shown, &g, r, t, l)
    }

    // Meetings by kind.
    let meetings = report.meetings.filter { $0.held > 0 }
    let meetingsSection = OverviewSection(
      title: l.pick("Meetings held · attendance", "회의 개최 · 참석률"),
      height: max(1, meetings.count)
    ) { g, r, t in
      if meetings.isEmpty {
        g.put(
          l.pick("none yet", "아직 없음"), x: r.x, y: r.y, style: t.dim,
          maxWidth: r.width)
      }
      let (shown, more) = Self.fit(meetings.count, in: r.height)
      for (i, m) in meetings.prefix(shown).enumerated() {
        let line =
          DisplayWidth.pad(m.kind.label(l), to: min(18, r.width / 2))
          + DisplayWidth.pad(l.pick("\(m.held)×", "\(m.held)회"), to: 5, align: .right)
          + DisplayWidth.pad(Format.percent(m.participation.rate), to: 6, align: .right)
        g.put(line, x: r.x, y: r.y + i, style: t.normal, maxWidth: r.width)
      }
      Self.more(more, at: shown, &g, r, t, l)
    }

    // Requests by status.
    let statusLines = TextLayout.flow(
      RequestStatus.allCases.compactMap { s in
        report.requestsByStatus[s].map { "\(s.label(l)) \($0)" }
      }, width: colWidth)
    // Every status is counted, so the lines are shown whole (the seventh, completed, was cut
    // at 80 columns).
    let requestsSection = OverviewSection(
      title: l.pick("Support requests", "지원신청"), height: max(1, statusLines.count),
      minimum: statusLines.count
    ) { g, r, t in
      for (i, line) in statusLines.enumerated() where i < r.height {
        g.put(line, x: r.x, y: r.y + i, style: t.normal, maxWidth: r.width)
      }
    }

    // Visits per week.
    let weeks = Self.weeks(rect)
    let perWeek = data.perWeek
    let visitsSection = OverviewSection(
      title: l.pick("Visits per week (\(weeks) wk)", "주별 방문 (\(weeks)주)"), height: 1
    ) { g, r, t in
      let total = l.pick(" \(perWeek.reduce(0, +)) total", " 계 \(perWeek.reduce(0, +))")
      Sparkline(perWeek).render(
        into: &g, in: Rect(x: r.x, y: r.y, width: min(weeks, r.width), height: 1), theme: t)
      g.put(total, x: r.x + min(weeks, r.width), y: r.y, style: t.dim, maxWidth: r.width - weeks)
    }

    // Budgets: approved against each program's own budget.
    let budgets = report.programs
    let budgetSection = OverviewSection(
      title: l.pick("Approved vs budget", "예산 대비 승인액"), height: max(1, budgets.count * 2)
    ) { g, r, t in
      if budgets.isEmpty {
        g.put(
          l.pick("no programs this year", "올해 지원사업 없음"), x: r.x, y: r.y,
          style: t.dim,
          maxWidth: r.width)
        return
      }
      // Per program: its name with approved / budget, then a bar against its own budget; the
      // programs that do not fit are counted on the last row.
      let fits = budgets.count * 2 <= r.height
      let shown = fits ? budgets.count : max(0, (r.height - 1) / 2)
      Self.more(budgets.count - shown, at: 2 * shown, &g, r, t, l)
      for (i, b) in budgets.prefix(shown).enumerated() {
        let y = r.y + 2 * i
        let figures =
          " \(Money.compactRounded(b.approvedKRW).dropLast())/\(Money.compactRounded(b.program.budgetKRW))"
        let nameWidth = max(0, r.width - DisplayWidth.of(figures))
        g.put(
          DisplayWidth.pad(DisplayWidth.truncate(b.program.name, to: nameWidth), to: nameWidth)
            + figures, x: r.x, y: y, style: t.normal, maxWidth: r.width)
        let over = b.approvedKRW > b.program.budgetKRW
        let rate = b.program.budgetKRW > 0 ? Double(b.approvedKRW) / Double(b.program.budgetKRW) : 0
        let pct = " " + Format.percent(rate)
        let barWidth = max(0, r.width - 5)
        let permille =
          b.program.budgetKRW > 0 ? Int(min(1000, b.approvedKRW * 1000 / b.program.budgetKRW)) : 0
        let bar = BarChart.bar(value: permille, maximum: 1000, width: barWidth)
        // The bar on a track of dots as wide as the whole budget's bar.
        g.put(
          bar + String(repeating: "·", count: max(0, barWidth - DisplayWidth.of(bar))),
          x: r.x, y: y + 1, style: over ? t.warning : t.accent, maxWidth: barWidth)
        g.put(pct, x: r.x + barWidth, y: y + 1, style: t.dim, maxWidth: r.width - barWidth)
      }
    }

    // Overdue follow-ups.
    let overdue = data.openFollowUps.filter { $0.followUp.isOverdue(on: today) }
    let overdueCount = data.overdueCount
    let overdueSection = OverviewSection(
      title: l.pick("Overdue follow-ups \(overdueCount)", "기한 지난 후속조치 \(overdueCount)건"),
      height: max(1, overdue.count + (overdueCount > overdue.count ? 1 : 0))
    ) { g, r, t in
      if overdue.isEmpty {
        g.put(l.pick("none", "없음"), x: r.x, y: r.y, style: t.dim, maxWidth: r.width)
      }
      let (shown, more) = Self.fit(overdue.count, of: overdueCount, in: r.height)
      for (i, f) in overdue.prefix(shown).enumerated() {
        let due = f.followUp.due.map(Format.monthDay) ?? ""
        g.put(
          DisplayWidth.truncate("\(due) \(f.memberName) · \(f.followUp.action)", to: r.width),
          x: r.x, y: r.y + i, style: t.warning, maxWidth: r.width)
      }
      Self.more(more, at: shown, &g, r, t, l)
    }

    // Requests waiting longest.
    let waiting = data.waiting
    // The whole queue, as the requests pane counts it: next year's programs take requests too.
    let pending = max(data.pendingCount, waiting.count)
    let waitingSection = OverviewSection(
      title: l.pick("Waiting longest", "오래 기다린 신청"),
      height: max(1, waiting.count + (pending > waiting.count ? 1 : 0))
    ) { g, r, t in
      if waiting.isEmpty {
        g.put(
          l.pick("nothing pending", "대기 중인 신청 없음"), x: r.x, y: r.y, style: t.dim, maxWidth: r.width)
      }
      let (shown, more) = Self.fit(waiting.count, of: pending, in: r.height)
      Self.more(more, at: shown, &g, r, t, l)
      for (i, w) in waiting.prefix(shown).enumerated() {
        let days = w.submitted.map { Format.days($0.days(until: today), l) } ?? "–"
        let tail = " \(Money.compactRounded(w.requestedKRW)) \(days)"
        let head = DisplayWidth.truncate(
          "#\(w.id) \(w.memberName)", to: max(0, r.width - DisplayWidth.of(tail)))
        g.put(
          DisplayWidth.pad(head, to: r.width - DisplayWidth.of(tail)) + tail, x: r.x, y: r.y + i,
          style: t.normal, maxWidth: r.width)
      }
    }

    // Who is due for a visit by the contact rhythm.
    let due = data.due
    let dueSection = OverviewSection(
      title: l.pick("Due for a visit \(data.dueCount)", "방문 주기 도래 \(data.dueCount)곳"),
      height: max(1, due.count + (data.dueCount > due.count ? 1 : 0))
    ) { g, r, t in
      if due.isEmpty {
        g.put(l.pick("everyone visited", "모두 방문함"), x: r.x, y: r.y, style: t.dim, maxWidth: r.width)
      }
      let (shown, more) = Self.fit(due.count, of: data.dueCount, in: r.height)
      for (i, d) in due.prefix(shown).enumerated() {
        let since = d.daysSince.map { Format.days($0, l) } ?? l.pick("never", "기록 없음")
        g.put(
          DisplayWidth.truncate("\(d.name) · \(since)", to: r.width), x: r.x, y: r.y + i,
          style: t.normal, maxWidth: r.width)
      }
      Self.more(more, at: shown, &g, r, t, l)
    }

    let leftSections = [
      membersSection, meetingsSection, requestsSection, visitsSection, dueSection,
    ]
    let rightSections = [budgetSection, overdueSection, waitingSection]
    if twoColumns {
      stack(leftSections, into: &grid, in: left, theme: theme)
      stack(rightSections, into: &grid, in: right, theme: theme)
    } else {
      stack(leftSections + rightSections, into: &grid, in: rect, theme: theme)
    }
  }

  /// How many of a list's `loaded` items a section `rows` high shows, and how many of `total`
  /// it then leaves out: when not all fit, the last row says how many more there are.
  static func fit(_ loaded: Int, of total: Int? = nil, in rows: Int) -> (shown: Int, more: Int) {
    let total = max(total ?? loaded, loaded)
    let shown = total <= rows ? min(loaded, total) : min(loaded, max(0, rows - 1))
    return (shown, total - shown)
  }

  /// `… 6 more` on row `y` of a section, when there are more.
  static func more(_ n: Int, at y: Int, _ g: inout Grid, _ r: Rect, _ t: Theme, _ l: Language) {
    guard n > 0, y < r.height else { return }
    g.put(l.pick("… \(n) more", "… 외 \(n)건"), x: r.x, y: r.y + y, style: t.dim, maxWidth: r.width)
  }

  /// Draws sections top to bottom, each with its title. Every section first gets its minimum
  /// (up to two rows unless it says more), then the spare room goes to them in order; when
  /// even that does not fit, the last ones are cut.
  private func stack(
    _ sections: [OverviewSection], into grid: inout Grid, in rect: Rect, theme: Theme
  ) {
    let overhead = sections.count * 2 - 1
    var heights = sections.map { min($0.height, max(2, $0.minimum)) }
    var spare = rect.height - overhead - heights.reduce(0, +)
    for i in sections.indices where spare > 0 {
      let extra = min(sections[i].height - heights[i], spare)
      heights[i] += extra
      spare -= extra
    }
    if spare < 0 { heights = sections.map(\.height) }
    var y = rect.y
    for (s, wanted) in zip(sections, heights) {
      guard y < rect.maxY else { break }
      grid.put(s.title, x: rect.x, y: y, style: theme.title, maxWidth: rect.width)
      y += 1
      let h = min(wanted, rect.maxY - y)
      if h > 0 { s.draw(&grid, Rect(x: rect.x + 1, y: y, width: rect.width - 1, height: h), theme) }
      y += h + 1
    }
  }
}

/// A read that failed (the overview says so instead of its figures).
struct ReadFailed: Error {}

/// A block of the overview: a title and what it draws under it.
private struct OverviewSection {
  var title: String
  var height: Int
  /// The rows it gets before any other section gets spare room.
  var minimum = 0
  var draw: (inout Grid, Rect, Theme) -> Void
}

import ClusterKit
import TerminalKit

/// How the mentoring & SIG pane draws its views, the suggestions and an open SIG.
extension MentoringPane {
  /// The line under the views: the search being typed, what is being chosen, or the view's
  /// counts and filters.
  func messageLine(_ data: Data, _ ctx: Context) -> MessageLine {
    let l = ctx.l
    let count = data.counting(view) ? "…" : "\(data.count(view))"
    if let search {
      return .field(prompt: "/", search, right: l.pick("\(count) found", "\(count)건"))
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
      parts = [l.pick("\(count) active companies without a mentor", "멘토 없는 활동 기업 \(count)곳")]
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
      parts = [l.pick("\(data.sigs.count) SIGs", "SIG \(data.sigs.count)개")]
      if c == nil || c?.coverage != nil {
        let covered = c?.coverage.map { "\($0.covered)/\($0.companies)" } ?? "…"
        parts.append(
          l.pick("active companies in a SIG \(covered)", "SIG 참여 활동 기업 \(covered)"))
      }
    }
    let text = searches[view.rawValue]
    if !text.isEmpty { parts.append("/\(text)") }
    return .summary(parts.joined(separator: " · "))
  }

  /// An open SIG as lines: its heading, its companies, then its tasks.
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

  func render(_ data: Data, _ ctx: Context, into grid: inout Grid, in rect: Rect, theme: Theme) {
    let l = ctx.l
    let counts = data.counts.map { c in
      [c.unmentored, c.mentoring, c.experts, c.sigs].map(String.init)
    }
    Tabs(
      titles: View.allCases.map { "\($0.title(l)) \(counts?[$0.rawValue] ?? "…")" },
      active: view.rawValue,
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
        emptyMessage: searches[view.rawValue].isEmpty
          ? l.pick("No SIG yet.", "SIG가 없습니다.")
          : l.pick("No SIG matches.", "조건에 맞는 SIG가 없습니다."))
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

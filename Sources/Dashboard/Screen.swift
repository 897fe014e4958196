import ClusterKit
import TerminalKit

/// The smallest terminal the dashboard draws into; below it a notice is shown instead.
let minimumWidth = 40
let minimumHeight = 10

/// Splits text into lines of at most `width` columns, at spaces when possible.
func wrap(_ text: String, width: Int) -> [String] {
  guard width > 0 else { return [] }
  var out: [String] = []
  for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
    var line = ""
    var lineWidth = 0
    for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
      let w = DisplayWidth.of(String(word))
      if lineWidth > 0 && lineWidth + 1 + w > width {
        out.append(line)
        line = ""
        lineWidth = 0
      }
      var piece = String(word)
      // A single word longer than the line is cut by characters.
      while DisplayWidth.of(piece) > width - lineWidth - (lineWidth > 0 ? 1 : 0), lineWidth == 0 {
        var head = ""
        var used = 0
        for c in piece {
          let cw = DisplayWidth.of(c)
          if used + cw > width { break }
          head.append(c)
          used += cw
        }
        if head.isEmpty { break }
        out.append(head)
        piece = String(piece.dropFirst(head.count))
        if piece.isEmpty { break }
      }
      if piece.isEmpty { continue }
      if lineWidth > 0 {
        line += " "
        lineWidth += 1
      }
      line += piece
      lineWidth += DisplayWidth.of(piece)
    }
    out.append(line)
  }
  return out
}

/// Joins tokens with ` · ` into lines no wider than `width`.
func flow(_ tokens: [String], width: Int, separator: String = " · ") -> [String] {
  var lines: [String] = []
  var line = ""
  for t in tokens {
    if line.isEmpty {
      line = t
    } else if DisplayWidth.of(line + separator + t) <= width {
      line += separator + t
    } else {
      lines.append(line)
      line = t
    }
  }
  if !line.isEmpty { lines.append(line) }
  return lines
}

func percent(_ rate: Double?) -> String {
  guard let rate else { return "–" }
  return "\(Int((rate * 100).rounded()))%"
}

extension DashboardApp {
  /// Draws the current state into a grid; the cursor is the focused text field's caret.
  public func render(width: Int, height: Int, theme: Theme) -> (
    grid: Grid, cursor: (x: Int, y: Int)?
  ) {
    var grid = Grid(width: width, height: height, style: theme.normal)
    guard width >= minimumWidth, height >= minimumHeight else {
      let lines = [
        l.pick("Terminal too small", "화면이 너무 작습니다"),
        "\(width)x\(height) < \(minimumWidth)x\(minimumHeight)",
      ]
      for (i, line) in lines.enumerated() {
        let y = max(0, height / 2 - 1) + i
        let x = max(0, (width - DisplayWidth.of(line)) / 2)
        grid.put(line, x: x, y: y, style: theme.warning)
      }
      return (grid, nil)
    }
    state.width = width
    state.height = height
    let content = Rect(x: 0, y: 1, width: width, height: height - 3)
    var cursor: (x: Int, y: Int)?

    // Tabs and the date.
    let dateText = " \(state.today) "
    Tabs(titles: Pane.allCases.map { $0.title(l) }, active: state.pane.index).render(
      into: &grid, in: Rect(x: 0, y: 0, width: width, height: 1), theme: theme)
    if width >= 60 {
      grid.put(dateText, x: width - DisplayWidth.of(dateText), y: 0, style: theme.dim)
    }

    // The pane, or a full-screen view above it.
    let fullScreen = state.modals.last { modal in
      switch modal {
      case .detail, .attendance: true
      default: false
      }
    }
    switch fullScreen {
    case .detail(let d): renderDetail(d, into: &grid, in: content, theme: theme)
    case .attendance(let a): renderAttendance(a, into: &grid, in: content, theme: theme)
    default: renderPane(into: &grid, in: content, theme: theme)
    }

    // Dialogs on top.
    if case .form(let f) = state.top {
      cursor = renderForm(f, into: &grid, in: content, theme: theme)
    }
    if case .help(let offset) = state.top {
      let below = Array(state.modals.dropLast())
      let scopes: [Scope] =
        switch below.last {
        case .form: [.form]
        case .attendance: [.attendance]
        case .detail(let d): detailScopes(d)
        default: [.pane(state.pane)]
        }
      let help = HelpOverlay(
        title: l.pick("Keys — ? or Esc closes", "단축키 — ? 또는 Esc로 닫기"),
        sections: Keymap.helpSections(first: scopes, l), offset: offset)
      help.render(into: &grid, in: content, theme: theme)
    }

    // Message line and hint bar.
    let messageRow = Rect(x: 0, y: height - 2, width: width, height: 1)
    grid.fill(messageRow, style: theme.normal)
    if case .command(let field) = state.top {
      grid.put(":", x: 0, y: messageRow.y, style: theme.accent)
      cursor = field.render(
        into: &grid, in: Rect(x: 1, y: messageRow.y, width: width - 1, height: 1), theme: theme)
    } else if let field = state.members.searchField, state.pane == .members, state.top == nil {
      grid.put("/", x: 0, y: messageRow.y, style: theme.accent)
      let n = memberCount()
      let countText = " " + l.pick("\(n) found", "\(n)건")
      let fieldWidth = width - 1 - DisplayWidth.of(countText)
      cursor = field.render(
        into: &grid, in: Rect(x: 1, y: messageRow.y, width: fieldWidth, height: 1), theme: theme)
      grid.put(countText, x: width - DisplayWidth.of(countText), y: messageRow.y, style: theme.dim)
    } else if let field = state.visits.searchField, state.pane == .visits, state.top == nil {
      grid.put("/", x: 0, y: messageRow.y, style: theme.accent)
      cursor = field.render(
        into: &grid, in: Rect(x: 1, y: messageRow.y, width: width - 1, height: 1), theme: theme)
    } else if let status = state.status {
      grid.put(
        DisplayWidth.truncate(status.text.replacingOccurrences(of: "\n", with: " "), to: width),
        x: 0, y: messageRow.y, style: status.isError ? theme.error : theme.success)
    } else {
      grid.put(
        DisplayWidth.truncate(summary(), to: width), x: 0, y: messageRow.y, style: theme.dim)
    }
    var hints = Keymap.hints(for: activeScopes, l)
    if state.top == nil, state.members.searchField != nil, state.pane == .members {
      hints = [
        KeyHint("Enter", l.pick("open", "열기")), KeyHint("Esc", l.pick("clear", "지우기")),
        KeyHint("↑↓", l.pick("move", "이동")),
      ]
    }
    StatusBar(hints: hints).render(
      into: &grid, in: Rect(x: 0, y: height - 1, width: width, height: 1), theme: theme)
    return (grid, cursor)
  }

  /// What the message line says when there is nothing else to say.
  func summary() -> String {
    switch state.pane {
    case .overview:
      return l.pick("This year at a glance · ", "올해 현황 · ") + "\(state.today.year)"
    case .members:
      let q = state.members.query
      var parts = [l.pick("\(memberCount()) members", "회원 \(memberCount())명")]
      if let c = q.clusterId, let cluster = clusters().first(where: { $0.id == c }) {
        parts.append(cluster.name)
      }
      if let d = q.divisionId,
        let division = divisions().first(where: { $0.id == d })
      {
        parts.append(division.name)
      }
      if let k = q.kind { parts.append(k.label(l)) }
      if let r = q.role { parts.append(r.label(l)) }
      if !q.search.isEmpty { parts.append("/\(q.search)") }
      parts.append(
        l.pick("sorted by ", "정렬: ") + sortTitle(q.sort) + (q.descending ? " ▼" : " ▲"))
      return parts.joined(separator: " · ")
    case .meetings:
      return l.pick("\(meetingCount()) meetings, newest first", "회의 \(meetingCount())건, 최근순")
    case .visits:
      return l.pick("Visits by week (Monday first)", "주별 방문 (월요일 시작)")
        + (state.visits.dueWeeks.map { l.pick(" · not visited \($0)+ weeks", " · \($0)주 이상 미방문") }
          ?? "")
    case .requests:
      let label = state.requests.status?.label(l) ?? l.pick("all", "전체")
      return l.pick("Requests: \(label), \(requestCount())", "지원신청: \(label) \(requestCount())건")
        + (state.requests.status == .pending ? l.pick(", oldest first", ", 오래된 순") : "")
    }
  }

  func sortTitle(_ s: MemberSort) -> String {
    switch s {
    case .name: l.pick("name", "회사명")
    case .kind: l.pick("kind", "구분")
    case .division: l.pick("division", "분과")
    case .role: l.pick("role", "직위")
    case .representative: l.pick("representative", "대표자")
    case .phone: l.pick("phone", "전화")
    case .lastVisit: l.pick("last visit", "최근 방문")
    case .cluster: l.pick("mini-cluster", "미니클러스터")
    }
  }

  func renderPane(into grid: inout Grid, in rect: Rect, theme: Theme) {
    switch state.pane {
    case .overview: renderOverview(into: &grid, in: rect, theme: theme)
    case .members: renderMembers(into: &grid, in: rect, theme: theme)
    case .meetings: renderMeetings(into: &grid, in: rect, theme: theme)
    case .visits: renderVisits(into: &grid, in: rect, theme: theme)
    case .requests: renderRequests(into: &grid, in: rect, theme: theme)
    }
  }

  // MARK: - Members

  func renderMembers(into grid: inout Grid, in rect: Rect, theme: Theme) {
    let q = state.members.query
    let count = memberCount()
    let visible = max(1, rect.height - 1)
    state.members.list.move(to: state.members.list.cursor, count: count, visible: visible)
    let offset = state.members.list.offset
    let rows = memberRows(offset: offset, limit: visible)
    // Columns by priority; the narrow screen keeps the first ones.
    struct Col {
      var sort: MemberSort
      var column: Table.Column
      var minWidth: Int
      var value: (MemberRow) -> String
    }
    var all: [Col] = [
      Col(
        sort: .name, column: .init(l.pick("Name", "회사명"), width: .flex(3)), minWidth: 14,
        value: \.name),
      Col(
        sort: .phone, column: .init(l.pick("Phone", "전화"), width: .fixed(13)), minWidth: 13,
        value: \.phone),
      Col(
        sort: .role, column: .init(l.pick("Role", "직위"), width: .fixed(8)), minWidth: 8,
        value: { $0.role.label(self.l) }),
      Col(
        sort: .kind, column: .init(l.pick("Kind", "구분"), width: .fixed(8)), minWidth: 8,
        value: { $0.kind.label(self.l) }),
      Col(
        sort: .lastVisit, column: .init(l.pick("Last visit", "최근 방문"), width: .fixed(10)),
        minWidth: 10, value: { $0.lastVisit?.description ?? "–" }),
      Col(
        sort: .representative, column: .init(l.pick("CEO", "대표자"), width: .fixed(8)),
        minWidth: 8, value: \.representative),
      Col(
        sort: .division, column: .init(l.pick("Division", "분과"), width: .flex(2)), minWidth: 8,
        value: { $0.divisionName ?? "–" }),
    ]
    // With every cluster listed, a wide screen also says which cluster each member is in.
    if q.clusterId == nil {
      all.append(
        Col(
          sort: .cluster, column: .init(l.pick("Cluster", "미니클러스터"), width: .flex(2)),
          minWidth: 12, value: \.clusterName))
    }
    var shown: [Col] = []
    var used = 0
    for c in all where used + c.minWidth + (shown.isEmpty ? 0 : 1) <= rect.width {
      used += c.minWidth + (shown.isEmpty ? 0 : 1)
      shown.append(c)
    }
    // Screen order: name, kind, cluster, division, role, representative, phone, last visit.
    let order: [MemberSort] = [
      .name, .kind, .cluster, .division, .role, .representative, .phone, .lastVisit,
    ]
    shown.sort { order.firstIndex(of: $0.sort)! < order.firstIndex(of: $1.sort)! }
    var table = Table(
      columns: shown.map(\.column),
      rows: rows.map { row in shown.map { $0.value(row) } },
      selected: count == 0 ? nil : state.members.list.cursor - offset,
      sortColumn: shown.firstIndex { $0.sort == q.sort }, sortAscending: !q.descending,
      emptyMessage: l.pick("No members match.", "조건에 맞는 회원이 없습니다."))
    var styles: [Int: Style] = [:]
    for (i, row) in rows.enumerated() where row.status != .active { styles[i] = theme.dim }
    table.rowStyles = styles
    table.render(into: &grid, in: rect, theme: theme)
  }

  // MARK: - Meetings

  func renderMeetings(into grid: inout Grid, in rect: Rect, theme: Theme) {
    let count = meetingCount()
    let visible = max(1, rect.height - 1)
    state.meetings.move(to: state.meetings.cursor, count: count, visible: visible)
    let offset = state.meetings.offset
    let rows = meetingRows(offset: offset, limit: visible)
    let wide = rect.width >= 70
    var columns: [Table.Column] = [
      .init(l.pick("Date", "날짜"), width: .fixed(10)),
      .init(l.pick("Kind", "종류"), width: .fixed(wide ? 10 : 8)),
      .init(l.pick("Title", "제목"), width: .flex(3)),
    ]
    if wide { columns.append(.init(l.pick("For", "대상"), width: .flex(2))) }
    columns.append(.init(l.pick("Present", "참석"), width: .fixed(wide ? 11 : 4), alignment: .right))
    let data = rows.map { r -> [String] in
      var cells = [r.date.description, r.kind.label(l), r.title]
      if wide { cells.append(r.divisionName ?? r.clusterName) }
      cells.append(
        wide
          ? (r.invited == 0 ? "–" : "\(r.present)/\(r.invited) \(percent(r.participationRate))")
          : percent(r.participationRate))
      return cells
    }
    Table(
      columns: columns, rows: data, selected: count == 0 ? nil : state.meetings.cursor - offset,
      emptyMessage: l.pick("No meetings yet; n adds one.", "회의가 없습니다. n으로 추가하세요.")
    ).render(into: &grid, in: rect, theme: theme)
  }

  // MARK: - Requests

  func renderRequests(into grid: inout Grid, in rect: Rect, theme: Theme) {
    let count = requestCount()
    let visible = max(1, rect.height - 1)
    state.requests.list.move(to: state.requests.list.cursor, count: count, visible: visible)
    let offset = state.requests.list.offset
    let rows = requestRows(requestFilter, offset: offset, limit: visible)
    let wide = rect.width >= 70
    let pendingOnly = state.requests.status == .pending
    var columns: [Table.Column] = [.init("#", width: .fixed(4), alignment: .right)]
    if wide { columns.append(.init(l.pick("Submitted", "신청일"), width: .fixed(10))) }
    columns.append(.init(l.pick("Member", "회원"), width: .flex(3)))
    if wide { columns.append(.init(l.pick("Program", "지원사업"), width: .flex(3))) }
    columns.append(.init(l.pick("Amount", "금액"), width: .fixed(wide ? 14 : 9), alignment: .right))
    columns.append(
      pendingOnly
        ? .init(l.pick("Waiting", "대기"), width: .fixed(5), alignment: .right)
        : .init(l.pick("Status", "상태"), width: .fixed(8)))
    let data = rows.map { r -> [String] in
      var cells = ["\(r.id)"]
      if wide { cells.append(r.submitted?.description ?? "–") }
      cells.append(r.memberName)
      if wide { cells.append(r.programName) }
      let amount = r.approvedKRW ?? r.requestedKRW
      cells.append(wide ? Money.format(amount) : Money.compactRounded(amount))
      if pendingOnly {
        cells.append(
          r.submitted.map {
            l.pick("\($0.days(until: state.today))d", "\($0.days(until: state.today))일")
          } ?? "–")
      } else {
        cells.append(r.status.label(l))
      }
      return cells
    }
    Table(
      columns: columns, rows: data,
      selected: count == 0 ? nil : state.requests.list.cursor - offset,
      emptyMessage: l.pick("Nothing waiting for review.", "심사할 신청이 없습니다.")
    ).render(into: &grid, in: rect, theme: theme)
  }

  // MARK: - Visits

  func renderVisits(into grid: inout Grid, in rect: Rect, theme: Theme) {
    let items = visitItems()
    if !items.indices.contains(state.visits.list.cursor)
      || !items[state.visits.list.cursor].isSelectable
    {
      state.visits.list.cursor = items.indices.first { items[$0].isSelectable } ?? 0
    }
    state.visits.list.move(to: state.visits.list.cursor, count: items.count, visible: rect.height)
    let first = state.visits.list.offset
    for r in 0..<rect.height {
      let i = first + r
      guard i < items.count else { break }
      let y = rect.y + r
      let selected = i == state.visits.list.cursor
      var style = theme.normal
      var text: String
      switch items[i] {
      case .header(let t):
        text = t
        style = theme.title
      case .empty(let t):
        text = "  " + t
        style = theme.dim
      case .followUp(let f):
        let overdue = f.followUp.isOverdue(on: state.today)
        let due = f.followUp.due.map { short($0) } ?? "–"
        text =
          "  \(overdue ? "!" : "·") \(due) \(f.memberName) · \(f.followUp.action)"
          + (overdue
            ? l.pick(
              " (overdue \(f.followUp.due!.days(until: state.today))d)",
              " (\(f.followUp.due!.days(until: state.today))일 지남)") : "")
        if overdue { style = theme.warning }
      case .visit(let v, let name):
        var parts = ["  \(short(v.date)) \(name)", v.purpose.label(l)]
        if let d = v.difficulties.first { parts.append("\(d.category.label(l)): \(d.text)") }
        if !v.followUps.isEmpty {
          parts.append(l.pick("follow-ups \(v.followUps.count)", "후속 \(v.followUps.count)"))
        }
        text = parts.joined(separator: " · ")
      case .due(let d):
        let last =
          d.lastVisit.map {
            l.pick(
              "last \(short($0)) (\(d.daysSince ?? 0)d)", "최근 \(short($0)) (\(d.daysSince ?? 0)일)")
          } ?? l.pick("never visited", "방문 기록 없음")
        text = "  \(d.name) · \(d.role.label(l)) · \(last)"
      }
      let row = Rect(x: rect.x, y: y, width: rect.width, height: 1)
      grid.fill(row, style: selected ? theme.selected : theme.normal)
      grid.put(
        DisplayWidth.truncate(text, to: rect.width), x: rect.x, y: y,
        style: selected ? theme.selected : style, maxWidth: rect.width)
    }
  }
}

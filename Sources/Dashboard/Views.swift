import ClusterKit
import TerminalKit

/// One line of a scrolling detail view.
enum DocLine {
  case heading(String)
  case text(String)
  case dim(String)
  case warning(String)
  case bar(StackedBar)
  case blank
}

/// A block of the overview: a title and what it draws under it.
struct OverviewSection {
  var title: String
  var height: Int
  var draw: (inout Grid, Rect, Theme) -> Void
}

extension DashboardApp {
  // MARK: - Overview

  func renderOverview(into grid: inout Grid, in rect: Rect, theme: Theme) {
    let today = state.today
    let report = cached(.annualReport(today: today)) {
      try? workspace.annualReport(year: today.year, today: today)
    }
    guard let report else {
      grid.put(
        l.pick("Could not read the workspace.", "워크스페이스를 읽지 못했습니다."), x: rect.x, y: rect.y,
        style: theme.error)
      return
    }
    let twoColumns = rect.width >= 70
    let columns =
      twoColumns
      ? rect.split(.horizontal, [.fill(1), .fixed(2), .fill(1)]) : [rect]
    let left = columns[0]
    let right = twoColumns ? columns[2] : rect
    // Sections draw their lines indented by one column (see the end of this function).
    let colWidth = left.width - 1
    let l = self.l

    // Members by kind and division.
    var memberLines = flow(
      MemberKind.allCases.compactMap { k in
        report.membersByKind[k].map { "\(k.label(l)) \($0)" }
      }, width: colWidth)
    let divisionTokens = cached(.divisionCounts) {
      divisions().map { d in
        "\(d.name) \((try? workspace.memberCount(MemberQuery(divisionId: d.id, includeLeft: false))) ?? 0)"
      }
    }
    memberLines += flow(divisionTokens, width: colWidth)
    let membersSection = OverviewSection(
      title: l.pick("Members \(report.totalMembers)", "회원 \(report.totalMembers)명"),
      height: memberLines.count
    ) { g, r, t in
      for (i, line) in memberLines.enumerated() where i < r.height {
        g.put(line, x: r.x, y: r.y + i, style: t.normal, maxWidth: r.width)
      }
    }

    // Meetings by kind.
    let meetings = report.meetings.filter { $0.held > 0 }
    let meetingsSection = OverviewSection(
      title: l.pick("Meetings held · attendance", "회의 개최 · 참석률"),
      height: max(1, meetings.count)
    ) { g, r, t in
      if meetings.isEmpty {
        g.put(l.pick("none yet", "아직 없음"), x: r.x, y: r.y, style: t.dim, maxWidth: r.width)
      }
      for (i, m) in meetings.enumerated() where i < r.height {
        let line =
          DisplayWidth.pad(m.kind.label(l), to: min(18, r.width / 2))
          + DisplayWidth.pad(l.pick("\(m.held)×", "\(m.held)회"), to: 5, align: .right)
          + DisplayWidth.pad(percent(m.participation.rate), to: 6, align: .right)
        g.put(line, x: r.x, y: r.y + i, style: t.normal, maxWidth: r.width)
      }
    }

    // Requests by status.
    let statusLines = flow(
      RequestStatus.allCases.compactMap { s in
        report.requestsByStatus[s].map { "\(s.label(l)) \($0)" }
      }, width: colWidth)
    let requestsSection = OverviewSection(
      title: l.pick("Support requests", "지원신청"), height: max(1, statusLines.count)
    ) { g, r, t in
      for (i, line) in statusLines.enumerated() where i < r.height {
        g.put(line, x: r.x, y: r.y + i, style: t.normal, maxWidth: r.width)
      }
    }

    // Visits per week.
    let weeks = max(4, min(26, colWidth - 14))
    let perWeek = cached(.visitsPerWeek(today: today, weeks: weeks)) {
      (try? workspace.visitsPerWeek(endingAt: today, weeks: weeks)) ?? []
    }
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
          l.pick("no programs this year", "올해 지원사업 없음"), x: r.x, y: r.y, style: t.dim,
          maxWidth: r.width)
        return
      }
      // Per program: its name with approved / budget, then a bar against its own budget.
      for (i, b) in budgets.enumerated() where 2 * i < r.height {
        let y = r.y + 2 * i
        let figures =
          " \(Money.compactRounded(b.approvedKRW).dropLast())/\(Money.compactRounded(b.program.budgetKRW))"
        let nameWidth = max(0, r.width - DisplayWidth.of(figures))
        g.put(
          DisplayWidth.pad(b.program.name, to: nameWidth) + figures, x: r.x, y: y,
          style: t.normal, maxWidth: r.width)
        guard 2 * i + 1 < r.height else { break }
        let over = b.approvedKRW > b.program.budgetKRW
        let rate = b.program.budgetKRW > 0 ? Double(b.approvedKRW) / Double(b.program.budgetKRW) : 0
        let pct = " " + percent(rate)
        let barWidth = max(0, r.width - 5)
        let permille =
          b.program.budgetKRW > 0 ? Int(min(1000, b.approvedKRW * 1000 / b.program.budgetKRW)) : 0
        let bar = BarChart.bar(value: permille, maximum: 1000, width: barWidth)
        g.put(
          DisplayWidth.pad(bar, to: barWidth, align: .left).replacingOccurrences(
            of: " ", with: "·"),
          x: r.x, y: y + 1, style: over ? t.warning : t.accent, maxWidth: barWidth)
        g.put(pct, x: r.x + barWidth, y: y + 1, style: t.dim, maxWidth: r.width - barWidth)
      }
    }

    // Overdue follow-ups.
    let open = cached(.openFollowUps(limit: 20)) { (try? workspace.openFollowUps(limit: 20)) ?? [] }
    let overdue = open.filter { $0.followUp.isOverdue(on: today) }
    let overdueCount = followUpCounts().overdue
    let overdueSection = OverviewSection(
      title: l.pick("Overdue follow-ups \(overdueCount)", "기한 지난 후속조치 \(overdueCount)건"),
      height: max(1, overdue.count)
    ) { g, r, t in
      if overdue.isEmpty {
        g.put(l.pick("none", "없음"), x: r.x, y: r.y, style: t.dim, maxWidth: r.width)
      }
      for (i, f) in overdue.enumerated() where i < r.height {
        let due = f.followUp.due.map(short) ?? ""
        g.put(
          "\(due) \(f.memberName) · \(f.followUp.action)", x: r.x, y: r.y + i, style: t.warning,
          maxWidth: r.width)
      }
    }

    // Requests waiting longest.
    let waiting = requestRows(RequestFilter(status: .pending), offset: 0, limit: 5)
    let waitingSection = OverviewSection(
      title: l.pick("Waiting longest", "오래 기다린 신청"), height: max(1, waiting.count)
    ) { g, r, t in
      if waiting.isEmpty {
        g.put(
          l.pick("nothing pending", "대기 중인 신청 없음"), x: r.x, y: r.y, style: t.dim, maxWidth: r.width)
      }
      for (i, w) in waiting.enumerated() where i < r.height {
        let days =
          w.submitted.map { l.pick("\($0.days(until: today))d", "\($0.days(until: today))일") }
          ?? "–"
        let tail = " \(Money.compactRounded(w.requestedKRW)) \(days)"
        let head = DisplayWidth.truncate(
          "#\(w.id) \(w.memberName)", to: max(0, r.width - DisplayWidth.of(tail)))
        g.put(
          DisplayWidth.pad(head, to: r.width - DisplayWidth.of(tail)) + tail, x: r.x, y: r.y + i,
          style: t.normal, maxWidth: r.width)
      }
    }

    // Who is due for a visit by the contact rhythm.
    let due = cached(.dueForVisit(today: today, limit: 10)) {
      (try? workspace.dueForVisit(today: today, limit: 10)) ?? []
    }
    let dueSection = OverviewSection(
      title: l.pick("Due for a visit \(due.count)", "방문 주기 도래 \(due.count)곳"),
      height: max(1, due.count)
    ) { g, r, t in
      if due.isEmpty {
        g.put(l.pick("everyone visited", "모두 방문함"), x: r.x, y: r.y, style: t.dim, maxWidth: r.width)
      }
      for (i, d) in due.enumerated() where i < r.height {
        let since =
          d.daysSince.map { l.pick("\($0)d", "\($0)일") } ?? l.pick("never", "기록 없음")
        g.put("\(d.name) · \(since)", x: r.x, y: r.y + i, style: t.normal, maxWidth: r.width)
      }
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

  /// Draws sections top to bottom, each with its title. Every section first gets up to two
  /// rows, then the spare room goes to them in order; when even that does not fit, the last
  /// ones are cut.
  func stack(_ sections: [OverviewSection], into grid: inout Grid, in rect: Rect, theme: Theme) {
    let overhead = sections.count * 2 - 1
    var heights = sections.map { min($0.height, 2) }
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

  // MARK: - Detail views

  func renderDetail(_ d: DetailState, into grid: inout Grid, in rect: Rect, theme: Theme) {
    let inner = Box.inner(rect)
    let width = max(1, inner.width - 2)
    let (title, lines) = cached(.detail(d.subject, width: width, l, today: state.today)) {
      detailLines(d.subject, width: width)
    }
    let box = Box(title: title, fillStyle: theme.normal)
    box.render(into: &grid, in: rect, theme: theme)
    let area = inner.inset(dx: 1, dy: 0)
    guard !area.isEmpty else { return }
    let height = lines.reduce(0) { n, line in
      if case .bar = line { return n + 2 }
      return n + 1
    }
    let scroll = max(0, min(d.scroll, height - area.height))
    if scroll != d.scroll, case .detail = state.top {
      var fixed = d
      fixed.scroll = scroll
      state.replaceTop(.detail(fixed))
    }
    var y = area.y - scroll
    for line in lines {
      let rows = { if case .bar = line { return 2 } else { return 1 } }()
      defer { y += rows }
      guard y + rows > area.y, y < area.maxY else { continue }
      switch line {
      case .heading(let t): grid.put(t, x: area.x, y: y, style: theme.title, maxWidth: area.width)
      case .text(let t): grid.put(t, x: area.x, y: y, style: theme.normal, maxWidth: area.width)
      case .dim(let t): grid.put(t, x: area.x, y: y, style: theme.dim, maxWidth: area.width)
      case .warning(let t): grid.put(t, x: area.x, y: y, style: theme.warning, maxWidth: area.width)
      case .bar(let bar):
        if y >= area.y {
          bar.render(
            into: &grid,
            in: Rect(x: area.x, y: y, width: area.width, height: min(2, area.maxY - y)),
            theme: theme)
        }
      case .blank: break
      }
    }
    if scroll > 0 { grid.put("▲", x: rect.maxX - 2, y: rect.y, style: theme.border) }
    if scroll + area.height < height {
      grid.put("▼", x: rect.maxX - 2, y: rect.maxY - 1, style: theme.border)
    }
  }

  func field(_ label: String, _ value: String?) -> DocLine? {
    guard let value, !value.isEmpty else { return nil }
    return .text(DisplayWidth.pad(label, to: 12) + " " + value)
  }

  func detailLines(_ subject: DetailState.Subject, width: Int) -> (String, [DocLine]) {
    let l = self.l
    do {
      switch subject {
      case .member(let id): return try memberLines(id)
      case .meeting(let id):
        guard let m = try workspace.meeting(id: id) else {
          throw WorkspaceError.recordNotFound(kind: "meeting", reference: "#\(id)")
        }
        let list = try workspace.attendanceList(meetingId: id)
        var lines: [DocLine] = [
          field(l.pick("Date", "날짜"), m.date.description),
          field(l.pick("Kind", "종류"), m.kind.label(l)),
          field(l.pick("Place", "장소"), m.place),
        ].compactMap { $0 }
        lines.append(.blank)
        lines.append(.heading(l.pick("Agenda", "안건")))
        lines += wrap(m.agenda.isEmpty ? "–" : m.agenda, width: width).map { .text($0) }
        lines.append(.heading(l.pick("Minutes", "회의록")))
        lines += wrap(m.minutes.isEmpty ? "–" : m.minutes, width: width).map { .text($0) }
        let present = list.filter { $0.status == .present }.count
        let invited = list.filter { $0.status != nil }.count
        lines.append(.blank)
        lines.append(
          .heading(l.pick("Attendance \(present)/\(invited)", "출석 \(present)/\(invited)")))
        for a in list {
          let status = a.status?.label(l) ?? l.pick("not recorded", "미기록")
          let line = DisplayWidth.pad(status, to: 9) + a.memberName + " · " + a.role.label(l)
          lines.append(a.status == .present ? .text(line) : .dim(line))
        }
        return (m.title, lines)
      case .request(let id):
        guard let r = try workspace.request(id: id) else {
          throw WorkspaceError.recordNotFound(kind: "request", reference: "#\(id)")
        }
        let member = try workspace.member(id: r.memberId)
        let budget = try workspace.programFigures(id: r.programId)
        var lines: [DocLine] = [
          field(l.pick("Member", "회원"), member?.name),
          field(l.pick("Program", "지원사업"), "\(budget.program.name) (\(budget.program.year))"),
          field(l.pick("Status", "상태"), r.status.label(l)),
          field(
            l.pick("Requested", "신청액"),
            Money.format(r.requestedKRW) + " (\(Money.compact(r.requestedKRW)))"),
          field(l.pick("Approved", "승인액"), r.approvedKRW.map(Money.format)),
          field(
            l.pick("Submitted", "신청일"),
            r.submitted.map { d in
              d.description
                + l.pick(
                  " (\(d.days(until: state.today)) days ago)", " (\(d.days(until: state.today))일 전)"
                )
            }),
          field(l.pick("Decided", "결정일"), r.decided?.description),
          field(l.pick("Reason", "사유"), r.reason),
        ].compactMap { $0 }
        lines.append(.blank)
        lines.append(
          .heading(l.pick("Budget ", "예산 ") + Money.format(budget.program.budgetKRW)))
        let remaining = max(0, budget.program.budgetKRW - budget.approvedKRW - budget.pendingKRW)
        lines.append(
          .bar(
            StackedBar(
              segments: [
                .init(
                  l.pick("approved", "승인"), Int(budget.approvedKRW),
                  valueText: Money.compactRounded(budget.approvedKRW)),
                .init(
                  l.pick("pending", "심사중"), Int(budget.pendingKRW),
                  valueText: Money.compactRounded(budget.pendingKRW)),
                .init(
                  l.pick("left", "잔여"), Int(remaining), valueText: Money.compactRounded(remaining)),
              ], total: Int(max(budget.program.budgetKRW, budget.approvedKRW + budget.pendingKRW))))
        )
        if budget.approvedKRW + budget.pendingKRW > budget.program.budgetKRW {
          lines.append(
            .warning(l.pick("Pending requests exceed what is left.", "심사 중인 신청이 잔여 예산을 넘습니다.")))
        }
        lines.append(.blank)
        let history = try workspace.requestRows(RequestFilter(memberId: r.memberId), limit: 50)
        lines.append(.heading(l.pick("Support history of this member", "이 회원의 지원 이력")))
        for h in history where h.id != r.id {
          let amount = Money.compactRounded(h.approvedKRW ?? h.requestedKRW)
          lines.append(
            .text(
              "\(h.submitted?.description ?? "–") \(DisplayWidth.pad(h.status.label(l), to: 8)) \(amount) \(h.programName)"
            ))
        }
        if history.count <= 1 { lines.append(.dim(l.pick("no other requests", "다른 신청 없음"))) }
        return ("#\(r.id) \(r.title)", lines)
      case .visit(let id):
        guard let v = try workspace.visit(id: id) else {
          throw WorkspaceError.recordNotFound(kind: "visit", reference: "#\(id)")
        }
        let member = try workspace.member(id: v.memberId)
        var lines: [DocLine] = [
          field(l.pick("Date", "날짜"), v.date.description),
          field(l.pick("Visitor", "방문자"), v.visitor),
          field(l.pick("Purpose", "목적"), v.purpose.label(l)),
        ].compactMap { $0 }
        lines.append(.heading(l.pick("Difficulties", "애로사항")))
        lines += v.difficulties.map { .text("[\($0.category.label(l))] \($0.text)") }
        lines.append(.heading(l.pick("Notes", "메모")))
        lines += wrap(v.notes.isEmpty ? "–" : v.notes, width: width).map { .text($0) }
        lines.append(.heading(l.pick("Follow-ups", "후속조치")))
        for f in v.followUps {
          let state =
            f.done.map { l.pick("done \($0)", "완료 \($0)") }
            ?? (f.due.map { l.pick("due \($0)", "기한 \($0)") } ?? "")
          let line = "\(f.action) · \(state)"
          lines.append(f.isOverdue(on: self.state.today) ? .warning(line) : .text(line))
        }
        return (l.pick("Visit: ", "방문: ") + (member?.name ?? ""), lines)
      }
    } catch {
      return ("", [.warning(describe(error, l))])
    }
  }

  func memberLines(_ id: Int64) throws -> (String, [DocLine]) {
    let l = self.l
    let d = try workspace.memberDetail(id: id)
    let m = d.member
    var lines: [DocLine] = [
      field(l.pick("Kind", "구분"), m.kind.label(l) + " · " + m.status.label(l)),
      field(l.pick("Cluster", "미클"), d.cluster.name + (d.division.map { " › " + $0.name } ?? "")),
      field(l.pick("Role", "직위"), m.role.label(l)),
      field(l.pick("CEO", "대표자"), m.representative),
      field(l.pick("Reg. no.", "사업자번호"), BusinessNumber.format(m.businessNumber)),
      field(l.pick("Products", "주요제품"), m.products),
      field(l.pick("Employees", "종업원"), m.employees.map { l.pick("\($0)", "\($0)명") }),
      field(l.pick("Sales", "매출액"), m.salesKRW.map(Money.compact)),
      field(l.pick("Founded", "설립일"), m.founded?.description),
      field(l.pick("Joined", "가입일"), m.joined?.description),
      field(l.pick("Phone", "전화"), m.phone),
      field(l.pick("E-mail", "이메일"), m.email),
      field(l.pick("Address", "주소"), m.address),
      field(l.pick("Website", "홈페이지"), m.website),
      field(
        l.pick("Directory", "디렉토리북"),
        d.currentDirectoryBook?.status == .submitted
          ? l.pick("submitted", "제출") : l.pick("not submitted", "미제출")),
    ].compactMap { $0 }
    if !d.contacts.isEmpty {
      lines.append(.heading(l.pick("Contacts", "담당자")))
      lines += d.contacts.map {
        .text(
          [$0.name, $0.title, $0.phone, $0.email].filter { !$0.isEmpty }.joined(separator: " · "))
      }
    }
    lines.append(.heading(l.pick("Mentor", "멘토")))
    if let mentor = d.mentor {
      lines.append(
        .text("\(mentor.expert.name) · \(mentor.expert.affiliation) · \(mentor.mentoring.field)"))
    } else {
      lines.append(.dim(l.pick("none", "없음")))
    }
    lines.append(.heading("SIG"))
    lines +=
      d.sigs.isEmpty
      ? [.dim(l.pick("none", "없음"))]
      : d.sigs.map { .text(([$0.sig.name] + $0.tasks.map(\.title)).joined(separator: " · ")) }
    lines.append(
      .heading(
        l.pick("Meetings attended ", "회의 참석 ")
          + "\(d.meetings.filter { $0.status == .present }.count)/\(d.meetings.count) \(percent(d.participationRate))"
      ))
    lines += d.meetings.prefix(20).map { m in
      let t = "\(m.meeting.date) \(DisplayWidth.pad(m.status.label(l), to: 8)) \(m.meeting.title)"
      return m.status == .present ? .text(t) : .dim(t)
    }
    lines.append(.heading(l.pick("Visits \(d.visits.count)", "방문 \(d.visits.count)회")))
    for v in d.visits.prefix(20) {
      var t = "\(v.date) \(v.purpose.label(l))"
      if let diff = v.difficulties.first { t += " · [\(diff.category.label(l))] \(diff.text)" }
      lines.append(.text(t))
      for f in v.followUps where f.done == nil {
        let line = "  → \(f.action)" + (f.due.map { l.pick(" (due \($0))", " (기한 \($0))") } ?? "")
        lines.append(f.isOverdue(on: state.today) ? .warning(line) : .dim(line))
      }
    }
    lines.append(
      .heading(l.pick("Support requests \(d.requests.count)", "지원신청 \(d.requests.count)건")))
    for r in d.requests {
      let amount = Money.compactRounded(r.request.approvedKRW ?? r.request.requestedKRW)
      lines.append(
        .text(
          "#\(r.request.id) \(DisplayWidth.pad(r.request.status.label(l), to: 8)) \(amount) \(r.program.name)"
        ))
    }
    return (m.name, lines)
  }

  // MARK: - Attendance

  func renderAttendance(_ a: AttendanceState, into grid: inout Grid, in rect: Rect, theme: Theme) {
    let inner = Box(title: l.pick("Attendance: ", "출석 체크: ") + a.title, fillStyle: theme.normal)
      .render(into: &grid, in: rect, theme: theme)
    guard !inner.isEmpty else { return }
    let present = a.lines.indices.filter { a.status($0) == .present }.count
    let changed = a.edits.filter { id, s in a.lines.first { $0.memberId == id }?.status != s }.count
    grid.put(
      l.pick("present \(present)/\(a.lines.count)", "참석 \(present)/\(a.lines.count)")
        + (changed > 0 ? l.pick(" · \(changed) unsaved", " · 저장 안 됨 \(changed)") : ""),
      x: inner.x + 1, y: inner.y, style: changed > 0 ? theme.warning : theme.dim,
      maxWidth: inner.width - 1)
    let tableRect = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
    let visible = max(1, tableRect.height - 1)
    var list = a.list
    list.move(to: list.cursor, count: a.lines.count, visible: visible)
    let window = Array(a.lines.indices.dropFirst(list.offset).prefix(visible))
    let wide = tableRect.width >= 60
    var columns: [Table.Column] = [
      .init(l.pick("Status", "출석"), width: .fixed(8)),
      .init(l.pick("Member", "회원"), width: .flex(3)),
    ]
    if wide {
      columns += [
        .init(l.pick("Role", "직위"), width: .fixed(8)),
        .init(l.pick("Streak", "연속참석"), width: .fixed(8), alignment: .right),
        .init(l.pick("Missed", "불참"), width: .fixed(4), alignment: .right),
      ]
    }
    let rows = window.map { i -> [String] in
      let line = a.lines[i]
      var cells = [a.status(i)?.label(l) ?? "·", line.memberName]
      if wide {
        let streak = (try? workspace.attendanceStreak(memberId: line.memberId)) ?? 0
        let p = try? workspace.participation(memberId: line.memberId)
        let missed = p.map { $0.invited - $0.present - $0.excused } ?? 0
        cells += [line.role.label(l), "\(streak)", "\(missed)"]
      }
      return cells
    }
    var styles: [Int: Style] = [:]
    for (r, i) in window.enumerated()
    where a.edits[a.lines[i].memberId] != nil
      && a.edits[a.lines[i].memberId] != a.lines[i].status
    {
      styles[r] = theme.accent
    }
    Table(
      columns: columns, rows: rows, selected: a.lines.isEmpty ? nil : list.cursor - list.offset,
      rowStyles: styles
    ).render(into: &grid, in: tableRect, theme: theme)
  }

  // MARK: - Forms

  func renderForm(_ f: FormState, into grid: inout Grid, in rect: Rect, theme: Theme) -> (
    x: Int, y: Int
  )? {
    let width = min(rect.width, 72)
    let textWidth = max(1, width - 4)
    var message = f.message.map { wrap($0, width: textWidth) } ?? []
    let showSuggestions = f.focusedKey == "member" && f.pickedMember == nil
    let suggestionRows = showSuggestions ? max(1, f.suggestions.count) + 1 : 0
    let fieldRows = f.form.fields.reduce(0) { $0 + ($1.error == nil ? 1 : 2) }
    var info = f.info
    // On a short screen the fields come first: drop the context lines, then shorten the message.
    let room = rect.height - 2 - fieldRows - suggestionRows
    if info.count + 1 + message.count + (message.isEmpty ? 0 : 1) > room { info = [] }
    if !message.isEmpty, message.count + 1 > room {
      message = [
        DisplayWidth.truncate(
          message.joined(separator: " "), to: textWidth * max(1, room - 1))
      ]
      message = wrap(message[0], width: textWidth)
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
    let caret = f.form.render(
      into: &grid, in: Rect(x: area.x, y: y, width: area.width, height: max(1, formHeight)),
      theme: theme)
    if showSuggestions {
      var sy = y + formHeight
      if sy < area.maxY {
        grid.put(
          l.pick("matches (↑↓ Enter)", "일치 (↑↓ Enter)"), x: area.x, y: sy, style: theme.dim,
          maxWidth: area.width)
        sy += 1
      }
      if f.suggestions.isEmpty, sy < area.maxY {
        grid.put(
          l.pick("type a name or initials", "이름이나 초성을 입력하세요"), x: area.x + 2, y: sy,
          style: theme.dim, maxWidth: area.width - 2)
      }
      for (i, s) in f.suggestions.enumerated() where sy + i < area.maxY {
        let row = Rect(x: area.x, y: sy + i, width: area.width, height: 1)
        let style = i == f.suggestion ? theme.selected : theme.normal
        grid.fill(row, style: style)
        grid.put("  " + s.name, x: area.x, y: sy + i, style: style, maxWidth: area.width)
      }
    }
    return caret
  }
}

extension Document {
  /// A member's profile, the directory book, contacts, mentoring, SIGs with their tasks,
  /// meetings, visits (every difficulty with the requests that answered it, every follow-up) and
  /// support requests.
  public static func member(_ d: MemberDetail, today: Day, _ l: Language) -> Document {
    let m = d.member
    var doc = Document(title: m.name, reference: "#\(m.id)")
    doc.field(.kind, m.kind.label(l) + " · " + m.status.label(l), l)
    doc.field(.cluster, d.cluster.name + (d.division.map { " › " + $0.name } ?? ""), l)
    doc.field(.role, m.role.label(l), l)
    doc.field(.representative, m.representative, l)
    doc.field(.businessNumber, BusinessNumber.format(m.businessNumber), l)
    doc.field(.products, m.products, l)
    doc.field(.employees, m.employees.map { l.pick("\($0)", "\($0)명") }, l)
    doc.field(.sales, m.salesKRW.map { "\(Money.format($0)) (\(Money.compact($0)))" }, l)
    doc.field(.founded, m.founded?.description, l)
    doc.field(.joined, m.joined?.description, l)
    doc.field(.left, m.left?.description, l)
    doc.field(.phone, m.phone, l)
    doc.field(.email, m.email, l)
    doc.field(.address, m.address, l)
    doc.field(.website, m.website, l)
    for line in directoryLines(d, l) { doc.field(.directoryBook, line, l) }
    doc.field(.profileChanged, m.profileChanged?.description, l)
    if !d.contacts.isEmpty {
      doc.heading(l.pick("Contacts", "담당자"))
      for c in d.contacts {
        doc.line(
          [c.name, c.title, c.phone, c.email].filter { !$0.isEmpty }.joined(separator: " · "))
      }
    }
    mentoring(d, into: &doc, l)
    sigs(d, today: today, into: &doc, l)
    let attended = d.meetings.filter { $0.status == .present }.count
    doc.heading(
      l.pick("Meetings attended ", "회의 참석 ")
        + "\(attended)/\(d.meetings.count) \(Format.percent(d.participationRate))")
    for (meeting, status) in d.meetings.prefix(20) {
      doc.line(
        ["\(meeting.date) ", Span(status.label(l), width: 8), " \(meeting.title)"],
        status == .present ? .normal : .dim)
    }
    doc.heading(l.pick("Visits \(d.visits.count)", "방문 \(d.visits.count)회"))
    for v in d.visits.prefix(20) { visit(v, d, today: today, into: &doc, l) }
    doc.heading(
      l.pick("Support requests \(d.requests.count)", "지원신청 \(d.requests.count)건"))
    for (request, program) in d.requests {
      let amount = Money.compactRounded(request.approvedKRW ?? request.requestedKRW)
      doc.line(
        [
          "#\(request.id) \(request.submitted?.description ?? "–") ",
          Span(request.status.label(l), width: 9), " \(amount) \(program.name): \(request.title)",
        ])
    }
    return doc
  }

  /// The member's entries of the newest editions, that of the current edition first; a member
  /// not yet asked for the current edition is said to be so.
  private static func directoryLines(_ d: MemberDetail, _ l: Language) -> [String] {
    var lines = d.directoryBook.prefix(3).map { directoryLine($0, l) }
    if let edition = d.directoryEdition, d.currentDirectoryBook == nil, d.member.status != .left {
      lines.insert(l.pick("\(edition): not asked", "\(edition): 요청 안 함"), at: 0)
    }
    return Array(lines.prefix(3))
  }

  /// `2026: submitted 2026-10-02 (asked 2026-09-01)`.
  public static func directoryLine(_ entry: DirectoryBookEntry, _ l: Language) -> String {
    var text = "\(entry.edition): \(entry.status.label(l))"
    if let submitted = entry.submitted { text += " \(submitted)" }
    if let asked = entry.asked, entry.status == .submitted {
      text += l.pick(" (asked \(asked))", " (요청 \(asked))")
    } else if let asked = entry.asked {
      text += " \(asked)"
    }
    return text
  }

  /// The active mentor (or, for a company, that it has none) and the earlier ones.
  private static func mentoring(_ d: MemberDetail, into doc: inout Document, _ l: Language) {
    let active = d.mentoring.first { $0.mentoring.isActive }
    let earlier = d.mentoring.filter { !$0.mentoring.isActive }
    guard active != nil || !earlier.isEmpty || d.member.kind == .company else { return }
    doc.heading(Term.mentor.title(l))
    if let active {
      doc.line(mentoringLine(active, showMember: false, l))
      if let expert = d.mentor?.expert {
        let reach = [expert.phone, expert.email].filter { !$0.isEmpty }
        if !reach.isEmpty { doc.line("  " + reach.joined(separator: " · ")) }
      }
    } else {
      doc.line(l.pick("none", "없음"), .dim)
    }
    if !earlier.isEmpty {
      doc.line(l.pick("Earlier mentors", "이전 멘토"), .dim)
      for row in earlier { doc.line("  " + mentoringLine(row, showMember: false, l), .dim) }
    }
  }

  /// Each SIG the member is in, with its theme and leader, and every task of the SIG: the
  /// member's own first, then the others' with their owners (dimmed once done, marked when
  /// overdue).
  private static func sigs(
    _ d: MemberDetail, today: Day, into doc: inout Document, _ l: Language
  ) {
    doc.heading(d.sigs.isEmpty ? "SIG" : "SIG \(d.sigs.count)")
    if d.sigs.isEmpty { doc.line(l.pick("none", "없음"), .dim) }
    for (sig, leader, tasks) in d.sigs {
      let role =
        sig.leaderId == d.member.id
        ? l.pick(" (leader)", " (주관)")
        : leader.map { " · " + Term.leader.title(l) + " " + $0 } ?? ""
      doc.line(sig.name + role + (sig.theme.isEmpty ? "" : " · " + sig.theme))
      if tasks.isEmpty { doc.line("  " + l.pick("no task", "과제 없음"), .dim) }
      let own = tasks.filter { $0.task.ownerId == d.member.id }
      for t in own + tasks.filter({ $0.task.ownerId != d.member.id }) {
        let owner = t.task.ownerId == d.member.id ? nil : t.ownerName
        doc.line(
          "  " + taskLine(t.task, owner: owner, today: today, l),
          t.task.isOverdue(on: today) ? .warning : t.task.status == .done ? .dim : .normal)
      }
    }
  }

  /// One assignment: who (the expert, or the member when `showMember`), in what, from when
  /// until when, its sessions and why it went past the expert's capacity.
  public static func mentoringLine(_ row: MentoringRow, showMember: Bool, _ l: Language) -> String {
    let m = row.mentoring
    let who = showMember ? row.memberName : "\(row.expertName) (\(row.expertAffiliation))"
    let span = "\(m.started.map(\.description) ?? "")–\(m.ended.map(\.description) ?? "")"
    let sessions =
      l.pick(row.sessions == 1 ? "1 session" : "\(row.sessions) sessions", "멘토링 \(row.sessions)회")
      + (row.lastSession.map { l.pick(", last \($0)", ", 최근 \($0)") } ?? "")
    let reason =
      m.overrideReason.isEmpty ? "" : l.pick(" — over capacity: ", " — 정원 초과: ") + m.overrideReason
    return "\(who)  \(m.field)  \(span)  \(sessions)\(reason)"
  }

  /// `2. [active] 스마트 센서 모듈 공동 개발 — (주)유신테크, due 2026-12-10`; the owner when given.
  public static func taskLine(_ t: SIGTask, owner: String?, today: Day, _ l: Language) -> String {
    var text = "\(t.number). [\(t.status.label(l))] \(t.title)"
    if let owner { text += " — \(owner)" }
    if let done = t.done {
      text += l.pick(", done \(done)", ", 완료 \(done)")
    } else if let due = t.due {
      text += l.pick(", due \(due)", ", 기한 \(due)")
      if t.isOverdue(on: today) { text += l.pick(" (overdue)", " (지연)") }
    }
    return text
  }

  /// A visit: when, why and who went; each difficulty with the requests that answered it; each
  /// follow-up with its owner and whether it is done.
  private static func visit(
    _ v: Visit, _ d: MemberDetail, today: Day, into doc: inout Document, _ l: Language
  ) {
    doc.line(
      "#\(v.id) \(v.date) \(v.purpose.label(l))"
        + (v.visitor.isEmpty ? "" : " · " + Term.visitor.title(l) + " " + v.visitor))
    for (index, difficulty) in v.difficulties.enumerated() {
      let answers = d.requests(answering: v.id, number: index + 1)
      let unanswered = answers.isEmpty ? " — " + l.pick("no request yet", "지원신청 없음") : ""
      doc.line("  \(index + 1). [\(difficulty.category.label(l))] \(difficulty.text)\(unanswered)")
      for (request, program) in answers {
        let amount = Money.compact(request.approvedKRW ?? request.requestedKRW)
        doc.line(
          "     → #\(request.id) \(program.name) (\(program.year)) \(request.status.label(l)) \(amount)"
        )
      }
    }
    for f in v.followUps {
      doc.line(
        "  → " + followUpText(f, l),
        f.done != nil ? .dim : f.isOverdue(on: today) ? .warning : .normal)
    }
  }

  /// A follow-up as the detail views show it: its number, action, owner, due date and whether it
  /// is done.
  static func followUpText(_ f: FollowUp, _ l: Language) -> String {
    let owner = f.owner.isEmpty ? "" : " · \(f.owner)"
    var state = f.due.map { [l.pick("due \($0)", "기한 \($0)")] } ?? []
    state.append(f.done.map { l.pick("done \($0)", "완료 \($0)") } ?? l.pick("open", "진행 중"))
    return "#\(f.id) \(f.action)\(owner) (\(state.joined(separator: ", ")))"
  }
}

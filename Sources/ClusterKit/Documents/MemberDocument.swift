extension Document {
  /// A member's profile, contacts, mentor, SIGs, meetings, visits and support requests.
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
    doc.field(.sales, m.salesKRW.map(Money.compact), l)
    doc.field(.founded, m.founded?.description, l)
    doc.field(.joined, m.joined?.description, l)
    doc.field(.left, m.left?.description, l)
    doc.field(.phone, m.phone, l)
    doc.field(.email, m.email, l)
    doc.field(.address, m.address, l)
    doc.field(.website, m.website, l)
    doc.field(
      .profileSubmitted,
      m.profileSubmitted ? l.pick("submitted", "제출") : l.pick("not submitted", "미제출"), l)
    if !d.contacts.isEmpty {
      doc.heading(l.pick("Contacts", "담당자"))
      for c in d.contacts {
        doc.line(
          [c.name, c.title, c.phone, c.email].filter { !$0.isEmpty }.joined(separator: " · "))
      }
    }
    doc.heading(l.pick("Mentor", "멘토"))
    if let mentor = d.mentor {
      doc.line("\(mentor.expert.name) · \(mentor.expert.affiliation) · \(mentor.mentoring.field)")
    } else {
      doc.line(l.pick("none", "없음"), .dim)
    }
    doc.heading("SIG")
    if d.sigs.isEmpty { doc.line(l.pick("none", "없음"), .dim) }
    for s in d.sigs { doc.line("\(s.sig.name) · \(s.task)") }
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
    for v in d.visits.prefix(20) {
      var text = "\(v.date) \(v.purpose.label(l))"
      if let first = v.difficulties.first {
        text += " · [\(first.category.label(l))] \(first.text)"
      }
      doc.line(text)
      for f in v.followUps where f.done == nil {
        doc.line(
          "  → \(f.action)" + (f.due.map { l.pick(" (due \($0))", " (기한 \($0))") } ?? ""),
          f.isOverdue(on: today) ? .warning : .dim)
      }
    }
    doc.heading(
      l.pick("Support requests \(d.requests.count)", "지원신청 \(d.requests.count)건"))
    for (request, program) in d.requests {
      let amount = Money.compactRounded(request.approvedKRW ?? request.requestedKRW)
      doc.line(
        ["#\(request.id) ", Span(request.status.label(l), width: 8), " \(amount) \(program.name)"])
    }
    return doc
  }
}

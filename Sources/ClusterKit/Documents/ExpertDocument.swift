extension Document {
  /// An expert of the pool: who they are and how to reach them, their load against their
  /// capacity, the companies they mentor now and mentored before, and the sessions logged.
  public static func expert(_ d: ExpertDetail, _ l: Language) -> Document {
    let e = d.expert
    var doc = Document(title: e.name, reference: "#\(e.id)")
    doc.field(.affiliation, e.affiliation, l)
    doc.field(.expertKind, e.kind.label(l), l)
    doc.field(.fields, e.fields.joined(separator: ", "), l)
    doc.field(.phone, e.phone, l)
    doc.field(.email, e.email, l)
    doc.field(
      .load,
      l.pick(
        "\(d.load) of \(e.capacity) companies" + (d.load < e.capacity ? "" : " (at capacity)"),
        "\(d.load)/\(e.capacity)개사" + (d.load < e.capacity ? "" : " (정원 도달)")), l)
    doc.field(.sessions, l.pick("\(d.sessions)", "\(d.sessions)회"), l)
    let active = d.assignments.filter(\.mentoring.isActive)
    let past = d.assignments.filter { !$0.mentoring.isActive }
    doc.heading(l.pick("Mentors now \(active.count)", "멘토링 중 \(active.count)곳"))
    if active.isEmpty { doc.line(l.pick("none", "없음"), .dim) }
    for row in active { doc.line(mentoringLine(row, showMember: true, l)) }
    doc.heading(l.pick("Mentored before \(past.count)", "지난 멘토링 \(past.count)곳"))
    if past.isEmpty { doc.line(l.pick("none", "없음"), .dim) }
    for row in past { doc.line(mentoringLine(row, showMember: true, l), .dim) }
    return doc
  }
}

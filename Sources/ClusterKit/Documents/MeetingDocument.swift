extension Document {
  /// A meeting: when, where, the agenda and minutes, and who attended.
  public static func meeting(_ m: Meeting, attendance: [AttendanceLine], _ l: Language) -> Document
  {
    var doc = Document(title: m.title, reference: "#\(m.id)")
    doc.field(.date, m.date.description, l)
    doc.field(.meetingKind, m.kind.label(l), l)
    doc.field(.place, m.place, l)
    doc.blocks.append(.blank)
    doc.heading(Term.agenda.title(l))
    doc.blocks.append(.paragraph(m.agenda.isEmpty ? "–" : m.agenda))
    doc.heading(Term.minutes.title(l))
    doc.blocks.append(.paragraph(m.minutes.isEmpty ? "–" : m.minutes))
    let present = attendance.filter { $0.status == .present }.count
    let invited = attendance.filter { $0.status != nil }.count
    doc.blocks.append(.blank)
    doc.heading(l.pick("Attendance \(present)/\(invited)", "출석 \(present)/\(invited)"))
    for a in attendance {
      let status = a.status?.label(l) ?? l.pick("not recorded", "미기록")
      doc.line(
        [Span(status, width: 9), "\(a.memberName) · \(a.role.label(l))"],
        a.status == .present ? .normal : .dim)
    }
    return doc
  }
}

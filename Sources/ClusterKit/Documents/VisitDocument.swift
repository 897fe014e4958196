extension Document {
  /// A visit: its difficulties, notes and follow-ups.
  public static func visit(_ v: Visit, memberName: String?, today: Day, _ l: Language) -> Document {
    var doc = Document(title: l.pick("Visit: ", "방문: ") + (memberName ?? ""), reference: "#\(v.id)")
    doc.field(.date, v.date.description, l)
    doc.field(.visitor, v.visitor, l)
    doc.field(.purpose, v.purpose.label(l), l)
    doc.heading(Term.difficulty.title(l))
    for d in v.difficulties { doc.line("[\(d.category.label(l))] \(d.text)") }
    doc.heading(Term.notes.title(l))
    doc.blocks.append(.paragraph(v.notes.isEmpty ? "–" : v.notes))
    doc.heading(Term.followUp.title(l))
    for f in v.followUps {
      doc.line(
        followUpText(f, l), f.done != nil ? .dim : f.isOverdue(on: today) ? .warning : .normal)
    }
    return doc
  }
}

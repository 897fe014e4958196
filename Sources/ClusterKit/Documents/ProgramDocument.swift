extension Document {
  /// A program: its terms, its figures, its requests counted by status and the window of them
  /// read (all, on the command line).
  public static func program(_ d: ProgramDetail, _ l: Language) -> Document {
    let f = d.figures
    let requests = d.requests
    let p = f.program
    var doc = Document(title: programName(p), reference: "#\(p.id)")
    doc.field(.programCategory, p.category.label(l), l)
    doc.field(.cofundingShare, shareText(p, l), l)
    doc.field(.memberCap, capText(p, l), l)
    doc.field(.window, windowText(p, l), l)
    doc.field(.note, p.note, l)
    doc.heading(l.pick("Figures", "집행 현황"))
    doc.figures(f, l)
    guard d.requestCount > 0 else { return doc }
    doc.heading(requestsHeading(l))
    doc.line(
      zip(RequestStatus.allCases, d.counts).compactMap { status, n in
        n > 0 ? "\(status.label(l)) \(n)" : nil
      }.joined(separator: " · "))
    if requests.count < d.requestCount {
      let first = d.offset + 1
      let last = d.offset + requests.count
      doc.line(
        l.pick(
          "\(first)–\(last) of \(d.requestCount) · PgUp/PgDn page, g/G first/last",
          "\(d.requestCount)건 중 \(first)–\(last) · PgUp/PgDn 쪽 넘김, g/G 처음/끝"), .dim)
    }
    for r in requests { doc.row(requestCells(r, l)) }
    return doc
  }

  /// The heading above a program's requests (a detail view scrolls to it when paging them).
  public static func requestsHeading(_ l: Language) -> String {
    l.pick("Requests by status", "상태별 신청")
  }

  /// `#64 | 2026-08-24 | pending | (주)한비헬스 | 1,370만원 | title  중복지원 #60`, in columns.
  public static func requestCells(_ r: RequestRow, _ l: Language) -> [Cell] {
    let flag = r.duplicateOf.map { "  " + duplicateFlag($0, l) } ?? ""
    return [
      "#\(r.id)", "\(r.submitted?.description ?? "")", "\(r.status.label(l))", "\(r.memberName)",
      Cell(requestAmount(r, l), alignRight: true), "\(r.title)\(flag)",
    ]
  }

  /// `20% of the project cost`, `none`.
  public static func shareText(_ p: Program, _ l: Language) -> String {
    p.cofundingPercent == 0
      ? l.pick("none", "없음")
      : l.pick("\(p.cofundingPercent)% of the project cost", "총사업비의 \(p.cofundingPercent)%")
  }

  /// The application window, `2027-02-16–2027-11-25`, or `any time`.
  public static func windowText(_ p: Program, _ l: Language) -> String {
    guard p.opens != nil || p.closes != nil else { return l.pick("any time", "상시") }
    return "\(p.opens?.description ?? "")–\(p.closes?.description ?? "")"
  }
}

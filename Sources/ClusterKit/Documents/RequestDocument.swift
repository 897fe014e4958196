extension Document {
  /// A request through its whole life: what was asked and decided, the difficulty it answers,
  /// an earlier request it duplicates, the agreement, instalments and settlement, the member's
  /// cap, its program's figures, the member's other requests and the audit log.
  public static func request(_ d: RequestDetail, today: Day, _ l: Language) -> Document {
    let r = d.request
    let p = d.program.program
    var doc = Document(title: "#\(r.id) \(r.title)")
    doc.field(.member, d.member.name, l)
    doc.field(.program, "\(programName(p)) · #\(p.id)", l)
    doc.field(.status, r.status.label(l), l)
    doc.field(.requested, Money.format(r.requestedKRW) + " (\(Money.compact(r.requestedKRW)))", l)
    doc.field(.plannedCofunding, r.cofundingKRW.map(Money.format), l)
    doc.field(
      .submitted,
      r.submitted.map { "\($0) (\(Format.daysAgo($0.days(until: today), l)))" }, l)
    doc.field(.decided, r.decided.map { "\($0)" + (r.reviewer.isEmpty ? "" : " \(r.reviewer)") }, l)
    doc.field(.approvedAmount, r.approvedKRW.map(Money.format), l)
    doc.field(.reason, r.reason, l)
    if let a = d.answers {
      doc.field(
        .answers,
        l.pick(
          "visit #\(a.reference.visitId) on \(a.visitDate), difficulty \(a.reference.number): [\(a.difficulty.category.label(l))] \(a.difficulty.text)",
          "방문 #\(a.reference.visitId) (\(a.visitDate)) 애로사항 \(a.reference.number): [\(a.difficulty.category.label(l))] \(a.difficulty.text)"
        ), l)
    }
    for earlier in d.duplicates {
      doc.field(
        .duplicate,
        l.pick(
          "#\(earlier.id) (\(earlier.status.english)) of the same member to the same program came first",
          "같은 회원이 같은 지원사업에 먼저 낸 신청 #\(earlier.id) (\(earlier.status.korean))"), l)
    }
    if [.draft, .pending, .approved].contains(r.status) {
      doc.field(.cofundingNeeded, cofundingNeeded(d, l), l)
    }
    if p.hasMemberCap {
      doc.field(.memberCap, memberCapText(p, member: d.member.name, has: d.memberInProgram, l), l)
    }
    if let a = r.agreement {
      doc.heading(l.pick("Agreement", "협약"))
      doc.field(.agreementDate, a.date.description, l)
      doc.field(
        .cofunding,
        Money.format(a.cofundingKRW)
          + l.pick(
            " (at least \(Money.format(d.minimumCofundingKRW)) for \(p.cofundingPercent)%)",
            " (자부담 비율 \(p.cofundingPercent)%: 최소 \(Money.format(d.minimumCofundingKRW)))"), l)
      doc.field(.agreementOverride, a.overrideReason, l)
    }
    if !d.instalments.isEmpty || r.agreement != nil {
      doc.heading(l.pick("Instalments", "교부"))
      for (n, i) in d.instalments.enumerated() {
        doc.line("\(n + 1)  \(i.date)  \(Money.format(i.amountKRW))")
      }
      doc.line(paidLine(d, l))
    }
    if let s = r.settlement {
      doc.heading(l.pick("Settlement", "정산"))
      doc.field(.reportDate, s.reportDate.description, l)
      doc.field(.spent, Money.format(s.spentKRW), l)
      doc.field(.disallowed, Money.format(s.disallowedKRW), l)
      doc.field(.returned, Money.format(s.returnedKRW), l)
      doc.field(.finalSupport, Money.format(s.finalKRW), l)
    }
    doc.blocks.append(.blank)
    doc.heading(l.pick("Figures of \(programName(p))", "\(programName(p)) 집행 현황"))
    doc.figures(d.program, l)
    doc.blocks.append(.blank)
    doc.heading(l.pick("Support history of \(d.member.name)", "\(d.member.name)의 지원 이력"))
    if d.history.isEmpty { doc.line(l.pick("no other requests", "다른 신청 없음"), .dim) }
    for h in d.history {
      let flag = h.duplicateOf.map { "  " + duplicateFlag($0, l) } ?? ""
      doc.line([
        "#\(h.id) \(h.submitted?.description ?? "–") ", Span(h.status.label(l), width: 9),
        " \(requestAmount(h, l)) \(h.programName): \(h.title)\(flag)",
      ])
    }
    if !d.audit.isEmpty {
      doc.heading(l.pick("Audit log", "변경 기록"))
      for e in d.audit {
        doc.line("\(Format.localTime(e.at))  \(e.actor)  \(e.field): \(e.before) → \(e.after)")
      }
    }
    return doc
  }

  /// A program's money, in the one set of figures (`SupportTotals`): a bar of what is committed
  /// and pending against the budget, then each figure. Every view of a program's money adds
  /// these, so they read the same wherever they appear.
  mutating func figures(_ f: ProgramFigures, _ l: Language) {
    blocks.append(
      .bar(
        [
          Segment(
            label: Term.committed.label(l), value: f.committedKRW,
            valueText: Money.compactRounded(f.committedKRW)),
          Segment(
            label: Term.pending.label(l), value: f.pendingKRW,
            valueText: Money.compactRounded(f.pendingKRW)),
        ], total: max(f.budgetKRW, f.committedKRW + f.pendingKRW)))
    func count(_ n: Int) -> String { l.pick(" (\(n))", " (\(n)건)") }
    field(.budget, Money.format(f.budgetKRW), l)
    field(.pending, Money.format(f.pendingKRW) + count(f.pendingCount), l)
    field(.approvedAmount, Money.format(f.approvedKRW) + count(f.approvedCount), l)
    field(.committed, Money.format(f.committedKRW), l)
    field(.cofunding, Money.format(f.cofundingKRW), l)
    field(.disbursed, Money.format(f.disbursedKRW), l)
    field(.returned, Money.format(f.returnedKRW), l)
    field(.remaining, Money.format(f.remainingKRW), l)
    if f.pendingKRW > max(0, f.remainingKRW) {
      line(
        l.pick(
          "Pending requests exceed the remaining budget.", "심사 중인 신청이 잔액을 넘습니다."), .warning)
    }
  }

  /// The least co-funding the program's share asks of the request: `at least 2,000,000원 (20% of
  /// the project cost)`; nil when the program asks none.
  public static func cofundingNeeded(_ d: RequestDetail, _ l: Language) -> String? {
    let percent = d.program.program.cofundingPercent
    guard percent > 0 else { return nil }
    return l.pick(
      "at least \(Money.format(d.minimumCofundingKRW)) (\(percent)% of the project cost)",
      "최소 \(Money.format(d.minimumCofundingKRW)) (총사업비의 \(percent)%)")
  }

  /// The member's cap under a program and what the member already has there:
  /// `1,500만원 a year; (주)한비헬스 has 0 other approved, 0원 committed`.
  public static func memberCapText(
    _ p: Program, member: String, has totals: SupportTotals, _ l: Language
  ) -> String {
    l.pick(
      "\(capText(p, l)); \(member) has \(totals.approvedCount) other approved, \(Money.format(totals.committedKRW)) committed",
      "\(capText(p, l)); \(member)의 다른 승인 \(totals.approvedCount)건, 배정 \(Money.format(totals.committedKRW))"
    )
  }

  /// `Paid 2,000,000원 of 4,000,000원; 2,000,000원 left to pay`.
  public static func paidLine(_ d: RequestDetail, _ l: Language) -> String {
    let approved = Money.format(d.request.approvedKRW ?? 0)
    return l.pick(
      "Paid \(Money.format(d.disbursedKRW)) of \(approved); \(Money.format(d.leftToDisburseKRW)) left to pay",
      "승인액 \(approved) 중 \(Money.format(d.disbursedKRW)) 교부, 남은 금액 \(Money.format(d.leftToDisburseKRW))"
    )
  }

  /// `시험분석 (2026)`.
  public static func programName(_ p: Program) -> String { "\(p.name) (\(p.year))" }

  /// What one member may receive a year: `3,000만원 and 2 requests a year`, `none`.
  public static func capText(_ p: Program, _ l: Language) -> String {
    var parts: [String] = []
    if let amount = p.memberCapKRW { parts.append(Money.compact(amount)) }
    if let count = p.memberCapCount {
      parts.append(l.pick(count == 1 ? "1 request" : "\(count) requests", "\(count)건"))
    }
    guard !parts.isEmpty else { return l.pick("none", "없음") }
    return l.pick(
      parts.joined(separator: " and ") + " a year", "연 " + parts.joined(separator: ", "))
  }

  /// The approved amount, else the requested one, with what has been paid of it.
  public static func requestAmount(_ r: RequestRow, _ l: Language) -> String {
    var amount = Money.compact(r.approvedKRW ?? r.requestedKRW)
    if r.disbursedKRW > 0 { amount += l.pick(", paid ", ", 교부 ") + Money.compact(r.disbursedKRW) }
    return amount
  }

  /// 중복지원: `duplicate of #60`.
  public static func duplicateFlag(_ earlier: Int64, _ l: Language) -> String {
    l.pick("duplicate of #\(earlier)", "중복지원 #\(earlier)")
  }
}

/// What a support request's document shows: the request, its member, its program's budget and
/// the member's other requests.
public struct RequestDetail: Hashable, Sendable {
  public var request: SupportRequest
  public var memberName: String
  public var budget: ProgramBudget
  /// Every request of the member, this one included, newest first.
  public var history: [RequestRow]
}

extension Workspace {
  public func requestDetail(id: Int64) throws -> RequestDetail {
    guard let (request, memberName, budget) = try decisionContext(requestId: id) else {
      throw WorkspaceError.recordNotFound(kind: "request", reference: "#\(id)")
    }
    let history = try requestRows(RequestFilter(memberId: request.memberId), limit: 50)
    return RequestDetail(request: request, memberName: memberName, budget: budget, history: history)
  }
}

extension Document {
  /// A request with its program's budget (approved, pending, left) and the member's history.
  public static func request(_ d: RequestDetail, today: Day, _ l: Language) -> Document {
    let r = d.request
    let program = d.budget.program
    var doc = Document(title: "#\(r.id) \(r.title)")
    doc.field(.member, d.memberName, l)
    doc.field(.program, "\(program.name) (\(program.year))", l)
    doc.field(.status, r.status.label(l), l)
    doc.field(.requested, Money.format(r.requestedKRW) + " (\(Money.compact(r.requestedKRW)))", l)
    doc.field(.approvedAmount, r.approvedKRW.map(Money.format), l)
    doc.field(
      .submitted,
      r.submitted.map { "\($0) (\(Format.daysAgo($0.days(until: today), l)))" }, l)
    doc.field(.decided, r.decided.map { "\($0)" + (r.reviewer.isEmpty ? "" : " \(r.reviewer)") }, l)
    doc.field(.reason, r.reason, l)
    doc.blocks.append(.blank)
    doc.heading(l.pick("Budget ", "예산 ") + Money.format(program.budgetKRW))
    let approved = d.budget.approvedKRW
    let pending = d.budget.pendingKRW
    let left = max(0, program.budgetKRW - approved - pending)
    doc.blocks.append(
      .bar(
        [
          Segment(
            label: l.pick("approved", "승인"), value: approved,
            valueText: Money.compactRounded(approved)),
          Segment(
            label: l.pick("pending", "심사중"), value: pending,
            valueText: Money.compactRounded(pending)),
          Segment(label: l.pick("left", "잔여"), value: left, valueText: Money.compactRounded(left)),
        ], total: max(program.budgetKRW, approved + pending)))
    if approved + pending > program.budgetKRW {
      doc.line(
        l.pick("Pending requests exceed what is left.", "심사 중인 신청이 잔여 예산을 넘습니다."), .warning)
    }
    doc.blocks.append(.blank)
    doc.heading(l.pick("Support history of this member", "이 회원의 지원 이력"))
    for h in d.history where h.id != r.id {
      let amount = Money.compactRounded(h.approvedKRW ?? h.requestedKRW)
      doc.line(
        [
          "#\(h.id) \(h.submitted?.description ?? "–") ", Span(h.status.label(l), width: 8),
          " \(amount) \(h.programName)",
        ])
    }
    if d.history.count <= 1 { doc.line(l.pick("no other requests", "다른 신청 없음"), .dim) }
    return doc
  }
}

import ClusterKit
import TerminalKit

/// Support requests, pending first and oldest first; `a`, `r` and `c` decide on them, `n` enters
/// a new one and `e` edits a draft or pending one.
struct RequestsPane: Pane {
  static let name = "requests"
  static func title(_ l: Language) -> String { l.pick("Requests", "지원신청") }
  static let verbs = ["approve", "reject", "changes"]

  static let scope = Scope.pane(Self.self)
  static let statusFilter = Action("statusFilter")

  static let bindings: [Binding] = [
    Binding([.enter, .char("l")], .open, scope, "open", "열기", hint: true),
    // Decisions take capitals: the lower-case letters filter in the members pane.
    Binding([.char("A")], .approve, scope, "approve", "승인").hintedWhenAvailable,
    Binding([.char("R")], .reject, scope, "reject", "반려").hintedWhenAvailable,
    Binding([.char("C")], .askChanges, scope, "ask for changes", "보완 요청").hintedWhenAvailable,
    Binding([.char("n")], .new, scope, "new request", "신청 접수", hint: true),
    Binding([.char("e")], .edit, scope, "edit draft or pending", "작성중·심사대기 수정"),
    Binding([.char("f")], statusFilter, scope, "status filter", "상태 필터"),
  ]

  var list = ScrollState()
  /// nil shows every status.
  var status: RequestStatus? = .pending

  struct Data: Sendable {
    var list = PagedList<RequestFilter, RequestRow>()
    /// The request under the cursor, whole: whether it can be decided, and what the decision
    /// is made on.
    var selected: SupportRequest?
  }

  struct Cache: PaneCache {
    var list = PagedList<RequestFilter, RequestRow>.Cache()
    var selected = Memo<Int64?, SupportRequest?>()
  }

  func load(_ ctx: Context, _ workspace: Workspace, _ cache: inout Cache) -> Data {
    // The count (thousands of requests in the queue, or all of them) is read after the frame.
    let rows = cache.list.load(
      RequestFilter(status: status), at: list, ctx, countLater: true,
      count: { try workspace.requestCount($0) },
      rows: { try workspace.requestRows($0, offset: $1, limit: $2) })
    let id = rows.row(at: list)?.id
    return Data(
      list: rows,
      selected: cache.selected.get(id) { id.flatMap { try? workspace.request(id: $0) } })
  }

  mutating func fit(_ data: Data, _ ctx: Context, _ app: inout AppState) {
    list.fit(data.list, ctx)
  }

  mutating func update(_ action: Action, _ data: Data, _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  {
    if list.apply(action, count: data.list.count, ctx) { return [] }
    switch action {
    case .open:
      if let r = data.list.row(at: list) {
        app.modals.append(.detail(DetailState(subject: .request(r.id))))
      }
    case .approve, .reject, .askChanges:
      if let request = data.selected, let row = data.list.row(at: list) {
        FormBuilder.openDecision(
          action, request, memberName: row.memberName, programName: row.programName, &app)
      }
    case .new:
      FormBuilder.openNewRequest(member: nil, ctx, &app)
    case .edit:
      if let request = data.selected, let row = data.list.row(at: list) {
        app.modals.append(
          .form(
            FormBuilder.editRequest(
              request, memberName: row.memberName,
              programName: "\(row.programName) (\(row.programYear))", ctx.l)))
      }
    case Self.statusFilter:
      let steps = Self.filterSteps
      status = steps[((steps.firstIndex(of: status) ?? 0) + 1) % steps.count]
      list = ScrollState()
    default: break
    }
    return []
  }

  /// What `f` steps through: the queue, every request, then each status in the order of a
  /// request's life after the decision, and drafts last.
  static let filterSteps: [RequestStatus?] = [
    .pending, nil, .approved, .agreed, .completed, .rejected, .withdrawn, .draft,
  ]

  /// `:approve ID [AMOUNT] [override reason]`, `:reject ID REASON`, `:changes ID REASON`.
  mutating func command(_ verb: String, _ words: [String], _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  {
    let l = ctx.l
    guard let id = CommandLineModal.number(words.first) else {
      return CommandLineModal.usage(
        verb == "approve"
          ? ":approve ID [AMOUNT] [override reason]" : ":\(verb) ID \(l.pick("REASON", "사유"))",
        &app)
    }
    var rest = Array(words.dropFirst())
    let decision: Decision
    switch verb {
    case "approve":
      let amount = rest.first.flatMap { try? Money.parse($0) }
      if amount != nil { rest.removeFirst() }
      let reason = rest.joined(separator: " ")
      decision = .approve(amount: amount, overrideReason: reason.isEmpty ? nil : reason)
    case "reject": decision = .reject(reason: rest.joined(separator: " "))
    default: decision = .askForChanges(reason: rest.joined(separator: " "))
    }
    return [Effect(.decide(id, decision, expected: nil))]
  }

  func unavailable(_ action: Action, _ data: Data, _ ctx: Context) -> String? {
    switch action {
    case .open:
      data.list.row(at: list) == nil
        ? ctx.l.pick("Nothing waiting for review.", "심사할 신청이 없습니다.") : nil
    case .approve, .reject, .askChanges: FormBuilder.undecidable(data.selected, ctx.l)
    case .edit: FormBuilder.uneditable(data.selected, ctx.l)
    default: nil
    }
  }

  func messageLine(_ data: Data, _ ctx: Context) -> MessageLine {
    let l = ctx.l
    let label = status?.label(l) ?? l.pick("all", "전체")
    let count = data.list.counting ? "…" : "\(data.list.count)"
    return .summary(
      l.pick("Requests: \(label), \(count)", "지원신청: \(label) \(count)건")
        + (status == .pending ? l.pick(", oldest first", ", 오래된 순") : ""))
  }

  func render(_ data: Data, _ ctx: Context, into grid: inout Grid, in rect: Rect, theme: Theme) {
    let l = ctx.l
    let wide = rect.width >= 70
    let pendingOnly = status == .pending
    var columns: [Table.Column] = [.init("#", width: .fixed(4), alignment: .right)]
    if wide { columns.append(.init(Term.submitted.title(l), width: .fixed(10))) }
    columns.append(.init(Term.member.title(l), width: .flex(3)))
    if wide { columns.append(.init(Term.program.title(l), width: .flex(3))) }
    columns.append(.init(Term.amount.title(l), width: .fixed(wide ? 14 : 9), alignment: .right))
    columns.append(
      pendingOnly
        ? .init(Term.waiting.title(l), width: .fixed(7), alignment: .right)
        : .init(Term.status.title(l), width: .fixed(9)))
    columns.append(.init(Term.duplicate.title(l), width: .fixed(wide ? 9 : 5)))
    let rows = data.list.rows.map { r -> [String] in
      var cells = ["\(r.id)"]
      if wide { cells.append(r.submitted?.description ?? "–") }
      cells.append(r.memberName)
      if wide { cells.append(r.programName) }
      let amount = r.approvedKRW ?? r.requestedKRW
      cells.append(wide ? Money.format(amount) : Money.compactRounded(amount))
      cells.append(
        pendingOnly
          ? r.submitted.map { Format.days($0.days(until: ctx.today), l) } ?? "–"
          : r.status.label(l))
      cells.append(r.duplicateOf.map { "#\($0)" } ?? "")
      return cells
    }
    Table(
      columns: columns, rows: rows, firstRow: list.offset, rowCount: data.list.count,
      scroll: data.list.count == 0 ? nil : list,
      emptyMessage: l.pick("Nothing waiting for review.", "심사할 신청이 없습니다.")
    ).render(into: &grid, in: rect, theme: theme)
  }
}

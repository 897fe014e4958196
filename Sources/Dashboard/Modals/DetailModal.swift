import ClusterKit
import TerminalKit

/// A scrollable document over the pane: a member, meeting, request, visit, program or expert.
struct DetailState: Hashable, Sendable {
  enum Subject: Hashable, Sendable {
    case member(Int64)
    case meeting(Int64)
    case request(Int64)
    case visit(Int64)
    case program(Int64)
    case expert(Int64)
  }
  var subject: Subject
  var scroll = 0
  /// A program's detail shows a window of its requests from here (`PgUp`/`PgDn` page it).
  var requestOffset = 0
}

/// What a detail view reads: the document, and the record behind it for the keys that act on it.
struct DetailData: Sendable {
  var document: Document
  var member: MemberDetail?
  var request: RequestDetail?
  var program: Program?
  /// A program's window of requests: where it starts, how many it shows, of how many.
  var requestWindow: (offset: Int, count: Int, total: Int)?
  /// The document laid out at the width it was read for: once, not on every fit or frame.
  var rows: [DocumentView.Row] = []
  var width = 0
  var height = 0
}

enum DetailModal {
  static let scope = Scope(id: "detail", english: "Detail views", korean: "상세 보기")
  static let memberScope = Scope(id: "memberDetail", english: "Member detail", korean: "회원 상세")
  static let requestScope = Scope(
    id: "requestDetail", english: "Request detail", korean: "신청 상세")
  static let programScope = Scope(
    id: "programDetail", english: "Program detail", korean: "지원사업 상세")
  /// A new request for a difficulty of the member's, the newest not yet answered first chosen.
  static let requestForDifficulty = Action("requestForDifficulty")

  static let bindings: [Binding] =
    [
      Binding([.escape, .char("h")], .back, scope, "back", "뒤로", hint: true),
      Binding([.char("e")], .edit, memberScope, "edit member", "회원 수정", hint: true),
      Binding([.char("A")], .approve, requestScope, "approve request", "승인").hintedWhenAvailable,
      Binding([.char("R")], .reject, requestScope, "reject request", "반려").hintedWhenAvailable,
      Binding([.char("C")], .askChanges, requestScope, "ask for changes", "보완 요청")
        .hintedWhenAvailable,
      Binding([.char("e")], .edit, requestScope, "edit draft or pending", "작성중·심사대기 수정"),
      Binding([.char("s")], .submit, requestScope, "submit draft", "제출").hintedWhenAvailable,
      Binding([.char("w")], .withdraw, requestScope, "withdraw", "철회").hintedWhenAvailable,
      Binding([.char("g")], .agree, requestScope, "agreement (협약)", "협약").hintedWhenAvailable,
      Binding([.char("p")], .pay, requestScope, "pay an instalment (교부)", "교부").hintedWhenAvailable,
      Binding([.char("S")], .settle, requestScope, "settle (정산)", "정산").hintedWhenAvailable,
      Binding([.char("n")], .newRequest, memberScope, "new support request", "지원신청 접수", hint: true),
      Binding(
        [.char("s")], requestForDifficulty, memberScope, "request for a difficulty",
        "애로사항 지원신청"),
      Binding([.char("e")], .edit, programScope, "edit program", "지원사업 수정", hint: true),
      Binding(
        [.char("C")], MemberCorrections.deleteContact, memberScope, "delete a contact (asks first)",
        "담당자 삭제 (먼저 묻습니다)"),
    ] + MemberCorrections.bindings(memberScope)

  static func scopes(_ d: DetailState) -> [Scope] {
    switch d.subject {
    case .member: [memberScope, scope]
    case .request: [requestScope, scope]
    case .program: [programScope, scope]
    default: [scope]
    }
  }

  struct Key: Hashable {
    var subject: DetailState.Subject
    var language: Language
    var today: Day
    /// A program's window of requests: its first row and how many rows it has.
    var requestOffset = 0
    var requestLimit = 0
    /// The document is laid out again at a new width.
    var width = 0
  }

  /// How many of a program's requests its detail shows at once: the rows the view has less the
  /// heading, the counts by status and the line saying which requests show.
  static func requestLimit(_ ctx: Context) -> Int { max(3, area(content(ctx)).height - 3) }

  static func load(_ d: DetailState, _ ctx: Context, _ workspace: Workspace) -> DetailData {
    let l = ctx.l
    do {
      switch d.subject {
      case .member(let id):
        let detail = try workspace.memberDetail(id: id)
        return DetailData(document: .member(detail, today: ctx.today, l), member: detail)
      case .meeting(let id):
        guard let meeting = try workspace.meeting(id: id) else {
          throw WorkspaceError.recordNotFound(kind: "meeting", reference: "#\(id)")
        }
        let attendance = try workspace.attendanceList(meetingId: id)
        return DetailData(document: .meeting(meeting, attendance: attendance, l))
      case .request(let id):
        guard let detail = try workspace.requestDetail(id: id) else {
          throw WorkspaceError.recordNotFound(kind: "request", reference: "#\(id)")
        }
        return DetailData(document: .request(detail, today: ctx.today, l), request: detail)
      case .visit(let id):
        guard let visit = try workspace.visit(id: id) else {
          throw WorkspaceError.recordNotFound(kind: "visit", reference: "#\(id)")
        }
        let name = try workspace.member(id: visit.memberId)?.name
        return DetailData(document: .visit(visit, memberName: name, today: ctx.today, l))
      case .program(let id):
        guard
          let detail = try workspace.programDetail(
            id: id, offset: d.requestOffset, limit: requestLimit(ctx))
        else {
          throw WorkspaceError.recordNotFound(kind: "program", reference: "#\(id)")
        }
        return DetailData(
          document: .program(detail, l), program: detail.figures.program,
          requestWindow: (detail.offset, detail.requests.count, detail.requestCount))
      case .expert(let id):
        return DetailData(document: .expert(try workspace.expertDetail(id: id), l))
      }
    } catch {
      var document = Document(title: "")
      document.blocks = [.line([.init(describe(error, l))], .warning)]
      return DetailData(document: document)
    }
  }

  /// The content rect's box, and the part of it the document scrolls in.
  static func area(_ rect: Rect) -> Rect { Box.inner(rect).inset(dx: 1, dy: 0) }

  /// Keeps the document scrolled no further than its end.
  static func fit(_ d: inout DetailState, _ data: DetailData, _ ctx: Context) {
    d.scroll = max(0, min(d.scroll, data.height - area(content(ctx)).height))
  }

  /// The detail's data with its document's height at the width of the view.
  static func loadLaidOut(_ d: DetailState, _ ctx: Context, _ workspace: Workspace) -> DetailData {
    var data = load(d, ctx, workspace)
    data.width = max(1, area(content(ctx)).width)
    data.rows = DocumentView(data.document).rows(width: data.width)
    data.height = DocumentView.height(data.rows)
    return data
  }

  static func content(_ ctx: Context) -> Rect {
    Rect(x: 0, y: 1, width: ctx.width, height: ctx.height - 3)
  }

  static func update(
    _ action: Action, _ detail: DetailState, _ data: DetailData, _ ctx: Context,
    _ app: inout AppState
  ) -> [Effect]? {
    var d = detail
    let page = max(1, ctx.contentHeight - 2)
    if let m = data.member,
      MemberCorrections.update(action, m.member, contacts: m.contacts, ctx, &app)
    {
      return []
    }
    switch action {
    case .back:
      app.modals.removeLast()
      return []
    case let paging
    where [.pageUp, .pageDown, .top, .bottom].contains(paging) && data.requestWindow != nil:
      // A program's paging keys page its requests; the view scrolls to their heading (G to
      // the end, where the last request is).
      let window = data.requestWindow!
      let limit = requestLimit(ctx)
      switch action {
      case .pageUp: d.requestOffset = max(0, window.offset - limit)
      case .pageDown: d.requestOffset = window.offset + limit
      case .top: d.requestOffset = 0
      default: d.requestOffset = max(0, window.total - limit)
      }
      var above = data.document
      above.blocks = Array(
        above.blocks.prefix { $0 != .heading(Document.requestsHeading(ctx.l)) })
      d.scroll =
        action == .bottom
        ? Int.max / 2 : DocumentView(above).height(width: max(1, area(content(ctx)).width))
    case .up: d.scroll = max(0, d.scroll - 1)
    case .down: d.scroll += 1
    case .pageUp: d.scroll = max(0, d.scroll - page)
    case .pageDown: d.scroll += page
    case .top: d.scroll = 0
    case .bottom: d.scroll = Int.max / 2
    case .edit where data.member != nil:
      let m = data.member!
      FormBuilder.openMember(
        m.member, division: m.division?.name ?? "", defaultCluster: nil,
        directoryBook: DirectoryBookField(
          m.directoryEdition ?? ctx.today.year, m.currentDirectoryBook, today: ctx.today),
        ctx, &app)
      return []
    case .edit where data.program != nil:
      app.modals.append(.form(FormBuilder.program(data.program, year: data.program!.year, ctx.l)))
      return []
    case .newRequest, requestForDifficulty:
      if let m = data.member {
        let open = unanswered(m)
        FormBuilder.openNewRequest(
          member: (m.member.id, m.member.name), difficulties: open,
          selected: action == requestForDifficulty ? open.first?.reference : nil, ctx, &app)
      }
      return []
    case .approve, .reject, .askChanges, .edit, .submit, .withdraw, .agree, .pay, .settle:
      if let r = data.request { FormBuilder.openStep(action, r, today: ctx.today, &app) }
      return []
    default:
      return nil
    }
    app.replaceTop(.detail(d))
    return []
  }

  static func unavailable(_ action: Action, _ data: DetailData, _ l: Language) -> String? {
    switch action {
    case .approve, .reject, .askChanges, .submit, .withdraw, .agree, .pay, .settle:
      return FormBuilder.stepUnavailable(action, data.request, l)
    case .edit where data.request != nil:
      return FormBuilder.stepUnavailable(action, data.request, l)
    case MemberCorrections.markLeft, MemberCorrections.merge, MemberCorrections.deleteContact,
      .delete:
      guard let m = data.member else { return nil }
      return MemberCorrections.unavailable(action, m.member, contacts: m.contacts, l)
    case requestForDifficulty:
      guard let m = data.member, unanswered(m).isEmpty else { return nil }
      return l.pick(
        "\(m.member.name) has no difficulty without a request.",
        "\(m.member.name)에 지원신청이 없는 애로사항이 없습니다.")
    default: return nil
    }
  }

  /// The member's difficulties no request answers yet, newest visit first.
  static func unanswered(_ m: MemberDetail) -> [DifficultyChoice] {
    m.visits.sorted { $0.date > $1.date }.flatMap { v in
      v.difficulties.enumerated().compactMap { i, d in
        m.requests(answering: v.id, number: i + 1).isEmpty
          ? DifficultyChoice(
            reference: DifficultyReference(visitId: v.id, number: i + 1), visitDate: v.date,
            difficulty: d)
          : nil
      }
    }
  }

  static func render(
    _ d: DetailState, _ data: DetailData, into grid: inout Grid, in rect: Rect, theme: Theme
  ) {
    let title = data.document.title + (data.document.reference.map { "  " + $0 } ?? "")
    Box(title: title, fillStyle: theme.normal).render(
      into: &grid, in: rect, theme: theme)
    let area = area(rect)
    guard !area.isEmpty else { return }
    let rows =
      area.width == data.width ? data.rows : DocumentView(data.document).rows(width: area.width)
    let height = DocumentView.render(rows, into: &grid, in: area, scroll: d.scroll, theme: theme)
    if d.scroll > 0 { grid.put("▲", x: rect.maxX - 2, y: rect.y, style: theme.border) }
    if d.scroll + area.height < height {
      grid.put("▼", x: rect.maxX - 2, y: rect.maxY - 1, style: theme.border)
    }
  }
}

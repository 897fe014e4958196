import ClusterKit
import TerminalKit

/// A scrollable document over the pane: a member, meeting, request or visit.
struct DetailState: Hashable, Sendable {
  enum Subject: Hashable, Sendable {
    case member(Int64)
    case meeting(Int64)
    case request(Int64)
    case visit(Int64)
  }
  var subject: Subject
  var scroll = 0
}

/// What a detail view reads: the document, and the record behind it for the keys that act on it.
struct DetailData: Sendable {
  var document: Document
  var member: MemberDetail?
  var request: RequestDetail?
}

enum DetailModal {
  static let scope = Scope(id: "detail", english: "Detail views", korean: "상세 보기")
  static let memberScope = Scope(id: "memberDetail", english: "Member detail", korean: "회원 상세")
  static let requestScope = Scope(
    id: "requestDetail", english: "Request detail", korean: "신청 상세")

  static let bindings: [Binding] = [
    Binding([.escape, .char("h")], .back, scope, "back", "뒤로", hint: true),
    Binding([.char("e")], .edit, memberScope, "edit member", "회원 수정", hint: true),
    Binding([.char("a")], .approve, requestScope, "approve request", "승인", hint: true),
    Binding([.char("r")], .reject, requestScope, "reject request", "반려", hint: true),
    Binding([.char("c")], .askChanges, requestScope, "ask for changes", "보완 요청"),
  ]

  static func scopes(_ d: DetailState) -> [Scope] {
    switch d.subject {
    case .member: [memberScope, scope]
    case .request: [requestScope, scope]
    default: [scope]
    }
  }

  struct Key: Hashable {
    var subject: DetailState.Subject
    var language: Language
    var today: Day
  }

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
    let area = area(content(ctx))
    let height = DocumentView(data.document).height(width: max(1, area.width))
    d.scroll = max(0, min(d.scroll, height - area.height))
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
    switch action {
    case .back:
      app.modals.removeLast()
      return []
    case .up: d.scroll = max(0, d.scroll - 1)
    case .down: d.scroll += 1
    case .pageUp: d.scroll = max(0, d.scroll - page)
    case .pageDown: d.scroll += page
    case .top: d.scroll = 0
    case .bottom: d.scroll = Int.max / 2
    case .edit:
      if let m = data.member {
        FormBuilder.openMember(
          m.member, division: m.division?.name ?? "", defaultCluster: nil,
          directoryBook: DirectoryBookField(
            m.directoryEdition ?? ctx.today.year, m.currentDirectoryBook, today: ctx.today),
          ctx, &app)
      }
      return []
    case .approve, .reject, .askChanges:
      if let r = data.request {
        FormBuilder.openDecision(
          action, r.request, memberName: r.member.name, programName: r.program.program.name, &app)
      }
      return []
    default:
      return nil
    }
    app.replaceTop(.detail(d))
    return []
  }

  static func unavailable(_ action: Action, _ data: DetailData, _ l: Language) -> String? {
    switch action {
    case .approve, .reject, .askChanges: FormBuilder.undecidable(data.request?.request, l)
    default: nil
    }
  }

  static func render(
    _ d: DetailState, _ data: DetailData, into grid: inout Grid, in rect: Rect, theme: Theme
  ) {
    Box(title: data.document.title, fillStyle: theme.normal).render(
      into: &grid, in: rect, theme: theme)
    let area = area(rect)
    guard !area.isEmpty else { return }
    let view = DocumentView(data.document)
    let height = view.height(width: area.width)
    view.render(into: &grid, in: area, scroll: d.scroll, theme: theme)
    if d.scroll > 0 { grid.put("▲", x: rect.maxX - 2, y: rect.y, style: theme.border) }
    if d.scroll + area.height < height {
      grid.put("▼", x: rect.maxX - 2, y: rect.maxY - 1, style: theme.border)
    }
  }
}

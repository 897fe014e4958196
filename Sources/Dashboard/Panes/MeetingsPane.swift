import ClusterKit
import TerminalKit

/// Meetings, newest first, with how many attended; `a` takes attendance.
struct MeetingsPane: Pane {
  static let name = "meetings"
  static func title(_ l: Language) -> String { l.pick("Meetings", "회의") }

  static let scope = Scope.pane(Self.self)
  static let takeAttendance = Action("attendance")

  static let bindings: [Binding] = [
    Binding([.enter, .char("l")], .open, scope, "open", "열기", hint: true),
    Binding([.char("n")], .new, scope, "new meeting", "회의 추가", hint: true),
    Binding([.char("e")], .edit, scope, "edit the meeting", "회의 수정", hint: true),
    Binding(
      [.char("D")], .delete, scope, "delete the meeting (asks first)", "회의 삭제 (먼저 묻습니다)"),
    Binding([.char("a")], takeAttendance, scope, "take attendance", "출석 체크", hint: true),
  ]

  var list = ScrollState()

  typealias Data = PagedList<Int, MeetingRow>

  struct Cache: PaneCache {
    var list = Data.Cache()
  }

  func load(_ ctx: Context, _ workspace: Workspace, _ cache: inout Cache) -> Data {
    cache.list.load(
      0, at: list, ctx, count: { _ in try workspace.meetingCount() },
      rows: { _, offset, limit in try workspace.meetingRows(offset: offset, limit: limit) })
  }

  mutating func fit(_ data: Data, _ ctx: Context, _ app: inout AppState) { list.fit(data, ctx) }

  mutating func update(_ action: Action, _ data: Data, _ ctx: Context, _ app: inout AppState)
    -> [Effect]
  {
    if list.apply(action, count: data.count, ctx) { return [] }
    switch action {
    case .open:
      if let m = data.row(at: list) {
        app.modals.append(.detail(DetailState(subject: .meeting(m.id))))
      }
    case .new:
      app.modals.append(
        .form(
          FormBuilder.meeting(
            clusters: ctx.common.clusters, divisions: ctx.common.divisions, today: ctx.today, ctx.l)
        ))
    case .edit:
      guard let row = data.row(at: list) else { break }
      app.modals.append(
        .form(
          FormBuilder.meeting(
            clusters: ctx.common.clusters, divisions: ctx.common.divisions, today: ctx.today, ctx.l,
            editing: row.meeting)))
    case .delete:
      guard let row = data.row(at: list) else { break }
      ConfirmModal.ask(
        "Delete the meeting \"\(row.title)\" of \(row.date) with its attendance (\(row.invited) invited)?",
        "\(row.date) 회의 '\(row.title)'\(Particle.object.after(row.title)) 출석 기록(초대 \(row.invited)명)과 함께 삭제할까요?",
        .deleteMeeting(row.meeting), &app)
    case Self.takeAttendance:
      if let m = data.row(at: list) {
        app.modals.append(.attendance(AttendanceState(meetingId: m.id, title: m.title)))
      }
    default: break
    }
    return []
  }

  func unavailable(_ action: Action, _ data: Data, _ ctx: Context) -> String? {
    guard [.open, .edit, .delete, Self.takeAttendance].contains(action), data.row(at: list) == nil
    else {
      return nil
    }
    return ctx.l.pick("No meetings yet; n adds one.", "회의가 없습니다. n으로 추가하세요.")
  }

  func messageLine(_ data: Data, _ ctx: Context) -> MessageLine {
    .summary(ctx.l.pick("\(data.count) meetings, newest first", "회의 \(data.count)건, 최근순"))
  }

  func render(_ data: Data, _ ctx: Context, into grid: inout Grid, in rect: Rect, theme: Theme) {
    let l = ctx.l
    let wide = rect.width >= 70
    var columns: [Table.Column] = [
      .init(Term.date.title(l), width: .fixed(10)),
      .init(Term.meetingKind.title(l), width: .fixed(wide ? 10 : 8)),
      .init(Term.title.title(l), width: .flex(3)),
    ]
    if wide { columns.append(.init(Term.scope.title(l), width: .flex(2))) }
    columns.append(.init(Term.present.title(l), width: .fixed(wide ? 11 : 4), alignment: .right))
    let rows = data.rows.map { r -> [String] in
      var cells = [r.date.description, r.kind.label(l), r.title]
      if wide { cells.append(r.divisionName ?? r.clusterName) }
      let rate = Format.percent(r.participationRate)
      cells.append(wide ? (r.invited == 0 ? "–" : "\(r.present)/\(r.invited) \(rate)") : rate)
      return cells
    }
    Table(
      columns: columns, rows: rows, firstRow: list.offset, rowCount: data.count,
      scroll: data.count == 0 ? nil : list,
      emptyMessage: l.pick("No meetings yet; n adds one.", "회의가 없습니다. n으로 추가하세요.")
    ).render(into: &grid, in: rect, theme: theme)
  }
}

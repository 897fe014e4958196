import ClusterKit
import TerminalKit

/// Taking attendance of one meeting: marks change in memory until Enter saves them as one change.
struct AttendanceState: Hashable, Sendable {
  var meetingId: Int64
  var title: String
  /// Marks not yet saved.
  var edits: [Int64: AttendanceStatus] = [:]
  var list = ScrollState()

  func status(_ line: AttendanceLine) -> AttendanceStatus? { edits[line.memberId] ?? line.status }

  /// The marks that differ from what is saved.
  func changes(_ lines: [AttendanceSheetLine]) -> [Int64: AttendanceStatus] {
    edits.filter { id, status in lines.first { $0.line.memberId == id }?.line.status != status }
  }
}

enum AttendanceModal {
  static let scope = Scope(id: "attendance", english: "Attendance", korean: "출석 체크")
  static let toggle = Action("toggleAttendance")
  static let allPresent = Action("allPresent")

  static let bindings: [Binding] = [
    Binding(
      [.char(" ")], toggle, scope, "present → absent → excused", "참석 → 불참 → 사유불참", hint: true),
    Binding([.char("A")], allPresent, scope, "all present", "모두 참석", hint: true),
    Binding([.enter, .ctrl("s")], .save, scope, "save", "저장", hint: true),
    Binding([.escape], .back, scope, "cancel", "취소", hint: true),
  ]

  static func load(_ a: AttendanceState, _ workspace: Workspace) -> [AttendanceSheetLine] {
    (try? workspace.attendanceSheet(meetingId: a.meetingId)) ?? []
  }

  /// Rows of the list on screen: the box, the count line and the header take the rest.
  static func visibleRows(_ ctx: Context) -> Int { max(1, ctx.contentHeight - 3) }

  static func fit(_ a: inout AttendanceState, _ lines: [AttendanceSheetLine], _ ctx: Context) {
    if a.list.cursor >= lines.count {
      a.list.move(to: a.list.cursor, count: lines.count, visible: visibleRows(ctx))
    }
  }

  static func update(
    _ action: Action, _ attendance: AttendanceState, _ lines: [AttendanceSheetLine],
    _ ctx: Context, _ app: inout AppState
  ) -> [Effect]? {
    var a = attendance
    let visible = visibleRows(ctx)
    let l = ctx.l
    switch action {
    case .back:
      app.modals.removeLast()
      return []
    case toggle:
      let i = a.list.cursor
      let next: AttendanceStatus =
        switch a.status(lines[i].line) {
        case .present: .absent
        case .absent: .excused
        case .excused, nil: .present
        }
      a.edits[lines[i].line.memberId] = next
      a.list.move(to: i + 1, count: lines.count, visible: visible)
    case allPresent:
      for line in lines { a.edits[line.line.memberId] = .present }
    case .save:
      let changes = a.changes(lines)
      guard !changes.isEmpty else {
        app.modals.removeLast()
        app.say(l.pick("No attendance changes.", "바뀐 출석이 없습니다."))
        return []
      }
      var previous: [Int64: AttendanceStatus?] = [:]
      for id in changes.keys { previous[id] = lines.first { $0.line.memberId == id }?.line.status }
      let statuses = changes.mapValues { Optional($0) }
      return [
        Effect(
          .setAttendance(meetingId: a.meetingId, statuses, previous: previous), fromDialog: true)
      ]
    case .quit:
      if a.edits.isEmpty {
        app.finished = true
      } else {
        app.say(
          l.pick(
            "Attendance not saved: Enter saves, Esc discards.", "출석이 저장되지 않았습니다: Enter 저장, Esc 취소"),
          error: true)
      }
      return []
    case _ where Action.movements.contains(action):
      let target = action.target(from: a.list.cursor, count: lines.count, page: visible)
      a.list.move(to: target, count: lines.count, visible: visible)
    default:
      return nil
    }
    app.replaceTop(.attendance(a))
    return []
  }

  static func unavailable(_ action: Action, _ lines: [AttendanceSheetLine], _ l: Language)
    -> String?
  {
    guard action == toggle || action == allPresent, lines.isEmpty else { return nil }
    return l.pick("Nobody is on this meeting's list.", "이 회의의 출석 대상이 없습니다.")
  }

  static func render(
    _ a: AttendanceState, _ lines: [AttendanceSheetLine], _ l: Language, into grid: inout Grid,
    in rect: Rect, theme: Theme
  ) {
    let inner = Box(title: l.pick("Attendance: ", "출석 체크: ") + a.title, fillStyle: theme.normal)
      .render(into: &grid, in: rect, theme: theme)
    guard !inner.isEmpty else { return }
    let present = lines.filter { a.status($0.line) == .present }.count
    let changed = a.changes(lines).count
    grid.put(
      l.pick("present \(present)/\(lines.count)", "참석 \(present)/\(lines.count)")
        + (changed > 0 ? l.pick(" · \(changed) unsaved", " · 저장 안 됨 \(changed)") : ""),
      x: inner.x + 1, y: inner.y, style: changed > 0 ? theme.warning : theme.dim,
      maxWidth: inner.width - 1)
    let tableRect = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
    let wide = tableRect.width >= 60
    var columns: [Table.Column] = [
      .init(l.pick("Status", "출석"), width: .fixed(8)),
      .init(Term.member.title(l), width: .flex(3)),
    ]
    if wide {
      columns += [
        .init(Term.role.title(l), width: .fixed(8)),
        .init(l.pick("Streak", "연속참석"), width: .fixed(8), alignment: .right),
        .init(l.pick("Missed", "불참"), width: .fixed(4), alignment: .right),
      ]
    }
    var styles: [Int: Style] = [:]
    let rows = lines.enumerated().map { i, sheet -> [String] in
      if let edit = a.edits[sheet.line.memberId], edit != sheet.line.status {
        styles[i] = theme.accent
      }
      var cells = [a.status(sheet.line)?.label(l) ?? "·", sheet.line.memberName]
      if wide { cells += [sheet.line.role.label(l), "\(sheet.streak)", "\(sheet.missed)"] }
      return cells
    }
    Table(
      columns: columns, rows: rows, scroll: lines.isEmpty ? nil : a.list, rowStyles: styles
    ).render(into: &grid, in: tableRect, theme: theme)
  }
}

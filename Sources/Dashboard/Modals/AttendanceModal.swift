import ClusterKit
import TerminalKit

/// Taking attendance of one meeting: marks change in memory until Enter saves them as one change.
struct AttendanceState: Hashable, Sendable {
  var meetingId: Int64
  var title: String
  /// Marks not yet saved.
  var edits: [Int64: AttendanceStatus] = [:]
  /// Each edited member's saved mark as the list showed it when first edited. The list is read
  /// again every frame, so this is what the save expects to find: a mark another writer made
  /// meanwhile makes the save refuse instead of overwriting it.
  var seen: [Int64: AttendanceStatus?] = [:]
  var list = ScrollState()
  /// Esc was pressed over unsaved marks: a second Esc discards them.
  var discarding = false

  func status(_ line: AttendanceLine) -> AttendanceStatus? { edits[line.memberId] ?? line.status }

  mutating func mark(_ line: AttendanceLine, _ status: AttendanceStatus) {
    if !seen.keys.contains(line.memberId) { seen[line.memberId] = line.status }
    edits[line.memberId] = status
  }

  /// The marks that differ from those they were made over.
  var changes: [Int64: AttendanceStatus] {
    edits.filter { id, status in (seen[id] ?? nil) != status }
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
      let unsaved = a.changes.count
      guard unsaved == 0 || a.discarding else {
        a.discarding = true
        app.replaceTop(.attendance(a))
        app.say(
          l.pick(
            "Attendance not saved (\(unsaved) changed): Esc again discards, Enter saves.",
            "출석이 저장되지 않았습니다 (\(unsaved)건 바뀜): Esc를 한 번 더 누르면 버리고, Enter는 저장합니다."),
          error: true)
        return []
      }
      app.modals.removeLast()
      if unsaved > 0 {
        app.say(l.pick("Attendance changes discarded (\(unsaved)).", "바뀐 출석 \(unsaved)건을 버렸습니다."))
      }
      return []
    case toggle:
      a.discarding = false
      let i = a.list.cursor
      let next: AttendanceStatus =
        switch a.status(lines[i].line) {
        case .present: .absent
        case .absent: .excused
        case .excused, nil: .present
        }
      a.mark(lines[i].line, next)
      a.list.move(to: i + 1, count: lines.count, visible: visible)
    case allPresent:
      for line in lines { a.mark(line.line, .present) }
    case .save:
      let changes = a.changes
      guard !changes.isEmpty else {
        app.modals.removeLast()
        app.say(l.pick("No attendance changes.", "바뀐 출석이 없습니다."))
        return []
      }
      let previous = a.seen.filter { changes.keys.contains($0.key) }
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
            "Attendance not saved: Enter saves, Esc twice discards.",
            "출석이 저장되지 않았습니다: Enter 저장, Esc 두 번 취소"),
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
    let changes = a.changes
    grid.put(
      l.pick("present \(present)/\(lines.count)", "참석 \(present)/\(lines.count)")
        + (changes.isEmpty
          ? "" : l.pick(" · \(changes.count) unsaved", " · 저장 안 됨 \(changes.count)")),
      x: inner.x + 1, y: inner.y, style: changes.isEmpty ? theme.dim : theme.warning,
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
      if changes[sheet.line.memberId] != nil { styles[i] = theme.accent }
      var cells = [a.status(sheet.line)?.label(l) ?? "·", sheet.line.memberName]
      if wide { cells += [sheet.line.role.label(l), "\(sheet.streak)", "\(sheet.missed)"] }
      return cells
    }
    Table(
      columns: columns, rows: rows, scroll: lines.isEmpty ? nil : a.list, rowStyles: styles
    ).render(into: &grid, in: tableRect, theme: theme)
  }
}

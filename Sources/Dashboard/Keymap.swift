import ClusterKit
import TerminalKit

/// Everything a key can ask for. The keymap below maps keys to these, and the same table
/// drives dispatch, the `?` help and the hint bar.
enum Action: Hashable, Sendable {
  case quit, help, command, language, nextPane, previousPane
  case pane(Pane)
  case up, down, top, bottom, pageUp, pageDown
  case search, open, edit, new, undo, back
  // members
  case filterKind, filterRole, filterCluster, filterDivision, clearFilters, sortNext, sortReverse
  // meetings
  case attendance
  // attendance mode
  case toggleAttendance, allPresent, save
  // visits
  case closeFollowUp, dueWeeks
  // requests
  case approve, reject, askChanges, statusFilter
}

/// Where a binding applies.
enum Scope: Hashable, Sendable {
  case global
  case pane(Pane)
  /// Scrolling detail views (member, meeting, request, visit).
  case detail
  case memberDetail
  case requestDetail
  case attendance
  case form
}

struct Binding: Sendable {
  var keys: [Key]
  var action: Action
  var scope: Scope
  var english: String
  var korean: String
  /// Shown in the bottom hint bar (the help always lists every binding).
  var hint: Bool

  func label(_ l: Language) -> String { l.pick(english, korean) }
  var keyText: String { keys.map(\.displayName).joined(separator: " ") }
}

enum Keymap {
  static func b(
    _ keys: [Key], _ action: Action, _ scope: Scope, _ en: String, _ ko: String, hint: Bool = false
  ) -> Binding {
    Binding(keys: keys, action: action, scope: scope, english: en, korean: ko, hint: hint)
  }

  static let bindings: [Binding] = [
    // Global
    b([.char("?")], .help, .global, "help", "도움말", hint: true),
    b([.tab], .nextPane, .global, "next pane", "다음 화면"),
    b([.backTab], .previousPane, .global, "previous pane", "이전 화면"),
    b([.char("1")], .pane(.overview), .global, "overview", "현황"),
    b([.char("2")], .pane(.members), .global, "members", "회원"),
    b([.char("3")], .pane(.meetings), .global, "meetings", "회의"),
    b([.char("4")], .pane(.visits), .global, "visits", "방문"),
    b([.char("5")], .pane(.requests), .global, "requests", "지원신청"),
    b([.up, .char("k")], .up, .global, "move up", "위로"),
    b([.down, .char("j")], .down, .global, "move down", "아래로"),
    b([.home, .char("g")], .top, .global, "first", "처음"),
    b([.end, .char("G")], .bottom, .global, "last", "끝"),
    b([.pageUp], .pageUp, .global, "page up", "이전 쪽"),
    b([.pageDown], .pageDown, .global, "page down", "다음 쪽"),
    b([.char(":")], .command, .global, "command line", "명령줄"),
    b([.char("u")], .undo, .global, "undo last change", "되돌리기"),
    b([.char("L")], .language, .global, "한국어 / English", "English / 한국어"),
    b([.char("q"), .ctrl("c")], .quit, .global, "quit", "종료", hint: true),
    // Members
    b([.char("/")], .search, .pane(.members), "search (초성 ok)", "검색 (초성 가능)", hint: true),
    b([.enter, .char("l")], .open, .pane(.members), "open", "열기", hint: true),
    b([.char("n")], .new, .pane(.members), "new member", "회원 추가", hint: true),
    b([.char("e")], .edit, .pane(.members), "edit", "수정", hint: true),
    b([.char("f")], .filterKind, .pane(.members), "filter kind", "구분 필터"),
    b([.char("r")], .filterRole, .pane(.members), "filter role", "직위 필터"),
    b([.char("c")], .filterCluster, .pane(.members), "filter cluster", "미클 필터"),
    b([.char("d")], .filterDivision, .pane(.members), "filter division", "분과 필터"),
    b([.char("x")], .clearFilters, .pane(.members), "clear filters", "필터 해제"),
    b(
      [.char("s"), .char(">")], .sortNext, .pane(.members), "sort by next column", "정렬 열 바꾸기",
      hint: true),
    b([.char("S"), .char("<")], .sortReverse, .pane(.members), "reverse sort", "정렬 뒤집기"),
    // Meetings
    b([.enter, .char("l")], .open, .pane(.meetings), "open", "열기", hint: true),
    b([.char("n")], .new, .pane(.meetings), "new meeting", "회의 추가", hint: true),
    b([.char("a")], .attendance, .pane(.meetings), "take attendance", "출석 체크", hint: true),
    // Visits
    b([.char("/")], .search, .pane(.visits), "search notes", "기록 검색"),
    b([.char("n")], .new, .pane(.visits), "log a visit", "방문 기록", hint: true),
    b([.char("x")], .closeFollowUp, .pane(.visits), "close follow-up", "후속조치 완료", hint: true),
    b(
      [.enter, .char("l")], .open, .pane(.visits), "open / close follow-up", "열기 / 완료", hint: true),
    b([.char("w")], .dueWeeks, .pane(.visits), "not visited for N weeks", "N주 미방문", hint: true),
    // Requests
    b([.enter, .char("l")], .open, .pane(.requests), "open", "열기", hint: true),
    b([.char("a")], .approve, .pane(.requests), "approve", "승인", hint: true),
    b([.char("r")], .reject, .pane(.requests), "reject", "반려", hint: true),
    b([.char("c")], .askChanges, .pane(.requests), "ask for changes", "보완 요청", hint: true),
    b([.char("f")], .statusFilter, .pane(.requests), "status filter", "상태 필터"),
    // Detail views
    b([.escape, .char("h")], .back, .detail, "back", "뒤로", hint: true),
    b([.char("e")], .edit, .memberDetail, "edit member", "회원 수정", hint: true),
    b([.char("a")], .approve, .requestDetail, "approve request", "승인", hint: true),
    b([.char("r")], .reject, .requestDetail, "reject request", "반려", hint: true),
    b([.char("c")], .askChanges, .requestDetail, "ask for changes", "보완 요청"),
    // Attendance mode
    b(
      [.char(" ")], .toggleAttendance, .attendance, "present → absent → excused", "참석 → 불참 → 사유불참",
      hint: true),
    b([.char("A")], .allPresent, .attendance, "all present", "모두 참석", hint: true),
    b([.enter, .ctrl("s")], .save, .attendance, "save", "저장", hint: true),
    b([.escape], .back, .attendance, "cancel", "취소", hint: true),
    // Forms
    b([.tab, .down], .down, .form, "next field", "다음 칸"),
    b([.backTab, .up], .up, .form, "previous field", "이전 칸"),
    b([.enter], .save, .form, "next field / save on the last", "다음 칸 / 마지막 칸에서 저장", hint: true),
    b([.ctrl("s")], .save, .form, "save", "저장", hint: true),
    b([.escape], .back, .form, "cancel", "취소", hint: true),
  ]

  /// The binding for a key in the given scopes, the first scope winning.
  static func action(for key: Key, in scopes: [Scope]) -> Action? {
    for scope in scopes {
      if let found = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) {
        return found.action
      }
    }
    return nil
  }

  static func hints(for scopes: [Scope], _ l: Language) -> [KeyHint] {
    var seen = Set<Action>()
    var out: [KeyHint] = []
    for scope in scopes {
      for b in bindings where b.scope == scope && b.hint && !seen.contains(b.action) {
        seen.insert(b.action)
        out.append(KeyHint(b.keys[0].displayName, b.label(l)))
      }
    }
    return out
  }

  static func sectionTitle(_ scope: Scope, _ l: Language) -> String {
    switch scope {
    case .global: l.pick("Everywhere", "공통")
    case .pane(let p): p.title(l)
    case .detail: l.pick("Detail views", "상세 보기")
    case .memberDetail: l.pick("Member detail", "회원 상세")
    case .requestDetail: l.pick("Request detail", "신청 상세")
    case .attendance: l.pick("Attendance", "출석 체크")
    case .form: l.pick("Forms", "입력 양식")
    }
  }

  /// The help overlay's sections; the scopes active now come first.
  static func helpSections(first active: [Scope], _ l: Language) -> [HelpOverlay.Section] {
    var order = active
    let all: [Scope] =
      [.global] + Pane.allCases.map { .pane($0) } + [
        .detail, .memberDetail, .requestDetail, .attendance, .form,
      ]
    for s in all where !order.contains(s) { order.append(s) }
    return order.compactMap { scope in
      let rows = bindings.filter { $0.scope == scope }.map { KeyHint($0.keyText, $0.label(l)) }
      return rows.isEmpty ? nil : HelpOverlay.Section(sectionTitle(scope, l), rows)
    }
  }
}

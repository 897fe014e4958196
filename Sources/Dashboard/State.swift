import ClusterKit
import TerminalKit

/// A cursor over a list that is fetched a window at a time: `cursor` and `offset` are absolute
/// row numbers.
struct ListCursor: Hashable, Sendable {
  var cursor = 0
  var offset = 0

  mutating func move(to row: Int, count: Int, visible: Int) {
    cursor = max(0, min(row, count - 1))
    if count == 0 { cursor = 0 }
    offset = scrollOffset(offset: offset, selected: cursor, count: count, visible: max(1, visible))
  }
}

struct MembersState: Hashable, Sendable {
  var list = ListCursor()
  var query = MemberQuery()
  /// The search field while `/` is active.
  var searchField: TextField?
}

struct RequestsState: Hashable, Sendable {
  var list = ListCursor()
  /// nil shows every status.
  var status: RequestStatus? = .pending
}

struct VisitsState: Hashable, Sendable {
  var list = ListCursor()
  /// nil: by each member's contact rhythm; otherwise everyone not visited for this many weeks.
  var dueWeeks: Int?
  /// Weeks of visits shown (this week and the ones before).
  var weeks = 4
  /// The `/` field while a search of the visit notes is being typed.
  var searchField: TextField?
  /// The last search's results (run on Enter), shown instead of the weeks while set.
  var found: [VisitItem]?
}

/// A scrollable document (member, meeting, request or visit detail).
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

struct AttendanceState: Hashable, Sendable {
  var meetingId: Int64
  var title: String
  var lines: [AttendanceLine]
  /// Changes not yet saved.
  var edits: [Int64: AttendanceStatus] = [:]
  var list = ListCursor()

  func status(_ i: Int) -> AttendanceStatus? { edits[lines[i].memberId] ?? lines[i].status }
}

/// What a form is for; decides how its values become a Workspace call.
enum FormPurpose: Hashable, Sendable {
  case addMember
  case editMember(original: Member)
  case addMeeting
  case addVisit
  case approve(request: SupportRequest)
  case reject(request: SupportRequest)
  case askChanges(request: SupportRequest)
}

/// One field of a form: free text, or one of a few choices cycled with Space and ←/→.
struct FieldSpec: Hashable, Sendable {
  var key: String
  var choices: [String]?
  /// What each choice stands for (raw values or ids), parallel to `choices`.
  var choiceValues: [String]?
}

struct FormState: Hashable, Sendable {
  var purpose: FormPurpose
  var title: String
  /// Read-only lines above the fields (what is being decided, the budget left).
  var info: [String] = []
  var form: Form
  var specs: [FieldSpec]
  /// Error not tied to one field (e.g. over budget, a conflict).
  var message: String?
  /// Member suggestions for a member-picking field: (id, name), with the highlighted one.
  var suggestions: [(id: Int64, name: String)] = []
  var suggestion = 0
  var pickedMember: Int64?

  static func == (a: FormState, b: FormState) -> Bool {
    a.purpose == b.purpose && a.title == b.title && a.info == b.info && a.form == b.form
      && a.specs == b.specs
      && a.message == b.message && a.suggestion == b.suggestion && a.pickedMember == b.pickedMember
      && a.suggestions.map(\.id) == b.suggestions.map(\.id)
  }
  func hash(into h: inout Hasher) { h.combine(title) }

  func index(of key: String) -> Int? { specs.firstIndex { $0.key == key } }
  func value(_ key: String) -> String {
    guard let i = index(of: key) else { return "" }
    return form.fields[i].input.value
  }
  /// The raw value behind a choice field.
  func choice(_ key: String) -> String? {
    guard let i = index(of: key), let choices = specs[i].choices,
      let at = choices.firstIndex(of: form.fields[i].input.value)
    else { return nil }
    return specs[i].choiceValues?[at] ?? choices[at]
  }
  var focusedKey: String { specs[form.focus].key }
}

enum Modal: Hashable, Sendable {
  case help(offset: Int)
  case command(TextField)
  case detail(DetailState)
  case attendance(AttendanceState)
  case form(FormState)
}

/// Something that can be put back with `u`.
enum UndoEntry: Hashable, Sendable {
  case request(RequestChange)
  case followUp(id: Int64)
  case attendance(meetingId: Int64, previous: [Int64: AttendanceStatus?])
}

struct StatusMessage: Hashable, Sendable {
  var text: String
  var isError: Bool
}

/// The whole state of the dashboard, as a value.
struct AppState: Hashable, Sendable {
  var pane: Pane
  var language: Language
  var today: Day
  var overviewScroll = 0
  var members = MembersState()
  var meetings = ListCursor()
  var visits = VisitsState()
  var requests = RequestsState()
  var modals: [Modal] = []
  var status: StatusMessage?
  var undo: [UndoEntry] = []
  var finished = false
  var suspendRequested = false
  /// The size of the last frame, used for paging before anything is drawn.
  var width = 80
  var height = 24

  var top: Modal? { modals.last }

  /// Rows of the content area between the tab bar and the two bottom lines.
  var contentHeight: Int { max(1, height - 3) }

  mutating func replaceTop(_ modal: Modal) {
    if modals.isEmpty { modals.append(modal) } else { modals[modals.count - 1] = modal }
  }

  mutating func say(_ text: String, error: Bool = false) {
    status = StatusMessage(text: text, isError: error)
  }
}

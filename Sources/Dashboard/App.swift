import ClusterKit
import TerminalKit

/// The dashboard: holds the state, turns keys into state changes and Workspace calls, and draws
/// frames. The executable calls `run(on:)`; tests drive `handle(_:)` and `render(...)`.
public final class DashboardApp {
  let workspace: Workspace
  var state: AppState
  /// Pane data read for the current inputs; see `cached`.
  var cache = PaneCache()

  public init(workspace: Workspace, pane: Pane = .overview, language: Language, today: Day) {
    self.workspace = workspace
    self.state = AppState(pane: pane, language: language, today: today)
  }

  public var isFinished: Bool { state.finished }

  /// Reads keys and draws until the user quits or a signal asks us to stop.
  public func run(on terminal: TerminalDevice) throws {
    while !state.finished && !terminal.shouldQuit {
      let size = terminal.size
      let frame = render(width: size.width, height: size.height, theme: terminal.theme)
      terminal.draw(frame.grid, cursor: frame.cursor)
      // Wake up now and then so writes by other processes show without a key press.
      guard var key = terminal.readKey(timeoutMilliseconds: 2000) else { continue }
      // Keys already waiting (typed ahead, pasted, or a burst from the input method) are all
      // handled before the next frame: the screen after a burst is the same, drawn once.
      while !terminal.shouldQuit {
        handle(key)
        if state.suspendRequested {
          state.suspendRequested = false
          terminal.suspend()
          break
        }
        guard !state.finished, let next = terminal.readKey(timeoutMilliseconds: 0) else { break }
        key = next
      }
    }
  }

  var l: Language { state.language }

  // MARK: - Keys

  /// One key, as the loop would.
  public func handle(_ key: Key) {
    switch key {
    case .ctrl("c"):
      state.finished = true
      return
    case .ctrl("z"):
      state.suspendRequested = true
      return
    case .resize:
      return
    default:
      break
    }
    if key != .escape || state.top != nil { state.status = nil }
    switch state.top {
    case .help(let offset): handleHelp(key, offset: offset)
    case .command(let field): handleCommand(key, field: field)
    case .form(let form): handleForm(key, form)
    case .attendance(let a): handleAttendance(key, a)
    case .detail(let d): handleDetail(key, d)
    case nil:
      if let field = state.members.searchField, state.pane == .members {
        handleSearch(key, field: field)
      } else if let field = state.visits.searchField, state.pane == .visits {
        handleVisitSearch(key, field: field)
      } else if let action = Keymap.action(for: key, in: [.pane(state.pane), .global]) {
        perform(action)
      }
    }
  }

  /// The scopes whose keys work right now, innermost first.
  var activeScopes: [Scope] {
    switch state.top {
    case .form: [.form]
    case .attendance: [.attendance, .global]
    case .detail(let d): detailScopes(d) + [.global]
    case .help, .command: [.global]
    case nil: [.pane(state.pane), .global]
    }
  }

  func detailScopes(_ d: DetailState) -> [Scope] {
    switch d.subject {
    case .member: [.memberDetail, .detail]
    case .request: [.requestDetail, .detail]
    default: [.detail]
    }
  }

  func handleHelp(_ key: Key, offset: Int) {
    switch key {
    case .escape, .char("?"), .char("q"), .enter: state.modals.removeLast()
    case .down, .char("j"): state.replaceTop(.help(offset: offset + 1))
    case .up, .char("k"): state.replaceTop(.help(offset: max(0, offset - 1)))
    case .pageDown: state.replaceTop(.help(offset: offset + state.contentHeight - 2))
    case .pageUp: state.replaceTop(.help(offset: max(0, offset - state.contentHeight + 2)))
    case .home, .char("g"): state.replaceTop(.help(offset: 0))
    default: break
    }
  }

  func handleCommand(_ key: Key, field: TextField) {
    switch key {
    case .escape:
      state.modals.removeLast()
    case .enter:
      state.modals.removeLast()
      runCommand(field.value)
    default:
      var f = field
      if key == .backspace && f.value.isEmpty {
        state.modals.removeLast()
        return
      }
      f.handle(key)
      state.replaceTop(.command(f))
    }
  }

  func handleSearch(_ key: Key, field: TextField) {
    switch key {
    case .escape:
      state.members.searchField = nil
      state.members.query.search = ""
      state.members.list = ListCursor()
    case .enter:
      state.members.searchField = nil
      if memberCount() > 0 { perform(.open) }
    case .up, .down, .pageUp, .pageDown:
      if let action = Keymap.action(for: key, in: [.global]) { perform(action) }
    default:
      var f = field
      f.handle(key)
      state.members.searchField = f
      if f.value != state.members.query.search {
        state.members.query.search = f.value
        state.members.list = ListCursor()
      }
    }
  }

  /// The visit-notes search runs once, on Enter (a full-text query over every visit), not per
  /// typed character; Esc closes the field and leaves the results, or clears them.
  func handleVisitSearch(_ key: Key, field: TextField) {
    switch key {
    case .escape:
      state.visits.searchField = nil
      state.visits.found = nil
      state.visits.list = ListCursor()
    case .enter:
      state.visits.searchField = nil
      state.visits.found = searchVisitItems(field.value)
      state.visits.list = ListCursor()
    default:
      var f = field
      f.handle(key)
      state.visits.searchField = f
    }
  }

  func handleDetail(_ key: Key, _ d: DetailState) {
    guard let action = Keymap.action(for: key, in: detailScopes(d) + [.global]) else { return }
    var d = d
    let page = max(1, state.contentHeight - 2)
    switch action {
    case .back:
      state.modals.removeLast()
      return
    case .up: d.scroll = max(0, d.scroll - 1)
    case .down: d.scroll += 1
    case .pageUp: d.scroll = max(0, d.scroll - page)
    case .pageDown: d.scroll += page
    case .top: d.scroll = 0
    case .bottom: d.scroll = Int.max / 2
    case .edit:
      if case .member(let id) = d.subject { openMemberForm(editing: id) }
      return
    case .approve, .reject, .askChanges:
      if case .request(let id) = d.subject { openDecision(action, requestId: id) }
      return
    default:
      perform(action)
      return
    }
    state.replaceTop(.detail(d))
  }

  func handleAttendance(_ key: Key, _ a: AttendanceState) {
    guard let action = Keymap.action(for: key, in: [.attendance, .global]) else { return }
    var a = a
    let visible = max(1, state.contentHeight - 3)
    let count = a.lines.count
    switch action {
    case .back:
      state.modals.removeLast()
      return
    case .toggleAttendance:
      guard count > 0 else { return }
      let i = a.list.cursor
      let next: AttendanceStatus =
        switch a.status(i) {
        case .present: .absent
        case .absent: .excused
        case .excused, nil: .present
        }
      a.edits[a.lines[i].memberId] = next
      a.list.move(to: i + 1, count: count, visible: visible)
    case .allPresent:
      for line in a.lines { a.edits[line.memberId] = .present }
    case .save:
      let changes = a.edits.filter { id, status in
        a.lines.first { $0.memberId == id }?.status != status
      }
      guard !changes.isEmpty else {
        state.modals.removeLast()
        state.say(l.pick("No attendance changes.", "바뀐 출석이 없습니다."))
        return
      }
      var previous: [Int64: AttendanceStatus?] = [:]
      for id in changes.keys { previous[id] = a.lines.first { $0.memberId == id }?.status }
      let statuses = changes.mapValues { Optional($0) }
      if apply(.setAttendance(meetingId: a.meetingId, statuses, previous: previous)) {
        state.modals.removeLast()
      }
      return
    case .up: a.list.move(to: a.list.cursor - 1, count: count, visible: visible)
    case .down: a.list.move(to: a.list.cursor + 1, count: count, visible: visible)
    case .top: a.list.move(to: 0, count: count, visible: visible)
    case .bottom: a.list.move(to: count - 1, count: count, visible: visible)
    case .pageUp: a.list.move(to: a.list.cursor - visible, count: count, visible: visible)
    case .pageDown: a.list.move(to: a.list.cursor + visible, count: count, visible: visible)
    case .quit:
      if a.edits.isEmpty {
        state.finished = true
      } else {
        state.say(
          l.pick(
            "Attendance not saved: Enter saves, Esc discards.", "출석이 저장되지 않았습니다: Enter 저장, Esc 취소"),
          error: true)
      }
      return
    default:
      perform(action)
      return
    }
    state.replaceTop(.attendance(a))
  }

  // MARK: - Actions on the panes

  func perform(_ action: Action) {
    switch action {
    case .quit: state.finished = true
    case .help: state.modals.append(.help(offset: 0))
    case .command: state.modals.append(.command(TextField()))
    case .language:
      state.language = state.language == .ko ? .en : .ko
      state.say(l.pick("Language: English", "언어: 한국어"))
    case .nextPane: switchPane(state.pane.shifted(by: 1))
    case .previousPane: switchPane(state.pane.shifted(by: -1))
    case .pane(let p): switchPane(p)
    case .up, .down, .top, .bottom, .pageUp, .pageDown: move(action)
    case .undo: undo()
    case .search:
      if state.pane == .visits {
        state.visits.searchField = TextField()
      } else {
        state.members.searchField = TextField(state.members.query.search)
      }
    case .open: open()
    case .edit:
      if state.pane == .members, let id = selectedMemberId() { openMemberForm(editing: id) }
    case .new: openNew()
    case .back: break
    case .filterKind:
      state.members.query.kind = cycle(MemberKind.allCases, state.members.query.kind)
      state.members.list = ListCursor()
    case .filterRole:
      state.members.query.role = cycle(OfficerRole.allCases, state.members.query.role)
      state.members.list = ListCursor()
    case .filterCluster:
      let ids = (try? workspace.clusters().map(\.id)) ?? []
      state.members.query.clusterId = cycle(ids, state.members.query.clusterId)
      state.members.query.divisionId = nil
      state.members.list = ListCursor()
    case .filterDivision:
      let ids =
        (try? workspace.divisions(clusterId: state.members.query.clusterId).map(\.id)) ?? []
      state.members.query.divisionId = cycle(ids, state.members.query.divisionId)
      state.members.list = ListCursor()
    case .clearFilters:
      let q = state.members.query
      state.members.query = MemberQuery(sort: q.sort, descending: q.descending)
      state.members.list = ListCursor()
    case .sortNext:
      let all = MemberSort.allCases
      let i = all.firstIndex(of: state.members.query.sort)!
      state.members.query.sort = all[(i + 1) % all.count]
      state.members.query.descending = false
    case .sortReverse:
      state.members.query.descending.toggle()
    case .attendance: openAttendance()
    case .closeFollowUp: closeFollowUp()
    case .dueWeeks:
      let steps: [Int?] = [nil, 4, 8, 12, 26]
      let i = steps.firstIndex(of: state.visits.dueWeeks) ?? 0
      state.visits.dueWeeks = steps[(i + 1) % steps.count]
    case .approve, .reject, .askChanges:
      if let id = selectedRequestId() { openDecision(action, requestId: id) }
    case .statusFilter:
      let steps: [RequestStatus?] = [.pending, nil, .approved, .rejected, .draft]
      let i = steps.firstIndex(of: state.requests.status) ?? 0
      state.requests.status = steps[(i + 1) % steps.count]
      state.requests.list = ListCursor()
    case .toggleAttendance, .allPresent, .save: break
    }
  }

  func cycle<T: Equatable>(_ all: [T], _ current: T?) -> T? {
    guard let current, let i = all.firstIndex(of: current) else { return all.first }
    return i + 1 < all.count ? all[i + 1] : nil
  }

  func switchPane(_ p: Pane) {
    state.pane = p
    state.members.searchField = nil
    state.visits.searchField = nil
  }

  /// Rows visible in the current pane's list.
  var visibleRows: Int { max(1, state.contentHeight - 2) }

  func move(_ action: Action) {
    let page = visibleRows
    func target(_ cursor: Int, _ count: Int) -> Int {
      switch action {
      case .up: cursor - 1
      case .down: cursor + 1
      case .top: 0
      case .bottom: count - 1
      case .pageUp: cursor - page
      case .pageDown: cursor + page
      default: cursor
      }
    }
    switch state.pane {
    case .overview:
      break
    case .members:
      let n = memberCount()
      state.members.list.move(to: target(state.members.list.cursor, n), count: n, visible: page)
    case .meetings:
      let n = meetingCount()
      state.meetings.move(to: target(state.meetings.cursor, n), count: n, visible: page)
    case .visits:
      let items = visitItems()
      let selectable = items.indices.filter { items[$0].isSelectable }
      guard !selectable.isEmpty else { return }
      let pos = selectable.firstIndex { $0 >= state.visits.list.cursor } ?? 0
      let next = max(0, min(selectable.count - 1, target(pos, selectable.count)))
      state.visits.list.move(to: selectable[next], count: items.count, visible: page)
    case .requests:
      let n = requestCount()
      state.requests.list.move(to: target(state.requests.list.cursor, n), count: n, visible: page)
    }
  }

  func open() {
    switch state.pane {
    case .overview: break
    case .members:
      if let id = selectedMemberId() {
        state.modals.append(.detail(DetailState(subject: .member(id))))
      }
    case .meetings:
      if let id = selectedMeeting()?.id {
        state.modals.append(.detail(DetailState(subject: .meeting(id))))
      }
    case .visits:
      switch selectedVisitItem() {
      case .followUp: closeFollowUp()
      case .visit(let v, _): state.modals.append(.detail(DetailState(subject: .visit(v.id))))
      case .due(let d): state.modals.append(.detail(DetailState(subject: .member(d.memberId))))
      default: break
      }
    case .requests:
      if let id = selectedRequestId() {
        state.modals.append(.detail(DetailState(subject: .request(id))))
      }
    }
  }

  func openNew() {
    switch state.pane {
    case .members: openMemberForm(editing: nil)
    case .meetings:
      let clusters = (try? workspace.clusters()) ?? []
      let divisions = (try? workspace.divisions()) ?? []
      state.modals.append(
        .form(FormBuilder.meeting(clusters: clusters, divisions: divisions, today: state.today, l)))
    case .visits:
      var form = FormBuilder.visit(today: state.today, l)
      if case .due(let d) = selectedVisitItem() {
        form.form.fields[0].input = TextField(d.name)
        form.pickedMember = d.memberId
      }
      state.modals.append(.form(form))
    case .overview, .requests:
      state.say(
        l.pick(
          "Nothing to add here; try 2 members, 3 meetings or 4 visits.",
          "여기서는 추가할 것이 없습니다. 2 회원, 3 회의, 4 방문에서 n을 누르세요."))
    }
  }

  func openMemberForm(editing id: Int64?) {
    let clusters = (try? workspace.clusters()) ?? []
    guard !clusters.isEmpty else {
      state.say(l.pick("Add a mini-cluster first.", "미니클러스터를 먼저 만드세요."), error: true)
      return
    }
    if let id {
      do {
        let detail = try workspace.memberDetail(id: id)
        state.modals.append(
          .form(
            FormBuilder.member(
              .editMember(original: detail.member), member: detail.member,
              division: detail.division?.name ?? "", clusters: clusters, defaultCluster: nil, l)))
      } catch { state.say(describe(error, l), error: true) }
    } else {
      state.modals.append(
        .form(
          FormBuilder.member(
            .addMember, member: nil, division: "", clusters: clusters,
            defaultCluster: state.members.query.clusterId, l)))
    }
  }

  func openDecision(_ action: Action, requestId: Int64) {
    do {
      guard let (request, memberName, budget) = try workspace.decisionContext(requestId: requestId)
      else {
        throw WorkspaceError.recordNotFound(kind: "request", reference: "#\(requestId)")
      }
      guard request.status == .pending else {
        state.say(
          l.pick(
            "Request #\(requestId) is \(request.status.label(l)); only pending requests are decided.",
            "신청 #\(requestId)은(는) '\(request.status.label(l))' 상태입니다. 심사대기 신청만 결정할 수 있습니다."),
          error: true)
        return
      }
      let purpose: FormPurpose =
        switch action {
        case .approve: .approve(request: request)
        case .reject: .reject(request: request)
        default: .askChanges(request: request)
        }
      state.modals.append(
        .form(
          FormBuilder.decision(
            purpose, request: request, memberName: memberName, budget: budget, l)))
    } catch { state.say(describe(error, l), error: true) }
  }

  func openAttendance() {
    guard let meeting = selectedMeeting() else { return }
    do {
      let lines = try workspace.attendanceList(meetingId: meeting.id)
      state.modals.append(
        .attendance(AttendanceState(meetingId: meeting.id, title: meeting.title, lines: lines)))
    } catch { state.say(describe(error, l), error: true) }
  }

  func closeFollowUp() {
    guard case .followUp(let f) = selectedVisitItem() else {
      state.say(l.pick("Select a follow-up first.", "후속조치를 먼저 고르세요."), error: true)
      return
    }
    apply(.setFollowUpDone(id: f.followUp.id, state.today))
  }

  func undo() {
    guard let entry = state.undo.popLast() else {
      state.say(WorkspaceError.nothingToUndo.message(l), error: true)
      return
    }
    if !apply(.undo(entry)) { state.undo.append(entry) }
  }

  /// Runs one effect, reporting the outcome in the status bar. Returns whether it worked.
  @discardableResult
  func apply(_ effect: Effect) -> Bool {
    do {
      let (entry, message) = try effect.perform(on: workspace, today: state.today, l)
      if let entry { state.undo.append(entry) }
      state.say(message)
      return true
    } catch {
      state.say(describe(error, l), error: true)
      return false
    }
  }

  // MARK: - Forms

  func handleForm(_ key: Key, _ f: FormState) {
    var f = f
    let focusedSpec = f.specs[f.form.focus]
    // Member suggestions take ↑ ↓ and Enter while they are shown.
    if focusedSpec.key == "member", !f.suggestions.isEmpty, f.pickedMember == nil {
      switch key {
      case .up:
        f.suggestion = max(0, f.suggestion - 1)
        state.replaceTop(.form(f))
        return
      case .down:
        f.suggestion = min(f.suggestions.count - 1, f.suggestion + 1)
        state.replaceTop(.form(f))
        return
      case .enter:
        let pick = f.suggestions[f.suggestion]
        f.form.fields[f.form.focus].input = TextField(pick.name)
        f.form.fields[f.form.focus].error = nil
        f.pickedMember = pick.id
        f.suggestions = []
        f.form.focusNext()
        state.replaceTop(.form(f))
        return
      default: break
      }
    }
    if focusedSpec.choices != nil, let choices = focusedSpec.choices, !choices.isEmpty {
      let current = choices.firstIndex(of: f.form.fields[f.form.focus].input.value) ?? 0
      var next: Int?
      switch key {
      case .char(" "), .right, .char("l"): next = (current + 1) % choices.count
      case .left, .char("h"): next = (current + choices.count - 1) % choices.count
      default: break
      }
      if let next {
        f.form.fields[f.form.focus].input = TextField(choices[next])
        state.replaceTop(.form(f))
        return
      }
      if case .char = key { return }
    }
    switch Keymap.action(for: key, in: [.form]) {
    case .back:
      state.modals.removeLast()
      return
    case .save:
      if key == .enter && f.form.focus < f.form.fields.count - 1 {
        f.form.focusNext()
        state.replaceTop(.form(f))
      } else {
        submit(f)
      }
      return
    default:
      break
    }
    f.form.handle(key)
    if focusedSpec.key == "member" {
      let text = f.form.fields[f.form.focus].input.value
      if f.specs[f.form.focus].key == "member" {
        f.pickedMember = nil
        f.suggestion = 0
        let q = MemberQuery(search: text, includeLeft: false)
        f.suggestions =
          text.trimmingCharacters(in: .whitespaces).isEmpty
          ? []
          : ((try? workspace.memberRows(q, offset: 0, limit: 5)) ?? []).map { ($0.id, $0.name) }
      }
    }
    state.replaceTop(.form(f))
  }

  func submit(_ f: FormState) {
    var f = f
    for i in f.form.fields.indices { f.form.fields[i].error = nil }
    f.message = nil
    do {
      let effect = try FormReader.effect(f, workspace: workspace, today: state.today, language: l)
      let (entry, message) = try effect.perform(on: workspace, today: state.today, l)
      if let entry { state.undo.append(entry) }
      state.modals.removeLast()
      state.say(message)
    } catch let error as ValidationError {
      var unplaced: [String] = []
      for e in error.errors {
        var e = e
        let key = formKey(forErrorField: e.field)
        e.column = fieldLabel(key, l)
        if let i = f.index(of: key) {
          f.form.fields[i].error = [f.form.fields[i].error, e.message(l)].compactMap { $0 }
            .joined(separator: "; ")
        } else {
          unplaced.append(e.message(l))
        }
      }
      if let first = f.form.fields.firstIndex(where: { $0.error != nil }) { f.form.focus = first }
      f.message = unplaced.isEmpty ? nil : unplaced.joined(separator: " ")
      state.replaceTop(.form(f))
      state.say(
        l.pick("Not saved: fix the marked fields.", "저장하지 않았습니다: 표시된 칸을 고치세요."), error: true)
    } catch let error as WorkspaceError {
      f.message = error.message(l)
      if case .overLimits = error, f.index(of: "override") == nil {
        let (field, spec) = FormBuilder.field("override", "", l)
        f.form.fields.append(field)
        f.specs.append(spec)
        f.form.focus = f.form.fields.count - 1
      }
      state.replaceTop(.form(f))
      state.say(error.message(l), error: true)
    } catch {
      f.message = describe(error, l)
      state.replaceTop(.form(f))
      state.say(describe(error, l), error: true)
    }
  }
}

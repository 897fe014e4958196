import ClusterKit
import TerminalKit

/// One line of the visits pane.
enum VisitItem: Hashable, Sendable {
  case header(String)
  case visit(Visit, memberName: String)
  case followUp(OpenFollowUp)
  case due(DueVisit)
  case empty(String)

  var isSelectable: Bool {
    switch self {
    case .header, .empty: false
    default: true
    }
  }
}

/// What a piece of pane data was computed from. The dashboard keeps each result until these
/// inputs change or the workspace does (see `DashboardApp.cached`).
enum CacheKey: Hashable {
  case memberCount(MemberQuery)
  case memberRows(MemberQuery, offset: Int, limit: Int)
  case clusters
  case divisions
  case meetingCount
  case meetingRows(offset: Int, limit: Int)
  case requestCount(RequestFilter)
  case requestRows(RequestFilter, offset: Int, limit: Int)
  case visitItems(today: Day, weeks: Int, dueWeeks: Int?, Language)
  case annualReport(today: Day)
  case divisionCounts
  case visitsPerWeek(today: Day, weeks: Int)
  case openFollowUps(limit: Int)
  case followUpCounts(today: Day)
  case dueForVisit(today: Day, limit: Int)
  case detail(DetailState.Subject, width: Int, Language, today: Day)
}

/// Results of reads, by what they were computed from, and the workspace version they belong to.
struct PaneCache {
  var version: Int?
  var entries: [CacheKey: Any] = [:]
}

// Reads are windows and counts; nothing here loads a whole table.
extension DashboardApp {
  /// The result for `key`, computed once and reused until the workspace changes: our own writes
  /// and other processes' both change SQLite's data version, which is checked on every call
  /// (one cheap read), so a frame never shows data older than the workspace.
  func cached<T>(_ key: CacheKey, _ compute: () -> T) -> T {
    let version = try? workspace.dataVersion()
    if version == nil || version != cache.version {
      cache = PaneCache(version: version)
    }
    if let entry = cache.entries[key], let value = entry as? T { return value }
    let value = compute()
    // Scrolling through a long list leaves old windows behind; start afresh now and then.
    if cache.entries.count >= 256 { cache.entries.removeAll() }
    cache.entries[key] = value
    return value
  }

  /// Rows the members and requests tables show (the content area less the header row).
  var tableRows: Int { max(1, state.contentHeight - 1) }

  func memberCount() -> Int {
    let query = state.members.query
    return cached(.memberCount(query)) { (try? workspace.memberCount(query)) ?? 0 }
  }

  func memberRows(offset: Int, limit: Int) -> [MemberRow] {
    let query = state.members.query
    return cached(.memberRows(query, offset: offset, limit: limit)) {
      (try? workspace.memberRows(query, offset: offset, limit: limit)) ?? []
    }
  }

  /// The row under the cursor: from the window on screen when it holds it, else read alone.
  func selectedMemberId() -> Int64? {
    let list = state.members.list
    let window = memberRows(offset: list.offset, limit: tableRows)
    if window.indices.contains(list.cursor - list.offset) {
      return window[list.cursor - list.offset].id
    }
    return memberRows(offset: list.cursor, limit: 1).first?.id
  }

  func clusters() -> [Cluster] { cached(.clusters) { (try? workspace.clusters()) ?? [] } }
  func divisions() -> [Division] { cached(.divisions) { (try? workspace.divisions()) ?? [] } }

  func meetingCount() -> Int {
    cached(.meetingCount) { (try? workspace.meetingCount()) ?? 0 }
  }

  func meetingRows(offset: Int, limit: Int) -> [MeetingRow] {
    cached(.meetingRows(offset: offset, limit: limit)) {
      (try? workspace.meetingRows(offset: offset, limit: limit)) ?? []
    }
  }

  func selectedMeeting() -> MeetingRow? {
    meetingRows(offset: state.meetings.cursor, limit: 1).first
  }

  var requestFilter: RequestFilter { RequestFilter(status: state.requests.status) }

  func requestCount() -> Int {
    let filter = requestFilter
    return cached(.requestCount(filter)) { (try? workspace.requestCount(filter)) ?? 0 }
  }

  func requestRows(_ filter: RequestFilter, offset: Int, limit: Int) -> [RequestRow] {
    cached(.requestRows(filter, offset: offset, limit: limit)) {
      (try? workspace.requestRows(filter, offset: offset, limit: limit)) ?? []
    }
  }

  /// The request under the cursor: from the window on screen when it holds it, else read alone.
  func selectedRequestId() -> Int64? {
    let list = state.requests.list
    let window = requestRows(requestFilter, offset: list.offset, limit: tableRows)
    if window.indices.contains(list.cursor - list.offset) {
      return window[list.cursor - list.offset].id
    }
    return requestRows(requestFilter, offset: list.cursor, limit: 1).first?.id
  }

  /// All open follow-ups and the overdue ones among them (the lists show only the first few).
  func followUpCounts() -> (open: Int, overdue: Int) {
    cached(.followUpCounts(today: state.today)) {
      (try? workspace.followUpCounts(today: state.today)) ?? (0, 0)
    }
  }

  /// Open follow-ups (overdue first), this week's and earlier weeks' visits, and who is due.
  func visitItems() -> [VisitItem] {
    if let found = state.visits.found { return found }
    let v = state.visits
    return cached(.visitItems(today: state.today, weeks: v.weeks, dueWeeks: v.dueWeeks, l)) {
      readVisitItems()
    }
  }

  private func readVisitItems() -> [VisitItem] {
    let l = state.language
    let today = state.today
    var items: [VisitItem] = []
    let followUps = (try? workspace.openFollowUps(limit: 50)) ?? []
    let (open, overdue) = followUpCounts()
    items.append(
      .header(
        l.pick("Open follow-ups", "진행 중인 후속조치") + " \(open)"
          + (overdue > 0 ? l.pick(" · \(overdue) overdue", " · 기한 지남 \(overdue)") : "")))
    items += followUps.map { .followUp($0) }
    if followUps.isEmpty { items.append(.empty(l.pick("none", "없음"))) }
    let monday = today.startOfWeek
    let first = monday.adding(days: -7 * (state.visits.weeks - 1))
    let visits =
      (try? workspace.visits(from: first, through: monday.adding(days: 6), limit: 200)) ?? []
    let names = (try? workspace.memberNames(ids: Set(visits.map(\.memberId)))) ?? [:]
    for week in 0..<state.visits.weeks {
      let start = monday.adding(days: -7 * week)
      let end = start.adding(days: 6)
      let inWeek = visits.filter { $0.date >= start && $0.date <= end }
      let label =
        week == 0
        ? l.pick("This week", "이번 주") : l.pick("\(week) week(s) ago", "\(week)주 전")
      items.append(
        .header("\(label) \(short(start))–\(short(end)) · \(inWeek.count)"))
      for v in inWeek {
        items.append(.visit(v, memberName: names[v.memberId] ?? "#\(v.memberId)"))
      }
    }
    let due =
      (try? workspace.dueForVisit(today: today, minimumWeeks: state.visits.dueWeeks, limit: 50))
      ?? []
    let heading =
      state.visits.dueWeeks.map { l.pick("Not visited for \($0) weeks", "\($0)주 이상 미방문") }
      ?? l.pick("Due for a visit", "방문 주기 도래")
    items.append(.header(heading + " \(due.count)"))
    items += due.map { .due($0) }
    if due.isEmpty { items.append(.empty(l.pick("none", "없음"))) }
    return items
  }

  /// Visits whose notes or difficulties contain the text (full-text index), newest first.
  func searchVisitItems(_ text: String) -> [VisitItem]? {
    let query = text.trimmingCharacters(in: .whitespaces)
    guard !query.isEmpty else { return nil }
    let visits = (try? workspace.searchVisits(query)) ?? []
    let names = (try? workspace.memberNames(ids: Set(visits.map(\.memberId)))) ?? [:]
    var items: [VisitItem] = [
      .header(
        l.pick(
          "Visit notes with '\(query)': \(visits.count) (newest first, Esc clears)",
          "'\(query)' 방문 기록 \(visits.count)건 (최신순, Esc 지우기)"))
    ]
    items += visits.map { .visit($0, memberName: names[$0.memberId] ?? "#\($0.memberId)") }
    if visits.isEmpty { items.append(.empty(l.pick("none", "없음"))) }
    return items
  }

  func selectedVisitItem() -> VisitItem? {
    let items = visitItems()
    var cursor = state.visits.list.cursor
    if !items.indices.contains(cursor) || !items[cursor].isSelectable {
      guard let first = items.indices.first(where: { $0 >= cursor && items[$0].isSelectable })
      else { return nil }
      cursor = first
      state.visits.list.cursor = first
    }
    return items[cursor]
  }

  // MARK: - Command line

  /// `:` commands, the same verbs as the `clusterdesk` subcommands for the common cases.
  func runCommand(_ text: String) {
    let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard let verb = words.first?.lowercased() else { return }
    let rest = Array(words.dropFirst())
    let argument = rest.joined(separator: " ")
    switch verb {
    case "q", "quit", "exit", "q!":
      state.finished = true
    case "help", "h", "?":
      state.modals.append(.help(offset: 0))
    case "lang", "language":
      switch argument.lowercased() {
      case "ko", "kr", "korean", "한국어": state.language = .ko
      case "en", "english", "영어": state.language = .en
      default: state.language = state.language == .ko ? .en : .ko
      }
      state.say(l.pick("Language: English", "언어: 한국어"))
    case "pane", "go":
      if let p = pane(named: argument) {
        switchPane(p)
      } else {
        state.say(
          l.pick("Unknown pane '\(argument)'", "알 수 없는 화면 '\(argument)'") + " ("
            + Pane.allCases.map(\.rawValue).joined(separator: ", ") + ")", error: true)
      }
    case "overview", "meetings", "requests", "report":
      switchPane(pane(named: verb == "report" ? "overview" : verb)!)
    case "members", "member", "search":
      switchPane(.members)
      state.members.query.search = argument
      state.members.list = ListCursor()
      let n = memberCount()
      state.say(l.pick("\(n) member(s) match '\(argument)'", "'\(argument)' 검색: \(n)명"))
    case "visits", "visit":
      switchPane(.visits)
      if let n = Int(argument), n > 0 { state.visits.dueWeeks = n }
    case "approve":
      guard rest.count >= 1, let id = Int64(rest[0].trimmingCharacters(in: ["#"])) else {
        return usage(":approve ID [AMOUNT] [override reason]")
      }
      decideFromCommand(id: id, verb: verb, rest: Array(rest.dropFirst()))
    case "reject", "changes":
      guard rest.count >= 1, let id = Int64(rest[0].trimmingCharacters(in: ["#"])) else {
        return usage(":\(verb) ID \(l.pick("REASON", "사유"))")
      }
      decideFromCommand(id: id, verb: verb, rest: Array(rest.dropFirst()))
    case "undo":
      undo()
    case "done":
      guard let id = Int64(argument.trimmingCharacters(in: ["#"])) else {
        return usage(":done FOLLOW-UP-ID")
      }
      apply(.setFollowUpDone(id: id, state.today))
    default:
      state.say(
        l.pick("Unknown command ':\(verb)'. Try: ", "알 수 없는 명령 ':\(verb)'. 사용 가능: ")
          + "members, approve, reject, changes, done, undo, pane, visits, lang, help, q",
        error: true)
    }
  }

  func usage(_ text: String) {
    state.say(l.pick("Usage: ", "사용법: ") + text, error: true)
  }

  func pane(named name: String) -> Pane? {
    let n = name.lowercased()
    if let p = Pane(rawValue: n) { return p }
    if let i = Int(n), (1...5).contains(i) { return Pane.allCases[i - 1] }
    return Pane.allCases.first { $0.title(.ko) == name || $0.title(.en).lowercased() == n }
  }

  func decideFromCommand(id: Int64, verb: String, rest: [String]) {
    guard let request = try? workspace.request(id: id) else {
      state.say(
        WorkspaceError.recordNotFound(kind: "request", reference: "#\(id)").message(l), error: true)
      return
    }
    let decision: RequestDecision
    switch verb {
    case "approve":
      var amount = request.requestedKRW
      var reasonWords = rest
      if let first = rest.first, let parsed = try? Money.parse(first) {
        amount = parsed
        reasonWords.removeFirst()
      }
      let reason = reasonWords.joined(separator: " ")
      decision = .approve(amount: amount, overrideReason: reason.isEmpty ? nil : reason)
    case "reject":
      decision = .reject(reason: rest.joined(separator: " "))
    default:
      decision = .askForChanges(reason: rest.joined(separator: " "))
    }
    apply(.decide(id, decision, expected: request))
  }
}

func short(_ d: Day) -> String { String(format: "%02d.%02d", d.month, d.day) }

import ClusterKit
import TerminalKit

/// What a form is for; decides how its values become a Workspace call.
enum FormPurpose: Hashable, Sendable {
  case addMember
  case editMember(original: Member)
  case addMeeting
  case addVisit
  case editVisit(original: Visit, memberName: String)
  case editMeeting(original: Meeting)
  /// Mentoring and SIGs (MentoringActions.swift).
  case mentoring(MentoringForm)
  case approve(request: SupportRequest)
  case reject(request: SupportRequest)
  case askChanges(request: SupportRequest)
  // Programs, intake and the steps of a request after the decision
  case addProgram(year: Int)
  case editProgram(original: Program)
  /// A new request; `difficulties` are the visit difficulties it may answer (offered in a choice).
  case addRequest(difficulties: [DifficultyChoice])
  case editRequest(original: SupportRequest)
  case submit(request: SupportRequest)
  case withdraw(request: SupportRequest)
  case agree(request: SupportRequest)
  case pay(request: SupportRequest)
  case settle(request: SupportRequest)
}

/// A visit difficulty a new request may answer, as the request form offers it.
struct DifficultyChoice: Hashable, Sendable {
  var reference: DifficultyReference
  var visitDate: Day
  var difficulty: Difficulty

  /// `2026-11-10 [인증] CE 인증 비용 부담`.
  func label(_ l: Language) -> String {
    "\(visitDate) [\(difficulty.category.label(l))] \(difficulty.text)"
  }
}

/// One field of a form: free text, or one of a few choices cycled with Space and ←/→.
struct FieldSpec: Hashable, Sendable {
  var key: String
  /// What the field is called on the form and in its errors.
  var term: Term
  var choices: [String]?
  /// What each choice stands for (raw values or ids), parallel to `choices`.
  var choiceValues: [String]?
}

struct FormState: Hashable, Sendable {
  var purpose: FormPurpose
  var title: String
  /// Read-only lines above the fields (what is being decided; the budget left is read with the
  /// form's data).
  var info: [String] = []
  var form: Form
  var specs: [FieldSpec]
  /// Error not tied to one field (e.g. over budget, a conflict).
  var message: String?
  /// The highlighted one of the member suggestions (see `FormData`).
  var suggestion = 0
  /// The member picked from the suggestions, or given when the form opened.
  var pickedMember: (id: Int64, name: String)?
  /// The years whose programs a request form offers (read with the form's data).
  var programYears: [Int] = []
  /// The member form's directory-book field: what it was when the form opened.
  var directoryBook: DirectoryBookField?

  static func == (a: FormState, b: FormState) -> Bool {
    a.purpose == b.purpose && a.title == b.title && a.info == b.info && a.form == b.form
      && a.specs == b.specs && a.message == b.message && a.suggestion == b.suggestion
      && a.pickedMember?.id == b.pickedMember?.id && a.programYears == b.programYears
      && a.directoryBook == b.directoryBook
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
  /// The request a decision or step form acts on.
  var request: SupportRequest? {
    switch purpose {
    case .approve(let r), .reject(let r), .askChanges(let r), .submit(let r), .withdraw(let r),
      .agree(let r), .pay(let r), .settle(let r), .editRequest(let r):
      r
    default: nil
    }
  }
  /// What the program choices of a request form are read for: the years, and the kind of
  /// difficulty the request answers (whose programs come first).
  var programChoices: ProgramChoices? {
    guard !programYears.isEmpty else { return nil }
    var answering: DifficultyCategory?
    if case .addRequest(let difficulties) = purpose {
      answering =
        difficulties.first { $0.reference.description == choice("difficulty") }?.difficulty
        .category
    }
    return ProgramChoices(years: programYears, answering: answering)
  }
  /// The member field's text while no member is picked: what suggestions are read for.
  var memberQuery: String? {
    guard index(of: "member") != nil, pickedMember == nil else { return nil }
    return value("member").trimmingCharacters(in: .whitespaces)
  }
}

/// A member's part in one directory-book edition as the member form shows it: not asked, asked
/// or submitted.
struct DirectoryBookField: Hashable, Sendable {
  static let states: [DirectoryBookState] = [.notAsked, .asked, .submitted]

  var edition: Int
  var state: DirectoryBookState
  /// The day a change of the field is recorded on.
  var today: Day

  init(_ edition: Int, _ entry: DirectoryBookEntry?, today: Day) {
    self.edition = edition
    self.state =
      switch entry?.status {
      case nil: .notAsked
      case .asked: .asked
      case .submitted: .submitted
      }
    self.today = today
  }

  /// What choosing `chosen` records; nil when it is what the member has.
  func edit(_ chosen: DirectoryBookState) -> DirectoryBookEdit? {
    guard chosen != state else { return nil }
    let change: DirectoryBookChange =
      switch chosen {
      case .asked: .asked(today)
      case .submitted: .submitted(today)
      default: .clear
      }
    return DirectoryBookEdit(edition: edition, change, today: today)
  }
}

/// The form key a Workspace field error belongs to (`followUps[1].due` → `due`).
func formKey(forErrorField field: String) -> String {
  if field.hasPrefix("difficulties") { return "difficulty" }
  if field.hasPrefix("followUps") { return "followUp" }
  if field == "budget" { return "amount" }
  if field == "division" { return "scope" }
  return field
}

enum FormBuilder {
  static func field(
    _ key: String, _ value: String = "", _ l: Language, placeholder: String = "", term: Term? = nil
  ) -> (Form.Field, FieldSpec) {
    let term = term ?? Term.named(key)!
    return (
      Form.Field(term.label(l), TextField(value, placeholder: placeholder)),
      FieldSpec(key: key, term: term)
    )
  }

  static func choice(
    _ key: String, _ choices: [String], values: [String], selected: String?, _ l: Language,
    term: Term? = nil
  ) -> (Form.Field, FieldSpec) {
    let at = selected.flatMap { values.firstIndex(of: $0) } ?? 0
    let term = term ?? Term.named(key)!
    return (
      Form.Field(term.label(l) + " ◂▸", TextField(choices.isEmpty ? "" : choices[at])),
      FieldSpec(key: key, term: term, choices: choices, choiceValues: values)
    )
  }

  static func make(
    _ purpose: FormPurpose, title: String, info: [String] = [],
    _ parts: [(Form.Field, FieldSpec)]
  ) -> FormState {
    FormState(
      purpose: purpose, title: title, info: info, form: Form(fields: parts.map(\.0)),
      specs: parts.map(\.1))
  }

  static func member(
    _ purpose: FormPurpose, member: Member?, division: String, clusters: [Cluster],
    defaultCluster: Int64?, directoryBook: DirectoryBookField, _ l: Language
  ) -> FormState {
    let m = member
    let kinds = MemberKind.allCases
    let roles = OfficerRole.allCases
    var parts = [
      field("name", m?.name ?? "", l, placeholder: l.pick("e.g. ", "예: ") + "(주)OO테크"),
      field("representative", m?.representative ?? "", l),
      field(
        "businessNumber", m.map { BusinessNumber.format($0.businessNumber) } ?? "", l,
        placeholder: l.pick("e.g. ", "예: ") + "123-45-67890"),
      choice(
        "kind", kinds.map { $0.label(l) }, values: kinds.map(\.rawValue),
        selected: m?.kind.rawValue, l),
      choice(
        "cluster", clusters.map(\.name), values: clusters.map { String($0.id) },
        selected: (m?.clusterId ?? defaultCluster).map { String($0) }, l),
      field("division", division, l),
      choice(
        "role", roles.map { $0.label(l) }, values: roles.map(\.rawValue),
        selected: m?.role.rawValue ?? OfficerRole.member.rawValue, l),
      field("phone", m?.phone ?? "", l, placeholder: l.pick("e.g. ", "예: ") + "02-1234-5678"),
      field("email", m?.email ?? "", l),
      field("address", m?.address ?? "", l),
      field("products", m?.products ?? "", l),
      field("employees", m?.employees.map { String($0) } ?? "", l),
      field(
        "sales", m?.salesKRW.map { Money.grouped($0) } ?? "", l,
        placeholder: l.pick("e.g. ", "예: ") + "13.7억"),
      field(
        "founded", m?.founded?.description ?? "", l,
        placeholder: l.pick("e.g. ", "예: ") + "2001-03-15"),
    ]
    var book = choice(
      "directoryBook", DirectoryBookField.states.map { $0.label(l) },
      values: DirectoryBookField.states.map(\.rawValue), selected: directoryBook.state.rawValue, l)
    book.0.label = Term.directoryBook.label(l) + " \(directoryBook.edition) ◂▸"
    parts.append(book)
    if member != nil, clusters.count <= 1 { parts.remove(at: 4) }
    let title =
      member == nil ? l.pick("New member", "회원 추가") : l.pick("Edit member", "회원 수정")
    var form = make(purpose, title: title, parts)
    form.directoryBook = directoryBook
    return form
  }

  /// The meeting form, empty for a new meeting or filled with `original` to correct it (then
  /// with its minutes too).
  static func meeting(
    clusters: [Cluster], divisions: [Division], today: Day, _ l: Language,
    editing original: Meeting? = nil
  ) -> FormState {
    var scopeNames: [String] = []
    var scopeValues: [String] = []
    for c in clusters {
      scopeNames.append(c.name + l.pick(" (all)", " 전체"))
      scopeValues.append("\(c.id)")
      for d in divisions where d.clusterId == c.id {
        scopeNames.append(c.name + " › " + d.name)
        scopeValues.append("\(c.id)/\(d.id)")
      }
    }
    let kinds = MeetingKind.allCases
    let m = original
    let scope = m.map { m in m.divisionId.map { "\(m.clusterId)/\($0)" } ?? "\(m.clusterId)" }
    var parts = [
      choice("scope", scopeNames, values: scopeValues, selected: scope, l),
      choice(
        "meetingKind", kinds.map { $0.label(l) }, values: kinds.map(\.rawValue),
        selected: m?.kind.rawValue, l),
      field("date", (m?.date ?? today).description, l),
      field("title", m?.title ?? "", l),
      field("place", m?.place ?? "", l),
      field("agenda", m?.agenda ?? "", l),
    ]
    guard let m else { return make(.addMeeting, title: l.pick("New meeting", "회의 추가"), parts) }
    parts.append(field("minutes", m.minutes, l))
    return make(.editMeeting(original: m), title: l.pick("Edit meeting", "회의 수정"), parts)
  }

  /// The visit form, empty for a new visit or filled with `original` to correct it. A visit
  /// has several difficulties (`type: text`, separated by `;`) and several follow-ups (`action
  /// / owner / due`, separated by `;`; the owner is the visitor when left out).
  static func visit(
    today: Day, visitor: String, _ l: Language, editing original: Visit? = nil,
    memberName: String = ""
  ) -> FormState {
    let purposes = VisitPurpose.allCases
    let v = original
    var parts = [
      field("date", (v?.date ?? today).description, l),
      field("visitor", v?.visitor ?? visitor, l),
      choice(
        "purpose", purposes.map { $0.label(l) }, values: purposes.map(\.rawValue),
        selected: v?.purpose.rawValue, l),
      field("notes", v?.notes ?? "", l),
      field(
        "difficulty", v.map { visitDifficulties($0.difficulties, l) } ?? "", l,
        placeholder: l.pick("type: text; …  e.g. ", "분류: 내용; …  예: ")
          + "\(DifficultyCategory.certification.label(l)): CE"),
      field(
        "followUp", v.map { visitFollowUps($0.followUps) } ?? "", l,
        placeholder: l.pick("action / owner / due; …", "조치 / 담당 / 기한; …")),
    ]
    if let v {
      return make(
        .editVisit(original: v, memberName: memberName),
        title: l.pick("Edit visit", "방문 수정"), info: ["#\(v.id) \(memberName)"], parts)
    }
    parts.insert(
      field("member", "", l, placeholder: l.pick("name or initials", "이름 또는 초성"), term: .company),
      at: 0)
    return make(.addVisit, title: l.pick("Log a visit", "방문 기록"), parts)
  }

  static func visitDifficulties(_ difficulties: [Difficulty], _ l: Language) -> String {
    difficulties.map { "\($0.category.label(l)): \($0.text)" }.joined(separator: "; ")
  }

  static func visitFollowUps(_ followUps: [FollowUp]) -> String {
    followUps.map { f in
      ([f.action, f.owner] + (f.due.map { [$0.description] } ?? [])).joined(separator: " / ")
    }.joined(separator: "; ")
  }

  /// What a decision or step is on: the request, its member and program, the amount asked.
  static func requestInfo(
    _ request: SupportRequest, memberName: String, programName: String, _ l: Language
  ) -> [String] {
    [
      "#\(request.id) \(request.title)",
      "\(memberName) · \(programName)",
      l.pick("requested ", "신청액 ") + Money.format(request.requestedKRW),
    ]
  }

  static func decision(
    _ purpose: FormPurpose, request: SupportRequest, memberName: String, programName: String,
    _ l: Language
  ) -> FormState {
    let info = requestInfo(request, memberName: memberName, programName: programName, l)
    switch purpose {
    case .approve:
      return make(
        purpose, title: l.pick("Approve request", "지원신청 승인"), info: info,
        [field("amount", Money.grouped(request.requestedKRW), l)])
    case .reject:
      return make(
        purpose, title: l.pick("Reject request", "지원신청 반려"), info: info,
        [field("reason", "", l, placeholder: l.pick("required", "필수"))])
    default:
      return make(
        purpose, title: l.pick("Ask for changes", "보완 요청"), info: info,
        [field("reason", "", l, placeholder: l.pick("required", "필수"))])
    }
  }
}

extension Action {
  /// Decisions on a pending request, from the requests pane and the request's detail.
  static let approve = Action("approve")
  static let reject = Action("reject")
  static let askChanges = Action("askChanges")
}

extension FormBuilder {
  /// Opens the member form over what shows: `member` to edit, or a new member (in the cluster
  /// the list is filtered to).
  static func openMember(
    _ member: Member?, division: String, defaultCluster: Int64?,
    directoryBook: DirectoryBookField, _ ctx: Context, _ app: inout AppState
  ) {
    let l = ctx.l
    let clusters = ctx.common.clusters
    guard !clusters.isEmpty else {
      app.say(l.pick("Add a mini-cluster first.", "미니클러스터를 먼저 만드세요."), error: true)
      return
    }
    let form =
      if let member {
        FormBuilder.member(
          .editMember(original: member), member: member, division: division, clusters: clusters,
          defaultCluster: nil, directoryBook: directoryBook, l)
      } else {
        FormBuilder.member(
          .addMember, member: nil, division: "", clusters: clusters,
          defaultCluster: defaultCluster, directoryBook: directoryBook, l)
      }
    app.modals.append(.form(form))
  }

  /// Opens the form for a decision (`.approve`, `.reject` or `.askChanges`) on a request.
  static func openDecision(
    _ action: Action, _ request: SupportRequest, memberName: String, programName: String,
    _ app: inout AppState
  ) {
    let purpose: FormPurpose =
      switch action {
      case .approve: .approve(request: request)
      case .reject: .reject(request: request)
      default: .askChanges(request: request)
      }
    app.modals.append(
      .form(
        decision(
          purpose, request: request, memberName: memberName, programName: programName,
          app.language)))
  }

  /// Why a request cannot be decided on now; nil for a pending one.
  static func undecidable(_ request: SupportRequest?, _ l: Language) -> String? {
    guard let request else { return l.pick("Select a request first.", "신청을 먼저 고르세요.") }
    guard request.status != .pending else { return nil }
    return l.pick(
      "Request #\(request.id) is \(request.status.label(l)); only pending requests are decided.",
      "신청 #\(request.id, .topic) '\(request.status.label(l))' 상태입니다. 심사대기 신청만 결정할 수 있습니다.")
  }
}

// MARK: - Programs, intake and the steps of a request after the decision

extension Action {
  static let submit = Action("submit")
  static let withdraw = Action("withdraw")
  static let agree = Action("agree")
  static let pay = Action("pay")
  static let settle = Action("settle")
  /// A new support request from a member's detail or a visit's difficulty.
  static let newRequest = Action("newRequest")
}

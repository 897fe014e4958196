import ClusterKit
import TerminalKit

/// What a form is for; decides how its values become a Workspace call.
enum FormPurpose: Hashable, Sendable {
  case addMember
  case editMember(original: Member)
  /// Corrections of a member (MemberCorrections.swift).
  case markLeft(original: Member)
  case mergeMember(duplicate: Member)
  case deleteContact([Contact])
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

import ClusterKit
import TerminalKit

/// The forms of the programs and of a support request through its steps.
extension FormBuilder {
  static func example(_ text: String, _ l: Language) -> String { l.pick("e.g. ", "예: ") + text }

  /// The program form: a new program of `year`, or `original`'s terms to change (its year stays).
  static func program(_ original: Program?, year: Int, _ l: Language) -> FormState {
    let p = original
    let categories = ProgramCategory.allCases
    let none = l.pick("none", "없음")
    var parts = [
      field("programName", p?.name ?? "", l, placeholder: example("시제품제작", l)),
      choice(
        "programCategory", categories.map { $0.label(l) }, values: categories.map(\.rawValue),
        selected: p?.category.rawValue, l),
      field(
        "budget", p.map { Money.grouped($0.budgetKRW) } ?? "", l, placeholder: example("6천만", l)),
      field(
        "cofundingShare", p.map { "\($0.cofundingPercent)%" } ?? "", l,
        placeholder: example("20%", l)),
      field("memberCap", p?.memberCapKRW.map(Money.grouped) ?? "", l, placeholder: none),
      field("memberCapCount", p?.memberCapCount.map { "\($0)" } ?? "", l, placeholder: none),
      field("opens", p?.opens?.description ?? "", l, placeholder: l.pick("any time", "상시")),
      field("closes", p?.closes?.description ?? "", l, placeholder: l.pick("any time", "상시")),
      field("note", p?.note ?? "", l),
    ]
    guard let p else {
      parts.insert(field("year", "\(year)", l), at: 0)
      return make(.addProgram(year: year), title: l.pick("New program", "지원사업 추가"), parts)
    }
    return make(
      .editProgram(original: p), title: l.pick("Edit program #\(p.id)", "지원사업 #\(p.id) 수정"),
      info: [Document.programName(p)], parts)
  }

  /// The form for a new request: the member (given, or picked from suggestions), the difficulty
  /// it answers when there are some to choose from (`selected` first chosen), the program (the
  /// choices are read with the form's data: this year's and next year's, those answering the
  /// difficulty first), the title, the amounts and the day it was submitted (empty: a draft).
  static func newRequest(
    member: (id: Int64, name: String)?, difficulties: [DifficultyChoice],
    selected: DifficultyReference?, today: Day, _ l: Language
  ) -> FormState {
    var parts = [
      field(
        "member", member?.name ?? "", l, placeholder: l.pick("name or initials", "이름 또는 초성"))
    ]
    if !difficulties.isEmpty {
      parts.append(
        choice(
          "difficulty",
          // Cut to the field, so that the date and the kind stay in view.
          ["–"] + difficulties.map { DisplayWidth.truncate($0.label(l), to: 44) },
          values: [""] + difficulties.map(\.reference.description),
          selected: selected?.description, l, term: .answers))
    }
    parts += [
      choice("program", [], values: [], selected: nil, l),
      field("projectTitle", "", l),
      field("amount", "", l, placeholder: example("3천만", l)),
      field("cofunding", "", l, placeholder: example("750만", l), term: .plannedCofunding),
      field("submitted", today.description, l),
    ]
    var form = make(
      .addRequest(difficulties: difficulties), title: l.pick("New support request", "지원신청 접수"),
      info: [l.pick("Leave the submitted date empty for a draft.", "신청일을 비우면 작성중으로 둡니다.")],
      parts)
    form.pickedMember = member
    form.programYears = [today.year, today.year + 1]
    if member != nil { form.form.focus = form.index(of: "projectTitle") ?? 0 }
    return form
  }

  /// The form for a draft or pending request's own fields (a draft's submission is a step).
  static func editRequest(
    _ request: SupportRequest, memberName: String, programName: String, _ l: Language
  ) -> FormState {
    var parts = [
      choice("program", [programName], values: ["\(request.programId)"], selected: nil, l),
      field("projectTitle", request.title, l),
      field("amount", Money.grouped(request.requestedKRW), l),
      field(
        "cofunding", request.cofundingKRW.map(Money.grouped) ?? "", l, term: .plannedCofunding),
    ]
    if request.status == .pending {
      parts.append(field("submitted", request.submitted?.description ?? "", l))
    }
    var form = make(
      .editRequest(original: request),
      title: l.pick("Edit request #\(request.id)", "지원신청 #\(request.id) 수정"),
      info: ["\(memberName) · \(request.status.label(l))"], parts)
    form.form.focus = 1
    return form
  }

  /// The form of a step after intake (`.submit`, `.withdraw`, `.agree`, `.pay`, `.settle`) on the
  /// request shown in `d`, with what the step needs to know above its fields.
  static func step(_ action: Action, _ d: RequestDetail, today: Day, _ l: Language) -> FormState {
    let r = d.request
    var info = requestInfo(
      r, memberName: d.member.name, programName: Document.programName(d.program.program), l)
    let approved = r.approvedKRW ?? 0
    let paid = Document.paidLine(d, l)
    switch action {
    case .submit:
      return make(
        .submit(request: r), title: l.pick("Submit request", "지원신청 제출"), info: info,
        [field("date", today.description, l, term: .submitted)])
    case .withdraw:
      return make(
        .withdraw(request: r), title: l.pick("Withdraw request", "지원신청 철회"), info: info,
        [field("reason", "", l, placeholder: l.pick("required", "필수"))])
    case .agree:
      info.append(l.pick("approved ", "승인액 ") + Money.format(approved))
      if let needed = Document.cofundingNeeded(d, l) {
        info.append(Term.cofundingNeeded.label(l) + " " + needed)
      }
      let cofunding = r.cofundingKRW.map { max($0, d.minimumCofundingKRW) } ?? d.minimumCofundingKRW
      return make(
        .agree(request: r), title: l.pick("Record the agreement (협약)", "협약 기록"), info: info,
        [
          field("cofunding", Money.grouped(cofunding), l),
          field("date", today.description, l, term: .agreementDate),
        ])
    case .pay:
      return make(
        .pay(request: r), title: l.pick("Pay an instalment (교부)", "교부 기록"), info: info + [paid],
        [
          field("amount", Money.grouped(d.leftToDisburseKRW), l),
          field("date", today.description, l),
        ])
    default:
      info += [
        paid,
        l.pick(
          "Returned = paid − spent + disallowed; leave it empty to have it worked out.",
          "반환액 = 교부액 − 집행액 + 불인정액 (비우면 계산합니다)"),
      ]
      return make(
        .settle(request: r), title: l.pick("Settle (정산)", "정산 기록"), info: info,
        [
          field("spent", Money.grouped(d.disbursedKRW), l),
          field("disallowed", "0", l),
          field("returned", "", l, placeholder: l.pick("worked out", "자동 계산")),
          field("reportDate", today.description, l),
        ])
    }
  }

  /// Opens the form of a step (a decision too) on the request shown in `d`.
  static func openStep(_ action: Action, _ d: RequestDetail, today: Day, _ app: inout AppState) {
    switch action {
    case .approve, .reject, .askChanges:
      openDecision(
        action, d.request, memberName: d.member.name,
        programName: Document.programName(d.program.program), &app)
    case .edit:
      app.modals.append(
        .form(
          editRequest(
            d.request, memberName: d.member.name,
            programName: Document.programName(d.program.program), app.language)))
    default:
      app.modals.append(.form(step(action, d, today: today, app.language)))
    }
  }

  /// The status each step moves a request to.
  static func target(of action: Action) -> RequestStatus? {
    switch action {
    case .submit: .pending
    case .withdraw: .withdrawn
    case .approve: .approved
    case .reject: .rejected
    case .askChanges: .draft
    case .agree: .agreed
    case .settle: .completed
    default: nil
    }
  }

  /// Why a step (or editing) cannot be taken on the request now: the steps go in order, each
  /// from the statuses it belongs to. nil when it can.
  static func stepUnavailable(_ action: Action, _ d: RequestDetail?, _ l: Language) -> String? {
    guard let d else { return l.pick("Select a request first.", "신청을 먼저 고르세요.") }
    let r = d.request
    switch action {
    case .approve, .reject, .askChanges:
      return undecidable(r, l)
    case .edit:
      return uneditable(r, l)
    case .pay:
      guard r.status == .agreed else {
        return WorkspaceError.stepNotAllowed(request: r.id, status: r.status, step: .disburse)
          .message(l)
      }
      guard d.leftToDisburseKRW > 0 else {
        return l.pick(
          "Request #\(r.id) is paid in full (\(Money.format(d.disbursedKRW))); S settles it.",
          "신청 #\(r.id, .topic) 승인액을 모두 교부했습니다 (\(Money.format(d.disbursedKRW))). S로 정산하세요.")
      }
      return nil
    default:
      guard let target = target(of: action), !r.status.canMove(to: target) else { return nil }
      return WorkspaceError.invalidTransition(request: r.id, from: r.status, to: target).message(l)
    }
  }

  /// Why a request's own fields cannot be changed now; nil for a draft or a pending one.
  static func uneditable(_ request: SupportRequest?, _ l: Language) -> String? {
    guard let r = request else { return l.pick("Select a request first.", "신청을 먼저 고르세요.") }
    return r.status.isEditable
      ? nil : WorkspaceError.stepNotAllowed(request: r.id, status: r.status, step: .edit).message(l)
  }

  /// Opens the form for a new request of `member` (or of a member to pick), answering one of
  /// `difficulties` when given (`selected` first chosen).
  static func openNewRequest(
    member: (id: Int64, name: String)?, difficulties: [DifficultyChoice] = [],
    selected: DifficultyReference? = nil, _ ctx: Context, _ app: inout AppState
  ) {
    app.modals.append(
      .form(
        newRequest(
          member: member, difficulties: difficulties, selected: selected, today: ctx.today, ctx.l)))
  }
}

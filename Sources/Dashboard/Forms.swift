import ClusterKit
import TerminalKit

/// Labels for field keys, including the ones the member rules do not know.
func fieldLabel(_ key: String, _ l: Language) -> String {
  let own: [String: (String, String)] = [
    "cluster": ("cluster", "미니클러스터"),
    "scope": ("for", "대상"),
    "member": ("company", "회사"),
    "purpose": ("purpose", "목적"),
    "category": ("difficulty type", "애로 분류"),
    "difficulty": ("difficulty", "애로사항"),
    "notes": ("notes", "메모"),
    "followUp": ("follow-up", "후속조치"),
    "due": ("due", "기한"),
    "title": ("title", "제목"),
    "place": ("place", "장소"),
    "agenda": ("agenda", "안건"),
    "meetingKind": ("kind", "회의 종류"),
    "reason": ("reason", "사유"),
    "override": ("override reason", "초과 사유"),
    "amount": ("amount", "금액"),
    "date": ("date", "날짜"),
  ]
  if let pair = own[key] { return l.pick(pair.0, pair.1) }
  return FieldError.label(for: key, l)
}

/// The form key a Workspace field error belongs to (`followUps[1].due` → `due`).
func formKey(forErrorField field: String) -> String {
  if field.hasPrefix("difficulties") { return "difficulty" }
  if field.hasPrefix("followUps") { return field.hasSuffix(".due") ? "due" : "followUp" }
  if field == "budget" { return "amount" }
  if field == "division" { return "scope" }
  return field
}

enum FormBuilder {
  static func field(
    _ key: String, _ value: String = "", _ l: Language, placeholder: String = ""
  ) -> (Form.Field, FieldSpec) {
    (
      Form.Field(fieldLabel(key, l), TextField(value, placeholder: placeholder)),
      FieldSpec(key: key)
    )
  }

  static func choice(
    _ key: String, _ choices: [String], values: [String], selected: String?, _ l: Language
  ) -> (Form.Field, FieldSpec) {
    let at = selected.flatMap { values.firstIndex(of: $0) } ?? 0
    return (
      Form.Field(fieldLabel(key, l) + " ◂▸", TextField(choices.isEmpty ? "" : choices[at])),
      FieldSpec(key: key, choices: choices, choiceValues: values)
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
    defaultCluster: Int64?, _ l: Language
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
    if member != nil, clusters.count <= 1 { parts.remove(at: 4) }
    let title =
      member == nil ? l.pick("New member", "회원 추가") : l.pick("Edit member", "회원 수정")
    return make(purpose, title: title, parts)
  }

  static func meeting(clusters: [Cluster], divisions: [Division], today: Day, _ l: Language)
    -> FormState
  {
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
    return make(
      .addMeeting, title: l.pick("New meeting", "회의 추가"),
      [
        choice("scope", scopeNames, values: scopeValues, selected: nil, l),
        choice(
          "meetingKind", kinds.map { $0.label(l) }, values: kinds.map(\.rawValue), selected: nil, l),
        field("date", today.description, l),
        field("title", "", l),
        field("place", "", l),
        field("agenda", "", l),
      ])
  }

  static func visit(today: Day, _ l: Language) -> FormState {
    let purposes = VisitPurpose.allCases
    let categories = DifficultyCategory.allCases
    return make(
      .addVisit, title: l.pick("Log a visit", "방문 기록"),
      [
        field("member", "", l, placeholder: l.pick("name or initials", "이름 또는 초성")),
        field("date", today.description, l),
        choice(
          "purpose", purposes.map { $0.label(l) }, values: purposes.map(\.rawValue), selected: nil,
          l),
        choice(
          "category", categories.map { $0.label(l) }, values: categories.map(\.rawValue),
          selected: nil, l),
        field("difficulty", "", l),
        field("notes", "", l),
        field("followUp", "", l),
        field(
          "due", "", l, placeholder: l.pick("e.g. ", "예: ") + today.adding(days: 7).description),
      ])
  }

  static func decision(
    _ purpose: FormPurpose, request: SupportRequest, memberName: String, budget: ProgramFigures?,
    _ l: Language
  ) -> FormState {
    var info = [
      "#\(request.id) \(request.title)",
      "\(memberName) · \(budget?.program.name ?? "")",
      l.pick("requested ", "신청액 ") + Money.format(request.requestedKRW),
    ]
    if let budget {
      info.append(l.pick("budget left ", "남은 예산 ") + Money.format(budget.remainingKRW))
    }
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

/// Turns a filled form into the one Workspace call it stands for, or the field errors that
/// keep it from being sent.
enum FormReader {
  static func effect(_ f: FormState, workspace: Workspace, today: Day, language l: Language)
    throws -> Effect
  {
    var errors: [FieldError] = []
    func day(_ key: String, required: Bool) -> Day? {
      let text = f.value(key).trimmingCharacters(in: .whitespaces)
      if text.isEmpty {
        if required { errors.append(FieldError(field: key, problem: .required)) }
        return nil
      }
      guard let d = Day(parsing: text) else {
        errors.append(
          FieldError(field: key, problem: .invalidFormat(expected: "2026-11-26"), value: text))
        return nil
      }
      return d
    }
    func money(_ key: String) -> KRW? {
      let text = f.value(key).trimmingCharacters(in: .whitespaces)
      if text.isEmpty { return nil }
      do { return try Money.parse(text, field: key) } catch {
        errors.append(error)
        return nil
      }
    }
    switch f.purpose {
    case .addMember, .editMember:
      var m: Member
      if case .editMember(let original) = f.purpose {
        m = original
      } else {
        m = Member(clusterId: 0, name: "")
      }
      m.name = f.value("name")
      m.representative = f.value("representative")
      m.businessNumber = f.value("businessNumber")
      if let k = f.choice("kind").flatMap(MemberKind.init(rawValue:)) { m.kind = k }
      if let c = f.choice("cluster").flatMap(Int64.init) { m.clusterId = c }
      if let r = f.choice("role").flatMap(OfficerRole.init(rawValue:)) { m.role = r }
      m.phone = f.value("phone")
      m.email = f.value("email")
      m.address = f.value("address")
      m.products = f.value("products")
      let employees = f.value("employees").trimmingCharacters(in: .whitespaces)
      if employees.isEmpty {
        m.employees = nil
      } else if let n = Int(employees.filter { $0 != "," && $0 != "명" }) {
        m.employees = n
      } else {
        errors.append(FieldError(field: "employees", problem: .notAnInteger, value: employees))
      }
      m.salesKRW = money("sales")
      m.founded = day("founded", required: false)
      // The rules' own checks, so every problem shows at once.
      errors += MemberRules.validate(m).1
      if !errors.isEmpty { throw ValidationError(errors) }
      let division = f.value("division")
      if case .editMember(let original) = f.purpose {
        return .updateMember(m, original: original, division: division)
      }
      return .addMember(m, division: division.isEmpty ? nil : division)
    case .addMeeting:
      let scope = (f.choice("scope") ?? "").split(separator: "/").compactMap { Int64($0) }
      let kind = f.choice("meetingKind").flatMap(MeetingKind.init(rawValue:)) ?? .steeringCommittee
      let date = day("date", required: true)
      if scope.isEmpty { errors.append(FieldError(field: "scope", problem: .required)) }
      if f.value("title").trimmingCharacters(in: .whitespaces).isEmpty {
        errors.append(FieldError(field: "title", problem: .required))
      }
      if !errors.isEmpty { throw ValidationError(errors) }
      return .addMeeting(
        Meeting(
          clusterId: scope[0], divisionId: scope.count > 1 ? scope[1] : nil, kind: kind,
          date: date!, title: f.value("title"), place: f.value("place"), agenda: f.value("agenda")))
    case .addVisit:
      var memberId = f.pickedMember
      let typed = f.value("member").trimmingCharacters(in: .whitespaces)
      if memberId == nil {
        if typed.isEmpty {
          errors.append(FieldError(field: "member", problem: .required))
        } else if let found = try? workspace.findMember(typed) {
          memberId = found.id
        } else {
          errors.append(FieldError(field: "member", problem: .notFound, value: typed))
        }
      }
      let date = day("date", required: true)
      let due = day("due", required: false)
      let purpose = f.choice("purpose").flatMap(VisitPurpose.init(rawValue:)) ?? .difficultySurvey
      let category = f.choice("category").flatMap(DifficultyCategory.init(rawValue:)) ?? .other
      let difficulty = f.value("difficulty").trimmingCharacters(in: .whitespaces)
      let action = f.value("followUp").trimmingCharacters(in: .whitespaces)
      if action.isEmpty, due != nil {
        errors.append(FieldError(field: "followUp", problem: .required))
      }
      if !errors.isEmpty { throw ValidationError(errors) }
      return .addVisit(
        Visit(
          memberId: memberId!, date: date!, visitor: workspace.actor, purpose: purpose,
          notes: f.value("notes"),
          difficulties: difficulty.isEmpty
            ? [] : [Difficulty(category: category, text: difficulty)],
          followUps: action.isEmpty
            ? [] : [FollowUp(action: action, owner: workspace.actor, due: due)]
        ))
    case .approve(let request):
      let amount = money("amount")
      if amount == nil, errors.isEmpty {
        errors.append(FieldError(field: "amount", problem: .required))
      }
      if !errors.isEmpty { throw ValidationError(errors) }
      let reason = f.index(of: "override") == nil ? nil : f.value("override")
      return .decide(
        request.id, .approve(amount: amount!, overrideReason: reason), expected: request)
    case .reject(let request):
      return .decide(request.id, .reject(reason: f.value("reason")), expected: request)
    case .askChanges(let request):
      return .decide(request.id, .askForChanges(reason: f.value("reason")), expected: request)
    }
  }
}

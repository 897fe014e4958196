import ClusterKit
import TerminalKit

/// The forms of the everyday records: a member, a meeting, a visit.
extension FormBuilder {
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
}

import ClusterKit
import TerminalKit

/// Correcting a member from the members pane or the member's detail: marking them as left (a
/// date, nothing deleted), deleting a record entered by mistake, merging two records of one
/// company, deleting a contact. What loses or moves data asks first (`ConfirmModal`); the
/// domain refuses what it must (a member with history is not deleted) and says why.
enum MemberCorrections {
  static let markLeft = Action("markLeft")
  static let merge = Action("mergeMember")
  static let deleteContact = Action("deleteContact")

  /// The keys, the same in the pane and the detail (capitals: none of them is one slip away
  /// from a harmless lower-case key; `L` is the language everywhere, so leaving is `W`,
  /// withdrawal, 탈퇴).
  static func bindings(_ scope: Scope) -> [Binding] {
    [
      Binding([.char("W")], markLeft, scope, "mark as left (with a date)", "탈퇴 처리 (날짜)"),
      Binding(
        [.char("M")], merge, scope, "merge into another record (asks first)",
        "다른 기록에 합치기 (먼저 묻습니다)"),
      Binding(
        [.char("D")], .delete, scope, "delete a member entered by mistake (asks first)",
        "잘못 입력한 회원 삭제 (먼저 묻습니다)"),
    ]
  }

  /// Does what `action` asks for `member` (whose contacts are `contacts`, when known); false
  /// when the action is not one of these.
  static func update(
    _ action: Action, _ member: Member, contacts: [Contact], _ ctx: Context, _ app: inout AppState
  ) -> Bool {
    let l = ctx.l
    switch action {
    case markLeft:
      app.modals.append(
        .form(
          FormBuilder.make(
            .markLeft(original: member), title: l.pick("Mark as left", "탈퇴 처리"),
            info: [
              l.pick(
                "\(member.name) (#\(member.id)) stays, with the history, marked as left.",
                "\(member.name)(#\(member.id))\(Particle.topic.after(member.id)) 기록과 함께 남고 탈퇴로 표시됩니다."
              )
            ],
            [FormBuilder.field("left", ctx.today.description, l)])))
    case merge:
      var into = FormBuilder.field("member", "", l)
      into.0.label = l.pick("keep", "남길 기록")
      app.modals.append(
        .form(
          FormBuilder.make(
            .mergeMember(duplicate: member), title: l.pick("Merge records", "기록 합치기"),
            info: [
              l.pick(
                "\(member.name) (#\(member.id)) goes; its history moves to the record kept.",
                "\(member.name)(#\(member.id))\(Particle.topic.after(member.id)) 없어지고 기록은 남길 쪽으로 옮겨집니다."
              )
            ], [into])))
    case .delete:
      ConfirmModal.ask(
        "Delete \(member.name) (#\(member.id))? Only a record entered by mistake, with no history, can be deleted.",
        "\(member.name)(#\(member.id))\(Particle.object.after(member.id)) 삭제할까요? 기록이 없는, 잘못 입력한 회원만 지울 수 있습니다.",
        .deleteMember(id: member.id, name: member.name), &app)
    case deleteContact:
      guard !contacts.isEmpty else { return true }
      var contact = FormBuilder.choice(
        "name", contacts.map { contactLabel($0) }, values: contacts.map { "\($0.id)" },
        selected: nil, l)
      contact.0.label = l.pick("contact", "담당자")
      app.modals.append(
        .form(
          FormBuilder.make(
            .deleteContact(contacts), title: l.pick("Delete a contact", "담당자 삭제"), [contact])))
    default: return false
    }
    return true
  }

  static func contactLabel(_ c: Contact) -> String {
    [c.name, c.title, c.phone].filter { !$0.isEmpty }.joined(separator: " · ")
  }

  /// Why one of these keys does nothing for `member` now; nil when it works.
  static func unavailable(_ action: Action, _ member: Member?, contacts: [Contact], _ l: Language)
    -> String?
  {
    guard [markLeft, merge, deleteContact, .delete].contains(action) else { return nil }
    guard let member else { return l.pick("No member is selected.", "선택된 회원이 없습니다.") }
    if action == markLeft, member.status == .left {
      return l.pick(
        "\(member.name) has already left (\(member.left?.description ?? "–")).",
        "\(member.name)\(Particle.topic.after(member.name)) 이미 탈퇴했습니다 (\(member.left?.description ?? "–"))."
      )
    }
    if action == deleteContact, contacts.isEmpty {
      return l.pick("\(member.name) has no contacts.", "\(member.name)에 담당자가 없습니다.")
    }
    return nil
  }

  /// The question a change made from one of these forms asks before it is made; nil for a
  /// change made at once.
  static func question(_ change: Change) -> (english: String, korean: String, verb: ConfirmVerb)? {
    switch change {
    case .mergeMember(let duplicate, let kept, let keptName):
      return (
        "Merge \(duplicate.name) (#\(duplicate.id)) into \(keptName) (#\(kept))? Its visits, meetings, requests and contacts move to #\(kept), and #\(duplicate.id) is deleted.",
        "\(duplicate.name)(#\(duplicate.id))\(Particle.object.after(duplicate.id)) \(keptName)(#\(kept))에 합칠까요? 방문, 회의, 지원신청, 담당자가 #\(kept)\(Particle.direction.after("\(kept)")) 옮겨지고 #\(duplicate.id)\(Particle.topic.after("\(duplicate.id)")) 지워집니다.",
        .merge
      )
    case .deleteContact(let c):
      return (
        "Delete the contact \(c.name) (\(contactLabel(c)))?",
        "담당자 \(c.name, .object) 삭제할까요? (\(contactLabel(c)))",
        .delete
      )
    default: return nil
    }
  }

  /// The change a filled form of these stands for.
  static func change(_ f: FormState, _ data: FormData, _ errors: inout [FieldError]) -> Change? {
    switch f.purpose {
    case .markLeft(let original):
      guard let day = FormReader.day(f, "left", required: true, &errors) else { return nil }
      var m = original
      m.status = .left
      m.left = day
      return .markLeft(m, original: original)
    case .mergeMember(let duplicate):
      guard let kept = f.pickedMember ?? data.typedMember else {
        let typed = f.value("member").trimmingCharacters(in: .whitespaces)
        errors.append(
          typed.isEmpty
            ? FieldError(field: "member", problem: .required)
            : FieldError(field: "member", problem: .notFound, value: typed))
        return nil
      }
      return .mergeMember(duplicate: duplicate, into: kept.id, name: kept.name)
    case .deleteContact(let contacts):
      guard let id = f.choice("name").flatMap(Int64.init),
        let contact = contacts.first(where: { $0.id == id })
      else { return nil }
      return .deleteContact(contact)
    default: return nil
    }
  }
}

import ClusterKit
import TerminalKit

// The writes of the mentoring & SIG pane: its forms (`FormPurpose.mentoring`), how a filled
// form becomes a change, and the changes (`Change.mentoring`); `u` undoes each like every
// other recorded change.

/// What a form of the mentoring & SIG pane is for.
enum MentoringForm: Hashable, Sendable {
  case assign(memberId: Int64, memberName: String, expert: Expert)
  case end(memberId: Int64, memberName: String)
  case log(memberId: Int64, memberName: String)
  case join(SIG)
  case addTask(sigId: Int64, sigName: String)

  /// Assigning a suggested expert: from when, in what; past the expert's capacity only with a
  /// reason, asked for at once.
  static func assign(
    memberId: Int64, memberName: String, _ s: MentorSuggestion, today: Day, _ l: Language
  ) -> FormState {
    var info = [
      "\(memberName) ← \(s.expert.name) (\(s.expert.affiliation))",
      Term.fields.title(l) + " " + s.expert.fields.joined(separator: ", "),
      Term.load.title(l) + " " + MentoringPane.load(s.load, s.expert.capacity),
    ]
    var parts = [
      FormBuilder.field("started", today.description, l),
      FormBuilder.field("mentoringField", s.matched.first ?? s.expert.fields.first ?? "", l),
    ]
    if !s.hasRoom {
      info.append(
        l.pick(
          "At capacity: assigning needs an override reason.", "정원이 찼습니다. 배정하려면 초과 사유를 입력하세요."))
      parts.append(FormBuilder.field("override", "", l, placeholder: l.pick("required", "필수")))
    }
    return FormBuilder.make(
      .mentoring(.assign(memberId: memberId, memberName: memberName, expert: s.expert)),
      title: l.pick("Assign a mentor", "멘토 배정"), info: info, parts)
  }

  static func end(_ row: MentoringRow, today: Day, _ l: Language) -> FormState {
    FormBuilder.make(
      .mentoring(.end(memberId: row.mentoring.memberId, memberName: row.memberName)),
      title: l.pick("End the mentoring", "멘토링 종료"), info: [summary(row, l)],
      [FormBuilder.field("ended", today.description, l)])
  }

  static func log(_ row: MentoringRow, today: Day, _ l: Language) -> FormState {
    FormBuilder.make(
      .mentoring(.log(memberId: row.mentoring.memberId, memberName: row.memberName)),
      title: l.pick("Log a mentoring session", "멘토링 기록"), info: [summary(row, l)],
      [
        FormBuilder.field("date", today.description, l),
        FormBuilder.field("topic", "", l, placeholder: l.pick("required", "필수")),
        FormBuilder.field("note", "", l),
      ])
  }

  /// `(주)유신테크 · 김교수 (서울테크대학교) · from 2026-03-02 · 4 sessions`.
  private static func summary(_ row: MentoringRow, _ l: Language) -> String {
    [
      row.memberName, "\(row.expertName) (\(row.expertAffiliation))",
      row.mentoring.started.map { Term.started.title(l) + " \($0)" } ?? "",
      Term.sessions.title(l) + " \(row.sessions)",
    ].filter { !$0.isEmpty }.joined(separator: " · ")
  }

  static func join(_ sig: SIG, today: Day, _ l: Language) -> FormState {
    FormBuilder.make(
      .mentoring(.join(sig)), title: l.pick("Add a company to SIG", "SIG 기업 참여"),
      info: ["SIG \(sig.name)"],
      [
        FormBuilder.field(
          "member", "", l, placeholder: l.pick("name or initials", "이름 또는 초성"), term: .company),
        FormBuilder.field("date", today.description, l),
      ])
  }

  /// A new task, owned by one of the SIG's companies, proposed or already active.
  static func addTask(_ d: SIGDetail, today: Day, _ l: Language) -> FormState {
    let statuses: [SIGTaskStatus] = [.proposed, .active]
    return FormBuilder.make(
      .mentoring(.addTask(sigId: d.sig.id, sigName: d.sig.name)),
      title: l.pick("Add a SIG task", "SIG 과제 추가"), info: ["SIG \(d.sig.name)"],
      [
        FormBuilder.field("title", "", l, placeholder: l.pick("required", "필수"), term: .task),
        FormBuilder.choice(
          "owner", d.members.map(\.name), values: d.members.map { String($0.memberId) },
          selected: nil, l),
        FormBuilder.choice(
          "status", statuses.map { $0.label(l) }, values: statuses.map(\.rawValue), selected: nil,
          l),
        FormBuilder.field(
          "due", "", l, placeholder: l.pick("e.g. ", "예: ") + today.adding(days: 30).description),
      ])
  }

  /// The change the filled form stands for, or the field errors that keep it from being made.
  func change(_ f: FormState, _ data: FormData) throws -> Change {
    var errors: [FieldError] = []
    func text(_ key: String, required: Bool = false) -> String {
      let value = f.value(key).trimmingCharacters(in: .whitespaces)
      if required, value.isEmpty { errors.append(FieldError(field: key, problem: .required)) }
      return value
    }
    let change: MentoringChange
    switch self {
    case .assign(let memberId, let memberName, let expert):
      let from = FormReader.day(f, "started", required: true, &errors)
      let reason = f.index(of: "override") == nil ? nil : text("override", required: true)
      if !errors.isEmpty { throw ValidationError(errors) }
      change = .assign(
        memberId: memberId, memberName: memberName, expert: expert, from: from!,
        field: text("mentoringField"), overrideReason: reason)
    case .end(let memberId, let memberName):
      let day = FormReader.day(f, "ended", required: true, &errors)
      if !errors.isEmpty { throw ValidationError(errors) }
      change = .end(memberId: memberId, memberName: memberName, on: day!)
    case .log(let memberId, let memberName):
      let day = FormReader.day(f, "date", required: true, &errors)
      let topic = text("topic", required: true)
      if !errors.isEmpty { throw ValidationError(errors) }
      change = .log(
        memberId: memberId, memberName: memberName, date: day!, topic: topic, note: text("note"))
    case .join(let sig):
      let member = f.pickedMember ?? data.typedMember
      let typed = text("member")
      if member == nil {
        errors.append(
          typed.isEmpty
            ? FieldError(field: "member", problem: .required)
            : FieldError(field: "member", problem: .notFound, value: typed))
      }
      let day = FormReader.day(f, "date", required: true, &errors)
      if !errors.isEmpty { throw ValidationError(errors) }
      change = .join(sig, memberId: member!.id, memberName: member!.name, on: day!)
    case .addTask(let sigId, let sigName):
      let title = text("title", required: true)
      let owner = f.choice("owner").flatMap(Int64.init)
      if owner == nil { errors.append(FieldError(field: "owner", problem: .required)) }
      let due = FormReader.day(f, "due", required: false, &errors)
      let status = f.choice("status").flatMap(SIGTaskStatus.init(rawValue:)) ?? .proposed
      if !errors.isEmpty { throw ValidationError(errors) }
      change = .addTask(
        SIGTask(sigId: sigId, title: title, ownerId: owner!, status: status, due: due),
        sigName: sigName, ownerName: f.value("owner"))
    }
    return .mentoring(change)
  }
}

/// A write of the mentoring & SIG pane: one Workspace call each.
enum MentoringChange: Hashable, Sendable {
  case assign(
    memberId: Int64, memberName: String, expert: Expert, from: Day, field: String,
    overrideReason: String?)
  case end(memberId: Int64, memberName: String, on: Day)
  case log(memberId: Int64, memberName: String, date: Day, topic: String, note: String)
  case join(SIG, memberId: Int64, memberName: String, on: Day)
  case leave(SIG, SIGMemberLine)
  case addTask(SIGTask, sigName: String, ownerName: String)
  case moveTask(SIGTask, to: SIGTaskStatus, sigName: String)
  /// `:assign COMPANY EXPERT`: both as typed, found when the change is made.
  case assignNamed(member: String, expert: String, from: Day)

  /// Makes the call; returns what it did, in words.
  func perform(on workspace: Workspace, today: Day) throws -> Said {
    switch self {
    case .assign(let memberId, let name, let expert, let from, let field, let reason):
      let done = try workspace.assignMentor(
        memberId: memberId, expertId: expert.id, field: field, from: from,
        overrideReason: reason, today: today)
      return { l in
        l.pick(
          "\(expert.name) mentors \(name) from \(from)", "\(name) 멘토: \(expert.name) (\(from)부터)")
          + (done.ended == nil ? "" : l.pick("; the previous mentor ended", ", 이전 멘토 종료"))
      }
    case .end(let memberId, let name, let day):
      _ = try workspace.endMentoring(memberId: memberId, on: day, today: today)
      return { l in
        l.pick("Mentoring of \(name) ended on \(day)", "\(name) 멘토링을 \(day)에 종료했습니다")
      }
    case .log(let memberId, let name, let date, let topic, let note):
      _ = try workspace.logMentoringSession(
        memberId: memberId, date: date, topic: topic, note: note, today: today)
      return { l in
        l.pick("Session with \(name) logged: \(date) \(topic)", "\(name) 멘토링 기록: \(date) \(topic)")
      }
    case .join(let sig, let memberId, let name, let day):
      try workspace.joinSIG(sigId: sig.id, memberId: memberId, on: day, today: today)
      return { l in
        l.pick("\(name) joined SIG \(sig.name)", "\(name, .subject) SIG \(sig.name)에 참여했습니다")
      }
    case .assignNamed(let memberReference, let expertReference, let from):
      let member = try workspace.findMember(memberReference)
      let expert = try workspace.findExpert(expertReference)
      return try MentoringChange.assign(
        memberId: member.id, memberName: member.name, expert: expert, from: from,
        field: expert.fields.first ?? "", overrideReason: nil
      ).perform(on: workspace, today: today)
    case .leave(let sig, let line):
      let wasLeader = try workspace.leaveSIG(sigId: sig.id, memberId: line.memberId)
      return { l in
        l.pick(
          "\(line.name) left SIG \(sig.name)", "\(line.name, .object) SIG \(sig.name)에서 제외했습니다")
          + (wasLeader ? l.pick("; the SIG has no leader now", ", 주관기업 없음") : "")
      }
    case .addTask(let task, let sigName, let owner):
      let added = try workspace.addSIGTask(task, today: today)
      return { l in
        l.pick(
          "Task \(added.number) of \(sigName) added for \(owner)",
          "\(sigName) 과제 \(added.number) 추가 (\(owner))")
      }
    case .moveTask(let task, let status, let sigName):
      _ = try workspace.moveSIGTask(
        sigId: task.sigId, number: task.number, to: status, on: today, today: today)
      return { l in
        l.pick(
          "Task \(task.number) of SIG \(sigName) is \(status.label(l)) now",
          "SIG \(sigName) 과제 \(task.number): \(status.label(l))")
      }
    }
  }
}

import ClusterKit

/// A change to the workspace that an update asks for. The runtime performs it: each is exactly
/// one Workspace call, one transaction, saved at once.
enum Change: Sendable {
  case addMember(Member, division: String?, directoryBook: DirectoryBookEdit?)
  case updateMember(
    Member, original: Member, division: String, directoryBook: DirectoryBookEdit?)
  case addMeeting(Meeting)
  case setAttendance(
    meetingId: Int64, [Int64: AttendanceStatus?], previous: [Int64: AttendanceStatus?])
  case addVisit(Visit, memberName: String)
  case setFollowUpDone(id: Int64, Day?)
  /// A decision on a request as it was seen (`expected`), or as it is now when nil.
  case decide(Int64, Decision, expected: SupportRequest?)
  /// Mentoring and SIGs (MentoringActions.swift).
  case mentoring(MentoringChange)
  case undo(UndoEntry)
  // Programs, intake and the steps of a request after the decision
  case addProgram(Program)
  case updateProgram(Program, original: Program)
  case addRequest(SupportRequest, memberName: String)
  case updateRequest(SupportRequest, original: SupportRequest)
  case disburse(Int64, amount: KRW, date: Day?, expected: SupportRequest)
}

/// A step of a request as typed: the approved amount may be left out (the requested amount).
enum Decision: Hashable, Sendable {
  case approve(amount: KRW?, overrideReason: String?)
  case reject(reason: String)
  case askForChanges(reason: String)
  case submit(date: Day?)
  case withdraw(reason: String)
  case agree(cofunding: KRW, date: Day?, overrideReason: String?)
  case settle(spent: KRW, disallowed: KRW, returned: KRW?, reportDate: Day?)
}

struct Effect: Sendable {
  var change: Change
  /// Made by a dialog's save: the dialog closes when it works and shows the problem when not.
  var fromDialog: Bool

  init(_ change: Change, fromDialog: Bool = false) {
    self.change = change
    self.fromDialog = fromDialog
  }
}

extension Change {
  /// Makes the call; returns what to remember for undo and a message for the status bar.
  func perform(on workspace: Workspace, today: Day, _ l: Language) throws -> (
    undo: UndoEntry?, message: String
  ) {
    switch self {
    case .addMember(let m, let division, let book):
      let saved = try workspace.addMember(m, divisionName: division, directoryBook: book)
      return (nil, l.pick("Added \(saved.name).", "\(saved.name, .object) 추가했습니다."))
    case .updateMember(let m, let original, let division, let book):
      let saved = try workspace.updateMember(
        m, original: original, divisionName: division, directoryBook: book)
      return (nil, l.pick("Saved \(saved.name).", "\(saved.name, .object) 저장했습니다."))
    case .addMeeting(let meeting):
      let saved = try workspace.addMeeting(meeting)
      return (
        nil,
        l.pick(
          "Added meeting \(saved.title).",
          "회의 '\(saved.title)'\(Particle.object.after(saved.title)) 추가했습니다.")
      )
    case .setAttendance(let id, let statuses, let previous):
      try workspace.setAttendance(meetingId: id, statuses, expected: previous)
      return (
        .attendance(meetingId: id, previous: previous),
        l.pick("Attendance saved (\(statuses.count)).", "출석을 저장했습니다 (\(statuses.count)명).")
      )
    case .addVisit(let visit, let name):
      try workspace.addVisit(visit)
      return (nil, l.pick("Visit to \(name) logged.", "\(name) 방문을 기록했습니다."))
    case .setFollowUpDone(let id, let day):
      try workspace.setFollowUpDone(id: id, on: day)
      return (
        day == nil ? nil : .followUp(id: id),
        day == nil
          ? l.pick("Follow-up open again.", "후속조치를 다시 열었습니다.")
          : l.pick("Follow-up closed.", "후속조치를 완료했습니다.")
      )
    case .decide(let id, let decision, let expected):
      // A decision typed on the command line is on the request as it is now.
      guard let seen = try expected ?? workspace.request(id: id) else {
        throw WorkspaceError.recordNotFound(kind: "request", reference: "#\(id)")
      }
      let change = try workspace.decide(
        requestId: id, decision.request(requested: seen.requestedKRW), on: today, expected: seen)
      let status = change.after.status.label(l)
      return (
        .request(change),
        l.pick("Request #\(id) is now \(status) (u undoes).", "신청 #\(id): \(status) (u: 되돌리기)")
      )
    case .mentoring(let change):
      return try change.perform(on: workspace, today: today, l)
    case .undo(let entry):
      switch entry {
      case .request(let change):
        try workspace.undo(change)
        if let paid = change.instalment {
          return (
            nil,
            l.pick(
              "Instalment of \(Money.format(paid.amountKRW)) to request #\(paid.requestId) taken back.",
              "신청 #\(paid.requestId)의 교부 \(Money.format(paid.amountKRW), .object) 되돌렸습니다.")
          )
        }
        return (
          nil,
          l.pick(
            "Request #\(change.before.id) is \(change.before.status.label(l)) again.",
            "신청 #\(change.before.id, .object) '\(change.before.status.label(l))'\(Particle.direction.after(change.before.status.label(l))) 되돌렸습니다."
          )
        )
      case .followUp(let id):
        try workspace.setFollowUpDone(id: id, on: nil)
        return (nil, l.pick("Follow-up open again.", "후속조치를 다시 열었습니다."))
      case .attendance(let meetingId, let previous):
        try workspace.setAttendance(meetingId: meetingId, previous)
        return (nil, l.pick("Attendance put back.", "출석을 되돌렸습니다."))
      case .mentoring(let entry):
        return (nil, try entry.perform(on: workspace, l))
      }
    case .addProgram(let program):
      let saved = try workspace.addProgram(program)
      return (
        nil,
        l.pick(
          "Added program #\(saved.id) \(Document.programName(saved)).",
          "지원사업 #\(saved.id) \(Document.programName(saved), .object) 추가했습니다.")
      )
    case .updateProgram(let program, let original):
      let saved = try workspace.updateProgram(program, original: original)
      return (
        nil,
        l.pick(
          "Saved program #\(saved.id) \(Document.programName(saved)).",
          "지원사업 #\(saved.id) \(Document.programName(saved), .object) 저장했습니다.")
      )
    case .addRequest(let request, let memberName):
      let saved = try workspace.addRequest(request, today: today)
      let program = try workspace.programFigures(id: saved.programId).program
      let added = l.pick(
        "Added request #\(saved.id) (\(saved.status.english)) of \(memberName) to \(Document.programName(program)).",
        "\(memberName)의 \(Document.programName(program)) 신청 #\(saved.id)(\(saved.status.korean))\(Particle.object.after(saved.id)) 접수했습니다."
      )
      return (nil, ([added] + (try workspace.intakeWarnings(saved, l))).joined(separator: " "))
    case .updateRequest(let request, let original):
      let change = try workspace.updateRequest(request, original: original, today: today)
      let saved = l.pick(
        "Saved request #\(original.id) (u undoes).", "신청 #\(original.id, .object) 저장했습니다 (u: 되돌리기)."
      )
      return (
        .request(change),
        ([saved] + (try workspace.intakeWarnings(change.after, l))).joined(separator: " ")
      )
    case .disburse(let id, let amount, let date, let expected):
      let change = try workspace.disburse(
        requestId: id, amount: amount, date: date, on: today, expected: expected)
      let paid = try workspace.instalments(requestId: id)
      let total = paid.map(\.amountKRW).reduce(0, +)
      let approved = expected.approvedKRW ?? 0
      return (
        .request(change),
        l.pick(
          "Instalment \(paid.count) of request #\(id): \(Money.format(amount)); \(Money.format(total)) of \(Money.format(approved)) paid (u undoes).",
          "신청 #\(id) \(paid.count)차 교부 \(Money.format(amount)): 승인액 \(Money.format(approved)) 중 \(Money.format(total)) 교부 (u: 되돌리기)"
        )
      )
    }
  }
}

extension Decision {
  func request(requested: KRW) -> RequestDecision {
    switch self {
    case .approve(let amount, let reason):
      .approve(amount: amount ?? requested, overrideReason: reason)
    case .reject(let reason): .reject(reason: reason)
    case .askForChanges(let reason): .askForChanges(reason: reason)
    case .submit(let date): .submit(date: date)
    case .withdraw(let reason): .withdraw(reason: reason)
    case .agree(let cofunding, let date, let reason):
      .agree(cofunding: cofunding, date: date, overrideReason: reason)
    case .settle(let spent, let disallowed, let returned, let reportDate):
      .settle(spent: spent, disallowed: disallowed, returned: returned, reportDate: reportDate)
    }
  }
}

/// A message a user can read for any error a Workspace call throws.
func describe(_ error: Error, _ l: Language) -> String {
  if let e = error as? WorkspaceError { return e.message(l) }
  if let e = error as? ValidationError { return e.message(l) }
  if let e = error as? FieldError { return e.message(l) }
  return l.pick("Could not complete: \(error)", "완료하지 못했습니다: \(error)")
}

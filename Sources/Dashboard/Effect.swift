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
}

/// A decision as typed: the approved amount may be left out (the requested amount).
enum Decision: Hashable, Sendable {
  case approve(amount: KRW?, overrideReason: String?)
  case reject(reason: String)
  case askForChanges(reason: String)
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
      return (nil, l.pick("Added \(saved.name).", "\(saved.name)을(를) 추가했습니다."))
    case .updateMember(let m, let original, let division, let book):
      let saved = try workspace.updateMember(
        m, original: original, divisionName: division, directoryBook: book)
      return (nil, l.pick("Saved \(saved.name).", "\(saved.name)을(를) 저장했습니다."))
    case .addMeeting(let meeting):
      let saved = try workspace.addMeeting(meeting)
      return (nil, l.pick("Added meeting \(saved.title).", "회의 '\(saved.title)'을(를) 추가했습니다."))
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
        return (
          nil,
          l.pick(
            "Request #\(change.before.id) is \(change.before.status.label(l)) again.",
            "신청 #\(change.before.id)을(를) '\(change.before.status.label(l))'(으)로 되돌렸습니다.")
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

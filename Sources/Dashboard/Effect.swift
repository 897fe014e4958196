import ClusterKit
import TerminalKit

/// A change to the workspace that an update asks for. The runtime performs it: each is exactly
/// one Workspace call, one transaction, saved at once, and recorded so that `u` undoes it.
enum Change: Hashable, Sendable {
  /// `allowDuplicate`: confirmed although another mini-cluster has a member of that name or
  /// business registration number.
  case addMember(
    Member, division: String?, directoryBook: DirectoryBookEdit?, allowDuplicate: Bool = false)
  case updateMember(
    Member, original: Member, division: String, directoryBook: DirectoryBookEdit?,
    allowDuplicate: Bool = false)
  case deleteMember(id: Int64, name: String)
  case deleteContact(Contact)
  /// A member marked as left (`member` is `original` with its status and date changed).
  case markLeft(Member, original: Member)
  case mergeMember(duplicate: Member, into: Int64, name: String)
  case addMeeting(Meeting)
  case updateMeeting(Meeting)
  case deleteMeeting(Meeting)
  case setAttendance(
    meetingId: Int64, [Int64: AttendanceStatus?], previous: [Int64: AttendanceStatus?])
  case addVisit(Visit, memberName: String)
  case updateVisit(Visit, memberName: String)
  case deleteVisit(Visit, memberName: String)
  case setFollowUpDone(id: Int64, Day?)
  case deleteFollowUp(FollowUp)
  /// A decision on a request as it was seen (`expected`), or as it is now when nil.
  case decide(Int64, Decision, expected: SupportRequest?)
  /// Mentoring and SIGs (MentoringActions.swift).
  case mentoring(MentoringChange)
  /// The year's report as a workbook beside the workspace, in the language of the interface.
  case writeReport(year: Int, Language)
  // Programs, intake and the steps of a request after the decision
  case addProgram(Program)
  case updateProgram(Program, original: Program)
  case addRequest(SupportRequest, memberName: String)
  case updateRequest(SupportRequest, original: SupportRequest)
  case disburse(Int64, amount: KRW, date: Day?, expected: SupportRequest)
  /// Puts a recorded change back (`u`) or makes it again (Ctrl-R).
  case undo(RecordedChange)
  case redo(RecordedChange)
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

/// A sentence in whichever language the interface speaks when it is shown.
typealias Said = @Sendable (Language) -> String

extension Change {
  /// Makes the call; returns what it did, in words (the status line's message, and the label
  /// `u` shows for undoing it).
  func perform(on workspace: Workspace, today: Day) throws -> Said {
    switch self {
    case .addMember(let m, let division, let book, let allowDuplicate):
      let saved = try workspace.addMember(
        m, divisionName: division, directoryBook: book, allowDuplicate: allowDuplicate)
      return { $0.pick("Added \(saved.name).", "\(saved.name, .object) 추가했습니다.") }
    case .updateMember(let m, let original, let division, let book, let allowDuplicate):
      let saved = try workspace.updateMember(
        m, original: original, divisionName: division, directoryBook: book,
        allowDuplicate: allowDuplicate)
      return { $0.pick("Saved \(saved.name).", "\(saved.name, .object) 저장했습니다.") }
    case .deleteMember(let id, let name):
      try workspace.deleteMember(id: id)
      return { $0.pick("Deleted \(name).", "\(name, .object) 삭제했습니다.") }
    case .deleteContact(let contact):
      try workspace.deleteContact(id: contact.id)
      return { $0.pick("Deleted contact \(contact.name).", "담당자 \(contact.name, .object) 삭제했습니다.") }
    case .markLeft(let m, let original):
      try workspace.updateMember(m, original: original)
      let day = m.left?.description ?? ""
      return {
        $0.pick("Marked \(m.name) as left on \(day).", "\(m.name, .object) \(day) 탈퇴로 표시했습니다.")
      }
    case .mergeMember(let duplicate, let kept, let name):
      try workspace.mergeMember(duplicate.id, into: kept)
      return {
        $0.pick(
          "Merged \(duplicate.name) (#\(duplicate.id)) into \(name) (#\(kept)).",
          "\(duplicate.name)(#\(duplicate.id))\(Particle.object.after(duplicate.id)) \(name)(#\(kept))에 합쳤습니다."
        )
      }
    case .addMeeting(let meeting):
      let saved = try workspace.addMeeting(meeting)
      return {
        $0.pick(
          "Added meeting \(saved.title).",
          "회의 '\(saved.title)'\(Particle.object.after(saved.title)) 추가했습니다.")
      }
    case .updateMeeting(let meeting):
      let saved = try workspace.updateMeeting(meeting)
      return {
        $0.pick(
          "Saved meeting \(saved.title).",
          "회의 '\(saved.title)'\(Particle.object.after(saved.title)) 저장했습니다.")
      }
    case .deleteMeeting(let meeting):
      try workspace.deleteMeeting(id: meeting.id)
      return {
        $0.pick(
          "Deleted meeting \(meeting.title).",
          "회의 '\(meeting.title)'\(Particle.object.after(meeting.title)) 삭제했습니다.")
      }
    case .setAttendance(let id, let statuses, let previous):
      try workspace.setAttendance(meetingId: id, statuses, expected: previous)
      return {
        $0.pick("Attendance saved (\(statuses.count)).", "출석을 저장했습니다 (\(statuses.count)명).")
      }
    case .addVisit(let visit, let name):
      try workspace.addVisit(visit)
      return { $0.pick("Visit to \(name) logged.", "\(name) 방문을 기록했습니다.") }
    case .updateVisit(let visit, let name):
      try workspace.updateVisit(visit)
      return { $0.pick("Visit to \(name) saved.", "\(name) 방문을 저장했습니다.") }
    case .deleteVisit(let visit, let name):
      try workspace.deleteVisit(id: visit.id)
      return {
        $0.pick(
          "Deleted the visit to \(name) on \(visit.date).", "\(visit.date) \(name) 방문을 삭제했습니다.")
      }
    case .setFollowUpDone(let id, let day):
      try workspace.setFollowUpDone(id: id, on: day)
      return {
        day == nil
          ? $0.pick("Follow-up open again.", "후속조치를 다시 열었습니다.")
          : $0.pick("Follow-up closed.", "후속조치를 완료했습니다.")
      }
    case .deleteFollowUp(let followUp):
      try workspace.deleteFollowUp(id: followUp.id)
      return {
        $0.pick(
          "Deleted follow-up \(followUp.action).",
          "후속조치 '\(followUp.action)'\(Particle.object.after(followUp.action)) 삭제했습니다.")
      }
    case .decide(let id, let decision, let expected):
      // A decision typed on the command line is on the request as it is now.
      guard let seen = try expected ?? workspace.request(id: id) else {
        throw WorkspaceError.recordNotFound(kind: "request", reference: "#\(id)")
      }
      let change = try workspace.decide(
        requestId: id, decision.request(requested: seen.requestedKRW), on: today, expected: seen)
      let status = change.after.status
      return {
        $0.pick("Request #\(id) is now \(status.label($0)).", "신청 #\(id): \(status.label($0))")
      }
    case .mentoring(let change):
      return try change.perform(on: workspace, today: today)
    case .writeReport(let year, let language):
      let path = try AnnualReportWorkbook.write(
        workspace, year: year, today: today, language: language,
        to: AnnualReportWorkbook.defaultPath(for: workspace, year: year, language),
        measure: DisplayWidth.of)
      return { $0.pick("Report \(year) written to \(path)", "\(year) 실적보고를 썼습니다: \(path)") }
    case .addProgram(let program):
      let saved = try workspace.addProgram(program)
      let name = Document.programName(saved)
      return {
        $0.pick("Added program #\(saved.id) \(name).", "지원사업 #\(saved.id) \(name, .object) 추가했습니다.")
      }
    case .updateProgram(let program, let original):
      let saved = try workspace.updateProgram(program, original: original)
      let name = Document.programName(saved)
      return {
        $0.pick("Saved program #\(saved.id) \(name).", "지원사업 #\(saved.id) \(name, .object) 저장했습니다.")
      }
    case .addRequest(let request, let memberName):
      let saved = try workspace.addRequest(request, today: today)
      let program = Document.programName(try workspace.programFigures(id: saved.programId).program)
      let warnings = try Self.warnings(saved, workspace)
      return {
        ([
          $0.pick(
            "Added request #\(saved.id) (\(saved.status.english)) of \(memberName) to \(program).",
            "\(memberName)의 \(program) 신청 #\(saved.id)(\(saved.status.korean))\(Particle.object.after(saved.id)) 접수했습니다."
          )
        ] + warnings($0)).joined(separator: " ")
      }
    case .updateRequest(let request, let original):
      let change = try workspace.updateRequest(request, original: original, today: today)
      let warnings = try Self.warnings(change.after, workspace)
      return {
        ([$0.pick("Saved request #\(original.id).", "신청 #\(original.id, .object) 저장했습니다.")]
          + warnings($0)).joined(separator: " ")
      }
    case .disburse(let id, let amount, let date, let expected):
      try workspace.disburse(
        requestId: id, amount: amount, date: date, on: today, expected: expected)
      let paid = try workspace.instalments(requestId: id)
      let total = Money.format(paid.map(\.amountKRW).reduce(0, +))
      let approved = Money.format(expected.approvedKRW ?? 0)
      return {
        $0.pick(
          "Instalment \(paid.count) of request #\(id): \(Money.format(amount)); \(total) of \(approved) paid.",
          "신청 #\(id) \(paid.count)차 교부 \(Money.format(amount)): 승인액 \(approved) 중 \(total) 교부")
      }
    case .undo(let change):
      try workspace.undoChange(id: change.id)
      return { $0.pick("Undone: \(change.label.english)", "되돌렸습니다: \(change.label.korean)") }
    case .redo(let change):
      try workspace.redoChange(id: change.id)
      return { $0.pick("Done again: \(change.label.english)", "다시 했습니다: \(change.label.korean)") }
    }
  }

  /// A request's intake warnings in both languages, read while the request is as saved.
  private static func warnings(_ request: SupportRequest, _ workspace: Workspace) throws
    -> @Sendable (Language) -> [String]
  {
    let english = try workspace.intakeWarnings(request, .en)
    let korean = try workspace.intakeWarnings(request, .ko)
    return { $0 == .ko ? korean : english }
  }

  /// Undo and redo move along the list of changes; everything else is a new change on it.
  var isNewChange: Bool {
    switch self {
    case .undo, .redo: false
    default: true
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
  if let e = error as? PossibleDuplicates { return e.message(l) }
  return l.pick("Could not complete: \(error)", "완료하지 못했습니다: \(error)")
}

import ArgumentParser
import ClusterKit
import Foundation

/// Asks on the terminal before a change that removes something or reverts one; `--yes` answers
/// for scripts, and without a terminal to ask on the change is refused.
func confirm(_ english: String, _ korean: String, yes: Bool) throws {
  if yes { return }
  guard isatty(0) == 1 else {
    throw CommandError(
      "\(english) Add --yes to do it without being asked.", "\(korean) 묻지 않고 하려면 --yes를 붙이세요.")
  }
  writeStandardError(language.pick("\(english) [y/N] ", "\(korean) [y/N] "))
  let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
  guard ["y", "yes", "예", "네", "ㅇ"].contains(answer) else {
    throw CommandError("Nothing was changed.", "아무것도 바꾸지 않았습니다.")
  }
}

/// `--yes`, for the commands that ask first.
struct Confirmation: ParsableArguments {
  @Flag(
    name: [.short, .long],
    help: ArgumentHelp(language.pick("Do it without asking.", "묻지 않고 실행합니다.")))
  var yes = false
}

extension VisitsCommand {
  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit",
      abstract: language.pick("Correct a visit.", "방문 기록을 고칩니다."),
      discussion: language.pick(
        """
        Only what is given changes. --difficulty and --follow-up replace all of the visit's \
        difficulties or follow-ups (a follow-up with the same action keeps whether it is done); \
        --no-difficulties and --no-follow-ups remove them.
        """,
        """
        준 항목만 바뀝니다. --difficulty와 --follow-up은 그 방문의 애로사항이나 후속조치 전체를 \
        바꿉니다 (조치가 같은 후속조치는 완료 여부를 그대로 둡니다). --no-difficulties와 \
        --no-follow-ups는 모두 지웁니다.
        """))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: ArgumentHelp(language.pick("The visit's number.", "방문 번호.")))
    var visit: Int64
    @Option(help: ArgumentHelp(language.pick("The day of the visit.", "방문일.")))
    var date: String?
    @Option(help: ArgumentHelp(language.pick("Who visited.", "방문자.")))
    var visitor: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "difficultySurvey, needsSurvey, followUp or other.", "애로사항 조사, 수요조사, 후속조치 또는 기타.")))
    var purpose: String?
    @Option(help: ArgumentHelp(language.pick("Notes.", "메모.")))
    var notes: String?
    @Option(
      help: ArgumentHelp(
        language.pick("A difficulty as CATEGORY:TEXT; repeatable.", "애로사항 (분류:내용); 여러 번 쓸 수 있습니다."))
    )
    var difficulty: [String] = []
    @Flag(help: ArgumentHelp(language.pick("Remove every difficulty.", "애로사항을 모두 지웁니다.")))
    var noDifficulties = false
    @Option(
      help: ArgumentHelp(
        language.pick(
          "A follow-up as ACTION or ACTION:DUE-DATE; repeatable.",
          "후속조치 (조치 또는 조치:기한); 여러 번 쓸 수 있습니다.")))
    var followUp: [String] = []
    @Flag(help: ArgumentHelp(language.pick("Remove every follow-up.", "후속조치를 모두 지웁니다.")))
    var noFollowUps = false
    @Option(
      help: ArgumentHelp(
        language.pick("Owner of the follow-ups given.", "준 후속조치의 담당자.")))
    var owner: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        guard var v = try workspace.visit(id: visit) else {
          throw WorkspaceError.recordNotFound(kind: "visit", reference: "#\(visit)")
        }
        var errors: [FieldError] = []
        if let date { v.date = try parseDay(date, field: "date") }
        if let visitor { v.visitor = visitor }
        if let purpose {
          do throws(FieldError) {
            v.purpose = try MemberRules.parse(purpose, as: VisitPurpose.self, field: "purpose")
          } catch { errors.append(error) }
        }
        if let notes { v.notes = notes }
        if noDifficulties || !difficulty.isEmpty {
          v.difficulties = parseDifficulties(difficulty, &errors)
        }
        if noFollowUps || !followUp.isEmpty {
          let given = parseFollowUps(followUp, owner: owner ?? v.visitor, &errors)
          v.followUps = given.map { f in
            var f = f
            if let same = v.followUps.first(where: { $0.action == f.action }) {
              f.id = same.id
              f.done = same.done
            }
            return f
          }
        }
        if !errors.isEmpty { throw ClusterKit.ValidationError(errors) }
        let saved = try workspace.updateVisit(v)
        print(
          language.pick(
            "Saved visit #\(saved.id) (\(saved.difficulties.count) difficulties, \(saved.followUps.count) follow-ups).",
            "방문 #\(saved.id, .object) 저장했습니다 (애로사항 \(saved.difficulties.count), 후속조치 \(saved.followUps.count))."
          ))
      }
    }
  }

  struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "delete",
      abstract: language.pick(
        "Delete a visit with its difficulties and follow-ups (asks first).",
        "방문을 애로사항, 후속조치와 함께 삭제합니다 (먼저 묻습니다)."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: ArgumentHelp(language.pick("The visit's number.", "방문 번호.")))
    var visit: Int64
    @OptionGroup var confirmation: Confirmation

    func run() throws {
      try reporting {
        let workspace = try location.open()
        guard let v = try workspace.visit(id: visit) else {
          throw WorkspaceError.recordNotFound(kind: "visit", reference: "#\(visit)")
        }
        let name = try workspace.member(id: v.memberId)?.name ?? "#\(v.memberId)"
        try confirm(
          "Delete visit #\(v.id) to \(name) on \(v.date), with \(v.difficulties.count) difficulties and \(v.followUps.count) follow-ups?",
          "\(v.date) \(name) 방문 #\(v.id, .object) 애로사항 \(v.difficulties.count)건, 후속조치 \(v.followUps.count)건과 함께 삭제할까요?",
          yes: confirmation.yes)
        try workspace.deleteVisit(id: v.id)
        print(language.pick("Deleted visit #\(v.id).", "방문 #\(v.id, .object) 삭제했습니다."))
      }
    }
  }

  struct DeleteFollowUp: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "delete-follow-up",
      abstract: language.pick("Delete a follow-up (asks first).", "후속조치를 삭제합니다 (먼저 묻습니다)."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: ArgumentHelp(language.pick("The follow-up's number.", "후속조치 번호.")))
    var followUp: Int64
    @OptionGroup var confirmation: Confirmation

    func run() throws {
      try reporting {
        let workspace = try location.open()
        try confirm(
          "Delete follow-up #\(followUp)?", "후속조치 #\(followUp, .object) 삭제할까요?",
          yes: confirmation.yes)
        try workspace.deleteFollowUp(id: followUp)
        print(
          language.pick("Deleted follow-up #\(followUp).", "후속조치 #\(followUp, .object) 삭제했습니다."))
      }
    }
  }
}

extension MeetingsCommand {
  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit",
      abstract: language.pick(
        "Correct a meeting (only what is given changes).", "회의를 고칩니다 (준 항목만 바뀝니다)."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: ArgumentHelp(language.pick("The meeting's number.", "회의 번호.")))
    var meeting: Int64
    @Option(help: ArgumentHelp(language.pick("Title.", "제목.")))
    var title: String?
    @Option(help: ArgumentHelp(language.pick("The kind of meeting.", "회의 종류.")))
    var kind: String?
    @Option(help: ArgumentHelp(language.pick("The day, 2026-11-22.", "날짜, 예: 2026-11-22.")))
    var date: String?
    @Option(help: ArgumentHelp(language.pick("Place.", "장소.")))
    var place: String?
    @Option(help: ArgumentHelp(language.pick("Agenda.", "안건.")))
    var agenda: String?
    @Option(help: ArgumentHelp(language.pick("Minutes.", "회의록.")))
    var minutes: String?
    @Option(
      help: ArgumentHelp(
        language.pick("A division; empty for the whole mini-cluster.", "분과 (비우면 미니클러스터 전체).")))
    var division: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        guard var m = try workspace.meeting(id: meeting) else {
          throw WorkspaceError.recordNotFound(kind: "meeting", reference: "#\(meeting)")
        }
        var errors: [FieldError] = []
        if let title { m.title = title }
        if let kind {
          do throws(FieldError) {
            m.kind = try MemberRules.parse(kind, as: MeetingKind.self, field: "kind")
          } catch { errors.append(error) }
        }
        if let date { m.date = try parseDay(date, field: "date") }
        if let place { m.place = place }
        if let agenda { m.agenda = agenda }
        if let minutes { m.minutes = minutes }
        if let division {
          if KoreanText.clean(division).isEmpty {
            m.divisionId = nil
          } else if let match = try workspace.divisions(clusterId: m.clusterId).first(where: {
            $0.name == KoreanText.clean(division)
          }) {
            m.divisionId = match.id
          } else {
            errors.append(FieldError(field: "division", problem: .notFound, value: division))
          }
        }
        if !errors.isEmpty { throw ClusterKit.ValidationError(errors) }
        let saved = try workspace.updateMeeting(m)
        print(
          language.pick(
            "Saved meeting #\(saved.id) \(saved.title).",
            "회의 #\(saved.id) \(saved.title, .object) 저장했습니다."))
      }
    }
  }

  struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "delete",
      abstract: language.pick(
        "Delete a meeting with its attendance (asks first).", "회의를 출석 기록과 함께 삭제합니다 (먼저 묻습니다)."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: ArgumentHelp(language.pick("The meeting's number.", "회의 번호.")))
    var meeting: Int64
    @OptionGroup var confirmation: Confirmation

    func run() throws {
      try reporting {
        let workspace = try location.open()
        guard let m = try workspace.meeting(id: meeting) else {
          throw WorkspaceError.recordNotFound(kind: "meeting", reference: "#\(meeting)")
        }
        try confirm(
          "Delete meeting #\(m.id) \(m.title) of \(m.date) with its attendance?",
          "\(m.date) 회의 #\(m.id) \(m.title, .object) 출석 기록과 함께 삭제할까요?", yes: confirmation.yes)
        try workspace.deleteMeeting(id: m.id)
        print(language.pick("Deleted meeting #\(m.id).", "회의 #\(m.id, .object) 삭제했습니다."))
      }
    }
  }
}

extension MembersCommand {
  struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "delete",
      abstract: language.pick(
        "Delete a member entered by mistake (one with no history; asks first).",
        "잘못 입력한 회원을 삭제합니다 (기록이 없는 회원만; 먼저 묻습니다)."),
      discussion: language.pick(
        "A member who left is not deleted: members edit NAME --status left --left DATE.",
        "탈퇴한 회원은 지우지 않습니다: members edit 이름 --status left --left 날짜."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(
      help: ArgumentHelp(language.pick("The member: id, number or name.", "회원: id, 사업자등록번호 또는 이름."))
    )
    var member: String
    @OptionGroup var confirmation: Confirmation

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let found = try workspace.findMember(member)
        try confirm(
          "Delete \(found.name) (#\(found.id))?",
          "\(found.name)(#\(found.id))\(Particle.object.after(found.name)) 삭제할까요?",
          yes: confirmation.yes)
        try workspace.deleteMember(id: found.id)
        print(language.pick("Deleted \(found.name).", "\(found.name, .object) 삭제했습니다."))
      }
    }
  }

  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "merge",
      abstract: language.pick(
        "Merge two records of one company: the history moves to the one kept (asks first).",
        "한 회사의 두 기록을 합칩니다: 기록은 남기는 쪽으로 옮겨집니다 (먼저 묻습니다)."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(
      help: ArgumentHelp(language.pick("The duplicate record, which goes.", "없앨 중복 기록.")))
    var duplicate: String
    @Option(help: ArgumentHelp(language.pick("The record kept.", "남길 기록.")))
    var into: String
    @OptionGroup var confirmation: Confirmation

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let gone = try workspace.findMember(duplicate, field: "duplicate")
        let kept = try workspace.findMember(into, field: "into")
        try confirm(
          "Merge \(gone.name) (#\(gone.id)) into \(kept.name) (#\(kept.id)) and delete #\(gone.id)?",
          "\(gone.name)(#\(gone.id))\(Particle.object.after(gone.name)) \(kept.name)(#\(kept.id))에 합치고 #\(gone.id, .object) 지울까요?",
          yes: confirmation.yes)
        try workspace.mergeMember(gone.id, into: kept.id)
        print(
          language.pick(
            "Merged #\(gone.id) into \(kept.name) (#\(kept.id)).",
            "#\(gone.id, .object) \(kept.name)(#\(kept.id))에 합쳤습니다."))
      }
    }
  }

  struct DeleteContact: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "delete-contact",
      abstract: language.pick("Delete a contact person (asks first).", "담당자를 삭제합니다 (먼저 묻습니다)."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(
      help: ArgumentHelp(
        language.pick("The contact's number (see members show).", "담당자 번호 (members show로 확인).")))
    var contact: Int64
    @OptionGroup var confirmation: Confirmation

    func run() throws {
      try reporting {
        let workspace = try location.open()
        try confirm(
          "Delete contact #\(contact)?", "담당자 #\(contact, .object) 삭제할까요?", yes: confirmation.yes)
        try workspace.deleteContact(id: contact)
        print(language.pick("Deleted contact #\(contact).", "담당자 #\(contact, .object) 삭제했습니다."))
      }
    }
  }
}

/// `clusterdesk undo`: reverts the last change made through the command line.
struct Undo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "undo",
    abstract: language.pick(
      "Undo the last change made through the command line (asks first).",
      "명령줄로 한 마지막 변경을 되돌립니다 (먼저 묻습니다)."),
    discussion: language.pick(
      "A change made since to the same records is never overwritten: the undo is refused.",
      "그 뒤에 같은 기록을 바꾼 것은 덮어쓰지 않습니다: 되돌리기를 거절합니다."))

  @OptionGroup var location: WorkspaceLocation
  @OptionGroup var confirmation: Confirmation

  func run() throws {
    try reporting {
      let workspace = try location.open()
      guard workspace.keepsChangeLog else { throw WorkspaceError.noChangeLogBetweenCommands }
      guard let change = try workspace.lastChange(from: .commandLine) else {
        throw WorkspaceError.nothingToUndo
      }
      let when = Format.localTime(change.at)
      try confirm(
        "Undo `\(change.label.english)` (\(when), \(change.actor))?",
        "`\(change.label.korean)`(\(when), \(change.actor))\(Particle.object.after(change.label.korean)) 되돌릴까요?",
        yes: confirmation.yes)
      try workspace.undoChange(id: change.id)
      print(language.pick("Undone: \(change.label.english)", "되돌렸습니다: \(change.label.korean)"))
    }
  }
}

/// The command line as typed, for the change log: what `clusterdesk undo` names.
enum CommandLineChange {
  /// Commands whose writes are not recorded for undo: whole-workspace imports and copies, the
  /// dashboard (it records its own), and undo itself.
  static let unrecorded: Set<String> = [
    "open", "demo", "init", "import", "restore", "backup", "generate", "bench-domain", "write-loop",
    "undo",
  ]

  static func label(_ arguments: [String]) -> ChangeLabel? {
    var words: [String] = []
    var skip = false
    for word in arguments {
      if skip {
        skip = false
        continue
      }
      if word == "--workspace" {
        skip = true
        continue
      }
      if word.hasPrefix("--workspace=") { continue }
      words.append(word.contains(" ") || word.isEmpty ? "\"\(word)\"" : word)
    }
    guard let first = words.first, !first.hasPrefix("-"), !unrecorded.contains(first) else {
      return nil
    }
    let text = "clusterdesk " + words.joined(separator: " ")
    return ChangeLabel(text, text)
  }
}

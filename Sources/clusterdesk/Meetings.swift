import ArgumentParser
import ClusterKit
import Foundation

struct MeetingsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "meetings", abstract: language.pick("Meetings and their attendance.", "회의와 출석."),
    subcommands: [List.self, Add.self, Edit.self, Delete.self, Attend.self],
    defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: language.pick(
        "List meetings, newest first, with attendance rates.", "회의를 최신순으로 출석률과 함께 보여 줍니다."))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var output: OutputOptions
    @Option(parsing: .unconditional, help: ArgumentHelp(language.pick("Only this year.", "이 연도만.")))
    var year: Int?
    @Option(help: ArgumentHelp(language.pick("Only this mini-cluster.", "이 미니클러스터만.")))
    var cluster: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let l = language
        let clusterId = try cluster.map { try workspace.requireCluster(named: $0).id }
        let year = try checkedYear(self.year)
        try Listing(
          sheet: l.pick("Meetings", "회의"),
          columns: [
            .init(key: "id", title: "#", alignRight: true),
            .init(.date, l),
            .init(.meetingKind, l, key: "kind"),
            .init(.title, l),
            .init(.cluster, l),
            .init(.division, l),
            .init(.present, l, key: "attendance", alignRight: true),
            .init(.participation, l, key: "rate", alignRight: true),
          ],
          eachRow: { row in
            try workspace.eachMeetingRow(year: year, clusterId: clusterId) {
              try row([
                .number($0.id), .date($0.date), .text($0.kind.label(l)), .text($0.title),
                .text($0.clusterName), .text($0.divisionName ?? ""),
                .text($0.invited == 0 ? "" : "\($0.present)/\($0.invited)"),
                .percent($0.participationRate),
              ])
            }
          }
        ).print(output)
      }
    }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: language.pick("Add a meeting.", "회의를 추가합니다."))

    @OptionGroup var location: WorkspaceLocation
    @Option(help: ArgumentHelp(language.pick("The mini-cluster.", "미니클러스터.")))
    var cluster: String
    @Option(
      help: ArgumentHelp(language.pick("A division, for a division meeting.", "분과 (분과모임일 때).")))
    var division: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "steeringCommittee, divisionMeeting, technicalSeminar, foundingCeremony or networkingEvent (운영위원회, 분과모임, 기술세미나, 창립식, 교류행사).",
          "운영위원회, 분과모임, 기술세미나, 창립식 또는 교류행사 (steeringCommittee, divisionMeeting, technicalSeminar, foundingCeremony, networkingEvent)."
        ))
    )
    var kind: String
    @Option(help: ArgumentHelp(language.pick("The day, 2026-11-22.", "날짜, 예: 2026-11-22.")))
    var date: String
    @Option(parsing: .unconditional, help: ArgumentHelp(language.pick("Title.", "제목.")))
    var title: String
    @Option(parsing: .unconditional, help: ArgumentHelp(language.pick("Place.", "장소.")))
    var place: String = ""
    @Option(parsing: .unconditional, help: ArgumentHelp(language.pick("Agenda.", "안건.")))
    var agenda: String = ""
    @Option(parsing: .unconditional, help: ArgumentHelp(language.pick("Minutes.", "회의록.")))
    var minutes: String = ""

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let found = try workspace.requireCluster(named: cluster)
        var errors: [FieldError] = []
        var kindValue = MeetingKind.steeringCommittee
        do throws(FieldError) {
          kindValue = try MemberRules.parse(kind, as: MeetingKind.self, field: "kind")
        } catch { errors.append(error) }
        let day = Day(parsing: date)
        if day == nil {
          errors.append(
            FieldError(field: "date", problem: .invalidFormat(expected: "2026-11-22"), value: date))
        }
        var divisionId: Int64?
        if let division {
          if let match = try workspace.divisions(clusterId: found.id).first(where: {
            $0.name == KoreanText.clean(division)
          }) {
            divisionId = match.id
          } else {
            errors.append(FieldError(field: "division", problem: .notFound, value: division))
          }
        }
        if !errors.isEmpty { throw ClusterKit.ValidationError(errors) }
        let meeting = try workspace.addMeeting(
          Meeting(
            clusterId: found.id, divisionId: divisionId, kind: kindValue, date: day!, title: title,
            place: place, agenda: agenda, minutes: minutes))
        print(
          language.pick(
            "Added meeting #\(meeting.id) \(meeting.title).",
            "회의 #\(meeting.id) \(meeting.title, .object) 추가했습니다."))
      }
    }
  }

  struct Attend: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: language.pick(
        "Record attendance: who was present, absent or excused.", "출석을 기록합니다: 참석, 불참, 사유불참."),
      discussion: language.pick(
        """
        Members are given by id, business registration number or name. --all-present marks the \
        meeting's whole list (its division, or its cluster) present first; then --absent and \
        --excused apply. Without options, shows the attendance list.
        """,
        """
        회원은 id, 사업자등록번호 또는 이름으로 지정합니다. --all-present는 먼저 회의 대상 명단 전체(해당 \
        분과 또는 미니클러스터)를 참석으로 표시하고, 그다음 --absent와 --excused를 적용합니다. 옵션 없이 \
        실행하면 출석 명단을 보여 줍니다.
        """))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: ArgumentHelp(language.pick("The meeting's number.", "회의 번호.")))
    var meeting: Int64
    @Option(
      help: ArgumentHelp(
        language.pick("A member who was present; repeatable.", "참석한 회원; 여러 번 쓸 수 있습니다.")))
    var present: [String] = []
    @Option(
      help: ArgumentHelp(
        language.pick("A member who was absent; repeatable.", "불참한 회원; 여러 번 쓸 수 있습니다.")))
    var absent: [String] = []
    @Option(
      help: ArgumentHelp(
        language.pick("A member who was excused; repeatable.", "사유불참한 회원; 여러 번 쓸 수 있습니다.")))
    var excused: [String] = []
    @Flag(
      help: ArgumentHelp(
        language.pick("Mark everyone on the meeting's list present.", "회의 대상 명단 전원을 참석으로 표시합니다.")))
    var allPresent = false

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let list = try workspace.attendanceList(meetingId: meeting)
        var changes: [Int64: AttendanceStatus?] = [:]
        if allPresent { for line in list { changes[line.memberId] = .present } }
        var given: [Int64: AttendanceStatus] = [:]
        for (names, status) in [
          (present, AttendanceStatus.present), (absent, .absent), (excused, .excused),
        ] {
          for name in names {
            let member = try workspace.findMember(name)
            if let earlier = given[member.id], earlier != status {
              throw CommandError(
                "\(member.name) is given as both \(earlier.english) and \(status.english); give each member once.",
                "\(member.name, .subject) \(earlier.korean), \(status.korean) 두 가지로 지정되었습니다. 회원마다 한 번만 지정하세요."
              )
            }
            given[member.id] = status
            changes[member.id] = status
          }
        }
        if !changes.isEmpty {
          try workspace.setAttendance(meetingId: meeting, changes)
          print(
            language.pick(
              "Recorded attendance of \(changes.count) members.",
              "회원 \(changes.count)명의 출석을 기록했습니다."))
        }
        let l = language
        for line in try workspace.attendanceList(meetingId: meeting) {
          print("  \(line.status?.label(l) ?? "-")\t\(line.memberName) (\(line.role.label(l)))")
        }
      }
    }
  }
}

import ArgumentParser
import ClusterKit
import Foundation

struct MeetingsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "meetings", abstract: "Meetings and their attendance.",
    subcommands: [List.self, Add.self, Attend.self], defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List meetings, newest first, with attendance rates.")

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this year.") var year: Int?
    @Option(help: "Only this mini-cluster.") var cluster: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let l = language
        let clusterId = try cluster.map { try workspace.requireCluster(named: $0).id }
        let rows = try workspace.meetingRows(year: year, clusterId: clusterId, limit: 1_000_000)
        Listing(
          columns: [
            .init(key: "id", title: "#", alignRight: true),
            .init(key: "date", title: l.pick("Date", "날짜")),
            .init(key: "kind", title: l.pick("Kind", "종류")),
            .init(key: "title", title: l.pick("Title", "제목")),
            .init(key: "cluster", title: l.pick("Cluster", "미니클러스터")),
            .init(key: "division", title: l.pick("Division", "분과")),
            .init(key: "attendance", title: l.pick("Present", "참석"), alignRight: true),
            .init(key: "rate", title: l.pick("Rate", "참석률"), alignRight: true),
          ],
          rows: rows.map {
            [
              String($0.id), $0.date.description, $0.kind.label(l), $0.title, $0.clusterName,
              $0.divisionName ?? "", $0.invited == 0 ? "" : "\($0.present)/\($0.invited)",
              percent($0.participationRate),
            ]
          }
        ).print(output)
      }
    }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add a meeting.")

    @OptionGroup var location: WorkspaceLocation
    @Option(help: "The mini-cluster.") var cluster: String
    @Option(help: "A division, for a division meeting.") var division: String?
    @Option(
      help:
        "steeringCommittee, divisionMeeting, technicalSeminar, foundingCeremony or networkingEvent (운영위원회, 분과모임, 기술세미나, 창립식, 교류행사)."
    )
    var kind: String
    @Option(help: "The day, 2026-11-22.") var date: String
    @Option(help: "Title.") var title: String
    @Option(help: "Place.") var place: String = ""
    @Option(help: "Agenda.") var agenda: String = ""
    @Option(help: "Minutes.") var minutes: String = ""

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
            "회의 #\(meeting.id) \(meeting.title)을(를) 추가했습니다."))
      }
    }
  }

  struct Attend: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record attendance: who was present, absent or excused.",
      discussion: """
        Members are given by id, business registration number or name. --all-present marks the \
        meeting's whole list (its division, or its cluster) present first; then --absent and \
        --excused apply. Without options, shows the attendance list.
        """)

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: "The meeting's number.") var meeting: Int64
    @Option(help: "A member who was present; repeatable.") var present: [String] = []
    @Option(help: "A member who was absent; repeatable.") var absent: [String] = []
    @Option(help: "A member who was excused; repeatable.") var excused: [String] = []
    @Flag(help: "Mark everyone on the meeting's list present.") var allPresent = false

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let list = try workspace.attendanceList(meetingId: meeting)
        var changes: [Int64: AttendanceStatus?] = [:]
        if allPresent { for line in list { changes[line.memberId] = .present } }
        for (names, status) in [
          (present, AttendanceStatus.present), (absent, .absent), (excused, .excused),
        ] {
          for name in names { changes[try workspace.findMember(name).id] = status }
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

import ArgumentParser
import ClusterKit
import Foundation

struct MentoringCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mentoring",
    abstract: language.pick(
      "1사1멘토링: one mentor per company from the expert pool, with sessions and history.",
      "1사1멘토링: 기업마다 전문가 풀의 멘토 한 명, 멘토링 기록과 이력."),
    subcommands: [
      List.self, Assign.self, End.self, Log.self, Sessions.self, Suggest.self,
    ], defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: language.pick(
        "List every mentoring assignment, past ones included (until is empty while active); with --without-mentor, the active companies that have none.",
        "모든 멘토링 배정을 지난 것까지 보여 줍니다 (진행 중이면 종료일이 비어 있습니다); --without-mentor이면 멘토가 없는 활동 기업을 보여 줍니다."
      ))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var output: OutputOptions
    @Flag(
      help: ArgumentHelp(
        language.pick(
          "List the active member companies with no mentor instead.", "대신 멘토가 없는 활동 회원 기업을 보여 줍니다.")
      ))
    var withoutMentor = false
    @Option(help: ArgumentHelp(language.pick("Only this expert's.", "이 전문가의 배정만.")))
    var expert: String?
    @Option(help: ArgumentHelp(language.pick("Only this member's.", "이 회원의 배정만.")))
    var member: String?
    @Option(help: ArgumentHelp(language.pick("Only this mini-cluster.", "이 미니클러스터만.")))
    var cluster: String?

    func run() throws {
      try reporting {
        let workspace = try location.openForReading()
        let l = language
        let clusterId = try cluster.map { try workspace.requireCluster(named: $0).id }
        if withoutMentor {
          for (option, value) in [("--expert", expert), ("--member", member)] where value != nil {
            throw CommandError(
              "\(option) cannot be used with --without-mentor.",
              "\(option, .topic) --without-mentor와 함께 쓸 수 없습니다.")
          }
          try MemberText.companyListing(workspace, .companiesWithoutMentor(clusterId: clusterId))
            .print(output)
          return
        }
        let filter = MentoringFilter(
          memberId: try member.map { try workspace.findMember($0).id },
          expertId: try expert.map { try workspace.findExpert($0).id }, clusterId: clusterId)
        try Listing(
          sheet: l.pick("Mentoring", "멘토링"),
          columns: [
            .init(.member, l),
            .init(.expert, l),
            .init(.mentoringField, l, key: "field"),
            .init(.started, l, key: "from"),
            .init(.ended, l, key: "until"),
          ],
          eachRow: { row in
            try workspace.eachMentoringRow(filter) {
              try row([
                .text($0.memberName), .text($0.expertName), .text($0.mentoring.field),
                .date($0.mentoring.started), .date($0.mentoring.ended),
              ])
            }
          }
        ).print(output)
      }
    }
  }

  struct Assign: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "assign",
      abstract: language.pick(
        "Make an expert a company's mentor; the current mentor, if any, ends that day and stays in the history. An expert at capacity needs --override REASON.",
        "전문가를 기업의 멘토로 배정합니다. 현재 멘토가 있으면 그날로 종료되어 이력에 남습니다. 정원이 찬 전문가는 --override 사유가 있어야 합니다."
      ))

    @OptionGroup var location: WorkspaceLocation
    @Option(help: ArgumentHelp(language.pick("The member company.", "회원 기업.")))
    var member: String?
    @Option(help: ArgumentHelp(language.pick("The expert: id or name.", "전문가: 번호 또는 이름.")))
    var expert: String?
    @Option(
      help: ArgumentHelp(
        language.pick("The first day (default: today).", "시작일 (기본값: 오늘).")))
    var from: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "What the mentoring is about (default: the expert's main, first, field).",
          "멘토링 분야 (기본값: 전문가의 주 분야, 즉 첫 번째 분야).")))
    var field: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "Assign beyond the expert's capacity, for this reason.", "이 사유로 전문가의 정원을 넘겨 배정합니다.")))
    var override: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let (memberRef, expertRef) = try requireOptions(member, expert)
        let company = try workspace.findMember(memberRef)
        let mentor = try workspace.findExpert(expertRef)
        let day = try from.map { try parseDay($0, field: "started") } ?? today
        let result: MentorAssignment
        do {
          result = try workspace.assignMentor(
            memberId: company.id, expertId: mentor.id, field: field, from: day,
            overrideReason: override, today: today)
        } catch let error as WorkspaceError {
          guard case .expertAtCapacity = error else { throw error }
          let others = try workspace.mentorSuggestions(
            memberId: company.id, today: today, limit: 20
          )
          .filter { $0.hasRoom && $0.expert.id != mentor.id }.prefix(5)
          var text = error.message(language)
          if !others.isEmpty {
            text +=
              "\n"
              + language.pick(
                "Experts with room who fit \(company.name):", "\(company.name)에 맞고 여유가 있는 전문가:")
              + "\n" + (try MentoringText.suggestions(Array(others)).table())
          }
          printError(text.hasSuffix("\n") ? String(text.dropLast()) : text)
          throw ExitCode(1)
        }
        let a = result.assigned
        let load = try workspace.expertDetail(id: mentor.id).load
        print(
          language.pick(
            "\(mentor.name) (\(mentor.affiliation)) mentors \(company.name) from \(day) in \(a.field); \(load) of \(mentor.capacity) companies now.",
            "\(mentor.name)(\(mentor.affiliation))\(Particle.subject.after(mentor.name)) \(day)부터 \(company.name)의 \(a.field) 멘토입니다. 현재 \(mentor.capacity)개사 중 \(load)개사."
          ))
        if !a.overrideReason.isEmpty {
          print(
            language.pick(
              "Beyond the capacity, because: \(a.overrideReason).",
              "정원 초과 배정 사유: \(a.overrideReason)."))
        }
        if let ended = result.ended {
          let name = try workspace.expert(id: ended.expertId)?.name ?? "#\(ended.expertId)"
          print(
            language.pick(
              "The previous mentor \(name) (\(ended.started.text)–\(ended.ended.text)) stays in the history.",
              "이전 멘토 \(name)(\(ended.started.text)–\(ended.ended.text))\(Particle.topic.after(name)) 이력에 남습니다."
            ))
        }
      }
    }
  }

  struct End: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "end",
      abstract: language.pick(
        "End a company's mentoring; it stays in the history.", "기업의 멘토링을 종료합니다. 이력에 남습니다."))

    @OptionGroup var location: WorkspaceLocation
    @Option(help: ArgumentHelp(language.pick("The member company.", "회원 기업.")))
    var member: String?
    @Option(
      help: ArgumentHelp(language.pick("The last day (default: today).", "종료일 (기본값: 오늘).")))
    var date: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let company = try workspace.findMember(try requireOption(member, "member"))
        let day = try date.map { try parseDay($0, field: "ended") } ?? today
        let ended = try workspace.endMentoring(memberId: company.id, on: day, today: today)
        let name = try workspace.expert(id: ended.expertId)?.name ?? "#\(ended.expertId)"
        print(
          language.pick(
            "Ended the mentoring of \(company.name) by \(name) on \(day).",
            "\(company.name)에 대한 \(name)의 멘토링을 \(day)에 종료했습니다."))
      }
    }
  }

  struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "log",
      abstract: language.pick(
        "Log a mentoring session with the company's mentor of that day.",
        "그날의 멘토와 가진 멘토링을 기록합니다."))

    @OptionGroup var location: WorkspaceLocation
    @Option(help: ArgumentHelp(language.pick("The member company.", "회원 기업.")))
    var member: String?
    @Option(help: ArgumentHelp(language.pick("The day of the session.", "멘토링 날짜.")))
    var date: String?
    @Option(help: ArgumentHelp(language.pick("What it was about.", "주제.")))
    var topic: String?
    @Option(help: ArgumentHelp(language.pick("A note.", "메모.")))
    var note: String = ""

    func run() throws {
      try reporting {
        let workspace = try location.open()
        var missing: [FieldError] = []
        for (field, value) in [("member", member), ("date", date), ("topic", topic)]
        where value == nil {
          missing.append(FieldError(field: field, problem: .required))
        }
        if !missing.isEmpty { throw ClusterKit.ValidationError(missing) }
        let company = try workspace.findMember(member!)
        let day = try parseDay(date!, field: "date")
        let session = try workspace.logMentoringSession(
          memberId: company.id, date: day, topic: topic!, note: note, today: today)
        let count = try workspace.mentoringSessions(
          MentoringFilter(memberId: company.id), limit: Int.max
        ).count
        print(
          language.pick(
            "Logged session #\(session.id) with \(company.name) on \(day): \(session.topic) (\(count) in all).",
            "\(day) \(company.name) 멘토링 #\(session.id, .object) 기록했습니다: \(session.topic) (모두 \(count)회)."
          ))
      }
    }
  }

  struct Sessions: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sessions",
      abstract: language.pick(
        "List logged mentoring sessions, newest first.", "기록된 멘토링을 최신순으로 보여 줍니다."))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp(language.pick("Only this member's.", "이 회원의 것만.")))
    var member: String?
    @Option(help: ArgumentHelp(language.pick("Only this expert's.", "이 전문가의 것만.")))
    var expert: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let l = language
        let filter = MentoringFilter(
          memberId: try member.map { try workspace.findMember($0).id },
          expertId: try expert.map { try workspace.findExpert($0).id })
        try Listing(
          sheet: l.pick("Mentoring sessions", "멘토링 기록"),
          columns: [
            .init(key: "id", title: "#", alignRight: true),
            .init(.date, l),
            .init(.member, l),
            .init(.expert, l),
            .init(.topic, l),
            .init(.note, l),
          ],
          eachRow: { row in
            try workspace.eachMentoringSession(filter) {
              try row([
                .number($0.session.id), .date($0.session.date), .text($0.memberName),
                .text($0.expertName), .text($0.session.topic), .text($0.session.note),
              ])
            }
          }
        ).print(output)
      }
    }
  }

  struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "suggest",
      abstract: language.pick(
        "Suggest mentors for a company: experts whose fields match its division, products and recent difficulties, with their load.",
        "기업에 맞는 멘토를 추천합니다: 분과, 주요 제품, 최근 애로사항과 전문분야가 맞는 전문가를 현재 멘토링 수와 함께 보여 줍니다."
      ))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp(language.pick("The member company.", "회원 기업.")))
    var member: String?
    @Option(help: ArgumentHelp(language.pick("How many (default 5).", "몇 명까지 (기본값 5).")))
    var limit: String = "5"

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let company = try workspace.findMember(try requireOption(member, "member"))
        let count = try parseInt(limit, field: "limit")
        guard count >= 1 else {
          throw FieldError(field: "limit", problem: .outOfRange("1…"), value: limit)
        }
        try MentoringText.suggestions(
          try workspace.mentorSuggestions(memberId: company.id, today: today, limit: count)
        ).print(output)
      }
    }
  }
}

/// Options the commands need but parse as optional, so that a missing one is reported like any
/// other bad field, in the user's language.
func requireOption(_ value: String?, _ field: String) throws -> String {
  guard let value else { throw FieldError(field: field, problem: .required) }
  return value
}

func requireOptions(_ member: String?, _ expert: String?) throws -> (String, String) {
  let errors = [("member", member), ("expert", expert)].filter { $0.1 == nil }.map {
    FieldError(field: $0.0, problem: .required)
  }
  if !errors.isEmpty { throw ClusterKit.ValidationError(errors) }
  return (member!, expert!)
}

/// Mentoring as text.
enum MentoringText {
  static func suggestions(_ list: [MentorSuggestion]) -> Listing {
    let l = language
    return Listing(
      sheet: l.pick("Suggested mentors", "추천 멘토"),
      columns: [
        .init(key: "id", title: "#", alignRight: true),
        .init(.expert, l),
        .init(.affiliation, l),
        .init(.fields, l),
        .init(.matched, l),
        .init(.load, l, alignRight: true),
        .init(.capacity, l, alignRight: true),
      ],
      rows: list.map {
        [
          .number($0.expert.id), .text($0.expert.name), .text($0.expert.affiliation),
          .text($0.expert.fields.joined(separator: ", ")),
          .text($0.matched.joined(separator: ", ")),
          .number($0.load), .number($0.expert.capacity),
        ]
      })
  }
}

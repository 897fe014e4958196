import ArgumentParser
import ClusterKit
import Foundation

struct VisitsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "visits",
    abstract: language.pick(
      "Company visits, their difficulties and follow-ups.", "기업 방문, 애로사항과 후속조치."),
    subcommands: [
      List.self, Add.self, Edit.self, Delete.self, DeleteFollowUp.self, Due.self, Done.self,
    ], defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: language.pick("List visits, newest first.", "방문 기록을 최신순으로 보여 줍니다."))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var output: OutputOptions
    @Option(
      help: ArgumentHelp(
        language.pick("From this day (default: 12 weeks ago).", "시작일 (기본값: 12주 전).")))
    var from: String?
    @Option(
      help: ArgumentHelp(language.pick("Through this day (default: today).", "종료일 (기본값: 오늘).")))
    var to: String?
    @Flag(
      help: ArgumentHelp(
        language.pick(
          "List open follow-ups instead, overdue first.", "대신 미완료 후속조치를 기한이 지난 것부터 보여 줍니다.")))
    var followUps = false

    func run() throws {
      try reporting {
        let workspace = try location.openForReading()
        let l = language
        if followUps {
          let rows = try workspace.openFollowUps(limit: Int.max)
          try Listing(
            sheet: l.pick("Follow-ups", "후속조치"),
            columns: [
              .init(key: "id", title: "#", alignRight: true),
              .init(.due, l),
              .init(.overdue, l),
              .init(.member, l),
              .init(.action, l),
              .init(.followUpOwner, l, key: "owner"),
              .init(.visitDate, l, key: "visit"),
            ],
            rows: rows.map {
              [
                .number($0.followUp.id), .date($0.followUp.due),
                .text($0.followUp.isOverdue(on: today) ? l.pick("overdue", "지연") : ""),
                .text($0.memberName), .text($0.followUp.action), .text($0.followUp.owner),
                .date($0.visitDate),
              ]
            }
          ).print(output)
          return
        }
        let end = try to.map { try parseDay($0, field: "to") } ?? today
        let start = try from.map { try parseDay($0, field: "from") } ?? end.adding(days: -84)
        try Listing(
          sheet: l.pick("Visits", "방문"),
          columns: [
            .init(key: "id", title: "#", alignRight: true),
            .init(.date, l),
            .init(.member, l),
            .init(.purpose, l),
            .init(.visitor, l),
            .init(.difficulty, l, key: "difficulties"),
            .init(.followUp, l, key: "followUps"),
          ],
          eachRow: { row in
            try workspace.eachVisit(from: start, through: end) { visit, memberName in
              try row([
                .number(visit.id), .date(visit.date), .text(memberName),
                .text(visit.purpose.label(l)), .text(visit.visitor),
                .text(
                  visit.difficulties.map { "[\($0.category.label(l))] \($0.text)" }.joined(
                    separator: "; ")),
                .text(visit.followUps.map(\.action).joined(separator: "; ")),
              ])
            }
          }
        ).print(output)
      }
    }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: language.pick("Log a visit to a member company.", "회원 기업 방문을 기록합니다."),
      discussion: language.pick(
        """
        Example: clusterdesk visits add 유신테크 --purpose difficultySurvey \
        --difficulty "certification:CE 인증 비용 부담" --follow-up "인증 지원사업 안내:2026-12-10"
        """,
        """
        예: clusterdesk visits add 유신테크 --purpose "애로사항 조사" \
        --difficulty "인증:CE 인증 비용 부담" --follow-up "인증 지원사업 안내:2026-12-10"
        """))

    @OptionGroup var location: WorkspaceLocation
    @Argument(
      help: ArgumentHelp(
        language.pick(
          "The member: id, business registration number, or name (initials work).",
          "회원: id, 사업자등록번호 또는 이름 (초성 검색도 됩니다).")))
    var member: String
    @Option(
      help: ArgumentHelp(language.pick("The day of the visit (default: today).", "방문일 (기본값: 오늘).")))
    var date: String?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        language.pick("Who visited (default: the office's user).", "방문자 (기본값: 현재 사용자).")))
    var visitor: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "difficultySurvey, needsSurvey, followUp or other (애로사항 조사, 수요조사, 후속조치, 기타).",
          "애로사항 조사, 수요조사, 후속조치 또는 기타 (difficultySurvey, needsSurvey, followUp, other).")))
    var purpose: String = "difficultySurvey"
    @Option(parsing: .unconditional, help: ArgumentHelp(language.pick("Notes.", "메모.")))
    var notes: String = ""
    @Option(
      parsing: .unconditionalSingleValue,
      help: ArgumentHelp(
        language.pick(
          "A difficulty as CATEGORY:TEXT (technology, funding, marketing, export, certification, people, management, other); repeatable.",
          "애로사항을 분류:내용 형식으로 (분류: 기술, 자금, 판로, 수출, 인증, 인력, 경영, 기타 — 영어 이름도 됩니다); 여러 번 쓸 수 있습니다."))
    )
    var difficulty: [String] = []
    @Option(
      parsing: .unconditionalSingleValue,
      help: ArgumentHelp(
        language.pick(
          "A follow-up as ACTION or ACTION:DUE-DATE; repeatable.",
          "후속조치를 조치 또는 조치:기한 형식으로; 여러 번 쓸 수 있습니다.")))
    var followUp: [String] = []
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(language.pick("Owner of the follow-ups.", "후속조치 담당자.")))
    var owner: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let found = try workspace.findMember(member)
        var errors: [FieldError] = []
        let day = try date.map { try parseDay($0, field: "date") } ?? today
        var purposeValue = VisitPurpose.other
        do throws(FieldError) {
          purposeValue = try MemberRules.parse(purpose, as: VisitPurpose.self, field: "purpose")
        } catch { errors.append(error) }
        let difficulties = parseDifficulties(difficulty, &errors)
        let followUps = parseFollowUps(followUp, owner: owner ?? workspace.actor, &errors)
        if !errors.isEmpty { throw ClusterKit.ValidationError(errors) }
        let visit = try workspace.addVisit(
          Visit(
            memberId: found.id, date: day, visitor: visitor ?? workspace.actor,
            purpose: purposeValue,
            notes: notes, difficulties: difficulties, followUps: followUps))
        print(
          language.pick(
            "Logged visit #\(visit.id) to \(found.name) on \(day) (\(difficulties.count) difficulties, \(followUps.count) follow-ups).",
            "\(day) \(found.name) 방문 #\(visit.id, .object) 기록했습니다 (애로사항 \(difficulties.count), 후속조치 \(followUps.count))."
          ))
      }
    }
  }

  struct Due: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "due",
      abstract: language.pick(
        "Members due for a visit by the contact rhythm (officers every 4 weeks, others every 12).",
        "방문 주기상 방문할 때가 된 회원 (임원은 4주, 그 밖의 회원은 12주마다)."))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var output: OutputOptions
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        language.pick(
          "Instead: everyone not visited for this many weeks.",
          "대신 지정한 주 수 동안 방문하지 않은 모든 회원을 보여 줍니다.")))
    var weeks: Int?
    @Option(help: ArgumentHelp(language.pick("Only this mini-cluster.", "이 미니클러스터만.")))
    var cluster: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let l = language
        let clusterId = try cluster.map { try workspace.requireCluster(named: $0).id }
        let due = try workspace.dueForVisit(
          today: today, minimumWeeks: weeks, clusterId: clusterId, limit: Int.max)
        try Listing(
          sheet: l.pick("Due for a visit", "방문 대상"),
          columns: [
            .init(key: "id", title: "#", alignRight: true),
            .init(.member, l),
            .init(.role, l),
            .init(.lastVisit, l),
            .init(.daysSince, l, key: "days", alignRight: true),
            .init(.rhythm, l),
          ],
          rows: due.map {
            [
              .number($0.memberId), .text($0.name), .text($0.role.label(l)), .date($0.lastVisit),
              $0.daysSince.map { .number($0) } ?? .text(l.pick("never", "방문 없음")),
              .text(l.pick("\($0.rhythmWeeks) weeks", "\($0.rhythmWeeks)주")),
            ]
          }
        ).print(output)
      }
    }
  }

  struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "done",
      abstract: language.pick("Mark a follow-up done.", "후속조치를 완료로 표시합니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(
      help: ArgumentHelp(
        language.pick(
          "The follow-up's number (see visits list --follow-ups).",
          "후속조치 번호 (visits list --follow-ups로 확인).")))
    var followUp: Int64
    @Option(
      help: ArgumentHelp(
        language.pick(
          "The day it was done (default: today); not before the visit.",
          "완료일 (기본값: 오늘). 방문일보다 이를 수 없습니다.")))
    var date: String?
    @Flag(
      help: ArgumentHelp(
        language.pick(
          "Change the date of a follow-up already marked done (a date entered wrong).",
          "이미 완료로 표시한 후속조치의 완료일을 고칩니다 (잘못 입력한 날짜).")))
    var correct = false

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let day = try date.map { try parseDay($0, field: "date") } ?? today
        do {
          try workspace.setFollowUpDone(id: followUp, on: day, correcting: correct)
        } catch WorkspaceError.alreadyDone(let id, let done) {
          throw CommandError(
            "Follow-up #\(id) was already done on \(done); to change its date to \(day), add --correct.",
            "후속조치 #\(id, .topic) 이미 \(done)에 완료되었습니다. 완료일을 \(day, .direction) 고치려면 --correct를 붙이세요."
          )
        }
        print(
          language.pick(
            "Follow-up #\(followUp) done on \(day).", "후속조치 #\(followUp, .object) \(day)에 완료했습니다."))
      }
    }
  }
}

/// `--difficulty CATEGORY:TEXT`, each; the problems are added to `errors`.
func parseDifficulties(_ texts: [String], _ errors: inout [FieldError]) -> [Difficulty] {
  var difficulties: [Difficulty] = []
  for (index, text) in texts.enumerated() {
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
      errors.append(
        FieldError(
          field: "difficulty[\(index + 1)]",
          problem: .invalidFormat(expected: "certification:CE 인증 비용"), value: text))
      continue
    }
    do throws(FieldError) {
      let category = try MemberRules.parse(
        parts[0], as: DifficultyCategory.self, field: "difficulty[\(index + 1)]")
      difficulties.append(Difficulty(category: category, text: parts[1]))
    } catch { errors.append(error) }
  }
  return difficulties
}

/// `--follow-up ACTION` or `ACTION:DUE-DATE`, each, owned by `owner`.
func parseFollowUps(_ texts: [String], owner: String, _ errors: inout [FieldError]) -> [FollowUp] {
  var followUps: [FollowUp] = []
  for (index, text) in texts.enumerated() {
    var action = text
    var due: Day?
    if let colon = text.lastIndex(of: ":"),
      let parsed = Day(parsing: String(text[text.index(after: colon)...]))
    {
      action = String(text[..<colon])
      due = parsed
    } else if text.hasSuffix(":") || text.isEmpty {
      errors.append(
        FieldError(
          field: "followUp[\(index + 1)]",
          problem: .invalidFormat(expected: "ACTION:2026-12-10"), value: text))
    }
    followUps.append(FollowUp(action: action, owner: owner, due: due))
  }
  return followUps
}

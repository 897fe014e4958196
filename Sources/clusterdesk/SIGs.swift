import ArgumentParser
import ClusterKit
import Foundation
import TerminalKit

struct SIGsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sigs",
    abstract: language.pick(
      "1사1SIG: special interest groups of member companies and the tasks they bring.",
      "1사1SIG: 회원 기업의 연구회(SIG)와 기업들이 가져온 과제."),
    subcommands: [
      List.self, Show.self, Add.self, Edit.self, Join.self, Leave.self, TaskCommand.self,
    ], defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: language.pick(
        "List SIGs with their members and tasks, and the coverage: how many active companies are in a SIG. With --uncovered, the active companies in none.",
        "SIG 목록을 참여 기업, 과제 수와 함께 보여 주고, 활동 기업 중 SIG에 참여한 비율을 알려 줍니다. --uncovered이면 어느 SIG에도 없는 활동 기업을 보여 줍니다."
      ))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp(language.pick("Only this mini-cluster.", "이 미니클러스터만.")))
    var cluster: String?
    @Flag(
      help: ArgumentHelp(
        language.pick(
          "List the active member companies in no SIG instead.",
          "대신 어느 SIG에도 참여하지 않은 활동 회원 기업을 보여 줍니다.")))
    var uncovered = false

    func run() throws {
      try reporting {
        let workspace = try location.openForReading()
        let l = language
        let clusterId = try cluster.map { try workspace.requireCluster(named: $0).id }
        if uncovered {
          try MemberText.companyListing(workspace, .companiesWithoutSIG(clusterId: clusterId))
            .print(output)
          return
        }
        try Listing(
          sheet: "SIG",
          columns: [
            .init(key: "id", title: "#", alignRight: true),
            .init(.sig, l, key: "name"),
            .init(.cluster, l),
            .init(.theme, l),
            .init(.leader, l),
            .init(.sigMembers, l, key: "members", alignRight: true),
            .init(key: "proposed", title: SIGTaskStatus.proposed.label(l), alignRight: true),
            .init(key: "active", title: SIGTaskStatus.active.label(l), alignRight: true),
            .init(key: "done", title: SIGTaskStatus.done.label(l), alignRight: true),
          ],
          eachRow: { row in
            try workspace.eachSIGRow(clusterId: clusterId) {
              try row([
                .number($0.sig.id), .text($0.sig.name), .text($0.clusterName), .text($0.sig.theme),
                .text($0.leaderName ?? ""), .number($0.members), .number($0.proposed),
                .number($0.active), .number($0.done),
              ])
            }
          }
        ).print(output)
        if output.format == .table {
          let c = try workspace.sigCoverage(clusterId: clusterId)
          print(
            l.pick(
              "Coverage: \(c.covered) of \(c.companies) active companies are in a SIG; \(c.uncovered) in none (sigs list --uncovered).",
              "참여율: 활동 기업 \(c.companies)개 중 \(c.covered)개가 SIG에 참여, \(c.uncovered)개 미참여 (sigs list --uncovered)."
            ))
        }
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: language.pick(
        "Show a SIG: its leader, members and numbered tasks.",
        "SIG 한 곳의 주관기업, 참여 기업, 번호가 붙은 과제를 보여 줍니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(
      help: ArgumentHelp(
        language.pick("The SIG: id or (part of) the name.", "SIG: 번호 또는 이름(일부만 써도 됩니다).")))
    var sig: String

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let found = try workspace.findSIG(sig)
        print(SIGText.detail(try workspace.sigDetail(id: found.id)), terminator: "")
      }
    }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: language.pick(
        "Add a SIG; its leading company joins it.", "SIG를 추가합니다. 주관기업은 SIG에 참여합니다."))

    @OptionGroup var location: WorkspaceLocation
    @Option(help: ArgumentHelp(language.pick("The SIG's name.", "SIG 이름.")))
    var name: String?
    @Option(help: ArgumentHelp(language.pick("What it works on.", "주제.")))
    var theme: String = ""
    @Option(help: ArgumentHelp(language.pick("The leading company.", "주관기업.")))
    var leader: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "The mini-cluster (default: the leader's, or the only one).",
          "미니클러스터 (기본값: 주관기업의 미니클러스터, 또는 하나뿐인 미니클러스터).")))
    var cluster: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let lead = try leader.map { try workspace.findMember($0, field: "leader") }
        let clusterId: Int64
        if let cluster {
          clusterId = try workspace.requireCluster(named: cluster).id
        } else if let lead {
          clusterId = lead.clusterId
        } else {
          let clusters = try workspace.clusters()
          guard clusters.count == 1 else {
            throw FieldError(
              field: "cluster",
              problem: .other(
                english:
                  "is required: give --cluster or --leader (the workspace has \(clusters.count) mini-clusters)",
                korean: "값이 필요합니다: --cluster나 --leader를 쓰세요 (미니클러스터가 \(clusters.count)개입니다)"))
          }
          clusterId = clusters[0].id
        }
        let added = try workspace.addSIG(
          SIG(clusterId: clusterId, name: name ?? "", theme: theme, leaderId: lead?.id), on: today)
        print(
          language.pick(
            "Added SIG #\(added.id) \(added.name)" + (lead.map { ", led by \($0.name)" } ?? "")
              + ".",
            "SIG #\(added.id) \(added.name, .object) 추가했습니다"
              + (lead.map { " (주관기업 \($0.name))" } ?? "")
              + "."))
      }
    }
  }

  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit",
      abstract: language.pick(
        "Change a SIG's name, theme or leader (--leader \"\" for none); a new leader joins it.",
        "SIG의 이름, 주제, 주관기업을 바꿉니다 (--leader \"\"이면 주관기업 없음). 새 주관기업은 SIG에 참여합니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: ArgumentHelp(language.pick("The SIG: id or name.", "SIG: 번호 또는 이름.")))
    var sig: String
    @Option(help: ArgumentHelp(language.pick("The SIG's name.", "SIG 이름.")))
    var name: String?
    @Option(help: ArgumentHelp(language.pick("What it works on.", "주제.")))
    var theme: String?
    @Option(help: ArgumentHelp(language.pick("The leading company.", "주관기업.")))
    var leader: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let original = try workspace.findSIG(sig)
        var edited = original
        if let name { edited.name = name }
        if let theme { edited.theme = theme }
        if let leader {
          edited.leaderId =
            KoreanText.clean(leader).isEmpty
            ? nil : try workspace.findMember(leader, field: "leader").id
        }
        let saved = try workspace.updateSIG(edited, original: original, on: today)
        print(
          language.pick(
            "Saved SIG #\(saved.id) \(saved.name).",
            "SIG #\(saved.id) \(saved.name, .object) 저장했습니다."))
      }
    }
  }

  struct Join: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "join",
      abstract: language.pick(
        "A member company joins a SIG of its mini-cluster.", "회원 기업이 자기 미니클러스터의 SIG에 참여합니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: ArgumentHelp(language.pick("The SIG: id or name.", "SIG: 번호 또는 이름.")))
    var sig: String
    @Option(help: ArgumentHelp(language.pick("The member company.", "회원 기업.")))
    var member: String?
    @Option(
      help: ArgumentHelp(language.pick("The day it joined (default: today).", "참여일 (기본값: 오늘).")))
    var date: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let group = try workspace.findSIG(sig)
        let company = try workspace.findMember(try requireOption(member, "member"))
        let day = try date.map { try parseDay($0, field: "date") } ?? today
        try workspace.joinSIG(sigId: group.id, memberId: company.id, on: day, today: today)
        print(
          language.pick(
            "\(company.name) joined SIG \(group.name) on \(day).",
            "\(company.name, .subject) \(day)에 SIG \(group.name)에 참여했습니다."))
      }
    }
  }

  struct Leave: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "leave",
      abstract: language.pick(
        "A member company leaves a SIG; its tasks stay with the SIG.",
        "회원 기업이 SIG에서 빠집니다. 그 기업의 과제는 SIG에 남습니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: ArgumentHelp(language.pick("The SIG: id or name.", "SIG: 번호 또는 이름.")))
    var sig: String
    @Option(help: ArgumentHelp(language.pick("The member company.", "회원 기업.")))
    var member: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let group = try workspace.findSIG(sig)
        let company = try workspace.findMember(try requireOption(member, "member"))
        let wasLeader = try workspace.leaveSIG(sigId: group.id, memberId: company.id)
        print(
          language.pick(
            "\(company.name) left SIG \(group.name)."
              + (wasLeader ? " The SIG has no leader now." : ""),
            "\(company.name, .subject) SIG \(group.name)에서 빠졌습니다."
              + (wasLeader ? " 이제 주관기업이 없습니다." : ""))
        )
      }
    }
  }

  struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "task",
      abstract: language.pick(
        "A SIG's tasks (과제): add, start, mark done.", "SIG 과제: 추가, 진행, 완료."),
      subcommands: [AddTask.self, StartTask.self, DoneTask.self])
  }

  struct AddTask: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: language.pick(
        "Add a task brought by one of the SIG's companies; it gets the SIG's next number.",
        "SIG 참여 기업이 가져온 과제를 추가합니다. SIG 안에서 다음 번호가 붙습니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: ArgumentHelp(language.pick("The SIG: id or name.", "SIG: 번호 또는 이름.")))
    var sig: String
    @Option(help: ArgumentHelp(language.pick("The task's title.", "과제명.")))
    var title: String?
    @Option(
      help: ArgumentHelp(
        language.pick("The company that owns it (a member of the SIG).", "과제를 맡은 기업 (SIG 참여 기업).")))
    var owner: String?
    @Option(help: ArgumentHelp(language.pick("Due day.", "기한.")))
    var due: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "proposed (default) or active (제안, 진행).", "제안(기본값) 또는 진행 (proposed, active).")))
    var status: String = "proposed"

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let group = try workspace.findSIG(sig)
        let company = try workspace.findMember(try requireOption(owner, "owner"), field: "owner")
        let state = try MemberRules.parse(status, as: SIGTaskStatus.self, field: "status")
        let task = try workspace.addSIGTask(
          SIGTask(
            sigId: group.id, title: title ?? "", ownerId: company.id, status: state,
            due: try due.map { try parseDay($0, field: "due") }), today: today)
        print(
          language.pick(
            "Added task \(task.number) to SIG \(group.name): \(task.title) (\(company.name), \(task.status.english)).",
            "SIG \(group.name)에 과제 \(task.number, .object) 추가했습니다: \(task.title) (\(company.name), \(task.status.korean))."
          ))
      }
    }
  }

  /// The SIG and task number every task change names.
  struct TaskReference: ParsableArguments {
    @Argument(help: ArgumentHelp(language.pick("The SIG: id or name.", "SIG: 번호 또는 이름.")))
    var sig: String
    @Argument(
      help: ArgumentHelp(
        language.pick(
          "The task's number in the SIG (see sigs show).", "SIG 안의 과제 번호 (sigs show로 확인).")))
    var number: String

    func move(to status: SIGTaskStatus, on day: Day, _ workspace: Workspace) throws -> (
      SIG, SIGTask
    ) {
      let group = try workspace.findSIG(sig)
      let value = try parseInt(number, field: "task")
      let task = try workspace.moveSIGTask(
        sigId: group.id, number: value, to: status, on: day, today: today)
      return (group, task)
    }
  }

  struct StartTask: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "start",
      abstract: language.pick("Mark a proposed task active.", "제안된 과제를 진행으로 바꿉니다."))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var task: TaskReference

    func run() throws {
      try reporting {
        let (group, moved) = try task.move(to: .active, on: today, try location.open())
        print(
          language.pick(
            "Task \(moved.number) of SIG \(group.name) is active: \(moved.title).",
            "SIG \(group.name)의 과제 \(moved.number, .subject) 진행 중입니다: \(moved.title)."))
      }
    }
  }

  struct DoneTask: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "done",
      abstract: language.pick("Mark a task done.", "과제를 완료로 표시합니다."))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var task: TaskReference
    @Option(
      help: ArgumentHelp(language.pick("The day it was done (default: today).", "완료일 (기본값: 오늘).")))
    var date: String?

    func run() throws {
      try reporting {
        let day = try date.map { try parseDay($0, field: "done") } ?? today
        let (group, moved) = try task.move(to: .done, on: day, try location.open())
        print(
          language.pick(
            "Task \(moved.number) of SIG \(group.name) done on \(day): \(moved.title).",
            "SIG \(group.name)의 과제 \(moved.number, .object) \(day)에 완료했습니다: \(moved.title)."))
      }
    }
  }
}

/// A SIG as text.
enum SIGText {
  static func detail(_ d: SIGDetail) -> String {
    let l = language
    var out = "\(d.sig.name)  #\(d.sig.id)\n"
    func line(_ en: String, _ ko: String, _ value: String) {
      guard !value.isEmpty else { return }
      out += "  " + DisplayWidth.pad(l.pick(en, ko), to: 16) + value + "\n"
    }
    line("Mini-cluster", "미니클러스터", d.clusterName)
    line("Theme", "주제", d.sig.theme)
    line("Leader", "주관기업", d.leaderName ?? l.pick("none", "없음"))
    out += l.pick("Members \(d.members.count)", "참여 기업 \(d.members.count)개") + "\n"
    for m in d.members {
      out +=
        "  #\(m.memberId) \(m.name)" + (m.isLeader ? l.pick(" (leader)", " (주관)") : "")
        + (m.joined.map { l.pick(", joined \($0)", ", \($0) 참여") } ?? "") + "\n"
    }
    out += l.pick("Tasks \(d.tasks.count)", "과제 \(d.tasks.count)건") + "\n"
    for t in d.tasks {
      out += "  " + Document.taskLine(t.task, owner: t.ownerName, today: today, l) + "\n"
    }
    return out
  }
}

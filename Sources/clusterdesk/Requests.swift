import ArgumentParser
import ClusterKit
import Dashboard
import Foundation
import TerminalKit

struct RequestsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "requests",
    abstract: language.pick(
      "Support requests through their whole life: intake, review, agreement, instalments, settlement.",
      "지원신청의 전 과정: 접수, 심사, 협약, 교부, 정산."),
    discussion: language.pick(
      """
      A request moves draft → pending (submit) → approved (approve) → agreed (agree) → completed \
      (settle), with instalments (disburse) paid while it is agreed; a pending one can be \
      rejected or sent back as a draft (ask-changes), and one not yet agreed can be withdrawn. \
      Every step is in the audit log.
      """,
      """
      신청은 작성중 → 심사대기(submit) → 승인(approve) → 협약(agree) → 완료(settle) 순서로 진행하며, \
      협약 상태에서 교부(disburse)합니다. 심사대기 신청은 반려하거나 보완 요청(ask-changes)으로 되돌릴 수 \
      있고, 협약 전에는 철회(withdraw)할 수 있습니다. 모든 단계는 감사 기록에 남습니다.
      """),
    subcommands: [
      List.self, Show.self, Add.self, Edit.self, Submit.self, Withdraw.self, Approve.self,
      Reject.self, AskChanges.self, Agree.self, Disburse.self, Settle.self,
    ],
    defaultSubcommand: List.self)

  static let requestHelp = ArgumentHelp(language.pick("The request's number.", "지원신청 번호."))
  static let dateHelp = ArgumentHelp(
    language.pick("The date (default: today), 2026-11-22.", "날짜 (기본값: 오늘), 예: 2026-11-22."))

  /// The request a user named, or an error naming it.
  static func load(_ workspace: Workspace, _ text: String?) throws -> SupportRequest {
    let id = try SupportInput.requestNumber(try SupportInput.required(text, "request"))
    guard let request = try workspace.request(id: id) else {
      throw WorkspaceError.recordNotFound(kind: "request", reference: "#\(id)")
    }
    return request
  }

  static func subject(_ id: Int64) -> (String, String) { ("Request #\(id)", "신청 #\(id)") }

  /// Runs one step on a request, naming the request in front of field errors and of the limits
  /// an approval would pass (their sentences name the program, not the request).
  static func step<T>(_ id: Int64, _ body: () throws -> T) throws -> T {
    let (english, korean) = subject(id)
    do {
      return try about(english, korean, body)
    } catch let error as WorkspaceError {
      switch error {
      case .overLimits, .overRequested:
        throw CommandError(
          english + ": " + error.message(.en), korean + ": " + error.message(.ko))
      default: throw error
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: language.pick(
        "List support requests; the pending queue (oldest first) with --status pending. A second live request of a member to the same program is flagged (중복지원).",
        "지원신청 목록을 보여 줍니다; --status pending이면 심사대기 목록(오래된 순). 같은 회원이 같은 지원사업에 다시 낸 신청은 중복지원으로 표시합니다."
      ))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var output: OutputOptions
    @Option(
      help: ArgumentHelp(
        language.pick(
          "draft, pending, approved, agreed, rejected, withdrawn or completed.",
          "작성중, 심사대기, 승인, 협약, 반려, 철회 또는 완료 (draft, pending, approved, agreed, rejected, withdrawn, completed)."
        ))) var status: String?
    @Option(
      help: ArgumentHelp(
        language.pick("Only this program (name or number).", "이 지원사업만 (이름 또는 번호).")))
    var program: String?
    @Option(help: ArgumentHelp(language.pick("Only programs of this year.", "이 연도의 지원사업만.")))
    var year: String?
    @Option(help: ArgumentHelp(language.pick("Only this member.", "이 회원만.")))
    var member: String?

    func run() throws {
      try reporting {
        let workspace = try location.openForReading()
        let l = language
        let year = try self.year.map { try SupportInput.year($0) }
        var filter = RequestFilter(year: year)
        if let status {
          filter.status = try MemberRules.parse(status, as: RequestStatus.self, field: "status")
        }
        if let program { filter.programId = try workspace.findProgram(program, year: year).id }
        if let member { filter.memberId = try workspace.findMember(member).id }
        let f = output.format
        let today = today
        try Listing(
          sheet: l.pick("Requests", "지원신청"),
          columns: [
            .init(key: "id", title: "#", alignRight: true),
            .init(.submitted, l),
            .init(.waiting, l, alignRight: true),
            .init(.status, l),
            .init(.member, l),
            .init(.program, l),
            .init(.projectTitle, l, key: "title"),
            .init(.requested, l, key: "requestedKRW", alignRight: true),
            .init(.approvedAmount, l, key: "approvedKRW", alignRight: true),
            .init(.disbursed, l, key: "disbursedKRW", alignRight: true),
            .init(.duplicate, l, key: "duplicateOf"),
          ],
          eachRow: { row in
            try workspace.eachRequestRow(filter) {
              try row([
                .number($0.id), .date($0.submitted),
                .number($0.status == .pending ? $0.submitted.map { $0.days(until: today) } : nil),
                .text($0.status.label(l)), .text($0.memberName), .text($0.programName),
                .text($0.title), .won($0.requestedKRW), .won($0.approvedKRW),
                .won($0.disbursedKRW == 0 ? nil : $0.disbursedKRW),
                $0.duplicateOf.map {
                  f == .table ? .text(Document.duplicateFlag($0, l)) : .number($0)
                } ?? .text(""),
              ])
            }
          }
        ).print(output)
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: language.pick(
        "Show a request with its agreement, instalments and settlement, its program's figures, the member's support history and the audit log.",
        "지원신청 한 건과 협약·교부·정산 내용, 지원사업 집행 현황, 그 회원의 지원 이력, 감사 기록을 보여 줍니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: RequestsCommand.requestHelp) var request: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let id = try SupportInput.requestNumber(try SupportInput.required(request, "request"))
        guard let detail = try workspace.requestDetail(id: id) else {
          throw WorkspaceError.recordNotFound(kind: "request", reference: "#\(id)")
        }
        print(Document.request(detail, today: today, language).plainText, terminator: "")
      }
    }
  }

  /// The request fields a command line can set when entering or editing a request.
  struct Fields: ParsableArguments {
    @Option(help: ArgumentHelp(language.pick("Title of the project (과제명).", "과제명.")))
    var title: String?
    @Option(
      help: ArgumentHelp(
        language.pick("Amount requested: 30000000, 3천만, 0.3억.", "신청 금액: 30000000, 3천만, 0.3억.")))
    var amount: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "The co-funding (자부담) the company plans; none clears it.", "기업이 계획한 자부담 금액; none이면 없앱니다.")
      ))
    var cofunding: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "The visit difficulty the request answers, VISIT:N (N counts the visit's difficulties from 1); none clears it.",
          "신청이 해결하려는 방문 애로사항, 방문번호:N (N은 그 방문의 애로사항 순번, 1부터); none이면 없앱니다.")))
    var difficulty: String?

    func apply(to request: inout SupportRequest) throws {
      var problems = FieldProblems()
      if let title { request.title = title }
      if let amount {
        try problems.attempt {
          request.requestedKRW = try SupportInput.amount(amount, field: "amount")
        }
      }
      if let cofunding {
        try problems.attempt {
          request.cofundingKRW = try SupportInput.amountOrNone(cofunding, field: "cofunding")
        }
      }
      if let difficulty {
        try problems.attempt {
          request.difficulty =
            SupportInput.isNone(difficulty) ? nil : try SupportInput.difficulty(difficulty)
        }
      }
      try problems.check()
    }
  }

  /// Warnings a reviewer should see about a request just entered or edited: 중복지원, and a planned
  /// co-funding below the program's share.
  static func printFlags(_ workspace: Workspace, _ request: SupportRequest) throws {
    for warning in try workspace.intakeWarnings(request, language) { printError(warning) }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: language.pick(
        "Enter a request a member brings in: pending (submitted today or on --submitted), or a draft.",
        "회원이 낸 지원신청을 접수합니다: 심사대기(오늘 또는 --submitted 날짜에 제출) 또는 작성중(--draft)."))

    @OptionGroup var location: WorkspaceLocation
    @Option(
      help: ArgumentHelp(
        language.pick(
          "The member: id, business number or (part of) the name.", "회원: 번호, 사업자등록번호 또는 이름(일부).")))
    var member: String?
    @Option(help: ArgumentHelp(language.pick("The program: number or name.", "지원사업: 번호 또는 이름.")))
    var program: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "The program's year, when several years share the name.", "여러 연도에 같은 이름이 있을 때 연도.")))
    var year: String?
    @OptionGroup var fields: Fields
    @Option(
      help: ArgumentHelp(
        language.pick("When it was submitted (default: today).", "제출일 (기본값: 오늘).")))
    var submitted: String?
    @Flag(
      help: ArgumentHelp(
        language.pick("Keep it as a draft, not yet submitted.", "제출하지 않은 작성중 신청으로 둡니다.")))
    var draft = false

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let l = language
        var missing: [FieldError] = []
        if member == nil { missing.append(FieldError(field: "member", problem: .required)) }
        if program == nil { missing.append(FieldError(field: "program", problem: .required)) }
        if fields.title == nil {
          missing.append(FieldError(field: "projectTitle", problem: .required))
        }
        if fields.amount == nil { missing.append(FieldError(field: "amount", problem: .required)) }
        if draft, let submitted {
          missing.append(
            FieldError(
              field: "submitted",
              problem: .other(
                english: "cannot go with --draft: a draft is not submitted yet",
                korean: "--draft와 함께 쓸 수 없습니다: 작성중 신청은 아직 제출되지 않았습니다"), value: submitted))
        }
        if !missing.isEmpty { throw ValidationError(missing) }
        let found = try workspace.findMember(member!)
        let target = try workspace.findProgram(
          program!, year: try year.map { try SupportInput.year($0) })
        var request = SupportRequest(
          memberId: found.id, programId: target.id, title: "", requestedKRW: 0,
          submitted: try submitted.map { try parseDay($0, field: "submitted") }
            ?? (draft ? nil : today),
          status: draft ? .draft : .pending)
        try fields.apply(to: &request)
        let saved = try about(
          "New request of \(found.name) to \(Document.programName(target))",
          "\(found.name)의 \(Document.programName(target)) 새 신청"
        ) { try workspace.addRequest(request, today: today) }
        print(
          l.pick(
            "Added request #\(saved.id) (\(saved.status.english)) of \(found.name) to \(Document.programName(target)) for \(Money.format(saved.requestedKRW)).",
            "\(found.name)의 \(Document.programName(target)) 신청 #\(saved.id)(\(saved.status.korean), \(Money.format(saved.requestedKRW)))\(Particle.object.after(saved.id)) 접수했습니다."
          ))
        try RequestsCommand.printFlags(workspace, saved)
      }
    }
  }

  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit",
      abstract: language.pick(
        "Change a draft or pending request: title, amount, co-funding, program, difficulty, submission date.",
        "작성중이거나 심사대기인 신청을 고칩니다: 과제명, 금액, 자부담, 지원사업, 애로사항, 제출일."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: RequestsCommand.requestHelp) var request: String?
    @OptionGroup var fields: Fields
    @Option(
      help: ArgumentHelp(
        language.pick("Move it to this program (number or name).", "이 지원사업으로 옮깁니다 (번호 또는 이름).")))
    var program: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "The program's year, when several years share the name.", "여러 연도에 같은 이름이 있을 때 연도.")))
    var year: String?
    @Option(
      help: ArgumentHelp(language.pick("When a pending request was submitted.", "심사대기 신청의 제출일.")))
    var submitted: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let original = try RequestsCommand.load(workspace, request)
        var changed = original
        try fields.apply(to: &changed)
        if let program {
          changed.programId = try workspace.findProgram(
            program, year: try year.map { try SupportInput.year($0) }
          ).id
        }
        if let submitted { changed.submitted = try parseDay(submitted, field: "submitted") }
        let change = try RequestsCommand.step(original.id) {
          try workspace.updateRequest(changed, original: original, today: today)
        }
        print(
          language.pick("Saved request #\(original.id).", "신청 #\(original.id, .object) 저장했습니다."))
        if change.after.programId != change.before.programId
          || change.after.cofundingKRW != change.before.cofundingKRW
          || change.after.requestedKRW != change.before.requestedKRW
        {
          try RequestsCommand.printFlags(workspace, change.after)
        }
      }
    }
  }

  /// A step that changes a request's status, printed as one sentence when done.
  static func decide(
    _ location: WorkspaceLocation, _ request: String?,
    _ decision: (SupportRequest) throws -> RequestDecision,
    done: (RequestChange) -> String
  ) throws {
    try reporting {
      let workspace = try location.open()
      let current = try load(workspace, request)
      let change = try step(current.id) {
        try workspace.decide(
          requestId: current.id, try decision(current), on: today, expected: current)
      }
      print(done(change))
    }
  }

  struct Submit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "submit",
      abstract: language.pick(
        "Submit a draft: it becomes pending, within the program's application window.",
        "작성중 신청을 제출합니다: 접수기간 안에서 심사대기가 됩니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: RequestsCommand.requestHelp) var request: String?
    @Option(help: RequestsCommand.dateHelp) var date: String?

    func run() throws {
      try RequestsCommand.decide(
        location, request, { _ in .submit(date: try date.map { try parseDay($0, field: "date") }) }
      ) {
        language.pick(
          "Submitted request #\($0.after.id) on \($0.after.submitted.text); it is pending.",
          "신청 #\($0.after.id, .object) \($0.after.submitted.text)에 제출했습니다 (심사대기).")
      }
    }
  }

  struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "withdraw",
      abstract: language.pick(
        "Withdraw a request that has no agreement yet; a reason is required.",
        "협약 전인 신청을 철회합니다; 사유가 필요합니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: RequestsCommand.requestHelp) var request: String?
    @Option(help: ArgumentHelp(language.pick("Why (required).", "철회 사유 (필수).")))
    var reason: String?

    func run() throws {
      try RequestsCommand.decide(
        location, request, { _ in .withdraw(reason: try SupportInput.required(reason, "reason")) }
      ) {
        language.pick("Withdrew request #\($0.after.id).", "신청 #\($0.after.id, .object) 철회했습니다.")
      }
    }
  }

  struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "approve",
      abstract: language.pick(
        "Approve a pending request (refused past the program's remaining budget or the member's yearly cap unless --override is given).",
        "심사대기 중인 지원신청을 승인합니다 (지원사업 잔액이나 기업당 연간 한도를 넘으면 --override 없이는 승인되지 않습니다).")
    )

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: RequestsCommand.requestHelp) var request: String?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        language.pick(
          "The approved amount (default: the requested amount): 30000000, 3천만, 0.3억.",
          "승인 금액 (기본값: 신청 금액): 30000000, 3천만, 0.3억.")))
    var amount: String?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        language.pick(
          "Approve past the remaining budget or the member's cap, for this reason.",
          "이 사유로 잔여 예산이나 기업당 한도를 넘겨 승인합니다.")))
    var override: String?

    func run() throws {
      try RequestsCommand.decide(
        location, request,
        { r in
          .approve(
            amount: try amount.map { try SupportInput.amount($0, field: "amount") }
              ?? r.requestedKRW,
            overrideReason: override)
        }
      ) {
        language.pick(
          "Approved request #\($0.after.id) for \(Money.format($0.after.approvedKRW ?? 0)).",
          "신청 #\($0.after.id, .object) \(Money.format($0.after.approvedKRW ?? 0))으로 승인했습니다.")
      }
    }
  }

  struct Reject: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reject",
      abstract: language.pick(
        "Reject a pending request; a reason is required.", "심사대기 중인 지원신청을 반려합니다; 사유가 필요합니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: RequestsCommand.requestHelp) var request: String?
    @Option(help: ArgumentHelp(language.pick("Why (required).", "반려 사유 (필수).")))
    var reason: String?

    func run() throws {
      try RequestsCommand.decide(
        location, request, { _ in .reject(reason: try SupportInput.required(reason, "reason")) }
      ) {
        language.pick("Rejected request #\($0.after.id).", "신청 #\($0.after.id, .object) 반려했습니다.")
      }
    }
  }

  struct AskChanges: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "ask-changes",
      abstract: language.pick(
        "Send a pending request back to its member as a draft, saying what to change.",
        "심사대기 중인 지원신청을 작성중 상태로 회원에게 돌려보내고 보완할 내용을 알립니다 (보완 요청)."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: RequestsCommand.requestHelp) var request: String?
    @Option(help: ArgumentHelp(language.pick("What to change (required).", "보완할 내용 (필수).")))
    var reason: String?

    func run() throws {
      try RequestsCommand.decide(
        location, request,
        { _ in .askForChanges(reason: try SupportInput.required(reason, "reason")) }
      ) {
        language.pick(
          "Asked for changes to request #\($0.after.id).", "신청 #\($0.after.id)에 보완을 요청했습니다.")
      }
    }
  }

  struct Agree: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "agree",
      abstract: language.pick(
        "Record the agreement (협약) of an approved request with the company's co-funding (refused below the program's share unless --override is given).",
        "승인된 신청의 협약을 기업 자부담과 함께 기록합니다 (지원사업의 자부담 비율에 못 미치면 --override 없이는 기록되지 않습니다)."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: RequestsCommand.requestHelp) var request: String?
    @Option(
      help: ArgumentHelp(
        language.pick("The company's co-funding (자부담) in the agreement.", "협약서의 기업 자부담 금액.")))
    var cofunding: String?
    @Option(help: RequestsCommand.dateHelp) var date: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "Accept a co-funding below the share, for this reason.", "이 사유로 자부담 비율 미달을 받아들입니다.")))
    var override: String?

    func run() throws {
      try RequestsCommand.decide(
        location, request,
        { _ in
          .agree(
            cofunding: try SupportInput.amount(
              try SupportInput.required(cofunding, "cofunding"), field: "cofunding"),
            date: try date.map { try parseDay($0, field: "date") }, overrideReason: override)
        }
      ) {
        language.pick(
          "Agreement of request #\($0.after.id) recorded on \($0.after.agreement!.date): co-funding \(Money.format($0.after.agreement!.cofundingKRW)).",
          "신청 #\($0.after.id)의 협약을 \($0.after.agreement!.date, .direction) 기록했습니다: 자부담 \(Money.format($0.after.agreement!.cofundingKRW))."
        )
      }
    }
  }

  struct Disburse: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "disburse",
      abstract: language.pick(
        "Pay an instalment (교부) of an agreed request; the instalments never add up to more than the approved amount.",
        "협약된 신청에 교부합니다; 교부액 합계는 승인액을 넘을 수 없습니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: RequestsCommand.requestHelp) var request: String?
    @Argument(
      help: ArgumentHelp(language.pick("The amount paid: 30000000, 3천만.", "교부 금액: 30000000, 3천만.")))
    var amount: String?
    @Option(help: RequestsCommand.dateHelp) var date: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let l = language
        let current = try RequestsCommand.load(workspace, request)
        let change = try RequestsCommand.step(current.id) {
          try workspace.disburse(
            requestId: current.id,
            amount: try SupportInput.amount(
              try SupportInput.required(amount, "amount"), field: "amount"),
            date: try date.map { try parseDay($0, field: "date") }, on: today, expected: current)
        }
        let paid = try workspace.instalments(requestId: current.id)
        let total = paid.map(\.amountKRW).reduce(0, +)
        let approved = current.approvedKRW ?? 0
        let instalment = change.instalment!
        print(
          l.pick(
            "Instalment \(paid.count) of request #\(current.id): \(Money.format(instalment.amountKRW)) on \(instalment.date); \(Money.format(total)) of \(Money.format(approved)) paid, \(Money.format(approved - total)) left.",
            "신청 #\(current.id) \(paid.count)차 교부: \(instalment.date) \(Money.format(instalment.amountKRW)); 승인액 \(Money.format(approved)) 중 \(Money.format(total)) 교부, 남은 금액 \(Money.format(approved - total))."
          ))
      }
    }
  }

  struct Settle: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "settle",
      abstract: language.pick(
        "Settle an agreed request against its final report (정산), which completes it: returned = paid − spent + disallowed.",
        "결과보고에 따라 협약된 신청을 정산하고 완료합니다: 반환액 = 교부액 − 집행액 + 불인정액."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: RequestsCommand.requestHelp) var request: String?
    @Option(
      help: ArgumentHelp(
        language.pick("What the company spent of the support paid out.", "교부받은 지원금 중 기업이 집행한 금액.")))
    var spent: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "The part of the spending not allowed (불인정; default 0).", "집행액 중 인정되지 않은 금액 (불인정; 기본값 0)."
        )))
    var disallowed: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "What is returned (반환); checked against the others when given, else worked out.",
          "반환액; 입력하면 다른 금액과 맞는지 확인하고, 없으면 계산합니다.")))
    var returned: String?
    @Option(
      help: ArgumentHelp(
        language.pick("The date of the final report (default: today).", "결과보고일 (기본값: 오늘).")))
    var reportDate: String?

    func run() throws {
      try RequestsCommand.decide(
        location, request,
        { _ in
          .settle(
            spent: try SupportInput.amount(
              try SupportInput.required(spent, "spent"), field: "spent"),
            disallowed: try disallowed.map { try SupportInput.amount($0, field: "disallowed") }
              ?? 0,
            returned: try returned.map { try SupportInput.amount($0, field: "returned") },
            reportDate: try reportDate.map { try parseDay($0, field: "reportDate") })
        }
      ) {
        let s = $0.after.settlement!
        return language.pick(
          "Settled request #\($0.after.id): spent \(Money.format(s.spentKRW)), disallowed \(Money.format(s.disallowedKRW)), returned \(Money.format(s.returnedKRW)); the support comes to \(Money.format(s.finalKRW)).",
          "신청 #\($0.after.id, .object) 정산했습니다: 집행 \(Money.format(s.spentKRW)), 불인정 \(Money.format(s.disallowedKRW)), 반환 \(Money.format(s.returnedKRW)); 확정 지원액 \(Money.format(s.finalKRW))."
        )
      }
    }
  }
}

struct Audit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: language.pick(
      "List the audit log of every change to support requests (it cannot be edited).",
      "지원신청의 모든 변경에 대한 감사 기록을 보여 줍니다 (수정할 수 없습니다)."),
    discussion: language.pick(
      """
      Each entry is chained to the one before by a hash. --verify recomputes the chain and \
      checks every request against its history; it names the first entry that does not fit and \
      exits with status 1. It prints a fingerprint of the last entry: kept somewhere else (the \
      annual report, an e-mail), it shows later that the history up to that entry was not \
      rewritten, even by someone who recomputed the chain.
      """,
      """
      감사 기록의 각 항목은 해시로 앞 항목과 이어져 있습니다. --verify는 이 체인을 다시 계산하고 모든 \
      지원신청을 그 이력과 대조합니다. 맞지 않는 첫 항목을 알려 주고 상태 코드 1로 끝납니다. 마지막 항목의 \
      지문(fingerprint)도 보여 줍니다. 이를 워크스페이스 밖(실적보고, 이메일 등)에 남겨 두면, 누군가 \
      체인을 다시 계산했더라도 그 항목까지의 이력이 바뀌지 않았음을 나중에 확인할 수 있습니다.
      """))

  @OptionGroup var location: WorkspaceLocation
  @OptionGroup var output: OutputOptions
  @Option(help: ArgumentHelp(language.pick("Only this request.", "이 지원신청만.")))
  var request: String?
  @Flag(
    help: ArgumentHelp(
      language.pick(
        "Check that the log's hash chain is unbroken and every request agrees with its history.",
        "감사 기록의 해시 체인이 끊기지 않았는지, 모든 지원신청이 이력과 맞는지 확인합니다.")))
  var verify = false
  @Option(
    help: ArgumentHelp(
      language.pick(
        "With --verify: an entry and the fingerprint kept for it earlier, as ID:FINGERPRINT.",
        "--verify와 함께: 예전에 적어 둔 항목 번호와 지문, ID:지문 형식.")))
  var expect: String?

  func run() throws {
    try reporting {
      let workspace = try location.open()
      let l = language
      if verify {
        var kept: (id: Int64, fingerprint: String)?
        if let expect {
          let parts = expect.split(separator: ":", maxSplits: 1).map(String.init)
          guard parts.count == 2, let id = Int64(parts[0].trimmingCharacters(in: ["#", " "]))
          else {
            throw FieldError(
              field: "expect", problem: .invalidFormat(expected: "239:3f2a-9c01-77be-d4e8"),
              value: expect)
          }
          kept = (id, parts[1])
        }
        let result = try workspace.verifyAuditChain(kept: kept)
        guard let lastId = result.lastId, let hash = result.lastHash else {
          print(l.pick("The audit log is empty.", "감사 기록이 비어 있습니다."))
          return
        }
        let fingerprint = AuditChain.fingerprint(hash)
        print(
          l.pick(
            "The audit log's \(result.entries) entries fit together and agree with every request.",
            "감사 기록 \(result.entries)건이 모두 이어지고 모든 지원신청과 맞습니다."))
        if let kept {
          print(
            l.pick(
              "Entry #\(kept.id) still has the fingerprint kept for it.",
              "#\(kept.id) 항목의 지문이 적어 둔 것과 같습니다."))
        }
        print(
          l.pick(
            "Fingerprint of the last entry: \(lastId):\(fingerprint) (keep it elsewhere; later, audit --verify --expect \(lastId):\(fingerprint) checks it).",
            "마지막 항목의 지문: \(lastId):\(fingerprint) (다른 곳에 적어 두면 나중에 audit --verify --expect \(lastId):\(fingerprint)로 확인할 수 있습니다)."
          ))
        return
      }
      let id = try request.map { try SupportInput.requestNumber($0) }
      try Listing(
        sheet: l.pick("Audit log", "감사 기록"),
        columns: [
          .init(.at, l),
          .init(.actor, l),
          .init(.request, l, alignRight: true),
          .init(.auditField, l, key: "field"),
          .init(.before, l),
          .init(.after, l),
        ],
        rows: try workspace.auditLog(requestId: id, limit: Int.max).map {
          [
            .instant($0.at), .text($0.actor), .text($0.requestId.map { "#\($0)" } ?? ""),
            .text($0.field),
            .text($0.before), .text($0.after),
          ]
        }
      ).print(output)
    }
  }
}

import ArgumentParser
import ClusterKit
import Foundation

struct RequestsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "requests",
    abstract: language.pick("Support requests and decisions on them.", "지원신청과 승인·반려 처리."),
    subcommands: [List.self, Show.self, Approve.self, Reject.self, AskChanges.self],
    defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: language.pick(
        "List support requests; the pending queue (oldest first) with --status pending.",
        "지원신청 목록을 보여 줍니다; --status pending이면 심사대기 목록(오래된 순)."))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var output: OutputOptions
    @Option(
      help: ArgumentHelp(
        language.pick(
          "draft, pending, approved, rejected, withdrawn or completed.",
          "작성중, 심사대기, 승인, 반려, 철회 또는 완료 (draft, pending, approved, rejected, withdrawn, completed).")
      )) var status: String?
    @Option(
      help: ArgumentHelp(
        language.pick("Only this program (name or number).", "이 지원사업만 (이름 또는 번호).")))
    var program: String?
    @Option(help: ArgumentHelp(language.pick("Only programs of this year.", "이 연도의 지원사업만.")))
    var year: Int?
    @Option(help: ArgumentHelp(language.pick("Only this member.", "이 회원만.")))
    var member: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let l = language
        var filter = RequestFilter(year: year)
        if let status {
          filter.status = try MemberRules.parse(status, as: RequestStatus.self, field: "status")
        }
        if let program { filter.programId = try workspace.findProgram(program, year: year).id }
        if let member { filter.memberId = try workspace.findMember(member).id }
        let rows = try workspace.requestRows(filter, limit: Int.max)
        try Listing(
          sheet: l.pick("Requests", "지원신청"),
          columns: [
            .init(key: "id", title: "#", alignRight: true),
            .init(key: "submitted", title: l.pick("Submitted", "신청일")),
            .init(key: "waiting", title: l.pick("Days", "대기일"), alignRight: true),
            .init(key: "status", title: l.pick("Status", "상태")),
            .init(key: "member", title: l.pick("Member", "회원")),
            .init(key: "program", title: l.pick("Program", "지원사업")),
            .init(key: "title", title: l.pick("Title", "과제명")),
            .init(key: "requestedKRW", title: l.pick("Requested", "신청액"), alignRight: true),
            .init(key: "approvedKRW", title: l.pick("Approved", "승인액"), alignRight: true),
          ],
          rows: rows.map {
            [
              .number($0.id), .date($0.submitted),
              .number($0.status == .pending ? $0.submitted.map { $0.days(until: today) } : nil),
              .text($0.status.label(l)), .text($0.memberName), .text($0.programName),
              .text($0.title), .won($0.requestedKRW), .won($0.approvedKRW),
            ]
          }
        ).print(output)
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: language.pick(
        "Show a request, the member's support history, the program's budget and the audit log.",
        "지원신청 한 건과 그 회원의 지원 이력, 지원사업 예산, 감사 기록을 보여 줍니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: ArgumentHelp(language.pick("The request's number.", "지원신청 번호.")))
    var request: Int64

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let l = language
        guard let r = try workspace.request(id: request) else {
          throw WorkspaceError.recordNotFound(kind: "request", reference: "#\(request)")
        }
        let member = try workspace.member(id: r.memberId)!
        let budget = try workspace.budget(programId: r.programId)
        print("#\(r.id)  \(r.title)")
        print("  \(l.pick("Member", "회원")): \(member.name)")
        print("  \(l.pick("Program", "지원사업")): \(budget.program.name) (\(budget.program.year))")
        print("  \(l.pick("Status", "상태")): \(r.status.label(l))")
        print("  \(l.pick("Requested", "신청액")): \(Money.format(r.requestedKRW))")
        if let approved = r.approvedKRW {
          print("  \(l.pick("Approved", "승인액")): \(Money.format(approved))")
        }
        print("  \(l.pick("Submitted", "신청일")): \(r.submitted.text)")
        if let decided = r.decided {
          print("  \(l.pick("Decided", "결정일")): \(decided) \(r.reviewer)")
        }
        if !r.reason.isEmpty { print("  \(l.pick("Reason", "사유")): \(r.reason)") }
        print(
          l.pick("Budget", "예산") + ": \(Money.compact(budget.program.budgetKRW))  "
            + l.pick("approved", "승인") + " \(Money.compact(budget.approvedKRW))  "
            + l.pick("pending", "심사중") + " \(Money.compact(budget.pendingKRW))  "
            + l.pick("remaining", "잔액") + " \(Money.compact(budget.remainingKRW))")
        let history = try workspace.requestRows(RequestFilter(memberId: r.memberId), limit: 100)
        if history.count > 1 {
          print(l.pick("Support history of \(member.name)", "\(member.name)의 지원 이력"))
          for h in history where h.id != r.id {
            print(
              "  #\(h.id)  \(h.submitted.text)  \(h.status.label(l))  \(Money.compact(h.approvedKRW ?? h.requestedKRW))  \(h.programName): \(h.title)"
            )
          }
        }
        let audit = try workspace.auditLog(requestId: r.id)
        if !audit.isEmpty {
          print(l.pick("Audit log", "변경 기록"))
          for e in audit { print("  \(e.at)  \(e.actor)  \(e.field): \(e.before) → \(e.after)") }
        }
      }
    }
  }

  struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: language.pick(
        "Approve a pending request (refused over the program's remaining budget unless --override is given).",
        "심사대기 중인 지원신청을 승인합니다 (지원사업 잔여 예산을 넘으면 --override 없이는 승인되지 않습니다).")
    )

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: ArgumentHelp(language.pick("The request's number.", "지원신청 번호.")))
    var request: Int64
    @Option(
      help: ArgumentHelp(
        language.pick(
          "The approved amount (default: the requested amount): 30000000, 3천만, 0.3억.",
          "승인 금액 (기본값: 신청 금액): 30000000, 3천만, 0.3억.")))
    var amount: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "Approve over the remaining budget, for this reason.", "이 사유로 잔여 예산을 넘겨 승인합니다.")))
    var override: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        guard let r = try workspace.request(id: request) else {
          throw WorkspaceError.recordNotFound(kind: "request", reference: "#\(request)")
        }
        let value = try amount.map { try Money.parse($0) } ?? r.requestedKRW
        let change = try workspace.decide(
          requestId: request, .approve(amount: value, overrideReason: override), on: today)
        print(
          language.pick(
            "Approved request #\(request) for \(Money.format(change.after.approvedKRW ?? 0)).",
            "신청 #\(request)을(를) \(Money.format(change.after.approvedKRW ?? 0))으로 승인했습니다."))
      }
    }
  }

  struct Reject: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: language.pick(
        "Reject a pending request; a reason is required.", "심사대기 중인 지원신청을 반려합니다; 사유가 필요합니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(help: ArgumentHelp(language.pick("The request's number.", "지원신청 번호.")))
    var request: Int64
    @Option(help: ArgumentHelp(language.pick("Why (required).", "반려 사유 (필수).")))
    var reason: String

    func run() throws {
      try reporting {
        let workspace = try location.open()
        try workspace.decide(requestId: request, .reject(reason: reason), on: today)
        print(language.pick("Rejected request #\(request).", "신청 #\(request)을(를) 반려했습니다."))
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
    @Argument(help: ArgumentHelp(language.pick("The request's number.", "지원신청 번호.")))
    var request: Int64
    @Option(help: ArgumentHelp(language.pick("What to change (required).", "보완할 내용 (필수).")))
    var reason: String

    func run() throws {
      try reporting {
        let workspace = try location.open()
        try workspace.decide(requestId: request, .askForChanges(reason: reason), on: today)
        print(
          language.pick("Asked for changes to request #\(request).", "신청 #\(request)에 보완을 요청했습니다."))
      }
    }
  }
}

struct Audit: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: language.pick(
      "List the audit log of support-request decisions (it cannot be edited).",
      "지원신청 처리의 감사 기록을 보여 줍니다 (수정할 수 없습니다)."))

  @OptionGroup var location: WorkspaceLocation
  @OptionGroup var output: OutputOptions
  @Option(help: ArgumentHelp(language.pick("Only this request.", "이 지원신청만.")))
  var request: Int64?

  func run() throws {
    try reporting {
      let workspace = try location.open()
      let l = language
      try Listing(
        sheet: l.pick("Audit log", "감사 기록"),
        columns: [
          .init(key: "at", title: l.pick("When", "일시")),
          .init(key: "actor", title: l.pick("Who", "누가")),
          .init(key: "request", title: l.pick("Request", "신청"), alignRight: true),
          .init(key: "field", title: l.pick("Field", "항목")),
          .init(key: "before", title: l.pick("Before", "이전")),
          .init(key: "after", title: l.pick("After", "이후")),
        ],
        rows: try workspace.auditLog(requestId: request, limit: Int.max).map {
          [
            .instant($0.at), .text($0.actor), .text("#\($0.requestId)"), .text($0.field),
            .text($0.before), .text($0.after),
          ]
        }
      ).print(output)
    }
  }
}

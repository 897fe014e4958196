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
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(language.pick("Only programs of this year.", "이 연도의 지원사업만.")))
    var year: Int?
    @Option(help: ArgumentHelp(language.pick("Only this member.", "이 회원만.")))
    var member: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let l = language
        var filter = RequestFilter(year: try checkedYear(year))
        if let status {
          filter.status = try MemberRules.parse(status, as: RequestStatus.self, field: "status")
        }
        if let program { filter.programId = try workspace.findProgram(program, year: year).id }
        if let member { filter.memberId = try workspace.findMember(member).id }
        let rows = try workspace.requestRows(filter, limit: Int.max)
        Listing(
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
              String($0.id), $0.submitted.text,
              $0.status == .pending
                ? ($0.submitted.map { String($0.days(until: today)) } ?? "") : "",
              $0.status.label(l), $0.memberName, $0.programName, $0.title,
              output.format == .table ? Money.grouped($0.requestedKRW) : String($0.requestedKRW),
              $0.approvedKRW.map { output.format == .table ? Money.grouped($0) : String($0) } ?? "",
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
    @Option(
      parsing: .unconditional, help: ArgumentHelp(language.pick("Why (required).", "반려 사유 (필수).")))
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
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(language.pick("What to change (required).", "보완할 내용 (필수).")))
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
      "지원신청 처리의 감사 기록을 보여 줍니다 (수정할 수 없습니다)."),
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
  var request: Int64?
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
      Listing(
        columns: [
          .init(key: "at", title: l.pick("When", "일시")),
          .init(key: "actor", title: l.pick("Who", "누가")),
          .init(key: "request", title: l.pick("Request", "신청"), alignRight: true),
          .init(key: "field", title: l.pick("Field", "항목")),
          .init(key: "before", title: l.pick("Before", "이전")),
          .init(key: "after", title: l.pick("After", "이후")),
        ],
        rows: try workspace.auditLog(requestId: request, limit: Int.max).map {
          [$0.at, $0.actor, "#\($0.requestId)", $0.field, $0.before, $0.after]
        }
      ).print(output)
    }
  }
}

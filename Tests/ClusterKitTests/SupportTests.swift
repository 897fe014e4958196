import Foundation
import GRDB
import Testing

@testable import ClusterKit

/// A workspace with two companies and one 2026 program, and shortcuts that take a request
/// through its steps the way a manager does.
struct SupportFixture {
  static let today = Day(year: 2026, month: 11, day: 26)!
  static func day(_ text: String) -> Day { Day(parsing: text)! }

  let temp: TemporaryWorkspace
  let yushin: Member
  let hanbit: Member
  let program: Program
  var w: Workspace { temp.workspace }

  init(
    _ program: Program = Program(
      year: 2026, name: "시제품제작", category: .technology, budgetKRW: 100_000_000,
      cofundingPercent: 20)
  ) throws {
    temp = try TemporaryWorkspace()
    yushin = try temp.member("(주)유신테크")
    hanbit = try temp.member("㈜ 한빛정밀")
    self.program = try temp.workspace.addProgram(program)
  }

  @discardableResult
  func pending(
    _ member: Member? = nil, _ amount: KRW, title: String = "센서 모듈 시제품", program: Program? = nil,
    submitted: Day = day("2026-10-01")
  ) throws -> SupportRequest {
    try w.addRequest(
      SupportRequest(
        memberId: (member ?? yushin).id, programId: (program ?? self.program).id, title: title,
        requestedKRW: amount, submitted: submitted, status: .pending), today: Self.today)
  }

  /// `body` as one recorded change, as the dashboard makes every change.
  func recorded<T>(_ body: () throws -> T) throws -> (T, RecordedChange) {
    let (value, change) = try w.recording(.dashboard, ChangeLabel("change", "변경")) {
      try body()
    }
    return (value, try #require(change))
  }

  @discardableResult
  func approved(_ member: Member? = nil, _ amount: KRW, program: Program? = nil) throws
    -> SupportRequest
  {
    let r = try pending(member, amount, program: program)
    return try w.decide(
      requestId: r.id, .approve(amount: amount, overrideReason: nil), on: Self.day("2026-10-15")
    ).after
  }

  @discardableResult
  func agreed(_ member: Member? = nil, _ amount: KRW, cofunding: KRW? = nil) throws
    -> SupportRequest
  {
    let r = try approved(member, amount)
    return try w.decide(
      requestId: r.id,
      .agree(
        cofunding: cofunding ?? program.minimumCofunding(for: amount),
        date: Self.day("2026-10-20"), overrideReason: nil), on: Self.today
    ).after
  }

  func pay(_ request: SupportRequest, _ amount: KRW, on date: String = "2026-11-02") throws {
    try w.disburse(requestId: request.id, amount: amount, date: Self.day(date), on: Self.today)
  }

  @discardableResult
  func settle(
    _ request: SupportRequest, spent: KRW, disallowed: KRW = 0, returned: KRW? = nil
  ) throws -> SupportRequest {
    try w.decide(
      requestId: request.id,
      .settle(spent: spent, disallowed: disallowed, returned: returned, reportDate: Self.today),
      on: Self.today
    ).after
  }

  var figures: ProgramFigures { get throws { try w.programFigures(id: program.id) } }
}

@Suite struct CofundingShareTests {
  @Test func theShareIsOfTheTotalProjectCost() {
    // 20%: 8,000만원 of support needs 2,000만원 from the company (2,000 of 1억 is 20%).
    #expect(SupportRules.minimumCofunding(support: 80_000_000, percent: 20) == 20_000_000)
    #expect(SupportRules.minimumCofunding(support: 30_000_000, percent: 25) == 10_000_000)
    // Rounded up to the won: 25% of a project with 1,000만원 support is 3,333,333.33…원.
    #expect(SupportRules.minimumCofunding(support: 10_000_000, percent: 25) == 3_333_334)
    let share = Double(3_333_334) / Double(10_000_000 + 3_333_334)
    #expect(share >= 0.25)
    #expect(Double(3_333_333) / Double(10_000_000 + 3_333_333) < 0.25)
    #expect(SupportRules.minimumCofunding(support: 80_000_000, percent: 0) == 0)
    #expect(SupportRules.minimumCofunding(support: 1_000_000, percent: 99) == 99_000_000)
    #expect(SupportRules.minimumCofunding(support: .max, percent: 50) == .max)
  }

  @Test func agreementBelowTheShareNeedsAReason() throws {
    let f = try SupportFixture()
    let request = try f.approved(nil, 80_000_000)
    let agree = { (cofunding: KRW, reason: String?) in
      try f.w.decide(
        requestId: request.id, .agree(cofunding: cofunding, date: nil, overrideReason: reason),
        on: SupportFixture.today)
    }
    #expect(
      throws: WorkspaceError.cofundingBelowShare(
        request: request.id, program: "시제품제작", percent: 20, support: 80_000_000,
        cofunding: 19_999_999, minimum: 20_000_000)
    ) { try agree(19_999_999, nil) }
    #expect(throws: WorkspaceError.self) { try agree(19_999_999, "  ") }
    #expect(try f.w.request(id: request.id)?.status == .approved)
    let (change, recorded) = try f.recorded { try agree(15_000_000, "현물 출자분 별도 인정") }
    #expect(change.after.status == .agreed)
    #expect(
      change.after.agreement
        == Agreement(
          date: SupportFixture.today, cofundingKRW: 15_000_000, overrideReason: "현물 출자분 별도 인정"))
    try f.w.undoChange(id: recorded.id)
    // At the share exactly no reason is needed, and none is kept.
    let exact = try agree(20_000_000, "필요 없는 사유")
    #expect(exact.after.agreement?.overrideReason == "")
  }
}

@Suite struct ProgramTests {
  @Test func termsAreChecked() throws {
    let f = try SupportFixture()
    let bad = Program(
      year: 1999, name: "  ", category: .management, budgetKRW: -1, cofundingPercent: 100,
      memberCapKRW: 0, memberCapCount: 0, opens: SupportFixture.day("2026-05-01"),
      closes: SupportFixture.day("2026-04-30"))
    let error = #expect(throws: ValidationError.self) { try f.w.addProgram(bad) }
    #expect(
      error?.errors.map(\.field)
        == [
          "programName", "year", "budget", "cofundingShare", "memberCap", "memberCapCount",
          "closes",
        ])
    let twice = #expect(throws: ValidationError.self) {
      try f.w.addProgram(
        Program(year: 2026, name: "시제품제작", category: .technology, budgetKRW: 1))
    }
    #expect(twice?.errors.first?.problem == .duplicate(of: "#1 시제품제작 (2026)"))
    // The same name in another year is another program.
    #expect(
      try f.w.addProgram(Program(year: 2027, name: "시제품제작", category: .technology, budgetKRW: 1)).id
        == 2)
  }

  @Test func programsAreFoundByNumberNameOrPartOfTheName() throws {
    let f = try SupportFixture()
    let next = try f.w.addProgram(
      Program(year: 2027, name: "시제품제작", category: .technology, budgetKRW: 1))
    let other = try f.w.addProgram(
      Program(year: 2026, name: "해외규격인증", category: .technology, budgetKRW: 1))
    #expect(try f.w.findProgram("#\(next.id)") == next)
    #expect(try f.w.findProgram(String(next.id)) == next)
    #expect(try f.w.findProgram("시제품제작", year: 2026) == f.program)
    #expect(try f.w.findProgram("규격") == other)
    let ambiguous = #expect(throws: ValidationError.self) { try f.w.findProgram("시제품제작") }
    #expect(ambiguous?.message(.en).contains("#1 시제품제작 (2026), #2 시제품제작 (2027)") == true)
    #expect(ambiguous?.message(.ko).contains("번호나 --year") == true)
    let wrongYear = #expect(throws: ValidationError.self) {
      try f.w.findProgram("\(next.id)", year: 2026)
    }
    #expect(wrongYear?.message(.en).contains("is a program of 2027, not 2026") == true)
    #expect(throws: WorkspaceError.recordNotFound(kind: "program", reference: "'교육' (2026)")) {
      try f.w.findProgram("교육", year: 2026)
    }
  }

  @Test func budgetIsNeverLoweredBelowWhatIsCommitted() throws {
    let f = try SupportFixture()
    try f.approved(nil, 30_000_000)
    try f.pending(f.hanbit, 50_000_000)
    var lower = f.program
    lower.budgetKRW = 29_999_999
    #expect(
      throws: WorkspaceError.budgetBelowCommitted(
        program: "시제품제작", year: 2026, budget: 29_999_999, committed: 30_000_000)
    ) { try f.w.updateProgram(lower, original: f.program) }
    lower.budgetKRW = 30_000_000
    lower.memberCapCount = 1
    lower.year = 2030  // the year stays
    let saved = try f.w.updateProgram(lower, original: f.program)
    #expect(saved.budgetKRW == 30_000_000 && saved.year == 2026 && saved.memberCapCount == 1)
    #expect(try f.figures.remainingKRW == 0)
    // An edit made on a stale copy is refused.
    #expect(throws: WorkspaceError.conflict(kind: "program", reference: "#1")) {
      try f.w.updateProgram(f.program, original: f.program)
    }
  }

  @Test func copyingAYearScalesBudgetsAndMovesWindows() throws {
    let f = try SupportFixture(
      Program(
        year: 2026, name: "시험분석", category: .technology, budgetKRW: 60_000_000,
        cofundingPercent: 10, memberCapKRW: 15_000_000, opens: SupportFixture.day("2026-02-16"),
        closes: SupportFixture.day("2026-11-25"), note: "상반기·하반기 접수"))
    try f.w.addProgram(
      Program(year: 2026, name: "교육훈련", category: .training, budgetKRW: 33_333_333))
    try f.w.addProgram(
      Program(year: 2026, name: "공동마케팅", category: .marketing, budgetKRW: 70_000_000))
    try f.w.addProgram(
      Program(year: 2027, name: "공동마케팅", category: .marketing, budgetKRW: 80_000_000))
    let copy = try f.w.copyPrograms(from: 2026, to: 2027, budgetScale: Decimal(string: "1.05")!)
    #expect(copy.copied.map(\.name) == ["시험분석", "교육훈련"])
    #expect(copy.skipped.map(\.name) == ["공동마케팅"])
    // 60,000,000 × 1.05 = 63,000,000; 33,333,333 × 1.05 = 34,999,999.65 → 3,500만원.
    #expect(copy.copied.map(\.budgetKRW) == [63_000_000, 35_000_000])
    let test = try f.w.findProgram("시험분석", year: 2027)
    #expect(test.cofundingPercent == 10 && test.memberCapKRW == 15_000_000)
    #expect(test.opens == SupportFixture.day("2027-02-16"))
    #expect(test.closes == SupportFixture.day("2027-11-25"))
    #expect(test.note == "상반기·하반기 접수")
    #expect(try f.w.findProgram("공동마케팅", year: 2027).budgetKRW == 80_000_000)
    #expect(SupportFixture.day("2028-02-29").movingYears(by: 1) == SupportFixture.day("2029-02-28"))
    #expect(SupportRules.scaled(40_000_000, by: Decimal(string: "0.5")!) == 20_000_000)
    #expect(SupportRules.scaled(12_345, by: 1) == 10_000)
    // Copying again changes nothing.
    #expect(try f.w.copyPrograms(from: 2026, to: 2027).copied.isEmpty)
    for (from, to, scale) in [(2026, 2026, Decimal(1)), (2026, 2028, 0), (2026, 1999, 1)] {
      #expect(throws: ValidationError.self) {
        try f.w.copyPrograms(from: from, to: to, budgetScale: scale)
      }
    }
    #expect(throws: WorkspaceError.recordNotFound(kind: "program", reference: "of 2020")) {
      try f.w.copyPrograms(from: 2020, to: 2021)
    }
  }
}

@Suite struct RequestLifeTests {
  /// Every step, tried on a request in every status: it goes through exactly where the order
  /// of a support allows it, and elsewhere is refused leaving the request and its log as they
  /// were.
  @Test func everyStepIsAllowedOnlyInOrder() throws {
    let f = try SupportFixture(
      Program(year: 2026, name: "시제품제작", category: .technology, budgetKRW: 10_000_000_000))
    let today = SupportFixture.today
    func make(_ status: RequestStatus) throws -> SupportRequest {
      switch status {
      case .draft:
        return try f.w.addRequest(
          SupportRequest(
            memberId: f.yushin.id, programId: f.program.id, title: "초안", requestedKRW: 1_000_000))
      case .pending: return try f.pending(nil, 1_000_000)
      case .approved: return try f.approved(nil, 1_000_000)
      case .agreed: return try f.agreed(nil, 1_000_000)
      case .rejected:
        let r = try f.pending(nil, 1_000_000)
        return try f.w.decide(requestId: r.id, .reject(reason: "요건 미충족"), on: today).after
      case .withdrawn:
        let r = try f.pending(nil, 1_000_000)
        return try f.w.decide(requestId: r.id, .withdraw(reason: "기업 사정"), on: today).after
      case .completed:
        let r = try f.agreed(nil, 1_000_000)
        try f.pay(r, 1_000_000)
        return try f.settle(r, spent: 1_000_000)
      }
    }
    enum Step: CaseIterable {
      case submit, approve, reject, askForChanges, withdraw, agree, disburse, settle, edit
    }
    let allowed: [Step: Set<RequestStatus>] = [
      .submit: [.draft], .approve: [.pending], .reject: [.pending], .askForChanges: [.pending],
      .withdraw: [.draft, .pending, .approved], .agree: [.approved], .disburse: [.agreed],
      .settle: [.agreed], .edit: [.draft, .pending],
    ]
    for status in RequestStatus.allCases {
      for step in Step.allCases {
        let request = try make(status)
        #expect(request.status == status)
        let log = try f.w.auditLog(requestId: request.id)
        let result = Result {
          switch step {
          case .submit:
            try f.w.decide(
              requestId: request.id, .submit(date: nil), on: SupportFixture.day("2026-11-20"))
          case .approve:
            try f.w.decide(
              requestId: request.id, .approve(amount: 1_000_000, overrideReason: nil), on: today)
          case .reject: try f.w.decide(requestId: request.id, .reject(reason: "사유"), on: today)
          case .askForChanges:
            try f.w.decide(requestId: request.id, .askForChanges(reason: "견적서 보완"), on: today)
          case .withdraw: try f.w.decide(requestId: request.id, .withdraw(reason: "사유"), on: today)
          case .agree:
            try f.w.decide(
              requestId: request.id, .agree(cofunding: 0, date: nil, overrideReason: nil), on: today
            )
          case .disburse: try f.w.disburse(requestId: request.id, amount: 1, on: today)
          case .settle:
            try f.w.decide(
              requestId: request.id,
              .settle(spent: 0, disallowed: 0, returned: nil, reportDate: nil),
              on: today)
          case .edit:
            var changed = request
            changed.title = "고친 과제명"
            try f.w.updateRequest(changed, original: request, today: today)
          }
        }
        let after = try f.w.request(id: request.id)
        if allowed[step]!.contains(status) {
          #expect(throws: Never.self, "\(step) on \(status)") { try result.get() }
          #expect(try f.w.auditLog(requestId: request.id).count > log.count, "\(step) on \(status)")
        } else {
          #expect(after == request, "\(step) on \(status) changed the request")
          #expect(try f.w.auditLog(requestId: request.id) == log)
          switch result {
          case .failure(WorkspaceError.invalidTransition(let id, let from, _)):
            #expect(id == request.id && from == status)
          case .failure(WorkspaceError.stepNotAllowed(let id, let from, _)):
            #expect(id == request.id && from == status && (step == .disburse || step == .edit))
          default:
            Issue.record("\(step) on \(status): \(result)")
          }
        }
      }
    }
  }

  @Test func intakeChecksEverything() throws {
    let f = try SupportFixture(
      Program(
        year: 2027, name: "해외규격인증", category: .technology, budgetKRW: 100_000_000,
        opens: SupportFixture.day("2026-11-02"), closes: SupportFixture.day("2027-11-25")))
    let today = SupportFixture.today
    func add(_ r: SupportRequest) throws -> SupportRequest { try f.w.addRequest(r, today: today) }
    let base = SupportRequest(
      memberId: f.yushin.id, programId: f.program.id, title: "CE 인증", requestedKRW: 20_000_000,
      submitted: SupportFixture.day("2026-11-10"), status: .pending)
    var bad = base
    bad.title = " "
    bad.requestedKRW = 0
    bad.cofundingKRW = -1
    let fields = #expect(throws: ValidationError.self) { try add(bad) }
    #expect(fields?.errors.map(\.field) == ["projectTitle", "amount", "cofunding"])
    var draft = base
    draft.status = .draft
    #expect(throws: ValidationError.self) { try add(draft) }
    var future = base
    future.submitted = SupportFixture.day("2026-12-01")
    let late = #expect(throws: ValidationError.self) { try add(future) }
    #expect(
      late?.message(.en) == "submitted: must not be after today (2026-11-26) (got \"2026-12-01\")")
    var early = base
    early.submitted = SupportFixture.day("2026-10-30")
    #expect(
      throws: WorkspaceError.outsideWindow(
        program: "해외규격인증", year: 2027, day: SupportFixture.day("2026-10-30"),
        opens: SupportFixture.day("2026-11-02"), closes: SupportFixture.day("2027-11-25"))
    ) { try add(early) }
    var approvedAlready = base
    approvedAlready.status = .approved
    #expect(throws: ValidationError.self) { try add(approvedAlready) }
    var gone = base
    var left = f.yushin
    left.status = .left
    try f.w.updateMember(left, original: f.yushin)
    let leftError = #expect(throws: ValidationError.self) { try add(gone) }
    #expect(leftError?.message(.en).contains("member: has left the cluster") == true)
    gone.memberId = f.hanbit.id
    gone.programId = 99
    let missing = #expect(throws: ValidationError.self) { try add(gone) }
    #expect(missing?.errors.map(\.field) == ["program"])
    // A pending request without a date is submitted today; the creation is audited.
    var todays = base
    todays.memberId = f.hanbit.id
    todays.submitted = nil
    let saved = try add(todays)
    #expect(saved.submitted == today)
    let log = try f.w.auditLog(requestId: saved.id)
    #expect(
      log.map { [$0.field, $0.before, $0.after, $0.actor] } == [["status", "", "pending", "박매니저"]])
  }

  @Test func aRequestNamesTheDifficultyItAnswers() throws {
    let f = try SupportFixture()
    let visit = try f.w.addVisit(
      Visit(
        memberId: f.yushin.id, date: SupportFixture.day("2026-09-01"), visitor: "박매니저",
        purpose: .difficultySurvey,
        difficulties: [
          Difficulty(category: .funding, text: "운전자금 부족"),
          Difficulty(category: .technology, text: "시제품 금형 비용 부담"),
        ]))
    let other = try f.w.addVisit(
      Visit(
        memberId: f.hanbit.id, date: SupportFixture.day("2026-09-01"), visitor: "박매니저",
        purpose: .needsSurvey, difficulties: [Difficulty(category: .people, text: "인력 부족")]))
    func request(_ reference: DifficultyReference) -> SupportRequest {
      SupportRequest(
        memberId: f.yushin.id, programId: f.program.id, title: "금형 시제품", requestedKRW: 10_000_000,
        submitted: SupportFixture.day("2026-10-01"), status: .pending, difficulty: reference)
    }
    for (reference, message) in [
      (DifficultyReference(visitId: visit.id, number: 3), "lists 2 difficulties"),
      (DifficultyReference(visitId: other.id, number: 1), "was to another member"),
      (DifficultyReference(visitId: 99, number: 1), "there is no visit #99"),
    ] {
      let error = #expect(throws: ValidationError.self) {
        try f.w.addRequest(request(reference))
      }
      #expect(error?.message(.en).contains(message) == true, "\(String(describing: error))")
    }
    let saved = try f.w.addRequest(request(DifficultyReference(visitId: visit.id, number: 2)))
    try f.w.decide(
      requestId: saved.id, .approve(amount: 10_000_000, overrideReason: nil),
      on: SupportFixture.today)
    let detail = try #require(try f.w.requestDetail(id: saved.id))
    #expect(detail.answers?.difficulty.text == "시제품 금형 비용 부담")
    #expect(detail.answers?.visitDate == SupportFixture.day("2026-09-01"))
    let member = try f.w.memberDetail(id: f.yushin.id)
    #expect(member.requests(answering: visit.id, number: 2).map(\.request.id) == [saved.id])
    #expect(member.requests(answering: visit.id, number: 1).isEmpty)
    let report = try f.w.annualReport(year: 2026, today: SupportFixture.today)
    #expect(report.difficultiesFound == 3)
    #expect(report.difficultiesAnswered == 1 && report.difficultiesSupported == 1)
    #expect(
      try f.w.programs(year: 2026, answering: .technology).map(\.id) == [f.program.id])
    #expect(try f.w.programs(year: 2026, answering: .people).isEmpty)
  }

  @Test func aSecondRequestToTheSameProgramIsFlagged() throws {
    let f = try SupportFixture()
    let first = try f.pending(nil, 10_000_000)
    let second = try f.pending(nil, 5_000_000, title: "두 번째 과제")
    let elsewhere = try f.pending(f.hanbit, 5_000_000)
    #expect(try f.w.duplicates(of: second).map(\.id) == [first.id])
    #expect(try f.w.duplicates(of: first).isEmpty)
    #expect(try f.w.duplicates(of: elsewhere).isEmpty)
    var unsaved = second
    unsaved.id = 0
    #expect(try f.w.duplicates(of: unsaved).map(\.id) == [first.id, second.id])
    let rows = try f.w.requestRows(RequestFilter(programId: f.program.id))
    #expect(rows.first { $0.id == second.id }?.duplicateOf == first.id)
    #expect(rows.first { $0.id == first.id }?.duplicateOf == nil)
    #expect(try f.w.requestDetail(id: second.id)?.duplicates.map(\.id) == [first.id])
    // Once the first is withdrawn the second stands alone.
    try f.w.decide(requestId: first.id, .withdraw(reason: "중복 회피"), on: SupportFixture.today)
    #expect(try f.w.duplicates(of: second).isEmpty)
    // Next year's program of the same name is another program.
    let next = try f.w.addProgram(
      Program(year: 2027, name: "시제품제작", category: .technology, budgetKRW: 1))
    let third = try f.pending(nil, 1, program: next, submitted: SupportFixture.day("2026-11-20"))
    #expect(try f.w.duplicates(of: third).isEmpty)
  }

  @Test func onlyDraftsAndPendingRequestsAreEditedAndEditsAreAudited() throws {
    let f = try SupportFixture()
    let other = try f.w.addProgram(
      Program(year: 2026, name: "시험분석", category: .technology, budgetKRW: 10_000_000))
    let request = try f.pending(nil, 10_000_000)
    var changed = request
    changed.title = "센서 모듈 시제품 (보완)"
    changed.requestedKRW = 12_000_000
    changed.cofundingKRW = 3_000_000
    changed.programId = other.id
    changed.status = .approved  // not an editable field
    let change = try f.w.updateRequest(changed, original: request, today: SupportFixture.today)
    #expect(change.after.status == .pending && change.after.programId == other.id)
    let log = try f.w.auditLog(requestId: request.id).suffix(4)
    #expect(log.map(\.field) == ["programId", "title", "requestedKRW", "cofundingKRW"])
    #expect(log.map(\.before) == ["1", "센서 모듈 시제품", "10000000", ""])
    #expect(throws: WorkspaceError.conflict(kind: "request", reference: "#\(request.id)")) {
      try f.w.updateRequest(changed, original: request)
    }
    var bad = change.after
    bad.requestedKRW = -5
    #expect(throws: ValidationError.self) { try f.w.updateRequest(bad, original: change.after) }
  }
}

@Suite struct ApprovalLimitTests {
  @Test func approvingPastTheBudgetNeedsAReason() throws {
    let f = try SupportFixture(
      Program(year: 2026, name: "시제품제작", category: .technology, budgetKRW: 50_000_000))
    let first = try f.pending(nil, 30_000_000)
    let second = try f.pending(f.hanbit, 25_000_000)
    try f.w.decide(
      requestId: first.id, .approve(amount: 30_000_000, overrideReason: nil),
      on: SupportFixture.today)
    #expect(try f.figures.remainingKRW == 20_000_000)
    #expect(try f.figures.pendingKRW == 25_000_000)
    #expect(
      throws: WorkspaceError.overLimits(
        request: second.id,
        limits: [.budget(program: "시제품제작", amount: 25_000_000, remaining: 20_000_000)])
    ) {
      try f.w.decide(
        requestId: second.id, .approve(amount: 25_000_000, overrideReason: nil),
        on: SupportFixture.today)
    }
    #expect(try f.w.request(id: second.id)?.status == .pending)
    #expect(
      try f.w.approvalLimits(requestId: second.id, amount: 20_000_000).isEmpty)
    let change = try f.w.decide(
      requestId: second.id, .approve(amount: 25_000_000, overrideReason: "추경 예산 확보 예정"),
      on: SupportFixture.today)
    #expect(change.after.reason == "추경 예산 확보 예정")
    #expect(try f.figures.remainingKRW == -5_000_000)
    #expect(throws: WorkspaceError.overRequested(amount: 26_000_000, requested: 25_000_000)) {
      let third = try f.pending(nil, 25_000_000)
      try f.w.decide(
        requestId: third.id, .approve(amount: 26_000_000, overrideReason: nil),
        on: SupportFixture.today)
    }
  }

  @Test func approvingPastAMembersCapNeedsAReason() throws {
    let f = try SupportFixture(
      Program(
        year: 2026, name: "국내외전시회 참가", category: .management, budgetKRW: 100_000_000,
        memberCapKRW: 20_000_000, memberCapCount: 2))
    let today = SupportFixture.today
    let first = try f.approved(nil, 15_000_000)
    let second = try f.pending(nil, 10_000_000)
    #expect(
      throws: WorkspaceError.overLimits(
        request: second.id,
        limits: [
          .memberCapAmount(
            member: "(주)유신테크", program: "국내외전시회 참가", cap: 20_000_000, already: 15_000_000,
            amount: 10_000_000)
        ])
    ) {
      try f.w.decide(
        requestId: second.id, .approve(amount: 10_000_000, overrideReason: nil), on: today)
    }
    try f.w.decide(
      requestId: second.id, .approve(amount: 5_000_000, overrideReason: nil), on: today)
    let third = try f.pending(nil, 1_000_000)
    let both = #expect(throws: WorkspaceError.self) {
      try f.w.decide(
        requestId: third.id, .approve(amount: 1_000_000, overrideReason: nil), on: today)
    }
    guard case .overLimits(_, let limits) = both else {
      Issue.record("\(String(describing: both))")
      return
    }
    #expect(
      limits == [
        .memberCapAmount(
          member: "(주)유신테크", program: "국내외전시회 참가", cap: 20_000_000, already: 20_000_000,
          amount: 1_000_000),
        .memberCapCount(member: "(주)유신테크", program: "국내외전시회 참가", cap: 2, already: 2),
      ])
    #expect(both?.message(.en).contains("already has 2 approved request(s)") == true)
    #expect(both?.message(.ko).contains("기업당 한도(2건)에 이르렀습니다. 그래도 승인하려면 초과 사유를") == true)
    // Another member is not held by this one's cap.
    try f.approved(f.hanbit, 20_000_000)
    // A settlement that gives money back makes room under the cap.
    let agreed = try f.w.decide(
      requestId: first.id,
      .agree(cofunding: 0, date: SupportFixture.day("2026-10-20"), overrideReason: nil), on: today
    ).after
    try f.pay(agreed, 15_000_000)
    try f.settle(agreed, spent: 14_000_000)
    let fourth = try f.pending(nil, 1_000_000)
    #expect(
      try f.w.approvalLimits(requestId: fourth.id, amount: 1_000_000)
        == [.memberCapCount(member: "(주)유신테크", program: "국내외전시회 참가", cap: 2, already: 2)])
    try f.w.decide(
      requestId: fourth.id, .approve(amount: 1_000_000, overrideReason: "전시회 추가 참가 승인(운영위 의결)"),
      on: today)
  }
}

@Suite struct DisbursementAndSettlementTests {
  @Test func instalmentsNeverAddUpToMoreThanTheApprovedAmount() throws {
    let f = try SupportFixture()
    let today = SupportFixture.today
    let request = try f.agreed(nil, 30_000_000)
    #expect(throws: ValidationError.self) { try f.pay(request, 0) }
    let before = #expect(throws: ValidationError.self) { try f.pay(request, 1, on: "2026-10-19") }
    #expect(before?.errors.first?.field == "date")
    #expect(throws: ValidationError.self) { try f.pay(request, 1, on: "2026-11-27") }
    try f.pay(request, 18_000_000)
    #expect(
      throws: WorkspaceError.overDisbursed(
        request: request.id, amount: 12_000_001, disbursed: 18_000_000, approved: 30_000_000)
    ) { try f.pay(request, 12_000_001) }
    let (_, second) = try f.recorded {
      try f.w.disburse(requestId: request.id, amount: 12_000_000, on: today)
    }
    #expect(
      try f.w.instalments(requestId: request.id).map(\.amountKRW) == [18_000_000, 12_000_000])
    #expect(throws: WorkspaceError.self) { try f.pay(request, 1) }
    // Undoing a payment removes it, and the log says so.
    try f.w.undoChange(id: second.id)
    #expect(try f.w.instalments(requestId: request.id).map(\.amountKRW) == [18_000_000])
    let log = try f.w.auditLog(requestId: request.id).suffix(2)
    #expect(log.map(\.field) == ["instalment", "instalment"])
    #expect(log.map(\.after) == ["\(today) 12000000", ""])
    #expect(throws: WorkspaceError.self) { try f.w.undoChange(id: second.id) }
  }

  @Test func aSettlementMustAddUp() throws {
    let f = try SupportFixture()
    let request = try f.agreed(nil, 30_000_000)
    try f.pay(request, 30_000_000)
    func settle(_ spent: KRW, _ disallowed: KRW, _ returned: KRW?) throws -> SupportRequest {
      try f.settle(request, spent: spent, disallowed: disallowed, returned: returned)
    }
    let over = #expect(throws: ValidationError.self) { try settle(30_000_001, 0, nil) }
    #expect(over?.errors.map(\.field) == ["spent"])
    let disallowed = #expect(throws: ValidationError.self) {
      try settle(10_000_000, 10_000_001, nil)
    }
    #expect(disallowed?.errors.map(\.field) == ["disallowed"])
    let wrong = #expect(throws: ValidationError.self) {
      try settle(27_000_000, 1_000_000, 3_000_000)
    }
    #expect(
      wrong?.message(.en)
        == "returned: does not add up: 30,000,000원 paid − 27,000,000원 spent + 1,000,000원 disallowed = 4,000,000원 to return, not 3,000,000원"
    )
    #expect(throws: ValidationError.self) { try settle(-1, 0, nil) }
    #expect(try f.w.request(id: request.id)?.status == .agreed)
    let settled = try settle(27_000_000, 1_000_000, 4_000_000)
    #expect(settled.status == .completed)
    #expect(
      settled.settlement
        == Settlement(
          reportDate: SupportFixture.today, spentKRW: 27_000_000, disallowedKRW: 1_000_000,
          returnedKRW: 4_000_000))
    #expect(settled.settlement?.finalKRW == 26_000_000)
    #expect(settled.committedKRW == 26_000_000)
  }

  @Test func theReturnedMoneyGoesBackToTheBudgetAndSoDoesWhatWasNeverPaid() throws {
    let f = try SupportFixture()
    // Paid in full, part returned: committed = approved − returned.
    let returned = try f.agreed(nil, 30_000_000)
    try f.pay(returned, 30_000_000)
    try f.settle(returned, spent: 28_000_000)
    #expect(try f.figures.committedKRW == 28_000_000)
    // Paid only for what was spent: the balance never paid goes back too.
    let short = try f.agreed(f.hanbit, 20_000_000)
    try f.pay(short, 12_000_000)
    try f.settle(short, spent: 12_000_000)
    let figures = try f.figures
    #expect(figures.approvedKRW == 50_000_000)
    #expect(figures.returnedKRW == 2_000_000)
    #expect(figures.committedKRW == 40_000_000)
    #expect(figures.remainingKRW == 60_000_000)
    // A settlement is undone as one change.
    let agreed = try f.agreed(nil, 1_000_000)
    let (_, change) = try f.recorded {
      try f.w.decide(
        requestId: agreed.id, .settle(spent: 0, disallowed: 0, returned: nil, reportDate: nil),
        on: SupportFixture.today)
    }
    #expect(try f.figures.committedKRW == 40_000_000)
    try f.w.undoChange(id: change.id)
    #expect(try f.w.request(id: agreed.id) == agreed)
    #expect(try f.figures.committedKRW == 41_000_000)
  }

  @Test func stepsKeepTheirDatesInOrder() throws {
    let f = try SupportFixture()
    let today = SupportFixture.today
    let approved = try f.approved(nil, 10_000_000)
    for (date, problem) in [("2026-10-14", "approval"), ("2026-11-27", "today")] {
      let error = #expect(throws: ValidationError.self) {
        try f.w.decide(
          requestId: approved.id,
          .agree(cofunding: 3_000_000, date: SupportFixture.day(date), overrideReason: nil),
          on: today)
      }
      #expect(error?.message(.en).contains(problem) == true)
    }
    let agreed = try f.agreed(nil, 10_000_000)
    try f.pay(agreed, 10_000_000, on: "2026-11-10")
    let early = #expect(throws: ValidationError.self) {
      try f.w.decide(
        requestId: agreed.id,
        .settle(
          spent: 1, disallowed: 0, returned: nil, reportDate: SupportFixture.day("2026-11-09")),
        on: today)
    }
    #expect(early?.errors.first?.field == "reportDate")
    let pending = try f.pending(nil, 1_000_000, submitted: SupportFixture.day("2026-11-20"))
    let beforeSubmission = #expect(throws: ValidationError.self) {
      try f.w.decide(
        requestId: pending.id, .approve(amount: 1_000_000, overrideReason: nil),
        on: SupportFixture.day("2026-11-19"))
    }
    #expect(beforeSubmission?.message(.en).contains("submission") == true)
  }
}

@Suite struct SupportFiguresTests {
  /// A program's detail shows a window of its requests by status, newest first within each:
  /// every window is that part of the whole list, and it is read from the index in that order
  /// with the kept counts, so no statement sorts the program's requests or counts them.
  @Test func aProgramsWindowOfRequestsIsReadInTheIndexsOrder() throws {
    let f = try SupportFixture()
    for i in 1...4 {
      try f.pending(
        f.hanbit, 1_000_000, title: "대기 \(i)", submitted: SupportFixture.day("2026-09-0\(i)"))
    }
    for _ in 1...3 { try f.approved(f.yushin, 2_000_000) }
    try f.w.addRequest(
      SupportRequest(
        memberId: f.yushin.id, programId: f.program.id, title: "초안", requestedKRW: 500_000))
    let all = try #require(try f.w.programDetail(id: f.program.id))
    #expect(all.statusCounts == [.draft: 1, .pending: 4, .approved: 3])
    let rank = Dictionary(
      uniqueKeysWithValues: RequestStatus.allCases.enumerated().map { ($1, $0) })
    let ordered = all.requests.sorted { a, b in
      (rank[a.status]!, b.submitted?.description ?? "", b.id)
        < (rank[b.status]!, a.submitted?.description ?? "", a.id)
    }
    #expect(all.requests.count == 8 && all.requests.map(\.id) == ordered.map(\.id))
    for limit in [1, 3, 5, 8] {
      for offset in 0...9 {
        let window = try #require(
          try f.w.programDetail(id: f.program.id, offset: offset, limit: limit))
        let start = min(offset, 8 - limit)
        #expect(window.offset == start && window.statusCounts == all.statusCounts)
        #expect(
          window.requests.map(\.id) == Array(all.requests.map(\.id)[start..<(start + limit)]),
          "offset \(offset), limit \(limit)")
      }
    }
    final class Seen: @unchecked Sendable { var sql: [String] = [] }
    let seen = Seen()
    try f.w.pool.writeWithoutTransaction { db in
      db.trace { seen.sql.append($0.expandedDescription) }
      defer { db.trace(options: [], nil) }
      _ = try Workspace.programDetail(id: f.program.id, offset: 2, limit: 4, db)
    }
    let reads = seen.sql.filter { $0.contains("supportRequest") }
    #expect(!reads.isEmpty && reads.allSatisfy { !$0.contains("COUNT(") })
    for sql in reads {
      let plan = try f.w.read { db in
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
      }
      #expect(
        plan.allSatisfy { !$0.contains("TEMP B-TREE FOR ORDER BY") && !$0.hasPrefix("SCAN") },
        "\(sql): \(plan)")
    }
  }

  /// Opening a program is a statement for the program with its figures, one for its counts by
  /// status and one for each status its window spans, which reads the rows with their payments
  /// and duplicate flags: the same statements, prepared once, for every window.
  @Test func aProgramsWindowIsReadByOneStatementPerStatusItSpans() throws {
    let f = try SupportFixture()
    for i in 1...4 {
      try f.pending(
        f.hanbit, 1_000_000, title: "대기 \(i)", submitted: SupportFixture.day("2026-09-0\(i)"))
    }
    let paid = try f.agreed(f.yushin, 2_000_000, cofunding: 500_000)
    try f.pay(paid, 1_000_000)
    try f.w.addRequest(
      SupportRequest(
        memberId: f.yushin.id, programId: f.program.id, title: "초안", requestedKRW: 500_000))
    // Draft, then the four pending ones, then the agreed one: the window of four from the
    // second spans the pending and the agreed.
    final class Seen: @unchecked Sendable { var sql: [String] = [] }
    let seen = Seen()
    let window = try f.w.pool.writeWithoutTransaction { db in
      db.trace { seen.sql.append($0.description) }
      defer { db.trace(options: [], nil) }
      return try Workspace.programDetail(id: f.program.id, offset: 2, limit: 4, db)
    }
    #expect(seen.sql.count == 4, "\(seen.sql)")
    #expect(Set(seen.sql).count == 3, "one statement for both parts")
    let rows = try #require(window).requests
    #expect(rows.map(\.status) == [.pending, .pending, .pending, .agreed])
    #expect(rows.last?.disbursedKRW == 1_000_000)
    #expect(rows.first?.duplicateOf != nil && rows.last?.duplicateOf == nil)
  }

  /// Approving reads the request and its program and writes the step in SQL, not through the
  /// query interface, which looks the table's primary key up first: a schema read inside the
  /// write transaction on a connection that has not cached it.
  @Test func approvingReadsNoSchema() throws {
    let f = try SupportFixture()
    let request = try f.pending(nil, 1_000_000)
    final class Seen: @unchecked Sendable { var sql: [String] = [] }
    let seen = Seen()
    f.w.pool.writeWithoutTransaction { db in
      db.clearSchemaCache()
      db.trace { seen.sql.append($0.description) }
    }
    try f.w.decide(
      requestId: request.id, .approve(amount: 800_000, overrideReason: nil),
      on: SupportFixture.today)
    f.w.pool.writeWithoutTransaction { db in db.trace(options: [], nil) }
    #expect(!seen.sql.isEmpty && !seen.sql.contains { $0.contains("PRAGMA") }, "\(seen.sql)")
    let approved = try #require(try f.w.request(id: request.id))
    #expect(approved.status == .approved && approved.approvedKRW == 800_000)
    #expect(approved.decided == SupportFixture.today)
    #expect(try f.figures.approvedKRW == 800_000)
  }

  /// One program with a request at every step; every figure, read through every view of it.
  @Test func everyFigureIsTheSameEverywhere() throws {
    let f = try SupportFixture()
    let today = SupportFixture.today
    try f.pending(nil, 10_000_000)
    try f.w.addRequest(
      SupportRequest(
        memberId: f.hanbit.id, programId: f.program.id, title: "초안", requestedKRW: 5_000_000))
    let settled = try f.agreed(nil, 30_000_000, cofunding: 8_000_000)
    try f.pay(settled, 18_000_000, on: "2026-10-25")
    try f.pay(settled, 12_000_000)
    try f.settle(settled, spent: 27_000_000, disallowed: 1_000_000)
    let partly = try f.agreed(f.hanbit, 20_000_000, cofunding: 5_000_000)
    try f.pay(partly, 10_000_000)
    let rejected = try f.pending(f.hanbit, 7_000_000)
    try f.w.decide(requestId: rejected.id, .reject(reason: "평가 점수 미달"), on: today)
    let withdrawn = try f.approved(f.hanbit, 10_000_000)
    try f.w.decide(requestId: withdrawn.id, .withdraw(reason: "자체 개발로 전환"), on: today)

    var expected = SupportTotals()
    expected.requestCount = 5
    expected.requestedKRW = 77_000_000
    expected.pendingCount = 1
    expected.pendingKRW = 10_000_000
    expected.approvedCount = 2
    expected.approvedKRW = 50_000_000
    expected.committedKRW = 46_000_000  // 26,000,000 settled + 20,000,000 agreed
    expected.cofundingKRW = 13_000_000
    expected.disbursedKRW = 40_000_000
    expected.returnedKRW = 4_000_000  // 30,000,000 − 27,000,000 + 1,000,000
    let figures = try f.figures
    #expect(figures.totals == expected)
    #expect(figures.remainingKRW == 54_000_000)
    #expect(try f.w.programFigures(year: 2026) == [figures])
    #expect(try f.w.requestDetail(id: partly.id)?.program == figures)
    #expect(try f.w.decisionContext(requestId: partly.id)?.budget == figures)
    let report = try f.w.annualReport(year: 2026, today: today)
    #expect(report.programs == [figures])
    #expect(report.totals == expected)
    #expect(report.categories.map(\.totals) == [expected])
    #expect(report.categories.map(\.budgetKRW) == [100_000_000])
    #expect(report.clusters.map(\.cluster) == ["지능형메카트로닉스"])
    #expect(report.clusters.map(\.totals) == [expected])
    // The request's own idea of what it holds agrees with the program's sum.
    let requests = try f.w.requestRows(RequestFilter(programId: f.program.id))
      .compactMap { try f.w.request(id: $0.id) }
    #expect(requests.map(\.committedKRW).reduce(0, +) == expected.committedKRW)
    #expect(
      try f.w.requestCounts(programId: f.program.id) == [
        .pending: 1, .draft: 1, .completed: 1, .agreed: 1, .rejected: 1, .withdrawn: 1,
      ])
    let detail = try #require(try f.w.requestDetail(id: partly.id))
    #expect(detail.disbursedKRW == 10_000_000 && detail.leftToDisburseKRW == 10_000_000)
    #expect(detail.minimumCofundingKRW == 5_000_000)
    #expect(detail.memberInProgram.approvedCount == 0)
    #expect(
      try f.w.requestRows(RequestFilter(programId: f.program.id)).first { $0.id == partly.id }?
        .disbursedKRW == 10_000_000)
  }

  /// A workspace of schema version 3 (before program terms and support steps) keeps its programs
  /// and requests: no terms, and a request completed then counts its approved amount.
  @Test func aVersionThreeWorkspaceMigrates() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "migrate-support-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try MigrationTests().oldWorkspace(version: 3, in: folder)
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO program (id, year, name, category, budgetKRW)
            VALUES (2, 2026, '시제품제작', 'technology', 50000000);
          INSERT INTO supportRequest (id, memberId, programId, title, requestedKRW, submitted, status,
            approvedKRW, decided)
            VALUES (2, 1, 2, '시제품', 20000000, '2026-03-02', 'completed', 18000000, '2026-03-20'),
                   (3, 1, 2, '금형', 10000000, '2026-04-02', 'pending', NULL, NULL);
          """)
    }
    try queue.close()
    let workspace = try Workspace(path: path)
    let figures = try workspace.programFigures(id: 2)
    #expect(figures.program.cofundingPercent == 0 && !figures.program.hasMemberCap)
    #expect(figures.committedKRW == 18_000_000 && figures.pendingKRW == 10_000_000)
    #expect(try workspace.request(id: 2)?.settlement == nil)
    #expect(try workspace.integrityProblems() == [])
  }
}

@Suite struct SupportInterchangeTests {
  /// A workspace with a support at every step, exported.
  func document() throws -> (SupportFixture, WorkspaceDocument) {
    let f = try SupportFixture(
      Program(
        year: 2026, name: "시제품제작", category: .technology, budgetKRW: 100_000_000,
        cofundingPercent: 20, memberCapKRW: 50_000_000, memberCapCount: 2,
        opens: SupportFixture.day("2026-02-16"), closes: SupportFixture.day("2026-11-25"),
        note: "상·하반기 접수"))
    let visit = try f.w.addVisit(
      Visit(
        memberId: f.yushin.id, date: SupportFixture.day("2026-09-01"), visitor: "박매니저",
        purpose: .difficultySurvey, difficulties: [Difficulty(category: .technology, text: "금형 비용")]
      ))
    let settled = try f.agreed(nil, 30_000_000)
    try f.pay(settled, 18_000_000, on: "2026-10-25")
    try f.pay(settled, 12_000_000)
    try f.settle(settled, spent: 27_000_000, disallowed: 1_000_000)
    let partly = try f.agreed(f.hanbit, 20_000_000)
    try f.pay(partly, 10_000_000)
    var answering = SupportRequest(
      memberId: f.yushin.id, programId: f.program.id, title: "금형 시제품", requestedKRW: 10_000_000,
      cofundingKRW: 2_500_000, submitted: SupportFixture.day("2026-10-01"), status: .pending,
      difficulty: DifficultyReference(visitId: visit.id, number: 1))
    answering = try f.w.addRequest(answering)
    return (f, try f.w.exportDocument())
  }

  func importing(_ document: WorkspaceDocument, _ f: SupportFixture) throws -> Workspace {
    let target = try Workspace(
      path: f.temp.file("copy-\(UUID().uuidString).clusterdesk"), create: true)
    try target.importDocument(document)
    return target
  }

  @Test func agreementsInstalmentsAndSettlementsRoundTrip() throws {
    let (f, document) = try document()
    #expect(document.version == 2)
    #expect(document.instalments.count == 3)
    #expect(document.requests.compactMap(\.settlement).count == 1)
    #expect(document.requests.compactMap(\.agreement).count == 2)
    let bytes = try document.encoded()
    let text = String(decoding: bytes, as: UTF8.self)
    for key in [
      "\"cofundingPercent\" : 20", "\"memberCapCount\" : 2", "\"opens\" : \"2026-02-16\"",
      "\"returnedKRW\" : 4000000", "\"instalments\" : [", "\"difficulty\" : {",
    ] {
      #expect(text.contains(key), "\(key)")
    }
    let target = try importing(try WorkspaceDocument.decode(bytes), f)
    #expect(try target.exportDocument().encoded() == bytes)
    #expect(try target.programFigures(id: f.program.id) == (try f.figures))
  }

  @Test func versionOneFilesStillImport() throws {
    let (f, document) = try document()
    // A version 1 file: no terms, no steps, no instalments list.
    var object =
      try JSONSerialization.jsonObject(with: try document.encoded()) as! [String: Any]
    object["version"] = 1
    object.removeValue(forKey: "instalments")
    object["programs"] = (object["programs"] as! [[String: Any]]).map {
      $0.filter { ["id", "year", "name", "category", "budgetKRW"].contains($0.key) }
    }
    object["requests"] = (object["requests"] as! [[String: Any]]).map { request in
      var r = request.filter {
        !["agreement", "settlement", "difficulty", "cofundingKRW"].contains($0.key)
      }
      if ["agreed", "completed"].contains(r["status"] as? String) { r["status"] = "approved" }
      return r
    }
    // Its log has no hashes and only the fields and statuses version 1 knew.
    object["audit"] = (object["audit"] as! [[String: Any]]).compactMap {
      entry -> [String: Any]? in
      let field = entry["field"] as! String
      guard ["status", "approvedKRW", "decided", "reviewer", "reason"].contains(field),
        !["agreed", "completed"].contains(entry["after"] as! String)
      else { return nil }
      return entry.filter { $0.key != "hash" }
    }
    let data = try JSONSerialization.data(withJSONObject: object)
    let old = try WorkspaceDocument.decode(data)
    #expect(old.instalments.isEmpty)
    #expect(old.programs.first?.cofundingPercent == 0 && old.programs.first?.note == "")
    let target = try importing(old, f)
    #expect(try target.programFigures(id: f.program.id).approvedKRW == 50_000_000)
    #expect(try target.exportDocument().version == 2)
  }

  @Test func badStepsAreNamedByListPositionAndField() throws {
    let (f, good) = try document()
    func errors(_ change: (inout WorkspaceDocument) -> Void) throws -> [String] {
      var document = good
      change(&document)
      let target = try Workspace(
        path: f.temp.file("bad-\(UUID().uuidString).clusterdesk"), create: true)
      defer { #expect((try? target.isEmpty()) == true) }
      do {
        try target.importDocument(document)
        return []
      } catch let error as ValidationError {
        return error.errors.map(\.field)
      }
    }
    #expect(
      try errors { $0.programs[0].cofundingPercent = 150 } == ["programs[0].cofundingPercent"])
    #expect(try errors { $0.programs[0].memberCapKRW = -1 } == ["programs[0].memberCapKRW"])
    #expect(
      try errors { $0.requests[0].settlement?.returnedKRW = 1 }
        .contains("requests[0].settlement.returnedKRW"))
    #expect(
      try errors { $0.requests[0].settlement?.spentKRW = 40_000_000 }
        .contains("requests[0].settlement.spentKRW"))
    #expect(try errors { $0.instalments[2].amountKRW = 20_000_001 }.contains("instalments[2]"))
    #expect(try errors { $0.instalments[2].requestId = 99 }.contains("instalments[2].requestId"))
    #expect(
      try errors { $0.instalments[0].date = SupportFixture.day("2026-01-01") }.contains(
        "instalments[0].date"))
    #expect(
      try errors { $0.requests[1].agreement?.cofundingKRW = 1 }.contains(
        "requests[1].agreement.cofundingKRW"))
    #expect(
      try errors {
        $0.requests[2].agreement = Agreement(date: SupportFixture.today, cofundingKRW: 0)
      }
        == ["requests[2].agreement"])
    #expect(try errors { $0.requests[1].status = .approved }.contains("requests[1].agreement"))
    #expect(try errors { $0.requests[0].agreement = nil }.contains("requests[0].settlement"))
    #expect(
      try errors { $0.requests[2].difficulty = DifficultyReference(visitId: 1, number: 2) }
        == ["requests[2].difficulty"])
    #expect(
      try errors { $0.requests[1].difficulty = DifficultyReference(visitId: 1, number: 1) }
        == ["requests[1].difficulty"])
    #expect(
      try errors { $0.requests[0].approvedKRW = 40_000_000 }.contains("requests[0].approvedKRW"))
    #expect(try errors { $0.programs.append($0.programs[0]) }.contains("programs[1].name"))
  }
}

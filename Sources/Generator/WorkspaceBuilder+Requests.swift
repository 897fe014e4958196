import ClusterKit

/// Support programs, requests in every status, and the audit trail of their decisions.
extension WorkspaceBuilder {
  enum Slot { case subject, product, none }

  struct TitleTemplate {
    var head: String
    var slot: Slot
    var tail: String
  }

  struct ProgramType {
    var name: String
    var category: ProgramCategory
    /// The sample office's budget for a year.
    var budget: KRW
    var amounts: ClosedRange<Int>
    /// Requested amount over budget, before the scale's own factor.
    var demand: Double
    var titles: [TitleTemplate]
    /// 자부담 비율 in percent, and the cap per member a year (amount, count).
    var cofunding: Int = 0
    var capKRW: KRW? = nil
    var capCount: Int? = nil
  }

  static func t(_ head: String, _ slot: Slot = .none, _ tail: String = "") -> TitleTemplate {
    TitleTemplate(head: head, slot: slot, tail: tail)
  }

  static let programTypes: [ProgramType] = [
    ProgramType(
      name: "현장맞춤기술개발", category: .technology, budget: 400_000_000,
      amounts: 50_000_000...100_000_000, demand: 1.5,
      titles: [
        t("", .subject, " 성능 고도화 기술개발"), t("", .subject, " 핵심부품 국산화 개발"),
        t("AI 기반 ", .subject, " 불량검출 기술개발"),
      ], cofunding: 25, capCount: 1),
    ProgramType(
      name: "산업재산권출원", category: .technology, budget: 50_000_000,
      amounts: 3_000_000...5_000_000, demand: 1.0,
      titles: [
        t("", .subject, " 관련 특허 출원"), t("", .subject, " 디자인 출원"), t("", .subject, " PCT 국제특허 출원"),
      ], cofunding: 10, capCount: 2),
    ProgramType(
      name: "시제품제작", category: .technology, budget: 150_000_000,
      amounts: 10_000_000...30_000_000, demand: 1.5,
      titles: [t("", .subject, " 시제품 제작"), t("", .subject, " 금형 및 시제품 제작")], cofunding: 20,
      capKRW: 30_000_000),
    ProgramType(
      name: "시험분석", category: .technology, budget: 60_000_000,
      amounts: 3_000_000...15_000_000, demand: 1.0,
      titles: [
        t("", .subject, " EMC 시험"), t("", .subject, " 신뢰성 시험분석"), t("", .product, " 성능 시험성적서 발급"),
      ], cofunding: 10, capKRW: 15_000_000),
    ProgramType(
      name: "해외규격인증", category: .technology, budget: 100_000_000,
      amounts: 10_000_000...25_000_000, demand: 1.4,
      titles: [
        t("", .subject, " CE 인증 취득"), t("", .subject, " FCC 인증 취득"), t("", .product, " UL 인증 취득"),
      ], cofunding: 25, capCount: 1),
    ProgramType(
      name: "제품포장디자인", category: .management, budget: 60_000_000,
      amounts: 5_000_000...15_000_000, demand: 0.9,
      titles: [t("", .product, " 포장디자인 개선"), t("", .product, " 패키지 리뉴얼")], cofunding: 20,
      capKRW: 15_000_000),
    ProgramType(
      name: "홍보동영상·카탈로그 제작", category: .management, budget: 80_000_000,
      amounts: 5_000_000...10_000_000, demand: 0.95,
      titles: [t("", .product, " 홍보동영상 제작"), t("", .product, " 영문 카탈로그 제작")], cofunding: 20,
      capCount: 1),
    ProgramType(
      name: "국내외전시회 참가", category: .management, budget: 120_000_000,
      amounts: 5_000_000...15_000_000, demand: 1.2,
      titles: [
        t("한국전자전(KES) 참가"), t("독일 MEDICA 전시회 참가"), t("CES 한국관 참가"), t("하노버 산업박람회 참가"),
        t("국제의료기기·병원설비전시회(KIMES) 참가"), t("", .product, " 전문전시회 참가"),
      ], cofunding: 20, capKRW: 20_000_000, capCount: 2),
    ProgramType(
      name: "경영·재무컨설팅", category: .management, budget: 100_000_000,
      amounts: 5_000_000...15_000_000, demand: 0.85,
      titles: [t("재무구조 개선 컨설팅"), t("ISO 9001 인증 컨설팅"), t("인사·노무제도 개선 컨설팅"), t("스마트공장 도입 컨설팅")],
      cofunding: 10),
    ProgramType(
      name: "1사1멘토링", category: .mentoring, budget: 50_000_000,
      amounts: 2_000_000...5_000_000, demand: 0.7,
      titles: [t("", .subject, " 기술 멘토링"), t("수출 실무 멘토링"), t("회계·세무 멘토링")]),
    ProgramType(
      name: "공동마케팅", category: .marketing, budget: 70_000_000,
      amounts: 5_000_000...15_000_000, demand: 1.0,
      titles: [t("미니클러스터 공동관 참가 (", .product, ")"), t("온라인 공동 홍보관 입점"), t("공동 브랜드 카탈로그 참여")],
      cofunding: 20),
    ProgramType(
      name: "해외시장개척", category: .marketDevelopment, budget: 90_000_000,
      amounts: 10_000_000...20_000_000, demand: 1.3,
      titles: [t("베트남 시장개척단 참가"), t("인도 시장개척단 참가"), t("미국 바이어 상담회 참가"), t("중동 시장개척단 참가")],
      cofunding: 30, capCount: 1),
    ProgramType(
      name: "교육훈련", category: .training, budget: 40_000_000,
      amounts: 1_000_000...3_000_000, demand: 0.45,
      titles: [t("품질관리 실무 교육"), t("수출입 실무 교육"), t("AI 활용 실무 교육"), t("산업안전 관리자 교육")]),
  ]

  static let rejectionReasons = [
    "지원 요건 미충족 (매출액 기준 초과)", "선정평가 점수 미달 (70점 미만)", "동일 과제 중복 지원", "사업계획 구체성 부족",
    "자부담 비율 미충족", "제출 서류 미비",
  ]

  static let withdrawalReasons = ["기업 사정으로 신청 철회", "자체 개발로 전환", "타 기관 지원사업 선정으로 중복 회피"]

  static let capReason = "기업당 연간 지원한도 초과"

  /// One request as it is made: its state now, and each step that led there (who, when, the
  /// request after it, and entries for instalments, which are not the request's own row).
  private struct DraftRequest {
    struct Step {
      var day: Int
      var minute: Int
      var actor: String
      var state: SupportRequest
      var extra: [(String, String, String)] = []
    }
    var program: Int
    var member: Int
    var request: SupportRequest
    var instalments: [(day: Int, amount: KRW)] = []
    var steps: [Step] = []

    /// Records the request as it is after a step.
    mutating func step(_ day: Int, _ minute: Int, _ actor: String) {
      steps.append(Step(day: day, minute: minute, actor: actor, state: request))
    }

    mutating func pay(_ day: Int, _ minute: Int, _ actor: String, _ amount: KRW) {
      instalments.append((day, amount))
      var s = Step(day: day, minute: minute, actor: actor, state: request)
      let paid = Instalment(requestId: 0, date: Day(ordinal: day), amountKRW: amount)
      s.extra = [(AuditEntry.instalmentField, "", paid.auditText)]
      steps.append(s)
    }
  }

  /// The review committee sits on the second Wednesday of each month.
  static func reviewDay(onOrAfter ordinal: Int) -> Int {
    var d = ordinal
    while true {
      let day = Day(ordinal: d)
      if day.isoWeekday == 3, (8...14).contains(day.day) {
        return d
      }
      d += 1
    }
  }

  /// `amount` rounded up to a multiple of `unit`.
  static func roundUp(_ amount: KRW, to unit: KRW) -> KRW { (amount + unit - 1) / unit * unit }

  private func title(_ type: ProgramType, member: Int, _ rng: inout SeededGenerator) -> String {
    let mi = info[member]
    let theme = Vocabulary.themes[mi.theme]
    let template = rng.pick(type.titles)
    let slot: String
    switch template.slot {
    case .subject: slot = theme.subjects[mi.subject]
    case .product: slot = theme.products[mi.products[0]]
    case .none: slot = ""
    }
    return template.head + slot + template.tail
  }

  func makeRequests() {
    var rng = SeededGenerator(seed: seed, stream: 7)
    // The later steps of a support (co-funding, agreement, instalments, settlement, the
    // difficulty a request answers) draw from a stream of their own.
    var steps = SeededGenerator(seed: seed, stream: 8)
    let todayOrdinal = today.ordinal
    let regions = Array(Set(plan.clusters.map(\.region))).sorted()
    var regionCompanies: [Int: [Int]] = [:]
    for r in regions {
      regionCompanies[r] = members.indices.filter {
        members[$0].kind == .company && plan.clusters[info[$0].cluster].region == r
      }
    }
    var visitsByMember: [Int64: [Int]] = [:]
    for (index, visit) in visits.enumerated() where !visit.difficulties.isEmpty {
      visitsByMember[visit.memberId, default: []].append(index)
    }
    let national = regions.count > 1
    var drafts: [DraftRequest] = []
    var programIndex = 0
    let totalPrograms = plan.programYears.count * regions.count * plan.programTypes.count
    for y in plan.programYears {
      for r in regions {
        let pool = regionCompanies[r] ?? []
        guard !pool.isEmpty else { continue }
        let scale = Double(pool.count) / 125.0 * plan.programDemandScale
        let yearFactor = 0.85 + 0.04 * Double(y - plan.programYears.lowerBound)
        let reviewers = plan.reviewers[r] ?? ["-"]
        for typeIndex in plan.programTypes {
          let type = Self.programTypes[typeIndex]
          var budget =
            KRW(
              Double(type.budget) * (national ? scale * yearFactor : 1) / 1_000_000) * 1_000_000
          if !national { budget = type.budget }
          let p = programIndex
          programIndex += 1
          let terms = Program(
            id: Int64(p + 1), year: y,
            name: national ? type.name + " (" + Vocabulary.regions[r].short + ")" : type.name,
            category: type.category, budgetKRW: budget, cofundingPercent: type.cofunding,
            memberCapKRW: type.capKRW, memberCapCount: type.capCount,
            opens: Day(year: y, month: 2, day: 16)!, closes: Day(year: y, month: 11, day: 25)!)
          programs.append(terms)
          let mean = Double(type.amounts.lowerBound + type.amounts.upperBound) / 2
          let count = max(2, Int((Double(budget) * type.demand / mean).rounded()))
          var batch: [DraftRequest] = []
          for _ in 0..<count {
            var submitted: Int? = nil
            let firstCall = rng.chance(0.5)
            let lo = Day(year: y, month: firstCall ? 2 : 8, day: 16)!.ordinal
            let hi = min(
              Day(year: y, month: firstCall ? 5 : 11, day: firstCall ? 31 : 25)!.ordinal,
              todayOrdinal - 1)
            if y == today.year, rng.chance(0.05) || lo > hi {
              submitted = nil
            } else if lo <= hi {
              submitted = lo + rng.below(hi - lo + 1)
            } else {
              continue
            }
            let when = submitted ?? todayOrdinal
            var member = -1
            for _ in 0..<10 {
              let m = rng.pick(pool)
              if info[m].isMember(on: when), members[m].status != .inactive {
                member = m
                break
              }
            }
            guard member >= 0 else { continue }
            let name = title(type, member: member, &rng)
            let span = (type.amounts.upperBound - type.amounts.lowerBound) / 100_000
            let requested = KRW(type.amounts.lowerBound + rng.int(0...span) * 100_000)
            batch.append(
              DraftRequest(
                program: p, member: member,
                request: SupportRequest(
                  memberId: Int64(member + 1), programId: Int64(p + 1), title: name,
                  requestedKRW: requested, submitted: submitted.map { Day(ordinal: $0) },
                  status: submitted == nil ? .draft : .pending)))
          }
          // Intake: the planned co-funding, the difficulty a request answers, who entered it.
          for i in batch.indices {
            let m = batch[i].member
            let manager = plan.clusters[info[m].cluster].manager
            if steps.chance(0.6) {
              batch[i].request.cofundingKRW = Self.roundUp(
                terms.minimumCofunding(for: batch[i].request.requestedKRW), to: 100_000)
            }
            let entered = batch[i].request.submitted?.ordinal
            if let entered,
              let found = answerable(visitsByMember[Int64(m + 1)], type, before: entered),
              steps.chance(0.5)
            {
              batch[i].request.difficulty = found
            }
            batch[i].step(
              entered ?? (todayOrdinal - steps.int(1...40)), 60 + steps.below(420), manager)
          }
          // Decide in the order the reviews happen, spending the budget as it goes, within each
          // member's cap.
          var outcomes: [(index: Int, day: Int)] = []
          for i in batch.indices {
            guard let s = batch[i].request.submitted?.ordinal else { continue }
            var delay = rng.int(14...24)
            if rng.chance(0.18) { delay += rng.int(30...90) }
            let day = Self.reviewDay(onOrAfter: s + delay)
            if day < todayOrdinal { outcomes.append((i, day)) }
          }
          outcomes.sort { $0.day != $1.day ? $0.day < $1.day : $0.index < $1.index }
          var spent: KRW = 0
          var perMember: [Int: (count: Int, amount: KRW)] = [:]
          for (i, day) in outcomes {
            let reviewer = rng.pick(reviewers)
            let minute = 60 + rng.below(420)
            let roll = rng.unit()
            let m = batch[i].member
            let manager = plan.clusters[info[m].cluster].manager
            if roll < 0.07 {
              let s = batch[i].request.submitted!.ordinal
              let on = min(todayOrdinal - 1, s + 2 + rng.below(max(1, day - s - 2)))
              batch[i].request.status = .withdrawn
              batch[i].request.reason = rng.pick(Self.withdrawalReasons)
              batch[i].request.decided = Day(ordinal: on)
              batch[i].request.reviewer = manager
              batch[i].step(on, minute, manager)
              continue
            }
            var reason = roll < 0.21 ? rng.pick(Self.rejectionReasons) : ""
            var amount: KRW = 0
            var finished = 0
            var finishMinute = 0
            if reason.isEmpty {
              let factor = [10, 10, 10, 10, 10, 10, 9, 9, 8][rng.below(9)]
              amount = batch[i].request.requestedKRW * KRW(factor) / 10 / 100_000 * 100_000
              if spent + amount > budget {
                let remaining = (budget - spent) / 100_000 * 100_000
                if remaining >= KRW(type.amounts.lowerBound) {
                  amount = remaining
                } else {
                  reason = "예산 소진"
                }
              }
              if reason.isEmpty {
                finished = day + rng.int(45...150)
                if finished < todayOrdinal { finishMinute = 60 + rng.below(420) }
              }
            }
            let mine = perMember[m] ?? (0, 0)
            if reason.isEmpty, let cap = type.capCount, mine.count + 1 > cap {
              reason = Self.capReason
            }
            if reason.isEmpty, let cap = type.capKRW, mine.amount + amount > cap {
              // Within the cap a smaller amount is approved, if it is still worth a project.
              let left = (cap - mine.amount) / 100_000 * 100_000
              if left >= KRW(type.amounts.lowerBound) {
                amount = left
              } else {
                reason = Self.capReason
              }
            }
            batch[i].request.decided = Day(ordinal: day)
            batch[i].request.reviewer = reviewer
            if !reason.isEmpty {
              batch[i].request.status = .rejected
              batch[i].request.reason = reason
              batch[i].step(day, minute, reviewer)
              continue
            }
            spent += amount
            perMember[m] = (mine.count + 1, mine.amount + amount)
            batch[i].request.approvedKRW = amount
            batch[i].request.status = .approved
            batch[i].step(day, minute, reviewer)
            carryOut(
              &batch[i], terms, approvedOn: day, finished: finished, finishMinute: finishMinute,
              manager: manager, &steps)
          }
          drafts += batch
          meter.step(programIndex * 90 / max(totalPrograms, 1))
        }
      }
    }
    if plan.nextYearPrograms { drafts += makeNextYear(firstId: programIndex + 1) }

    let order = drafts.indices.sorted {
      let a = drafts[$0].request.submitted?.ordinal ?? Int.max
      let b = drafts[$1].request.submitted?.ordinal ?? Int.max
      if a != b { return a < b }
      return $0 < $1
    }
    var trail: [(day: Int, minute: Int, request: Int, seq: Int, entry: Int)] = []
    var flat: [(String, String, String, String)] = []
    requests.reserveCapacity(drafts.count)
    for i in order {
      let d = drafts[i]
      let id = Int64(requests.count + 1)
      var request = d.request
      request.id = id
      requests.append(request)
      for (day, amount) in d.instalments {
        instalments.append(
          Instalment(
            id: Int64(instalments.count + 1), requestId: id, date: Day(ordinal: day),
            amountKRW: amount))
      }
      // The audit entries the commands would have written for each step.
      var before: SupportRequest? = nil
      var seq = 0
      for step in d.steps {
        for (field, old, new) in AuditEntry.changes(from: before, to: step.state) + step.extra {
          trail.append((step.day, step.minute, Int(id), seq, flat.count))
          flat.append((field, old, new, step.actor))
          seq += 1
        }
        before = step.state
      }
    }
    trail.sort {
      if $0.day != $1.day { return $0.day < $1.day }
      if $0.minute != $1.minute { return $0.minute < $1.minute }
      if $0.request != $1.request { return $0.request < $1.request }
      return $0.seq < $1.seq
    }
    audit.reserveCapacity(trail.count)
    for t in trail {
      let e = flat[t.entry]
      audit.append(
        AuditEntry(
          id: Int64(audit.count + 1), requestId: Int64(t.request),
          at: FastText.timestamp(Day(ordinal: t.day), minute: t.minute), actor: e.3, field: e.0,
          before: e.1, after: e.2))
    }
  }

  /// The difficulty of the member's latest visit in the half year before `day` that a program
  /// of this type answers, if any.
  private func answerable(_ memberVisits: [Int]?, _ type: ProgramType, before day: Int)
    -> DifficultyReference?
  {
    func fits(_ d: Difficulty) -> Bool {
      ProgramCategory.answering(d.category).prefix(2).contains(type.category)
    }
    guard
      let v = (memberVisits ?? []).last(where: { v in
        visits[v].date.ordinal < day && visits[v].date.ordinal > day - 180
          && visits[v].difficulties.contains(where: fits)
      })
    else { return nil }
    return DifficultyReference(
      visitId: visits[v].id, number: visits[v].difficulties.firstIndex(where: fits)! + 1)
  }

  /// What follows an approval, as far as `today`: the agreement with the company's co-funding
  /// a week or two later, one instalment (two, an advance and the balance, for larger supports),
  /// and, when the project finished before today, the settlement — most spend what they got,
  /// some return unspent money or costs the office did not allow, a few are paid the balance
  /// only for what they spent.
  private func carryOut(
    _ d: inout DraftRequest, _ program: Program, approvedOn day: Int, finished: Int,
    finishMinute: Int, manager: String, _ rng: inout SeededGenerator
  ) {
    let todayOrdinal = today.ordinal
    let approved = d.request.approvedKRW!
    let agreedOn = day + rng.int(5...20)
    let completing = finished < todayOrdinal
    guard agreedOn < todayOrdinal else { return }
    var cofunding = Self.roundUp(program.minimumCofunding(for: approved), to: 100_000)
    if rng.chance(0.3) { cofunding += approved / 10 / 100_000 * 100_000 }
    d.request.status = .agreed
    d.request.agreement = Agreement(date: Day(ordinal: agreedOn), cofundingKRW: cofunding)
    d.step(agreedOn, 60 + rng.below(420), manager)
    let first = agreedOn + rng.int(3...14)
    guard first < todayOrdinal else { return }
    let twoInstalments = approved >= 20_000_000 && (!completing || finished - first > 20)
    let advance =
      twoInstalments ? approved * KRW(rng.int(6...7)) / 10 / 100_000 * 100_000 : approved
    d.pay(first, 60 + rng.below(420), manager, advance)
    // Paid for what was spent only: the balance is cut to the spending, nothing is returned.
    let payOnlySpent = completing && twoInstalments && rng.chance(0.15)
    var spent = approved
    if twoInstalments {
      let second =
        completing
        ? first + 1 + rng.below(max(1, finished - first - 1)) : first + rng.int(30...90)
      if second < todayOrdinal {
        var balance = approved - advance
        if payOnlySpent {
          spent = approved * KRW(rng.int(85...95)) / 100 / 100_000 * 100_000
          balance = max(0, spent - advance)
        }
        if balance > 0 { d.pay(second, 60 + rng.below(420), manager, balance) }
      }
    }
    guard completing else { return }
    let paid = d.instalments.map(\.amount).reduce(0, +)
    spent = min(spent, paid)
    var disallowed: KRW = 0
    if !payOnlySpent {
      let roll = rng.unit()
      if roll < 0.25 || roll > 0.95 {
        spent = paid - paid * KRW(rng.int(5...15)) / 100 / 100_000 * 100_000
      }
      if roll > 0.85 { disallowed = spent * KRW(rng.int(3...8)) / 100 / 10_000 * 10_000 }
    }
    d.request.status = .completed
    d.request.settlement = Settlement(
      reportDate: Day(ordinal: finished), spentKRW: spent, disallowedKRW: disallowed,
      returnedKRW: paid - spent + disallowed)
    d.step(finished, finishMinute, manager)
  }

  /// Next year's programs, set up in November from this year's (budgets 5% up, an early call
  /// from 2 November), and the requests of that early call: drafts being written, requests
  /// waiting for the December committee, and the few the November committee already saw —
  /// one approved (its agreement waits for the new year), one rejected, one withdrawn — plus a
  /// second request of the approved member to the same program (중복지원), which its cap of
  /// one support a year would refuse.
  private func makeNextYear(firstId: Int) -> [DraftRequest] {
    var rng = SeededGenerator(seed: seed, stream: 9)
    let year = today.year + 1
    let opens = Day(year: today.year, month: 11, day: 2)!
    var made: [Program] = []
    for program in programs where program.year == today.year {
      var next = program
      next.id = Int64(firstId + made.count)
      next.year = year
      next.budgetKRW = SupportRules.scaled(program.budgetKRW, by: 1.05)
      next.opens = opens
      next.closes = Day(year: year, month: 11, day: 25)!
      next.note = "\(today.year)년 대비 예산 5% 증액, \(opens)부터 사전 접수"
      made.append(next)
    }
    programs += made
    let review = Self.reviewDay(onOrAfter: opens.ordinal + 5)
    let pool = members.indices.filter {
      members[$0].kind == .company && members[$0].status == .active && info[$0].left == Int.max
    }
    guard pool.count >= 11, review + 2 < today.ordinal,
      let develop = made.first(where: { $0.name == "현장맞춤기술개발" })
    else { return [] }
    let others = made.filter { $0.id != develop.id }
    let chosen = rng.distinct(11, of: pool.count).map { pool[$0] }
    let early = opens.ordinal...(review - 4)
    let late = (review + 1)...(today.ordinal - 1)
    let reviewer = plan.reviewers.values.first?.first ?? "-"
    func request(_ program: Program, member: Int, submitted: Int?) -> DraftRequest {
      let type = Self.programTypes.first { $0.name == program.name }!
      let span = (type.amounts.upperBound - type.amounts.lowerBound) / 100_000
      let requested = KRW(type.amounts.lowerBound + rng.int(0...span) * 100_000)
      var d = DraftRequest(
        program: Int(program.id) - 1, member: member,
        request: SupportRequest(
          memberId: Int64(member + 1), programId: program.id,
          title: title(type, member: member, &rng), requestedKRW: requested,
          cofundingKRW: Self.roundUp(program.minimumCofunding(for: requested), to: 100_000),
          submitted: submitted.map { Day(ordinal: $0) },
          status: submitted == nil ? .draft : .pending))
      let manager = plan.clusters[info[member].cluster].manager
      d.step(submitted ?? (today.ordinal - rng.int(1...20)), 60 + rng.below(420), manager)
      return d
    }
    func decided(_ d: inout DraftRequest, _ status: RequestStatus, _ reason: String, on day: Int) {
      d.request.status = status
      d.request.reason = reason
      d.request.decided = Day(ordinal: day)
      d.request.reviewer =
        status == .withdrawn ? plan.clusters[info[d.member].cluster].manager : reviewer
      if status == .approved { d.request.approvedKRW = d.request.requestedKRW }
      d.step(day, 120 + rng.below(300), d.request.reviewer)
    }
    var drafts: [DraftRequest] = []
    var approved = request(develop, member: chosen[0], submitted: early.lowerBound + 1)
    decided(&approved, .approved, "", on: review)
    drafts.append(approved)
    drafts.append(request(develop, member: chosen[0], submitted: rng.int(late)))
    var rejected = request(rng.pick(others), member: chosen[1], submitted: rng.int(early))
    decided(&rejected, .rejected, "신청 자격 미달 (국세 체납)", on: review)
    drafts.append(rejected)
    let submitted = rng.int(early)
    var withdrawn = request(rng.pick(others), member: chosen[2], submitted: submitted)
    decided(&withdrawn, .withdrawn, rng.pick(Self.withdrawalReasons), on: submitted + 3)
    drafts.append(withdrawn)
    for member in chosen[3..<8] {
      drafts.append(request(rng.pick(others), member: member, submitted: rng.int(late)))
    }
    for member in chosen[8...] {
      drafts.append(request(rng.pick(others), member: member, submitted: nil))
    }
    return drafts
  }
}

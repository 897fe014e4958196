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
      ]),
    ProgramType(
      name: "산업재산권출원", category: .technology, budget: 50_000_000,
      amounts: 3_000_000...5_000_000, demand: 1.0,
      titles: [
        t("", .subject, " 관련 특허 출원"), t("", .subject, " 디자인 출원"), t("", .subject, " PCT 국제특허 출원"),
      ]),
    ProgramType(
      name: "시제품제작", category: .technology, budget: 150_000_000,
      amounts: 10_000_000...30_000_000, demand: 1.5,
      titles: [t("", .subject, " 시제품 제작"), t("", .subject, " 금형 및 시제품 제작")]),
    ProgramType(
      name: "시험분석", category: .technology, budget: 60_000_000,
      amounts: 3_000_000...15_000_000, demand: 1.0,
      titles: [
        t("", .subject, " EMC 시험"), t("", .subject, " 신뢰성 시험분석"), t("", .product, " 성능 시험성적서 발급"),
      ]),
    ProgramType(
      name: "해외규격인증", category: .technology, budget: 100_000_000,
      amounts: 10_000_000...25_000_000, demand: 1.4,
      titles: [
        t("", .subject, " CE 인증 취득"), t("", .subject, " FCC 인증 취득"), t("", .product, " UL 인증 취득"),
      ]),
    ProgramType(
      name: "제품포장디자인", category: .management, budget: 60_000_000,
      amounts: 5_000_000...15_000_000, demand: 0.9,
      titles: [t("", .product, " 포장디자인 개선"), t("", .product, " 패키지 리뉴얼")]),
    ProgramType(
      name: "홍보동영상·카탈로그 제작", category: .management, budget: 80_000_000,
      amounts: 5_000_000...10_000_000, demand: 0.95,
      titles: [t("", .product, " 홍보동영상 제작"), t("", .product, " 영문 카탈로그 제작")]),
    ProgramType(
      name: "국내외전시회 참가", category: .management, budget: 120_000_000,
      amounts: 5_000_000...15_000_000, demand: 1.2,
      titles: [
        t("한국전자전(KES) 참가"), t("독일 MEDICA 전시회 참가"), t("CES 한국관 참가"), t("하노버 산업박람회 참가"),
        t("국제의료기기·병원설비전시회(KIMES) 참가"), t("", .product, " 전문전시회 참가"),
      ]),
    ProgramType(
      name: "경영·재무컨설팅", category: .management, budget: 100_000_000,
      amounts: 5_000_000...15_000_000, demand: 0.85,
      titles: [t("재무구조 개선 컨설팅"), t("ISO 9001 인증 컨설팅"), t("인사·노무제도 개선 컨설팅"), t("스마트공장 도입 컨설팅")]),
    ProgramType(
      name: "1사1멘토링", category: .mentoring, budget: 50_000_000,
      amounts: 2_000_000...5_000_000, demand: 0.7,
      titles: [t("", .subject, " 기술 멘토링"), t("수출 실무 멘토링"), t("회계·세무 멘토링")]),
    ProgramType(
      name: "공동마케팅", category: .marketing, budget: 70_000_000,
      amounts: 5_000_000...15_000_000, demand: 1.0,
      titles: [t("미니클러스터 공동관 참가 (", .product, ")"), t("온라인 공동 홍보관 입점"), t("공동 브랜드 카탈로그 참여")]),
    ProgramType(
      name: "해외시장개척", category: .marketDevelopment, budget: 90_000_000,
      amounts: 10_000_000...20_000_000, demand: 1.3,
      titles: [t("베트남 시장개척단 참가"), t("인도 시장개척단 참가"), t("미국 바이어 상담회 참가"), t("중동 시장개척단 참가")]),
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

  private struct DraftRequest {
    var program: Int
    var member: Int
    var title: String
    var requested: KRW
    var submitted: Int?
    var status: RequestStatus
    var approved: KRW?
    var decided: Int?
    var reviewer: String
    var reason: String
    /// (day, minute, field, before, after, actor)
    var trail: [(Int, Int, String, String, String, String)]
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

  func makeRequests() {
    var rng = SeededGenerator(seed: seed, stream: 7)
    let todayOrdinal = today.ordinal
    let regions = Array(Set(plan.clusters.map(\.region))).sorted()
    var regionCompanies: [Int: [Int]] = [:]
    for r in regions {
      regionCompanies[r] = members.indices.filter {
        members[$0].kind == .company && plan.clusters[info[$0].cluster].region == r
      }
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
          programs.append(
            Program(
              id: Int64(p + 1), year: y,
              name: national ? type.name + " (" + Vocabulary.regions[r].short + ")" : type.name,
              category: type.category, budgetKRW: budget))
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
            let mi = info[member]
            let theme = Vocabulary.themes[mi.theme]
            let template = rng.pick(type.titles)
            let slot: String
            switch template.slot {
            case .subject: slot = theme.subjects[mi.subject]
            case .product: slot = theme.products[mi.products[0]]
            case .none: slot = ""
            }
            let span = (type.amounts.upperBound - type.amounts.lowerBound) / 100_000
            let requested = KRW(type.amounts.lowerBound + rng.int(0...span) * 100_000)
            batch.append(
              DraftRequest(
                program: p, member: member, title: template.head + slot + template.tail,
                requested: requested, submitted: submitted,
                status: submitted == nil ? .draft : .pending,
                approved: nil, decided: nil, reviewer: "", reason: "", trail: []))
          }
          // Decide in the order the reviews happen, spending the budget as it goes.
          var outcomes: [(index: Int, day: Int)] = []
          for i in batch.indices {
            guard let s = batch[i].submitted else { continue }
            var delay = rng.int(14...24)
            if rng.chance(0.18) { delay += rng.int(30...90) }
            let day = Self.reviewDay(onOrAfter: s + delay)
            if day < todayOrdinal { outcomes.append((i, day)) }
          }
          outcomes.sort { $0.day != $1.day ? $0.day < $1.day : $0.index < $1.index }
          var spent: KRW = 0
          for (i, day) in outcomes {
            let reviewer = rng.pick(reviewers)
            let minute = 60 + rng.below(420)
            let roll = rng.unit()
            let manager = plan.clusters[info[batch[i].member].cluster].manager
            if roll < 0.07 {
              let s = batch[i].submitted!
              let on = min(todayOrdinal - 1, s + 2 + rng.below(max(1, day - s - 2)))
              batch[i].status = .withdrawn
              batch[i].reason = rng.pick(Self.withdrawalReasons)
              batch[i].trail = [(on, minute, "status", "pending", "withdrawn", manager)]
              continue
            }
            var reason = roll < 0.21 ? rng.pick(Self.rejectionReasons) : ""
            var amount: KRW = 0
            if reason.isEmpty {
              let factor = [10, 10, 10, 10, 10, 10, 9, 9, 8][rng.below(9)]
              amount = batch[i].requested * KRW(factor) / 10 / 100_000 * 100_000
              if spent + amount > budget {
                let remaining = (budget - spent) / 100_000 * 100_000
                if remaining >= KRW(type.amounts.lowerBound) {
                  amount = remaining
                } else {
                  reason = "예산 소진"
                }
              }
            }
            batch[i].decided = day
            batch[i].reviewer = reviewer
            if !reason.isEmpty {
              batch[i].status = .rejected
              batch[i].reason = reason
              batch[i].trail = [
                (day, minute, "status", "pending", "rejected", reviewer),
                (day, minute, "reason", "", reason, reviewer),
              ]
              continue
            }
            spent += amount
            batch[i].approved = amount
            batch[i].status = .approved
            batch[i].trail = [
              (day, minute, "status", "pending", "approved", reviewer),
              (day, minute, "approvedKRW", "", String(amount), reviewer),
            ]
            let finished = day + rng.int(45...150)
            if finished < todayOrdinal {
              batch[i].status = .completed
              batch[i].trail.append(
                (finished, 60 + rng.below(420), "status", "approved", "completed", reviewer))
            }
          }
          drafts += batch
          meter.step(programIndex * 90 / max(totalPrograms, 1))
        }
      }
    }

    let order = drafts.indices.sorted {
      let a = drafts[$0].submitted ?? Int.max
      let b = drafts[$1].submitted ?? Int.max
      if a != b { return a < b }
      return $0 < $1
    }
    var trail: [(day: Int, minute: Int, request: Int, seq: Int, entry: Int)] = []
    var flat: [(Int, Int, String, String, String, String)] = []
    requests.reserveCapacity(drafts.count)
    for i in order {
      let d = drafts[i]
      let id = Int64(requests.count + 1)
      requests.append(
        SupportRequest(
          id: id, memberId: Int64(d.member + 1), programId: Int64(d.program + 1), title: d.title,
          requestedKRW: d.requested, submitted: d.submitted.map { Day(ordinal: $0) },
          status: d.status,
          approvedKRW: d.approved, decided: d.decided.map { Day(ordinal: $0) },
          reviewer: d.reviewer,
          reason: d.reason))
      for (k, e) in d.trail.enumerated() {
        trail.append((e.0, e.1, Int(id), k, flat.count))
        flat.append(e)
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
          at: FastText.timestamp(Day(ordinal: t.day), minute: t.minute), actor: e.5, field: e.2,
          before: e.3, after: e.4))
    }
  }
}

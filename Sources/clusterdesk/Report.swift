import ArgumentParser
import ClusterKit
import Foundation
import TerminalKit

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: language.pick(
      "The year's figures for the annual report (실적보고): members, meetings, supports, visits, mentoring, SIGs and the directory book.",
      "연간 실적보고용 수치: 회원, 회의, 지원, 방문, 멘토링, SIG, 디렉토리북."))

  @OptionGroup var location: WorkspaceLocation
  @Option(help: ArgumentHelp(language.pick("The year (default: this year).", "연도 (기본값: 올해).")))
  var year: Int?

  func run() throws {
    try reporting {
      let workspace = try location.open()
      let report = try workspace.annualReport(year: year ?? today.year, today: today)
      print(ReportText.render(report, language), terminator: "")
    }
  }
}

enum ReportText {
  static func render(_ r: AnnualReport, _ l: Language) -> String {
    var out = ""
    func heading(_ en: String, _ ko: String) { out += "\n" + l.pick(en, ko) + "\n" }
    func row(_ cells: [String], _ widths: [Int]) {
      // Negative widths align right; a cell wider than its column pushes the rest along rather
      // than being cut.
      out +=
        "  "
        + zip(cells, widths).map { cell, width in
          let gap = String(repeating: " ", count: max(0, abs(width) - DisplayWidth.of(cell)))
          return width < 0 ? gap + cell : cell + gap
        }.joined(separator: "  ").replacingOccurrences(
          of: "\\s+$", with: "", options: .regularExpression) + "\n"
    }
    out += l.pick("Annual report \(r.year)", "\(r.year)년 실적보고") + " — \(r.office.name)\n"
    heading("Members", "회원 현황")
    for kind in MemberKind.allCases {
      row([kind.label(l), String(r.membersByKind[kind] ?? 0)], [18, -6])
    }
    row([l.pick("total", "합계"), String(r.totalMembers)], [18, -6])
    for line in r.membersByCluster { row(["· " + line.cluster, String(line.count)], [30, -6]) }
    heading("Meetings held", "회의 개최 실적")
    row(
      [l.pick("kind", "종류"), l.pick("held", "개최"), l.pick("participation", "참석률")], [20, -6, -14])
    for line in r.meetings {
      row(
        [line.kind.label(l), String(line.held), Format.percent(line.participation.rate)],
        [20, -6, -14])
    }
    heading("Support by program", "지원사업별 실적")
    let supportWidths = [26, -8, -14, -8, -14, -14, -14, -14]
    func supportHeader(_ first: String, _ firstKorean: String) {
      row(
        [
          l.pick(first, firstKorean), l.pick("requests", "신청"), l.pick("requested", "신청액"),
          l.pick("approved", "선정"), l.pick("amount", "지원액"), l.pick("co-funding", "자부담"),
          l.pick("disbursed", "교부액"), l.pick("returned", "반환액"),
        ], supportWidths)
    }
    func supportRow(_ name: String, _ t: SupportTotals) {
      row(
        [
          name, String(t.requestCount), Money.grouped(t.requestedKRW), String(t.approvedCount),
          Money.grouped(t.approvedKRW), Money.grouped(t.cofundingKRW),
          Money.grouped(t.disbursedKRW), Money.grouped(t.returnedKRW),
        ], supportWidths)
    }
    supportHeader("program", "지원사업")
    for f in r.programs { supportRow(f.program.name, f.totals) }
    supportRow(l.pick("total", "합계"), r.totals)
    out +=
      "  "
      + l.pick(
        "In all: \(r.approvedCount) supports selected, \(Money.compact(r.approvedKRW))",
        "총 \(r.approvedCount)건 선정, \(Money.compact(r.approvedKRW))") + "\n"
    heading("Budgets", "예산 집행")
    let budgetWidths = [26, -16, -16, -16, -16]
    row(
      [
        l.pick("program", "지원사업"), l.pick("budget", "예산"), l.pick("pending", "심사중"),
        l.pick("committed", "배정"), l.pick("remaining", "잔액"),
      ], budgetWidths)
    for f in r.programs {
      row(
        [
          f.program.name, Money.grouped(f.budgetKRW), Money.grouped(f.pendingKRW),
          Money.grouped(f.committedKRW), Money.grouped(f.remainingKRW),
        ], budgetWidths)
    }
    let committed = r.totals.committedKRW
    row(
      [
        l.pick("total", "합계"), Money.grouped(r.budgetKRW), Money.grouped(r.totals.pendingKRW),
        Money.grouped(committed), Money.grouped(r.budgetKRW - committed),
      ], budgetWidths)
    heading("Support by category", "분야별 실적")
    supportHeader("category", "분야")
    for c in r.categories { supportRow(c.category.label(l), c.totals) }
    heading("Support by mini-cluster", "미니클러스터별 실적")
    supportHeader("mini-cluster", "미니클러스터")
    for c in r.clusters { supportRow(c.cluster, c.totals) }
    let statuses = RequestStatus.allCases.map { "\($0.label(l)) \(r.requestsByStatus[$0] ?? 0)" }
    out += "  " + l.pick("Requests: ", "신청 현황: ") + statuses.joined(separator: ", ") + "\n"
    heading("Company visits", "기업 방문")
    out +=
      "  "
      + l.pick(
        "\(r.visits) visits to \(r.companiesVisited) members",
        "방문 \(r.visits)회, 회원 \(r.companiesVisited)곳") + "\n"
    let categories = DifficultyCategory.allCases.compactMap { c in
      r.difficultiesByCategory[c].map { "\(c.label(l)) \($0)" }
    }
    if !categories.isEmpty {
      out += "  " + l.pick("Difficulties: ", "애로사항: ") + categories.joined(separator: ", ") + "\n"
      out +=
        "  "
        + l.pick(
          "Of the \(r.difficultiesFound) difficulties found, \(r.difficultiesAnswered) led to a request and \(r.difficultiesSupported) to an approved support",
          "발굴한 애로사항 \(r.difficultiesFound)건 중 \(r.difficultiesAnswered)건 지원신청, \(r.difficultiesSupported)건 지원 선정"
        ) + "\n"
    }
    out +=
      "  "
      + l.pick(
        "Follow-ups: \(r.followUpsDone) done, \(r.followUpsOpen) open (\(r.followUpsOverdue) overdue)",
        "후속조치: 완료 \(r.followUpsDone), 진행 \(r.followUpsOpen) (지연 \(r.followUpsOverdue))") + "\n"
    let p = r.programmes
    func line(_ en: String, _ ko: String) { out += "  " + l.pick(en, ko) + "\n" }
    heading("Mentoring (1사1멘토링)", "1사1멘토링")
    let kinds = ExpertKind.allCases.compactMap { k in
      p.expertsByKind[k].map { "\(k.label(l)) \($0)" }
    }.joined(separator: ", ")
    line(
      "Expert pool: \(p.experts) (\(kinds)); \(p.expertsMentoring) mentoring now",
      "전문가 풀: \(p.experts)명 (\(kinds)), 현재 멘토링 \(p.expertsMentoring)명")
    line(
      "Companies with a mentor: \(p.mentoredCompanies) of \(p.activeCompanies) active companies (\(p.activeCompanies - p.mentoredCompanies) without)",
      "멘토 배정 기업: 활동 기업 \(p.activeCompanies)개 중 \(p.mentoredCompanies)개 (미배정 \(p.activeCompanies - p.mentoredCompanies)개)"
    )
    line(
      "Assignments in \(r.year): \(p.assignments) (\(p.assignmentsStarted) started, \(p.assignmentsEnded) ended)",
      "\(r.year)년 멘토링 배정: \(p.assignments)건 (신규 \(p.assignmentsStarted), 종료 \(p.assignmentsEnded))")
    line(
      "Sessions: \(p.sessions) with \(p.companiesWithSessions) companies",
      "멘토링 실적: \(p.companiesWithSessions)개사 \(p.sessions)회")
    heading("SIGs (1사1SIG)", "1사1SIG")
    line(
      "\(p.sigs) SIGs; \(p.sigCompanies) of \(p.activeCompanies) active companies in a SIG (\(p.activeCompanies - p.sigCompanies) in none)",
      "SIG \(p.sigs)개, 활동 기업 \(p.activeCompanies)개 중 \(p.sigCompanies)개 참여 (미참여 \(p.activeCompanies - p.sigCompanies)개)"
    )
    let tasks = SIGTaskStatus.allCases.map { "\($0.label(l)) \(p.tasksByStatus[$0] ?? 0)" }
      .joined(separator: ", ")
    line(
      "Tasks: \(tasks); \(p.tasksDone) done in \(r.year)",
      "과제: \(tasks), \(r.year)년 완료 \(p.tasksDone)건")
    heading("Directory book \(r.year)", "\(r.year)년 디렉토리북")
    let book = p.directoryBook
    line(
      "\(book.submitted) of \(book.members) members submitted their profile; \(book.asked) asked",
      "회원 \(book.members)곳 중 \(book.submitted)곳 제출, \(book.asked)곳 요청")
    if !r.nextYearPrograms.isEmpty {
      heading("Plans for \(r.year + 1)", "\(r.year + 1)년 계획")
      for p in r.nextYearPrograms { row([p.name, Money.format(p.budgetKRW)], [24, -18]) }
    }
    return out
  }
}

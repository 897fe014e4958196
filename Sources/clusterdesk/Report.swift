import ArgumentParser
import ClusterKit
import Foundation
import TerminalKit

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: language.pick(
      "The year's figures for the annual report (실적보고): members, meetings, supports, visits.",
      "연간 실적보고용 수치: 회원, 회의, 지원, 방문."))

  @OptionGroup var location: WorkspaceLocation
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(language.pick("The year (default: this year).", "연도 (기본값: 올해).")))
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
    out +=
      "  "
      + l.pick(
        "Directory book: \(r.profilesSubmitted) of \(r.companies) companies submitted their profile",
        "디렉토리북: 기업 \(r.companies)개 중 \(r.profilesSubmitted)개 제출") + "\n"
    heading("Meetings held", "회의 개최 실적")
    row(
      [l.pick("kind", "종류"), l.pick("held", "개최"), l.pick("participation", "참석률")], [20, -6, -14])
    for line in r.meetings {
      row(
        [line.kind.label(l), String(line.held), percent(line.participation.rate)], [20, -6, -14])
    }
    heading("Support by program", "지원사업별 실적")
    row(
      [
        l.pick("program", "지원사업"), l.pick("approved", "선정"), l.pick("amount", "지원액"),
        l.pick("budget", "예산"),
        l.pick("pending", "심사중"),
      ], [26, -9, -16, -16, -8])
    for b in r.programs {
      row(
        [
          b.program.name, String(b.approvedCount), Money.format(b.approvedKRW),
          Money.format(b.program.budgetKRW),
          String(b.pendingCount),
        ], [26, -9, -16, -16, -8])
    }
    row(
      [
        l.pick("total", "합계"), String(r.approvedCount), Money.format(r.approvedKRW),
        Money.format(r.budgetKRW), "",
      ],
      [26, -9, -16, -16, -8])
    out +=
      "  "
      + l.pick(
        "In all: \(r.approvedCount) supports selected, \(Money.compact(r.approvedKRW))",
        "총 \(r.approvedCount)건 선정, \(Money.compact(r.approvedKRW))") + "\n"
    for c in r.categories {
      row(
        [c.category.label(l), String(c.approvedCount), Money.compact(c.approvedKRW)], [26, -9, -16])
    }
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
    }
    out +=
      "  "
      + l.pick(
        "Follow-ups: \(r.followUpsDone) done, \(r.followUpsOpen) open (\(r.followUpsOverdue) overdue)",
        "후속조치: 완료 \(r.followUpsDone), 진행 \(r.followUpsOpen) (지연 \(r.followUpsOverdue))") + "\n"
    heading("Mentoring and SIGs", "멘토링 · SIG")
    out +=
      "  "
      + l.pick(
        "\(r.mentorings) companies mentored from a pool of \(r.experts) experts; \(r.sigs) SIGs with \(r.sigMembers) members",
        "전문가 \(r.experts)명 중 멘토링 \(r.mentorings)개사, SIG \(r.sigs)개 (참여 \(r.sigMembers)개사)") + "\n"
    if !r.nextYearPrograms.isEmpty {
      heading("Plans for \(r.year + 1)", "\(r.year + 1)년 계획")
      for p in r.nextYearPrograms { row([p.name, Money.format(p.budgetKRW)], [24, -18]) }
    }
    return out
  }
}

import ArgumentParser
import ClusterKit
import Dashboard
import Foundation
import TerminalKit

struct ProgramsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "programs",
    abstract: language.pick(
      "Support programs (지원사업) of each year: budgets, co-funding share, caps, windows and their figures.",
      "연도별 지원사업: 예산, 자부담 비율, 기업당 한도, 접수기간과 집행 현황."),
    subcommands: [List.self, Show.self, Add.self, Edit.self, Copy.self],
    defaultSubcommand: List.self)

  static let categorySynonyms: [String: ProgramCategory] = [
    "기술": .technology, "tech": .technology, "경영": .management, "멘토링지원": .mentoring,
    "마케팅": .marketing, "marketing": .marketing, "해외": .marketDevelopment,
    "시장개척": .marketDevelopment, "교육": .training, "훈련": .training,
  ]

  static func category(_ text: String) throws -> ProgramCategory {
    try MemberRules.parse(
      text, as: ProgramCategory.self, field: "programCategory", synonyms: categorySynonyms)
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: language.pick(
        "List programs with their budget, pending, approved, committed, disbursed, returned and remaining money.",
        "지원사업 목록과 예산, 심사중, 승인, 배정, 교부, 반환, 잔액을 보여 줍니다."))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var output: OutputOptions
    @Option(
      help: ArgumentHelp(
        language.pick("Only this year (default: every year).", "이 연도만 (기본값: 모든 연도).")))
    var year: String?

    func run() throws {
      try reporting {
        let workspace = try location.openForReading()
        let l = language
        let year = try self.year.map { try SupportInput.year($0) }
        try Listing(
          sheet: l.pick("Programs", "지원사업"),
          columns: [
            .init(key: "id", title: "#", alignRight: true),
            .init(.year, l),
            .init(.program, l, key: "name"),
            .init(.programCategory, l, key: "category"),
            .init(.budget, l, key: "budgetKRW", alignRight: true),
            .init(.pending, l, key: "pendingKRW", alignRight: true),
            .init(.approvedAmount, l, key: "approvedKRW", alignRight: true),
            .init(.committed, l, key: "committedKRW", alignRight: true),
            .init(.disbursed, l, key: "disbursedKRW", alignRight: true),
            .init(.returned, l, key: "returnedKRW", alignRight: true),
            .init(.remaining, l, key: "remainingKRW", alignRight: true),
          ],
          eachRow: { row in
            try workspace.eachProgramFigures(year: year) { p in
              try row([
                .number(p.program.id), .number(p.program.year), .text(p.program.name),
                .text(p.program.category.label(l)), .won(p.budgetKRW), .won(p.pendingKRW),
                .won(p.approvedKRW), .won(p.committedKRW), .won(p.disbursedKRW),
                .won(p.returnedKRW), .won(p.remainingKRW),
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
        "Show a program: its terms, its figures and its requests by status.",
        "지원사업 하나의 조건, 집행 현황, 상태별 신청을 보여 줍니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(
      help: ArgumentHelp(
        language.pick(
          "The program: its number, or (part of) its name.", "지원사업: 번호 또는 이름(일부만 써도 됩니다).")))
    var program: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "The program's year, when several years share the name.", "여러 연도에 같은 이름이 있을 때 연도.")))
    var year: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let l = language
        let found = try workspace.findProgram(
          try SupportInput.required(program, "program"),
          year: try year.map { try SupportInput.year($0) })
        guard let detail = try workspace.programDetail(id: found.id) else {
          throw WorkspaceError.recordNotFound(kind: "program", reference: "#\(found.id)")
        }
        print(Document.program(detail, l).plainText, terminator: "")
      }
    }
  }

  /// The program terms a command line can set; unset ones are left as they are, and `none`
  /// clears an optional one.
  struct Terms: ParsableArguments {
    @Option(
      help: ArgumentHelp(language.pick("Program name (unique in its year).", "지원사업명 (연도 안에서 유일).")))
    var name: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "technology, management, mentoring, marketing, marketDevelopment or training (기술지원, 경영지원, 멘토링, 공동마케팅, 해외시장개척, 교육훈련).",
          "기술지원, 경영지원, 멘토링, 공동마케팅, 해외시장개척 또는 교육훈련 (technology, management, mentoring, marketing, marketDevelopment, training)."
        )
      ))
    var category: String?
    @Option(
      help: ArgumentHelp(
        language.pick("Budget in KRW: 60000000, 6천만, 0.6억.", "예산(원): 60000000, 6천만, 0.6억.")))
    var budget: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "The company's share of the total project cost (자부담 비율), e.g. 20 or 20%.",
          "총사업비 중 기업 부담 비율(자부담 비율), 예: 20 또는 20%.")))
    var cofundingShare: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "At most this much approved per member in the program's year; none clears it.",
          "기업당 연간 지원 한도액; none이면 없앱니다.")))
    var memberCap: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "At most this many approved requests per member in the program's year; none clears it.",
          "기업당 연간 지원 건수 한도; none이면 없앱니다.")))
    var memberCapCount: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "Application window opens, 2027-02-16; none clears it.",
          "접수 시작일, 예: 2027-02-16; none이면 없앱니다.")))
    var opens: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "Application window closes, 2027-11-25; none clears it.",
          "접수 마감일, 예: 2027-11-25; none이면 없앱니다.")))
    var closes: String?
    @Option(help: ArgumentHelp(language.pick("A note.", "비고.")))
    var note: String?

    /// Applies the set terms, collecting every problem instead of stopping at the first.
    func apply(to program: inout Program) throws {
      var problems = FieldProblems()
      if let name { program.name = name }
      if let category {
        try problems.attempt { program.category = try ProgramsCommand.category(category) }
      }
      if let budget {
        try problems.attempt {
          program.budgetKRW = try SupportInput.amount(budget, field: "budget")
        }
      }
      if let cofundingShare {
        try problems.attempt {
          program.cofundingPercent = try SupportRules.percent(
            cofundingShare, field: "cofundingShare")
        }
      }
      if let memberCap {
        try problems.attempt {
          program.memberCapKRW = try SupportInput.amountOrNone(memberCap, field: "memberCap")
        }
      }
      if let memberCapCount {
        try problems.attempt {
          program.memberCapCount =
            SupportInput.isNone(memberCapCount)
            ? nil : try SupportRules.count(memberCapCount, field: "memberCapCount")
        }
      }
      if let opens {
        try problems.attempt {
          program.opens = SupportInput.isNone(opens) ? nil : try parseDay(opens, field: "opens")
        }
      }
      if let closes {
        try problems.attempt {
          program.closes = SupportInput.isNone(closes) ? nil : try parseDay(closes, field: "closes")
        }
      }
      if let note { program.note = note }
      try problems.check()
    }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: language.pick(
        "Add a program for a year with its budget and terms.", "한 해의 지원사업을 예산과 조건과 함께 추가합니다."))

    @OptionGroup var location: WorkspaceLocation
    @Option(help: ArgumentHelp(language.pick("The program's year (required).", "지원사업 연도 (필수).")))
    var year: String?
    @OptionGroup var terms: Terms

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let l = language
        var missing: [FieldError] = []
        if year == nil { missing.append(FieldError(field: "year", problem: .required)) }
        if terms.name == nil {
          missing.append(FieldError(field: "programName", problem: .required))
        }
        if terms.category == nil {
          missing.append(FieldError(field: "programCategory", problem: .required))
        }
        if terms.budget == nil { missing.append(FieldError(field: "budget", problem: .required)) }
        if !missing.isEmpty { throw ValidationError(missing) }
        var program = Program(
          year: try SupportInput.year(year!), name: "", category: .technology, budgetKRW: 0)
        try terms.apply(to: &program)
        let saved = try about("New program", "새 지원사업") { try workspace.addProgram(program) }
        print(
          l.pick(
            "Added program #\(saved.id) \(Document.programName(saved)): budget \(Money.format(saved.budgetKRW)), co-funding \(Document.shareText(saved, l)), cap per member \(Document.capText(saved, l)).",
            "지원사업 #\(saved.id) \(Document.programName(saved), .object) 추가했습니다: 예산 \(Money.format(saved.budgetKRW)), 자부담 \(Document.shareText(saved, l)), 기업당 한도 \(Document.capText(saved, l))."
          ))
      }
    }
  }

  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit",
      abstract: language.pick(
        "Change a program's name, category, budget or terms (the budget never below what is committed).",
        "지원사업의 이름, 분야, 예산, 조건을 바꿉니다 (예산은 이미 배정된 금액보다 줄일 수 없습니다)."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(
      help: ArgumentHelp(language.pick("The program's number (or name).", "지원사업 번호 (또는 이름).")))
    var program: String?
    @OptionGroup var terms: Terms

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let l = language
        let original = try workspace.findProgram(try SupportInput.required(program, "program"))
        var changed = original
        try terms.apply(to: &changed)
        let saved = try about("Program #\(original.id)", "지원사업 #\(original.id)") {
          try workspace.updateProgram(changed, original: original)
        }
        print(
          l.pick(
            "Saved program #\(saved.id) \(Document.programName(saved)).",
            "지원사업 #\(saved.id) \(Document.programName(saved), .object) 저장했습니다."))
      }
    }
  }

  struct Copy: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "copy",
      abstract: language.pick(
        "Set a year's programs up from another year's: the same terms, budgets scaled and rounded to 만원.",
        "다른 해의 지원사업으로 한 해를 준비합니다: 조건은 같게, 예산은 배율을 곱해 만원 단위로 맞춥니다."))

    @OptionGroup var location: WorkspaceLocation
    @Option(help: ArgumentHelp(language.pick("The year to copy from.", "복사할 원본 연도.")))
    var from: String?
    @Option(help: ArgumentHelp(language.pick("The year to set up.", "준비할 연도.")))
    var to: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "Multiply every budget by this, e.g. 1.05 (default 1).", "모든 예산에 곱할 배율, 예: 1.05 (기본값 1).")
      ))
    var budgetScale: String = "1"

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let l = language
        guard let scale = Decimal(string: budgetScale.trimmingCharacters(in: .whitespaces)),
          budgetScale.trimmingCharacters(in: .whitespaces).allSatisfy({ $0.isNumber || $0 == "." })
        else {
          throw FieldError(
            field: "budgetScale", problem: .invalidFormat(expected: "1.05"), value: budgetScale)
        }
        let from = try SupportInput.year(
          try SupportInput.required(self.from, "copyFrom"), field: "copyFrom")
        let to = try SupportInput.year(
          try SupportInput.required(self.to, "copyTo"), field: "copyTo")
        let copy = try workspace.copyPrograms(from: from, to: to, budgetScale: scale)
        let before = try workspace.programs(year: from).filter { p in
          copy.copied.contains { $0.name == p.name }
        }.map(\.budgetKRW).reduce(0, +)
        let after = copy.copied.map(\.budgetKRW).reduce(0, +)
        print(
          l.pick(
            "Copied \(copy.copied.count) program(s) from \(from) to \(to): budgets \(Money.compact(before)) → \(Money.compact(after)).",
            "\(from)년 지원사업 \(copy.copied.count)개를 \(to)년으로 복사했습니다: 예산 \(Money.compact(before)) → \(Money.compact(after))."
          ))
        if !copy.skipped.isEmpty {
          let names = copy.skipped.map(\.name).joined(separator: ", ")
          print(
            l.pick(
              "Left as they are, already in \(to): \(names).", "\(to)년에 이미 있어 그대로 둔 지원사업: \(names)."
            ))
        }
      }
    }
  }
}

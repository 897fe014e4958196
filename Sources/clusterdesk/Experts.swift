import ArgumentParser
import ClusterKit
import Foundation
import TerminalKit

struct ExpertsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "experts",
    abstract: language.pick(
      "The expert pool (전문가 풀) the office's mentors come from.", "멘토를 찾는 사무국의 전문가 풀."),
    subcommands: [List.self, Show.self, Add.self, Edit.self], defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: language.pick(
        "List experts by name with how many companies each mentors now.",
        "전문가를 이름순으로, 지금 멘토링하는 기업 수와 함께 보여 줍니다."))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var output: OutputOptions
    @Option(
      help: ArgumentHelp(
        language.pick("Part of the name or the affiliation.", "이름 또는 소속의 일부.")))
    var search: String = ""
    @Option(
      help: ArgumentHelp(
        language.pick("Only experts in this field, e.g. 회계.", "이 분야의 전문가만 (예: 회계).")))
    var field: String?
    @Option(help: ArgumentHelp(language.pick("Only this kind.", "이 소속 유형만.")))
    var kind: String?
    @Flag(
      help: ArgumentHelp(
        language.pick(
          "Only experts who can take another company.", "기업을 더 맡을 수 있는 전문가만.")))
    var withRoom = false

    func run() throws {
      try reporting {
        let workspace = try location.openForReading()
        let l = language
        let query = ExpertQuery(
          search: search, field: field, kind: try kind.map(ExpertText.parseKind), withRoom: withRoom
        )
        try Listing(
          sheet: l.pick("Experts", "전문가"),
          columns: [
            .init(key: "id", title: "#", alignRight: true),
            .init(.expertName, l, key: "name"),
            .init(.affiliation, l),
            .init(.expertKind, l, key: "kind"),
            .init(.fields, l),
            .init(.load, l, alignRight: true),
            .init(.capacity, l, alignRight: true),
            .init(.phone, l),
            .init(.email, l),
          ],
          eachRow: { row in
            try workspace.eachExpertRow(query) {
              try row([
                .number($0.expert.id), .text($0.expert.name), .text($0.expert.affiliation),
                .text($0.expert.kind.label(l)), .text($0.expert.fields.joined(separator: ", ")),
                .number($0.load), .number($0.expert.capacity), .text($0.expert.phone),
                .text($0.expert.email),
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
        "Show an expert, the companies they mentor and mentored, and their sessions.",
        "전문가 한 명과 멘토링 중인 기업, 지난 멘토링, 멘토링 횟수를 보여 줍니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(
      help: ArgumentHelp(
        language.pick("The expert: id or (part of) the name.", "전문가: 번호 또는 이름(일부만 써도 됩니다).")))
    var expert: String

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let found = try workspace.findExpert(expert)
        print(
          Document.expert(try workspace.expertDetail(id: found.id), language).plainText,
          terminator: "")
      }
    }
  }

  /// The expert fields a command line can set; unset ones are left as they are.
  struct ExpertFields: ParsableArguments {
    @Option(help: ArgumentHelp(language.pick("The expert's name.", "전문가 이름.")))
    var name: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "Where the expert works, e.g. 한결대학교 전자공학과.", "소속, 예: 한결대학교 전자공학과.")))
    var affiliation: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "university, institute, agency, company or other (대학, 연구기관, 지원기관, 기업, 기타).",
          "대학, 연구기관, 지원기관, 기업 또는 기타 (university, institute, agency, company, other).")))
    var kind: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "Fields of expertise separated by commas, e.g. \"회계,수출\".",
          "전문분야를 쉼표로 구분해서, 예: \"회계,수출\".")))
    var fields: String?
    @Option(
      help: ArgumentHelp(language.pick("Phone, e.g. 010-1234-5678.", "전화번호, 예: 010-1234-5678.")))
    var phone: String?
    @Option(help: ArgumentHelp(language.pick("E-mail.", "이메일.")))
    var email: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "How many companies the expert mentors at once (default \(Expert.defaultCapacity)).",
          "동시에 멘토링할 수 있는 기업 수 (기본값 \(Expert.defaultCapacity)).")))
    var capacity: String?

    /// Applies the set fields, collecting every problem instead of stopping at the first.
    func apply(to expert: inout Expert) throws {
      var errors: [FieldError] = []
      if let name { expert.name = name }
      if let affiliation { expert.affiliation = affiliation }
      if let kind {
        do throws(FieldError) { expert.kind = try ExpertText.parseKind(kind) } catch {
          errors.append(error)
        }
      }
      if let fields { expert.fields = ProgrammeRules.splitFields(fields) }
      if let phone { expert.phone = phone }
      if let email { expert.email = email }
      if let capacity {
        do { expert.capacity = try parseInt(capacity, field: "capacity") } catch let error
          as FieldError
        { errors.append(error) }
      }
      if !errors.isEmpty { throw ClusterKit.ValidationError(errors) }
    }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: language.pick("Add an expert to the pool.", "전문가 풀에 전문가를 추가합니다."),
      discussion: language.pick(
        """
        Example: clusterdesk experts add --name 정민수 --affiliation "한결대학교 경영학과" \
        --kind university --fields "회계,수출" --capacity 2
        """,
        """
        예: clusterdesk experts add --name 정민수 --affiliation "한결대학교 경영학과" \
        --kind 대학 --fields "회계,수출" --capacity 2
        """))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var fields: ExpertFields

    func run() throws {
      try reporting {
        let workspace = try location.open()
        var expert = Expert(name: "", affiliation: "", fields: [])
        var errors: [FieldError] = []
        if fields.kind == nil { errors.append(FieldError(field: "kind", problem: .required)) }
        do { try fields.apply(to: &expert) } catch let error as ClusterKit.ValidationError {
          errors += error.errors
        }
        if !errors.isEmpty {
          throw ClusterKit.ValidationError(errors + ProgrammeRules.validate(expert).1)
        }
        let added = try workspace.addExpert(expert)
        print(
          language.pick(
            "Added expert #\(added.id) \(added.name) (\(added.affiliation)).",
            "전문가 #\(added.id) \(added.name)(\(added.affiliation))\(Particle.object.after(added.name)) 추가했습니다."
          ))
      }
    }
  }

  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit",
      abstract: language.pick(
        "Change an expert's record (the capacity not below the companies they mentor now).",
        "전문가 정보를 수정합니다 (정원은 지금 멘토링하는 기업 수보다 작게 할 수 없습니다)."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(
      help: ArgumentHelp(language.pick("The expert: id or name.", "전문가: 번호 또는 이름.")))
    var expert: String
    @OptionGroup var fields: ExpertFields

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let original = try workspace.findExpert(expert)
        var edited = original
        try fields.apply(to: &edited)
        let saved = try workspace.updateExpert(edited, original: original)
        print(
          language.pick(
            "Saved expert #\(saved.id) \(saved.name).",
            "전문가 #\(saved.id) \(saved.name, .object) 저장했습니다."
          ))
      }
    }
  }
}

/// An expert's kind as typed on the command line.
enum ExpertText {
  static let kindSynonyms: [String: ExpertKind] = [
    "대학교": .university, "univ": .university, "연구소": .institute, "연구원": .institute,
    "research": .institute, "기관": .agency, "support": .agency, "회사": .company, "firm": .company,
    "개인": .other,
  ]

  static func parseKind(_ text: String) throws(FieldError) -> ExpertKind {
    try MemberRules.parse(text, as: ExpertKind.self, field: "kind", synonyms: kindSynonyms)
  }
}

/// A whole number typed on the command line, or an error naming the field.
func parseInt(_ text: String, field: String) throws -> Int {
  guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
    throw FieldError(field: field, problem: .notAnInteger, value: text)
  }
  return value
}

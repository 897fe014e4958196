import ArgumentParser
import ClusterKit
import Dashboard
import Foundation
import TerminalKit

struct MembersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "members", abstract: language.pick("The member directory.", "회원 명부."),
    subcommands: [
      List.self, Show.self, Add.self, Edit.self, Delete.self, Merge.self, Contacts.self,
      DeleteContact.self, DirectoryBook.self,
    ],
    defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: language.pick(
        "List members (every field with --format csv or xlsx, which import back).",
        "회원 목록을 보여 줍니다 (--format csv나 xlsx는 모든 항목을 담으며, 다시 가져올 수 있습니다)."))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp(language.pick("Only this mini-cluster.", "이 미니클러스터만.")))
    var cluster: String?
    @Option(
      parsing: .unconditional, help: ArgumentHelp(language.pick("Only this division.", "이 분과만.")))
    var division: String?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        language.pick(
          "Only this kind: company, university, institute, agency (or 기업, 대학, 연구소, 지원기관).",
          "이 유형만: 기업, 대학, 연구소, 지원기관 (또는 company, university, institute, agency).")))
    var kind: String?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        language.pick(
          "Only this role: chair, viceChair, steering, member (or 회장, 부회장, 운영위원, 회원).",
          "이 직위만: 회장, 부회장, 운영위원, 회원 (또는 chair, viceChair, steering, member).")))
    var role: String?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        language.pick(
          "Search name (also initial consonants such as ㅇㅅㅌㅋ), representative or products.",
          "이름(ㅇㅅㅌㅋ 같은 초성 검색도 됩니다), 대표자, 주요 제품으로 검색합니다.")))
    var search: String = ""
    @Option(
      help: ArgumentHelp(
        language.pick(
          "Sort by name, kind, division, role, representative, phone or lastVisit.",
          "정렬 기준: name(이름), kind(유형), division(분과), role(직위), representative(대표자), phone(전화), lastVisit(최근 방문)."
        )))
    var sort: String = "name"
    @Option(
      help: ArgumentHelp(
        language.pick(
          "Only members whose directory-book profile is missing (not submitted), asked (asked, not submitted), not-asked or submitted; adds the edition's columns.",
          "디렉토리북 기업 정보가 missing(미제출), asked(요청 후 미제출), not-asked(요청 전) 또는 submitted(제출)인 회원만; 해당 발행연도의 열을 덧붙입니다."
        )))
    var directoryBook: String?
    @Option(
      help: ArgumentHelp(
        language.pick(
          "The directory-book edition (year; default: the newest recorded, else this year).",
          "디렉토리북 발행연도 (기본값: 기록된 가장 최근 연도, 없으면 올해).")))
    var edition: String?

    func run() throws {
      try reporting {
        let workspace = try location.openForReading()
        var query = MemberQuery(search: search)
        if directoryBook != nil || edition != nil {
          query.directoryBook = DirectoryBookQuery(
            edition: try MemberText.edition(edition, workspace),
            state: try directoryBook.map {
              try MemberRules.parse($0, as: DirectoryBookState.self, field: "directoryBook")
            })
        }
        query.clusterId = try cluster.map { try workspace.requireCluster(named: $0).id }
        if let division {
          let matches = try workspace.divisions(clusterId: query.clusterId).filter {
            $0.name == KoreanText.clean(division)
          }
          guard let found = matches.first else {
            throw WorkspaceError.recordNotFound(kind: "division", reference: "'\(division)'")
          }
          query.divisionId = found.id
        }
        if let kind { query.kind = try MemberRules.parseKind(kind) }
        if let role { query.role = try MemberRules.parseRole(role) }
        guard let order = MemberSort(rawValue: sort) else {
          throw FieldError(
            field: "sort", problem: .unknownValue(allowed: MemberSort.allCases.map(\.rawValue)),
            value: sort)
        }
        query.sort = order
        if output.format == .xlsx {
          let members = try workspace.membersForExport(query, today: today)
          try output.emit(MemberWorkbook.sheet(members, language: language))
          return
        }
        if output.format == .csv {
          try writeOutput(to: output.output) { sink in
            try withoutActuallyEscaping(sink) { sink in
              var out = BufferedSink(sink)
              if output.excel { try out.append(CSVWriter.byteOrderMark) }
              try out.append(CSVWriter.record(MemberCSV.header(language)))
              var line: [UInt8] = []
              try workspace.eachMemberForExport(query, today: today) { member in
                line.removeAll(keepingCapacity: true)
                CSVWriter.append(record: MemberCSV.row(member, language: language), to: &line)
                try out.append(line)
              }
              try out.flush()
            }
          }
          return
        }
        let l = language
        var columns: [Listing.Column] =
          [.init(key: "id", title: "#", alignRight: true)]
          + [
            Term.name, .kind, .cluster, .division, .role, .representative, .phone, .lastVisit,
          ].map { .init($0, l) }
        if let book = query.directoryBook {
          columns += [
            .init(
              key: "directoryBook", title: Term.directoryBook.title(l) + " \(book.edition)"),
            .init(.asked, l),
            .init(.profileSubmitted, l, key: "submitted"),
          ]
        }
        try Listing(sheet: MemberWorkbook.sheetName(l), columns: columns) { row in
          try workspace.eachMemberRow(query) { member in
            var values: [TableValue] = [
              .number(member.id), .text(member.name), .text(member.kind.label(l)),
              .text(member.clusterName), .text(member.divisionName ?? ""),
              .text(member.role.label(l)), .text(member.representative), .text(member.phone),
              .date(member.lastVisit),
            ]
            if query.directoryBook != nil {
              let entry = member.directoryBook
              values += [
                .text(entry?.status.label(l) ?? ""), .date(entry?.asked), .date(entry?.submitted),
              ]
            }
            try row(values)
          }
        }.print(output)
      }
    }
  }

  struct Contacts: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "contacts",
      abstract: language.pick(
        "List the members' contact people (with --format csv, a file `import FILE --contacts` reads back).",
        "회원의 담당자 목록을 보여 줍니다 (--format csv는 `import FILE --contacts`로 다시 가져올 수 있습니다)."))

    @OptionGroup var location: WorkspaceLocation
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp(language.pick("Only this mini-cluster.", "이 미니클러스터만.")))
    var cluster: String?

    func run() throws {
      try reporting {
        let workspace = try location.openForReading()
        let clusterId = try cluster.map { try workspace.requireCluster(named: $0).id }
        let l = language
        let contacts = try workspace.contactsForExport(clusterId: clusterId)
        try Listing(
          sheet: l.pick("Contacts", "담당자"),
          columns: ContactColumn.allCases.map {
            .init(key: $0.rawValue, title: $0.header(l))
          },
          rows: contacts.map {
            ContactCSV.row($0.contact, member: $0.member, cluster: $0.cluster).map { .text($0) }
          }
        ).print(output)
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: language.pick(
        "Show one member's profile, contacts, mentor, SIGs, meetings, visits and requests.",
        "회원 한 곳의 기업 정보, 연락처, 멘토, SIG, 회의, 방문, 지원신청을 보여 줍니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(
      help: ArgumentHelp(
        language.pick(
          "The member: id, business registration number, or (part of) the name.",
          "회원: id, 사업자등록번호 또는 이름(일부만 써도 됩니다).")))
    var member: String

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let found = try workspace.findMember(member)
        let document = Document.member(
          try workspace.memberDetail(id: found.id), today: today, language)
        print(document.plainText, terminator: "")
      }
    }
  }

  /// The member fields a command line can set; unset ones are left as they are.
  struct MemberFields: ParsableArguments {
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(language.pick("Company or organisation name.", "기업 또는 기관 이름.")))
    var name: String?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        language.pick(
          "company, university, institute or agency (기업, 대학, 연구소, 지원기관).",
          "기업, 대학, 연구소 또는 지원기관 (company, university, institute, agency).")))
    var kind: String?
    @Option(
      parsing: .unconditional, help: ArgumentHelp(language.pick("Representative (대표자).", "대표자.")))
    var representative: String?
    @Option(
      name: .customLong("brn"), parsing: .unconditional,
      help: ArgumentHelp(
        language.pick("Business registration number, 123-45-67890.", "사업자등록번호, 예: 123-45-67890.")))
    var businessNumber: String?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(language.pick("Division (분과); created when missing.", "분과; 없으면 새로 만듭니다.")))
    var division: String?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        language.pick(
          "chair, viceChair, steering or member (회장, 부회장, 운영위원, 회원).",
          "회장, 부회장, 운영위원 또는 회원 (chair, viceChair, steering, member).")))
    var role: String?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(language.pick("Phone, e.g. 02-1234-5678.", "전화번호, 예: 02-1234-5678.")))
    var phone: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(language.pick("E-mail.", "이메일.")))
    var email: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(language.pick("Address.", "주소.")))
    var address: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(language.pick("Main products.", "주요 제품.")))
    var products: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(language.pick("Employees.", "직원 수.")))
    var employees: String?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        language.pick("Sales in KRW: 1370000000, 13.7억, 300만.", "매출액(원): 1370000000, 13.7억, 300만."))
    ) var sales: String?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(language.pick("Founded, 2026-11-22.", "설립일, 예: 2026-11-22.")))
    var founded: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(language.pick("Website.", "홈페이지.")))
    var website: String?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(language.pick("Joined, 2026-11-22.", "가입일, 예: 2026-11-22.")))
    var joined: String?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(language.pick("Left, 2026-11-22.", "탈퇴일, 예: 2026-11-22.")))
    var left: String?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        language.pick("active, inactive or left.", "활동, 휴면 또는 탈퇴 (active, inactive, left).")))
    var status: String?

    /// Applies the set fields, collecting every problem instead of stopping at the first.
    func apply(to member: inout Member) throws {
      var errors: [FieldError] = []
      func attempt(_ body: () throws(FieldError) -> Void) {
        do { try body() } catch { errors.append(error) }
      }
      if let name { member.name = name }
      if let kind {
        attempt { () throws(FieldError) in member.kind = try MemberRules.parseKind(kind) }
      }
      if let representative { member.representative = representative }
      if let businessNumber { member.businessNumber = businessNumber }
      if let role {
        attempt { () throws(FieldError) in member.role = try MemberRules.parseRole(role) }
      }
      if let phone { member.phone = phone }
      if let email { member.email = email }
      if let address { member.address = address }
      if let products { member.products = products }
      if let employees {
        if employees.isEmpty {
          member.employees = nil
        } else if let value = Int(employees.replacingOccurrences(of: ",", with: "")) {
          member.employees = value
        } else {
          errors.append(FieldError(field: "employees", problem: .notAnInteger, value: employees))
        }
      }
      if let sales {
        attempt { () throws(FieldError) in
          member.salesKRW = sales.isEmpty ? nil : try Money.parse(sales, field: "sales")
        }
      }
      for (text, field, keyPath) in [
        (founded, "founded", \Member.founded), (joined, "joined", \Member.joined),
        (left, "left", \Member.left),
      ] {
        guard let text else { continue }
        if text.isEmpty {
          member[keyPath: keyPath] = nil
        } else if let day = Day(parsing: text) {
          member[keyPath: keyPath] = day
        } else {
          errors.append(
            FieldError(field: field, problem: .invalidFormat(expected: "2026-11-22"), value: text))
        }
      }
      if let website { member.website = website }
      if let status {
        attempt { () throws(FieldError) in member.status = try MemberRules.parseStatus(status) }
      }
      if !errors.isEmpty { throw ClusterKit.ValidationError(errors) }
    }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: language.pick("Add a member to a mini-cluster.", "미니클러스터에 회원을 추가합니다."))

    @OptionGroup var location: WorkspaceLocation
    @Option(
      help: ArgumentHelp(
        language.pick("The mini-cluster (created when missing).", "미니클러스터 (없으면 새로 만듭니다).")))
    var cluster: String
    @OptionGroup var fields: MemberFields
    @Flag(
      help: ArgumentHelp(
        language.pick(
          "Add it even though another mini-cluster has a member of that name (legal form ignored) or registration number.",
          "다른 미니클러스터에 같은 이름(법인 형태 무시)이나 사업자등록번호의 회원이 있어도 추가합니다.")))
    var allowDuplicate = false

    func run() throws {
      try reporting {
        let workspace = try location.open()
        var member = Member(clusterId: 0, name: "")
        try fields.apply(to: &member)
        let (added, clusterCreated) = try workspace.addMember(
          member, clusterName: cluster, divisionName: fields.division,
          allowDuplicate: allowDuplicate)
        if clusterCreated {
          print(
            language.pick("Created mini-cluster \(cluster).", "미니클러스터 \(cluster, .object) 만들었습니다."))
        }
        print(
          language.pick(
            "Added member #\(added.id) \(added.name).",
            "회원 #\(added.id) \(added.name, .object) 추가했습니다.")
        )
      }
    }
  }

  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit",
      abstract: language.pick("Change fields of a member.", "회원 정보를 수정합니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(
      help: ArgumentHelp(
        language.pick(
          "The member: id, business registration number, or name.", "회원: id, 사업자등록번호 또는 이름.")))
    var member: String
    @OptionGroup var fields: MemberFields
    @Flag(
      help: ArgumentHelp(
        language.pick(
          "Save it even though another mini-cluster has a member of the new name (legal form ignored) or registration number.",
          "다른 미니클러스터에 새 이름(법인 형태 무시)이나 사업자등록번호가 같은 회원이 있어도 저장합니다.")))
    var allowDuplicate = false

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let original = try workspace.findMember(member)
        var edited = original
        try fields.apply(to: &edited)
        let saved = try workspace.updateMember(
          edited, original: original, divisionName: fields.division,
          allowDuplicate: allowDuplicate)
        print(
          language.pick(
            "Saved member #\(saved.id) \(saved.name).",
            "회원 #\(saved.id) \(saved.name, .object) 저장했습니다.")
        )
      }
    }
  }

  struct DirectoryBook: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "directory-book",
      abstract: language.pick(
        "Record that a member was asked for its directory-book profile, or submitted it, for an edition (or ask --everyone at once).",
        "회원에게 디렉토리북 기업 정보를 요청했거나 회원이 제출했음을 발행연도별로 기록합니다 (--everyone이면 전원에게 한 번에 요청)."),
      discussion: language.pick(
        """
        Examples: clusterdesk members directory-book --everyone --asked 2026-09-01; \
        clusterdesk members directory-book 유신테크 --submitted 2026-10-02
        """,
        """
        예: clusterdesk members directory-book --everyone --asked 2026-09-01; \
        clusterdesk members directory-book 유신테크 --submitted 2026-10-02
        """))

    @OptionGroup var location: WorkspaceLocation
    @Argument(
      help: ArgumentHelp(
        language.pick(
          "The member: id, business registration number, or name.", "회원: id, 사업자등록번호 또는 이름.")))
    var member: String?
    @Option(help: ArgumentHelp(language.pick("The day it was asked.", "요청일.")))
    var asked: String?
    @Option(help: ArgumentHelp(language.pick("The day it was submitted.", "제출일.")))
    var submitted: String?
    @Flag(
      help: ArgumentHelp(
        language.pick("Forget the member's entry for the edition.", "해당 발행연도의 이 회원 기록을 지웁니다.")))
    var clear = false
    @Flag(
      help: ArgumentHelp(
        language.pick(
          "With --asked: every current member not yet asked.", "--asked와 함께: 아직 요청하지 않은 현재 회원 전원."))
    )
    var everyone = false
    @Option(
      help: ArgumentHelp(
        language.pick(
          "The edition (year; default: the newest recorded, else this year).",
          "발행연도 (기본값: 기록된 가장 최근 연도, 없으면 올해).")))
    var edition: String?

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let l = language
        let chosen = [asked != nil, submitted != nil, clear].filter { $0 }.count
        guard chosen == 1 else {
          throw CommandError(
            "Give one of --asked DATE, --submitted DATE or --clear.",
            "--asked 날짜, --submitted 날짜, --clear 중 하나만 쓰세요.")
        }
        let year = try MemberText.edition(edition, workspace)
        if everyone {
          guard member == nil, let asked else {
            throw CommandError(
              "--everyone takes --asked DATE and no member.",
              "--everyone은 회원 없이 --asked 날짜와 함께 씁니다.")
          }
          let day = try parseDay(asked, field: "asked")
          let count = try workspace.askForDirectoryBook(edition: year, on: day, today: today)
          let summary = try workspace.directoryBookSummary(edition: year)
          print(
            l.pick(
              "Asked \(count) members for their profile for the \(year) directory book on \(day); \(summary.asked) of \(summary.members) asked, \(summary.submitted) submitted.",
              "\(day)에 회원 \(count)곳에 \(year)년 디렉토리북 기업 정보를 요청했습니다. \(summary.members)곳 중 \(summary.asked)곳 요청, \(summary.submitted)곳 제출."
            ))
          return
        }
        let found = try workspace.findMember(try requireOption(member, "member"))
        let change: DirectoryBookChange =
          if let asked {
            .asked(try parseDay(asked, field: "asked"))
          } else if let submitted {
            .submitted(try parseDay(submitted, field: "profileSubmitted"))
          } else {
            .clear
          }
        let entry = try workspace.recordDirectoryBook(
          memberId: found.id, edition: year, change, today: today)
        print(
          entry.map {
            l.pick(
              "\(found.name), directory book \(Document.directoryLine($0, l)).",
              "\(found.name), 디렉토리북 \(Document.directoryLine($0, l)).")
          }
            ?? l.pick(
              "\(found.name): the \(year) directory-book entry is cleared.",
              "\(found.name): \(year)년 디렉토리북 기록을 지웠습니다."))
      }
    }
  }
}

/// What the member commands share.
enum MemberText {
  /// The edition a command names, or the one meant when it names none.
  static func edition(_ text: String?, _ workspace: Workspace) throws -> Int {
    guard let text else { return try workspace.directoryEdition(today: today) }
    let year = try parseInt(text, field: "edition")
    if let error = Limits.check(year, Limits.edition, "edition") {
      throw error
    }
    return year
  }

  /// Member companies as a work list (those without a mentor, or in no SIG).
  static func companyListing(_ workspace: Workspace, _ query: MemberQuery) -> Listing {
    let l = language
    return Listing(
      sheet: l.pick("Companies", "기업"),
      columns: [
        .init(key: "id", title: "#", alignRight: true),
        .init(.member, l),
        .init(.cluster, l),
        .init(.division, l),
        .init(.representative, l),
        .init(.phone, l),
        .init(.lastVisit, l),
      ]
    ) { row in
      try workspace.eachMemberRow(query) {
        try row([
          .number($0.id), .text($0.name), .text($0.clusterName), .text($0.divisionName ?? ""),
          .text($0.representative), .text($0.phone), .date($0.lastVisit),
        ])
      }
    }
  }
}

import ArgumentParser
import ClusterKit
import Foundation
import TerminalKit

struct MembersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "members", abstract: language.pick("The member directory.", "회원 명부."),
    subcommands: [List.self, Show.self, Add.self, Edit.self], defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: language.pick(
        "List members (a CSV of every field with --format csv, which imports back).",
        "회원 목록을 보여 줍니다 (--format csv는 모든 항목을 담은 CSV이며, 다시 가져올 수 있습니다)."))

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

    func run() throws {
      try reporting {
        let workspace = try location.open()
        var query = MemberQuery(search: search)
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
        if output.format == .csv {
          let rows = try workspace.membersForExport(query).map {
            MemberCSV.row($0.member, divisionName: $0.division, language: language)
          }
          writeStandardOutput(
            CSVWriter.encode(header: MemberCSV.header(language), rows: rows, bom: output.excel))
          return
        }
        let rows = try workspace.memberRows(query, offset: 0, limit: Int.max)
        let l = language
        Listing(
          columns: [
            .init(key: "id", title: "#", alignRight: true),
            .init(key: "name", title: l.pick("Name", "회사명")),
            .init(key: "kind", title: l.pick("Kind", "구분")),
            .init(key: "cluster", title: l.pick("Cluster", "미니클러스터")),
            .init(key: "division", title: l.pick("Division", "분과")),
            .init(key: "role", title: l.pick("Role", "직위")),
            .init(key: "representative", title: l.pick("Representative", "대표자")),
            .init(key: "phone", title: l.pick("Phone", "전화")),
            .init(key: "lastVisit", title: l.pick("Last visit", "최근 방문")),
          ],
          rows: rows.map {
            [
              String($0.id), $0.name, $0.kind.label(l), $0.clusterName, $0.divisionName ?? "",
              $0.role.label(l), $0.representative, $0.phone, $0.lastVisit.text,
            ]
          }
        ).print(output)
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
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
        print(MemberText.detail(try workspace.memberDetail(id: found.id)), terminator: "")
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
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        language.pick(
          "Directory-book profile submitted: yes or no.", "회원 명부 책자용 기업 정보 제출 여부: 예 또는 아니오.")))
    var profileSubmitted: String?

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
      if let profileSubmitted {
        attempt { () throws(FieldError) in
          member.profileSubmitted = try MemberRules.parseBool(
            profileSubmitted, field: "profileSubmitted")
        }
      }
      if !errors.isEmpty { throw ClusterKit.ValidationError(errors) }
    }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: language.pick("Add a member to a mini-cluster.", "미니클러스터에 회원을 추가합니다."))

    @OptionGroup var location: WorkspaceLocation
    @Option(
      help: ArgumentHelp(
        language.pick("The mini-cluster (created when missing).", "미니클러스터 (없으면 새로 만듭니다).")))
    var cluster: String
    @OptionGroup var fields: MemberFields

    func run() throws {
      try reporting {
        let workspace = try location.open()
        var member = Member(clusterId: 0, name: "")
        try fields.apply(to: &member)
        let (added, clusterCreated) = try workspace.addMember(
          member, clusterName: cluster, divisionName: fields.division)
        if clusterCreated {
          print(language.pick("Created mini-cluster \(cluster).", "미니클러스터 \(cluster)을(를) 만들었습니다."))
        }
        print(
          language.pick(
            "Added member #\(added.id) \(added.name).", "회원 #\(added.id) \(added.name)을(를) 추가했습니다.")
        )
      }
    }
  }

  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: language.pick("Change fields of a member.", "회원 정보를 수정합니다."))

    @OptionGroup var location: WorkspaceLocation
    @Argument(
      help: ArgumentHelp(
        language.pick(
          "The member: id, business registration number, or name.", "회원: id, 사업자등록번호 또는 이름.")))
    var member: String
    @OptionGroup var fields: MemberFields

    func run() throws {
      try reporting {
        let workspace = try location.open()
        let original = try workspace.findMember(member)
        var edited = original
        try fields.apply(to: &edited)
        let saved = try workspace.updateMember(
          edited, original: original, divisionName: fields.division)
        print(
          language.pick(
            "Saved member #\(saved.id) \(saved.name).", "회원 #\(saved.id) \(saved.name)을(를) 저장했습니다.")
        )
      }
    }
  }
}

/// A member's detail as text.
enum MemberText {
  static func detail(_ detail: MemberDetail) -> String {
    let l = language
    let m = detail.member
    var out = "\(m.name)  #\(m.id)\n"
    func line(_ en: String, _ ko: String, _ value: String) {
      guard !value.isEmpty else { return }
      out += "  " + DisplayWidth.pad(l.pick(en, ko), to: 16) + value + "\n"
    }
    line("Kind", "구분", m.kind.label(l))
    line("Mini-cluster", "미니클러스터", detail.cluster.name)
    line("Division", "분과", detail.division?.name ?? "")
    line("Role", "직위", m.role.label(l))
    line("Status", "상태", m.status.label(l))
    line("Representative", "대표자", m.representative)
    line(
      "Business no.", "사업자등록번호",
      m.businessNumber.isEmpty ? "" : BusinessNumber.format(m.businessNumber))
    line("Products", "주요제품", m.products)
    line("Employees", "종업원수", m.employees.map(String.init) ?? "")
    line("Sales", "매출액", m.salesKRW.map { "\(Money.format($0)) (\(Money.compact($0)))" } ?? "")
    line("Founded", "설립일", m.founded.text)
    line("Address", "주소", m.address)
    line("Phone", "전화", m.phone)
    line("E-mail", "이메일", m.email)
    line("Website", "홈페이지", m.website)
    line("Joined", "가입일", m.joined.text)
    line("Left", "탈퇴일", m.left.text)
    line(
      "Directory book", "디렉토리북",
      m.profileSubmitted ? l.pick("submitted", "제출") : l.pick("not submitted", "미제출"))
    if !detail.contacts.isEmpty {
      out += l.pick("Contacts", "담당자") + "\n"
      for c in detail.contacts {
        out +=
          "  \([c.name, c.title, c.phone, c.email].filter { !$0.isEmpty }.joined(separator: "  "))\n"
      }
    }
    if let mentor = detail.mentor {
      out +=
        l.pick("Mentor", "멘토")
        + ": \(mentor.expert.name) (\(mentor.expert.affiliation)) \(mentor.mentoring.field)\n"
    }
    for sig in detail.sigs {
      out += "SIG: \(sig.sig.name)" + (sig.task.isEmpty ? "" : " — \(sig.task)") + "\n"
    }
    if !detail.meetings.isEmpty {
      out +=
        l.pick("Meetings", "회의")
        + " (\(l.pick("participation", "참석률")) \(percent(detail.participationRate)))\n"
      for (meeting, status) in detail.meetings.prefix(12) {
        out += "  \(meeting.date)  \(DisplayWidth.pad(status.label(l), to: 8))  \(meeting.title)\n"
      }
    }
    if !detail.visits.isEmpty {
      out += l.pick("Visits", "방문") + "\n"
      for visit in detail.visits.prefix(12) {
        out += "  \(visit.date)  \(visit.purpose.label(l))  \(visit.visitor)\n"
        for d in visit.difficulties { out += "      [\(d.category.label(l))] \(d.text)\n" }
        for f in visit.followUps {
          let state =
            f.done.map { l.pick("done ", "완료 ") + $0.description }
            ?? (f.due.map { l.pick("due ", "기한 ") + $0.description } ?? "")
          out += "      → \(f.action) (\(state))\n"
        }
      }
    }
    if !detail.requests.isEmpty {
      out += l.pick("Support requests", "지원신청") + "\n"
      for (request, program) in detail.requests {
        let amount = request.approvedKRW.map(Money.compact) ?? Money.compact(request.requestedKRW)
        out +=
          "  #\(request.id)  \(request.submitted.text)  \(DisplayWidth.pad(request.status.label(l), to: 8))  \(amount)  \(program.name): \(request.title)\n"
      }
    }
    return out
  }
}

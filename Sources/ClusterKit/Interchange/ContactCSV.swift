import Foundation

/// A column of the contacts CSV (`members contacts --format csv`), one contact person a row.
public enum ContactColumn: String, CaseIterable, Sendable {
  case cluster, member, businessNumber, contact, contactTitle, phone, email

  var term: Term {
    switch self {
    case .cluster: .cluster
    case .member: .member
    case .businessNumber: .businessNumber
    case .contact: .contact
    case .contactTitle: .contactTitle
    case .phone: .phone
    case .email: .email
    }
  }

  /// The header `members contacts` writes.
  public func header(_ language: Language) -> String { term.title(language) }

  private static let byHeader: [String: ContactColumn] = {
    var table: [String: ContactColumn] = [:]
    for column in allCases {
      var spellings = [column.rawValue, column.term.english, column.term.korean]
      spellings += Language.allCases.map { column.term.title($0) }
      switch column {
      case .member: spellings += ["회원사", "회원명", "회사명", "company"]
      case .contact: spellings += ["담당자명", "이름", "성명", "name"]
      case .contactTitle: spellings += ["직책", "직위", "title"]
      case .phone: spellings += ["전화", "전화번호", "연락처", "휴대폰", "tel"]
      case .email: spellings += ["메일", "e-mail"]
      case .businessNumber: spellings += ["사업자번호", "brn"]
      case .cluster: spellings += ["클러스터"]
      }
      for spelling in spellings { table[MemberCSV.headerKey(spelling).key] = column }
    }
    return table
  }()

  static func recognise(_ header: String) -> ContactColumn? {
    byHeader[MemberCSV.headerKey(header).key]
  }
}

/// One row of a contacts CSV: the member it belongs to as written, the contact, the problems.
public struct ContactCSVRow: Hashable, Sendable {
  public var line: Int
  public var cluster: String?
  public var member: String
  public var businessNumber: String
  /// The contact as read (member 0: the workspace finds the member).
  public var contact: Contact
  public var errors: [FieldError]
}

/// The contact people of members as CSV: written by `members contacts --format csv`, read back
/// by `import FILE --contacts`. A row names its member by business number when it has one, else
/// by mini-cluster and name.
public enum ContactCSV {
  public static func header(_ language: Language) -> [String] {
    ContactColumn.allCases.map { $0.header(language) }
  }

  public static func row(_ contact: Contact, member: Member, cluster: String) -> [String] {
    ContactColumn.allCases.map {
      switch $0 {
      case .cluster: cluster
      case .member: member.name
      case .businessNumber: BusinessNumber.format(member.businessNumber)
      case .contact: contact.name
      case .contactTitle: contact.title
      case .phone: contact.phone
      case .email: contact.email
      }
    }
  }

  /// Reads a contacts CSV (the encodings and separators a member CSV may have). The member and
  /// contact name columns are required.
  public static func read(_ data: Data) throws(CSVError) -> [ContactCSVRow] {
    let (text, _) = try CSVReader.decode(data)
    let (records, _) = try MemberCSV.records(text)
    guard let headerRecord = records.first(where: { !$0.fields.allSatisfy(\.isEmpty) }) else {
      throw CSVError(.empty)
    }
    let header = headerRecord.fields.map {
      KoreanText.clean($0.replacingOccurrences(of: "\u{FEFF}", with: ""))
    }
    var columns: [ContactColumn: Int] = [:]
    for (index, title) in header.enumerated() {
      if let column = ContactColumn.recognise(title), columns[column] == nil {
        columns[column] = index
      }
    }
    for required in [ContactColumn.member, .contact] where columns[required] == nil {
      throw CSVError(
        .missingColumn(field: required.term.key, found: header.filter { !$0.isEmpty }),
        line: headerRecord.line)
    }
    var rows: [ContactCSVRow] = []
    for record in records where record.line > headerRecord.line {
      func cell(_ column: ContactColumn) -> String {
        guard let index = columns[column], index < record.fields.count else { return "" }
        return KoreanText.clean(FormulaGuard.restored(record.fields[index]))
      }
      if record.fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }
      var row = ContactCSVRow(
        line: record.line, cluster: cell(.cluster).isEmpty ? nil : cell(.cluster),
        member: cell(.member), businessNumber: cell(.businessNumber),
        contact: Contact(
          memberId: 0, name: cell(.contact), title: cell(.contactTitle), phone: cell(.phone),
          email: cell(.email)),
        errors: [])
      let (checked, problems) = row.contact.checked()
      row.contact = checked
      row.errors = problems.map {
        var error = $0
        let column: ContactColumn =
          $0.field == "name" ? .contact : ContactColumn(rawValue: $0.field) ?? .contact
        error.field = column.term.key
        error.line = record.line
        error.column = columns[column].map { header[$0] }
        return error
      }
      if row.member.isEmpty && row.businessNumber.isEmpty {
        row.errors.insert(
          FieldError(
            field: "member", problem: .required, line: record.line,
            column: columns[.member].map { header[$0] }), at: 0)
      }
      rows.append(row)
    }
    guard !rows.isEmpty else { throw CSVError(.noRows, line: headerRecord.line) }
    return rows
  }
}

import Foundation

/// A column of the member CSV, with the headers that are recognised for it.
public enum MemberColumn: String, CaseIterable, Sendable {
  case name, representative, businessNumber, kind, division, role, phone, email, address
  case products, employees, sales, founded, website, joined, left, status
  /// The mini-cluster: last, so that the columns before keep their places in older files.
  case cluster
  /// Whether the member submitted its profile for the current directory-book edition (Y/N).
  case directoryBook

  /// The field key used in `FieldError.field` (`sales` for `Member.salesKRW`).
  public var field: String { rawValue }

  /// The header written on export: the field's name in the vocabulary.
  public func header(_ language: Language) -> String {
    Term.named(rawValue)?.label(language) ?? rawValue
  }

  /// Other spellings accepted on import, compared without case, spaces, hyphens, underscores,
  /// dots, asterisks or a parenthesised unit.
  var aliases: [String] {
    switch self {
    case .name:
      ["회사명", "기업명", "업체명", "상호", "상호명", "회원사", "회원사명", "회원명", "기관명", "company", "companyname"]
    case .representative: ["대표자", "대표이사", "대표자명", "대표", "ceo"]
    case .businessNumber:
      ["사업자등록번호", "사업자번호", "사업자등록", "brn", "businessregistrationnumber"]
    case .kind: ["구분", "회원구분", "유형", "회원유형", "type", "membertype"]
    case .cluster: ["클러스터", "미니클러스터명", "소속클러스터"]
    case .division: ["분과", "분과명"]
    case .role: ["직위", "직책", "임원", "역할", "position"]
    case .phone: ["전화", "전화번호", "연락처", "대표전화", "tel", "telephone"]
    case .email: ["이메일", "메일", "전자우편", "e-mail"]
    case .address: ["주소", "소재지", "사업장주소"]
    case .products: ["주요제품", "제품", "주생산품", "생산품", "주요생산품", "product", "mainproducts"]
    case .employees: ["종업원수", "직원수", "종업원", "상시종업원수", "인원", "employeecount", "staff"]
    case .sales: ["매출액", "매출", "연매출", "연매출액", "revenue", "saleskrw"]
    case .founded:
      ["설립일", "설립연도", "설립년도", "설립일자", "창립일", "established", "foundeddate"]
    case .website: ["홈페이지", "웹사이트", "홈페이지주소", "homepage", "url", "web"]
    case .joined: ["가입일", "가입일자", "입회일", "joindate"]
    case .left: ["탈퇴일", "탈퇴일자", "leftdate"]
    case .status: ["상태", "회원상태"]
    case .directoryBook: ["디렉토리북제출", "기업정보제출", "profilesubmitted"]
    }
  }

  private static let byHeader: [String: MemberColumn] = {
    var table: [String: MemberColumn] = [:]
    for column in allCases {
      for spelling in [column.rawValue, column.header(.en), column.header(.ko)] + column.aliases {
        table[MemberCSV.headerKey(spelling).key] = column
      }
    }
    return table
  }()

  /// The column a header names, if any.
  public static func recognise(_ header: String) -> MemberColumn? {
    byHeader[MemberCSV.headerKey(header).key]
  }
}

/// One data row of a member CSV: the member as read (cluster 0, normalised by `MemberRules`),
/// the mini-cluster and 분과 texts for the workspace to resolve, the directory-book Y/N, and the
/// problems found.
public struct MemberCSVRow: Hashable, Sendable {
  public var line: Int
  public var member: Member
  /// The member's name key (`KoreanText.nameKey`), worked out once for every check that needs it.
  public var nameKey: String
  public var divisionName: String?
  /// Nil when the row names none: the import's `--cluster` then.
  public var clusterName: String?
  /// Whether the profile is submitted for the current directory-book edition; nil when not said.
  public var profileSubmitted: Bool?
  public var errors: [FieldError]
}

/// A member CSV as read: what encoding it used, which columns were ignored, and the rows.
public struct MemberCSVFile: Hashable, Sendable {
  public var encoding: TextEncodingUsed
  /// The header row as written (trimmed, byte-order mark removed).
  public var header: [String]
  /// Headers that name no member field, and second columns for a field already read; ignored.
  public var unknownColumns: [String]
  public var rows: [MemberCSVRow]
  /// What separates the cells: `,`, or `\t` (a paste from a spreadsheet, Excel's Unicode text)
  /// or `;` (Excel in countries that write a decimal comma), told from the header line.
  public var delimiter: Unicode.Scalar = ","

  /// Every row's errors, in file order.
  public var errors: [FieldError] { rows.flatMap(\.errors) }
  public var isValid: Bool { rows.allSatisfy { $0.errors.isEmpty } }
}

/// A member as exported: with its division, its mini-cluster and whether it submitted its
/// profile for the current directory-book edition (nil: not known to the caller).
public struct MemberExport: Hashable, Sendable {
  public var member: Member
  public var division: String?
  public var cluster: String
  public var profileSubmitted: Bool?

  public init(member: Member, division: String?, cluster: String, profileSubmitted: Bool?) {
    self.member = member
    self.division = division
    self.cluster = cluster
    self.profileSubmitted = profileSubmitted
  }
}

/// Import and export of members as CSV, as managers keep them in spreadsheets.
public enum MemberCSV {
  // MARK: - Reading

  /// Decodes (UTF-8, UTF-8 with BOM, CP949 or UTF-16 with BOM), splits and maps the file. Only
  /// a file that cannot be read at all, has no name column or no row under its header throws;
  /// row problems are in each row.
  public static func read(_ data: Data) throws(CSVError) -> MemberCSVFile {
    let (text, encoding) = try CSVReader.decode(data)
    return try read(text: text, encoding: encoding)
  }

  public static func read(text: String, encoding: TextEncodingUsed = .utf8) throws(CSVError)
    -> MemberCSVFile
  {
    let (records, delimiter) = try records(text)
    var file = try read(records: records, encoding: encoding, formulaGuarded: true)
    file.delimiter = delimiter
    return file
  }

  /// The records of a spreadsheet's text, split by what its header line is separated with: a
  /// comma, else a tab, else a semicolon.
  static func records(_ text: String) throws(CSVError) -> ([CSVRecord], Unicode.Scalar) {
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
    let delimiter: Unicode.Scalar =
      firstLine.contains(",")
      ? "," : firstLine.contains("\t") ? "\t" : firstLine.contains(";") ? ";" : ","
    return (try CSVReader.parse(text, delimiter: delimiter), delimiter)
  }

  /// Maps records, the first that is not blank being the header, onto members. `place` names a
  /// row's field for "duplicates …" (a CSV's line by default; a workbook's cell).
  /// `formulaGuarded`: the cells are a CSV's, where a leading `'` may be `FormulaGuard`'s (a
  /// workbook keeps text as typed, so its cells are read as they are).
  public static func read(
    records: [CSVRecord], encoding: TextEncodingUsed, formulaGuarded: Bool = false,
    place: (_ line: Int, _ columnIndex: Int) -> String = { line, _ in "line \(line)" }
  ) throws(CSVError) -> MemberCSVFile {
    guard let headerRecord = records.first(where: { !isBlank($0.fields) }) else {
      throw CSVError(.empty)
    }
    let header = headerRecord.fields.map(cleanHeader)
    var columns: [Int: MemberColumn] = [:]
    var units: [Int: String] = [:]
    var seen: Set<MemberColumn> = []
    var unknown: [String] = []
    for (index, title) in header.enumerated() where !title.isEmpty {
      if let column = MemberColumn.recognise(title), !seen.contains(column) {
        columns[index] = column
        units[index] = headerKey(title).unit
        seen.insert(column)
      } else {
        unknown.append(title)
      }
    }
    guard seen.contains(.name) else {
      throw CSVError(
        .missingColumn(field: "name", found: header.filter { !$0.isEmpty }),
        line: headerRecord.line)
    }

    var rows: [MemberCSVRow] = []
    var businessNumberLines: [String: Int] = [:]
    var nameLines: [String: Int] = [:]
    let nameColumn = columnTitle(.name, header: header, columns: columns)
    let position = positions(header: header, columns: columns)
    let layout = RowLayout(header: header, columns: columns, units: units)
    for record in records where record.line > headerRecord.line && !isBlank(record.fields) {
      var row = readRow(record, layout, formulaGuarded: formulaGuarded)
      func placeOf(_ column: MemberColumn, line: Int) -> String {
        place(line, columns.first { $0.value == column }?.key ?? 0)
      }
      if !row.member.businessNumber.isEmpty,
        !row.errors.contains(where: { $0.field == "businessNumber" })
      {
        if let first = businessNumberLines[row.member.businessNumber] {
          row.errors.append(
            FieldError(
              field: "businessNumber",
              problem: .duplicate(of: placeOf(.businessNumber, line: first)),
              value: BusinessNumber.format(row.member.businessNumber), line: record.line,
              column: columnTitle(.businessNumber, header: header, columns: columns)))
        } else {
          businessNumberLines[row.member.businessNumber] = record.line
        }
      }
      // Names repeat across mini-clusters (the workspace asks about those); within one, never.
      let key = row.nameKey
      let clusterKey = (row.clusterName ?? "") + "\u{0}" + key
      if !key.isEmpty {
        if let first = nameLines[clusterKey] {
          if !row.errors.contains(where: { $0.field == "businessNumber" && isDuplicate($0) }) {
            row.errors.append(
              FieldError(
                field: "name", problem: .duplicate(of: placeOf(.name, line: first)),
                value: row.member.name,
                line: record.line, column: nameColumn))
          }
        } else {
          nameLines[clusterKey] = record.line
        }
      }
      if row.errors.count > 1 {
        row.errors = row.errors.enumerated().sorted { a, b in
          let (pa, pb) = (position(a.element), position(b.element))
          return pa != pb ? pa < pb : a.offset < b.offset
        }.map(\.element)
      }
      rows.append(row)
    }
    guard !rows.isEmpty else { throw CSVError(.noRows, line: headerRecord.line) }
    return MemberCSVFile(encoding: encoding, header: header, unknownColumns: unknown, rows: rows)
  }

  /// Orders a row's errors by the column they belong to, as the user reads the row.
  private static func positions(header: [String], columns: [Int: MemberColumn]) -> (FieldError)
    -> Int
  {
    var byField: [String: Int] = [:]
    for (index, column) in columns { byField[column.field] = index }
    return { error in
      if let index = byField[error.field] { return index }
      if error.field.hasPrefix("#"), let number = Int(error.field.dropFirst()) { return number - 1 }
      return Int.max
    }
  }

  private static func isDuplicate(_ error: FieldError) -> Bool {
    if case .duplicate = error.problem { return true }
    return false
  }

  private static func isBlank(_ fields: [String]) -> Bool {
    fields.allSatisfy { $0.allSatisfy(\.isWhitespace) }
  }

  private static func cleanHeader(_ text: String) -> String {
    KoreanText.clean(text.replacingOccurrences(of: "\u{FEFF}", with: ""))
  }

  private static func columnTitle(
    _ column: MemberColumn, header: [String], columns: [Int: MemberColumn]
  ) -> String? {
    columns.first(where: { $0.value == column }).map { header[$0.key] }
  }

  /// The comparable form of a header and the money unit in its parentheses, if any:
  /// `매출액(백만원)` → (`매출액`, `백만`).
  static func headerKey(_ header: String) -> (key: String, unit: String) {
    var text = KoreanText.nfc(header.replacingOccurrences(of: "\u{FEFF}", with: ""))
      .replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
    var unit = ""
    if let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
      unit = String(text[text.index(after: open)..<close]).filter { !$0.isWhitespace }
      text.removeSubrange(open...close)
    }
    if unit.hasSuffix("원") { unit.removeLast() }
    if !["천", "만", "백만", "천만", "억"].contains(unit) { unit = "" }
    let key = text.lowercased().filter {
      !$0.isWhitespace && !["-", "_", ".", "*", ":"].contains($0)
    }
    return (key, unit)
  }

  /// Where a file's fields are, worked out once from its header for every row.
  private struct RowLayout {
    var header: [String]
    /// The recognised columns in file order, each with its money unit.
    var columns: [(index: Int, column: MemberColumn, unit: String)]
    /// Each field's header, by field key.
    var titles: [String: String]

    init(header: [String], columns: [Int: MemberColumn], units: [Int: String]) {
      self.header = header
      self.columns = columns.sorted { $0.key < $1.key }.map {
        ($0.key, $0.value, units[$0.key] ?? "")
      }
      titles = [:]
      for (index, column) in columns { titles[column.field] = header[index] }
    }
  }

  private static func readRow(_ record: CSVRecord, _ layout: RowLayout, formulaGuarded: Bool)
    -> MemberCSVRow
  {
    let header = layout.header
    var member = Member(clusterId: 0, name: "")
    var texts = RowTexts()
    var errors: [FieldError] = []
    for (index, column, unit) in layout.columns {
      let cell = index < record.fields.count ? record.fields[index] : ""
      let value = KoreanText.clean(formulaGuarded ? FormulaGuard.restored(cell) : cell)
      do {
        try apply(value, to: column, of: &member, texts: &texts, unit: unit)
      } catch {
        var located = error
        located.line = record.line
        located.column = header[index]
        errors.append(located)
      }
    }
    // Values in columns without a header: one problem per row, however many there are.
    let unnamed = record.fields.indices.filter { index in
      (index >= header.count || header[index].isEmpty)
        && !record.fields[index].allSatisfy(\.isWhitespace)
    }
    if unnamed.count == 1 {
      errors.append(
        FieldError(
          field: "#\(unnamed[0] + 1)",
          problem: .other(
            english: "value in a column without a header", korean: "머리글이 없는 열에 값이 있습니다"),
          value: record.fields[unnamed[0]], line: record.line))
    } else if let first = unnamed.first, let last = unnamed.last {
      let count = Money.grouped(KRW(unnamed.count))
      errors.append(
        FieldError(
          field: "#\(first + 1)",
          problem: .other(
            english:
              "\(count) values in columns without a header (columns \(first + 1)–\(last + 1))",
            korean: "머리글이 없는 열에 값이 \(count)개 있습니다 (\(first + 1)–\(last + 1)열)"),
          line: record.line))
    }
    let (normalised, ruleErrors) = MemberRules.validate(member)
    for error in ruleErrors where !errors.contains(where: { $0.field == error.field }) {
      var located = error
      located.line = record.line
      located.column = layout.titles[error.field]
      errors.append(located)
    }
    return MemberCSVRow(
      line: record.line, member: normalised, nameKey: KoreanText.nameKey(normalised.name),
      divisionName: texts.division,
      clusterName: texts.cluster, profileSubmitted: texts.profileSubmitted, errors: errors)
  }

  /// What a row says besides the member's own fields.
  private struct RowTexts {
    var division: String?
    var cluster: String?
    var profileSubmitted: Bool?
  }

  /// `Y`/`N` and the other ways a spreadsheet says yes or no; empty is not said.
  static func yesNo(_ text: String, field: String) throws(FieldError) -> Bool? {
    switch text.lowercased() {
    case "": return nil
    case "y", "yes", "o", "true", "예", "제출", "1": return true
    case "n", "no", "x", "false", "아니요", "아니오", "미제출", "0": return false
    default:
      throw FieldError(field: field, problem: .unknownValue(allowed: ["Y", "N"]), value: text)
    }
  }

  private static func apply(
    _ value: String, to column: MemberColumn, of member: inout Member,
    texts: inout RowTexts, unit: String
  ) throws(FieldError) {
    let field = column.field
    switch column {
    case .name: member.name = value
    case .representative: member.representative = value
    case .businessNumber: member.businessNumber = value
    case .phone: member.phone = value
    case .email: member.email = value
    case .address: member.address = value
    case .products: member.products = value
    case .website: member.website = value
    case .division: texts.division = value.isEmpty ? nil : value
    case .cluster: texts.cluster = value.isEmpty ? nil : value
    case .directoryBook: texts.profileSubmitted = try yesNo(value, field: field)
    case .kind: if !value.isEmpty { member.kind = try MemberRules.parseKind(value, field: field) }
    case .role: if !value.isEmpty { member.role = try MemberRules.parseRole(value, field: field) }
    case .status:
      if !value.isEmpty { member.status = try MemberRules.parseStatus(value, field: field) }
    case .employees:
      guard !value.isEmpty else { return }
      var digits = value.filter { $0 != "," && !$0.isWhitespace }
      if digits.hasSuffix("명") { digits.removeLast() }
      guard let count = Int(digits) else {
        throw FieldError(field: field, problem: .notAnInteger, value: value)
      }
      member.employees = count
    case .sales:
      guard !value.isEmpty else { return }
      let bare = value.allSatisfy { $0.isASCIIDigit || $0 == "," || $0 == "." || $0 == "-" }
      member.salesKRW = try Money.parse(bare ? value + unit : value, field: field)
    case .founded: member.founded = try day(value, field: field, partial: true)
    case .joined: member.joined = try day(value, field: field, partial: false)
    case .left: member.left = try day(value, field: field, partial: false)
    }
  }

  /// `2026-11-22`, `2026.11.22`, `2026/11/22`, `20261122`, `2026년 11월 22일`, a date followed by
  /// a time (`2026-11-22 0:00`, as spreadsheets write); with `partial`, also a bare year (`2003`,
  /// `2003년` → 2003-01-01) or a year and month (`2003-05` → 2003-05-01).
  static func day(_ text: String, field: String, partial: Bool) throws(FieldError) -> Day? {
    guard !text.isEmpty else { return nil }
    if let day = Day(parsing: text) { return day }
    var korean = text.replacingOccurrences(of: "년", with: "-").replacingOccurrences(
      of: "월", with: "-"
    ).replacingOccurrences(of: "일", with: "").filter { !$0.isWhitespace }
    while korean.hasSuffix("-") { korean.removeLast() }
    if let day = Day(parsing: korean) { return day }
    if let first = text.split(separator: " ").first, let day = Day(parsing: String(first)) {
      return day
    }
    if partial {
      let parts = korean.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" })
      if (1...2).contains(parts.count), parts[0].count == 4,
        let year = Int(parts[0]), let month = parts.count == 2 ? Int(parts[1]) : 1,
        let day = Day(year: year, month: month, day: 1)
      {
        return day
      }
    }
    let expected = partial ? "2026-11-22 / 2026.11.22 / 2003" : "2026-11-22 / 2026.11.22"
    throw FieldError(field: field, problem: .invalidFormat(expected: expected), value: text)
  }

  // MARK: - Writing

  /// Every member field, Korean or English; both are recognised on import.
  public static func header(_ language: Language) -> [String] {
    MemberColumn.allCases.map { $0.header(language) }
  }

  /// `clusterName` and `profileSubmitted` (for the current directory-book edition) are left
  /// empty when not given.
  public static func row(
    _ member: Member, divisionName: String?, clusterName: String = "",
    profileSubmitted: Bool? = nil, language: Language
  ) -> [String] {
    MemberColumn.allCases.map { column in
      switch column {
      case .cluster: clusterName
      case .directoryBook: profileSubmitted.map { $0 ? "Y" : "N" } ?? ""
      case .name: member.name
      case .representative: member.representative
      case .businessNumber: BusinessNumber.format(member.businessNumber)
      case .kind: member.kind.label(language)
      case .division: divisionName ?? ""
      case .role: member.role.label(language)
      case .phone: member.phone
      case .email: member.email
      case .address: member.address
      case .products: member.products
      case .employees: member.employees.map(String.init) ?? ""
      case .sales: member.salesKRW.map(Money.grouped) ?? ""
      case .founded: member.founded?.description ?? ""
      case .website: member.website
      case .joined: member.joined?.description ?? ""
      case .left: member.left?.description ?? ""
      case .status: member.status.label(language)
      }
    }
  }

  public static func row(_ export: MemberExport, language: Language) -> [String] {
    row(
      export.member, divisionName: export.division, clusterName: export.cluster,
      profileSubmitted: export.profileSubmitted, language: language)
  }

  /// A whole file: header and one row per member.
  public static func encode(
    _ members: [(member: Member, divisionName: String?)], language: Language, bom: Bool = true
  ) -> Data {
    CSVWriter.encode(
      header: header(language),
      rows: members.map { row($0.member, divisionName: $0.divisionName, language: language) },
      bom: bom)
  }
}

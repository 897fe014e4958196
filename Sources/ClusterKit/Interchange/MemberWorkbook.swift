import Foundation
import Workbook

/// A member workbook as read: the sheet the members came from, and the rows as the member CSV
/// mapping read them (every problem named by its cell).
public struct MemberWorkbookFile: Sendable {
  public var sheet: String
  public var members: MemberCSVFile
}

/// Why a member workbook could not be read at all.
public enum MemberWorkbookError: Error, Hashable, Sendable {
  case workbook(WorkbookReadError)
  /// The sheet has no header row, or no name column in it.
  case header(sheet: String, CSVError)

  /// One sentence naming the file, saying what to do.
  public func message(_ language: Language, file: String) -> String {
    let l = language
    switch self {
    case .workbook(let error): return error.message(l, file: file)
    case .header(let sheet, let error):
      if error.problem == .empty {
        return l.pick("Sheet \(sheet) of \(file) is empty.", "\(file)의 \(sheet) 시트가 비어 있습니다.")
      }
      let reason = CSVError(error.problem).message(l)
      let row = error.line.map { l.pick(", row \($0)", " \($0)행") } ?? ""
      return l.pick(
        "Sheet \(sheet) of \(file)\(row): \(reason).", "\(file)의 \(sheet) 시트\(row): \(reason).")
    }
  }
}

extension WorkbookReadError {
  /// One sentence naming the file, saying what to do.
  public func message(_ language: Language, file: String) -> String {
    let l = language
    switch self {
    case .notAWorkbook:
      return l.pick(
        "\(file) is not an Excel workbook (.xlsx); save it from your spreadsheet as .xlsx or CSV and import that.",
        "\(file, .topic) 엑셀 통합 문서(.xlsx)가 아닙니다. 스프레드시트 프로그램에서 .xlsx나 CSV로 저장한 뒤 그 파일을 가져오세요.")
    case .openDocument:
      return l.pick(
        "\(file) is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV (File > Save As) and import that.",
        "\(file, .topic) OpenDocument 스프레드시트(.ods)입니다. [다른 이름으로 저장]에서 .xlsx나 CSV로 저장한 뒤 가져오세요.")
    case .oldExcel:
      return l.pick(
        "\(file) is an old Excel 97-2003 workbook (.xls); open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV, then import that.",
        "\(file, .topic) 예전 엑셀 97-2003 형식(.xls)입니다. 엑셀에서 열어 Excel 통합 문서(.xlsx)나 CSV로 저장한 뒤 가져오세요.")
    case .encrypted:
      return l.pick(
        "\(file) is protected by a password; open it in Excel, remove the password (File > Info > Protect Workbook) and save it again as .xlsx, or save it as CSV.",
        "\(file, .topic) 암호로 보호된 통합 문서입니다. 엑셀에서 열어 암호를 지우고(파일 > 정보 > 통합 문서 보호) .xlsx로 다시 저장하거나 CSV로 저장하세요."
      )
    case .damaged(let part):
      return l.pick(
        "\(file) is a damaged workbook (\(part) cannot be read); open it in Excel and save it again as .xlsx, or save it as CSV.",
        "\(file, .topic) 손상된 통합 문서입니다(\(part, .object) 읽을 수 없음). 엑셀에서 열어 .xlsx로 다시 저장하거나 CSV로 저장하세요."
      )
    case .tooLarge(let part):
      return l.pick(
        "\(file) is too large to read (\(part) unpacks to more than 1 GiB); split it, or save it as CSV.",
        "\(file, .topic) 너무 커서 읽을 수 없습니다(\(part)의 압축을 풀면 1GiB가 넘음). 나누거나 CSV로 저장하세요.")
    case .noSheets:
      return l.pick(
        "\(file) has no worksheet; put the members on a sheet and save it again.",
        "\(file)에 워크시트가 없습니다. 회원 목록을 시트에 넣어 다시 저장하세요.")
    case .noSuchSheet(let name, let available):
      let sheets = available.joined(separator: ", ")
      return l.pick(
        "\(file) has no sheet named \(name) (its sheets: \(sheets)).",
        "\(file)에 \(name) 시트가 없습니다 (있는 시트: \(sheets)).")
    }
  }
}

extension WorkbookWriteError {
  public func message(_ language: Language) -> String {
    let l = language
    switch self {
    case .textTooLong(let sheet, let cell):
      return l.pick(
        "Cannot write the workbook: cell \(cell) of sheet \(sheet) holds more than the 32,767 characters Excel allows in a cell.",
        "통합 문서를 쓸 수 없습니다: \(sheet) 시트의 \(cell) 셀이 엑셀이 한 셀에 허용하는 32,767자를 넘습니다.")
    case .tooManyCells(let sheet):
      return l.pick(
        "Cannot write the workbook: sheet \(sheet) has more rows or columns than Excel allows.",
        "통합 문서를 쓸 수 없습니다: \(sheet) 시트의 행이나 열이 엑셀이 허용하는 수보다 많습니다.")
    case .noSheets, .invalidSheetName, .duplicateSheetName, .archive:
      return l.pick(
        "Cannot write the workbook: \(self).", "통합 문서를 쓸 수 없습니다: \(self).")
    }
  }
}

extension Day {
  /// The day as a workbook date cell's value.
  public var sheetDate: SheetDate { SheetDate(year: year, month: month, day: day) }
}

/// Members as an Excel workbook: written with the member CSV's headers and typed cells (sales a
/// number in the won format, employees a number, dates dates), and read through the member CSV
/// mapping, so that the same headers, rules and all-or-nothing import apply.
public enum MemberWorkbook {
  public static func sheetName(_ language: Language) -> String { language.pick("Members", "회원") }

  // MARK: - Writing

  /// Every member field, as `MemberCSV` writes them, in one table.
  public static func sheet(
    _ members: [(member: Member, divisionName: String?)], language: Language
  ) -> Sheet {
    sheet(
      members.map {
        MemberExport(
          member: $0.member, division: $0.divisionName, cluster: "", profileSubmitted: nil)
      }, language: language)
  }

  /// The members as `members list --format xlsx` writes them, with their mini-cluster and
  /// directory-book state.
  public static func sheet(_ members: [MemberExport], language: Language) -> Sheet {
    Sheet.table(
      name: sheetName(language), header: MemberCSV.header(language),
      rows: members.map { row($0, language: language) })
  }

  static func row(_ export: MemberExport, language: Language) -> [CellValue] {
    let member = export.member
    let text = MemberCSV.row(export, language: language)
    return MemberColumn.allCases.enumerated().map { index, column in
      switch column {
      case .employees: member.employees.map { .number(Double($0), .grouped) } ?? .empty
      case .sales: member.salesKRW.map { .number(Double($0), .won) } ?? .empty
      case .founded: member.founded.map { .date($0.sheetDate) } ?? .empty
      case .joined: member.joined.map { .date($0.sheetDate) } ?? .empty
      case .left: member.left.map { .date($0.sheetDate) } ?? .empty
      default: text[index].isEmpty ? .empty : .text(text[index])
      }
    }
  }

  // MARK: - Reading

  /// Reads the members of the first visible sheet, or of `sheet`. The header is the first row
  /// with a name column among the first 20 (a title above it, as office sheets often have, is
  /// skipped), else the first row. Cells become the text the member rules read: a number its
  /// digits (`1370000000`), a date `YYYY-MM-DD`, a boolean TRUE or FALSE; a formula's error
  /// value (`#N/A`) is a problem of its cell. Every problem names its cell (`C12`).
  public static func read(_ data: Data, sheet: String? = nil) throws(MemberWorkbookError)
    -> MemberWorkbookFile
  {
    let contents: SheetContents
    do {
      contents = try WorkbookFile(data: data).sheet(named: sheet)
    } catch {
      throw .workbook(error)
    }
    var records: [CSVRecord] = []
    var errorCells: [CellReference: String] = [:]
    for row in contents.rows {
      var fields = [String](repeating: "", count: (row.cells.last?.columnIndex ?? -1) + 1)
      for cell in row.cells {
        fields[cell.columnIndex] = cell.value.plainText
        if case .error(let code) = cell.value {
          errorCells[CellReference(columnIndex: cell.columnIndex, row: row.number)] = code
        }
      }
      records.append(CSVRecord(line: row.number, fields: fields))
    }
    let headerIndex =
      records.prefix(20).firstIndex { record in
        record.fields.contains { MemberColumn.recognise(KoreanText.clean($0)) == .name }
      } ?? 0
    var file: MemberCSVFile
    do {
      file = try MemberCSV.read(
        records: Array(records.dropFirst(headerIndex)), encoding: .utf8,
        place: { line, column in CellReference(columnIndex: column, row: line).description })
    } catch {
      throw .header(sheet: contents.name, error)
    }
    let indexes = columnIndexes(file.header)
    for (rowIndex, row) in file.rows.enumerated() {
      for (column, index) in indexes where !errorCells.isEmpty {
        guard let code = errorCells[CellReference(columnIndex: index, row: row.line)] else {
          continue
        }
        file.rows[rowIndex].errors.removeAll { $0.field == column.field }
        file.rows[rowIndex].errors.append(
          FieldError(
            field: column.field,
            problem: .other(
              english: "holds a formula's error value", korean: "수식 오류 값이 들어 있습니다"),
            value: code, line: row.line, column: file.header[index]))
      }
      file.rows[rowIndex].errors = locate(
        file.rows[rowIndex].errors, header: file.header, indexes: indexes)
    }
    return MemberWorkbookFile(sheet: contents.name, members: file)
  }

  /// Names the cell (`C12`) of every error that has a row and belongs to a column of the
  /// header (problems found on reading, and those the workspace finds on import, such as a
  /// member already there), and puts the errors in reading order: by row, then column.
  public static func locate(_ errors: [FieldError], header: [String]) -> [FieldError] {
    locate(errors, header: header, indexes: columnIndexes(header))
  }

  private static func locate(
    _ errors: [FieldError], header: [String], indexes: [MemberColumn: Int]
  ) -> [FieldError] {
    let located = errors.map { error in
      guard let row = error.line, error.cell == nil else { return error }
      var index: Int?
      if error.field.hasPrefix("#"), let number = Int(error.field.dropFirst()) {
        index = number - 1
      } else if let column = MemberColumn(rawValue: error.field) {
        index = indexes[column]
      }
      guard let index else { return error }
      var located = error
      located.cell = CellReference(columnIndex: index, row: row).description
      if index < header.count, !header[index].isEmpty {
        located.column = located.column ?? header[index]
      }
      return located
    }
    func place(_ error: FieldError) -> (Int, Int) {
      (error.line ?? 0, error.cell.flatMap { CellReference($0)?.columnIndex } ?? Int.max)
    }
    return located.enumerated().sorted { a, b in
      let (pa, pb) = (place(a.element), place(b.element))
      return pa != pb ? pa < pb : a.offset < b.offset
    }.map(\.element)
  }

  /// The column each field is read from: the first header that names it, as `MemberCSV` reads.
  private static func columnIndexes(_ header: [String]) -> [MemberColumn: Int] {
    var indexes: [MemberColumn: Int] = [:]
    for (index, title) in header.enumerated() {
      if let column = MemberColumn.recognise(title), indexes[column] == nil {
        indexes[column] = index
      }
    }
    return indexes
  }
}

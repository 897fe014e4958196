import ArgumentParser
import ClusterKit
import Foundation
import TerminalKit
import Workbook

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json, xlsx
}

struct OutputOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      language.pick(
        "table (aligned, default), csv, json or xlsx (an Excel workbook, written to --output).",
        "table(표, 기본값), csv, json 또는 xlsx(엑셀 통합 문서, --output 파일로 씁니다).")))
  var format: OutputFormat = .table

  @Flag(
    name: .long,
    help: ArgumentHelp(
      language.pick(
        "With --format csv: UTF-8 with a byte-order mark, so Korean Excel opens it correctly.",
        "--format csv와 함께: 한글 엑셀에서 깨지지 않도록 BOM이 붙은 UTF-8로 씁니다.")))
  var excel = false

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      language.pick(
        "Write to this file (created readable by you only) instead of standard output.",
        "표준 출력 대신 이 파일에 씁니다 (본인만 읽을 수 있게 만듭니다).")))
  var output: String?

  /// Writes text or CSV to --output, else to standard output; never over the workspace.
  func emit(_ data: Data, workspace: Workspace? = nil) throws {
    try writeOutput(data, to: output, workspace: workspace)
  }

  /// Writes a workbook to --output.
  func emit(_ sheet: Sheet) throws {
    try requireWorkbookFile()
    try emitWorkbook(workbookData(try sheet.fittedWorkbook()))
  }

  /// Writes workbook bytes to --output (which `requireWorkbookFile` checked before the work).
  func emitWorkbook(_ data: Data, workspace: Workspace? = nil) throws {
    try writeOutput(data, to: try requireWorkbookFile(), workspace: workspace)
  }

  /// The --output a workbook goes to, checked before any work is done.
  @discardableResult
  func requireWorkbookFile() throws -> String { try workbookDestination(output) }
}

/// Where a workbook goes: a file, never standard output or a terminal, which would get bytes
/// no one can read.
@discardableResult
func workbookDestination(_ output: String?) throws -> String {
  guard let output else {
    throw CommandError(
      "A workbook cannot be printed; give --output FILE.xlsx.",
      "통합 문서는 화면에 출력할 수 없으니 --output FILE.xlsx로 파일을 지정하세요.")
  }
  var info = stat()
  if stat(output, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR {
    let fd = open(output, O_WRONLY | O_NOCTTY)
    let terminal = fd >= 0 && isatty(fd) == 1
    if fd >= 0 { close(fd) }
    if terminal {
      throw CommandError(
        "\(output) is a terminal, which cannot show a workbook; give --output FILE.xlsx.",
        "\(output, .topic) 통합 문서를 보여 줄 수 없는 터미널이니 --output FILE.xlsx로 파일을 지정하세요.")
    }
  }
  return output
}

extension Sheet {
  /// The sheet as workbook bytes, its columns fitted to their widest text by display width (two
  /// columns for a Hangul syllable).
  func fittedWorkbook() throws(WorkbookWriteError) -> Data { try [self].fittedWorkbook() }
}

extension [Sheet] {
  func fittedWorkbook() throws(WorkbookWriteError) -> Data {
    try WorkbookWriter.data(
      map { sheet in
        var sheet = sheet
        sheet.fitColumns(measure: DisplayWidth.of)
        return sheet
      })
  }
}

/// Workbook bytes, or the writer's problem as one sentence.
func workbookData(_ write: @autoclosure () throws(WorkbookWriteError) -> Data) throws -> Data {
  do {
    return try write()
  } catch {
    throw CommandError(error.message(.en), error.message(.ko))
  }
}

extension TableValue {
  /// The text a table (grouped digits for amounts, instants in local time), CSV or JSON (plain
  /// digits, instants as stored) shows.
  func text(_ format: OutputFormat) -> String {
    switch self {
    case .text(let text): text
    case .instant(let text): format == .table ? Format.localTime(text) : text
    case .number(let value): value.map(String.init) ?? ""
    case .won(let amount): amount.map { format == .table ? Money.grouped($0) : String($0) } ?? ""
    case .date(let day): day.text
    case .percent(let rate): Format.percent(rate)
    }
  }
}

/// A list ready to print: column keys (for JSON), titles (for tables, CSV and workbooks), rows
/// of values, and the name of the sheet a workbook puts it on.
struct Listing {
  struct Column {
    var key: String
    var title: String
    var alignRight = false
  }
  var sheet: String
  var columns: [Column]
  var rows: [[TableValue]]

  func print(_ options: OutputOptions) throws {
    let format = options.format
    let text = rows.map { $0.map { $0.text(format) } }
    switch format {
    // A table is for people, wherever it goes; the machine formats go out as they are. On
    // standard output it goes a line at a time, never as one string.
    case .table:
      if options.output == nil {
        table(text) { writeStandardOutput(Data(KoreanText.printable($0).utf8)) }
      } else {
        try options.emit(Data(KoreanText.printable(table(text)).utf8))
      }
    case .csv:
      try options.emit(
        CSVWriter.encode(header: columns.map(\.title), rows: text, bom: options.excel))
    case .json:
      let objects = text.map { row in
        Dictionary(uniqueKeysWithValues: zip(columns.map(\.key), row))
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      var data = (try? encoder.encode(objects)) ?? Data("[]".utf8)
      data.append(0x0A)
      try options.emit(data)
    case .xlsx:
      try options.emit(
        Sheet.table(name: sheet, header: columns.map(\.title), rows: rows.map { $0.map(\.cell) }))
    }
  }

  /// The list as an aligned table.
  func table() -> String { table(rows.map { $0.map { $0.text(.table) } }) }

  func table(_ rows: [[String]]) -> String {
    var out = ""
    table(rows) { out += $0 }
    return out
  }

  /// Columns aligned by display width, so Hangul (two columns each) lines up; each line, with
  /// its newline, goes to `emit`.
  func table(_ rows: [[String]], _ emit: (String) -> Void) {
    var widths = columns.map { DisplayWidth.of($0.title) }
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], DisplayWidth.of(cell))
      }
    }
    func line(_ cells: [String]) -> String {
      var text = cells.enumerated().map { index, cell in
        DisplayWidth.pad(cell, to: widths[index], align: columns[index].alignRight ? .right : .left)
      }.joined(separator: "  ")
      while text.last?.isWhitespace == true { text.removeLast() }
      return text + "\n"
    }
    emit(line(columns.map(\.title)))
    emit(line(widths.map { String(repeating: "─", count: $0) }))
    for row in rows { emit(line(row)) }
  }
}

extension Listing.Column {
  /// A column named by the vocabulary; its JSON key is the term's unless given.
  init(_ term: Term, _ language: Language, key: String? = nil, alignRight: Bool = false) {
    self.init(key: key ?? term.key, title: term.title(language), alignRight: alignRight)
  }
}

extension Optional where Wrapped == Day {
  var text: String { self?.description ?? "" }
}

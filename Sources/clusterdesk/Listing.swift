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
  /// The text a table (grouped digits for amounts), CSV or JSON (plain digits) shows.
  func text(_ format: OutputFormat) -> String {
    switch self {
    case .text(let text), .instant(let text): text
    case .number(let value): value.map(String.init) ?? ""
    case .won(let amount): amount.map { format == .table ? Money.grouped($0) : String($0) } ?? ""
    case .date(let day): day.text
    case .percent(let rate): Format.percent(rate)
    }
  }
}

/// A list ready to print: column keys (for JSON), titles (for tables, CSV and workbooks), rows
/// of values, and the name of the sheet a workbook puts it on. The rows are read as they are
/// printed, never all kept: a table reads them twice (its column widths, then its lines).
struct Listing {
  struct Column {
    var key: String
    var title: String
    var alignRight = false
  }
  var sheet: String
  var columns: [Column]
  /// Hands every row to its argument, in order, each time it is called.
  var eachRow: (_ row: ([TableValue]) throws -> Void) throws -> Void

  init(
    sheet: String, columns: [Column],
    eachRow: @escaping (_ row: ([TableValue]) throws -> Void) throws -> Void
  ) {
    (self.sheet, self.columns, self.eachRow) = (sheet, columns, eachRow)
  }

  init(sheet: String, columns: [Column], rows: [[TableValue]]) {
    self.init(sheet: sheet, columns: columns) { row in
      for values in rows { try row(values) }
    }
  }

  func print(_ options: OutputOptions) throws {
    let format = options.format
    if format == .xlsx {
      var cells: [[CellValue]] = []
      try eachRow { cells.append($0.map(\.cell)) }
      try options.emit(Sheet.table(name: sheet, header: columns.map(\.title), rows: cells))
      return
    }
    try writeOutput(to: options.output) { sink in
      try withoutActuallyEscaping(sink) { try write(format, options, BufferedSink($0)) }
    }
  }

  private func write(_ format: OutputFormat, _ options: OutputOptions, _ out: BufferedSink) throws {
    var out = out
    switch format {
    // A table is for people, wherever it goes; the machine formats go out as they are.
    case .table:
      try table { try out.append(KoreanText.printable($0)) }
    case .csv:
      if options.excel { try out.append(CSVWriter.byteOrderMark) }
      try out.append(CSVWriter.record(columns.map(\.title)))
      try eachRow { try out.append(CSVWriter.record($0.map { $0.text(format) })) }
    case .json:
      var json = JSONArrayWriter(keys: columns.map(\.key)) { try out.append($0) }
      try eachRow { try json.append($0.map { $0.text(format) }) }
      try json.finish()
    case .xlsx:
      break
    }
    try out.flush()
  }

  /// The list as an aligned table.
  func table() throws -> String {
    var out = ""
    try table { out += $0 }
    return out
  }

  /// Columns aligned by display width, so Hangul (two columns each) lines up; each line, with
  /// its newline, goes to `emit`. A cell wider than its column was measured (a row written
  /// between the two readings) is cut to the column.
  func table(_ emit: (String) throws -> Void) throws {
    var widths = columns.map { DisplayWidth.of($0.title) }
    try eachRow { row in
      for (index, value) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], DisplayWidth.of(value.text(.table)))
      }
    }
    func line(_ cells: [String]) -> String {
      var text = ""
      for (index, cell) in cells.enumerated() where index < widths.count {
        if index > 0 { text += "  " }
        let gap = widths[index] - DisplayWidth.of(cell)
        let right = columns[index].alignRight
        if gap < 0 {
          text += DisplayWidth.pad(cell, to: widths[index], align: right ? .right : .left)
          continue
        }
        if right { text += String(repeating: " ", count: gap) }
        text += cell
        if !right { text += String(repeating: " ", count: gap) }
      }
      while text.last?.isWhitespace == true { text.removeLast() }
      return text + "\n"
    }
    try emit(line(columns.map(\.title)))
    try emit(line(widths.map { String(repeating: "─", count: $0) }))
    try eachRow { try emit(line($0.map { $0.text(.table) })) }
  }
}

/// Collects output in pieces of 64 KiB before handing them on, so a long list makes few writes.
struct BufferedSink {
  private let sink: (Data) throws -> Void
  private var buffer = Data()

  init(_ sink: @escaping (Data) throws -> Void) { self.sink = sink }

  mutating func append(_ text: String) throws {
    var text = text
    text.withUTF8 { buffer.append($0) }
    if buffer.count >= 1 << 16 { try flush() }
  }

  mutating func append<Bytes: Collection>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { try flush() }
  }

  mutating func flush() throws {
    guard !buffer.isEmpty else { return }
    try sink(buffer)
    buffer.removeAll(keepingCapacity: true)
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

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
      try table { try out.append($0) }
    case .csv:
      if options.excel { try out.append(CSVWriter.byteOrderMark) }
      try out.append(CSVWriter.record(columns.map(\.title)))
      var line: [UInt8] = []
      try eachRow {
        line.removeAll(keepingCapacity: true)
        CSVWriter.append(record: $0.map { $0.text(format) }, to: &line)
        try out.append(line)
      }
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
    var out: [UInt8] = []
    try table { out += $0 }
    return String(decoding: out, as: UTF8.self)
  }

  /// Columns aligned by display width, so Hangul (two columns each) lines up; each line, with
  /// its newline, goes to `emit` as UTF-8 cleaned by `KoreanText.printable` (a table is for
  /// people, wherever it goes). The cells are measured as they are read and kept, with their
  /// widths, in a temporary file until every width is known; without one (no room in the
  /// temporary folder) the rows are read a second time, and a cell wider than its column was
  /// measured (a row written between the two readings) is cut to the column.
  func table(_ emit: ([UInt8]) throws -> Void) throws {
    var widths = columns.map { DisplayWidth.of($0.title) }
    let count = widths.count
    var spool = CellSpool()
    try eachRow { row in
      spool?.startRow(min(row.count, count))
      for (index, value) in row.prefix(count).enumerated() {
        let text = value.text(.table)
        let width = DisplayWidth.of(text)
        widths[index] = max(widths[index], width)
        spool?.append(text, width: width)
      }
    }
    var line = TableLine(widths: widths, alignRight: columns.map(\.alignRight))
    try emit(line.make(columns.map { ($0.title, DisplayWidth.of($0.title)) }))
    try emit(line.make(widths.map { (String(repeating: "─", count: $0), $0) }))
    if var spool, spool.readFromStart() {
      while spool.nextRow() {
        line.start()
        for cell in 0..<min(spool.cells.count, count) {
          let (range, width) = spool.cells[cell]
          spool.bytes.withUnsafeBufferPointer {
            line.append(UnsafeBufferPointer(rebasing: $0[range]), width: width)
          }
        }
        try emit(line.finish())
      }
    } else {
      try eachRow {
        try emit(line.make($0.map { ($0.text(.table), DisplayWidth.of($0.text(.table))) }))
      }
    }
  }
}

/// One line of a table put together as UTF-8: each cell padded to its column with spaces (to
/// the right of left-aligned cells, to the left of right-aligned ones), two spaces between
/// columns, trailing blanks cut, then cleaned by `KoreanText.printable`.
struct TableLine {
  private let widths: [Int]
  private let alignRight: [Bool]
  private var bytes: [UInt8] = []
  private var cell = 0

  init(widths: [Int], alignRight: [Bool]) { (self.widths, self.alignRight) = (widths, alignRight) }

  /// The line of these cells (text and display width).
  mutating func make(_ cells: [(String, Int)]) -> [UInt8] {
    start()
    for (text, width) in cells.prefix(widths.count) {
      var text = text
      text.withUTF8 { append($0, width: width) }
    }
    return finish()
  }

  mutating func start() {
    bytes.removeAll(keepingCapacity: true)
    cell = 0
  }

  mutating func append(_ text: UnsafeBufferPointer<UInt8>, width: Int) {
    let index = cell
    cell += 1
    guard index < widths.count else { return }
    if index > 0 { spaces(2) }
    let gap = widths[index] - width
    let right = alignRight[index]
    if gap < 0 {
      let cut = DisplayWidth.pad(
        String(decoding: text, as: UTF8.self), to: widths[index], align: right ? .right : .left)
      bytes += cut.utf8
      return
    }
    if right { spaces(gap) }
    bytes.append(contentsOf: text)
    // The last cell's padding would be cut below.
    if !right && index < widths.count - 1 { spaces(gap) }
  }

  /// The line with its newline.
  mutating func finish() -> [UInt8] {
    // Trailing blanks are cut: the padding's spaces as bytes (a space never belongs to the
    // character before it), then any white space the cells end with.
    while bytes.last == 0x20 { bytes.removeLast() }
    if !endsInVisibleCharacter() {
      var text = String(decoding: bytes, as: UTF8.self)
      while text.last?.isWhitespace == true { text.removeLast() }
      bytes = Array(text.utf8)
    }
    if !bytes.withUnsafeBufferPointer(KoreanText.isPlainlyPrintable) {
      bytes = Array(KoreanText.printable(String(decoding: bytes, as: UTF8.self)).utf8)
    }
    bytes.append(0x0A)
    return bytes
  }

  private mutating func spaces(_ count: Int) {
    // From a run of spaces kept ready: appending a repeated element costs ten times as much,
    // and a long table pads every cell.
    var left = count
    while left > 0 {
      let run = min(left, Self.blanks.count)
      bytes.append(contentsOf: Self.blanks[..<run])
      left -= run
    }
  }

  private static let blanks = [UInt8](repeating: 0x20, count: 256)

  /// True when the line ends in a character that cannot be white space: printable ASCII or a
  /// Hangul syllable, neither of which joins the character before it (most lines end in one).
  private func endsInVisibleCharacter() -> Bool {
    guard let last = bytes.last else { return true }
    if (0x21...0x7E).contains(last) { return true }
    guard bytes.count >= 3, (0xEA...0xED).contains(bytes[bytes.count - 3]) else { return false }
    let scalar =
      UInt32(bytes[bytes.count - 3] & 0x0F) << 12 | UInt32(bytes[bytes.count - 2] & 0x3F) << 6
      | UInt32(last & 0x3F)
    return (0xAC00...0xD7A3).contains(scalar)
  }
}

/// A table's cells with their widths, kept in an unnamed temporary file (gone when the program
/// ends) between measuring the columns and printing the lines: a list of any length takes the
/// same memory. Nil when no temporary file can be made. Written and read a piece of 64 KiB at a
/// time, not a value at a time.
struct CellSpool {
  private let file: UnsafeMutablePointer<FILE>
  /// What is not written to the file yet.
  private var pending: [UInt8] = []
  /// What was read from the file and not taken yet, from `position`.
  private var chunk: [UInt8] = []
  private var position = 0
  /// The row read last: its cells' text (UTF-8) …
  private(set) var bytes: [UInt8] = []
  /// … and each cell's place in `bytes` and display width.
  private(set) var cells: [(Range<Int>, Int)] = []
  private static let pieceSize = 1 << 16

  init?() {
    guard let file = tmpfile() else { return nil }
    self.file = file
  }

  mutating func startRow(_ cells: Int) {
    if pending.count >= Self.pieceSize { writePending() }
    put(cells)
  }

  mutating func append(_ cell: String, width: Int) {
    var cell = cell
    put(width)
    cell.withUTF8 {
      put($0.count)
      pending.append(contentsOf: $0)
    }
  }

  /// Back to the first row for reading; false when something could not be written.
  mutating func readFromStart() -> Bool {
    writePending()
    guard ferror(file) == 0, fflush(file) == 0 else {
      fclose(file)
      return false
    }
    rewind(file)
    return true
  }

  /// Reads the next row into `bytes` and `cells`; false after the last row (the file is then
  /// closed).
  mutating func nextRow() -> Bool {
    guard let count = get() else {
      fclose(file)
      return false
    }
    bytes.removeAll(keepingCapacity: true)
    cells.removeAll(keepingCapacity: true)
    for _ in 0..<count {
      guard let width = get(), let length = get() else { break }
      let start = bytes.count
      let available = fill(length) ? length : chunk.count - position
      bytes.append(contentsOf: chunk[position..<position + available])
      position += available
      cells.append((start..<bytes.count, width))
    }
    return true
  }

  private mutating func writePending() {
    pending.withUnsafeBufferPointer { _ = fwrite_unlocked($0.baseAddress, 1, $0.count, file) }
    pending.removeAll(keepingCapacity: true)
  }

  private mutating func put(_ value: Int) {
    withUnsafeBytes(of: Int64(value)) { pending.append(contentsOf: $0) }
  }

  private mutating func get() -> Int? {
    guard fill(8) else { return nil }
    let value = chunk.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: Int64.self) }
    position += 8
    return Int(value)
  }

  /// Makes `count` bytes ready from `position`, reading more of the file as needed; false when
  /// the file ends first.
  private mutating func fill(_ count: Int) -> Bool {
    if chunk.count - position >= count { return true }
    chunk.removeSubrange(..<position)
    position = 0
    let have = chunk.count
    let want = max(count - have, Self.pieceSize)
    chunk.append(contentsOf: repeatElement(0, count: want))
    let read = chunk.withUnsafeMutableBufferPointer {
      fread_unlocked($0.baseAddress! + have, 1, want, file)
    }
    chunk.removeLast(want - read)
    return chunk.count >= count
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

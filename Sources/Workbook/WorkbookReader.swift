import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Why a file could not be read as a workbook.
public enum WorkbookReadError: Error, Hashable, Sendable {
  /// Not an Office Open XML workbook: another kind of file, or a zip without a workbook in it.
  case notAWorkbook
  /// An OpenDocument spreadsheet (`.ods`).
  case openDocument
  /// A binary Excel 97–2003 workbook (`.xls`).
  case oldExcel
  /// A workbook encrypted with a password (an OLE compound file holding `EncryptedPackage`).
  case encrypted
  /// A part of the workbook is missing or malformed.
  case damaged(part: String)
  /// A part would unpack to more than `WorkbookFile.partLimit` bytes.
  case tooLarge(part: String)
  /// The workbook has no worksheet.
  case noSheets
  case noSuchSheet(String, available: [String])
}

/// One cell as read, by its column.
public struct SheetCell: Hashable, Sendable {
  public var columnIndex: Int
  public var value: CellValue
}

/// A row as read: its number (as Excel shows it) and its cells that hold something, in column
/// order.
public struct SheetRow: Hashable, Sendable {
  public var number: Int
  public var cells: [SheetCell]
}

/// A worksheet as read: typed cells by reference.
public struct SheetContents: Sendable {
  public var name: String
  /// The rows that hold at least one cell, in order.
  public var rows: [SheetRow]

  public subscript(reference: CellReference) -> CellValue {
    guard let row = rowIndex(reference.row) else { return .empty }
    let cells = rows[row].cells
    var low = 0
    var high = cells.count - 1
    while low <= high {
      let middle = (low + high) / 2
      if cells[middle].columnIndex == reference.columnIndex { return cells[middle].value }
      if cells[middle].columnIndex < reference.columnIndex {
        low = middle + 1
      } else {
        high = middle - 1
      }
    }
    return .empty
  }

  /// The value at `C12`; empty for a reference that is not one.
  public subscript(reference: String) -> CellValue {
    CellReference(reference).map { self[$0] } ?? .empty
  }

  private func rowIndex(_ number: Int) -> Int? {
    var low = 0
    var high = rows.count - 1
    while low <= high {
      let middle = (low + high) / 2
      if rows[middle].number == number { return middle }
      if rows[middle].number < number { low = middle + 1 } else { high = middle - 1 }
    }
    return nil
  }
}

/// An Office Open XML workbook opened for reading: its worksheets by name, each read on request
/// with shared strings, inline strings, numbers, booleans, errors, and dates told by their
/// number format (1900 or 1904 date system). Formulas are never evaluated: a formula cell reads
/// as the value it was saved with.
public struct WorkbookFile {
  /// A part of the package (a sheet, the shared strings) unpacks to at most this many bytes.
  public static let partLimit = 1 << 30

  /// The worksheets in workbook order; hidden ones included.
  public let sheetNames: [String]
  private let hidden: Set<String>
  private let sheetParts: [String: String]
  private let archive: Archive
  private let entries: [String: Entry]
  private let date1904: Bool
  private let sharedStringsPart: String?
  private let stylesPart: String?

  /// Whether the data starts like a file this reader either reads (a zip) or explains (an OLE
  /// compound file: an old `.xls` or an encrypted workbook).
  public static func isWorkbookLike(_ data: Data) -> Bool {
    CompoundFile.isOne(data) || data.starts(with: [0x50, 0x4B, 0x03, 0x04])
      || data.starts(with: [0x50, 0x4B, 0x05, 0x06])
  }

  public init(data: Data) throws(WorkbookReadError) {
    if CompoundFile.isOne(data) {
      throw CompoundFile.streamNames(data).contains("EncryptedPackage") ? .encrypted : .oldExcel
    }
    guard let archive = WorkbookFile.open(data) else { throw .notAWorkbook }
    self.archive = archive
    var entries: [String: Entry] = [:]
    for entry in archive where entries[entry.path] == nil { entries[entry.path] = entry }
    self.entries = entries
    func read(_ path: String) throws(WorkbookReadError) -> Data? {
      try WorkbookFile.extract(path, archive: archive, entries: entries)
    }

    var workbookPart = "xl/workbook.xml"
    if let data = try read("_rels/.rels"),
      let office = try Relationships.parse(data, part: "_rels/.rels", source: "").first(where: {
        $0.type.hasSuffix("/officeDocument")
      })
    {
      workbookPart = office.target
    }
    guard let workbookData = try read(workbookPart) else {
      if let mimetype = try? read("mimetype"),
        String(decoding: mimetype, as: UTF8.self).contains("opendocument")
      {
        throw .openDocument
      }
      throw .notAWorkbook
    }
    let workbook = try WorkbookPart.parse(workbookData, part: workbookPart)
    let relationsPart = Relationships.partName(for: workbookPart)
    var relations: [Relationship] = []
    if let data = try read(relationsPart) {
      relations = try Relationships.parse(data, part: relationsPart, source: workbookPart)
    }
    var names: [String] = []
    var parts: [String: String] = [:]
    var hidden: Set<String> = []
    for sheet in workbook.sheets {
      guard let relation = relations.first(where: { $0.id == sheet.relationId }),
        relation.type.hasSuffix("/worksheet")
      else { continue }
      names.append(sheet.name)
      parts[sheet.name] = relation.target
      if sheet.hidden { hidden.insert(sheet.name) }
    }
    guard !names.isEmpty else { throw .noSheets }
    sheetNames = names
    sheetParts = parts
    self.hidden = hidden
    date1904 = workbook.date1904
    sharedStringsPart = relations.first { $0.type.hasSuffix("/sharedStrings") }?.target
    stylesPart = relations.first { $0.type.hasSuffix("/styles") }?.target
  }

  /// The named sheet (exact, else ignoring case and Unicode normalisation), or the first
  /// visible one.
  public func sheet(named wanted: String? = nil) throws(WorkbookReadError) -> SheetContents {
    let name: String
    if let wanted {
      func key(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased().trimmingCharacters(
          in: .whitespaces)
      }
      guard
        let found = sheetNames.first(where: { $0 == wanted })
          ?? sheetNames.first(where: { key($0) == key(wanted) })
      else { throw .noSuchSheet(wanted, available: sheetNames) }
      name = found
    } else {
      name = sheetNames.first { !hidden.contains($0) } ?? sheetNames[0]
    }
    let part = sheetParts[name]!
    func read(_ path: String) throws(WorkbookReadError) -> Data? {
      try WorkbookFile.extract(path, archive: archive, entries: entries)
    }
    var strings: [String] = []
    if let path = sharedStringsPart, let data = try read(path) {
      strings = try SharedStringsPart.parse(data, part: path)
    }
    var formats: [CellFormat] = []
    if let path = stylesPart, let data = try read(path) {
      formats = try StylesPart.parse(data, part: path)
    }
    guard let data = try read(part) else { throw .damaged(part: part) }
    let rows = try WorksheetPart.parse(
      data, part: part, strings: strings, formats: formats, date1904: date1904)
    return SheetContents(name: name, rows: rows)
  }

  /// The zip opened from a file rather than from memory: ZIPFoundation's in-memory archive traps
  /// on offsets past the end of a damaged zip, where reading a file just comes up short. The
  /// file is owner-only and removed as soon as it is open.
  private static func open(_ data: Data) -> Archive? {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "clusterdesk-\(getpid())-\(UUID().uuidString).xlsx"
    ).path
    let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
    guard fd >= 0 else { return nil }
    defer { unlink(path) }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    guard (try? handle.write(contentsOf: data)) != nil, (try? handle.close()) != nil else {
      return nil
    }
    return try? Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil)
  }

  /// A part's bytes, or nil when the package has no such part. Names are matched exactly, else
  /// ignoring case (part names are case-insensitive).
  private static func extract(_ path: String, archive: Archive, entries: [String: Entry])
    throws(WorkbookReadError) -> Data?
  {
    guard
      let entry = entries[path]
        ?? entries.first(where: { $0.key.lowercased() == path.lowercased() })?.value
    else { return nil }
    guard entry.uncompressedSize <= UInt64(partLimit) else { throw .tooLarge(part: path) }
    var data = Data()
    data.reserveCapacity(Int(entry.uncompressedSize))
    do {
      // extract(_:consumer:) computes the checksum but leaves comparing it to the caller.
      let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
        data.append(chunk)
        if data.count > partLimit { throw WorkbookReadError.tooLarge(part: path) }
      }
      guard checksum == entry.checksum else { throw WorkbookReadError.damaged(part: path) }
    } catch let error as WorkbookReadError {
      throw error
    } catch {
      throw .damaged(part: path)
    }
    return data
  }
}

// MARK: - Parts

/// Element and attribute names without their namespace prefix (`x:c` is `c`), so that files
/// written with prefixes, and Strict Open XML, read the same.
private func localName(_ name: String) -> Substring {
  guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
  return name[name.index(after: colon)...]
}

/// Receives the events of one XML part.
private protocol XMLHandler: AnyObject {
  func start(_ name: Substring, _ attributes: [String: String])
  func end(_ name: Substring)
  func text(_ text: String)
  /// A problem found in the content; stops the parse.
  var failure: WorkbookReadError? { get }
}

extension XMLHandler {
  func end(_ name: Substring) {}
  func text(_ text: String) {}
  var failure: WorkbookReadError? { nil }
}

private final class XMLEvents: NSObject, XMLParserDelegate {
  let handler: any XMLHandler
  /// Elements open; a part that ends with some still open was cut off.
  var depth = 0
  var sawRoot = false
  init(_ handler: any XMLHandler) { self.handler = handler }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    depth += 1
    sawRoot = true
    handler.start(localName(elementName), attributes)
    if handler.failure != nil { parser.abortParsing() }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    depth -= 1
    handler.end(localName(elementName))
    if handler.failure != nil { parser.abortParsing() }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { handler.text(string) }

  /// The part as UTF-8 that Foundation's parser can take without trapping. It traps (instead of
  /// failing) on a name that is not UTF-8 and on a processing instruction without data
  /// (`<?x?>`), and turns document type declarations into callbacks that can trap too; a
  /// SpreadsheetML part has none of these, so any is damage. UTF-16 parts (allowed, and rare)
  /// are turned into UTF-8 first.
  private static func safeForParser(_ data: Data, part: String) throws(WorkbookReadError) -> Data {
    var data = data
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
      guard var text = String(data: data, encoding: .utf16) else { throw .damaged(part: part) }
      if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
        text.removeSubrange(..<end.upperBound)
      }
      data = Data(text.utf8)
    }
    let safe = data.withUnsafeBytes { raw -> Bool in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard String(validating: bytes, as: UTF8.self) != nil else { return false }
      var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
      var index = 0
      while index + 1 < bytes.count {
        defer { index += 1 }
        guard bytes[index] == UInt8(ascii: "<") else { continue }
        let next = bytes[index + 1]
        if next == UInt8(ascii: "?") {
          // Only the XML declaration, first.
          guard index == start, bytes[index...].starts(with: Array("<?xml ".utf8)) else {
            return false
          }
        } else if next == UInt8(ascii: "!") {
          // Comments and CDATA sections; no document type declaration.
          guard
            bytes[index...].starts(with: Array("<!--".utf8))
              || bytes[index...].starts(with: Array("<![CDATA[".utf8))
          else { return false }
        }
      }
      return true
    }
    guard safe else { throw .damaged(part: part) }
    return data
  }

  static func run(_ data: Data, part: String, _ handler: any XMLHandler) throws(WorkbookReadError) {
    let data = try safeForParser(data, part: part)
    // From a stream, which libxml2 takes in chunks: given all at once, a part of more than
    // 10 MB (a sheet of 20,000 members) fails with libxml2's "huge input lookup" error.
    let parser = XMLParser(stream: InputStream(data: data))
    let events = XMLEvents(handler)
    parser.delegate = events
    parser.shouldResolveExternalEntities = false
    // On Linux, parse() can return true after an error, and says nothing of a document cut
    // off with elements still open.
    let parsed = parser.parse()
    if let failure = handler.failure { throw failure }
    guard parsed, parser.parserError == nil, events.sawRoot, events.depth == 0 else {
      throw .damaged(part: part)
    }
  }
}

/// An attribute by its local name (`r:id` is found as `id`).
private func attribute(_ attributes: [String: String], _ name: String) -> String? {
  if let value = attributes[name] { return value }
  return attributes.first { localName($0.key) == name[...] }?.value
}

private struct Relationship {
  var id: String
  var type: String
  /// The part it points to, as a path inside the package.
  var target: String
}

private enum Relationships {
  /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
  static func partName(for part: String) -> String {
    let folder = (part as NSString).deletingLastPathComponent
    let file = (part as NSString).lastPathComponent
    return (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
  }

  private final class Handler: XMLHandler {
    var relationships: [Relationship] = []
    let folder: [Substring]
    init(source: String) {
      folder = (source as NSString).deletingLastPathComponent.split(separator: "/")
    }
    func start(_ name: Substring, _ attributes: [String: String]) {
      guard name == "Relationship", let id = attributes["Id"], let type = attributes["Type"],
        let target = attributes["Target"], attributes["TargetMode"] != "External"
      else { return }
      relationships.append(Relationship(id: id, type: type, target: resolve(target)))
    }
    /// A target relative to the source part's folder, or absolute from the package root.
    func resolve(_ target: String) -> String {
      var parts = target.hasPrefix("/") ? [] : folder
      for piece in target.split(separator: "/") {
        if piece == ".." {
          _ = parts.popLast()
        } else if piece != "." {
          parts.append(piece)
        }
      }
      return parts.joined(separator: "/")
    }
  }

  static func parse(_ data: Data, part: String, source: String) throws(WorkbookReadError)
    -> [Relationship]
  {
    let handler = Handler(source: source)
    try XMLEvents.run(data, part: part, handler)
    return handler.relationships
  }
}

private enum WorkbookPart {
  struct SheetEntry {
    var name: String
    var relationId: String
    var hidden: Bool
  }

  private final class Handler: XMLHandler {
    var sheets: [SheetEntry] = []
    var date1904 = false
    func start(_ name: Substring, _ attributes: [String: String]) {
      switch name {
      case "workbookPr":
        let value = attributes["date1904"]
        date1904 = value == "1" || value == "true"
      case "sheet":
        guard let sheetName = attributes["name"], let id = attribute(attributes, "id") else {
          return
        }
        let state = attributes["state"] ?? "visible"
        sheets.append(SheetEntry(name: sheetName, relationId: id, hidden: state != "visible"))
      default: break
      }
    }
  }

  static func parse(_ data: Data, part: String) throws(WorkbookReadError) -> (
    sheets: [SheetEntry], date1904: Bool
  ) {
    let handler = Handler()
    try XMLEvents.run(data, part: part, handler)
    return (handler.sheets, handler.date1904)
  }
}

/// Shared strings: each `<si>`'s text, its rich-text runs joined, phonetic guides left out.
private enum SharedStringsPart {
  private final class Handler: XMLHandler {
    var strings: [String] = []
    var current = ""
    var inText = false
    var phonetic = 0
    func start(_ name: Substring, _ attributes: [String: String]) {
      switch name {
      case "si": current = ""
      case "t": inText = phonetic == 0
      case "rPh": phonetic += 1
      default: break
      }
    }
    func end(_ name: Substring) {
      switch name {
      case "si": strings.append(XMLText.unescaped(current))
      case "t": inText = false
      case "rPh": phonetic -= 1
      default: break
      }
    }
    func text(_ text: String) { if inText { current += text } }
  }

  static func parse(_ data: Data, part: String) throws(WorkbookReadError) -> [String] {
    let handler = Handler()
    try XMLEvents.run(data, part: part, handler)
    return handler.strings
  }
}

/// The number format of each cell format (`cellXfs`), by the index cells name in `s`.
private struct CellFormat {
  var format: NumberFormat
  var isDate: Bool
  var showsTime: Bool
}

private enum StylesPart {
  private final class Handler: XMLHandler {
    var codes: [Int: String] = [:]
    var formatIds: [Int] = []
    var inCellFormats = false
    func start(_ name: Substring, _ attributes: [String: String]) {
      switch name {
      case "numFmt":
        if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
          codes[id] = code
        }
      case "cellXfs": inCellFormats = true
      case "xf" where inCellFormats:
        formatIds.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
      default: break
      }
    }
    func end(_ name: Substring) { if name == "cellXfs" { inCellFormats = false } }
  }

  static func parse(_ data: Data, part: String) throws(WorkbookReadError) -> [CellFormat] {
    let handler = Handler()
    try XMLEvents.run(data, part: part, handler)
    return handler.formatIds.map { id in
      let format = NumberFormat(handler.codes[id] ?? NumberFormat.builtIn[id] ?? "General")
      return CellFormat(format: format, isDate: format.isDate, showsTime: format.showsTime)
    }
  }
}

private enum WorksheetPart {
  private final class Handler: XMLHandler {
    let strings: [String]
    let formats: [CellFormat]
    let date1904: Bool
    let part: String
    var rows: [SheetRow] = []
    var failure: WorkbookReadError?

    var rowNumber = 0
    var cells: [SheetCell] = []
    var column = -1
    var type = "n"
    var style = 0
    var value = ""
    var inlineText = ""
    var collecting: Collecting = .none
    var phonetic = 0
    enum Collecting { case none, value, inlineText }

    init(strings: [String], formats: [CellFormat], date1904: Bool, part: String) {
      self.strings = strings
      self.formats = formats
      self.date1904 = date1904
      self.part = part
    }

    func start(_ name: Substring, _ attributes: [String: String]) {
      switch name {
      case "row":
        rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
        guard (1...CellReference.maxRows).contains(rowNumber) else {
          failure = .damaged(part: part)
          return
        }
        cells = []
        column = -1
      case "c":
        if let reference = attributes["r"] {
          guard let place = CellReference(reference) else {
            failure = .damaged(part: part)
            return
          }
          column = place.columnIndex
        } else {
          column += 1
        }
        guard column < CellReference.maxColumns else {
          failure = .damaged(part: part)
          return
        }
        type = attributes["t"] ?? "n"
        style = attributes["s"].flatMap(Int.init) ?? 0
        value = ""
        inlineText = ""
      case "v": collecting = .value
      case "t": collecting = phonetic == 0 && type == "inlineStr" ? .inlineText : .none
      case "rPh": phonetic += 1
      default: break
      }
    }

    func end(_ name: Substring) {
      switch name {
      case "v", "t": collecting = .none
      case "rPh": phonetic -= 1
      case "c":
        let read = cellValue()
        if case .empty = read { return }
        cells.append(SheetCell(columnIndex: column, value: read))
      case "row":
        if !cells.isEmpty {
          cells.sort { $0.columnIndex < $1.columnIndex }
          rows.append(SheetRow(number: rowNumber, cells: cells))
        }
      default: break
      }
    }

    func text(_ text: String) {
      switch collecting {
      case .none: break
      case .value: value += text
      case .inlineText: inlineText += text
      }
    }

    private func cellValue() -> CellValue {
      switch type {
      case "s":
        guard !value.isEmpty else { return .empty }
        guard let index = Int(trimmed(value)),
          strings.indices.contains(index)
        else {
          failure = .damaged(part: part)
          return .empty
        }
        return .text(strings[index])
      case "inlineStr": return .text(XMLText.unescaped(inlineText))
      case "str": return .text(XMLText.unescaped(value))
      case "b":
        return value.isEmpty ? .empty : .bool(trimmed(value) == "1")
      case "e": return .error(value)
      case "d": return isoDate(value).map(CellValue.date) ?? .text(value)
      default:
        let digits = trimmed(value)
        guard !digits.isEmpty else { return .empty }
        guard let number = Double(digits) else {
          failure = .damaged(part: part)
          return .empty
        }
        let format =
          formats.indices.contains(style)
          ? formats[style] : CellFormat(format: .general, isDate: false, showsTime: false)
        if format.isDate,
          let date = SheetDate(serial: number, date1904: date1904, withTime: format.showsTime)
        {
          return .date(date)
        }
        return .number(number, format.format)
      }
    }

    /// The value without surrounding spaces; most values have none, and Foundation's trimming
    /// is slow enough to count in a large sheet.
    private func trimmed(_ text: String) -> String {
      guard text.first == " " || text.last == " " || text.first == "\t" || text.last == "\t"
      else { return text }
      return text.trimmingCharacters(in: .whitespaces)
    }

    /// `2026-11-22` or `2026-11-22T09:30:00` (cells of type `d`).
    private func isoDate(_ text: String) -> SheetDate? {
      let parts = text.split(separator: "T", maxSplits: 1)
      let day = parts.first?.split(separator: "-").compactMap { Int($0) } ?? []
      guard day.count == 3 else { return nil }
      var seconds: Int?
      if parts.count == 2 {
        let time = parts[1].prefix(8).split(separator: ":").compactMap { Int($0) }
        if time.count >= 2 {
          seconds = time[0] * 3600 + time[1] * 60 + (time.count > 2 ? time[2] : 0)
        }
      }
      return SheetDate(year: day[0], month: day[1], day: day[2], secondsIntoDay: seconds)
    }
  }

  static func parse(
    _ data: Data, part: String, strings: [String], formats: [CellFormat], date1904: Bool
  ) throws(WorkbookReadError) -> [SheetRow] {
    let handler = Handler(strings: strings, formats: formats, date1904: date1904, part: part)
    try XMLEvents.run(data, part: part, handler)
    // Rows written out of order are put in order; a row given twice keeps its first.
    var seen: Set<Int> = []
    return handler.rows.sorted { $0.number < $1.number }.filter { seen.insert($0.number).inserted }
  }
}

import Foundation
import ZIPFoundation

/// A problem with what was asked to be written.
public enum WorkbookWriteError: Error, Hashable, Sendable {
  /// A workbook has at least one sheet.
  case noSheets
  /// Empty, longer than 31 characters, holding `[ ] : * ? / \`, or starting or ending with `'`.
  case invalidSheetName(String)
  /// Two sheets whose names differ only in case.
  case duplicateSheetName(String)
  /// More than Excel's 32,767 characters in one cell.
  case textTooLong(sheet: String, cell: CellReference)
  /// More rows or columns than a sheet has.
  case tooManyCells(sheet: String)
  /// The container could not be made.
  case archive(String)
}

/// Writes sheets as an Office Open XML workbook (`.xlsx`): the package's content types and
/// relationships, the workbook, one style sheet, shared strings and one part per sheet. Text is
/// always a shared string, never a formula.
public enum WorkbookWriter {
  public static func data(_ sheets: [Sheet]) throws(WorkbookWriteError) -> Data {
    try checkNames(sheets)
    var styles = StyleTable()
    var strings = SharedStrings()
    var parts: [(path: String, text: String)] = []
    for (index, sheet) in sheets.enumerated() {
      parts.append(
        (
          "xl/worksheets/sheet\(index + 1).xml",
          try worksheet(sheet, selected: index == 0, styles: &styles, strings: &strings)
        ))
    }
    parts.insert(
      contentsOf: [
        ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
        ("_rels/.rels", packageRelationships),
        ("xl/workbook.xml", workbook(sheets)),
        ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
        ("xl/styles.xml", styles.xml),
        ("xl/sharedStrings.xml", strings.xml),
      ], at: 0)
    do {
      let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
      for part in parts {
        let bytes = Data(part.text.utf8)
        try archive.addEntry(
          with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
          modificationDate: Date(), compressionMethod: .deflate
        ) { position, size in
          bytes.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      guard let data = archive.data else { throw WorkbookWriteError.archive("no data") }
      return data
    } catch let error as WorkbookWriteError {
      throw error
    } catch {
      throw .archive(String(describing: error))
    }
  }

  private static func checkNames(_ sheets: [Sheet]) throws(WorkbookWriteError) {
    guard !sheets.isEmpty else { throw .noSheets }
    var seen: Set<String> = []
    for sheet in sheets {
      let name = sheet.name
      guard !name.isEmpty, name.count <= 31, !name.contains(where: { "[]:*?/\\".contains($0) }),
        !name.hasPrefix("'"), !name.hasSuffix("'")
      else { throw .invalidSheetName(name) }
      guard seen.insert(name.lowercased()).inserted else { throw .duplicateSheetName(name) }
    }
  }

  static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationshipNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  private static let relationshipType = relationshipNamespace + "/"

  private static func contentTypes(sheetCount: Int) -> String {
    let type = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    var xml =
      header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(type)sheet.main+xml\"/>"
      + "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(type)styles+xml\"/>"
      + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(type)sharedStrings+xml\"/>"
    for index in stride(from: 1, through: sheetCount, by: 1) {
      xml +=
        "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"\(type)worksheet+xml\"/>"
    }
    return xml + "</Types>"
  }

  private static let packageRelationships =
    header
    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"\(relationshipType)officeDocument\" Target=\"xl/workbook.xml\"/>"
    + "</Relationships>"

  private static func workbookRelationships(sheetCount: Int) -> String {
    var xml =
      header
      + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    for index in 0..<sheetCount {
      xml +=
        "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipType)worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
    }
    xml +=
      "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipType)styles\" Target=\"styles.xml\"/>"
      + "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipType)sharedStrings\" Target=\"sharedStrings.xml\"/>"
    return xml + "</Relationships>"
  }

  private static func workbook(_ sheets: [Sheet]) -> String {
    var xml =
      header + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
      + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
    for (index, sheet) in sheets.enumerated() {
      xml +=
        "<sheet name=\"\(XMLText.escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }
    xml += "</sheets>"
    // Excel keeps each autofilter's range as this hidden name, and expects it.
    let filters = sheets.enumerated().compactMap { index, sheet in
      sheet.autoFilter.map { range in
        let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
        return
          "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">\(XMLText.escaped(quoted))!\(range.absolute)</definedName>"
      }
    }
    if !filters.isEmpty { xml += "<definedNames>" + filters.joined() + "</definedNames>" }
    return xml + "</workbook>"
  }

  private static func worksheet(
    _ sheet: Sheet, selected: Bool, styles: inout StyleTable, strings: inout SharedStrings
  ) throws(WorkbookWriteError) -> String {
    let columnCount = sheet.rows.map(\.count).max() ?? 0
    guard sheet.rows.count <= CellReference.maxRows, columnCount <= CellReference.maxColumns
    else { throw .tooManyCells(sheet: sheet.name) }
    let columnNames = (0..<columnCount).map(CellReference.columnName)
    var xml = header + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
    if columnCount > 0 && !sheet.rows.isEmpty {
      xml += "<dimension ref=\"A1:\(columnNames[columnCount - 1])\(sheet.rows.count)\"/>"
    }
    xml += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
    if sheet.frozenRows > 0 {
      let topLeft = "A\(sheet.frozenRows + 1)"
      xml +=
        "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        + "<selection pane=\"bottomLeft\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
    }
    xml += "</sheetView></sheetViews>"
    let widths = sheet.columnWidths.enumerated().compactMap { index, width in
      width.map {
        "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(decimal($0))\" customWidth=\"1\"/>"
      }
    }
    if !widths.isEmpty { xml += "<cols>" + widths.joined() + "</cols>" }
    xml += "<sheetData>"
    for (rowIndex, row) in sheet.rows.enumerated() {
      let number = rowIndex + 1
      let bold = sheet.boldRows.contains(rowIndex)
      xml += "<row r=\"\(number)\">"
      for (columnIndex, value) in row.enumerated() {
        let reference = columnNames[columnIndex] + String(number)
        switch value {
        case .empty:
          if bold { xml += "<c r=\"\(reference)\" s=\"\(styles.index(.general, bold: true))\"/>" }
        case .text(let text):
          guard text.utf16.count <= 32_767 else {
            throw .textTooLong(
              sheet: sheet.name, cell: CellReference(columnIndex: columnIndex, row: number))
          }
          // Text that a spreadsheet would take for a formula if retyped keeps a quote prefix.
          let formulaLike = text.first.map { "=+-@".contains($0) } ?? false
          let style = styles.index(.general, bold: bold, quotePrefix: formulaLike)
          xml +=
            "<c r=\"\(reference)\"\(attribute(style)) t=\"s\"><v>\(strings.index(text))</v></c>"
        case .number(let number, let format):
          guard number.isFinite else { continue }
          xml +=
            "<c r=\"\(reference)\"\(attribute(styles.index(format, bold: bold)))><v>\(decimal(number))</v></c>"
        case .date(let date):
          let format: NumberFormat = date.secondsIntoDay == nil ? .date : .dateTime
          xml +=
            "<c r=\"\(reference)\"\(attribute(styles.index(format, bold: bold)))><v>\(decimal(date.serial))</v></c>"
        case .bool(let flag):
          xml +=
            "<c r=\"\(reference)\"\(attribute(styles.index(.general, bold: bold))) t=\"b\"><v>\(flag ? 1 : 0)</v></c>"
        case .error(let code):
          xml +=
            "<c r=\"\(reference)\"\(attribute(styles.index(.general, bold: bold))) t=\"e\"><v>\(XMLText.escaped(code))</v></c>"
        }
      }
      xml += "</row>"
    }
    xml += "</sheetData>"
    if let filter = sheet.autoFilter { xml += "<autoFilter ref=\"\(filter)\"/>" }
    xml +=
      "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
    return xml + "</worksheet>"
  }

  private static func attribute(_ style: Int) -> String { style == 0 ? "" : " s=\"\(style)\"" }

  /// A number as XML Schema writes a double: whole numbers without a fraction or exponent.
  static func decimal(_ number: Double) -> String {
    if number.rounded() == number && abs(number) < 1e15 { return String(Int64(number)) }
    return String(number)
  }
}

/// The cell formats a workbook uses, each written once: number format, bold, quote prefix.
struct StyleTable {
  private struct Key: Hashable {
    var format: Int
    var bold: Bool
    var quotePrefix: Bool
  }
  private var keys: [Key] = [Key(format: 0, bold: false, quotePrefix: false)]
  private var indexes: [Key: Int] = [Key(format: 0, bold: false, quotePrefix: false): 0]
  private var customFormats: [String: Int] = [:]
  private static let builtInIds: [String: Int] = {
    var ids: [String: Int] = [:]
    for id in [0, 1, 2, 3, 4, 9, 10] { ids[NumberFormat.builtIn[id]!] = id }
    return ids
  }()

  mutating func index(_ format: NumberFormat, bold: Bool, quotePrefix: Bool = false) -> Int {
    let formatId: Int
    if let id = Self.builtInIds[format.code] {
      formatId = id
    } else if let id = customFormats[format.code] {
      formatId = id
    } else {
      formatId = 164 + customFormats.count
      customFormats[format.code] = formatId
    }
    let key = Key(format: formatId, bold: bold, quotePrefix: quotePrefix)
    if let index = indexes[key] { return index }
    keys.append(key)
    indexes[key] = keys.count - 1
    return keys.count - 1
  }

  var xml: String {
    let font = "<sz val=\"11\"/><name val=\"맑은 고딕\"/><family val=\"3\"/><charset val=\"129\"/>"
    var xml = WorkbookWriter.header + "<styleSheet xmlns=\"\(WorkbookWriter.mainNamespace)\">"
    if !customFormats.isEmpty {
      xml += "<numFmts count=\"\(customFormats.count)\">"
      for (code, id) in customFormats.sorted(by: { $0.value < $1.value }) {
        xml += "<numFmt numFmtId=\"\(id)\" formatCode=\"\(XMLText.escaped(code))\"/>"
      }
      xml += "</numFmts>"
    }
    xml +=
      "<fonts count=\"2\"><font>\(font)</font><font><b/>\(font)</font></fonts>"
      + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
      + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
      + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      + "<cellXfs count=\"\(keys.count)\">"
    for key in keys {
      xml +=
        "<xf numFmtId=\"\(key.format)\" fontId=\"\(key.bold ? 1 : 0)\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
      if key.format != 0 { xml += " applyNumberFormat=\"1\"" }
      if key.bold { xml += " applyFont=\"1\"" }
      if key.quotePrefix { xml += " quotePrefix=\"1\"" }
      xml += "/>"
    }
    xml +=
      "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
      + "<dxfs count=\"0\"/><tableStyles count=\"0\"/>"
    return xml + "</styleSheet>"
  }
}

/// Every distinct text of a workbook, written once and referred to by its index.
struct SharedStrings {
  private var texts: [String] = []
  private var indexes: [String: Int] = [:]
  private var uses = 0

  mutating func index(_ text: String) -> Int {
    uses += 1
    if let index = indexes[text] { return index }
    texts.append(text)
    indexes[text] = texts.count - 1
    return texts.count - 1
  }

  var xml: String {
    var xml =
      WorkbookWriter.header
      + "<sst xmlns=\"\(WorkbookWriter.mainNamespace)\" count=\"\(uses)\" uniqueCount=\"\(texts.count)\">"
    for text in texts {
      let keepSpace =
        text.first?.isWhitespace == true || text.last?.isWhitespace == true
        || text.contains(where: { $0 == "\n" || $0 == "\t" || $0 == "\r\n" })
      xml += keepSpace ? "<si><t xml:space=\"preserve\">" : "<si><t>"
      xml += XMLText.escaped(text) + "</t></si>"
    }
    return xml + "</sst>"
  }
}

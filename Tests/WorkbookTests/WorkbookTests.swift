import Foundation
import SpreadsheetCheck
import Testing
import ZIPFoundation

@testable import Workbook

/// A table with every kind of cell, Korean text and text that looks like a formula.
private func sampleSheet() -> Sheet {
  var sheet = Sheet.table(
    name: "회원 명부",
    header: ["회사명", "매출액", "설립일", "갱신", "제출", "비고"],
    rows: [
      [
        .text("(주)유신테크"), .number(1_370_000_000, .won),
        .date(SheetDate(year: 2003, month: 5, day: 1)),
        .date(SheetDate(year: 2026, month: 11, day: 26, secondsIntoDay: 9 * 3600 + 30 * 60 + 5)),
        .bool(true), .text("=SUM(A1:A9)"),
      ],
      [
        .text("㈜ 한빛정밀"), .number(-300, .won), .date(SheetDate(year: 1900, month: 1, day: 1)),
        .empty, .bool(false), .text("+82 2-123-4567"),
      ],
      [
        .text("  앞뒤 공백  "), .number(0.8333, .percent),
        .date(SheetDate(year: 1900, month: 3, day: 1)),
        .empty, .empty, .text("-300만"),
      ],
      [
        .text("줄\n바꿈\r\n두 번"), .number(1234.5, .grouped), .empty, .empty, .empty, .text("@home"),
      ],
      [.text("<&>\"'"), .number(12), .empty, .empty, .empty, .text("_x0041_ 그대로, 탭\t, 제어\u{1}")],
    ])
  sheet.fitColumns(measure: { $0.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) } })
  return sheet
}

@Suite struct WorkbookRoundTripTests {
  @Test func everyKindOfCellReadsBackAsWritten() throws {
    let sheet = sampleSheet()
    let file = try WorkbookFile(data: try WorkbookWriter.data([sheet]))
    #expect(file.sheetNames == ["회원 명부"])
    let read = try file.sheet()
    #expect(read.name == "회원 명부")
    for (rowIndex, row) in sheet.rows.enumerated() {
      for (columnIndex, value) in row.enumerated() {
        let reference = CellReference(columnIndex: columnIndex, row: rowIndex + 1)
        #expect(read[reference] == value, "\(reference)")
      }
    }
    #expect(read["B2"] == .number(1_370_000_000, .won))
    #expect(read["F2"] == .text("=SUM(A1:A9)"))
    #expect(read["Z99"] == .empty)
    #expect(read["not a reference"] == .empty)
  }

  @Test func theWrittenPartsAreThoseOfAWorkbook() throws {
    let archive = try Archive(
      data: try WorkbookWriter.data([sampleSheet()]), accessMode: .read, pathEncoding: nil)
    let paths = Set(archive.map(\.path))
    #expect(
      paths == [
        "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
        "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml",
      ])
    var sheetXML = Data()
    _ = try archive.extract(archive["xl/worksheets/sheet1.xml"]!) { sheetXML.append($0) }
    let text = String(decoding: sheetXML, as: UTF8.self)
    // Text is a shared string, never a formula.
    #expect(!text.contains("<f>"))
    #expect(text.contains("state=\"frozen\""))
    #expect(text.contains("<autoFilter ref=\"A1:F6\"/>"))
  }

  @Test func sheetNamesExcelRefusesAreRefused() {
    for name in ["", "a/b", "[1]", "'quoted'", String(repeating: "가", count: 32)] {
      #expect(throws: WorkbookWriteError.invalidSheetName(name)) {
        try WorkbookWriter.data([Sheet(name: name, rows: [])])
      }
    }
    #expect(throws: WorkbookWriteError.duplicateSheetName("members")) {
      try WorkbookWriter.data([Sheet(name: "Members", rows: []), Sheet(name: "members", rows: [])])
    }
    #expect(throws: WorkbookWriteError.noSheets) { try WorkbookWriter.data([]) }
    let long = Sheet(name: "a", rows: [[.empty, .text(String(repeating: "x", count: 32_768))]])
    #expect(throws: WorkbookWriteError.textTooLong(sheet: "a", cell: CellReference("B1")!)) {
      try WorkbookWriter.data([long])
    }
  }

  @Test func fittedColumnsAreWideEnoughForHangulAndTheFilterButton() {
    let sheet = sampleSheet()
    // The widest line in column A is "  앞뒤 공백  ": 13, and 2 of margin (회사명 is 6, plus 2 for
    // the filter button); each line of a cell counts apart.
    #expect(sheet.columnWidths[0] == 15)
    // 1,370,000,000원 = 13 + 2 for 원, + 2.
    #expect(sheet.columnWidths[1] == 17)
    #expect(Sheet.shown(.number(0.8333, .percent)) == "83%")
    #expect(Sheet.shown(.number(-1_234_567, .won)) == "-1,234,567원")
  }
}

@Suite struct CellReferenceTests {
  @Test(arguments: [
    ("A1", 0, 1), ("Z9", 25, 9), ("AA10", 26, 10), ("XFD1048576", 16_383, 1_048_576),
    ("$C$12", 2, 12),
  ])
  func parsesAndNames(_ text: String, _ column: Int, _ row: Int) throws {
    let reference = try #require(CellReference(text))
    #expect(reference == CellReference(columnIndex: column, row: row))
    #expect(reference.description == text.replacingOccurrences(of: "$", with: ""))
  }

  @Test(arguments: ["", "A", "12", "A0", "1A", "XFE1", "A1048577", "A-1", "가1"])
  func refusesWhatIsNoCell(_ text: String) {
    #expect(CellReference(text) == nil)
  }
}

@Suite struct DateSerialTests {
  @Test func serialsOfThe1900System() throws {
    // Known values: 1 is 1900-01-01, 59 is 1900-02-28, 60 is Excel's 1900-02-29 that never
    // was, 61 is 1900-03-01, 45000 is 2023-03-15, 46352 is 2026-11-26.
    for (serial, text) in [
      (1.0, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (45_000, "2023-03-15"),
      (46_352, "2026-11-26"),
    ] {
      let date = try #require(SheetDate(serial: serial, date1904: false, withTime: false))
      #expect(date.description == text)
      #expect(date.serial == serial)
    }
    #expect(SheetDate(serial: 60, date1904: false, withTime: false) == nil)
    #expect(SheetDate(serial: -1, date1904: false, withTime: false) == nil)
    let noon = try #require(SheetDate(serial: 46_352.5, date1904: false, withTime: false))
    #expect(noon.description == "2026-11-26 12:00:00")
  }

  @Test func serialsOfThe1904System() throws {
    let date = try #require(SheetDate(serial: 0, date1904: true, withTime: false))
    #expect(date.description == "1904-01-01")
    #expect(SheetDate(serial: 44_890, date1904: true, withTime: false)?.description == "2026-11-26")
  }

  @Test(arguments: [
    ("yyyy-mm-dd", true), ("m/d/yy", true), ("yyyy\"년\" m\"월\" d\"일\"", true),
    ("[$-412]yyyy-mm-dd", true),
    ("h:mm", true), ("[h]:mm:ss", true), ("General", false), ("[$-412]General", false),
    ("#,##0\"원\"", false),
    ("0.00E+00", false), ("\"day\"0", false), ("0%", false), ("#,##0;[Red]-#,##0", false),
    ("@", false),
  ])
  func formatsThatShowDates(_ code: String, _ isDate: Bool) {
    #expect(NumberFormat(code).isDate == isDate)
  }
}

@Suite struct XMLTextTests {
  @Test func escapesRoundTrip() {
    for text in ["plain 한글", "<&>\"", "a\rb", "_x0041_", "tab\there", "ctl\u{1}\u{1F}", "_x12_"] {
      let escaped = XMLText.escaped(text)
      #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" })
      // What a parser does with character references, then Excel's escapes.
      let parsed = escaped.replacingOccurrences(of: "&#13;", with: "\r")
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
      #expect(XMLText.unescaped(parsed) == text)
    }
  }
}

/// Workbooks made by hand the way other programs write them: inline strings, rich text with
/// phonetic guides, prefixed element names, the 1904 date system, a formula with its cached
/// value, rows and cells without references.
@Suite struct ForeignWorkbookTests {
  static func workbook(
    sheet: String, strings: String = "", styles: String? = nil, date1904: Bool = false
  )
    throws -> Data
  {
    let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    var parts: [(String, String)] = [
      (
        "_rels/.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"\(rel)/officeDocument\" Target=\"/xl/book.xml\"/></Relationships>"
      ),
      (
        "xl/book.xml",
        "<x:workbook xmlns:x=\"\(main)\" xmlns:r=\"\(rel)\"><x:workbookPr date1904=\"\(date1904 ? 1 : 0)\"/><x:sheets><x:sheet name=\"숨김\" sheetId=\"2\" state=\"hidden\" r:id=\"r2\"/><x:sheet name=\"Members\" sheetId=\"1\" r:id=\"r1\"/></x:sheets></x:workbook>"
      ),
      (
        "xl/_rels/book.xml.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"\(rel)/worksheet\" Target=\"sheets/one.xml\"/><Relationship Id=\"r2\" Type=\"\(rel)/worksheet\" Target=\"sheets/../sheets/two.xml\"/><Relationship Id=\"r3\" Type=\"\(rel)/sharedStrings\" Target=\"strings.xml\"/><Relationship Id=\"r4\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/></Relationships>"
      ),
      (
        "xl/sheets/one.xml",
        "<x:worksheet xmlns:x=\"\(main)\"><x:sheetData>\(sheet)</x:sheetData></x:worksheet>"
      ),
      (
        "xl/sheets/two.xml",
        "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>hidden</t></is></c></row></sheetData></worksheet>"
      ),
      ("xl/strings.xml", "<x:sst xmlns:x=\"\(main)\">\(strings)</x:sst>"),
    ]
    parts.append(
      (
        "xl/styles.xml",
        styles
          ?? "<styleSheet xmlns=\"\(main)\"><numFmts><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;년&quot; m&quot;월&quot; d&quot;일&quot;\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"176\"/><xf numFmtId=\"3\"/></cellXfs></styleSheet>"
      ))
    for (path, text) in parts {
      let data = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
      ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
    }
    return archive.data!
  }

  @Test func readsWhatOtherProgramsWrite() throws {
    let strings =
      "<x:si><x:t>회사명</x:t></x:si><x:si><x:r><x:t>유신</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space=\"preserve\">테크 </x:t></x:r><x:rPh sb=\"0\" eb=\"2\"><x:t>ゆしん</x:t></x:rPh></x:si>"
    let sheet = """
      <x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>설립일</x:t></x:is></x:c></x:row>\
      <x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="B3" s="1"><x:v>37742</x:v></x:c>\
      <x:c r="C3" s="2"><x:v>37742</x:v></x:c><x:c r="D3" s="3"><x:f>B3*2</x:f><x:v>75484</x:v></x:c>\
      <x:c r="E3" t="str"><x:f>"=" &amp; "1"</x:f><x:v>=1</x:v></x:c><x:c r="F3" t="b"><x:v>1</x:v></x:c>\
      <x:c r="G3" t="e"><x:v>#N/A</x:v></x:c><x:c r="H3" s="1"/><x:c r="I3" t="d"><x:v>2026-11-26T09:30:00</x:v></x:c></x:row>
      """
    let file = try WorkbookFile(data: try Self.workbook(sheet: sheet, strings: strings))
    #expect(file.sheetNames == ["숨김", "Members"])
    let read = try file.sheet()
    #expect(read.name == "Members")
    #expect(read.rows.map(\.number) == [1, 3])
    #expect(read["A1"] == .text("회사명"))
    #expect(read["B1"] == .text("설립일"))
    #expect(read["A3"] == .text("유신테크 "))
    #expect(read["B3"] == .date(SheetDate(year: 2003, month: 5, day: 1)))
    #expect(read["C3"] == .date(SheetDate(year: 2003, month: 5, day: 1)))
    #expect(read["D3"] == .number(75_484, NumberFormat("#,##0")))
    #expect(read["E3"] == .text("=1"))
    #expect(read["F3"] == .bool(true))
    #expect(read["G3"] == .error("#N/A"))
    #expect(read["H3"] == .empty)
    #expect(read["I3"] == .date(SheetDate(year: 2026, month: 11, day: 26, secondsIntoDay: 34_200)))
    #expect(try file.sheet(named: "숨김")["A1"] == .text("hidden"))
    #expect(try file.sheet(named: "members").name == "Members")
    #expect(throws: WorkbookReadError.noSuchSheet("회원", available: ["숨김", "Members"])) {
      try file.sheet(named: "회원")
    }
  }

  /// libxml2 refuses more than 10 MB of input handed over at once; large sheets are common.
  @Test func partsLargerThanTenMegabytes() throws {
    let padding = String(repeating: " ", count: 11_000_000)
    let sheet =
      "<x:row r=\"1\"><x:c t=\"inlineStr\"><x:is><x:t>처음</x:t></x:is></x:c></x:row>\(padding)<x:row r=\"2\"><x:c t=\"inlineStr\"><x:is><x:t>끝</x:t></x:is></x:c></x:row>"
    let read = try WorkbookFile(data: try Self.workbook(sheet: sheet)).sheet()
    #expect(read["A1"] == .text("처음"))
    #expect(read["A2"] == .text("끝"))
  }

  @Test func the1904DateSystem() throws {
    let sheet = "<x:row><x:c s=\"1\"><x:v>0</x:v></x:c></x:row>"
    let read = try WorkbookFile(data: try Self.workbook(sheet: sheet, date1904: true)).sheet()
    #expect(read["A1"] == .date(SheetDate(year: 1904, month: 1, day: 1)))
  }

  @Test func damagedPartsAreNamed() throws {
    #expect(throws: WorkbookReadError.damaged(part: "xl/sheets/one.xml")) {
      try WorkbookFile(
        data: try Self.workbook(sheet: "<x:row><x:c t=\"s\"><x:v>7</x:v></x:c></x:row>")
      ).sheet()
    }
    #expect(throws: WorkbookReadError.damaged(part: "xl/sheets/one.xml")) {
      try WorkbookFile(data: try Self.workbook(sheet: "<x:row><x:c><x:v>12원</x:v></x:c></x:row>"))
        .sheet()
    }
    #expect(throws: WorkbookReadError.damaged(part: "xl/sheets/one.xml")) {
      try WorkbookFile(data: try Self.workbook(sheet: "<x:row><x:c>")).sheet()
    }
  }

  /// Foundation's parser traps on these instead of failing; the reader must refuse them first.
  @Test(arguments: [
    "<?x?><x:row/>", "<x:row/><!DOCTYPE x [<!ENTITY a SYSTEM \"b\">]>",
    "<x:row r=\"1\"><x:c t=\"inlineStr\"><x:is><x:t>\u{FFFD}</x:t></x:is></x:c></x:row><\u{1}",
  ])
  func partsFoundationsParserCannotTakeAreDamaged(_ sheet: String) throws {
    #expect(throws: WorkbookReadError.damaged(part: "xl/sheets/one.xml")) {
      try WorkbookFile(data: try Self.workbook(sheet: sheet)).sheet()
    }
  }

  @Test func aNameThatIsNotUTF8IsDamage() throws {
    var data = try Self.workbook(sheet: "<x:row/>")
    // "Relationships" in _rels/.rels with a byte that is no UTF-8, the checksum made to match.
    let archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
    var parts: [(String, Data)] = []
    for entry in archive {
      var bytes = Data()
      _ = try archive.extract(entry) { bytes.append($0) }
      if entry.path == "_rels/.rels" { bytes[bytes.index(bytes.startIndex, offsetBy: 5)] = 0xE9 }
      parts.append((entry.path, bytes))
    }
    let rebuilt = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
    for (path, bytes) in parts {
      try rebuilt.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count)) {
        position, size in
        bytes.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    data = rebuilt.data!
    #expect(throws: WorkbookReadError.damaged(part: "_rels/.rels")) { try WorkbookFile(data: data) }
  }

  @Test func filesThatAreNoWorkbook() throws {
    #expect(throws: WorkbookReadError.notAWorkbook) {
      try WorkbookFile(data: Data("회사명,대표\n".utf8))
    }
    #expect(throws: WorkbookReadError.notAWorkbook) {
      try WorkbookFile(data: Data([0x50, 0x4B, 0x03, 0x04, 0, 0]))
    }
    let other = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
    let body = Data("application/vnd.oasis.opendocument.spreadsheet".utf8)
    try other.addEntry(with: "mimetype", type: .file, uncompressedSize: Int64(body.count)) { _, _ in
      body
    }
    #expect(throws: WorkbookReadError.openDocument) { try WorkbookFile(data: other.data!) }
  }

  @Test func oldAndEncryptedWorkbooksAreTold() {
    #expect(WorkbookFile.isWorkbookLike(SpreadsheetFixtures.oldExcel))
    #expect(throws: WorkbookReadError.oldExcel) {
      try WorkbookFile(data: SpreadsheetFixtures.oldExcel)
    }
    #expect(throws: WorkbookReadError.encrypted) {
      try WorkbookFile(data: SpreadsheetFixtures.encrypted)
    }
    #expect(
      CompoundFile.streamNames(SpreadsheetFixtures.compoundFile(["EncryptedPackage"])) == [
        "Root Entry", "EncryptedPackage",
      ])
  }
}

/// Every workbook written here opened by openpyxl, an independent reader.
@Suite(.enabled(if: OpenPyXL.isAvailable, Comment(rawValue: OpenPyXL.missing)))
struct OpenPyXLTests {
  @Test func openpyxlReadsTheCellsTypesAndLayout() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "workbook-\(UUID().uuidString).xlsx")
    defer { try? FileManager.default.removeItem(at: path) }
    try WorkbookWriter.data([sampleSheet(), Sheet(name: "둘째", rows: [[.text("x")]])]).write(
      to: path)
    let book = try OpenPyXL.load(path.path)
    #expect(book.sheets.map(\.title) == ["회원 명부", "둘째"])
    let sheet = book.sheets[0]
    #expect(sheet.freeze == "A2")
    #expect(sheet.filter == "A1:F6")
    #expect(sheet.widths["A"] == 15)
    #expect(sheet.maxRow == 6)
    #expect(
      sheet["A1"]
        == .init(type: "s", value: .text("회사명"), format: "General", bold: true, quotePrefix: false))
    #expect(sheet["A2"]?.value == .text("(주)유신테크"))
    #expect(sheet["A2"]?.bold == false)
    #expect(
      sheet["B2"]
        == .init(
          type: "n", value: .number(1_370_000_000), format: "#,##0\"원\"", bold: false,
          quotePrefix: false))
    #expect(sheet["C2"]?.type == "d")
    #expect(sheet["C2"]?.value == .text("2003-05-01"))
    #expect(sheet["C2"]?.format == "yyyy-mm-dd")
    #expect(sheet["D2"]?.value == .text("2026-11-26T09:30:05"))
    #expect(sheet["C3"]?.value == .text("1900-01-01"))
    #expect(sheet["C4"]?.value == .text("1900-03-01"))
    #expect(
      sheet["E2"]
        == .init(type: "b", value: .bool(true), format: "General", bold: false, quotePrefix: false))
    #expect(sheet["B4"]?.format == "0%")
    for reference in ["F2", "F3", "F4", "F5"] {
      #expect(sheet[reference]?.type == "s", "\(reference) is not text")
      #expect(sheet[reference]?.quotePrefix == true, "\(reference)")
    }
    #expect(sheet["F2"]?.value == .text("=SUM(A1:A9)"))
    #expect(sheet["A4"]?.value == .text("  앞뒤 공백  "))
    #expect(sheet["A5"]?.value == .text("줄\n바꿈\r\n두 번"))
    #expect(sheet["A6"]?.value == .text("<&>\"'"))
    #expect(!sheet.cells.values.contains { $0.type == "f" })
  }
}

import Foundation
import SpreadsheetCheck
import Testing

/// `report` as text, JSON and an Excel workbook from the real binary: the workbook, read back
/// by openpyxl, holds exactly the numbers the text prints.
@Suite struct AnnualReportCommandTests {
  /// The numbers a piece of text shows, as written: `1,050,400,000`, `83%`, `2026`.
  static func numbers(_ text: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: "[0-9][0-9,]*%?")
    let range = NSRange(text.startIndex..., in: text)
    return pattern.matches(in: text, range: range).map {
      String(text[Range($0.range, in: text)!]).trimmingCharacters(
        in: CharacterSet(charactersIn: ","))
    }
  }

  /// A number cell as the text shows it: amounts in won grouped, counts plain, shares `83%`.
  static func shown(_ cell: OpenPyXLBook.Cell) -> String? {
    guard case .number(let value) = cell.value else { return nil }
    if cell.format.contains("%") { return String(format: "%.0f%%", value * 100) }
    let whole = Int64(value)
    guard cell.format.contains("#,##0") else { return String(whole) }
    let digits = String(whole)
    var grouped = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return grouped
  }

  /// The text's sections: each heading with the numbers of the lines under it.
  static func sections(_ text: String) -> [(title: String, numbers: [String])] {
    var out: [(title: String, numbers: [String])] = []
    for line in text.split(separator: "\n").dropFirst() {
      if line.first == " " {
        out[out.count - 1].numbers += numbers(String(line))
      } else {
        out.append((String(line), []))
      }
    }
    return out
  }

  /// The workbook's sections, found by their titles: the numbers of every cell under each, as the
  /// text shows them (numbers written in text cells too, such as `assignments in 2026`).
  static func sections(_ book: OpenPyXLBook, titles: Set<String>) -> [(
    title: String, numbers: [String]
  )] {
    var out: [(title: String, numbers: [String])] = []
    for sheet in book.sheets {
      for row in 2...max(2, sheet.maxRow) {
        let cells = (0..<sheet.maxColumn).compactMap { column -> OpenPyXLBook.Cell? in
          sheet[String(UnicodeScalar(UInt8(65 + column))) + String(row)]
        }.filter { $0.value != .none }
        if cells.count == 1, case .text(let title) = cells[0].value, cells[0].bold,
          titles.contains(title)
        {
          out.append((title, []))
          continue
        }
        for cell in cells {
          if let number = shown(cell) {
            out[out.count - 1].numbers.append(number)
          } else if case .text(let text) = cell.value {
            out[out.count - 1].numbers += numbers(text)
          }
        }
      }
    }
    return out
  }

  @Test(.enabled(if: OpenPyXL.isAvailable, Comment(rawValue: OpenPyXL.missing)))
  func theWorkbookHoldsTheNumbersTheTextPrints() throws {
    let cli = try WorkbookCommandTests.sampleOffice()
    defer { cli.cleanUp() }
    for (language, file) in [("C.UTF-8", "report.xlsx"), ("ko_KR.UTF-8", "실적보고.xlsx")] {
      let environment = ["LANG": language]
      let text = try cli.run(["report", "--year", "2026"], environment: environment)
      try #require(text.status == 0, "\(text.stderr)")
      let written = try cli.run(
        ["report", "--year", "2026", "--format", "xlsx", "--output", file],
        environment: environment)
      try #require(written.status == 0, "\(written.stderr)")
      #expect(written.stdout.contains(file))
      let book = try OpenPyXL.load(cli.file(file).path)
      let title = String(text.stdout.prefix { $0 != "\n" })
      #expect(book.sheets.count == 7)
      for sheet in book.sheets {
        #expect(sheet["A1"]?.value == .text(title), "\(sheet.title)")
        #expect(sheet.freeze == "A5", "\(sheet.title)")
        #expect(!sheet.cells.values.contains { $0.type == "f" })
      }
      let textSections = Self.sections(text.stdout)
      let bookSections = Self.sections(book, titles: Set(textSections.map(\.title)))
      #expect(bookSections.map(\.title) == textSections.map(\.title))
      for (printed, sheet) in zip(textSections, bookSections) {
        #expect(
          printed.numbers.sorted() == sheet.numbers.sorted(),
          "\(language) \(printed.title): \(printed.numbers) vs \(sheet.numbers)")
        #expect(!printed.numbers.isEmpty, "\(printed.title)")
      }
      // Row by row where the text prints rows: the supports by program.
      let supports = try #require(
        book.sheets.first { $0.title == (language == "C.UTF-8" ? "Supports" : "지원사업") })
      let programLines = text.stdout.split(separator: "\n").drop {
        !$0.hasPrefix("Support by program") && !$0.hasPrefix("지원사업별 실적")
      }.dropFirst(2).prefix { !$0.hasPrefix("  In all") && !$0.hasPrefix("  총 ") }
      for (offset, line) in programLines.enumerated() {
        let row = 5 + offset
        let cells = line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }
          .filter { !$0.isEmpty }
        let sheetRow = (0..<8).compactMap { column in
          supports[String(UnicodeScalar(UInt8(65 + column))) + String(row)]
        }
        #expect(sheetRow.count == 8, "\(line)")
        #expect(sheetRow.first?.value == .text(cells.first ?? ""), "\(line)")
        #expect(sheetRow.dropFirst().map { Self.shown($0) ?? "" } == Array(cells.dropFirst()))
      }
    }
  }

  @Test func theJSONHasTheSameTablesWithNumbers() throws {
    let cli = try WorkbookCommandTests.sampleOffice()
    defer { cli.cleanUp() }
    let text = try cli.run(["report", "--year", "2026"])
    let json = try cli.run(["report", "--year", "2026", "--format", "json"])
    try #require(json.status == 0, "\(json.stderr)")
    let root = try #require(
      try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
    #expect(root["year"] as? Int == 2026)
    let sections = try #require(root["sections"] as? [[String: Any]])
    #expect(sections.map { $0["title"] as? String } == Self.sections(text.stdout).map(\.title))
    let members = try #require((sections[0]["tables"] as? [[String: Any]])?.first)
    let rows = try #require(members["rows"] as? [[String: Any]])
    #expect(rows.last?["kind"] as? String == "total")
    #expect(
      text.stdout.contains("  total                   \(rows.last?["members"] as? Int ?? -1)\n"))
    let korean = try cli.run(["report", "--format", "json", "--language", "ko"])
    #expect(korean.stdout.contains("\"title\" : \"회원 현황\""))
  }

  /// Every way to get `report` wrong gets one sentence, in either language, and writes nothing.
  @Test func badRequestsGetOneSentence() throws {
    let cli = try WorkbookCommandTests.sampleOffice()
    defer { cli.cleanUp() }
    let cases: [Binary.Refusal] = [
      (
        ["report", "--format", "xlsx"], 1, "A workbook cannot be printed; give --output FILE.xlsx.",
        "통합 문서는 화면에 출력할 수 없으니"
      ),
      (["report", "--format", "csv"], 1, "which one CSV file cannot hold", "CSV 파일 하나에 담을 수 없으니"),
      (
        ["report", "--year", "1800"], 1, "year: must be within 2000–2100 (got \"1800\")",
        "연도: 2000–2100 범위여야"
      ),
      (["report", "--year", "20x6"], 1, "year: ", "연도: "),
      (
        ["report", "--format", "xlsx", "--output", "no-such-folder/r.xlsx"], 3,
        "Could not write no-such-folder/r.xlsx (the folder does not exist); nothing was written there.",
        "폴더가 없습니다"
      ),
      (
        ["report", "--format", "xlsx", "--output", "office.clusterdesk"], 1,
        "office.clusterdesk is the workspace itself; nothing was written", "워크스페이스 자체입니다"
      ),
      (["report", "--output", "office.clusterdesk"], 1, "is the workspace itself", "워크스페이스 자체입니다"),
      (
        ["report", "--language", "fr"], 1, "--language must be ko or en (got \"fr\").",
        "--language에는 ko나 en을"
      ),
    ]
    let before = try cli.run(["report"]).stdout
    try cli.expectRefusals(cases)
    #expect(try cli.run(["report"]).stdout == before)
    #expect(!FileManager.default.fileExists(atPath: cli.file("no-such-folder").path))
  }
}

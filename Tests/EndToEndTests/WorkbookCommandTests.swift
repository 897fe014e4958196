import Foundation
import SpreadsheetCheck
import Testing
import ZIPFoundation

/// Excel workbooks out of every list command and into `import`, through the real binary; each
/// workbook written is opened by openpyxl, an independent reader.
@Suite struct WorkbookCommandTests {
  /// A workspace holding the sample office.
  static func sampleOffice() throws -> Binary {
    let cli = try Binary()
    let sample = Binary.packageRoot.appendingPathComponent("sample-data/seoul-digital-office.json")
    let imported = try cli.run(["import", sample.path])
    try #require(imported.status == 0, "\(imported.stderr)")
    return cli
  }

  /// Writes `arguments --format xlsx --output name` and loads what was written with openpyxl.
  static func workbook(_ cli: Binary, _ arguments: [String], _ name: String, korean: Bool = false)
    throws -> OpenPyXLBook.Sheet
  {
    let result = try cli.run(
      arguments + ["--format", "xlsx", "--output", name],
      environment: korean ? ["LANG": "ko_KR.UTF-8"] : [:])
    try #require(result.status == 0, "\(arguments): \(result.stderr)")
    #expect(result.stdout.isEmpty && result.stderr.isEmpty, "\(arguments)")
    let path = cli.file(name).path
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600, "\(name) is not owner-only")
    let sheets = try OpenPyXL.load(path).sheets
    try #require(sheets.count == 1)
    let sheet = sheets[0]
    // The header row is bold, frozen and filtered over every row; each column is wide enough
    // for its text as a terminal measures it (Hangul two columns a syllable).
    #expect(sheet.freeze == "A2", "\(name)")
    #expect(sheet.filter?.hasPrefix("A1:") == true, "\(name)")
    #expect(sheet.filter?.hasSuffix(String(sheet.maxRow)) == true, "\(name): \(sheet.filter ?? "")")
    #expect(sheet.maxRow > 1, "\(name) has no rows")
    for (reference, cell) in sheet.cells {
      if reference.drop(while: \.isLetter) == "1" { #expect(cell.bold, "\(name) \(reference)") }
      guard case .text(let text) = cell.value, cell.type != "d" else { continue }
      let column = String(reference.prefix { $0.isLetter })
      let needed = min(
        60, Double(text.split(separator: "\n").map { displayWidth(String($0)) }.max() ?? 0))
      #expect((sheet.widths[column] ?? 0) >= needed, "\(name) \(reference) \(text)")
      #expect(cell.type == "s", "\(name) \(reference) \(cell.type)")
    }
    #expect(!sheet.cells.values.contains { $0.type == "f" }, "\(name) holds a formula")
    return sheet
  }

  /// The cells of one column below the header.
  static func column(_ sheet: OpenPyXLBook.Sheet, _ letter: String) -> [OpenPyXLBook.Cell] {
    (2...max(2, sheet.maxRow)).compactMap { sheet["\(letter)\($0)"] }
  }

  @Test(.enabled(if: OpenPyXL.isAvailable, Comment(rawValue: OpenPyXL.missing)))
  func everyListCommandWritesAWorkbook() throws {
    let cli = try Self.sampleOffice()
    defer { cli.cleanUp() }

    let members = try Self.workbook(cli, ["members", "list"], "members.xlsx")
    #expect(members.title == "Members")
    #expect(members["A1"]?.value == .text("name"))
    #expect(members["L1"]?.value == .text("sales"))
    #expect(members.maxRow == 142)
    let sales = Self.column(members, "L")
    #expect(sales.count > 100)
    #expect(sales.allSatisfy { $0.type == "n" && $0.format == "#,##0\"원\"" })
    #expect(Self.column(members, "M").allSatisfy { $0.type == "d" && $0.format == "yyyy-mm-dd" })
    #expect(Self.column(members, "K").allSatisfy { $0.type == "n" })

    let korean = try Self.workbook(cli, ["members", "list"], "회원.xlsx", korean: true)
    #expect(korean.title == "회원")
    #expect(korean["A1"]?.value == .text("회사명"))
    #expect(korean["L1"]?.value == .text("매출액"))
    #expect(Self.column(korean, "A").contains { $0.value == .text("㈜은비메디텍") })
    #expect(Self.column(korean, "D").contains { $0.value == .text("기업") })

    let visits = try Self.workbook(cli, ["visits", "list", "--from", "2026-01-01"], "visits.xlsx")
    #expect(visits.title == "Visits")
    #expect(Self.column(visits, "A").allSatisfy { $0.type == "n" })
    #expect(Self.column(visits, "B").allSatisfy { $0.type == "d" })

    let followUps = try Self.workbook(cli, ["visits", "list", "--follow-ups"], "follow-ups.xlsx")
    #expect(followUps.title == "Follow-ups")
    #expect(Self.column(followUps, "G").allSatisfy { $0.type == "d" })

    let due = try Self.workbook(cli, ["visits", "due"], "due.xlsx")
    #expect(due.title == "Due for a visit")
    #expect(Self.column(due, "E").allSatisfy { $0.type == "n" || $0.value == .text("never") })

    let meetings = try Self.workbook(cli, ["meetings", "list"], "meetings.xlsx")
    #expect(meetings.title == "Meetings")
    #expect(Self.column(meetings, "B").allSatisfy { $0.type == "d" })
    let rates = Self.column(meetings, "H")
    #expect(!rates.isEmpty && rates.allSatisfy { $0.type == "n" && $0.format == "0%" })

    let requests = try Self.workbook(cli, ["requests", "list"], "requests.xlsx")
    #expect(requests.title == "Requests")
    #expect(requests["H1"]?.value == .text("Requested"))
    let requested = Self.column(requests, "H")
    #expect(requested.count == requests.maxRow - 1)
    #expect(requested.allSatisfy { $0.type == "n" && $0.format == "#,##0\"원\"" })
    #expect(Self.column(requests, "I").allSatisfy { $0.format == "#,##0\"원\"" })
    let listed = try cli.run(["requests", "list", "--format", "csv"])
    let firstAmount = listed.stdout.split(separator: "\r\n")[1].split(separator: ",")[7]
    #expect(requests["H2"]?.value == .number(Double(firstAmount)!))

    let programs = try Self.workbook(cli, ["programs", "list"], "programs.xlsx")
    #expect(programs.title == "Programs")
    #expect(programs["E1"]?.value == .text("Budget"))
    #expect(Self.column(programs, "B").allSatisfy { $0.type == "n" })
    for column in ["E", "F", "G", "H", "I", "J", "K"] {
      #expect(
        Self.column(programs, column).allSatisfy { $0.type == "n" && $0.format == "#,##0\"원\"" })
    }

    let audit = try Self.workbook(cli, ["audit"], "audit.xlsx")
    #expect(audit.title == "Audit log")
    #expect(
      Self.column(audit, "A").allSatisfy { $0.type == "d" && $0.format == "yyyy-mm-dd hh:mm:ss" })
  }

  @Test func aWorkbookNeedsAFileNotAScreen() throws {
    let cli = try Self.sampleOffice()
    defer { cli.cleanUp() }
    for arguments in [["members", "list"], ["audit"], ["visits", "due"]] {
      let result = try cli.run(arguments + ["--format", "xlsx"])
      #expect(result.status == 1)
      #expect(result.stdout.isEmpty)
      #expect(result.stderr == "A workbook cannot be printed; give --output FILE.xlsx.\n")
    }
    let korean = try cli.run(
      ["meetings", "list", "--format", "xlsx"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(korean.stderr == "통합 문서는 화면에 출력할 수 없으니 --output FILE.xlsx로 파일을 지정하세요.\n")
    guard Tmux.available else { return }
    let terminal = try Tmux(cli)
    defer { terminal.close() }
    terminal.type(
      terminal.commandLine(["members", "list", "--format", "xlsx", "--output", "/dev/stdout"])
        + "; echo status=$?")
    #expect(terminal.waitFor(text: "status=1"))
    let screen = terminal.screen().joined(separator: "\n")
    #expect(
      screen.contains(
        "/dev/stdout is a terminal, which cannot show a workbook; give --output FILE.xlsx."))
    #expect(!screen.contains("PK"))
  }

  /// Members with Korean names, amounts, dates and text that looks like a formula, out as a
  /// workbook and into an empty workspace: the same members come back.
  @Test func membersRoundTripThroughAWorkbook() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let csv = """
      회사명,대표자,사업자등록번호,구분,분과,직위,전화번호,매출액,종업원수,설립일,가입일,주요제품,홈페이지,디렉토리북\r
      (주)유신테크,김철수,124-81-00998,기업,IT장비,회장,02-1234-5678,13.7억,1200,2003.05.01,2024-03-02,=SUM(A1:A3),@yusin,Y\r
      한결대학교 산학협력단,+82 대표,,대학,,회원,,0,,,2025-01-31,-,,N\r
      대성일렉트로닉스 주식회사,이대성,1018100016,기업,차세대부품,운영위원,031-123-4567,"5,000,000,000",7,1900-03-01,,"+1 센서, -2 모듈",,Y\r

      """
    try Data(csv.utf8).write(to: cli.file("members.csv"))
    #expect(try cli.run(["import", "members.csv", "--cluster", "지능형메카트로닉스"]).status == 0)
    let written = try cli.run(["members", "list", "--format", "xlsx", "--output", "members.xlsx"])
    #expect(written.status == 0, "\(written.stderr)")

    var other = cli
    other.environment["CLUSTERDESK_WORKSPACE"] = cli.file("other.clusterdesk").path
    let back = try other.run(["import", "members.xlsx", "--cluster", "지능형메카트로닉스"])
    #expect(back.status == 0, "\(back.stderr)")
    #expect(back.stdout.contains("Read sheet Members of members.xlsx."))
    #expect(back.stdout.contains("Imported 3 members into 지능형메카트로닉스."))
    let before = try cli.run(["members", "list", "--format", "csv"]).stdout
    let after = try other.run(["members", "list", "--format", "csv"]).stdout
    #expect(after == before)
    #expect(after.contains("\"1,370,000,000\""))
    #expect(after.contains("1900-03-01"))

    if OpenPyXL.isAvailable {
      let sheet = try OpenPyXL.load(cli.file("members.xlsx").path).sheets[0]
      let products = Self.column(sheet, "J")
      #expect(products.map(\.value).contains(.text("=SUM(A1:A3)")))
      #expect(products.allSatisfy { $0.type == "s" })
      #expect(Self.column(sheet, "L").map(\.value).contains(.number(1_370_000_000)))
    }

    // A workbook renamed .csv is still read as a workbook; a CSV named .xlsx as a CSV.
    try FileManager.default.copyItem(at: cli.file("members.xlsx"), to: cli.file("renamed.csv"))
    try FileManager.default.copyItem(at: cli.file("members.csv"), to: cli.file("text.xlsx"))
    for (file, said) in [
      ("renamed.csv", "Read sheet Members of renamed.csv."),
      ("text.xlsx", "Read text.xlsx as UTF-8."),
    ] {
      let workspace = cli.file("\(file).clusterdesk").path
      let result = try cli.run(
        ["import", file, "--cluster", "복사본"], environment: ["CLUSTERDESK_WORKSPACE": workspace])
      #expect(result.status == 0, "\(file): \(result.stderr)")
      #expect(result.stdout.contains(said), "\(file): \(result.stdout)")
    }
  }

  @Test func badCellsAreListedByCellAndNothingIsImported() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let csv = "회사명,사업자번호,전화번호\n유신테크,124-81-00998,02-1234-5678\n한빛정밀,1018100016,031-123-4567\n"
    try Data(csv.utf8).write(to: cli.file("good.csv"))
    #expect(try cli.run(["import", "good.csv", "--cluster", "IT융합"]).status == 0)
    #expect(try cli.run(["members", "list", "--format", "xlsx", "-o", "out.xlsx"]).status == 0)
    // Importing the same members again: each is a duplicate of one already here.
    let again = try cli.run(
      ["import", "out.xlsx", "--cluster", "IT융합"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(again.status == 1)
    #expect(again.stderr.contains("아무것도 가져오지 않았습니다. out.xlsx에 문제"))
    // The workbook was written in English, so its headers are; the message is Korean.
    #expect(
      again.stderr.contains(
        "\nA2, name: #1 유신테크와 중복됩니다 (입력값 \"유신테크\")\nC2, business registration number: #1")
    )
    #expect(again.stderr.contains("A3, name: #2 한빛정밀"))
    let count = try cli.run(["members", "list", "--format", "json"]).stdout
    #expect(count.components(separatedBy: "\"id\"").count - 1 == 2)
  }

  @Test func filesThatAreNoWorkbookGetOneSentence() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let notWorkbook = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
    let body = Data("<w:document/>".utf8)
    try notWorkbook.addEntry(
      with: "word/document.xml", type: .file, uncompressedSize: Int64(body.count)
    ) { _, _ in body }
    let cases: [(String, Data, String)] = [
      (
        "old.xls", SpreadsheetFixtures.oldExcel,
        "old.xls is an old Excel 97-2003 workbook (.xls); open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV, then import that."
      ),
      (
        "secret.xlsx", SpreadsheetFixtures.encrypted,
        "secret.xlsx is protected by a password; open it in Excel, remove the password (File > Info > Protect Workbook) and save it again as .xlsx, or save it as CSV."
      ),
      (
        "letter.xlsx", notWorkbook.data!,
        "letter.xlsx is not an Excel workbook (.xlsx); save it from your spreadsheet as .xlsx or CSV and import that."
      ),
      (
        "cut.xlsx", Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 7, count: 300),
        "cut.xlsx is not an Excel workbook (.xlsx); save it from your spreadsheet as .xlsx or CSV and import that."
      ),
    ]
    for (name, data, sentence) in cases {
      try data.write(to: cli.file(name))
      let result = try cli.run(["import", name, "--cluster", "IT융합"])
      #expect(result.status == 1, "\(name)")
      #expect(result.stderr == sentence + "\n", "\(name)")
      #expect(result.stdout.isEmpty, "\(name)")
      #expect(
        !FileManager.default.fileExists(atPath: cli.workspacePath), "\(name) created a workspace")
    }
    let korean = try cli.run(
      ["import", "old.xls", "--cluster", "IT융합"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(
      korean.stderr
        == "old.xls는 예전 엑셀 97-2003 형식(.xls)입니다. 엑셀에서 열어 Excel 통합 문서(.xlsx)나 CSV로 저장한 뒤 가져오세요.\n")

    try Data("회사명\n유신테크\n".utf8).write(to: cli.file("members.csv"))
    // Rows that name no mini-cluster need --cluster.
    let noCluster = try cli.run(["import", "members.csv"])
    #expect(noCluster.status == 1)
    #expect(
      noCluster.stderr.contains(
        "line 2, mini-cluster: names no mini-cluster; fill it in, or give --cluster NAME for such rows"
      ),
      "\(noCluster.stderr)")
    #expect(!FileManager.default.fileExists(atPath: cli.workspacePath))
    let sheetOfCSV = try cli.run(["import", "members.csv", "--cluster", "IT융합", "--sheet", "회원"])
    #expect(sheetOfCSV.status == 1)
    #expect(sheetOfCSV.stderr == "--sheet is for workbooks, and members.csv is not one.\n")
  }
}

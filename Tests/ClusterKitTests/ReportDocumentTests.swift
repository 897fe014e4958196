import Foundation
import SpreadsheetCheck
import Testing
import Workbook

@testable import ClusterKit

private let today = Day(year: 2026, month: 11, day: 26)!

/// The sample office in a temporary workspace.
private func sampleOffice(_ temp: TemporaryWorkspace) throws -> Workspace {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../sample-data/seoul-digital-office.json")
  let target = try Workspace(path: temp.file("sample.clusterdesk"), create: true)
  try target.importDocument(try WorkspaceDocument.decode(try Data(contentsOf: url)))
  return target
}

/// The annual report as one document of typed tables, and the workbook written from it.
@Suite struct ReportDocumentTests {
  @Test func theDocumentCarriesTheReportsFigures() throws {
    let temp = try TemporaryWorkspace()
    let office = try sampleOffice(temp)
    let report = try office.annualReport(year: 2026, today: today)
    let document = report.document(.en)
    #expect(document.title == "Annual report 2026 — \(report.office.name)")
    #expect(
      document.sections.map(\.key) == [
        "members", "meetings", "supportByProgram", "budgets", "supportByCategory",
        "supportByCluster", "visits", "mentoring", "sigs", "directoryBook", "plans",
      ])
    func table(_ section: String, _ key: String) throws -> ReportTable {
      let blocks = try #require(document.sections.first { $0.key == section }).blocks
      for case .table(let table) in blocks where table.key == key { return table }
      throw ValidationError([])
    }
    let byKind = try table("members", "byKind")
    #expect(byKind.rows.last == [.text("total"), .number(report.totalMembers)])
    #expect(byKind.totalRows == 1)
    let programs = try table("supportByProgram", "byProgram")
    #expect(programs.rows.count == report.programs.count + 1)
    #expect(programs.rows.last?[4] == .won(report.approvedKRW))
    #expect(programs.rows.last?[7] == .won(report.totals.returnedKRW))
    let meetings = try table("meetings", "byKind")
    #expect(meetings.rows.first?[2] == .percent(report.meetings.first?.participation.rate))
    // A table of a few figures prints as its sentence, made of the same numbers.
    let book = try table("directoryBook", "directoryBook")
    let summary = report.programmes.directoryBook
    #expect(
      book.lines == [
        "\(summary.submitted) of \(summary.members) members submitted their profile; \(summary.asked) asked"
      ])
    #expect(
      book.rows.map { $0[1] }
        == [summary.members, summary.submitted, summary.asked].map(TableValue.number))
    let korean = report.document(.ko)
    #expect(korean.title.hasPrefix("2026년 실적보고 — "))
    #expect(korean.sections.map(\.sheet).contains("멘토링·SIG"))
  }

  @Test(.enabled(if: OpenPyXL.isAvailable, Comment(rawValue: OpenPyXL.missing)))
  func theWorkbookIsWrittenWhereAskedAndSaysWhere() throws {
    let temp = try TemporaryWorkspace()
    let office = try sampleOffice(temp)
    let target = AnnualReportWorkbook.defaultPath(for: office, year: 2026, .ko)
    #expect(target == temp.file("실적보고-2026.xlsx"))
    let written = try AnnualReportWorkbook.write(
      office, year: 2026, today: today, language: .ko, to: target, measure: { $0.count })
    #expect(written == target)
    let mode = try FileManager.default.attributesOfItem(atPath: written)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let book = try OpenPyXL.load(written)
    #expect(
      book.sheets.map(\.title) == ["회원", "회의", "지원사업", "기업방문", "멘토링·SIG", "디렉토리북", "2027년 계획"])
    let report = try office.annualReport(year: 2026, today: today)
    for sheet in book.sheets {
      #expect(sheet["A1"]?.value == .text("2026년 실적보고 — \(report.office.name)"))
      #expect(sheet["A1"]?.bold == true)
      // The title, a blank row, the first section's title and the first table's header.
      #expect(sheet.freeze == "A5", "\(sheet.title)")
      #expect(sheet["A4"]?.bold == true && sheet["B4"]?.bold == true, "\(sheet.title)")
    }
    let supports = book.sheets[2]
    // The program table starts under its header on row 5; the total is the row after the last
    // program, bold.
    let totalRow = 5 + report.programs.count
    #expect(supports["A\(totalRow)"]?.value == .text("합계"))
    #expect(supports["A\(totalRow)"]?.bold == true)
    #expect(supports["E\(totalRow)"]?.value == .number(Double(report.approvedKRW)))
    #expect(supports["E\(totalRow)"]?.format == "#,##0\"원\"")
    #expect(supports["B\(totalRow)"]?.format == "General")
    let meetings = book.sheets[1]
    #expect(meetings["C5"]?.format == "0%")
    #expect(meetings["C5"]?.value == .number(report.meetings[0].participation.rate!))
  }

  @Test func theWorkbookIsNeverWrittenOverTheWorkspaceOrIntoNothing() throws {
    let temp = try TemporaryWorkspace()
    let office = temp.workspace
    let refused = #expect(throws: OutputRefusal.self) {
      try AnnualReportWorkbook.write(
        office, year: 2026, today: today, language: .en, to: office.path, measure: { $0.count })
    }
    #expect(refused == .workspace(path: office.path))
    #expect(refused?.message(.ko).contains("워크스페이스 자체입니다") == true)
    #expect(try office.annualReport(year: 2026, today: today).totalMembers == 0)
    let missing = temp.file("no-such-folder/report.xlsx")
    let problem = #expect(throws: FileProblem.self) {
      try AnnualReportWorkbook.write(
        office, year: 2026, today: today, language: .en, to: missing, measure: { $0.count })
    }
    #expect(problem?.code == ENOENT)
    let year = #expect(throws: ValidationError.self) {
      try office.annualReport(year: 1800, today: today)
    }
    #expect(year?.message(.en) == "year: must be within 2000–2100 (got \"1800\")")
  }
}

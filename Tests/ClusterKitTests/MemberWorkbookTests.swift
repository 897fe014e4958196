import Foundation
import SpreadsheetCheck
import Testing
import Workbook

@testable import ClusterKit

/// Members with Korean names, amounts, dates, and text a spreadsheet could take for a formula.
private func koreanMembers(_ fixture: TemporaryWorkspace) throws {
  let w = fixture.workspace
  let cluster = fixture.cluster.id
  _ = try w.addMember(
    Member(
      clusterId: cluster, name: "(주)유신테크", representative: "김철수",
      businessNumber: businessNumber(1), products: "=SUM(A1:A3) 센서", employees: 1_200,
      salesKRW: 1_370_000_000, founded: Day(year: 2003, month: 5, day: 1),
      address: "서울특별시 구로구 디지털로 300", phone: "02-1234-5678", email: "info@yusin.co.kr",
      website: "@yusin", role: .chair, joined: Day(year: 2024, month: 3, day: 2)),
    divisionName: "IT장비")
  _ = try w.addMember(
    Member(
      clusterId: cluster, kind: .university, name: "한결대학교 산학협력단", representative: "+82 대표",
      products: "-", salesKRW: 0, role: .member, joined: Day(year: 2025, month: 1, day: 31),
      left: Day(year: 2026, month: 11, day: 20), status: .left))
  _ = try w.addMember(
    Member(
      clusterId: cluster, name: "㈜ 대성일렉트로닉스", businessNumber: businessNumber(2),
      employees: 7, salesKRW: 999_999_999_999, founded: Day(year: 1900, month: 3, day: 1),
      role: .steering), divisionName: "차세대부품")
}

private func workbookFile(_ fixture: TemporaryWorkspace, _ name: String, _ sheets: [Sheet]) throws
  -> String
{
  let path = fixture.file(name)
  try WorkbookWriter.data(sheets).write(to: URL(fileURLWithPath: path))
  return path
}

private func read(_ path: String, sheet: String? = nil) throws -> MemberWorkbookFile {
  try MemberWorkbook.read(try Data(contentsOf: URL(fileURLWithPath: path)), sheet: sheet)
}

/// Every member field as text, in export order, for comparing two workspaces.
private func exported(_ workspace: Workspace) throws -> [[String]] {
  try workspace.membersForExport().map {
    MemberCSV.row($0.member, divisionName: $0.division, language: .ko)
  }
}

@Suite struct MemberWorkbookTests {
  @Test func membersRoundTripThroughAWorkbookIntoAnEmptyWorkspace() throws {
    let source = try TemporaryWorkspace()
    try koreanMembers(source)
    let sheet = MemberWorkbook.sheet(
      try source.workspace.membersForExport().map { ($0.member, $0.division) }, language: .ko)
    let path = try workbookFile(source, "members.xlsx", [sheet])

    let book = try read(path)
    #expect(book.sheet == "회원")
    #expect(book.members.isValid, "\(book.members.errors)")
    let target = try TemporaryWorkspace()
    let result = try target.workspace.importMembers(book.members, clusterName: "복사본")
    #expect(result.added == 3)
    #expect(result.divisionsCreated.sorted() == ["IT장비", "차세대부품"])
    #expect(try exported(target.workspace) == exported(source.workspace))
    let yusin = try #require(
      try target.workspace.membersForExport().first { $0.member.name == "(주)유신테크" })
    #expect(yusin.member.products == "=SUM(A1:A3) 센서")
    #expect(yusin.member.salesKRW == 1_370_000_000)
    #expect(yusin.member.founded == Day(year: 2003, month: 5, day: 1))
  }

  @Test(.enabled(if: OpenPyXL.isAvailable, Comment(rawValue: OpenPyXL.missing)))
  func openpyxlReadsTheMemberSheet() throws {
    let source = try TemporaryWorkspace()
    try koreanMembers(source)
    var sheet = MemberWorkbook.sheet(
      try source.workspace.membersForExport().map { ($0.member, $0.division) }, language: .ko)
    sheet.fitColumns(measure: { $0.unicodeScalars.count })
    let book = try OpenPyXL.load(try workbookFile(source, "members.xlsx", [sheet]))
    let read = book.sheets[0]
    #expect(read.title == "회원")
    #expect(read.freeze == "A2")
    #expect(read.filter == "A1:S4")
    // Members are sorted by name without the legal form: 대성, 유신, 한결.
    #expect(read["A1"]?.value == .text("회사명"))
    #expect(read["A1"]?.bold == true)
    #expect(read["A2"]?.value == .text("㈜ 대성일렉트로닉스"))
    #expect(read["A3"]?.value == .text("(주)유신테크"))
    #expect(read["C3"]?.value == .text(BusinessNumber.format(businessNumber(1))))
    #expect(read["J3"]?.type == "s")
    #expect(read["J3"]?.value == .text("=SUM(A1:A3) 센서"))
    #expect(read["J3"]?.quotePrefix == true)
    #expect(read["N3"]?.value == .text("@yusin"))
    #expect(read["B4"]?.value == .text("+82 대표"))
    #expect(read["J4"]?.value == .text("-"))
    #expect(read["K3"]?.type == "n")
    #expect(read["K3"]?.value == .number(1_200))
    #expect(read["K3"]?.format == "#,##0")
    #expect(read["L3"]?.type == "n")
    #expect(read["L3"]?.value == .number(1_370_000_000))
    #expect(read["L3"]?.format == "#,##0\"원\"")
    #expect(read["L4"]?.value == .number(0))
    #expect(read["M3"]?.type == "d")
    #expect(read["M3"]?.value == .text("2003-05-01"))
    #expect(read["M2"]?.value == .text("1900-03-01"))
    #expect(read["P4"]?.value == .text("2026-11-20"))
    #expect(!read.cells.values.contains { $0.type == "f" })
  }

  /// What managers type: business numbers and amounts as Excel numbers or as text, dates as
  /// Excel dates (with or without a time) or as text, booleans, a title above the header.
  @Test func excelValuesAndTextAreBothAccepted() throws {
    let fixture = try TemporaryWorkspace()
    let sheet = Sheet(
      name: "2026 명부",
      rows: [
        [.text("2026년 회원 명부")],
        [],
        [
          .text("회사명"), .text("사업자번호"), .text("매출액(억원)"), .text("설립일"), .text("가입일"),
          .text("종업원수"), .text("디렉토리북"), .text("비고"),
        ],
        [
          .text("유신테크"), .number(Double(businessNumber(1))!), .number(13.7),
          .date(SheetDate(year: 2003, month: 5, day: 1)),
          .date(SheetDate(year: 2026, month: 3, day: 2, secondsIntoDay: 34_200)), .number(1_200),
          .bool(true), .text("무시"),
        ],
        [
          .text("한빛정밀"), .text(BusinessNumber.format(businessNumber(2))), .text("5"),
          .text("2010.03.01"), .text("20260302"), .text("1,200명"), .text("N"),
        ],
        [.text("대성전자"), .empty, .number(0.5, .won), .text("2003"), .empty, .empty, .bool(false)],
      ])
    let book = try read(
      try workbookFile(fixture, "typed.xlsx", [Sheet(name: "안내", rows: [[.text("x")]]), sheet]),
      sheet: "2026 명부")
    #expect(book.members.isValid, "\(book.members.errors)")
    #expect(book.members.unknownColumns == ["비고"])
    #expect(book.members.rows.map(\.profileSubmitted) == [true, false, false])
    let members = book.members.rows.map(\.member)
    #expect(book.members.rows.map(\.line) == [4, 5, 6])
    #expect(members.map(\.businessNumber) == [businessNumber(1), businessNumber(2), ""])
    #expect(members.map(\.salesKRW) == [1_370_000_000, 500_000_000, 50_000_000])
    #expect(
      members.map(\.founded) == [
        Day(year: 2003, month: 5, day: 1), Day(year: 2010, month: 3, day: 1),
        Day(year: 2003, month: 1, day: 1),
      ])
    #expect(
      members.map(\.joined) == [
        Day(year: 2026, month: 3, day: 2), Day(year: 2026, month: 3, day: 2), nil,
      ])
    #expect(members.map(\.employees) == [1_200, 1_200, nil])
  }

  @Test func badCellsAreNamedByReferenceAndHeader() throws {
    let fixture = try TemporaryWorkspace()
    _ = try fixture.member("기존회사", number: businessNumber(9))
    let sheet = Sheet.table(
      name: "members", header: ["회사명", "사업자번호", "매출액", "설립일", "전화번호", ""],
      rows: [
        [
          .text("유신테크"), .text("124-81-00999"), .text("abc"), .text("2003-13-01"),
          .number(212_345_678),
        ],
        [.text("㈜ 유신테크"), .empty, .error("#N/A"), .empty, .empty, .text("떠돌이 값")],
        [.text("새회사"), .text(businessNumber(9))],
      ])
    let book = try read(try workbookFile(fixture, "bad.xlsx", [sheet]))
    let messages = book.members.errors.map { $0.message(.en) }
    #expect(
      messages == [
        "B2, 사업자번호: has a wrong check digit (got \"124-81-00999\")",
        "C2, 매출액: must look like 1,370,000,000 / 13.7억 / 300만 (got \"abc\")",
        "D2, 설립일: must look like 2026-11-22 / 2026.11.22 / 2003 (got \"2003-13-01\")",
        "E2, 전화번호: must look like 02-1234-5678 / 031-123-4567 / 010-1234-5678 / 1588-1234 (got \"212345678\")",
        "A3, 회사명: duplicates A2 (got \"㈜ 유신테크\")",
        "C3, 매출액: holds a formula's error value (got \"#N/A\")",
        "F3, #6: value in a column without a header (got \"떠돌이 값\")",
      ])
    // The workspace's own check (a member already there, in the same mini-cluster) names the
    // cell too.
    do {
      _ = try fixture.workspace.importMembers(book.members, clusterName: "지능형메카트로닉스")
      Issue.record("a bad file was imported")
    } catch let error as ClusterKit.ValidationError {
      let located = MemberWorkbook.locate(error.errors, header: book.members.header)
      #expect(
        located.map { $0.message(.ko) }.contains(
          "B4, 사업자번호: #1 기존회사 (지능형메카트로닉스)와 중복됩니다 (입력값 \"\(BusinessNumber.format(businessNumber(9)))\")"
        ))
    }
    #expect(try fixture.workspace.memberCount(MemberQuery()) == 1)
  }

  @Test func sheetsWithoutMembersAreRefusedWithOneSentence() throws {
    let fixture = try TemporaryWorkspace()
    let path = try workbookFile(
      fixture, "odd.xlsx",
      [
        Sheet(name: "빈 시트", rows: []),
        Sheet(name: "목록", rows: [[.text("번호"), .text("메모")], [.number(1)]]),
      ])
    func refusal(_ sheet: String?) -> String? {
      do {
        _ = try read(path, sheet: sheet)
        return nil
      } catch let error as MemberWorkbookError {
        return error.message(.en, file: "odd.xlsx")
      } catch {
        return "\(error)"
      }
    }
    #expect(refusal(nil) == "Sheet 빈 시트 of odd.xlsx is empty.")
    #expect(refusal("목록") == "Sheet 목록 of odd.xlsx, row 1: no name column (headers found: 번호, 메모).")
    #expect(refusal("회원") == "odd.xlsx has no sheet named 회원 (its sheets: 빈 시트, 목록).")
    let korean = MemberWorkbookError.workbook(.noSuchSheet("회원", available: ["목록"])).message(
      .ko, file: "a.xlsx")
    #expect(korean == "a.xlsx에 회원 시트가 없습니다 (있는 시트: 목록).")
  }

  @Test func filesThatAreNoWorkbookSayWhatToDo() {
    for error in [
      WorkbookReadError.notAWorkbook, .openDocument, .oldExcel, .encrypted,
      .damaged(part: "xl/workbook.xml"),
      .noSheets, .tooLarge(part: "xl/worksheets/sheet1.xml"),
    ] {
      for language in [Language.en, .ko] {
        let message = error.message(language, file: "m.xls")
        #expect(message.hasPrefix("m.xls"))
        #expect(!message.contains("\n"))
        #expect(message.hasSuffix("."))
      }
    }
    #expect(
      WorkbookReadError.oldExcel.message(.en, file: "m.xls").contains(
        "save it as an Excel Workbook (.xlsx) or as CSV"))
    #expect(WorkbookReadError.encrypted.message(.ko, file: "m.xlsx").contains("암호"))
  }
}

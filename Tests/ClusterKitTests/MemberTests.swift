import Foundation
import Testing

@testable import ClusterKit

@Suite struct MemberRulesTests {
  @Test func normalisesEveryField() {
    let member = Member(
      clusterId: 1, name: "  (주)유신\n테크 ", representative: " 김철수 ",
      businessNumber: "124-81-00998", products: "MEMS  센서", address: " 서울 구로구 ",
      phone: "0212345678", email: "ceo@YUSIN.co.kr")
    let (result, errors) = MemberRules.validate(member)
    #expect(errors.isEmpty)
    #expect(result.name == "(주)유신 테크")
    #expect(result.representative == "김철수")
    #expect(result.businessNumber == "1248100998")
    #expect(result.products == "MEMS 센서")
    #expect(result.address == "서울 구로구")
    #expect(result.phone == "02-1234-5678")
    #expect(result.email == "ceo@yusin.co.kr")
  }

  @Test func onlyTheNameIsRequired() throws {
    let member = try MemberRules.normalized(Member(clusterId: 1, name: "대성정밀"))
    #expect(member.name == "대성정밀")
    #expect(throws: ValidationError.self) {
      try MemberRules.normalized(Member(clusterId: 1, name: "  "))
    }
  }

  @Test func collectsEveryProblem() {
    let member = Member(
      clusterId: 1, name: "", businessNumber: "124-81-00997", employees: -1, salesKRW: -5,
      phone: "12", email: "nope", joined: Day(year: 2024, month: 3, day: 1),
      left: Day(year: 2023, month: 1, day: 1))
    let (_, errors) = MemberRules.validate(member)
    #expect(
      errors.map(\.field) == [
        "name", "businessNumber", "phone", "email", "employees", "sales", "left",
      ])
    #expect(errors[1].problem == .checkDigit)
    #expect(errors[4].problem == .negative)
    #expect(errors.last?.message(.ko) == "탈퇴일: 가입일(2024-03-01)보다 앞설 수 없습니다 (입력값 \"2023-01-01\")")
  }

  @Test(arguments: [
    ("기업", MemberKind.company), ("company", .company), ("업체", .company),
    ("대학", .university), ("대학교", .university), ("University", .university),
    ("연구소", .institute), ("연구원", .institute), ("research institute", .institute),
    ("지원기관", .agency), ("기관", .agency), ("support agency", .agency),
  ])
  func kinds(_ text: String, _ kind: MemberKind) throws {
    #expect(try MemberRules.parseKind(text) == kind)
  }

  @Test(arguments: [
    ("회장", OfficerRole.chair), ("chair", .chair), ("부회장", .viceChair),
    ("vice-chair", .viceChair), ("viceChair", .viceChair), ("운영위원", .steering),
    ("운영위원회", .steering), ("steering committee", .steering), ("회원", .member),
    ("일반회원", .member), ("MEMBER", .member),
  ])
  func roles(_ text: String, _ role: OfficerRole) throws {
    #expect(try MemberRules.parseRole(text) == role)
  }

  @Test func statusesAndUnknownValues() throws {
    #expect(try MemberRules.parseStatus("탈퇴") == .left)
    #expect(try MemberRules.parseStatus("휴면") == .inactive)
    #expect(try MemberRules.parseStatus("Active") == .active)
    #expect(
      throws: FieldError(
        field: "kind",
        problem: .unknownValue(allowed: [
          "기업/company", "대학/university", "연구소/research institute", "지원기관/support agency",
        ]), value: "공장")
    ) { try MemberRules.parseKind("공장") }
  }
}

@Suite struct MemberCSVTests {
  static let sample: [(member: Member, divisionName: String?)] = [
    (
      Member(
        clusterId: 0, kind: .company, name: "(주)유신테크", representative: "김철수",
        businessNumber: "1248100998", products: "MEMS 센서, \"스마트\" 제어기", employees: 42,
        salesKRW: 1_370_000_000, founded: Day(year: 2003, month: 5, day: 12),
        address: "서울특별시 구로구 디지털로 288", phone: "02-1234-5678", email: "ceo@yusin.co.kr",
        website: "https://yusin.example.kr", role: .chair,
        joined: Day(year: 2020, month: 3, day: 2), status: .active),
      "IT장비"
    ),
    (
      Member(
        clusterId: 0, kind: .university, name: "금오공과대학교", role: .steering,
        left: Day(year: 2025, month: 12, day: 31), status: .left),
      nil
    ),
    (
      Member(
        clusterId: 0, kind: .agency, name: " 경북테크노파크 ", representative: "",
        phone: "1588-1234", role: .member, status: .inactive),
      "메디시스템"
    ),
  ]

  @Test(arguments: Language.allCases)
  func roundTrip(_ language: Language) throws {
    let data = MemberCSV.encode(Self.sample, language: language, bom: language == .ko)
    let file = try MemberCSV.read(data)
    #expect(file.encoding == (language == .ko ? .utf8BOM : .utf8))
    #expect(file.unknownColumns.isEmpty)
    #expect(file.errors.isEmpty)
    #expect(file.rows.count == Self.sample.count)
    for (row, original) in zip(file.rows, Self.sample) {
      #expect(row.member == MemberRules.validate(original.member).0)
      #expect(row.divisionName == original.divisionName)
    }
    #expect(file.rows.map(\.line) == [2, 3, 4])
  }

  @Test func exportHeaders() {
    #expect(MemberCSV.header(.ko).prefix(4) == ["회사명", "대표자", "사업자등록번호", "구분"])
    // Every member field, then the mini-cluster and the directory book.
    #expect(MemberCSV.header(.en).count == MemberRules.fields.count + 2)
    #expect(MemberCSV.header(.ko).suffix(2) == ["미니클러스터", "디렉토리북"])
    let row = MemberCSV.row(Self.sample[0].member, divisionName: "IT장비", language: .ko)
    #expect(row[2] == "124-81-00998")
    #expect(row[3] == "기업")
    #expect(row[11] == "1,370,000,000")
  }

  @Test func cp949FileFromExcel() throws {
    let text = "업체명,대표이사,사업자번호,매출(억원),설립연도\r\n대성정밀,김철수,124-81-00998,13.7,2003\r\n"
    let data = try #require(text.data(using: CSVReader.cp949))
    let file = try MemberCSV.read(data)
    #expect(file.encoding == .cp949)
    let member = try #require(file.rows.first?.member)
    #expect(member.name == "대성정밀")
    #expect(member.representative == "김철수")
    #expect(member.businessNumber == "1248100998")
    #expect(member.salesKRW == 1_370_000_000)
    #expect(member.founded == Day(year: 2003, month: 1, day: 1))
  }

  @Test func headerVariantsAndValues() throws {
    let text = """
      \u{FEFF} 상호 ,회원구분,분과,임원,연락처,메일,소재지,제품,직원수,매출액,설립일,웹사이트,가입일,탈퇴일,상태,디렉토리북,비고
      ㈜하늘정밀,연구원,차세대부품,부회장,+82 10-1234-5678,Info@Haneul.KR,구미시,PCB,"1,200명",300만원,2010년 4월 5일,haneul.kr,2021.03.02,,활동,O,메모
      """
    let file = try MemberCSV.read(text: text)
    // An older file's 디렉토리북 O means submitted for the current edition.
    #expect(file.unknownColumns == ["비고"])
    let row = try #require(file.rows.first)
    #expect(row.errors.isEmpty)
    #expect(row.profileSubmitted == true)
    let member = row.member
    #expect(member.kind == .institute)
    #expect(row.divisionName == "차세대부품")
    #expect(member.role == .viceChair)
    #expect(member.phone == "010-1234-5678")
    #expect(member.email == "Info@haneul.kr")
    #expect(member.employees == 1200)
    #expect(member.salesKRW == 3_000_000)
    #expect(member.founded == Day(year: 2010, month: 4, day: 5))
    #expect(member.joined == Day(year: 2021, month: 3, day: 2))
    #expect(member.left == nil)
    #expect(member.status == .active)
  }

  @Test func missingNameColumnIsFatal() {
    #expect(
      throws: CSVError(.missingColumn(field: "name", found: ["대표자", "전화"]), line: 1)
    ) { try MemberCSV.read(text: "대표자,전화\n김철수,02-123-4567\n") }
    #expect(
      CSVError(.missingColumn(field: "name", found: ["대표자"]), line: 1).message(.ko)
        == "1행: 회사명 열이 없습니다 (찾은 머리글: 대표자)")
  }

  @Test func badRowsNameLineColumnAndReason() throws {
    let text = [
      "회사명,사업자번호,전화,이메일,종업원수,매출액,구분,가입일,탈퇴일,프로필제출",  // 1
      "(주)유신테크,124-81-00998,02-123-4567,a@b.kr,10,1억,기업,2020-01-01,,Y",  // 2
      ",,,,,,,,,",  // 3: empty, skipped
      "대성정밀,124-81-00997,02-123-4567,,,,,,,",  // 4: check digit
      "\"한빛, 전자\",,123,not-mail,-3,13.7.1억,공장,2026-02-30,,",  // 5: many
      "㈜ 유신테크,,,,,,,,,",  // 6: duplicate name of line 2
      "가나전자,1248100998,,,,,,2024-01-01,2023-01-01,아마도",  // 7: duplicate BRN, left<joined
      "\"멀티\r\n라인\",,,,,,,,,,extra",  // 8–9: value beyond the header
    ].joined(separator: "\r\n")
    let file = try MemberCSV.read(text: text)
    #expect(file.rows.map(\.line) == [2, 4, 5, 6, 7, 8])
    #expect(file.rows[0].errors.isEmpty)
    let messages = file.errors.map { $0.message(.en) }
    #expect(
      messages == [
        "line 4, 사업자번호: has a wrong check digit (got \"124-81-00997\")",
        "line 5, 전화: must look like 02-1234-5678 / 031-123-4567 / 010-1234-5678 / 1588-1234 (got \"123\")",
        "line 5, 이메일: must look like name@example.co.kr (got \"not-mail\")",
        "line 5, 종업원수: must not be negative (got \"-3\")",
        "line 5, 매출액: must look like 1,370,000,000 / 13.7억 / 300만 (got \"13.7.1억\")",
        "line 5, 구분: must be one of 기업/company, 대학/university, 연구소/research institute, 지원기관/support agency (got \"공장\")",
        "line 5, 가입일: must look like 2026-11-22 / 2026.11.22 (got \"2026-02-30\")",
        "line 6, 회사명: duplicates line 2 (got \"㈜ 유신테크\")",
        "line 7, 사업자번호: duplicates line 2 (got \"124-81-00998\")",
        "line 7, 탈퇴일: must not be before the joined date 2024-01-01 (got \"2023-01-01\")",
        "line 8, #11: value in a column without a header (got \"extra\")",
      ])
    #expect(file.errors.allSatisfy { $0.line != nil })
    #expect(!file.isValid)
    #expect(file.rows[5].member.name == "멀티 라인")
    #expect(
      file.errors[0].message(.ko)
        == "4행, 사업자번호: 검증번호(마지막 자리)가 맞지 않습니다 (입력값 \"124-81-00997\")")
  }

  @Test func tabSeparatedPaste() throws {
    let file = try MemberCSV.read(text: "회사명\t대표자\n유신테크\t김철수\n")
    #expect(file.rows.first?.member.representative == "김철수")
  }

  @Test func salesUnitsInTheHeader() throws {
    let file = try MemberCSV.read(text: "name,sales (백만원)\nA,1370\nB,2억\n")
    #expect(file.rows.map(\.member.salesKRW) == [1_370_000_000, 200_000_000])
  }
}

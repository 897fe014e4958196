import Foundation
import GRDB
import Testing

@testable import ClusterKit

@Suite struct InterchangeWorkspaceTests {
  let day = Day(year: 2026, month: 11, day: 26)!

  /// A small workspace holding one of every kind of record.
  func populated() throws -> TemporaryWorkspace {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let chair = try w.addMember(
      Member(
        clusterId: temp.cluster.id, name: "(주)유신테크", representative: "김철수",
        businessNumber: "124-81-00998",
        products: "MEMS 센서", employees: 42, salesKRW: 13_700_000_000,
        founded: Day(year: 2003, month: 5, day: 1),
        address: "서울 구로구 디지털로 300", phone: "02-1234-5678", email: "info@yusin.co.kr", role: .chair,
        joined: Day(year: 2024, month: 3, day: 2)),
      divisionName: "IT장비")
    let school = try w.addMember(
      Member(clusterId: temp.cluster.id, kind: .university, name: "한결대학교 산학협력단"))
    _ = try w.addContact(
      Contact(memberId: chair.id, name: "이영희", title: "기술연구소장", phone: "010-1234-5678"))
    let meeting = try w.addMeeting(
      Meeting(
        clusterId: temp.cluster.id, kind: .technicalSeminar,
        date: Day(year: 2026, month: 7, day: 15)!,
        title: "스마트홈 네트워크 기술 세미나", place: "G밸리 비즈플라자", agenda: "1. 동향\n2. 사례",
        minutes: "참석 기업 의견 수렴"))
    try w.setAttendance(meetingId: meeting.id, [chair.id: .present, school.id: .excused])
    try w.addVisit(
      Visit(
        memberId: chair.id, date: day.adding(days: -3), visitor: "박매니저", purpose: .difficultySurvey,
        notes: "수출 준비", difficulties: [Difficulty(category: .export, text: "해외 바이어 발굴 어려움")],
        followUps: [FollowUp(action: "해외시장개척 사업 안내", owner: "박매니저", due: day.adding(days: 7))]))
    let program = try w.addProgram(
      Program(year: 2026, name: "해외규격인증", category: .technology, budgetKRW: 100_000_000))
    let request = try w.addRequest(
      SupportRequest(
        memberId: chair.id, programId: program.id, title: "CE 인증", requestedKRW: 15_000_000,
        submitted: day.adding(days: -20), status: .pending))
    try w.decide(requestId: request.id, .approve(amount: 12_000_000, overrideReason: nil), on: day)
    let expert = try w.addExpert(
      Expert(
        name: "정민수", affiliation: "한결대학교", kind: .university, fields: ["기술", "특허"],
        capacity: 2))
    try w.assignMentor(
      memberId: chair.id, expertId: expert.id, from: day.adding(days: -30), today: day)
    try w.logMentoringSession(
      memberId: chair.id, date: day.adding(days: -2), topic: "특허 출원 명세서 검토", note: "자료 요청",
      today: day)
    let sig = try w.addSIG(
      SIG(clusterId: temp.cluster.id, name: "스마트센서 SIG", theme: "센서 공동개발", leaderId: chair.id),
      on: day.adding(days: -10))
    try w.addSIGTask(
      SIGTask(sigId: sig.id, title: "저전력 무선 센서 모듈", ownerId: chair.id, due: day.adding(days: 90)),
      today: day)
    try w.recordDirectoryBook(
      memberId: chair.id, edition: 2026, .submitted(day.adding(days: -40)), today: day)
    try w.recordDirectoryBook(
      memberId: school.id, edition: 2026, .asked(day.adding(days: -50)), today: day)
    return temp
  }

  @Test func exportImportExportIsByteIdentical() throws {
    let source = try populated()
    let first = try source.workspace.exportDocument().encoded()
    let target = try Workspace(path: source.file("copy.clusterdesk"), create: true)
    try target.importDocument(try WorkspaceDocument.decode(first))
    let second = try target.exportDocument().encoded()
    #expect(first == second)
    let document = try WorkspaceDocument.decode(second)
    #expect(document.visits.first?.followUps.first?.action == "해외시장개척 사업 안내")
    #expect(document.audit.count == 5)
    #expect(document.experts.first?.fields == ["기술", "특허"])
  }

  @Test func importNeedsAnEmptyWorkspaceAndValidData() throws {
    let source = try populated()
    var document = try source.workspace.exportDocument()
    #expect(throws: WorkspaceError.notEmpty(path: source.path)) {
      try source.workspace.importDocument(document)
    }
    document.members[0].businessNumber = "1248100999"
    document.members[1].phone = "123"
    let target = try Workspace(path: source.file("bad.clusterdesk"), create: true)
    let error = #expect(throws: ValidationError.self) { try target.importDocument(document) }
    #expect(error?.errors.map(\.field) == ["members[0].businessNumber", "members[1].phone"])
    #expect(try target.isEmpty())
  }

  /// The load leaves the schema's CHECK constraints off while its rows go in: they hold again
  /// for every write after it.
  @Test func checkConstraintsHoldAgainAfterAnImport() throws {
    let source = try populated()
    let target = try Workspace(path: source.file("copy.clusterdesk"), create: true)
    try target.importDocument(try source.workspace.exportDocument())
    #expect(throws: DatabaseError.self) {
      try target.pool.write { db in try db.execute(sql: "UPDATE attendance SET status = 'late'") }
    }
  }

  /// A row that breaks a CHECK constraint while they are off is refused once the rows are in,
  /// named by its list.
  @Test func aRowBreakingACheckConstraintIsRefusedAfterTheLoad() throws {
    let source = try populated()
    let document = try source.workspace.exportDocument()
    let error = #expect(throws: ValidationError.self) {
      try source.workspace.pool.write { db in
        try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
        try db.execute(sql: "UPDATE attendance SET status = 'late'")
        try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        try Workspace.checkConstraints(in: document, db)
      }
    }
    #expect(error?.errors.first?.field == "attendance")
    #expect(error?.errors.first?.message(.en).contains("attendance") == true)
  }

  @Test func newerDocumentVersionIsRefused() throws {
    let source = try populated()
    var document = try source.workspace.exportDocument()
    document.version = 99
    let target = try Workspace(path: source.file("new.clusterdesk"), create: true)
    #expect(throws: ValidationError.self) { try target.importDocument(document) }
  }

  /// What Korean Excel saves: CP949, CRLF, Korean headers, and a few rows that are wrong.
  func excelFile(_ rows: [String]) -> Data {
    let text = (["회사명,대표이사,사업자등록번호,구분,분과,직위,전화번호,매출액,비고"] + rows).joined(separator: "\r\n") + "\r\n"
    return text.data(using: CSVReader.cp949)!
  }

  @Test func cp949ImportWithBadRowsImportsNothingAndNamesEveryLine() throws {
    let temp = try TemporaryWorkspace()
    let data = excelFile([
      "(주)유신테크,김철수,124-81-00998,기업,IT장비,회장,02-1234-5678,13.7억,",
      "대성정밀,이영수,124-81-00999,기업,IT장비,회원,02-2222-3333,5억,",
      "한빛전자,박민수,,기업,차세대부품,회원,123,3억,",
      "㈜ 유신테크,최민호,,기업,IT장비,회원,,,중복",
    ])
    let file = try MemberCSV.read(data)
    #expect(file.encoding == .cp949)
    #expect(file.unknownColumns == ["비고"])
    let error = #expect(throws: ValidationError.self) {
      try temp.workspace.importMembers(file, clusterName: "신규클러스터")
    }
    #expect(error?.errors.map(\.line) == [3, 4, 5])
    #expect(error?.errors.map(\.column) == ["사업자등록번호", "전화번호", "회사명"])
    #expect(try temp.workspace.memberCount(MemberQuery()) == 0)
    #expect(try temp.workspace.cluster(named: "신규클러스터") == nil)
  }

  @Test func importCreatesClusterAndDivisionsAndReportsDuplicatesOfExistingMembers() throws {
    let temp = try TemporaryWorkspace()
    let file = try MemberCSV.read(
      excelFile([
        "(주)유신테크,김철수,124-81-00998,기업,IT장비,회장,02-1234-5678,13.7억,",
        "한결대학교 산학협력단,,,대학,,회원,,,",
      ]))
    let result = try temp.workspace.importMembers(file, clusterName: "IT융합")
    #expect(result.clustersCreated == ["IT융합"])
    #expect(result.divisionsCreated == ["IT장비"])
    #expect(result.added == 2)
    let again = #expect(throws: ValidationError.self) {
      try temp.workspace.importMembers(file, clusterName: "IT융합")
    }
    #expect(again?.errors.map(\.line) == [2, 2, 3])
    #expect(try temp.workspace.memberCount(MemberQuery()) == 2)
  }

  @Test func memberCSVExportImportsBackWithNothingLost() throws {
    let source = try populated()
    let members = try source.workspace.membersForExport()
    for language in Language.allCases {
      let data = MemberCSV.encode(
        members.map { ($0.member, $0.division) }, language: language, bom: true)
      let target = try TemporaryWorkspace()
      let result = try target.workspace.importMembers(try MemberCSV.read(data), clusterName: "복사본")
      #expect(result.added == members.count)
      let copied = try target.workspace.membersForExport()
      #expect(copied.map(\.division) == members.map(\.division))
      for (original, copy) in zip(members.map(\.member), copied.map(\.member)) {
        var expected = original
        expected.id = copy.id
        expected.clusterId = copy.clusterId
        expected.divisionId = copy.divisionId
        #expect(copy == expected)
      }
    }
  }

  @Test func reportGivesTheYearsFigures() throws {
    let temp = try populated()
    let report = try temp.workspace.annualReport(year: 2026, today: day)
    #expect(report.membersByKind[.company] == 1)
    #expect(report.membersByKind[.university] == 1)
    #expect(report.meetings.map(\.kind) == [.technicalSeminar])
    #expect(report.meetings.first?.participation.rate == 0.5)
    #expect(report.approvedCount == 1)
    #expect(report.approvedKRW == 12_000_000)
    #expect(report.visits == 1)
    #expect(report.difficultiesByCategory[.export] == 1)
    #expect(report.programmes.directoryBook.submitted == 1)
    #expect(report.programmes.directoryBook.asked == 2)
    #expect(report.programmes.mentoredCompanies == 1)
    #expect(report.programmes.sessions == 1)
    #expect(report.programmes.sigCompanies == 1)
    #expect(report.programmes.tasksByStatus[.proposed] == 1)
  }
}

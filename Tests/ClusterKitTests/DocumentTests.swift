import Foundation
import Testing

@testable import ClusterKit

/// The documents the detail views draw and `show` prints: one per aggregate.
@Suite struct DocumentTests {
  let day = Day(year: 2026, month: 11, day: 26)!

  func fields(_ d: Document) -> [String: String] {
    var out: [String: String] = [:]
    for case .field(let label, let value) in d.blocks { out[label] = value }
    return out
  }

  func lines(_ d: Document) -> [String] {
    d.blocks.compactMap { block in
      switch block {
      case .heading(let t), .paragraph(let t): t
      case .line(let spans, _): spans.map(\.text).joined()
      default: nil
      }
    }
  }

  @Test func memberDocumentNamesFieldsByTheVocabulary() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    var m = Member(
      clusterId: temp.cluster.id, name: "(주)유신테크", representative: "김유신",
      businessNumber: "124-81-00998", employees: 24, salesKRW: 1_370_000_000,
      phone: "02-2101-1001", role: .chair)
    m.left = Day(year: 2026, month: 10, day: 1)
    m = try w.addMember(m)
    try w.addVisit(
      Visit(
        memberId: m.id, date: day.adding(days: -20), visitor: "김매니저", purpose: .difficultySurvey,
        difficulties: [Difficulty(category: .certification, text: "CE 인증 비용 부담")],
        followUps: [FollowUp(action: "인증 지원사업 안내", due: day.adding(days: -1))]))
    let ko = Document.member(try w.memberDetail(id: m.id), today: day, .ko)
    #expect(ko.title == "(주)유신테크")
    #expect(ko.reference == "#\(m.id)")
    let f = fields(ko)
    #expect(f["사업자등록번호"] == "124-81-00998")
    #expect(f["전화번호"] == "02-2101-1001")
    #expect(f["종업원수"] == "24명")
    #expect(f["매출액"] == "13억 7,000만원")
    #expect(f["탈퇴일"] == "2026-10-01")
    #expect(f["미니클러스터"] == "지능형메카트로닉스")
    #expect(lines(ko).contains { $0.hasSuffix("애로사항 조사 · [인증] CE 인증 비용 부담") })
    let overdue = ko.blocks.contains { block in
      if case .line(let spans, .warning) = block { return spans[0].text.contains("인증 지원사업 안내") }
      return false
    }
    #expect(overdue)
    let en = fields(Document.member(try w.memberDetail(id: m.id), today: day, .en))
    #expect(en["Reg. no."] == "124-81-00998")
    #expect(en["CEO"] == "김유신")
  }

  @Test func requestDocumentShowsTheBudgetAndTheHistoryByNumber() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let m = try temp.member("(주)유신테크")
    let program = try w.addProgram(
      Program(year: 2026, name: "시제품제작", category: .technology, budgetKRW: 50_000_000))
    let first = try w.addRequest(
      SupportRequest(
        memberId: m.id, programId: program.id, title: "제어기 시제품", requestedKRW: 40_000_000,
        submitted: day.adding(days: -60), status: .pending))
    try w.decide(requestId: first.id, .approve(amount: 40_000_000, overrideReason: nil), on: day)
    let second = try w.addRequest(
      SupportRequest(
        memberId: m.id, programId: program.id, title: "센서 시제품", requestedKRW: 20_000_000,
        submitted: day.adding(days: -3), status: .pending))
    let doc = Document.request(try w.requestDetail(id: second.id), today: day, .ko)
    #expect(doc.title == "#\(second.id) 센서 시제품")
    #expect(fields(doc)["신청일"] == "\(day.adding(days: -3)) (3일 전)")
    #expect(
      doc.blocks.contains(
        .bar(
          [
            .init(label: "승인", value: 40_000_000, valueText: "4,000만원"),
            .init(label: "심사중", value: 20_000_000, valueText: "2,000만원"),
            .init(label: "잔여", value: 0, valueText: "0원"),
          ], total: 60_000_000)))
    #expect(lines(doc).contains("심사 중인 신청이 잔여 예산을 넘습니다."))
    #expect(lines(doc).contains { $0.hasPrefix("#\(first.id) ") && $0.contains("승인") })
    let decided = fields(Document.request(try w.requestDetail(id: first.id), today: day, .en))
    #expect(decided["Decided"] == "\(day) 박매니저")
    #expect(throws: WorkspaceError.self) { try w.requestDetail(id: 999) }
  }

  @Test func meetingDocumentListsAttendance() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let a = try temp.member("가나전자", role: .chair)
    _ = try temp.member("다라정밀")
    let meeting = try w.addMeeting(
      Meeting(
        clusterId: temp.cluster.id, kind: .steeringCommittee, date: day, title: "11월 운영위원회",
        place: "회의실", agenda: "1. 예산\n2. 방문"))
    try w.setAttendance(meetingId: meeting.id, [a.id: .present])
    let doc = Document.meeting(
      meeting, attendance: try w.attendanceList(meetingId: meeting.id), .ko)
    #expect(fields(doc)["종류"] == "운영위원회")
    #expect(doc.blocks.contains(.paragraph("1. 예산\n2. 방문")))
    #expect(lines(doc).contains("출석 1/1"))
    #expect(doc.blocks.contains(.line([.init("참석", width: 9), "가나전자 · 회장"], .normal)))
    #expect(lines(doc).contains { $0.hasPrefix("미기록") && $0.hasSuffix("다라정밀 · 회원") })
  }

  @Test func visitDocumentMarksOverdueFollowUps() throws {
    let temp = try TemporaryWorkspace()
    let m = try temp.member("가나전자")
    let visit = try temp.workspace.addVisit(
      Visit(
        memberId: m.id, date: day.adding(days: -10), visitor: "김매니저", purpose: .needsSurvey,
        followUps: [
          FollowUp(action: "일자리센터 연결", due: day.adding(days: -2)),
          FollowUp(action: "설명회 안내", due: day.adding(days: 5)),
        ]))
    let doc = Document.visit(visit, memberName: "가나전자", today: day, .en)
    #expect(doc.title == "Visit: 가나전자")
    #expect(fields(doc)["Visitor"] == "김매니저")
    #expect(doc.blocks.contains(.paragraph("–")))
    #expect(doc.blocks.contains(.line(["일자리센터 연결 · due \(day.adding(days: -2))"], .warning)))
    #expect(doc.blocks.contains(.line(["설명회 안내 · due \(day.adding(days: 5))"], .normal)))
  }
}

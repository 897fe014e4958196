import Foundation
import Testing

@testable import ClusterKit

/// The documents the detail views draw and `show` prints: one per aggregate.
@Suite struct DocumentTests {
  let day = Day(year: 2026, month: 11, day: 26)!

  /// The value of each label, the first where a label comes twice.
  func fields(_ d: Document) -> [String: String] {
    var out: [String: String] = [:]
    for case .field(let label, let value) in d.blocks where out[label] == nil { out[label] = value }
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
    #expect(f["매출액"] == "1,370,000,000원 (13억 7,000만원)")
    #expect(f["탈퇴일"] == "2026-10-01")
    #expect(f["미니클러스터"] == "지능형메카트로닉스")
    #expect(lines(ko).contains { $0.hasSuffix("애로사항 조사 · 방문자 김매니저") })
    #expect(lines(ko).contains("  1. [인증] CE 인증 비용 부담 — 지원신청 없음"))
    let overdue = ko.blocks.contains { block in
      if case .line(let spans, .warning) = block { return spans[0].text.contains("인증 지원사업 안내") }
      return false
    }
    #expect(overdue)
    let en = fields(Document.member(try w.memberDetail(id: m.id), today: day, .en))
    #expect(en["Reg. no."] == "124-81-00998")
    #expect(en["CEO"] == "김유신")
  }

  /// What `members show` printed before the detail view and the command shared a document is
  /// all there: every difficulty of a visit with the request that answered it and its outcome,
  /// every follow-up with its owner, due date or completion, the visitor, the mentor and the
  /// earlier ones, the SIGs with their tasks, the directory book and the requests' titles.
  @Test func memberDocumentHasEveryVisitDifficultyMentorAndTask() throws {
    let f = try SupportFixture()
    let w = f.w
    let m = f.yushin
    let visit = try w.addVisit(
      Visit(
        memberId: m.id, date: day.adding(days: -40), visitor: "박매니저", purpose: .difficultySurvey,
        difficulties: [
          Difficulty(category: .certification, text: "CE 인증 비용 부담"),
          Difficulty(category: .technology, text: "시제품 금형 비용"),
        ],
        followUps: [
          FollowUp(action: "인증 지원사업 안내", owner: "김담당", due: day.adding(days: 5)),
          FollowUp(
            action: "금형 업체 소개", owner: "이담당", due: day.adding(days: -15),
            done: day.adding(days: -10)),
        ]))
    var request = SupportRequest(
      memberId: m.id, programId: f.program.id, title: "금형 시제품", requestedKRW: 30_000_000,
      submitted: day.adding(days: -30), status: .pending)
    request.difficulty = DifficultyReference(visitId: visit.id, number: 2)
    let answering = try w.addRequest(request, today: day)
    let old = try w.addExpert(Expert(name: "이전문", affiliation: "한결대학교", fields: ["경영"]))
    let expert = try w.addExpert(
      Expert(name: "정민수", affiliation: "한결대학교 전자공학과", kind: .university, fields: ["기술"]))
    try w.assignMentor(memberId: m.id, expertId: old.id, from: day.adding(days: -200), today: day)
    try w.assignMentor(memberId: m.id, expertId: expert.id, from: day.adding(days: -60), today: day)
    try w.logMentoringSession(memberId: m.id, date: day.adding(days: -6), topic: "시제품", today: day)
    let sig = try w.addSIG(
      SIG(clusterId: f.temp.cluster.id, name: "스마트센서 SIG", leaderId: m.id),
      on: day.adding(days: -50))
    try w.addSIGTask(
      SIGTask(
        sigId: sig.id, title: "저전력 무선 센서 모듈", ownerId: m.id, status: .active,
        due: day.adding(days: 100)),
      today: day)
    try w.recordDirectoryBook(
      memberId: m.id, edition: 2026, .asked(day.adding(days: -80)), today: day)
    try w.recordDirectoryBook(
      memberId: m.id, edition: 2026, .submitted(day.adding(days: -20)), today: day)

    let doc = Document.member(try w.memberDetail(id: m.id), today: day, .en)
    let text = lines(doc)
    #expect(text.contains("#\(visit.id) \(visit.date) difficulty survey · Visitor 박매니저"))
    #expect(text.contains("  1. [certification] CE 인증 비용 부담 — no request yet"))
    #expect(text.contains("  2. [technology] 시제품 금형 비용"))
    #expect(text.contains("     → #\(answering.id) 시제품제작 (2026) pending 3,000만원"))
    let (first, second) = (visit.followUps[0].id, visit.followUps[1].id)
    #expect(text.contains("  → #\(first) 인증 지원사업 안내 · 김담당 (due \(day.adding(days: 5)), open)"))
    #expect(
      text.contains(
        "  → #\(second) 금형 업체 소개 · 이담당 (due \(day.adding(days: -15)), done \(day.adding(days: -10)))"
      ))
    #expect(
      text.contains(
        "정민수 (한결대학교 전자공학과)  기술  \(day.adding(days: -60))–  1 session, last \(day.adding(days: -6))")
    )
    #expect(text.contains { $0.hasPrefix("  이전문 (한결대학교)  경영  \(day.adding(days: -200))–") })
    #expect(text.contains("스마트센서 SIG (leader)"))
    #expect(text.contains("  1. [active] 저전력 무선 센서 모듈, due \(day.adding(days: 100))"))
    #expect(
      text.contains { $0.hasPrefix("#\(answering.id) ") && $0.hasSuffix("3,000만원 시제품제작: 금형 시제품") })
    #expect(
      fields(doc)["Directory book"]
        == "2026: submitted \(day.adding(days: -20)) (asked \(day.adding(days: -80)))")
  }

  /// The request document holds the whole chain and the program's one set of figures: the
  /// remaining budget is the budget less what is committed, as in `programs show`.
  @Test func requestDocumentShowsTheWholeChainAndTheProgramsFigures() throws {
    let f = try SupportFixture()
    let w = f.w
    let visit = try w.addVisit(
      Visit(
        memberId: f.yushin.id, date: Self.day("2026-09-01"), visitor: "박매니저",
        purpose: .difficultySurvey,
        difficulties: [Difficulty(category: .technology, text: "센서 모듈 시제품 제작비 부담")]))
    let first = try f.agreed(nil, 40_000_000)
    try f.pay(first, 25_000_000)
    try f.pay(first, 15_000_000, on: "2026-11-20")
    var second = SupportRequest(
      memberId: f.yushin.id, programId: f.program.id, title: "센서 시제품 2차", requestedKRW: 70_000_000,
      submitted: Self.day("2026-11-23"), status: .pending)
    second.difficulty = DifficultyReference(visitId: visit.id, number: 1)
    second = try w.addRequest(second, today: SupportFixture.today)

    let agreed = Document.request(try #require(try w.requestDetail(id: first.id)), today: day, .en)
    let a = fields(agreed)
    #expect(a["Status"] == "agreed")
    #expect(a["Co-funding"] == "10,000,000원 (at least 10,000,000원 for 20%)")
    #expect(lines(agreed).contains("1  2026-11-02  25,000,000원"))
    #expect(lines(agreed).contains("2  2026-11-20  15,000,000원"))
    #expect(lines(agreed).contains("Paid 40,000,000원 of 40,000,000원; 0원 left to pay"))
    #expect(a["Remaining"] == "60,000,000원")
    #expect(a["Committed"] == "40,000,000원")
    #expect(a["Disbursed"] == "40,000,000원")
    #expect(lines(agreed).contains("Audit log"))

    let doc = Document.request(try #require(try w.requestDetail(id: second.id)), today: day, .ko)
    let k = fields(doc)
    #expect(doc.title == "#\(second.id) 센서 시제품 2차")
    #expect(k["신청일"] == "2026-11-23 (3일 전)")
    #expect(k["해결할 애로사항"] == "방문 #\(visit.id) (2026-09-01) 애로사항 1: [기술] 센서 모듈 시제품 제작비 부담")
    #expect(k["중복지원"] == "같은 회원이 같은 지원사업에 먼저 낸 신청 #\(first.id) (협약)")
    #expect(k["필요 자부담"] == "최소 17,500,000원 (총사업비의 20%)")
    // The remaining budget is budget − committed (the old detail showed budget − approved −
    // pending, 0원 here), the same figure `programs show` and the approve form give.
    #expect(k["잔액"] == "60,000,000원")
    #expect(k["심사중"] == "70,000,000원 (1건)")
    #expect(
      doc.blocks.contains(
        .bar(
          [
            .init(label: "배정", value: 40_000_000, valueText: "4,000만원"),
            .init(label: "심사중", value: 70_000_000, valueText: "7,000만원"),
          ], total: 110_000_000)))
    #expect(lines(doc).contains("심사 중인 신청이 잔액을 넘습니다."))
    #expect(
      lines(doc).contains {
        $0.hasPrefix("#\(first.id) ") && $0.hasSuffix("교부 4,000만원 시제품제작: 센서 모듈 시제품")
      })
    let program = Document.program(try #require(try w.programDetail(id: f.program.id)), .ko)
    #expect(fields(program)["잔액"] == k["잔액"])
    #expect(try w.requestDetail(id: 999) == nil)
  }

  static func day(_ text: String) -> Day { Day(parsing: text)! }

  @Test func meetingDocumentListsAttendance() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let a = try temp.member("가나전자", role: .chair)
    _ = try temp.member("다라정밀", role: .steering)
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
    #expect(lines(doc).contains { $0.hasPrefix("미기록") && $0.hasSuffix("다라정밀 · 운영위원") })
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
    #expect(
      doc.blocks.contains(.line(["#1 일자리센터 연결 (due \(day.adding(days: -2)), open)"], .warning)))
    #expect(doc.blocks.contains(.line(["#2 설명회 안내 (due \(day.adding(days: 5)), open)"], .normal)))
  }
}

import ClusterKit
import Foundation

/// A small, Korean-heavy workspace with fixed dates, built through the Workspace API, in memory.
struct Fixture {
  static let today = Day(year: 2026, month: 11, day: 26)!

  let workspace: Workspace
  var members: [String: Int64] = [:]
  var requests: [String: Int64] = [:]
  var meetings: [String: Int64] = [:]

  static func day(_ text: String) -> Day { Day(parsing: text)! }

  static func number(_ nine: [Int]) -> String { BusinessNumber.complete(nine) }

  init() throws {
    workspace = try Workspace(
      inMemoryFor: Office(
        name: "서울지역본부", region: "서울", officerVisitWeeks: 4, memberVisitWeeks: 12),
      actor: "김매니저")
    let w = workspace
    let seoul = try w.addCluster(
      Cluster(
        name: "서울디지털 미클", complex: "서울디지털산업단지", founded: Self.day("2015-03-10"), manager: "김매니저"))
    let guro = try w.addCluster(Cluster(name: "구로 스마트제조 미클", complex: "서울디지털산업단지"))
    _ = guro
    let it = try w.addDivision(named: "IT장비", clusterId: seoul.id)
    let medi = try w.addDivision(named: "메디시스템", clusterId: seoul.id)
    let parts = try w.addDivision(named: "차세대부품", clusterId: seoul.id)
    let robot = try w.addDivision(named: "로봇", clusterId: guro.id)
    let material = try w.addDivision(named: "소재부품", clusterId: guro.id)

    func add(
      _ name: String, _ cluster: Cluster, _ division: Division?, kind: MemberKind = .company,
      role: OfficerRole = .member, rep: String = "", phone: String = "", bn: [Int]? = nil,
      products: String = "", status: MemberStatus = .active
    ) throws {
      let m = try w.addMember(
        Member(
          clusterId: cluster.id, divisionId: division?.id, kind: kind, name: name,
          representative: rep, businessNumber: bn.map(Self.number) ?? "", products: products,
          employees: kind == .company ? 20 + name.count : nil,
          salesKRW: kind == .company ? 1_370_000_000 : nil, founded: Self.day("2001-03-15"),
          address: "서울특별시 구로구 디지털로 \(name.count * 7)", phone: phone, role: role,
          joined: Self.day("2015-03-10"), status: status, profileChanged: Self.day("2026-03-02")))
      if role != .member {
        try w.recordDirectoryBook(
          memberId: m.id, edition: 2026, .submitted(Self.day("2026-10-02")), today: Self.today)
      }
      members[name] = m.id
    }
    try add(
      "(주)유신테크", seoul, it, role: .chair, rep: "김유신", phone: "02-2101-1001",
      bn: [1, 2, 4, 8, 1, 0, 0, 9, 9], products: "지능형 로봇 제어기")
    try add(
      "㈜ 한빛정밀", seoul, parts, role: .viceChair, rep: "이한빛", phone: "02-2101-1002",
      bn: [2, 1, 4, 8, 6, 0, 1, 2, 3], products: "정밀 PCB")
    try add(
      "대성일렉트로닉스 주식회사", seoul, it, role: .steering, rep: "박대성", phone: "02-2101-1003",
      bn: [1, 0, 1, 8, 1, 2, 3, 4, 5], products: "교통카드 단말기")
    try add(
      "(주)미래센서", seoul, it, rep: "최미래", phone: "031-123-4567", bn: [3, 1, 2, 8, 1, 5, 5, 5, 1],
      products: "MEMS 센서")
    try add(
      "메디웨이(주)", seoul, medi, role: .steering, rep: "정메디", phone: "02-2101-1005",
      products: "환자 감시장치")
    try add("(주)헬스온", seoul, medi, rep: "한건강", phone: "010-1234-5678", products: "원격진료 단말")
    try add("(주)세진피씨비", seoul, parts, rep: "윤세진", phone: "02-2101-1007", products: "다층 PCB")
    try add("(주)나노캡", seoul, parts, rep: "오나노", phone: "02-2101-1008", products: "적층 세라믹 커패시터")
    try add("디지털케어(주)", seoul, medi, rep: "서케어", phone: "02-2101-1009", status: .inactive)
    try add("서울테크대학교 산학협력단", seoul, nil, kind: .university, rep: "임교수", phone: "02-970-6000")
    try add("한국전자기술연구원", seoul, nil, kind: .institute, phone: "031-789-7000")
    try add("서울산업진흥원", seoul, nil, kind: .agency, phone: "02-2222-3333")
    try add(
      "코리아로봇(주)", guro, robot, role: .chair, rep: "강로봇", phone: "02-3333-1001", products: "협동 로봇")
    try add(
      "그린모터스(주)", guro, robot, role: .steering, rep: "남그린", phone: "02-3333-1002",
      products: "BLDC 모터")
    try add("(주)에이원소재", guro, material, rep: "문소재", phone: "02-3333-1003", products: "방열 소재")

    // Meetings with attendance.
    let seoulMembers = ["(주)유신테크", "㈜ 한빛정밀", "대성일렉트로닉스 주식회사", "(주)미래센서", "메디웨이(주)"]
    func meeting(
      _ key: String, _ kind: MeetingKind, _ date: String, _ title: String,
      division: Division? = nil,
      cluster: Cluster? = nil, present: [String], absent: [String] = [], excused: [String] = []
    ) throws {
      let m = try w.addMeeting(
        Meeting(
          clusterId: (cluster ?? seoul).id, divisionId: division?.id, kind: kind,
          date: Self.day(date), title: title,
          place: "구로 G밸리 회의실", agenda: "1. 하반기 지원사업 안내\n2. 회원사 애로사항 공유",
          minutes: "하반기 시제품제작 지원 신청을 독려하기로 함. 다음 회의는 다음 달 셋째 주 목요일."))
      meetings[key] = m.id
      var statuses: [Int64: AttendanceStatus?] = [:]
      for n in present { statuses[members[n]!] = .present }
      for n in absent { statuses[members[n]!] = .absent }
      for n in excused { statuses[members[n]!] = .excused }
      if !statuses.isEmpty { try w.setAttendance(meetingId: m.id, statuses) }
    }
    try meeting(
      "steering9", .steeringCommittee, "2026-09-17", "9월 운영위원회",
      present: Array(seoulMembers.prefix(4)), absent: ["메디웨이(주)"])
    try meeting(
      "seminar", .technicalSeminar, "2026-07-16", "스마트홈 네트워크 기술세미나", present: seoulMembers,
      absent: ["(주)헬스온", "(주)나노캡"])
    try meeting(
      "it", .divisionMeeting, "2026-10-08", "IT장비분과 10월 모임", division: it,
      present: ["(주)유신테크", "(주)미래센서"], excused: ["대성일렉트로닉스 주식회사"])
    try meeting(
      "hiking", .networkingEvent, "2026-10-24", "가을 등반대회 (관악산)",
      present: ["(주)유신테크", "㈜ 한빛정밀", "(주)세진피씨비"], absent: ["(주)미래센서"])
    try meeting("steering11", .steeringCommittee, "2026-11-19", "11월 운영위원회", present: [])

    // Visits: this week, last weeks, one overdue follow-up.
    try w.addVisit(
      Visit(
        memberId: members["(주)유신테크"]!, date: Self.day("2026-11-10"), visitor: "김매니저",
        purpose: .difficultySurvey, notes: "수출 인증 비용 부담",
        difficulties: [Difficulty(category: .certification, text: "CE 인증 비용 부담")],
        followUps: [FollowUp(action: "해외규격인증 지원사업 안내", owner: "김매니저", due: Self.day("2026-11-20"))])
    )
    try w.addVisit(
      Visit(
        memberId: members["㈜ 한빛정밀"]!, date: Self.day("2026-11-24"), visitor: "김매니저",
        purpose: .needsSurvey, difficulties: [Difficulty(category: .people, text: "생산직 인력 부족")],
        followUps: [FollowUp(action: "일자리센터 연결", owner: "김매니저", due: Self.day("2026-12-05"))]))
    try w.addVisit(
      Visit(
        memberId: members["대성일렉트로닉스 주식회사"]!, date: Self.day("2026-11-18"), visitor: "김매니저",
        purpose: .followUp, difficulties: [Difficulty(category: .funding, text: "운전자금 부족")],
        followUps: [
          FollowUp(
            action: "정책자금 설명회 안내", owner: "김매니저", due: Self.day("2026-11-25"),
            done: Self.day("2026-11-21"))
        ]))
    try w.addVisit(
      Visit(
        memberId: members["(주)미래센서"]!, date: Self.day("2026-09-02"), visitor: "김매니저",
        purpose: .difficultySurvey))
    try w.addVisit(
      Visit(
        memberId: members["코리아로봇(주)"]!, date: Self.day("2026-11-03"), visitor: "김매니저",
        purpose: .needsSurvey))

    // Programs and requests.
    let develop = try w.addProgram(
      Program(year: 2026, name: "현장맞춤기술개발", category: .technology, budgetKRW: 100_000_000))
    let prototype = try w.addProgram(
      Program(year: 2026, name: "시제품제작", category: .technology, budgetKRW: 50_000_000))
    let cert = try w.addProgram(
      Program(year: 2026, name: "해외규격인증", category: .technology, budgetKRW: 30_000_000))
    let expo = try w.addProgram(
      Program(year: 2026, name: "국내외전시회", category: .marketing, budgetKRW: 20_000_000))
    func request(
      _ key: String, _ member: String, _ program: Program, _ title: String, _ amount: KRW,
      _ submitted: String
    ) throws {
      let r = try w.addRequest(
        SupportRequest(
          memberId: members[member]!, programId: program.id, title: title, requestedKRW: amount,
          submitted: Self.day(submitted), status: .pending))
      requests[key] = r.id
    }
    try request("prototype", "(주)유신테크", prototype, "로봇 제어기 시제품", 30_000_000, "2026-10-20")
    try request("develop", "㈜ 한빛정밀", develop, "PCB 검사 자동화", 50_000_000, "2026-08-03")
    try request("cert", "대성일렉트로닉스 주식회사", cert, "단말기 CE 인증", 25_000_000, "2026-11-02")
    try request("prototype2", "(주)세진피씨비", prototype, "고다층 PCB 시제품", 25_000_000, "2026-06-15")
    try request("expo", "(주)미래센서", expo, "독일 센서 전시회 참가", 8_000_000, "2026-09-01")
    try request("expo2", "(주)헬스온", expo, "메디컬 코리아 참가", 6_000_000, "2026-11-12")
    try w.decide(
      requestId: requests["develop"]!, .approve(amount: 45_000_000, overrideReason: nil),
      on: Self.day("2026-09-10"))
    try w.decide(
      requestId: requests["prototype2"]!, .approve(amount: 25_000_000, overrideReason: nil),
      on: Self.day("2026-07-01"))
    try w.decide(
      requestId: requests["expo"]!, .reject(reason: "전시회 일정 취소"), on: Self.day("2026-09-20"))
  }
}

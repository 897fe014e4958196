import Foundation
import GRDB
import Testing

@testable import ClusterKit

private let today = Day(year: 2026, month: 11, day: 26)!
private func day(_ text: String) -> Day { Day(parsing: text)! }

private func expert(
  _ temp: TemporaryWorkspace, _ name: String, fields: [String], capacity: Int = 3,
  affiliation: String = "한결대학교"
) throws -> Expert {
  try temp.workspace.addExpert(
    Expert(
      name: name, affiliation: affiliation, kind: .university, fields: fields, capacity: capacity))
}

@Suite struct ExpertPoolTests {
  @Test func expertsAreCleanedAndChecked() throws {
    let temp = try TemporaryWorkspace()
    let added = try temp.workspace.addExpert(
      Expert(
        name: " 정민수 ", affiliation: "한결대학교  경영학과", kind: .university,
        fields: ["회계, 수출", "회계", " 경영 "], phone: "01012345678", capacity: 2))
    #expect(added.name == "정민수" && added.affiliation == "한결대학교 경영학과")
    #expect(added.fields == ["회계", "수출", "경영"])
    #expect(added.phone == "010-1234-5678")
    let refused = #expect(throws: ValidationError.self) {
      try temp.workspace.addExpert(
        Expert(name: "", affiliation: "", fields: [], email: "x@", capacity: 0))
    }
    #expect(refused?.errors.map(\.field) == ["expertName", "fields", "email", "capacity"])
    #expect(refused?.message(.ko).contains("이름: 값이 필요합니다") == true)
    #expect(try temp.workspace.expertCount() == 1)
    #expect(
      try temp.workspace.expertRows(ExpertQuery(field: "수출"), limit: 5).map(\.expert.name) == [
        "정민수"
      ])
    #expect(try temp.workspace.expertRows(ExpertQuery(field: "기술"), limit: 5).isEmpty)
    #expect(try temp.workspace.expertRows(ExpertQuery(search: "경영학"), limit: 5).count == 1)
  }

  /// An expert's fields are read back as they were written, quotes and backslashes too, and
  /// their column reads as the JSON decoder reads it, however it is spaced or escaped.
  @Test func expertFieldsReadBackAsWritten() throws {
    let temp = try TemporaryWorkspace()
    let fields = ["따옴표\"표시", "역\\슬래시", "R&D", "기술"]
    let added = try expert(temp, "정민수", fields: fields)
    #expect(try temp.workspace.expert(id: added.id)?.fields == fields)
    #expect(try temp.workspace.expertRows(limit: 5).map(\.expert.fields) == [fields])
    for json in [
      "[]", "[\"회계\"]", "[\"회계\",\"수출\"]", "[ \"회계\" , \"수출\" ]", "[\"a\\\"b\"]",
      "[\"\\u00e9\",\"\\/\"]", "[\"\",\"x\"]", "not json",
    ] {
      let decoded = (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
      #expect(Expert.fields(json: json) == decoded, "\(json)")
    }
  }

  @Test func aNameMatchingSeveralExpertsListsThem() throws {
    let temp = try TemporaryWorkspace()
    let first = try expert(temp, "김민수", fields: ["기술"])
    let second = try expert(temp, "김민지", fields: ["회계"], affiliation: "세움회계법인")
    #expect(try temp.workspace.findExpert("김민지").id == second.id)
    #expect(try temp.workspace.findExpert("#\(first.id)").id == first.id)
    let error = #expect(throws: ValidationError.self) { try temp.workspace.findExpert("김민") }
    let message = try #require(error?.message(.en))
    #expect(message.contains("expert: matches several experts: #1 김민수 (한결대학교), #2 김민지 (세움회계법인)"))
    #expect(throws: WorkspaceError.recordNotFound(kind: "expert", reference: "'박'")) {
      try temp.workspace.findExpert("박")
    }
  }

  @Test func aNameMatchingSeveralMembersListsThemWithTheirClusters() throws {
    let temp = try TemporaryWorkspace()
    try temp.member("(주)유신테크")
    try temp.member("유신정밀")
    let other = try temp.workspace.addCluster(Cluster(name: "IT융합"))
    try temp.workspace.addMember(Member(clusterId: other.id, name: "유신테크"), allowDuplicate: true)
    // Written as neither is, the name is both.
    let error = #expect(throws: ValidationError.self) {
      try temp.workspace.findMember("유신테크 주식회사", field: "owner")
    }
    #expect(
      error?.message(.en)
        == "owner: matches several members: #1 (주)유신테크 (지능형메카트로닉스), #3 유신테크 (IT융합); use the id or more of the name (got \"유신테크 주식회사\")"
    )
    #expect(error?.message(.ko).hasPrefix("담당 기업: 여러 회원에 해당합니다: #1") == true)
  }
}

@Suite struct MentoringTests {
  @Test func oneActiveMentorAndTheHistoryIsKept() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let company = try temp.member("(주)유신테크")
    let first = try expert(temp, "정민수", fields: ["기술", "특허"])
    let second = try expert(temp, "오세라", fields: ["회계"])
    let a = try w.assignMentor(
      memberId: company.id, expertId: first.id, from: day("2026-03-02"), today: today)
    #expect(a.ended == nil && a.assigned.field == "기술")
    let b = try w.assignMentor(
      memberId: company.id, expertId: second.id, field: "재무", from: day("2026-09-01"),
      today: today)
    #expect(b.ended?.expertId == first.id && b.ended?.ended == day("2026-09-01"))
    let history = try w.mentoringRows(MentoringFilter(memberId: company.id), limit: 10)
    #expect(history.map(\.expertName) == ["정민수", "오세라"])
    #expect(history.map(\.mentoring.ended) == [day("2026-09-01"), nil])
    #expect(history.last?.mentoring.field == "재무")
    #expect(try w.memberDetail(id: company.id).mentor?.expert.name == "오세라")
    #expect(try w.mentoringCount(MentoringFilter(activeOnly: true)) == 1)
    // The same mentor again, or a start before the current one's, is refused.
    #expect(throws: ValidationError.self) {
      try w.assignMentor(memberId: company.id, expertId: second.id, from: today, today: today)
    }
    let early = #expect(throws: ValidationError.self) {
      try w.assignMentor(
        memberId: company.id, expertId: first.id, from: day("2026-08-01"), today: today)
    }
    #expect(early?.errors.map(\.field) == ["started"])
    #expect(throws: ValidationError.self) {
      try w.assignMentor(
        memberId: company.id, expertId: first.id, from: day("2026-12-01"), today: today)
    }
    #expect(try w.mentoringCount() == 2)
  }

  /// The companies without a mentor, and those in no SIG, of the office or of one cluster, are
  /// counted from the partial index that holds them, alone: SQLite, left to choose, read every
  /// active company's row for it (17,000 on the national workspace, before the mentoring pane's
  /// first frame), and on an index without the columns of its condition, each listed company's
  /// row (8,880 for `sigs list`). The counts stay right.
  @Test func workListsAreCountedFromTheirIndexesAlone() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let mentored = try temp.member("(주)유신테크")
    try temp.member("(주)한빛정밀")
    try temp.member("한결대학교", kind: .university)
    let mentor = try expert(temp, "정민수", fields: ["기술"])
    try w.assignMentor(memberId: mentored.id, expertId: mentor.id, from: today, today: today)
    final class Seen: @unchecked Sendable { var sql: [String] = [] }
    let seen = Seen()
    let counts = try w.pool.writeWithoutTransaction { db throws -> [Int] in
      db.trace { event in
        let sql = event.expandedDescription
        if sql.hasPrefix("SELECT COUNT(*) FROM member") { seen.sql.append(sql) }
      }
      defer { db.trace(options: [], nil) }
      return [
        try Workspace.memberCount(.companiesWithoutMentor(), db),
        try Workspace.memberCount(.companiesWithoutSIG(), db),
        try Workspace.memberCount(.companiesWithoutMentor(clusterId: temp.cluster.id), db),
        try Workspace.memberCount(.companiesWithoutSIG(clusterId: temp.cluster.id), db),
      ]
    }
    #expect(counts == [1, 2, 1, 2])
    #expect(try w.sigCoverage() == SIGCoverage(companies: 2, covered: 0))
    #expect(try w.sigCoverage(clusterId: temp.cluster.id) == SIGCoverage(companies: 2, covered: 0))
    #expect(seen.sql.count == 4)
    for sql in seen.sql {
      let plan = try w.read { db in
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
      }
      #expect(
        plan.allSatisfy {
          $0.contains("COVERING INDEX member_unmentored")
            || $0.contains("COVERING INDEX member_uncovered")
        }, "\(sql): \(plan)")
    }
  }

  @Test func mentorsAreForCompaniesThatHaveNotLeft() throws {
    let temp = try TemporaryWorkspace()
    let mentor = try expert(temp, "정민수", fields: ["기술"])
    let school = try temp.member("한결대학교 산학협력단", kind: .university)
    let gone = try temp.workspace.addMember(
      Member(clusterId: temp.cluster.id, name: "떠난기업", status: .left))
    for member in [school, gone] {
      let error = #expect(throws: ValidationError.self) {
        try temp.workspace.assignMentor(
          memberId: member.id, expertId: mentor.id, from: today, today: today)
      }
      #expect(error?.errors.map(\.field) == ["member"])
    }
  }

  @Test func capacityIsRespectedUnlessOverriddenWithAReason() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let mentor = try expert(temp, "정민수", fields: ["기술"], capacity: 1)
    let one = try temp.member("한빛정밀")
    let two = try temp.member("대성일렉트로닉스")
    try w.assignMentor(memberId: one.id, expertId: mentor.id, from: today, today: today)
    #expect(throws: WorkspaceError.expertAtCapacity(expert: "정민수", load: 1, capacity: 1)) {
      try w.assignMentor(memberId: two.id, expertId: mentor.id, from: today, today: today)
    }
    #expect(throws: WorkspaceError.expertAtCapacity(expert: "정민수", load: 1, capacity: 1)) {
      try w.assignMentor(
        memberId: two.id, expertId: mentor.id, from: today, overrideReason: "  ", today: today)
    }
    let over = try w.assignMentor(
      memberId: two.id, expertId: mentor.id, from: today, overrideReason: "해당 분야 전문가가 한 명뿐임",
      today: today)
    #expect(over.assigned.overrideReason == "해당 분야 전문가가 한 명뿐임")
    #expect(try w.expertDetail(id: mentor.id).load == 2)
    #expect(try w.expertRows(ExpertQuery(withRoom: true), limit: 5).isEmpty)
    // Lowering the capacity below the companies mentored now is refused.
    var edited = mentor
    edited.capacity = 1
    let error = #expect(throws: ValidationError.self) {
      try w.updateExpert(edited, original: mentor)
    }
    #expect(error?.errors.map(\.field) == ["capacity"])
    edited.capacity = 2
    #expect(try w.updateExpert(edited, original: mentor).capacity == 2)
    #expect(throws: WorkspaceError.conflict(kind: "expert", reference: "#1 정민수")) {
      try w.updateExpert(edited, original: mentor)
    }
    // Ending one frees room.
    try w.endMentoring(memberId: one.id, on: today, today: today)
    #expect(try w.expertDetail(id: mentor.id).load == 1)
    #expect(try w.expertRows(ExpertQuery(withRoom: true), limit: 5).map(\.load) == [1])
  }

  @Test func sessionsAreLoggedWithTheMentorOfTheirDayAndCounted() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let company = try temp.member("(주)유신테크")
    let first = try expert(temp, "정민수", fields: ["기술"])
    let second = try expert(temp, "오세라", fields: ["회계"])
    #expect(throws: ValidationError.self) {
      try w.logMentoringSession(memberId: company.id, date: today, topic: "원가", today: today)
    }
    try w.assignMentor(
      memberId: company.id, expertId: first.id, from: day("2026-03-02"), today: today)
    try w.assignMentor(
      memberId: company.id, expertId: second.id, from: day("2026-09-01"), today: today)
    let old = try w.logMentoringSession(
      memberId: company.id, date: day("2026-05-10"), topic: " 시제품 설계 검토 ", today: today)
    let now = try w.logMentoringSession(
      memberId: company.id, date: day("2026-11-02"), topic: "원가 구조 분석", note: "자료 요청", today: today)
    #expect(old.topic == "시제품 설계 검토")
    let rows = try w.mentoringRows(MentoringFilter(memberId: company.id), limit: 10)
    #expect(rows.map(\.sessions) == [1, 1])
    #expect(rows.map(\.lastSession) == [day("2026-05-10"), day("2026-11-02")])
    #expect(
      try w.mentoringSessions(MentoringFilter(expertId: second.id), limit: 10).map(\.session.id)
        == [now.id])
    #expect(try w.expertDetail(id: first.id).sessions == 1)
    for (date, topic, field) in [
      (day("2026-01-10"), "원가", "date"), (day("2026-12-01"), "원가", "date"), (today, " ", "topic"),
    ] {
      let error = #expect(throws: ValidationError.self) {
        try w.logMentoringSession(memberId: company.id, date: date, topic: topic, today: today)
      }
      #expect(error?.errors.map(\.field) == [field])
    }
    let report = try w.annualReport(year: 2026, today: today)
    #expect(report.programmes.sessions == 2)
    #expect(report.programmes.companiesWithSessions == 1)
    #expect(report.programmes.assignments == 2)
    #expect(report.programmes.assignmentsEnded == 1)
  }

  @Test func endingKeepsTheHistoryAndListsTheCompanyAsWithoutAMentor() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let company = try temp.member("(주)유신테크")
    try temp.member("한빛정밀")
    try w.addMember(Member(clusterId: temp.cluster.id, name: "휴면기업", status: .inactive))
    try temp.member("한결대학교 산학협력단", kind: .university)
    let mentor = try expert(temp, "정민수", fields: ["기술"])
    #expect(try w.memberCount(.companiesWithoutMentor()) == 2)
    try w.assignMentor(
      memberId: company.id, expertId: mentor.id, from: day("2026-03-02"), today: today)
    #expect(
      try w.memberRows(.companiesWithoutMentor(), offset: 0, limit: 10).map(\.name) == ["한빛정밀"])
    let early = #expect(throws: ValidationError.self) {
      try w.endMentoring(memberId: company.id, on: day("2026-03-01"), today: today)
    }
    #expect(early?.errors.map(\.field) == ["ended"])
    let ended = try w.endMentoring(memberId: company.id, on: day("2026-10-31"), today: today)
    #expect(ended.ended == day("2026-10-31"))
    #expect(throws: ValidationError.self) {
      try w.endMentoring(memberId: company.id, on: today, today: today)
    }
    #expect(try w.memberCount(.companiesWithoutMentor()) == 2)
    #expect(try w.mentoringRows(limit: 10).count == 1)
    #expect(try w.memberDetail(id: company.id).mentor == nil)
  }

  /// Loads, each company's mentor and its SIG count are stored and kept by triggers; after any
  /// mix of changes they equal what the assignments and memberships say.
  @Test func storedLoadsFollowEveryChange() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let experts = try (0..<3).map { try expert(temp, "전문가\($0)", fields: ["기술"], capacity: 50) }
    let companies = try (0..<6).map { try temp.member("기업\($0)") }
    let sig = try w.addSIG(SIG(clusterId: temp.cluster.id, name: "SIG"), on: today)
    var step = 0
    for round in 0..<4 {
      for (i, company) in companies.enumerated() where (i + round) % 3 != 0 {
        step += 1
        let from = day("2026-01-01").adding(days: step * 3)
        try w.assignMentor(
          memberId: company.id, expertId: experts[(i + round) % 3].id, from: from, today: today)
        if (i + round) % 4 == 0 {
          try w.endMentoring(memberId: company.id, on: from.adding(days: 1), today: today)
        }
        if round % 2 == 0 {
          try? w.joinSIG(sigId: sig.id, memberId: company.id, on: from, today: today)
        } else {
          _ = try? w.leaveSIG(sigId: sig.id, memberId: company.id)
        }
      }
    }
    func check(_ w: Workspace) throws {
      let active = try w.mentoringRows(MentoringFilter(activeOnly: true), limit: 100)
      for row in try w.expertRows(limit: 10) {
        #expect(row.load == active.filter { $0.mentoring.expertId == row.id }.count)
      }
      let mentored = Set(active.map(\.mentoring.memberId))
      #expect(
        Set(try w.memberRows(.companiesWithoutMentor(), offset: 0, limit: 100).map(\.id))
          == Set(companies.map(\.id)).subtracting(mentored))
      let inSIG = Set(try w.sigDetail(id: sig.id).members.map(\.memberId))
      #expect(try w.sigCoverage() == SIGCoverage(companies: companies.count, covered: inSIG.count))
    }
    try check(w)
    let copy = try Workspace(path: temp.file("copy.clusterdesk"), create: true)
    try copy.importDocument(try w.exportDocument())
    try check(copy)
  }

  @Test func suggestionsFitTheCompanyAndShowTheLoad() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let company = try temp.workspace.addMember(
      Member(clusterId: temp.cluster.id, name: "(주)유신테크", products: "MEMS 센서, 제어기"),
      divisionName: "IT장비")
    try w.addVisit(
      Visit(
        memberId: company.id, date: day("2026-10-01"), visitor: "박", purpose: .difficultySurvey,
        difficulties: [
          Difficulty(category: .export, text: "바이어 발굴"), Difficulty(category: .export, text: "통관"),
        ]))
    let accountant = try expert(temp, "오세라", fields: ["회계"])
    let trader = try expert(temp, "나무역", fields: ["무역", "수출", "통상"])
    let sensors = try expert(temp, "정민수", fields: ["기술", "센서"], capacity: 1)
    let exporter = try expert(temp, "한수출", fields: ["수출", "IT장비"])
    let busy = try temp.member("한빛정밀")
    try w.assignMentor(memberId: busy.id, expertId: sensors.id, from: today, today: today)
    let suggested = try w.mentorSuggestions(memberId: company.id, today: today)
    // 수출 twice on recent visits (2 × 2) and the division (3) beat exporting alone (4, however
    // many of the expert's fields are about it), which beats a product word (2); then the least
    // busy of the rest with room.
    #expect(suggested.map(\.expert.name) == ["한수출", "나무역", "정민수", "오세라"])
    #expect(suggested.map(\.matched) == [["수출", "IT장비"], ["무역", "수출", "통상"], ["센서"], []])
    #expect(suggested.map(\.score) == [7, 4, 2, 0])
    #expect(suggested.map(\.load) == [0, 0, 1, 0])
    #expect(suggested.map(\.hasRoom) == [true, true, false, true])
    #expect(try w.mentorSuggestions(memberId: company.id, today: today, limit: 1).count == 1)
    // The SQL ranks as `MentorMatching.score` does.
    let terms = try w.read { db in try Workspace.matchTerms(company, today: today, db) }
    #expect(suggested.map { MentorMatching.score($0.expert, terms: terms) } == [7, 4, 2, 0])
    // The current mentor is not proposed again.
    try w.assignMentor(memberId: company.id, expertId: exporter.id, from: today, today: today)
    #expect(
      try w.mentorSuggestions(memberId: company.id, today: today).map(\.expert.name) == [
        "나무역", "정민수", "오세라",
      ])
    // No field fits: the least busy experts with room.
    let other = try temp.member("대성콘텐츠")
    #expect(
      try w.mentorSuggestions(memberId: other.id, today: today).map(\.expert.id)
        == [trader.id, accountant.id, exporter.id])
  }
}

@Suite struct MentorSuggestionOrderTests {
  /// Over a pool where one fit is shared by more than a hundred experts (the national pool's
  /// 기술), the suggestions are the experts ranked by `MentorMatching.score`, then room, load,
  /// name and id, filled up with the least busy with room, however long the list asked for.
  @Test func suggestionsRankThePoolAsTheScoreDoes() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let company = try w.addMember(
      Member(clusterId: temp.cluster.id, name: "(주)유신테크", products: "MEMS 센서"),
      divisionName: "IT장비")
    try w.addVisit(
      Visit(
        memberId: company.id, date: day("2026-10-01"), visitor: "박", purpose: .difficultySurvey,
        difficulties: [Difficulty(category: .technology, text: "공정 개선")]))
    let patterns = [["기술"], ["기술", "센서"], ["회계"]]
    var experts: [Expert] = []
    for i in 0..<400 {
      experts.append(
        try expert(
          temp, ["김", "이", "박"][i % 7 % 3] + "전문가\(i % 40)",
          fields: i % 10 == 9 ? ["품질", "IT장비"] : patterns[i % 3], capacity: 1 + i % 4 % 3))
    }
    for i in 0..<24 {
      let m = try temp.member("회사\(i)")
      try w.assignMentor(memberId: m.id, expertId: experts[i * 13].id, from: today, today: today)
    }
    try w.assignMentor(memberId: company.id, expertId: experts[1].id, from: today, today: today)
    let terms = try w.read { db in try Workspace.matchTerms(company, today: today, db) }
    let pool = try w.expertRows(limit: 1000).filter { $0.id != experts[1].id }
    func before(_ a: ExpertRow, _ b: ExpertRow) -> Bool {
      (a.hasRoom ? 0 : 1, a.load, a.expert.name, a.id) < (
        b.hasRoom ? 0 : 1, b.load, b.expert.name, b.id
      )
    }
    let scored = pool.map { ($0, MentorMatching.score($0.expert, terms: terms)) }
    let fitting = scored.filter { $0.1 > 0 }.sorted {
      $0.1 != $1.1 ? $0.1 > $1.1 : before($0.0, $1.0)
    }
    let rest = scored.filter { $0.1 == 0 && $0.0.hasRoom }.map(\.0).sorted(by: before)
    let expected = fitting.map { ($0.0.id, $0.1) } + rest.map { ($0.id, 0) }
    // Two fits are shared by more than a hundred experts each.
    #expect(Dictionary(grouping: fitting, by: \.1).values.filter { $0.count > 100 }.count == 2)
    for limit in [1, 10, 120, 300, 400] {
      let suggested = try w.mentorSuggestions(memberId: company.id, today: today, limit: limit)
      let want = expected.prefix(limit)
      #expect(suggested.map(\.id) == want.map(\.0), "limit \(limit)")
      #expect(suggested.map(\.score) == want.map(\.1), "limit \(limit)")
      #expect(
        suggested.map(\.load) == suggested.map { s in pool.first { $0.id == s.id }!.load })
    }
  }
}

@Suite struct SIGTests {
  func setUp() throws -> (TemporaryWorkspace, SIG, Member, Member) {
    let temp = try TemporaryWorkspace()
    let leader = try temp.member("(주)유신테크")
    let other = try temp.member("한빛정밀")
    let sig = try temp.workspace.addSIG(
      SIG(clusterId: temp.cluster.id, name: " 스마트센서 SIG ", theme: "센서", leaderId: leader.id),
      on: day("2026-03-02"))
    return (temp, sig, leader, other)
  }

  @Test func theLeaderJoinsAndNamesAreUniqueInACluster() throws {
    let (temp, sig, leader, _) = try setUp()
    #expect(sig.name == "스마트센서 SIG")
    let detail = try temp.workspace.sigDetail(id: sig.id)
    #expect(detail.members.map(\.memberId) == [leader.id])
    #expect(detail.members.first?.isLeader == true)
    #expect(detail.members.first?.joined == day("2026-03-02"))
    let duplicate = #expect(throws: ValidationError.self) {
      try temp.workspace.addSIG(SIG(clusterId: temp.cluster.id, name: "스마트센서 SIG"), on: today)
    }
    #expect(duplicate?.errors.map(\.field) == ["sigName"])
    #expect(duplicate?.message(.ko).hasPrefix("SIG 이름:") == true)
    #expect(throws: ValidationError.self) {
      try temp.workspace.addSIG(SIG(clusterId: temp.cluster.id, name: " "), on: today)
    }
  }

  @Test func membershipStaysInTheMiniCluster() throws {
    let (temp, sig, leader, other) = try setUp()
    let w = temp.workspace
    try w.joinSIG(sigId: sig.id, memberId: other.id, on: today, today: today)
    let twice = #expect(throws: ValidationError.self) {
      try w.joinSIG(sigId: sig.id, memberId: other.id, on: today, today: today)
    }
    #expect(twice?.errors.first?.message(.en).contains("is already in SIG 스마트센서 SIG") == true)
    let elsewhere = try w.addCluster(Cluster(name: "IT융합"))
    let stranger = try w.addMember(Member(clusterId: elsewhere.id, name: "대명랩스"))
    let gone = try w.addMember(Member(clusterId: temp.cluster.id, name: "떠난기업", status: .left))
    for member in [stranger, gone] {
      #expect(throws: ValidationError.self) {
        try w.joinSIG(sigId: sig.id, memberId: member.id, on: today, today: today)
      }
    }
    #expect(throws: ValidationError.self) {
      try w.joinSIG(sigId: sig.id, memberId: leader.id, on: day("2026-12-01"), today: today)
    }
    let row = try #require(try w.sigRows(limit: 5).first)
    #expect(row.members == 2 && row.leaderName == "(주)유신테크")
  }

  @Test func tasksAreNumberedOwnedByMembersAndMoveForwardOnly() throws {
    let (temp, sig, leader, other) = try setUp()
    let w = temp.workspace
    let notMember = #expect(throws: ValidationError.self) {
      try w.addSIGTask(SIGTask(sigId: sig.id, title: "공동 인증", ownerId: other.id), today: today)
    }
    #expect(notMember?.errors.map(\.field) == ["owner"])
    try w.joinSIG(sigId: sig.id, memberId: other.id, on: today, today: today)
    let first = try w.addSIGTask(
      SIGTask(sigId: sig.id, title: " 저전력 센서 모듈 ", ownerId: leader.id, due: day("2027-03-31")),
      today: today)
    let second = try w.addSIGTask(
      SIGTask(sigId: sig.id, title: "공동 인증", ownerId: other.id, status: .active), today: today)
    #expect(first.number == 1 && second.number == 2)
    #expect(first.title == "저전력 센서 모듈" && first.status == .proposed)
    let refused = #expect(throws: ValidationError.self) {
      try w.addSIGTask(
        SIGTask(sigId: sig.id, title: "", ownerId: other.id, status: .done), today: today)
    }
    #expect(refused?.errors.map(\.field) == ["projectTitle", "status"])
    let started = try w.moveSIGTask(sigId: sig.id, number: 1, to: .active, on: today, today: today)
    #expect(started.status == .active && started.done == nil)
    let done = try w.moveSIGTask(
      sigId: sig.id, number: 1, to: .done, on: day("2026-11-20"), today: today)
    #expect(done.done == day("2026-11-20"))
    #expect(throws: ValidationError.self) {
      try w.moveSIGTask(sigId: sig.id, number: 1, to: .active, on: today, today: today)
    }
    #expect(throws: ValidationError.self) {
      try w.moveSIGTask(sigId: sig.id, number: 2, to: .done, on: day("2026-12-01"), today: today)
    }
    let missing = #expect(throws: ValidationError.self) {
      try w.moveSIGTask(sigId: sig.id, number: 9, to: .done, on: today, today: today)
    }
    #expect(
      missing?.message(.en).contains("SIG 스마트센서 SIG has no task of that number (it has 2)") == true)
    let row = try #require(try w.sigRows(limit: 5).first)
    #expect(row.proposed == 0 && row.active == 1 && row.done == 1)
    #expect(try w.memberDetail(id: leader.id).sigs.first?.tasks.map(\.task.number) == [1, 2])
    let report = try w.annualReport(year: 2026, today: today)
    #expect(report.programmes.tasksByStatus == [.active: 1, .done: 1])
    #expect(report.programmes.tasksDone == 1)
  }

  @Test func leavingKeepsTheTasksAndClearsTheLeader() throws {
    let (temp, sig, leader, other) = try setUp()
    let w = temp.workspace
    try w.addSIGTask(SIGTask(sigId: sig.id, title: "공동 개발", ownerId: leader.id), today: today)
    #expect(try w.leaveSIG(sigId: sig.id, memberId: leader.id))
    let detail = try w.sigDetail(id: sig.id)
    #expect(detail.sig.leaderId == nil && detail.members.isEmpty)
    #expect(detail.tasks.map(\.ownerName) == ["(주)유신테크"])
    #expect(throws: ValidationError.self) { try w.leaveSIG(sigId: sig.id, memberId: other.id) }
    // A new leader joins on the day the SIG is edited.
    var edited = detail.sig
    edited.leaderId = other.id
    try w.updateSIG(edited, original: detail.sig, on: today)
    #expect(try w.sigDetail(id: sig.id).members.map(\.memberId) == [other.id])
  }

  @Test func coverageCountsActiveCompaniesInASIG() throws {
    let (temp, sig, _, other) = try setUp()
    let w = temp.workspace
    try temp.member("대성일렉트로닉스")
    try temp.member("한결대학교 산학협력단", kind: .university)
    #expect(try w.sigCoverage() == SIGCoverage(companies: 3, covered: 1))
    try w.joinSIG(sigId: sig.id, memberId: other.id, on: today, today: today)
    #expect(try w.sigCoverage() == SIGCoverage(companies: 3, covered: 2))
    #expect(
      try w.memberRows(.companiesWithoutSIG(), offset: 0, limit: 10).map(\.name) == ["대성일렉트로닉스"])
    #expect(try w.memberCount(.companiesWithoutSIG(clusterId: temp.cluster.id)) == 1)
    let report = try w.annualReport(year: 2026, today: today)
    #expect(report.programmes.sigCompanies == 2 && report.programmes.activeCompanies == 3)
  }
}

@Suite struct DirectoryBookTests {
  @Test func askedAndSubmittedPerEdition() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let one = try temp.member("(주)유신테크")
    let two = try temp.member("한빛정밀")
    let three = try temp.member("한결대학교 산학협력단", kind: .university)
    let gone = try w.addMember(Member(clusterId: temp.cluster.id, name: "떠난기업", status: .left))
    #expect(try w.directoryEdition(today: today) == 2026)
    try w.recordDirectoryBook(
      memberId: one.id, edition: 2026, .asked(day("2026-09-01")), today: today)
    let entry = try w.recordDirectoryBook(
      memberId: one.id, edition: 2026, .submitted(day("2026-09-20")), today: today)
    #expect(
      entry
        == DirectoryBookEntry(
          edition: 2026, memberId: one.id, status: .submitted, asked: day("2026-09-01"),
          submitted: day("2026-09-20")))
    #expect(try w.askForDirectoryBook(edition: 2026, on: day("2026-09-05"), today: today) == 2)
    #expect(
      try w.directoryBookSummary(edition: 2026)
        == DirectoryBookSummary(edition: 2026, members: 3, asked: 3, submitted: 1))
    func names(_ state: DirectoryBookState, _ edition: Int = 2026) throws -> [String] {
      try w.memberRows(
        MemberQuery(directoryBook: DirectoryBookQuery(edition: edition, state: state)), offset: 0,
        limit: 10
      ).map(\.name)
    }
    #expect(try names(.submitted) == ["(주)유신테크"])
    #expect(try names(.missing) == ["한결대학교 산학협력단", "한빛정밀"])
    #expect(try names(.asked) == ["한결대학교 산학협력단", "한빛정밀"])
    #expect(try names(.notAsked).isEmpty)
    #expect(try names(.notAsked, 2027).count == 3)
    let rows = try w.memberRows(
      MemberQuery(directoryBook: DirectoryBookQuery(edition: 2026)), offset: 0, limit: 10)
    #expect(rows.map { $0.directoryBook?.status } == [nil, .submitted, .asked, .asked])
    // Out of order, in the future, for a member who left, or an edition out of range: refused.
    for (member, edition, change, field) in [
      (two.id, 2026, DirectoryBookChange.submitted(day("2026-09-01")), "profileSubmitted"),
      (two.id, 2026, .asked(day("2026-12-01")), "asked"),
      (gone.id, 2026, .asked(day("2026-09-01")), "member"),
      (three.id, 1999, .asked(day("2026-09-01")), "edition"),
    ] {
      let error = #expect(throws: ValidationError.self) {
        try w.recordDirectoryBook(memberId: member, edition: edition, change, today: today)
      }
      #expect(error?.errors.map(\.field) == [field])
    }
    #expect(try w.recordDirectoryBook(memberId: two.id, edition: 2026, .clear, today: today) == nil)
    #expect(try w.directoryBook(memberId: two.id).isEmpty)
    // A newer edition becomes the one meant when none is named.
    try w.recordDirectoryBook(memberId: three.id, edition: 2027, .asked(today), today: today)
    #expect(try w.directoryEdition(today: today) == 2027)
    let detail = try w.memberDetail(id: one.id)
    #expect(detail.directoryEdition == 2027 && detail.currentDirectoryBook == nil)
    #expect(detail.directoryBook.map(\.edition) == [2026])
    let report = try w.annualReport(year: 2026, today: today)
    #expect(report.programmes.directoryBook.submitted == 1)
    #expect(report.programmes.directoryBook.members == 3)
  }

  /// A whole edition is counted from its summary (indexes only); the counts must be those of
  /// the lists, also when a member leaves after sending its profile.
  @Test func countsOfAWholeEditionMatchItsLists() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    var members: [Member] = []
    for name in ["가온정밀", "나래전자", "다온테크", "라온바이오", "마루소프트"] {
      members.append(try temp.member(name))
    }
    try w.askForDirectoryBook(edition: 2026, on: day("2026-09-01"), today: today)
    for member in members.prefix(3) {
      try w.recordDirectoryBook(
        memberId: member.id, edition: 2026, .submitted(day("2026-10-01")), today: today)
    }
    try w.recordDirectoryBook(memberId: members[4].id, edition: 2026, .clear, today: today)
    for index in [0, 3] {
      var leaving = members[index]
      leaving.status = .left
      try w.updateMember(leaving, original: members[index])
    }
    for state in DirectoryBookState.allCases {
      let all = MemberQuery(directoryBook: DirectoryBookQuery(edition: 2026, state: state))
      var listed = all
      listed.includeLeft = false  // the same members (states leave out who left), counted by filter
      let rows = try w.memberRows(all, offset: 0, limit: 100)
      #expect(try w.memberCount(all) == rows.count, "\(state)")
      #expect(try w.memberCount(listed) == rows.count, "\(state)")
    }
    #expect(
      try w.directoryBookSummary(edition: 2026)
        == DirectoryBookSummary(edition: 2026, members: 3, asked: 2, submitted: 2))
  }

  @Test func theProfileChangeDayFollowsProfileEditsOnly() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let added = try temp.member("(주)유신테크")
    #expect(added.profileChanged == Day.officeToday)
    try w.write { db in
      try db.execute(
        sql: "UPDATE member SET profileChanged = '2020-01-01' WHERE id = ?", arguments: [added.id])
    }
    let stored = try #require(try w.member(id: added.id))
    var inactive = stored
    inactive.status = .inactive
    let saved = try w.updateMember(inactive, original: stored)
    #expect(saved.profileChanged == day("2020-01-01"))
    var moved = saved
    moved.address = "서울 구로구 디지털로 300"
    #expect(try w.updateMember(moved, original: saved).profileChanged == Day.officeToday)
  }
}

@Suite struct ProgrammeInterchangeTests {
  /// A version 1 document as older ClusterDesk exports wrote it.
  static let version1 = """
    {"format": "clusterdesk-workspace", "version": 1,
     "office": {"name": "옛 사무국", "region": "", "officerVisitWeeks": 4, "memberVisitWeeks": 12},
     "clusters": [{"id": 1, "name": "IT융합", "complex": "", "manager": ""}],
     "divisions": [],
     "members": [
       {"id": 1, "clusterId": 1, "kind": "company", "name": "(주)유신테크", "representative": "",
        "businessNumber": "", "products": "", "address": "", "phone": "", "email": "", "website": "",
        "role": "member", "status": "active", "profileSubmitted": true},
       {"id": 2, "clusterId": 1, "kind": "company", "name": "한빛정밀", "representative": "",
        "businessNumber": "", "products": "", "address": "", "phone": "", "email": "", "website": "",
        "role": "member", "status": "active", "profileSubmitted": false}],
     "contacts": [], "meetings": [], "attendance": [], "visits": [], "programs": [],
     "requests": [], "audit": [],
     "experts": [{"id": 1, "name": "정민수", "affiliation": "한국전자기술연구원", "fields": ["기술"],
                  "phone": "", "email": ""}],
     "mentorings": [{"memberId": 2, "expertId": 1, "field": "기술", "started": "2026-02-01"},
                    {"memberId": 1, "expertId": 1, "field": "기술"}],
     "sigs": [{"id": 1, "clusterId": 1, "name": "스마트센서 SIG", "theme": "센서"}],
     "sigMembers": [{"sigId": 1, "memberId": 2, "task": "저전력 센서"},
                    {"sigId": 1, "memberId": 1, "task": ""}]}
    """

  @Test func version1DocumentsStillImport() throws {
    let document = try WorkspaceDocument.decode(Data(Self.version1.utf8))
    #expect(document.version == WorkspaceDocument.currentVersion)
    let edition = Day.officeToday.year
    #expect(
      document.directoryBook == [
        DirectoryBookEntry(edition: edition, memberId: 1, status: .submitted)
      ])
    #expect(document.experts.map(\.kind) == [.institute])
    #expect(document.mentorings.map(\.id) == [1, 2])
    #expect(document.mentorings.map(\.memberId) == [1, 2])
    #expect(document.sigMembers.count == 2)
    #expect(
      document.sigTasks == [
        SIGTask(sigId: 1, number: 1, title: "저전력 센서", ownerId: 2, status: .active)
      ])
    let temp = try TemporaryWorkspace()
    let target = try Workspace(path: temp.file("v1.clusterdesk"), create: true)
    try target.importDocument(document)
    #expect(try target.sigDetail(id: 1).tasks.map(\.ownerName) == ["한빛정밀"])
    #expect(try target.expertDetail(id: 1).load == 2)
  }

  @Test func aVersion1ExpertBeyondTheDefaultCapacityKeepsTheirCompanies() throws {
    var text = Self.version1
    for id in 3...6 {
      text = text.replacingOccurrences(
        of: "\"members\": [",
        with: """
          "members": [{"id": \(id), "clusterId": 1, "kind": "company", "name": "기업\(id)", "representative": "",
           "businessNumber": "", "products": "", "address": "", "phone": "", "email": "", "website": "",
           "role": "member", "status": "active", "profileSubmitted": false},
          """)
      text = text.replacingOccurrences(
        of: "\"mentorings\": [",
        with: "\"mentorings\": [{\"memberId\": \(id), \"expertId\": 1, \"field\": \"\"},")
    }
    let document = try WorkspaceDocument.decode(Data(text.utf8))
    #expect(document.experts.first?.capacity == 6)
    let temp = try TemporaryWorkspace()
    let target = try Workspace(path: temp.file("v1.clusterdesk"), create: true)
    try target.importDocument(document)
  }

  @Test func importChecksTheProgrammesAsTheCommandsDo() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let one = try temp.member("(주)유신테크")
    let two = try temp.member("한빛정밀")
    let mentor = try expert(temp, "정민수", fields: ["기술"], capacity: 1)
    try w.assignMentor(memberId: one.id, expertId: mentor.id, from: day("2026-03-02"), today: today)
    try w.assignMentor(
      memberId: two.id, expertId: mentor.id, from: day("2026-04-01"), overrideReason: "한 명뿐",
      today: today)
    try w.logMentoringSession(
      memberId: one.id, date: day("2026-05-01"), topic: "설계 검토", today: today)
    let sig = try w.addSIG(
      SIG(clusterId: temp.cluster.id, name: "SIG", leaderId: one.id), on: today)
    try w.addSIGTask(SIGTask(sigId: sig.id, title: "공동 개발", ownerId: one.id), today: today)
    try w.recordDirectoryBook(memberId: one.id, edition: 2026, .asked(today), today: today)
    let good = try w.exportDocument()

    var bad = good
    bad.experts[0].name = " "
    bad.mentorings[1].overrideReason = ""
    bad.mentorings.append(
      Mentoring(id: 3, memberId: one.id, expertId: mentor.id, started: day("2026-06-01")))
    bad.mentoringSessions[0].date = day("2026-01-01")
    bad.sigs[0].leaderId = two.id
    bad.sigTasks[0].done = today
    bad.directoryBook[0].submitted = today
    let target = try Workspace(path: temp.file("bad.clusterdesk"), create: true)
    let error = #expect(throws: ValidationError.self) { try target.importDocument(bad) }
    #expect(
      // Each record's own check first, in the document's order, then what records must agree on.
      error?.errors.map(\.field) == [
        "experts[0].name", "sigTasks[0].done", "directoryBook[0].submitted",
        "mentorings[2].ended", "mentorings[1].overrideReason", "mentorings[2].overrideReason",
        "mentoringSessions[0].date", "sigs[0].leaderId",
      ])
    #expect(try target.isEmpty())
    try target.importDocument(good)
    #expect(try target.exportDocument().encoded() == good.encoded())
  }
}

@Suite struct ExpertFieldsColumnTests {
  /// The fields read back from their column are the fields written, whichever way the array was
  /// written: split where it stands, or decoded.
  @Test func readsBackWhatWasWritten() throws {
    let lists: [[String]] = [
      [], [""], ["기술"], ["기술", "통신·네트워크", "AR"], ["a\",\"b"], ["슬래시/가", "역\\슬래시"],
      ["\u{301}결합", "끝\u{301}"], ["줄\n바꿈", "\t"], ["", "", ""],
    ]
    for fields in lists {
      let compact = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
      #expect(Expert.fields(json: compact) == fields)
      let spaced = compact.replacingOccurrences(of: "\",\"", with: "\", \"")
      #expect(Expert.fields(json: spaced) == fields)
    }
  }
}

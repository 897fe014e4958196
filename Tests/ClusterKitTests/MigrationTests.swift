import Foundation
import GRDB
import Testing

@testable import ClusterKit

@Suite struct MigrationTests {
  /// A workspace file as an older ClusterDesk left it: schema `version`, one member, one visit,
  /// one approved request with its audit entries (one actor's name holding an escape sequence,
  /// as versions before the cleaning of every field let in). The records are written in the
  /// schema of version 5 at most and brought up to `version` by its own migrations.
  func oldWorkspace(version: Int, in folder: URL) throws -> String {
    let path = folder.appendingPathComponent("old-v\(version).clusterdesk").path
    let queue = try DatabaseQueue(path: path)
    let written = min(version, 5)
    try queue.write { db in
      try Schema.migrate(db, from: 0, to: written)
      try db.execute(
        sql: """
          INSERT INTO office (id, name) VALUES (1, '옛 사무국');
          INSERT INTO cluster (id, name) VALUES (1, 'IT융합');
          INSERT INTO member (id, clusterId, kind, name, nameKey, initials)
            VALUES (1, 1, 'company', '(주)유신테크', '유신테크', 'ㅇㅅㅌㅋ');
          INSERT INTO visit (id, memberId, date, visitor, purpose, notes)
            VALUES (1, 1, '2026-03-02', '박매니저', 'difficultySurvey', '해외규격인증 비용이 부담됨');
          INSERT INTO difficulty (visitId, position, category, text)
            VALUES (1, 0, 'funding', '운전자금 부족');
          INSERT INTO program (id, year, name, category, budgetKRW)
            VALUES (1, 2026, '시험분석', 'technology', 50000000);
          INSERT INTO supportRequest (id, memberId, programId, title, requestedKRW, submitted,
            status, approvedKRW, decided, reviewer)
            VALUES (1, 1, 1, '성능 시험', 3000000, '2026-03-02', 'approved', 3000000, '2026-03-20',
              '박매니저');
          UPDATE member SET profileSubmitted = 1 WHERE id = 1;
          INSERT INTO expert (id, name, affiliation, fields) VALUES (1, '정민수', '한결대학교 경영학과', '["회계","수출"]');
          INSERT INTO mentoring (memberId, expertId, field, started) VALUES (1, 1, '회계', '2026-02-01');
          INSERT INTO sig (id, clusterId, name, theme) VALUES (1, 1, '스마트센서 SIG', '센서');
          INSERT INTO sigMember (sigId, memberId, task) VALUES (1, 1, '저전력 무선 센서 모듈');
          """)
      let audit = [
        AuditEntry(
          id: 1, requestId: 1, at: "2026-03-20T01:00:00Z", actor: "박매니저", field: "status",
          before: "pending", after: "approved"),
        AuditEntry(
          id: 2, requestId: 1, at: "2026-03-20T01:00:00Z", actor: "박\u{1B}[2J매니저",
          field: "approvedKRW", before: "", after: "3000000"),
      ]
      if version < 4 {
        for e in audit {
          try db.execute(
            sql: """
              INSERT INTO auditEntry (id, requestId, at, actor, field, "before", "after")
              VALUES (?, ?, ?, ?, ?, ?, ?)
              """, arguments: [e.id, e.requestId, e.at, e.actor, e.field, e.before, e.after])
        }
      } else {
        // Version 4 chained every entry, and its writer cleaned the text.
        for e in AuditChain.sealed(audit.map { $0.checked().0 }) {
          try Workspace.insertAudit(e, db)
        }
      }
      if version >= 2 {
        // Version 2 indexed the visit as it was logged.
        try db.execute(
          sql: "INSERT INTO visitSearch (rowid, grams) VALUES (1, ?)",
          arguments: [TextGrams.grams("해외규격인증 비용이 부담됨 운전자금 부족")])
      }
      if version >= 3 {
        // Version 3 indexed the member for search as it was saved.
        try Workspace.indexMember(
          id: 1, nameKey: "유신테크", initials: "ㅇㅅㅌㅋ", representative: "", products: "",
          replacing: false, db)
      }
      try Schema.migrate(db, from: written, to: version)
    }
    try queue.close()
    return path
  }

  /// Every version but the current one (the numbers need not be contiguous).
  @Test(arguments: Schema.migrations.map(\.version).dropLast())
  func everyEarlierVersionMigratesWithABackup(version: Int) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "migrate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try oldWorkspace(version: version, in: folder)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let workspace = try Workspace(path: path)
    let backup = "\(path).v\(version).backup"
    #expect(FileManager.default.fileExists(atPath: backup))
    #expect(
      (try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int) == 0o600
    )
    let backedUp = try DatabaseQueue(path: backup)
    #expect(try backedUp.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == version)
    #expect(before.count > 0)
    #expect(try workspace.searchVisits("규격인증").map(\.id) == [1])
    #expect(try workspace.searchVisits("자금").map(\.id) == [1])
    // Version 3: member search through its index, and the stored last visit.
    for search in ["ㅇㅅㅌㅋ", "유신ㅌ", "신테", "유"] {
      #expect(try workspace.memberCount(MemberQuery(search: search)) == 1)
    }
    #expect(try workspace.memberCount(MemberQuery(search: "ㅎㄴ")) == 0)
    let today = Day(year: 2026, month: 11, day: 26)!
    #expect(
      try workspace.memberRows(MemberQuery(), offset: 0, limit: 1).first?.lastVisit
        == Day(year: 2026, month: 3, day: 2))
    #expect(try workspace.dueForVisit(today: today).map(\.daysSince) == [269])
    // Version 6: the programmes. The submitted profile belongs to this year's edition, the one
    // mentoring is an open assignment, the SIG member's task a numbered active task.
    let edition = Day.officeToday.year
    #expect(
      try workspace.directoryBook(memberId: 1)
        == [DirectoryBookEntry(edition: edition, memberId: 1, status: .submitted)])
    let expert = try #require(try workspace.expert(id: 1))
    #expect(expert.kind == .university && expert.capacity == Expert.defaultCapacity)
    #expect(try workspace.expertRows(ExpertQuery(field: "수출"), limit: 5).map(\.load) == [1])
    let mentoring = try workspace.mentoringRows(limit: 5).map(\.mentoring)
    #expect(
      mentoring == [
        Mentoring(
          id: 1, memberId: 1, expertId: 1, field: "회계", started: Day(year: 2026, month: 2, day: 1))
      ])
    #expect(
      try workspace.sigDetail(id: 1).tasks.map(\.task)
        == [SIGTask(sigId: 1, number: 1, title: "저전력 무선 센서 모듈", ownerId: 1, status: .active)])
    #expect(try workspace.memberCount(.companiesWithoutMentor()) == 0)
    #expect(try workspace.integrityProblems() == [])
    // Version 4: the audit log chained, its text cleaned first; still unchangeable.
    #expect(try workspace.verifyAuditChain().entries == 2)
    #expect(try workspace.auditLog().map(\.actor) == ["박매니저", "박[2J매니저"])
    #expect(throws: (any Error).self) {
      try workspace.write { try $0.execute(sql: "UPDATE auditEntry SET actor = 'x'") }
    }
    // Version 8: the kept figures filled from the rows already there.
    let figures = try workspace.yearFigures(year: 2026, today: today)
    #expect(figures.programs.map(\.approvedKRW) == [3_000_000])
    #expect(figures.requestsByStatus == [.approved: 1])
    #expect(figures.membersByKind == [.company: 1])
    // The next step is chained on: the agreement records its status, day and co-funding.
    try workspace.decide(
      requestId: 1, .agree(cofunding: 0, date: nil, overrideReason: nil), on: today)
    #expect(try workspace.verifyAuditChain().entries == 5)
    #expect(try workspace.programFigures(id: 1).cofundingKRW == 0)
    #expect(try workspace.yearFigures(year: 2026, today: today).requestsByStatus == [.agreed: 1])
    // Version 9: the log keeps every entry, its hash unchanged, and still refuses a delete;
    // one business number may be a member's of two mini-clusters, never twice in one.
    #expect(throws: (any Error).self) {
      try workspace.write { try $0.execute(sql: "DELETE FROM auditEntry") }
    }
    let number = businessNumber(9)
    let other = try workspace.addCluster(Cluster(name: "G밸리 정밀"))
    _ = try workspace.addMember(Member(clusterId: 1, name: "한강기계", businessNumber: number))
    _ = try workspace.addMember(
      Member(clusterId: other.id, name: "한강기계", businessNumber: number), allowDuplicate: true)
    #expect(throws: (any Error).self) {
      try workspace.write { db in
        try db.execute(
          sql: "UPDATE member SET businessNumber = ? WHERE id = 1", arguments: [number])
      }
    }
  }
}

@Suite struct VisitSearchTests {
  @Test func twoAndFourSyllableWordsAndSingleCharacters() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("한빛정밀")
    let day = Day(year: 2026, month: 11, day: 2)!
    let first = try temp.workspace.addVisit(
      Visit(
        memberId: member.id, date: day, visitor: "박", purpose: .difficultySurvey,
        notes: "CE 인증 준비로 시험분석 비용 부담",
        difficulties: [Difficulty(category: .people, text: "숙련 생산인력 채용 어려움")]))
    let second = try temp.workspace.addVisit(
      Visit(
        memberId: member.id, date: day.adding(days: 7), visitor: "박", purpose: .needsSurvey,
        notes: "판로 개척 수요"))
    #expect(try temp.workspace.searchVisits("인증").map(\.id) == [first.id])
    #expect(try temp.workspace.searchVisits("시험분석").map(\.id) == [first.id])
    #expect(try temp.workspace.searchVisits("생산인력").map(\.id) == [first.id])
    #expect(try temp.workspace.searchVisits("분석 비용").map(\.id) == [first.id])
    #expect(try temp.workspace.searchVisits("ce").map(\.id) == [first.id])
    #expect(try temp.workspace.searchVisits("판").map(\.id) == [second.id])
    #expect(try temp.workspace.searchVisits("수출").isEmpty)
    #expect(try temp.workspace.searchVisits("분석비용").isEmpty)
  }

  /// One character (no gram) is looked for in the notes, the difficulties and the follow-ups,
  /// as the index holds them; past the limit, the most recently recorded matches are kept and
  /// shown newest first.
  @Test func oneCharacterIsFoundInEveryTextAndTheNewestRecordedAreKept() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("한빛정밀")
    let day = Day(year: 2026, month: 11, day: 2)!
    func visit(_ days: Int, notes: String = "", difficulty: String? = nil, followUp: String? = nil)
      throws -> Int64
    {
      try temp.workspace.addVisit(
        Visit(
          memberId: member.id, date: day.adding(days: days), visitor: "박", purpose: .followUp,
          notes: notes,
          difficulties: difficulty.map { [Difficulty(category: .people, text: $0)] } ?? [],
          followUps: followUp.map { [FollowUp(action: $0)] } ?? [])
      ).id
    }
    let inNotes = try visit(0, notes: "판로 개척")
    let inDifficulty = try visit(-30, difficulty: "판매처 부족")
    let inFollowUp = try visit(-10, followUp: "판촉 자료 전달")
    _ = try visit(5, notes: "해당 없음")
    #expect(
      try temp.workspace.searchVisits("판").map(\.id) == [inNotes, inFollowUp, inDifficulty])
    #expect(try temp.workspace.searchVisits("판", limit: 2).map(\.id) == [inFollowUp, inDifficulty])
    #expect(try temp.workspace.searchVisits("쀍").isEmpty)
  }
}

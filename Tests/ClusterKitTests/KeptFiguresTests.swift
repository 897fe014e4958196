import Foundation
import GRDB
import Testing

@testable import ClusterKit
@testable import Generator

extension Workspace {
  /// The kept figures as stored, and as computed again from the rows (in a transaction that is
  /// rolled back, so the workspace is left as it was).
  func keptAndFreshFigures() throws -> (kept: [String], fresh: [String]) {
    try pool.writeWithoutTransaction { db in
      var result: (kept: [String], fresh: [String]) = ([], [])
      try db.inTransaction {
        let kept = try Self.figureRows(db)
        try Schema.fillFigures(db)
        try Schema.fillDueDays(db)
        try Schema.fillMeetingMonths(db)
        result = (kept, try Self.figureRows(db))
        return .rollback
      }
      return result
    }
  }

  static func figureRows(_ db: Database) throws -> [String] {
    try Schema.keptTables.flatMap { table in
      try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map { "\(table) \($0)" }
    }
  }

  /// The overview's figures computed from the rows, the way the report computed them before
  /// they were kept: the kept ones must always be these.
  func scratchYearFigures(year: Int, today: Day) throws -> [String] {
    let (first, last) = try Workspace.reportDays(year: year, today: today)
    let arguments: StatementArguments = ["first": first, "last": last, "year": year]
    return try read { db in
      let members = try Row.fetchAll(
        db,
        sql: """
          SELECT kind, COUNT(*) AS n FROM member m
          WHERE (m.joined IS NULL OR m.joined <= :last) AND (m."left" IS NULL OR m."left" > :last)
            AND NOT (m.status = 'left' AND m."left" IS NULL)
          GROUP BY kind ORDER BY kind
          """, arguments: arguments
      ).map { "members \($0["kind"] as String) \($0["n"] as Int)" }
      let meetings = try Row.fetchAll(
        db,
        sql: """
          SELECT mt.kind, COUNT(DISTINCT mt.id) AS held, COUNT(a.memberId) AS invited,
                 IFNULL(SUM(a.status = 'present'), 0) AS present,
                 IFNULL(SUM(a.status = 'excused'), 0) AS excused
          FROM meeting mt LEFT JOIN attendance a ON a.meetingId = mt.id
          WHERE mt.date BETWEEN :first AND :last GROUP BY mt.kind ORDER BY mt.kind
          """, arguments: arguments
      ).map { "meetings \($0)" }
      let statuses = try Row.fetchAll(
        db,
        sql: """
          SELECT r.status, COUNT(*) AS n FROM supportRequest r JOIN program p ON p.id = r.programId
          WHERE p.year = :year GROUP BY r.status ORDER BY r.status
          """, arguments: arguments
      ).map { "requests \($0["status"] as String) \($0["n"] as Int)" }
      let totals: [Int64: SupportTotals] = try Workspace.totals(
        groupedBy: "r.programId",
        where: "r.programId IN (SELECT id FROM program WHERE year = :year)", arguments: arguments,
        db)
      let programs = try Program.filter(Column("year") == year).order(Column("name")).fetchAll(db)
        .map { "program \($0.name) \(totals[$0.id] ?? SupportTotals())" }
      let divisions = try Row.fetchAll(
        db,
        sql: """
          SELECT divisionId, COUNT(*) AS n FROM member
          WHERE divisionId IS NOT NULL AND status <> 'left' GROUP BY divisionId ORDER BY divisionId
          """
      ).map { "division \($0["divisionId"] as Int64) \($0["n"] as Int)" }
      let firstMonday = today.startOfWeek.adding(days: -7 * 25)
      var weeks = Array(repeating: 0, count: 26)
      for date in try Day.fetchAll(
        db, sql: "SELECT date FROM visit WHERE date BETWEEN ? AND ?",
        arguments: [firstMonday, today])
      {
        weeks[firstMonday.days(until: date) / 7] += 1
      }
      let followUps = try Row.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) AS open, IFNULL(SUM(due < ?), 0) AS overdue FROM followUp
          WHERE done IS NULL
          """, arguments: [today])!
      return members + meetings + statuses + programs + divisions + [
        "visits per week \(weeks)",
        "follow-ups open \(followUps["open"] as Int) overdue \(followUps["overdue"] as Int)",
      ]
    }
      + (try dueCounts(today) { try dueForVisit(today: today, minimumWeeks: $0, limit: .max).count })
  }

  /// Who is due for a visit by the office's rhythms and by a few weeks not visited, each
  /// counted by `count`.
  func dueCounts(_ today: Day, _ count: (Int?) throws -> Int) rethrows -> [String] {
    try [nil, 1, 4, 12, 26].map { weeks in "due \(weeks ?? 0) weeks \(try count(weeks))" }
  }

  /// The same figures as the overview reads them, from what the workspace keeps.
  func keptYearFigures(year: Int, today: Day) throws -> [String] {
    let figures = try yearFigures(year: year, today: today)
    let members = figures.membersByKind.sorted { $0.key.rawValue < $1.key.rawValue }
      .map { "members \($0.key.rawValue) \($0.value)" }
    let meetings = figures.meetings.sorted { $0.kind.rawValue < $1.kind.rawValue }.map {
      let p = $0.participation
      return
        "meetings [kind:\"\($0.kind.rawValue)\" held:\($0.held) invited:\(p.invited) present:\(p.present) excused:\(p.excused)]"
    }
    let statuses = figures.requestsByStatus.sorted { $0.key.rawValue < $1.key.rawValue }
      .map { "requests \($0.key.rawValue) \($0.value)" }
    let programs = figures.programs.map { "program \($0.program.name) \($0.totals)" }
    let divisions = try memberCountsByDivision().sorted { $0.key < $1.key }
      .map { "division \($0.key) \($0.value)" }
    let weeks = try visitsPerWeek(endingAt: today, weeks: 26)
    let followUps = try followUpCounts(today: today)
    return members + meetings + statuses + programs + divisions + [
      "visits per week \(weeks)", "follow-ups open \(followUps.open) overdue \(followUps.overdue)",
    ] + (try dueCounts(today) { try dueForVisitCount(today: today, minimumWeeks: $0) })
  }
}

/// The figures the workspace keeps (migration 8) equal the computation from scratch after every
/// kind of write, ours (through `Workspace`) and another program's (plain SQL).
@Suite(.temporaryCache) struct KeptFiguresTests {
  static let today = Day(year: 2026, month: 11, day: 26)!
  static func day(_ text: String) -> Day { Day(parsing: text)! }

  /// Checks the kept tables against their refill, and the overview's figures for 2026 and 2027
  /// (at two days) against the report's computation from the rows.
  func expectKept(
    _ w: Workspace, _ step: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let (kept, fresh) = try w.keptAndFreshFigures()
    #expect(kept == fresh, "after \(step)", sourceLocation: sourceLocation)
    for (year, today) in [(2026, Self.today), (2026, Self.day("2026-06-30")), (2027, Self.today)] {
      #expect(
        try w.keptYearFigures(year: year, today: today)
          == w.scratchYearFigures(year: year, today: today),
        "after \(step), \(year) on \(today)", sourceLocation: sourceLocation)
    }
  }

  func sql(_ w: Workspace, _ text: String, _ arguments: StatementArguments = []) throws {
    try w.write { db in try db.execute(sql: text, arguments: arguments) }
  }

  @Test func everyWriteKeepsTheFigures() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    let today = Self.today
    try expectKept(w, "creating the workspace")

    // Members: added with and without dates and divisions, edited, left, deleted.
    var yushin = try w.addMember(
      Member(
        clusterId: temp.cluster.id, name: "(주)유신테크", joined: Self.day("2024-03-02")),
      divisionName: "IT장비")
    let school = try w.addMember(
      Member(clusterId: temp.cluster.id, kind: .university, name: "한결대학교 산학협력단"),
      divisionName: "IT장비")
    let hanbit = try w.addMember(
      Member(clusterId: temp.cluster.id, name: "㈜ 한빛정밀", joined: Self.day("2026-05-01")))
    let late = try temp.member("늦게온전자")
    try expectKept(w, "adding members")
    var edited = yushin
    edited.kind = .institute
    edited.joined = Self.day("2026-02-01")
    yushin = try w.updateMember(edited, original: yushin, divisionName: "차세대부품")
    try expectKept(w, "editing a member's kind, joining day and division")
    var leaving = yushin
    leaving.status = .left
    leaving.left = Self.day("2026-09-30")
    yushin = try w.updateMember(leaving, original: yushin)
    try expectKept(w, "a member leaving")
    try sql(w, "UPDATE member SET status = 'left', \"left\" = NULL WHERE id = ?", [late.id])
    try expectKept(w, "a member marked as left with no date (another program)")
    try sql(
      w, "UPDATE member SET \"left\" = '2020-01-01', status = 'left' WHERE id = ?", [hanbit.id])
    try expectKept(w, "a member left before joining (another program)")
    try sql(w, "UPDATE member SET \"left\" = NULL, status = 'active' WHERE id = ?", [hanbit.id])
    let gone = try temp.member("사라질기업", division: "IT장비")
    try sql(w, "DELETE FROM member WHERE id = ?", [gone.id])
    try expectKept(w, "deleting a member")
    try sql(w, "DELETE FROM division WHERE name = '차세대부품'")
    try expectKept(w, "deleting a division its members were in")

    // Meetings and attendance.
    let seminar = try w.addMeeting(
      Meeting(
        clusterId: temp.cluster.id, kind: .technicalSeminar, date: Self.day("2026-03-10"),
        title: "기술 세미나"))
    let committee = try w.addMeeting(
      Meeting(
        clusterId: temp.cluster.id, kind: .steeringCommittee, date: Self.day("2026-10-10"),
        title: "운영위원회"))
    try expectKept(w, "adding meetings")
    try w.setAttendance(meetingId: seminar.id, [hanbit.id: .present, school.id: .absent])
    try w.setAttendance(meetingId: committee.id, [hanbit.id: .excused])
    try expectKept(w, "marking attendance")
    try w.setAttendance(meetingId: seminar.id, [hanbit.id: .excused, school.id: nil])
    try expectKept(w, "changing and clearing attendance")
    try sql(
      w, "UPDATE meeting SET date = '2027-01-15', kind = 'networkingEvent' WHERE id = ?",
      [
        committee.id
      ])
    try expectKept(w, "moving a meeting to another year and kind")
    try sql(w, "DELETE FROM meeting WHERE id = ?", [seminar.id])
    try expectKept(w, "deleting a meeting with its attendance")

    // Visits and their follow-ups.
    let visit = try w.addVisit(
      Visit(
        memberId: hanbit.id, date: Self.day("2026-11-20"), visitor: "박매니저",
        purpose: .difficultySurvey, difficulties: [Difficulty(category: .funding, text: "운전자금")],
        followUps: [
          FollowUp(action: "자금 안내", due: Self.day("2026-11-25")),
          FollowUp(action: "재방문", due: Self.day("2026-12-10")), FollowUp(action: "기한 없음"),
        ]))
    let earlier = try w.addVisit(
      Visit(
        memberId: school.id, date: Self.day("2026-08-03"), visitor: "박매니저", purpose: .followUp,
        followUps: [FollowUp(action: "자료 송부", due: Self.day("2026-08-10"))]))
    try expectKept(w, "adding visits with follow-ups")
    let followUp = try #require(try w.visit(id: visit.id)?.followUps.first)
    try w.setFollowUpDone(id: followUp.id, on: Self.day("2026-11-24"))
    try expectKept(w, "a follow-up done")
    try w.setFollowUpDone(id: followUp.id, on: nil)
    try sql(w, "UPDATE followUp SET due = NULL WHERE visitId = ?", [earlier.id])
    try sql(w, "UPDATE visit SET date = '2026-11-02' WHERE id = ?", [earlier.id])
    try expectKept(w, "a follow-up open again, another's due day and a visit's day changed")
    try sql(w, "DELETE FROM visit WHERE id = ?", [earlier.id])
    try expectKept(w, "deleting a visit with its follow-up")
    try sql(w, "UPDATE member SET role = 'chair' WHERE id = ?", [hanbit.id])
    try expectKept(w, "a company made chair (another program)")
    try sql(w, "UPDATE member SET status = 'inactive' WHERE id = ?", [school.id])
    try sql(w, "UPDATE member SET kind = 'company', lastVisit = NULL WHERE id = ?", [school.id])
    try expectKept(w, "a member made inactive, then a company never visited")
    try sql(w, "UPDATE member SET status = 'active' WHERE id = ?", [school.id])
    try expectKept(w, "an inactive company active again")

    // Programs: added, edited, copied.
    let program = try w.addProgram(
      Program(
        year: 2026, name: "시제품제작", category: .technology, budgetKRW: 100_000_000,
        cofundingPercent: 20))
    let other = try w.addProgram(
      Program(year: 2026, name: "해외규격인증", category: .marketing, budgetKRW: 50_000_000))
    try expectKept(w, "adding programs")
    var bigger = program
    bigger.budgetKRW = 120_000_000
    _ = try w.updateProgram(bigger, original: program)
    try expectKept(w, "editing a program")

    // Requests through every step.
    func add(_ amount: KRW, status: RequestStatus = .pending, program p: Program? = nil) throws
      -> SupportRequest
    {
      try w.addRequest(
        SupportRequest(
          memberId: hanbit.id, programId: (p ?? program).id, title: "센서 모듈 \(amount)",
          requestedKRW: amount, submitted: status == .draft ? nil : Self.day("2026-10-01"),
          status: status,
          difficulty: status == .draft ? DifficultyReference(visitId: visit.id, number: 1) : nil),
        today: today)
    }
    let draft = try add(9_000_000, status: .draft)
    try expectKept(w, "a draft")
    var changed = draft
    changed.requestedKRW = 9_500_000
    _ = try w.updateRequest(changed, original: draft, today: today)
    try expectKept(w, "editing a draft")
    try w.decide(requestId: draft.id, .submit(date: Self.day("2026-10-02")), on: today)
    try expectKept(w, "submitting")
    try w.decide(requestId: draft.id, .askForChanges(reason: "견적서 보완"), on: today)
    try expectKept(w, "asking for changes")
    try w.decide(requestId: draft.id, .withdraw(reason: "자체 개발"), on: today)
    try expectKept(w, "withdrawing")
    let rejected = try add(3_000_000)
    try w.decide(requestId: rejected.id, .reject(reason: "예산 소진"), on: today)
    try expectKept(w, "rejecting")
    let main = try add(20_000_000)
    try w.decide(
      requestId: main.id, .approve(amount: 18_000_000, overrideReason: nil),
      on: Self.day("2026-10-15"))
    try expectKept(w, "approving")
    try w.decide(
      requestId: main.id,
      .agree(cofunding: 5_000_000, date: Self.day("2026-10-20"), overrideReason: nil),
      on: today)
    try expectKept(w, "agreeing")
    try w.disburse(requestId: main.id, amount: 10_000_000, date: Self.day("2026-11-02"), on: today)
    try w.disburse(requestId: main.id, amount: 8_000_000, date: Self.day("2026-11-10"), on: today)
    try expectKept(w, "two instalments")
    try w.decide(
      requestId: main.id,
      .settle(spent: 17_000_000, disallowed: 500_000, returned: nil, reportDate: today), on: today)
    try expectKept(w, "settling with a return")
    try sql(w, "UPDATE instalment SET amountKRW = amountKRW - 1 WHERE requestId = ?", [main.id])
    try sql(w, "UPDATE supportRequest SET programId = ? WHERE id = ?", [other.id, main.id])
    try expectKept(w, "moving a settled request and its instalments to another program")
    try sql(w, "UPDATE instalment SET amountKRW = amountKRW + 1 WHERE requestId = ?", [main.id])
    // Another program's request, put in after its instalment and taken out before it.
    try sql(
      w,
      """
      PRAGMA defer_foreign_keys = ON;
      INSERT INTO instalment (id, requestId, date, amountKRW) VALUES (900, 900, '2026-11-03', 700);
      INSERT INTO supportRequest (id, memberId, programId, title, requestedKRW, submitted, status,
        approvedKRW, agreedOn, agreedCofundingKRW)
        VALUES (900, \(hanbit.id), \(other.id), '외부', 1000, '2026-10-01', 'agreed', 900,
          '2026-10-20', 100);
      """)
    try expectKept(w, "a request written after its instalment")
    try sql(
      w,
      """
      PRAGMA defer_foreign_keys = ON;
      DELETE FROM supportRequest WHERE id = 900;
      DELETE FROM instalment WHERE requestId = 900;
      """)
    try expectKept(w, "deleting a request before its instalments")

    // Copies, next year's programs and their requests.
    _ = try w.copyPrograms(from: 2026, to: 2027, budgetScale: Decimal(string: "1.1")!)
    try expectKept(w, "copying the year's programs")
    let next = try w.programs(year: 2027)[0]
    _ = try add(4_000_000, program: next)
    try expectKept(w, "a request to next year's program")
    try sql(w, "DELETE FROM program WHERE id NOT IN (SELECT programId FROM supportRequest)")
    try expectKept(w, "deleting programs without requests")

    // A member CSV import.
    let csv =
      "회사명,대표이사,구분,분과,직위,가입일\n대성정밀,이영수,기업,IT장비,회원,2026-04-01\n"
      + "한결연구원,박민수,연구기관,,회원,\n"
    _ = try w.importMembers(try MemberCSV.read(Data(csv.utf8)), clusterName: "신규클러스터")
    try expectKept(w, "a member CSV import")

    // A whole-workspace import of this workspace into an empty one.
    let copy = try Workspace(path: temp.file("copy.clusterdesk"), create: true)
    try copy.importDocument(try w.exportDocument())
    try expectKept(copy, "a JSON import")
    #expect(try Workspace.figureRowsOf(copy) == Workspace.figureRowsOf(w))
  }

  /// A member import adds every new member's part to the kept figures at once (its insert
  /// triggers are set aside while it inserts): members of every kind, role and status, joined and
  /// left on the same and on different days and years, in new and existing divisions, beside
  /// members already there. One that fails leaves the triggers in place.
  @Test func aMemberImportAddsEveryPartAtOnce() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    try temp.member("먼저온전자", division: "IT장비")
    _ = try w.addMember(
      Member(clusterId: temp.cluster.id, name: "같은날정밀", joined: Self.day("2026-04-01")))
    let csv = """
      회사명,구분,분과,직위,상태,가입일,탈퇴일
      대성정밀,기업,IT장비,회원,활동,2026-04-01,
      한결연구원,연구기관,,회원,,,
      이른회장,기업,차세대부품,회장,활동,2019-05-02,
      떠난기업,기업,IT장비,회원,탈퇴,2024-01-10,2026-03-31
      같은해기업,기업,,부회장,탈퇴,2026-02-01,2026-09-30
      날짜없이탈퇴,기업,IT장비,회원,탈퇴,,
      쉬는기업,기업,차세대부품,운영위원,휴면,2025-12-31,
      한결대학교,대학,,회원,활동,2026-11-26,
      """
    _ = try w.importMembers(try MemberCSV.read(Data(csv.utf8)), clusterName: temp.cluster.name)
    try expectKept(w, "a member import")
    _ = try w.importMembers(
      try MemberCSV.read(Data("회사명,가입일\n두번째가져오기,2026-06-30\n".utf8)),
      clusterName: "신규클러스터")
    try expectKept(w, "a second import into a new mini-cluster")
    #expect(throws: ValidationError.self) {
      try w.importMembers(
        try MemberCSV.read(Data("회사명\n새로운기업\n대성정밀\n".utf8)),
        clusterName: temp.cluster.name)
    }
    try temp.member("나중에온전자", division: "IT장비")
    try expectKept(w, "a refused import, then a member added by hand")
    let triggers = try w.read { db in
      try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'member'")
    }
    #expect(Set(Schema.memberInsertTriggers).isSubset(of: triggers))
  }

  /// Meetings and their attendance added, moved across days, months, years and kinds, marked
  /// and deleted at random, through the workspace and by plain SQL: after each write the
  /// meetings per month equal their sum from scratch, and the year's meetings up to a day (at
  /// the ends of months and inside them) equal the count over every meeting.
  @Test func randomMeetingWritesKeepTheMonths() throws {
    let temp = try TemporaryWorkspace()
    let w = temp.workspace
    var random = SeededGenerator(seed: 13)
    let members = try (0..<6).map { try temp.member("무작위회원\($0)") }
    let days = [
      "2025-12-31", "2026-01-01", "2026-01-31", "2026-02-01", "2026-06-29", "2026-06-30",
      "2026-07-01", "2026-11-25", "2026-11-26", "2026-11-27", "2026-12-31", "2027-01-01",
    ].map(Self.day)
    var meetings: [Int64] = []
    for step in 0..<120 {
      let meeting = meetings.isEmpty ? nil : meetings[random.below(meetings.count)]
      switch (random.below(6), meeting) {
      case (0, _), (_, nil):
        let added = try w.addMeeting(
          Meeting(
            clusterId: temp.cluster.id, kind: MeetingKind.allCases[random.below(3)],
            date: days[random.below(days.count)], title: "회의 \(step)"))
        meetings.append(added.id)
      case (1, let id?):
        var statuses: [Int64: AttendanceStatus?] = [:]
        for member in members where random.below(2) == 0 {
          statuses[member.id] =
            random.below(4) == 0 ? nil : AttendanceStatus.allCases[random.below(3)]
        }
        try w.setAttendance(meetingId: id, statuses)
      case (2, let id?):
        try sql(
          w, "UPDATE meeting SET date = ? WHERE id = ?", [days[random.below(days.count)], id])
      case (3, let id?):
        var corrected = try #require(try w.meeting(id: id))
        corrected.kind = MeetingKind.allCases[random.below(MeetingKind.allCases.count)]
        corrected.date = days[random.below(days.count)]
        try w.updateMeeting(corrected)
      case (4, let id?):
        try sql(
          w, "UPDATE attendance SET status = ? WHERE meetingId = ? AND memberId = ?",
          [AttendanceStatus.allCases[random.below(3)].rawValue, id, members[random.below(6)].id])
      case (_, let id?):
        try w.deleteMeeting(id: id)
        meetings.removeAll { $0 == id }
      }
      let (kept, fresh) = try w.keptAndFreshFigures()
      #expect(kept == fresh, "after step \(step)")
      for today in days where today.year == 2026 {
        #expect(
          try w.keptYearFigures(year: 2026, today: today)
            == w.scratchYearFigures(year: 2026, today: today), "after step \(step), on \(today)")
      }
    }
  }

  /// Undo and redo put rows back through the same tables, so the triggers keep the figures as
  /// they go; the figures themselves are no part of a recorded change (else they would be put
  /// back twice).
  @Test func undoAndRedoKeepTheFigures() throws {
    let f = try SupportFixture()
    let w = f.w
    let today = Self.today
    let member = try f.temp.member("다라정밀", division: "IT장비")
    let meeting = try w.addMeeting(
      Meeting(
        clusterId: f.temp.cluster.id, kind: .steeringCommittee, date: Self.day("2026-10-10"),
        title: "운영위원회"))
    try w.setAttendance(meetingId: meeting.id, [member.id: .present, f.yushin.id: .excused])
    let visit = try w.addVisit(
      Visit(
        memberId: member.id, date: Self.day("2026-11-20"), visitor: "박매니저",
        purpose: .difficultySurvey,
        followUps: [FollowUp(action: "자금 안내", due: Self.day("2026-11-25"))]))
    let pending = try f.pending(nil, 20_000_000)
    let agreed = try f.agreed(f.hanbit, 10_000_000)
    try f.pay(agreed, 4_000_000)
    try expectKept(w, "setting up")
    let changes: [(String, () throws -> Void)] = [
      (
        "an approval",
        {
          try w.decide(
            requestId: pending.id, .approve(amount: 18_000_000, overrideReason: nil),
            on: Self.day("2026-10-15"))
        }
      ),
      ("an instalment", { try f.pay(agreed, 6_000_000, on: "2026-11-20") }),
      ("a deleted visit", { try w.deleteVisit(id: visit.id) }),
      ("a deleted meeting", { try w.deleteMeeting(id: meeting.id) }),
      ("a deleted member", { try w.deleteMember(id: member.id) }),
    ]
    for (name, body) in changes {
      let (_, recorded) = try w.recording(.dashboard, ChangeLabel(name, name)) { try body() }
      let change = try #require(recorded, "\(name) was recorded")
      try expectKept(w, name)
      let after = try w.keptYearFigures(year: 2026, today: today)
      try w.undoChange(id: change.id)
      try expectKept(w, "undoing \(name)")
      try w.redoChange(id: change.id)
      try expectKept(w, "redoing \(name)")
      #expect(try w.keptYearFigures(year: 2026, today: today) == after, "\(name) redone")
    }
  }

  /// The shipped sample office, imported whole, has every step of a support in it.
  @Test func theSampleOfficeImportedKeepsItsFigures() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../sample-data/seoul-digital-office.json").standardized
    guard let data = try? Data(contentsOf: url) else { return }
    let w = try Workspace(inMemoryFor: Office(name: ""), actor: "김매니저")
    try w.importDocument(WorkspaceDocument.decode(data))
    try expectKept(w, "importing the sample office")
    #expect(try !w.keptYearFigures(year: 2026, today: Self.today).isEmpty)
  }

  /// A JSON workspace's file holds the records only: the kept figures are derived again from
  /// them whenever it is loaded.
  @Test func aJSONWorkspaceFileHoldsNoKeptFigures() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "clusterdesk-kept-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("office.json").path
    let w = try Workspace.create(at: path, office: Office(name: "테스트 사무국"))
    let cluster = try w.addCluster(Cluster(name: "지능형메카트로닉스"))
    let member = try w.addMember(Member(clusterId: cluster.id, name: "(주)유신테크"))
    let program = try w.addProgram(
      Program(year: 2026, name: "시제품제작", category: .technology, budgetKRW: 100_000_000))
    let request = try w.addRequest(
      SupportRequest(
        memberId: member.id, programId: program.id, title: "시제품", requestedKRW: 5_000_000,
        submitted: Self.day("2026-10-01"), status: .pending), today: Self.today)
    try w.decide(
      requestId: request.id, .approve(amount: 5_000_000, overrideReason: nil), on: Self.today)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    for table in Schema.keptTables + ["committedKRW", "pendingCount"] {
      #expect(!text.contains(table))
    }
    let reopened = try Workspace(path: path)
    #expect(try reopened.programFigures(id: program.id).approvedKRW == 5_000_000)
    try expectKept(reopened, "reopening the JSON workspace")
  }
}

extension Workspace {
  static func figureRowsOf(_ w: Workspace) throws -> [String] {
    try w.read { db in try figureRows(db) }
  }
}

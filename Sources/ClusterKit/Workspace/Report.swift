import GRDB

/// The yearly figures an office reports (실적보고).
public struct AnnualReport: Sendable {
  public struct MeetingLine: Sendable {
    public var kind: MeetingKind
    public var held: Int
    public var participation: Participation
  }
  public struct CategoryLine: Sendable {
    public var category: ProgramCategory
    public var approvedCount: Int
    public var approvedKRW: KRW
    public var budgetKRW: KRW
  }

  public var year: Int
  public var office: Office
  /// Members at the end of the year (or today, for the current year), by kind.
  public var membersByKind: [MemberKind: Int]
  public var membersByCluster: [(cluster: String, count: Int)]
  public var profilesSubmitted: Int
  public var companies: Int
  public var meetings: [MeetingLine]
  public var programs: [ProgramBudget]
  public var categories: [CategoryLine]
  public var requestsByStatus: [RequestStatus: Int]
  public var visits: Int
  public var companiesVisited: Int
  public var difficultiesByCategory: [DifficultyCategory: Int]
  public var followUpsDone: Int
  public var followUpsOpen: Int
  public var followUpsOverdue: Int
  public var mentorings: Int
  public var experts: Int
  public var sigs: Int
  public var sigMembers: Int
  /// Programs already set up for the following year, with their budgets.
  public var nextYearPrograms: [Program]

  public var totalMembers: Int { membersByKind.values.reduce(0, +) }
  public var approvedCount: Int { programs.map(\.approvedCount).reduce(0, +) }
  /// The year's approved amounts and budgets, added up when the report is made (where a sum
  /// too large for a number is an error rather than a crash).
  public var approvedKRW: KRW
  public var budgetKRW: KRW
}

extension Workspace {
  /// Figures for one year; meetings count as held when their date has passed by `today`.
  public func annualReport(year: Int, today: Day) throws -> AnnualReport {
    if let error = Limits.check(year, Limits.calendarYear, "year") {
      throw ValidationError([error])
    }
    let first = Day(year: year, month: 1, day: 1)!
    let last = min(Day(year: year, month: 12, day: 31)!, max(today, first))
    let budgets = try budgets(year: year)
    return try read { db in
      let office = try Workspace.office(db)
      // A member counts from joining until leaving; one marked as left with no date has left.
      let memberCondition = """
        (m.joined IS NULL OR m.joined <= :last) AND (m."left" IS NULL OR m."left" > :last)
        AND NOT (m.status = 'left' AND m."left" IS NULL)
        """
      let arguments: StatementArguments = ["first": first, "last": last]
      var byKind: [MemberKind: Int] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT kind, COUNT(*) AS n FROM member m WHERE \(memberCondition) GROUP BY kind",
        arguments: arguments)
      {
        byKind[row["kind"]] = row["n"]
      }
      let byCluster = try Row.fetchAll(
        db,
        sql: """
          SELECT c.name, COUNT(m.id) AS n FROM cluster c
          LEFT JOIN member m ON m.clusterId = c.id AND (\(memberCondition))
          GROUP BY c.id ORDER BY c.name
          """, arguments: arguments
      ).map { (cluster: $0["name"] as String, count: $0["n"] as Int) }
      let profile = try Row.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) AS companies, IFNULL(SUM(profileSubmitted), 0) AS submitted
          FROM member m WHERE m.kind = 'company' AND (\(memberCondition))
          """, arguments: arguments)!
      var meetings: [AnnualReport.MeetingLine] = []
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT mt.kind, COUNT(DISTINCT mt.id) AS held, COUNT(a.memberId) AS invited,
                 IFNULL(SUM(a.status = 'present'), 0) AS present,
                 IFNULL(SUM(a.status = 'excused'), 0) AS excused
          FROM meeting mt LEFT JOIN attendance a ON a.meetingId = mt.id
          WHERE mt.date BETWEEN :first AND :last GROUP BY mt.kind
          """, arguments: arguments)
      {
        meetings.append(
          .init(
            kind: row["kind"], held: row["held"],
            participation: Participation(
              invited: row["invited"], present: row["present"], excused: row["excused"])))
      }
      meetings.sort {
        MeetingKind.allCases.firstIndex(of: $0.kind)! < MeetingKind.allCases.firstIndex(
          of: $1.kind)!
      }
      var categories: [ProgramCategory: AnnualReport.CategoryLine] = [:]
      for budget in budgets {
        var line =
          categories[budget.program.category]
          ?? .init(
            category: budget.program.category, approvedCount: 0, approvedKRW: 0, budgetKRW: 0)
        line.approvedCount += budget.approvedCount
        line.approvedKRW = try Limits.sum([line.approvedKRW, budget.approvedKRW])
        line.budgetKRW = try Limits.sum([line.budgetKRW, budget.program.budgetKRW])
        categories[budget.program.category] = line
      }
      var byStatus: [RequestStatus: Int] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT r.status, COUNT(*) AS n FROM supportRequest r JOIN program p ON p.id = r.programId
          WHERE p.year = ? GROUP BY r.status
          """, arguments: [year])
      {
        byStatus[row["status"]] = row["n"]
      }
      let visitRow = try Row.fetchOne(
        db,
        sql:
          "SELECT COUNT(*) AS n, COUNT(DISTINCT memberId) AS companies FROM visit WHERE date BETWEEN :first AND :last",
        arguments: arguments)!
      var difficulties: [DifficultyCategory: Int] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT d.category, COUNT(*) AS n FROM difficulty d JOIN visit v ON v.id = d.visitId
          WHERE v.date BETWEEN :first AND :last GROUP BY d.category
          """, arguments: arguments)
      {
        difficulties[row["category"]] = row["n"]
      }
      let followRow = try Row.fetchOne(
        db,
        sql: """
          SELECT IFNULL(SUM(f.done IS NOT NULL), 0) AS done, IFNULL(SUM(f.done IS NULL), 0) AS open,
                 IFNULL(SUM(f.done IS NULL AND f.due < ?), 0) AS overdue
          FROM followUp f JOIN visit v ON v.id = f.visitId WHERE v.date BETWEEN ? AND ?
          """, arguments: [today, first, last])!
      let counts = try Row.fetchOne(
        db,
        sql: """
          SELECT (SELECT COUNT(*) FROM mentoring) AS mentorings, (SELECT COUNT(*) FROM expert) AS experts,
                 (SELECT COUNT(*) FROM sig) AS sigs, (SELECT COUNT(DISTINCT memberId) FROM sigMember) AS sigMembers
          """)!
      let nextYear = try Program.filter(Column("year") == year + 1).order(Column("name")).fetchAll(
        db)
      return AnnualReport(
        year: year, office: office, membersByKind: byKind, membersByCluster: byCluster,
        profilesSubmitted: profile["submitted"], companies: profile["companies"],
        meetings: meetings,
        programs: budgets,
        categories: ProgramCategory.allCases.compactMap { categories[$0] },
        requestsByStatus: byStatus, visits: visitRow["n"], companiesVisited: visitRow["companies"],
        difficultiesByCategory: difficulties, followUpsDone: followRow["done"],
        followUpsOpen: followRow["open"], followUpsOverdue: followRow["overdue"],
        mentorings: counts["mentorings"], experts: counts["experts"], sigs: counts["sigs"],
        sigMembers: counts["sigMembers"], nextYearPrograms: nextYear,
        approvedKRW: try Limits.sum(budgets.map(\.approvedKRW)),
        budgetKRW: try Limits.sum(budgets.map(\.program.budgetKRW)))
    }
  }
}

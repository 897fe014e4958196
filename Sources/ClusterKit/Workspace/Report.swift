import GRDB

/// The yearly figures an office reports (실적보고).
public struct AnnualReport: Sendable {
  public struct MeetingLine: Sendable {
    public var kind: MeetingKind
    public var held: Int
    public var participation: Participation
  }
  /// The supports of one program category: its programs' budgets and totals together.
  public struct CategoryLine: Sendable {
    public var category: ProgramCategory
    public var budgetKRW: KRW
    public var totals: SupportTotals
  }
  /// The supports the members of one mini-cluster received under the year's programs.
  public struct ClusterLine: Sendable {
    public var cluster: String
    public var totals: SupportTotals
  }

  public var year: Int
  public var office: Office
  /// Members at the end of the year (or today, for the current year), by kind.
  public var membersByKind: [MemberKind: Int]
  public var membersByCluster: [(cluster: String, count: Int)]
  public var meetings: [MeetingLine]
  public var programs: [ProgramFigures]
  public var categories: [CategoryLine]
  public var clusters: [ClusterLine]
  public var requestsByStatus: [RequestStatus: Int]
  public var visits: Int
  public var companiesVisited: Int
  public var difficultiesByCategory: [DifficultyCategory: Int]
  /// Difficulties found on the year's visits that a request names as the one it answers, and
  /// of those, the ones answered by an approved support.
  public var difficultiesAnswered: Int
  public var difficultiesSupported: Int
  public var followUpsDone: Int
  public var followUpsOpen: Int
  public var followUpsOverdue: Int
  /// 1사1멘토링, 1사1SIG and the directory book.
  public var programmes: ProgrammeFigures
  /// Programs already set up for the following year, with their budgets.
  public var nextYearPrograms: [Program]

  public var totalMembers: Int { membersByKind.values.reduce(0, +) }
  /// Every program of the year together.
  public var totals: SupportTotals { programs.map(\.totals).reduce(SupportTotals(), +) }
  public var approvedCount: Int { totals.approvedCount }
  public var approvedKRW: KRW { totals.approvedKRW }
  public var budgetKRW: KRW { programs.map(\.program.budgetKRW).reduce(0, +) }
  public var difficultiesFound: Int { difficultiesByCategory.values.reduce(0, +) }
}

/// The year's figures the overview shows, each a lookup in what the workspace keeps
/// (migration 8): the report takes the same ones, so the two never differ.
public struct YearFigures: Sendable {
  /// Members at the end of the year (or today, for the current year), by kind.
  public var membersByKind: [MemberKind: Int]
  public var meetings: [AnnualReport.MeetingLine]
  public var requestsByStatus: [RequestStatus: Int]
  public var programs: [ProgramFigures]

  public var totalMembers: Int { membersByKind.values.reduce(0, +) }
}

extension Workspace {
  /// The year's figures kept by the workspace; meetings count as held when their date has
  /// passed by `today`. The year is one a program can have (2000–2100).
  public func yearFigures(year: Int, today: Day) throws -> YearFigures {
    let (first, last) = try Workspace.reportDays(year: year, today: today)
    return try read { db in try Workspace.yearFigures(year: year, first: first, last: last, db) }
  }

  /// The first day of the year, and the day its figures are counted to.
  static func reportDays(year: Int, today: Day) throws -> (first: Day, last: Day) {
    if let error = Limits.check(year, Limits.programYear, "year") {
      throw ValidationError([error])
    }
    let first = Day(year: year, month: 1, day: 1)!
    return (first, min(Day(year: year, month: 12, day: 31)!, max(today, first)))
  }

  static func yearFigures(year: Int, first: Day, last: Day, _ db: Database) throws -> YearFigures {
    var byKind: [MemberKind: Int] = [:]
    for row in try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT kind, SUM(delta) AS n FROM (
            SELECT kind, delta FROM memberYearChange WHERE year < :year
            UNION ALL
            SELECT kind, delta FROM memberChange WHERE day BETWEEN :first AND :last
          ) GROUP BY kind HAVING SUM(delta) <> 0
          """), arguments: ["year": year, "first": first, "last": last])
    {
      byKind[row[0]] = row[1]
    }
    // The whole months before the last day's month (`meetingMonth`), then that month's days.
    let lastMonth = Day(year: last.year, month: last.month, day: 1)!
    var meetings: [AnnualReport.MeetingLine] = []
    for row in try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT kind, SUM(held), SUM(invited), SUM(present), SUM(excused) FROM (
            SELECT kind, held, invited, present, excused FROM meetingMonth
            WHERE month >= \(Schema.month("?")) AND month < \(Schema.month("?"))
            UNION ALL
            SELECT kind, 1, invited, present, excused FROM meetingFigures
            WHERE date BETWEEN ? AND ?
          ) GROUP BY kind
          """), arguments: [first, lastMonth, max(first, lastMonth), last])
    {
      meetings.append(
        .init(
          kind: row[0], held: row[1],
          participation: Participation(invited: row[2], present: row[3], excused: row[4])))
    }
    meetings.sort {
      MeetingKind.allCases.firstIndex(of: $0.kind)! < MeetingKind.allCases.firstIndex(of: $1.kind)!
    }
    var byStatus: [RequestStatus: Int] = [:]
    for row in try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT s.status, SUM(s.n) AS n FROM programStatusCount s JOIN program p ON p.id = s.programId
          WHERE p.year = ? GROUP BY s.status
          """), arguments: [year])
    {
      byStatus[row[0]] = row[1]
    }
    return YearFigures(
      membersByKind: byKind, meetings: meetings, requestsByStatus: byStatus,
      programs: try programFigures(year: year, db))
  }

  /// Figures for one year; meetings count as held when their date has passed by `today`.
  /// The year is one a program can have (2000–2100).
  public func annualReport(year: Int, today: Day) throws -> AnnualReport {
    let (first, last) = try Workspace.reportDays(year: year, today: today)
    return try read { db in
      let kept = try Workspace.yearFigures(year: year, first: first, last: last, db)
      let programs = kept.programs
      let office = try Workspace.office(db)
      // A member counts from joining until leaving; one marked as left with no date has left.
      let memberCondition = """
        (m.joined IS NULL OR m.joined <= :last) AND (m."left" IS NULL OR m."left" > :last)
        AND NOT (m.status = 'left' AND m."left" IS NULL)
        """
      let arguments: StatementArguments = ["first": first, "last": last]
      let byCluster = try Row.fetchAll(
        db,
        sql: """
          SELECT c.name, COUNT(m.id) AS n FROM cluster c
          LEFT JOIN member m ON m.clusterId = c.id AND (\(memberCondition))
          GROUP BY c.id ORDER BY c.name
          """, arguments: arguments
      ).map { (cluster: $0["name"] as String, count: $0["n"] as Int) }
      var categories: [ProgramCategory: AnnualReport.CategoryLine] = [:]
      for figures in programs {
        let category = figures.program.category
        var line =
          categories[category] ?? .init(category: category, budgetKRW: 0, totals: SupportTotals())
        line.budgetKRW += figures.budgetKRW
        line.totals = line.totals + figures.totals
        categories[category] = line
      }
      let byClusterId: [Int64: SupportTotals] = try Workspace.totals(
        groupedBy: "m.clusterId", from: "supportRequest r JOIN member m ON m.id = r.memberId",
        where: "r.programId IN (SELECT id FROM program WHERE year = ?)", arguments: [year], db)
      let clusters = try Cluster.order(Column("name")).fetchAll(db).compactMap { cluster in
        byClusterId[cluster.id].map { AnnualReport.ClusterLine(cluster: cluster.name, totals: $0) }
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
      let answered = try Row.fetchOne(
        db,
        sql: """
          SELECT COUNT(DISTINCT r.difficultyVisitId || ':' || r.difficultyNumber) AS answered,
                 COUNT(DISTINCT CASE WHEN r.status IN ('approved', 'agreed', 'completed')
                       THEN r.difficultyVisitId || ':' || r.difficultyNumber END) AS supported
          FROM supportRequest r JOIN visit v ON v.id = r.difficultyVisitId
          WHERE v.date BETWEEN :first AND :last AND r.status NOT IN ('draft', 'withdrawn')
          """, arguments: arguments)!
      let followRow = try Row.fetchOne(
        db,
        sql: """
          SELECT IFNULL(SUM(f.done IS NOT NULL), 0) AS done, IFNULL(SUM(f.done IS NULL), 0) AS open,
                 IFNULL(SUM(f.done IS NULL AND f.due < ?), 0) AS overdue
          FROM followUp f JOIN visit v ON v.id = f.visitId WHERE v.date BETWEEN ? AND ?
          """, arguments: [today, first, last])!
      let nextYear = try Program.filter(Column("year") == year + 1).order(Column("name")).fetchAll(
        db)
      return AnnualReport(
        year: year, office: office, membersByKind: kept.membersByKind, membersByCluster: byCluster,
        meetings: kept.meetings,
        programs: programs,
        categories: ProgramCategory.allCases.compactMap { categories[$0] }, clusters: clusters,
        requestsByStatus: kept.requestsByStatus, visits: visitRow["n"],
        companiesVisited: visitRow["companies"],
        difficultiesByCategory: difficulties, difficultiesAnswered: answered["answered"],
        difficultiesSupported: answered["supported"], followUpsDone: followRow["done"],
        followUpsOpen: followRow["open"], followUpsOverdue: followRow["overdue"],
        programmes: try Workspace.programmeFigures(year: year, first: first, last: last, db),
        nextYearPrograms: nextYear)
    }
  }
}

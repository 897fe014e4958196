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

extension Workspace {
  /// Figures for one year; meetings count as held when their date has passed by `today`.
  /// The year is one a program can have (2000–2100).
  public func annualReport(year: Int, today: Day) throws -> AnnualReport {
    if let error = Limits.check(year, Limits.programYear, "year") {
      throw ValidationError([error])
    }
    let first = Day(year: year, month: 1, day: 1)!
    let last = min(Day(year: year, month: 12, day: 31)!, max(today, first))
    return try read { db in
      let programs = try Workspace.programFigures(year: year, db)
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
        year: year, office: office, membersByKind: byKind, membersByCluster: byCluster,
        meetings: meetings,
        programs: programs,
        categories: ProgramCategory.allCases.compactMap { categories[$0] }, clusters: clusters,
        requestsByStatus: byStatus, visits: visitRow["n"], companiesVisited: visitRow["companies"],
        difficultiesByCategory: difficulties, difficultiesAnswered: answered["answered"],
        difficultiesSupported: answered["supported"], followUpsDone: followRow["done"],
        followUpsOpen: followRow["open"], followUpsOverdue: followRow["overdue"],
        programmes: try Workspace.programmeFigures(year: year, first: first, last: last, db),
        nextYearPrograms: nextYear)
    }
  }
}

import GRDB

/// The year's figures of the office's own programmes: 1사1멘토링, 1사1SIG and the directory book.
public struct ProgrammeFigures: Sendable {
  public var experts: Int
  public var expertsByKind: [ExpertKind: Int]
  /// Experts mentoring at least one company now.
  public var expertsMentoring: Int
  /// Assignments that ran during the year (started by its end, not ended before its start).
  public var assignments: Int
  public var assignmentsStarted: Int
  public var assignmentsEnded: Int
  /// Active member companies, and those of them with a mentor now.
  public var activeCompanies: Int
  public var mentoredCompanies: Int
  public var sessions: Int
  public var companiesWithSessions: Int
  public var sigs: Int
  /// Active member companies in at least one SIG.
  public var sigCompanies: Int
  public var tasksByStatus: [SIGTaskStatus: Int]
  public var tasksDone: Int
  /// The year's directory-book edition.
  public var directoryBook: DirectoryBookSummary
}

extension Workspace {
  static func programmeFigures(year: Int, first: Day, last: Day, _ db: Database) throws
    -> ProgrammeFigures
  {
    let arguments: StatementArguments = ["first": first, "last": last]
    var byKind: [ExpertKind: Int] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) AS n FROM expert GROUP BY kind") {
      byKind[row["kind"]] = row["n"]
    }
    let mentoring = try Row.fetchOne(
      db,
      sql: """
        SELECT
          (SELECT COUNT(*) FROM expert WHERE load > 0) AS expertsMentoring,
          (SELECT COUNT(*) FROM mentoring WHERE (started IS NULL OR started <= :last)
             AND (ended IS NULL OR ended >= :first)) AS assignments,
          (SELECT COUNT(*) FROM mentoring WHERE started BETWEEN :first AND :last) AS started,
          (SELECT COUNT(*) FROM mentoring WHERE ended BETWEEN :first AND :last) AS ended,
          (SELECT COUNT(*) FROM mentoringSession WHERE date BETWEEN :first AND :last) AS sessions,
          (SELECT COUNT(DISTINCT x.memberId) FROM mentoring x WHERE EXISTS (
             SELECT 1 FROM mentoringSession s
             WHERE s.mentoringId = x.id AND s.date BETWEEN :first AND :last)) AS companiesWithSessions
        """, arguments: arguments)!
    let companies = try memberCount(MemberQuery(kind: .company, status: .active), db)
    let unmentored = try memberCount(.companiesWithoutMentor(), db)
    let uncovered = try memberCount(.companiesWithoutSIG(), db)
    var tasks: [SIGTaskStatus: Int] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT status, COUNT(*) AS n FROM sigTask GROUP BY status")
    {
      tasks[row["status"]] = row["n"]
    }
    return ProgrammeFigures(
      experts: byKind.values.reduce(0, +), expertsByKind: byKind,
      expertsMentoring: mentoring["expertsMentoring"], assignments: mentoring["assignments"],
      assignmentsStarted: mentoring["started"], assignmentsEnded: mentoring["ended"],
      activeCompanies: companies, mentoredCompanies: companies - unmentored,
      sessions: mentoring["sessions"], companiesWithSessions: mentoring["companiesWithSessions"],
      sigs: try SIG.fetchCount(db), sigCompanies: companies - uncovered, tasksByStatus: tasks,
      tasksDone: try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM sigTask WHERE done BETWEEN :first AND :last",
        arguments: arguments)!,
      directoryBook: try directoryBookSummary(edition: year, db))
  }
}

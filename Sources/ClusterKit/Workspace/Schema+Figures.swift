import GRDB

extension Schema {
  /// The tables the workspace keeps its figures in (derived from the rows: never exported,
  /// never recorded for undo, rebuilt by `keepFigures`).
  static let figureTables = [
    "programTotals", "programStatusCount", "meetingFigures", "memberChange", "memberYearChange",
    "divisionMembers", "visitDay", "openFollowUpDay",
  ]

  /// Every table of figures kept by triggers: migration 8's, the due counts (migration 11) and
  /// the meetings per month (migration 13).
  static let keptTables = figureTables + ["dueDay", "meetingMonth"]

  /// Migration 8: the figures the overview and the programs pane show, kept by triggers, so that
  /// after any write — this program's or another's — they are a lookup instead of a computation
  /// over the year's rows.
  ///
  /// - `programTotals`: per program, the columns of `SupportTotals` (the definitions are
  ///   `Workspace.requestFigures`, the same ones `totalsColumns` sums from scratch);
  /// - `programStatusCount`: per program, its requests by status;
  /// - `meetingFigures`: per meeting, its date and kind and its attendance (invited, present,
  ///   excused), so a year's meetings are the rows of a date range;
  /// - `memberChange`: per day and kind of member, how many more members count from that day on
  ///   (+1 the day one joins, or `''` when unknown, −1 the day one leaves), so the members at a
  ///   day are the sum of the changes up to it (`memberYearChange` sums them per year, 0 for
  ///   `''`, so a day's count reads the years before it whole and its own year's days);
  /// - `divisionMembers`: per division, its members who have not left;
  /// - `visitDay`: visits per day, so the weeks' visits are a few rows;
  /// - `openFollowUpDay`: open follow-ups per due day (`''` when none), so the open and the
  ///   overdue ones are counted without reading each.
  ///
  /// Every trigger adds a row's part after the change and takes off its part before it, so an
  /// insert, update or delete in any order (an undo may put a request back after its instalments)
  /// leaves the figures equal to the computation from scratch (`keepFigures` fills them with it).
  ///
  /// And the count of who is due for a visit gets an index of its own with each active company's
  /// role, so counting them reads the index alone.
  static func addKeptFigures(_ db: Database) throws {
    try keepFigures(db)
    try db.execute(
      sql: """
        CREATE INDEX member_dueRole ON member(lastVisit, role, status, kind)
          WHERE status = 'active' AND kind = 'company'
        """)
  }

  /// (Re)creates the kept figures' tables and triggers and fills them from the rows. A later
  /// change to a definition in `Workspace.requestFigures` needs a migration that calls this again.
  static func keepFigures(_ db: Database) throws {
    for table in figureTables { try db.execute(sql: "DROP TABLE IF EXISTS \(table)") }
    let totalsColumns = Workspace.requestFigures.map { "\($0.name) INTEGER NOT NULL DEFAULT 0" }
      .joined(separator: ",\n  ")
    try db.execute(
      sql: """
        CREATE TABLE programTotals (
          programId INTEGER PRIMARY KEY,
          \(totalsColumns),
          disbursedKRW INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE programStatusCount (
          programId INTEGER NOT NULL,
          status TEXT NOT NULL,
          n INTEGER NOT NULL,
          PRIMARY KEY (programId, status)
        ) WITHOUT ROWID;
        CREATE TABLE meetingFigures (
          meetingId INTEGER PRIMARY KEY,
          date TEXT NOT NULL,
          kind TEXT NOT NULL,
          invited INTEGER NOT NULL,
          present INTEGER NOT NULL,
          excused INTEGER NOT NULL
        );
        CREATE INDEX meetingFigures_date ON meetingFigures(date, kind, invited, present, excused);
        CREATE TABLE memberChange (
          day TEXT NOT NULL,
          kind TEXT NOT NULL,
          delta INTEGER NOT NULL,
          PRIMARY KEY (day, kind)
        ) WITHOUT ROWID;
        CREATE TABLE memberYearChange (
          year INTEGER NOT NULL,
          kind TEXT NOT NULL,
          delta INTEGER NOT NULL,
          PRIMARY KEY (year, kind)
        ) WITHOUT ROWID;
        CREATE TABLE divisionMembers (
          divisionId INTEGER PRIMARY KEY,
          members INTEGER NOT NULL
        );
        CREATE TABLE visitDay (
          date TEXT PRIMARY KEY,
          visits INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE openFollowUpDay (
          due TEXT PRIMARY KEY,
          open INTEGER NOT NULL
        ) WITHOUT ROWID;
        """)
    try db.execute(sql: programTriggers)
    try db.execute(sql: meetingTriggers)
    try db.execute(sql: memberTriggers)
    try db.execute(sql: visitTriggers)
    try fillFigures(db)
  }

  /// Empties the kept figures and computes them again from the rows.
  static func fillFigures(_ db: Database) throws {
    for table in figureTables { try db.execute(sql: "DELETE FROM \(table)") }
    try db.execute(
      sql: """
        INSERT INTO programTotals \(totalsNames) SELECT p.id, \(Workspace.totalsColumns)
          FROM program p LEFT JOIN supportRequest r ON r.programId = p.id GROUP BY p.id;
        INSERT INTO programStatusCount SELECT r.programId, r.status, COUNT(*)
          FROM supportRequest r JOIN program p ON p.id = r.programId
          GROUP BY r.programId, r.status;
        INSERT INTO meetingFigures SELECT mt.id, mt.date, mt.kind, \(attendanceColumns("a"))
          FROM meeting mt LEFT JOIN attendance a ON a.meetingId = mt.id GROUP BY mt.id;
        INSERT INTO memberChange SELECT day, kind, SUM(delta) FROM (
          SELECT IFNULL(joined, '') AS day, kind, 1 AS delta FROM member m WHERE \(
            memberCounts("m"))
          UNION ALL
          SELECT "left", kind, -1 FROM member m WHERE \(memberCounts("m")) AND "left" IS NOT NULL
        ) GROUP BY day, kind HAVING SUM(delta) <> 0;
        INSERT INTO memberYearChange SELECT \(year("day")), kind, SUM(delta) FROM memberChange
          GROUP BY \(year("day")), kind HAVING SUM(delta) <> 0;
        INSERT INTO divisionMembers SELECT divisionId, COUNT(*) FROM member m
          WHERE \(inDivision("m")) GROUP BY divisionId;
        INSERT INTO visitDay SELECT date, COUNT(*) FROM visit GROUP BY date;
        INSERT INTO openFollowUpDay SELECT IFNULL(due, ''), COUNT(*) FROM followUp
          WHERE done IS NULL GROUP BY IFNULL(due, '');
        """)
  }

  /// Runs `body`, a load of a whole workspace into an empty one, with every trigger taken out,
  /// then computes once what the triggers keep (`fillTriggeredState`) and puts them back as they
  /// were. Each trigger adds one row's part, so filling from scratch at the end gives the same
  /// state as the triggers row by row, at a fraction of the cost. With `indexes`, the indexes
  /// that only speed up reading are taken out too and built again after the load (one sort
  /// each, instead of a search per row and pages held for it); those that keep keys or values
  /// unique stay, so a repeated one is refused as it is inserted.
  static func withoutTriggers<T>(_ db: Database, indexes: Bool = false, _ body: () throws -> T)
    throws -> T
  {
    let objects = try Row.fetchAll(
      db,
      sql: """
        SELECT type, name, sql FROM main.sqlite_master
        WHERE type = 'trigger'
          OR (? AND type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%')
        ORDER BY rowid
        """, arguments: [indexes])
    for object in objects {
      let kind = (object["type"] as String) == "index" ? "INDEX" : "TRIGGER"
      try db.execute(
        sql: "DROP \(kind) main.\((object["name"] as String).quotedDatabaseIdentifier)")
    }
    let value = try body()
    // The indexes first: computing what the triggers keep reads through them.
    for object in objects where (object["type"] as String) == "index" {
      try db.execute(sql: object["sql"])
    }
    try fillTriggeredState(db)
    for object in objects where (object["type"] as String) == "trigger" {
      try db.execute(sql: object["sql"])
    }
    return value
  }

  /// Computes from the rows everything the schema's triggers keep: each member's last visit,
  /// active mentor and number of SIGs, each expert's load (migrations 3 and 6), the kept figures,
  /// the due counts and the meetings per month.
  static func fillTriggeredState(_ db: Database) throws {
    try db.execute(
      sql: """
        UPDATE member SET
          lastVisit = (SELECT MAX(v.date) FROM visit v WHERE v.memberId = member.id),
          mentorId = (SELECT m.expertId FROM mentoring m
            WHERE m.memberId = member.id AND m.ended IS NULL),
          sigCount = (SELECT COUNT(*) FROM sigMember s WHERE s.memberId = member.id);
        UPDATE expert SET load = (SELECT COUNT(*) FROM mentoring m
          WHERE m.expertId = expert.id AND m.ended IS NULL);
        """)
    try fillFigures(db)
    try fillDueDays(db)
    try fillMeetingMonths(db)
  }

  /// The columns of `programTotals`, in the order `totalsColumns` computes them.
  private static var totalsNames: String {
    "(programId, " + Workspace.requestFigures.map(\.name).joined(separator: ", ")
      + ", disbursedKRW)"
  }

  /// Invited, present and excused over attendance rows `a`.
  private static func attendanceColumns(_ a: String) -> String {
    """
    COUNT(\(a).memberId), IFNULL(SUM(\(a).status = 'present'), 0),
    IFNULL(SUM(\(a).status = 'excused'), 0)
    """
  }

  /// Whether member `m` counts at all: one marked as left with no date has left, and one who
  /// left before joining never counted.
  private static func memberCounts(_ m: String) -> String {
    """
    NOT (\(m).status = 'left' AND \(m)."left" IS NULL)
    AND NOT (\(m).joined IS NOT NULL AND \(m)."left" IS NOT NULL AND \(m)."left" <= \(m).joined)
    """
  }

  private static var programTriggers: String {
    let figures = Workspace.requestFigures
    /// The program's totals with request `r`'s part added (`+`) or taken off (`-`).
    func apply(_ sign: String, _ r: String) -> String {
      let sets = figures.map { "\($0.name) = \($0.name) \(sign) \($0.value(r))" }
      return """
        UPDATE programTotals SET \(sets.joined(separator: ", ")),
          disbursedKRW = disbursedKRW \(sign) (SELECT IFNULL(SUM(amountKRW), 0) FROM instalment
            WHERE requestId = \(r).id)
        WHERE programId = \(r).programId;
        """
    }
    func count(_ sign: String, _ r: String) -> String {
      """
      INSERT INTO programStatusCount (programId, status, n)
        SELECT \(r).programId, \(r).status, \(sign)1
        WHERE EXISTS (SELECT 1 FROM program WHERE id = \(r).programId)
        ON CONFLICT (programId, status) DO UPDATE SET n = n + excluded.n;
      DELETE FROM programStatusCount
        WHERE programId = \(r).programId AND status = \(r).status AND n = 0;
      """
    }
    func paid(_ sign: String, _ i: String) -> String {
      """
      UPDATE programTotals SET disbursedKRW = disbursedKRW \(sign) \(i).amountKRW
        WHERE programId = (SELECT programId FROM supportRequest WHERE id = \(i).requestId);
      """
    }
    func program(_ p: String) -> String {
      """
      INSERT OR REPLACE INTO programTotals \(totalsNames) SELECT \(p).id, \(Workspace.totalsColumns)
        FROM supportRequest r WHERE r.programId = \(p).id;
      DELETE FROM programStatusCount WHERE programId = \(p).id;
      INSERT INTO programStatusCount SELECT r.programId, r.status, COUNT(*)
        FROM supportRequest r WHERE r.programId = \(p).id GROUP BY r.status;
      """
    }
    let dropProgram = """
      DELETE FROM programTotals WHERE programId = OLD.id;
      DELETE FROM programStatusCount WHERE programId = OLD.id;
      """
    let read = (Workspace.requestFigureColumns + ["id", "programId"]).joined(separator: ", ")
    return partTriggers("supportRequest_figures", on: "supportRequest", updateOf: read, apply)
      + partTriggers(
        "supportRequest_status", on: "supportRequest", updateOf: "id, programId, status", count)
      + partTriggers("instalment_figures", on: "instalment", updateOf: "requestId, amountKRW", paid)
        + """
        CREATE TRIGGER program_figures_insert AFTER INSERT ON program BEGIN
          \(program("NEW"))
        END;
        CREATE TRIGGER program_figures_update AFTER UPDATE OF id ON program BEGIN
          \(dropProgram) \(program("NEW"))
        END;
        CREATE TRIGGER program_figures_delete AFTER DELETE ON program BEGIN
          \(dropProgram)
        END;
        """
  }

  private static var meetingTriggers: String {
    func meeting(_ m: String) -> String {
      """
      INSERT OR REPLACE INTO meetingFigures SELECT \(m).id, \(m).date, \(m).kind, \(attendanceColumns("a"))
        FROM attendance a WHERE a.meetingId = \(m).id;
      """
    }
    func attend(_ sign: String, _ a: String) -> String {
      """
      UPDATE meetingFigures SET invited = invited \(sign) 1,
        present = present \(sign) (\(a).status = 'present'),
        excused = excused \(sign) (\(a).status = 'excused')
      WHERE meetingId = \(a).meetingId;
      """
    }
    return """
      CREATE TRIGGER meeting_figures_insert AFTER INSERT ON meeting BEGIN
        \(meeting("NEW"))
      END;
      CREATE TRIGGER meeting_figures_update AFTER UPDATE OF id, date, kind ON meeting BEGIN
        DELETE FROM meetingFigures WHERE meetingId = OLD.id;
        \(meeting("NEW"))
      END;
      CREATE TRIGGER meeting_figures_delete AFTER DELETE ON meeting BEGIN
        DELETE FROM meetingFigures WHERE meetingId = OLD.id;
      END;
      """
        + partTriggers(
          "attendance_figures", on: "attendance", updateOf: "meetingId, status", attend)
  }

  /// The year of a day in `memberChange` (0 for `''`, a day not known).
  private static func year(_ day: String) -> String {
    "CAST(substr(\(day), 1, 4) AS INTEGER)"
  }

  /// Whether member `m` counts among its division's members.
  private static func inDivision(_ m: String) -> String {
    "\(m).divisionId IS NOT NULL AND \(m).status <> 'left'"
  }

  private static var memberTriggers: String {
    /// Member `m`'s part, with `sign` (+ for the row after a change, - before it).
    func change(_ sign: String, _ m: String) -> String {
      let minus = sign == "+" ? "-" : "+"
      return """
        INSERT INTO memberChange (day, kind, delta)
          SELECT IFNULL(\(m).joined, ''), \(m).kind, \(sign)1 WHERE \(memberCounts(m))
          ON CONFLICT (day, kind) DO UPDATE SET delta = delta + excluded.delta;
        INSERT INTO memberChange (day, kind, delta)
          SELECT \(m)."left", \(m).kind, \(minus)1 WHERE \(memberCounts(m)) AND \(m)."left" IS NOT NULL
          ON CONFLICT (day, kind) DO UPDATE SET delta = delta + excluded.delta;
        DELETE FROM memberChange WHERE day IN (IFNULL(\(m).joined, ''), \(m)."left")
          AND kind = \(m).kind AND delta = 0;
        INSERT INTO memberYearChange (year, kind, delta)
          SELECT \(year("IFNULL(\(m).joined, '')")), \(m).kind, \(sign)1 WHERE \(memberCounts(m))
          ON CONFLICT (year, kind) DO UPDATE SET delta = delta + excluded.delta;
        INSERT INTO memberYearChange (year, kind, delta)
          SELECT \(year("\(m).\"left\"")), \(m).kind, \(minus)1
          WHERE \(memberCounts(m)) AND \(m)."left" IS NOT NULL
          ON CONFLICT (year, kind) DO UPDATE SET delta = delta + excluded.delta;
        DELETE FROM memberYearChange WHERE kind = \(m).kind AND delta = 0;
        INSERT INTO divisionMembers (divisionId, members)
          SELECT \(m).divisionId, \(sign)1 WHERE \(inDivision(m))
          ON CONFLICT (divisionId) DO UPDATE SET members = members + excluded.members;
        DELETE FROM divisionMembers WHERE divisionId = \(m).divisionId AND members = 0;
        """
    }
    return partTriggers(
      "member_figures", on: "member", updateOf: "kind, joined, \"left\", status, divisionId",
      when: """
        OLD.kind IS NOT NEW.kind OR OLD.joined IS NOT NEW.joined OR OLD."left" IS NOT NEW."left"
        OR OLD.status IS NOT NEW.status OR OLD.divisionId IS NOT NEW.divisionId
        """, change)
  }

  /// The triggers that add an inserted member's part to the kept figures (migrations 8 and 11).
  static let memberInsertTriggers = ["member_figures_insert", "dueDay_insert"]

  /// Runs `body`, which inserts members with ids from `firstId` on and no other member, without
  /// the triggers that add each one's part to the kept figures, then adds the parts of all of
  /// them at once: the same figures, a statement per table instead of ten per member. Inside a
  /// transaction (dropping and creating the triggers again is part of it), so no other
  /// connection ever sees the workspace without them.
  static func insertingMembers<T>(from firstId: Int64, _ db: Database, _ body: () throws -> T)
    throws -> T
  {
    let names = memberInsertTriggers.map { "'\($0)'" }.joined(separator: ", ")
    let triggers = try String.fetchAll(
      db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN (\(names))")
    for name in memberInsertTriggers { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
    let result = try body()
    for sql in triggers { try db.execute(sql: sql) }
    try addMemberParts(db, where: "m.id >= \(firstId)")
    return result
  }

  /// Adds to the kept figures the parts of the members matching `condition` (over `member m`),
  /// as their insert triggers would one by one.
  private static func addMemberParts(_ db: Database, where condition: String) throws {
    let counted = "\(condition) AND \(memberCounts("m"))"
    try db.execute(
      sql: """
        INSERT INTO memberChange (day, kind, delta)
          SELECT day, kind, SUM(delta) FROM (
            SELECT IFNULL(m.joined, '') AS day, m.kind AS kind, 1 AS delta FROM member m
              WHERE \(counted)
            UNION ALL
            SELECT m."left", m.kind, -1 FROM member m WHERE \(counted) AND m."left" IS NOT NULL
          ) WHERE true GROUP BY day, kind
          ON CONFLICT (day, kind) DO UPDATE SET delta = delta + excluded.delta;
        DELETE FROM memberChange WHERE delta = 0;
        INSERT INTO memberYearChange (year, kind, delta)
          SELECT year, kind, SUM(delta) FROM (
            SELECT \(year("IFNULL(m.joined, '')")) AS year, m.kind AS kind, 1 AS delta
              FROM member m WHERE \(counted)
            UNION ALL
            SELECT \(year("m.\"left\"")), m.kind, -1 FROM member m
              WHERE \(counted) AND m."left" IS NOT NULL
          ) WHERE true GROUP BY year, kind
          ON CONFLICT (year, kind) DO UPDATE SET delta = delta + excluded.delta;
        DELETE FROM memberYearChange WHERE delta = 0;
        INSERT INTO divisionMembers (divisionId, members)
          SELECT m.divisionId, COUNT(*) FROM member m WHERE \(condition) AND \(inDivision("m"))
          GROUP BY m.divisionId
          ON CONFLICT (divisionId) DO UPDATE SET members = members + excluded.members;
        INSERT INTO dueDay (officer, lastVisit, companies)
          SELECT \(isOfficer("m")), IFNULL(m.lastVisit, ''), COUNT(*) FROM member m
          WHERE \(condition) AND \(isDueCandidate("m")) GROUP BY 1, 2
          ON CONFLICT (officer, lastVisit) DO UPDATE SET companies = companies + excluded.companies;
        """)
  }

  private static var visitTriggers: String {
    func visit(_ sign: String, _ v: String) -> String {
      """
      INSERT INTO visitDay (date, visits) VALUES (\(v).date, \(sign)1)
        ON CONFLICT (date) DO UPDATE SET visits = visits + excluded.visits;
      DELETE FROM visitDay WHERE date = \(v).date AND visits = 0;
      """
    }
    func followUp(_ sign: String, _ f: String) -> String {
      """
      INSERT INTO openFollowUpDay (due, open) SELECT IFNULL(\(f).due, ''), \(sign)1
        WHERE \(f).done IS NULL
        ON CONFLICT (due) DO UPDATE SET open = open + excluded.open;
      DELETE FROM openFollowUpDay WHERE due = IFNULL(\(f).due, '') AND open = 0;
      """
    }
    return partTriggers("visit_figures", on: "visit", updateOf: "date", visit)
      + partTriggers("followUp_figures", on: "followUp", updateOf: "due, done", followUp)
  }

  /// Triggers on `table` that add a row's part (`part("+", "NEW")`) when it is inserted, take
  /// it off (`part("-", "OLD")`) when it is deleted, and both when one of `columns` is updated
  /// (and `when` holds).
  private static func partTriggers(
    _ name: String, on table: String, updateOf columns: String, when: String = "true",
    _ part: (String, String) -> String
  ) -> String {
    """
    CREATE TRIGGER \(name)_insert AFTER INSERT ON \(table) BEGIN
      \(part("+", "NEW"))
    END;
    CREATE TRIGGER \(name)_update AFTER UPDATE OF \(columns) ON \(table) WHEN \(when) BEGIN
      \(part("-", "OLD")) \(part("+", "NEW"))
    END;
    CREATE TRIGGER \(name)_delete AFTER DELETE ON \(table) BEGIN
      \(part("-", "OLD"))
    END;

    """
  }

  /// Migration 11: who is due for a visit, counted without reading each company. `dueDay` holds
  /// the active companies per officer or not and per day of their last visit (`''` when never
  /// visited, which sorts before every day), so the companies due are the rows up to each
  /// rhythm's cutoff: a few hundred days, however many members there are.
  static func addDueCounts(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE dueDay (
          officer INTEGER NOT NULL,
          lastVisit TEXT NOT NULL,
          companies INTEGER NOT NULL,
          PRIMARY KEY (officer, lastVisit)
        ) WITHOUT ROWID;
        """)
    try db.execute(sql: dueTriggers)
    try fillDueDays(db)
  }

  /// Empties `dueDay` and counts it again from the members.
  static func fillDueDays(_ db: Database) throws {
    try db.execute(
      sql: """
        DELETE FROM dueDay;
        INSERT INTO dueDay SELECT \(isOfficer("m")), IFNULL(m.lastVisit, ''), COUNT(*) FROM member m
          WHERE \(isDueCandidate("m")) GROUP BY 1, 2;
        """)
  }

  /// Whether member `m` is one whose visits are due by a rhythm: an active company.
  static func isDueCandidate(_ m: String) -> String {
    "\(m).status = 'active' AND \(m).kind = 'company'"
  }

  /// 1 when member `m` is an officer (visited on the officers' rhythm), else 0.
  static func isOfficer(_ m: String) -> String {
    let officers = OfficerRole.allCases.filter(\.isOfficer).map { "'\($0.rawValue)'" }
      .joined(separator: ", ")
    return "(\(m).role IN (\(officers)))"
  }

  private static var dueTriggers: String {
    func company(_ sign: String, _ m: String) -> String {
      """
      INSERT INTO dueDay (officer, lastVisit, companies)
        SELECT \(isOfficer(m)), IFNULL(\(m).lastVisit, ''), \(sign)1 WHERE \(isDueCandidate(m))
        ON CONFLICT (officer, lastVisit) DO UPDATE SET companies = companies + excluded.companies;
      DELETE FROM dueDay WHERE officer = \(isOfficer(m)) AND lastVisit = IFNULL(\(m).lastVisit, '')
        AND companies = 0;
      """
    }
    return partTriggers(
      "dueDay", on: "member", updateOf: "lastVisit, role, status, kind",
      when: """
        OLD.lastVisit IS NOT NEW.lastVisit OR OLD.role IS NOT NEW.role
        OR OLD.status IS NOT NEW.status OR OLD.kind IS NOT NEW.kind
        """, company)
  }

  /// Migration 13: the meetings of each month by kind (`meetingMonth`: how many, and their
  /// attendance), kept from `meetingFigures` by triggers on it, so the year's meetings up to a
  /// day are the months before that day's month and the meetings of its own month: a few dozen
  /// rows instead of every meeting of the year. (`keepFigures` drops `meetingFigures` with these
  /// triggers: a migration that calls it again calls `keepMeetingMonths` after it.)
  static func addMeetingMonths(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE meetingMonth (
          month TEXT NOT NULL,
          kind TEXT NOT NULL,
          held INTEGER NOT NULL,
          invited INTEGER NOT NULL,
          present INTEGER NOT NULL,
          excused INTEGER NOT NULL,
          PRIMARY KEY (month, kind)
        ) WITHOUT ROWID;
        """)
    try keepMeetingMonths(db)
  }

  /// (Re)creates the triggers that keep `meetingMonth` and fills it from `meetingFigures`.
  static func keepMeetingMonths(_ db: Database) throws {
    func meeting(_ sign: String, _ f: String) -> String {
      """
      INSERT INTO meetingMonth (month, kind, held, invited, present, excused)
        VALUES (\(month("\(f).date")), \(f).kind, \(sign)1, \(sign)\(f).invited, \(sign)\(f).present,
          \(sign)\(f).excused)
        ON CONFLICT (month, kind) DO UPDATE SET held = held + excluded.held,
          invited = invited + excluded.invited, present = present + excluded.present,
          excused = excused + excluded.excused;
      DELETE FROM meetingMonth WHERE month = \(month("\(f).date")) AND kind = \(f).kind AND held = 0;
      """
    }
    for event in ["insert", "update", "delete"] {
      try db.execute(sql: "DROP TRIGGER IF EXISTS meetingMonth_\(event)")
    }
    try db.execute(
      sql: partTriggers(
        "meetingMonth", on: "meetingFigures", updateOf: "date, kind, invited, present, excused",
        meeting))
    try fillMeetingMonths(db)
  }

  /// Empties `meetingMonth` and sums it again from `meetingFigures`.
  static func fillMeetingMonths(_ db: Database) throws {
    try db.execute(
      sql: """
        DELETE FROM meetingMonth;
        INSERT INTO meetingMonth SELECT \(month("date")), kind, COUNT(*), SUM(invited), SUM(present),
          SUM(excused) FROM meetingFigures GROUP BY 1, 2;
        """)
  }

  /// The month (`YYYY-MM`) of a day stored as `YYYY-MM-DD`.
  static func month(_ day: String) -> String { "substr(\(day), 1, 7)" }
}

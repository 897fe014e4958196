import GRDB

/// The workspace schema, built only by numbered migrations. `PRAGMA user_version` holds the number
/// of the last one applied, and `PRAGMA application_id` marks the file as a ClusterDesk workspace.
enum Schema {
  /// "CDSK" — tells a workspace from any other SQLite file.
  static let applicationID: Int32 = 0x4344_534B

  static let migrations: [(version: Int, apply: @Sendable (Database) throws -> Void)] = [
    (1, createTables),
    (2, addVisitSearch),
    (3, addMemberSearchAndLastVisit),
    (4, chainAuditLog),
    (5, addProgramTermsAndSupportSteps),
    (6, addProgrammes),
    (7, addChangeLog),
    (8, addKeptFigures),
    (9, keepAuditOfRemovedRequestsAndNumbersPerCluster),
    (11, addDueCounts),
    (12, addIndexesInListOrder),
    (13, addMeetingMonths),
  ]

  static var currentVersion: Int { migrations.last!.version }
  /// The schema one migration before the current one (numbers need not be contiguous).
  static var previousVersion: Int { migrations[migrations.count - 2].version }

  static func migrate(_ db: Database, from version: Int, to target: Int = currentVersion) throws {
    for migration in migrations where migration.version > version && migration.version <= target {
      try migration.apply(db)
      try db.execute(sql: "PRAGMA user_version = \(migration.version)")
    }
    try db.execute(sql: "PRAGMA application_id = \(applicationID)")
  }

  /// Migration 12: indexes that hold what a key reads, in the order it reads it.
  ///
  /// - A program's requests by status, newest first within each (its detail view), are a walk
  ///   of `supportRequest_program` from a status's first row: the index gains the submission day.
  /// - The work lists' partial indexes (active companies without a mentor, or in no SIG) gain the
  ///   columns of their own condition and the cluster, so counting a list (a whole one or a
  ///   cluster's) reads the index alone: SQLite reads a row to check a condition on a column the
  ///   index lacks, even one that the index's own condition already fixes (8,880 rows of the
  ///   national workspace for its companies in no SIG). The member id follows the name, so a list
  ///   is still read in the index's order of name, then id.
  /// - Mentor suggestions of the same fit are taken room first, then the least busy, by name:
  ///   `expert_suggestion` holds that order, so a fit that half the pool shares reads a few
  ///   entries of it, not every expert's row.
  private static func addIndexesInListOrder(_ db: Database) throws {
    try db.execute(
      sql: """
        DROP INDEX supportRequest_program;
        CREATE INDEX supportRequest_program ON supportRequest(programId, status, submitted);
        DROP INDEX member_unmentored;
        CREATE INDEX member_unmentored ON member(nameKey, id, clusterId, kind, status, mentorId)
          WHERE kind = 'company' AND status = 'active' AND mentorId IS NULL;
        DROP INDEX member_uncovered;
        CREATE INDEX member_uncovered ON member(nameKey, id, clusterId, kind, status, sigCount)
          WHERE kind = 'company' AND status = 'active' AND sigCount = 0;
        CREATE INDEX expert_suggestion ON expert(load >= capacity, load, name, id, capacity);
        """)
  }

  /// Migration 9: the audit log outlives the requests it names and records merges of members.
  /// `auditEntry.requestId` no longer refers to `supportRequest` (a request whose intake is
  /// undone is removed while its entries stay, with one saying so) and may be empty (a merge's
  /// entry names members, not a request). The table is rebuilt with every entry, its id and its
  /// hash as they were, so the chain holds. A business registration number is unique within a
  /// mini-cluster: one company may belong to two clusters of an office, confirmed when added.
  private static func keepAuditOfRemovedRequestsAndNumbersPerCluster(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE auditEntry_new (
          id INTEGER PRIMARY KEY,
          requestId INTEGER,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          field TEXT NOT NULL,
          "before" TEXT NOT NULL,
          "after" TEXT NOT NULL,
          hash TEXT
        );
        INSERT INTO auditEntry_new (id, requestId, at, actor, field, "before", "after", hash)
          SELECT id, requestId, at, actor, field, "before", "after", hash FROM auditEntry;
        DROP TABLE auditEntry;
        ALTER TABLE auditEntry_new RENAME TO auditEntry;
        CREATE INDEX auditEntry_request ON auditEntry(requestId);
        CREATE TRIGGER auditEntry_noUpdate BEFORE UPDATE ON auditEntry
          BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
        CREATE TRIGGER auditEntry_noDelete BEFORE DELETE ON auditEntry
          BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
        CREATE TRIGGER auditEntry_hashRequired BEFORE INSERT ON auditEntry WHEN NEW.hash IS NULL
          BEGIN SELECT RAISE(ABORT, 'an audit entry needs its hash'); END;
        DROP INDEX member_businessNumber;
        CREATE UNIQUE INDEX member_clusterBusinessNumber ON member(clusterId, businessNumber)
          WHERE businessNumber <> '';
        CREATE INDEX member_businessNumber ON member(businessNumber) WHERE businessNumber <> '';
        """)
  }

  /// Migration 7: the change log that undo and redo read (see `Workspace.recording`). Each
  /// recorded change is one user action (its words in both languages, who, when, where from and
  /// whether it is undone); its rows hold each table row it touched, as JSON images before and
  /// after.
  private static func addChangeLog(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE recordedChange (
          id INTEGER PRIMARY KEY,
          origin TEXT NOT NULL CHECK (origin IN ('cli', 'dashboard')),
          english TEXT NOT NULL,
          korean TEXT NOT NULL,
          actor TEXT NOT NULL,
          at TEXT NOT NULL,
          undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
        );
        CREATE INDEX recordedChange_origin ON recordedChange(origin, undone, id);
        CREATE TABLE recordedRow (
          changeId INTEGER NOT NULL REFERENCES recordedChange(id) ON DELETE CASCADE,
          seq INTEGER NOT NULL,
          tbl TEXT NOT NULL,
          key TEXT NOT NULL,
          "before" TEXT,
          "after" TEXT,
          PRIMARY KEY (changeId, seq)
        ) WITHOUT ROWID;
        """)
  }

  /// Full-text search over visit notes, difficulties and follow-ups. Hangul words are short (two syllables
  /// is common), shorter than a trigram, so the text is indexed as overlapping two-character
  /// grams (see `TextGrams`) and a query becomes a phrase of its grams.
  private static func addVisitSearch(_ db: Database) throws {
    try db.execute(
      sql: "CREATE VIRTUAL TABLE visitSearch USING fts5(grams, content='', tokenize='unicode61')")
    let visits = try Row.fetchCursor(
      db,
      sql: """
        SELECT v.id, v.notes,
          (SELECT group_concat(text, ' ') FROM difficulty d WHERE d.visitId = v.id) AS difficulties,
          (SELECT group_concat(action, ' ') FROM followUp f WHERE f.visitId = v.id) AS followUps
        FROM visit v
        """)
    while let row = try visits.next() {
      try Workspace.indexVisit(
        id: row["id"], texts: [row["notes"], row["difficulties"] ?? "", row["followUps"] ?? ""], db)
    }
  }

  /// Member search through an index, and each member's last visit as a stored column.
  ///
  /// `memberSearch` holds, per member (rowid = member id), the two-character grams of the name
  /// key, its initials, the representative and the products (`grams`), and their single
  /// characters (`chars`): a typed query narrows the directory to the members holding its grams
  /// before the exact comparison runs (see `Workspace.searchClause`). The workspace keeps it in
  /// step when a member is saved (`Workspace.indexMember`).
  ///
  /// `member.lastVisit` is the date of the newest visit, kept by triggers on `visit`, so who is
  /// due for a visit and the directory sorted by last visit are indexed reads. The review queue
  /// (pending requests, undated last) and the open follow-ups (undated last) get indexes in their
  /// own order, so their first window is read without sorting every row.
  private static func addMemberSearchAndLastVisit(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE member ADD COLUMN lastVisit TEXT;
        UPDATE member SET lastVisit = (SELECT MAX(v.date) FROM visit v WHERE v.memberId = member.id);
        CREATE INDEX member_lastVisit ON member(lastVisit, nameKey);
        CREATE INDEX member_due ON member(lastVisit, name) WHERE status = 'active' AND kind = 'company';
        CREATE TRIGGER visit_lastVisit_insert AFTER INSERT ON visit BEGIN
          UPDATE member SET lastVisit = NEW.date
          WHERE id = NEW.memberId AND (lastVisit IS NULL OR lastVisit < NEW.date);
        END;
        CREATE TRIGGER visit_lastVisit_update AFTER UPDATE OF memberId, date ON visit BEGIN
          UPDATE member SET lastVisit = (SELECT MAX(date) FROM visit WHERE memberId = OLD.memberId)
          WHERE id = OLD.memberId;
          UPDATE member SET lastVisit = (SELECT MAX(date) FROM visit WHERE memberId = NEW.memberId)
          WHERE id = NEW.memberId;
        END;
        CREATE TRIGGER visit_lastVisit_delete AFTER DELETE ON visit BEGIN
          UPDATE member SET lastVisit = (SELECT MAX(date) FROM visit WHERE memberId = OLD.memberId)
          WHERE id = OLD.memberId;
        END;
        CREATE INDEX supportRequest_queue ON supportRequest(status, submitted IS NULL, submitted);
        CREATE INDEX followUp_openQueue ON followUp(due IS NULL, due) WHERE done IS NULL;
        CREATE VIRTUAL TABLE memberSearch USING fts5(grams, chars, tokenize='unicode61');
        CREATE TRIGGER member_search_delete AFTER DELETE ON member BEGIN
          DELETE FROM memberSearch WHERE rowid = OLD.id;
        END;
        """)
    let members = try Row.fetchCursor(
      db, sql: "SELECT id, nameKey, initials, representative, products FROM member")
    while let row = try members.next() {
      try Workspace.indexMember(
        id: row["id"], nameKey: row["nameKey"], initials: row["initials"],
        representative: row["representative"], products: row["products"], replacing: false, db)
    }
  }

  /// The audit log as a hash chain (see `AuditChain`): each entry gets `hash`, computed here for
  /// the entries already there, in id order, after their text is cleaned as all text now is (so
  /// an escape sequence an older version let into an actor's name is not sealed into the log).
  /// The log stays unchangeable; from now on an entry without its hash is refused too.
  private static func chainAuditLog(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE auditEntry ADD COLUMN hash TEXT;
        DROP TRIGGER auditEntry_noUpdate;
        """)
    let entries = try AuditEntry.order(Column("id")).fetchAll(db).map { $0.checked().0 }
    let update = try db.makeStatement(
      sql: """
        UPDATE auditEntry SET actor = ?, field = ?, "before" = ?, "after" = ?, hash = ? WHERE id = ?
        """)
    for e in AuditChain.sealed(entries) {
      try update.execute(arguments: [e.actor, e.field, e.before, e.after, e.hash, e.id])
    }
    try db.execute(
      sql: """
        CREATE TRIGGER auditEntry_noUpdate BEFORE UPDATE ON auditEntry
          BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
        CREATE TRIGGER auditEntry_hashRequired BEFORE INSERT ON auditEntry WHEN NEW.hash IS NULL
          BEGIN SELECT RAISE(ABORT, 'an audit entry needs its hash'); END;
        """)
  }

  /// Programs get their terms (co-funding share, caps per member, application window, note);
  /// requests get the planned co-funding, the visit difficulty they answer, the agreement (협약)
  /// and the settlement (정산) as columns of their own row, so a step is one row's change and
  /// undoing it restores that row; instalments (교부) are rows of their own. The index on member
  /// and program serves the duplicate (중복지원) and cap checks.
  private static func addProgramTermsAndSupportSteps(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE program ADD COLUMN cofundingPercent INTEGER NOT NULL DEFAULT 0
          CHECK (cofundingPercent BETWEEN 0 AND 99);
        ALTER TABLE program ADD COLUMN memberCapKRW INTEGER CHECK (memberCapKRW > 0);
        ALTER TABLE program ADD COLUMN memberCapCount INTEGER CHECK (memberCapCount > 0);
        ALTER TABLE program ADD COLUMN opens TEXT;
        ALTER TABLE program ADD COLUMN closes TEXT;
        ALTER TABLE program ADD COLUMN note TEXT NOT NULL DEFAULT '';
        ALTER TABLE supportRequest ADD COLUMN cofundingKRW INTEGER CHECK (cofundingKRW >= 0);
        ALTER TABLE supportRequest ADD COLUMN difficultyVisitId INTEGER REFERENCES visit(id);
        ALTER TABLE supportRequest ADD COLUMN difficultyNumber INTEGER CHECK (difficultyNumber > 0);
        ALTER TABLE supportRequest ADD COLUMN agreedOn TEXT;
        ALTER TABLE supportRequest ADD COLUMN agreedCofundingKRW INTEGER
          CHECK (agreedCofundingKRW >= 0);
        ALTER TABLE supportRequest ADD COLUMN agreementOverride TEXT NOT NULL DEFAULT '';
        ALTER TABLE supportRequest ADD COLUMN reportDate TEXT;
        ALTER TABLE supportRequest ADD COLUMN spentKRW INTEGER CHECK (spentKRW >= 0);
        ALTER TABLE supportRequest ADD COLUMN disallowedKRW INTEGER CHECK (disallowedKRW >= 0);
        ALTER TABLE supportRequest ADD COLUMN returnedKRW INTEGER CHECK (returnedKRW >= 0);
        CREATE INDEX supportRequest_memberProgram ON supportRequest(memberId, programId);
        CREATE INDEX supportRequest_difficulty ON supportRequest(difficultyVisitId)
          WHERE difficultyVisitId IS NOT NULL;
        CREATE TABLE instalment (
          id INTEGER PRIMARY KEY,
          requestId INTEGER NOT NULL REFERENCES supportRequest(id),
          date TEXT NOT NULL,
          amountKRW INTEGER NOT NULL CHECK (amountKRW > 0)
        );
        CREATE INDEX instalment_request ON instalment(requestId);
        """)
  }

  private static func createTables(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE office (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          name TEXT NOT NULL,
          region TEXT NOT NULL DEFAULT '',
          officerVisitWeeks INTEGER NOT NULL DEFAULT 4 CHECK (officerVisitWeeks > 0),
          memberVisitWeeks INTEGER NOT NULL DEFAULT 12 CHECK (memberVisitWeeks > 0)
        );
        CREATE TABLE cluster (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          complex TEXT NOT NULL DEFAULT '',
          founded TEXT,
          manager TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE division (
          id INTEGER PRIMARY KEY,
          clusterId INTEGER NOT NULL REFERENCES cluster(id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          UNIQUE (clusterId, name)
        );
        CREATE TABLE member (
          id INTEGER PRIMARY KEY,
          clusterId INTEGER NOT NULL REFERENCES cluster(id),
          divisionId INTEGER REFERENCES division(id) ON DELETE SET NULL,
          kind TEXT NOT NULL CHECK (kind IN ('company', 'university', 'institute', 'agency')),
          name TEXT NOT NULL CHECK (name <> ''),
          nameKey TEXT NOT NULL,
          initials TEXT NOT NULL,
          representative TEXT NOT NULL DEFAULT '',
          businessNumber TEXT NOT NULL DEFAULT '',
          products TEXT NOT NULL DEFAULT '',
          employees INTEGER CHECK (employees >= 0),
          salesKRW INTEGER CHECK (salesKRW >= 0),
          founded TEXT,
          address TEXT NOT NULL DEFAULT '',
          phone TEXT NOT NULL DEFAULT '',
          email TEXT NOT NULL DEFAULT '',
          website TEXT NOT NULL DEFAULT '',
          role TEXT NOT NULL DEFAULT 'member'
            CHECK (role IN ('chair', 'viceChair', 'steering', 'member')),
          joined TEXT,
          "left" TEXT,
          status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'left')),
          profileSubmitted INTEGER NOT NULL DEFAULT 0,
          UNIQUE (clusterId, nameKey)
        );
        CREATE UNIQUE INDEX member_businessNumber ON member(businessNumber)
          WHERE businessNumber <> '';
        CREATE INDEX member_nameKey ON member(nameKey);
        CREATE INDEX member_division ON member(divisionId);
        CREATE TABLE contact (
          id INTEGER PRIMARY KEY,
          memberId INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          title TEXT NOT NULL DEFAULT '',
          phone TEXT NOT NULL DEFAULT '',
          email TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX contact_member ON contact(memberId);
        CREATE TABLE meeting (
          id INTEGER PRIMARY KEY,
          clusterId INTEGER NOT NULL REFERENCES cluster(id),
          divisionId INTEGER REFERENCES division(id) ON DELETE SET NULL,
          kind TEXT NOT NULL,
          date TEXT NOT NULL,
          title TEXT NOT NULL,
          place TEXT NOT NULL DEFAULT '',
          agenda TEXT NOT NULL DEFAULT '',
          minutes TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX meeting_date ON meeting(date);
        CREATE TABLE attendance (
          meetingId INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
          memberId INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
          status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'excused')),
          PRIMARY KEY (meetingId, memberId)
        ) WITHOUT ROWID;
        CREATE INDEX attendance_member ON attendance(memberId, meetingId);
        CREATE TABLE visit (
          id INTEGER PRIMARY KEY,
          memberId INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
          date TEXT NOT NULL,
          visitor TEXT NOT NULL DEFAULT '',
          purpose TEXT NOT NULL,
          notes TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX visit_member_date ON visit(memberId, date);
        CREATE INDEX visit_date ON visit(date);
        CREATE TABLE difficulty (
          visitId INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          category TEXT NOT NULL,
          text TEXT NOT NULL,
          PRIMARY KEY (visitId, position)
        ) WITHOUT ROWID;
        CREATE TABLE followUp (
          id INTEGER PRIMARY KEY,
          visitId INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
          action TEXT NOT NULL,
          owner TEXT NOT NULL DEFAULT '',
          due TEXT,
          done TEXT
        );
        CREATE INDEX followUp_visit ON followUp(visitId);
        CREATE INDEX followUp_open ON followUp(due) WHERE done IS NULL;
        CREATE TABLE program (
          id INTEGER PRIMARY KEY,
          year INTEGER NOT NULL,
          name TEXT NOT NULL,
          category TEXT NOT NULL,
          budgetKRW INTEGER NOT NULL CHECK (budgetKRW >= 0),
          UNIQUE (year, name)
        );
        CREATE TABLE supportRequest (
          id INTEGER PRIMARY KEY,
          memberId INTEGER NOT NULL REFERENCES member(id),
          programId INTEGER NOT NULL REFERENCES program(id),
          title TEXT NOT NULL,
          requestedKRW INTEGER NOT NULL CHECK (requestedKRW >= 0),
          submitted TEXT,
          status TEXT NOT NULL,
          approvedKRW INTEGER CHECK (approvedKRW >= 0),
          decided TEXT,
          reviewer TEXT NOT NULL DEFAULT '',
          reason TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX supportRequest_status ON supportRequest(status, submitted);
        CREATE INDEX supportRequest_program ON supportRequest(programId, status);
        CREATE INDEX supportRequest_member ON supportRequest(memberId);
        CREATE TABLE auditEntry (
          id INTEGER PRIMARY KEY,
          requestId INTEGER NOT NULL REFERENCES supportRequest(id),
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          field TEXT NOT NULL,
          "before" TEXT NOT NULL,
          "after" TEXT NOT NULL
        );
        CREATE INDEX auditEntry_request ON auditEntry(requestId);
        CREATE TRIGGER auditEntry_noUpdate BEFORE UPDATE ON auditEntry
          BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
        CREATE TRIGGER auditEntry_noDelete BEFORE DELETE ON auditEntry
          BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
        CREATE TABLE expert (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          affiliation TEXT NOT NULL DEFAULT '',
          fields TEXT NOT NULL DEFAULT '[]',
          phone TEXT NOT NULL DEFAULT '',
          email TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE mentoring (
          memberId INTEGER PRIMARY KEY REFERENCES member(id) ON DELETE CASCADE,
          expertId INTEGER NOT NULL REFERENCES expert(id),
          field TEXT NOT NULL DEFAULT '',
          started TEXT
        );
        CREATE INDEX mentoring_expert ON mentoring(expertId);
        CREATE TABLE sig (
          id INTEGER PRIMARY KEY,
          clusterId INTEGER NOT NULL REFERENCES cluster(id),
          name TEXT NOT NULL,
          theme TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE sigMember (
          sigId INTEGER NOT NULL REFERENCES sig(id) ON DELETE CASCADE,
          memberId INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
          task TEXT NOT NULL DEFAULT '',
          PRIMARY KEY (sigId, memberId)
        ) WITHOUT ROWID;
        CREATE INDEX sigMember_member ON sigMember(memberId);
        """)
  }
}

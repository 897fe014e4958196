import Foundation
import GRDB

extension Schema {
  /// Migration 6: the office's programmes managed, not just stored.
  ///
  /// - Experts get a kind (guessed from the affiliation for those already there) and a capacity
  ///   (at least the companies they already mentor), and an index of their fields by comparable
  ///   key (`expertField`) for finding mentors that fit a company.
  /// - Mentoring becomes a history: each assignment has an id, a start and an end; an index lets
  ///   only one per company be open. Sessions are logged per assignment.
  /// - SIGs get a leading company; the one task text each SIG member had becomes a numbered task
  ///   (active, owned by that member), and members keep the day they joined.
  /// - The directory book is kept per edition (year): `member.profileSubmitted` becomes a
  ///   submission to this year's edition (its day unknown), and members note the day their
  ///   profile last changed.
  /// - So that the work lists and their counts are index reads, not a look-up per member,
  ///   triggers keep each expert's current load (`expert.load`), each member's active mentor
  ///   (`member.mentorId`) and number of SIGs (`member.sigCount`); partial indexes hold the
  ///   active companies without a mentor and those in no SIG, by name.
  static func addProgrammes(_ db: Database) throws {
    let edition = Day.officeToday.year
    try db.execute(
      sql: """
        ALTER TABLE expert ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'
          CHECK (kind IN ('university', 'institute', 'agency', 'company', 'other'));
        ALTER TABLE expert ADD COLUMN capacity INTEGER NOT NULL DEFAULT \(Expert.defaultCapacity)
          CHECK (capacity >= 1);
        UPDATE expert SET capacity = MAX(capacity,
          (SELECT COUNT(*) FROM mentoring m WHERE m.expertId = expert.id));
        CREATE INDEX expert_name ON expert(name);
        CREATE TABLE expertField (
          key TEXT NOT NULL,
          expertId INTEGER NOT NULL REFERENCES expert(id) ON DELETE CASCADE,
          PRIMARY KEY (key, expertId)
        ) WITHOUT ROWID;
        CREATE INDEX expertField_expert ON expertField(expertId);

        CREATE TABLE mentoringHistory (
          id INTEGER PRIMARY KEY,
          memberId INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
          expertId INTEGER NOT NULL REFERENCES expert(id),
          field TEXT NOT NULL DEFAULT '',
          started TEXT,
          ended TEXT,
          overrideReason TEXT NOT NULL DEFAULT '',
          CHECK (ended IS NULL OR started IS NULL OR ended >= started)
        );
        INSERT INTO mentoringHistory (memberId, expertId, field, started)
          SELECT memberId, expertId, field, started FROM mentoring ORDER BY memberId;
        DROP TABLE mentoring;
        ALTER TABLE mentoringHistory RENAME TO mentoring;
        CREATE UNIQUE INDEX mentoring_active ON mentoring(memberId) WHERE ended IS NULL;
        CREATE INDEX mentoring_member ON mentoring(memberId, started);
        CREATE INDEX mentoring_expert ON mentoring(expertId, ended);
        CREATE TABLE mentoringSession (
          id INTEGER PRIMARY KEY,
          mentoringId INTEGER NOT NULL REFERENCES mentoring(id) ON DELETE CASCADE,
          date TEXT NOT NULL,
          topic TEXT NOT NULL CHECK (topic <> ''),
          note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX mentoringSession_mentoring ON mentoringSession(mentoringId, date);
        CREATE INDEX mentoringSession_date ON mentoringSession(date);

        ALTER TABLE sig ADD COLUMN leaderId INTEGER REFERENCES member(id) ON DELETE SET NULL;
        CREATE INDEX sig_cluster ON sig(clusterId, name);
        CREATE INDEX sig_name ON sig(name);
        CREATE TABLE sigTask (
          sigId INTEGER NOT NULL REFERENCES sig(id) ON DELETE CASCADE,
          number INTEGER NOT NULL CHECK (number >= 1),
          title TEXT NOT NULL CHECK (title <> ''),
          ownerId INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
          status TEXT NOT NULL CHECK (status IN ('proposed', 'active', 'done')),
          due TEXT,
          done TEXT,
          CHECK ((status = 'done') OR done IS NULL),
          PRIMARY KEY (sigId, number)
        ) WITHOUT ROWID;
        CREATE INDEX sigTask_owner ON sigTask(ownerId);
        CREATE INDEX sigTask_status ON sigTask(status);
        INSERT INTO sigTask (sigId, number, title, ownerId, status)
          SELECT sigId, ROW_NUMBER() OVER (PARTITION BY sigId ORDER BY memberId), task, memberId,
                 'active'
          FROM sigMember WHERE task <> '';
        ALTER TABLE sigMember DROP COLUMN task;
        ALTER TABLE sigMember ADD COLUMN joined TEXT;

        CREATE TABLE directoryBook (
          edition INTEGER NOT NULL CHECK (edition BETWEEN 2000 AND 2100),
          memberId INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
          status TEXT NOT NULL CHECK (status IN ('asked', 'submitted')),
          asked TEXT,
          submitted TEXT,
          CHECK (status = 'submitted' OR submitted IS NULL),
          PRIMARY KEY (edition, memberId)
        ) WITHOUT ROWID;
        CREATE INDEX directoryBook_member ON directoryBook(memberId, edition);
        INSERT INTO directoryBook (edition, memberId, status)
          SELECT \(edition), id, 'submitted' FROM member WHERE profileSubmitted;
        ALTER TABLE member DROP COLUMN profileSubmitted;
        ALTER TABLE member ADD COLUMN profileChanged TEXT;
        CREATE INDEX directoryBook_status ON directoryBook(edition, status);
        CREATE INDEX member_left ON member(id) WHERE status = 'left';

        ALTER TABLE expert ADD COLUMN load INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE member ADD COLUMN mentorId INTEGER;
        ALTER TABLE member ADD COLUMN sigCount INTEGER NOT NULL DEFAULT 0;
        UPDATE expert SET load = (SELECT COUNT(*) FROM mentoring m
          WHERE m.expertId = expert.id AND m.ended IS NULL);
        UPDATE member SET mentorId = (SELECT expertId FROM mentoring m
          WHERE m.memberId = member.id AND m.ended IS NULL);
        UPDATE member SET sigCount = (SELECT COUNT(*) FROM sigMember s WHERE s.memberId = member.id);
        CREATE INDEX member_unmentored ON member(nameKey)
          WHERE kind = 'company' AND status = 'active' AND mentorId IS NULL;
        CREATE INDEX member_uncovered ON member(nameKey)
          WHERE kind = 'company' AND status = 'active' AND sigCount = 0;
        CREATE TRIGGER mentoring_insert AFTER INSERT ON mentoring WHEN NEW.ended IS NULL BEGIN
          UPDATE expert SET load = load + 1 WHERE id = NEW.expertId;
          UPDATE member SET mentorId = NEW.expertId WHERE id = NEW.memberId;
        END;
        CREATE TRIGGER mentoring_update AFTER UPDATE OF memberId, expertId, ended ON mentoring BEGIN
          UPDATE expert SET load = load - 1 WHERE id = OLD.expertId AND OLD.ended IS NULL;
          UPDATE expert SET load = load + 1 WHERE id = NEW.expertId AND NEW.ended IS NULL;
          UPDATE member SET mentorId = (SELECT expertId FROM mentoring m
            WHERE m.memberId = member.id AND m.ended IS NULL) WHERE id IN (OLD.memberId, NEW.memberId);
        END;
        CREATE TRIGGER mentoring_delete AFTER DELETE ON mentoring WHEN OLD.ended IS NULL BEGIN
          UPDATE expert SET load = load - 1 WHERE id = OLD.expertId;
          UPDATE member SET mentorId = NULL WHERE id = OLD.memberId;
        END;
        CREATE TRIGGER sigMember_insert AFTER INSERT ON sigMember BEGIN
          UPDATE member SET sigCount = sigCount + 1 WHERE id = NEW.memberId;
        END;
        CREATE TRIGGER sigMember_update AFTER UPDATE OF memberId ON sigMember BEGIN
          UPDATE member SET sigCount = sigCount - 1 WHERE id = OLD.memberId;
          UPDATE member SET sigCount = sigCount + 1 WHERE id = NEW.memberId;
        END;
        CREATE TRIGGER sigMember_delete AFTER DELETE ON sigMember BEGIN
          UPDATE member SET sigCount = sigCount - 1 WHERE id = OLD.memberId;
        END;
        """)
    for row in try Row.fetchAll(db, sql: "SELECT id, affiliation, fields FROM expert") {
      let id: Int64 = row["id"]
      let text: String = row["fields"]
      let fields = (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
      try db.execute(
        sql: "UPDATE expert SET kind = ? WHERE id = ?",
        arguments: [ExpertKind.guess(affiliation: row["affiliation"]), id])
      try Workspace.indexExpertFields(id: id, fields: fields, db)
    }
  }
}

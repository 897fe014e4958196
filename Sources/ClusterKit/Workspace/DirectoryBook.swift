import GRDB

/// How far one directory-book edition has come, over the current members (those not left).
public struct DirectoryBookSummary: Hashable, Sendable {
  public var edition: Int
  public var members: Int
  /// Asked for their profile, whether they submitted or not.
  public var asked: Int
  public var submitted: Int
}

/// A change to one member's part in one directory-book edition, made with another change of the
/// member (the member form's directory-book field).
public struct DirectoryBookEdit: Hashable, Sendable {
  public var edition: Int
  public var change: DirectoryBookChange
  /// Nothing is dated after it.
  public var today: Day

  public init(edition: Int, _ change: DirectoryBookChange, today: Day) {
    self.edition = edition
    self.change = change
    self.today = today
  }
}

/// A change to one member's part in a directory-book edition.
public enum DirectoryBookChange: Hashable, Sendable {
  case asked(Day)
  case submitted(Day)
  /// Forget the edition's entry (asked and submitted) for the member.
  case clear
}

extension Workspace {
  /// The edition meant when none is named: the newest one recorded, else this year's.
  public func directoryEdition(today: Day) throws -> Int {
    try read { db in try Workspace.newestDirectoryEdition(db) ?? today.year }
  }

  static func newestDirectoryEdition(_ db: Database) throws -> Int? {
    try Int.fetchOne(db, sql: "SELECT MAX(edition) FROM directoryBook")
  }

  /// Records that a member was asked for its profile, or submitted it, for an edition; asking
  /// again moves the day it was asked, and a submission keeps the day it was asked. Returns the
  /// entry as stored (nil once cleared).
  @discardableResult
  public func recordDirectoryBook(
    memberId: Int64, edition: Int, _ change: DirectoryBookChange, today: Day
  ) throws -> DirectoryBookEntry? {
    try write { db in
      try Workspace.recordDirectoryBook(
        memberId: memberId, edition: edition, change, today: today, db)
    }
  }

  static func recordDirectoryBook(
    memberId: Int64, edition: Int, _ change: DirectoryBookChange, today: Day, _ db: Database
  ) throws -> DirectoryBookEntry? {
    guard let member = try Member.fetchOne(db, key: memberId) else {
      throw WorkspaceError.recordNotFound(kind: "member", reference: "#\(memberId)")
    }
    let key: [String: (any DatabaseValueConvertible)?] = [
      "edition": edition, "memberId": memberId,
    ]
    let current = try DirectoryBookEntry.fetchOne(db, key: key)
    var entry =
      current ?? DirectoryBookEntry(edition: edition, memberId: memberId, status: .asked)
    switch change {
    case .clear:
      try DirectoryBookEntry.deleteOne(db, key: key)
      return nil
    case .asked(let day):
      entry.asked = day
    case .submitted(let day):
      entry.status = .submitted
      entry.submitted = day
    }
    var (checked, errors) = ProgrammeRules.validate(entry, today: today)
    if let error = ProgrammeRules.leftProblem(member) { errors.append(error) }
    if !errors.isEmpty { throw ValidationError(errors) }
    try checked.save(db)
    return checked
  }

  /// Asks every current member not yet asked (nor submitted) for its profile for an edition, on
  /// one day. Returns how many were asked.
  @discardableResult
  public func askForDirectoryBook(edition: Int, on day: Day, today: Day) throws -> Int {
    try write { db in
      let (_, errors) = ProgrammeRules.validate(
        DirectoryBookEntry(edition: edition, memberId: 0, status: .asked, asked: day), today: today)
      if !errors.isEmpty { throw ValidationError(errors) }
      try db.execute(
        sql: """
          INSERT INTO directoryBook (edition, memberId, status, asked)
          SELECT ?, m.id, 'asked', ? FROM member m WHERE m.status <> 'left'
            AND NOT EXISTS (SELECT 1 FROM directoryBook b WHERE b.edition = ? AND b.memberId = m.id)
          """, arguments: [edition, day, edition])
      return db.changesCount
    }
  }

  public func directoryBookSummary(edition: Int) throws -> DirectoryBookSummary {
    try read { db in try Workspace.directoryBookSummary(edition: edition, db) }
  }

  /// Counted from indexes: every entry of the edition (by status), less those of members who
  /// have left (few; `CROSS JOIN` makes SQLite start from them).
  static func directoryBookSummary(edition: Int, _ db: Database) throws -> DirectoryBookSummary {
    let row = try Row.fetchOne(
      db,
      sql: """
        SELECT (SELECT COUNT(*) FROM member) - (SELECT COUNT(*) FROM member WHERE status = 'left')
                 AS members,
               (SELECT COUNT(*) FROM directoryBook WHERE edition = :edition AND status = 'asked')
                 AS asked,
               (SELECT COUNT(*) FROM directoryBook WHERE edition = :edition AND status = 'submitted')
                 AS submitted,
               (SELECT COUNT(*) FROM member m CROSS JOIN directoryBook b ON b.memberId = m.id
                  AND b.edition = :edition WHERE m.status = 'left' AND b.status = 'asked')
                 AS leftAsked,
               (SELECT COUNT(*) FROM member m CROSS JOIN directoryBook b ON b.memberId = m.id
                  AND b.edition = :edition WHERE m.status = 'left' AND b.status = 'submitted')
                 AS leftSubmitted
        """, arguments: ["edition": edition])!
    let submitted: Int = row["submitted"] - row["leftSubmitted"]
    let asked: Int = row["asked"] - row["leftAsked"]
    return DirectoryBookSummary(
      edition: edition, members: row["members"], asked: asked + submitted, submitted: submitted)
  }

  /// A member's entries, newest edition first.
  public func directoryBook(memberId: Int64) throws -> [DirectoryBookEntry] {
    try read { db in
      try DirectoryBookEntry.filter(Column("memberId") == memberId)
        .order(Column("edition").desc).fetchAll(db)
    }
  }
}

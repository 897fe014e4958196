import GRDB

/// One line of the meetings list.
public struct MeetingRow: Hashable, Sendable, Identifiable {
  public var id: Int64
  public var date: Day
  public var kind: MeetingKind
  public var title: String
  public var clusterName: String
  public var divisionName: String?
  public var invited: Int
  public var present: Int
  /// The meeting itself, to edit or delete from the list.
  public var meeting: Meeting

  /// Present over invited; nil before attendance is taken.
  public var participationRate: Double? {
    invited == 0 ? nil : Double(present) / Double(invited)
  }
}

/// A member on a meeting's attendance list.
public struct AttendanceLine: Hashable, Sendable {
  public var memberId: Int64
  public var memberName: String
  public var role: OfficerRole
  public var status: AttendanceStatus?
}

/// How often something was attended: counts and the rate.
public struct Participation: Hashable, Sendable {
  public var invited: Int
  public var present: Int
  public var excused: Int
  public var rate: Double? { invited == 0 ? nil : Double(present) / Double(invited) }
}

extension Workspace {
  @discardableResult
  public func addMeeting(_ meeting: Meeting) throws -> Meeting {
    try write { db in
      var meeting = try Workspace.validated(meeting, db)
      meeting.id = try Workspace.nextId("meeting", db)
      try meeting.insert(db)
      return meeting
    }
  }

  public func meeting(id: Int64) throws -> Meeting? {
    try read { db in try Meeting.fetchOne(db, key: id) }
  }

  /// How many meetings there are (what `meetingRows` pages through without a filter).
  public func meetingCount() throws -> Int {
    try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meeting") ?? 0 }
  }

  /// Meetings newest first, optionally of one year and cluster.
  public func meetingRows(
    year: Int? = nil, clusterId: Int64? = nil, offset: Int = 0, limit: Int = 500
  )
    throws -> [MeetingRow]
  {
    try Array {
      try eachMeetingRow(year: year, clusterId: clusterId, offset: offset, limit: limit, $0)
    }
  }

  /// The same meetings, handed to `body` as they are read: any number takes the same memory.
  public func eachMeetingRow(
    year: Int? = nil, clusterId: Int64? = nil, offset: Int = 0, limit: Int = -1,
    _ body: (MeetingRow) throws -> Void
  ) throws {
    try read { db in
      var conditions: [String] = []
      var arguments: StatementArguments = []
      if let year {
        conditions.append("mt.date BETWEEN ? AND ?")
        _ = arguments.append(contentsOf: ["\(year)-01-01", "\(year)-12-31"])
      }
      if let clusterId {
        conditions.append("mt.clusterId = ?")
        _ = arguments.append(contentsOf: [clusterId])
      }
      _ = arguments.append(contentsOf: [limit, offset])
      let condition = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT mt.*, c.name AS clusterName, d.name AS divisionName,
                 (SELECT COUNT(*) FROM attendance a WHERE a.meetingId = mt.id) AS invited,
                 (SELECT COUNT(*) FROM attendance a WHERE a.meetingId = mt.id
                    AND a.status = 'present') AS present
          FROM meeting mt JOIN cluster c ON c.id = mt.clusterId
          LEFT JOIN division d ON d.id = mt.divisionId
          WHERE \(condition)
          ORDER BY mt.date DESC, mt.id DESC LIMIT ? OFFSET ?
          """, arguments: arguments)
      while let row = try rows.next() {
        try body(
          MeetingRow(
            id: row["id"], date: row["date"], kind: row["kind"], title: row["title"],
            clusterName: row["clusterName"], divisionName: row["divisionName"],
            invited: row["invited"], present: row["present"], meeting: try Meeting(row: row)))
      }
    }
  }

  /// The members who belong on a meeting's list — its division's, or its whole cluster's — with
  /// their recorded status, officers first.
  public func attendanceList(meetingId: Int64) throws -> [AttendanceLine] {
    try attendanceSheet(meetingId: meetingId).map(\.line)
  }

  /// Records attendance for several members at once (one action). `nil` removes the member from
  /// the list of invited. Only members of the meeting's mini-cluster can be marked. With
  /// `expected` (each member's mark when the list was read), a mark someone else changed since is
  /// not overwritten: the whole change is refused as a conflict.
  public func setAttendance(
    meetingId: Int64, _ statuses: [Int64: AttendanceStatus?],
    expected: [Int64: AttendanceStatus?]? = nil
  ) throws {
    try write { db in
      guard let meeting = try Meeting.fetchOne(db, key: meetingId) else {
        throw WorkspaceError.recordNotFound(kind: "meeting", reference: "#\(meetingId)")
      }
      var errors: [FieldError] = []
      for (memberId, status) in statuses.sorted(by: { $0.key < $1.key }) where status != nil {
        guard
          let member = try Row.fetchOne(
            db.cachedStatement(
              sql: """
                SELECT m.name, m.clusterId, c.name AS clusterName FROM member m
                JOIN cluster c ON c.id = m.clusterId WHERE m.id = ?
                """), arguments: [memberId])
        else {
          errors.append(FieldError(field: "member", problem: .notFound, value: "#\(memberId)"))
          continue
        }
        if member["clusterId"] != meeting.clusterId {
          let name: String = member["name"]
          let own: String = member["clusterName"]
          let theirs =
            try String.fetchOne(
              db, sql: "SELECT name FROM cluster WHERE id = ?", arguments: [meeting.clusterId])
            ?? ""
          errors.append(
            FieldError(
              field: "member",
              problem: .other(
                english:
                  "\(name) belongs to the mini-cluster \(own), not to \(theirs) where meeting #\(meetingId) is held",
                korean: "\(name, .topic) \(own) 소속이라 회의 #\(meetingId)의 미니클러스터(\(theirs)) 회원이 아닙니다"))
          )
        }
      }
      if !errors.isEmpty { throw ValidationError(errors) }
      for (memberId, mark) in (expected ?? [:]).sorted(by: { $0.key < $1.key }) {
        let now = try AttendanceStatus.fetchOne(
          db, sql: "SELECT status FROM attendance WHERE meetingId = ? AND memberId = ?",
          arguments: [meetingId, memberId])
        if now != mark {
          let name =
            try String.fetchOne(
              db, sql: "SELECT name FROM member WHERE id = ?", arguments: [memberId])
            ?? "#\(memberId)"
          throw WorkspaceError.conflict(kind: "attendance", reference: "#\(meetingId) · \(name)")
        }
      }
      for (memberId, status) in statuses.sorted(by: { $0.key < $1.key }) {
        if let status {
          try db.execute(
            sql: """
              INSERT INTO attendance (meetingId, memberId, status) VALUES (?, ?, ?)
              ON CONFLICT (meetingId, memberId) DO UPDATE SET status = excluded.status
              """, arguments: [meetingId, memberId, status])
        } else {
          try db.execute(
            sql: "DELETE FROM attendance WHERE meetingId = ? AND memberId = ?",
            arguments: [meetingId, memberId])
        }
      }
    }
  }

  /// Attendance of one member over the meetings they were invited to.
  public func participation(memberId: Int64, year: Int? = nil) throws -> Participation {
    try read { db in
      var sql = """
        SELECT COUNT(*) AS invited, SUM(a.status = 'present') AS present,
               SUM(a.status = 'excused') AS excused
        FROM attendance a JOIN meeting mt ON mt.id = a.meetingId WHERE a.memberId = ?
        """
      var arguments: StatementArguments = [memberId]
      if let year {
        sql += " AND mt.date BETWEEN ? AND ?"
        _ = arguments.append(contentsOf: ["\(year)-01-01", "\(year)-12-31"])
      }
      let row = try Row.fetchOne(db, sql: sql, arguments: arguments)!
      return Participation(
        invited: row["invited"], present: row["present"] ?? 0, excused: row["excused"] ?? 0)
    }
  }

  /// Consecutive meetings attended, counting back from the latest one the member was invited to.
  public func attendanceStreak(memberId: Int64) throws -> Int {
    try read { db in
      let statuses = try String.fetchAll(
        db,
        sql: """
          SELECT a.status FROM attendance a JOIN meeting mt ON mt.id = a.meetingId
          WHERE a.memberId = ? ORDER BY mt.date DESC, mt.id DESC
          """, arguments: [memberId])
      return statuses.prefix { $0 == AttendanceStatus.present.rawValue }.count
    }
  }
}

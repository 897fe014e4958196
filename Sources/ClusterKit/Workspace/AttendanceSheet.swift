import GRDB

/// A member on a meeting's attendance sheet, with how they have attended so far.
public struct AttendanceSheetLine: Hashable, Sendable {
  public var line: AttendanceLine
  /// Meetings attended in a row, counting back from the latest one the member was invited to.
  public var streak: Int
  /// Meetings the member was invited to and missed without an excuse.
  public var missed: Int
}

extension Workspace {
  /// A meeting's attendance list — the members who belong on it (its division's, or its whole
  /// cluster's) and anyone with a recorded status, officers first — with each member's streak
  /// and missed meetings, in one query.
  public func attendanceSheet(meetingId: Int64) throws -> [AttendanceSheetLine] {
    try read { db in
      guard let meeting = try Meeting.fetchOne(db, key: meetingId) else {
        throw WorkspaceError.recordNotFound(kind: "meeting", reference: "#\(meetingId)")
      }
      // Invited by default: a division meeting its division; a steering committee the cluster's
      // officers (chair, vice-chair, steering committee); any other meeting the whole cluster.
      // Anyone already marked stays on the list.
      let officers = OfficerRole.allCases.filter(\.isOfficer).map { "'\($0.rawValue)'" }
        .joined(separator: ", ")
      let scope =
        meeting.divisionId != nil
        ? "m.divisionId = ?"
        : meeting.kind == .steeringCommittee
          ? "m.clusterId = ? AND m.role IN (\(officers))" : "m.clusterId = ?"
      // The streak counts the present marks after the member's latest other mark (by meeting
      // date, then id): the same order `attendanceStreak` walks.
      return try Row.fetchAll(
        db,
        sql: """
          SELECT m.id, m.name, m.role, a.status,
            (SELECT COUNT(*) FROM attendance sa JOIN meeting smt ON smt.id = sa.meetingId
              WHERE sa.memberId = m.id AND sa.status = 'present'
                AND NOT EXISTS (
                  SELECT 1 FROM attendance oa JOIN meeting omt ON omt.id = oa.meetingId
                  WHERE oa.memberId = m.id AND oa.status <> 'present'
                    AND (omt.date > smt.date OR (omt.date = smt.date AND omt.id > smt.id)))
            ) AS streak,
            (SELECT COUNT(*) FROM attendance ma WHERE ma.memberId = m.id
              AND ma.status NOT IN ('present', 'excused')) AS missed
          FROM member m
          LEFT JOIN attendance a ON a.memberId = m.id AND a.meetingId = ?
          WHERE (\(scope) AND m.status <> 'left') OR a.status IS NOT NULL
          ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'viceChair' THEN 1
                   WHEN 'steering' THEN 2 ELSE 3 END, m.nameKey
          """, arguments: [meetingId, meeting.divisionId ?? meeting.clusterId]
      ).map { row in
        AttendanceSheetLine(
          line: AttendanceLine(
            memberId: row["id"], memberName: row["name"], role: row["role"],
            status: row["status"]),
          streak: row["streak"], missed: row["missed"])
      }
    }
  }
}

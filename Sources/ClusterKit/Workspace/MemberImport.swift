import GRDB

/// What a member import did.
public struct MemberImportResult: Sendable {
  public var cluster: Cluster
  public var clusterCreated: Bool
  public var divisionsCreated: [String]
  public var added: Int
}

extension Workspace {
  /// Adds every row of a member file to a cluster as one action. The cluster and any division
  /// named in the file are created when missing. If any row is bad — in the file, or because it
  /// duplicates a member already here — nothing is written and every problem is reported with
  /// its line.
  public func importMembers(_ file: MemberCSVFile, clusterName: String) throws -> MemberImportResult
  {
    var errors = file.errors
    let result = try write { db -> MemberImportResult? in
      let (cluster, clusterCreated) = try Workspace.ensureCluster(named: clusterName, db)
      var divisionsCreated: [String] = []
      var divisions: [String: Int64] = [:]
      var added = 0
      for row in file.rows where row.errors.isEmpty {
        var member = row.member
        member.clusterId = cluster.id
        if let name = row.divisionName, !name.isEmpty {
          if let id = divisions[name] {
            member.divisionId = id
          } else {
            let (division, created) = try Workspace.ensureDivision(
              named: name, clusterId: cluster.id, db)
            if created { divisionsCreated.append(division.name) }
            divisions[name] = division.id
            member.divisionId = division.id
          }
        }
        let duplicates = try Workspace.duplicateErrors(member, db)
        if !duplicates.isEmpty {
          errors += duplicates.map {
            var error = $0
            error.line = row.line
            return error
          }
          continue
        }
        member.id = try Workspace.nextId("member", db)
        member.profileChanged = Day.officeToday
        try Workspace.storeMember(member, db)
        added += 1
      }
      if !errors.isEmpty {
        throw ValidationError(errors.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
      }
      return MemberImportResult(
        cluster: cluster, clusterCreated: clusterCreated, divisionsCreated: divisionsCreated,
        added: added)
    }
    return result!
  }

  /// Every member a query matches, sorted by name, with division names: for CSV export.
  public func membersForExport(_ query: MemberQuery = MemberQuery()) throws -> [(
    member: Member, division: String?
  )] {
    var members: [(member: Member, division: String?)] = []
    try eachMemberForExport(query) { members.append(($0, $1)) }
    return members
  }

  /// The same members handed to `body` as they are read: any number takes the same memory.
  public func eachMemberForExport(
    _ query: MemberQuery = MemberQuery(), _ body: (Member, _ division: String?) throws -> Void
  ) throws {
    try read { db in
      let clause = Workspace.searchClause(query)
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT m.*, d.name AS divisionName FROM member m LEFT JOIN division d ON d.id = m.divisionId
          WHERE \(clause.sql) ORDER BY m.nameKey, m.id
          """, arguments: clause.arguments)
      while let row = try rows.next() { try body(Member(row: row), row["divisionName"]) }
    }
  }
}

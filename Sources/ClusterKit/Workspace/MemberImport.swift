import GRDB

/// What a member import did.
public struct MemberImportResult: Sendable {
  /// Each mini-cluster members went into, in the order first met, with how many and whether
  /// the import created it.
  public var clusters: [(name: String, added: Int, created: Bool)]
  public var divisionsCreated: [String]
  public var added: Int

  public var clustersCreated: [String] { clusters.filter(\.created).map(\.name) }
}

extension Workspace {
  /// Adds every row of a member file as one action, each to the mini-cluster its row names, else
  /// to `clusterName`. The mini-clusters and divisions named are created when missing. If any
  /// row is bad — in the file, or because it duplicates a member already in its mini-cluster —
  /// nothing is written and every problem is reported with its line. A row whose name another
  /// mini-cluster already has (or an earlier row, in another mini-cluster) is imported only with
  /// `allowDuplicate`; else `PossibleDuplicates` names every such row and nothing is written.
  /// A row's directory-book Y is recorded as submitted today for the current edition.
  public func importMembers(
    _ file: MemberCSVFile, clusterName: String?, allowDuplicate: Bool = false,
    today: Day = .officeToday
  ) throws -> MemberImportResult {
    var errors = file.errors
    var possible: [PossibleDuplicate] = []
    let result = try write { db -> MemberImportResult? in
      var clusters: [String: Cluster] = [:]
      var counts: [(name: String, added: Int, created: Bool)] = []
      var divisionsCreated: [String] = []
      var divisions: [String: Int64] = [:]
      var lines: [Int64: Int] = [:]
      var added = 0
      let edition = try Workspace.newestDirectoryEdition(db) ?? today.year
      // Every new member's profile is submitted the same way: the entry is checked once.
      let profileErrors = ProgrammeRules.validate(
        DirectoryBookEntry(edition: edition, memberId: 0, status: .submitted, submitted: today),
        today: today
      ).1
      // One writer at a time: the ids are taken in turn from the first free one.
      let firstId = try Workspace.nextId("member", db)
      var nextId = firstId
      var searchEntries = MemberSearchEntries()
      try Schema.insertingMembers(from: firstId, db) {
        for row in file.rows where row.errors.isEmpty {
          guard let named = row.clusterName ?? clusterName else {
            errors.append(
              FieldError(
                field: "cluster",
                problem: .other(
                  english:
                    "names no mini-cluster; fill it in, or give --cluster NAME for such rows",
                  korean: "미니클러스터가 없습니다. 칸을 채우거나 이런 행에 쓸 --cluster 이름을 주세요"),
                line: row.line))
            continue
          }
          let cluster: Cluster
          if let known = clusters[named] {
            cluster = known
          } else {
            let (found, created) = try Workspace.ensureCluster(named: named, db)
            cluster = found
            clusters[named] = found
            if !counts.contains(where: { $0.name == found.name }) {
              counts.append((found.name, 0, created))
            }
          }
          var member = row.member
          member.clusterId = cluster.id
          if let name = row.divisionName, !name.isEmpty {
            let key = "\(cluster.id)/\(name)"
            if let id = divisions[key] {
              member.divisionId = id
            } else {
              let (division, created) = try Workspace.ensureDivision(
                named: name, clusterId: cluster.id, db)
              if created { divisionsCreated.append(division.name) }
              divisions[key] = division.id
              member.divisionId = division.id
            }
          }
          let clashes = try Workspace.clashes(member, nameKey: row.nameKey, db)
          if !clashes.duplicates.isEmpty {
            errors += clashes.duplicates.map {
              var error = $0
              error.line = row.line
              return error
            }
            continue
          }
          if !clashes.otherClusters.isEmpty {
            possible.append(
              PossibleDuplicate(
                line: row.line, name: member.name,
                existing: clashes.otherClusters.map { match in
                  lines[match.id].map { .row($0) } ?? .member(match.reference)
                }
              ))
          }
          member.id = nextId
          nextId += 1
          member.profileChanged = Day.officeToday
          try Workspace.storeMember(
            member, nameKey: row.nameKey, searchEntries: &searchEntries, db)
          lines[member.id] = row.line
          if row.profileSubmitted == true {
            // What `recordDirectoryBook` checks and writes for a member without an entry yet.
            let errors = profileErrors + [ProgrammeRules.leftProblem(member)].compactMap { $0 }
            if !errors.isEmpty { throw ValidationError(errors) }
            try db.cachedStatement(
              sql: """
                INSERT INTO directoryBook (edition, memberId, status, submitted)
                VALUES (?, ?, 'submitted', ?)
                """
            ).execute(arguments: [edition, member.id, today])
          }
          if let index = counts.firstIndex(where: { $0.name == cluster.name }) {
            counts[index].added += 1
          }
          added += 1
        }
        try searchEntries.write(db)
      }
      if !errors.isEmpty {
        throw ValidationError(errors.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
      }
      if !possible.isEmpty, !allowDuplicate { throw PossibleDuplicates(possible) }
      return MemberImportResult(clusters: counts, divisionsCreated: divisionsCreated, added: added)
    }
    return result!
  }

  /// Adds the contacts of a contacts CSV as one action: each to the member its row names (by
  /// business number, else by name in the row's mini-cluster, else by name). If any row is bad
  /// or names no member, nothing is added and every problem is reported with its line.
  public func importContacts(_ rows: [ContactCSVRow]) throws -> Int {
    var errors = rows.flatMap(\.errors)
    return try write { db in
      var added = 0
      for row in rows where row.errors.isEmpty {
        let member: Member
        do {
          member = try Workspace.member(of: row, db)
        } catch let error as ValidationError {
          errors += error.errors.map {
            var error = $0
            error.line = row.line
            return error
          }
          continue
        } catch WorkspaceError.recordNotFound {
          errors.append(
            FieldError(field: "member", problem: .notFound, value: row.member, line: row.line))
          continue
        }
        var contact = row.contact
        contact.memberId = member.id
        contact.id = try Workspace.nextId("contact", db)
        try contact.insert(db)
        added += 1
      }
      if !errors.isEmpty {
        throw ValidationError(errors.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
      }
      return added
    }
  }

  /// Every contact person, with the member and its mini-cluster, in the order of the member
  /// directory (then as entered): for `members contacts`.
  public func contactsForExport(clusterId: Int64? = nil) throws -> [(
    contact: Contact, member: Member, cluster: String
  )] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT k.id AS contactId, k.name AS contactName, k.title, k.phone AS contactPhone,
            k.email AS contactEmail, m.*, c.name AS clusterName
          FROM contact k JOIN member m ON m.id = k.memberId JOIN cluster c ON c.id = m.clusterId
          WHERE ? IS NULL OR m.clusterId = ? ORDER BY m.nameKey, m.id, k.id
          """, arguments: [clusterId, clusterId]
      ).map { row in
        let member = Member(row: row)
        return (
          Contact(
            id: row["contactId"], memberId: member.id, name: row["contactName"],
            title: row["title"], phone: row["contactPhone"], email: row["contactEmail"]),
          member, row["clusterName"]
        )
      }
    }
  }

  /// The member a contacts row names.
  static func member(of row: ContactCSVRow, _ db: Database) throws -> Member {
    if let number = try? BusinessNumber.normalize(row.businessNumber), !number.isEmpty,
      let member = try Member.filter(Column("businessNumber") == number).fetchOne(db)
    {
      return member
    }
    if let name = row.cluster, let cluster = try Workspace.cluster(named: name, db) {
      let named = try Member.filter(
        Column("clusterId") == cluster.id && Column("nameKey") == KoreanText.nameKey(row.member)
      ).fetchAll(db)
      if let member = named.count == 1 ? named[0] : named.first(where: { $0.name == row.member }) {
        return member
      }
    }
    return try Workspace.findMember(row.member, db)
  }

  /// Every member a query matches, sorted by name, with division and mini-cluster names and
  /// whether its profile is submitted for the current directory-book edition: for export.
  public func membersForExport(_ query: MemberQuery = MemberQuery(), today: Day = .officeToday)
    throws -> [MemberExport]
  {
    var members: [MemberExport] = []
    try eachMemberForExport(query, today: today) { members.append($0) }
    return members
  }

  /// The same members handed to `body` as they are read: any number takes the same memory.
  public func eachMemberForExport(
    _ query: MemberQuery = MemberQuery(), today: Day = .officeToday,
    _ body: (MemberExport) throws -> Void
  ) throws {
    try read { db in
      let clause = Workspace.searchClause(query)
      let edition = try Workspace.newestDirectoryEdition(db) ?? today.year
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT m.*, d.name AS divisionName, c.name AS clusterName,
            EXISTS (SELECT 1 FROM directoryBook b WHERE b.memberId = m.id AND b.edition = ?
              AND b.status = 'submitted') AS profileSubmitted
          FROM member m LEFT JOIN division d ON d.id = m.divisionId JOIN cluster c ON c.id = m.clusterId
          WHERE \(clause.sql) ORDER BY m.nameKey, m.id
          """, arguments: StatementArguments([edition]) + clause.arguments)
      while let row = try rows.next() {
        try body(
          MemberExport(
            member: Member(row: row), division: row["divisionName"], cluster: row["clusterName"],
            profileSubmitted: row["profileSubmitted"]))
      }
    }
  }
}

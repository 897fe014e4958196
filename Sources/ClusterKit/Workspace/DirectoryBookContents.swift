import GRDB

/// What one printed edition of the directory book (디렉토리북) holds: the office's members by
/// mini-cluster and division, in 가나다 order of their names (the legal form ignored), each with
/// its profile and contact people; and, compared with an earlier edition, who is new, whose
/// profile changed and who is no longer in it.
public struct DirectoryBookContents: Sendable {
  public struct Company: Sendable {
    /// Its place in the book, from 1: the table of contents refers to it.
    public var number: Int
    public var member: Member
    public var contacts: [Contact]
    /// Against the edition compared with; nil when there is none or nothing changed.
    public var change: Change?
  }

  public enum Change: Hashable, Sendable {
    /// Not in the earlier edition.
    case new
    /// In both, its profile changed on this day, after it was given for the earlier one.
    case changed(Day)
  }

  public struct Division: Sendable {
    /// Nil for the members of the mini-cluster in no division.
    public var name: String?
    public var companies: [Company]
  }

  public struct Part: Sendable {
    public var cluster: Cluster
    public var divisions: [Division]
  }

  /// A member of the earlier edition who is not in this one.
  public struct Departure: Sendable {
    public var member: Member
    public var clusterName: String
  }

  public struct Changes: Sendable {
    /// The edition compared with.
    public var since: Int
    public var left: [Departure]
  }

  public var office: Office
  public var edition: Int
  /// Every current member, not only those who submitted their profile.
  public var everyone: Bool
  public var parts: [Part]
  public var changes: Changes?

  public var companies: [Company] { parts.flatMap { $0.divisions.flatMap(\.companies) } }
}

extension Workspace {
  /// The directory-book editions recorded (every year with an entry), oldest first.
  public func directoryEditions() throws -> [Int] {
    try read { db in
      try Int.fetchAll(db, sql: "SELECT DISTINCT edition FROM directoryBook ORDER BY edition")
    }
  }

  /// The book of an edition: the current members who submitted their profile for it, or with
  /// `everyone` every current member; `changesSince`, an earlier edition, adds what changed.
  public func directoryBookContents(edition: Int, everyone: Bool, changesSince since: Int?)
    throws -> DirectoryBookContents
  {
    try read { db in
      let query = MemberQuery(
        includeLeft: false,
        directoryBook: everyone ? nil : DirectoryBookQuery(edition: edition, state: .submitted))
      let clause = Workspace.searchClause(query)
      let members = try Member.fetchAll(
        db,
        sql: """
          SELECT m.* FROM member m
          JOIN cluster c ON c.id = m.clusterId LEFT JOIN division d ON d.id = m.divisionId
          WHERE \(clause.sql)
          ORDER BY c.name, c.id, d.id IS NULL, d.name, d.id, m.nameKey, m.id
          """, arguments: clause.arguments)
      var contacts: [Int64: [Contact]] = [:]
      for contact in try Contact.fetchAll(
        db,
        sql: """
          SELECT ct.* FROM contact ct JOIN member m ON m.id = ct.memberId
          WHERE \(clause.sql) ORDER BY ct.memberId, ct.id
          """, arguments: clause.arguments)
      {
        contacts[contact.memberId, default: []].append(contact)
      }
      // Who was in the earlier edition, and when each gave the profile printed there.
      var earlier: [Int64: Day] = [:]
      if let since {
        for row in try Row.fetchAll(
          db,
          sql:
            "SELECT memberId, submitted FROM directoryBook WHERE edition = ? AND status = 'submitted'",
          arguments: [since])
        {
          // A submission without its day counts from the end of its edition's year.
          earlier[row["memberId"]] = row["submitted"] ?? Day(year: since, month: 12, day: 31)!
        }
      }
      let clusters = Dictionary(
        uniqueKeysWithValues: try Cluster.fetchAll(db).map { ($0.id, $0) })
      let divisions = Dictionary(
        uniqueKeysWithValues: try Division.fetchAll(db).map { ($0.id, $0.name) })
      var parts: [DirectoryBookContents.Part] = []
      for (number, member) in zip(1..., members) {
        var change: DirectoryBookContents.Change?
        if since != nil {
          if let given = earlier[member.id] {
            if let changed = member.profileChanged, changed > given { change = .changed(changed) }
          } else {
            change = .new
          }
        }
        let company = DirectoryBookContents.Company(
          number: number, member: member, contacts: contacts[member.id] ?? [], change: change)
        let division = member.divisionId.flatMap { divisions[$0] }
        if parts.last?.cluster.id != member.clusterId {
          parts.append(.init(cluster: clusters[member.clusterId]!, divisions: []))
        }
        if let last = parts[parts.count - 1].divisions.last, last.name == division {
          parts[parts.count - 1].divisions[parts[parts.count - 1].divisions.count - 1].companies
            .append(company)
        } else {
          parts[parts.count - 1].divisions.append(.init(name: division, companies: [company]))
        }
      }
      var changes: DirectoryBookContents.Changes?
      if let since {
        let printed = Set(members.map(\.id))
        let gone = earlier.keys.filter { !printed.contains($0) }
        let left = try Member.filter(keys: gone).fetchAll(db)
          .sorted { (KoreanText.nameKey($0.name), $0.id) < (KoreanText.nameKey($1.name), $1.id) }
          .map {
            DirectoryBookContents.Departure(
              member: $0, clusterName: clusters[$0.clusterId]?.name ?? "")
          }
        changes = .init(since: since, left: left)
      }
      return DirectoryBookContents(
        office: try Workspace.office(db), edition: edition, everyone: everyone, parts: parts,
        changes: changes)
    }
  }
}

import GRDB

/// A member being added or renamed whose name (legal form and invisible characters ignored) or
/// business registration number is already that of a member of another mini-cluster: likely the
/// same company, so it is saved only once the manager confirms.
public struct PossibleDuplicate: Hashable, Sendable {
  /// The line (a workbook's row) of an imported member; nil for a member added by hand.
  public var line: Int?
  public var name: String
  /// The members it may be.
  public var existing: [Existing]

  public enum Existing: Hashable, Sendable {
    /// A member already in the workspace: `#12 (주)한강로보텍 (IT융합)`.
    case member(String)
    /// An earlier row of the same file, in another mini-cluster.
    case row(Int)
  }

  public init(line: Int? = nil, name: String, existing: [Existing]) {
    self.line = line
    self.name = name
    self.existing = existing
  }

  public func message(_ l: Language) -> String {
    let place = line.map { l.pick("line \($0), ", "\($0)행, ") } ?? ""
    let list = existing.map {
      switch $0 {
      case .member(let reference): reference
      case .row(let line): l.pick("line \(line)", "\(line)행")
      }
    }.joined(separator: ", ")
    return place
      + l.pick(
        "\(name) may be the same company as a member of another mini-cluster: \(list)",
        "\(name, .topic) 다른 미니클러스터에 있는 회원과 같은 회사일 수 있습니다: \(list)")
  }
}

/// Members not added because they may already be in another mini-cluster; the manager adds them
/// anyway by confirming (`--allow-duplicate`, or `y` in the dashboard).
public struct PossibleDuplicates: Error, Hashable, Sendable {
  public var matches: [PossibleDuplicate]

  public init(_ matches: [PossibleDuplicate]) { self.matches = matches }

  /// One line per member.
  public func message(_ l: Language) -> String {
    matches.map { $0.message(l) }.joined(separator: "\n")
  }
}

extension Workspace {
  /// A member as a user picks it among others: `#12 (주)한강로보텍 (IT융합)`.
  static func memberReference(id: Int64, name: String, cluster: String) -> String {
    "#\(id) \(name) (\(cluster))"
  }

  /// The members of other mini-clusters whose name key or business registration number is the
  /// member's, as references.
  static func otherClusterMatches(_ member: Member, _ db: Database) throws -> [(
    id: Int64, reference: String
  )] {
    let key = KoreanText.nameKey(member.name)
    guard !key.isEmpty || !member.businessNumber.isEmpty else { return [] }
    // `<> ''` lets SQLite use the partial index on business numbers.
    return try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT m.id, m.name, c.name AS cluster FROM member m JOIN cluster c ON c.id = m.clusterId
          WHERE m.id IN (
              SELECT id FROM member WHERE nameKey = ?
              UNION SELECT id FROM member WHERE businessNumber = ? AND businessNumber <> '')
            AND m.clusterId <> ? AND m.id <> ? ORDER BY m.id
          """), arguments: [key, member.businessNumber, member.clusterId, member.id]
    ).map {
      (
        $0["id"],
        memberReference(id: $0["id"], name: $0["name"], cluster: $0["cluster"])
      )
    }
  }
}

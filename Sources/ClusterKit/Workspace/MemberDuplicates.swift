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

  /// The members that share a member's name key or business registration number, read once
  /// for both questions asked before it is saved: which are duplicates in its own mini-cluster
  /// (refused) and which are in another (asked about). Two index lookups; an import asks for
  /// every row it adds.
  struct Clashes {
    /// A business number already taken in the member's mini-cluster, then a name already taken.
    var duplicates: [FieldError] = []
    /// The members of other mini-clusters with the same name key or business number, by id.
    var otherClusters: [(id: Int64, reference: String)] = []
  }

  static func clashes(_ member: Member, nameKey: String? = nil, _ db: Database) throws -> Clashes {
    let key = nameKey ?? KoreanText.nameKey(member.name)
    func sharing(_ condition: String, _ value: String) throws -> [Row] {
      try Row.fetchAll(
        db.cachedStatement(
          sql: """
            SELECT m.id, m.name, m.clusterId, c.name AS cluster FROM member m
            JOIN cluster c ON c.id = m.clusterId WHERE \(condition) AND m.id <> ?
            """), arguments: [value, member.id])
    }
    // `<> ''` lets SQLite use the partial indexes on business numbers.
    let sameNumber =
      member.businessNumber.isEmpty
      ? [] : try sharing("m.businessNumber = ? AND m.businessNumber <> ''", member.businessNumber)
    let sameName = try sharing("m.nameKey = ?", key)
    func reference(_ row: Row) -> String {
      memberReference(id: row["id"], name: row["name"], cluster: row["cluster"])
    }
    func inCluster(_ row: Row) -> Bool { (row["clusterId"] as Int64) == member.clusterId }
    var clashes = Clashes()
    if let other = sameNumber.first(where: inCluster) {
      clashes.duplicates.append(
        FieldError(
          field: "businessNumber", problem: .duplicate(of: reference(other)),
          value: BusinessNumber.format(member.businessNumber)))
    }
    if let other = sameName.first(where: inCluster) {
      clashes.duplicates.append(
        FieldError(
          field: "name",
          problem: .duplicate(of: "#\(other["id"] as Int64) \(other["name"] as String)"),
          value: member.name))
    }
    guard !key.isEmpty || !member.businessNumber.isEmpty else { return clashes }
    var seen: Set<Int64> = []
    clashes.otherClusters = (sameName + sameNumber).filter { !inCluster($0) }
      .sorted { ($0["id"] as Int64) < ($1["id"] as Int64) }
      .compactMap { row in seen.insert(row["id"]).inserted ? (row["id"], reference(row)) : nil }
    return clashes
  }
}

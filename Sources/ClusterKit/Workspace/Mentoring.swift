import GRDB

extension Workspace {
  @discardableResult
  public func addExpert(_ expert: Expert) throws -> Expert {
    try write { db in
      var expert = try expert.validated()
      expert.id = try Workspace.nextId("expert", db)
      try expert.insert(db)
      return expert
    }
  }

  /// 1사1멘토링: gives a company its mentor. A company has at most one; assigning another
  /// replaces the first only when `replacing` is set.
  public func assignMentor(_ mentoring: Mentoring, replacing: Bool = false) throws {
    try write { db in
      guard let member = try Member.fetchOne(db, key: mentoring.memberId) else {
        throw WorkspaceError.recordNotFound(kind: "member", reference: "#\(mentoring.memberId)")
      }
      guard member.kind == .company else {
        throw ValidationError([
          FieldError(
            field: "member",
            problem: .other(
              english: "is not a company; mentors are for member companies",
              korean: "기업이 아닙니다. 멘토는 회원 기업에 배정합니다"), value: member.name)
        ])
      }
      guard try Expert.exists(db, key: mentoring.expertId) else {
        throw WorkspaceError.recordNotFound(kind: "expert", reference: "#\(mentoring.expertId)")
      }
      if let current = try Mentoring.fetchOne(db, key: mentoring.memberId), !replacing,
        current.expertId != mentoring.expertId
      {
        let name = try Expert.fetchOne(db, key: current.expertId)?.name ?? "#\(current.expertId)"
        throw ValidationError([
          FieldError(field: "mentor", problem: .duplicate(of: name), value: member.name)
        ])
      }
      try mentoring.validated().save(db)
    }
  }

  @discardableResult
  public func addSIG(_ sig: SIG) throws -> SIG {
    try write { db in
      var sig = try sig.validated()
      guard try Cluster.exists(db, key: sig.clusterId) else {
        throw ValidationError([FieldError(field: "cluster", problem: .notFound)])
      }
      sig.id = try Workspace.nextId("sig", db)
      try sig.insert(db)
      return sig
    }
  }

  /// A company joins a SIG with the task (과제) it brings; joining again updates the task.
  public func joinSIG(_ membership: SIGMembership) throws {
    try write { db in
      guard try SIG.exists(db, key: membership.sigId) else {
        throw WorkspaceError.recordNotFound(kind: "SIG", reference: "#\(membership.sigId)")
      }
      guard try Member.exists(db, key: membership.memberId) else {
        throw WorkspaceError.recordNotFound(kind: "member", reference: "#\(membership.memberId)")
      }
      try membership.validated().save(db)
    }
  }

  /// The SIGs of a cluster (or all) with their members and tasks.
  public func sigs(clusterId: Int64? = nil) throws -> [(
    sig: SIG, members: [(member: Member, task: String)]
  )] {
    try read { db in
      var request = SIG.order(Column("name"))
      if let clusterId { request = request.filter(Column("clusterId") == clusterId) }
      return try request.fetchAll(db).map { sig in
        let members = try Row.fetchAll(
          db,
          sql: """
            SELECT m.*, sm.task AS sigTask FROM sigMember sm JOIN member m ON m.id = sm.memberId
            WHERE sm.sigId = ? ORDER BY m.nameKey
            """, arguments: [sig.id]
        ).map { (member: Member(row: $0), task: $0["sigTask"] as String) }
        return (sig: sig, members: members)
      }
    }
  }
}

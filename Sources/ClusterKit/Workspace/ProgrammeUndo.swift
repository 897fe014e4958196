import GRDB

// Putting back a change to mentoring or a SIG, as `u` in the dashboard does: each is refused
// (`WorkspaceError.conflict`) when the record is no longer as the change left it.

extension Workspace {
  /// Takes back an assignment: the new one is removed (refused once a session was logged with
  /// it) and the one it ended is active again.
  public func undo(_ assignment: MentorAssignment) throws {
    try write { db in
      let assigned = assignment.assigned
      let reference = "#\(assigned.id)"
      guard try Mentoring.fetchOne(db, key: assigned.id) == assigned,
        try MentoringSession.filter(Column("mentoringId") == assigned.id).isEmpty(db)
      else { throw WorkspaceError.conflict(kind: "mentoring", reference: reference) }
      if let ended = assignment.ended {
        guard try Mentoring.fetchOne(db, key: ended.id) == ended else {
          throw WorkspaceError.conflict(kind: "mentoring", reference: "#\(ended.id)")
        }
      }
      _ = try assigned.delete(db)
      if var previous = assignment.ended {
        previous.ended = nil
        try previous.update(db)
      }
    }
  }

  /// Makes an ended assignment active again, unless the company has another mentor meanwhile.
  public func reopen(_ ended: Mentoring) throws {
    try write { db in
      guard try Mentoring.fetchOne(db, key: ended.id) == ended,
        try Workspace.activeMentoring(memberId: ended.memberId, db) == nil
      else { throw WorkspaceError.conflict(kind: "mentoring", reference: "#\(ended.id)") }
      var active = ended
      active.ended = nil
      try active.update(db)
    }
  }

  /// Removes a logged session.
  public func delete(_ session: MentoringSession) throws {
    try write { db in
      guard try MentoringSession.fetchOne(db, key: session.id) == session else {
        throw WorkspaceError.conflict(kind: "mentoring session", reference: "#\(session.id)")
      }
      _ = try session.delete(db)
    }
  }

  /// Puts a company back into a SIG it left, with the day it had joined, and as its leader again
  /// when it led it and nobody leads it now.
  public func restore(_ membership: SIGMembership, asLeader: Bool) throws {
    try write { db in
      var (sig, member) = try Workspace.sigAndMember(membership.sigId, membership.memberId, db)
      if try SIGMembership.exists(db, key: ["sigId": sig.id, "memberId": member.id]) {
        throw WorkspaceError.conflict(kind: "SIG", reference: "#\(sig.id) \(sig.name)")
      }
      try membership.insert(db)
      if asLeader, sig.leaderId == nil {
        sig.leaderId = member.id
        try sig.update(db)
      }
    }
  }

  /// Removes a task just added, unless it moved on since.
  public func delete(_ task: SIGTask) throws {
    try write { db in
      guard try SIGTask.fetchOne(db, key: ["sigId": task.sigId, "number": task.number]) == task
      else {
        throw WorkspaceError.conflict(kind: "SIG task", reference: "\(task.number) \(task.title)")
      }
      _ = try task.delete(db)
    }
  }

  /// Puts a task back in the step it was in before it was moved on (`before`), unless it changed
  /// again since (`after`).
  public func restore(_ before: SIGTask, after: SIGTask) throws {
    try write { db in
      guard try SIGTask.fetchOne(db, key: ["sigId": after.sigId, "number": after.number]) == after
      else {
        throw WorkspaceError.conflict(kind: "SIG task", reference: "\(after.number) \(after.title)")
      }
      try before.update(db)
    }
  }
}

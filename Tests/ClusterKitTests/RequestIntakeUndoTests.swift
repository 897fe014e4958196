import Foundation
import GRDB
import Testing

@testable import ClusterKit

/// Undoing the entry of a request removes it from every list and figure; its audit entries stay,
/// with one saying it was removed by undo (and one when redo puts it back), and the chain holds.
@Suite struct RequestIntakeUndoTests {
  @Test func anEnteredRequestUndoneIsGoneAndComesBackWithRedo() throws {
    let f = try SupportFixture()
    let (request, change) = try f.recorded { try f.pending(nil, 30_000_000) }
    let entries = try f.w.auditLog().count
    try f.w.undoChange(id: change.id)
    #expect(try f.w.request(id: request.id) == nil)
    #expect(try f.w.requestRows(RequestFilter(status: nil)).isEmpty)
    #expect(try f.w.requestCount(RequestFilter(status: .pending)) == 0)
    #expect(try f.w.programFigures(id: f.program.id).totals.requestedKRW == 0)
    let removal = try f.w.auditLog()
    #expect(removal.count == entries + 1)
    #expect(
      removal.last.map { "\($0.requestId ?? 0) \($0.field) \($0.before) → \($0.after)" }
        == "\(request.id) record kept → removed by undo")
    _ = try f.w.verifyAuditChain()
    // A request entered next does not take the removed one's id, nor its history.
    let (other, otherChange) = try f.recorded { try f.pending(f.hanbit, 10_000_000) }
    #expect(other.id == request.id + 1)
    try f.w.undoChange(id: otherChange.id)
    try f.w.redoChange(id: change.id)
    #expect(try f.w.request(id: request.id)?.status == .pending)
    #expect(try f.w.programFigures(id: f.program.id).totals.requestedKRW == 30_000_000)
    #expect(
      try f.w.auditLog().last.map { "\($0.field) \($0.before) → \($0.after)" }
        == "record removed by undo → restored by redo")
    _ = try f.w.verifyAuditChain()
  }

  @Test func anUndoOfARequestThatMovedOnIsRefusedSayingWhatToDo() throws {
    let f = try SupportFixture()
    let (request, change) = try f.recorded { try f.pending(nil, 30_000_000) }
    _ = try f.w.decide(
      requestId: request.id, .approve(amount: 30_000_000, overrideReason: nil),
      on: SupportFixture.today)
    let refusal = #expect(throws: FieldError.self) { try f.w.undoChange(id: change.id) }
    #expect(refusal?.message(.en).contains("is approved now") == true)
    #expect(refusal?.message(.en).contains("or withdraw it") == true)
    #expect(refusal?.message(.ko).contains("'승인' 상태라 접수를 되돌릴 수 없으니") == true)
    #expect(try f.w.request(id: request.id)?.status == .approved)
    _ = try f.w.verifyAuditChain()
  }

  @Test func aRequestMissingWithoutItsRemovalInTheLogIsAProblem() throws {
    let entry = AuditEntry(
      id: 1, requestId: 7, at: "2026-11-26T09:30:00Z", actor: "박매니저", field: "status", before: "",
      after: "pending")
    let problems = AuditChain.historyProblems(requests: [], instalments: [], audit: [entry])
    #expect(problems.map(\.field) == ["audit[0]"])
    let removed = AuditEntry(
      id: 2, requestId: 7, at: "2026-11-26T09:31:00Z", actor: "박매니저",
      field: AuditEntry.recordField, before: AuditEntry.kept, after: AuditEntry.removedByUndo)
    #expect(
      AuditChain.historyProblems(requests: [], instalments: [], audit: [entry, removed]).isEmpty)
  }
}

/// Every merge is in the audit log, whatever records it moves.
@Suite struct MergeAuditTests {
  @Test func aMergeThatMovesNoRequestIsAuditedToo() throws {
    let temp = try TemporaryWorkspace()
    let kept = try temp.member("(주)유신테크")
    let other = try temp.workspace.addCluster(Cluster(name: "G밸리 정밀"))
    let duplicate = try temp.workspace.addMember(
      Member(clusterId: other.id, kind: .company, name: "유신테크"), allowDuplicate: true)
    try temp.workspace.mergeMember(duplicate.id, into: kept.id)
    let log = try temp.workspace.auditLog()
    #expect(
      log.map { "\($0.requestId.map(String.init) ?? "-") \($0.field) \($0.before) → \($0.after)" }
        == [
          "- merge #\(duplicate.id) 유신테크 (G밸리 정밀) → #\(kept.id) (주)유신테크 (지능형메카트로닉스)"
        ])
    #expect(log.first?.actor == "박매니저")
    #expect(try temp.workspace.verifyAuditChain().entries == 1)
  }
}

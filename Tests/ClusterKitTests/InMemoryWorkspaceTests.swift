import Foundation
import Testing

@testable import ClusterKit

@Suite struct InMemoryWorkspaceTests {
  /// Same rules, nothing on disk, and the data version moves with our own writes (the one
  /// connection never sees a commit by another, which is what SQLite's counter counts).
  @Test func behavesLikeAFileWorkspace() throws {
    let w = try Workspace(inMemoryFor: Office(name: "메모리 사무국"), actor: "김매니저")
    #expect(try w.office().name == "메모리 사무국")
    let cluster = try w.addCluster(Cluster(name: "지능형메카트로닉스"))
    let before = try w.dataVersion()
    #expect(try w.dataVersion() == before)
    let member = try w.addMember(
      Member(clusterId: cluster.id, name: "(주)유신테크", businessNumber: "124-81-00998"))
    #expect(try w.dataVersion() != before)
    #expect(try w.findMember("ㅇㅅㅌㅋ").id == member.id)
    #expect(throws: ValidationError.self) {
      try w.addMember(Member(clusterId: cluster.id, name: "유신테크 주식회사"))
    }
    #expect(try w.integrityProblems().isEmpty)
  }
}

import Foundation

@testable import ClusterKit

/// A workspace in a fresh temporary folder, removed when the test is done with it.
final class TemporaryWorkspace {
  let folder: URL
  let workspace: Workspace
  let cluster: Cluster

  init(actor: String = "박매니저") throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "clusterdesk-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    workspace = try Workspace.create(
      at: folder.appendingPathComponent("test.clusterdesk").path,
      office: Office(name: "테스트 사무국"), actor: actor)
    cluster = try workspace.addCluster(Cluster(name: "지능형메카트로닉스", complex: "서울디지털산업단지"))
  }

  var path: String { workspace.path }

  func file(_ name: String) -> String { folder.appendingPathComponent(name).path }

  @discardableResult
  func member(
    _ name: String, number: String = "", role: OfficerRole = .member, kind: MemberKind = .company,
    division: String? = nil
  ) throws -> Member {
    try workspace.addMember(
      Member(clusterId: cluster.id, kind: kind, name: name, businessNumber: number, role: role),
      divisionName: division)
  }

  deinit { try? FileManager.default.removeItem(at: folder) }
}

/// Valid business registration numbers for tests.
func businessNumber(_ seed: Int) -> String {
  let digits = String(format: "%09d", 100_810_000 + seed).compactMap(\.wholeNumberValue)
  return BusinessNumber.complete(digits)
}

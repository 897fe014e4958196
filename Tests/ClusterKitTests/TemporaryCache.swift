import Foundation
import Testing

@testable import ClusterKit

/// Keeps the caches of the JSON workspaces a suite's tests open in a temporary folder of their
/// own, removed afterwards, instead of the user's cache folder.
struct TemporaryCacheTrait: SuiteTrait, TestTrait, TestScoping {
  var isRecursive: Bool { true }

  func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    // Each test (not each suite) gets its own folder: the suite's scope is entered once and
    // the tests' scopes inside it take over.
    guard testCase != nil || !test.isSuite else { return try await function() }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "clusterdesk-cache-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try await JSONWorkspaceCache.$folder.withValue(folder) { try await function() }
  }
}

extension Trait where Self == TemporaryCacheTrait {
  /// The JSON workspaces' caches in a temporary folder, for each test.
  static var temporaryCache: Self { TemporaryCacheTrait() }
}

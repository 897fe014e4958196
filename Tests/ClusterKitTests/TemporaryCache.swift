import Foundation
import Testing

@testable import ClusterKit

/// Runs `scope` — which runs `function`, a test, when the trait's scope is entered for each
/// test — with a new temporary folder named `prefix-UUID`, removed afterwards whatever the test
/// did. A suite's
/// scope is entered once and its tests' scopes inside it take over, so each test (not each
/// suite) gets its own folder.
private func withTemporaryFolder(
  _ prefix: String, for test: Test, testCase: Test.Case?,
  performing function: @Sendable () async throws -> Void, in scope: (URL) async throws -> Void
) async throws {
  guard testCase != nil || !test.isSuite else { return try await function() }
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "\(prefix)-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: folder) }
  try await scope(folder)
}

/// Keeps the caches of the JSON workspaces a suite's tests open in a temporary folder of their
/// own, removed afterwards, instead of the user's cache folder.
struct TemporaryCacheTrait: SuiteTrait, TestTrait, TestScoping {
  var isRecursive: Bool { true }

  func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    try await withTemporaryFolder(
      "clusterdesk-cache", for: test, testCase: testCase, performing: function
    ) { folder in
      try await JSONWorkspaceCache.$folder.withValue(folder.path) { try await function() }
    }
  }
}

/// Gives each test of a suite an empty temporary folder for its files, removed afterwards: the
/// suite's `init` takes it from `TemporaryFolder.current()`.
struct TemporaryFolderTrait: SuiteTrait, TestTrait, TestScoping {
  var isRecursive: Bool { true }

  func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    try await withTemporaryFolder(
      "clusterdesk-json", for: test, testCase: testCase, performing: function
    ) { folder in
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try await TemporaryFolder.$folder.withValue(folder) { try await function() }
    }
  }
}

enum TemporaryFolder {
  @TaskLocal fileprivate static var folder: URL?

  /// The running test's folder (its suite has `.temporaryFolder`).
  static func current() throws -> URL { try #require(folder) }
}

extension Trait where Self == TemporaryCacheTrait {
  /// The JSON workspaces' caches in a temporary folder, for each test.
  static var temporaryCache: Self { TemporaryCacheTrait() }
}

extension Trait where Self == TemporaryFolderTrait {
  /// A temporary folder for each test's files, removed afterwards.
  static var temporaryFolder: Self { TemporaryFolderTrait() }
}

import Foundation
import Testing

/// Runs the built `clusterdesk` the way a user does, in a temporary folder.
struct Binary {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The executable `swift build` / `swift test` put next to the test bundle.
  static var path: String {
    let candidates = [
      ProcessInfo.processInfo.environment["CLUSTERDESK_BINARY"],
      Bundle.main.bundleURL.appendingPathComponent("clusterdesk").path as String?,
      packageRoot.appendingPathComponent(".build/debug/clusterdesk").path as String?,
    ].compactMap { $0 }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutData: Data
  }

  let folder: URL
  var environment: [String: String]

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "clusterdesk-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var env = ProcessInfo.processInfo.environment
    env["CLUSTERDESK_WORKSPACE"] = folder.appendingPathComponent("office.clusterdesk").path
    env["CLUSTERDESK_TODAY"] = "2026-11-26"
    env["CLUSTERDESK_USER"] = "박매니저"
    env["LANG"] = "C.UTF-8"
    // A JSON workspace's cache goes beside the test's folder, not into the user's.
    env["XDG_CACHE_HOME"] = folder.path + "-cache"
    env.removeValue(forKey: "CLUSTERDESK_NO_CACHE")
    env.removeValue(forKey: "CLUSTERDESK_LANG")
    env.removeValue(forKey: "LC_ALL")
    environment = env
  }

  var workspacePath: String { environment["CLUSTERDESK_WORKSPACE"]! }

  /// The environment for the dashboard in a terminal: only what it reads (a terminal's own
  /// variables aside), so that the screen does not depend on the shell the tests run in. The
  /// cache folder stays the test's own.
  var terminalEnvironment: [String: String] {
    var env = environment.filter {
      [
        "CLUSTERDESK_WORKSPACE", "CLUSTERDESK_TODAY", "CLUSTERDESK_USER", "LANG", "PATH", "HOME",
        "XDG_CACHE_HOME",
      ].contains($0.key)
    }
    env["TERM"] = "xterm-256color"
    return env
  }

  /// The cache folder of the JSON workspaces this binary opens.
  var cacheFolder: URL { URL(fileURLWithPath: folder.path + "-cache/clusterdesk") }

  func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

  @discardableResult
  func run(_ arguments: [String], input: Data? = nil, environment extra: [String: String] = [:])
    throws -> Result
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Binary.path)
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.environment = environment.merging(extra) { $1 }
    // Output goes to files, so a large one can never block the child.
    let outURL = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
    let errURL = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let outData = try Data(contentsOf: outURL)
    let errData = try Data(contentsOf: errURL)
    try? FileManager.default.removeItem(at: outURL)
    try? FileManager.default.removeItem(at: errURL)
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
  }

  func cleanUp() {
    try? FileManager.default.removeItem(at: folder)
    try? FileManager.default.removeItem(at: cacheFolder.deletingLastPathComponent())
  }
}

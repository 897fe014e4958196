import Foundation

/// The real binary in a real terminal: a tmux session on its own server socket, driven with
/// send-keys and read back with capture-pane.
final class TmuxSession {
  let socket = "clusterdesk-test-\(UUID().uuidString.prefix(8))"
  let name = "app"
  let folder: URL

  /// Starts `arguments` of the built binary in a `width`×`height` terminal. The shell around it
  /// saves the terminal settings before and after (`stty -g`) and prints the exit status.
  init(
    _ arguments: [String], in folder: URL, environment: [String: String], width: Int, height: Int
  ) throws {
    self.folder = folder
    let exports = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
    let command = ([Binary.path] + arguments).map(Self.quote).joined(separator: " ")
    let script = """
      cd \(Self.quote(folder.path))
      stty -g > stty.before
      env \(exports.joined(separator: " ")) \(command)
      echo "EXIT $?"
      stty -g > stty.after
      sleep 600
      """
    try script.write(
      to: folder.appendingPathComponent("session.sh"), atomically: true, encoding: .utf8)
    try tmux([
      "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height),
      "bash \(Self.quote(folder.appendingPathComponent("session.sh").path))",
    ])
  }

  static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    try runTmux(
      socket: socket, arguments, environment: ProcessInfo.processInfo.environment, scratch: folder)
  }

  /// Named keys as tmux knows them: Enter, Escape, Tab, C-c, Up, ...
  func press(_ keys: String...) throws {
    for key in keys { try tmux(["send-keys", "-t", name, key]) }
  }

  /// Text typed literally, Hangul included.
  func type(_ text: String) throws {
    try tmux(["send-keys", "-t", name, "-l", text])
  }

  func screen() throws -> String {
    try tmux(["capture-pane", "-p", "-t", name])
  }

  /// The screen for a failure message.
  var text: String { (try? screen()) ?? "" }

  /// Waits until the screen shows `text` (or until a generous limit, for a hung program); returns
  /// whether it did. Nothing here measures time: the limit only keeps a broken run from hanging.
  func waitFor(_ text: String, limit: TimeInterval = 20) throws -> Bool {
    try waitUntil(limit: limit) { $0.contains(text) }
  }

  /// Waits until the screen satisfies `condition`; false if it never did within the limit.
  func waitUntil(limit: TimeInterval = 20, _ condition: (String) -> Bool) throws -> Bool {
    let deadline = Date().addingTimeInterval(limit)
    while Date() < deadline {
      if condition(try screen()) { return true }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return false
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
  }

  /// The terminal settings before the program started and after it ended.
  func terminalSettings() throws -> (before: String, after: String) {
    let before = try String(
      contentsOf: folder.appendingPathComponent("stty.before"), encoding: .utf8)
    let after = try String(contentsOf: folder.appendingPathComponent("stty.after"), encoding: .utf8)
    return (before, after)
  }

  func close() { _ = try? tmux(["kill-server"]) }
}

/// Runs one tmux command on a private server (`-L socket`) and returns what it printed. It is
/// spawned and reaped directly: Foundation's `Process` can wait forever on a client whose server
/// daemonized from it, and a test's worker thread blocks signals that the terminal and the
/// program in it must not inherit.
func runTmux(socket: String, _ arguments: [String], environment: [String: String], scratch: URL)
  throws -> String
{
  let outputFile = scratch.appendingPathComponent("tmux-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: outputFile) }
  let argv = ["tmux", "-u", "-L", socket, "-f", "/dev/null"] + arguments
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(
    &actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_adddup2(&actions, 1, 2)
  var cArguments = argv.map { strdup($0) } + [nil]
  defer { for argument in cArguments { free(argument) } }
  var cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer { for variable in cEnvironment { free(variable) } }
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var noSignals = sigset_t()
  sigemptyset(&noSignals)
  posix_spawnattr_setsigmask(&attributes, &noSignals)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
  var pid: pid_t = 0
  guard posix_spawnp(&pid, "tmux", &actions, &attributes, &cArguments, &cEnvironment) == 0 else {
    throw CocoaError(
      .executableNotLoadable, userInfo: [NSLocalizedDescriptionKey: "cannot run tmux"])
  }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
  return (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
}

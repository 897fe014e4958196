import Foundation

/// A private tmux server (its own socket) running bash in one window, for driving the dashboard
/// in a real terminal: type keys, read the screen back, resize, and read the terminal's settings
/// before and after. `close()` ends the server and everything in it.
final class Tmux {
  let socket = "cd-test-\(UUID().uuidString.prefix(8))"
  let session = "s"
  let cli: Binary
  private var serverPid: Int32?

  static var available: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
      || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
  }

  /// Starts bash (with job control, no profile) in a `width` x `height` window.
  init(_ cli: Binary, width: Int = 100, height: Int = 30) throws {
    self.cli = cli
    try tmux([
      "new-session", "-d", "-s", session, "-x", String(width), "-y", String(height),
      "bash --norc --noprofile -i",
    ])
    try tmux(["set-option", "-g", "window-size", "manual"])
    try tmux(["set-option", "-g", "status", "off"])
    // PS1 marks where the shell is ready again.
    type("export PS1='$ '; cd \(Tmux.quote(cli.folder.path))")
    _ = waitFor { $0.contains { $0.hasPrefix("$") } }
    serverPid = Int32(
      (try? tmux(["display-message", "-p", "#{pid}"]))?.trimmingCharacters(
        in: .whitespacesAndNewlines) ?? "")
  }

  static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// A shell command line that runs the binary with these arguments (env is the server's).
  func commandLine(_ arguments: [String]) -> String {
    ([Tmux.quote(Binary.path)] + arguments.map(Tmux.quote)).joined(separator: " ")
  }

  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    try runTmux(
      socket: socket, arguments,
      environment: cli.environment.merging(["TERM": "xterm-256color"]) { $1 }, scratch: cli.folder)
  }

  /// Types a line into the shell and presses Enter.
  func type(_ line: String) {
    _ = try? tmux(["send-keys", "-t", session, "-l", line])
    _ = try? tmux(["send-keys", "-t", session, "Enter"])
  }

  /// Sends tmux key names (`Escape`, `C-s`, `Down`, ...) or, with `literal`, text.
  func keys(_ keys: [String], literal: Bool = false) {
    _ = try? tmux(["send-keys", "-t", session] + (literal ? ["-l"] : []) + keys)
  }

  /// The visible screen, one string per row, trailing spaces cut.
  func screen() -> [String] {
    let text = (try? tmux(["capture-pane", "-p", "-t", session])) ?? ""
    return text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.reversed().drop { $0 == " " }.reversed())
    }
  }

  var screenText: String { screen().joined(separator: "\n") }

  /// Waits (up to `timeout` seconds) for the screen to satisfy `condition`.
  @discardableResult
  func waitFor(timeout: Double = 20, _ condition: ([String]) -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if condition(screen()) { return true }
      usleep(50_000)
    }
    return false
  }

  func waitFor(text: String, timeout: Double = 20) -> Bool {
    waitFor(timeout: timeout) { $0.joined(separator: "\n").contains(text) }
  }

  func resize(width: Int, height: Int) {
    _ = try? tmux(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
  }

  /// The process id of the program in the foreground of the pane (the dashboard while it runs).
  func foregroundPid(named name: String = "clusterdesk") -> Int32? {
    guard
      let shell = Int32(
        (try? tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]))?
          .trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
    else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["pgrep", "-P", String(shell), "-x", name]
    let out = Pipe()
    process.standardOutput = out
    try? process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").first.flatMap { Int32($0) }
  }

  func close() {
    _ = try? tmux(["kill-server"])
    if let serverPid { kill(serverPid, SIGKILL) }
    // A killed server leaves its socket behind.
    let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
    unlink("\(directory)/tmux-\(getuid())/\(socket)")
  }
}

/// Display width of a captured row as the terminal counts it (wide East Asian characters take
/// two columns).
func displayWidth(_ row: String) -> Int {
  row.unicodeScalars.reduce(0) { width, scalar in
    let v = scalar.value
    if v < 0x20 || (0x300...0x36F).contains(v) || v == 0x200B { return width }
    let wide =
      (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
      || (0xFF00...0xFF60).contains(v)
      || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
      || (0x20000...0x3FFFD).contains(v)
    return width + (wide ? 2 : 1)
  }
}

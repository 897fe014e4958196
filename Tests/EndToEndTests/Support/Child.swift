import Foundation

/// The reliability tests' knobs: a short run by default, the long one with
/// `CLUSTERDESK_LONG_TESTS=1`.
enum Long {
  static var enabled: Bool { ProcessInfo.processInfo.environment["CLUSTERDESK_LONG_TESTS"] == "1" }

  /// `short` normally, `long` in the long run.
  static func pick(_ short: Int, _ long: Int) -> Int { enabled ? long : short }

  /// A seed from `CLUSTERDESK_SEED`, so a failure can be replayed, else a fixed one.
  static var seed: UInt64 {
    ProcessInfo.processInfo.environment["CLUSTERDESK_SEED"].flatMap(UInt64.init) ?? 20_261_126
  }

  /// Appends a figure to `$CLUSTERDESK_FIGURES` (if set) for RELIABILITY.md.
  static func record(_ line: String) {
    guard let path = ProcessInfo.processInfo.environment["CLUSTERDESK_FIGURES"] else { return }
    let data = Data((line + "\n").utf8)
    if let handle = FileHandle(forWritingAtPath: path) {
      handle.seekToEndOfFile()
      handle.write(data)
      try? handle.close()
    } else {
      _ = FileManager.default.createFile(atPath: path, contents: data)
    }
  }
}

/// SplitMix64, so every random choice in a test follows from its seed.
struct Rng: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// The built binary running in the background, its standard output and error collected as they
/// arrive (by threads, so the child never blocks on a full pipe).
final class Child: @unchecked Sendable {
  let process = Process()
  private let lock = NSLock()
  private var out = Data()
  private var err = Data()
  private let done = DispatchGroup()

  init(
    _ cli: Binary, _ arguments: [String], executable: String = Binary.path,
    environment extra: [String: String] = [:]
  ) throws {
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = cli.folder
    process.environment = cli.environment.merging(extra) { $1 }
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    collect(outPipe.fileHandleForReading.fileDescriptor, error: false)
    collect(errPipe.fileHandleForReading.fileDescriptor, error: true)
    // The parent's copies of the write ends must go, or reading never sees the end.
    try? outPipe.fileHandleForWriting.close()
    try? errPipe.fileHandleForWriting.close()
  }

  private func collect(_ fd: Int32, error: Bool) {
    done.enter()
    Thread.detachNewThread { [self] in
      var buffer = [UInt8](repeating: 0, count: 65536)
      while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        lock.lock()
        if error {
          err.append(contentsOf: buffer[0..<n])
        } else {
          out.append(contentsOf: buffer[0..<n])
        }
        lock.unlock()
      }
      done.leave()
    }
  }

  var stdout: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: out, as: UTF8.self)
  }

  var stderr: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: err, as: UTF8.self)
  }

  /// Complete lines of standard output so far.
  var lines: [String] {
    let text = stdout
    guard let end = text.lastIndex(of: "\n") else { return [] }
    return text[..<end].split(separator: "\n").map(String.init)
  }

  /// Waits until `condition` holds or the child ends; false after `timeout` seconds (a hang).
  func wait(upTo timeout: Double, until condition: (Child) -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if condition(self) || !process.isRunning { return true }
      usleep(2000)
    }
    return false
  }

  func kill(_ signal: Int32) { Foundation.kill(process.processIdentifier, signal) }

  /// Waits for the end (killing it after `timeout` seconds, which counts as a hang) and for the
  /// last of its output. Returns false on a hang.
  @discardableResult
  func finish(timeout: Double = 120) -> Bool {
    let ended = wait(upTo: timeout) { _ in false }
    if process.isRunning {
      kill(SIGKILL)
    }
    process.waitUntilExit()
    done.wait()
    return ended
  }

  var killedBySignal: Int32? {
    process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
  }
}

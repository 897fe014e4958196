// swift-format-ignore-file: OrderedImports
// The C library's `stdout`, whose error flag says whether anything printed was lost: Swift 6
// reads a C global only through a pre-concurrency import, which must come before Foundation's.
@preconcurrency import Glibc
import ClusterKit
import Foundation

/// Output that could not be written (a full disk, a failing device): one sentence, exit status 3.
struct OutputError: Error {
  /// The file, or nil for standard output.
  var destination: String?
  var problem: FileProblem

  var message: String {
    let reason = problem.reason(language)
    guard let destination else {
      // Code 0: the C library saw the write fail earlier and kept no reason.
      return problem.code == 0
        ? language.pick(
          "Could not write to standard output; the output is incomplete.",
          "표준 출력에 쓸 수 없었습니다. 출력이 완전하지 않습니다.")
        : language.pick(
          "Could not write to standard output (\(reason)); the output is incomplete.",
          "표준 출력에 쓸 수 없었습니다(\(reason)). 출력이 완전하지 않습니다.")
    }
    return language.pick(
      "Could not write \(destination) (\(reason)); nothing was written there.",
      "\(destination)에 쓸 수 없었습니다(\(reason)). 그 파일에는 아무것도 쓰지 않았습니다.")
  }
}

// Everything the command writes goes through the functions below: the one output path. It
// keeps text from a workspace or a file — a name imported from JSON, `CLUSTERDESK_USER`, a line
// of a bad CSV — from driving the terminal (an escape sequence could clear the screen, move the
// cursor or set the clipboard, OSC 52), and it notices a write that fails (a full disk): C's
// `stdout` keeps an error flag, checked when the command ends (`finishStandardOutput`). `print`
// here shadows the standard library's in this module, so every `print(...)` of the commands is
// cleaned without anyone having to remember it.

/// Prints text for people on standard output, without control characters other than line
/// breaks and tabs (`KoreanText.printable`).
func print(_ text: String = "", terminator: String = "\n") {
  Swift.print(KoreanText.printable(text), terminator: terminator)
}

/// Writes a file's bytes (CSV, JSON, a workbook) to standard output through the same buffer as
/// `print`, so the order is kept: as they are into a file or a pipe, and cleaned like `print`
/// when standard output is a terminal.
func writeStandardOutput(_ data: Data) {
  let shown =
    isatty(STDOUT_FILENO) == 1
    ? Data(KoreanText.printable(String(decoding: data, as: UTF8.self)).utf8) : data
  shown.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
}

/// Prints one message on standard error, cleaned like `print`.
func printError(_ text: String) {
  writeStandardError(KoreanText.printable(text) + "\n")
}

/// Straight to the file descriptor; a failure to write to standard error has nowhere to be
/// reported. Text from outside the program goes through `printError` instead.
func writeStandardError(_ text: String) {
  let bytes = Array(text.utf8)
  var written = 0
  while written < bytes.count {
    let n = bytes[written...].withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    if n < 0 && errno == EINTR { continue }
    if n <= 0 { return }
    written += n
  }
}

/// Set once a failed write of standard output has been said, so it is said once.
nonisolated(unsafe) var outputFailureReported = false

/// Pushes out what is still buffered for standard output and says if any of it, or of what was
/// written before, was lost.
func finishStandardOutput() throws {
  errno = 0
  let flushed = fflush(stdout) == 0
  let code = errno
  guard !flushed || ferror(stdout) != 0 else { return }
  clearerr(stdout)
  throw OutputError(destination: nil, problem: FileProblem(path: "-", code: flushed ? 0 : code))
}

/// Output written outside a command's body (help, usage) is checked as the process exits.
func checkStandardOutputAtExit() {
  atexit {
    // A terminal that went away (SIGHUP) has no one to tell.
    guard !outputFailureReported, isatty(1) == 0 else { return }
    do {
      try finishStandardOutput()
    } catch let error as OutputError {
      printError(error.message)
      _exit(3)
    } catch {}
  }
}

/// Writes data to a file created owner-only (beside its place, then moved in), or to standard
/// output. A device or pipe (/dev/stdout, a FIFO) is written in place. A SQLite database — the
/// workspace itself under any of its names, a backup, another program's — or a journal beside
/// one is never written over.
func writeOutput(_ data: Data, to path: String?, workspace: Workspace? = nil) throws {
  try writeOutput(to: path, workspace: workspace) { sink in try sink(data) }
}

/// The same for output made a piece at a time (see `OutputFile.write(to:workspacePath:_:)`).
func writeOutput(
  to path: String?, workspace: Workspace? = nil,
  _ produce: (_ sink: (Data) throws -> Void) throws -> Void
) throws {
  guard let path else {
    try produce { writeStandardOutput($0) }
    return
  }
  do {
    try OutputFile.write(to: path, workspacePath: workspace?.path, produce)
  } catch let refusal as OutputRefusal {
    throw CommandError(refusal)
  } catch let problem as FileProblem {
    throw OutputError(destination: path, problem: problem)
  }
}

/// Refuses an output path that names a SQLite database or one's `-wal`, `-shm` or `-journal`.
func refuseDatabase(_ path: String, workspace: Workspace?) throws {
  if let refusal = OutputFile.refusal(path, workspacePath: workspace?.path) {
    throw CommandError(refusal)
  }
}

extension CommandError {
  init(_ refusal: OutputRefusal) { self.init(refusal.message(.en), refusal.message(.ko)) }
}

/// Says what was written, unless the output was a pipe or a device (standard output), where
/// the sentence would end up inside the file.
func saidWritten(_ path: String, _ sentence: String) {
  var info = stat()
  guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
  print(sentence)
}

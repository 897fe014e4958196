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

/// Writes to standard output through the same buffer as `print`, so the order is kept; a write
/// that fails is noticed when the command ends (`finishStandardOutput`).
func writeStandardOutput(_ data: Data) {
  data.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
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
  guard let path else {
    writeStandardOutput(data)
    return
  }
  try refuseDatabase(path, workspace: workspace)
  var info = stat()
  if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
    let fd = open(path, O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { throw OutputError(destination: path, problem: FileProblem(path: path)) }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    do {
      try handle.write(contentsOf: data)
    } catch {
      throw OutputError(
        destination: path, problem: FileProblem(path: path, code: (error as NSError).posixCode))
    }
    return
  }
  // Written beside its place and renamed over it: an export that replaces an older one (even one
  // readable by others) ends up 0600, and a failed write (a full disk) leaves the older one whole.
  do {
    let partial = try PartialFile(for: path)
    try partial.write(data)
    try partial.commit(replacing: true)
  } catch let problem as FileProblem {
    throw OutputError(destination: path, problem: problem)
  }
}

/// Refuses an output path that names a SQLite database or one's `-wal`, `-shm` or `-journal`.
func refuseDatabase(_ path: String, workspace: Workspace?) throws {
  for suffix in ["-wal", "-shm", "-journal"] where path.hasSuffix(suffix) {
    let database = String(path.dropLast(suffix.count))
    if isDatabase(database) || workspace.map({ sameFile(database, $0.path) }) == true {
      throw CommandError(
        "\(path) belongs to the database \(database); nothing was written, so choose another file.",
        "\(path)은(는) 데이터베이스 \(database)에 딸린 파일입니다. 아무것도 쓰지 않았으니 다른 파일을 고르세요.")
    }
  }
  if let workspace, sameFile(path, workspace.path) {
    throw CommandError(
      "\(path) is the workspace itself; nothing was written, so choose another file.",
      "\(path)은(는) 워크스페이스 자체입니다. 아무것도 쓰지 않았으니 다른 파일을 고르세요.")
  }
  if isDatabase(path) {
    throw CommandError(
      "\(path) is a SQLite database (a workspace, a backup or another program's); nothing was written, so choose another file.",
      "\(path)은(는) SQLite 데이터베이스(워크스페이스, 백업 또는 다른 프로그램의 파일)입니다. 아무것도 쓰지 않았으니 다른 파일을 고르세요."
    )
  }
}

/// True when `path` is a regular file that starts like a SQLite database.
func isDatabase(_ path: String) -> Bool {
  let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
  guard fd >= 0 else { return false }
  defer { close(fd) }
  var info = stat()
  guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
  var header = [UInt8](repeating: 0, count: 16)
  return read(fd, &header, 16) == 16 && header == Array("SQLite format 3\0".utf8)
}

/// True when both paths name the same file (device and inode), through links or not.
func sameFile(_ a: String, _ b: String) -> Bool {
  var first = stat()
  var second = stat()
  return stat(a, &first) == 0 && stat(b, &second) == 0 && first.st_dev == second.st_dev
    && first.st_ino == second.st_ino
}

extension NSError {
  /// The errno behind a Foundation file error, or EIO.
  var posixCode: Int32 {
    if domain == NSPOSIXErrorDomain { return Int32(code) }
    if let underlying = userInfo[NSUnderlyingErrorKey] as? NSError { return underlying.posixCode }
    return EIO
  }
}

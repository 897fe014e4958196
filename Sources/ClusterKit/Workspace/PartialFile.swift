import Foundation

/// The operating system refused to write a file: which file, and why (`errno`).
public struct FileProblem: Error, Equatable, Sendable {
  public var path: String
  public var code: Int32

  public init(path: String, code: Int32 = errno) {
    self.path = path
    self.code = code
  }

  public var isDiskFull: Bool { code == ENOSPC || code == EDQUOT }

  /// Why, in a few words a user understands.
  public func reason(_ language: Language) -> String {
    switch code {
    case ENOSPC, EDQUOT: language.pick("the disk is full", "디스크가 가득 찼습니다")
    case EACCES, EPERM: language.pick("permission denied", "권한이 없습니다")
    case EROFS: language.pick("the file system is read-only", "읽기 전용 파일 시스템입니다")
    case EFBIG: language.pick("the file is too large", "파일이 너무 큽니다")
    case EIO: language.pick("an input/output error", "입출력 오류가 났습니다")
    case EEXIST: language.pick("a file is already there", "이미 파일이 있습니다")
    case ENOENT: language.pick("the folder does not exist", "폴더가 없습니다")
    default: String(cString: strerror(code))
    }
  }
}

/// A file written beside its final place and moved in only when complete, so nobody finds half
/// of it under the final name. It is `NAME.PID.partial`, owner-only, and locked (`flock`) while
/// its writer lives; one left by a process that is gone (killed, or stopped by a full disk) is
/// removed the next time anything is written to the same place. A SQLite file built this way
/// takes its `-wal` and `-shm` with it.
public final class PartialFile {
  public let destination: String
  public let path: String
  private var descriptor: Int32

  public init(for destination: String) throws {
    self.destination = destination
    path = "\(destination).\(getpid()).partial"
    PartialFile.removeStale(for: destination)
    // One of our own pid can only be a leftover of an earlier process that had this pid.
    PartialFile.remove(path)
    descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw FileProblem(path: destination) }
    flock(descriptor, LOCK_EX)
  }

  deinit { discard() }

  public func write(_ data: Data) throws {
    try data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { throw FileProblem(path: destination) }
        offset += n
      }
    }
  }

  /// Makes the file durable and moves it to its place. Without `replacing`, a file that is already
  /// there stays and the move fails.
  public func commit(replacing: Bool) throws {
    guard descriptor >= 0 else { throw FileProblem(path: destination, code: EBADF) }
    guard fsync(descriptor) == 0 else { throw FileProblem(path: destination) }
    if replacing {
      guard rename(path, destination) == 0 else { throw FileProblem(path: destination) }
    } else if link(path, destination) == 0 {
      unlink(path)
    } else {
      // Some file systems have no hard links; there the check and the move are two steps.
      guard errno != EEXIST, access(destination, F_OK) != 0 else {
        throw FileProblem(path: destination, code: EEXIST)
      }
      guard rename(path, destination) == 0 else { throw FileProblem(path: destination) }
    }
    PartialFile.syncFolder(of: destination)
    close(descriptor)
    descriptor = -1
  }

  /// Removes the partial (and a database's companions) without touching the destination.
  public func discard() {
    guard descriptor >= 0 else { return }
    PartialFile.remove(path)
    close(descriptor)
    descriptor = -1
  }

  static func remove(_ path: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
  }

  /// Makes a rename in a folder survive a power cut.
  static func syncFolder(of path: String) {
    let folder = (path as NSString).deletingLastPathComponent
    let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }

  /// Removes `NAME.PID.partial` files beside `destination` whose writer is gone: no process has
  /// that pid, and nobody holds the file's lock. Only regular files of this user are touched.
  public static func removeStale(for destination: String) {
    removeStale(
      in: (destination as NSString).deletingLastPathComponent,
      prefix: (destination as NSString).lastPathComponent + ".")
  }

  /// The same for every partial in `folder` (whose names start with `prefix`).
  static func removeStale(in folder: String, prefix: String = "") {
    guard
      let names = try? FileManager.default.contentsOfDirectory(
        atPath: folder.isEmpty ? "." : folder)
    else { return }
    for name in names where name.hasPrefix(prefix) {
      // The partial itself, or a database's companion left without it.
      var base = Substring(name)
      for suffix in ["-wal", "-shm", "-journal"] where base.hasSuffix(suffix) {
        base = base.dropLast(suffix.count)
      }
      guard base.hasSuffix(".partial") else { continue }
      let stem = base.dropLast(".partial".count)
      guard stem.count > prefix.count, let dot = stem.lastIndex(of: ".") else { continue }
      let middle = stem[stem.index(after: dot)...]
      guard let pid = Int32(middle), pid > 0, pid != getpid() else { continue }
      guard kill(pid, 0) != 0, errno == ESRCH else { continue }
      let path = (folder as NSString).appendingPathComponent(String(base))
      let fd = open(
        access(path, F_OK) == 0 ? path : (folder as NSString).appendingPathComponent(name),
        O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
      guard fd >= 0 else { continue }
      defer { close(fd) }
      var info = stat()
      guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid(),
        flock(fd, LOCK_EX | LOCK_NB) == 0
      else { continue }
      remove(path)
    }
  }
}

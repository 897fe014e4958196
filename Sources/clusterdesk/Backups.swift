import ArgumentParser
import ClusterKit
import Foundation

struct Backup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: language.pick(
      "Take a consistent copy of the workspace, even while dashboards are open.",
      "대시보드가 열려 있어도 워크스페이스의 일관된 복사본을 만듭니다."),
    discussion: language.pick(
      """
      Without --output the copy goes into the folder beside the workspace (PATH.backups), where \
      the automatic backups also are: one a day, taken in the background on the first open of the \
      day; the last 7 days and the last of each of the 4 weeks before are kept. Copies are \
      readable by you only. `clusterdesk restore FILE` puts one back.
      """,
      """
      --output가 없으면 워크스페이스 옆 폴더(PATH.backups)에 저장합니다. 자동 백업도 그 폴더에 있습니다: \
      하루의 첫 실행 때 백그라운드에서 하루 한 번 만들고, 최근 7일 치와 그 전 4주의 주마다 마지막 것을 \
      남깁니다. 복사본은 본인만 읽을 수 있습니다. `clusterdesk restore FILE`로 되살립니다.
      """))

  @OptionGroup var location: WorkspaceLocation
  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      language.pick(
        "Write the copy to this new file (an existing file is never replaced).",
        "복사본을 이 새 파일에 씁니다 (있는 파일은 바꾸지 않습니다).")))
  var output: String?
  @Flag(help: .hidden) var automatic = false

  func run() throws {
    if automatic {
      AutomaticBackup.run(for: location.path)
      return
    }
    try reporting {
      let workspace = try location.open()
      if let output, FileManager.default.fileExists(atPath: output) {
        throw CommandError(
          "\(output) already exists; a backup never replaces a file, so choose a new name.",
          "\(output, .subject) 이미 있습니다. 백업은 있는 파일을 바꾸지 않으니 새 이름을 고르세요.")
      }
      let destination =
        try output ?? Backups.newPath(for: workspace.path, label: "manual", today: today)
      try workspace.backUp(to: destination)
      print(
        language.pick(
          "Backed up \(workspace.path) to \(destination).",
          "\(workspace.path, .object) \(destination)에 백업했습니다."))
    }
  }
}

struct Restore: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: language.pick(
      "Put a backup back: check it, keep the current workspace as a backup, then replace it.",
      "백업을 되살립니다: 백업을 검사하고, 지금 워크스페이스를 백업으로 남긴 뒤 바꿉니다."),
    discussion: language.pick(
      """
      FILE must be a ClusterDesk workspace (a backup, or a workspace file) that passes SQLite's \
      integrity check; one of an older version is brought up to date. The current content is \
      kept in PATH.backups first. A dashboard open on the workspace shows the restored content on \
      its next frame; a form it had open is refused as a conflict when saved.
      """,
      """
      FILE은 SQLite 무결성 검사를 통과하는 ClusterDesk 워크스페이스(백업 또는 워크스페이스 파일)여야 \
      하며, 이전 버전이면 지금 버전으로 바꿉니다. 지금 내용은 먼저 PATH.backups에 남깁니다. 워크스페이스에 \
      열려 있는 대시보드는 다음 화면부터 되살린 내용을 보여 주고, 열어 둔 입력 양식은 저장할 때 충돌로 \
      거절됩니다.
      """))

  @OptionGroup var location: WorkspaceLocation
  @Argument(
    help: ArgumentHelp(language.pick("The backup to put back.", "되살릴 백업 파일.")))
  var file: String

  func run() throws {
    try reporting {
      let workspace = try location.open()
      if !FileManager.default.fileExists(atPath: file) {
        throw CommandError("\(file) does not exist.", "\(file, .subject) 없습니다.")
      }
      if OutputFile.sameFile(file, workspace.path) {
        throw CommandError(
          "\(file) is the workspace itself; give a backup to restore from.",
          "\(file, .topic) 워크스페이스 자체입니다. 되살릴 백업 파일을 주세요.")
      }
      let keep = try Backups.newPath(for: workspace.path, label: "before-restore", today: today)
      let result = try workspace.restore(from: file, keepingCurrentAt: keep)
      let l = language
      print(
        l.pick(
          "Restored \(workspace.path) from \(file): it now holds \(result.restored.summary(l)). What it held before (\(result.replaced.summary(l))) is kept in \(result.keptAt).",
          "\(file)에서 \(workspace.path, .object) 되살렸습니다: 이제 \(result.restored.summary(l))이 있습니다. 이전 내용(\(result.replaced.summary(l)))은 \(result.keptAt)에 남겼습니다."
        ))
    }
  }
}

/// Today's automatic backup, taken by a process of its own: opening never waits for it, and a
/// command that ends at once does not cut it off.
enum AutomaticBackup {
  static func startIfDue(for workspace: Workspace) {
    guard Backups.isAutomaticDue(for: workspace.path, today: today),
      let executable = Bundle.main.executablePath
    else { return }
    let arguments = [executable, "backup", "--automatic", "--workspace", workspace.path]
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd: Int32 in [0, 1, 2] {
      posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // Not the terminal's signals: the dashboard blocks some, and Ctrl-C is not meant for it.
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGPIPE] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var cArguments = arguments.map { strdup($0) } + [nil]
    defer { for argument in cArguments { free(argument) } }
    var cEnvironment =
      ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for variable in cEnvironment { free(variable) } }
    var spawned: pid_t = 0
    guard posix_spawn(&spawned, executable, &actions, &attributes, &cArguments, &cEnvironment) == 0
    else { return }
    // Reaped when it ends, if this process lives that long (the dashboard); else init does it.
    let pid = spawned
    Thread.detachNewThread {
      var status: Int32 = 0
      while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }
  }

  /// The automatic backup itself, in its own session and at the lowest priority. It is quiet:
  /// a failure (a full disk) leaves no half-made copy, and the next open tries again.
  static func run(for workspace: String) {
    setsid()
    signal(SIGHUP, SIG_IGN)
    setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
    _ = try? Backups.takeAutomatic(for: workspace, today: today)
  }
}

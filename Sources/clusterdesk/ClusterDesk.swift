import ArgumentParser
import ClusterKit
import Foundation

@main
struct ClusterDesk: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clusterdesk",
    abstract: language.pick(
      "The mini-cluster office's member directory, meetings, visits and support requests.",
      "미니클러스터 사무국의 회원 명부, 회의, 방문, 지원신청을 관리합니다."),
    discussion: language.pick(
      """
      With no subcommand, opens the dashboard on the workspace. The workspace is --workspace PATH, \
      else $CLUSTERDESK_WORKSPACE, else \(WorkspaceLocation.defaultPath): a SQLite file or a JSON \
      file (told by its content). The interface speaks Korean when LANG (or CLUSTERDESK_LANG) \
      starts with ko, English otherwise.
      """,
      """
      하위 명령 없이 실행하면 워크스페이스의 대시보드를 엽니다. 워크스페이스는 --workspace PATH, \
      없으면 $CLUSTERDESK_WORKSPACE, 그것도 없으면 \(WorkspaceLocation.defaultPath)이며, SQLite 파일이나 JSON \
      파일(내용으로 구별)입니다. LANG(또는 \
      CLUSTERDESK_LANG)이 ko로 시작하면 한국어로, 아니면 영어로 표시합니다.
      """),
    subcommands: commands,
    defaultSubcommand: namesCommand(CommandLine.arguments.dropFirst().first) ? nil : Open.self
  )

  static let commands: [ParsableCommand.Type] = [
    Open.self, Demo.self, Init.self, Import.self, Export.self, Convert.self, Backup.self,
    Restore.self,
    OfficeCommand.self, MembersCommand.self, VisitsCommand.self, MeetingsCommand.self,
    ProgramsCommand.self, RequestsCommand.self, ExpertsCommand.self, MentoringCommand.self,
    SIGsCommand.self, Report.self, DirectoryBookCommand.self, Audit.self, Undo.self,
    Generate.self, BenchDomain.self, WriteLoop.self,
  ]

  /// Whether the command line's first word names one of our commands. Then the dashboard is not
  /// the default: the parser would otherwise build the dashboard command's arguments (through
  /// reflection) for every word that names a command, only to learn that it takes none of them
  /// whole — about a tenth of a list command's time. What is parsed and said stays the same.
  static func namesCommand(_ word: String?) -> Bool {
    guard let word else { return false }
    return commands.contains { $0._commandName == word || $0.configuration.aliases.contains(word) }
  }

  /// ArgumentParser's own `main`, except that its messages — which quote what was typed, as in
  /// "Unknown option '…'" — go out through `print` and `printError` like every other text, and
  /// a failed write of what was printed is said as the process exits. Every change a command
  /// makes is recorded, so that `clusterdesk undo` can revert it.
  static func main() {
    checkStandardOutputAtExit()
    if let plain = PlainOpen(CommandLine.arguments.dropFirst()) { plain.run() }
    guard let label = CommandLineChange.label(Array(CommandLine.arguments.dropFirst())) else {
      return parseAndRun()
    }
    Workspace.recordingChanges(.commandLine, label) { parseAndRun() }
  }

  private static func parseAndRun() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if !message.isEmpty {
        if code == .success { print(message) } else { printError(message) }
      }
      Foundation.exit(code.rawValue)
    }
  }
}

/// Where the workspace file is: --workspace, else $CLUSTERDESK_WORKSPACE, else the user's data
/// directory.
struct WorkspaceLocation: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      language.pick(
        "The workspace file, SQLite or JSON (default: $CLUSTERDESK_WORKSPACE, else \(defaultPath)).",
        "워크스페이스 파일, SQLite 또는 JSON (기본값: $CLUSTERDESK_WORKSPACE, 없으면 \(defaultPath)).")))
  var workspace: String?

  /// Worked out once: the help of every command that takes `--workspace` names it, and the
  /// parser builds those of the commands on its way (the environment, as a dictionary, costs
  /// a third of a million instructions each time it is asked for).
  static let defaultPath: String = {
    let base =
      environment("XDG_DATA_HOME")
      ?? ((environment("HOME") ?? NSHomeDirectory()) as NSString)
      .appendingPathComponent(".local/share")
    return (base as NSString).appendingPathComponent("clusterdesk/workspace.clusterdesk")
  }()

  /// `$CLUSTERDESK_WORKSPACE`, nil when unset or empty.
  static let environmentPath = environment("CLUSTERDESK_WORKSPACE")

  /// One environment variable, nil when unset or empty.
  private static func environment(_ name: String) -> String? {
    guard let value = getenv(name), value.pointee != 0 else { return nil }
    return String(cString: value)
  }

  var path: String { Self.path(workspace) }

  /// The path given, else $CLUSTERDESK_WORKSPACE, else the default.
  static func path(_ workspace: String?) -> String {
    workspace ?? environmentPath ?? defaultPath
  }

  var isDefault: Bool { workspace == nil && Self.environmentPath == nil }

  /// Opens the workspace; with `create`, a missing one is made (and, for the default location,
  /// its folder too). An existing workspace gets its automatic backup of the day, in the
  /// background (the dashboard, `backingUp` false, starts it after its first frame); a large
  /// JSON one, the advice to use SQLite (on stderr).
  func open(create: Bool = false, backingUp: Bool = true) throws -> Workspace {
    if create { makeDefaultFolder() }
    return try Self.open(path: path, create: create, backingUp: backingUp)
  }

  /// Opens the workspace for a command that only reads it (a list, an export): on one
  /// connection, which opens in half the time of a pool and writes nothing on opening.
  func openForReading() throws -> Workspace {
    try Self.open(path: path, oneConnection: true)
  }

  /// Opens the workspace for the dashboard, which reads and writes one thing at a time: on one
  /// connection too. A pool's two connections read the whole schema each before the first
  /// frame, and the pool writes to the file on opening.
  static func openForDashboard(path: String) throws -> Workspace {
    try open(path: path, backingUp: false, oneConnection: true)
  }

  static func open(
    path: String, create: Bool = false, backingUp: Bool = true, oneConnection: Bool = false
  ) throws -> Workspace {
    let existed = FileManager.default.fileExists(atPath: path)
    let workspace = try Workspace(path: path, create: create, oneConnection: oneConnection)
    if existed && backingUp { AutomaticBackup.startIfDue(for: workspace) }
    if let advice = workspace.storageAdvice(language) { printError(advice) }
    return workspace
  }

  /// Opens the workspace and runs `fill` on it or, when there is none yet, builds it beside its
  /// place with `fill` and moves it in complete: an import that fails or is killed leaves no new
  /// file behind.
  func openOrCreate(filling fill: (Workspace) throws -> Void) throws -> Workspace {
    makeDefaultFolder()
    if FileManager.default.fileExists(atPath: path) {
      let workspace = try open()
      try fill(workspace)
      return workspace
    }
    return try Workspace.create(at: path, fill: fill)
  }

  func makeDefaultFolder() {
    guard isDefault else { return }
    try? FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
  }
}

/// The language of this run's messages.
let language = Language.fromEnvironment()

/// Runs a command body, turning our errors into one clear message on stderr and an exit status:
/// 1 for rejected input, 3 for a workspace that cannot be opened or output that cannot be
/// written, 4 for a conflicting change.
func reporting(_ body: () throws -> Void) throws {
  do {
    try body()
    try finishStandardOutput()
  } catch {
    // What the command printed before it failed goes out first; if that fails too, the failure
    // being reported matters more, and it is the one sentence said.
    if !(error is OutputError) {
      do { try finishStandardOutput() } catch { outputFailureReported = true }
    }
    throw report(error)
  }
}

/// Says what went wrong on stderr and returns the exit status to end with.
private func report(_ error: Error) -> Error {
  switch error {
  case let error as OutputError:
    printError(error.message)
    outputFailureReported = error.destination == nil
    return ExitCode(3)
  case let problem as FileProblem:
    printError(OutputError(destination: problem.path, problem: problem).message)
    return ExitCode(3)
  case let error as ClusterKit.ValidationError:
    printError(error.message(language))
    return ExitCode(1)
  case let error as FieldError:
    printError(error.message(language))
    return ExitCode(1)
  case let error as CSVError:
    printError(error.message(language))
    return ExitCode(1)
  case let error as WorkspaceError:
    printError(error.message(language))
    switch error {
    case .missing, .missingDirectory, .emptyFile, .notARegularFile, .notAWorkspace, .otherDatabase,
      .newerVersion, .damaged, .readOnly, .cannotCreate, .cannotCreateFile, .cannotOpen, .diskFull,
      .busy, .writeFailed, .unreadableDocument:
      return ExitCode(3)
    case .conflict:
      return ExitCode(4)
    default:
      return ExitCode(1)
    }
  case let error as CommandError:
    printError(error.message)
    return ExitCode(1)
  case let error as PossibleDuplicates:
    printError(error.message(language))
    printError(
      language.pick(
        "If it is another company, run the command again with --allow-duplicate.",
        "다른 회사라면 --allow-duplicate를 붙여 명령을 다시 실행하세요."))
    return ExitCode(1)
  case is ExitCode, is CleanExit:
    return error
  default:
    printError(language.pick("Error: ", "오류: ") + String(describing: error))
    return ExitCode(1)
  }
}

/// A mistake in how a command was used, with the sentence to show.
struct CommandError: Error {
  var message: String
  init(_ english: String, _ korean: String) { message = language.pick(english, korean) }
}

/// Today in the office's time zone (Korea); `CLUSTERDESK_TODAY` fixes it for scripts and tests.
var today: Day { Day.officeToday }

/// A `--year` as given, refused outside the years a date can have.
func checkedYear(_ year: Int?) throws -> Int? {
  if let year, let error = Limits.check(year, Limits.calendarYear, "year") { throw error }
  return year
}

func parseDay(_ text: String, field: String) throws -> Day {
  guard let day = Day(parsing: text) else {
    throw FieldError(field: field, problem: .invalidFormat(expected: "2026-11-22"), value: text)
  }
  return day
}

/// Shows progress of long work on stderr when it is a terminal.
final class ProgressLine: @unchecked Sendable {
  private let label: String
  private let enabled = isatty(2) == 1
  private var last = -1

  init(_ label: String) { self.label = label }

  func update(_ fraction: Double) {
    guard enabled else { return }
    let percent = Int((fraction * 100).rounded(.down))
    guard percent != last else { return }
    last = percent
    let filled = percent / 5
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
    writeStandardError("\r\(label) \(bar) \(percent)%")
  }

  func finish() {
    guard enabled, last >= 0 else { return }
    writeStandardError("\r\u{1B}[K")
  }
}

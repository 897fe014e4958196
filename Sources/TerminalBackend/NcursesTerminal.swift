import CNcursesw
import Foundation
import TerminalKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why the terminal could not be started. The message is in English and Korean.
public enum TerminalError: Error, CustomStringConvertible, Sendable {
  case notUTF8(codeset: String)
  case noTerminal(String)

  public var description: String {
    switch self {
    case .notUTF8(let codeset):
      return """
        The terminal needs a UTF-8 locale (current character set: \(codeset)). \
        Try: export LANG=C.UTF-8
        터미널이 UTF-8 로캘이어야 합니다 (현재 문자 집합: \(codeset)). \
        다음을 실행해 보세요: export LANG=C.UTF-8
        """
    case .noTerminal(let detail):
      return """
        Cannot open the terminal (\(detail)). Run clusterdesk in an interactive terminal \
        with TERM set.
        터미널을 열 수 없습니다 (\(detail)). TERM이 설정된 대화형 터미널에서 실행하세요.
        """
    }
  }
}

// State shared with signal handlers. Only plain Int32 loads and stores happen in a handler.
/// The terminating signal received but not yet handled by the event loop; 0 when none.
nonisolated(unsafe) private var pendingSignalNumber: Int32 = 0
/// 1 while curses owns the screen (between start and stop).
nonisolated(unsafe) private var cursesActive: Int32 = 0
/// 1 while `readKey` is waiting, i.e. the event loop will notice a signal within one poll.
nonisolated(unsafe) private var waitingForKey: Int32 = 0
/// Set once the signal handlers and the atexit hook are in place (main thread only).
nonisolated(unsafe) private var handlersInstalled = false

/// Gives the screen back to the shell. Safe to call more than once.
private func restoreTerminal() {
  if cursesActive != 0 {
    cursesActive = 0
    endwin()
  }
}

/// Terminating signals (SIGTERM, SIGHUP, SIGINT, SIGQUIT).
///
/// Policy: the first signal only records itself. While the event loop waits in `readKey`
/// (which waits in slices of at most a second), `readKey` returns nil at once and the loop sees
/// `pendingSignal`, shuts down in order and restores the terminal through `stop()`. When a
/// second terminating signal arrives before the first was handled (the program is busy or
/// stuck), the handler restores the terminal itself and exits with 128 + signal number.
/// `endwin` is not formally async-signal-safe; ncurses' own handlers make the same trade.
private let terminatingSignalHandler: @convention(c) (Int32) -> Void = { signo in
  if pendingSignalNumber != 0 && waitingForKey == 0 {
    restoreTerminal()
    _exit(128 + signo)
  }
  pendingSignalNumber = signo
}

private let restoreAtExit: @convention(c) () -> Void = { restoreTerminal() }

/// The actions that were installed for crash signals before ours (for example the Swift
/// runtime's backtracer), indexed by signal number. Allocated once, never freed, so the
/// handler reads it without touching reference counts.
nonisolated(unsafe) private let previousCrashActions = UnsafeMutablePointer<sigaction>
  .allocate(capacity: 65)

/// Crash signals (SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE): restore the terminal
/// so the crash report is readable and the shell usable, put back the previous action and
/// re-raise, so the runtime's backtrace or the default core dump still happens.
private let crashSignalHandler: @convention(c) (Int32) -> Void = { signo in
  restoreTerminal()
  sigaction(signo, previousCrashActions + Int(signo), nil)
  raise(signo)
}

/// The ncurses terminal: the only place that talks to the C library.
///
/// Use from one thread. Typical loop:
///
///     let term = NcursesTerminal()
///     try term.start()
///     defer { term.stop() }
///     while term.pendingSignal == nil {
///       var grid = Grid(width: term.size.width, height: term.size.height)
///       ... render into grid ...
///       term.draw(grid, cursor: caret)
///       guard let key = term.readKey(timeoutMilliseconds: 1000) else { continue }
///       if key == .ctrl("z") { term.suspend() }
///     }
public final class NcursesTerminal {
  public let environment: [String: String]
  /// The standard theme, or the monochrome one under `NO_COLOR` or without colour support.
  public private(set) var theme: Theme = .monochrome
  public private(set) var isStarted = false

  private var screen: OpaquePointer?
  private var ttyFile: UnsafeMutablePointer<FILE>?
  private var pairs: [PairKey: Int16] = [:]
  private var nextPair: Int32 = 1
  private var colorsEnabled = false
  private var resizePending = false
  private var lastDrawnSize: (width: Int, height: Int) = (-1, -1)
  private var lastScreenSize: (width: Int, height: Int) = (-1, -1)
  /// What the screen shows, so that a frame hands ncurses only the cells that changed.
  private var frames = FrameDiff()

  private struct PairKey: Hashable {
    var fg: Int16
    var bg: Int16
  }

  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.environment = environment
  }

  deinit { stop() }

  /// The terminating signal that arrived, if any; the event loop should then quit.
  public var pendingSignal: Int32? {
    pendingSignalNumber == 0 ? nil : pendingSignalNumber
  }

  public var shouldQuit: Bool { pendingSignalNumber != 0 }

  /// Forgets a recorded signal (for example after asking the user to confirm quitting).
  public func clearPendingSignal() { pendingSignalNumber = 0 }

  /// Sets the locale (UTF-8 required), opens the terminal in raw mode and picks the theme.
  /// A parent may have started us with signals blocked (a thread pool, a supervisor); resize,
  /// suspend and the quit signals must reach us all the same.
  static func unblockTerminalSignals() {
    var signals = sigset_t()
    sigemptyset(&signals)
    for signal in [SIGWINCH, SIGTSTP, SIGCONT, SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
      sigaddset(&signals, signal)
    }
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
  }

  public func start() throws {
    guard !isStarted else { return }
    setlocale(LC_ALL, "")
    if !Self.localeIsUTF8() {
      setlocale(LC_ALL, "C.UTF-8")
      if !Self.localeIsUTF8() {
        setlocale(LC_ALL, "")
        throw TerminalError.notUTF8(codeset: Self.codeset())
      }
    }
    // Install our handlers before curses starts: ncurses only adds its own SIGINT/SIGTERM
    // handlers when they are still at their defaults, and keeps its SIGTSTP/SIGWINCH ones.
    Self.installHandlers()
    Self.unblockTerminalSignals()

    guard let tty = fopen("/dev/tty", "r+") else {
      throw TerminalError.noTerminal("/dev/tty: \(String(cString: strerror(errno)))")
    }
    let term = environment["TERM"].flatMap { $0.isEmpty ? nil : $0 }
    guard let scr = newterm(term, tty, tty) else {
      fclose(tty)
      throw TerminalError.noTerminal("TERM=\(term ?? "")")
    }
    screen = scr
    ttyFile = tty
    set_term(scr)
    cursesActive = 1
    isStarted = true

    raw()
    noecho()
    nonl()
    keypad(cd_stdscr(), true)
    cd_set_escdelay(25)
    curs_set(0)

    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    if !noColor && has_colors() {
      start_color()
      use_default_colors()
      colorsEnabled = true
      theme = .standard
    } else {
      colorsEnabled = false
      theme = .monochrome
    }
    pairs = [:]
    nextPair = 1
    lastDrawnSize = (-1, -1)
    lastScreenSize = (-1, -1)
    frames.invalidate()
  }

  /// Restores the terminal. Safe to call any number of times and on every exit path.
  public func stop() {
    guard isStarted else { return }
    isStarted = false
    restoreTerminal()
    if let screen {
      delscreen(screen)
      self.screen = nil
    }
    if let ttyFile {
      fclose(ttyFile)
      self.ttyFile = nil
    }
  }

  /// The screen size in columns and rows.
  public var size: (width: Int, height: Int) {
    guard isStarted else { return (0, 0) }
    return (Int(cd_cols()), Int(cd_lines()))
  }

  // MARK: Drawing

  private func pair(for style: Style) -> Int16 {
    guard colorsEnabled, style.fg != nil || style.bg != nil else { return 0 }
    let key = PairKey(
      fg: Int16(style.fg?.rawValue ?? -1), bg: Int16(style.bg?.rawValue ?? -1))
    if let p = pairs[key] { return p }
    guard nextPair < min(cd_color_pairs(), 32767) else { return 0 }
    let p = Int16(nextPair)
    init_pair(p, key.fg, key.bg)
    nextPair += 1
    pairs[key] = p
    return p
  }

  private func attributes(for style: Style) -> attr_t {
    cd_attributes(
      style.bold ? 1 : 0, style.dim ? 1 : 0, style.reverse ? 1 : 0, style.underline ? 1 : 0)
  }

  /// Copies to the screen the cells that differ from the last frame, places (or hides) the
  /// cursor and refreshes once. A new grid or screen size, or a grid smaller than the screen
  /// (mid-resize, which would leave stale cells behind), erases and copies every cell.
  public func draw(_ grid: Grid, cursor: (x: Int, y: Int)?) {
    guard isStarted, let win = cd_stdscr() else { return }
    let (cols, rows) = size
    if lastDrawnSize != (grid.width, grid.height) || lastScreenSize != (cols, rows)
      || grid.width < cols || grid.height < rows
    {
      if grid.width < cols || grid.height < rows { werase(win) }
      lastDrawnSize = (grid.width, grid.height)
      lastScreenSize = (cols, rows)
      frames.invalidate()
    }
    var cc = cchar_t()
    var text = [wchar_t](repeating: 0, count: 8)
    let maxX = min(grid.width, cols)
    // Neighbouring cells mostly share a style: its attributes and colour pair are looked up
    // when it changes, not for every cell.
    var style: Style?
    var attrs: attr_t = 0
    var colorPair: Int16 = 0
    frames.changes(to: grid) { cell, x, y in
      guard x < maxX, y < rows else { return }
      if cell.style != style {
        style = cell.style
        attrs = attributes(for: cell.style)
        colorPair = pair(for: cell.style)
      }
      var count = 0
      // Never hand the terminal half of a wide character at the screen edge.
      if cell.width < 2 || x + 1 < maxX {
        for s in cell.grapheme.unicodeScalars {
          text[count] = wchar_t(bitPattern: s.value)
          count += 1
          if count == 5 { break }
        }
      }
      if count == 0 {
        text[0] = wchar_t(bitPattern: 32)
        count = 1
      }
      text[count] = 0
      setcchar(&cc, text, attrs, colorPair, nil)
      mvwadd_wch(win, Int32(y), Int32(x), &cc)
    }
    if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < cols, cursor.y < rows {
      wmove(win, Int32(cursor.y), Int32(cursor.x))
      curs_set(1)
    } else {
      curs_set(0)
    }
    wrefresh(win)
  }

  /// Forces a full repaint on the next `draw` (e.g. after another program wrote to the tty).
  public func invalidate() {
    guard isStarted, let win = cd_stdscr() else { return }
    frames.invalidate()
    clearok(win, true)
  }

  // MARK: Input

  /// Waits for a key. Returns nil on timeout or when a terminating signal is pending (check
  /// `pendingSignal`). With no timeout it waits indefinitely but still wakes for signals.
  public func readKey(timeoutMilliseconds: Int32? = nil) -> Key? {
    guard isStarted, let win = cd_stdscr() else { return nil }
    if resizePending {
      resizePending = false
      return .resize
    }
    var remaining = timeoutMilliseconds.map { max(0, $0) }
    waitingForKey = 1
    defer { waitingForKey = 0 }
    while pendingSignalNumber == 0 {
      // A second at most, so that a terminating signal is noticed within one; an idle
      // dashboard wakes no more often than that.
      let slice = min(remaining ?? 1000, 1000)
      wtimeout(win, slice)
      var ch: wint_t = 0
      let result = wget_wch(win, &ch)
      if result == KEY_CODE_YES {
        if let key = Self.functionKey(Int32(ch)) { return key }
        continue
      }
      if result == OK {
        if let key = Self.characterKey(UInt32(ch)) { return key }
        continue
      }
      // ERR: the slice ran out (or a signal interrupted the wait).
      if var r = remaining {
        r -= slice
        if r <= 0 { return nil }
        remaining = r
      }
    }
    return nil
  }

  /// Maps a curses key code (`KEY_*`) to a `Key`.
  public static func functionKey(_ code: Int32) -> Key? {
    let f0 = cd_key_f0()
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_NPAGE: return .pageDown
    case KEY_PPAGE: return .pageUp
    case KEY_DC: return .delete
    case KEY_IC: return .insert
    case KEY_BACKSPACE: return .backspace
    case KEY_BTAB: return .backTab
    case KEY_ENTER: return .enter
    case KEY_RESIZE: return .resize
    case (f0 + 1)...(f0 + 63): return .function(Int(code - f0))
    default: return nil
    }
  }

  /// Maps a character code from `get_wch` (already composed by the input method) to a `Key`.
  public static func characterKey(_ code: UInt32) -> Key? {
    switch code {
    case 13, 10: return .enter
    case 9: return .tab
    case 8, 127: return .backspace
    case 27: return .escape
    case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(96 + code))))
    case 0..<32, 128..<160: return nil
    default:
      guard let scalar = Unicode.Scalar(code) else { return nil }
      return .char(Character(scalar))
    }
  }

  // MARK: Job control and signals

  /// Suspends the program (Ctrl-Z arrives as a key in raw mode): gives the terminal back to
  /// the shell, stops, and on `fg` restores the screen; the next `readKey` reports `.resize`
  /// so the caller redraws everything at the (possibly new) size.
  public func suspend() {
    guard isStarted, let win = cd_stdscr() else { return }
    def_prog_mode()
    restoreTerminal()
    // ncurses installs a SIGTSTP handler that would redo the endwin; stop directly instead.
    let previous = signal(SIGTSTP, SIG_DFL)
    raise(SIGTSTP)
    // Running again after SIGCONT.
    signal(SIGTSTP, previous)
    cursesActive = 1
    reset_prog_mode()
    frames.invalidate()
    clearok(win, true)
    wrefresh(win)
    resizePending = true
  }

  private static func installHandlers() {
    guard !handlersInstalled else { return }
    handlersInstalled = true
    for signo in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
      signal(signo, terminatingSignalHandler)
    }
    atexit(restoreAtExit)
    for signo in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE] {
      sigaction(signo, nil, previousCrashActions + Int(signo))
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = crashSignalHandler
      #else
        action.__sigaction_u.__sa_handler = crashSignalHandler
      #endif
      // Run on the alternate stack when the runtime set one up (stack overflows).
      action.sa_flags = Int32(SA_ONSTACK)
      sigemptyset(&action.sa_mask)
      sigaction(signo, &action, nil)
    }
  }

  private static func codeset() -> String {
    guard let p = nl_langinfo(nl_item(CODESET)) else { return "unknown" }
    return String(cString: p)
  }

  private static func localeIsUTF8() -> Bool {
    let c = codeset().uppercased()
    return c == "UTF-8" || c == "UTF8"
  }
}
extension NcursesTerminal: TerminalDevice {}

/// What an application needs from a terminal: its size and colours, drawing a frame, reading
/// keys. The ncurses backend is one; `TestTerminal` stands in for it in tests.
public protocol TerminalDevice: AnyObject {
  var size: (width: Int, height: Int) { get }
  var theme: Theme { get }
  func draw(_ grid: Grid, cursor: (x: Int, y: Int)?)
  /// nil when the timeout passed with no key.
  func readKey(timeoutMilliseconds: Int32?) -> Key?
  /// Ctrl-Z: give the terminal back to the shell until resumed.
  func suspend()
  /// Set when SIGTERM/SIGHUP/SIGINT arrived; the loop must then return promptly.
  var shouldQuit: Bool { get }
}

/// A terminal that replays keys and keeps every frame drawn, for tests. When the keys run out
/// it answers Ctrl-C, so a loop under test always ends.
public final class TestTerminal: TerminalDevice {
  public var keys: [Key]
  public var size: (width: Int, height: Int)
  public let theme: Theme
  public private(set) var frames: [Grid] = []
  public private(set) var lastCursor: (x: Int, y: Int)?
  public private(set) var suspensions = 0
  public var shouldQuit = false

  public init(keys: [Key], width: Int = 80, height: Int = 24, theme: Theme = .monochrome) {
    self.keys = keys
    self.size = (width, height)
    self.theme = theme
  }

  public func draw(_ grid: Grid, cursor: (x: Int, y: Int)?) {
    frames.append(grid)
    lastCursor = cursor
  }

  public func readKey(timeoutMilliseconds: Int32?) -> Key? {
    keys.isEmpty ? .ctrl("c") : keys.removeFirst()
  }

  public func suspend() { suspensions += 1 }
}

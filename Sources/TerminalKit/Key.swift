/// A key press, independent of the terminal library that read it.
public enum Key: Sendable, Hashable, CustomStringConvertible {
  case char(Character)
  case enter, escape, tab, backTab, backspace, delete, insert
  case up, down, left, right, home, end, pageUp, pageDown
  case function(Int)
  /// A control chord; the letter is lowercase (`ctrl("c")`).
  case ctrl(Character)
  /// The terminal changed size.
  case resize

  /// The name shown in help screens and hint bars.
  public var displayName: String {
    switch self {
    case .char(" "): return "Space"
    case .char(let c): return String(c)
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .backspace: return "Backspace"
    case .delete: return "Del"
    case .insert: return "Ins"
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .function(let n): return "F\(n)"
    case .ctrl(let c): return "Ctrl-\(String(c).uppercased())"
    case .resize: return "Resize"
    }
  }

  public var description: String { displayName }
}

/// A one-line text input. The caret is a character index; on screen it moves by display
/// width, so after `유신` it sits four columns in. `render` returns where the terminal's
/// cursor belongs, so the Korean input method can draw its preedit there.
public struct TextField: Sendable, Hashable {
  public var value: String
  /// Caret position as a count of characters before it, `0...value.count`.
  public var caret: Int
  public var placeholder: String

  public init(_ value: String = "", caret: Int? = nil, placeholder: String = "") {
    self.value = value
    self.caret = max(0, min(caret ?? value.count, value.count))
    self.placeholder = placeholder
  }

  /// Display columns before the caret.
  public var caretColumn: Int { DisplayWidth.prefixWidth(value, characters: caret) }

  private func index(_ i: Int) -> String.Index {
    value.index(value.startIndex, offsetBy: max(0, min(i, value.count)))
  }

  private mutating func remove(from a: Int, to b: Int) {
    guard a < b else { return }
    value.removeSubrange(index(a)..<index(b))
    caret = a
  }

  public mutating func insert(_ text: String) {
    let clean = text.filter { c in
      !c.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
    guard !clean.isEmpty else { return }
    let before = value.count
    value.insert(contentsOf: clean, at: index(caret))
    // Count what was added: a combining mark may merge into the character before the caret.
    caret += value.count - before
  }

  /// Whether `handle` uses the key: typing or editing, as opposed to keys that mean something
  /// around the field (Enter, Esc, Tab, ↑/↓).
  public static func takes(_ key: Key) -> Bool {
    var probe = TextField("x", caret: 1)
    return probe.handle(key)
  }

  /// Applies an editing key. Returns false for keys a text field does not use.
  @discardableResult
  public mutating func handle(_ key: Key) -> Bool {
    caret = max(0, min(caret, value.count))
    switch key {
    case .char(let c):
      if c.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
      insert(String(c))
    case .backspace, .ctrl("h"):
      if caret > 0 { remove(from: caret - 1, to: caret) }
    case .delete, .ctrl("d"):
      if caret < value.count { remove(from: caret, to: caret + 1) }
    case .left, .ctrl("b"):
      caret = max(0, caret - 1)
    case .right, .ctrl("f"):
      caret = min(value.count, caret + 1)
    case .home, .ctrl("a"):
      caret = 0
    case .end, .ctrl("e"):
      caret = value.count
    case .ctrl("u"):
      remove(from: 0, to: caret)
    case .ctrl("k"):
      remove(from: caret, to: value.count)
    case .ctrl("w"):
      let chars = Array(value)
      var i = caret
      while i > 0 && chars[i - 1].isWhitespace { i -= 1 }
      while i > 0 && !chars[i - 1].isWhitespace { i -= 1 }
      remove(from: i, to: caret)
    default:
      return false
    }
    return true
  }

  /// The first visible column when the field is `width` columns wide: scrolled just enough
  /// to keep the caret inside.
  public func scrollColumn(width: Int) -> Int {
    guard width > 0 else { return 0 }
    return max(0, caretColumn - (width - 1))
  }

  /// Draws the field on the first row of `rect` and returns the caret's screen position.
  @discardableResult
  public func render(into grid: inout Grid, in rect: Rect, theme: Theme, focused: Bool = true)
    -> (x: Int, y: Int)?
  {
    guard !rect.isEmpty else { return nil }
    let row = rect.row(0)
    let style = focused ? theme.inputFocused : theme.input
    grid.fill(row, style: style)
    if value.isEmpty {
      if !placeholder.isEmpty {
        grid.put(
          placeholder, x: row.x, y: row.y, style: style.merged(with: theme.dim), maxWidth: row.width
        )
      }
      return (row.x, row.y)
    }
    let start = scrollColumn(width: row.width)
    var visible = ""
    var col = 0
    for c in value {
      let w = DisplayWidth.of(c)
      let c0 = col - start
      col += w
      if w == 0 { continue }
      if c0 + w <= 0 { continue }
      if c0 < 0 {
        visible += String(repeating: " ", count: c0 + w)
      } else if c0 + w > row.width {
        visible += String(repeating: " ", count: max(0, row.width - c0))
        break
      } else {
        visible.append(c)
      }
    }
    grid.put(visible, x: row.x, y: row.y, style: style, maxWidth: row.width)
    return (row.x + caretColumn - start, row.y)
  }
}

/// A key and what it does, as shown in hint bars and help screens.
public struct KeyHint: Sendable, Hashable {
  public var key: String
  public var label: String
  /// Why the key does nothing right now ("select a follow-up first"); nil when it works.
  public var unavailable: String?

  public init(_ key: String, _ label: String, unavailable: String? = nil) {
    self.key = key
    self.label = label
    self.unavailable = unavailable
  }

  public init(_ key: Key, _ label: String) {
    self.init(key.displayName, label)
  }
}

/// The bottom line: left text, key hints (`? help  q quit`; a key that does nothing right now
/// is dimmed) and right-aligned text.
public struct StatusBar: Sendable, Hashable {
  public var left: String
  public var hints: [KeyHint]
  public var right: String

  public init(left: String = "", hints: [KeyHint] = [], right: String = "") {
    self.left = left
    self.hints = hints
    self.right = right
  }

  public func render(into grid: inout Grid, in rect: Rect, theme: Theme) {
    guard !rect.isEmpty else { return }
    let row = rect.row(0)
    grid.fill(row, style: theme.normal)
    let rightWidth = DisplayWidth.of(right)
    // The right segment is shown only when it fits next to at least some of the left.
    let showRight = !right.isEmpty && rightWidth + 1 < rect.width
    let end = showRight ? rect.maxX - rightWidth - 1 : rect.maxX
    var x = rect.x
    if !left.isEmpty {
      x += grid.put(left, x: x, y: row.y, style: theme.accent, maxWidth: end - x)
      x += 2
    }
    for hint in hints {
      let need = DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label)
      if x + need > end { break }
      x += grid.put(
        hint.key, x: x, y: row.y, style: hint.unavailable == nil ? theme.keyHint : theme.dim)
      x += 1
      x += grid.put(hint.label, x: x, y: row.y, style: theme.dim)
      x += 2
    }
    if showRight {
      grid.put(right, x: rect.maxX - rightWidth, y: row.y, style: theme.normal)
    }
  }
}

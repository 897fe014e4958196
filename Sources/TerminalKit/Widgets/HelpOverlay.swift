/// A centred, scrollable box listing keys by section.
public struct HelpOverlay: Sendable, Hashable {
  public struct Section: Sendable, Hashable {
    public var title: String
    public var rows: [KeyHint]

    public init(_ title: String, _ rows: [KeyHint]) {
      self.title = title
      self.rows = rows
    }
  }

  public var title: String
  public var sections: [Section]
  public var offset: Int

  public init(title: String, sections: [Section], offset: Int = 0) {
    self.title = title
    self.sections = sections
    self.offset = offset
  }

  private enum Line {
    case heading(String)
    case row(KeyHint)
    case blank
  }

  private var content: [Line] {
    var out: [Line] = []
    for (i, s) in sections.enumerated() {
      if i > 0 { out.append(.blank) }
      out.append(.heading(s.title))
      out += s.rows.map { .row($0) }
    }
    return out
  }

  public var lineCount: Int { content.count }

  /// A row's label, with why the key does nothing right now.
  private static func text(_ hint: KeyHint) -> String {
    hint.unavailable.map { "\(hint.label) — \($0)" } ?? hint.label
  }

  private var keyWidth: Int {
    sections.flatMap(\.rows).map { DisplayWidth.of($0.key) }.max() ?? 0
  }

  public func boxRect(in rect: Rect) -> Rect {
    let widest =
      content.map { line -> Int in
        switch line {
        case .heading(let t): return DisplayWidth.of(t)
        case .row(let h): return keyWidth + 2 + DisplayWidth.of(Self.text(h)) + 2
        case .blank: return 0
        }
      }.max() ?? 0
    let w = max(widest, DisplayWidth.of(title) + 2) + 4
    return rect.centered(width: min(w, rect.width - 2), height: min(lineCount + 2, rect.height - 2))
  }

  /// Lines visible at once inside `rect`.
  public func visibleLines(in rect: Rect) -> Int { max(0, boxRect(in: rect).height - 2) }

  /// The first visible line, clamped so the box never scrolls past the end.
  public func effectiveOffset(in rect: Rect) -> Int {
    max(0, min(offset, lineCount - visibleLines(in: rect)))
  }

  public mutating func scroll(by delta: Int, in rect: Rect) {
    offset = max(0, min(effectiveOffset(in: rect) + delta, lineCount - visibleLines(in: rect)))
  }

  public func render(into grid: inout Grid, in rect: Rect, theme: Theme) {
    let box = boxRect(in: rect)
    guard !box.isEmpty else { return }
    let inner = Box(title: title, fillStyle: theme.normal).render(
      into: &grid, in: box, theme: theme)
    let area = inner.inset(dx: 1, dy: 0)
    guard !area.isEmpty else { return }
    let lines = content
    let first = effectiveOffset(in: rect)
    let kw = keyWidth
    for r in 0..<area.height {
      let i = first + r
      guard i < lines.count else { break }
      let y = area.y + r
      switch lines[i] {
      case .heading(let t):
        grid.put(t, x: area.x, y: y, style: theme.title, maxWidth: area.width)
      case .row(let h):
        let x = area.x + 2
        let room = area.maxX - x
        guard room > 0 else { continue }
        let unavailable = h.unavailable != nil
        let used = grid.put(
          DisplayWidth.pad(h.key, to: min(kw, room)), x: x, y: y,
          style: unavailable ? theme.dim : theme.keyHint, maxWidth: room)
        grid.put(
          Self.text(h), x: x + used + 2, y: y, style: unavailable ? theme.dim : theme.normal,
          maxWidth: max(0, room - used - 2))
      case .blank:
        break
      }
    }
    if first > 0 { grid.put("▲", x: box.maxX - 2, y: box.y, style: theme.border) }
    if first + area.height < lines.count {
      grid.put("▼", x: box.maxX - 2, y: box.maxY - 1, style: theme.border)
    }
  }
}

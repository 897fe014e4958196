/// One terminal cell. A wide character occupies its cell (width 2) and the cell to its right,
/// which holds an empty grapheme with width 0.
public struct Cell: Sendable, Hashable {
  public var grapheme: String
  public var width: Int
  public var style: Style

  public init(_ grapheme: String = " ", width: Int = 1, style: Style = Style()) {
    self.grapheme = grapheme
    self.width = width
    self.style = style
  }

  public static let blank = Cell()
  public var isRightHalf: Bool { width == 0 }
}

/// A screen-sized array of cells that widgets draw into and the backend copies out.
public struct Grid: Sendable, Hashable, CustomStringConvertible {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int, style: Style = Style()) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = [Cell](repeating: Cell(style: style), count: self.width * self.height)
  }

  public var bounds: Rect { Rect(width: width, height: height) }

  public subscript(x: Int, y: Int) -> Cell {
    cells[y * width + x]
  }

  public func contains(x: Int, y: Int) -> Bool {
    x >= 0 && y >= 0 && x < width && y < height
  }

  /// Replaces every cell with a blank in `style`.
  public mutating func clear(style: Style = Style()) {
    for i in cells.indices { cells[i] = Cell(style: style) }
  }

  /// Writes one grapheme of width 1 or 2 at (x, y), first blanking both halves of any wide
  /// character it would cut in half. The caller guarantees it fits.
  private mutating func set(x: Int, y: Int, grapheme: String, width w: Int, style: Style) {
    let row = y * width
    func blank(_ col: Int) {
      cells[row + col] = Cell(" ", width: 1, style: cells[row + col].style)
    }
    // Cutting the right half of a wide character on the left.
    if cells[row + x].isRightHalf && x > 0 { blank(x - 1) }
    // Cutting the left half of a wide character whose right half lies past what we write.
    let last = x + w - 1
    if cells[row + last].width == 2 && last + 1 < width { blank(last + 1) }
    cells[row + x] = Cell(grapheme, width: w, style: style)
    if w == 2 { cells[row + x + 1] = Cell("", width: 0, style: style) }
  }

  /// Writes `text` starting at column `x` of row `y` and returns the columns written.
  /// Text is clipped at the grid edges and after `maxWidth` columns; a wide character that
  /// would straddle a clip edge becomes a space. Zero-width and control characters are
  /// skipped.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: Style = Style(), maxWidth: Int? = nil
  ) -> Int {
    guard y >= 0 && y < height else { return 0 }
    var limit = width
    if let maxWidth { limit = min(limit, x + max(0, maxWidth)) }
    var col = x
    var written = 0
    for c in text {
      let w = DisplayWidth.of(c)
      if w == 0 { continue }
      if col >= limit { break }
      if col + w <= 0 {
        col += w
        continue
      }
      if col < 0 || col + w > limit {
        // Straddles the left or right clip edge: show spaces for the visible part.
        let from = max(col, 0)
        let to = min(col + w, limit)
        for cx in from..<to {
          set(x: cx, y: y, grapheme: " ", width: 1, style: style)
          written += 1
        }
        col += w
        continue
      }
      set(x: col, y: y, grapheme: String(c), width: w, style: style)
      written += w
      col += w
    }
    return written
  }

  /// Blanks every cell of `rect` (clipped to the grid) in `style`.
  public mutating func fill(_ rect: Rect, style: Style = Style(), with grapheme: Character = " ") {
    let r = rect.intersection(bounds)
    guard !r.isEmpty else { return }
    let g = String(grapheme)
    for y in r.y..<r.maxY {
      for x in r.x..<r.maxX {
        set(x: x, y: y, grapheme: g, width: 1, style: style)
      }
    }
  }

  /// Row `y` as the terminal would show it (right halves of wide characters skipped).
  public func text(row y: Int) -> String {
    guard y >= 0 && y < height else { return "" }
    var s = ""
    for x in 0..<width {
      let c = cells[y * width + x]
      if !c.isRightHalf { s += c.grapheme }
    }
    return s
  }

  public var lines: [String] { (0..<height).map { text(row: $0) } }

  /// Lines with trailing spaces removed, handy for golden files.
  public var trimmedLines: [String] {
    lines.map { line in
      var l = Substring(line)
      while l.last == " " { l.removeLast() }
      return String(l)
    }
  }

  /// One character per column of row `y`: `mark` where the cell's style satisfies
  /// `predicate`, `.` elsewhere. Lets tests see which cells are highlighted.
  public func mask(row y: Int, mark: Character = "#", where predicate: (Style) -> Bool) -> String {
    guard y >= 0 && y < height else { return "" }
    return String((0..<width).map { predicate(cells[y * width + $0].style) ? mark : "." })
  }

  public var description: String { lines.joined(separator: "\n") }
}

/// A table with a header row, a selected row that is kept in view, a sort marker and
/// per-row style overrides (for example to highlight overdue items).
public struct Table: Sendable, Hashable {
  public enum Width: Sendable, Hashable {
    case fixed(Int)
    /// At least `n` columns, and a share of the spare room.
    case min(Int)
    /// A share of the spare room by weight.
    case flex(Int)
  }

  public struct Column: Sendable, Hashable {
    public var title: String
    public var width: Width
    public var alignment: Alignment

    public init(_ title: String, width: Width = .flex(1), alignment: Alignment = .left) {
      self.title = title
      self.width = width
      self.alignment = alignment
    }
  }

  public var columns: [Column]
  public var rows: [[String]]
  public var selected: Int?
  /// Index of the first visible row; `render` and `select` keep the selection in view.
  public var offset: Int
  public var sortColumn: Int?
  public var sortAscending: Bool
  public var rowStyles: [Int: Style]
  /// Columns between cells.
  public var spacing: Int
  public var emptyMessage: String

  public init(
    columns: [Column], rows: [[String]] = [], selected: Int? = nil, offset: Int = 0,
    sortColumn: Int? = nil, sortAscending: Bool = true, rowStyles: [Int: Style] = [:],
    spacing: Int = 1, emptyMessage: String = ""
  ) {
    self.columns = columns
    self.rows = rows
    self.selected = selected
    self.offset = offset
    self.sortColumn = sortColumn
    self.sortAscending = sortAscending
    self.rowStyles = rowStyles
    self.spacing = spacing
    self.emptyMessage = emptyMessage
  }

  /// Data rows that fit under the header in `rect`.
  public func visibleRowCount(for rect: Rect) -> Int { max(0, rect.height - 1) }

  /// The first visible row as drawn in `rect`.
  public func effectiveOffset(for rect: Rect) -> Int {
    scrollOffset(
      offset: offset, selected: selected, count: rows.count, visible: visibleRowCount(for: rect))
  }

  /// Selects `row` (clamped) and scrolls so that it is visible in `rect`.
  public mutating func select(_ row: Int, in rect: Rect) {
    guard !rows.isEmpty else {
      selected = nil
      offset = 0
      return
    }
    selected = max(0, min(row, rows.count - 1))
    offset = effectiveOffset(for: rect)
  }

  public mutating func moveSelection(by delta: Int, in rect: Rect) {
    select((selected ?? (delta > 0 ? -1 : rows.count)) + delta, in: rect)
  }

  /// Column widths for a table `total` columns wide.
  public func columnWidths(total: Int) -> [Int] {
    var constraints: [Layout.Constraint] = []
    for (i, c) in columns.enumerated() {
      if i > 0 { constraints.append(.fixed(spacing)) }
      switch c.width {
      case .fixed(let n): constraints.append(.fixed(n))
      case .min(let n): constraints.append(.min(n))
      case .flex(let w): constraints.append(.fill(w))
      }
    }
    let lengths = Layout.lengths(total: total, constraints)
    return stride(from: 0, to: lengths.count, by: 2).map { lengths[$0] }
  }

  private func line(_ cells: [String], widths: [Int], headerArrow: Bool) -> String {
    var out = ""
    for (i, w) in widths.enumerated() {
      if i > 0 { out += String(repeating: " ", count: spacing) }
      var text = i < cells.count ? cells[i] : ""
      let align = columns[i].alignment
      if headerArrow && sortColumn == i {
        let arrow = sortAscending ? "▲" : "▼"
        // Keep the arrow visible even when the title must be cut.
        text = DisplayWidth.truncate(text, to: max(0, w - 1)) + arrow
      }
      out += DisplayWidth.pad(text, to: w, align: align)
    }
    return out
  }

  public func render(into grid: inout Grid, in rect: Rect, theme: Theme) {
    guard !rect.isEmpty else { return }
    let widths = columnWidths(total: rect.width)
    grid.fill(rect.row(0), style: theme.header)
    grid.put(
      line(columns.map(\.title), widths: widths, headerArrow: true), x: rect.x, y: rect.y,
      style: theme.header, maxWidth: rect.width)
    let visible = visibleRowCount(for: rect)
    let first = effectiveOffset(for: rect)
    for r in 0..<visible {
      let y = rect.y + 1 + r
      let index = first + r
      var style = theme.normal
      if let override = rowStyles[index] { style = override }
      if index == selected { style = theme.selected }
      grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: theme.normal)
      guard index < rows.count else {
        if rows.isEmpty && r == 0 && !emptyMessage.isEmpty {
          grid.put(emptyMessage, x: rect.x, y: y, style: theme.dim, maxWidth: rect.width)
        }
        continue
      }
      grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
      grid.put(
        line(rows[index], widths: widths, headerArrow: false), x: rect.x, y: y, style: style,
        maxWidth: rect.width)
    }
  }
}

/// A table with a header row, a selected row that is kept in view (a `ScrollState`), a sort
/// marker and per-row style overrides (for example to highlight overdue items).
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
  /// The rows to draw: the whole list, or the window of it that starts at `firstRow`.
  public var rows: [[String]]
  /// The list's row number of `rows[0]`.
  public var firstRow: Int
  /// Rows in the whole list; `firstRow + rows.count` when nil.
  public var rowCount: Int?
  /// The selected row and the first row shown, in the whole list's numbers; nil selects nothing
  /// and shows the list from the top.
  public var scroll: ScrollState?
  public var sortColumn: Int?
  public var sortAscending: Bool
  /// Styles of rows by their number in the whole list.
  public var rowStyles: [Int: Style]
  /// Columns between cells.
  public var spacing: Int
  public var emptyMessage: String

  public init(
    columns: [Column], rows: [[String]] = [], firstRow: Int = 0, rowCount: Int? = nil,
    scroll: ScrollState? = nil, sortColumn: Int? = nil, sortAscending: Bool = true,
    rowStyles: [Int: Style] = [:], spacing: Int = 1, emptyMessage: String = ""
  ) {
    self.columns = columns
    self.rows = rows
    self.firstRow = firstRow
    self.rowCount = rowCount
    self.scroll = scroll
    self.sortColumn = sortColumn
    self.sortAscending = sortAscending
    self.rowStyles = rowStyles
    self.spacing = spacing
    self.emptyMessage = emptyMessage
  }

  /// Data rows that fit under the header in `rect`.
  public func visibleRowCount(for rect: Rect) -> Int { max(0, rect.height - 1) }

  private var count: Int { rowCount ?? firstRow + rows.count }

  /// The first row drawn in `rect`.
  public func firstVisible(for rect: Rect) -> Int {
    scroll?.firstVisible(count: count, visible: visibleRowCount(for: rect)) ?? 0
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
    let first = firstVisible(for: rect)
    let selected = count > 0 ? scroll?.cursor : nil
    for r in 0..<visibleRowCount(for: rect) {
      let y = rect.y + 1 + r
      let index = first + r
      let row = Rect(x: rect.x, y: y, width: rect.width, height: 1)
      guard rows.indices.contains(index - firstRow) else {
        grid.fill(row, style: theme.normal)
        if count == 0 && r == 0 && !emptyMessage.isEmpty {
          grid.put(emptyMessage, x: rect.x, y: y, style: theme.dim, maxWidth: rect.width)
        }
        continue
      }
      let style = index == selected ? theme.selected : rowStyles[index] ?? theme.normal
      grid.fill(row, style: style)
      grid.put(
        line(rows[index - firstRow], widths: widths, headerArrow: false), x: rect.x, y: y,
        style: style, maxWidth: rect.width)
    }
  }
}

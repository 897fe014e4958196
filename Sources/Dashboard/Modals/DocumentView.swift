import ClusterKit
import TerminalKit

/// A document laid out in rows of a given width: fields with their labels lined up, free text
/// wrapped, a bar in two rows (the bar and its legend).
struct DocumentView {
  enum Ink {
    case normal, title, dim, warning

    init(_ tone: Document.Tone) {
      switch tone {
      case .normal: self = .normal
      case .dim: self = .dim
      case .warning: self = .warning
      }
    }

    func style(_ theme: Theme) -> Style {
      switch self {
      case .normal: theme.normal
      case .title: theme.title
      case .dim: theme.dim
      case .warning: theme.warning
      }
    }
  }

  enum Row {
    case text(String, Ink)
    case bar(StackedBar)
    case blank
  }

  let document: Document

  init(_ document: Document) { self.document = document }

  func rows(width: Int) -> [Row] {
    let labelWidths = document.labelWidths(minimum: 12)
    let columnWidths = document.columnWidths()
    return zip(document.blocks, zip(labelWidths, columnWidths)).flatMap {
      block, widths -> [Row] in
      let (labelWidth, columns) = widths
      return switch block {
      case .field(let label, let value):
        Self.wrap(DisplayWidth.pad(label, to: labelWidth) + " " + value, width, labelWidth + 1)
          .map { .text($0, .normal) }
      case .heading(let text): Self.wrap(text, width, 2).map { .text($0, .title) }
      case .line(let spans, let tone):
        Self.wrap(Self.text(spans), width, Self.hang(spans)).map { .text($0, Ink(tone)) }
      case .row(let cells):
        Self.row(cells, columns, width: width).map { .text($0, .normal) }
      case .paragraph(let text):
        TextLayout.wrap(text, width: width).map { .text($0, .normal) }
      case .bar(let segments, let total):
        [
          .bar(
            StackedBar(
              segments: segments.map { .init($0.label, Int($0.value), valueText: $0.valueText) },
              total: Int(total)))
        ]
      case .blank: [.blank]
      }
    }
  }

  /// Lines wider than the view are wrapped, not cut, their continuation indented.
  private static func wrap(_ text: String, _ width: Int, _ indent: Int) -> [String] {
    TextLayout.wrap(text, width: width, hangingIndent: indent)
  }

  /// A wrapped line goes on under its first column after the leading spaces and marks
  /// (`→`, `1.`): the width of its first span when that is padded, else its indent plus two.
  private static func hang(_ spans: [Document.Span]) -> Int {
    let text = self.text(spans)
    let indent = text.prefix { $0 == " " }.count
    if spans.count > 1, let first = spans.first?.width { return first }
    return indent + 2
  }

  /// A table row, indented by two, in as many lines as the width needs. Its columns line up with
  /// the rows next to it: all of them when the last column (a request's title) still starts
  /// with room for 20 cells; on a narrower view those that end within its first half (a
  /// request's number, date and status), and the rest follow two spaces apart, a wrapped line
  /// going on under the first of them.
  static func row(_ cells: [Document.Cell], _ widths: [Int], width: Int) -> [String] {
    var starts: [Int] = []
    var x = 2
    for w in widths {
      starts.append(x)
      x += w + 2
    }
    let last = starts.count - 1
    let padded =
      starts[last] + min(widths[last], 20) <= width
      ? last : zip(starts, widths).prefix { $0 + $1 <= width / 2 }.count
    let hang = padded < starts.count ? starts[padded] : 4
    return wrap("  " + text(cells, widths: widths, padded: padded), width, hang)
  }

  /// A table row's cells, the first `padded` padded to their columns' widths (a right-aligned
  /// one on the left), two spaces apart.
  static func text(_ cells: [Document.Cell], widths: [Int], padded: Int) -> String {
    zip(cells, widths).enumerated().map { i, column in
      let (cell, width) = column
      guard i < padded else { return cell.text }
      let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(cell.text)))
      return cell.alignRight ? pad + cell.text : cell.text + pad
    }.joined(separator: "  ")
  }

  /// The spans of a line joined, each padded to its width.
  static func text(_ spans: [Document.Span]) -> String {
    spans.map { span in span.width.map { DisplayWidth.pad(span.text, to: $0) } ?? span.text }
      .joined()
  }

  func height(width: Int) -> Int { Self.height(rows(width: width)) }

  static func height(_ rows: [Row]) -> Int {
    rows.reduce(0) { n, row in
      if case .bar = row { return n + 2 }
      return n + 1
    }
  }

  /// Draws the rows in view of a document laid out at the area's width (`rows(width:)`, once);
  /// returns its height.
  @discardableResult
  static func render(_ rows: [Row], into grid: inout Grid, in area: Rect, scroll: Int, theme: Theme)
    -> Int
  {
    var y = area.y - scroll
    for row in rows {
      let height = { if case .bar = row { return 2 } else { return 1 } }()
      defer { y += height }
      guard y + height > area.y, y < area.maxY else { continue }
      switch row {
      case .text(let text, let role):
        grid.put(text, x: area.x, y: y, style: role.style(theme), maxWidth: area.width)
      case .bar(let bar):
        if y >= area.y {
          bar.render(
            into: &grid,
            in: Rect(x: area.x, y: y, width: area.width, height: min(2, area.maxY - y)),
            theme: theme)
        }
      case .blank: break
      }
    }
    return Self.height(rows)
  }
}

extension Document {
  /// The width each block's label is padded to: consecutive fields line their values up, the
  /// widest label among them but at least `minimum` columns. Blocks other than fields get 0.
  /// Each block's column widths: the rows of a table next to each other share them, each the
  /// widest cell of its column (empty for any other block).
  func columnWidths() -> [[Int]] {
    var widths = Array(repeating: [Int](), count: blocks.count)
    var start = 0
    while start < blocks.count {
      var end = start
      var widest: [Int] = []
      while end < blocks.count, case .row(let cells) = blocks[end] {
        for (i, cell) in cells.enumerated() {
          let width = DisplayWidth.of(cell.text)
          if i < widest.count { widest[i] = max(widest[i], width) } else { widest.append(width) }
        }
        end += 1
      }
      for i in start..<end { widths[i] = widest }
      start = max(end, start + 1)
    }
    return widths
  }

  func labelWidths(minimum: Int) -> [Int] {
    var widths = Array(repeating: 0, count: blocks.count)
    var start = 0
    while start < blocks.count {
      var end = start
      var widest = 0
      while end < blocks.count, case .field(let label, _) = blocks[end] {
        widest = max(widest, DisplayWidth.of(label))
        end += 1
      }
      for i in start..<end { widths[i] = max(minimum, widest) }
      start = max(end, start + 1)
    }
    return widths
  }

  /// The document as plain text, for the `show` commands: the same fields and lines the detail
  /// view draws, each on one line. A bar is left out: it pictures figures the document states.
  public var plainText: String {
    var out = title + (reference.map { "  \($0)" } ?? "") + "\n"
    let columnWidths = columnWidths()
    for (i, (block, labelWidth)) in zip(blocks, labelWidths(minimum: 14)).enumerated() {
      switch block {
      case .field(let label, let value):
        out += "  " + DisplayWidth.pad(label, to: labelWidth + 2) + value + "\n"
      case .heading(let text):
        out += text + "\n"
      case .line(let spans, _):
        out += "  " + DocumentView.text(spans) + "\n"
      case .row(let cells):
        let widths = columnWidths[i]
        out += "    " + DocumentView.text(cells, widths: widths, padded: widths.count - 1) + "\n"
      case .paragraph(let text):
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
          out += "  \(line)\n"
        }
      case .bar:
        break
      case .blank:
        out += "\n"
      }
    }
    return out
  }
}

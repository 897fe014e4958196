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
    return zip(document.blocks, labelWidths).flatMap { block, labelWidth -> [Row] in
      switch block {
      case .field(let label, let value):
        Self.wrap(DisplayWidth.pad(label, to: labelWidth) + " " + value, width, labelWidth + 1)
          .map { .text($0, .normal) }
      case .heading(let text): Self.wrap(text, width, 2).map { .text($0, .title) }
      case .line(let spans, let tone):
        Self.wrap(Self.text(spans), width, Self.hang(spans)).map { .text($0, Ink(tone)) }
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

  /// The spans of a line joined, each padded to its width.
  static func text(_ spans: [Document.Span]) -> String {
    spans.map { span in span.width.map { DisplayWidth.pad(span.text, to: $0) } ?? span.text }
      .joined()
  }

  func height(width: Int) -> Int {
    rows(width: width).reduce(0) { n, row in
      if case .bar = row { return n + 2 }
      return n + 1
    }
  }

  func render(into grid: inout Grid, in area: Rect, scroll: Int, theme: Theme) {
    var y = area.y - scroll
    for row in rows(width: area.width) {
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
  }
}

extension Document {
  /// The width each block's label is padded to: consecutive fields line their values up, the
  /// widest label among them but at least `minimum` columns. Blocks other than fields get 0.
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
    for (block, labelWidth) in zip(blocks, labelWidths(minimum: 14)) {
      switch block {
      case .field(let label, let value):
        out += "  " + DisplayWidth.pad(label, to: labelWidth + 2) + value + "\n"
      case .heading(let text):
        out += text + "\n"
      case .line(let spans, _):
        out += "  " + DocumentView.text(spans) + "\n"
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

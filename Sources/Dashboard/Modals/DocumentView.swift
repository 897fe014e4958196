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
    let labels = document.blocks.compactMap { block -> String? in
      if case .field(let label, _) = block { return label }
      return nil
    }
    let labelWidth = max(12, labels.map { DisplayWidth.of($0) }.max() ?? 0)
    return document.blocks.flatMap { block -> [Row] in
      switch block {
      case .field(let label, let value):
        [.text(DisplayWidth.pad(label, to: labelWidth) + " " + value, .normal)]
      case .heading(let text): [.text(text, .title)]
      case .line(let spans, let tone): [.text(Self.text(spans), Ink(tone))]
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
  /// The document as plain text, for the `show` commands: the same fields and lines the detail
  /// view draws.
  public var plainText: String {
    var out = title + (reference.map { "  \($0)" } ?? "") + "\n"
    for block in blocks {
      switch block {
      case .field(let label, let value):
        out += "  " + DisplayWidth.pad(label, to: 16) + value + "\n"
      case .heading(let text):
        out += text + "\n"
      case .line(let spans, _):
        out += "  " + DocumentView.text(spans) + "\n"
      case .paragraph(let text):
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
          out += "  \(line)\n"
        }
      case .bar(let segments, _):
        out += "  " + segments.map { "\($0.label) \($0.valueText)" }.joined(separator: " · ") + "\n"
      case .blank:
        out += "\n"
      }
    }
    return out
  }
}

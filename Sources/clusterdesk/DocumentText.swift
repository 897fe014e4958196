import ClusterKit
import TerminalKit

/// A document (the same one the dashboard's detail view draws) as plain text for `show`.
enum DocumentText {
  static func render(_ document: Document) -> String {
    var out = document.title + (document.reference.map { "  \($0)" } ?? "") + "\n"
    for block in document.blocks {
      switch block {
      case .field(let label, let value):
        out += "  " + DisplayWidth.pad(label, to: 16) + value + "\n"
      case .heading(let text):
        out += text + "\n"
      case .line(let spans, _):
        out += "  " + text(spans) + "\n"
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

  /// The spans of a line joined, each padded to its width.
  static func text(_ spans: [Document.Span]) -> String {
    spans.map { span in span.width.map { DisplayWidth.pad(span.text, to: $0) } ?? span.text }
      .joined()
  }
}

/// A record laid out for reading: labelled fields, headings and lines. The dashboard draws a
/// document in its detail view and the `show` commands print the same document as text, so the
/// two present the same facts in the same words.
public struct Document: Hashable, Sendable {
  public enum Tone: Hashable, Sendable {
    case normal, dim, warning
  }

  /// A piece of a line; `width`, when set, pads it to that many display columns so the pieces
  /// after it line up.
  public struct Span: Hashable, Sendable, ExpressibleByStringInterpolation {
    public var text: String
    public var width: Int?

    public init(_ text: String, width: Int? = nil) {
      self.text = text
      self.width = width
    }

    public init(stringLiteral value: String) { self.init(value) }

    public init(stringInterpolation: DefaultStringInterpolation) {
      self.init(String(stringInterpolation: stringInterpolation))
    }
  }

  /// One part of a bar of a whole (approved, pending and left of a budget).
  public struct Segment: Hashable, Sendable {
    public var label: String
    public var value: Int64
    public var valueText: String
  }

  /// A cell of a table row; a right-aligned one (an amount) pads on the left.
  public struct Cell: Hashable, Sendable, ExpressibleByStringInterpolation {
    public var text: String
    public var alignRight: Bool

    public init(_ text: String, alignRight: Bool = false) {
      self.text = text
      self.alignRight = alignRight
    }

    public init(stringLiteral value: String) { self.init(value) }

    public init(stringInterpolation: DefaultStringInterpolation) {
      self.init(String(stringInterpolation: stringInterpolation))
    }
  }

  public enum Block: Hashable, Sendable {
    /// A labelled value: `Phone  02-2101-1001`.
    case field(label: String, value: String)
    case heading(String)
    case line([Span], Tone)
    /// A row of a table: the rows next to each other line up their cells, each column as wide
    /// as its widest cell, two spaces apart.
    case row([Cell])
    /// Free text, wrapped to the width it is shown in; its own line breaks are kept.
    case paragraph(String)
    case bar([Segment], total: Int64)
    case blank
  }

  public var title: String
  /// How to name the record on a command line (`#116`), when the title does not say it.
  public var reference: String?
  public var blocks: [Block] = []

  public init(title: String, reference: String? = nil) {
    self.title = title
    self.reference = reference
  }

  /// Adds a field unless its value is missing or empty.
  mutating func field(_ term: Term, _ value: String?, _ language: Language) {
    guard let value, !value.isEmpty else { return }
    blocks.append(.field(label: term.title(language), value: value))
  }

  mutating func heading(_ text: String) { blocks.append(.heading(text)) }

  mutating func line(_ spans: [Span], _ tone: Tone = .normal) {
    blocks.append(.line(spans, tone))
  }

  mutating func line(_ text: String, _ tone: Tone = .normal) { line([Span(text)], tone) }

  mutating func row(_ cells: [Cell]) { blocks.append(.row(cells)) }
}

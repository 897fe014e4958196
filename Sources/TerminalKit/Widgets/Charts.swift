/// Horizontal bars with labels and values, one bar per row.
public struct BarChart: Sendable, Hashable {
  public struct Bar: Sendable, Hashable {
    public var label: String
    public var value: Int
    /// Text shown after the bar; the plain number when nil (e.g. pass `1,200만원`).
    public var valueText: String?
    public var style: Style?

    public init(_ label: String, _ value: Int, valueText: String? = nil, style: Style? = nil) {
      self.label = label
      self.value = value
      self.valueText = valueText
      self.style = style
    }

    var text: String { valueText ?? String(value) }
  }

  public var bars: [Bar]
  /// The value of a full-length bar; the largest value when nil.
  public var maxValue: Int?

  public init(bars: [Bar], maxValue: Int? = nil) {
    self.bars = bars
    self.maxValue = maxValue
  }

  static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// A bar of `value` out of `maximum` drawn in `width` columns with eighth-block precision.
  public static func bar(value: Int, maximum: Int, width: Int) -> String {
    guard width > 0, maximum > 0, value > 0 else { return "" }
    let eighths = min(value, maximum) * width * 8 / maximum
    var s = String(repeating: "█", count: eighths / 8)
    if eighths % 8 > 0 { s.append(partials[eighths % 8 - 1]) }
    return s
  }

  public func render(into grid: inout Grid, in rect: Rect, theme: Theme) {
    guard !rect.isEmpty else { return }
    let labelWidth = min(bars.map { DisplayWidth.of($0.label) }.max() ?? 0, rect.width / 3)
    let valueWidth = min(bars.map { DisplayWidth.of($0.text) }.max() ?? 0, rect.width / 4)
    let barWidth = max(0, rect.width - labelWidth - valueWidth - 2)
    let maximum = maxValue ?? (bars.map(\.value).max() ?? 0)
    for (i, b) in bars.enumerated() where i < rect.height {
      let y = rect.y + i
      grid.fill(rect.row(i), style: theme.normal)
      grid.put(DisplayWidth.pad(b.label, to: labelWidth), x: rect.x, y: y, style: theme.normal)
      let x = rect.x + labelWidth + 1
      grid.put(
        Self.bar(value: b.value, maximum: maximum, width: barWidth), x: x, y: y,
        style: b.style ?? theme.accent, maxWidth: barWidth)
      grid.put(
        DisplayWidth.pad(b.text, to: valueWidth, align: .right), x: x + barWidth + 1, y: y,
        style: theme.normal, maxWidth: valueWidth)
    }
  }
}

/// One bar split into parts (e.g. approved, pending and remaining budget) with a legend.
public struct StackedBar: Sendable, Hashable {
  public struct Segment: Sendable, Hashable {
    public var label: String
    public var value: Int
    public var valueText: String?

    public init(_ label: String, _ value: Int, valueText: String? = nil) {
      self.label = label
      self.value = value
      self.valueText = valueText
    }
  }

  public var segments: [Segment]
  /// The whole; the sum of the segments when nil. Any part not covered stays empty.
  public var total: Int?
  public var showLegend: Bool

  /// Fill characters per segment so parts stay distinct without colour.
  public static let glyphs: [Character] = ["█", "▓", "▒", "░"]

  public init(segments: [Segment], total: Int? = nil, showLegend: Bool = true) {
    self.segments = segments
    self.total = total
    self.showLegend = showLegend
  }

  /// Columns per segment in a bar `width` columns wide; rounding never exceeds `width`.
  public func columns(width: Int) -> [Int] {
    let sum = segments.reduce(0) { $0 + max(0, $1.value) }
    let whole = max(total ?? sum, sum)
    guard whole > 0, width > 0 else { return segments.map { _ in 0 } }
    var cumulative = 0
    var previousEnd = 0
    return segments.map { s in
      cumulative += max(0, s.value)
      let end = (cumulative * width * 2 + whole) / (whole * 2)
      defer { previousEnd = end }
      return end - previousEnd
    }
  }

  private func glyph(_ i: Int) -> Character { Self.glyphs[i % Self.glyphs.count] }

  private func style(_ i: Int, _ theme: Theme) -> Style {
    theme.isMonochrome ? theme.normal : theme.series[i % theme.series.count]
  }

  public func render(into grid: inout Grid, in rect: Rect, theme: Theme) {
    guard !rect.isEmpty else { return }
    grid.fill(rect.row(0), style: theme.normal)
    var x = rect.x
    for (i, n) in columns(width: rect.width).enumerated() where n > 0 {
      x += grid.put(
        String(repeating: glyph(i), count: n), x: x, y: rect.y, style: style(i, theme),
        maxWidth: rect.maxX - x)
    }
    if x < rect.maxX {
      grid.put(
        String(repeating: "·", count: rect.maxX - x), x: x, y: rect.y, style: theme.dim)
    }
    guard showLegend, rect.height > 1 else { return }
    let y = rect.y + 1
    grid.fill(rect.row(1), style: theme.normal)
    x = rect.x
    for (i, s) in segments.enumerated() {
      let room = rect.maxX - x
      if room <= 0 { break }
      x += grid.put(String(glyph(i)), x: x, y: y, style: style(i, theme), maxWidth: room)
      x += grid.put(
        " \(s.label) \(s.valueText ?? String(s.value))  ", x: x, y: y, style: theme.normal,
        maxWidth: rect.maxX - x)
    }
  }
}

/// A one-line trend from ▁ to █.
public struct Sparkline: Sendable, Hashable {
  public var values: [Int]

  public init(_ values: [Int]) { self.values = values }

  static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// The line for the last `width` values (all when nil), scaled so the largest is █ and
  /// zero or less is ▁.
  public static func string(_ values: [Int], width: Int? = nil) -> String {
    let shown = width.map { Array(values.suffix(max(0, $0))) } ?? values
    let top = shown.max() ?? 0
    return String(
      shown.map { v -> Character in
        guard top > 0, v > 0 else { return levels[0] }
        let level = (v * 7 * 2 + top) / (top * 2)
        return levels[max(0, min(7, level))]
      })
  }

  public func render(into grid: inout Grid, in rect: Rect, theme: Theme) {
    guard !rect.isEmpty else { return }
    grid.put(
      Self.string(values, width: rect.width), x: rect.x, y: rect.y, style: theme.accent,
      maxWidth: rect.width)
  }
}

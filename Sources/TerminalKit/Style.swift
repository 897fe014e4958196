/// The eight basic terminal colours; `nil` in a `Style` means the terminal's default.
public enum Color: Int, Sendable, Hashable, CaseIterable {
  case black = 0
  case red, green, yellow, blue, magenta, cyan, white
}

public struct Style: Sendable, Hashable {
  public var fg: Color?
  public var bg: Color?
  public var bold: Bool
  public var dim: Bool
  public var reverse: Bool
  public var underline: Bool

  public init(
    fg: Color? = nil, bg: Color? = nil, bold: Bool = false, dim: Bool = false,
    reverse: Bool = false, underline: Bool = false
  ) {
    self.fg = fg
    self.bg = bg
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
  }

  public static let plain = Style()

  /// Attributes of `other` added on top of this style; colours of `other` win when set.
  public func merged(with other: Style) -> Style {
    Style(
      fg: other.fg ?? fg, bg: other.bg ?? bg, bold: bold || other.bold, dim: dim || other.dim,
      reverse: reverse || other.reverse, underline: underline || other.underline)
  }
}

/// Named styles the widgets use, so that colour and monochrome screens share one code path.
public struct Theme: Sendable, Hashable {
  public var normal: Style
  public var header: Style
  public var selected: Style
  public var dim: Style
  public var accent: Style
  public var warning: Style
  public var error: Style
  public var success: Style
  public var border: Style
  public var title: Style
  public var keyHint: Style
  public var input: Style
  public var inputFocused: Style
  /// Colours used one after another for chart segments and bars.
  public var series: [Style]
  public var isMonochrome: Bool

  public init(
    normal: Style, header: Style, selected: Style, dim: Style, accent: Style, warning: Style,
    error: Style, success: Style, border: Style, title: Style, keyHint: Style, input: Style,
    inputFocused: Style, series: [Style], isMonochrome: Bool
  ) {
    self.normal = normal
    self.header = header
    self.selected = selected
    self.dim = dim
    self.accent = accent
    self.warning = warning
    self.error = error
    self.success = success
    self.border = border
    self.title = title
    self.keyHint = keyHint
    self.input = input
    self.inputFocused = inputFocused
    self.series = series.isEmpty ? [Style(reverse: true)] : series
    self.isMonochrome = isMonochrome
  }

  public static let standard = Theme(
    normal: Style(),
    header: Style(fg: .black, bg: .cyan, bold: true),
    selected: Style(fg: .black, bg: .yellow),
    dim: Style(dim: true),
    accent: Style(fg: .cyan, bold: true),
    warning: Style(fg: .yellow, bold: true),
    error: Style(fg: .red, bold: true),
    success: Style(fg: .green),
    border: Style(fg: .blue),
    title: Style(fg: .cyan, bold: true),
    keyHint: Style(fg: .yellow, bold: true),
    input: Style(underline: true),
    inputFocused: Style(fg: .black, bg: .white),
    series: [Style(fg: .green), Style(fg: .yellow), Style(fg: .blue), Style(fg: .magenta)],
    isMonochrome: false)

  /// For `NO_COLOR` and terminals without colour: reverse, bold and underline only.
  public static let monochrome = Theme(
    normal: Style(),
    header: Style(bold: true, underline: true),
    selected: Style(reverse: true),
    dim: Style(dim: true),
    accent: Style(bold: true),
    warning: Style(bold: true),
    error: Style(bold: true, underline: true),
    success: Style(),
    border: Style(),
    title: Style(bold: true),
    keyHint: Style(bold: true),
    input: Style(underline: true),
    inputFocused: Style(reverse: true),
    series: [Style(reverse: true), Style(bold: true), Style(underline: true), Style()],
    isMonochrome: true)
}

/// Laying text out in lines of a given display width.
public enum TextLayout {
  /// Splits text into lines of at most `width` columns, at spaces when possible.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var out: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
        let w = DisplayWidth.of(String(word))
        if lineWidth > 0 && lineWidth + 1 + w > width {
          out.append(line)
          line = ""
          lineWidth = 0
        }
        var piece = String(word)
        // A single word longer than the line is cut by characters.
        while DisplayWidth.of(piece) > width - lineWidth - (lineWidth > 0 ? 1 : 0), lineWidth == 0 {
          var head = ""
          var used = 0
          for c in piece {
            let cw = DisplayWidth.of(c)
            if used + cw > width { break }
            head.append(c)
            used += cw
          }
          if head.isEmpty { break }
          out.append(head)
          piece = String(piece.dropFirst(head.count))
          if piece.isEmpty { break }
        }
        if piece.isEmpty { continue }
        if lineWidth > 0 {
          line += " "
          lineWidth += 1
        }
        line += piece
        lineWidth += DisplayWidth.of(piece)
      }
      out.append(line)
    }
    return out
  }

  /// Wraps one line of text to `width`, the lines after the first indented by `indent` columns
  /// (a hanging indent, so a long value or item stays under where it began). Breaks at the last
  /// space that fits, else within a word; spaces inside a line are kept as they are.
  public static func wrap(_ text: String, width: Int, hangingIndent indent: Int) -> [String] {
    guard width > 0 else { return [] }
    let indent = indent < width ? max(0, indent) : 0
    let pad = String(repeating: " ", count: indent)
    var out: [String] = []
    var rest = Substring(text)
    var room = width
    while DisplayWidth.of(String(rest)) > room {
      var used = 0
      var lastSpace: String.Index?
      var i = rest.startIndex
      while i < rest.endIndex {
        let w = DisplayWidth.of(rest[i])
        if used + w > room { break }
        if rest[i] == " ", i > rest.startIndex { lastSpace = i }
        used += w
        i = rest.index(after: i)
      }
      var end = i
      if i < rest.endIndex, rest[i] != " ", let lastSpace { end = lastSpace }
      if end == rest.startIndex { end = rest.index(after: end) }
      var line = rest[..<end]
      while line.last == " " { line = line.dropLast() }
      out.append((out.isEmpty ? "" : pad) + line)
      rest = rest[end...].drop { $0 == " " }
      room = width - indent
    }
    if out.isEmpty || !rest.isEmpty { out.append((out.isEmpty ? "" : pad) + rest) }
    return out
  }

  /// Joins tokens with ` · ` into lines no wider than `width`.
  public static func flow(_ tokens: [String], width: Int, separator: String = " · ") -> [String] {
    var lines: [String] = []
    var line = ""
    for t in tokens {
      if line.isEmpty {
        line = t
      } else if DisplayWidth.of(line + separator + t) <= width {
        line += separator + t
      } else {
        lines.append(line)
        line = t
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}

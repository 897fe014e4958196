extension KoreanText {
  /// Cleans text that may span lines (notes, agenda, minutes): NFC, each line trimmed, runs of
  /// blank lines collapsed to one, no blank lines at either end.
  public static func cleanMultiline(_ text: String) -> String {
    // Most stored text is clean already (an import cleans every visit's notes): one scan says so.
    isTidyMultiline(text) ? text : rebuiltMultiline(text)
  }

  /// `cleanMultiline` line by line.
  static func rebuiltMultiline(_ text: String) -> String {
    var lines: [String] = []
    for line in nfc(text).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      let cleaned = clean(String(line))
      if cleaned.isEmpty, lines.last?.isEmpty ?? true { continue }
      lines.append(cleaned)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// True when `cleanMultiline` would return the text unchanged, for text of the common
  /// characters (ASCII, Hangul syllables, ㄱ–ㅣ) that NFC leaves as they are: lines
  /// tidy (`isTidy`), separated by single `\n`, at most one blank line in a row, none at either end.
  static func isTidyMultiline(_ text: String) -> Bool {
    var afterSpace = true  // at the start of a line
    var blankLines = 0
    var previous: Unicode.Scalar = "\n"
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if scalar == "\n" {
        if previous == " " { return false }
        if previous == "\n" {
          blankLines += 1
          if blankLines > 1 { return false }
        } else {
          blankLines = 0
        }
        afterSpace = true
      } else if scalar == " " {
        if afterSpace { return false }
        afterSpace = true
      } else if v < 0x20 || v == 0x7F
        || v >= 0x80
          && !((0xAC00...0xD7A3).contains(v) || (0x3131...0x3163).contains(v))
      {
        return false
      } else {
        afterSpace = false
      }
      previous = scalar
    }
    // No blank line at the start (a leading "\n") or at the end, no trailing space.
    return !text.hasPrefix("\n") && previous != "\n" && previous != " " || text.isEmpty
  }
}

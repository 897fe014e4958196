extension KoreanText {
  /// Cleans text that may span lines (notes, agenda, minutes): NFC, each line trimmed, runs of
  /// blank lines collapsed to one, no blank lines at either end.
  public static func cleanMultiline(_ text: String) -> String {
    var lines: [String] = []
    for line in nfc(text).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      let cleaned = clean(String(line))
      if cleaned.isEmpty, lines.last?.isEmpty ?? true { continue }
      lines.append(cleaned)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}

import Foundation

/// RFC 4180 writing in UTF-8 with CRLF line ends, which Excel and LibreOffice both read. Every
/// cell passes `FormulaGuard`, so no cell of a file the program writes runs as a formula.
public enum CSVWriter {
  /// With `bom`, Excel on Windows opens the file as UTF-8 instead of CP949.
  public static func encode(header: [String], rows: [[String]], bom: Bool) -> Data {
    var text = bom ? byteOrderMark : ""
    for record in [header] + rows { text += Self.record(record) }
    return Data(text.utf8)
  }

  /// Written first, so that Excel reads the file as UTF-8.
  public static let byteOrderMark = "\u{FEFF}"

  /// One line of the file, with its CRLF.
  public static func record(_ fields: [String]) -> String {
    var bytes: [UInt8] = []
    append(record: fields, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The same line appended to `bytes` as UTF-8: worked out over the bytes, as a long list
  /// writes one line per row (the text's own search and replace cost more than reading the row).
  public static func append(record fields: [String], to bytes: inout [UInt8]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      var utf8 = field
      utf8.withUTF8 { append(field: $0, of: field, to: &bytes) }
    }
    bytes.append(contentsOf: [0x0D, 0x0A])
  }

  /// One field, after `FormulaGuard.neutralised`: quoted when it holds a comma, quote, tab,
  /// line break, or leading or trailing whitespace, with quotes inside doubled; `utf8` is the
  /// text's.
  private static func append(
    field utf8: UnsafeBufferPointer<UInt8>, of text: String, to bytes: inout [UInt8]
  ) {
    // The formula characters are ASCII: the first scalar after the apostrophes is one exactly
    // when the first byte after them is.
    let first = utf8.firstIndex { $0 != UInt8(ascii: "'") }
    let guarded = first.map { FormulaGuard.isTrigger(Unicode.Scalar(utf8[$0])) } ?? false
    let special = utf8.contains { (byte: UInt8) -> Bool in
      switch byte {
      case UInt8(ascii: ","), UInt8(ascii: "\""), 0x0D, 0x0A, 0x09: return true
      default: return false
      }
    }
    // A guarded field starts with its apostrophe, never white space.
    let needsQuotes =
      special || (!guarded && startsWithWhitespace(utf8, text)) || endsWithWhitespace(utf8, text)
    if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
    if guarded { bytes.append(UInt8(ascii: "'")) }
    if needsQuotes {
      for byte in utf8 {
        bytes.append(byte)
        if byte == UInt8(ascii: "\"") { bytes.append(byte) }
      }
      bytes.append(UInt8(ascii: "\""))
    } else {
      bytes.append(contentsOf: utf8)
    }
  }

  /// `text.first?.isWhitespace`: a character is white space when its first scalar is, and the
  /// first character's first scalar is the text's.
  private static func startsWithWhitespace(_ utf8: UnsafeBufferPointer<UInt8>, _ text: String)
    -> Bool
  {
    guard let byte = utf8.first else { return false }
    if byte < 0x80 { return isASCIIWhitespace(byte) }
    return text.unicodeScalars.first!.properties.isWhitespace
  }

  /// `text.last?.isWhitespace`, without finding the last character's start when the text ends
  /// in an ASCII scalar or a Hangul syllable, neither of which joins the scalar before it.
  private static func endsWithWhitespace(_ utf8: UnsafeBufferPointer<UInt8>, _ text: String)
    -> Bool
  {
    guard let byte = utf8.last else { return false }
    if byte < 0x80 { return isASCIIWhitespace(byte) }
    let count = utf8.count
    if count >= 3, (0xEA...0xED).contains(utf8[count - 3]) {
      let scalar =
        UInt32(utf8[count - 3] & 0x0F) << 12 | UInt32(utf8[count - 2] & 0x3F) << 6
        | UInt32(byte & 0x3F)
      if (0xAC00...0xD7A3).contains(scalar) { return false }
    }
    return text.last?.isWhitespace == true
  }

  private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }
}

/// Formula injection, as OWASP describes it: a spreadsheet runs a cell that starts with `=`, `+`,
/// `-` or `@` (or a tab or carriage return before one) as a formula — `=HYPERLINK(...)` or
/// `=cmd|' /C calc'!A0` in a company's name would run on the manager's machine. Such a cell is
/// written with a `'` in front, which spreadsheets show as text. So that reading our own file
/// gives the text back exactly, the rule is one-to-one: the `'` is added when the cell, after any
/// apostrophes it already starts with, begins with one of those characters, and reading removes
/// one `'` from a cell of that same shape (`'=x` ↔ `=x`, `''=x` ↔ `'=x`; `'abc` stays `'abc`).
public enum FormulaGuard {
  static func isTrigger(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return scalar == "=" || scalar == "+" || scalar == "-" || scalar == "@" || scalar == "\t"
      || scalar == "\r"
  }

  /// True when the text, after its leading apostrophes, starts with a formula character.
  static func needsGuard(_ scalars: Substring.UnicodeScalarView) -> Bool {
    isTrigger(scalars.first { $0 != "'" })
  }

  /// The cell as written to a file.
  public static func neutralised(_ cell: String) -> String {
    needsGuard(Substring(cell).unicodeScalars) ? "'" + cell : cell
  }

  /// The cell as it was before `neutralised`.
  public static func restored(_ cell: String) -> String {
    guard cell.hasPrefix("'") else { return cell }
    let rest = cell.dropFirst()
    return needsGuard(rest.unicodeScalars) ? String(rest) : cell
  }
}

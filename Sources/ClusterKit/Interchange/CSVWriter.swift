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
    var line = ""
    for (index, field) in fields.enumerated() {
      if index > 0 { line += "," }
      line += quoted(FormulaGuard.neutralised(field))
    }
    return line + "\r\n"
  }

  /// The field as written: quoted when it holds a comma, quote, tab, line break, or leading or
  /// trailing whitespace; quotes inside are doubled.
  public static func quoted(_ field: String) -> String {
    let needsQuotes =
      field.unicodeScalars.contains {
        $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\t"
      }
      || field.first?.isWhitespace == true || field.last?.isWhitespace == true
    guard needsQuotes else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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

import Foundation

/// RFC 4180 writing in UTF-8 with CRLF line ends, which Excel and LibreOffice both read.
public enum CSVWriter {
  /// With `bom`, Excel on Windows opens the file as UTF-8 instead of CP949.
  public static func encode(header: [String], rows: [[String]], bom: Bool) -> Data {
    var text = ""
    for record in [header] + rows {
      text += record.map(quoted).joined(separator: ",")
      text += "\r\n"
    }
    var data = Data(bom ? [0xEF, 0xBB, 0xBF] : [])
    data.append(contentsOf: Array(text.utf8))
    return data
  }

  /// The field as written: quoted when it holds a comma, quote, line break, or leading or
  /// trailing whitespace; quotes inside are doubled.
  public static func quoted(_ field: String) -> String {
    let needsQuotes =
      field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
      || field.first?.isWhitespace == true || field.last?.isWhitespace == true
    guard needsQuotes else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

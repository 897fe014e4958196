/// Text in SpreadsheetML parts: XML escaping, and Excel's `_xHHHH_` escapes for the characters
/// XML 1.0 cannot hold at all.
enum XMLText {
  /// Escaped for element content and attribute values. A carriage return is written as a
  /// character reference (a parser would turn a literal one into a line feed); other control
  /// characters, which XML cannot carry, as `_xHHHH_`, and an `_x` that would read as such an
  /// escape has its underscore escaped (`_x005F_`), as Excel does.
  static func escaped(_ text: String) -> String {
    let needs = text.utf8.contains { unit in
      unit < 0x20 || unit == UInt8(ascii: "&") || unit == UInt8(ascii: "<")
        || unit == UInt8(ascii: ">") || unit == UInt8(ascii: "\"") || unit == UInt8(ascii: "_")
        || unit == 0xEF  // U+FFFE and U+FFFF start with this byte
    }
    guard needs else { return text }
    var out = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "&": out.append(contentsOf: "&amp;".unicodeScalars)
      case "<": out.append(contentsOf: "&lt;".unicodeScalars)
      case ">": out.append(contentsOf: "&gt;".unicodeScalars)
      case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
      case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
      case "\t", "\n": out.append(scalar)
      case "_" where isEscape(scalars, at: index):
        out.append(contentsOf: "_x005F_".unicodeScalars)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          out.append(contentsOf: hexEscape(scalar.value).unicodeScalars)
        } else {
          out.append(scalar)
        }
      }
    }
    return String(out)
  }

  /// `_xHHHH_` escapes turned back into their characters.
  static func unescaped(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      if isEscape(scalars, at: index),
        let value = UInt32(
          String(String.UnicodeScalarView(scalars[index + 2..<index + 6])), radix: 16),
        let scalar = Unicode.Scalar(value)
      {
        out.append(scalar)
        index += 7
      } else {
        out.append(scalars[index])
        index += 1
      }
    }
    return String(out)
  }

  /// Whether `_xHHHH_` starts at `index`.
  private static func isEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x",
      scalars[index + 6] == "_"
    else { return false }
    return scalars[index + 2...index + 5].allSatisfy { $0.properties.isASCIIHexDigit }
  }

  private static func hexEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
  }
}

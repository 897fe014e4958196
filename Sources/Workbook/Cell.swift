import Foundation

/// What a cell holds. Text is always stored as text (never as a formula, whatever it starts
/// with); a number carries the format it is shown in; a date is a calendar date, with a time of
/// day when it has one.
public enum CellValue: Hashable, Sendable {
  case empty
  case text(String)
  case number(Double, NumberFormat = .general)
  case date(SheetDate)
  case bool(Bool)
  /// A formula's error value as read, such as `#N/A` or `#REF!`.
  case error(String)
}

extension CellValue {
  /// The value as plain text: a number its digits (`1370000000`, `0.5`), a date `YYYY-MM-DD`
  /// (with ` hh:mm:ss` when it has a time), a boolean `TRUE` or `FALSE`, an error its code.
  public var plainText: String {
    switch self {
    case .empty: ""
    case .text(let text): text
    case .number(let number, _): WorkbookWriter.decimal(number)
    case .date(let date): date.description
    case .bool(let flag): flag ? "TRUE" : "FALSE"
    case .error(let code): code
    }
  }
}

/// A number format code as Excel writes it, such as `#,##0"원"` or `yyyy-mm-dd`.
public struct NumberFormat: Hashable, Sendable {
  public var code: String
  public init(_ code: String) { self.code = code }

  public static let general = NumberFormat("General")
  /// Whole numbers with thousands separators: `1,200`.
  public static let grouped = NumberFormat("#,##0")
  /// Korean won: `1,370,000,000원`.
  public static let won = NumberFormat("#,##0\"원\"")
  /// A share: `0.83` shown `83%`.
  public static let percent = NumberFormat("0%")
  public static let date = NumberFormat("yyyy-mm-dd")
  public static let dateTime = NumberFormat("yyyy-mm-dd hh:mm:ss")

  /// The formats Excel numbers itself (ECMA-376 part 1, 18.8.30), which a file need not spell
  /// out. Ids 27–36 and 50–58 are the East Asian dates; in a Korean Excel they read as dates.
  static let builtIn: [Int: String] = [
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
    11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm",
    17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
    22: "m/d/yy h:mm", 27: "yyyy\"年\" m\"月\"", 28: "m\"月\" d\"日\"", 29: "m\"月\" d\"日\"",
    30: "m-d-yy", 31: "yyyy\"年\" m\"月\" d\"日\"", 32: "h\"時\" mm\"分\"",
    33: "h\"時\" mm\"分\" ss\"秒\"", 34: "yyyy\"年\" m\"月\"", 35: "m\"月\" d\"日\"",
    36: "yyyy\"年\" m\"月\"", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss",
    47: "mmss.0", 48: "##0.0E+0", 49: "@", 50: "yyyy\"年\" m\"月\"", 51: "m\"月\" d\"日\"",
    52: "yyyy\"年\" m\"月\"", 53: "m\"月\" d\"日\"", 54: "m\"月\" d\"日\"", 55: "yyyy\"年\" m\"月\"",
    56: "yyyy\"年\" m\"月\"", 57: "yyyy\"年\" m\"月\"", 58: "m\"月\" d\"日\"",
  ]

  /// Whether a number in this format is shown as a date or a time: the code has a day, month,
  /// year, hour or second once quoted text, escaped characters and `[...]` sections (colours,
  /// locales) are removed. `[h]` and `[mm]` (elapsed time) count as time.
  public var isDate: Bool {
    let parts = Self.dateParts(code)
    return parts.date || parts.time
  }

  /// Whether the format shows a time of day (hours or seconds).
  var showsTime: Bool { Self.dateParts(code).time }

  private static func dateParts(_ code: String) -> (date: Bool, time: Bool) {
    // "General" spells e, n, r, a, l: it is no date, even after a locale such as [$-412].
    let code = code.replacingOccurrences(of: "general", with: "", options: .caseInsensitive)
    var date = false
    var time = false
    var quoted = false
    var bracket = false
    var escaped = false
    // Only the first section (positive numbers) decides.
    for character in code {
      if escaped {
        escaped = false
        continue
      }
      if quoted {
        if character == "\"" { quoted = false }
        continue
      }
      if bracket {
        if character == "]" {
          bracket = false
        } else if "hHsS".contains(character) {
          time = true
        }
        continue
      }
      switch character {
      case "\"": quoted = true
      case "\\", "_", "*": escaped = true
      case "[": bracket = true
      case ";": return (date, time)
      case "d", "D", "y", "Y", "m", "M", "e", "g", "G", "b", "B": date = true
      case "h", "H", "s", "S": time = true
      default: break
      }
    }
    return (date, time)
  }
}

/// A calendar date (proleptic Gregorian), with the seconds since midnight when there is a time of
/// day.
public struct SheetDate: Hashable, Sendable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int
  public var secondsIntoDay: Int?

  public init(year: Int, month: Int, day: Int, secondsIntoDay: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
    self.secondsIntoDay = secondsIntoDay
  }

  /// `YYYY-MM-DD`, then ` hh:mm:ss` when there is a time.
  public var description: String {
    func digits(_ value: Int, _ count: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, count - text.count)) + text
    }
    var text = digits(year, 4) + "-" + digits(month, 2) + "-" + digits(day, 2)
    if let seconds = secondsIntoDay {
      text +=
        " " + digits(seconds / 3600, 2) + ":" + digits(seconds / 60 % 60, 2) + ":"
        + digits(seconds % 60, 2)
    }
    return text
  }

  /// Days since 1970-01-01.
  var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  init(daysSinceEpoch days: Int, secondsIntoDay: Int?) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    self.init(
      year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day,
      secondsIntoDay: secondsIntoDay)
  }

  /// 1899-12-30 is day 0 of the 1900 date system for every day from 1900-03-01 on (Excel
  /// counts a 1900-02-29 that never was); 1904-01-01 is day 0 of the 1904 system.
  private static let epoch1900 = -25_569
  private static let epoch1904 = -24_107

  /// The serial number Excel stores (1900 date system).
  var serial: Double {
    var days = Double(daysSinceEpoch - Self.epoch1900)
    if days < 61 { days -= 1 }
    return days + Double(secondsIntoDay ?? 0) / 86_400
  }

  /// The date a serial number stands for; nil for serials no date has (negative, Excel's
  /// 1900-02-29, or past 9999-12-31).
  init?(serial: Double, date1904: Bool, withTime: Bool) {
    guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
    var whole = serial.rounded(.down)
    var seconds = Int(((serial - whole) * 86_400).rounded())
    if seconds == 86_400 {
      whole += 1
      seconds = 0
    }
    var days = Int(whole)
    if !date1904 {
      if days == 60 { return nil }
      if days < 60 && days > 0 { days += 1 }
    }
    let time = withTime || seconds != 0 ? seconds : nil
    self.init(
      daysSinceEpoch: days + (date1904 ? Self.epoch1904 : Self.epoch1900), secondsIntoDay: time)
  }
}

/// A cell's place: `C12` is column index 2 (A is 0), row 12 (rows count from 1, as Excel shows).
public struct CellReference: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var columnIndex: Int
  public var row: Int

  public static let maxColumns = 16_384
  public static let maxRows = 1_048_576

  public init(columnIndex: Int, row: Int) {
    self.columnIndex = columnIndex
    self.row = row
  }

  /// `C12`, `AB3`, `$C$12`; nil for anything else or a place outside a sheet.
  public init?(_ text: String) {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for scalar in text.unicodeScalars where scalar != "$" {
      switch scalar.value {
      case 65...90, 97...122:
        guard digits == 0, letters < 3 else { return nil }
        column = column * 26 + Int((scalar.value & ~0x20) - 64)
        letters += 1
      case 48...57:
        guard letters > 0, digits < 7 else { return nil }
        row = row * 10 + Int(scalar.value - 48)
        digits += 1
      default: return nil
      }
    }
    guard (1...Self.maxColumns).contains(column), (1...Self.maxRows).contains(row) else {
      return nil
    }
    self.init(columnIndex: column - 1, row: row)
  }

  /// `A`, `Z`, `AA`, `XFD`.
  public static func columnName(_ index: Int) -> String {
    var scalars: [Unicode.Scalar] = []
    var rest = index + 1
    while rest > 0 {
      let digit = (rest - 1) % 26
      scalars.insert(Unicode.Scalar(UInt8(65 + digit)), at: 0)
      rest = (rest - 1) / 26
    }
    return String(String.UnicodeScalarView(scalars))
  }

  public var description: String { Self.columnName(columnIndex) + String(row) }

  /// `$C$12`, as defined names write it.
  var absolute: String { "$" + Self.columnName(columnIndex) + "$" + String(row) }

  public static func < (a: CellReference, b: CellReference) -> Bool {
    (a.row, a.columnIndex) < (b.row, b.columnIndex)
  }
}

/// A block of cells from its top-left to its bottom-right corner: `A1:I21`.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
  public var from: CellReference
  public var to: CellReference

  public init(from: CellReference, to: CellReference) {
    self.from = from
    self.to = to
  }

  public var description: String { "\(from):\(to)" }
  var absolute: String { "\(from.absolute):\(to.absolute)" }
}

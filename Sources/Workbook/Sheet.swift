import Foundation

/// A worksheet to write: rows of typed cells, with the rows shown in bold, the rows kept in view
/// while scrolling, an autofilter and column widths.
public struct Sheet: Sendable {
  /// At most 31 characters, none of `[ ] : * ? / \`, not starting or ending with `'`.
  public var name: String
  public var rows: [[CellValue]]
  /// Indexes into `rows` of the rows set in bold.
  public var boldRows: Set<Int> = []
  /// The number of rows at the top that stay in view.
  public var frozenRows = 0
  /// The block the autofilter buttons sit on (its first row) and sort and filter.
  public var autoFilter: CellRange?
  /// Widths in characters (the width of `0` in the sheet's font), column by column; a missing
  /// or nil width is the default.
  public var columnWidths: [Double?] = []

  public init(name: String, rows: [[CellValue]]) {
    self.name = name
    self.rows = rows
  }

  /// A table: a bold header row, frozen, with an autofilter over the header and every row.
  public static func table(name: String, header: [String], rows: [[CellValue]]) -> Sheet {
    var sheet = Sheet(name: name, rows: [header.map(CellValue.text)] + rows)
    sheet.boldRows = [0]
    sheet.frozenRows = 1
    let width = max(1, ([header.count] + rows.map(\.count)).max() ?? 1)
    sheet.autoFilter = CellRange(
      from: CellReference(columnIndex: 0, row: 1),
      to: CellReference(columnIndex: width - 1, row: rows.count + 1))
    return sheet
  }

  /// Sets every column wide enough for the widest line of its cells as shown, measured by `measure` (a
  /// terminal's display width: two for a Hangul syllable, which is about what a Korean font
  /// needs against the width of `0`), with room for the filter button in the header, between
  /// `minimum` and `maximum` characters.
  public mutating func fitColumns(
    measure: (String) -> Int, minimum: Double = 4, maximum: Double = 60
  ) {
    var widths: [Int] = []
    let filterRow = autoFilter.map { $0.from.row - 1 }
    for (index, row) in rows.enumerated() {
      for (column, value) in row.enumerated() {
        let text = Self.shown(value)
        var width: Int
        if text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
          width =
            text.split(omittingEmptySubsequences: false) {
              $0 == "\n" || $0 == "\r\n" || $0 == "\r"
            }.map { measure(String($0)) }.max() ?? 0
        } else {
          width = measure(text)
        }
        if index == filterRow { width += 2 }
        if column >= widths.count {
          widths.append(contentsOf: repeatElement(0, count: column + 1 - widths.count))
        }
        widths[column] = max(widths[column], width)
      }
    }
    columnWidths = widths.map { min(maximum, max(minimum, Double($0) + 2)) }
  }

  /// About what a spreadsheet shows for a value, for measuring: grouped digits and the quoted
  /// text of the format for numbers (`1,370,000원`), `83%` for shares.
  static func shown(_ value: CellValue) -> String {
    switch value {
    case .empty: return ""
    case .text(let text): return text
    case .error(let code): return code
    case .bool(let value): return value ? "TRUE" : "FALSE"
    case .date(let date): return date.description
    case .number(let number, let format):
      let code = format.code
      if code.contains("%") { return String(format: "%.0f%%", number * 100) }
      let whole = number.rounded() == number && abs(number) < 1e15
      let digits = whole ? String(Int64(number)) : String(format: "%.2f", number)
      var shown = digits
      if whole && code.contains("#,##") {
        var grouped = ""
        for (offset, character) in digits.reversed().enumerated() {
          if offset > 0 && offset % 3 == 0 && character.isNumber { grouped.append(",") }
          grouped.append(character)
        }
        shown = String(grouped.reversed())
      }
      let literal = code.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
        .filter { $0.offset % 2 == 1 }.map(\.element).joined()
      return shown + literal
    }
  }
}

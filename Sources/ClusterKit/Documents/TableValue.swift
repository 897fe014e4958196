import Foundation
import Workbook

/// A cell of a table a user reads (a list, a report, a directory book): what it is, so that a
/// workbook gets numbers, amounts in won, shares and dates, while text, CSV and JSON get the
/// same text as ever.
public enum TableValue: Hashable, Sendable {
  case text(String)
  /// Numbers, counts, days: digits.
  case number(Int64?)
  /// An amount: grouped digits in a table, plain digits in CSV and JSON, a number in the won
  /// format in a workbook.
  case won(KRW?)
  case date(Day?)
  /// A share from 0 to 1, shown `83%` (`–` when there is none).
  case percent(Double?)
  /// An ISO 8601 instant, as the audit log keeps them; a workbook gets the date and time in
  /// Korea.
  case instant(String)

  public static func number(_ value: Int?) -> TableValue { .number(value.map(Int64.init)) }

  /// Numbers, amounts and shares line up on the right in a table.
  public var isNumeric: Bool {
    switch self {
    case .number, .won, .percent: true
    case .text, .date, .instant: false
    }
  }

  /// The cell a workbook gets.
  public var cell: CellValue {
    switch self {
    case .text(let text): return text.isEmpty ? .empty : .text(text)
    case .number(let value): return value.map { CellValue.number(Double($0)) } ?? .empty
    case .won(let amount):
      return amount.map { CellValue.number(Double($0), NumberFormat.won) } ?? .empty
    case .date(let day): return day.map { CellValue.date($0.sheetDate) } ?? .empty
    case .percent(let rate):
      return rate.map { CellValue.number($0, NumberFormat.percent) } ?? .empty
    case .instant(let text):
      guard let instant = ISO8601DateFormatter().date(from: text) else { return .text(text) }
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = TimeZone(identifier: "Asia/Seoul") ?? .current
      let parts = calendar.dateComponents(
        [.year, .month, .day, .hour, .minute, .second], from: instant)
      return .date(
        SheetDate(
          year: parts.year!, month: parts.month!, day: parts.day!,
          secondsIntoDay: parts.hour! * 3600 + parts.minute! * 60 + parts.second!))
    }
  }
}

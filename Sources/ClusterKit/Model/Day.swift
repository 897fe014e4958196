import Foundation

/// A calendar day with no time zone, stored and exchanged as `YYYY-MM-DD` (which sorts as text).
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Fails for a day that does not exist, such as 2026-02-30.
  public init?(year: Int, month: Int, day: Int) {
    guard (1900...9999).contains(year), (1...12).contains(month),
      (1...Day.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Accepts `2026-11-22`, `2026.11.22` (also with a trailing dot or spaces after the dots),
  /// `2026/11/22` and `20261122`.
  public init?(parsing text: String) {
    // The stored form, `YYYY-MM-DD`, read straight from its bytes: every record read from the
    // workspace or a JSON document goes through here.
    if let day = text.utf8.withContiguousStorageIfAvailable(Day.canonical) ?? nil {
      self = day
      return
    }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    var parts: [Substring]
    if trimmed.count == 8, trimmed.allSatisfy(\.isASCIIDigit) {
      parts = [trimmed.prefix(4), trimmed.dropFirst(4).prefix(2), trimmed.suffix(2)]
    } else {
      var body = Substring(trimmed)
      if body.hasSuffix(".") { body = body.dropLast() }
      parts = body.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" })
        .map { $0.trimmingCharacters(in: .whitespaces)[...] }
    }
    guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count),
      (1...2).contains(parts[2].count),
      parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// `YYYY-MM-DD` bytes, or nil when the text is not exactly in that form.
  private static func canonical(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for i in range {
        let digit = Int(bytes[i]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
    return Day(year: y, month: m, day: d)
  }

  public var description: String {
    var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 10)
    for (value, end, width) in [(year, 4, 4), (month, 7, 2), (day, 10, 2)] {
      var rest = value
      for i in stride(from: end - 1, through: end - width, by: -1) {
        bytes[i] = UInt8(48 + rest % 10)
        rest /= 10
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Days since 1970-01-01 (proleptic Gregorian).
  public var ordinal: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  public init(ordinal: Int) {
    let z = ordinal + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.month = m
    self.day = d
  }

  public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

  public func days(until other: Day) -> Int { other.ordinal - ordinal }

  /// 1 = Monday ... 7 = Sunday.
  public var isoWeekday: Int { ((ordinal % 7) + 7 + 3) % 7 + 1 }

  /// The Monday that starts this day's week.
  public var startOfWeek: Day { adding(days: 1 - isoWeekday) }

  public static func today(in timeZone: TimeZone = .current) -> Day {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return today(calendar)
  }

  /// Today in the office's time zone (Korea); `CLUSTERDESK_TODAY` fixes it for scripts and tests.
  /// Records that note when something happened without being told (a member's profile last
  /// changing, old data moved into this year's directory-book edition) use it.
  public static var officeToday: Day {
    fixedToday ?? Day(secondsSince1970: Int(time(nil)) + officeOffset)
  }

  /// Korea keeps UTC+9 all year (no daylight saving time since 1988), so today there is the day
  /// nine hours after the current instant in UTC: worked out without a calendar and a time zone,
  /// which cost more than the `stat` of the backup check that asks for today on every command.
  static let officeOffset = 9 * 3600

  /// The day (in UTC) of a count of seconds since 1970-01-01 00:00.
  init(secondsSince1970 seconds: Int) {
    self.init(ordinal: seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
  }

  /// An instant as `ISO8601DateFormatter` writes it, in UTC to the second
  /// (`2026-12-02T01:03:44Z`), from the seconds since 1970: a change and an audit entry are
  /// stamped inside their write, where the formatter's first use cost more than the write.
  public static func timestamp(_ date: Date = Date()) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let day = Day(secondsSince1970: seconds)
    let time = seconds - day.ordinal * 86400
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(day)T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
  }

  private static func today(_ calendar: Calendar) -> Day {
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
  }

  /// `CLUSTERDESK_TODAY`, read once: a list asks for today on every row.
  private static let fixedToday: Day? = ProcessInfo.processInfo.environment["CLUSTERDESK_TODAY"]
    .flatMap { Day(parsing: $0) }

  public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// How a decoding error for a text that is no date begins; the text follows.
  static let notADate = "not a date: "

  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let day = Day(parsing: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: Day.notADate + text))
    }
    self = day
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}

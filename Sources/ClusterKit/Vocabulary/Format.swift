import Foundation

/// How values read wherever they are shown: on screen, in command-line tables, in `report` and
/// in documents. Money has its own rules in `Money`, phone numbers in `PhoneNumber` and business
/// numbers in `BusinessNumber`; the rest is here.
public enum Format {
  /// A rate as a whole percentage, halves rounded up (1 of 8 is 13%); a dash when there is no
  /// rate (nobody was invited).
  public static func percent(_ rate: Double?) -> String {
    guard let rate else { return "–" }
    return "\(Int((rate * 100).rounded(.toNearestOrAwayFromZero)))%"
  }

  /// A count of days in a column: `94d`, `94일`.
  public static func days(_ count: Int, _ language: Language) -> String {
    language.pick("\(count)d", "\(count)일")
  }

  /// How long ago, in a sentence: `94 days ago`, `94일 전`.
  public static func daysAgo(_ count: Int, _ language: Language) -> String {
    language.pick("\(count) days ago", "\(count)일 전")
  }

  /// Month and day for short lists: `03.11`.
  /// An ISO 8601 instant as kept in the audit and change logs (UTC), shown in the local time
  /// zone: `2026-11-26 15:04`. Text that is not such an instant is shown as it is.
  public static func localTime(_ instant: String, zone: TimeZone = .current) -> String {
    guard let date = ISO8601DateFormatter().date(from: instant) else { return instant }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: date)
  }

  public static func monthDay(_ day: Day) -> String {
    (day.month < 10 ? "0" : "") + "\(day.month)." + (day.day < 10 ? "0" : "") + "\(day.day)"
  }
}

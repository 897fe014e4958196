import Foundation

/// The language the interface speaks. Everything a user reads exists in both.
public enum Language: String, CaseIterable, Sendable, Codable {
  case en
  case ko

  /// `CLUSTERDESK_LANG`, then `LC_ALL`, `LC_MESSAGES`, `LANG`; Korean when one of them starts with `ko`.
  public static func fromEnvironment(
    _ environment: [String: String] = ProcessInfo.processInfo.environment
  )
    -> Language
  {
    for key in ["CLUSTERDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[key], !value.isEmpty else { continue }
      return value.lowercased().hasPrefix("ko") ? .ko : .en
    }
    return .en
  }

  /// Picks the text for this language.
  public func pick(_ english: String, _ korean: String) -> String {
    self == .ko ? korean : english
  }
}

/// Something with a name in both languages (kinds, roles, statuses, ...).
public protocol Labelled {
  var english: String { get }
  var korean: String { get }
}

extension Labelled {
  public func label(_ language: Language) -> String { language.pick(english, korean) }
}

import ClusterKit

/// The panes, in tab order. The digit keys, Tab, `:pane`, the tab bar, the help's sections and
/// the values of `--pane` all come from this list: a new pane is one line here.
enum Registry {
  static let panes: [any Pane.Type] = [
    OverviewPane.self,
    MembersPane.self,
    MeetingsPane.self,
    VisitsPane.self,
    RequestsPane.self,
    ProgramsPane.self,
    MentoringPane.self,
  ]

  static var names: [String] { panes.map { $0.name } }

  /// A fresh slot for every pane, in tab order.
  static func slots() -> [PaneSlot] { panes.map { slot(for: $0) } }

  private static func slot<P: Pane>(for pane: P.Type) -> PaneSlot { Slot<P>() }

  static func title(of name: String, _ l: Language) -> String {
    panes.first { $0.name == name }?.title(l) ?? name
  }

  /// The pane `delta` tabs away, wrapping around.
  static func name(after name: String, by delta: Int) -> String {
    let all = names
    let i = all.firstIndex(of: name) ?? 0
    return all[((i + delta) % all.count + all.count) % all.count]
  }

  /// A pane as a user may name it: `members`, `2`, `회원` or `Members`.
  static func pane(named text: String) -> String? {
    let n = text.lowercased()
    if names.contains(n) { return n }
    if let i = Int(n), names.indices.contains(i - 1) { return names[i - 1] }
    return panes.first { $0.title(.ko) == text || $0.title(.en).lowercased() == n }?.name
  }
}

/// A pane the dashboard can open on, by its name (`clusterdesk --pane members`).
public struct PaneName: Hashable, Sendable, CustomStringConvertible {
  public let rawValue: String

  /// nil unless `name` names a registered pane (case does not matter).
  public init?(_ name: String) {
    guard Registry.names.contains(name.lowercased()) else { return nil }
    rawValue = name.lowercased()
  }

  public static var all: [PaneName] { Registry.names.compactMap(PaneName.init) }
  /// The first tab.
  public static var first: PaneName { all[0] }

  public var description: String { rawValue }

  /// The tab's title: `Members`, `회원`.
  public func title(_ language: Language) -> String { Registry.title(of: rawValue, language) }
}

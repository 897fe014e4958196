import ClusterKit
import Foundation
import TerminalKit
import Testing

@testable import Dashboard

/// The keymap owns every key: dispatch, the hint bar and the `?` help read the one table.
@Suite struct HelpTests {
  static let cases: [ScreenCase] = [
    ScreenCase(name: "help") { _ in ["2", "?"] }
  ]

  @Test func goldenScreens() throws {
    expectGoldens("help", Self.cases, try Fixture())
  }

  @Test func keysSwitchPanesAndLanguage() throws {
    let fixture = try Fixture()
    let app = app(fixture)
    app.handle(.tab)
    #expect(app.state.pane == "members")
    app.handle(.backTab)
    app.handle(.backTab)
    #expect(app.state.pane == Registry.names.last)
    app.handle(.char("3"))
    #expect(app.state.pane == "meetings")
    app.handle(.char("L"))
    #expect(screen(app).contains("Meetings"))
    app.handle(.char("q"))
    #expect(app.isFinished)
  }

  @Test func ctrlCQuitsEvenFromAForm() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members")
    press(app, ["n", "abc"])
    app.handle(.ctrl("c"))
    #expect(app.isFinished)
  }

  /// The digit keys and Tab follow the registry; every pane has a digit, a section in the help
  /// and a title in the tab bar.
  @Test func digitKeysAndSectionsComeFromTheRegistry() throws {
    let digits = Keymap.bindings.filter { $0.action.name == Action.show("").name }
    #expect(digits.map(\.action.pane) == Registry.names)
    #expect(digits.map(\.keys) == Registry.names.indices.map { [Key.char(Character("\($0 + 1)"))] })
    let titles = Keymap.helpSections(first: [], .en).map(\.title)
    for pane in Registry.panes where !pane.bindings.isEmpty {
      #expect(titles.contains(pane.title(.en)))
    }
  }

  /// No scope binds one key twice, so what a key does never depends on table order.
  @Test func noKeyIsBoundTwiceInAScope() {
    for scope in Keymap.scopes {
      let keys = Keymap.bindings.filter { $0.scope == scope }.flatMap(\.keys)
      #expect(Set(keys).count == keys.count, "\(scope.id) binds a key twice")
    }
  }

  /// The hint bar of the search field is read from its scope, as every other one is.
  @Test func theSearchHintsComeFromTheKeymap() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members", .en)
    press(app, ["/"])
    #expect(app.activeScopes == [MembersPane.searchScope])
    let hints = Keymap.hints(for: app.activeScopes, .en).map { "\($0.key) \($0.label)" }
    #expect(hints == ["Enter open", "Esc clear", "↑↓ move"])
    #expect(
      screen(app).split(separator: "\n").last?.hasPrefix("Enter open  Esc clear  ↑↓ move") == true)
  }

  /// Help scrolls within its lines: pressing ↓ past the end and then ↑ once moves the help at
  /// once (it used to count the extra presses and need as many ↑ to come back).
  @Test func helpScrollsWithinItsLines() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members")
    press(app, ["?"])
    for _ in 0..<500 { app.handle(.down) }
    let end = screen(app)
    app.handle(.up)
    #expect(screen(app) != end)
    press(app, ["g"])
    #expect(app.state.top == .help(HelpState(offset: 0)))
    press(app, ["q"])
    #expect(app.state.top == nil)
    #expect(!app.isFinished)
  }

  /// Actions go by name through the same table: an action no key sends here is refused.
  @Test func actionsByName() throws {
    let fixture = try Fixture()
    let app = app(fixture, "visits")
    #expect(!app.send(MembersPane.filterKind))
    #expect(app.send(.show("members")))
    #expect(app.state.pane == "members")
    #expect(app.send(.help))
    #expect(!app.send(.show("visits")), "the help takes its own keys only")
  }
}

import Foundation
import GRDB
import TerminalKit
import Testing

@testable import ClusterKit
@testable import Dashboard

/// The statements the workspace runs while `body` does, counted on its one in-memory connection
/// (the transaction and read-only bookkeeping around each read left out).
func countStatements(_ workspace: Workspace, _ body: () -> Void) -> Int {
  statements(workspace, body).count
}

/// The statements `body` has the workspace run, less the transactions' bookkeeping.
func statements(_ workspace: Workspace, _ body: () -> Void) -> [String] {
  final class Seen: @unchecked Sendable { var sql: [String] = [] }
  let seen = Seen()
  let bookkeeping = ["PRAGMA query_only", "BEGIN", "COMMIT", "ROLLBACK"]
  workspace.pool.writeWithoutTransaction { db in
    db.trace { event in
      let sql = "\(event)"
      if !bookkeeping.contains(where: { sql.hasPrefix($0) }) { seen.sql.append(sql) }
    }
  }
  body()
  workspace.pool.writeWithoutTransaction { db in db.trace(options: [], nil) }
  return seen.sql
}

/// Every pane's state, as text.
func paneStates(_ app: DashboardApp) -> [String] {
  app.panes.map { slot in
    String(reflecting: Mirror(reflecting: slot).children.first { $0.label == "state" }?.value)
  }
}

@Suite struct RuntimeTests {
  @Test func runLoopDrawsHandlesSuspendAndQuits() throws {
    let fixture = try Fixture()
    let app = DashboardApp(workspace: fixture.workspace, language: .ko, today: Fixture.today)
    let terminal = TestTerminal(keys: [
      .char("2"), .ctrl("z"), .char("/"), .char("ㅇ"), .escape, .char("q"),
    ])
    try app.run(on: terminal)
    #expect(app.isFinished)
    #expect(terminal.suspensions == 1)
    // Every key is already waiting, so a burst is drawn once: the first frame, then one after
    // coming back from the suspend (which ends a burst); the rest is handled without drawing.
    #expect(terminal.frames.count == 2)
  }

  /// What waits for the first frame (the day's automatic backup) runs once, when that frame is
  /// on the screen, before the first key is handled.
  @Test func theWorkAfterTheFirstFrameRunsOnceAfterIt() throws {
    let fixture = try Fixture()
    let app = DashboardApp(workspace: fixture.workspace, language: .ko, today: Fixture.today)
    let terminal = TestTerminal(keys: [.char("2"), .char("j"), .char("q")])
    var runs: [(frames: Int, pane: String)] = []
    app.afterFirstFrame = { runs.append((terminal.frames.count, app.state.pane)) }
    try app.run(on: terminal)
    #expect(runs.count == 1)
    #expect(runs.first?.frames == 1 && runs.first?.pane == "overview")
  }

  /// Drawing changes nothing: the same state gives the same frame, and the state and the pane
  /// states are as they were.
  @Test func renderingIsPure() throws {
    let fixture = try Fixture()
    for keys in [["2", "G"], ["3", "a", " "], ["4", "j", "j"], ["5", "\r"], ["2", "/", "ㅇ"]] {
      let app = app(fixture)
      for k in keys { app.handle(k == "\r" ? .enter : .char(Character(k))) }
      let first = app.render(width: 80, height: 24, theme: .monochrome).grid
      let state = app.state
      let panes = paneStates(app)
      let again = app.render(width: 80, height: 24, theme: .monochrome).grid
      #expect(again == first)
      #expect(app.state == state)
      #expect(paneStates(app) == panes)
    }
  }

  /// Nothing is read again while nothing changed: a frame asks the data version and no more,
  /// and a cursor move inside the window reads only the newly selected record. A write (ours or
  /// another process's) moves the version and the next frame reads afresh.
  @Test func framesReadOnlyWhatChanged() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members")
    #expect(countStatements(fixture.workspace) { _ = screen(app) } == 1)
    let move = countStatements(fixture.workspace) {
      app.handle(.down)
      _ = screen(app)
    }
    #expect(move == 3, "the version twice and the member now under the cursor")
    #expect(countStatements(fixture.workspace) { _ = screen(app) } == 1)
    _ = try fixture.workspace.addCluster(Cluster(name: "새 미클"))
    #expect(countStatements(fixture.workspace) { _ = screen(app) } > 1)
  }

  /// Keys typed into a search together are searched once, for all of them: the rows and the
  /// count are read for the frame, not for every letter on the way.
  @Test func keysTypedTogetherAreSearchedOnce() throws {
    let fixture = try Fixture()
    let word: [Key] = [.char("유"), .char("신"), .char("테"), .char("크")]
    let together = app(fixture, "members")
    together.handle(.char("/"))
    _ = screen(together)
    let burst = statements(fixture.workspace) {
      for key in word { together.handle(key) }
      _ = screen(together)
    }
    let oneByOne = app(fixture, "members")
    oneByOne.handle(.char("/"))
    for key in word.dropLast() {
      oneByOne.handle(key)
      _ = screen(oneByOne)
    }
    let last = statements(fixture.workspace) {
      oneByOne.handle(word.last!)
      _ = screen(oneByOne)
    }
    // The same searches, for the whole word (one typed on from a shorter word may narrow it).
    func searches(_ sql: [String]) -> Int { sql.filter { $0.contains("memberSearch") }.count }
    #expect(searches(last) > 0)
    #expect(searches(burst) == searches(last))
    #expect(screen(together) == screen(oneByOne))
  }

  /// A pane loads only when it shows: the others read nothing.
  @Test func onlyTheShowingPaneReads() throws {
    let fixture = try Fixture()
    let app = app(fixture, "members")
    app.handle(.char("5"))
    let counts = Registry.names.map { name in
      countStatements(fixture.workspace) {
        _ = app.send(.show(name))
        _ = screen(app)
      }
    }
    #expect(counts.allSatisfy { $0 >= 1 })
    // Back on a pane already read at this data version: only the version is asked.
    #expect(
      countStatements(fixture.workspace) {
        _ = app.send(.show("members"))
        _ = screen(app)
      } == 2)
  }

  /// The overview's year figures are kept by the workspace, so even after a write its first
  /// frame has them all; a short search's count is still read after the frame that shows its
  /// rows, and the frame drawn after it has the count, as a direct render does.
  @Test func slowReadsComeAfterTheFrame() throws {
    let fixture = try Fixture()
    let loop = app(fixture, "overview", .en)
    loop.deferred.allowed = false
    // A write: what the first frame read is forgotten.
    _ = try fixture.workspace.addCluster(Cluster(name: "새 미클"))
    let direct = app(fixture, "overview", .en)
    let first = screen(loop)
    #expect(!loop.deferred.pending)
    #expect(!first.contains("Members …"))
    #expect(first.contains("Due for a visit"))
    #expect(first == screen(direct))

    loop.deferred.allowed = false
    for key: Key in [.char("2"), .char("/"), .char("ㅇ")] { loop.handle(key) }
    let searching = screen(loop)
    #expect(searching.contains("… found"))
    loop.deferred.allowed = true
    #expect(screen(loop).contains(" found"))
    #expect(!screen(loop).contains("… found"))
  }
}

import ClusterKit
import TerminalKit

/// A long list shown in a table a window at a time (members, meetings, requests): the count of
/// every row that matches, and the rows on screen, read from where the list is scrolled to.
struct PagedList<Query: Hashable & Sendable, Row: Sendable>: Sendable {
  var count = 0
  /// The rows on screen, starting at row `offset` of the list.
  var rows: [Row] = []
  var offset = 0

  /// The row under the cursor (always among those on screen, see `ScrollState.fit`).
  func row(at list: ScrollState) -> Row? {
    rows.indices.contains(list.cursor - offset) ? rows[list.cursor - offset] : nil
  }

  /// Rows of the table: the content area less its header.
  static func visible(_ ctx: Context) -> Int { max(1, ctx.contentHeight - 1) }

  /// What a list reads, remembered until the query, the window or the workspace changes.
  struct Cache: Sendable {
    struct Window: Hashable, Sendable {
      var query: Query
      var offset: Int
      var limit: Int
    }

    var count = Memo<Query, Int>()
    var rows = Memo<Window, [Row]>()

    mutating func load(
      _ query: Query, at list: ScrollState, _ ctx: Context, count: (Query) throws -> Int,
      rows: (Query, _ offset: Int, _ limit: Int) throws -> [Row]
    ) -> PagedList {
      let window = Window(query: query, offset: list.offset, limit: PagedList.visible(ctx))
      return PagedList(
        count: self.count.get(query) { (try? count(query)) ?? 0 },
        rows: self.rows.get(window) { (try? rows(query, window.offset, window.limit)) ?? [] },
        offset: window.offset)
    }
  }
}

extension ScrollState {
  /// After a load or a resize: the cursor on a row that exists, the table's rows in view.
  mutating func fit<Q, R>(_ list: PagedList<Q, R>, _ ctx: Context) {
    move(to: cursor, count: list.count, visible: PagedList<Q, R>.visible(ctx))
  }

  /// Moves for one of the movement actions; false for any other action.
  mutating func apply(_ action: Action, count: Int, _ ctx: Context) -> Bool {
    guard Action.movements.contains(action) else { return false }
    let page = max(1, ctx.contentHeight - 2)
    move(to: action.target(from: cursor, count: count, page: page), count: count, visible: page)
    return true
  }
}

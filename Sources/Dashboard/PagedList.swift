import ClusterKit
import TerminalKit

/// A long list shown in a table a window at a time (members, meetings, requests): the count of
/// every row that matches, and the rows on screen, read from where the list is scrolled to.
struct PagedList<Query: Hashable & Sendable, Row: Sendable>: Sendable {
  /// Every matching row; while `counting`, only those known so far (the window's end, and one
  /// more when the window is full, so the cursor can move on).
  var count = 0
  /// The count is read after the frame is drawn (see `DeferredReads`).
  var counting = false
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

    /// `countLater`: the count may take longer than the window (a one-letter search counts
    /// thousands of candidates) and is left for after the frame.
    mutating func load(
      _ query: Query, at list: ScrollState, _ ctx: Context, countLater: Bool = false,
      count: (Query) throws -> Int, rows: (Query, _ offset: Int, _ limit: Int) throws -> [Row]
    ) -> PagedList {
      let window = Window(query: query, offset: list.offset, limit: PagedList.visible(ctx))
      let shown = self.rows.get(window) { (try? rows(query, window.offset, window.limit)) ?? [] }
      let read = { (try? count(query)) ?? 0 }
      let counted = countLater ? self.count.later(query, ctx, read) : self.count.get(query, read)
      let known = window.offset + shown.count + (shown.count == window.limit ? 1 : 0)
      return PagedList(
        count: counted ?? known, counting: counted == nil, rows: shown, offset: window.offset)
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

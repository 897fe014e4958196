import Foundation
import GRDB
import Testing

@testable import ClusterKit

/// A whole workspace loaded from its JSON: into a copy of the empty schema, with what the
/// triggers keep computed once at the end.
@Suite struct WorkspaceLoadTests {
  static let sampleURL = JSONWorkspaceFileTests.sampleURL

  func sample() throws -> WorkspaceDocument {
    try WorkspaceDocument.decode(Data(contentsOf: Self.sampleURL))
  }

  func empty() throws -> Workspace { try Workspace(inMemoryFor: Office(name: ""), actor: "박매니저") }

  /// The schema and every row of every table, as text to compare. A search index is compared by
  /// what it holds (each term's every place, through `fts5vocab`), not by how its segments lie
  /// in its own tables, which depends on when it flushed.
  static func contents(_ workspace: Workspace) throws -> [String] {
    try workspace.pool.write { db in
      let objects = try Row.fetchAll(
        db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
      var lines = objects.map(\.description)
      let searches = objects.filter { ($0["sql"] as String? ?? "").hasPrefix("CREATE VIRTUAL") }
        .map { $0["name"] as String }
      for object in objects where object["type"] == "table" {
        let name: String = object["name"]
        if searches.contains(name) {
          try db.execute(
            sql: "CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, \(name), 'instance')")
          lines += try Row.fetchAll(db, sql: "SELECT * FROM temp.vocabulary")
            .map { "\(name) \($0)" }.sorted()
          try db.execute(sql: "DROP TABLE temp.vocabulary")
        } else if !searches.contains(where: { name == $0 + "_data" || name == $0 + "_idx" }) {
          lines += try Row.fetchAll(db, sql: "SELECT * FROM \(name.quotedDatabaseIdentifier)")
            .map { "\(name) \($0)" }.sorted()
        }
      }
      return lines
    }
  }

  /// The lines only one of two contents has, a few of each.
  static func difference(_ a: [String], _ b: [String]) -> String {
    let (setA, setB) = (Set(a), Set(b))
    return
      "only in the first: \(a.filter { !setB.contains($0) }.prefix(5)); only in the second: \(b.filter { !setA.contains($0) }.prefix(5))"
  }

  /// Every trigger is taken out for the load and what they keep filled once at the end: the
  /// workspace is the one the same records make inserted one by one with the triggers in place.
  @Test func loadingWithoutTheTriggersKeepsWhatTheyKeep() throws {
    let document = try sample()
    let loaded = try empty()
    try loaded.importDocument(document)
    let (checked, keys) = try Workspace.check(document)
    let byRow = try empty()
    try byRow.write { db in
      try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
      try byRow.saveOffice(checked.office, db)
      try Workspace.insertRecords(checked, memberKeys: keys, progress: nil, db)
    }
    let rows = try Self.contents(byRow)
    #expect(rows.contains { $0.hasPrefix("programTotals ") })
    let other = try Self.contents(loaded)
    #expect(other == rows, "\(Self.difference(other, rows))")
  }

  /// A workspace in memory starts as a copy of the one the migrations build, its version and
  /// mark included.
  @Test func anEmptyWorkspaceInMemoryIsWhatTheMigrationsBuild() throws {
    let copied = try Workspace.memoryPool(shownAs: ":memory:")
    let migrated = try DatabaseQueue()
    try migrated.write { db in try Schema.migrate(db, from: 0) }
    func schema(_ database: some DatabaseReader) throws -> [String] {
      try database.read { db in
        try Row.fetchAll(
          db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"
        )
        .map(\.description)
          + [
            "version \(try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)",
            "id \(try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0)",
          ]
      }
    }
    let expected = try schema(migrated)
    #expect(expected.contains("version \(Schema.currentVersion)"))
    #expect(try schema(copied) == expected)
  }
}

import Foundation
import GRDB
import GRDBSQLite
import Testing

@testable import ClusterKit

/// A whole workspace loaded from its JSON: into a copy of the empty schema, with what the
/// triggers keep computed once at the end, and from a file read a piece at a time.
@Suite(.temporaryFolder) struct WorkspaceLoadTests {
  let folder: URL

  init() throws {
    folder = try TemporaryFolder.current()
  }

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

  /// Read a piece at a time, the file loads exactly what it loads read whole, and exports as the
  /// same bytes.
  @Test func aStreamedImportLoadsWhatTheWholeOneLoads() throws {
    let streamed = try empty()
    let counts = try #require(try streamed.importDocument(streamingFrom: Self.sampleURL.path))
    let document = try sample()
    #expect(counts == ImportedCounts(document))
    #expect(counts.visits > 0 && counts.audit > 0 && !counts.chainedOnImport)
    let whole = try empty()
    try whole.importDocument(document)
    #expect(try Self.contents(streamed) == Self.contents(whole))
    #expect(try streamed.exportDocument().encoded() == Data(contentsOf: Self.sampleURL))
  }

  /// A file without audit hashes has its chain computed as it is read, as read whole.
  @Test func aStreamedFileWithoutAChainIsChained() throws {
    var document = try sample()
    for index in document.audit.indices { document.audit[index].hash = nil }
    let path = folder.appendingPathComponent("unchained.json").path
    try document.encoded().write(to: URL(fileURLWithPath: path))
    let streamed = try empty()
    let counts = try #require(try streamed.importDocument(streamingFrom: path))
    #expect(counts.chainedOnImport)
    let whole = try empty()
    try whole.importDocument(document)
    #expect(try Self.contents(streamed) == Self.contents(whole))
  }

  /// Each visit of a streamed file costs SQLite the same work however many came before it: none
  /// makes it look through the rows already in (with references left dangling for later, as the
  /// attendance read before its meetings leaves them, each visit had it look through every
  /// follow-up in). The work is counted in SQLite's steps, through its progress handler, for the
  /// sample with 1,000 and with 2,000 visits more than it has.
  @Test func aStreamedVisitCostsTheSameHoweverManyCameBefore() throws {
    final class Steps { var count = 0 }
    func steps(addingVisits extra: Int) throws -> Int {
      var document = try sample()
      let withFollowUps = document.visits.filter { !$0.followUps.isEmpty }
      let model = try #require(withFollowUps.first)
      let (firstVisit, firstFollowUp) = (
        document.visits.map(\.id).max()! + 1,
        document.visits.flatMap(\.followUps).map(\.id).max()! + 1
      )
      for index in 0..<Int64(extra) {
        var visit = model
        visit.id = firstVisit + index
        visit.memberId = document.members[Int(index) % document.members.count].id
        visit.difficulties = []
        visit.followUps = [model.followUps[0]]
        visit.followUps[0].id = firstFollowUp + index
        document.visits.append(visit)
      }
      let path = folder.appendingPathComponent("visits-\(extra).json").path
      try document.encoded().write(to: URL(fileURLWithPath: path))
      let workspace = try empty()
      let steps = Steps()
      try workspace.pool.writeWithoutTransaction { db in
        sqlite3_progress_handler(
          db.sqliteConnection, 100,
          { context in
            Unmanaged<Steps>.fromOpaque(context!).takeUnretainedValue().count += 1
            return 0
          }, Unmanaged.passUnretained(steps).toOpaque())
      }
      let counts = try #require(try workspace.importDocument(streamingFrom: path))
      #expect(counts.visits == document.visits.count)
      return steps.count
    }
    let (none, some, twice) = (
      try steps(addingVisits: 0), try steps(addingVisits: 1000), try steps(addingVisits: 2000)
    )
    let (first, second) = (some - none, twice - some)
    #expect(first > 0 && second < first * 5 / 4, "\(none) \(some) \(twice)")
  }

  /// Anything wrong, or anything but a current document, leaves the file to the whole-document
  /// import (which names the problem): nothing is written.
  @Test func aFileWithAnyProblemIsLeftToTheWholeImport() throws {
    let good = try sample()
    let text = String(decoding: try good.encoded(), as: UTF8.self)
    var cases: [(String, Data)] = []
    func changed(_ name: String, _ change: (inout WorkspaceDocument) -> Void) throws {
      var document = good
      change(&document)
      cases.append((name, try document.encoded()))
    }
    try changed("a visit of no member") { $0.visits[3].memberId = 999_999 }
    try changed("a repeated visit id") { $0.visits[1].id = $0.visits[0].id }
    try changed("a bad contact phone") { $0.contacts[0].phone = "12345" }
    try changed("an audit entry changed") { $0.audit[3].after = "변경" }
    try changed("an audit entry without its hash") { $0.audit[5].hash = nil }
    try changed("a request unlike its log") {
      let index = $0.requests.firstIndex { $0.approvedKRW != nil }!
      $0.requests[index].approvedKRW! += 1
    }
    try changed("a repeated member") { $0.members[1].name = $0.members[0].name }
    try changed("a meeting without a title") { $0.meetings[0].title = " " }
    cases.append(
      (
        "version 1",
        Data(text.replacingOccurrences(of: "\"version\" : 2", with: "\"version\" : 1").utf8)
      ))
    cases.append(("cut short", Data(text.utf8.prefix(text.utf8.count / 2))))
    cases.append(
      ("a comma missing", Data(text.replacingOccurrences(of: "},\n    {", with: "}\n    {").utf8)))
    cases.append(
      (
        "a number too large",
        Data(
          text.replacingOccurrences(
            of: "\"employees\" : ", with: "\"employees\" : 99999999999999999999"
          ).utf8)
      ))
    for (name, bytes) in cases {
      #expect(bytes != (try good.encoded()), "\(name)")
      let path = folder.appendingPathComponent("bad.json").path
      try bytes.write(to: URL(fileURLWithPath: path))
      let workspace = try empty()
      #expect(try workspace.importDocument(streamingFrom: path) == nil, "\(name)")
      #expect(try workspace.isEmpty(), "\(name)")
      let rows = try workspace.read { db in
        try Int.fetchOne(
          db,
          sql:
            "SELECT (SELECT COUNT(*) FROM visit) + (SELECT COUNT(*) FROM auditEntry) + (SELECT COUNT(*) FROM attendance)"
        )
      }
      #expect(rows == 0, "\(name)")
    }
    // A workspace that holds records already.
    let full = try empty()
    try full.importDocument(good)
    #expect(try full.importDocument(streamingFrom: Self.sampleURL.path) == nil)
  }

  /// Pieces far smaller than a record: every list comes in batches, each element once and in
  /// order, and every other value whole.
  @Test func theStreamHandsOnEveryElementOnceInOrder() throws {
    let document = try sample()
    let handle = try FileHandle(forReadingFrom: Self.sampleURL)
    defer { try? handle.close() }
    var stream = DocumentStream(file: handle, piece: 97)
    var visits: [Visit] = []
    var batches = 0
    var office: Office?
    let keys = try stream.read(
      list: { key, data, _ in
        if key == "visits" {
          visits += try JSONDecoder().decode([Visit].self, from: data)
          batches += 1
        }
      },
      value: { key, data in
        if key == "office" { office = try JSONDecoder().decode(Office.self, from: data) }
      })
    #expect(visits == document.visits)
    #expect(batches > 1)
    #expect(office == document.office)
    #expect(keys.count == 21 && keys.contains("format") && keys.contains("directoryBook"))
  }
}

import Foundation
import GRDB

/// What a whole-workspace import read, for the command to say.
public struct ImportedCounts: Sendable, Equatable {
  public var members = 0
  public var meetings = 0
  public var visits = 0
  public var requests = 0
  public var audit = 0
  /// The file carried no audit chain (as a version 1 file): its entries were chained as they are.
  public var chainedOnImport = false

  /// What a document holds.
  public init(_ document: WorkspaceDocument) {
    members = document.members.count
    meetings = document.meetings.count
    visits = document.visits.count
    requests = document.requests.count
    audit = document.audit.count
    chainedOnImport = !document.audit.isEmpty && document.audit.allSatisfy { $0.hash == nil }
  }

  init() {}
}

extension Workspace {
  /// The lists a streamed import reads a batch of records at a time and does not hold (a
  /// national office's visits and audit log are most of its file), and what the checks of the
  /// other lists need of them.
  struct StreamedLists {
    static let lists: Set<String> = ["attendance", "audit", "contacts", "meetings", "visits"]
    var visits: [Int64: VisitFacts] = [:]
    var audit = AuditChain.History(byId: false)
  }

  /// Every key a document of the current version has.
  private static let documentKeys: Set<String> = [
    "format", "version", "office", "clusters", "divisions", "members", "contacts", "meetings",
    "attendance", "visits", "programs", "requests", "instalments", "audit", "experts",
    "mentorings", "mentoringSessions", "sigs", "sigMembers", "sigTasks", "directoryBook",
  ]

  /// The SQLite page cache of a streamed import: rows go in in key order and the indexes are
  /// built after them, so a small one is enough, and memory stays bounded whatever the size of
  /// the file (32 MiB).
  private static let streamingCacheKiB = 32_768

  /// Anything that makes a streamed import give way to the whole-document one.
  private struct ReadWhole: Error {}

  /// Loads the workspace document in the file at `path` into this workspace, which must be
  /// empty, reading the file a piece at a time (`DocumentStream`) and inserting as it goes, all
  /// in one transaction: memory stays bounded whatever the size of the file. Every record goes
  /// through the same check as in `importDocument`; the largest lists (`StreamedLists.lists`)
  /// are checked and inserted a batch at a time, keeping only what the other checks need of
  /// them (their ids, each visit's member and number of difficulties, the audit chain's last
  /// hash and each request's history), and the other lists are held and checked whole.
  ///
  /// Returns nil, having written nothing, for a file it does not take: one of another version,
  /// one laid out other than it expects, a workspace that is not empty, or any problem in the
  /// file at all. The caller then reads the file whole (`importDocument`), which names every
  /// problem as it always has.
  public func importDocument(streamingFrom path: String, progress: ((Double) -> Void)? = nil)
    throws -> ImportedCounts?
  {
    guard let file = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? file.close() }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    do {
      return try writeCheckingReferencesAtEnd { db in
        try streamDocument(file, size: size, progress: progress, db)
      }
    } catch let error as WorkspaceError {
      throw error
    } catch {
      // Written nothing: the transaction was rolled back.
      return nil
    }
  }

  private func streamDocument(
    _ file: FileHandle, size: Int, progress: ((Double) -> Void)?, _ db: Database
  ) throws -> ImportedCounts {
    guard try Workspace.holdsNothing(db) else { throw ReadWhole() }
    try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
    let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
    try db.execute(sql: "PRAGMA cache_size = -\(Self.streamingCacheKiB)")
    defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }

    let decoder = JSONDecoder()
    var rest = WorkspaceDocument(office: Office(name: ""))
    var streamed = StreamedLists()
    var counts = ImportedCounts()
    var ids: [String: Set<Int64>] = [:]
    var lastAudit: (id: Int64, hash: String)?
    /// Whether the file's entries carry no hashes (chained here), once the first is read.
    var sealing: Bool?

    func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
      do { return try decoder.decode(T.self, from: data) } catch { throw ReadWhole() }
    }
    func checked<T: CheckedRecord>(_ records: [T]) throws -> [T] {
      try records.map { record in
        let (checked, problems) = record.checked()
        guard problems.isEmpty else { throw ReadWhole() }
        return checked
      }
    }
    func newIds(_ list: String, _ batch: [Int64]) throws {
      for id in batch {
        guard id >= 1, ids[list, default: []].insert(id).inserted else { throw ReadWhole() }
      }
    }
    func insert(_ document: WorkspaceDocument, memberKeys: [String] = []) throws {
      try Workspace.insertRecords(document, memberKeys: memberKeys, progress: nil, db)
    }
    /// A batch of a streamed list: checked and inserted.
    func stream(_ key: String, _ data: Data) throws {
      var batch = WorkspaceDocument(office: rest.office)
      switch key {
      case "attendance":
        batch.attendance = try checked(decode([Attendance].self, data))
      case "contacts":
        batch.contacts = try checked(decode([Contact].self, data))
        try newIds(key, batch.contacts.map(\.id))
      case "meetings":
        batch.meetings = try checked(decode([Meeting].self, data))
        try newIds(key, batch.meetings.map(\.id))
        counts.meetings += batch.meetings.count
      case "visits":
        batch.visits = try checked(decode([Visit].self, data))
        try newIds(key, batch.visits.map(\.id))
        for visit in batch.visits {
          streamed.visits[visit.id] = VisitFacts(
            memberId: visit.memberId, difficulties: visit.difficulties.count)
        }
        counts.visits += batch.visits.count
      default:
        // The audit log, in id order: its chain is checked as it is read, or computed for a
        // file without hashes.
        batch.audit = try checked(decode([AuditEntry].self, data))
        for index in batch.audit.indices {
          let entry = batch.audit[index]
          let expected = AuditChain.hash(entry, after: lastAudit?.hash ?? AuditChain.genesis)
          if let last = lastAudit, entry.id <= last.id { throw ReadWhole() }
          if sealing == nil { sealing = entry.hash == nil }
          if sealing! {
            guard entry.hash == nil else { throw ReadWhole() }
            batch.audit[index].hash = expected
          } else if entry.hash != expected {
            throw ReadWhole()
          }
          lastAudit = (entry.id, expected)
          streamed.audit.add(batch.audit[index], at: counts.audit)
          counts.audit += 1
        }
      }
      try insert(batch)
    }
    /// A batch of a list held whole.
    func hold(_ key: String, _ data: Data) throws {
      switch key {
      case "clusters": rest.clusters += try decode([Cluster].self, data)
      case "divisions": rest.divisions += try decode([Division].self, data)
      case "members": rest.members += try decode([Member].self, data)
      case "programs": rest.programs += try decode([Program].self, data)
      case "requests": rest.requests += try decode([SupportRequest].self, data)
      case "instalments": rest.instalments += try decode([Instalment].self, data)
      case "experts": rest.experts += try decode([Expert].self, data)
      case "mentorings": rest.mentorings += try decode([Mentoring].self, data)
      case "mentoringSessions":
        rest.mentoringSessions += try decode([MentoringSession].self, data)
      case "sigs": rest.sigs += try decode([SIG].self, data)
      case "sigMembers": rest.sigMembers += try decode([SIGMembership].self, data)
      case "sigTasks": rest.sigTasks += try decode([SIGTask].self, data)
      case "directoryBook": rest.directoryBook += try decode([DirectoryBookEntry].self, data)
      // Another key: the decoder of the whole document ignores it, once its value is found to
      // be valid JSON.
      default: throw ReadWhole()
      }
    }

    var reader = DocumentStream(file: file)
    try Schema.withoutTriggers(db, indexes: true) {
      let keys = try reader.read(
        list: { key, data, offset in
          if StreamedLists.lists.contains(key) {
            try stream(key, data)
          } else {
            try hold(key, data)
          }
          progress?(Double(offset) / Double(max(size, 1)))
        },
        value: { key, data in
          switch key {
          case "format":
            guard try decode(String.self, data) == WorkspaceDocument.formatName else {
              throw ReadWhole()
            }
          case "version":
            guard try decode(Int.self, data) == WorkspaceDocument.currentVersion else {
              throw ReadWhole()
            }
          case "office": rest.office = try decode(Office.self, data)
          // A list's key with something else than a list, or another key.
          default: throw ReadWhole()
          }
        })
      guard keys == Self.documentKeys else { throw ReadWhole() }
      counts.members = rest.members.count
      counts.requests = rest.requests.count
      counts.chainedOnImport = sealing == true
      // Handed over whole, so that the check's changes copy nothing.
      let document = rest
      rest = WorkspaceDocument(office: document.office)
      let (checked, memberKeys) = try Workspace.check(consume document, streamed: streamed)
      try saveOffice(checked.office, db)
      try insert(checked, memberKeys: memberKeys)
    }
    guard try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty else { throw ReadWhole() }
    progress?(1)
    return counts
  }
}

import Foundation
import GRDB

extension Workspace {
  /// The whole workspace as JSON, the same bytes as `exportDocument().encoded()`, written to
  /// `sink` a piece at a time: the records are read through cursors and written as they are
  /// read, so memory stays the same however large the workspace is.
  ///
  /// The document's frame (its keys in order, the office, an empty list as the encoder writes
  /// it) comes from encoding the document with every list empty; each list that has records is
  /// written in its place by `CanonicalJSONEncoder`, which writes the bytes `JSONEncoder` would.
  public func exportJSON(
    to sink: (Data) throws -> Void, progress: ((Double) -> Void)? = nil
  ) throws {
    try withoutActuallyEscaping(sink) { sink in try exportJSON(into: BufferedSink(sink), progress) }
  }

  private func exportJSON(into output: BufferedSink, _ progress: ((Double) -> Void)?) throws {
    try read { db in
      progress?(0)
      let skeleton = try WorkspaceDocument(office: try Workspace.office(db)).encoded()
      let lists = Workspace.exportLists(db)
      let members = Workspace.topLevelMembers(skeleton)
      output.append("{\n")
      for (index, member) in members.enumerated() {
        let last = index == members.count - 1
        guard let list = lists[member.key] else {
          output.append(member.text)
          output.append(last ? "\n" : ",\n")
          continue
        }
        var writer = ListWriter(key: member.key, output: output)
        try list(&writer)
        if writer.started {
          output.append("\n  ]")
        } else {
          output.append(member.text)
        }
        output.append(last ? "\n" : ",\n")
        progress?(Double(index + 1) / Double(members.count))
      }
      output.append("}\n")
      try output.flush()
    }
  }

  /// The top-level members of a document encoded with two-space indentation: each one's key
  /// and its text (from its indentation to its value's end, without the comma).
  static func topLevelMembers(_ data: Data) -> [(key: String, text: String)] {
    let lines = String(decoding: data, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    var members: [(key: String, lines: [Substring])] = []
    for line in lines.dropFirst() {
      if line == "}" { break }
      if line.hasPrefix("  \"") {
        let key = line.dropFirst(3).prefix { $0 != "\"" }
        members.append((String(key), [line]))
      } else if !members.isEmpty, line.hasPrefix("  ") || line.isEmpty {
        members[members.count - 1].lines.append(line)
      }
    }
    return members.map { member in
      var text = member.lines.joined(separator: "\n")
      if text.hasSuffix(",") { text.removeLast() }
      return (member.key, text)
    }
  }

  /// How each list of the document is read, in the order `exportDocument` gives it.
  static func exportLists(_ db: Database) -> [String: (inout ListWriter) throws -> Void] {
    func table<R: FetchableRecord & TableRecord & Encodable>(_ type: R.Type, _ order: String)
      -> (inout ListWriter) throws -> Void
    {
      { writer in
        let cursor = try R.order(sql: order).fetchCursor(db)
        while let record = try cursor.next() { try writer.add(record) }
        try writer.finish()
      }
    }
    return [
      "clusters": table(Cluster.self, "id"),
      "divisions": table(Division.self, "id"),
      "members": table(Member.self, "id"),
      "contacts": table(Contact.self, "id"),
      "meetings": table(Meeting.self, "id"),
      "attendance": table(Attendance.self, "meetingId, memberId"),
      "visits": { writer in try Workspace.exportVisits(&writer, db) },
      "programs": table(Program.self, "id"),
      "requests": table(SupportRequest.self, "id"),
      "instalments": table(Instalment.self, "id"),
      "audit": table(AuditEntry.self, "id"),
      "experts": table(Expert.self, "id"),
      "mentorings": table(Mentoring.self, "id"),
      "mentoringSessions": table(MentoringSession.self, "id"),
      "sigs": table(SIG.self, "id"),
      "sigMembers": table(SIGMembership.self, "sigId, memberId"),
      "sigTasks": table(SIGTask.self, "sigId, number"),
      "directoryBook": table(DirectoryBookEntry.self, "edition, memberId"),
    ]
  }

  /// Visits in id order, each with its difficulties and follow-ups, read by walking three
  /// cursors side by side (all three ordered by visit).
  static func exportVisits(_ writer: inout ListWriter, _ db: Database) throws {
    let difficulties = try Row.fetchCursor(
      db, sql: "SELECT * FROM difficulty ORDER BY visitId, position")
    let followUps = try Row.fetchCursor(db, sql: "SELECT * FROM followUp ORDER BY visitId, id")
    func nextDifficulty() throws -> (Int64, Difficulty)? {
      try difficulties.next().map {
        ($0["visitId"], Difficulty(category: $0["category"], text: $0["text"]))
      }
    }
    func nextFollowUp() throws -> (Int64, FollowUp)? {
      try followUps.next().map {
        (
          $0["visitId"],
          FollowUp(
            id: $0["id"], action: $0["action"], owner: $0["owner"], due: $0["due"],
            done: $0["done"])
        )
      }
    }
    var difficulty = try nextDifficulty()
    var followUp = try nextFollowUp()
    let visits = try VisitRow.fetchCursor(db, sql: "SELECT * FROM visit ORDER BY id")
    while let row = try visits.next() {
      var visit = Visit(
        id: row.id, memberId: row.memberId, date: row.date, visitor: row.visitor,
        purpose: row.purpose, notes: row.notes, difficulties: [], followUps: [])
      // Rows of visits that no longer exist (none should) are passed over, as the whole
      // document's dictionary would leave them out.
      while let (id, d) = difficulty, id <= row.id {
        if id == row.id { visit.difficulties.append(d) }
        difficulty = try nextDifficulty()
      }
      while let (id, f) = followUp, id <= row.id {
        if id == row.id { visit.followUps.append(f) }
        followUp = try nextFollowUp()
      }
      try writer.add(visit)
    }
    try writer.finish()
  }
}

/// Collects output and hands it on in pieces of about a mebibyte.
final class BufferedSink {
  private let sink: (Data) throws -> Void
  private var buffer = Data()
  private var failure: Error?

  init(_ sink: @escaping (Data) throws -> Void) { self.sink = sink }

  func append(_ text: String) { append(Data(text.utf8)) }

  func append(_ data: Data) {
    buffer.append(data)
    if buffer.count >= 1 << 20 { try? flush() }
  }

  func flush() throws {
    if let failure { throw failure }
    guard !buffer.isEmpty else { return }
    do {
      try sink(buffer)
    } catch {
      failure = error
      throw error
    }
    buffer.removeAll(keepingCapacity: true)
  }
}

/// One list of the document, its records written as they come by the canonical encoder (the
/// bytes `JSONEncoder` gives the whole document), indented as they stand inside the document,
/// and handed on in pieces.
struct ListWriter {
  let key: String
  let output: BufferedSink
  private(set) var started = false
  private var encoder = CanonicalJSONEncoder()
  private var bytes: [UInt8] = []
  private static let pieceSize = 1 << 16

  init(key: String, output: BufferedSink) {
    self.key = key
    self.output = output
  }

  mutating func add(_ record: some Encodable) throws {
    if started {
      bytes.append(contentsOf: ",\n    ".utf8)
    } else {
      bytes.append(contentsOf: "  \"\(key)\" : [\n    ".utf8)
      started = true
    }
    try encoder.append(record, level: 2, to: &bytes)
    if bytes.count >= Self.pieceSize { try finish() }
  }

  /// Hands on what is collected (called at the end of the list, and for every full piece).
  mutating func finish() throws {
    guard !bytes.isEmpty else { return }
    output.append(Data(bytes))
    bytes.removeAll(keepingCapacity: true)
  }
}

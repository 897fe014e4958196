import Foundation
import GRDB

extension Workspace {
  /// The whole workspace as one document, every list in id order.
  public func exportDocument(progress: ((Double) -> Void)? = nil) throws -> WorkspaceDocument {
    try read { db in try Workspace.exportDocument(db, progress: progress) }
  }

  /// The same, read inside a transaction already open (a JSON workspace saving a change).
  static func exportDocument(_ db: Database, progress: ((Double) -> Void)? = nil) throws
    -> WorkspaceDocument
  {
    do {
      progress?(0)
      var document = WorkspaceDocument(office: try Workspace.office(db))
      document.clusters = try Cluster.order(Column("id")).fetchAll(db)
      document.divisions = try Division.order(Column("id")).fetchAll(db)
      document.members = try Member.order(Column("id")).fetchAll(db)
      document.contacts = try Contact.order(Column("id")).fetchAll(db)
      progress?(0.2)
      document.meetings = try Meeting.order(Column("id")).fetchAll(db)
      document.attendance = try Attendance.order(Column("meetingId"), Column("memberId")).fetchAll(
        db)
      progress?(0.35)
      var difficulties: [Int64: [Difficulty]] = [:]
      let difficultyRows = try Row.fetchCursor(
        db, sql: "SELECT * FROM difficulty ORDER BY visitId, position")
      while let row = try difficultyRows.next() {
        difficulties[row["visitId"], default: []].append(
          Difficulty(category: row["category"], text: row["text"]))
      }
      var followUps: [Int64: [FollowUp]] = [:]
      let followUpRows = try Row.fetchCursor(db, sql: "SELECT * FROM followUp ORDER BY id")
      while let row = try followUpRows.next() {
        followUps[row["visitId"], default: []].append(
          FollowUp(
            id: row["id"], action: row["action"], owner: row["owner"], due: row["due"],
            done: row["done"]))
      }
      progress?(0.55)
      document.visits = try VisitRow.order(Column("id")).fetchAll(db).map { row in
        Visit(
          id: row.id, memberId: row.memberId, date: row.date, visitor: row.visitor,
          purpose: row.purpose, notes: row.notes, difficulties: difficulties[row.id] ?? [],
          followUps: followUps[row.id] ?? [])
      }
      progress?(0.75)
      document.programs = try Program.order(Column("id")).fetchAll(db)
      document.requests = try SupportRequest.order(Column("id")).fetchAll(db)
      document.instalments = try Instalment.order(Column("id")).fetchAll(db)
      document.audit = try AuditEntry.order(Column("id")).fetchAll(db)
      try Workspace.exportProgrammes(into: &document, db)
      progress?(1)
      return document
    }
  }

  /// Loads a whole-workspace document into this workspace, which must be empty. Everything is
  /// checked first; on any error nothing is written.
  public func importDocument(_ document: WorkspaceDocument, progress: ((Double) -> Void)? = nil)
    throws
  {
    guard document.format == WorkspaceDocument.formatName else {
      throw ValidationError([
        FieldError(
          field: "format", problem: .invalidFormat(expected: WorkspaceDocument.formatName),
          value: document.format)
      ])
    }
    guard document.version <= WorkspaceDocument.currentVersion else {
      throw ValidationError([
        FieldError(
          field: "version",
          problem: .other(
            english: "is newer than this ClusterDesk reads (\(WorkspaceDocument.currentVersion))",
            korean: "이 ClusterDesk가 읽을 수 있는 버전(\(WorkspaceDocument.currentVersion))보다 새롭습니다"),
          value: String(document.version))
      ])
    }
    let (checked, memberKeys) = try Workspace.check(document)
    try write { db in
      guard try Workspace.holdsNothing(db) else { throw WorkspaceError.notEmpty(path: path) }
      // References are checked once everything is in (below), so a record may come before the
      // one it points to, and a dangling one is reported by name instead of as a raw SQLite error.
      try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
      // A whole workspace is one transaction larger than SQLite's default page cache; with a
      // bigger cache for this load, pages are written once at commit instead of spilling to
      // the log again and again.
      let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
      try db.execute(sql: "PRAGMA cache_size = -262144")
      defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
      // The schema's CHECK constraints repeat the records' checks (`check`, above), and each one
      // with a list of values builds a table for every row it is checked on: they are left off
      // while the rows go in and checked once over the whole database after.
      try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
      defer { try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF") }
      try saveOffice(checked.office, db)
      // What the triggers keep is computed once at the end instead of row by row.
      try Schema.withoutTriggers(db) {
        try Workspace.insertRecords(checked, memberKeys: memberKeys, progress: progress, db)
      }
      try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
      try Workspace.checkConstraints(in: checked, db)
      let problems = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
      if !problems.isEmpty {
        throw ValidationError(
          problems.prefix(20).map { row in
            FieldError(
              field: Workspace.place(table: row[0], rowid: row[1], in: checked),
              problem: .other(
                english: "refers to a missing \(Workspace.recordName(row[2]))",
                korean: "없는 \(Workspace.recordName(row[2]), .object) 가리킵니다"))
          })
      }
      progress?(1)
    }
  }

  /// Refuses a loaded document whose rows break one of the schema's CHECK constraints, which the
  /// load left off: each problem named by the document's list (SQLite's check names the table,
  /// not the row).
  static func checkConstraints(in document: WorkspaceDocument, _ db: Database) throws {
    let problems = try String.fetchAll(db, sql: "PRAGMA quick_check").filter { $0 != "ok" }
    guard !problems.isEmpty else { return }
    throw ValidationError(
      problems.prefix(20).map { problem in
        // "CHECK constraint failed in attendance", "NULL value in member.name"
        let table =
          problem.components(separatedBy: " in ").last?
          .components(separatedBy: ".").first ?? ""
        return FieldError(
          field: table == "office"
            ? table : Workspace.place(table: table, rowid: nil, in: document),
          problem: .other(
            english: "holds a value the workspace does not take (\(problem))",
            korean: "워크스페이스에 넣을 수 없는 값이 있습니다 (\(problem))"))
      })
  }

  /// Inserts a checked document's records, their ids kept; `memberKeys` are the members' name
  /// keys as the check worked them out.
  static func insertRecords(
    _ checked: WorkspaceDocument, memberKeys: [String], progress: ((Double) -> Void)?,
    _ db: Database
  ) throws {
    let total = Double(
      max(
        1,
        checked.members.count + checked.visits.count + checked.attendance.count
          + checked.requests.count))
    var done = 0.0
    func tick(_ n: Int = 1) {
      done += Double(n)
      if Int(done) % 2000 == 0 { progress?(done / total) }
    }
    /// Inserts one record; one the database refuses (a repeated id, say) is named by its place.
    func insert(_ list: String, _ index: Int, _ body: () throws -> Void) throws {
      do {
        try body()
      } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
        let detail = error.message ?? "constraint failed"
        throw ValidationError([
          FieldError(
            field: "\(list)[\(index)]",
            problem: .other(
              english: "conflicts with another record (\(detail))",
              korean: "다른 기록과 충돌합니다 (\(detail))"))
        ])
      }
    }
    /// Inserts a list.
    func insert<T>(
      _ list: String, _ items: [T], counted: Bool = false, _ body: (T) throws -> Void
    ) throws {
      for (index, item) in items.enumerated() {
        try insert(list, index) { try body(item) }
        if counted { tick() }
      }
    }
    // Small tables go through their records; the big ones through one cached statement each,
    // which skips per-row encoding into a container and re-preparing SQL.
    try insert("clusters", checked.clusters) { try $0.insert(db) }
    try insert("divisions", checked.divisions) { try $0.insert(db) }
    // The members' search entries go in a batch at a time.
    var memberSearch = MemberSearchEntries()
    for (index, member) in checked.members.enumerated() {
      try insert("members", index) {
        try Workspace.storeMember(
          member, nameKey: memberKeys[index], searchEntries: &memberSearch, db)
      }
      tick()
    }
    try memberSearch.write(db)
    let insertContact = try db.cachedStatement(
      sql:
        "INSERT INTO contact (id, memberId, name, title, phone, email) VALUES (?, ?, ?, ?, ?, ?)")
    try insert("contacts", checked.contacts) { c in
      try insertContact.execute(arguments: [c.id, c.memberId, c.name, c.title, c.phone, c.email])
    }
    let insertMeeting = try db.cachedStatement(
      sql: """
        INSERT INTO meeting (id, clusterId, divisionId, kind, date, title, place, agenda, minutes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    try insert("meetings", checked.meetings) { m in
      try insertMeeting.execute(arguments: [
        m.id, m.clusterId, m.divisionId, m.kind, m.date, m.title, m.place, m.agenda, m.minutes,
      ])
    }
    let insertAttendance = try db.cachedStatement(
      sql: "INSERT INTO attendance (meetingId, memberId, status) VALUES (?, ?, ?)")
    try insert("attendance", checked.attendance, counted: true) { a in
      try insertAttendance.execute(arguments: [a.meetingId, a.memberId, a.status])
    }
    try insert("visits", checked.visits, counted: true) {
      _ = try Workspace.insertVisit($0, keepIds: true, db)
    }
    try insert("programs", checked.programs) { try $0.insert(db) }
    let insertRequest = try db.cachedStatement(
      sql: """
        INSERT INTO supportRequest (id, memberId, programId, title, requestedKRW, submitted, status,
          approvedKRW, decided, reviewer, reason, cofundingKRW, difficultyVisitId, difficultyNumber,
          agreedOn, agreedCofundingKRW, agreementOverride, reportDate, spentKRW, disallowedKRW,
          returnedKRW)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    try insert("requests", checked.requests, counted: true) { r in
      try insertRequest.execute(arguments: [
        r.id, r.memberId, r.programId, r.title, r.requestedKRW, r.submitted, r.status,
        r.approvedKRW, r.decided, r.reviewer, r.reason, r.cofundingKRW, r.difficulty?.visitId,
        r.difficulty?.number, r.agreement?.date, r.agreement?.cofundingKRW,
        r.agreement?.overrideReason ?? "", r.settlement?.reportDate, r.settlement?.spentKRW,
        r.settlement?.disallowedKRW, r.settlement?.returnedKRW,
      ])
    }
    try insert("instalments", checked.instalments) { try $0.insert(db) }
    try insert("audit", checked.audit) { try Workspace.insertAudit($0, db) }
    try insert("experts", checked.experts) { try Workspace.storeExpert($0, db) }
    try insert("mentorings", checked.mentorings) { try $0.insert(db) }
    try insert("mentoringSessions", checked.mentoringSessions) { try $0.insert(db) }
    try insert("sigs", checked.sigs) { try $0.insert(db) }
    try insert("sigMembers", checked.sigMembers) { try $0.insert(db) }
    try insert("sigTasks", checked.sigTasks) { try $0.insert(db) }
    try insert("directoryBook", checked.directoryBook) { try $0.insert(db) }
  }

  /// A row that SQLite found pointing nowhere, named by the document's list and position
  /// (`requests[3]`), by id when no record of the list has it (`requests[id 9]`), or by the
  /// list alone where rows have no id (attendance, SIG members, a visit's difficulties).
  static func place(table: String, rowid: Int64?, in document: WorkspaceDocument) -> String {
    func at(_ list: String, _ ids: [Int64]) -> String {
      guard let rowid else { return list }
      return ids.firstIndex(of: rowid).map { "\(list)[\($0)]" } ?? "\(list)[id \(rowid)]"
    }
    switch table {
    case "cluster": return at("clusters", document.clusters.map(\.id))
    case "division": return at("divisions", document.divisions.map(\.id))
    case "member": return at("members", document.members.map(\.id))
    case "contact": return at("contacts", document.contacts.map(\.id))
    case "meeting": return at("meetings", document.meetings.map(\.id))
    case "visit": return at("visits", document.visits.map(\.id))
    case "program": return at("programs", document.programs.map(\.id))
    case "supportRequest": return at("requests", document.requests.map(\.id))
    case "instalment": return at("instalments", document.instalments.map(\.id))
    case "auditEntry": return at("audit", document.audit.map(\.id))
    case "expert": return at("experts", document.experts.map(\.id))
    case "mentoring": return at("mentorings", document.mentorings.map(\.id))
    case "mentoringSession": return at("mentoringSessions", document.mentoringSessions.map(\.id))
    case "sig": return at("sigs", document.sigs.map(\.id))
    case "sigMember": return "sigMembers"
    case "sigTask": return "sigTasks"
    case "directoryBook": return "directoryBook"
    case "attendance": return "attendance"
    default: return "visits"  // difficulty, followUp
    }
  }

  /// The record a table holds, as a reader calls it.
  static func recordName(_ table: String) -> String {
    switch table {
    case "supportRequest": "request"
    case "sig": "SIG"
    default: table
    }
  }

  /// The names the records' checks give fields (the vocabulary's, as the commands show them),
  /// as the JSON format spells them.
  static let jsonKeys = [
    "sales": "salesKRW", "programName": "name", "budget": "budgetKRW",
    "cofundingShare": "cofundingPercent", "memberCap": "memberCapKRW", "amount": "requestedKRW",
    "approvedAmount": "approvedKRW", "cofunding": "cofundingKRW", "projectTitle": "title",
    "expertName": "name", "sigName": "name", "profileSubmitted": "submitted",
  ]

  /// A problem of one record of a document, named by its list, position and JSON key
  /// (`requests[4].requestedKRW`).
  static func located(_ list: String, _ index: Int, _ error: FieldError) -> FieldError {
    var error = error
    error.field = "\(list)[\(index)].\(jsonKeys[error.field] ?? error.field)"
    return error
  }

  /// Validates and normalises a document's records, each with the same check the commands use
  /// (`CheckedRecord`), naming each bad one by list and position; checks what only a whole
  /// document shows (duplicates, references within it); and checks the audit history: a file
  /// whose entries carry hashes must carry an unbroken chain, one without any (every version 1
  /// file) gets it computed, and every request must agree with its history. Returns the
  /// document normalised, and each member's name key (which the duplicate check works out and
  /// the member's row keeps).
  ///
  /// A streamed import (`importDocument(streamingFrom:)`) has read the lists it does not hold
  /// (`StreamedLists.lists`) a record at a time with the same checks; `streamed` brings what the
  /// checks of the other lists need of them.
  static func check(_ document: consuming WorkspaceDocument, streamed: StreamedLists? = nil)
    throws -> (document: WorkspaceDocument, memberKeys: [String])
  {
    var errors: [FieldError] = []
    func located(_ list: String, _ index: Int, _ error: FieldError) -> FieldError {
      Workspace.located(list, index, error)
    }
    /// Every record of a list through its own check.
    func check<T: CheckedRecord>(_ list: String, _ records: inout [T]) {
      for index in records.indices {
        let (record, problems) = records[index].checked()
        records[index] = record
        errors += problems.map { located(list, index, $0) }
      }
    }
    /// Ids of a list that are below 1 or repeated.
    func checkIds(_ list: String, _ ids: [Int64]) {
      var seen = Set<Int64>()
      for (index, id) in ids.enumerated() where id < 1 || !seen.insert(id).inserted {
        errors.append(
          FieldError(
            field: "\(list)[\(index)].id",
            problem: id < 1 ? .outOfRange("1–") : .duplicate(of: "id \(id)"), value: String(id)))
      }
    }
    /// Names that must be unique (after cleaning) within their scope.
    func checkUnique(_ list: String, _ keys: [String]) {
      var first: [String: Int] = [:]
      for (index, key) in keys.enumerated() {
        if let other = first[key] {
          errors.append(
            FieldError(
              field: "\(list)[\(index)].name", problem: .duplicate(of: "\(list)[\(other)]")))
        } else {
          first[key] = index
        }
      }
    }

    if !(1...WorkspaceDocument.currentVersion).contains(document.version) {
      errors.append(
        FieldError(
          field: "version", problem: .outOfRange("1–\(WorkspaceDocument.currentVersion)"),
          value: String(document.version)))
    }
    let (office, officeProblems) = document.office.checked()
    document.office = office
    errors += officeProblems.map {
      FieldError(field: "office.\($0.field)", problem: $0.problem, value: $0.value)
    }
    check("clusters", &document.clusters)
    check("divisions", &document.divisions)
    check("members", &document.members)
    check("contacts", &document.contacts)
    check("meetings", &document.meetings)
    check("attendance", &document.attendance)
    check("visits", &document.visits)
    check("programs", &document.programs)
    check("requests", &document.requests)
    check("instalments", &document.instalments)
    check("audit", &document.audit)
    check("experts", &document.experts)
    check("mentorings", &document.mentorings)
    check("sigs", &document.sigs)
    check("sigMembers", &document.sigMembers)
    check("sigTasks", &document.sigTasks)
    check("directoryBook", &document.directoryBook)

    checkIds("clusters", document.clusters.map(\.id))
    checkIds("divisions", document.divisions.map(\.id))
    checkIds("members", document.members.map(\.id))
    checkIds("contacts", document.contacts.map(\.id))
    checkIds("meetings", document.meetings.map(\.id))
    checkIds("visits", document.visits.map(\.id))
    checkIds("programs", document.programs.map(\.id))
    checkIds("requests", document.requests.map(\.id))
    checkIds("instalments", document.instalments.map(\.id))
    checkIds("experts", document.experts.map(\.id))
    checkIds("mentorings", document.mentorings.map(\.id))
    checkIds("mentoringSessions", document.mentoringSessions.map(\.id))
    checkIds("sigs", document.sigs.map(\.id))
    checkUnique("clusters", document.clusters.map(\.name))
    checkUnique("divisions", document.divisions.map { "\($0.clusterId)/\($0.name)" })
    checkUnique("programs", document.programs.map { "\($0.year)/\($0.name)" })
    checkUnique("sigs", document.sigs.map { "\($0.clusterId)/\($0.name)" })

    let clusterIds = Set(document.clusters.map(\.id))
    var divisionCluster: [Int64: Int64] = [:]
    for division in document.divisions { divisionCluster[division.id] = division.clusterId }
    var numbers: [String: Int] = [:]
    var names: [String: Int] = [:]
    var memberKeys: [String] = []
    memberKeys.reserveCapacity(document.members.count)
    for (index, member) in document.members.enumerated() {
      if !clusterIds.contains(member.clusterId) {
        errors.append(
          FieldError(
            field: "members[\(index)].clusterId", problem: .notFound,
            value: String(member.clusterId)))
      }
      if let divisionId = member.divisionId, divisionCluster[divisionId] != member.clusterId {
        errors.append(
          FieldError(
            field: "members[\(index)].divisionId", problem: .notFound, value: String(divisionId)))
      }
      if !member.businessNumber.isEmpty {
        // Unique within a mini-cluster: one company may belong to two.
        let number = "\(member.clusterId)/\(member.businessNumber)"
        if let other = numbers[number] {
          errors.append(
            FieldError(
              field: "members[\(index)].businessNumber",
              problem: .duplicate(of: "members[\(other)]")))
        } else {
          numbers[number] = index
        }
      }
      memberKeys.append(KoreanText.nameKey(member.name))
      let key = "\(member.clusterId)/\(memberKeys[index])"
      if let other = names[key] {
        errors.append(
          FieldError(field: "members[\(index)].name", problem: .duplicate(of: "members[\(other)]")))
      } else {
        names[key] = index
      }
    }
    errors += checkSupport(document, visits: streamed?.visits ?? VisitFacts.of(document.visits))
    errors += checkProgrammes(&document)

    // The audit history: ids in order (the chain runs in id order), the chain itself, and
    // every request against it.
    for index in document.audit.indices.dropFirst()
    where document.audit[index].id <= document.audit[index - 1].id {
      errors.append(
        FieldError(
          field: "audit[\(index)].id",
          problem: .other(
            english: "must be larger than the id before it (\(document.audit[index - 1].id))",
            korean: "앞 항목의 id(\(document.audit[index - 1].id))보다 커야 합니다"),
          value: String(document.audit[index].id)))
    }
    if document.audit.allSatisfy({ $0.hash == nil }) {
      // A file without a chain (every version 1 file): its entries are chained as they are.
      document.audit = AuditChain.sealed(document.audit)
    } else if let missing = document.audit.firstIndex(where: { $0.hash == nil }) {
      errors.append(FieldError(field: "audit[\(missing)].hash", problem: .required))
    } else if let broken = AuditChain.firstBreak(document.audit) {
      errors.append(
        FieldError(
          field: "audit[\(broken)]",
          problem: .other(
            english:
              "does not fit the audit chain: it, or an entry before it, was changed, added or removed",
            korean: "감사 기록의 해시 체인과 맞지 않습니다: 이 항목이나 그 앞의 항목이 바뀌었거나, 더해졌거나, 지워졌습니다"),
          value: document.audit[broken].hash))
    }
    if let streamed {
      errors += streamed.audit.problems(
        requests: document.requests, instalments: document.instalments)
    } else {
      errors += AuditChain.historyProblems(
        requests: document.requests, instalments: document.instalments, audit: document.audit)
    }
    if !errors.isEmpty { throw ValidationError(Array(errors.prefix(200))) }
    return (document, memberKeys)
  }
}

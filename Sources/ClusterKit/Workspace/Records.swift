import Foundation
import GRDB

// How the value types map to tables. Simple records use their Codable conformance; members and
// visits carry derived or nested data and map their columns by hand, and so are read the records
// a pane lists or opens (programs, experts, mentoring assignments, SIGs) and those an export
// reads by the ten thousand (contacts, attendance, payments, the audit log): decoding a row
// through Codable costs a dynamic cast and a case-insensitive key lookup per column, and the
// first use of each type a scan of the binary's conformances, which the first frame would wait
// for.

extension Day: DatabaseValueConvertible {
  public var databaseValue: DatabaseValue { description.databaseValue }
  public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
    String.fromDatabaseValue(dbValue).flatMap(Day.init(parsing:))
  }
}

// Days and the vocabularies' values are also read straight from a statement's column
// (`StatementColumnConvertible`), which costs a fraction of GRDB's general path through a
// `DatabaseValue`: a long list reads several of them on every row.
extension Day: StatementColumnConvertible {
  public init?(sqliteStatement: SQLiteStatement, index: CInt) {
    self.init(parsing: String(sqliteStatement: sqliteStatement, index: index))
  }
}

/// A vocabulary stored as its raw text.
public protocol StoredAsText: RawRepresentable, DatabaseValueConvertible,
  StatementColumnConvertible
where RawValue == String {}

extension StoredAsText {
  public init?(sqliteStatement: SQLiteStatement, index: CInt) {
    self.init(rawValue: String(sqliteStatement: sqliteStatement, index: index))
  }
}

extension MemberKind: StoredAsText {}
extension OfficerRole: StoredAsText {}
extension MemberStatus: StoredAsText {}
extension MeetingKind: StoredAsText {}
extension AttendanceStatus: StoredAsText {}
extension VisitPurpose: StoredAsText {}
extension DifficultyCategory: StoredAsText {}
extension ProgramCategory: StoredAsText {}
extension RequestStatus: StoredAsText {}
extension ExpertKind: StoredAsText {}
extension SIGTaskStatus: StoredAsText {}
extension DirectoryBookStatus: StoredAsText {}

extension Cluster: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "cluster"

  /// By hand: every frame's shared lists hold the clusters, read before the first one.
  public init(row: Row) {
    self.init(
      id: row["id"], name: row["name"], complex: row["complex"], founded: row["founded"],
      manager: row["manager"])
  }
}
extension Division: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "division"

  /// By hand, as the clusters are.
  public init(row: Row) {
    self.init(id: row["id"], clusterId: row["clusterId"], name: row["name"])
  }
}
extension Contact: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "contact"

  public init(row: Row) {
    self.init(
      id: row["id"], memberId: row["memberId"], name: row["name"], title: row["title"],
      phone: row["phone"], email: row["email"])
  }
}
extension Meeting: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "meeting"
}
extension Attendance: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "attendance"

  /// By hand, as the records an export reads by the hundred thousand are.
  public init(row: Row) {
    self.init(meetingId: row["meetingId"], memberId: row["memberId"], status: row["status"])
  }
}
extension Program: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "program"

  /// By hand: the overview and the programs pane read a year's programs on every data version,
  /// and the Codable row decoder took ten times as long.
  public init(row: Row) {
    self.init(
      id: row["id"], year: row["year"], name: row["name"], category: row["category"],
      budgetKRW: row["budgetKRW"], cofundingPercent: row["cofundingPercent"],
      memberCapKRW: row["memberCapKRW"], memberCapCount: row["memberCapCount"],
      opens: row["opens"], closes: row["closes"], note: row["note"])
  }
}
extension Instalment: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "instalment"

  public init(row: Row) {
    self.init(
      id: row["id"], requestId: row["requestId"], date: row["date"], amountKRW: row["amountKRW"])
  }
}
extension AuditEntry: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "auditEntry"

  public init(row: Row) {
    self.init(
      id: row["id"], requestId: row["requestId"], at: row["at"], actor: row["actor"],
      field: row["field"], before: row["before"], after: row["after"], hash: row["hash"])
  }
}
extension Expert: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "expert"

  /// The fields are a JSON array in their column, as Codable writes them.
  public init(row: Row) {
    self.init(
      id: row["id"], name: row["name"], affiliation: row["affiliation"], kind: row["kind"],
      fields: Self.fields(json: row["fields"]), phone: row["phone"], email: row["email"],
      capacity: row["capacity"])
  }

  /// `["회계","수출"]`, as the encoder writes an array of fields: the texts between the quotes.
  /// Anything else (an escape, spaces between the items) is read by the JSON decoder, which
  /// costs more than the rest of an expert's row.
  static func fields(json: String) -> [String] {
    if json == "[]" { return [] }
    let parts = json.split(separator: "\"", omittingEmptySubsequences: false)
    if !json.contains("\\"), parts.count % 2 == 1, parts.first == "[", parts.last == "]",
      stride(from: 2, to: parts.count - 1, by: 2).allSatisfy({ parts[$0] == "," })
    {
      return stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) }
    }
    return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
  }
}
extension Mentoring: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "mentoring"

  public init(row: Row) {
    self.init(
      id: row["id"], memberId: row["memberId"], expertId: row["expertId"], field: row["field"],
      started: row["started"], ended: row["ended"], overrideReason: row["overrideReason"])
  }
}
extension MentoringSession: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "mentoringSession"
}
extension SIG: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "sig"

  /// By hand: the SIGs view lists them on a key.
  public init(row: Row) {
    self.init(
      id: row["id"], clusterId: row["clusterId"], name: row["name"], theme: row["theme"],
      leaderId: row["leaderId"])
  }
}
extension SIGMembership: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "sigMember"
}
extension SIGTask: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "sigTask"
}
extension DirectoryBookEntry: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "directoryBook"
}

extension Member: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "member"

  public init(row: Row) {
    self.init(
      id: row["id"], clusterId: row["clusterId"], divisionId: row["divisionId"], kind: row["kind"],
      name: row["name"], representative: row["representative"],
      businessNumber: row["businessNumber"], products: row["products"],
      employees: row["employees"], salesKRW: row["salesKRW"], founded: row["founded"],
      address: row["address"], phone: row["phone"], email: row["email"],
      website: row["website"], role: row["role"], joined: row["joined"], left: row["left"],
      status: row["status"], profileChanged: row["profileChanged"])
  }

  public func encode(to container: inout PersistenceContainer) {
    container["id"] = id == 0 ? nil : id
    container["clusterId"] = clusterId
    container["divisionId"] = divisionId
    container["kind"] = kind
    container["name"] = name
    let key = KoreanText.nameKey(name)
    container["nameKey"] = key
    container["initials"] = KoreanText.initials(key)
    container["representative"] = representative
    container["businessNumber"] = businessNumber
    container["products"] = products
    container["employees"] = employees
    container["salesKRW"] = salesKRW
    container["founded"] = founded
    container["address"] = address
    container["phone"] = phone
    container["email"] = email
    container["website"] = website
    container["role"] = role
    container["joined"] = joined
    container["left"] = left
    container["status"] = status
    container["profileChanged"] = profileChanged
  }
}

/// A request's agreement, settlement and difficulty are columns of its own row.
extension SupportRequest: FetchableRecord, PersistableRecord {
  public static let databaseTableName = "supportRequest"

  public init(row: Row) {
    self.init(
      id: row["id"], memberId: row["memberId"], programId: row["programId"], title: row["title"],
      requestedKRW: row["requestedKRW"], cofundingKRW: row["cofundingKRW"],
      submitted: row["submitted"], status: row["status"], approvedKRW: row["approvedKRW"],
      decided: row["decided"], reviewer: row["reviewer"], reason: row["reason"])
    if let visitId: Int64 = row["difficultyVisitId"], let number: Int = row["difficultyNumber"] {
      difficulty = DifficultyReference(visitId: visitId, number: number)
    }
    if let date: Day = row["agreedOn"] {
      agreement = Agreement(
        date: date, cofundingKRW: row["agreedCofundingKRW"] ?? 0,
        overrideReason: row["agreementOverride"] ?? "")
    }
    if let date: Day = row["reportDate"] {
      settlement = Settlement(
        reportDate: date, spentKRW: row["spentKRW"] ?? 0, disallowedKRW: row["disallowedKRW"] ?? 0,
        returnedKRW: row["returnedKRW"] ?? 0)
    }
  }

  public func encode(to container: inout PersistenceContainer) {
    container["id"] = id == 0 ? nil : id
    container["memberId"] = memberId
    container["programId"] = programId
    container["title"] = title
    container["requestedKRW"] = requestedKRW
    container["cofundingKRW"] = cofundingKRW
    container["submitted"] = submitted
    container["status"] = status
    container["approvedKRW"] = approvedKRW
    container["decided"] = decided
    container["reviewer"] = reviewer
    container["reason"] = reason
    container["difficultyVisitId"] = difficulty?.visitId
    container["difficultyNumber"] = difficulty?.number
    container["agreedOn"] = agreement?.date
    container["agreedCofundingKRW"] = agreement?.cofundingKRW
    container["agreementOverride"] = agreement?.overrideReason ?? ""
    container["reportDate"] = settlement?.reportDate
    container["spentKRW"] = settlement?.spentKRW
    container["disallowedKRW"] = settlement?.disallowedKRW
    container["returnedKRW"] = settlement?.returnedKRW
  }
}

/// A visit's own columns; difficulties and follow-ups live in their own tables.
struct VisitRow: FetchableRecord, PersistableRecord {
  static let databaseTableName = "visit"
  var id: Int64
  var memberId: Int64
  var date: Day
  var visitor: String
  var purpose: VisitPurpose
  var notes: String

  init(_ visit: Visit) {
    (id, memberId, date, visitor, purpose, notes) =
      (visit.id, visit.memberId, visit.date, visit.visitor, visit.purpose, visit.notes)
  }

  init(row: Row) {
    id = row["id"]
    memberId = row["memberId"]
    date = row["date"]
    visitor = row["visitor"]
    purpose = row["purpose"]
    notes = row["notes"]
  }

  /// The columns `init(columns:)` reads, in its order, of a visit named `v`.
  static let columns = "v.id, v.memberId, v.date, v.visitor, v.purpose, v.notes"
  static let columnCount = 6

  /// A row whose first columns are `columns`, read by position (by name, the lookups cost more
  /// than the rest of a long list's reading).
  init(columns row: Row) {
    (id, memberId, date, visitor, purpose, notes) = (row[0], row[1], row[2], row[3], row[4], row[5])
  }

  func encode(to container: inout PersistenceContainer) {
    container["id"] = id == 0 ? nil : id
    container["memberId"] = memberId
    container["date"] = date
    container["visitor"] = visitor
    container["purpose"] = purpose
    container["notes"] = notes
  }
}

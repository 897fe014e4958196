import Foundation

/// The whole workspace as one JSON document (format `clusterdesk-workspace`, see docs/json-format.md).
/// Records keep their ids, so references between them survive a round trip unchanged.
public struct WorkspaceDocument: Codable, Hashable, Sendable {
  public static let formatName = "clusterdesk-workspace"
  public static let currentVersion = 2

  public var format: String
  public var version: Int
  public var office: Office
  public var clusters: [Cluster]
  public var divisions: [Division]
  public var members: [Member]
  public var contacts: [Contact]
  public var meetings: [Meeting]
  public var attendance: [Attendance]
  public var visits: [Visit]
  public var programs: [Program]
  public var requests: [SupportRequest]
  /// Payments of agreed requests (new in version 2).
  public var instalments: [Instalment]
  public var audit: [AuditEntry]
  public var experts: [Expert]
  public var mentorings: [Mentoring]
  public var mentoringSessions: [MentoringSession]
  public var sigs: [SIG]
  public var sigMembers: [SIGMembership]
  public var sigTasks: [SIGTask]
  public var directoryBook: [DirectoryBookEntry]

  public init(
    office: Office, clusters: [Cluster] = [], divisions: [Division] = [], members: [Member] = [],
    contacts: [Contact] = [], meetings: [Meeting] = [], attendance: [Attendance] = [],
    visits: [Visit] = [], programs: [Program] = [], requests: [SupportRequest] = [],
    instalments: [Instalment] = [], audit: [AuditEntry] = [], experts: [Expert] = [],
    mentorings: [Mentoring] = [], mentoringSessions: [MentoringSession] = [], sigs: [SIG] = [],
    sigMembers: [SIGMembership] = [], sigTasks: [SIGTask] = [],
    directoryBook: [DirectoryBookEntry] = []
  ) {
    self.format = Self.formatName
    self.version = Self.currentVersion
    self.office = office
    self.clusters = clusters
    self.divisions = divisions
    self.members = members
    self.contacts = contacts
    self.meetings = meetings
    self.attendance = attendance
    self.visits = visits
    self.programs = programs
    self.requests = requests
    self.instalments = instalments
    self.audit = audit
    self.experts = experts
    self.mentorings = mentorings
    self.mentoringSessions = mentoringSessions
    self.sigs = sigs
    self.sigMembers = sigMembers
    self.sigTasks = sigTasks
    self.directoryBook = directoryBook
  }
}

extension WorkspaceDocument {
  /// The canonical bytes: keys sorted, two-space indentation, so export → import → export is
  /// byte-identical and files diff well.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// Reads a document of this version, or of version 1 (converted, see `LegacyDocument`).
  public static func decode(_ data: Data) throws -> WorkspaceDocument {
    let decoder = JSONDecoder()
    if let header = try? decoder.decode(Header.self, from: data), header.version == 1 {
      return try decoder.decode(LegacyDocument.self, from: data).upgraded(
        edition: Day.officeToday.year)
    }
    return try decoder.decode(WorkspaceDocument.self, from: data)
  }

  private struct Header: Decodable {
    var version: Int
  }
}

import Foundation

/// The whole workspace as one JSON document (format `clusterdesk-workspace`, see docs/json-format.md).
/// Records keep their ids, so references between them survive a round trip unchanged.
public struct WorkspaceDocument: Codable, Hashable, Sendable {
  public static let formatName = "clusterdesk-workspace"
  public static let currentVersion = 1

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
  public var audit: [AuditEntry]
  public var experts: [Expert]
  public var mentorings: [Mentoring]
  public var sigs: [SIG]
  public var sigMembers: [SIGMembership]

  public init(
    office: Office, clusters: [Cluster] = [], divisions: [Division] = [], members: [Member] = [],
    contacts: [Contact] = [], meetings: [Meeting] = [], attendance: [Attendance] = [],
    visits: [Visit] = [], programs: [Program] = [], requests: [SupportRequest] = [],
    audit: [AuditEntry] = [], experts: [Expert] = [], mentorings: [Mentoring] = [],
    sigs: [SIG] = [], sigMembers: [SIGMembership] = []
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
    self.audit = audit
    self.experts = experts
    self.mentorings = mentorings
    self.sigs = sigs
    self.sigMembers = sigMembers
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

  public static func decode(_ data: Data) throws -> WorkspaceDocument {
    try JSONDecoder().decode(WorkspaceDocument.self, from: data)
  }
}

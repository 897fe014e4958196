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
  public var sigs: [SIG]
  public var sigMembers: [SIGMembership]

  public init(
    office: Office, clusters: [Cluster] = [], divisions: [Division] = [], members: [Member] = [],
    contacts: [Contact] = [], meetings: [Meeting] = [], attendance: [Attendance] = [],
    visits: [Visit] = [], programs: [Program] = [], requests: [SupportRequest] = [],
    instalments: [Instalment] = [], audit: [AuditEntry] = [], experts: [Expert] = [],
    mentorings: [Mentoring] = [],
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
    self.instalments = instalments
    self.audit = audit
    self.experts = experts
    self.mentorings = mentorings
    self.sigs = sigs
    self.sigMembers = sigMembers
  }
}

extension WorkspaceDocument {
  /// Reads every version up to the current one; lists a version lacks (version 1 has no
  /// instalments) read as empty.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    format = try c.decode(String.self, forKey: .format)
    version = try c.decode(Int.self, forKey: .version)
    office = try c.decode(Office.self, forKey: .office)
    clusters = try c.decode([Cluster].self, forKey: .clusters)
    divisions = try c.decode([Division].self, forKey: .divisions)
    members = try c.decode([Member].self, forKey: .members)
    contacts = try c.decode([Contact].self, forKey: .contacts)
    meetings = try c.decode([Meeting].self, forKey: .meetings)
    attendance = try c.decode([Attendance].self, forKey: .attendance)
    visits = try c.decode([Visit].self, forKey: .visits)
    programs = try c.decode([Program].self, forKey: .programs)
    requests = try c.decode([SupportRequest].self, forKey: .requests)
    instalments = try c.decodeIfPresent([Instalment].self, forKey: .instalments) ?? []
    audit = try c.decode([AuditEntry].self, forKey: .audit)
    experts = try c.decode([Expert].self, forKey: .experts)
    mentorings = try c.decode([Mentoring].self, forKey: .mentorings)
    sigs = try c.decode([SIG].self, forKey: .sigs)
    sigMembers = try c.decode([SIGMembership].self, forKey: .sigMembers)
  }

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

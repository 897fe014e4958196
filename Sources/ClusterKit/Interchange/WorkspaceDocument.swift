import Foundation

/// The whole workspace as one JSON document (format `clusterdesk-workspace`, see docs/json-format.md).
/// Records keep their ids, so references between them survive a round trip unchanged.
public struct WorkspaceDocument: Codable, Hashable, Sendable {
  public static let formatName = "clusterdesk-workspace"
  /// Version 2 added the programmes' records (experts' kinds and capacities, mentoring
  /// assignments and sessions, SIG tasks, the directory book; see `LegacyDocument`), support
  /// requests' steps and instalments, and each audit entry's `hash`. Files without hashes (every
  /// version 1 file) still import, their chain computed then.
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

  /// A document built in code (the generator, a test) gets its audit chain computed here.
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
    self.audit = AuditChain.sealed(audit)
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
  /// byte-identical and files diff well. They are the bytes `JSONEncoder` writes with
  /// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, written by the format's own
  /// encoder (`CanonicalJSONEncoder`), at a fraction of the cost: a JSON workspace writes them on
  /// every change.
  public func encoded() throws -> Data {
    var encoder = CanonicalJSONEncoder()
    var bytes: [UInt8] = []
    try encoder.append(self, level: 0, to: &bytes)
    bytes.append(0x0A)
    return Data(bytes)
  }

  /// Reads a document of this version, or of version 1 (converted, see `LegacyDocument`). A
  /// file that is not one throws a `ValidationError` naming the place: the path of the value
  /// (`members[12].salesKRW`), or the line and column of a syntax error.
  public static func decode(_ data: Data) throws(ValidationError) -> WorkspaceDocument {
    try decodeVersioned(data).document
  }

  /// The same, with the version the file was written in (the current one when it says none), from
  /// one pass of the parser over the bytes.
  static func decodeVersioned(_ data: Data) throws(ValidationError) -> (
    document: WorkspaceDocument, version: Int
  ) {
    do {
      let read = try JSONDecoder().decode(Versioned.self, from: data)
      return (read.document, read.version)
    } catch let error as DecodingError {
      throw ValidationError([place(of: error, in: data)])
    } catch {
      throw ValidationError([
        FieldError(
          field: "JSON",
          problem: .other(english: "cannot be read (\(error))", korean: "읽을 수 없습니다 (\(error))"))
      ])
    }
  }

  /// The decoding error as a field error at its place.
  static func place(of error: DecodingError, in data: Data) -> FieldError {
    // An error without a path is a syntax error, a number that does not fit, or a file that is
    // not one object: Foundation says neither where nor what, so the file is scanned for it.
    let context: DecodingError.Context? =
      switch error {
      case .keyNotFound(_, let context), .valueNotFound(_, let context),
        .typeMismatch(_, let context), .dataCorrupted(let context):
        context
      @unknown default: nil
      }
    if context?.codingPath.isEmpty ?? true, let problem = JSONLocator.firstProblem(in: data) {
      return problem.fieldError
    }
    func path(_ context: DecodingError.Context, _ last: String? = nil) -> String {
      var text = ""
      for key in context.codingPath + (last.map { [AnyKey($0)] } ?? []) {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
      }
      return text
    }
    switch error {
    case .keyNotFound(let key, let context):
      return FieldError(field: path(context, key.stringValue), problem: .required)
    case .valueNotFound(_, let context):
      return FieldError(field: path(context), problem: .required)
    case .typeMismatch(let type, let context):
      let (english, korean) = expectation(type)
      // At the top level: the file is some other JSON value than a workspace's object.
      return FieldError(
        field: context.codingPath.isEmpty ? "JSON" : path(context),
        problem: .other(english: "must be \(english)", korean: "\(korean)이어야 합니다"),
        line: context.codingPath.isEmpty ? 1 : nil)
    case .dataCorrupted(let context) where !context.codingPath.isEmpty:
      let description = context.debugDescription
      if description.hasPrefix(Day.notADate) {
        return FieldError(
          field: path(context), problem: .invalidFormat(expected: "2026-11-22"),
          value: String(description.dropFirst(Day.notADate.count)))
      }
      // An enum's unknown raw value: "Cannot initialize X from invalid String value Y".
      let value = description.range(of: "invalid String value ").map {
        String(description[$0.upperBound...])
      }
      return FieldError(
        field: path(context),
        problem: .other(
          english: "is not a value this field takes", korean: "이 항목에 쓸 수 있는 값이 아닙니다"),
        value: value)
    case .dataCorrupted:
      return FieldError(
        field: "JSON",
        problem: .other(english: "is not valid JSON", korean: "올바른 JSON이 아닙니다"))
    @unknown default:
      return FieldError(
        field: "JSON",
        problem: .other(english: "is not valid JSON", korean: "올바른 JSON이 아닙니다"))
    }
  }

  /// What a type mismatch expected, in words.
  private static func expectation(_ type: Any.Type) -> (String, String) {
    switch type {
    case is String.Type: ("text in quotes", "따옴표로 묶은 텍스트")
    case is Int.Type, is Int64.Type, is Int32.Type: ("a whole number", "정수")
    case is Bool.Type: ("true or false", "true 또는 false")
    case is [Any].Type: ("a list in [ ]", "[ ]로 묶은 목록")
    case is [String: Any].Type: ("an object in { }", "{ }로 묶은 객체")
    default: ("another kind of value", "다른 종류의 값")
    }
  }

  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// A document of either version: the version is read first from the parsed object, then the
  /// rest as that version's document.
  private struct Versioned: Decodable {
    var document: WorkspaceDocument
    var version: Int

    private enum Key: String, CodingKey { case version }

    init(from decoder: any Decoder) throws {
      let written = try? decoder.container(keyedBy: Key.self).decode(Int.self, forKey: .version)
      version = written ?? WorkspaceDocument.currentVersion
      document =
        written == 1
        ? try LegacyDocument(from: decoder).upgraded(edition: Day.officeToday.year)
        : try WorkspaceDocument(from: decoder)
    }
  }
}

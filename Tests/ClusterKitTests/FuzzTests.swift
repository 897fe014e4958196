import Foundation
import Testing

@testable import ClusterKit
@testable import Generator

/// Seeded property-based fuzzing of the two importers: mutations of the committed corpus
/// (Tests/ClusterKitTests/Corpus) and random bytes. No input may crash or hang; every rejection
/// must name where the problem is (a `line N` for CSV, a `members[i].field`-style path for JSON,
/// or a syntax message), and a rejected import must leave the workspace as it was.
/// `CLUSTERDESK_LONG_TESTS=1` runs 100,000 inputs per importer instead of 2,000;
/// `CLUSTERDESK_SEED` replays another seed.
@Suite struct FuzzTests {
  static var long: Bool { ProcessInfo.processInfo.environment["CLUSTERDESK_LONG_TESTS"] == "1" }
  static var inputs: Int { long ? 100_000 : 2_000 }
  static var seed: UInt64 {
    ProcessInfo.processInfo.environment["CLUSTERDESK_SEED"].flatMap(UInt64.init) ?? 20_261_126
  }
  /// Generous; only there so a pathological input fails the test instead of hanging it.
  static let budgetSeconds = 20.0

  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Corpus")

  static func seeds(_ extensions: [String]) throws -> [Data] {
    try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
      .filter { extensions.contains($0.pathExtension) }
      .sorted { $0.path < $1.path }
      .map { try Data(contentsOf: $0) }
  }

  static func record(_ line: String) {
    guard let path = ProcessInfo.processInfo.environment["CLUSTERDESK_FIGURES"] else { return }
    if let handle = FileHandle(forWritingAtPath: path) {
      handle.seekToEndOfFile()
      handle.write(Data((line + "\n").utf8))
      try? handle.close()
    } else {
      _ = FileManager.default.createFile(atPath: path, contents: Data((line + "\n").utf8))
    }
  }

  /// Keeps a failing input in `$CLUSTERDESK_FUZZ_FAILURES` (a folder), to add to the corpus.
  static func keep(_ input: Data, _ name: String) {
    guard let folder = ProcessInfo.processInfo.environment["CLUSTERDESK_FUZZ_FAILURES"] else {
      return
    }
    try? input.write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
  }

  // MARK: - JSON

  @Test func jsonImporterRejectsEveryBadInputByPathAndWritesNothing() throws {
    let seeds = try FuzzTests.seeds(["json"])
    try #require(seeds.count >= 2)
    var rng = SeededGenerator(seed: FuzzTests.seed, stream: 1)
    var temp = try TemporaryWorkspace()
    var empty = try FuzzTests.emptyWorkspace(in: temp)
    var counts = (decodeRejected: 0, importRejected: 0, imported: 0)
    for index in 0..<FuzzTests.inputs {
      let input = Mutator.json(seeds, &rng)
      let started = Date()
      defer {
        let spent = Date().timeIntervalSince(started)
        if spent > FuzzTests.budgetSeconds { Issue.record("JSON input \(index) took \(spent) s") }
      }
      let document: WorkspaceDocument
      do {
        document = try WorkspaceDocument.decode(input)
      } catch {
        counts.decodeRejected += 1
        for field in error.errors where !FuzzTests.isJSONPath(field.field) && field.line == nil {
          Issue.record("JSON input \(index): rejection does not say where: \(field.message(.en))")
          FuzzTests.keep(input, "json-decode-\(index).json")
        }
        continue
      }
      do {
        try empty.importDocument(document)
        counts.imported += 1
        #expect(
          try empty.integrityProblems() == [], "JSON input \(index) imported a damaged workspace")
        temp = try TemporaryWorkspace()
        empty = try FuzzTests.emptyWorkspace(in: temp)
      } catch let error as ValidationError {
        counts.importRejected += 1
        for field in error.errors where !FuzzTests.isJSONPath(field.field) {
          Issue.record("JSON input \(index): \(field.message(.en)) does not name its record")
        }
        #expect(try empty.isEmpty(), "JSON input \(index): a rejected import left records behind")
      } catch {
        Issue.record("JSON input \(index): import failed without naming the field: \(error)")
        FuzzTests.keep(input, "json-\(index).json")
        #expect(try empty.isEmpty(), "JSON input \(index): a failed import left records behind")
      }
    }
    #expect(counts.imported > 0 && counts.importRejected > 0 && counts.decodeRejected > 0)
    FuzzTests.record(
      "fuzz JSON: \(FuzzTests.inputs) inputs, \(counts.decodeRejected) rejected by the decoder, "
        + "\(counts.importRejected) by the checks, \(counts.imported) imported, no crash")
  }

  /// A second, empty workspace in the same temporary folder (the fixture's has a cluster).
  static func emptyWorkspace(in temp: TemporaryWorkspace) throws -> Workspace {
    try Workspace(path: temp.file("empty-\(UUID().uuidString).clusterdesk"), create: true)
  }

  /// The document's top-level keys.
  static let documentKeys: Set<String> = [
    "format", "version", "office", "clusters", "divisions", "members", "contacts", "meetings",
    "attendance", "visits", "programs", "requests", "instalments", "audit", "experts",
    "mentorings", "mentoringSessions", "sigs", "sigMembers", "sigTasks", "directoryBook",
  ]

  /// A field key names its place: `members[3].phone`, `office.memberVisitWeeks`, `format`, a
  /// missing list (`members`); a syntax error names its line instead (checked by the caller).
  static func isJSONPath(_ field: String) -> Bool {
    let head = String(field.prefix { $0 != "[" && $0 != "." })
    return documentKeys.contains(head)
  }

  // MARK: - CSV

  @Test func csvImporterRejectsEveryBadRowByLineAndWritesNothing() throws {
    let seeds = try FuzzTests.seeds(["csv", "tsv"])
    try #require(seeds.count >= 3)
    var rng = SeededGenerator(seed: FuzzTests.seed, stream: 2)
    var temp = try TemporaryWorkspace()
    var counts = (unreadable: 0, rejected: 0, imported: 0, members: 0)
    for index in 0..<FuzzTests.inputs {
      let input = Mutator.csv(seeds, &rng)
      let started = Date()
      defer {
        let spent = Date().timeIntervalSince(started)
        if spent > FuzzTests.budgetSeconds { Issue.record("CSV input \(index) took \(spent) s") }
      }
      let file: MemberCSVFile
      do {
        file = try MemberCSV.read(input)
      } catch {
        // Whole-file problems (undecodable, empty, no name column, an unclosed quote): a
        // sentence of their own; a quote problem names its line.
        counts.unreadable += 1
        let message = error.message(.en)
        if case .unclosedQuote = error.problem, !message.contains("line ") {
          Issue.record("CSV input \(index): \(message) does not name its line")
        }
        continue
      }
      let before = try temp.workspace.memberCount(MemberQuery())
      do {
        let result = try temp.workspace.importMembers(file, clusterName: "퍼징")
        counts.imported += 1
        counts.members += result.added
        #expect(file.isValid)
      } catch let error as ValidationError {
        counts.rejected += 1
        for field in error.errors where field.line == nil || !field.message(.en).hasPrefix("line ")
        {
          Issue.record("CSV input \(index): \(field.message(.en)) does not name its line")
        }
        let after = try temp.workspace.memberCount(MemberQuery())
        #expect(after == before, "CSV input \(index): a rejected import changed the members")
      } catch {
        Issue.record("CSV input \(index): import failed without naming the row: \(error)")
        FuzzTests.keep(input, "csv-\(index).csv")
      }
      if counts.members > 300 {
        #expect(try temp.workspace.integrityProblems() == [])
        temp = try TemporaryWorkspace()
        counts.members = 0
      }
    }
    #expect(counts.imported > 0 && counts.rejected > 0 && counts.unreadable > 0)
    FuzzTests.record(
      "fuzz CSV: \(FuzzTests.inputs) inputs, \(counts.unreadable) unreadable files, "
        + "\(counts.rejected) rejected with every row's line, \(counts.imported) imported, no crash"
    )
  }
}

/// Ways to spoil an input: byte flips and splices, structural edits of JSON, cell edits of CSV,
/// and plain random bytes.
enum Mutator {
  static let strings: [String] = [
    "", " ", "\u{0}", "\t\n", "\"", "\\", "ㅇㅅㅌㅋ", "(주)", "㈜ ", "주식회사", "한", "é", "e\u{301}",
    "\u{FEFF}", "\u{202E}", "\u{1F600}", String(repeating: "가", count: 5000), "NaN", "-1",
    "9223372036854775807", "2026-02-30", "2026-13-01", "0000-00-00", "124-81-00998", "1248100999",
    "13.7억", "1억 2천만", "99999999999999999999억", "010-1234-5678", "a@b", "present", "pending",
    "approved", "company", "=cmd|' /C calc'!A0", "\r\n", ",,,", "\"\"\"",
    // Attacks found later: terminal escapes (clear, OSC 52 clipboard), invisible characters in
    // names, formulas and our own guard for them, Korean shorthand amounts, wrong separators.
    "\u{1B}[2J", "\u{1B}]52;c;ZXZpbA==\u{07}", "\u{9B}31m", "G밸리\u{200D}", "\u{2066}", "\u{3164}",
    "'=1+2", "''@x", "+82 2", "-300만", "1억2천", "12억3", "억만", "1억 500", "0", ";", "\t",
    "1e3", "9.3e18", "2026-11-26T09:30:00Z", "99999",
  ]
  static let numbers: [Double] = [
    0, -1, 1, 2, 9.3e18, -9.3e18, 1e308, -0.5, 3.7, 999_999_999_999, 1e15,
  ]
  static let integers: [Int64] = [
    Int64.max, Int64.min, 2, 1, 0, -7, 1_000_000_000_001, 105, Int64.max - 1,
  ]

  static func bytes(_ data: Data, _ rng: inout SeededGenerator) -> Data {
    var bytes = [UInt8](data)
    for _ in 0..<(1 + rng.below(4)) {
      let position = bytes.isEmpty ? 0 : rng.below(bytes.count)
      switch rng.below(6) {
      case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(1 << rng.below(8))
      case 1: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: position)
      case 2 where !bytes.isEmpty:
        bytes.removeSubrange(position..<min(bytes.count, position + 1 + rng.below(64)))
      case 3 where !bytes.isEmpty:
        let end = min(bytes.count, position + 1 + rng.below(200))
        bytes.insert(contentsOf: bytes[position..<end], at: rng.below(bytes.count))
      case 4: bytes = Array(bytes.prefix(position))
      default:
        let text = Array(strings[rng.below(strings.count)].utf8)
        bytes.insert(contentsOf: text, at: position)
      }
    }
    return Data(bytes)
  }

  static func random(_ rng: inout SeededGenerator) -> Data {
    Data((0..<rng.below(600)).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
  }

  // JSON

  static func json(_ seeds: [Data], _ rng: inout SeededGenerator) -> Data {
    let seed = seeds[rng.below(seeds.count)]
    switch rng.below(10) {
    case 0: return random(&rng)
    case 1, 2: return bytes(seed, &rng)
    default:
      guard var object = try? JSONDecoder().decode(JSONValue.self, from: seed) else { return seed }
      for _ in 0..<(1 + rng.below(3)) { object = edit(object, depth: 0, &rng) }
      return Data(object.text.utf8)
    }
  }

  /// Changes one place in a JSON value: a key dropped or added, an element duplicated or
  /// dropped, a value swapped for another type or an awkward one.
  static func edit(_ value: JSONValue, depth: Int, _ rng: inout SeededGenerator) -> JSONValue {
    let descend = depth < 4 && rng.below(4) != 0
    switch value {
    case .object(var dictionary) where !dictionary.isEmpty:
      let keys = dictionary.keys.sorted()
      let key = keys[rng.below(keys.count)]
      if descend {
        dictionary[key] = edit(dictionary[key]!, depth: depth + 1, &rng)
      } else {
        switch rng.below(3) {
        case 0: dictionary.removeValue(forKey: key)
        case 1: dictionary[key] = replacement(&rng)
        default: dictionary["extra\(rng.below(9))"] = replacement(&rng)
        }
      }
      return .object(dictionary)
    case .array(var array) where !array.isEmpty:
      let index = rng.below(array.count)
      if descend {
        array[index] = edit(array[index], depth: depth + 1, &rng)
      } else {
        switch rng.below(3) {
        case 0: array.remove(at: index)
        case 1: array.append(array[index])  // a duplicate: same ids, same names
        default: array[index] = replacement(&rng)
        }
      }
      return .array(array)
    default:
      return replacement(&rng)
    }
  }

  static func replacement(_ rng: inout SeededGenerator) -> JSONValue {
    switch rng.below(7) {
    case 0: return .string(strings[rng.below(strings.count)])
    case 1: return .number(numbers[rng.below(numbers.count)])
    case 2: return .integer(integers[rng.below(integers.count)])
    case 3: return .null
    case 4: return .bool(rng.below(2) == 0)
    case 5: return .array([])
    default: return .object([:])
    }
  }

  // CSV

  static func csv(_ seeds: [Data], _ rng: inout SeededGenerator) -> Data {
    let seed = seeds[rng.below(seeds.count)]
    switch rng.below(10) {
    case 0: return random(&rng)
    case 1, 2, 3: return bytes(seed, &rng)
    default:
      guard let text = String(data: seed, encoding: .utf8) else { return bytes(seed, &rng) }
      var lines = text.components(separatedBy: "\n")
      for _ in 0..<(1 + rng.below(3)) {
        let index = rng.below(lines.count)
        var cells = lines[index].components(separatedBy: ",")
        switch rng.below(5) {
        case 0: cells[rng.below(cells.count)] = strings[rng.below(strings.count)]
        case 1: cells.append(strings[rng.below(strings.count)])
        case 2: if cells.count > 1 { cells.remove(at: rng.below(cells.count)) }
        case 3: lines.insert(lines[index], at: index)  // a duplicate row
        default: lines.insert(lines[0], at: rng.below(lines.count))  // a header in the middle
        }
        if index < lines.count { lines[index] = cells.joined(separator: ",") }
      }
      let joined = lines.joined(separator: rng.below(4) == 0 ? "\r\n" : "\n")
      // Only text CP949 can hold: Foundation traps on a lossy conversion instead of failing.
      let encodable = joined.unicodeScalars.allSatisfy {
        $0.isASCII || (0xAC00...0xD7A3).contains($0.value)
      }
      if encodable, rng.below(6) == 0, let cp949 = joined.data(using: CSVReader.cp949) {
        return cp949
      }
      return Data(joined.utf8)
    }
  }
}

/// A JSON value, read with JSONDecoder and written by hand (Foundation's JSONSerialization traps
/// on some strings on Linux).
enum JSONValue: Decodable {
  case null
  case bool(Bool)
  case integer(Int64)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int64.self) {
      self = .integer(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  var text: String {
    switch self {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .integer(let value): return String(value)
    case .number(let value): return value.isFinite ? "\(value)" : "1e999"
    case .string(let value):
      var out = "\""
      for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
      }
      return out + "\""
    case .array(let values): return "[" + values.map(\.text).joined(separator: ",") + "]"
    case .object(let values):
      return "{"
        + values.keys.sorted().map { JSONValue.string($0).text + ":" + values[$0]!.text }
        .joined(separator: ",") + "}"
    }
  }
}

import Foundation
import Testing

@testable import ClusterKit

/// The canonical encoder writes the bytes Foundation's `JSONEncoder` writes with the format's
/// options, for every kind of value a record can hold.
@Suite struct CanonicalJSONEncoderTests {
  struct Inner: Codable {
    var when: Day?
    var flags: [Bool]
    var nothing: [Int] = []
  }

  struct Sample: Codable {
    var text: String
    var zebra: Int
    var alpha: Int64?
    var Beta: String = "capital"
    var a10 = 10
    var a9 = 9
    var 이름 = "한글 키"
    var lists: [[String]]
    var inner: Inner
    var inners: [Inner]
    var table: [String: Int]
    var ratio: Double
    var empty: [String] = []
    var absent: String? = nil
    var small: Int8 = -8
    var large: UInt64 = .max
  }

  func foundation(_ value: some Encodable) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(value))
  }

  func canonical(_ value: some Encodable) throws -> [UInt8] {
    var encoder = CanonicalJSONEncoder()
    var bytes: [UInt8] = []
    try encoder.append(value, level: 0, to: &bytes)
    return bytes
  }

  @Test func writesWhatJSONEncoderWrites() throws {
    let controls = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
    let text = controls + "\"quoted\" back\\slash a/b \u{7F} 미니클러스터 e\u{301} 🏭 end"
    let sample = Sample(
      text: text, zebra: Int.min, alpha: Int64.max, lists: [[], ["x", text], []],
      inner: Inner(when: Day(parsing: "2026-11-26"), flags: [true, false]),
      inners: [
        Inner(when: nil, flags: []), Inner(when: Day(parsing: "1900-01-01"), flags: [false]),
      ],
      table: ["b": 2, "a": 1, "B": 3, "10": 10, "9": 9, "é": 5, "": 0], ratio: 0.1 + 0.2)
    #expect(try canonical(sample) == (try foundation(sample)))
    #expect(try canonical([sample, sample]) == (try foundation([sample, sample])))
    #expect(try canonical([Sample]()) == (try foundation([Sample]())))
    #expect(try canonical(text) == (try foundation(text)))
  }

  @Test func aRecordTypeWithKeysLeftOutSortsEachShape() throws {
    // Records of one type with different optional keys present, more shapes than are cached.
    struct Shaped: Encodable {
      var values: [Int?]
      func encode(to encoder: Encoder) throws {
        struct Key: CodingKey {
          var stringValue: String
          var intValue: Int? { nil }
          init(stringValue: String) { self.stringValue = stringValue }
          init?(intValue: Int) { nil }
        }
        var container = encoder.container(keyedBy: Key.self)
        for (index, value) in values.enumerated() {
          try container.encodeIfPresent(value, forKey: Key(stringValue: "k\(9 - index)"))
        }
      }
    }
    let records = (0..<64).map { bits in
      Shaped(values: (0..<6).map { bits & (1 << $0) == 0 ? nil : $0 })
    }
    #expect(try canonical(records) == (try foundation(records)))
  }

  @Test func theSampleMembersAreWrittenAsJSONEncoderWritesThem() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../sample-data/seoul-digital-office.json")
    let document = try WorkspaceDocument.decode(try Data(contentsOf: url))
    #expect(try canonical(document.members) == (try foundation(document.members)))
    #expect(try canonical(document.visits) == (try foundation(document.visits)))
    #expect(try canonical(document.requests) == (try foundation(document.requests)))
  }

  /// A whole document's bytes (what a JSON workspace saves) are JSONEncoder's, and the sample's
  /// file.
  @Test func theSampleDocumentIsEncodedAsJSONEncoderEncodesIt() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../sample-data/seoul-digital-office.json")
    let file = try Data(contentsOf: url)
    let document = try WorkspaceDocument.decode(file)
    #expect(Array(try document.encoded()) == (try foundation(document)) + [0x0A])
    #expect(try document.encoded() == file)
  }
}

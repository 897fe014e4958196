import ClusterKit
import Foundation
import Testing

/// A list written as JSON a batch at a time has the bytes of the whole array encoded at once.
@Suite struct JSONArrayWriterTests {
  @Test(arguments: [0, 1, 2, 999, 1000, 1001, 2500])
  func sameBytesAsTheWholeArray(count: Int) throws {
    let keys = ["id", "name", "note"]
    let rows = (0..<count).map { i in
      ["\(i)", "회원 \(i) \"따옴표\"", i % 3 == 0 ? "a/b\\c\n\t\u{1}" : ""]
    }
    var written = Data()
    var writer = JSONArrayWriter(keys: keys) { written.append($0) }
    for row in rows { try writer.append(row) }
    try writer.finish()

    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var whole = try encoder.encode(
      rows.map { Dictionary(uniqueKeysWithValues: zip(keys, $0)) })
    whole.append(0x0A)
    #expect(written == whole)
  }
}

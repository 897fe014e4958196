import Foundation
import Testing
import Workbook
import ZIPFoundation

@testable import ClusterKit
@testable import Generator

/// Seeded fuzzing of the workbook importer: member workbooks made from the CSV corpus, spoiled
/// either as bytes of the zip or inside one of its XML parts (zipped again, so that the parse and
/// the member mapping see the damage). No input may crash or hang; a refused file gets one
/// sentence; every rejected row names its place; a rejected import changes nothing.
@Suite struct WorkbookFuzzTests {
  /// The parts of each seed workbook, by path.
  static func seeds() throws -> [[(path: String, data: Data)]] {
    try FuzzTests.seeds(["csv", "tsv"]).compactMap { csv in
      guard let file = try? MemberCSV.read(csv), !file.rows.isEmpty else { return nil }
      let members = file.rows.map { (member: $0.member, divisionName: $0.divisionName) }
      let archive = try Archive(
        data: try WorkbookWriter.data([MemberWorkbook.sheet(members, language: .ko)]),
        accessMode: .read, pathEncoding: nil)
      return try archive.map { entry in
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return (entry.path, data)
      }
    }
  }

  static func zip(_ parts: [(path: String, data: Data)]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
    for part in parts {
      try archive.addEntry(
        with: part.path, type: .file, uncompressedSize: Int64(part.data.count)
      ) { position, size in part.data.subdata(in: Int(position)..<Int(position) + size) }
    }
    return archive.data!
  }

  /// The XML with the content of one `<tag>` element, chosen at random, replaced by `text`
  /// (escaped).
  static func replaceValue(
    in data: Data, tag: String, with text: String, _ rng: inout SeededGenerator
  )
    -> Data
  {
    let xml = String(decoding: data, as: UTF8.self)
    let opens = xml.ranges(of: "<\(tag)>") + xml.ranges(of: "<\(tag) xml:space=\"preserve\">")
    guard !opens.isEmpty else { return data }
    let open = opens[rng.below(opens.count)]
    guard let close = xml[open.upperBound...].range(of: "</\(tag)>") else { return data }
    let escaped = text.replacingOccurrences(of: "&", with: "&amp;")
      .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    return Data(xml.replacingCharacters(in: open.upperBound..<close.lowerBound, with: escaped).utf8)
  }

  @Test func workbookImporterRefusesOrNamesEveryBadCellAndWritesNothing() throws {
    let seeds = try Self.seeds()
    try #require(seeds.count >= 2)
    var rng = SeededGenerator(seed: FuzzTests.seed, stream: 3)
    var temp = try TemporaryWorkspace()
    var counts = (refused: 0, rejected: 0, imported: 0, members: 0)
    let inputs = FuzzTests.inputs / 4
    for index in 0..<inputs {
      var parts = seeds[rng.below(seeds.count)]
      let input: Data
      switch rng.below(10) {
      case 0, 1: input = Mutator.bytes(try Self.zip(parts), &rng)
      case 2, 3, 4:
        let target = rng.below(parts.count)
        parts[target].data = Mutator.bytes(parts[target].data, &rng)
        input = try Self.zip(parts)
      default:
        // Cells given other values, the XML left whole: text in the shared strings, numbers
        // (amounts, dates) in the sheet.
        let strings = parts.firstIndex { $0.path.hasSuffix("sharedStrings.xml") }!
        let sheet = parts.firstIndex { $0.path.hasSuffix("sheet1.xml") }!
        for _ in 0..<(1 + rng.below(3)) {
          if rng.chance(0.6) {
            let text = Mutator.strings[rng.below(Mutator.strings.count)]
            parts[strings].data = Self.replaceValue(
              in: parts[strings].data, tag: "t", with: text, &rng)
          } else {
            let number = Mutator.numbers[rng.below(Mutator.numbers.count)]
            parts[sheet].data = Self.replaceValue(
              in: parts[sheet].data, tag: "v", with: String(number), &rng)
          }
        }
        input = try Self.zip(parts)
      }
      let started = Date()
      defer {
        let spent = Date().timeIntervalSince(started)
        if spent > FuzzTests.budgetSeconds {
          Issue.record("workbook input \(index) took \(spent) s")
        }
      }
      let book: MemberWorkbookFile
      do {
        book = try MemberWorkbook.read(input)
      } catch {
        counts.refused += 1
        let message = error.message(.en, file: "members.xlsx")
        if message.contains("\n")
          || !message.hasPrefix("members.xlsx") && !message.hasPrefix("Sheet ")
        {
          Issue.record("workbook input \(index): \(message)")
        }
        continue
      }
      let before = try temp.workspace.memberCount(MemberQuery())
      do {
        let result = try temp.workspace.importMembers(book.members, clusterName: "퍼징")
        counts.imported += 1
        counts.members += result.added
      } catch let error as ValidationError {
        counts.rejected += 1
        for field in MemberWorkbook.locate(error.errors, header: book.members.header)
        where field.line == nil {
          Issue.record("workbook input \(index): \(field.message(.en)) names no row")
        }
        #expect(try temp.workspace.memberCount(MemberQuery()) == before)
      } catch {
        Issue.record("workbook input \(index): import failed without naming the row: \(error)")
        FuzzTests.keep(input, "workbook-\(index).xlsx")
      }
      if counts.members > 300 {
        #expect(try temp.workspace.integrityProblems() == [])
        temp = try TemporaryWorkspace()
        counts.members = 0
      }
    }
    #expect(counts.imported > 0 && counts.rejected > 0 && counts.refused > 0)
    FuzzTests.record(
      "fuzz xlsx: \(inputs) inputs, \(counts.refused) refused with one sentence, "
        + "\(counts.rejected) rejected with every cell, \(counts.imported) imported, no crash")
  }
}

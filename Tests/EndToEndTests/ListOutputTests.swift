import Foundation
import Testing

/// Every list command, in every format and both languages, prints the sample office's rows byte
/// for byte as `Golden/lists/` keeps them: the lists stream their rows, and streaming must not
/// change a byte. `UPDATE_GOLDEN=1` writes the files instead.
@Suite struct ListOutputTests {
  static let lists: [(name: String, arguments: [String])] = [
    ("members", ["members", "list"]),
    ("members-directory-book", ["members", "list", "--directory-book", "missing"]),
    ("visits", ["visits", "list"]),
    ("visits-all", ["visits", "list", "--from", "2000-01-01"]),
    ("visits-follow-ups", ["visits", "list", "--follow-ups"]),
    ("requests", ["requests", "list"]),
    ("requests-pending", ["requests", "list", "--status", "pending"]),
    ("meetings", ["meetings", "list"]),
    ("programs", ["programs", "list"]),
    ("experts", ["experts", "list"]),
    ("mentoring", ["mentoring", "list"]),
    ("mentoring-without-mentor", ["mentoring", "list", "--without-mentor"]),
    ("sigs", ["sigs", "list"]),
    ("sigs-uncovered", ["sigs", "list", "--uncovered"]),
  ]

  /// The languages each format is checked in: a CSV for Excel differs only by its first bytes.
  static let formats: [(name: String, arguments: [String], languages: [String])] = [
    ("table", [], ["en", "ko"]), ("csv", ["--format", "csv"], ["en", "ko"]),
    ("json", ["--format", "json"], ["en", "ko"]),
    ("excel.csv", ["--format", "csv", "--excel"], ["en"]),
  ]

  static let golden = Binary.packageRoot.appendingPathComponent(
    "Tests/EndToEndTests/Golden/lists")

  @Test func everyListPrintsTheSameBytes() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let imported = try cli.run(["import", AttackTests.sample.path])
    #expect(imported.status == 0, "\(imported.stderr)")
    let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
    if update {
      try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
    }
    for (list, arguments) in Self.lists {
      for (format, options, languages) in Self.formats {
        for language in languages {
          let result = try cli.run(
            arguments + options, environment: ["CLUSTERDESK_LANG": language])
          #expect(result.status == 0, "\(list) \(format) \(language): \(result.stderr)")
          let file = Self.golden.appendingPathComponent("\(list).\(language).\(format)")
          if update {
            try result.stdoutData.write(to: file)
            continue
          }
          let expected = try Data(contentsOf: file)
          #expect(
            result.stdoutData == expected,
            "\(list) \(format) \(language) differs from \(file.lastPathComponent):\n\(result.stdout)"
          )
        }
      }
    }
  }

  /// A table written to --output is the table printed; a list that matches nothing still
  /// prints its header.
  @Test func aTableToAFileAndAnEmptyList() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["import", AttackTests.sample.path]).status == 0)
    let printed = try cli.run(["visits", "list", "--from", "2000-01-01"])
    let written = try cli.run(["visits", "list", "--from", "2000-01-01", "--output", "v.txt"])
    #expect(written.status == 0, "\(written.stderr)")
    #expect(try Data(contentsOf: cli.file("v.txt")) == printed.stdoutData)
    let none = try cli.run(["visits", "list", "--from", "1990-01-01", "--to", "1990-01-02"])
    #expect(none.status == 0)
    #expect(
      none.stdout
        == "#  Date  Member  Purpose  Visitor  Difficulties  Follow-ups\n─  ────  ──────  ───────  ───────  ────────────  ──────────\n"
    )
    let json = try cli.run([
      "visits", "list", "--from", "1990-01-01", "--to", "1990-01-02", "--format", "json",
    ])
    #expect(json.stdout == "[\n\n]\n" || json.stdout == "[]\n")
  }
}

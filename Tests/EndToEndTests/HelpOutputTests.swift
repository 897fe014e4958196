import Foundation
import Testing

/// `clusterdesk help` and the `--help` of every command and subcommand print, in both
/// languages, the bytes `Golden/help/` keeps: the commands' names are spelled out in their
/// configurations, and a name or a help text that changes shows here. `UPDATE_GOLDEN=1` writes
/// the files instead.
@Suite struct HelpOutputTests {
  static let golden = Binary.packageRoot.appendingPathComponent("Tests/EndToEndTests/Golden/help")

  /// Every command's path, from the tree ArgumentParser describes.
  static func commandPaths(_ cli: Binary) throws -> [[String]] {
    let dump = try cli.run(["--experimental-dump-help"])
    #expect(dump.status == 0, "\(dump.stderr)")
    struct Command: Decodable {
      var commandName: String
      var subcommands: [Command]?
    }
    struct Tool: Decodable { var command: Command }
    let root = try JSONDecoder().decode(Tool.self, from: dump.stdoutData).command
    func paths(_ command: Command, _ path: [String]) -> [[String]] {
      [path] + (command.subcommands ?? []).flatMap { paths($0, path + [$0.commandName]) }
    }
    return paths(root, [])
  }

  @Test func everyHelpPrintsTheSameBytes() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let paths = try Self.commandPaths(cli)
    #expect(paths.count > 80)
    let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
    if update {
      try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
    }
    for language in ["en", "ko"] {
      var printed = ""
      for arguments in [["help"]] + paths.map({ $0 + ["--help"] }) {
        // The default workspace path is part of the help; it is fixed here.
        let result = try cli.run(
          arguments,
          environment: ["CLUSTERDESK_LANG": language, "XDG_DATA_HOME": "/data", "COLUMNS": "80"])
        #expect(result.status == 0, "\(arguments) \(language): \(result.stderr)")
        printed += "$ clusterdesk \(arguments.joined(separator: " "))\n\(result.stdout)\n"
      }
      let file = Self.golden.appendingPathComponent("help.\(language).txt")
      if update {
        try Data(printed.utf8).write(to: file)
        continue
      }
      let expected = try String(contentsOf: file, encoding: .utf8)
      #expect(printed == expected, "the help in \(language) differs from \(file.lastPathComponent)")
    }
  }
}

import Foundation

/// Headless Chromium and poppler's pdftotext, to print a document as a browser does and read
/// the pages back. Tests that need them are skipped, with a message, where they are missing.
enum Chromium {
  static let names = [
    "chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "headless_shell",
  ]

  /// `$CLUSTERDESK_CHROMIUM`, else the first of `names` on the PATH.
  static let path: String? = {
    let environment = ProcessInfo.processInfo.environment
    if let chosen = environment["CLUSTERDESK_CHROMIUM"], !chosen.isEmpty { return chosen }
    return find(names)
  }()

  static let pdftotext = find(["pdftotext"])

  static let available = path != nil && pdftotext != nil

  static let missing =
    "headless Chromium or pdftotext is not installed (apt-get install chromium-headless-shell poppler-utils fonts-nanum)"

  static func find(_ names: [String]) -> String? {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(
      separator: ":")
    for name in names {
      for folder in folders {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }

  /// Prints an HTML file to a PDF as the browser's Print does (without the browser's own header
  /// and footer, which print CSS replaces).
  static func printToPDF(_ html: URL, _ pdf: URL) throws {
    let result = try run(
      path!,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
        "--print-to-pdf=\(pdf.path)", html.absoluteString,
      ])
    guard FileManager.default.fileExists(atPath: pdf.path) else {
      throw Failure(message: "Chromium wrote no PDF: \(result)")
    }
  }

  /// The text of each page.
  static func pages(_ pdf: URL) throws -> [String] {
    let text = try run(pdftotext!, ["-layout", pdf.path, "-"])
    var pages = text.components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true {
      pages.removeLast()
    }
    return pages
  }

  struct Failure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  /// Runs a program, its output in a file (a large one never blocks it), and returns it.
  private static func run(_ program: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "chromium-\(UUID().uuidString).out")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: out) }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return String(decoding: try Data(contentsOf: out), as: UTF8.self)
  }
}

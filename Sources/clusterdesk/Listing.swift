import ArgumentParser
import ClusterKit
import Foundation
import TerminalKit

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json
}

struct OutputOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      language.pick("table (aligned, default), csv or json.", "table(표, 기본값), csv 또는 json.")))
  var format: OutputFormat = .table

  @Flag(
    name: .long,
    help: ArgumentHelp(
      language.pick(
        "With --format csv: UTF-8 with a byte-order mark, so Korean Excel opens it correctly.",
        "--format csv와 함께: 한글 엑셀에서 깨지지 않도록 BOM이 붙은 UTF-8로 씁니다.")))
  var excel = false
}

/// A list ready to print: column keys (for JSON), titles (for tables and CSV), rows of text.
struct Listing {
  struct Column {
    var key: String
    var title: String
    var alignRight = false
  }
  var columns: [Column]
  var rows: [[String]]

  func print(_ options: OutputOptions) {
    switch options.format {
    case .table: clusterdesk.print(table(), terminator: "")
    case .csv:
      writeStandardOutput(
        CSVWriter.encode(header: columns.map(\.title), rows: rows, bom: options.excel))
    case .json:
      let objects = rows.map { row in
        Dictionary(uniqueKeysWithValues: zip(columns.map(\.key), row))
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      var data = (try? encoder.encode(objects)) ?? Data("[]".utf8)
      data.append(0x0A)
      writeStandardOutput(data)
    }
  }

  /// Columns aligned by display width, so Hangul (two columns each) lines up.
  func table() -> String {
    var widths = columns.map { DisplayWidth.of($0.title) }
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], DisplayWidth.of(cell))
      }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        DisplayWidth.pad(cell, to: widths[index], align: columns[index].alignRight ? .right : .left)
      }.joined(separator: "  ").replacingOccurrences(
        of: "\\s+$", with: "", options: .regularExpression)
    }
    var out = line(columns.map(\.title)) + "\n"
    out += line(widths.map { String(repeating: "─", count: $0) }) + "\n"
    for row in rows { out += line(row) + "\n" }
    return out
  }
}

/// Writes data to a file created owner-only, or to standard output.
func writeOutput(_ data: Data, to path: String?) throws {
  guard let path else {
    writeStandardOutput(data)
    return
  }
  func failure(_ reason: String) -> CommandError {
    CommandError("Cannot write \(path): \(reason).", "\(path)에 쓸 수 없습니다: \(reason).")
  }
  var info = stat()
  let exists = stat(path, &info) == 0
  // A device or pipe (/dev/stdout, a FIFO) is written in place.
  if exists && (info.st_mode & S_IFMT) != S_IFREG {
    let fd = open(path, O_WRONLY)
    guard fd >= 0 else { throw failure(String(cString: strerror(errno))) }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    do { try handle.write(contentsOf: data) } catch { throw failure("\(error)") }
    return
  }
  // A file is written beside its place, owner-only, and renamed over it: an export that
  // replaces an older one (even one readable by others) ends up 0600, and a failed write (a
  // full disk) leaves the older one whole instead of cut off.
  let temporary = path + ".\(getpid()).partial"
  let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY, 0o600)
  guard fd >= 0 else { throw failure(String(cString: strerror(errno))) }
  let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
  do {
    try handle.write(contentsOf: data)
    try handle.synchronize()
    try handle.close()
  } catch {
    unlink(temporary)
    throw failure("\(error)")
  }
  guard rename(temporary, path) == 0 else {
    let reason = String(cString: strerror(errno))
    unlink(temporary)
    throw failure(reason)
  }
}

extension Optional where Wrapped == Day {
  var text: String { self?.description ?? "" }
}

func percent(_ rate: Double?) -> String {
  rate.map { String(format: "%.0f%%", $0 * 100) } ?? "–"
}

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
    case .table: Swift.print(table(), terminator: "")
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

extension Optional where Wrapped == Day {
  var text: String { self?.description ?? "" }
}

func percent(_ rate: Double?) -> String {
  rate.map { String(format: "%.0f%%", $0 * 100) } ?? "–"
}

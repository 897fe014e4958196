import ArgumentParser
import ClusterKit
import Foundation
import TerminalKit
import Workbook

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: language.pick(
      "The year's figures for the annual report (실적보고): members, meetings, supports, visits, mentoring, SIGs and the directory book; as text, JSON or an Excel workbook.",
      "연간 실적보고용 수치: 회원, 회의, 지원, 방문, 멘토링, SIG, 디렉토리북. 텍스트, JSON 또는 엑셀 통합 문서로."),
    discussion: language.pick(
      "--format xlsx --output FILE.xlsx writes one sheet per part of the report, titled with the office and the year: amounts are numbers in the won format, participation rates are percentages. CSV cannot hold a report's several tables.",
      "--format xlsx --output FILE.xlsx는 보고서의 부분마다 사무국 이름과 연도를 제목으로 단 시트를 하나씩 씁니다. 금액은 원 서식의 숫자, 참석률은 백분율입니다. 표가 여러 개인 보고서는 CSV로 쓸 수 없습니다."
    ))

  @OptionGroup var location: WorkspaceLocation
  @OptionGroup var output: OutputOptions
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      language.pick("The year, 2000–2100 (default: this year).", "연도, 2000–2100 (기본값: 올해).")))
  var year: String?
  @OptionGroup var document: DocumentLanguage

  func run() throws {
    try reporting {
      if output.format == .csv {
        throw CommandError(
          "The annual report has several tables, which one CSV file cannot hold; use --format xlsx --output FILE.xlsx or --format json.",
          "실적보고는 표가 여러 개라 CSV 파일 하나에 담을 수 없으니 --format xlsx --output FILE.xlsx나 --format json을 쓰세요."
        )
      }
      let workbook = output.format == .xlsx ? try output.requireWorkbookFile() : nil
      let year = try year.map { try SupportInput.year($0) } ?? today.year
      let l = try document.resolved()
      let workspace = try location.open()
      if let path = output.output { try refuseDatabase(path, workspace: workspace) }
      let report = try workspace.annualReport(year: year, today: today)
      let doc = report.document(l)
      switch output.format {
      case .table, .csv: try output.emit(Data(ReportText.render(doc).utf8), workspace: workspace)
      case .json: try output.emit(ReportJSON.encode(doc, year: year), workspace: workspace)
      case .xlsx:
        try output.emitWorkbook(
          workbookData(try doc.workbook(measure: DisplayWidth.of)), workspace: workspace)
      }
      if let workbook {
        saidWritten(
          workbook,
          language.pick(
            "Wrote the annual report \(year) to \(workbook).",
            "\(year)년 실적보고를 \(workbook)에 썼습니다."))
      }
    }
  }
}

/// The language a document is written in: the interface's unless `--language` says otherwise
/// (a Korean office may want an English copy, or the reverse). Messages stay in the
/// interface's language.
struct DocumentLanguage: ParsableArguments {
  @Option(
    name: .customLong("language"),
    help: ArgumentHelp(
      language.pick(
        "The language of the document: ko or en (default: the interface's).",
        "문서의 언어: ko 또는 en (기본값: 화면 언어).")))
  var chosen: String?

  func resolved() throws -> Language {
    guard let chosen else { return language }
    switch chosen.trimmingCharacters(in: .whitespaces).lowercased() {
    case "ko", "korean", "한국어": return .ko
    case "en", "english", "영어": return .en
    default:
      throw CommandError(
        "--language must be ko or en (got \"\(chosen)\").",
        "--language에는 ko나 en을 주세요 (입력값 \"\(chosen)\").")
    }
  }
}

/// The report as text: each section under its heading, each table's columns as wide as their
/// widest cell (numbers on the right), tables of a few figures as their sentences.
enum ReportText {
  static func render(_ document: ReportDocument) -> String {
    var out = document.title + "\n"
    for section in document.sections {
      out += "\n" + section.title + "\n"
      for block in section.blocks {
        switch block {
        case .note(let text): out += "  " + text + "\n"
        case .table(let table):
          if let lines = table.lines {
            for line in lines { out += "  " + line + "\n" }
          } else {
            out += rows(table)
          }
        }
      }
    }
    return out
  }

  private static func rows(_ table: ReportTable) -> String {
    let cells = [table.columns.map(\.title)] + table.rows.map { $0.map { $0.text(.table) } }
    var widths = table.columns.map { _ in 0 }
    for row in cells {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], DisplayWidth.of(cell))
      }
    }
    // A column of numbers lines up on the right, its title too.
    let right = table.columns.indices.map { index in
      table.rows.contains { index < $0.count && $0[index].isNumeric }
    }
    return cells.map { row in
      "  "
        + row.enumerated().map { index, cell in
          DisplayWidth.pad(cell, to: widths[index], align: right[index] ? .right : .left)
        }.joined(separator: "  ").replacingOccurrences(
          of: "\\s+$", with: "", options: .regularExpression) + "\n"
    }.joined()
  }
}

/// The report as JSON: its sections, each table's columns and its rows as objects keyed by
/// column; counts and amounts in won are numbers, shares are fractions (0.83), and a table
/// printed as sentences carries them as `text`.
enum ReportJSON {
  static func encode(_ document: ReportDocument, year: Int) -> Data {
    func json(_ value: TableValue) -> Any {
      switch value {
      case .text(let text), .instant(let text): return text
      case .number(let number): return number.map { $0 as Any } ?? NSNull()
      case .won(let amount): return amount.map { $0 as Any } ?? NSNull()
      case .date(let day): return day.map { $0.description as Any } ?? NSNull()
      case .percent(let rate): return rate.map { $0 as Any } ?? NSNull()
      }
    }
    let sections: [[String: Any]] = document.sections.map { section in
      var tables: [[String: Any]] = []
      var notes: [String] = []
      for block in section.blocks {
        switch block {
        case .note(let text): notes.append(text)
        case .table(let table):
          var object: [String: Any] = [
            "key": table.key,
            "columns": table.columns.map { ["key": $0.key, "title": $0.title] },
            "rows": table.rows.map { row in
              Dictionary(
                uniqueKeysWithValues: zip(table.columns.map(\.key), row.map(json)))
            },
          ]
          if let lines = table.lines { object["text"] = lines }
          if table.totalRows > 0 { object["totalRows"] = table.totalRows }
          tables.append(object)
        }
      }
      var object: [String: Any] = [
        "key": section.key, "title": section.title, "tables": tables,
      ]
      if !notes.isEmpty { object["notes"] = notes }
      return object
    }
    let root: [String: Any] = ["title": document.title, "year": year, "sections": sections]
    var data =
      (try? JSONSerialization.data(
        withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
      ?? Data("{}".utf8)
    data.append(0x0A)
    return data
  }
}

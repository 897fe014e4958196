import Foundation
import Workbook

extension ReportDocument {
  /// One sheet for each run of sections that share a sheet: the report's title (office and
  /// year) in bold on the first row, then each section's title, and each of its tables with a
  /// bold header and bold totals. Rows down to the first table's header stay in view.
  /// `measure` is the display width columns are fitted by (two for a Hangul syllable).
  public func sheets(measure: (String) -> Int) -> [Sheet] {
    var groups: [(name: String, sections: [ReportSection])] = []
    for section in sections {
      if groups.last?.name == section.sheet {
        groups[groups.count - 1].sections.append(section)
      } else {
        groups.append((section.sheet, [section]))
      }
    }
    return groups.map { group in
      var rows: [[CellValue]] = [[.text(title)], []]
      var bold: Set<Int> = [0]
      // Titles are left out when the columns are fitted: they may run across the empty cells
      // to their right.
      var titles: Set<Int> = [0]
      var frozen = 0
      for section in group.sections {
        if rows.last?.isEmpty == false { rows.append([]) }
        titles.insert(rows.count)
        bold.insert(rows.count)
        rows.append([.text(section.title)])
        for (index, block) in section.blocks.enumerated() {
          switch block {
          case .note(let text):
            titles.insert(rows.count)
            rows.append([.text(text)])
          case .table(let table):
            // A blank row between two tables of a section.
            if index > 0 { rows.append([]) }
            bold.insert(rows.count)
            rows.append(table.columns.map { .text($0.title) })
            if frozen == 0 { frozen = rows.count }
            for (index, row) in table.rows.enumerated() {
              if index >= table.rows.count - table.totalRows { bold.insert(rows.count) }
              rows.append(row.map(\.cell))
            }
          }
        }
      }
      var measured = Sheet(
        name: group.name,
        rows: rows.enumerated().map { titles.contains($0.offset) ? [] : $0.element })
      measured.fitColumns(measure: measure)
      var sheet = Sheet(name: group.name, rows: rows)
      sheet.boldRows = bold
      sheet.frozenRows = frozen
      sheet.columnWidths = measured.columnWidths
      return sheet
    }
  }

  /// The report as workbook bytes.
  public func workbook(measure: (String) -> Int) throws(WorkbookWriteError) -> Data {
    try WorkbookWriter.data(sheets(measure: measure))
  }
}

/// The annual report as a workbook file, for `report --format xlsx` and the dashboard.
public enum AnnualReportWorkbook {
  /// `실적보고-2026.xlsx`, `annual-report-2026.xlsx`.
  public static func fileName(year: Int, _ language: Language) -> String {
    language.pick("annual-report-\(year).xlsx", "실적보고-\(year).xlsx")
  }

  /// Where the dashboard puts the workbook when nobody names a file: beside the workspace.
  public static func defaultPath(for workspace: Workspace, year: Int, _ language: Language)
    -> String
  {
    ((workspace.path as NSString).deletingLastPathComponent as NSString)
      .appendingPathComponent(fileName(year: year, language))
  }

  /// Writes the report of `year` as a workbook to `path` (owner-only, beside its place and
  /// renamed in, never over the workspace or another database) and returns the full path it
  /// was written to, to say where. Throws `OutputRefusal`, `FileProblem`, a
  /// `WorkbookWriteError` or the workspace's errors, each with a message in both languages.
  @discardableResult
  public static func write(
    _ workspace: Workspace, year: Int, today: Day, language: Language, to path: String,
    measure: (String) -> Int
  ) throws -> String {
    let report = try workspace.annualReport(year: year, today: today)
    let data = try report.document(language).workbook(measure: measure)
    try OutputFile.write(data, to: path, workspacePath: workspace.path)
    return URL(fileURLWithPath: path).standardizedFileURL.path
  }
}

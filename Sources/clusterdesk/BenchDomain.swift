import ArgumentParser
import ClusterKit
import Foundation
import TerminalKit
import Workbook

/// Domain timings without a terminal, for `scripts/benchmark`: the same Workspace calls the
/// dashboard and the subcommands make, timed in-process on an existing workspace. Each line is
/// `name<TAB>median ms<TAB>max ms<TAB>runs`.
struct BenchDomain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-domain",
    abstract:
      "Time the workspace's queries, report, the report workbook and the directory book, CSV import, xlsx export/import, JSON export/import and a JSON workspace's open and save (for scripts/benchmark).",
    shouldDisplay: false)

  @OptionGroup var location: WorkspaceLocation
  @Option(help: "Runs of each fast query.") var runs: Int = 9
  @Option(help: "Runs of each slow job (CSV and xlsx import, xlsx and JSON export, JSON import).")
  var slowRuns: Int = 3
  @Option(help: "A folder for the temporary files (default: the workspace's folder).") var scratch:
    String?
  @Option(help: "Only the timings whose name contains this text.") var only: String?

  func run() throws {
    try reporting {
      let workspace = try location.open()
      let folder = scratch ?? (workspace.path as NSString).deletingLastPathComponent
      let year = today.year
      // A member in the middle of the directory, searched by name and by its initials.
      let middle = try workspace.memberRows(MemberQuery(), offset: 10_000, limit: 1).first
      let name = middle.map { KoreanText.nameKey($0.name) } ?? "테크"
      let initials = KoreanText.initials(name)
      func time(_ label: String, runs: Int, _ body: () throws -> Void) rethrows {
        if let only, !label.contains(only) { return }
        var samples: [Double] = []
        for _ in 0..<runs {
          let start = DispatchTime.now().uptimeNanoseconds
          try body()
          samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        samples.sort()
        print(
          "\(label)\t\(String(format: "%.2f", samples[samples.count / 2]))\t\(String(format: "%.2f", samples.last!))\t\(runs)"
        )
      }
      try time("member window (count + 40 rows)", runs: runs) {
        _ = try workspace.memberCount(MemberQuery())
        _ = try workspace.memberRows(MemberQuery(), offset: 0, limit: 40)
      }
      try time("member window, page 250 (count + 40 rows)", runs: runs) {
        _ = try workspace.memberCount(MemberQuery())
        _ = try workspace.memberRows(MemberQuery(), offset: 10_000, limit: 40)
      }
      try time("member search by name '\(name)' (count + 40 rows)", runs: runs) {
        let query = MemberQuery(search: name)
        _ = try workspace.memberCount(query)
        _ = try workspace.memberRows(query, offset: 0, limit: 40)
      }
      try time("초성 search '\(initials)' (count + 40 rows)", runs: runs) {
        let query = MemberQuery(search: initials)
        _ = try workspace.memberCount(query)
        _ = try workspace.memberRows(query, offset: 0, limit: 40)
      }
      try time("member detail", runs: runs) {
        if let id = middle?.id { _ = try workspace.memberDetail(id: id) }
      }
      try time("due for a visit (first 50)", runs: runs) {
        _ = try workspace.dueForVisit(today: today, limit: 50)
      }
      try time("open follow-ups (first 50)", runs: runs) {
        _ = try workspace.openFollowUps(limit: 50)
      }
      try time("visits of the last 4 weeks (200 newest)", runs: runs) {
        let monday = today.startOfWeek
        _ = try workspace.visits(
          from: monday.adding(days: -21), through: monday.adding(days: 6), limit: 200)
      }
      for word in ["인력", "연구인력"] {
        try time("visit full-text search '\(word)' (200 newest)", runs: runs) {
          _ = try workspace.searchVisits(word)
        }
      }
      try time("report for \(year)", runs: runs) {
        _ = try workspace.annualReport(year: year, today: today)
      }
      // The overview's reads, each as after a write (nothing remembered).
      try time("overview: the year's figures (kept)", runs: runs) {
        _ = try workspace.yearFigures(year: year, today: today)
      }
      try time("overview: members per division (kept)", runs: runs) {
        _ = try workspace.memberCountsByDivision()
      }
      try time("overview: visits per week (26)", runs: runs) {
        _ = try workspace.visitsPerWeek(endingAt: today, weeks: 26)
      }
      try time("overview: open follow-ups (20) and the overdue count", runs: runs) {
        _ = try workspace.openFollowUps(limit: 20)
        _ = try workspace.followUpCounts(today: today)
      }
      try time("overview: the 5 requests waiting longest", runs: runs) {
        _ = try workspace.requestRows(RequestFilter(status: .pending), offset: 0, limit: 5)
      }
      try time("overview: due for a visit (10)", runs: runs) {
        _ = try workspace.dueForVisit(today: today, limit: 10)
      }
      try time("programs: a year's programs with their figures", runs: runs) {
        _ = try workspace.programFigures(year: year)
      }
      if let largest = try workspace.programFigures(year: year).max(by: {
        $0.requestCount < $1.requestCount
      }) {
        try time("programs: open the program with the most requests", runs: runs) {
          _ = try workspace.programDetail(id: largest.program.id)
        }
      }

      // What a mentoring and SIG screen reads: windows of 40 rows with their counts.
      try time("companies without a mentor (count + 40 rows)", runs: runs) {
        _ = try workspace.memberCount(.companiesWithoutMentor())
        _ = try workspace.memberRows(.companiesWithoutMentor(), offset: 0, limit: 40)
      }
      let cluster = try workspace.clusters().first?.id
      try time("companies without a mentor in one cluster (count + 40 rows)", runs: runs) {
        _ = try workspace.memberCount(.companiesWithoutMentor(clusterId: cluster))
        _ = try workspace.memberRows(
          .companiesWithoutMentor(clusterId: cluster), offset: 0, limit: 40)
      }
      try time("experts with their load (count + 40 rows)", runs: runs) {
        _ = try workspace.expertCount()
        _ = try workspace.expertRows(offset: 0, limit: 40)
      }
      try time("experts with room (count + 40 rows)", runs: runs) {
        _ = try workspace.expertCount(ExpertQuery(withRoom: true))
        _ = try workspace.expertRows(ExpertQuery(withRoom: true), offset: 0, limit: 40)
      }
      try time("SIGs with members and tasks (count + 40 rows) and coverage", runs: runs) {
        _ = try workspace.sigCount()
        _ = try workspace.sigRows(offset: 0, limit: 40)
        _ = try workspace.sigCoverage()
      }
      let firstSIG = try workspace.sigRows(limit: 1).first?.id
      try time("SIG detail", runs: runs) {
        if let firstSIG { _ = try workspace.sigDetail(id: firstSIG) }
      }
      let company = try workspace.memberRows(.companiesWithoutMentor(), offset: 0, limit: 1).first
      try time("mentor suggestions for a company (5)", runs: runs) {
        if let company { _ = try workspace.mentorSuggestions(memberId: company.id, today: today) }
      }
      let book = DirectoryBookQuery(
        edition: try workspace.directoryEdition(today: today), state: .missing)
      try time("directory book: members missing (count + 40 rows)", runs: runs) {
        _ = try workspace.memberCount(MemberQuery(directoryBook: book))
        _ = try workspace.memberRows(MemberQuery(directoryBook: book), offset: 0, limit: 40)
      }

      // The documents handed over: the annual report as a workbook, and the directory book as
      // HTML and as a workbook, each read, made and written as the commands do.
      let documentPath = (folder as NSString).appendingPathComponent("bench-document")
      try time(
        "annual report workbook for \(year) (figures, tables, sheets, zip, write)", runs: runs
      ) {
        try AnnualReportWorkbook.write(
          workspace, year: year, today: today, language: .ko, to: documentPath + ".xlsx",
          measure: DisplayWidth.of)
      }
      let edition = try workspace.directoryEdition(today: today)
      for everyone in [false, true] {
        let label = everyone ? "every current member" : "the submitted members"
        try time("directory book \(edition), \(label), HTML (read, render, write)", runs: slowRuns)
        {
          let book = try workspace.directoryBookContents(
            edition: edition, everyone: everyone, changesSince: edition - 1)
          let html = DirectoryBookHTML.render(
            book, .init(language: .ko, unmask: false, printed: today))
          try writeOutput(Data(html.utf8), to: documentPath + ".html", workspace: workspace)
        }
      }
      try time(
        "directory book \(edition), every current member, xlsx (read, sheets, zip, write)",
        runs: slowRuns
      ) {
        let book = try workspace.directoryBookContents(
          edition: edition, everyone: true, changesSince: nil)
        try writeOutput(
          try book.sheets(.ko, unmask: false).fittedWorkbook(), to: documentPath + ".xlsx",
          workspace: workspace)
      }
      for suffix in [".xlsx", ".html"] {
        try? FileManager.default.removeItem(atPath: documentPath + suffix)
      }

      // CSV import of 20,000 members: every member's fields, names made unique where two
      // clusters share one (the import puts them all in one cluster).
      let csvPath = (folder as NSString).appendingPathComponent("bench-members.csv")
      let scratchWorkspace = (folder as NSString).appendingPathComponent(
        "bench-scratch.clusterdesk")
      func removeScratch() {
        for suffix in ["", "-wal", "-shm"] {
          try? FileManager.default.removeItem(atPath: scratchWorkspace + suffix)
        }
      }
      func uniqueMembers() throws -> [(member: Member, divisionName: String?)] {
        var seen: Set<String> = []
        var rows: [(member: Member, divisionName: String?)] = []
        for (index, row) in try workspace.membersForExport().enumerated() where rows.count < 20_000
        {
          var member = row.member
          if !seen.insert(KoreanText.nameKey(member.name)).inserted {
            member.name += " \(index)"
            seen.insert(KoreanText.nameKey(member.name))
          }
          rows.append((member, row.division))
        }
        return rows
      }
      if only == nil || "CSV import".contains(only!) {
        let rows = try uniqueMembers()
        try MemberCSV.encode(rows, language: .ko, bom: true).write(
          to: URL(fileURLWithPath: csvPath))
        try time("CSV import of \(rows.count) members (read, check, write)", runs: slowRuns) {
          removeScratch()
          let target = try Workspace.create(at: scratchWorkspace, office: Office(name: "벤치마크"))
          let file = try MemberCSV.read(try Data(contentsOf: URL(fileURLWithPath: csvPath)))
          _ = try target.importMembers(file, clusterName: "전국")
        }
        removeScratch()
        try? FileManager.default.removeItem(atPath: csvPath)
      }

      // The same members as an Excel workbook: written as `members list --format xlsx` writes
      // it, and read and imported as `import FILE.xlsx` does.
      let xlsxPath = (folder as NSString).appendingPathComponent("bench-members.xlsx")
      if only == nil
        || ["xlsx export", "xlsx read", "xlsx import"].contains(where: { $0.contains(only!) })
      {
        let rows = try uniqueMembers()
        let url = URL(fileURLWithPath: xlsxPath)
        // Written once beforehand too, so that reading can be timed alone (--only "xlsx read").
        try MemberWorkbook.sheet(rows, language: .ko).fittedWorkbook().write(to: url)
        try time(
          "xlsx export of \(rows.count) members (sheet, column widths, zip, write)", runs: slowRuns
        ) {
          try MemberWorkbook.sheet(rows, language: .ko).fittedWorkbook().write(to: url)
        }
        try time("xlsx read of \(rows.count) members (unzip, parse, check)", runs: slowRuns) {
          let book = try MemberWorkbook.read(try Data(contentsOf: url))
          guard book.members.isValid, book.members.rows.count == rows.count else {
            throw CommandError(
              "The benchmark workbook did not read back.", "벤치마크 통합 문서를 다시 읽지 못했습니다.")
          }
        }
        try time("xlsx import of \(rows.count) members (read, check, write)", runs: slowRuns) {
          removeScratch()
          let target = try Workspace.create(at: scratchWorkspace, office: Office(name: "벤치마크"))
          let book = try MemberWorkbook.read(try Data(contentsOf: url))
          _ = try target.importMembers(book.members, clusterName: "전국")
        }
        removeScratch()
        try? FileManager.default.removeItem(atPath: xlsxPath)
      }

      let jsonPath = (folder as NSString).appendingPathComponent("bench-export.json")
      if only == nil || "JSON export".contains(only!) || "JSON import".contains(only!) {
        try time("JSON export of the whole workspace (read, encode, write)", runs: slowRuns) {
          try workspace.exportDocument().encoded().write(to: URL(fileURLWithPath: jsonPath))
        }
        try time("JSON import of the whole workspace (read, decode, check, write)", runs: slowRuns)
        {
          removeScratch()
          let target = try Workspace(path: scratchWorkspace, create: true)
          let document = try WorkspaceDocument.decode(
            try Data(contentsOf: URL(fileURLWithPath: jsonPath)))
          try target.importDocument(document)
        }
        removeScratch()
        try? FileManager.default.removeItem(atPath: jsonPath)
      }

      // The workspace kept as a JSON file: opened as every command opens it, and one change
      // saved as every change is (export, encode, write beside, flush, rename); beside it the same
      // change to the SQLite workspace. A workspace smaller than the size from which the commands
      // advise SQLite is also measured padded to that size, to show the advice is due there.
      if only == nil || "JSON workspace".contains(only!) {
        let document = try workspace.exportDocument()
        let size = try timeJSONWorkspace(document, label: "", in: folder, time)
        let original = try workspace.office()
        var office = original
        var turn = 0
        try time("JSON workspace's change saved to the SQLite workspace instead", runs: slowRuns) {
          turn += 1
          office.name = "\(original.name) \(turn)"
          try workspace.updateOffice(office)
        }
        try workspace.updateOffice(original)
        if size < Workspace.largeJSONSize {
          let megabytes = Workspace.largeJSONSize / 1_000_000
          try timeJSONWorkspace(
            try Self.padded(document, to: Workspace.largeJSONSize),
            label: " at the advice size (\(megabytes) MB)", in: folder, time)
        }
      }
    }
  }

  /// Times opening a JSON workspace holding `document` and saving one change to it, then prints
  /// the advice the commands show for it (a line `advice`, its size in bytes, and the advice or
  /// `-` when there is none). Returns the size of the file.
  @discardableResult
  private func timeJSONWorkspace(
    _ document: WorkspaceDocument, label: String, in folder: String,
    _ time: (String, Int, () throws -> Void) throws -> Void
  ) throws -> Int {
    let path = (folder as NSString).appendingPathComponent("bench-workspace.json")
    try? FileManager.default.removeItem(atPath: path)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var opened = try Workspace.create(at: path) { try $0.importDocument(document) }
    try time("JSON workspace\(label): open, no cache (read, decode, check, load, cache)", slowRuns)
    {
      Workspace.removeJSONCache(of: path)
      opened = try Workspace(path: path)
    }
    try time("JSON workspace\(label): open from the cache (read, hash, copy)", slowRuns) {
      opened = try Workspace(path: path)
    }
    var office = document.office
    var turn = 0
    try time(
      "JSON workspace\(label): save one change (export, encode, write, rename, cache)", slowRuns
    ) {
      turn += 1
      office.name = "\(document.office.name) \(turn)"
      try opened.updateOffice(office)
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    Workspace.removeJSONCache(of: path)
    print("advice\tJSON workspace\(label)\t\(size)\t\(opened.storageAdvice(.en) ?? "-")")
    return size
  }

  /// The document with made-up companies added to its first mini-cluster until its JSON is at
  /// least `size` bytes.
  static func padded(_ document: WorkspaceDocument, to size: Int) throws -> WorkspaceDocument {
    var padded = document
    guard let cluster = document.clusters.first else { return document }
    var bytes = try document.encoded().count
    let nextId = (document.members.map(\.id).max() ?? 0) + 1
    var added: Int64 = 0
    while bytes < size {
      let batch = (0..<500).map { i in
        Member(
          id: nextId + added + Int64(i), clusterId: cluster.id, kind: .company,
          name: "벤치마크크기\(added + Int64(i))정밀", representative: "홍길동",
          products: "정밀 부품 가공, 금형, 자동화 설비", employees: 12, address: "서울특별시 금천구 가산디지털1로 1",
          phone: "02-2222-3333")
      }
      padded.members += batch
      added += Int64(batch.count)
      bytes = try padded.encoded().count
    }
    return padded
  }
}

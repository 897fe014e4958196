import ArgumentParser
import ClusterKit
import Dashboard
import Foundation
import Workbook

struct Open: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract: language.pick(
      "Open the dashboard on the workspace (the default).", "워크스페이스의 대시보드를 엽니다 (기본 동작)."))

  @OptionGroup var location: WorkspaceLocation
  @Option(help: paneHelp()) var pane: PaneName = .first

  func run() throws {
    try reporting {
      let workspace = try WorkspaceLocation.openForDashboard(path: location.path)
      try runDashboard(workspace: workspace, pane: pane)
    }
  }
}

struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: language.pick(
      "Open the dashboard on a fresh copy of the sample workspace (the sample is never changed).",
      "예시 워크스페이스의 새 복사본으로 대시보드를 엽니다 (예시 원본은 바뀌지 않습니다)."))

  @Option(help: paneHelp()) var pane: PaneName = .first
  @Option(
    help: ArgumentHelp(
      language.pick(
        "Keep the copy at this path instead of a temporary folder.", "복사본을 임시 폴더 대신 이 경로에 둡니다.")))
  var copyTo: String?

  func run() throws {
    try reporting {
      let sample = try SampleData.document()
      let folder = try copyTo == nil ? Demo.makeFolder() : nil
      let path =
        folder.map { ($0 as NSString).appendingPathComponent("demo.clusterdesk") } ?? copyTo!
      // The temporary copy goes on every way out: quitting, an error, SIGTERM or SIGHUP.
      let removeCopy = { if let folder { Demo.remove(folder) } }
      defer { removeCopy() }
      let workspace = try Workspace.create(at: path) { try $0.importDocument(sample) }
      try runDashboard(workspace: workspace, pane: pane, backingUp: false, beforeExit: removeCopy)
    }
  }

  /// A new folder of this user's alone in the temporary folder, under a name nobody can guess
  /// or make first (mkdtemp).
  static func makeFolder() throws -> String {
    let template = (FileManager.default.temporaryDirectory.path as NSString)
      .appendingPathComponent("clusterdesk-demo-XXXXXX")
    var bytes = Array(template.utf8CString)
    guard mkdtemp(&bytes) != nil else {
      throw WorkspaceError.cannotCreateFile(FileProblem(path: template))
    }
    return String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Removes the demo copy and then its folder, which is left alone if anything else is in it.
  static func remove(_ folder: String) {
    let path = (folder as NSString).appendingPathComponent("demo.clusterdesk")
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    rmdir(folder)
  }
}

/// The sample workspace shipped in sample-data/.
enum SampleData {
  static let fileName = "seoul-digital-office.json"

  /// Looks beside the executable's package (the source checkout) and in the current folder.
  static func url() -> URL? {
    var candidates: [URL] = []
    if let env = ProcessInfo.processInfo.environment["CLUSTERDESK_SAMPLE"] {
      candidates.append(URL(fileURLWithPath: env))
    }
    candidates.append(URL(fileURLWithPath: "sample-data/\(fileName)"))
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<6 {
      candidates.append(folder.appendingPathComponent("sample-data/\(fileName)"))
      folder.deleteLastPathComponent()
    }
    let source = URL(fileURLWithPath: #filePath)
    candidates.append(
      source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sample-data/\(fileName)"))
    return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
  }

  static func document() throws -> WorkspaceDocument {
    guard let url = url() else {
      throw CommandError(
        "The sample workspace (sample-data/\(fileName)) was not found; run this from the ClusterDesk folder.",
        "예제 워크스페이스(sample-data/\(fileName))를 찾을 수 없습니다. ClusterDesk 폴더에서 실행하세요.")
    }
    return try WorkspaceDocument.decode(Data(contentsOf: url))
  }
}

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: language.pick(
      "Create a new, empty workspace (a JSON file when --workspace ends in .json, else SQLite).",
      "비어 있는 새 워크스페이스를 만듭니다 (--workspace가 .json으로 끝나면 JSON 파일, 아니면 SQLite)."))

  @OptionGroup var location: WorkspaceLocation
  @Option(
    parsing: .unconditional, help: ArgumentHelp(language.pick("The office's name.", "사무국 이름.")))
  var office: String = "미니클러스터 사무국"
  @Option(help: ArgumentHelp(language.pick("A first mini-cluster to create.", "처음 만들 미니클러스터.")))
  var cluster: String?

  func run() throws {
    try reporting {
      location.makeDefaultFolder()
      let workspace = try Workspace.create(at: location.path) { workspace in
        try workspace.updateOffice(Office(name: office))
        if let cluster { _ = try workspace.addCluster(Cluster(name: cluster)) }
      }
      print(
        language.pick("Created workspace \(workspace.path)", "워크스페이스를 만들었습니다: \(workspace.path)"))
    }
  }
}

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: language.pick(
      "Import a whole workspace (FILE.json, into an empty workspace) or members (FILE.xlsx or FILE.csv --cluster NAME).",
      "워크스페이스 전체(FILE.json, 빈 워크스페이스로) 또는 회원(FILE.xlsx나 FILE.csv --cluster NAME)을 가져옵니다."),
    discussion: language.pick(
      """
      The file's content decides how it is read, not its name: an Excel workbook (.xlsx), a \
      workspace JSON, else a CSV. A workbook's members come from its first sheet (or --sheet \
      NAME); a CSV may be Excel's (CP949/EUC-KR) or UTF-8; headers are Korean or English. If any \
      row is bad, nothing is imported and every problem is listed with its line (a workbook's \
      with its cell, such as C12). A cluster or division that does not exist yet is created. A \
      missing workspace is created.
      """,
      """
      파일 이름이 아니라 내용을 보고 읽는 방법을 정합니다: 엑셀 통합 문서(.xlsx), 워크스페이스 JSON, 그 밖에는 \
      CSV입니다. 통합 문서는 첫 시트(또는 --sheet 이름)에서 회원을 읽고, CSV는 엑셀에서 저장한 \
      파일(CP949/EUC-KR)이나 UTF-8 모두 되며, 머리글은 한국어나 영어로 씁니다. 잘못된 행이 하나라도 있으면 \
      아무것도 가져오지 않고 모든 문제를 줄 번호(통합 문서는 C12 같은 셀 위치)와 함께 보여 줍니다. 아직 없는 \
      미니클러스터나 분과는 새로 만듭니다. 워크스페이스가 없으면 새로 만듭니다.
      """))

  @OptionGroup var location: WorkspaceLocation
  @Argument(
    help: ArgumentHelp(
      language.pick(
        "The file: .json (a whole workspace), .xlsx or .csv (members).",
        "파일: .json(워크스페이스 전체), .xlsx 또는 .csv(회원).")))
  var file: String
  @Option(
    help: ArgumentHelp(
      language.pick(
        "With a workbook or CSV: the mini-cluster of the rows that name none (a 미니클러스터 column).",
        "통합 문서나 CSV일 때: 미니클러스터 열이 비어 있는 행의 회원이 가입할 미니클러스터.")))
  var cluster: String?
  @Flag(
    help: ArgumentHelp(
      language.pick(
        "Import members whose name another mini-cluster already has (without it, they are listed and nothing is imported).",
        "다른 미니클러스터에 이미 있는 이름의 회원도 가져옵니다 (없으면 그런 행을 보여 주고 아무것도 가져오지 않습니다).")))
  var allowDuplicate = false
  @Flag(
    help: ArgumentHelp(
      language.pick(
        "The CSV holds contact people (as `members contacts --format csv` writes), added to the members they name.",
        "CSV가 담당자 목록입니다(`members contacts --format csv`가 쓰는 형식). 각 행이 가리키는 회원에 담당자를 추가합니다.")))
  var contacts = false
  @Option(
    help: ArgumentHelp(
      language.pick(
        "With a workbook: the sheet to read (default: the first).",
        "통합 문서일 때: 읽을 시트 (기본값: 첫 시트).")))
  var sheet: String?

  func run() throws {
    try reporting {
      // What the file is, from its beginning: a JSON workspace is then read a piece at a time.
      guard
        let head = FileHandle(forReadingAtPath: file).flatMap({ handle in
          defer { try? handle.close() }
          return try? handle.read(upToCount: 65_536) ?? Data()
        })
      else {
        throw CommandError("Cannot read \(file).", "\(file, .object) 읽을 수 없습니다.")
      }
      let kind = ImportedFile.kind(of: head, named: file)
      if kind == .json && sheet == nil && !contacts { return try importJSON() }
      guard let data = FileManager.default.contents(atPath: file) else {
        throw CommandError("Cannot read \(file).", "\(file, .object) 읽을 수 없습니다.")
      }
      if sheet != nil && kind != .workbook {
        throw CommandError(
          "--sheet is for workbooks, and \(file) is not one.",
          "--sheet는 통합 문서에만 쓰는데 \(file, .topic) 통합 문서가 아닙니다.")
      }
      if contacts {
        guard kind == .csv else {
          throw CommandError(
            "--contacts reads a CSV, and \(file) is not one.",
            "--contacts는 CSV를 읽는데 \(file, .topic) CSV가 아닙니다.")
        }
        return try importContacts(data)
      }
      switch kind {
      case .workbook: try importWorkbook(data, cluster: cluster)
      case .csv: try importCSV(data, cluster: cluster)
      case .json: try importJSON()
      }
    }
  }

  private func importWorkbook(_ data: Data, cluster: String?) throws {
    let book: MemberWorkbookFile
    do {
      book = try MemberWorkbook.read(data, sheet: sheet)
    } catch {
      throw CommandError(error.message(.en, file: file), error.message(.ko, file: file))
    }
    do {
      try addMembers(
        book.members, cluster: cluster,
        read: language.pick(
          "Read sheet \(book.sheet) of \(file).", "\(file)의 \(book.sheet) 시트를 읽었습니다."))
    } catch let error as ClusterKit.ValidationError {
      throw ClusterKit.ValidationError(
        MemberWorkbook.locate(error.errors, header: book.members.header))
    }
  }

  private func importCSV(_ data: Data, cluster: String?) throws {
    let csv = try MemberCSV.read(data)
    let separated: (String, String) =
      switch csv.delimiter {
      case "\t": (", separated by tabs", " (탭으로 구분)")
      case ";": (", separated by semicolons", " (세미콜론으로 구분)")
      default: ("", "")
      }
    try addMembers(
      csv, cluster: cluster,
      read: language.pick(
        "Read \(file) as \(csv.encoding.english)\(separated.0).",
        "\(file, .object) \(csv.encoding.korean, .direction) 읽었습니다\(separated.1)."))
  }

  /// Adds every member of the file, or (if any row is bad) none; a new workspace appears only
  /// once they are in.
  private func addMembers(_ csv: MemberCSVFile, cluster: String?, read: String) throws {
    var imported: MemberImportResult?
    do {
      _ = try location.openOrCreate { workspace in
        print(read)
        if !csv.unknownColumns.isEmpty {
          // Named by the first few: a file of 100,000 columns is not 100,000 names long.
          let shown = csv.unknownColumns.prefix(10).joined(separator: ", ")
          let more = csv.unknownColumns.count - 10
          print(
            language.pick(
              "Ignored columns: \(shown)" + (more > 0 ? " and \(more) more" : ""),
              "무시한 열: \(shown)" + (more > 0 ? " 외 \(more)개" : "")))
        }
        imported = try workspace.importMembers(
          csv, clusterName: cluster, allowDuplicate: allowDuplicate, today: today)
      }
    } catch let error as ClusterKit.ValidationError {
      sayNothingImported(error)
      throw error
    } catch let error as PossibleDuplicates {
      printError(
        language.pick(
          "Nothing was imported: \(error.matches.count) member(s) in \(file) may already be in another mini-cluster:",
          "아무것도 가져오지 않았습니다. \(file)의 회원 \(error.matches.count)곳이 다른 미니클러스터에 이미 있을 수 있습니다:"))
      throw error
    }
    guard let result = imported else { return }
    for created in result.clustersCreated {
      print(language.pick("Created mini-cluster \(created).", "미니클러스터 \(created, .object) 만들었습니다."))
    }
    for division in result.divisionsCreated {
      print(language.pick("Created division \(division).", "분과 \(division, .object) 만들었습니다."))
    }
    if result.clusters.count == 1, let only = result.clusters.first {
      print(
        language.pick(
          "Imported \(result.added) members into \(only.name).",
          "\(only.name)에 회원 \(result.added)명을 가져왔습니다."))
    } else {
      let each = result.clusters.map { "\($0.name) \($0.added)" }.joined(separator: ", ")
      print(
        language.pick(
          "Imported \(result.added) members into \(result.clusters.count) mini-clusters (\(each)).",
          "미니클러스터 \(result.clusters.count)곳에 회원 \(result.added)명을 가져왔습니다 (\(each))."))
    }
  }

  private func importContacts(_ data: Data) throws {
    let rows = try ContactCSV.read(data)
    var added = 0
    do {
      added = try location.open().importContacts(rows)
    } catch let error as ClusterKit.ValidationError {
      sayNothingImported(error)
      throw error
    }
    print(language.pick("Imported \(added) contacts.", "담당자 \(added)명을 가져왔습니다."))
  }

  /// Heads the list of problems that stopped an import.
  private func sayNothingImported(_ error: ClusterKit.ValidationError) {
    printError(
      language.pick(
        "Nothing was imported: \(error.errors.count) problem(s) in \(file):",
        "아무것도 가져오지 않았습니다. \(file)에 문제 \(error.errors.count)건:"))
  }

  /// A whole workspace from a JSON file, read a piece at a time; a file that does not read that
  /// way (an older version, or one with a problem) is read whole, as the one way that names
  /// every problem.
  private func importJSON() throws {
    struct ReadWhole: Error {}
    do {
      var counts: ImportedCounts?
      let workspace = try location.openOrCreate { workspace in
        let progress = ProgressLine(language.pick("Importing", "가져오는 중"))
        defer { progress.finish() }
        counts = try workspace.importDocument(streamingFrom: file, progress: progress.update)
        if counts == nil { throw ReadWhole() }
      }
      sayImported(counts!, into: workspace)
    } catch is ReadWhole {
      try importWholeJSON()
    }
  }

  private func importWholeJSON() throws {
    let document: WorkspaceDocument
    do {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw CommandError("Cannot read \(file).", "\(file, .object) 읽을 수 없습니다.")
      }
      document = try WorkspaceDocument.decode(data)
    } catch let error as ClusterKit.ValidationError {
      throw CommandError(
        "\(file) is not a ClusterDesk workspace JSON: \(error.message(.en)).",
        "\(file, .topic) ClusterDesk 워크스페이스 JSON이 아닙니다: \(error.message(.ko)).")
    }
    let workspace: Workspace
    do {
      workspace = try location.openOrCreate { workspace in
        let progress = ProgressLine(language.pick("Importing", "가져오는 중"))
        defer { progress.finish() }
        try workspace.importDocument(document, progress: progress.update)
      }
    } catch let error as ClusterKit.ValidationError {
      sayNothingImported(error)
      throw error
    }
    sayImported(ImportedCounts(document), into: workspace)
  }

  private func sayImported(_ counts: ImportedCounts, into workspace: Workspace) {
    print(
      language.pick(
        "Imported \(counts.members) members, \(counts.meetings) meetings, \(counts.visits) visits and \(counts.requests) requests into \(workspace.path).",
        "\(workspace.path)에 회원 \(counts.members), 회의 \(counts.meetings), 방문 \(counts.visits), 지원신청 \(counts.requests)건을 가져왔습니다."
      ))
    if counts.chainedOnImport {
      print(
        language.pick(
          "\(file) carries no audit chain (as a version 1 file); its \(counts.audit) audit entries were chained as they are.",
          "\(file)에는 (버전 1 파일처럼) 감사 기록 해시 체인이 없습니다. 감사 기록 \(counts.audit)건은 있는 그대로 체인에 묶었습니다."
        ))
    }
  }
}

/// What an imported file holds, told by its content rather than its name, so that a workbook
/// renamed `.csv` still reads as a workbook.
enum ImportedFile {
  case workbook, json, csv

  static func kind(of data: Data, named name: String) -> ImportedFile {
    if WorkbookFile.isWorkbookLike(data) { return .workbook }
    let text = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
    let first = text.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    // A broken JSON file still gets the JSON reader's message.
    if first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
      || name.lowercased().hasSuffix(".json")
    {
      return .json
    }
    return .csv
  }
}

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: language.pick(
      "Export the whole workspace as JSON (to standard output, or --output FILE).",
      "워크스페이스 전체를 JSON으로 내보냅니다 (표준 출력 또는 --output FILE)."))

  @OptionGroup var location: WorkspaceLocation
  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      language.pick(
        "Write to this file (created readable by you only).", "이 파일에 씁니다 (본인만 읽을 수 있게 만듭니다).")))
  var output: String?

  func run() throws {
    try reporting {
      let workspace = try location.openForReading()
      // Refused before the work, not after it.
      if let output { try refuseDatabase(output, workspace: workspace) }
      let progress = ProgressLine(language.pick("Exporting", "내보내는 중"))
      defer { progress.finish() }
      try writeOutput(to: output, workspace: workspace) { sink in
        try workspace.exportJSON(to: sink, progress: progress.update)
      }
    }
  }
}

struct OfficeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "office",
    abstract: language.pick(
      "Show or change the office's name and the contact rhythm (weeks between visits).",
      "사무국 이름과 방문 주기(주 단위)를 보거나 바꿉니다."))

  @OptionGroup var location: WorkspaceLocation
  @Option(
    parsing: .unconditional, help: ArgumentHelp(language.pick("The office's name.", "사무국 이름.")))
  var name: String?
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      language.pick(
        "Weeks between visits to officers (chair, vice-chair, steering committee).",
        "임원(회장, 부회장, 운영위원) 방문 주기(주).")))
  var officerVisitWeeks: Int?
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      language.pick("Weeks between visits to other member companies.", "그 밖의 회원 기업 방문 주기(주).")))
  var memberVisitWeeks: Int?

  func run() throws {
    try reporting {
      let workspace = try location.open()
      var office = try workspace.office()
      if name != nil || officerVisitWeeks != nil || memberVisitWeeks != nil {
        office.name = name ?? office.name
        office.officerVisitWeeks = officerVisitWeeks ?? office.officerVisitWeeks
        office.memberVisitWeeks = memberVisitWeeks ?? office.memberVisitWeeks
        try workspace.updateOffice(office)
      }
      print(office.name)
      print(
        language.pick(
          "Visit officers every \(office.officerVisitWeeks) weeks, other members every \(office.memberVisitWeeks) weeks.",
          "임원사는 \(office.officerVisitWeeks)주마다, 그 밖의 회원사는 \(office.memberVisitWeeks)주마다 방문합니다."))
    }
  }
}

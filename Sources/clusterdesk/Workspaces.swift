import ArgumentParser
import ClusterKit
import Foundation

struct Open: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract: language.pick(
      "Open the dashboard on the workspace (the default).", "워크스페이스의 대시보드를 엽니다 (기본 동작)."))

  @OptionGroup var location: WorkspaceLocation
  @Option(
    help: ArgumentHelp(
      language.pick(
        "The pane to start on: overview, members, meetings, visits, requests.",
        "처음 보여 줄 화면: overview(개요), members(회원), meetings(회의), visits(방문), requests(지원신청).")))
  var pane: String = "overview"

  func run() throws {
    try reporting {
      let workspace = try location.open()
      try runDashboard(workspace: workspace, pane: pane)
    }
  }
}

struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: language.pick(
      "Open the dashboard on a fresh copy of the sample workspace (the sample is never changed).",
      "예시 워크스페이스의 새 복사본으로 대시보드를 엽니다 (예시 원본은 바뀌지 않습니다)."))

  @Option(
    help: ArgumentHelp(
      language.pick(
        "The pane to start on: overview, members, meetings, visits, requests.",
        "처음 보여 줄 화면: overview(개요), members(회원), meetings(회의), visits(방문), requests(지원신청).")))
  var pane: String = "overview"
  @Option(
    help: ArgumentHelp(
      language.pick(
        "Keep the copy at this path instead of a temporary folder.", "복사본을 임시 폴더 대신 이 경로에 둡니다.")))
  var copyTo: String?

  func run() throws {
    try reporting {
      let sample = try SampleData.document()
      let path: String
      if let copyTo {
        path = copyTo
      } else {
        let folder = FileManager.default.temporaryDirectory
          .appendingPathComponent("clusterdesk-demo-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(
          at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        path = folder.appendingPathComponent("demo.clusterdesk").path
      }
      let workspace = try Workspace(path: path, create: true)
      try workspace.importDocument(sample)
      try runDashboard(workspace: workspace, pane: pane)
      if copyTo == nil {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
      }
    }
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
    abstract: language.pick("Create a new, empty workspace.", "비어 있는 새 워크스페이스를 만듭니다."))

  @OptionGroup var location: WorkspaceLocation
  @Option(
    parsing: .unconditional, help: ArgumentHelp(language.pick("The office's name.", "사무국 이름.")))
  var office: String = "미니클러스터 사무국"
  @Option(help: ArgumentHelp(language.pick("A first mini-cluster to create.", "처음 만들 미니클러스터.")))
  var cluster: String?

  func run() throws {
    try reporting {
      if location.isDefault {
        try? FileManager.default.createDirectory(
          atPath: (location.path as NSString).deletingLastPathComponent,
          withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      }
      let workspace = try Workspace.create(at: location.path, office: Office(name: office))
      if let cluster { _ = try workspace.addCluster(Cluster(name: cluster)) }
      print(
        language.pick("Created workspace \(workspace.path)", "워크스페이스를 만들었습니다: \(workspace.path)"))
    }
  }
}

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: language.pick(
      "Import a whole workspace (FILE.json, into an empty workspace) or members (FILE.csv --cluster NAME).",
      "워크스페이스 전체(FILE.json, 빈 워크스페이스로) 또는 회원(FILE.csv --cluster NAME)을 가져옵니다."),
    discussion: language.pick(
      """
      A CSV may be Excel's (CP949/EUC-KR) or UTF-8, with Korean or English headers. If any row is \
      bad, nothing is imported and every problem is listed with its line. A cluster or division \
      that does not exist yet is created. A missing workspace is created.
      """,
      """
      CSV는 엑셀에서 저장한 파일(CP949/EUC-KR)이나 UTF-8 모두 되며, 머리글은 한국어나 영어로 씁니다. \
      잘못된 행이 하나라도 있으면 아무것도 가져오지 않고 모든 문제를 줄 번호와 함께 보여 줍니다. 아직 없는 \
      미니클러스터나 분과는 새로 만듭니다. 워크스페이스가 없으면 새로 만듭니다.
      """))

  @OptionGroup var location: WorkspaceLocation
  @Argument(
    help: ArgumentHelp(
      language.pick(
        "The file: .json (a whole workspace) or .csv (members).",
        "파일: .json(워크스페이스 전체) 또는 .csv(회원).")))
  var file: String
  @Option(
    help: ArgumentHelp(
      language.pick("With a CSV: the mini-cluster the members join.", "CSV일 때: 회원이 가입할 미니클러스터.")))
  var cluster: String?

  func run() throws {
    try reporting {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw CommandError("Cannot read \(file).", "\(file)을(를) 읽을 수 없습니다.")
      }
      let isCSV = file.lowercased().hasSuffix(".csv") || file.lowercased().hasSuffix(".tsv")
      if isCSV {
        guard let cluster else {
          throw CommandError(
            "Importing members from a CSV needs --cluster NAME.",
            "CSV에서 회원을 가져오려면 --cluster 이름이 필요합니다.")
        }
        try importCSV(data, cluster: cluster)
      } else {
        try importJSON(data)
      }
    }
  }

  private func importCSV(_ data: Data, cluster: String) throws {
    let csv = try MemberCSV.read(data)
    let workspace = try location.open(create: true)
    let separated: (String, String) =
      switch csv.delimiter {
      case "\t": (", separated by tabs", " (탭으로 구분)")
      case ";": (", separated by semicolons", " (세미콜론으로 구분)")
      default: ("", "")
      }
    print(
      language.pick(
        "Read \(file) as \(csv.encoding.english)\(separated.0).",
        "\(file)을(를) \(csv.encoding.korean)(으)로 읽었습니다\(separated.1)."))
    if !csv.unknownColumns.isEmpty {
      // Named by the first few: a file of 100,000 columns is not 100,000 names long.
      let shown = csv.unknownColumns.prefix(10).joined(separator: ", ")
      let more = csv.unknownColumns.count - 10
      print(
        language.pick(
          "Ignored columns: \(shown)" + (more > 0 ? " and \(more) more" : ""),
          "무시한 열: \(shown)" + (more > 0 ? " 외 \(more)개" : "")))
    }
    do {
      let result = try workspace.importMembers(csv, clusterName: cluster)
      if result.clusterCreated {
        print(
          language.pick(
            "Created mini-cluster \(result.cluster.name).",
            "미니클러스터 \(result.cluster.name)을(를) 만들었습니다."))
      }
      for division in result.divisionsCreated {
        print(language.pick("Created division \(division).", "분과 \(division)을(를) 만들었습니다."))
      }
      print(
        language.pick(
          "Imported \(result.added) members into \(result.cluster.name).",
          "\(result.cluster.name)에 회원 \(result.added)명을 가져왔습니다."))
    } catch let error as ClusterKit.ValidationError {
      printError(
        language.pick(
          "Nothing was imported: \(error.errors.count) problem(s) in \(file):",
          "아무것도 가져오지 않았습니다. \(file)에 문제 \(error.errors.count)건:"))
      throw error
    }
  }

  private func importJSON(_ data: Data) throws {
    let document: WorkspaceDocument
    do {
      document = try WorkspaceDocument.decode(data)
    } catch {
      throw CommandError(
        "\(file) is not a ClusterDesk workspace JSON: \(error.message(.en)).",
        "\(file)은(는) ClusterDesk 워크스페이스 JSON이 아닙니다: \(error.message(.ko)).")
    }
    let workspace = try location.open(create: true)
    let progress = ProgressLine(language.pick("Importing", "가져오는 중"))
    do {
      try workspace.importDocument(document, progress: progress.update)
    } catch let error as ClusterKit.ValidationError {
      progress.finish()
      printError(
        language.pick(
          "Nothing was imported: \(error.errors.count) problem(s) in \(file):",
          "아무것도 가져오지 않았습니다. \(file)에 문제 \(error.errors.count)건:"))
      throw error
    }
    progress.finish()
    print(
      language.pick(
        "Imported \(document.members.count) members, \(document.meetings.count) meetings, \(document.visits.count) visits and \(document.requests.count) requests into \(workspace.path).",
        "\(workspace.path)에 회원 \(document.members.count), 회의 \(document.meetings.count), 방문 \(document.visits.count), 지원신청 \(document.requests.count)건을 가져왔습니다."
      ))
    if !document.audit.isEmpty && document.audit.allSatisfy({ $0.hash == nil }) {
      print(
        language.pick(
          "\(file) carries no audit chain (as a version 1 file); its \(document.audit.count) audit entries were chained as they are.",
          "\(file)에는 (버전 1 파일처럼) 감사 기록 해시 체인이 없습니다. 감사 기록 \(document.audit.count)건은 있는 그대로 체인에 묶었습니다."
        ))
    }
  }
}

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
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
      let workspace = try location.open()
      let progress = ProgressLine(language.pick("Exporting", "내보내는 중"))
      let data = try workspace.exportDocument(progress: progress.update).encoded()
      progress.finish()
      try writeOutput(data, to: output)
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

import ArgumentParser
import ClusterKit
import Foundation
import Generator

extension WorkspaceGenerator.Scale: ExpressibleByArgument {}

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: language.pick(
      "Generate a realistic, invented workspace: the sample office, one cluster, or a national one.",
      "실제와 비슷한 가상의 워크스페이스를 만듭니다: 예시 사무국, 미니클러스터 하나 또는 전국 규모."),
    discussion: language.pick(
      """
      The same --seed always gives the same workspace. With --output FILE.json the JSON is written \
      (sample-data/ is made with `clusterdesk generate --scale sample --seed 2026 --output \
      sample-data/seoul-digital-office.json`); otherwise the workspace file is filled (it must be \
      empty or new).
      """,
      """
      같은 --seed는 언제나 같은 워크스페이스를 만듭니다. --output FILE.json을 주면 JSON으로 저장하고 \
      (sample-data/는 `clusterdesk generate --scale sample --seed 2026 --output \
      sample-data/seoul-digital-office.json`으로 만듭니다), 주지 않으면 워크스페이스 파일을 채웁니다 \
      (비어 있거나 새 파일이어야 합니다).
      """))

  @OptionGroup var location: WorkspaceLocation
  @Option(
    help: ArgumentHelp(
      language.pick(
        "sample (one office, four clusters), cluster (one cluster) or national (about 80 clusters, 20,000 members).",
        "sample(사무국 하나, 미니클러스터 4개), cluster(미니클러스터 하나) 또는 national(미니클러스터 약 80개, 회원 2만 곳)."))
  )
  var scale: WorkspaceGenerator.Scale = .sample
  @Option(help: ArgumentHelp(language.pick("The random seed.", "난수 시드.")))
  var seed: UInt64 = 2026
  @Option(
    help: ArgumentHelp(
      language.pick(
        "The reference day the data leads up to (default: 2026-11-26).",
        "데이터의 기준일 (기본값: 2026-11-26).")))
  var today: String = "2026-11-26"
  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      language.pick(
        "Write the workspace as JSON to this file instead.", "워크스페이스 파일 대신 이 파일에 JSON으로 저장합니다.")))
  var output: String?

  func run() throws {
    try reporting {
      let day = try parseDay(today, field: "today")
      if let output { try refuseDatabase(output, workspace: nil) }
      let progress = ProgressLine(language.pick("Generating", "생성 중"))
      let document = WorkspaceGenerator(scale: scale, seed: seed, today: day).makeDocument(
        progress: progress.update)
      progress.finish()
      if let output {
        try writeOutput(try document.encoded(), to: output)
        return
      }
      let workspace = try location.openOrCreate { workspace in
        let saving = ProgressLine(language.pick("Saving", "저장 중"))
        try workspace.importDocument(document, progress: saving.update)
        saving.finish()
      }
      print(
        language.pick(
          "Generated \(document.members.count) members, \(document.meetings.count) meetings, \(document.visits.count) visits and \(document.requests.count) requests in \(workspace.path).",
          "\(workspace.path)에 회원 \(document.members.count), 회의 \(document.meetings.count), 방문 \(document.visits.count), 지원신청 \(document.requests.count)건을 만들었습니다."
        ))
    }
  }
}

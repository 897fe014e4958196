import ArgumentParser
import ClusterKit
import Foundation

extension WorkspaceGenerator.Scale: ExpressibleByArgument {}

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Generate a realistic, invented workspace: the sample office, one cluster, or a national one.",
    discussion: """
      The same --seed always gives the same workspace. With --output FILE.json the JSON is written \
      (sample-data/ is made with `clusterdesk generate --scale sample --seed 2026 --output \
      sample-data/seoul-digital-office.json`); otherwise the workspace file is filled (it must be \
      empty or new).
      """)

  @OptionGroup var location: WorkspaceLocation
  @Option(
    help:
      "sample (one office, four clusters), cluster (one cluster) or national (about 80 clusters, 20,000 members)."
  )
  var scale: WorkspaceGenerator.Scale = .sample
  @Option(help: "The random seed.") var seed: UInt64 = 2026
  @Option(help: "The reference day the data leads up to (default: 2026-11-26).") var today: String =
    "2026-11-26"
  @Option(name: .shortAndLong, help: "Write the workspace as JSON to this file instead.")
  var output: String?

  func run() throws {
    try reporting {
      let day = try parseDay(today, field: "today")
      let progress = ProgressLine(language.pick("Generating", "생성 중"))
      let document = WorkspaceGenerator(scale: scale, seed: seed, today: day).makeDocument(
        progress: progress.update)
      progress.finish()
      if let output {
        try writeOutput(try document.encoded(), to: output)
        return
      }
      let workspace = try location.open(create: true)
      let saving = ProgressLine(language.pick("Saving", "저장 중"))
      try workspace.importDocument(document, progress: saving.update)
      saving.finish()
      print(
        language.pick(
          "Generated \(document.members.count) members, \(document.meetings.count) meetings, \(document.visits.count) visits and \(document.requests.count) requests in \(workspace.path).",
          "\(workspace.path)에 회원 \(document.members.count), 회의 \(document.meetings.count), 방문 \(document.visits.count), 지원신청 \(document.requests.count)건을 만들었습니다."
        ))
    }
  }
}

import ArgumentParser
import ClusterKit

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Generate a realistic workspace (not yet available).")
  func run() throws {}
}

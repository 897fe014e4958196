import ArgumentParser
import ClusterKit
import Foundation

/// For the reliability tests: writes to a workspace in a loop through the same domain calls the
/// subcommands use, and says on standard output, the moment each change is saved, what was saved.
/// The crash test kills it at random moments and then checks that every acknowledged change is
/// in the workspace and nothing half-done is visible; the concurrency test runs several at once.
struct WriteLoop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "write-loop",
    abstract:
      "For testing only: write to the workspace in a loop, acknowledging each saved change.",
    discussion: """
      Used by ClusterDesk's crash and concurrency tests; do not point it at a real workspace. \
      Each round does one of: log a visit (two difficulties, two follow-ups), add a support \
      request and approve it, import three members from a CSV — each one transaction — and after \
      it is saved prints `ok visit ID NOTES`, `ok approve ID TITLE` or `ok import 3 PREFIX`. \
      The fixtures (cluster, member, program named write-loop) are created first if missing.
      """,
    shouldDisplay: false)

  @OptionGroup var location: WorkspaceLocation
  @Option(help: "Marks this run's records; unique per run.") var tag: String
  @Option(help: "Rounds to do (default: until killed); 0 only creates the fixtures.") var count:
    Int?
  @Option(help: "What to write, comma-separated: visit, approve, import, request (pending only).")
  var kinds: String = "visit,approve,import"

  static let fixtureCluster = "write-loop"
  static let fixtureMember = "쓰기루프기준회사"
  static let fixtureProgram = "쓰기루프 지원사업"

  func run() throws {
    try reporting {
      let workspace = try location.open(create: true)
      let (member, program) = try fixtures(workspace)
      let kinds = kinds.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      guard !kinds.isEmpty,
        kinds.allSatisfy({ ["visit", "approve", "import", "request"].contains($0) })
      else {
        throw FieldError(
          field: "kinds",
          problem: .unknownValue(allowed: ["visit", "approve", "import", "request"]),
          value: self.kinds)
      }
      var round = 0
      while count.map({ round < $0 }) ?? true {
        // The round is marked with a letter: member names are compared without punctuation, so
        // "k74-32" and "k743-2" would be the same company.
        let label = "\(tag)-r\(round)"
        switch kinds[round % kinds.count] {
        case "visit":
          let visit = try workspace.addVisit(
            Visit(
              memberId: member.id, date: today, visitor: workspace.actor,
              purpose: .difficultySurvey,
              notes: label,
              difficulties: [
                Difficulty(category: .funding, text: "운전자금 부족 \(label)"),
                Difficulty(category: .certification, text: "인증 비용 \(label)"),
              ],
              followUps: [
                FollowUp(
                  action: "자금 안내 \(label)", owner: workspace.actor, due: today.adding(days: 14)),
                FollowUp(action: "인증 안내 \(label)", owner: workspace.actor),
              ]))
          acknowledge("ok visit \(visit.id) \(label)")
        case "approve":
          let request = try workspace.addRequest(
            SupportRequest(
              memberId: member.id, programId: program.id, title: label, requestedKRW: 1_000_000,
              submitted: today, status: .pending))
          try workspace.decide(
            requestId: request.id, .approve(amount: 1_000_000, overrideReason: nil), on: today)
          acknowledge("ok approve \(request.id) \(label)")
        case "request":
          let request = try workspace.addRequest(
            SupportRequest(
              memberId: member.id, programId: program.id, title: label, requestedKRW: 1_000_000,
              submitted: today, status: .pending))
          acknowledge("ok request \(request.id) \(label)")
        default:
          let csv = "회사명,구분\n" + (1...3).map { "\(label)-m\($0),기업\n" }.joined()
          let file = try MemberCSV.read(Data(csv.utf8))
          let result = try workspace.importMembers(file, clusterName: Self.fixtureCluster)
          acknowledge("ok import \(result.added) \(label)-m")
        }
        round += 1
      }
    }
  }

  /// Finds or creates the member and program every round writes against.
  private func fixtures(_ workspace: Workspace) throws -> (Member, Program) {
    let member: Member
    if let cluster = try workspace.cluster(named: Self.fixtureCluster),
      let found = try? workspace.findMember(Self.fixtureMember), found.clusterId == cluster.id
    {
      member = found
    } else {
      let file = try MemberCSV.read(Data("회사명,구분\n\(Self.fixtureMember),기업\n".utf8))
      _ = try workspace.importMembers(file, clusterName: Self.fixtureCluster)
      member = try workspace.findMember(Self.fixtureMember)
    }
    let year = today.year
    let program =
      try workspace.programs(year: year).first { $0.name == Self.fixtureProgram }
      ?? workspace.addProgram(
        Program(
          year: year, name: Self.fixtureProgram, category: .technology, budgetKRW: 1_000_000_000_000
        ))
    return (member, program)
  }

  /// Written straight to the file descriptor, so the line is out before the next change starts.
  private func acknowledge(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    var written = 0
    while written < bytes.count {
      let n = bytes[written...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
      if n <= 0 { return }
      written += n
    }
  }
}

import ClusterKit

/// Makes realistic, invented workspaces for demos, tests and benchmarks. The same scale, seed and
/// reference day give the same document, byte for byte, on every machine.
public struct WorkspaceGenerator: Sendable {
  public enum Scale: String, CaseIterable, Sendable {
    /// One regional office's year: four mini-clusters in the Seoul Digital Complex, about 140 members.
    case sample
    /// One mini-cluster of about 140 members in a year.
    case cluster
    /// About 80 mini-clusters and 20,000 members over five years, for benchmarks.
    case national
  }

  public let scale: Scale
  public let seed: UInt64
  public let today: Day

  public init(scale: Scale, seed: UInt64, today: Day) {
    self.scale = scale
    self.seed = seed
    self.today = today
  }

  public func makeDocument(progress: ((Double) -> Void)? = nil) -> WorkspaceDocument {
    let plan = GenerationPlan(scale: scale, seed: seed, today: today)
    let builder = WorkspaceBuilder(plan: plan, seed: seed, today: today, progress: progress)
    return builder.build()
  }
}

/// One mini-cluster to be made.
struct ClusterPlan {
  var name: String
  var theme: Int
  var region: Int
  var founded: Day
  var manager: String
  var size: Int
  var universities: Int
  var institutes: Int
  var agencies: Int
  var steeringMembers: Int
}

/// Everything that differs between scales.
struct GenerationPlan {
  var office: Office
  var clusters: [ClusterPlan]
  var start: Day
  var programYears: ClosedRange<Int>
  var reviewers: [Int: [String]]
  var visitsPerWeek: [Double]
  var steeringPerYear: Int
  var divisionMeetings: ClosedRange<Int>
  var seminars: ClosedRange<Int>
  var inviteCap: Int?
  var experts: Int
  var mentoringShare: Double
  /// Scales how many requests a program draws against its budget.
  var programDemandScale: Double
  /// Indices into `WorkspaceBuilder.programTypes` offered each year.
  var programTypes = Array(0..<13)
  /// Next year's programs set up, with the requests of their early call.
  var nextYearPrograms = false

  init(scale: WorkspaceGenerator.Scale, seed: UInt64, today: Day) {
    let yearStart = Day(year: today.year, month: 1, day: 1)!
    switch scale {
    case .sample:
      office = Office(
        name: "한국산업단지공단 서울지역본부 미니클러스터 사무국", region: "서울", officerVisitWeeks: 4,
        memberVisitWeeks: 12)
      let y = today.year
      clusters = [
        ClusterPlan(
          name: "지능형메카트로닉스", theme: 0, region: 0, founded: Day(year: 2005, month: 9, day: 8)!,
          manager: "박준서", size: 38, universities: 1, institutes: 1, agencies: 3, steeringMembers: 8),
        ClusterPlan(
          name: "IT융합", theme: 1, region: 0, founded: Day(year: 2009, month: 4, day: 23)!,
          manager: "최윤아", size: 36, universities: 1, institutes: 1, agencies: 2, steeringMembers: 8),
        ClusterPlan(
          name: "디지털콘텐츠", theme: 2, region: 0, founded: Day(year: 2013, month: 6, day: 13)!,
          manager: "강민석", size: 35, universities: 1, institutes: 1, agencies: 3, steeringMembers: 7),
        ClusterPlan(
          name: "바이오메디컬", theme: 3, region: 0, founded: Day(year: y, month: 3, day: 19)!,
          manager: "서지영", size: 32, universities: 1, institutes: 1, agencies: 2, steeringMembers: 6),
      ]
      start = yearStart
      programYears = y...y
      reviewers = [0: ["한정민", "윤미경"]]
      visitsPerWeek = [0.25, 0.45, 0.25, 0.05]
      steeringPerYear = 7
      divisionMeetings = 4...5
      seminars = 1...2
      inviteCap = nil
      experts = 72
      mentoringShare = 0.33
      programDemandScale = 1
      nextYearPrograms = true
    case .cluster:
      office = Office(
        name: "한국산업단지공단 구미 혁신클러스터추진단", region: "구미", officerVisitWeeks: 4,
        memberVisitWeeks: 12)
      clusters = [
        ClusterPlan(
          name: "전자의료기기", theme: 4, region: 1, founded: Day(year: 2006, month: 5, day: 11)!,
          manager: "오현우", size: 140, universities: 1, institutes: 1, agencies: 9, steeringMembers: 8
        )
      ]
      start = yearStart
      programYears = today.year...today.year
      reviewers = [1: ["배승호", "문지혜"]]
      // Three to six visits a week.
      visitsPerWeek = [0, 0, 0, 0.2, 0.3, 0.3, 0.2]
      steeringPerYear = 7
      divisionMeetings = 4...5
      seminars = 2...3
      inviteCap = nil
      experts = 64
      mentoringShare = 0.3
      programDemandScale = 1
    case .national:
      office = Office(
        name: "한국산업단지공단 미니클러스터 통합사무국", region: "전국", officerVisitWeeks: 4,
        memberVisitWeeks: 12)
      var rng = SeededGenerator(seed: seed, stream: 1)
      var plans: [ClusterPlan] = []
      let regionCount = Vocabulary.regions.count
      for i in 0..<80 {
        let region = i % regionCount
        let theme = (i / regionCount + region) % Vocabulary.clusterThemes.count
        let name = Vocabulary.regions[region].short + " " + Vocabulary.clusterThemes[theme].name
        let recent = i % 16 == 7
        let founded =
          recent
          ? Day(ordinal: today.ordinal - rng.int(60...(4 * 365)))
          : Day(year: rng.int(2005...2019), month: rng.int(1...12), day: rng.int(1...28))!
        let size = rng.int(190...310)
        plans.append(
          ClusterPlan(
            name: name, theme: theme, region: region, founded: founded,
            manager: Names.person(&rng).name, size: size, universities: 1,
            institutes: rng.int(1...2),
            agencies: rng.int(6...10), steeringMembers: 8))
      }
      clusters = plans
      start = Day(year: today.year - 5, month: today.month, day: min(today.day, 28))!
      programYears = (today.year - 4)...today.year
      var byRegion: [Int: [String]] = [:]
      for r in 0..<regionCount {
        byRegion[r] = [Names.person(&rng).name, Names.person(&rng).name]
      }
      reviewers = byRegion
      // About twenty visits a week in each cluster (a team of managers).
      visitsPerWeek = Array(repeating: 0, count: 18) + [0.2, 0.2, 0.2, 0.2, 0.2]
      steeringPerYear = 12
      divisionMeetings = 6...7
      seminars = 3...4
      inviteCap = 26
      experts = 2000
      mentoringShare = 0.23
      programDemandScale = 0.9
      programTypes = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11]
    }
  }
}

/// An invented person and the romanisation used for e-mail addresses.
struct Person {
  var name: String
  var surname: String
  var given: String
  var initials: String

  /// `jh.kim`, `jihoon.kim` or `kimjh` style local parts.
  func emailLocal(style: Int) -> String {
    switch style % 3 {
    case 0: return initials + "." + surname
    case 1: return given + "." + surname
    default: return surname + initials
    }
  }
}

enum Names {
  private static let surnameTotal = Vocabulary.surnames.reduce(0) { $0 + $1.2 }

  static func person(_ rng: inout SeededGenerator) -> Person {
    var x = rng.below(surnameTotal)
    var surname = Vocabulary.surnames[0]
    for s in Vocabulary.surnames {
      if x < s.2 {
        surname = s
        break
      }
      x -= s.2
    }
    let a = rng.pick(Vocabulary.givenFirst)
    var b = rng.pick(Vocabulary.givenSecond)
    if b.0 == a.0 { b = Vocabulary.givenSecond[0] }
    return Person(
      name: surname.0 + a.0 + b.0, surname: surname.1, given: a.1 + b.1,
      initials: String(a.1.prefix(1)) + String(b.1.prefix(1)))
  }
}

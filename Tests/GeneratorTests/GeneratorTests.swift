import Foundation
import Testing

@testable import ClusterKit
@testable import Generator

@Suite struct Generator {
  static let sampleDay = Day(year: 2026, month: 11, day: 26)!
  static let sample = WorkspaceGenerator(scale: .sample, seed: 2026, today: sampleDay)
    .makeDocument()

  /// Member names must differ within a cluster once legal forms and spaces are ignored.
  static func nameKey(_ name: String) -> String {
    var s = name
    for form in ["(주)", "㈜", "주식회사", "(유)", "유한회사", "(재)", "(사)"] {
      s = s.replacingOccurrences(of: form, with: "")
    }
    return s.replacingOccurrences(of: " ", with: "").lowercased()
  }

  @Test func sameSeedGivesTheSameBytes() throws {
    let again = WorkspaceGenerator(scale: .sample, seed: 2026, today: Self.sampleDay).makeDocument()
    #expect(try again.encoded() == Self.sample.encoded())
  }

  @Test func anotherSeedGivesAnotherWorkspace() throws {
    let other = WorkspaceGenerator(scale: .sample, seed: 7, today: Self.sampleDay).makeDocument()
    #expect(try other.encoded() != Self.sample.encoded())
    #expect(other.members.map(\.name) != Self.sample.members.map(\.name))
  }

  @Test func sampleLooksLikeOneOfficesYear() {
    let doc = Self.sample
    #expect(doc.clusters.count == 4)
    #expect((130...150).contains(doc.members.count))
    for kind in MemberKind.allCases {
      #expect(doc.members.contains { $0.kind == kind }, "no \(kind)")
    }
    for cluster in doc.clusters {
      let own = doc.members.filter { $0.clusterId == cluster.id }
      #expect(own.filter { $0.role == .chair }.count == 1)
      #expect(own.filter { $0.role == .viceChair }.count == 1)
      #expect(own.filter { $0.role.isOfficer && $0.kind != .company }.isEmpty)
      #expect((5...9).contains(own.filter { $0.role == .steering }.count))
      let divisions = doc.divisions.filter { $0.clusterId == cluster.id }.count
      #expect((2...3).contains(divisions))
    }
    // The directory book in progress: asked of every current member, about 45% submitted.
    let current = doc.members.filter { $0.status != .left }
    let submitted = doc.directoryBook.filter { $0.status == .submitted }
    #expect(doc.directoryBook.count == current.count)
    #expect(Set(doc.directoryBook.map(\.edition)) == [2026])
    #expect(doc.directoryBook.allSatisfy { $0.asked != nil && $0.asked! <= Self.sampleDay })
    #expect((55...67).contains(submitted.count))
    #expect(submitted.allSatisfy { $0.submitted! >= $0.asked! && $0.submitted! <= Self.sampleDay })
    #expect(doc.members.contains { $0.status == .left })
    #expect(doc.members.contains { $0.status == .inactive })

    for kind in MeetingKind.allCases {
      #expect(doc.meetings.contains { $0.kind == kind }, "no \(kind)")
    }
    #expect(
      doc.meetings.contains {
        $0.kind == .technicalSeminar && $0.date.month == 7 && $0.title.contains("스마트홈")
      })
    #expect(doc.meetings.filter { $0.date >= Self.sampleDay }.allSatisfy { $0.minutes.isEmpty })
    let future = Set(doc.meetings.filter { $0.date >= Self.sampleDay }.map(\.id))
    #expect(!future.isEmpty)
    #expect(doc.attendance.allSatisfy { !future.contains($0.meetingId) })
    let present = doc.attendance.filter { $0.status == .present }.count
    let rate = Double(present) / Double(doc.attendance.count)
    #expect((0.5...0.85).contains(rate))

    #expect((150...250).contains(doc.visits.count))
    #expect(doc.visits.allSatisfy { $0.date <= Self.sampleDay && $0.date.year == 2026 })
    let followUps = doc.visits.flatMap(\.followUps)
    #expect(followUps.contains { $0.isOverdue(on: Self.sampleDay) })
    #expect(followUps.contains { $0.done != nil })
    #expect(followUps.contains { $0.done == nil && ($0.due ?? Self.sampleDay) >= Self.sampleDay })

    let thisYear = doc.programs.filter { $0.year == 2026 }
    #expect((10...14).contains(thisYear.count))
    let budget = thisYear.map(\.budgetKRW).reduce(0, +)
    #expect((1_300_000_000...1_450_000_000).contains(budget))
    #expect((110...150).contains(doc.requests.count))
    for status in RequestStatus.allCases {
      #expect(doc.requests.contains { $0.status == status }, "no \(status)")
    }
    #expect((15...25).contains(doc.requests.filter { $0.status == .pending }.count))
    // An expert pool sized like an office's (Gumi: 181 for 354 companies), of every kind.
    #expect((60...90).contains(doc.experts.count))
    for kind in ExpertKind.allCases {
      #expect(doc.experts.contains { $0.kind == kind }, "no \(kind) expert")
    }
    let active = doc.mentorings.filter(\.isActive)
    #expect((30...50).contains(active.count))
    #expect(doc.mentorings.contains { !$0.isActive })
    #expect(doc.mentorings.contains { !$0.overrideReason.isEmpty })
    #expect(doc.mentoringSessions.count >= 100)
    #expect(doc.sigs.count >= 8)
    #expect(doc.sigs.allSatisfy { $0.leaderId != nil })
    for status in SIGTaskStatus.allCases {
      #expect(doc.sigTasks.contains { $0.status == status }, "no \(status) task")
    }
  }

  @Test func requestsFollowTheRules() {
    let doc = Self.sample
    let programs = Dictionary(uniqueKeysWithValues: doc.programs.map { ($0.id, $0) })
    let paid = Dictionary(grouping: doc.instalments, by: \.requestId)
    for r in doc.requests {
      #expect(r.requestedKRW > 0)
      let instalments = paid[r.id] ?? []
      switch r.status {
      case .approved, .agreed, .completed:
        #expect(r.approvedKRW != nil && r.approvedKRW! <= r.requestedKRW && r.approvedKRW! > 0)
        #expect(r.decided != nil && r.submitted != nil && r.decided! >= r.submitted!)
        #expect(!r.reviewer.isEmpty)
      case .rejected:
        #expect(r.decided != nil && !r.reviewer.isEmpty && !r.reason.isEmpty)
        #expect(r.approvedKRW == nil)
      case .pending:
        #expect(r.submitted != nil && r.decided == nil && r.approvedKRW == nil)
      case .draft:
        #expect(r.decided == nil && r.approvedKRW == nil && r.submitted == nil)
      case .withdrawn:
        #expect(r.submitted != nil && r.approvedKRW == nil && !r.reason.isEmpty)
      }
      // The steps of a support, in order and adding up.
      #expect((r.agreement != nil) == (r.status == .agreed || r.status == .completed))
      #expect((r.settlement != nil) == (r.status == .completed))
      #expect(instalments.isEmpty || r.agreement != nil)
      let program = programs[r.programId]!
      if let agreement = r.agreement {
        #expect(agreement.date > r.decided!)
        #expect(agreement.cofundingKRW >= program.minimumCofunding(for: r.approvedKRW!))
      }
      let total = instalments.map(\.amountKRW).reduce(0, +)
      #expect(total <= r.approvedKRW ?? 0)
      #expect(instalments.allSatisfy { $0.date >= r.agreement!.date && $0.date < Self.sampleDay })
      if let s = r.settlement {
        #expect(s.returnedKRW == total - s.spentKRW + s.disallowedKRW)
        #expect(s.spentKRW <= total && s.disallowedKRW <= s.spentKRW)
        #expect(instalments.allSatisfy { $0.date < s.reportDate } && s.reportDate < Self.sampleDay)
      }
      if let submitted = r.submitted { #expect(program.accepts(submittedOn: submitted)) }
      if let reference = r.difficulty {
        let visit = doc.visits.first { $0.id == reference.visitId }
        #expect(visit?.memberId == r.memberId)
        #expect(reference.number <= visit?.difficulties.count ?? 0)
        #expect(visit!.date < r.submitted!)
      }
    }
    for program in doc.programs {
      let own = doc.requests.filter { $0.programId == program.id }
      #expect(
        own.map(\.committedKRW).reduce(0, +) <= program.budgetKRW, "\(program.name) over budget")
      // Every member within its cap.
      for (_, mine) in Dictionary(
        grouping: own.filter { $0.status.countsAsApproved }, by: \.memberId)
      {
        if let cap = program.memberCapCount { #expect(mine.count <= cap, "\(program.name)") }
        if let cap = program.memberCapKRW {
          #expect(mine.map(\.committedKRW).reduce(0, +) <= cap, "\(program.name)")
        }
      }
    }
    let nearlyExhausted = doc.programs.filter { program in
      let spent = doc.requests.filter { $0.programId == program.id }.map(\.committedKRW)
        .reduce(0, +)
      return Double(spent) >= Double(program.budgetKRW) * 0.9
    }
    #expect(nearlyExhausted.count >= 2)
    // Every step is in the audit log, as the commands write it, in time order.
    for r in doc.requests {
      let entries = doc.audit.filter { $0.requestId == r.id }
      let statuses = entries.filter { $0.field == "status" }.map(\.after)
      let entered = r.submitted == nil ? "draft" : "pending"
      switch r.status {
      case .approved: #expect(statuses == ["pending", "approved"])
      case .agreed: #expect(statuses == ["pending", "approved", "agreed"])
      case .completed: #expect(statuses == ["pending", "approved", "agreed", "completed"])
      case .rejected: #expect(statuses == ["pending", "rejected"])
      case .withdrawn: #expect(statuses == [entered, "withdrawn"])
      case .pending, .draft: #expect(statuses == [entered])
      }
      #expect(entries.filter { $0.field == "instalment" }.count == (paid[r.id] ?? []).count)
      if let decided = r.decided {
        let decision = entries.first { $0.field == "decided" }
        #expect(decision?.at.hasPrefix(decided.description) == true)
        #expect(decision?.actor == r.reviewer)
      }
      if let approved = r.approvedKRW {
        #expect(entries.contains { $0.field == "approvedKRW" && $0.after == String(approved) })
      }
    }
    #expect(doc.audit.map(\.at) == doc.audit.map(\.at).sorted())
  }

  /// The demo shows a support's whole chain: this year's requests at every step up to settlements
  /// with money returned, and next year's programs with their early call.
  @Test func sampleShowsTheWholeChain() {
    let doc = Self.sample
    let year = Dictionary(uniqueKeysWithValues: doc.programs.map { ($0.id, $0.year) })
    let paid = Dictionary(grouping: doc.instalments, by: \.requestId)
    let thisYear = doc.requests.filter { year[$0.programId] == 2026 }
    #expect(thisYear.filter { $0.status == .agreed && !(paid[$0.id] ?? []).isEmpty }.count >= 3)
    let partly = thisYear.filter {
      $0.status == .agreed && (paid[$0.id] ?? []).map(\.amountKRW).reduce(0, +) < $0.approvedKRW!
        && !(paid[$0.id] ?? []).isEmpty
    }
    #expect(!partly.isEmpty, "no part-disbursed request")
    #expect(thisYear.contains { ($0.settlement?.returnedKRW ?? 0) > 0 }, "no return")
    #expect(thisYear.contains { ($0.settlement?.disallowedKRW ?? 0) > 0 }, "nothing disallowed")
    #expect(thisYear.contains { $0.reason == "기업당 연간 지원한도 초과" }, "no capped member")
    #expect(thisYear.filter { $0.difficulty != nil }.count >= 5)
    // Next year: the same programs, budgets 5% up, an early call.
    let next = doc.programs.filter { $0.year == 2027 }
    let current = doc.programs.filter { $0.year == 2026 }
    #expect(next.map(\.name).sorted() == current.map(\.name).sorted())
    let scaled: [KRW] = current.map { $0.budgetKRW * 105 / 100 }
    #expect(next.map(\.budgetKRW) == scaled)
    #expect(next.allSatisfy { $0.opens == Day(year: 2026, month: 11, day: 2) })
    let early = doc.requests.filter { year[$0.programId] == 2027 }
    for status in [RequestStatus.draft, .pending, .approved, .rejected, .withdrawn] {
      #expect(early.contains { $0.status == status }, "no \(status) in 2027")
    }
    // 중복지원: the approved member asks the same program again, past its cap of one.
    let approved = early.first { $0.status == .approved }!
    let again = early.filter {
      $0.memberId == approved.memberId && $0.programId == approved.programId
    }
    #expect(again.map(\.status) == [.approved, .pending])
    #expect(next.first { $0.id == approved.programId }?.memberCapCount == 1)
  }

  @Test func businessNumbersAreValidAndUnique() {
    let numbers = Self.sample.members.map(\.businessNumber).filter { !$0.isEmpty }
    #expect(numbers.count >= 120)
    #expect(numbers.allSatisfy(BusinessNumber.isValid))
    #expect(Set(numbers).count == numbers.count)
    #expect(
      Self.sample.members.filter { $0.kind == .company }.allSatisfy { !$0.businessNumber.isEmpty })
  }

  @Test func namesAreUniqueInEachCluster() {
    for cluster in Self.sample.clusters {
      let keys = Self.sample.members.filter { $0.clusterId == cluster.id }.map {
        Self.nameKey($0.name)
      }
      #expect(Set(keys).count == keys.count)
    }
  }

  @Test func textIsClean() {
    var texts: [String] = []
    func walk(_ value: Any) {
      if let s = value as? String {
        texts.append(s)
        return
      }
      for child in Mirror(reflecting: value).children { walk(child.value) }
    }
    walk(Self.sample)
    #expect(texts.count > 5000)
    for s in texts {
      #expect(s == s.precomposedStringWithCanonicalMapping, "\(s)")
      #expect(s == s.trimmingCharacters(in: .whitespacesAndNewlines), "\(s)")
      #expect(!s.contains("  ") && !s.contains("\n"), "\(s)")
    }
    let phone = #/^(02|0[3-6][1-5])-\d{3,4}-\d{4}$|^010-\d{4}-\d{4}$/#
    let email = #/^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/#
    let doc = Self.sample
    for p in doc.members.map(\.phone) + doc.contacts.map(\.phone) + doc.experts.map(\.phone) {
      #expect(p.wholeMatch(of: phone) != nil, "\(p)")
    }
    for e in doc.members.map(\.email) + doc.contacts.map(\.email) + doc.experts.map(\.email) {
      #expect(e.wholeMatch(of: email) != nil, "\(e)")
    }
  }

  static func checkStructure(_ doc: WorkspaceDocument) {
    func ids(_ values: [Int64]) -> Bool {
      values == Array(1...Int64(max(values.count, 1))).prefix(values.count).map { $0 }
    }
    #expect(ids(doc.clusters.map(\.id)))
    #expect(ids(doc.divisions.map(\.id)))
    #expect(ids(doc.members.map(\.id)))
    #expect(ids(doc.contacts.map(\.id)))
    #expect(ids(doc.meetings.map(\.id)))
    #expect(ids(doc.visits.map(\.id)))
    #expect(ids(doc.visits.flatMap(\.followUps).map(\.id)))
    #expect(ids(doc.programs.map(\.id)))
    #expect(ids(doc.requests.map(\.id)))
    #expect(ids(doc.instalments.map(\.id)))
    #expect(ids(doc.audit.map(\.id)))
    #expect(ids(doc.experts.map(\.id)))
    #expect(ids(doc.sigs.map(\.id)))

    let divisionCluster = Dictionary(
      uniqueKeysWithValues: doc.divisions.map { ($0.id, $0.clusterId) })
    let memberCluster = Dictionary(uniqueKeysWithValues: doc.members.map { ($0.id, $0.clusterId) })
    let memberKind = Dictionary(uniqueKeysWithValues: doc.members.map { ($0.id, $0.kind) })
    let clusterIds = Set(doc.clusters.map(\.id))
    #expect(doc.divisions.allSatisfy { clusterIds.contains($0.clusterId) })
    for m in doc.members {
      #expect(clusterIds.contains(m.clusterId))
      if let d = m.divisionId { #expect(divisionCluster[d] == m.clusterId) }
    }
    #expect(doc.contacts.allSatisfy { memberCluster[$0.memberId] != nil })
    for m in doc.meetings {
      #expect(clusterIds.contains(m.clusterId))
      if let d = m.divisionId { #expect(divisionCluster[d] == m.clusterId) }
    }
    let meetingCluster = Dictionary(
      uniqueKeysWithValues: doc.meetings.map { ($0.id, $0.clusterId) })
    let pairs = doc.attendance.map { [$0.meetingId, $0.memberId] }
    #expect(pairs == pairs.sorted { $0.lexicographicallyPrecedes($1) })
    #expect(Set(pairs).count == pairs.count)
    #expect(
      doc.attendance.allSatisfy { meetingCluster[$0.meetingId] == memberCluster[$0.memberId] })
    #expect(doc.visits.allSatisfy { memberCluster[$0.memberId] != nil })
    let programIds = Set(doc.programs.map(\.id))
    #expect(
      doc.requests.allSatisfy {
        memberCluster[$0.memberId] != nil && programIds.contains($0.programId)
      })
    let requestIds = Set(doc.requests.map(\.id))
    #expect(doc.audit.allSatisfy { $0.requestId.map(requestIds.contains) == true })
    #expect(ids(doc.mentorings.map(\.id)))
    #expect(ids(doc.mentoringSessions.map(\.id)))
    let mentored = doc.mentorings.filter(\.isActive).map(\.memberId)
    #expect(Set(mentored).count == mentored.count)
    #expect(doc.mentorings.allSatisfy { memberKind[$0.memberId] == .company })
    #expect(
      doc.mentorings.allSatisfy { $0.expertId >= 1 && $0.expertId <= Int64(doc.experts.count) })
    let assignment = Dictionary(uniqueKeysWithValues: doc.mentorings.map { ($0.id, $0) })
    #expect(
      doc.mentoringSessions.allSatisfy { assignment[$0.mentoringId]?.covers($0.date) == true })
    let sigCluster = Dictionary(uniqueKeysWithValues: doc.sigs.map { ($0.id, $0.clusterId) })
    let sigPairs = doc.sigMembers.map { [$0.sigId, $0.memberId] }
    #expect(sigPairs == sigPairs.sorted { $0.lexicographicallyPrecedes($1) })
    #expect(Set(sigPairs).count == sigPairs.count)
    #expect(doc.sigMembers.allSatisfy { sigCluster[$0.sigId] == memberCluster[$0.memberId] })
    #expect(doc.sigMembers.allSatisfy { memberKind[$0.memberId] == .company })
    let inSIG = Set(sigPairs)
    #expect(doc.sigs.allSatisfy { s in s.leaderId.map { inSIG.contains([s.id, $0]) } ?? true })
    #expect(
      doc.sigTasks.allSatisfy { inSIG.contains([$0.sigId, $0.ownerId]) && !$0.title.isEmpty })
    #expect(doc.sigTasks.allSatisfy { ($0.status == .done) == ($0.done != nil) })
  }

  @Test func sampleReferencesAndIdsHoldTogether() {
    Self.checkStructure(Self.sample)
  }

  @Test func clusterScaleIsOneRichCluster() {
    let doc = WorkspaceGenerator(scale: .cluster, seed: 11, today: Self.sampleDay).makeDocument()
    Self.checkStructure(doc)
    #expect(doc.clusters.count == 1)
    #expect((130...150).contains(doc.members.count))
    #expect(doc.members.filter { $0.role == .chair }.count == 1)
    #expect(doc.visits.count >= 150)
    #expect(doc.requests.contains { $0.status == .pending })
    let numbers = doc.members.map(\.businessNumber).filter { !$0.isEmpty }
    #expect(numbers.allSatisfy(BusinessNumber.isValid) && Set(numbers).count == numbers.count)
  }

  @Test func progressIsReportedUpToOne() {
    let box = ProgressBox()
    _ = WorkspaceGenerator(scale: .cluster, seed: 3, today: Self.sampleDay).makeDocument {
      box.values.append($0)
    }
    #expect(box.values.last == 1)
    #expect(box.values == box.values.sorted())
    #expect(box.values.count >= 50)
  }

  @Test func committedSampleFileIsCurrent() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("sample-data/seoul-digital-office.json")
    let committed = try Data(contentsOf: url)
    #expect(committed == (try Self.sample.encoded()))
  }
}

private final class ProgressBox: @unchecked Sendable {
  var values: [Double] = []
}

/// The generator's output is what a user could have typed: it passes every rule the workspace
/// checks on import, and SQLite's own integrity and foreign-key checks afterwards.
@Suite struct GeneratorValidationTests {
  static let day = Day(year: 2026, month: 11, day: 26)!

  @Test func clusterScaleIsDeterministicForASeed() throws {
    let a = WorkspaceGenerator(scale: .cluster, seed: 42, today: Self.day).makeDocument()
    let b = WorkspaceGenerator(scale: .cluster, seed: 42, today: Self.day).makeDocument()
    #expect(try a.encoded() == b.encoded())
    let c = WorkspaceGenerator(scale: .cluster, seed: 43, today: Self.day).makeDocument()
    #expect(try a.encoded() != c.encoded())
  }

  @Test(arguments: [WorkspaceGenerator.Scale.sample, .cluster])
  func outputPassesEveryWorkspaceRule(scale: WorkspaceGenerator.Scale) throws {
    let document = WorkspaceGenerator(scale: scale, seed: 9, today: Self.day).makeDocument()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "clusterdesk-gen-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let workspace = try Workspace(
      path: folder.appendingPathComponent("g.clusterdesk").path, create: true)
    try workspace.importDocument(document)
    #expect(try workspace.integrityProblems().isEmpty)
    // Everything arrived, and the round trip gives the same document back.
    let back = try workspace.exportDocument()
    #expect(back.members.count == document.members.count)
    #expect(back.visits.count == document.visits.count)
    #expect(back.requests.count == document.requests.count)
    #expect(try back.encoded() == document.encoded())
  }
}

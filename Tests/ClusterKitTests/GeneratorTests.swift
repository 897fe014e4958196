import Foundation
import Testing

@testable import ClusterKit

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
    let submitted = doc.members.filter(\.profileSubmitted).count
    #expect((45...80).contains(submitted))
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

    #expect((10...14).contains(doc.programs.count))
    let budget = doc.programs.map(\.budgetKRW).reduce(0, +)
    #expect((1_300_000_000...1_450_000_000).contains(budget))
    #expect((95...130).contains(doc.requests.count))
    for status in RequestStatus.allCases {
      #expect(doc.requests.contains { $0.status == status }, "no \(status)")
    }
    #expect((15...25).contains(doc.requests.filter { $0.status == .pending }.count))
    #expect((25...35).contains(doc.experts.count))
    #expect((30...50).contains(doc.mentorings.count))
    #expect(doc.sigs.count >= 8)
  }

  @Test func requestsFollowTheRules() {
    let doc = Self.sample
    for r in doc.requests {
      #expect(r.requestedKRW > 0)
      switch r.status {
      case .approved, .completed:
        #expect(r.approvedKRW != nil && r.approvedKRW! <= r.requestedKRW && r.approvedKRW! > 0)
        #expect(r.decided != nil && r.submitted != nil && r.decided! >= r.submitted!)
        #expect(!r.reviewer.isEmpty)
      case .rejected:
        #expect(r.decided != nil && !r.reviewer.isEmpty && !r.reason.isEmpty)
        #expect(r.approvedKRW == nil)
      case .pending:
        #expect(r.submitted != nil && r.decided == nil && r.approvedKRW == nil)
      case .draft:
        #expect(r.decided == nil && r.approvedKRW == nil)
      case .withdrawn:
        #expect(r.submitted != nil && r.approvedKRW == nil)
      }
    }
    for program in doc.programs {
      let spent = doc.requests.filter { $0.programId == program.id && $0.status.countsAsApproved }
        .compactMap(\.approvedKRW).reduce(0, +)
      #expect(spent <= program.budgetKRW, "\(program.name) over budget")
    }
    let nearlyExhausted = doc.programs.filter { program in
      let spent = doc.requests.filter { $0.programId == program.id && $0.status.countsAsApproved }
        .compactMap(\.approvedKRW).reduce(0, +)
      return Double(spent) >= Double(program.budgetKRW) * 0.9
    }
    #expect(nearlyExhausted.count >= 2)
    // Every decision is in the audit log, in time order.
    for r in doc.requests {
      let entries = doc.audit.filter { $0.requestId == r.id }
      let statuses = entries.filter { $0.field == "status" }.map(\.after)
      switch r.status {
      case .approved: #expect(statuses == ["approved"])
      case .completed: #expect(statuses == ["approved", "completed"])
      case .rejected: #expect(statuses == ["rejected"])
      case .withdrawn: #expect(statuses == ["withdrawn"])
      case .pending, .draft: #expect(entries.isEmpty)
      }
      if let decided = r.decided {
        #expect(entries.first?.at.hasPrefix(decided.description) == true)
        #expect(entries.first?.actor == r.reviewer)
      }
      if let approved = r.approvedKRW {
        #expect(entries.contains { $0.field == "approvedKRW" && $0.after == String(approved) })
      }
    }
    #expect(doc.audit.map(\.at) == doc.audit.map(\.at).sorted())
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
    #expect(doc.audit.allSatisfy { requestIds.contains($0.requestId) })
    let mentored = doc.mentorings.map(\.memberId)
    #expect(mentored == mentored.sorted() && Set(mentored).count == mentored.count)
    #expect(mentored.allSatisfy { memberKind[$0] == .company })
    #expect(
      doc.mentorings.allSatisfy { $0.expertId >= 1 && $0.expertId <= Int64(doc.experts.count) })
    let sigCluster = Dictionary(uniqueKeysWithValues: doc.sigs.map { ($0.id, $0.clusterId) })
    let sigPairs = doc.sigMembers.map { [$0.sigId, $0.memberId] }
    #expect(sigPairs == sigPairs.sorted { $0.lexicographicallyPrecedes($1) })
    #expect(Set(sigPairs).count == sigPairs.count)
    #expect(doc.sigMembers.allSatisfy { sigCluster[$0.sigId] == memberCluster[$0.memberId] })
    #expect(doc.sigMembers.allSatisfy { memberKind[$0.memberId] == .company && !$0.task.isEmpty })
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

  /// The committed sample is what the generator makes. It is regenerated only on purpose, so it
  /// may be of an older format version: brought to the current one as an import brings it (the
  /// audit chain computed), it must give the same bytes.
  @Test func committedSampleFileIsCurrent() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("sample-data/seoul-digital-office.json")
    let committed = try Data(contentsOf: url)
    var document = try WorkspaceDocument.decode(committed)
    if document.version < WorkspaceDocument.currentVersion {
      document.version = WorkspaceDocument.currentVersion
      document.audit = AuditChain.sealed(document.audit)
    } else {
      #expect(committed == (try document.encoded()))
    }
    #expect(try document.encoded() == (try Self.sample.encoded()))
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

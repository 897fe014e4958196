import Foundation
import Testing

@testable import ClusterKit

/// One company in two mini-clusters: asked about when added or imported, and found by the name
/// written exactly afterwards.
@Suite struct MemberDuplicateTests {
  /// `(주)한강로보텍` in the first mini-cluster and a second mini-cluster to add to.
  func office() throws -> (TemporaryWorkspace, Member, Cluster) {
    let temp = try TemporaryWorkspace()
    let first = try temp.member("(주)한강로보텍", number: businessNumber(1))
    let other = try temp.workspace.addCluster(Cluster(name: "IT융합"))
    return (temp, first, other)
  }

  @Test func aNameOfAnotherClusterIsAskedAboutAndAddedWhenConfirmed() throws {
    let (temp, first, other) = try office()
    let member = Member(clusterId: other.id, name: "한강로보텍 주식회사")
    let asked = #expect(throws: PossibleDuplicates.self) {
      try temp.workspace.addMember(member)
    }
    #expect(asked?.matches.first?.existing == [.member("#\(first.id) (주)한강로보텍 (지능형메카트로닉스)")])
    #expect(asked?.message(.en).contains("#\(first.id) (주)한강로보텍 (지능형메카트로닉스)") == true)
    #expect(asked?.message(.ko).contains("한강로보텍 주식회사는 다른 미니클러스터") == true)
    #expect(try temp.workspace.memberCount(MemberQuery()) == 1)
    let added = try temp.workspace.addMember(member, allowDuplicate: true)
    #expect(added.clusterId == other.id)
  }

  @Test func aBusinessNumberOfAnotherClusterIsAskedAboutAndAddedWhenConfirmed() throws {
    let (temp, first, other) = try office()
    let member = Member(clusterId: other.id, name: "한강기계", businessNumber: businessNumber(1))
    let asked = #expect(throws: PossibleDuplicates.self) { try temp.workspace.addMember(member) }
    #expect(asked?.matches.first?.existing == [.member("#\(first.id) (주)한강로보텍 (지능형메카트로닉스)")])
    let added = try temp.workspace.addMember(member, allowDuplicate: true)
    #expect(added.businessNumber == first.businessNumber)
    // The number now names two members: each is listed with its cluster.
    let ambiguous = #expect(throws: ValidationError.self) {
      try temp.workspace.findMember(BusinessNumber.format(first.businessNumber))
    }
    #expect(ambiguous?.message(.en).contains("#\(added.id) 한강기계 (IT융합)") == true)
  }

  @Test func aBusinessNumberOfTheSameClusterIsRefusedNamingTheMember() throws {
    let (temp, first, _) = try office()
    let error = #expect(throws: ValidationError.self) {
      try temp.workspace.addMember(
        Member(clusterId: first.clusterId, name: "한강기계", businessNumber: businessNumber(1)),
        allowDuplicate: true)
    }
    #expect(
      error?.errors.first?.problem == .duplicate(of: "#\(first.id) (주)한강로보텍 (지능형메카트로닉스)"))
  }

  @Test func aRenameToANameOfAnotherClusterIsAskedAboutAndSavedWhenConfirmed() throws {
    let (temp, first, other) = try office()
    let second = try temp.workspace.addMember(Member(clusterId: other.id, name: "한강기계"))
    var renamed = second
    renamed.name = "한강로보텍\u{200B} 주식회사"
    let asked = #expect(throws: PossibleDuplicates.self) {
      try temp.workspace.updateMember(renamed, original: second)
    }
    #expect(asked?.matches.first?.existing == [.member("#\(first.id) (주)한강로보텍 (지능형메카트로닉스)")])
    #expect(try temp.workspace.member(id: second.id)?.name == "한강기계")
    let saved = try temp.workspace.updateMember(renamed, original: second, allowDuplicate: true)
    // Asked once: a later edit of another field saves at once.
    var phoned = saved
    phoned.representative = "김한강"
    #expect(try temp.workspace.updateMember(phoned, original: saved).representative == "김한강")
  }

  @Test func theExactNameFindsItsMemberAndAPartNameListsTheCandidates() throws {
    let (temp, first, other) = try office()
    let second = try temp.workspace.addMember(
      Member(clusterId: other.id, name: "한강로보텍 주식회사"), allowDuplicate: true)
    #expect(try temp.workspace.findMember("한강로보텍 주식회사").id == second.id)
    #expect(try temp.workspace.findMember("(주)한강로보텍").id == first.id)
    #expect(try temp.workspace.findMember("#\(second.id)").id == second.id)
    let ambiguous = #expect(throws: ValidationError.self) {
      try temp.workspace.findMember("한강로보텍")
    }
    let message = ambiguous?.message(.en) ?? ""
    #expect(message.contains("#\(first.id) (주)한강로보텍 (지능형메카트로닉스)"))
    #expect(message.contains("#\(second.id) 한강로보텍 주식회사 (IT융합)"))
  }

  @Test func anImportNamesEveryRowOfAnotherClusterAndImportsNothingUntilConfirmed() throws {
    let (temp, first, _) = try office()
    let file = try MemberCSV.read(
      text: "회사명,미니클러스터\n한강로보텍 주식회사,IT융합\n대성정밀,IT융합\n대성정밀(주),지능형메카트로닉스\n")
    let asked = #expect(throws: PossibleDuplicates.self) {
      try temp.workspace.importMembers(file, clusterName: nil)
    }
    #expect(
      asked?.matches == [
        PossibleDuplicate(
          line: 2, name: "한강로보텍 주식회사", existing: [.member("#\(first.id) (주)한강로보텍 (지능형메카트로닉스)")]),
        PossibleDuplicate(line: 4, name: "대성정밀(주)", existing: [.row(3)]),
      ])
    #expect(asked?.message(.ko).contains("4행, 대성정밀(주)는") == true)
    #expect(try temp.workspace.memberCount(MemberQuery()) == 1)
    #expect(try temp.workspace.cluster(named: "IT융합")?.id != nil)
    let result = try temp.workspace.importMembers(file, clusterName: nil, allowDuplicate: true)
    #expect(result.added == 3)
    #expect(result.clusters.map(\.name) == ["IT융합", "지능형메카트로닉스"])
  }

  /// An import asks the workspace about each row's name and number once for both checks (a
  /// duplicate in its mini-cluster, a possible one in another): two index lookups a row, not
  /// one query per check; a national import adds 20,000 rows.
  @Test func anImportLooksUpEachRowsNameAndNumberOnce() throws {
    let (temp, _, _) = try office()
    let rows = (1...20).map { "회사\($0),\(BusinessNumber.format(businessNumber(100 + $0))),IT융합" }
    let file = try MemberCSV.read(text: "회사명,사업자등록번호,미니클러스터\n" + rows.joined(separator: "\n"))
    final class Seen: @unchecked Sendable { var sql: [String] = [] }
    let seen = Seen()
    temp.workspace.pool.writeWithoutTransaction { db in
      db.trace { event in seen.sql.append("\(event)") }
    }
    let result = try temp.workspace.importMembers(file, clusterName: nil)
    temp.workspace.pool.writeWithoutTransaction { db in db.trace(options: [], nil) }
    #expect(result.added == 20)
    let lookups = seen.sql.filter { $0.hasPrefix("SELECT") && $0.contains("FROM member") }
    #expect(lookups.count <= 2 * 20 + 2, "\(lookups.count) member look-ups for 20 rows")
  }

  @Test func rowsTakeTheirClusterAndTheDefaultIsForRowsWithoutOne() throws {
    let temp = try TemporaryWorkspace()
    let file = try MemberCSV.read(
      text: "회사명,미니클러스터,분과,디렉토리북\n유신테크,IT융합,IT장비,Y\n한빛정밀,,IT장비,N\n")
    let result = try temp.workspace.importMembers(
      file, clusterName: "지능형메카트로닉스", today: Day(year: 2026, month: 11, day: 26)!)
    #expect(result.clustersCreated == ["IT융합"])
    #expect(result.divisionsCreated == ["IT장비", "IT장비"])
    let exported = try temp.workspace.membersForExport(today: Day(year: 2026, month: 11, day: 26)!)
    #expect(exported.map(\.cluster) == ["IT융합", "지능형메카트로닉스"])
    #expect(exported.map(\.division) == ["IT장비", "IT장비"])
    #expect(exported.map(\.profileSubmitted) == [true, false])
    let missing = #expect(throws: ValidationError.self) {
      try TemporaryWorkspace().workspace.importMembers(
        try MemberCSV.read(text: "회사명,미니클러스터\n가람테크,\n"), clusterName: nil)
    }
    #expect(missing?.errors.map(\.field) == ["cluster"])
    #expect(missing?.errors.first?.line == 2)
  }

  @Test func aWrongDirectoryBookValueIsAProblemOfItsCell() throws {
    let file = try MemberCSV.read(text: "회사명,디렉토리북\n유신테크,아마도\n")
    #expect(file.rows[0].errors.map(\.field) == ["directoryBook"])
    #expect(file.rows[0].errors.first?.column == "디렉토리북")
  }
}

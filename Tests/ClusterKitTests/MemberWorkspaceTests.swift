import Foundation
import Testing

@testable import ClusterKit

@Suite struct MemberWorkspaceTests {
  @Test func addNormalisesAndCreatesTheDivision() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.workspace.addMember(
      Member(
        clusterId: temp.cluster.id, name: "  (주)유신테크 ", representative: "김철수",
        businessNumber: "124-81-00998", phone: "0212345678", role: .chair),
      divisionName: "IT장비")
    #expect(member.name == "(주)유신테크")
    #expect(member.businessNumber == "1248100998")
    #expect(member.phone == "02-1234-5678")
    #expect(try temp.workspace.divisions(clusterId: temp.cluster.id).map(\.name) == ["IT장비"])
  }

  @Test func legalFormSpellingsAreOneCompany() throws {
    let temp = try TemporaryWorkspace()
    try temp.member("(주)유신테크")
    for spelling in ["㈜ 유신테크", "유신테크 주식회사", "유신테크"] {
      let error = #expect(throws: ValidationError.self) { try temp.member(spelling) }
      #expect(error?.errors.map(\.field) == ["name"])
    }
  }

  @Test func businessNumberIsUniqueAndChecked() throws {
    let temp = try TemporaryWorkspace()
    try temp.member("한빛정밀", number: "124-81-00998")
    let duplicate = #expect(throws: ValidationError.self) {
      try temp.member("대성전자", number: "1248100998")
    }
    #expect(duplicate?.errors.first?.field == "businessNumber")
    let bad = #expect(throws: ValidationError.self) {
      try temp.member("대성전자", number: "124-81-00999")
    }
    #expect(bad?.errors.first?.problem == .checkDigit)
  }

  @Test func searchByInitialsHalfTypedAndRepresentative() throws {
    let temp = try TemporaryWorkspace()
    try temp.member("(주)유신테크")
    try temp.member("가나전자")
    try temp.member("㈜하늘정밀")
    func names(_ search: String) throws -> [String] {
      try temp.workspace.memberRows(MemberQuery(search: search), offset: 0, limit: 50).map(\.name)
    }
    #expect(try names("ㅇㅅㅌㅋ") == ["(주)유신테크"])
    #expect(try names("유신ㅌ") == ["(주)유신테크"])
    #expect(try names("ㅎㄴ") == ["㈜하늘정밀"])
    #expect(try names("") == ["가나전자", "(주)유신테크", "㈜하늘정밀"])
    #expect(try temp.workspace.memberCount(MemberQuery(search: "정밀")) == 1)
  }

  @Test func windowsPageThroughTheDirectory() throws {
    let temp = try TemporaryWorkspace()
    for index in 0..<30 { try temp.member("회원사\(String(format: "%02d", index))") }
    let query = MemberQuery()
    #expect(try temp.workspace.memberCount(query) == 30)
    let second = try temp.workspace.memberRows(query, offset: 10, limit: 10).map(\.name)
    #expect(second.first == "회원사10")
    #expect(second.count == 10)
    var descending = query
    descending.descending = true
    #expect(try temp.workspace.memberRows(descending, offset: 0, limit: 1).first?.name == "회원사29")
  }

  @Test func concurrentEditIsDetectedNotOverwritten() throws {
    let temp = try TemporaryWorkspace()
    let original = try temp.member("한빛정밀")
    var first = original
    first.phone = "02-111-2222"
    try temp.workspace.updateMember(first, original: original)
    var second = original
    second.phone = "02-333-4444"
    #expect(throws: WorkspaceError.conflict(kind: "member", reference: "#\(original.id) 한빛정밀")) {
      try temp.workspace.updateMember(second, original: original)
    }
    #expect(try temp.workspace.member(id: original.id)?.phone == "02-111-2222")
  }

  @Test func findMemberByIdNumberOrName() throws {
    let temp = try TemporaryWorkspace()
    let yusin = try temp.member("(주)유신테크", number: "124-81-00998")
    try temp.member("유신정밀")
    #expect(try temp.workspace.findMember("124-81-00998").id == yusin.id)
    #expect(try temp.workspace.findMember("\(yusin.id)").id == yusin.id)
    #expect(try temp.workspace.findMember("유신테크").id == yusin.id)
    #expect(throws: ValidationError.self) { try temp.workspace.findMember("유신") }
    #expect(throws: WorkspaceError.self) { try temp.workspace.findMember("없는회사") }
  }
}

@Suite struct NewClusterTests {
  @Test func aRefusedMemberLeavesNoNewClusterBehind() throws {
    let temp = try TemporaryWorkspace()
    #expect(throws: ValidationError.self) {
      try temp.workspace.addMember(Member(clusterId: 0, name: " "), clusterName: "바이오헬스")
    }
    #expect(try temp.workspace.cluster(named: "바이오헬스") == nil)
    let (member, created) = try temp.workspace.addMember(
      Member(clusterId: 0, name: "(주)바이오원"), clusterName: "바이오헬스", divisionName: "의료기기")
    #expect(created)
    #expect(try temp.workspace.requireCluster(named: "바이오헬스").id == member.clusterId)
    #expect(
      try temp.workspace.addMember(Member(clusterId: 0, name: "헬스투"), clusterName: "바이오헬스")
        .clusterCreated == false)
  }
}

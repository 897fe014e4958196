import Foundation
import GRDB
import Testing

@testable import ClusterKit

/// The member search index and the stored last visit follow every write.
@Suite struct MemberIndexTests {
  @Test func searchFollowsAddEditAndImport() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("(주)유신테크")
    func count(_ search: String) throws -> Int {
      try temp.workspace.memberCount(MemberQuery(search: search))
    }
    #expect(try count("ㅇㅅㅌㅋ") == 1)
    var renamed = member
    renamed.name = "하늘정밀"
    renamed.representative = "김대표"
    renamed.products = "금형 부품"
    try temp.workspace.updateMember(renamed, original: member)
    #expect(try count("ㅇㅅㅌㅋ") == 0)
    for search in ["ㅎㄴ", "하늘ㅈ", "하늘저", "정밀", "김대표", "금형", "형", "ㅈㅁ"] {
      #expect(try count(search) == 1, "\(search)")
    }
    let file = try MemberCSV.read(Data("회사명,대표자\n신비전자,홍길동\n".utf8))
    _ = try temp.workspace.importMembers(file, clusterName: "다른클러스터")
    #expect(try count("ㅅㅂㅈ") == 1)
    #expect(try count("길동") == 1)
  }

  @Test func lastVisitFollowsVisits() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("(주)유신테크")
    let day = Day(year: 2026, month: 3, day: 2)!
    func last() throws -> Day? {
      try temp.workspace.memberRows(MemberQuery(), offset: 0, limit: 1).first?.lastVisit
    }
    #expect(try last() == nil)
    let later = try temp.workspace.addVisit(
      Visit(memberId: member.id, date: day.adding(days: 10), visitor: "박", purpose: .needsSurvey))
    _ = try temp.workspace.addVisit(
      Visit(memberId: member.id, date: day, visitor: "박", purpose: .needsSurvey))
    #expect(try last() == day.adding(days: 10))
    try temp.workspace.write { db in
      try db.execute(sql: "DELETE FROM visit WHERE id = ?", arguments: [later.id])
    }
    #expect(try last() == day)
    let due = try temp.workspace.dueForVisit(today: day.adding(days: 100))
    #expect(due.map(\.memberId) == [member.id])
    #expect(due.first?.daysSince == 100)
    #expect(try temp.workspace.dueForVisit(today: day.adding(days: 30)).isEmpty)
  }
}

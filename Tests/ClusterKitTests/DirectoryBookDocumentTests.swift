import Foundation
import Testing

@testable import ClusterKit

private let today = Day(year: 2026, month: 11, day: 26)!
private func day(_ text: String) -> Day { Day(parsing: text)! }

/// A small office: two divisions and a member in none, two editions of the book.
private struct BookOffice {
  let temp: TemporaryWorkspace
  var w: Workspace { temp.workspace }
  var members: [String: Member] = [:]

  init() throws {
    temp = try TemporaryWorkspace()
    let w = temp.workspace
    func add(
      _ name: String, division: String?, kind: MemberKind = .company, changed: String,
      phone: String = ""
    ) throws {
      members[name] = try w.addMember(
        Member(
          clusterId: temp.cluster.id, kind: kind, name: name, representative: "대표",
          products: "센서", employees: 12, salesKRW: 1_370_000_000, founded: day("2001-03-27"),
          address: "서울특별시 금천구", phone: phone, website: "www.example.kr",
          profileChanged: day(changed)), divisionName: division)
    }
    try add("(주)하늘정밀", division: "IT장비", changed: "2025-03-01")
    try add("가온전자 주식회사", division: "IT장비", changed: "2026-05-10")
    try add("㈜ 나래시스템", division: "IT장비", changed: "2025-03-01")
    try add("A&B <주>", division: "메디시스템", changed: "2025-03-01")
    try add("다온바이오", division: "메디시스템", changed: "2025-03-01")
    try add("서울테크노파크", division: nil, kind: .agency, changed: "2025-03-01")
    try add("떠난기업", division: "메디시스템", changed: "2025-03-01")
    try add("미제출기업", division: "IT장비", changed: "2025-03-01")
    let other = try w.addCluster(Cluster(name: "IT융합"))
    members["바른소프트"] = try w.addMember(
      Member(clusterId: other.id, name: "바른소프트", profileChanged: day("2025-01-01")))
    for name in ["(주)하늘정밀", "가온전자 주식회사", "㈜ 나래시스템", "떠난기업", "미제출기업", "바른소프트"] {
      try w.recordDirectoryBook(
        memberId: members[name]!.id, edition: 2025, .submitted(day("2025-09-10")), today: today)
    }
    for name in ["(주)하늘정밀", "가온전자 주식회사", "㈜ 나래시스템", "A&B <주>", "다온바이오", "서울테크노파크", "바른소프트"] {
      try w.recordDirectoryBook(
        memberId: members[name]!.id, edition: 2026, .submitted(day("2026-09-10")), today: today)
    }
    try w.recordDirectoryBook(
      memberId: members["미제출기업"]!.id, edition: 2026, .asked(day("2026-09-01")), today: today)
    var gone = members["떠난기업"]!
    let original = gone
    gone.status = .left
    gone.left = day("2026-06-30")
    _ = try w.updateMember(gone, original: original)
    _ = try w.addContact(
      Contact(memberId: members["(주)하늘정밀"]!.id, name: "이민규", title: "과장", phone: "01078175211"))
    _ = try w.addContact(
      Contact(memberId: members["(주)하늘정밀"]!.id, name: "김명호", title: "부장", phone: "02-2283-6974"))
  }
}

@Suite struct DirectoryBookDocumentTests {
  @Test func theBookHoldsTheSubmittedMembersInOrder() throws {
    let office = try BookOffice()
    let book = try office.w.directoryBookContents(edition: 2026, everyone: false, changesSince: nil)
    // Mini-clusters by name; divisions by name, the members in none last; 가나다 order of the
    // names without their legal form.
    #expect(book.parts.map(\.cluster.name) == ["IT융합", "지능형메카트로닉스"])
    let divisions = book.parts[1].divisions
    #expect(divisions.map(\.name) == ["IT장비", "메디시스템", nil])
    #expect(
      divisions.map { $0.companies.map(\.member.name) } == [
        ["가온전자 주식회사", "㈜ 나래시스템", "(주)하늘정밀"], ["A&B <주>", "다온바이오"], ["서울테크노파크"],
      ])
    #expect(book.companies.map(\.number) == Array(1...7))
    #expect(book.companies.allSatisfy { $0.change == nil })
    #expect(book.companies.first { $0.member.name == "(주)하늘정밀" }?.contacts.count == 2)
    // Everyone: the asked member too, never one who left.
    let all = try office.w.directoryBookContents(edition: 2026, everyone: true, changesSince: nil)
    #expect(all.companies.count == 8)
    #expect(!all.companies.contains { $0.member.name == "떠난기업" })
    #expect(try office.w.directoryEditions() == [2025, 2026])
  }

  @Test func changesSinceAnEarlierEditionAreNewChangedAndGone() throws {
    let office = try BookOffice()
    let book = try office.w.directoryBookContents(
      edition: 2026, everyone: false, changesSince: 2025)
    let changes = Dictionary(
      uniqueKeysWithValues: book.companies.map { ($0.member.name, $0.change) })
    #expect(changes["A&B <주>"] == .new)
    #expect(changes["서울테크노파크"] == .new)
    #expect(changes["가온전자 주식회사"] == .changed(day("2026-05-10")))
    #expect(changes["(주)하늘정밀"] == .some(nil))
    #expect(book.changes?.since == 2025)
    #expect(book.changes?.left.map(\.member.name) == ["떠난기업", "미제출기업"])
    #expect(book.changes?.left.first?.member.status == .left)
  }

  @Test func theHTMLEscapesMasksAndBreaksPages() throws {
    let office = try BookOffice()
    let book = try office.w.directoryBookContents(
      edition: 2026, everyone: false, changesSince: 2025)
    let html = DirectoryBookHTML.render(book, .init(language: .ko, unmask: false, printed: today))
    #expect(html.contains("A&amp;B &lt;주&gt;"))
    #expect(!html.contains("A&B <주>"))
    #expect(html.contains("010-****-5211"))
    #expect(!html.contains("7817"))
    // Office numbers are not personal.
    #expect(html.contains("02-2283-6974"))
    #expect(html.contains("size: A4"))
    #expect(html.contains(".sheet { height: 262.0mm; overflow: hidden; break-before: page; }"))
    #expect(html.contains("<html lang=\"ko\">"))
    #expect(html.contains("\"NanumGothic\"") && html.contains("\"Malgun Gothic\""))
    #expect(!html.contains("http://fonts") && !html.contains("@import") && !html.contains("<link"))
    #expect(html.contains("2025년판 이후 달라진 점"))
    #expect(html.contains("떠난기업") && html.contains("2026-06-30 탈퇴"))
    #expect(html.contains("2026년 기업 정보 미제출"))
    // Every company once as a profile, in the book's order, each linked from the contents.
    let articles = html.components(separatedBy: "<article class=\"company\" id=\"m").dropFirst()
      .map { Int64($0.prefix { $0.isNumber })! }
    #expect(articles == book.companies.map(\.member.id))
    for company in book.companies {
      #expect(html.contains("<a href=\"#m\(company.member.id)\">"))
    }
    let unmasked = DirectoryBookHTML.render(
      book, .init(language: .en, unmask: true, printed: today))
    #expect(unmasked.contains("010-7817-5211"))
    #expect(unmasked.contains("Changes since the 2025 edition"))
    #expect(unmasked.contains("<dt>Representative</dt>"))
  }

  /// The pages the contents print: the cover, the contents, the changes, then each mini-cluster
  /// from a new page with two profiles a page, or a page (or more) for one too long for half.
  @Test func eachCompanyIsGivenThePageItIsPrintedOn() throws {
    let office = try BookOffice()
    var long = office.members["가온전자 주식회사"]!
    long.products = String(repeating: "정밀 감속기와 서보 모터 제어기 ", count: 40)
    _ = try office.w.updateMember(long, original: office.members["가온전자 주식회사"]!)
    let book = try office.w.directoryBookContents(
      edition: 2026, everyone: false, changesSince: 2025)
    let options = DirectoryBookHTML.Options(language: .ko, unmask: false, printed: today)
    let pages = DirectoryBookPages(
      book, changes: [.heading("새로 실린 회원 (2)"), .item("A"), .item("B")],
      division: { $0.name ?? "분과 없음" }, options: options)
    #expect(pages.contents.count == 1)
    #expect(pages.changesPage == 3)
    // IT융합: 바른소프트 alone on page 4. 지능형메카트로닉스 from page 5: 가온전자 (long, a page
    // of its own), then ㈜ 나래시스템 and (주)하늘정밀 on page 6, A&B and 다온바이오 on 7, 서울테크노파크 on 8.
    let byName = Dictionary(
      uniqueKeysWithValues: book.companies.map { ($0.member.name, pages.companyPage[$0.number]) })
    #expect(byName["바른소프트"] == 4)
    #expect(byName["가온전자 주식회사"] == 5)
    #expect(byName["㈜ 나래시스템"] == 6 && byName["(주)하늘정밀"] == 6)
    #expect(byName["A&B <주>"] == 7 && byName["다온바이오"] == 7)
    #expect(byName["서울테크노파크"] == 8)
    #expect(pages.clusterPage.values.sorted() == [4, 5])
    // The profile estimate grows with its text and its contact people; one of a page's length
    // takes more than one page.
    let company = book.companies.first { $0.member.name == "(주)하늘정밀" }!
    var longer = company
    longer.contacts += Array(repeating: company.contacts[0], count: 60)
    #expect(DirectoryBookPages.profileHeight(company, options) < DirectoryBookPages.halfSlot)
    #expect(DirectoryBookPages.profileHeight(longer, options) > DirectoryBookPages.fullSlot)
    // The contents go on to a second sheet after 41 lines, never ending with a heading.
    let many = (1...60).map { _ in DirectoryBookPages.ChangesLine.item("x") }
    let sheets = DirectoryBookPages(
      book, changes: [.heading("a")] + many + [.blank, .heading("b"), .item("y")],
      division: { $0.name ?? "" }, options: options
    ).changes
    #expect(sheets.map(\.count) == [41, 23])
    if case .heading = sheets[0].last! { Issue.record("a sheet ends with a heading") }
  }

  @Test func officeNamesCannotBreakOutOfTheStyleSheet() {
    let css = DirectoryBookHTML.cssString("A\"B</style><script>\\")
    #expect(css == "\"A\\22 B\\3c /style\\3e \\3c script\\3e \\5c \"")
  }

  @Test func mobileNumbersAreMaskedAndOthersAreNot() {
    #expect(PhoneNumber.masked("010-1234-5678") == "010-****-5678")
    #expect(PhoneNumber.masked("01012345678") == "010-****-5678")
    #expect(PhoneNumber.masked("+82 10 1234 5678") == "010-****-5678")
    #expect(PhoneNumber.masked("011-123-4567") == "011-****-4567")
    #expect(PhoneNumber.masked("010 1234 5678 (내선 3)") == "010-****-5678")
    #expect(PhoneNumber.masked("82 10-1234-5678 휴대") == "010-****-5678")
    #expect(PhoneNumber.masked("02-2283-6974") == "02-2283-6974")
    #expect(PhoneNumber.masked("031-123-4567") == "031-123-4567")
    #expect(PhoneNumber.masked("1588-1234") == "1588-1234")
    #expect(PhoneNumber.masked("070-1234-5678") == "070-1234-5678")
    #expect(PhoneNumber.masked("") == "")
    #expect(PhoneNumber.masked("내선 204") == "내선 204")
  }
}

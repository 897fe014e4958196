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

/// The index only narrows: for names, initials, half-typed and mixed queries over the sample
/// office, the count is what the exact comparison alone gives over every member.
@Test func indexedSearchCountsWhatTheExactComparisonCounts() throws {
  let temp = try TemporaryWorkspace()
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../sample-data/seoul-digital-office.json")
  let target = try Workspace(path: temp.file("sample.clusterdesk"), create: true)
  try target.importDocument(try WorkspaceDocument.decode(try Data(contentsOf: url)))
  let members = try target.memberRows(MemberQuery(), offset: 0, limit: 1000)
  var queries: Set<String> = []
  for member in members.prefix(60) {
    let key = Array(KoreanText.nameKey(member.name))
    for start in 0..<key.count {
      for end in (start + 1)...min(key.count, start + 4) {
        let part = String(key[start..<end])
        queries.insert(part)
        queries.insert(KoreanText.initials(part))
        queries.insert(String(key[start..<end - 1]) + KoreanText.initials(String(key[end - 1])))
        if let last = part.unicodeScalars.last, (0xAC00...0xD7A3).contains(last.value),
          (last.value - 0xAC00) % 28 != 0
        {
          let open = Unicode.Scalar(last.value - (last.value - 0xAC00) % 28)!
          queries.insert(String(part.unicodeScalars.dropLast()) + String(Character(open)))
        }
      }
    }
    queries.insert(member.representative)
  }
  for query in queries.sorted() {
    let search = KoreanText.normalizeQuery(query)
    let like = "%" + Workspace.escapeLike(search) + "%"
    let initials = "%" + Workspace.escapeLike(KoreanText.searchPrefilter(search)) + "%"
    let exact = try target.read { db in
      try Int.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) FROM member m WHERE m.nameKey LIKE ? ESCAPE '\\'
            OR (m.initials LIKE ? ESCAPE '\\' AND cd_match(?, m.nameKey))
            OR m.representative LIKE ? ESCAPE '\\' OR m.products LIKE ? ESCAPE '\\'
          """, arguments: [like, initials, search, like, like])!
    }
    #expect(try target.memberCount(MemberQuery(search: query)) == exact, "\(query)")
  }
}

/// Whole syllables, or initial consonants alone, are matched by SQL itself (the name key or its
/// initials contain them); only a query mixing the two, or ending in a syllable that may be
/// half-typed, calls the matcher, on the rows whose initials fit. (The count test above shows
/// each form finds what the matcher finds.)
@Test func onlyMixedOrHalfTypedQueriesCallTheMatcher() {
  for search in ["신", "신비커뮤니케이션", "ㅅ", "ㅅㅂㅋㅁㄴㅋㅇㅅ", "abc", "2026"] {
    #expect(
      !Workspace.searchClause(MemberQuery(search: search)).sql.contains("cd_match"), "\(search)")
  }
  for search in ["시", "신비", "ㅅ비", "신ㅂ", "유시"] {
    #expect(
      Workspace.searchClause(MemberQuery(search: search)).sql.contains("cd_match"), "\(search)")
  }
}

/// One letter walks the name index for its window; two letters do only when the search index
/// holds many candidates for them, else a rare pair would read every member to fill a window.
@Test func twoRareLettersAreNarrowedNotWalked() throws {
  let temp = try TemporaryWorkspace()
  let w = temp.workspace
  _ = try temp.member("(주)신비커뮤니케이션")
  for n in 1...30 { _ = try temp.member("가나전자\(n)") }
  func walks(_ search: String, sort: MemberSort = .name) throws -> Bool {
    try w.read { db in try Workspace.walksNameIndex(MemberQuery(search: search, sort: sort), db) }
  }
  #expect(try walks("신"))
  #expect(try walks("ㅅ"))
  #expect(try !walks("신비"))
  #expect(try !walks("ㅅㅂ"))
  #expect(try !walks("신비커"))
  #expect(try !walks("신", sort: .phone))
  #expect(
    try w.memberRows(MemberQuery(search: "신비"), offset: 0, limit: 5).map(\.name) == [
      "(주)신비커뮤니케이션"
    ])
}

/// A one- or two-letter search reads its window by walking the name index; the rows are those
/// the search index narrows to, in the same order, on every page.
@Test func aShortSearchWindowIsTheNarrowedWindow() throws {
  let temp = try TemporaryWorkspace()
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../sample-data/seoul-digital-office.json")
  let target = try Workspace(path: temp.file("sample.clusterdesk"), create: true)
  try target.importDocument(try WorkspaceDocument.decode(try Data(contentsOf: url)))
  for search in ["신", "ㅅ", "테", "ㅌㅋ", "스마", "a"] {
    for descending in [false, true] {
      let query = MemberQuery(search: search, descending: descending)
      #expect(query.isShortSearch)
      let count = try target.memberCount(query)
      let narrowed = try target.read { db in
        let clause = Workspace.searchClause(query)
        return try Int64.fetchAll(
          db,
          sql: """
            SELECT m.id FROM member m WHERE \(clause.sql)
            ORDER BY m.nameKey \(descending ? "DESC" : "ASC"), m.id
            """, arguments: clause.arguments)
      }
      #expect(narrowed.count == count, "\(search)")
      for offset in stride(from: 0, to: max(count, 1), by: 7) {
        let window = try target.memberRows(query, offset: offset, limit: 7).map(\.id)
        #expect(window == Array(narrowed.dropFirst(offset).prefix(7)), "\(search) at \(offset)")
      }
    }
  }
}

/// The overview's members per division, read at once, are the directory's count of each.
@Test func membersPerDivisionAreTheDirectorysCounts() throws {
  let temp = try TemporaryWorkspace()
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../sample-data/seoul-digital-office.json")
  let target = try Workspace(path: temp.file("sample.clusterdesk"), create: true)
  try target.importDocument(try WorkspaceDocument.decode(try Data(contentsOf: url)))
  let counts = try target.memberCountsByDivision()
  let divisions = try target.divisions()
  #expect(!divisions.isEmpty)
  for division in divisions {
    let query = MemberQuery(divisionId: division.id, includeLeft: false)
    #expect(counts[division.id] ?? 0 == (try target.memberCount(query)), "\(division.name)")
  }
}

/// A member's search terms read scalar by scalar (ASCII and Hangul) are the ones Unicode's rules
/// give: words by the letter and digit properties (`words(lowercased:)`), lower-cased,
/// characters told apart as characters.
@Test func memberTermsFollowUnicodeRules() {
  func reference(_ texts: [String]) -> (grams: String, chars: String) {
    let words = texts.flatMap { TextGrams.words(lowercased: KoreanText.nfc($0).lowercased()) }
    var seen = Set<Character>()
    let chars = words.joined().filter { seen.insert($0).inserted }
    return (
      words.flatMap(TextGrams.grams(ofWord:)).joined(separator: " "),
      chars.map(String.init).joined(separator: " ")
    )
  }
  let samples: [[String]] = [
    ["유신테크", "ㅇㅅㅌㅋ", "김유신", "정밀 부품 가공, 금형, 자동화 설비"],
    ["astragen", "astragen", "박유범", "방열 소재 (PCB), LED-모듈 2종"],
    ["Yusin Tech Co., Ltd.", "", "", "A"],
    ["", "", "", ""],
    ["가", "ㄱ", "x", "1 2 3"],
    ["Ⅻ호 ① Café", "ÉCOLE", "e\u{0301}cole", "Straße ǅ"],
    ["ᄒᆞᆫ글 옛한글", "ㆍ", "한ᆨ", "١٢٣ 숫자"],
    ["東京精密", "ＡＢＣ１２３", "Ωmega", "a\u{200B}b"],
  ]
  for texts in samples {
    let terms = TextGrams.memberTerms(texts)
    let expected = reference(texts)
    #expect(terms.grams == expected.grams, "\(texts)")
    #expect(terms.chars == expected.chars, "\(texts)")
  }
}

/// An import writes the members' search entries many to a statement: the index holds what
/// indexing each member again from its row gives, and finds them.
@Test func anImportIndexesEveryMemberAsARebuildWould() throws {
  let temp = try TemporaryWorkspace()
  let w = temp.workspace
  try temp.member("먼저온전자")
  let count = MemberSearchEntries.batch * 2 + 7
  var csv = "회사명,대표자,주요제품\n"
  for i in 0..<count { csv += "가져온기업\(i),대표\(i % 13),\"부품 \(i), 금형\"\n" }
  _ = try w.importMembers(try MemberCSV.read(Data(csv.utf8)), clusterName: temp.cluster.name)
  func index(_ db: Database) throws -> [String] {
    try Row.fetchAll(db, sql: "SELECT rowid, grams, chars FROM memberSearch ORDER BY rowid")
      .map { "\($0)" }
  }
  let (kept, rebuilt) = try w.pool.writeWithoutTransaction { db in
    var result: ([String], [String]) = ([], [])
    try db.inTransaction {
      let kept = try index(db)
      try db.execute(sql: "DELETE FROM memberSearch")
      for row in try Row.fetchAll(
        db, sql: "SELECT id, nameKey, initials, representative, products FROM member")
      {
        try Workspace.indexMember(
          id: row["id"], nameKey: row["nameKey"], initials: row["initials"],
          representative: row["representative"], products: row["products"], replacing: false, db)
      }
      result = (kept, try index(db))
      return .rollback
    }
    return result
  }
  #expect(kept.count == count + 1)
  #expect(kept == rebuilt)
  #expect(try w.memberCount(MemberQuery(search: "가져온기업\(count - 1)")) == 1)
}

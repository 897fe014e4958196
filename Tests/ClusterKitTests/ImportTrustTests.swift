import Foundation
import GRDB
import Testing

@testable import ClusterKit
@testable import Generator

/// What a whole-workspace import accepts: every record checked as the commands check it, every
/// value within its range, text cleaned, and a history that fits its requests.
@Suite struct ImportTrustTests {
  /// The populated workspace of the interchange tests, as a document, and an empty target.
  func document() throws -> (WorkspaceDocument, Workspace, TemporaryWorkspace) {
    let source = try InterchangeWorkspaceTests().populated()
    let document = try source.workspace.exportDocument()
    let target = try Workspace(path: source.file("target-\(UUID()).clusterdesk"), create: true)
    return (document, target, source)
  }

  /// The fields a refused import names, or [] when it was accepted.
  func refusedFields(_ edit: (inout WorkspaceDocument) -> Void) throws -> [String] {
    var (document, target, source) = try document()
    edit(&document)
    defer { _ = source }
    do {
      try target.importDocument(document)
      return []
    } catch let error as ValidationError {
      #expect(try target.isEmpty())
      return error.errors.map(\.field)
    }
  }

  @Test func valuesOutOfRangeAreRefusedByPlace() throws {
    #expect(
      try refusedFields { $0.programs[0].budgetKRW = Int64.max - 1 } == ["programs[0].budgetKRW"])
    #expect(try refusedFields { $0.office.memberVisitWeeks = 1000 } == ["office.memberVisitWeeks"])
    #expect(
      try refusedFields { $0.office.officerVisitWeeks = Int.max } == ["office.officerVisitWeeks"])
    #expect(try refusedFields { $0.programs[0].year = 99999 } == ["programs[0].year"])
    #expect(try refusedFields { $0.members[0].employees = 1 << 40 } == ["members[0].employees"])
    #expect(try refusedFields { $0.members[0].salesKRW = Int64.max } == ["members[0].salesKRW"])
    #expect(try refusedFields { $0.version = -7 } == ["version"])
  }

  @Test func recordsAreCheckedAsTheCommandsCheckThem() throws {
    let request = 0
    #expect(
      try refusedFields { $0.requests[request].approvedKRW = 20_000_000 }.contains(
        "requests[0].approvedKRW"))
    #expect(
      try refusedFields { $0.requests[request].approvedKRW = nil }.contains(
        "requests[0].approvedKRW"))
    #expect(try refusedFields { $0.clusters[0].name = "   " } == ["clusters[0].name"])
    #expect(try refusedFields { $0.meetings[0].title = "\u{0}" } == ["meetings[0].title"])
    #expect(try refusedFields { $0.contacts[0].phone = "12" } == ["contacts[0].phone"])
    #expect(
      try refusedFields {
        $0.clusters.append(Cluster(id: 9, name: " 지능형메카트로닉스"))
      } == ["clusters[1].name"])
  }

  /// A history may begin with the request's creation (status from empty) or with its first
  /// decision, but not in the middle of its life.
  @Test func aHistoryStartsWithTheRequest() throws {
    let created = AuditEntry(
      id: 1, requestId: 1, at: "2026-11-01T01:00:00Z", actor: "박", field: "status", before: "",
      after: "pending")
    var decided = created
    (decided.id, decided.before, decided.after) = (2, "pending", "rejected")
    let request = SupportRequest(
      id: 1, memberId: 1, programId: 1, title: "시험", requestedKRW: 1, status: .rejected,
      decided: Day(year: 2026, month: 11, day: 2), reason: "서류 미비")
    #expect(
      AuditChain.historyProblems(requests: [request], instalments: [], audit: [created, decided])
        .isEmpty)
    #expect(
      AuditChain.historyProblems(requests: [request], instalments: [], audit: [decided]).isEmpty)
    var late = decided
    late.before = "approved"
    #expect(
      AuditChain.historyProblems(requests: [request], instalments: [], audit: [late]).map(\.field)
        == [
          "audit[0].before"
        ])
  }

  @Test func aHistoryThatDoesNotFitIsRefused() throws {
    // The approval of 12,000,000 recorded; the request edited to say more.
    #expect(
      try refusedFields { $0.requests[0].approvedKRW = 14_000_000 } == ["requests[0].approvedKRW"])
    // An audit entry removed, changed or made up.
    #expect(try refusedFields { $0.audit.remove(at: 1) }.contains("audit[1]"))
    #expect(try refusedFields { $0.audit[2].after = "2026-11-25" }.contains("audit[2]"))
    #expect(
      try refusedFields {
        $0.audit.append(
          AuditEntry(
            id: 99, requestId: 1, at: "2026-11-26T01:00:00Z", actor: "김감사", field: "reason",
            before: "", after: "위조"))
      }.contains { $0.hasPrefix("audit[5]") })
  }

  @Test func textIsCleanedInEveryRecord() throws {
    var (document, target, source) = try document()
    defer { _ = source }
    let e = "\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{202E}"
    document.clusters[0].complex += e
    document.divisions[0].name += e
    document.contacts[0].title += e
    document.meetings[0].place += e
    document.meetings[0].agenda += e
    document.visits[0].visitor += e
    document.visits[0].difficulties[0].text += e
    document.visits[0].followUps[0].owner += e
    document.programs[0].name += e
    document.requests[0].title += e
    document.experts[0].affiliation += e
    document.sigs[0].theme += e
    document.sigTasks[0].title += e
    document.mentorings[0].field += e
    document.mentoringSessions[0].topic += e
    document.programs[0].note += e
    try target.importDocument(document)
    let text = String(decoding: try target.exportDocument().encoded(), as: UTF8.self)
    #expect(!text.contains("\\u001b") && !text.contains("\u{202E}") && !text.contains("\\u0007"))
    #expect(try target.exportDocument().meetings[0].place == "G밸리 비즈플라자]52;c;ZXZpbA==[2J")
  }
}

/// A pending request of 1,000,000원 under a program of 50,000,000원.
func pendingRequest(in temp: TemporaryWorkspace) throws -> SupportRequest {
  let member = try temp.member("한빛정밀")
  let program = try temp.workspace.addProgram(
    Program(year: 2026, name: "시험분석", category: .technology, budgetKRW: 50_000_000))
  return try temp.workspace.addRequest(
    SupportRequest(
      memberId: member.id, programId: program.id, title: "시험", requestedKRW: 1_000_000,
      submitted: Day(year: 2026, month: 11, day: 2), status: .pending))
}

@Suite struct TextInjectionTests {
  @Test func theAuditLogRecordsACleanName() throws {
    let temp = try TemporaryWorkspace(actor: "박\u{1B}[31m매니저\u{1B}]52;c;eA==\u{07}")
    let request = try pendingRequest(in: temp)
    try temp.workspace.decide(
      requestId: request.id, .approve(amount: 1_000_000, overrideReason: nil),
      on: Day(year: 2026, month: 11, day: 26)!)
    let actors = Set(try temp.workspace.auditLog().map(\.actor))
    #expect(actors == ["박[31m매니저]52;c;eA=="])
  }

  @Test func invisibleCharactersDoNotMakeANewName() throws {
    let temp = try TemporaryWorkspace()
    try temp.member("(사)G밸리산업협회")
    for name in [
      "(사)G밸리\u{200D}산업협회", "(사)G\u{200B}밸리산업협회", "(사)G밸리산업협회\u{202E}", "\u{2066}(사)G밸리산업협회",
    ] {
      #expect(throws: ValidationError.self, "\(name.unicodeScalars.map(\.value))") {
        try temp.member(name)
      }
    }
    let cleaned = KoreanText.clean("유신\u{200D}테크\u{202E}\u{2069}")
    #expect(cleaned == "유신테크")
  }
}

@Suite struct FormulaTests {
  @Test func cellsExcelWouldRunStartWithAnApostrophe() {
    let data = CSVWriter.encode(
      header: ["v"],
      rows: [["=1+2"], ["+1"], ["-2"], ["@SUM(A1)"], ["\tx"], ["\rx"], ["'=x"], ["plain"], ["'a"]],
      bom: false)
    let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n")
    #expect(
      Array(lines.dropFirst().dropLast()) == [
        "'=1+2", "'+1", "'-2", "'@SUM(A1)", "\"'\tx\"", "\"'\rx\"", "''=x", "plain", "'a",
      ])
  }

  @Test func ourOwnExportReadsBackUnchanged() throws {
    let values = ["=1+2", "+82 수출", "-", "@본사", "'=x", "''@y", "'a", "a'=b"]
    let members = values.enumerated().map { index, value in
      (
        member: Member(
          clusterId: 1, name: "회사\(index)", representative: value, products: value,
          address: value),
        divisionName: String?.none
      )
    }
    let file = try MemberCSV.read(MemberCSV.encode(members, language: .ko))
    #expect(file.rows.map(\.member.representative) == values)
    #expect(file.rows.map(\.member.products) == values)
  }
}

@Suite struct CSVFileTests {
  @Test func semicolonSeparatedIsRead() throws {
    let file = try MemberCSV.read(text: "회사명;대표자;매출액\n대성정밀;박대성;13.7억\n")
    #expect(file.rows.map(\.member.name) == ["대성정밀"])
    #expect(file.rows.first?.member.salesKRW == 1_370_000_000)
  }

  @Test func utf16WithAByteOrderMarkIsRead() throws {
    for (bom, encoding) in [
      ([UInt8(0xFF), 0xFE], String.Encoding.utf16LittleEndian), ([0xFE, 0xFF], .utf16BigEndian),
    ] {
      var data = Data(bom)
      data.append("회사명\t대표자\r\n(주)유신테크\t김철수\r\n".data(using: encoding)!)
      let file = try MemberCSV.read(data)
      #expect(file.rows.map(\.member.representative) == ["김철수"])
      #expect(file.encoding.english.contains("UTF-16"))
    }
  }

  @Test func manyUnnamedColumnsAreOneProblemPerRow() throws {
    let extra = String(repeating: ",x", count: 100_000)
    let file = try MemberCSV.read(text: "회사명\n유신테크\(extra)\n한빛정밀\(extra)\n")
    #expect(file.errors.count == 2)
    let message = file.errors[0].message(.en)
    #expect(message.contains("100,000") && message.hasPrefix("line 2"), "\(message)")
    #expect(file.errors[0].message(.ko).contains("100,000"))
  }

  @Test func aHeaderWithoutRowsIsRefused() throws {
    for text in ["회사명,대표자\n", "회사명,대표자\r\n,\r\n\r\n"] {
      let error = #expect(throws: CSVError.self) { try MemberCSV.read(text: text) }
      #expect(error?.message(.en).contains("no members") == true, "\(String(describing: error))")
    }
  }
}

@Suite struct JSONPlaceTests {
  /// The message a refused document gets.
  func message(_ json: String) -> String {
    do {
      _ = try WorkspaceDocument.decode(Data(json.utf8))
      return "accepted"
    } catch {
      return error.message(.en)
    }
  }

  static let head =
    #"{"format":"clusterdesk-workspace","version":1,"office":{"name":"a","region":"","officerVisitWeeks":4,"memberVisitWeeks":12},"clusters":[],"divisions":[],"contacts":[],"meetings":[],"attendance":[],"visits":[],"programs":[],"requests":[],"audit":[],"experts":[],"mentorings":[],"sigs":[],"sigMembers":[],"members":["#

  static let member =
    #"{"id":1,"clusterId":1,"kind":"company","name":"a","representative":"","businessNumber":"","products":"","address":"","phone":"","email":"","website":"","role":"member","status":"active","profileSubmitted":false"#

  @Test(arguments: [
    (#","salesKRW":9.3e18}"#, "members[1].salesKRW"),
    (#","salesKRW":1.5}"#, "members[1].salesKRW"),
    (#","employees":99999999999999999999}"#, "members[1].employees"),
    (#","salesKRW":"x"}"#, "members[1].salesKRW"),
    (#","founded":"2026-13-40"}"#, "members[1].founded"),
  ])
  func typeAndRangeErrorsNameThePlace(_ tail: String, _ place: String) {
    let json =
      JSONPlaceTests.head + JSONPlaceTests.member + "}," + JSONPlaceTests.member + tail
      + "]}"
    let text = message(json)
    #expect(text.contains(place), "\(text)")
    #expect(!text.contains("top level"), "\(text)")
  }

  @Test func syntaxErrorsNameTheLine() {
    let text = message(
      "{\n  \"format\": \"clusterdesk-workspace\",\n  \"version\": 1\n  \"office\": {}\n}")
    #expect(text.contains("line 4"), "\(text)")
  }
}

@Suite struct DecisionAmountTests {
  @Test func approvingNothingIsRefused() throws {
    let temp = try TemporaryWorkspace()
    let request = try pendingRequest(in: temp)
    let error = #expect(throws: ValidationError.self) {
      try temp.workspace.decide(
        requestId: request.id, .approve(amount: 0, overrideReason: nil),
        on: Day(year: 2026, month: 11, day: 26)!)
    }
    #expect(error?.message(.en).contains("reject") == true)
    #expect(try temp.workspace.request(id: request.id)?.status == .pending)
  }
}

@Suite struct AuditChainTests {
  /// FIPS 180-4's examples.
  @Test func sha256MatchesTheStandard() {
    #expect(
      SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func everyDecisionIsChainedAndAnEntryWithoutItsHashIsRefused() throws {
    let temp = try InterchangeWorkspaceTests().populated()
    let result = try temp.workspace.verifyAuditChain()
    #expect(result.entries == 5 && result.lastId == 5)
    let log = try temp.workspace.auditLog()
    #expect(AuditChain.firstBreak(log) == nil)
    #expect(Set(log.compactMap(\.hash)).count == 5)
    #expect(throws: (any Error).self) {
      try temp.workspace.write { db in
        try db.execute(
          sql: """
            INSERT INTO auditEntry (id, requestId, at, actor, field, "before", "after")
            VALUES (6, 1, '2026-11-26T00:00:00Z', 'x', 'reason', '', 'y')
            """)
      }
    }
    #expect(AuditChain.fingerprint(result.lastHash!).count == 19)
  }

  /// A version 1 file, or one of version 2 written without the chain, gets it on import; one
  /// with some hashes missing is refused.
  @Test(arguments: [1, 2])
  func aFileWithoutAChainGetsItOnImport(version: Int) throws {
    let source = try InterchangeWorkspaceTests().populated()
    var document = try source.workspace.exportDocument()
    document.version = version
    for index in document.audit.indices { document.audit[index].hash = nil }
    let target = try Workspace(path: source.file("v1.clusterdesk"), create: true)
    try target.importDocument(document)
    #expect(try target.verifyAuditChain().entries == 5)
    #expect(
      try target.exportDocument().encoded() == (try source.workspace.exportDocument().encoded()))
    var partly = try source.workspace.exportDocument()
    partly.audit[2].hash = nil
    let other = try Workspace(path: source.file("partly.clusterdesk"), create: true)
    let error = #expect(throws: ValidationError.self) { try other.importDocument(partly) }
    #expect(error?.errors.map(\.field) == ["audit[2].hash"])
  }
}

@Suite struct RecomputedChainTests {
  /// The limit of a plain hash chain, and what a fingerprint kept elsewhere adds: someone who
  /// rewrites an amount and recomputes every hash passes `verifyAuditChain`, but not the check
  /// against a fingerprint written down before.
  @Test func aKeptFingerprintCatchesARecomputedChain() throws {
    let temp = try InterchangeWorkspaceTests().populated()
    let before = try temp.workspace.verifyAuditChain()
    let kept = (id: before.lastId!, fingerprint: AuditChain.fingerprint(before.lastHash!))
    #expect(try temp.workspace.verifyAuditChain(kept: kept).entries == 5)
    try temp.workspace.write { db in
      try db.execute(sql: "DROP TRIGGER auditEntry_noUpdate")
      try db.execute(
        sql: "UPDATE auditEntry SET \"after\" = '14000000' WHERE field = 'approvedKRW'")
      try db.execute(sql: "UPDATE supportRequest SET approvedKRW = 14000000")
      for entry in AuditChain.sealed(try AuditEntry.order(Column("id")).fetchAll(db)) {
        try db.execute(
          sql: "UPDATE auditEntry SET hash = ? WHERE id = ?", arguments: [entry.hash, entry.id])
      }
    }
    #expect(try temp.workspace.verifyAuditChain().entries == 5)
    #expect(throws: WorkspaceError.self) { try temp.workspace.verifyAuditChain(kept: kept) }
    #expect(throws: WorkspaceError.self) {
      try temp.workspace.verifyAuditChain(kept: (id: 99, fingerprint: kept.fingerprint))
    }
  }
}

@Suite struct CleaningShortcutTests {
  /// The one-scan check that lets clean notes through unchanged never lets through text the
  /// line-by-line cleaning would change.
  @Test func tidyMultilineTextIsWhatCleaningGives() {
    let pieces = [
      "a", "가", "ㅣ", " ", "  ", "\n", "\n\n", "\n\n\n", "\t", "\r", "\u{3164}", "é", "e\u{301}",
      "\u{1B}", "\u{200D}",
    ]
    var rng = SeededGenerator(seed: 2026, stream: 7)
    var tidy = 0
    for _ in 0..<20_000 {
      let text = (0..<rng.below(8)).map { _ in pieces[rng.below(pieces.count)] }.joined()
      if KoreanText.isTidyMultiline(text) {
        tidy += 1
        #expect(KoreanText.rebuiltMultiline(text) == text, "\(text.debugDescription)")
      }
      #expect(KoreanText.cleanMultiline(text) == KoreanText.rebuiltMultiline(text))
    }
    #expect(tidy > 1000)
  }
}

/// Inputs the long fuzzing run found whose rejection named no place.
@Suite struct JSONPlaceRegressionTests {
  @Test(arguments: [
    (#"{"format":"clusterdesk-workspace","version":01}"#, "version"),
    ("4E\t", "line 1"),
    ("[1, 2]", "line 1"),
  ])
  func rejectionNamesItsPlace(_ json: String, _ place: String) {
    do {
      _ = try WorkspaceDocument.decode(Data(json.utf8))
      Issue.record("accepted \(json)")
    } catch {
      let message = error.message(.en)
      #expect(message.contains(place), "\(message)")
      #expect(error.errors.allSatisfy { $0.line != nil }, "\(message)")
    }
  }
}

import ClusterKit
import Foundation
import GRDB
import Testing

/// Attacks through the real binary: files and values made to crash it, to drive the terminal, to
/// run formulas in Excel, or to rewrite the audit history. Each is refused with one sentence or
/// made harmless, and nothing half-done is left behind.
@Suite(.serialized) struct AttackTests {
  static let sample = Binary.packageRoot.appendingPathComponent(
    "sample-data/seoul-digital-office.json")

  /// An escape sequence that clears the screen and puts text on the clipboard (OSC 52).
  static let escape = "\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}\u{9B}31m"

  static func sampleDocument() throws -> WorkspaceDocument {
    try WorkspaceDocument.decode(Data(contentsOf: sample))
  }

  /// Writes a document the way an editor would leave it: plain JSON.
  static func write(_ document: WorkspaceDocument, _ cli: Binary, _ name: String) throws -> String {
    let path = cli.file(name).path
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try encoder.encode(document).write(to: URL(fileURLWithPath: path))
    return path
  }

  static func hasControl(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
    }
  }

  /// The id of a pending request of the sample, to approve.
  static func pendingRequest() throws -> String {
    String(try #require(try sampleDocument().requests.first { $0.status == .pending }).id)
  }

  static func imported(_ cli: Binary) throws {
    let result = try cli.run(["import", sample.path])
    try #require(result.status == 0, "\(result.stderr)")
  }

  // MARK: - Integer overflow and ranges

  @Test func hugeNumbersAreRefusedWhereTheyEnterInsteadOfCrashing() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    try AttackTests.imported(cli)
    for year in ["0", "-1", "1999", "2101", "10000"] {
      let report = try cli.run(["report", "--year", year])
      #expect(report.status == 1, "report --year \(year): \(report.status) \(report.stderr)")
      #expect(
        report.stderr.contains("year") && report.stderr.contains("2000–2100"), "\(report.stderr)")
      #expect(report.stderr.split(separator: "\n").count == 1, "\(report.stderr)")
    }
    let due = try cli.run(["visits", "due", "--weeks", "9223372036854775807"])
    #expect(due.status == 1, "visits due: \(due.status) \(due.stderr)")
    #expect(due.stderr.contains("weeks"), "\(due.stderr)")

    var document = try AttackTests.sampleDocument()
    for index in document.programs.indices where index < 3 {
      document.programs[index].budgetKRW = Int64.max - 1
    }
    document.office.memberVisitWeeks = 1000
    let other = cli.file("other.clusterdesk").path
    let path = try AttackTests.write(document, cli, "huge.json")
    let refused = try cli.run(["import", path], environment: ["CLUSTERDESK_WORKSPACE": other])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("programs[0].budgetKRW"), "\(refused.stderr)")
    #expect(refused.stderr.contains("office.memberVisitWeeks"), "\(refused.stderr)")
    if FileManager.default.fileExists(atPath: other) {
      #expect(try Workspace(path: other).isEmpty(), "a refused import left records behind")
    }
  }

  /// A workspace that already holds amounts whose sum passes Int64 (written before the ranges
  /// were checked): the report and the requests list say so in one sentence and do not crash.
  @Test func sumsPastInt64AreOneSentence() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    try AttackTests.imported(cli)
    let queue = try DatabaseQueue(path: cli.workspacePath)
    try queue.write { db in
      try db.execute(sql: "UPDATE program SET budgetKRW = 9223372036854775000 WHERE year = 2026")
      try db.execute(
        sql:
          "UPDATE supportRequest SET requestedKRW = 9223372036854775000 WHERE status = 'pending'")
    }
    try queue.close()
    for arguments in [
      ["report", "--year", "2026"], ["requests", "show", try AttackTests.pendingRequest()],
    ] {
      let result = try cli.run(arguments)
      #expect(result.status == 1 || result.status == 0, "\(arguments): \(result.status)")
      if result.status != 0 {
        #expect(!result.stderr.contains("SQLite error"), "\(arguments): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
      }
    }
  }

  // MARK: - Terminal injection

  @Test func textFromAFileNeverReachesTheTerminalRaw() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    var document = try AttackTests.sampleDocument()
    let e = AttackTests.escape
    document.clusters[0].name += e
    document.clusters[0].manager += e
    document.divisions[0].name += e
    document.meetings[0].title += e
    document.meetings[0].place += e
    document.meetings[0].minutes += e
    document.visits[0].notes += e
    document.visits[0].visitor += e
    if !document.visits[0].difficulties.isEmpty { document.visits[0].difficulties[0].text += e }
    document.programs[0].name += e
    document.requests[0].title += e
    document.contacts[0].name += e
    document.contacts[0].title += e
    document.experts[0].name += e
    document.experts[0].affiliation += e
    document.sigs[0].name += e
    document.sigs[0].theme += e
    if !document.sigTasks.isEmpty { document.sigTasks[0].title += e }
    if !document.mentoringSessions.isEmpty { document.mentoringSessions[0].topic += e }
    document.programs[0].note += e
    document.office.name += e
    let path = try AttackTests.write(document, cli, "escapes.json")
    let imported = try cli.run(["import", path])
    #expect(imported.status == 0, "\(imported.stderr)")
    let member = document.contacts[0].memberId
    let visited = document.visits[0].memberId
    let sigMember = document.sigMembers[0].memberId
    for arguments in [
      ["members", "show", String(member)], ["members", "show", String(visited)],
      ["members", "show", String(sigMember)], ["members", "list"], ["meetings", "list"],
      ["visits", "list", "--from", "2020-01-01"], ["requests", "list"],
      ["requests", "show", String(document.requests[0].id)], ["audit"],
      ["report", "--year", "2026"], ["office"], ["experts", "list"], ["sigs", "list"],
      ["sigs", "show", String(document.sigs[0].id)], ["mentoring", "list"],
    ] {
      let result = try cli.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      #expect(!AttackTests.hasControl(result.stdout), "\(arguments) printed a control character")
    }
    let exported = try WorkspaceDocument.decode(try cli.run(["export"]).stdoutData)
    #expect(!AttackTests.hasControl(exported.meetings[0].title + exported.requests[0].title))
    #expect(!AttackTests.hasControl(exported.programs[0].name + exported.clusters[0].name))
    #expect(!AttackTests.hasControl(exported.sigs[0].theme + exported.programs[0].note))
    #expect(!AttackTests.hasControl(exported.sigTasks.map(\.title).joined()))
    #expect(!AttackTests.hasControl(exported.mentoringSessions.map(\.topic).joined()))
  }

  /// Text already in a workspace (written by an older version) is cleaned on the way out.
  @Test func storedControlCharactersAreNotPrinted() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    try AttackTests.imported(cli)
    let queue = try DatabaseQueue(path: cli.workspacePath)
    try queue.write { db in
      try db.execute(sql: "UPDATE meeting SET title = title || ?", arguments: [AttackTests.escape])
      try db.execute(sql: "UPDATE member SET name = name || ?", arguments: [AttackTests.escape])
      // The last column of a table's line: the escape, then white space the line must lose.
      try db.execute(
        sql: "UPDATE followUp SET action = action || ?", arguments: [AttackTests.escape + "\u{3000}"])
    }
    try queue.close()
    for arguments in [
      ["meetings", "list"], ["members", "list"], ["members", "show", "1"],
      ["visits", "list", "--from", "2000-01-01"],
    ] {
      let result = try cli.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      #expect(!AttackTests.hasControl(result.stdout), "\(arguments) printed a control character")
    }
    let visits = try cli.run(["visits", "list", "--from", "2000-01-01"]).stdout
    #expect(visits.contains("[2J]52;c;ZXZpbA==31m\n"), "\(visits)")
    #expect(!visits.contains("\u{3000}\n") && !visits.contains(" \n"), "\(visits)")
  }

  @Test func userNameAndFileErrorsAreCleaned() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    try AttackTests.imported(cli)
    let pending = try AttackTests.pendingRequest()
    let approved = try cli.run(
      ["requests", "approve", pending, "--override", "긴급"],
      environment: ["CLUSTERDESK_USER": "박\(AttackTests.escape)매니저"])
    #expect(approved.status == 0, "\(approved.stderr)")
    let audit = try cli.run(["audit", "--request", pending, "--format", "json"])
    // The escapes are gone; what is left of the sequence is plain text.
    #expect(audit.stdout.contains("박[2J]52;c;ZXZpbA==31m매니저"), "\(audit.stdout)")
    #expect(!audit.stdout.contains("\\u001b") && !AttackTests.hasControl(audit.stdout))

    let bad = cli.file("bad.json")
    try Data(#"{"format":"clusterdesk-workspace","version":1,"office":{"name":"\u001b[2J"#.utf8)
      .write(to: bad)
    let dated = cli.file("dated.json")
    var document = try AttackTests.sampleDocument()
    document.members = []
    var text = String(decoding: try JSONEncoder().encode(document), as: UTF8.self)
    text = text.replacingOccurrences(
      of: "\"date\":\"\(document.meetings[0].date)\"", with: "\"date\":\"\\u001b[2J\\u001b]52;c;x\""
    )
    try Data(text.utf8).write(to: dated)
    for file in [bad, dated] {
      let result = try cli.run(
        ["import", file.path], environment: ["CLUSTERDESK_WORKSPACE": cli.file("x.cd").path])
      #expect(result.status == 1, "\(result.stderr)")
      #expect(!AttackTests.hasControl(result.stderr), "\(result.stderr.debugDescription)")
    }
  }

  // MARK: - Formula injection

  @Test func csvCellsThatExcelWouldRunAreNeutralised() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["init", "--cluster", "IT융합"]).status == 0)
    let added = try cli.run([
      "members", "add", "--cluster", "IT융합", "--name", "=HYPERLINK(\"http://x\",\"유신\")",
      "--products", "+82 수출", "--address", "@SUM(1+1)*cmd|' /C calc'!A0", "--representative",
      "-2+3",
    ])
    #expect(added.status == 0, "\(added.stderr)")
    let visit = try cli.run(["visits", "add", "1", "--notes", "=1+2", "--difficulty", "기술:@x"])
    #expect(visit.status == 0, "\(visit.stderr)")
    let listed = try cli.run(["members", "list", "--format", "csv", "--excel"])
    #expect(
      listed.stdout.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"유신\"\")\""), "\(listed.stdout)")
    #expect(listed.stdout.contains(",'+82 수출,"))
    #expect(listed.stdout.contains(",'-2+3,"))
    #expect(listed.stdout.contains("'@SUM(1+1)"))
    let visits = try cli.run(["visits", "list", "--format", "csv"])
    #expect(visits.stdout.contains("'=HYPERLINK"), "\(visits.stdout)")
    // The CSV import of our own export gives the original text back.
    try listed.stdoutData.write(to: cli.file("members.csv"))
    var other = cli
    other.environment["CLUSTERDESK_WORKSPACE"] = cli.file("other.clusterdesk").path
    #expect(try other.run(["import", "members.csv", "--cluster", "복사본"]).status == 0)
    let shown = try other.run(["members", "show", "1"])
    #expect(shown.stdout.hasPrefix("=HYPERLINK(\"http://x\",\"유신\")"), "\(shown.stdout)")
    #expect(shown.stdout.contains("+82 수출") && shown.stdout.contains("-2+3"))
    #expect(!shown.stdout.contains("'+82"))
  }

  // MARK: - Audit history

  @Test func rewrittenHistoryIsDetectedOnImportAndByVerify() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    try AttackTests.imported(cli)
    let pending = try AttackTests.pendingRequest()
    #expect(try cli.run(["requests", "approve", pending, "--override", "긴급"]).status == 0)
    let verified = try cli.run(["audit", "--verify"])
    #expect(verified.status == 0, "\(verified.stderr)")
    let last = try #require(verified.stdout.firstMatch(of: /(\d+) entries/)).1
    let kept = try #require(
      verified.stdout.split(separator: " ").first { $0.hasPrefix("\(last):") }.map(String.init))
    #expect(try cli.run(["audit", "--verify", "--expect", kept]).status == 0)
    let wrong = try cli.run(["audit", "--verify", "--expect", "\(last):0000-0000-0000-0000"])
    #expect(wrong.status == 1 && wrong.stderr.contains("#\(last)"), "\(wrong.stderr)")
    let exported = try cli.run(["export"])
    let document = try WorkspaceDocument.decode(exported.stdoutData)
    let approved = try #require(document.requests.firstIndex { String($0.id) == pending })

    var tries: [(String, WorkspaceDocument, String)] = []
    var edited = document
    edited.requests[approved].approvedKRW = edited.requests[approved].requestedKRW
    edited.requests[approved].requestedKRW += 50_000_000
    edited.requests[approved].approvedKRW! += 40_000_000
    tries.append(("amount", edited, "requests[\(approved)]"))
    var removed = document
    removed.audit.remove(at: 3)
    tries.append(("removed", removed, "audit[3]"))
    var forged = document
    forged.audit[5].actor = "김감사"
    tries.append(("forged", forged, "audit[5]"))
    for (label, document, place) in tries {
      let path = try AttackTests.write(document, cli, "\(label).json")
      let target = cli.file("\(label).clusterdesk").path
      let result = try cli.run(["import", path], environment: ["CLUSTERDESK_WORKSPACE": target])
      #expect(result.status == 1, "\(label): \(result.status) \(result.stdout)")
      #expect(result.stderr.contains(place), "\(label): \(result.stderr)")
    }

    // Going around the program: the triggers dropped and an amount changed in the file.
    let queue = try DatabaseQueue(path: cli.workspacePath)
    try queue.write { db in
      try db.execute(sql: "DROP TRIGGER auditEntry_noUpdate")
      try db.execute(sql: "UPDATE auditEntry SET \"after\" = '99000000' WHERE id = 7")
    }
    try queue.close()
    let broken = try cli.run(["audit", "--verify"])
    #expect(broken.status == 1, "\(broken.stdout)")
    #expect(broken.stderr.contains("#7"), "\(broken.stderr)")
  }

  // MARK: - Messages

  @Test func negativeAmountsOnTheCommandLineGetASentence() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["init", "--cluster", "IT융합"]).status == 0)
    let result = try cli.run([
      "members", "add", "--cluster", "IT융합", "--name", "한빛정밀", "--sales", "-300만",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("sales: must not be negative"), "\(result.stderr)")
    let korean = try cli.run(
      ["members", "add", "--cluster", "IT융합", "--name", "한빛정밀", "--sales", "-300만"],
      environment: ["LANG": "ko_KR.UTF-8"])
    #expect(korean.stderr.contains("매출액: 0 이상이어야 합니다"), "\(korean.stderr)")
  }

  @Test func headerOnlyCSVCreatesNothing() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    try Data("회사명,대표자\r\n".utf8).write(to: cli.file("empty.csv"))
    let result = try cli.run(["import", "empty.csv", "--cluster", "IT융합"])
    #expect(result.status == 1)
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: cli.workspacePath))
  }

  @Test func excelUnicodeTextAndSemicolonFilesAreRead() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    // Excel's "Unicode text": UTF-16 little-endian with a byte-order mark, tab-separated.
    let text = "회사명\t대표자\r\n(주)유신테크\t김철수\r\n한빛정밀\t이영희\r\n"
    var utf16 = Data([0xFF, 0xFE])
    utf16.append(text.data(using: .utf16LittleEndian)!)
    try utf16.write(to: cli.file("unicode.txt.csv"))
    let read = try cli.run(["import", "unicode.txt.csv", "--cluster", "IT융합"])
    #expect(read.status == 0, "\(read.stderr)")
    #expect(read.stdout.contains("UTF-16") && read.stdout.contains("Imported 2 members"))
    try Data("회사명;대표자;매출액\n대성정밀;박대성;13.7억\n".utf8).write(to: cli.file("semi.csv"))
    let semi = try cli.run(["import", "semi.csv", "--cluster", "IT융합"])
    #expect(semi.status == 0, "\(semi.stderr)")
    #expect(semi.stdout.contains("semicolon"), "\(semi.stdout)")
    #expect(try cli.run(["members", "show", "대성정밀"]).stdout.contains("1,370,000,000원"))
  }
}

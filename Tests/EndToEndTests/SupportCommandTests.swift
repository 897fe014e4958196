import ClusterKit
import Foundation
import Testing

/// Programs and support requests from the shell: a support's whole life, bad input at every
/// step, and two processes approving at the same moment.
@Suite struct SupportCommandTests {
  /// An office with two companies, a visit with a difficulty, and one 2026 program (1억원, 20%
  /// co-funding, at most 9,000만원 and two supports per member).
  func office() throws -> Binary {
    let cli = try Binary()
    func run(_ arguments: [String]) throws {
      let result = try cli.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }
    try run(["init", "--office", "서울지역본부 사무국", "--cluster", "IT융합"])
    try run(["members", "add", "--cluster", "IT융합", "--name", "(주)유신테크"])
    try run(["members", "add", "--cluster", "IT융합", "--name", "㈜ 한빛정밀"])
    try run([
      "visits", "add", "유신테크", "--date", "2026-09-01", "--purpose", "difficultySurvey",
      "--difficulty", "technology:센서 모듈 시제품 제작비 부담",
    ])
    try run([
      "programs", "add", "--year", "2026", "--name", "시제품제작", "--category", "기술",
      "--budget", "1억", "--cofunding-share", "20%", "--member-cap", "9천만",
      "--member-cap-count", "2", "--opens", "2026-02-16", "--closes", "2026-11-25",
    ])
    return cli
  }

  /// Text with runs of spaces made one, so a check does not depend on column widths.
  static func squeezed(_ text: String) -> String {
    text.replacingOccurrences(of: " +", with: " ", options: .regularExpression)
  }

  /// Whether the output holds the text, however its columns are padded.
  static func shows(_ output: String, _ text: String) -> Bool {
    squeezed(output).contains(squeezed(text))
  }

  /// The lines of a figures block: from `Budget` through `Remaining`.
  static func figures(_ text: String) -> [String] {
    let lines = text.split(separator: "\n").map(String.init)
    guard let start = lines.firstIndex(where: { $0.hasPrefix("  Budget ") }) else { return [] }
    return Array(lines[start..<min(lines.count, start + 8)])
  }

  @Test func aSupportFromIntakeToSettlement() throws {
    let cli = try office()
    defer { cli.cleanUp() }
    let added = try cli.run([
      "requests", "add", "--member", "유신테크", "--program", "시제품제작", "--title", "센서 모듈 시제품",
      "--amount", "8000만", "--cofunding", "1500만", "--submitted", "2026-10-01", "--difficulty",
      "1:1",
    ])
    #expect(added.status == 0, "\(added.stderr)")
    #expect(added.stdout.contains("Added request #1 (pending) of (주)유신테크 to 시제품제작 (2026)"))
    #expect(
      added.stderr.contains("below the 20% share; the agreement will need at least 20,000,000원"))
    #expect(try cli.run(["requests", "approve", "1"]).status == 0)
    let short = try cli.run(["requests", "agree", "1", "--cofunding", "1500만"])
    #expect(short.status == 1)
    #expect(
      short.stderr.contains(
        "Request #1: the co-funding 15,000,000원 is below the 20% share 시제품제작 requires; a support of 80,000,000원 needs at least 20,000,000원"
      ), "\(short.stderr)")
    let steps: [[String]] = [
      ["requests", "agree", "1", "--cofunding", "2000만", "--date", "2026-11-26"],
      ["requests", "disburse", "1", "5000만"],
      ["requests", "disburse", "1", "3000만"],
      [
        "requests", "settle", "1", "--spent", "7500만", "--disallowed", "300만", "--returned", "800만",
      ],
    ]
    var outputs: [String] = []
    for step in steps {
      let result = try cli.run(step)
      #expect(result.status == 0, "\(step): \(result.stderr)")
      outputs.append(result.stdout)
    }
    #expect(
      outputs[2].contains(
        "Instalment 2 of request #1: 30,000,000원 on 2026-11-26; 80,000,000원 of 80,000,000원 paid, 0원 left."
      ))
    #expect(outputs[3].contains("returned 8,000,000원; the support comes to 72,000,000원."))

    // The same figures wherever they are read.
    let program = try cli.run(["programs", "show", "시제품제작"])
    let request = try cli.run(["requests", "show", "1"])
    let expected = [
      "  Budget          100,000,000원", "  Pending         0원 (0)",
      "  Approved        80,000,000원 (1)", "  Committed       72,000,000원",
      "  Co-funding      20,000,000원", "  Disbursed       80,000,000원",
      "  Returned        8,000,000원", "  Remaining       28,000,000원",
    ]
    #expect(Self.figures(program.stdout) == expected, "\(program.stdout)")
    #expect(Self.figures(request.stdout) == expected, "\(request.stdout)")
    for line in [
      "Status              completed",
      "Co-funding          20,000,000원 (at least 20,000,000원 for 20%)",
      "  1  2026-11-26  50,000,000원", "  2  2026-11-26  30,000,000원",
      "Disallowed          3,000,000원", "Final support       72,000,000원",
      "Answers             visit #1 on 2026-09-01, difficulty 1: [technology] 센서 모듈 시제품 제작비 부담",
    ] {
      #expect(Self.shows(request.stdout, line), "\(line)")
    }
    let list = try cli.run(["programs", "list", "--year", "2026", "--format", "json"])
    let rows = try JSONSerialization.jsonObject(with: list.stdoutData) as? [[String: String]]
    #expect(rows?.first?["committedKRW"] == "72000000")
    #expect(rows?.first?["remainingKRW"] == "28000000")
    #expect(rows?.first?["returnedKRW"] == "8000000")
    let report = try cli.run(["report", "--year", "2026"])
    let rows2026 = report.stdout.split(separator: "\n").map {
      $0.split(separator: " ").map(String.init)
    }.filter { $0.first == "시제품제작" }
    #expect(
      rows2026 == [
        ["시제품제작", "1", "80,000,000", "1", "80,000,000", "20,000,000", "80,000,000", "8,000,000"],
        ["시제품제작", "100,000,000", "0", "72,000,000", "28,000,000"],
      ], "\(report.stdout)")
    #expect(
      report.stdout.contains(
        "Of the 1 difficulties found, 1 led to a request and 1 to an approved support"))
    let member = try cli.run(["members", "show", "유신테크"])
    #expect(member.stdout.contains("1. [technology] 센서 모듈 시제품 제작비 부담"))
    #expect(member.stdout.contains("→ #1 시제품제작 (2026) completed 8,000만원"))
    let audit = try cli.run(["audit", "--request", "1", "--format", "csv"])
    #expect(audit.stdout.contains("instalment,,2026-11-26 50000000"))
    #expect(audit.stdout.contains("returnedKRW,,8000000"))
    #expect(audit.stdout.contains("status,agreed,completed"))
    let korean = try cli.run(["requests", "show", "1"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(Self.shows(korean.stdout, "확정 지원액 72,000,000원"))
    #expect(Self.shows(korean.stdout, "배정 72,000,000원"))
  }

  @Test func aSecondRequestIsFlaggedAndTheCapHolds() throws {
    let cli = try office()
    defer { cli.cleanUp() }
    for amount in ["5000만", "5000만", "2000만"] {
      let added = try cli.run([
        "requests", "add", "--member", "유신테크", "--program", "1", "--title", "시제품 \(amount)",
        "--amount", amount, "--submitted", "2026-11-20",
      ])
      #expect(added.status == 0, "\(added.stderr)")
    }
    let third = try cli.run([
      "requests", "add", "--member", "유신테크", "--program", "1", "--title", "시제품 추가",
      "--amount", "100만", "--draft",
    ])
    #expect(
      third.stderr.contains("중복지원: (주)유신테크 already has request #1 (pending) under 시제품제작 (2026)."))
    let list = try cli.run(["requests", "list", "--program", "시제품제작"])
    #expect(list.stdout.contains("duplicate of #1"))
    #expect(try cli.run(["requests", "approve", "1"]).status == 0)
    let capped = try cli.run(["requests", "approve", "2"])
    #expect(capped.status == 1)
    #expect(
      capped.stderr.contains(
        "(주)유신테크 already has 50,000,000원 from 시제품제작 this year and may receive at most 90,000,000원; 50,000,000원 more goes past that cap; give an override reason to approve anyway."
      ), "\(capped.stderr)")
    #expect(try cli.run(["requests", "approve", "2", "--amount", "4000만"]).status == 0)
    let count = try cli.run(["requests", "approve", "3"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(count.stderr.contains("20,000,000원 승인은 시제품제작의 남은 예산(10,000,000원)을 넘습니다"))
    #expect(count.stderr.contains("이미 2건 승인되어 기업당 한도(2건)에 이르렀습니다"), "\(count.stderr)")
    let forced = try cli.run(["requests", "approve", "3", "--override", "운영위원회 의결로 추가 지원"])
    #expect(forced.status == 0, "\(forced.stderr)")
    let shown = try cli.run(["requests", "show", "3"])
    #expect(Self.shows(shown.stdout, "Reason 운영위원회 의결로 추가 지원"))
    #expect(Self.figures(shown.stdout).last == "  Remaining       -10,000,000원")
  }

  @Test func copyingNextYearAndEditingTerms() throws {
    let cli = try office()
    defer { cli.cleanUp() }
    #expect(
      try cli.run([
        "requests", "add", "--member", "한빛", "--program", "1", "--title", "금형", "--amount", "3천만",
        "--submitted", "2026-06-01",
      ]).status == 0)
    #expect(try cli.run(["requests", "approve", "1"]).status == 0)
    let copy = try cli.run([
      "programs", "copy", "--from", "2026", "--to", "2027", "--budget-scale", "1.05",
    ])
    #expect(copy.status == 0, "\(copy.stderr)")
    #expect(copy.stdout.contains("Copied 1 program(s) from 2026 to 2027: budgets 1억원 → 1억 500만원."))
    let again = try cli.run(["programs", "copy", "--from", "2026", "--to", "2027"])
    #expect(again.stdout.contains("Left as they are, already in 2027: 시제품제작."))
    let shown = try cli.run(["programs", "show", "시제품제작", "--year", "2027"])
    #expect(Self.shows(shown.stdout, "Window 2027-02-16–2027-11-25"))
    #expect(Self.shows(shown.stdout, "Member cap 9,000만원 and 2 requests a year"))
    let lowered = try cli.run(["programs", "edit", "1", "--budget", "2000만"])
    #expect(lowered.status == 1)
    #expect(
      lowered.stderr.contains(
        "The budget of 시제품제작 (2026) cannot be 20,000,000원: 30,000,000원 is already committed"))
    let edited = try cli.run([
      "programs", "edit", "1", "--budget", "3000만", "--member-cap", "none", "--note", "추경 반영",
    ])
    #expect(edited.status == 0, "\(edited.stderr)")
    let after = try cli.run(["programs", "show", "1"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(Self.shows(after.stdout, "기업당 한도 연 2건"))
    #expect(Self.shows(after.stdout, "비고 추경 반영"))
    #expect(Self.shows(after.stdout, "잔액 0원"))
  }

  /// Every new command, given what people get wrong, answers with one sentence that names the
  /// field or the record, exit status 1, and changes nothing.
  @Test func badInputGetsAClearSentence() throws {
    let cli = try office()
    defer { cli.cleanUp() }
    #expect(
      try cli.run([
        "programs", "add", "--year", "2027", "--name", "시제품제작", "--category", "기술", "--budget",
        "1억",
      ]).status == 0)
    #expect(
      try cli.run([
        "requests", "add", "--member", "유신", "--program", "1", "--title", "시제품", "--amount", "1천만",
        "--submitted", "2026-10-01",
      ]).status == 0)
    let before = try cli.run(["export"]).stdout
    let cases: [([String], String)] = [
      (["programs", "add", "--year", "2026"], "name: is required"),
      (["programs", "add", "--name", "교육"], "year: is required"),
      (
        [
          "programs", "add", "--year", "1999", "--name", "교육", "--category", "교육", "--budget",
          "1천만",
        ],
        "year: must be within 2000–2100"
      ),
      (
        [
          "programs", "add", "--year", "2026", "--name", "교육", "--category", "교육", "--budget=-300만",
        ],
        "budget"
      ),
      (
        [
          "programs", "add", "--year", "2026", "--name", "교육", "--category", "요리", "--budget",
          "1천만",
        ],
        "category: must be one of"
      ),
      (
        [
          "programs", "add", "--year", "2026", "--name", "교육", "--category", "교육", "--budget",
          "1천만",
          "--cofunding-share", "120",
        ], "co-funding share: must be within 0–99%"
      ),
      (
        [
          "programs", "add", "--year", "2026", "--name", "교육", "--category", "교육", "--budget",
          "1천만",
          "--member-cap-count", "0",
        ], "requests per member: must be more than 0"
      ),
      (
        [
          "programs", "add", "--year", "2026", "--name", "시제품제작", "--category", "기술", "--budget",
          "1천만",
        ], "program name: duplicates #1 시제품제작 (2026)"
      ),
      (
        ["programs", "show", "시제품제작"],
        "matches more than one program (#1 시제품제작 (2026), #2 시제품제작 (2027))"
      ),
      (["programs", "show", "없는사업"], "No program '없는사업'."),
      (["programs", "show", "1", "--year", "2027"], "#1 시제품제작 is a program of 2026, not 2027"),
      (["programs", "list", "--year", "20266"], "year: must be within 2000–2100"),
      (["programs", "list", "--year", "올해"], "year: must look like 2027"),
      (
        ["programs", "edit", "1", "--opens", "2026-13-01"],
        "window opens: must look like 2026-11-22"
      ),
      (
        ["programs", "copy", "--from", "2026", "--to", "2026"],
        "year copied to: is the year copied from"
      ),
      (["programs", "copy", "--from", "2020", "--to", "2021"], "No program of 2020."),
      (["programs", "copy", "--to", "2028"], "year copied from: is required"),
      (
        ["programs", "copy", "--from", "2026", "--to", "2028", "--budget-scale", "많이"],
        "budget scale: must look like 1.05"
      ),
      (
        ["requests", "add", "--program", "1", "--title", "x", "--amount", "1"],
        "member: is required"
      ),
      (
        ["requests", "add", "--member", "없는회사", "--program", "1", "--title", "x", "--amount", "1"],
        "No member '없는회사'."
      ),
      (
        [
          "requests", "add", "--member", "유신", "--program", "교육훈련", "--title", "x", "--amount", "1",
        ],
        "No program '교육훈련'."
      ),
      (
        [
          "requests", "add", "--member", "유신", "--program", "시제품제작", "--title", "x", "--amount",
          "1",
        ],
        "matches more than one program"
      ),
      (
        ["requests", "add", "--member", "유신", "--program", "1", "--title", "x", "--amount=-5"],
        "amount"
      ),
      (
        ["requests", "add", "--member", "유신", "--program", "1", "--title", "x", "--amount", "0"],
        "New request of (주)유신테크 to 시제품제작 (2026): amount: must be more than 0"
      ),
      (
        [
          "requests", "add", "--member", "유신", "--program", "1", "--title", "x", "--amount", "1",
          "--submitted", "2026-12-01",
        ], "submitted: must not be after today (2026-11-26)"
      ),
      (
        [
          "requests", "add", "--member", "유신", "--program", "1", "--title", "x", "--amount", "1",
          "--submitted", "2026-01-05",
        ], "시제품제작 (2026) takes requests 2026-02-16–2026-11-25; 2026-01-05 is outside that window."
      ),
      (
        [
          "requests", "add", "--member", "유신", "--program", "1", "--title", "x", "--amount", "1",
          "--draft", "--submitted", "2026-11-01",
        ], "submitted: cannot go with --draft"
      ),
      (
        [
          "requests", "add", "--member", "유신", "--program", "1", "--title", "x", "--amount", "1",
          "--difficulty", "1",
        ], "difficulty: must look like 12:1"
      ),
      (
        [
          "requests", "add", "--member", "유신", "--program", "1", "--title", "x", "--amount", "1",
          "--difficulty", "1:4",
        ], "difficulty: visit #1 lists 1 difficulty"
      ),
      (
        [
          "requests", "add", "--member", "한빛", "--program", "1", "--title", "x", "--amount", "1",
          "--difficulty", "1:1",
        ], "visit #1 was to another member, not ㈜ 한빛정밀"
      ),
      (["requests", "approve", "abc"], "request: must look like 12"),
      (["requests", "approve"], "request: is required"),
      (["requests", "approve", "99"], "No request #99."),
      (["requests", "approve", "1", "--amount", "2천만"], "more than the 10,000,000원 requested"),
      (
        ["requests", "agree", "1", "--cofunding", "100만"],
        "Request #1 is pending and cannot become agreed"
      ),
      (["requests", "agree", "1"], "co-funding: is required"),
      (
        ["requests", "disburse", "1", "100만"],
        "Request #1 is pending; instalments are paid only once the agreement is recorded."
      ),
      (["requests", "disburse", "1"], "amount: is required"),
      (
        ["requests", "settle", "1", "--spent", "1"],
        "Request #1 is pending and cannot become completed"
      ),
      (["requests", "submit", "1"], "Request #1 is pending and cannot become pending"),
      (["requests", "withdraw", "1"], "reason: is required"),
      (["requests", "reject", "1", "--reason", " "], "reason: is required"),
      (["requests", "edit", "1", "--amount", "삼천"], "amount: must look like"),
      (
        ["requests", "edit", "1", "--program", "2", "--submitted", "2026-12-24"],
        "submitted: must not be after today"
      ),
    ]
    for (arguments, sentence) in cases {
      let result = try cli.run(arguments)
      #expect(result.status == 1, "\(arguments): \(result.status) \(result.stderr)")
      #expect(result.stderr.contains(sentence), "\(arguments): \(result.stderr)")
      #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
    }
    #expect(try cli.run(["export"]).stdout == before)
    // Steps out of order, and the same in Korean.
    #expect(try cli.run(["requests", "approve", "1"]).status == 0)
    #expect(try cli.run(["requests", "agree", "1", "--cofunding", "250만"]).status == 0)
    let lowered = try cli.run(["programs", "edit", "1", "--budget", "1만"])
    #expect(lowered.stderr.contains("cannot be 10,000원: 10,000,000원 is already committed"))
    let korean: [([String], String)] = [
      (["requests", "edit", "1", "--title", "새 과제명"], "신청 #1은 '협약' 상태라 고칠 수 없습니다"),
      (
        ["requests", "withdraw", "1", "--reason", "포기"],
        "신청 #1은 '협약' 상태라 '철회'로 바꿀 수 없습니다 (가능: 완료)."
      ),
      (
        ["requests", "disburse", "1", "1천1만"], "교부액 합계가 10,010,000원이 되어 승인액 10,000,000원을 넘습니다"
      ),
      (
        ["requests", "disburse", "1", "100만", "--date", "2026-11-01"],
        "신청 #1: 날짜: 협약일(2026-11-26)보다 앞설 수 없습니다"
      ),
      (
        ["requests", "settle", "1", "--spent", "100만"],
        "신청 #1: 집행액: 1,000,000원이 교부된 지원금 0원보다 많습니다"
      ),
      (["programs", "add", "--year", "2026", "--name", "교육"], "분야: 값이 필요합니다"),
      (["requests", "approve", "없음"], "지원신청: 형식이 맞지 않습니다"),
      (["programs", "show", "없는사업"], "지원사업 '없는사업'을 찾을 수 없습니다."),
    ]
    for (arguments, sentence) in korean {
      let result = try cli.run(arguments, environment: ["LANG": "ko_KR.UTF-8"])
      #expect(result.status == 1, "\(arguments): \(result.status) \(result.stderr)")
      #expect(result.stderr.contains(sentence), "\(arguments): \(result.stderr)")
    }
  }
}

/// Two managers approving requests of one program at the same moment, from two processes, many
/// times over: together they never go past the program's budget or a member's cap, because the
/// check and the write are one immediate write transaction.
@Suite(.serialized) struct ApprovalRaceTests {
  @Test func twoProcessesApprovingNeverExceedABudgetOrACap() throws {
    let rounds = Long.pick(2, 10)
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["init", "--office", "서울지역본부 사무국", "--cluster", "IT융합"]).status == 0)
    let members = (1...12).map { "경합정밀\($0)" }
    for name in members {
      #expect(try cli.run(["members", "add", "--cluster", "IT융합", "--name", name]).status == 0)
    }
    var requests = 0
    for round in 1...rounds {
      // 2,000만원 of budget; each member at most 300만원 and three supports; 60 requests of
      // 100만원, five per member: 6,000만원 asked, at most 2,000만원 approvable.
      let added = try cli.run([
        "programs", "add", "--year", "2026", "--name", "경합 \(round)", "--category", "기술",
        "--budget", "2000만", "--member-cap", "300만", "--member-cap-count", "3",
      ])
      #expect(added.status == 0, "\(added.stderr)")
      let first = requests + 1
      for index in 0..<60 {
        let result = try cli.run([
          "requests", "add", "--member", members[index % 12], "--program", "경합 \(round)",
          "--title", "과제 \(index)", "--amount", "100만",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        requests += 1
      }
      let ids = Array(first...requests)
      // One process approves in order, the other backwards, so they meet in the middle.
      let script = { (order: [Int]) in
        order.map { "'\(Binary.path)' requests approve \($0)" }.joined(separator: "; ")
      }
      let managers = try [ids, ids.reversed()].enumerated().map { index, order in
        try Child(
          cli, ["-c", script(order)], executable: "/bin/sh",
          environment: ["CLUSTERDESK_USER": "매니저\(index + 1)"])
      }
      for manager in managers {
        #expect(manager.finish(timeout: 600), "a manager hung")
        #expect(!manager.stderr.lowercased().contains("locked"), "\(manager.stderr)")
        #expect(!manager.stderr.lowercased().contains("busy"), "\(manager.stderr)")
      }
      let approvedByThem = managers.map {
        $0.stdout.split(separator: "\n").filter { $0.hasPrefix("Approved request") }.count
      }
      let workspace = try Workspace(path: cli.workspacePath)
      let program = try workspace.findProgram("경합 \(round)")
      let figures = try workspace.programFigures(id: program.id)
      #expect(figures.committedKRW <= 20_000_000, "round \(round): \(figures.totals)")
      #expect(figures.approvedCount == approvedByThem.reduce(0, +))
      // Everything that could be approved was: the budget is used up exactly.
      #expect(figures.committedKRW == 20_000_000)
      let rows = try workspace.requestRows(RequestFilter(programId: program.id), limit: 100)
      for (member, own) in Dictionary(
        grouping: rows.filter { $0.status == .approved }, by: \.memberId)
      {
        #expect(own.count <= 3, "round \(round): member #\(member) has \(own.count)")
        #expect(own.map { $0.approvedKRW ?? 0 }.reduce(0, +) <= 3_000_000)
      }
      // Each refusal was for a limit or for a request the other had just approved.
      for manager in managers {
        for line in manager.stderr.split(separator: "\n") {
          #expect(
            line.contains("give an override reason") || line.contains("is approved and cannot")
              || line.contains("changed by someone else"), "\(line)")
        }
      }
    }
    Long.record(
      "approval race: \(rounds) rounds of 2 processes x 60 approvals on one program, never past its budget or a member's cap"
    )
  }
}

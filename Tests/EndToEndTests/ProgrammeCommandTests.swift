import ClusterKit
import Foundation
import Testing

/// The expert pool, mentoring, SIGs and the directory book from the shell, read back through
/// the other commands.
@Suite struct ProgrammeCommandTests {
  /// A workspace with two clusters, three companies, a university and two experts.
  func office() throws -> Binary {
    let cli = try Binary()
    for args in [
      ["init", "--office", "서울지역본부 사무국", "--cluster", "지능형메카트로닉스"],
      [
        "members", "add", "--cluster", "지능형메카트로닉스", "--name", "(주)유신테크", "--division", "IT장비",
        "--products", "MEMS 센서", "--role", "회장",
      ],
      ["members", "add", "--cluster", "지능형메카트로닉스", "--name", "한빛정밀", "--division", "차세대부품"],
      ["members", "add", "--cluster", "IT융합", "--name", "유신테크놀로지"],
      ["members", "add", "--cluster", "지능형메카트로닉스", "--name", "한결대학교 산학협력단", "--kind", "대학"],
      [
        "experts", "add", "--name", "정민수", "--affiliation", "한결대학교 전자공학과", "--kind", "university",
        "--fields", "기술,센서", "--phone", "01012345678", "--capacity", "1",
      ],
      [
        "experts", "add", "--name", "오세라", "--affiliation", "세움회계법인", "--kind", "company",
        "--fields",
        "회계, 수출", "--email", "sera@seum.co.kr",
      ],
    ] {
      let result = try cli.run(args)
      #expect(result.status == 0, "\(args): \(result.stderr)")
    }
    return cli
  }

  @Test func mentorSessionSIGAndTaskReadBackEverywhere() throws {
    let cli = try office()
    defer { cli.cleanUp() }
    let without = try cli.run(["mentoring", "list", "--without-mentor", "--format", "csv"])
    #expect(without.stdout.contains("(주)유신테크") && without.stdout.contains("한빛정밀"))
    #expect(!without.stdout.contains("한결대학교"))

    let suggest = try cli.run(["mentoring", "suggest", "--member", "유신테크", "--format", "csv"])
    #expect(suggest.status == 0, "\(suggest.stderr)")
    #expect(
      suggest.stdout.split(whereSeparator: \.isNewline).dropFirst().first?.contains("정민수") == true)

    let assigned = try cli.run([
      "mentoring", "assign", "--member", "(주)유신테크", "--expert", "정민수", "--from", "2026-09-01",
    ])
    #expect(assigned.status == 0, "\(assigned.stderr)")
    #expect(assigned.stdout.contains("정민수 (한결대학교 전자공학과) mentors (주)유신테크 from 2026-09-01 in 기술"))
    let logged = try cli.run([
      "mentoring", "log", "--member", "(주)유신테크", "--date", "2026-11-20", "--topic", "시제품 설계 검토",
      "--note", "자료 요청",
    ])
    #expect(logged.status == 0, "\(logged.stderr)")
    #expect(logged.stdout.contains("(1 in all)"))

    for args in [
      ["sigs", "add", "--name", "스마트센서 SIG", "--theme", "센서 공동 개발", "--leader", "한빛정밀"],
      ["sigs", "join", "스마트센서", "--member", "(주)유신테크", "--date", "2026-10-01"],
      [
        "sigs", "task", "add", "스마트센서 SIG", "--title", "저전력 무선 센서 모듈", "--owner", "(주)유신테크",
        "--due", "2027-03-31",
      ],
      ["sigs", "task", "start", "1", "1"],
    ] {
      let result = try cli.run(args)
      #expect(result.status == 0, "\(args): \(result.stderr)")
    }

    let list = try cli.run(["mentoring", "list", "--format", "csv"])
    #expect(
      list.stdout == "Member,Expert,Field,From,Until\r\n(주)유신테크,정민수,기술,2026-09-01,\r\n"
        || list.stdout == "Member,Expert,Field,From,Until\n(주)유신테크,정민수,기술,2026-09-01,\n")
    let sig = try cli.run(["sigs", "show", "스마트센서 SIG"])
    #expect(sig.stdout.contains("Leader          한빛정밀"))
    #expect(sig.stdout.contains("#1 (주)유신테크, joined 2026-10-01"))
    #expect(sig.stdout.contains("1. [active] 저전력 무선 센서 모듈 — (주)유신테크, due 2027-03-31"))
    let member = try cli.run(["members", "show", "(주)유신테크"])
    #expect(
      member.stdout.contains(
        "Mentor\n  정민수 (한결대학교 전자공학과)  기술  2026-09-01–  1 session, last 2026-11-20\n"))
    #expect(
      member.stdout.contains(
        "SIG 1\n  스마트센서 SIG · Leader 한빛정밀 · 센서 공동 개발\n    1. [active] 저전력 무선 센서 모듈, due 2027-03-31\n"
      ))
    let korean = try cli.run(["members", "show", "(주)유신테크"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(
      korean.stdout.contains("멘토\n  정민수 (한결대학교 전자공학과)  기술  2026-09-01–  멘토링 1회, 최근 2026-11-20"))
    let report = try cli.run(["report"])
    #expect(report.stdout.contains("Companies with a mentor: 1 of 3 active companies (2 without)"))
    #expect(report.stdout.contains("Sessions: 1 with 1 companies"))
    #expect(report.stdout.contains("1 SIGs; 2 of 3 active companies in a SIG (1 in none)"))
    #expect(report.stdout.contains("Tasks: proposed 0, active 1, done 0"))
    let koreanReport = try cli.run(["report"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(koreanReport.stdout.contains("멘토 배정 기업: 활동 기업 3개 중 1개 (미배정 2개)"))

    let uncovered = try cli.run(["sigs", "list", "--uncovered", "--format", "json"])
    #expect(uncovered.stdout.contains("\"member\" : \"유신테크놀로지\""))
    let sigs = try cli.run(["sigs", "list"])
    #expect(sigs.stdout.contains("Coverage: 2 of 3 active companies are in a SIG; 1 in none"))
  }

  @Test func aFullExpertIsRefusedWithSuggestionsUnlessOverridden() throws {
    let cli = try office()
    defer { cli.cleanUp() }
    #expect(
      try cli.run(["mentoring", "assign", "--member", "한빛정밀", "--expert", "정민수"]).status == 0)
    let refused = try cli.run(["mentoring", "assign", "--member", "(주)유신테크", "--expert", "정민수"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("정민수 already mentors 1 companies, their capacity of 1"))
    #expect(refused.stderr.contains("Experts with room who fit (주)유신테크:"))
    #expect(refused.stderr.contains("오세라"))
    let korean = try cli.run(
      ["mentoring", "assign", "--member", "(주)유신테크", "--expert", "정민수"],
      environment: ["LANG": "ko_KR.UTF-8"])
    #expect(korean.stderr.contains("동시 멘토링 가능 기업 수(1)가 찼습니다"))
    let over = try cli.run([
      "mentoring", "assign", "--member", "(주)유신테크", "--expert", "정민수", "--override", "센서 전문가가 한 명뿐",
    ])
    #expect(over.status == 0, "\(over.stderr)")
    #expect(over.stdout.contains("Beyond the capacity, because: 센서 전문가가 한 명뿐."))
    // A new mentor ends the current one, which stays in the history.
    let next = try cli.run(["mentoring", "assign", "--member", "(주)유신테크", "--expert", "오세라"])
    #expect(next.stdout.contains("The previous mentor 정민수"))
    let history = try cli.run([
      "mentoring", "list", "--member", "(주)유신테크", "--format", "json",
    ])
    #expect(history.stdout.components(separatedBy: "\"expert\"").count == 3)
    let experts = try cli.run(["experts", "list", "--with-room", "--format", "csv"])
    #expect(experts.stdout.contains("오세라") && !experts.stdout.contains("정민수"))
  }

  @Test func directoryBookEditionsFromTheShell() throws {
    let cli = try office()
    defer { cli.cleanUp() }
    let everyone = try cli.run(["members", "directory-book", "--everyone", "--asked", "2026-09-01"])
    #expect(everyone.status == 0, "\(everyone.stderr)")
    #expect(everyone.stdout.contains("Asked 4 members"))
    let submitted = try cli.run(["members", "directory-book", "한빛정밀", "--submitted", "2026-10-02"])
    #expect(
      submitted.stdout.contains(
        "한빛정밀, directory book 2026: submitted 2026-10-02 (asked 2026-09-01)."))
    let missing = try cli.run([
      "members", "list", "--directory-book", "missing", "--format", "json",
    ])
    #expect(missing.stdout.components(separatedBy: "\"directoryBook\" : \"asked\"").count == 4)
    #expect(!missing.stdout.contains("한빛정밀"))
    let done = try cli.run([
      "members", "list", "--directory-book", "submitted", "--edition", "2026",
    ])
    #expect(done.stdout.contains("한빛정밀") && done.stdout.contains("2026-10-02"))
    let shown = try cli.run(["members", "show", "한빛정밀"])
    #expect(
      SupportCommandTests.shows(
        shown.stdout, "Directory book 2026: submitted 2026-10-02 (asked 2026-09-01)"))
    let report = try cli.run(["report"])
    #expect(report.stdout.contains("1 of 4 members submitted their profile; 4 asked"))
    // Export and import keep it all.
    #expect(try cli.run(["export", "--output", "office.json"]).status == 0)
    var other = cli
    other.environment["CLUSTERDESK_WORKSPACE"] = cli.file("copy.clusterdesk").path
    #expect(try other.run(["import", "office.json"]).status == 0)
    #expect(try other.run(["report"]).stdout == report.stdout)
  }

  /// Every new command refuses bad input with one sentence naming the field, the member or the
  /// expert, exit status 1, and nothing changed.
  @Test func badInputOnEveryNewCommand() throws {
    let cli = try office()
    defer { cli.cleanUp() }
    #expect(try cli.run(["sigs", "add", "--name", "스마트센서 SIG", "--leader", "한빛정밀"]).status == 0)
    let before = try cli.run(["export"]).stdout
    let cases: [([String], String)] = [
      (["experts", "add", "--name", "김"], "kind: is required"),
      (
        ["experts", "add", "--kind", "공장", "--name", "김", "--fields", "기술"], "kind: must be one of"
      ),
      (["experts", "add", "--kind", "대학", "--fields", "기술"], "name: is required"),
      (
        ["experts", "add", "--kind", "대학", "--name", "김", "--capacity", "세 곳"],
        "capacity: must be a whole number"
      ),
      (
        ["experts", "add", "--kind", "대학", "--name", "김", "--fields", "기술", "--capacity", "0"],
        "capacity: must be within 1–50"
      ),
      (
        ["experts", "add", "--kind", "대학", "--name", "김", "--fields", "기술", "--phone", "12"],
        "phone: must look like"
      ),
      (["experts", "edit", "없는사람", "--capacity", "2"], "No expert '없는사람'."),
      (["experts", "edit", "정민수", "--fields", ""], "fields of expertise: is required"),
      (["experts", "show", "99"], "No expert '99'."),
      (["experts", "list", "--kind", "x"], "kind: must be one of"),
      (["mentoring", "assign", "--member", "한빛정밀"], "expert: is required"),
      (["mentoring", "assign", "--expert", "정민수"], "member: is required"),
      (
        ["mentoring", "assign", "--member", "유신", "--expert", "정민수"],
        "member: matches several members: #1 (주)유신테크 (지능형메카트로닉스), #3 유신테크놀로지 (IT융합)"
      ),
      (
        ["mentoring", "assign", "--member", "한결대학교", "--expert", "정민수"], "member: is not a company"
      ),
      (["mentoring", "assign", "--member", "한빛정밀", "--expert", "박"], "No expert '박'."),
      (
        ["mentoring", "assign", "--member", "한빛정밀", "--expert", "정민수", "--from", "2026-13-01"],
        "start: must look like 2026-11-22"
      ),
      (
        ["mentoring", "assign", "--member", "한빛정밀", "--expert", "정민수", "--from", "2027-01-01"],
        "start: must not be after today (2026-11-26)"
      ),
      (["mentoring", "end", "--member", "한빛정밀"], "member: has no mentor; assign one first"),
      (["mentoring", "end"], "member: is required"),
      (["mentoring", "log", "--member", "한빛정밀"], "date: is required\ntopic: is required"),
      (
        ["mentoring", "log", "--member", "한빛정밀", "--date", "2026-11-01", "--topic", "원가"],
        "member: has no mentor"
      ),
      (
        ["mentoring", "list", "--without-mentor", "--expert", "정민수"],
        "--expert cannot be used with --without-mentor."
      ),
      (["mentoring", "list", "--expert", "없는사람"], "No expert '없는사람'."),
      (["mentoring", "sessions", "--member", "없는회사"], "No member '없는회사'."),
      (["mentoring", "suggest", "--member", "한빛정밀", "--limit", "0"], "limit: must be within 1…"),
      (["mentoring", "suggest"], "member: is required"),
      (
        ["sigs", "add", "--name", "새 SIG"], "mini-cluster: is required: give --cluster or --leader"
      ),
      (
        ["sigs", "add", "--name", "스마트센서 SIG", "--cluster", "지능형메카트로닉스"], "SIG name: duplicates #1"
      ),
      (["sigs", "add", "--cluster", "지능형메카트로닉스"], "SIG name: is required"),
      (["sigs", "add", "--name", "x", "--cluster", "없는클러스터"], "No mini-cluster '없는클러스터'."),
      (["sigs", "edit", "없는SIG", "--name", "x"], "No SIG '없는SIG'."),
      (
        ["sigs", "edit", "1", "--leader", "유신테크놀로지"],
        "leading company: belongs to another mini-cluster"
      ),
      (
        ["sigs", "join", "1", "--member", "유신테크놀로지"],
        "member: belongs to another mini-cluster than the SIG 스마트센서 SIG"
      ),
      (["sigs", "join", "1", "--member", "한빛정밀"], "member: is already in SIG 스마트센서 SIG"),
      (["sigs", "join", "1"], "member: is required"),
      (
        ["sigs", "join", "1", "--member", "(주)유신테크", "--date", "내일"],
        "date: must look like 2026-11-22"
      ),
      (["sigs", "leave", "1", "--member", "(주)유신테크"], "member: is not in SIG 스마트센서 SIG"),
      (["sigs", "task", "add", "1", "--owner", "한빛정밀"], "title: is required"),
      (
        ["sigs", "task", "add", "1", "--title", "공동 개발", "--owner", "(주)유신테크"],
        "owner: is not in SIG 스마트센서 SIG; it must join first"
      ),
      (
        ["sigs", "task", "add", "1", "--title", "공동 개발", "--owner", "한빛정밀", "--status", "done"],
        "status: must be one of proposed, active"
      ),
      (
        ["sigs", "task", "add", "1", "--title", "공동 개발", "--owner", "한빛정밀", "--due", "2026-02-30"],
        "due: must look like 2026-11-22"
      ),
      (["sigs", "task", "done", "1", "abc"], "task: must be a whole number"),
      (
        ["sigs", "task", "done", "1", "3"],
        "task: SIG 스마트센서 SIG has no task of that number (it has 0)"
      ),
      (["sigs", "task", "start", "없는SIG", "1"], "No SIG '없는SIG'."),
      (
        ["members", "directory-book", "한빛정밀"],
        "Give one of --asked DATE, --submitted DATE or --clear."
      ),
      (
        ["members", "directory-book", "한빛정밀", "--asked", "2026-09-01", "--clear"],
        "Give one of --asked DATE"
      ),
      (["members", "directory-book", "--asked", "2026-09-01"], "member: is required"),
      (
        ["members", "directory-book", "--everyone", "--submitted", "2026-09-01"],
        "--everyone takes --asked DATE and no member."
      ),
      (
        ["members", "directory-book", "한빛정밀", "--asked", "2026-12-01"],
        "asked: must not be after today (2026-11-26)"
      ),
      (
        ["members", "directory-book", "한빛정밀", "--asked", "2026-09-01", "--edition", "26"],
        "edition: must be within 2000–2100"
      ),
      (["members", "list", "--directory-book", "late"], "directory book: must be one of"),
      (["members", "list", "--edition", "이천"], "edition: must be a whole number"),
      (["members", "directory-book", "없는회사", "--asked", "2026-09-01"], "No member '없는회사'."),
      (["sigs", "list", "--cluster", "없는클러스터"], "No mini-cluster '없는클러스터'."),
      (["sigs", "show", "없는SIG"], "No SIG '없는SIG'."),
      (["sigs", "leave", "1"], "member: is required"),
      (["sigs", "task", "add", "1", "--title", "공동 개발"], "owner: is required"),
      (["mentoring", "list", "--cluster", "없는클러스터"], "No mini-cluster '없는클러스터'."),
      (["mentoring", "sessions", "--expert", "박"], "No expert '박'."),
      (["experts", "edit", "정민수", "--kind", "학교"], "kind: must be one of"),
    ]
    for (args, message) in cases {
      let result = try cli.run(args)
      #expect(result.status == 1, "\(args) exited \(result.status): \(result.stderr)")
      #expect(result.stderr.contains(message), "\(args): \(result.stderr)")
      #expect(result.stdout.isEmpty, "\(args): \(result.stdout)")
    }
    // In Korean too, naming the same fields.
    for (args, message) in [
      (["experts", "add", "--name", "김"], "구분: 값이 필요합니다"),
      (["mentoring", "log", "--member", "한빛정밀", "--date", "2026-11-01"], "주제: 값이 필요합니다"),
      (["sigs", "task", "add", "1", "--owner", "한빛정밀"], "과제명: 값이 필요합니다"),
      (
        ["members", "directory-book", "한빛정밀", "--asked", "2026-12-01"],
        "요청일: 오늘(2026-11-26) 이후일 수 없습니다"
      ),
      (["mentoring", "assign", "--member", "유신", "--expert", "정민수"], "회원: 여러 회원에 해당합니다"),
      (["experts", "show", "없는사람"], "전문가 '없는사람'을 찾을 수 없습니다."),
    ] {
      let result = try cli.run(args, environment: ["LANG": "ko_KR.UTF-8"])
      #expect(result.status == 1 && result.stderr.contains(message), "\(args): \(result.stderr)")
    }
    #expect(try cli.run(["export"]).stdout == before)
  }

  @Test func helpIsInBothLanguages() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    for command in [
      ["experts"], ["mentoring"], ["sigs"], ["sigs", "task"], ["members", "directory-book"],
    ] {
      let korean = try cli.run(command + ["--help"], environment: ["LANG": "ko_KR.UTF-8"])
      let english = try cli.run(command + ["--help"])
      #expect(korean.status == 0 && english.status == 0)
      #expect(korean.stdout != english.stdout)
      #expect(korean.stdout.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) })
    }
    let assign = try cli.run(
      ["mentoring", "assign", "--help"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(assign.stdout.contains("이 사유로 전문가의 정원을 넘겨 배정합니다."))
  }
}

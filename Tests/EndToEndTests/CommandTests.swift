import ClusterKit
import Foundation
import Testing

/// The `clusterdesk` subcommands, run as a user runs them, checked by their output, exit status
/// and the workspace afterwards.
@Suite struct CommandTests {
  @Test func binaryIsBuilt() {
    #expect(
      FileManager.default.isExecutableFile(atPath: Binary.path), "build it with `swift build` first"
    )
  }

  @Test func excelCSVImportThenListExportsBackLosslessly() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let csv = """
      회사명,대표이사,사업자등록번호,구분,분과,직위,전화번호,매출액,설립일,주요제품\r
      (주)유신테크,김철수,124-81-00998,기업,IT장비,회장,02-1234-5678,13.7억,2003.05.01,MEMS 센서\r
      한결대학교 산학협력단,,,대학,,회원,,,,\r
      대성일렉트로닉스 주식회사,이대성,1018100016,기업,차세대부품,운영위원,031-123-4567,"5,000,000,000",20100301,PCB\r

      """
    try csv.data(using: CSVReader.cp949)!.write(to: cli.file("members.csv"))
    let imported = try cli.run(["import", "members.csv", "--cluster", "지능형메카트로닉스"])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("CP949"))
    #expect(imported.stdout.contains("Created mini-cluster 지능형메카트로닉스."))
    #expect(imported.stdout.contains("Imported 3 members"))

    let listed = try cli.run(["members", "list", "--format", "csv"])
    #expect(listed.status == 0)
    try listed.stdoutData.write(to: cli.file("export.csv"))
    var other = cli
    other.environment["CLUSTERDESK_WORKSPACE"] = cli.file("other.clusterdesk").path
    let back = try other.run(["import", "export.csv", "--cluster", "복사본"])
    #expect(back.status == 0, "\(back.stderr)")
    let again = try other.run(["members", "list", "--format", "csv"])
    #expect(again.stdout == listed.stdout)
    #expect(listed.stdout.contains("124-81-00998"))
    #expect(listed.stdout.contains("\"1,370,000,000\""))
  }

  @Test func badRowsAreAllReportedAndNothingIsImported() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let csv = "name,brn,phone\n유신테크,124-81-00999,02-1234-5678\n한빛정밀,,12\n"
    try Data(csv.utf8).write(to: cli.file("bad.csv"))
    let result = try cli.run(["import", "bad.csv", "--cluster", "IT융합"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("Nothing was imported"))
    #expect(result.stderr.contains("line 2, brn"))
    #expect(result.stderr.contains("line 3, phone"))
    // Nothing at all: not even the workspace the import would have created.
    #expect(!FileManager.default.fileExists(atPath: cli.workspacePath))
    #expect(try cli.run(["init"]).status == 0)
    #expect(try cli.run(["import", "bad.csv", "--cluster", "IT융합"]).status == 1)
    let listed = try cli.run(["members", "list", "--format", "json"])
    #expect(listed.stdout == "[\n\n]\n" || listed.stdout == "[]\n")
  }

  @Test func workflowFromTheShell() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["init", "--office", "서울지역본부 사무국", "--cluster", "IT융합"]).status == 0)
    let added = try cli.run([
      "members", "add", "--cluster", "IT융합", "--name", "㈜ 한빛정밀", "--brn", "1248100998", "--role",
      "회장",
      "--phone", "010 1234 5678",
    ])
    #expect(added.status == 0, "\(added.stderr)")
    let duplicate = try cli.run(["members", "add", "--cluster", "IT융합", "--name", "한빛정밀 주식회사"])
    #expect(duplicate.status == 1)
    #expect(duplicate.stderr.contains("name: duplicates #1 ㈜ 한빛정밀"))
    let visit = try cli.run([
      "visits", "add", "ㅎㅂㅈㅁ", "--difficulty", "certification:CE 인증 비용 부담", "--follow-up",
      "인증 지원사업 안내:2026-12-10",
    ])
    #expect(visit.status == 0, "\(visit.stderr)")
    let followUps = try cli.run(["visits", "list", "--follow-ups", "--format", "csv"])
    #expect(followUps.stdout.contains("인증 지원사업 안내"))
    let shown = try cli.run(["members", "show", "한빛"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(shown.stdout.contains("사업자등록번호  124-81-00998"))
    #expect(shown.stdout.contains("[인증] CE 인증 비용 부담"))
  }

  /// A rate and a field read the same in every command: 1 of 8 present was 13% on screen but
  /// 12% in `meetings list` and `report`, and the phone column was 전화 in `members list`.
  @Test func oneVocabularyAcrossCommands() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["init", "--cluster", "IT융합"]).status == 0)
    for i in 1...8 {
      let added = try cli.run([
        "members", "add", "--cluster", "IT융합", "--name", "회원사\(i)", "--phone", "02-2101-100\(i)",
      ])
      #expect(added.status == 0, "\(added.stderr)")
    }
    let meeting = try cli.run([
      "meetings", "add", "--cluster", "IT융합", "--kind", "technicalSeminar", "--date",
      "2026-11-19", "--title", "11월 기술세미나",
    ])
    #expect(meeting.status == 0, "\(meeting.stderr)")
    let marked = try cli.run(["meetings", "attend", "1", "--all-present"])
    #expect(marked.status == 0, "\(marked.stderr)")
    let absent = (2...8).flatMap { ["--absent", "회원사\($0)"] }
    #expect(try cli.run(["meetings", "attend", "1"] + absent).status == 0)
    let listed = try cli.run(["meetings", "list"])
    #expect(listed.stdout.contains("1/8"), "\(listed.stdout)")
    #expect(listed.stdout.contains("13%"), "\(listed.stdout)")
    let report = try cli.run(["report", "--year", "2026"])
    #expect(report.stdout.contains("13%"), "\(report.stdout)")
    let korean = try cli.run(["members", "list"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(korean.stdout.split(separator: "\n").first?.contains("전화번호") == true)
    // The work lists of the programmes name their columns as the member list does (they said
    // 전화 and Representative).
    for list in [["mentoring", "list", "--without-mentor"], ["sigs", "list", "--uncovered"]] {
      let ko = try cli.run(list + ["--format", "csv"], environment: ["LANG": "ko_KR.UTF-8"])
      #expect(ko.stdout.hasPrefix("#,회원,미니클러스터,분과,대표자,전화번호,최근 방문\r\n"), "\(list): \(ko.stdout)")
      let en = try cli.run(list + ["--format", "csv"])
      #expect(
        en.stdout.hasPrefix("#,Member,Cluster,Division,CEO,Phone,Last visit\r\n"),
        "\(list): \(en.stdout)")
    }
  }

  @Test func errorsGoToStderrWithAStatus() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let missing = try cli.run(["members", "list"])
    #expect(missing.status == 3)
    #expect(missing.stderr.contains("No workspace at"))
    #expect(missing.stdout.isEmpty)
    try Data("not a database".utf8).write(to: cli.file("notes.txt"))
    let notOurs = try cli.run(["report", "--workspace", cli.file("notes.txt").path])
    #expect(notOurs.status == 3)
    #expect(notOurs.stderr.contains("is not a ClusterDesk workspace; nothing was changed."))
    let korean = try cli.run(["members", "list"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(korean.stderr.contains("워크스페이스가 없습니다"))
    let usage = try cli.run(["import"])
    #expect(usage.status == 64 || usage.status == 2)
  }

  @Test func helpFollowsTheLanguage() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let korean = try cli.run(["--help"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(korean.status == 0)
    #expect(korean.stdout.contains("워크스페이스"))
    #expect(!korean.stdout.contains("member directory, meetings, visits"))
    let english = try cli.run(["--help"], environment: ["LANG": "C.UTF-8"])
    #expect(english.status == 0)
    // ArgumentParser wraps the abstract at 80 columns.
    #expect(
      english.stdout.contains(
        "OVERVIEW: The mini-cluster office's member directory, meetings, visits and"))
    #expect(!english.stdout.contains("워크스페이스"))
    let addHelp = try cli.run(["members", "add", "--help"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(addHelp.stdout.contains("사업자등록번호, 예: 123-45-67890."))
  }

  /// `--pane` takes the registered panes only, and a wrong one is refused naming them, before
  /// any workspace is opened or terminal taken.
  @Test func aWrongPaneIsRefusedNamingThePanes() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    for arguments in [
      ["--pane", "bogus"], ["open", "--pane", "bogus"], ["demo", "--pane", "bogus"],
    ] {
      let result = try cli.run(arguments)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.stderr.contains("'bogus' is invalid for '--pane <pane>'"), "\(result.stderr)")
      // ArgumentParser quotes a few values inline and lists more of them one a line.
      for pane in [
        "overview", "members", "meetings", "visits", "requests", "programs", "mentoring",
      ] {
        #expect(
          result.stderr.contains("'\(pane)'") || result.stderr.contains("- \(pane)\n"),
          "\(result.stderr)")
      }
    }
    let help = try cli.run(["open", "--help"]).stdout.split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
    #expect(
      help.contains("values: overview, members, meetings, visits, requests, programs, mentoring"))
  }

  /// The commands that exist for the tests and benchmarks work but are not offered in --help.
  @Test func testingCommandsAreHiddenFromHelp() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let help = try cli.run(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("report"))
    #expect(!help.stdout.contains("write-loop"))
    #expect(!help.stdout.contains("bench-domain"))
    let own = try cli.run(["write-loop", "--help"])
    #expect(own.status == 0)
    #expect(own.stdout.contains("For testing only"))
  }

  /// Without --workspace or $CLUSTERDESK_WORKSPACE the workspace lives under the user's data
  /// directory: $XDG_DATA_HOME, else $HOME/.local/share.
  @Test func defaultWorkspaceFollowsTheUsersDataDirectory() throws {
    var cli = try Binary()
    defer { cli.cleanUp() }
    cli.environment.removeValue(forKey: "CLUSTERDESK_WORKSPACE")
    cli.environment.removeValue(forKey: "XDG_DATA_HOME")
    cli.environment["HOME"] = cli.folder.path
    #expect(try cli.run(["init"]).status == 0)
    let underHome = cli.file(".local/share/clusterdesk/workspace.clusterdesk").path
    #expect(FileManager.default.fileExists(atPath: underHome))
    let folder = try FileManager.default.attributesOfItem(
      atPath: (underHome as NSString).deletingLastPathComponent)
    #expect((folder[.posixPermissions] as? Int) == 0o700)
    cli.environment["XDG_DATA_HOME"] = cli.file("data").path
    #expect(try cli.run(["init"]).status == 0)
    #expect(
      FileManager.default.fileExists(
        atPath: cli.file("data/clusterdesk/workspace.clusterdesk").path))
  }
}

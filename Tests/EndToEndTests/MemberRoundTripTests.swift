import Foundation
import Testing

/// A whole office's members and contacts out as CSV (and a workbook) and into an empty
/// workspace: every member back in its mini-cluster and division, with its directory-book
/// submission and its contacts; and a company of one cluster added to another.
@Suite struct MemberRoundTripTests {
  static let sample = Binary.packageRoot.appendingPathComponent(
    "sample-data/seoul-digital-office.json")

  @Test func theSampleOfficeComesBackFromItsCSVFiles() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    let loaded = try cli.run(["import", Self.sample.path])
    #expect(loaded.status == 0, "\(loaded.stderr)")
    for (command, file) in [
      (["members", "list"], "members.csv"), (["members", "contacts"], "contacts.csv"),
    ] {
      let written = try cli.run(command + ["--format", "csv", "--excel", "--output", file])
      #expect(written.status == 0, "\(written.stderr)")
    }
    let book = try cli.run(["members", "list", "--format", "xlsx", "--output", "members.xlsx"])
    #expect(book.status == 0, "\(book.stderr)")

    for file in ["members.csv", "members.xlsx"] {
      var other = cli
      other.environment["CLUSTERDESK_WORKSPACE"] = cli.file("\(file).clusterdesk").path
      let members = try other.run(["import", file])
      #expect(members.status == 0, "\(file): \(members.stderr)")
      #expect(
        members.stdout.contains(
          "Imported 141 members into 4 mini-clusters (바이오메디컬 32, IT융합 36, 지능형메카트로닉스 38, 디지털콘텐츠 35)."
        ),
        "\(members.stdout)")
      let contacts = try other.run(["import", "contacts.csv", "--contacts"])
      #expect(contacts.status == 0, "\(contacts.stderr)")
      #expect(contacts.stdout.contains("Imported 244 contacts."))
      for command in [
        ["members", "list", "--format", "csv"], ["members", "contacts", "--format", "csv"],
        ["members", "list", "--directory-book", "submitted", "--format", "csv"],
        ["members", "list", "--cluster", "IT융합", "--division", "스마트디바이스", "--format", "csv"],
      ] {
        let before = try cli.run(command)
        let after = try other.run(command)
        #expect(before.status == 0 && after.status == 0, "\(command): \(after.stderr)")
        #expect(after.stdout == before.stdout, "\(file): \(command)")
      }
    }
    // --excel puts the byte-order mark in front.
    let csv = try Data(contentsOf: cli.file("members.csv"))
    #expect(csv.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
    #expect(
      String(decoding: csv, as: UTF8.self).split(separator: "\r\n").first?.hasSuffix(
        ",mini-cluster,directory book") == true)
  }

  @Test func aCompanyOfAnotherClusterIsAskedAboutAndItsExactNameFindsIt() throws {
    let cli = try Binary()
    defer { cli.cleanUp() }
    #expect(try cli.run(["init", "--office", "테스트 사무국"]).status == 0)
    #expect(
      try cli.run(["members", "add", "--cluster", "지능형메카트로닉스", "--name", "(주)한강로보텍"]).status
        == 0)
    let asked = try cli.run(["members", "add", "--cluster", "IT융합", "--name", "한강로보텍 주식회사"])
    #expect(asked.status == 1)
    #expect(
      asked.stderr.contains(
        "한강로보텍 주식회사 may be the same company as a member of another mini-cluster: #1 (주)한강로보텍 (지능형메카트로닉스)"
      ), "\(asked.stderr)")
    #expect(asked.stderr.contains("--allow-duplicate"))
    let korean = try cli.run(
      ["members", "add", "--cluster", "IT융합", "--name", "한강로보텍 주식회사"],
      environment: ["LANG": "ko_KR.UTF-8"])
    #expect(korean.stderr.contains("한강로보텍 주식회사는 다른 미니클러스터에 있는 회원과 같은 회사일 수 있습니다"))
    let added = try cli.run(
      ["members", "add", "--cluster", "IT융합", "--name", "한강로보텍 주식회사", "--allow-duplicate"])
    #expect(added.status == 0, "\(added.stderr)")
    #expect(added.stdout.contains("Added member #2 한강로보텍 주식회사."))

    let edited = try cli.run(["members", "edit", "한강로보텍 주식회사", "--phone", "02-123-4567"])
    #expect(edited.status == 0, "\(edited.stderr)")
    #expect(edited.stdout.contains("Saved member #2 한강로보텍 주식회사."))
    for command in [
      ["members", "edit", "한강로보텍", "--phone", "02-123-4567"], ["members", "show", "한강로보텍"],
      ["visits", "add", "한강로보텍", "--purpose", "점검"],
    ] {
      let ambiguous = try cli.run(command)
      #expect(ambiguous.status == 1, "\(command)")
      #expect(
        ambiguous.stderr.contains(
          "#1 (주)한강로보텍 (지능형메카트로닉스), #2 한강로보텍 주식회사 (IT융합)"), "\(command): \(ambiguous.stderr)")
    }
    #expect(try cli.run(["members", "show", "2"]).stdout.contains("한강로보텍 주식회사"))

    let file = "회사명,미니클러스터\n한강로보텍,차세대부품\n가람테크,IT융합\n가람테크,차세대부품\n"
    try Data(file.utf8).write(to: cli.file("new.csv"))
    let refused = try cli.run(["import", "new.csv"])
    #expect(refused.status == 1)
    #expect(
      refused.stderr.contains(
        "Nothing was imported: 2 member(s) in new.csv may already be in another mini-cluster:"))
    #expect(refused.stderr.contains("line 2, 한강로보텍 may be the same company"))
    #expect(
      refused.stderr.contains(
        "line 4, 가람테크 may be the same company as a member of another mini-cluster: line 3"))
    #expect(try cli.run(["members", "list", "--format", "csv"]).stdout.contains("가람테크") == false)
    let imported = try cli.run(["import", "new.csv", "--allow-duplicate"])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("Imported 3 members into 2 mini-clusters (차세대부품 2, IT융합 1)."))
  }
}

import Foundation
import SpreadsheetCheck
import Testing

/// `directory-book` from the real binary on the sample office: the HTML holds every submitted
/// member once, in order, with contact people's mobile numbers masked, and prints from a browser
/// onto A4 pages with no company split across two.
@Suite struct DirectoryBookCommandTests {
  /// The sample's contact people of members who submitted their profile for 2026: member id
  /// and phone.
  static func submittedContacts() throws -> [(memberId: Int, phone: String)] {
    let sample = Binary.packageRoot.appendingPathComponent("sample-data/seoul-digital-office.json")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: sample)) as? [String: Any])
    let book = try #require(document["directoryBook"] as? [[String: Any]])
    let submitted = Set(
      book.filter { $0["status"] as? String == "submitted" && $0["edition"] as? Int == 2026 }
        .compactMap { $0["memberId"] as? Int })
    let contacts = try #require(document["contacts"] as? [[String: Any]])
    return contacts.compactMap { contact in
      guard let id = contact["memberId"] as? Int, submitted.contains(id),
        let phone = contact["phone"] as? String
      else { return nil }
      return (id, phone)
    }
  }

  /// The members of the book as `members list` gives them: id, name, cluster and division, in
  /// the directory's name order.
  static func submitted(_ cli: Binary) throws -> [[String: String]] {
    let list = try cli.run([
      "members", "list", "--directory-book", "submitted", "--edition", "2026", "--format", "json",
    ])
    return try #require(
      try JSONSerialization.jsonObject(with: list.stdoutData) as? [[String: String]])
  }

  /// The member ids of the profiles, in the order the HTML prints them.
  static func profiles(_ html: String) -> [String] {
    html.components(separatedBy: "<article class=\"company\" id=\"m").dropFirst()
      .map { String($0.prefix { $0.isNumber }) }
  }

  @Test func theBookHoldsEverySubmittedMemberOnceInOrderWithMobilesMasked() throws {
    let cli = try WorkbookCommandTests.sampleOffice()
    defer { cli.cleanUp() }
    let result = try cli.run(["directory-book", "--output", "book.html"])
    try #require(result.status == 0, "\(result.stderr)")
    let members = try Self.submitted(cli)
    #expect(members.count == 61)
    #expect(
      result.stdout
        == "Wrote the 2026 directory book (61 members in 4 mini-clusters) to book.html.\n")
    let path = cli.file("book.html").path
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let html = try String(contentsOfFile: path, encoding: .utf8)
    let printed = Self.profiles(html)
    #expect(printed.count == members.count)
    #expect(Set(printed) == Set(members.compactMap { $0["id"] }))
    // By mini-cluster, then division (none last), then the directory's name order.
    func place(_ member: [String: String]) -> (String, Int, String) {
      (
        member["cluster"] ?? "", member["division"]?.isEmpty ?? true ? 1 : 0,
        member["division"] ?? ""
      )
    }
    let expected = members.enumerated().sorted {
      let (a, b) = (place($0.element), place($1.element))
      return a != b ? a < b : $0.offset < $1.offset
    }.compactMap { $0.element["id"] }
    #expect(printed == expected)
    let contacts = try Self.submittedContacts()
    let mobiles = contacts.filter { $0.phone.hasPrefix("010") }
    #expect(mobiles.count > 20)
    for contact in mobiles {
      #expect(!html.contains(contact.phone), "\(contact.phone) printed in full")
      #expect(html.contains("010-****-" + contact.phone.suffix(4)))
    }
    for contact in contacts where contact.phone.hasPrefix("02-") {
      #expect(html.contains(contact.phone))
    }
    #expect(html.contains("@page {\n  size: A4;"))
    #expect(html.contains(".sheet { height: 262.0mm; overflow: hidden; break-before: page; }"))

    let unmasked = try cli.run(["directory-book", "--output", "full.html", "--unmask"])
    #expect(unmasked.status == 0)
    let full = try String(contentsOfFile: cli.file("full.html").path, encoding: .utf8)
    #expect(mobiles.allSatisfy { full.contains($0.phone) })

    let korean = try cli.run(
      ["directory-book", "--output", "책.html"], environment: ["LANG": "ko_KR.UTF-8"])
    #expect(korean.stdout.contains("2026년 디렉토리북(미니클러스터 4곳, 회원 61곳)을 책.html에 썼습니다."))
    let book = try String(contentsOfFile: cli.file("책.html").path, encoding: .utf8)
    #expect(book.contains("<h2 class=\"title\">차례</h2>") && book.contains("<dt>대표자</dt>"))
    let english = try cli.run(
      ["directory-book", "--output", "en.html", "--language", "en"],
      environment: ["LANG": "ko_KR.UTF-8"])
    #expect(english.stdout.contains("썼습니다"))
    #expect(
      try String(contentsOfFile: cli.file("en.html").path, encoding: .utf8).contains(
        "<h2 class=\"title\">Contents</h2>"))
  }

  @Test func namesPrintAsTypedAndChangesSinceAnEditionAreListed() throws {
    let cli = try WorkbookCommandTests.sampleOffice()
    defer { cli.cleanUp() }
    // Last year's edition: two of this year's companies and one that has not sent its profile,
    // recorded after the last change to any profile in the sample (2026-11-16).
    let members = try Self.submitted(cli)
    let (kept, changed) = (members[0]["name"]!, members[1]["name"]!)
    for name in [kept, changed] {
      #expect(
        try cli.run([
          "members", "directory-book", name, "--submitted", "2026-11-20", "--edition", "2025",
        ])
        .status == 0)
    }
    let missing = try cli.run([
      "members", "list", "--directory-book", "missing", "--format", "json",
    ])
    let notSent = try #require(
      (try JSONSerialization.jsonObject(with: missing.stdoutData) as? [[String: String]])?.first?[
        "name"])
    #expect(
      try cli.run([
        "members", "directory-book", notSent, "--submitted", "2026-11-20", "--edition", "2025",
      ]).status == 0)
    let cluster = members[0]["cluster"]!
    let added = try cli.run([
      "members", "add", "--name", "A&B <주>", "--cluster", cluster, "--phone", "02-2101-1001",
    ])
    try #require(added.status == 0, "\(added.stderr)")
    #expect(
      try cli.run(["members", "directory-book", "A&B <주>", "--submitted", "2026-11-20"]).status == 0
    )
    #expect(try cli.run(["members", "edit", changed, "--products", "새 제품군"]).status == 0)

    let result = try cli.run(["directory-book", "--output", "book.html", "--changes-since", "2025"])
    try #require(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOfFile: cli.file("book.html").path, encoding: .utf8)
    #expect(html.contains("A&amp;B &lt;주&gt;"))
    #expect(!html.contains("A&B <주>"))
    #expect(html.contains("Changes since the 2025 edition"))
    let section = try #require(html.components(separatedBy: "id=\"changes\"").last)
      .components(separatedBy: "<section class=\"cluster\"")[0]
    let escape = { (text: String) in
      text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;")
    }
    let parts = section.components(separatedBy: "<h3 class=\"line\">")
    #expect(parts.count == 4)
    // New: every member of this year's book but the two of last year's.
    #expect(parts[1].hasPrefix("New in this edition (\(members.count + 1 - 2))"))
    #expect(parts[1].contains("A&amp;B &lt;주&gt;"))
    #expect(parts[2].hasPrefix("Profile changed (1)") && parts[2].contains(escape(changed)))
    #expect(parts[2].contains("changed 2026-11-26"))
    #expect(!parts[2].contains(escape(kept)) && !parts[1].contains(">" + escape(kept) + "<"))
    #expect(parts[3].hasPrefix("No longer in the book (1)") && parts[3].contains(escape(notSent)))
    #expect(parts[3].contains("no profile submitted for 2026"))
  }

  @Test(.enabled(if: OpenPyXL.isAvailable, Comment(rawValue: OpenPyXL.missing)))
  func theBookAsAWorkbook() throws {
    let cli = try WorkbookCommandTests.sampleOffice()
    defer { cli.cleanUp() }
    let result = try cli.run([
      "directory-book", "--format", "xlsx", "--output", "book.xlsx", "--language", "ko",
    ])
    try #require(result.status == 0, "\(result.stderr)")
    let sheets = try OpenPyXL.load(cli.file("book.xlsx").path).sheets
    #expect(sheets.map(\.title) == ["2026 디렉토리북"])
    let sheet = sheets[0]
    #expect(sheet.freeze == "A2")
    #expect(sheet.filter == "A1:N62")
    #expect(sheet.maxRow == 62)
    #expect(sheet["A1"]?.value == .text("번호") && sheet["D1"]?.value == .text("회사명"))
    #expect(sheet["A2"]?.value == .number(1) && sheet["A62"]?.value == .number(61))
    #expect(
      (2...62).allSatisfy {
        sheet["I\($0)"].map { $0.value == .none || $0.format == "#,##0\"원\"" } ?? true
      })
    let contacts = (2...62).compactMap { row -> String? in
      if case .text(let text) = sheet["N\(row)"]?.value { return text }
      return nil
    }
    #expect(contacts.count == 61)
    #expect(contacts.contains { $0.contains("010-****-") })
    #expect(
      !contacts.contains { $0.range(of: "010-[0-9]{4}-", options: .regularExpression) != nil })
  }

  @Test(.enabled(if: Chromium.available, Comment(rawValue: Chromium.missing)))
  func theBookPrintsOnA4WithNoCompanySplit() throws {
    let cli = try WorkbookCommandTests.sampleOffice()
    defer { cli.cleanUp() }
    let result = try cli.run(["directory-book", "--output", "book.html"])
    try #require(result.status == 0, "\(result.stderr)")
    let pdf = cli.file("book.pdf")
    try Chromium.printToPDF(cli.file("book.html"), pdf)
    let pages = try Chromium.pages(pdf)
    let members = try Self.submitted(cli)
    let clusters = Set(members.compactMap { $0["cluster"] })
    // The cover, at least a page of contents, and each mini-cluster from a page of its own.
    #expect(pages.count >= 2 + clusters.count)
    #expect(pages.count <= 2 + clusters.count + members.count)
    #expect(pages[0].contains("Directory book 2026"))
    #expect(pages[1].contains("Contents"))
    // The header names the office and the footer numbers the pages.
    #expect(pages[1].contains("2 / \(pages.count)"))
    // Under the running header, the first line of a page.
    let tops = pages.map { page in
      page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }.dropFirst().first ?? ""
    }
    for cluster in clusters { #expect(tops.contains(cluster), "\(cluster) does not start a page") }
    let text = pages.map {
      $0.replacingOccurrences(of: " +", with: " ", options: .regularExpression)
    }
    // Each profile is on one page: its numbered name and its website or phone, the last lines
    // of the profile, are on the same page.
    let html = try String(contentsOfFile: cli.file("book.html").path, encoding: .utf8)
    // The cover, the contents: the pages before the first profile, which list the names too.
    let front = 0..<((try Self.contentsEntries(html).map(\.page).min() ?? 1) - 1)
    let profiles = html.components(separatedBy: "<article class=\"company\"").dropFirst()
    #expect(profiles.count == members.count)
    for (index, profile) in profiles.enumerated() {
      let number = index + 1
      let name = try #require(members.first { profile.hasPrefix(" id=\"m\($0["id"]!)\"") })["name"]!
      let phone = profile.components(separatedBy: "<dt>Phone</dt><dd>").dropFirst().first?
        .prefix { $0 != "<" }
      let heading = text.indices.filter {
        !front.contains($0) && text[$0].contains("\(number) \(name)")
      }
      #expect(heading.count == 1, "\(number) \(name) is on pages \(heading)")
      if let phone, phone != "–", let page = heading.first {
        #expect(text[page].contains(phone), "\(name): \(phone) is not on its page")
      }
    }
  }

  /// The entries of the table of contents in the HTML: the company's number, its name and the
  /// page the contents give for it.
  static func contentsEntries(_ html: String) throws -> [(number: Int, name: String, page: Int)] {
    let entry = try Regex(
      ##"<p class="line toc-company"><a href="#m\d+"><span class="no">(\d+)</span> (.*?)(?: <span class="tag">[^<]*</span>)?</a><span class="leader"></span><span class="page">(\d+)</span></p>"##
    )
    return html.matches(of: entry).map { match in
      let name = String(match.output[2].substring ?? "")
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
      return (Int(match.output[1].substring!)!, name, Int(match.output[3].substring!)!)
    }
  }

  /// Printed to A4 by headless Chromium, every company is on the page the table of contents
  /// gives for it, that page's footer prints the same number, and the contents print it beside
  /// the company: in English, and in Korean with the list of changes (several pages of it) and a
  /// profile too long for one page.
  @Test(.enabled(if: Chromium.available, Comment(rawValue: Chromium.missing)))
  func theContentsGiveThePageEachCompanyIsPrintedOn() throws {
    let cli = try WorkbookCommandTests.sampleOffice()
    defer { cli.cleanUp() }
    // An earlier edition to compare with: everyone asked, nobody submitted.
    let asked = try cli.run([
      "members", "directory-book", "--everyone", "--asked", "2025-09-01", "--edition", "2025",
    ])
    try #require(asked.status == 0, "\(asked.stderr)")
    let members = try Self.submitted(cli)
    let long = try #require(members.dropFirst(5).first?["name"])
    let products = String(repeating: "정밀 감속기와 서보 모터 제어기, 산업용 로봇 관절 모듈 ", count: 90)
    let edited = try cli.run(["members", "edit", long, "--products", products])
    try #require(edited.status == 0, "\(edited.stderr)")
    let runs: [(arguments: [String], contents: String)] = [
      (["--language", "en"], "Contents"),
      (["--language", "ko", "--all", "--changes-since", "2025"], "차례"),
    ]
    for (index, run) in runs.enumerated() {
      let name = "book\(index)"
      let result = try cli.run(["directory-book", "--output", "\(name).html"] + run.arguments)
      try #require(result.status == 0, "\(result.stderr)")
      let html = try String(contentsOfFile: cli.file("\(name).html").path, encoding: .utf8)
      let entries = try Self.contentsEntries(html)
      #expect(entries.count == Self.profiles(html).count && entries.count >= members.count)
      try Chromium.printToPDF(cli.file("\(name).html"), cli.file("\(name).pdf"))
      let pages = try Chromium.pages(cli.file("\(name).pdf")).map {
        $0.replacingOccurrences(of: " +", with: " ", options: .regularExpression)
      }
      #expect(pages[1].contains(run.contents), "\(run.arguments): the contents start on page 2")
      // The pages before the first profile: the cover, the contents and the changes.
      let front = 0..<((entries.map(\.page).min() ?? 1) - 1)
      #expect(front.count >= 2)
      let frontLines = front.flatMap { pages[$0].split(separator: "\n") }
        .map { $0.trimmingCharacters(in: .whitespaces) }
      for entry in entries {
        let heading = "\(entry.number) \(entry.name)"
        // Where the profile really is: the one page past the front with its numbered name.
        let found = pages.indices.filter { !front.contains($0) && pages[$0].contains(heading) }
          .map { $0 + 1 }
        #expect(found == [entry.page], "\(run.arguments): \(heading) is on pages \(found)")
        guard entry.page <= pages.count else { continue }
        #expect(
          pages[entry.page - 1].contains("\(entry.page) / \(pages.count)"),
          "\(run.arguments): page \(entry.page) prints another number")
        // The contents print that page at the end of the company's line.
        let lines = frontLines.filter { $0.hasPrefix("\(entry.number) \(entry.name.prefix(4))") }
        #expect(
          lines.contains { $0.hasSuffix(" \(entry.page)") },
          "\(run.arguments): the contents line of \(heading) is \(lines)")
      }
      // The long profile runs on over more than one page, and the next company starts after it.
      let longEntry = try #require(entries.first { $0.name == long })
      if let next = entries.first(where: { $0.number == longEntry.number + 1 }) {
        #expect(next.page >= longEntry.page + 2, "\(run.arguments): \(long) fits one page")
      }
      #expect(pages[longEntry.page].contains("산업용 로봇"), "the long profile goes on")
      if index == 1 {
        // Korean, with the changes: their pages come after the contents and before the profiles.
        #expect(html.contains("2025년판 이후 달라진 점"))
        #expect(pages[1].contains("2025년판 이후 달라진 점"), "the contents list the changes")
        // The changes start on the page the contents give for them, after the contents.
        let changes = try #require(front.first { pages[$0].contains("새로 실린 회원") })
        #expect(changes > 1)
        #expect(
          frontLines.contains { $0.hasPrefix("2025년판 이후 달라진 점") && $0.hasSuffix(" \(changes + 1)") }
        )
      }
    }
  }

  /// Every way to get `directory-book` wrong gets one sentence, in either language.
  @Test func badRequestsGetOneSentence() throws {
    let cli = try WorkbookCommandTests.sampleOffice()
    defer { cli.cleanUp() }
    let cases: [Binary.Refusal] = [
      (["directory-book"], 1, "give --output FILE.html", "--output FILE.html"),
      (
        ["directory-book", "--format", "xlsx"], 1, "give --output FILE.html (or --format xlsx",
        "--output FILE.html"
      ),
      (
        ["directory-book", "--output", "b.html", "--year", "1999"], 1,
        "year: must be within 2000–2100 (got \"1999\")", "연도: 2000–2100 범위여야"
      ),
      (
        ["directory-book", "--output", "b.html", "--year", "abc"], 1, "year: must look like 2027",
        "연도: "
      ),
      (
        ["directory-book", "--output", "b.html", "--year", "2025"], 1,
        "No directory-book edition 2025 is recorded (the editions are 2026); give one of them, or --all",
        "2025년 디렉토리북 판은 기록되어 있지 않습니다(기록된 판: 2026)"
      ),
      (
        ["directory-book", "--output", "b.html", "--changes-since", "2026"], 1,
        "--changes-since 2026 must name an edition before 2026.", "2026년보다 앞선 판을"
      ),
      (
        ["directory-book", "--output", "b.html", "--changes-since", "2024"], 1,
        "--changes-since 2024: no such edition is recorded (the editions are 2026).",
        "그런 판은 기록되어 있지 않습니다"
      ),
      (
        ["directory-book", "--output", "no-such-folder/b.html"], 3,
        "Could not write no-such-folder/b.html (the folder does not exist); nothing was written there.",
        "폴더가 없습니다"
      ),
      (
        ["directory-book", "--output", "office.clusterdesk"], 1, "is the workspace itself",
        "워크스페이스 자체입니다"
      ),
      (
        ["directory-book", "--output", "office.clusterdesk-wal"], 1, "belongs to the database",
        "데이터베이스"
      ),
      (
        ["directory-book", "--output", "b.html", "--language", "de"], 1,
        "--language must be ko or en", "--language에는"
      ),
      (
        ["directory-book", "--output", "b.pdf", "--format", "pdf"], 1,
        "--format must be html or xlsx (got \"pdf\").", "--format에는"
      ),
    ]
    try cli.expectRefusals(cases)
    #expect(!FileManager.default.fileExists(atPath: cli.file("b.html").path))
    // An edition nobody has submitted to yet.
    #expect(
      try cli.run([
        "members", "directory-book", "--everyone", "--asked", "2026-11-20", "--edition", "2027",
      ]).status == 0)
    let empty = try cli.run(["directory-book", "--output", "b.html", "--year", "2027"])
    #expect(empty.status == 1)
    #expect(empty.stderr.contains("No member has submitted a profile for the 2027 edition yet"))
    // --all prints every current member of any year.
    let all = try cli.run(["directory-book", "--output", "all.html", "--year", "2027", "--all"])
    #expect(all.status == 0, "\(all.stderr)")
    #expect(all.stdout.contains("(136 members in 4 mini-clusters)"))
  }
}

/// The directory book as one HTML file that any browser prints on A4: a cover, a table of
/// contents by mini-cluster and division (every company numbered, linked and given its page, as
/// `DirectoryBookPages` lays the book out), what changed since an earlier edition, then each
/// mini-cluster from a new page with its companies, two to a page, none split across two pages.
/// The page header names the office and the edition and the footer numbers the pages. Fonts come
/// from the machine (a list of Korean fonts with fallbacks); nothing is fetched from the network.
public enum DirectoryBookHTML {
  public struct Options: Sendable {
    public var language: Language
    /// Print contact people's mobile numbers in full instead of `010-****-5678`.
    public var unmask: Bool
    /// The day the book is made, on its cover.
    public var printed: Day

    public init(language: Language, unmask: Bool, printed: Day) {
      self.language = language
      self.unmask = unmask
      self.printed = printed
    }
  }

  public static func render(_ book: DirectoryBookContents, _ options: Options) -> String {
    let l = options.language
    let title = l.pick("Directory book \(book.edition)", "\(book.edition) 디렉토리북")
    let companies = book.companies
    let pages = DirectoryBookPages(
      book, changes: book.changes.map { changeLines(book, $0, l) },
      division: { divisionTitle($0, l) }, options: options)
    var out = """
      <!DOCTYPE html>
      <html lang="\(l.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title)) — \(escape(book.office.name))</title>
      <style>
      \(style(header: book.office.name, edition: title))
      </style>
      </head>
      <body>

      """
    // The cover.
    out += "<section class=\"sheet cover\">\n"
    out += "<p class=\"office\">\(escape(book.office.name))</p>\n"
    out += "<h1>\(escape(title))</h1>\n"
    let clusters = book.parts.count
    out +=
      "<p class=\"count\">"
      + escape(
        l.pick(
          "\(companies.count) members in \(clusters) mini-clusters",
          "미니클러스터 \(clusters)곳, 회원 \(companies.count)곳")) + "</p>\n"
    var notes = [
      book.everyone
        ? l.pick(
          "Every current member, whether or not it submitted its profile for this edition.",
          "이번 판에 기업 정보를 제출했는지와 관계없이 현재 회원 모두를 실었습니다.")
        : l.pick(
          "The members who submitted their profile for this edition.",
          "이번 판에 기업 정보를 제출한 회원을 실었습니다.")
    ]
    if !options.unmask {
      notes.append(
        l.pick(
          "Contact people's mobile numbers are printed with their middle digits hidden.",
          "담당자 휴대전화 번호는 가운데 자리를 가렸습니다."))
    }
    notes.append(l.pick("Made on \(options.printed).", "\(options.printed) 작성."))
    for note in notes { out += "<p class=\"note\">\(escape(note))</p>\n" }
    out += "</section>\n"

    // The table of contents, each entry with its page.
    func entry(_ text: String, href: String, page: Int?, _ kind: String) -> String {
      "<p class=\"line \(kind)\"><a href=\"#\(href)\">\(text)</a><span class=\"leader\"></span>"
        + "<span class=\"page\">\(page.map(String.init) ?? "")</span></p>\n"
    }
    out += "<nav class=\"toc\">\n"
    for (index, sheet) in pages.contents.enumerated() {
      out += "<section class=\"sheet\">\n"
      if index == 0 { out += "<h2 class=\"title\">\(escape(l.pick("Contents", "차례")))</h2>\n" }
      for line in sheet {
        switch line {
        case .changes:
          out += entry(
            escape(changesTitle(book, l)), href: "changes", page: pages.changesPage, "toc-part")
        case .cluster(let part):
          out += entry(
            escape(part.cluster.name), href: "c\(part.cluster.id)",
            page: pages.clusterPage[part.cluster.id], "toc-part")
        case .division(let name):
          out += "<p class=\"line toc-division\">\(escape(name))</p>\n"
        case .company(let company):
          out += entry(
            "<span class=\"no\">\(company.number)</span> " + escape(company.member.name)
              + changeTag(company.change, l), href: "m\(company.member.id)",
            page: pages.companyPage[company.number], "toc-company")
        case .blank:
          out += "<p class=\"line\"></p>\n"
        }
      }
      out += "</section>\n"
    }
    out += "</nav>\n"

    if !pages.changes.isEmpty {
      out += "<section class=\"changes\" id=\"changes\">\n"
      for (index, sheet) in pages.changes.enumerated() {
        out += "<section class=\"sheet\">\n"
        if index == 0 { out += "<h2 class=\"title\">\(escape(changesTitle(book, l)))</h2>\n" }
        for line in sheet {
          switch line {
          case .heading(let text): out += "<h3 class=\"line\">\(escape(text))</h3>\n"
          case .item(let html): out += "<p class=\"line item\">\(html)</p>\n"
          case .blank: out += "<p class=\"line\"></p>\n"
          }
        }
        out += "</section>\n"
      }
      out += "</section>\n"
    }

    // The profiles: each mini-cluster from a new page, its name at the top of each of its pages.
    var cluster: Int64? = nil
    for sheet in pages.companySheets {
      if sheet.cluster.id != cluster {
        if cluster != nil { out += "</section>\n" }
        cluster = sheet.cluster.id
        out += "<section class=\"cluster\" id=\"c\(sheet.cluster.id)\">\n"
      }
      let height = DirectoryBookPages.sheetHeight(pages: sheet.pages)
      out +=
        "<section class=\"sheet\"\(sheet.pages > 1 ? " style=\"height: \(mm(height))\"" : "")>\n"
      out += "<h2 class=\"band\">\(escape(sheet.cluster.name))</h2>\n"
      for slot in sheet.slots {
        out += "<div class=\"slot\" style=\"height: \(mm(slot.height))\">\n"
        out += profile(slot.company, division: slot.division, options)
        out += "</div>\n"
      }
      out += "</section>\n"
    }
    if cluster != nil { out += "</section>\n" }
    out += "</body>\n</html>\n"
    return out
  }

  private static func mm(_ value: Double) -> String { String(format: "%.1fmm", value) }

  // MARK: Parts

  private static func profile(
    _ company: DirectoryBookContents.Company, division: String, _ options: Options
  ) -> String {
    let l = options.language
    let m = company.member
    func label(_ column: MemberColumn) -> String { heading(column.header(l)) }
    func field(_ column: MemberColumn, _ value: String, wide: Bool = false) -> String {
      let shown = value.isEmpty ? "–" : escape(value)
      return "<dt>\(escape(label(column)))</dt><dd\(wide ? " class=\"wide\"" : "")>\(shown)</dd>\n"
    }
    var out = "<article class=\"company\" id=\"m\(m.id)\">\n"
    out += "<p class=\"division\">\(escape(division))</p>\n"
    out += "<h4><span class=\"no\">\(company.number)</span> \(escape(m.name))"
    if m.kind != .company { out += " <span class=\"kind\">\(escape(m.kind.label(l)))</span>" }
    out += changeTag(company.change, l) + "</h4>\n<dl>\n"
    out += field(.representative, m.representative)
    out += field(.founded, m.founded?.description ?? "")
    out += field(.products, m.products, wide: true)
    out += field(.employees, m.employees.map { Money.grouped(KRW($0)) + l.pick("", "명") } ?? "")
    out += field(.sales, m.salesKRW.map(Money.compact) ?? "")
    out += field(.address, m.address, wide: true)
    out += field(.phone, m.phone)
    let website = m.website.isEmpty ? "–" : link(m.website)
    out += "<dt>\(escape(label(.website)))</dt><dd>\(website)</dd>\n"
    out += "</dl>\n"
    if !company.contacts.isEmpty {
      out += "<table class=\"contacts\">\n<thead><tr>"
      for title in [
        l.pick("Contact", "담당자"), l.pick("Title", "직함"), heading(MemberColumn.phone.header(l)),
        heading(MemberColumn.email.header(l)),
      ] {
        out += "<th>\(escape(title))</th>"
      }
      out += "</tr></thead>\n<tbody>\n"
      for contact in company.contacts {
        let phone = PhoneNumber.printed(contact.phone, unmask: options.unmask)
        out +=
          "<tr><td>\(escape(contact.name))</td><td>\(escape(contact.title))</td>"
          + "<td>\(escape(phone))</td><td>\(escape(contact.email))</td></tr>\n"
      }
      out += "</tbody>\n</table>\n"
    }
    return out + "</article>\n"
  }

  /// The list of changes as lines: for each of its three lists a heading, then one line an entry.
  private static func changeLines(
    _ book: DirectoryBookContents, _ changes: DirectoryBookContents.Changes, _ l: Language
  ) -> [DirectoryBookPages.ChangesLine] {
    var lines: [DirectoryBookPages.ChangesLine] = []
    let companies = book.companies
    let joined = companies.filter { $0.change == .new }
    let changed = companies.compactMap { company -> (DirectoryBookContents.Company, Day)? in
      if case .changed(let day) = company.change { return (company, day) }
      return nil
    }
    func list(_ title: String, _ items: [String]) {
      if !lines.isEmpty { lines.append(.blank) }
      lines.append(.heading("\(title) (\(items.count))"))
      lines += items.isEmpty ? [.item(escape(l.pick("None.", "없음.")))] : items.map { .item($0) }
    }
    func entry(_ company: DirectoryBookContents.Company) -> String {
      "<a href=\"#m\(company.member.id)\"><span class=\"no\">\(company.number)</span> "
        + escape(company.member.name) + "</a>"
    }
    list(l.pick("New in this edition", "새로 실린 회원"), joined.map { entry($0) })
    list(
      l.pick("Profile changed", "정보가 바뀐 회원"),
      changed.map { company, day in
        entry(company) + " — " + escape(l.pick("changed \(day)", "\(day) 변경"))
      })
    list(
      l.pick("No longer in the book", "이번 판에서 빠진 회원"),
      changes.left.map { departure in
        let m = departure.member
        let reason =
          m.status == .left
          ? l.pick(
            "left the mini-cluster" + (m.left.map { " on \($0)" } ?? ""),
            (m.left.map { "\($0) " } ?? "") + "탈퇴")
          : l.pick(
            "no profile submitted for \(book.edition)", "\(book.edition)년 기업 정보 미제출")
        return escape(m.name)
          + " <span class=\"where\">(\(escape(departure.clusterName)))</span> — "
          + escape(reason)
      })
    return lines
  }

  private static func changesTitle(_ book: DirectoryBookContents, _ l: Language) -> String {
    let since = book.changes?.since ?? book.edition
    return l.pick("Changes since the \(since) edition", "\(since)년판 이후 달라진 점")
  }

  private static func divisionTitle(_ division: DirectoryBookContents.Division, _ l: Language)
    -> String
  {
    division.name ?? l.pick("Not in a division", "분과 없음")
  }

  private static func changeTag(_ change: DirectoryBookContents.Change?, _ l: Language) -> String {
    switch change {
    case nil: ""
    case .new: " <span class=\"tag\">\(escape(l.pick("new", "신규")))</span>"
    case .changed: " <span class=\"tag\">\(escape(l.pick("changed", "변경")))</span>"
    }
  }

  /// A website as a link when it is one (`www.…`, `http://…`, `https://…`); anything else, such as
  /// `javascript:`, only as text.
  private static func link(_ website: String) -> String {
    let lower = website.lowercased()
    let href: String
    if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
      href = website
    } else if lower.hasPrefix("www.") {
      href = "https://" + website
    } else {
      return escape(website)
    }
    return "<a href=\"\(escape(href))\">\(escape(website))</a>"
  }

  /// A header as a heading: capitalised in English (`Representative`), as it is in Korean.
  private static func heading(_ header: String) -> String {
    header.prefix(1).uppercased() + header.dropFirst()
  }

  // MARK: Escaping and style

  /// Text as HTML shows it as typed: `A&B <주>` stays `A&B <주>`.
  public static func escape(_ text: String) -> String {
    // Most text has nothing to escape; looking at its bytes is much cheaper than walking it.
    let special: (UInt8) -> Bool = {
      $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27
    }
    guard text.utf8.contains(where: special) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out.append(contentsOf: "&amp;".unicodeScalars)
      case "<": out.append(contentsOf: "&lt;".unicodeScalars)
      case ">": out.append(contentsOf: "&gt;".unicodeScalars)
      case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
      case "'": out.append(contentsOf: "&#39;".unicodeScalars)
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// Text as a CSS string, safe inside `<style>` too (no `<` that could end it).
  static func cssString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"", "\\", "<", ">", "&":
        out += "\\" + String(scalar.value, radix: 16) + " "
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        out += "\\" + String(scalar.value, radix: 16) + " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// Korean fonts found on Linux, Windows and macOS, then whatever sans-serif font the machine
  /// has; none is downloaded.
  static let fonts =
    "\"Noto Sans KR\", \"Noto Sans CJK KR\", \"Source Han Sans KR\", \"Apple SD Gothic Neo\", "
    + "\"Malgun Gothic\", \"맑은 고딕\", \"NanumGothic\", \"나눔고딕\", \"NanumBarunGothic\", "
    + "\"Nanum Gothic\", \"UnDotum\", sans-serif"

  private static func style(header: String, edition: String) -> String {
    """
    @page {
      size: A4;
      margin: 18mm 15mm 16mm 15mm;
      @top-left { content: \(cssString(header)); font: 8pt \(fonts); color: #555; }
      @top-right { content: \(cssString(edition)); font: 8pt \(fonts); color: #555; }
      @bottom-center { content: counter(page) " / " counter(pages); font: 8pt \(fonts); color: #555; }
    }
    @page :first {
      @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; }
    }
    html { font-family: \(fonts); font-size: 10pt; line-height: 5mm; color: #111; }
    *, *::before, *::after { box-sizing: border-box; }
    body { margin: 0; }
    a { color: inherit; text-decoration: none; }
    h1, h2, h3, h4 { font-weight: bold; }
    /* Every page is one sheet of fixed height, so that the contents can say where each profile is. */
    .sheet { height: \(mm(DirectoryBookPages.sheetHeight)); overflow: hidden; break-before: page; }
    .sheet.cover { break-before: auto; padding-top: 70mm; text-align: center; }
    .cover .office { font-size: 14pt; line-height: 8mm; margin: 0; }
    .cover h1 { font-size: 30pt; line-height: 14mm; margin: 6mm 0 10mm; }
    .cover .count { font-size: 13pt; line-height: 8mm; margin: 0 0 30mm; }
    .cover .note { font-size: 9pt; color: #444; margin: 1mm 0; }
    .title { font-size: 18pt; height: \(mm(Double(DirectoryBookPages.titleLines) * DirectoryBookPages.lineHeight));
      line-height: 10mm; margin: 0; }
    .line { height: \(mm(DirectoryBookPages.lineHeight)); line-height: \(mm(DirectoryBookPages.lineHeight));
      margin: 0; font-size: 10pt; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .toc .line { display: flex; }
    .toc .line a { flex: 0 1 auto; overflow: hidden; text-overflow: ellipsis; }
    .toc .leader { flex: 1 1 0; min-width: 4mm; margin: 0 2mm 1.7mm; border-bottom: 0.5pt dotted #888; }
    .toc .page { flex: none; min-width: 8mm; text-align: right; }
    .toc .toc-part { font-size: 11pt; font-weight: bold; }
    .toc .toc-division { padding-left: 3mm; color: #333; }
    .toc .toc-company { padding-left: 8mm; }
    .changes h3.line { font-size: 11pt; }
    .changes .item { padding-left: 4mm; }
    .band { height: 10mm; line-height: 9mm; margin: 0 0 3mm; font-size: 16pt; border-bottom: 1.5pt solid #222;
      white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .slot + .slot { margin-top: \(mm(DirectoryBookPages.slotGap)); }
    .company { height: 100%; overflow: hidden; border: \(mm(DirectoryBookPages.Box.border)) solid #999;
      border-radius: 2mm; padding: \(mm(DirectoryBookPages.Box.padding)) 3.5mm; }
    .company .division { height: 4mm; line-height: 4mm; margin: 0; font-size: 8pt; color: #666;
      white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .company h4 { font-size: 12pt; line-height: 6mm; margin: 0 0 2mm; overflow-wrap: anywhere; }
    .no { display: inline-block; min-width: 7mm; color: #666; font-weight: normal; }
    .kind, .tag, .where { font-size: 8pt; font-weight: normal; color: #555; }
    .tag { border: 0.5pt solid #777; border-radius: 1mm; padding: 0 1mm; }
    dl { display: grid; grid-template-columns: 30mm minmax(0, 1fr) 18mm minmax(0, 1fr); gap: 0.6mm 3mm;
      margin: 0; }
    dt { color: #555; overflow-wrap: anywhere; }
    dd { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
    dd.wide { grid-column: 2 / 5; }
    table.contacts { width: 100%; table-layout: fixed; border-collapse: collapse; margin-top: 2mm;
      font-size: 9pt; line-height: 4.5mm; }
    table.contacts th:nth-child(1) { width: 20%; }
    table.contacts th:nth-child(2) { width: 16%; }
    table.contacts th:nth-child(3) { width: 24%; }
    table.contacts th { text-align: left; font-weight: normal; color: #555; border-bottom: 0.4pt solid #999; }
    table.contacts th, table.contacts td { padding: 0.3mm 0; overflow-wrap: anywhere; }
    @media screen {
      body { max-width: 196mm; margin: 0 auto; padding: 8mm; }
      .sheet { height: auto !important; border-bottom: 1pt dashed #bbb; padding-bottom: 6mm; margin-bottom: 6mm; }
      .sheet.cover { padding-top: 20mm; }
      .slot { height: auto !important; }
      .slot + .slot { margin-top: 3.5mm; }
    }
    """
  }
}

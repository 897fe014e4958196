/// Where everything in the printed directory book falls on its A4 pages, decided before the
/// HTML is written so that the table of contents can print each company's page.
///
/// A browser cannot be asked for the page a link leads to when it prints (CSS `target-counter`
/// is not supported by Chromium), so the book is laid out in sheets of known height instead of
/// flowing: every page is one sheet as tall as the page's printable area, with nothing that can
/// grow (fixed line heights, one-line entries cut with an ellipsis, profile boxes of a fixed
/// size). The table of contents and the list of changes fill a fixed number of lines a page; each
/// mini-cluster starts a page, and its companies take half a page each, or a whole page when their
/// profile (estimated from the length of its text, generously) would not fit in half.
struct DirectoryBookPages {
  /// The printable height of an A4 page with the book's margins (297 − 18 − 16 mm), and the height
  /// of a sheet, a millimetre less so that rounding never pushes a sheet onto a second page.
  static let pageHeight = 263.0
  static let sheetHeight = 262.0
  /// One line of the table of contents or the list of changes.
  static let lineHeight = 6.0
  static let linesPerSheet = Int(sheetHeight / lineHeight)
  /// The lines the title of the contents or of the changes takes on its first sheet.
  static let titleLines = 2
  /// The mini-cluster's name at the top of each of its sheets, and the gap between two profiles.
  static let bandHeight = 13.0
  static let slotGap = 4.0
  static let fullSlot = sheetHeight - bandHeight
  static let halfSlot = (fullSlot - slotGap) / 2

  enum ContentsLine {
    case changes
    case cluster(DirectoryBookContents.Part)
    case division(String)
    case company(DirectoryBookContents.Company)
    case blank
  }

  enum ChangesLine {
    case heading(String)
    /// One entry, already HTML.
    case item(String)
    case blank
  }

  /// A profile on a sheet, in a box of `height` millimetres.
  struct Slot {
    var company: DirectoryBookContents.Company
    var division: String
    var height: Double
  }

  /// A sheet of profiles, all of one mini-cluster; `pages` is more than 1 only for a profile too
  /// long for one page.
  struct CompanySheet {
    var cluster: Cluster
    var slots: [Slot]
    var pages: Int
  }

  var contents: [[ContentsLine]]
  var changes: [[ChangesLine]]
  var companySheets: [CompanySheet]
  /// The page of each company (by its number in the book), of each mini-cluster's first sheet,
  /// and of the list of changes.
  var companyPage: [Int: Int] = [:]
  var clusterPage: [Int64: Int] = [:]
  var changesPage: Int?

  init(
    _ book: DirectoryBookContents, changes changeLines: [ChangesLine]?,
    division: (DirectoryBookContents.Division) -> String,
    options: DirectoryBookHTML.Options
  ) {
    var lines: [ContentsLine] = book.changes == nil ? [] : [.changes, .blank]
    for (index, part) in book.parts.enumerated() {
      if index > 0 { lines.append(.blank) }
      lines.append(.cluster(part))
      for group in part.divisions {
        lines.append(.division(division(group)))
        lines += group.companies.map { .company($0) }
      }
    }
    contents = Self.paginate(lines) {
      switch $0 {
      case .blank: .blank
      case .cluster, .division, .changes: .heading
      case .company: .entry
      }
    }
    changes =
      changeLines.map { lines in
        Self.paginate(lines) {
          switch $0 {
          case .blank: .blank
          case .heading: .heading
          case .item: .entry
          }
        }
      } ?? []
    var page = 1 + contents.count + 1
    if !changes.isEmpty {
      changesPage = page
      page += changes.count
    }
    companySheets = []
    for part in book.parts {
      clusterPage[part.cluster.id] = page
      var open: CompanySheet? = nil
      func close() {
        guard let sheet = open else { return }
        companySheets.append(sheet)
        page += sheet.pages
        open = nil
      }
      for group in part.divisions {
        for company in group.companies {
          let needed = Self.profileHeight(company, options)
          if needed <= Self.halfSlot {
            let slot = Slot(company: company, division: division(group), height: Self.halfSlot)
            if var sheet = open, sheet.slots.count == 1, sheet.slots[0].height == Self.halfSlot {
              sheet.slots.append(slot)
              open = sheet
              companyPage[company.number] = page
              close()
            } else {
              close()
              open = CompanySheet(cluster: part.cluster, slots: [slot], pages: 1)
              companyPage[company.number] = page
            }
          } else {
            close()
            // A profile longer than a page runs on over the next ones, each a whole page tall.
            var pages = 1
            while Self.fullSlot + Double(pages - 1) * Self.pageHeight < needed { pages += 1 }
            let height = Self.fullSlot + Double(pages - 1) * Self.pageHeight
            open = CompanySheet(
              cluster: part.cluster,
              slots: [Slot(company: company, division: division(group), height: height)],
              pages: pages)
            companyPage[company.number] = page
            close()
          }
        }
      }
      close()
    }
  }

  /// The sheet height of a company sheet of `pages` pages: the sheet runs on over the whole of
  /// each page after its first.
  static func sheetHeight(pages: Int) -> Double { sheetHeight + Double(pages - 1) * pageHeight }

  private enum LineKind { case heading, entry, blank }

  /// Lines into sheets: the first holds the title too; a blank line never starts a sheet, and a
  /// heading (or a run of headings) never ends one.
  private static func paginate<Line>(_ lines: [Line], kind: (Line) -> LineKind) -> [[Line]] {
    var sheets: [[Line]] = []
    var current: [Line] = []
    var capacity = linesPerSheet - titleLines
    func next() {
      sheets.append(current)
      current = []
      capacity = linesPerSheet
    }
    for (index, line) in lines.enumerated() {
      switch kind(line) {
      case .blank:
        if current.isEmpty { continue }
        if current.count + 1 >= capacity {
          next()
          continue
        }
      case .heading:
        let previousIsHeading = index > 0 && kind(lines[index - 1]) == .heading
        if !previousIsHeading {
          var run = 1
          while index + run < lines.count, kind(lines[index + run]) == .heading { run += 1 }
          if current.count + run + 1 > capacity { next() }
        } else if current.count >= capacity {
          next()
        }
      case .entry:
        if current.count >= capacity { next() }
      }
      current.append(line)
    }
    if !current.isEmpty || sheets.isEmpty { sheets.append(current) }
    return sheets
  }

  // MARK: How tall a profile prints

  /// The fixed measures of a profile box (in the style sheet too): millimetres, at 10 pt text,
  /// 12 pt names and 9 pt contact tables.
  enum Box {
    static let padding = 2.5
    static let border = 0.25
    static let divisionLine = 4.0
    static let nameLine = 6.0
    static let nameGap = 2.0
    static let line = 5.0
    static let rowGap = 0.6
    static let tableGap = 2.0
    static let tableLine = 4.5
    static let tableRowPadding = 0.6
    static let labelWidth = 30.0
    static let secondLabelWidth = 18.0
    static let columnGap = 3.0
    /// The box's inner width: the page's 180 mm less padding (3.5 mm a side) and border.
    static let innerWidth = 180.0 - 7.0 - 2 * border
    static let valueWidth = (innerWidth - labelWidth - secondLabelWidth - 3 * columnGap) / 2
    static let wideValueWidth = 2 * valueWidth + secondLabelWidth + 2 * columnGap
    /// The contact table's columns, as fractions of the inner width.
    static let contactColumns = [0.2, 0.16, 0.24, 0.4]
  }

  private static let millimetresPerPoint = 25.4 / 72

  /// The height the profile needs, in millimetres: counted generously, as if every Hangul
  /// syllable were a full em and every other character almost two thirds of one, with a sixth
  /// more for words that wrap early.
  static func profileHeight(
    _ company: DirectoryBookContents.Company, _ options: DirectoryBookHTML.Options
  )
    -> Double
  {
    let m = company.member
    func lines(_ text: String, width: Double, points: Double = 10) -> Int {
      let perLine = width / (points * millimetresPerPoint)
      return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) {
        $0 + max(1, Int((ems($1) * 1.17 / perLine).rounded(.up)))
      }
    }
    let narrow = Box.valueWidth
    let wide = Box.wideValueWidth
    var height = 2 * (Box.padding + Box.border) + Box.divisionLine
    // The name, with its number, kind and tag (a few ems).
    height +=
      Double(lines(m.name + "0000 지원기관 신규", width: Box.innerWidth, points: 12)) * Box.nameLine
      + Box.nameGap
    let rows = [
      max(
        lines(m.representative, width: narrow), lines(m.founded?.description ?? "", width: narrow)),
      lines(m.products, width: wide),
      1,
      lines(m.address, width: wide),
      max(lines(m.phone, width: narrow), lines(m.website, width: narrow)),
    ]
    height += Double(rows.reduce(0, +)) * Box.line + Double(rows.count - 1) * Box.rowGap
    if !company.contacts.isEmpty {
      func row(_ cells: [String]) -> Double {
        let tallest =
          zip(cells, Box.contactColumns).map { cell, share in
            lines(cell, width: Box.innerWidth * share, points: 9)
          }.max() ?? 1
        return Double(tallest) * Box.tableLine + Box.tableRowPadding
      }
      height += Box.tableGap + row(["Contact", "Title", "Phone", "E-mail"])
      for contact in company.contacts {
        height += row([
          contact.name, contact.title, PhoneNumber.printed(contact.phone, unmask: options.unmask),
          contact.email,
        ])
      }
    }
    return height
  }

  /// The width of text in ems, rounded up: Hangul, Hanja and full-width forms one em, anything
  /// else 0.62 (a space 0.35).
  static func ems(_ text: Substring) -> Double {
    var total = 0.0
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x20: total += 0.35
      case 0x21...0x7E: total += 0.62
      case 0x0300...0x036F, 0x200B...0x200F: break
      default: total += 1
      }
    }
    return total
  }
}

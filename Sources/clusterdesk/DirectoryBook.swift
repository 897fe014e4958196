import ArgumentParser
import ClusterKit
import Foundation
import TerminalKit

struct DirectoryBookCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "directory-book",
    abstract: language.pick(
      "The directory book (디렉토리북) of an edition as a document to print (HTML, A4) or an Excel workbook.",
      "한 해 판의 디렉토리북을 인쇄용 문서(HTML, A4)나 엑셀 통합 문서로 씁니다."),
    discussion: language.pick(
      """
      The members who submitted their profile for the edition (every current member with --all), \
      by mini-cluster and division in 가나다 order of their names (the legal form ignored), each \
      with its profile and contact people. Contact people's mobile numbers (010, 011, 016–019) are \
      printed 010-****-5678 unless --unmask; the company's own phone, contact people's office \
      numbers and e-mail addresses are printed as recorded. Open the HTML file in a browser and \
      print it: A4, every mini-cluster from a new page, no company split across pages.
      """,
      """
      해당 판에 기업 정보를 제출한 회원(--all이면 현재 회원 모두)을 미니클러스터와 분과별로, 법인 형태를 빼고 \
      가나다순으로 싣고, 회원마다 기업 정보와 담당자를 적습니다. 담당자의 휴대전화 번호(010, 011, 016–019)는 \
      --unmask가 없으면 010-****-5678처럼 가립니다. 회사 대표 전화, 담당자의 사무실 번호와 이메일은 기록된 대로 \
      싣습니다. HTML 파일을 브라우저에서 열어 인쇄하면 A4에 미니클러스터마다 새 쪽에서 시작하고, 한 회원이 두 쪽에 \
      걸치지 않습니다.
      """))

  @OptionGroup var location: WorkspaceLocation
  @Option(
    help: ArgumentHelp(
      language.pick(
        "The edition (year; default: the newest recorded).", "발행연도 (기본값: 기록된 가장 최근 연도).")))
  var year: String?
  @Option(
    help: ArgumentHelp(
      language.pick(
        "html (a document to print, default) or xlsx (an Excel workbook).",
        "html(인쇄용 문서, 기본값) 또는 xlsx(엑셀 통합 문서).")))
  var format = "html"
  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      language.pick(
        "The file to write (created readable by you only).", "쓸 파일 (본인만 읽을 수 있게 만듭니다).")))
  var output: String?
  @Flag(
    help: ArgumentHelp(
      language.pick(
        "Every current member, not only those who submitted their profile.",
        "기업 정보를 제출한 회원만이 아니라 현재 회원 모두를 싣습니다.")))
  var all = false
  @Flag(
    help: ArgumentHelp(
      language.pick(
        "Print contact people's mobile numbers in full.", "담당자 휴대전화 번호를 가리지 않고 싣습니다.")))
  var unmask = false
  @Option(
    help: ArgumentHelp(
      language.pick(
        "Add what changed since this earlier edition: new members, changed profiles, members no longer in the book.",
        "이 이전 판 이후 달라진 점(새로 실린 회원, 정보가 바뀐 회원, 빠진 회원)을 덧붙입니다.")))
  var changesSince: String?
  @OptionGroup var document: DocumentLanguage

  func run() throws {
    try reporting {
      guard let output else {
        throw CommandError(
          "The directory book is a file to open or print; give --output FILE.html (or --format xlsx --output FILE.xlsx).",
          "디렉토리북은 열거나 인쇄할 파일로 쓰니 --output FILE.html(또는 --format xlsx --output FILE.xlsx)을 지정하세요.")
      }
      let workbook: Bool
      switch format.trimmingCharacters(in: .whitespaces).lowercased() {
      case "html": workbook = false
      case "xlsx": workbook = true
      default:
        throw CommandError(
          "--format must be html or xlsx (got \"\(format)\").",
          "--format에는 html이나 xlsx를 주세요 (입력값 \"\(format)\").")
      }
      if workbook { try workbookDestination(output) }
      let chosenYear = try year.map { try SupportInput.year($0) }
      let since = try changesSince.map { try SupportInput.year($0, field: "edition") }
      let l = try document.resolved()
      let workspace = try location.open()
      try refuseDatabase(output, workspace: workspace)
      let editions = try workspace.directoryEditions()
      let recorded = editions.map(String.init).joined(separator: ", ")
      func missing(_ edition: Int) -> CommandError {
        editions.isEmpty
          ? CommandError(
            "No directory-book edition is recorded yet; ask members with members directory-book --everyone --asked DATE, or give --all to print every current member.",
            "기록된 디렉토리북 판이 아직 없습니다. members directory-book --everyone --asked 날짜로 요청하거나, 현재 회원 모두를 실으려면 --all을 주세요."
          )
          : CommandError(
            "No directory-book edition \(edition) is recorded (the editions are \(recorded)); give one of them, or --all to print every current member.",
            "\(edition)년 디렉토리북 판은 기록되어 있지 않습니다(기록된 판: \(recorded)). 그중 하나를 주거나, 현재 회원 모두를 실으려면 --all을 주세요."
          )
      }
      guard let edition = chosenYear ?? editions.last ?? (all ? today.year : nil) else {
        throw missing(today.year)
      }
      if !all && !editions.contains(edition) { throw missing(edition) }
      if let since {
        guard since < edition else {
          throw CommandError(
            "--changes-since \(since) must name an edition before \(edition).",
            "--changes-since \(since)에는 \(edition)년보다 앞선 판을 주세요.")
        }
        guard editions.contains(since) else {
          throw CommandError(
            "--changes-since \(since): no such edition is recorded"
              + (editions.isEmpty ? "." : " (the editions are \(recorded))."),
            "--changes-since \(since): 그런 판은 기록되어 있지 않습니다"
              + (editions.isEmpty ? "." : "(기록된 판: \(recorded))."))
        }
      }
      let book = try workspace.directoryBookContents(
        edition: edition, everyone: all, changesSince: since)
      let count = book.companies.count
      if count == 0 {
        throw CommandError(
          all
            ? "The workspace has no current members to print."
            : "No member has submitted a profile for the \(edition) edition yet; record submissions with members directory-book MEMBER --submitted DATE, or give --all.",
          all
            ? "실을 현재 회원이 없습니다."
            : "\(edition)년 판에 기업 정보를 제출한 회원이 아직 없습니다. members directory-book 회원 --submitted 날짜로 제출을 기록하거나 --all을 주세요."
        )
      }
      let data =
        workbook
        ? try workbookData(try book.sheets(l, unmask: unmask).fittedWorkbook())
        : Data(
          DirectoryBookHTML.render(book, .init(language: l, unmask: unmask, printed: today)).utf8)
      try writeOutput(data, to: output, workspace: workspace)
      saidWritten(
        output,
        language.pick(
          "Wrote the \(edition) directory book (\(count) members in \(book.parts.count) mini-clusters) to \(output).",
          "\(edition)년 디렉토리북(미니클러스터 \(book.parts.count)곳, 회원 \(count)곳)을 \(output)에 썼습니다."))
    }
  }
}

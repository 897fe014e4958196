import ArgumentParser
import ClusterKit
import Foundation

struct Convert: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: language.pick(
      "Turn a workspace into the other form: SQLite into JSON, or JSON into SQLite.",
      "워크스페이스를 다른 형식으로 바꿉니다: SQLite를 JSON으로, JSON을 SQLite로."),
    discussion: language.pick(
      """
      FROM is read whatever its form (told by its content). TO is a new file: a JSON workspace \
      when its name ends in .json, else a SQLite one; it appears only once it is complete, and an \
      existing file is never replaced. FROM is only read (an older SQLite file is first brought \
      up to date, after its backup, as on every open).
      """,
      """
      FROM은 형식과 상관없이(내용을 보고) 읽습니다. TO는 새 파일이며 이름이 .json으로 끝나면 JSON \
      워크스페이스, 아니면 SQLite 워크스페이스가 됩니다. 다 만들어진 뒤에야 나타나고, 있는 파일은 바꾸지 \
      않습니다. FROM은 읽기만 합니다(예전 버전의 SQLite 파일은 열 때마다 그렇듯 백업한 뒤 지금 버전으로 \
      바꿉니다).
      """))

  @Argument(help: ArgumentHelp(language.pick("The workspace to read.", "읽을 워크스페이스.")))
  var from: String
  @Argument(
    help: ArgumentHelp(
      language.pick(
        "The new workspace file (.json for the JSON form).", "새 워크스페이스 파일 (JSON 형식이면 .json).")))
  var to: String

  func run() throws {
    try reporting {
      if from == to || OutputFile.sameFile(from, to) {
        throw CommandError(
          "\(to) is the workspace being converted; give a new file to convert it into.",
          "\(to, .topic) 바꾸려는 워크스페이스 자체입니다. 새 파일 이름을 주세요.")
      }
      if FileManager.default.fileExists(atPath: to) {
        throw CommandError(
          "\(to) already exists; convert never replaces a file, so choose a new name.",
          "\(to, .subject) 이미 있습니다. convert는 있는 파일을 바꾸지 않으니 새 이름을 고르세요.")
      }
      let source = try Workspace(path: from)
      let progress = ProgressLine(language.pick("Converting", "바꾸는 중"))
      let document = try source.exportDocument { progress.update($0 / 2) }
      let target = try Workspace.create(at: to) { workspace in
        try workspace.importDocument(document) { progress.update(0.5 + $0 / 2) }
      }
      progress.finish()
      print(
        language.pick(
          "Converted \(from) into \(target.isJSONDocument ? "the JSON" : "the SQLite") workspace \(target.path): \(document.members.count) members, \(document.meetings.count) meetings, \(document.visits.count) visits and \(document.requests.count) requests.",
          "\(from, .object) \(target.isJSONDocument ? "JSON" : "SQLite") 워크스페이스 \(target.path, .direction) 바꾸었습니다: 회원 \(document.members.count), 회의 \(document.meetings.count), 방문 \(document.visits.count), 지원신청 \(document.requests.count)건."
        ))
    }
  }
}

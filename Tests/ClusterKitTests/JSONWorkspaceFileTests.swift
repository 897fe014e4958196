import Foundation
import GRDB
import Testing

@testable import ClusterKit

/// A workspace kept in a JSON file: opened through the import, saved after every change, small
/// diffs, other writers and other programs.
@Suite(.temporaryCache, .temporaryFolder) struct JSONWorkspaceFileTests {
  let folder: URL

  init() throws {
    folder = try TemporaryFolder.current()
  }

  func file(_ name: String) -> String { folder.appendingPathComponent(name).path }

  func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

  static let sampleURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("sample-data/seoul-digital-office.json")

  /// The sample office as a JSON workspace at `name`.
  func sample(_ name: String = "office.json") throws -> Workspace {
    let document = try WorkspaceDocument.decode(Data(contentsOf: Self.sampleURL))
    return try Workspace.create(at: file(name), actor: "박매니저") { try $0.importDocument(document) }
  }

  func newMember(_ workspace: Workspace, _ name: String) throws -> Member {
    let cluster = try workspace.clusters()[0]
    return try workspace.addMember(Member(clusterId: cluster.id, kind: .company, name: name))
  }

  @Test func aNewJSONWorkspaceIsTheExportOwnerOnlyAndReopens() throws {
    let path = file("new.json")
    let workspace = try Workspace.create(at: path, office: Office(name: "테스트 사무국"))
    #expect(workspace.isJSONDocument)
    _ = try workspace.addCluster(Cluster(name: "지능형메카트로닉스"))
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: path)) == workspace.exportDocument().encoded())
    // Opened by its content under any name.
    let renamed = file("office.data")
    try FileManager.default.copyItem(atPath: path, toPath: renamed)
    let again = try Workspace(path: renamed)
    #expect(again.isJSONDocument)
    #expect(try again.clusters().map(\.name) == ["지능형메카트로닉스"])
    #expect(throws: WorkspaceError.cannotCreateFile(FileProblem(path: path, code: EEXIST))) {
      try Workspace.create(at: path, office: Office(name: "또"))
    }
  }

  /// Reading the file is no change of the user's: a command that opens the workspace and adds
  /// one member records that member's rows only, not every row the file loaded.
  @Test func openingInsideACommandRecordsOnlyItsChange() throws {
    let path = try sample().path
    Workspace.removeJSONCache(of: path)
    let recorded = try Workspace.recordingChanges(.commandLine, ChangeLabel("Add", "추가")) {
      let workspace = try Workspace(path: path)
      _ = try newMember(workspace, "(주)기록정밀")
      return try workspace.read { db in
        try Row.fetchAll(db, sql: "SELECT tbl FROM recordedRow").map { $0["tbl"] as String }
      }
    }
    #expect(recorded.filter { $0 == "member" }.count == 1)
    #expect(!recorded.contains("visit"))
  }

  /// Adding one member changes only that member's lines and the line before them (the comma
  /// after the member it follows).
  @Test func oneChangeIsASmallDiff() throws {
    let workspace = try sample()
    let before = try text(workspace.path).split(separator: "\n", omittingEmptySubsequences: false)
    _ = try newMember(workspace, "(주)새한정밀")
    let after = try text(workspace.path).split(separator: "\n", omittingEmptySubsequences: false)
    let prefix = zip(before, after).prefix { $0 == $1 }.count
    let suffix = zip(before.reversed(), after.reversed()).prefix { $0 == $1 }.count
    let removed = before[prefix..<(before.count - suffix)]
    let added = after[prefix..<(after.count - suffix)]
    #expect(removed.count <= 1, "\(removed)")
    #expect(added.count <= 18, "\(added.joined(separator: "\n"))")
    #expect(added.contains { $0.contains("(주)새한정밀") })
  }

  @Test func aRefusedChangeLeavesTheFileAlone() throws {
    let workspace = try sample()
    let before = try Data(contentsOf: URL(fileURLWithPath: workspace.path))
    #expect(throws: ValidationError.self) { _ = try newMember(workspace, "") }
    #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path)) == before)
  }

  /// Two workspaces open on one file (two processes, say): a change through either is made on
  /// top of the other's, and a reader sees it on its next data-version check.
  @Test func twoWritersOnOneFileLoseNothing() throws {
    let first = try sample()
    let second = try Workspace(path: first.path)
    let version = try second.dataVersion()
    _ = try newMember(first, "첫째상사")
    #expect(try second.dataVersion() != version)
    #expect(second.takeFileNotice().map { if case .reloaded = $0 { true } else { false } } == true)
    _ = try newMember(second, "둘째상사")
    _ = try newMember(first, "셋째상사")
    let names = try Workspace(path: first.path).exportDocument().members.map(\.name)
    for name in ["첫째상사", "둘째상사", "셋째상사"] { #expect(names.contains(name)) }
  }

  @Test func writersOnThreadsAtOnce() async throws {
    let path = try sample().path
    let each = 8
    try await withThrowingTaskGroup(of: Void.self) { group in
      for letter in ["가", "나", "다"] {
        group.addTask {
          let workspace = try Workspace(path: path)
          for i in 1...each { _ = try newMember(workspace, "동시\(letter)\(i)상사") }
        }
      }
      try await group.waitForAll()
    }
    let names = Set(try Workspace(path: path).exportDocument().members.map(\.name))
    #expect(names.filter { $0.hasPrefix("동시") }.count == 3 * each)
  }

  /// Another program writes the file: a good change is loaded before the next save and kept; a
  /// broken file is not written over.
  @Test func anOutsideChangeIsNoticedBeforeTheNextSave() throws {
    let workspace = try sample()
    let good = try text(workspace.path)
    try good.replacingOccurrences(of: "대명랩스", with: "대명연구소")
      .write(toFile: workspace.path, atomically: false, encoding: .utf8)
    _ = try newMember(workspace, "(주)새한정밀")
    let saved = try text(workspace.path)
    #expect(saved.contains("대명연구소") && !saved.contains("대명랩스"))
    #expect(saved.contains("(주)새한정밀"))

    let broken = "<<<<<<< HEAD\n" + saved
    try broken.write(toFile: workspace.path, atomically: true, encoding: .utf8)
    #expect {
      _ = try newMember(workspace, "(주)또한정밀")
    } throws: { error in
      guard case .unreadableDocument(_, true, _, _) = error as? WorkspaceError else { return false }
      return true
    }
    #expect(try text(workspace.path) == broken)
    // The frame check says so once, and keeps showing what it had.
    _ = try workspace.dataVersion()
    var notices: [FileNotice] = []
    while let notice = workspace.takeFileNotice() { notices.append(notice) }
    #expect(notices.map(\.isError) == [false, true])
    #expect(try workspace.exportDocument().members.contains { $0.name == "(주)새한정밀" })
  }

  /// The same bytes, changed in place within the same clock tick and size, are still told
  /// apart by their content before a save.
  @Test func aChangeOfTheSameSizeIsNoticed() throws {
    let workspace = try sample()
    let good = try text(workspace.path)
    let edited = good.replacingOccurrences(of: "대명랩스", with: "대명렙스")
    #expect(edited.utf8.count == good.utf8.count)
    let handle = try #require(FileHandle(forWritingAtPath: workspace.path))
    try handle.write(contentsOf: Data(edited.utf8))
    try handle.close()
    _ = try newMember(workspace, "(주)새한정밀")
    #expect(try text(workspace.path).contains("대명렙스"))
  }

  /// A file of version 1 opens, and its first save writes version 2 after keeping the old file
  /// as `PATH.v1.backup`.
  @Test func anOlderVersionIsUpgradedOnTheFirstSaveAfterABackup() throws {
    let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Corpus/workspace.json")
    let path = file("old.json")
    try FileManager.default.copyItem(atPath: corpus.path, toPath: path)
    let old = try Data(contentsOf: URL(fileURLWithPath: path))
    let workspace = try Workspace(path: path)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == old)
    #expect(!FileManager.default.fileExists(atPath: path + ".v1.backup"))
    try workspace.updateOffice(Office(name: "새 이름"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".v1.backup")) == old)
    let saved = try WorkspaceDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(saved.version == WorkspaceDocument.currentVersion)
    #expect(saved.office.name == "새 이름")
  }

  @Test func aFileThatDoesNotReadIsRefusedNamingIt() throws {
    let path = file("bad.json")
    try "{\"format\": \"clusterdesk-workspace\", \"version\": 2".write(
      toFile: path, atomically: true, encoding: .utf8)
    #expect {
      _ = try Workspace(path: path)
    } throws: { error in
      guard case .unreadableDocument(path, false, _, _) = error as? WorkspaceError else {
        return false
      }
      return (error as! WorkspaceError).message(.en).hasPrefix("\(path) does not read")
    }
    var document = WorkspaceDocument(office: Office(name: "사무국"))
    document.clusters = [Cluster(id: 1, name: "가"), Cluster(id: 1, name: "나")]
    try document.encoded().write(to: URL(fileURLWithPath: path))
    #expect {
      _ = try Workspace(path: path)
    } throws: { error in
      (error as? WorkspaceError)?.message(.en).contains("clusters[1].id") == true
    }
  }

  /// Another process saving holds the lock; a change waits for it, and is refused in one
  /// sentence when it is held too long.
  @Test func aChangeWaitsForTheLockThenIsRefused() throws {
    let workspace = try sample()
    let fd = open(workspace.path, O_RDONLY)
    #expect(flock(fd, LOCK_EX) == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: workspace.path))
    #expect(throws: WorkspaceError.busy(path: workspace.path)) {
      _ = try newMember(workspace, "(주)새한정밀")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path)) == before)
    close(fd)
    _ = try newMember(workspace, "(주)새한정밀")
    #expect(try text(workspace.path).contains("(주)새한정밀"))
  }

  /// The sample is not large; a file of 5 MB and more is advised, by the commands and once by
  /// the dashboard, to move to SQLite.
  @Test func aLargeFileIsAdvisedToMoveToSQLite() throws {
    let small = try sample()
    #expect(small.storageAdvice(.en) == nil)
    #expect(small.takeFileNotice() == nil)
    var document = WorkspaceDocument(office: Office(name: "큰 사무국"))
    document.clusters = [Cluster(id: 1, name: "전국")]
    document.members = (1...8_000).map { i in
      Member(
        id: Int64(i), clusterId: 1, kind: .company, name: "대형시험\(i)상사",
        representative: "홍길동", products: String(repeating: "정밀 부품 가공, ", count: 30))
    }
    let path = file("big.json")
    _ = try Workspace.create(at: path) { try $0.importDocument(document) }
    let large = try Workspace(path: path)
    #expect(try #require(large.storageAdvice(.en)).contains("clusterdesk convert \(path)"))
    #expect(try #require(large.storageAdvice(.ko)).contains("SQLite 워크스페이스가 더 알맞습니다"))
    if case .large = large.takeFileNotice() {} else { Issue.record("no advice for the dashboard") }
    #expect(large.takeFileNotice() == nil)
  }

  @Test func backUpAndRestoreAJSONWorkspace() throws {
    let workspace = try sample()
    let backup = file("copy.backup")
    try workspace.backUp(to: backup)
    #expect(OutputFile.isDatabase(backup))
    let before = try text(workspace.path)
    _ = try newMember(workspace, "(주)새한정밀")
    let result = try workspace.restore(from: backup, keepingCurrentAt: file("kept.backup"))
    #expect(result.replaced.members == result.restored.members + 1)
    #expect(try text(workspace.path) == before)
    #expect(try !workspace.exportDocument().members.contains { $0.name == "(주)새한정밀" })
  }
}

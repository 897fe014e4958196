import Foundation
import GRDB
import Testing

@testable import ClusterKit

@Suite struct WorkspaceFileTests {
  @Test func newWorkspaceIsOwnerOnlyAndReopens() throws {
    let temp = try TemporaryWorkspace()
    let attributes = try FileManager.default.attributesOfItem(atPath: temp.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let again = try Workspace(path: temp.path)
    #expect(try again.office().name == "테스트 사무국")
    #expect(try again.clusters().map(\.name) == ["지능형메카트로닉스"])
  }

  @Test func missingFileIsNotCreatedUnlessAsked() throws {
    let temp = try TemporaryWorkspace()
    let path = temp.file("none.clusterdesk")
    #expect(throws: WorkspaceError.missing(path: path)) { try Workspace(path: path) }
    #expect(!FileManager.default.fileExists(atPath: path))
    let inMissingFolder = temp.file("no/such/folder/w.clusterdesk")
    #expect(throws: WorkspaceError.missingDirectory(path: inMissingFolder)) {
      try Workspace(path: inMissingFolder, create: true)
    }
  }

  /// Each bad file is refused with its own error and left byte for byte as it was.
  @Test func badFilesAreRefusedUnchanged() throws {
    let temp = try TemporaryWorkspace()
    func refused(_ name: String, _ bytes: Data, _ expected: (String) -> WorkspaceError) throws {
      let path = temp.file(name)
      #expect(FileManager.default.createFile(atPath: path, contents: bytes))
      #expect(throws: expected(path)) { try Workspace(path: path, create: true) }
      #expect(FileManager.default.contents(atPath: path) == bytes)
      #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }
    try refused("empty.clusterdesk", Data()) { .emptyFile(path: $0) }
    var random = SystemRandomNumberGenerator()
    try refused(
      "random.clusterdesk", Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) })
    ) {
      .notAWorkspace(path: $0)
    }
    try refused("text.csv", Data("회사명,대표자\n유신테크,김철수\n".utf8)) { .notAWorkspace(path: $0) }

    let other = temp.file("other.sqlite")
    let queue = try DatabaseQueue(path: other)
    try queue.write {
      try $0.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    }
    try queue.close()
    try refused("other-copy.sqlite", try Data(contentsOf: URL(fileURLWithPath: other))) {
      .otherDatabase(path: $0)
    }

    let original = try Data(contentsOf: URL(fileURLWithPath: temp.path))
    var newer = original
    newer[60..<64] = Data([0, 0, 0, 99])
    try refused("newer.clusterdesk", newer) {
      .newerVersion(path: $0, found: 99, supported: Schema.currentVersion)
    }
    try refused("cut.clusterdesk", original.prefix(original.count / 2)) {
      .damaged(path: $0, detail: "the file is shorter than its header says; it was cut off")
    }
  }

  @Test func readOnlyFileIsRefused() throws {
    guard getuid() != 0 else { return }  // root can write anything; the check would be meaningless
    let temp = try TemporaryWorkspace()
    chmod(temp.path, 0o400)
    #expect(throws: WorkspaceError.readOnly(path: temp.path)) { try Workspace(path: temp.path) }
  }

  @Test func errorsSayWhatToDoInBothLanguages() {
    let error = WorkspaceError.newerVersion(path: "/x/w.clusterdesk", found: 9, supported: 1)
    #expect(error.message(.en).contains("newer ClusterDesk"))
    #expect(error.message(.ko).contains("더 새로운 ClusterDesk"))
  }

  @Test func integrityCheckPassesOnANewWorkspace() throws {
    let temp = try TemporaryWorkspace()
    try temp.member("(주)유신테크", number: "124-81-00998")
    #expect(try temp.workspace.integrityProblems() == [])
  }
}

@Suite struct OfficeTests {
  @Test func contactRhythmIsConfigurableWithinReason() throws {
    let temp = try TemporaryWorkspace()
    var office = try temp.workspace.office()
    #expect(office.officerVisitWeeks == 4)
    #expect(office.memberVisitWeeks == 12)
    office.memberVisitWeeks = 8
    try temp.workspace.updateOffice(office)
    #expect(try temp.workspace.office().memberVisitWeeks == 8)
    office.officerVisitWeeks = 0
    let error = #expect(throws: ValidationError.self) { try temp.workspace.updateOffice(office) }
    #expect(error?.errors.map(\.field) == ["officerVisitWeeks"])
  }
}

import Foundation
import GRDB
import Testing

@testable import ClusterKit

@Suite struct PartialFileTests {
  @Test func aPartialAppearsOnlyWhenCompleteAndAStaleOneIsRemoved() throws {
    let temp = try TemporaryWorkspace()
    let destination = temp.file("export.json")
    // Left by a process that has ended (pid 1 is always alive, so use a pid that is not).
    var dead: Int32 = 99_999
    while kill(dead, 0) == 0 || errno != ESRCH { dead += 1 }
    let stale = "\(destination).\(dead).partial"
    _ = FileManager.default.createFile(atPath: stale, contents: Data("{\"half".utf8))
    _ = FileManager.default.createFile(atPath: stale + "-wal", contents: Data("x".utf8))
    // A partial of another process that is alive (pid 1) stays, even unlocked.
    let alive = "\(destination).1.partial"
    _ = FileManager.default.createFile(atPath: alive, contents: Data())

    let partial = try PartialFile(for: destination)
    #expect(!FileManager.default.fileExists(atPath: stale))
    #expect(!FileManager.default.fileExists(atPath: stale + "-wal"))
    #expect(FileManager.default.fileExists(atPath: alive))
    try partial.write(Data("{}".utf8))
    #expect(!FileManager.default.fileExists(atPath: destination))
    try partial.commit(replacing: false)
    #expect(FileManager.default.contents(atPath: destination) == Data("{}".utf8))
    #expect(!FileManager.default.fileExists(atPath: partial.path))
    #expect(
      (try FileManager.default.attributesOfItem(atPath: destination)[.posixPermissions] as? Int)
        == 0o600)

    // Without `replacing`, a file already there stays.
    let second = try PartialFile(for: destination)
    try second.write(Data("[]".utf8))
    #expect(throws: FileProblem(path: destination, code: EEXIST)) {
      try second.commit(replacing: false)
    }
    second.discard()
    #expect(FileManager.default.contents(atPath: destination) == Data("{}".utf8))
    #expect(!FileManager.default.fileExists(atPath: second.path))
  }
}

@Suite struct BackupRotationTests {
  @Test func theLastSevenDaysAndTheNewestOfEachOfFourWeeksBeforeAreKept() {
    let today = Day(year: 2026, month: 11, day: 26)!  // a Thursday
    let every = (0..<90).map { today.adding(days: -$0) }
    let kept = Backups.kept(every, today: today)
    // Seven days, and the Sundays of the four weeks before, the nearest of which is one of them.
    #expect(kept.count == 10)
    for age in 0..<7 { #expect(kept.contains(today.adding(days: -age))) }
    // Sundays, the last day of each of the 4 weeks before this one.
    let monday = today.startOfWeek
    for weeks in 1...4 { #expect(kept.contains(monday.adding(days: -7 * (weeks - 1) - 1))) }
    #expect(!kept.contains(monday.adding(days: -29)))
    // Kept copies stay kept as the days go by: what one day keeps of the past weeks, the next
    // day still has, so a week's copy lives its four weeks.
    var stored = Set<Day>()
    for offset in 0..<60 {
      let day = today.adding(days: offset)
      stored.insert(day)
      let keep = Backups.kept(Array(stored), today: day)
      stored = keep
      #expect(stored.count <= 11)
    }
    let last = today.adding(days: 59)
    #expect(stored.contains { $0.days(until: last) >= 28 }, "\(stored.sorted())")
    // Sparse use: a backup from five weeks ago, the only one, goes; one from two weeks ago stays.
    #expect(Backups.kept([today.adding(days: -36)], today: today).isEmpty)
    #expect(Backups.kept([today.adding(days: -14)], today: today).count == 1)
  }
}

@Suite struct WorkspaceCreationTests {
  @Test func aWorkspaceWhoseFillFailsLeavesNoFile() throws {
    let temp = try TemporaryWorkspace()
    let path = temp.file("new.clusterdesk")
    #expect(throws: ValidationError.self) {
      _ = try Workspace.create(at: path) { try $0.updateOffice(Office(name: "")) }
    }
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: temp.folder.path).filter {
        $0.hasPrefix("new.")
      }.isEmpty)
    let made = try Workspace.create(at: path) { try $0.updateOffice(Office(name: "새 사무국")) }
    #expect(try made.office().name == "새 사무국")
    #expect(throws: WorkspaceError.cannotCreateFile(FileProblem(path: path, code: EEXIST))) {
      _ = try Workspace.create(at: path, office: Office(name: "또"))
    }
  }

  /// Another connection holding a read transaction keeps the migration in the log; the next
  /// open must see it there instead of reading the old version from the header.
  @Test func aMigrationStillInTheLogIsSeenByTheNextOpen() throws {
    let temp = try TemporaryWorkspace()
    let path = temp.file("old.clusterdesk")
    var config = Configuration()
    config.allowsUnsafeTransactions = true
    let queue = try DatabaseQueue(path: path, configuration: config)
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA journal_mode = WAL")
      try db.inTransaction {
        try Schema.migrate(db, from: 0, to: Schema.previousVersion)
        return .commit
      }
    }
    try queue.inDatabase { db in
      try db.beginTransaction(.deferred)
      _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM member")
    }
    _ = try Workspace(path: path)
    // The migration is only in the log; the file's header still says an older version.
    #expect(try FileInspection.Header(path: path).version < Schema.currentVersion)
    let again = try Workspace(path: path)
    #expect(try again.integrityProblems() == [])
    try queue.inDatabase { try $0.commit() }
    let backup = try DatabaseQueue(path: path + ".v\(Schema.previousVersion).backup")
    #expect(
      try backup.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        == Schema.previousVersion)
  }
}

@Suite struct FollowUpAndAttendanceRuleTests {
  @Test func aFollowUpIsNotDoneBeforeItsVisitNorTwice() throws {
    let temp = try TemporaryWorkspace()
    let member = try temp.member("한빛정밀")
    let day = Day(year: 2026, month: 11, day: 2)!
    let visit = try temp.workspace.addVisit(
      Visit(
        memberId: member.id, date: day, visitor: "박", purpose: .difficultySurvey,
        followUps: [FollowUp(action: "인증 안내")]))
    let id = try #require(visit.followUps.first?.id)
    let early = #expect(throws: FieldError.self) {
      try temp.workspace.setFollowUpDone(id: id, on: day.adding(days: -1))
    }
    #expect(early?.field == "date")
    try temp.workspace.setFollowUpDone(id: id, on: day)
    #expect(throws: WorkspaceError.alreadyDone(followUp: id, on: day)) {
      try temp.workspace.setFollowUpDone(id: id, on: day.adding(days: 3))
    }
    try temp.workspace.setFollowUpDone(id: id, on: day.adding(days: 3), correcting: true)
    #expect(try temp.workspace.visit(id: visit.id)?.followUps.first?.done == day.adding(days: 3))
    // Open again (undo), then done again.
    try temp.workspace.setFollowUpDone(id: id, on: nil)
    try temp.workspace.setFollowUpDone(id: id, on: day.adding(days: 5))
  }

  @Test func attendanceRefusesAnotherClustersMemberAndAnOverwrittenMark() throws {
    let temp = try TemporaryWorkspace()
    let here = try temp.member("한빛정밀")
    let other = try temp.workspace.addCluster(Cluster(name: "바이오메디컬"))
    let stranger = try temp.workspace.addMember(
      Member(clusterId: other.id, kind: .company, name: "(주)다안바이오"), divisionName: nil)
    let meeting = try temp.workspace.addMeeting(
      Meeting(
        clusterId: temp.cluster.id, kind: .steeringCommittee,
        date: Day(year: 2026, month: 11, day: 5)!,
        title: "운영위원회"))
    let refused = #expect(throws: ValidationError.self) {
      try temp.workspace.setAttendance(meetingId: meeting.id, [stranger.id: .present])
    }
    #expect(refused?.message(.en).contains("(주)다안바이오 belongs to the mini-cluster 바이오메디컬") == true)
    #expect(refused?.message(.ko).contains("바이오메디컬 소속") == true)

    // Read (no mark), someone else marks absent, then our save of "present" is a conflict.
    try temp.workspace.setAttendance(meetingId: meeting.id, [here.id: .absent])
    #expect(
      throws: WorkspaceError.conflict(kind: "attendance", reference: "#\(meeting.id) · 한빛정밀")
    ) {
      try temp.workspace.setAttendance(
        meetingId: meeting.id, [here.id: .present], expected: [here.id: AttendanceStatus?.none])
    }
    #expect(try temp.workspace.attendanceList(meetingId: meeting.id).first?.status == .absent)
    try temp.workspace.setAttendance(
      meetingId: meeting.id, [here.id: .present], expected: [here.id: .absent])
    #expect(try temp.workspace.attendanceList(meetingId: meeting.id).first?.status == .present)
    let message = WorkspaceError.conflict(kind: "attendance", reference: "#1").message(.ko)
    #expect(message.hasPrefix("출석 #1"), "\(message)")
  }
}

@Suite struct RestoreTests {
  /// A restore writes into the workspace as one transaction: a reader in the middle of a read
  /// keeps seeing the old content, the next read sees the restored one.
  @Test func aReaderSeesTheOldContentOrTheRestoredOneNeverAMix() throws {
    let temp = try TemporaryWorkspace()
    try temp.member("한빛정밀")
    let backup = temp.file("one.backup")
    try temp.workspace.backUp(to: backup)
    for n in 0..<50 { try temp.member("추가회사\(n)") }
    var config = Configuration()
    config.allowsUnsafeTransactions = true
    let reader = try DatabaseQueue(path: temp.path, configuration: config)
    try reader.inDatabase { db in
      try db.beginTransaction(.deferred)
      #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM member") == 51)
    }
    let result = try temp.workspace.restore(
      from: backup, keepingCurrentAt: temp.file("kept.backup"))
    #expect(result.restored.members == 1 && result.replaced.members == 51)
    try reader.inDatabase { db in
      #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM member") == 51)
      try db.commit()
      #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM member") == 1)
    }
    #expect(try temp.workspace.memberCount(MemberQuery(search: "한빛")) == 1)
    #expect(try temp.workspace.integrityProblems() == [])
    let kept = try Workspace(path: temp.file("kept.backup"))
    #expect(try kept.counts().members == 51)
  }
}

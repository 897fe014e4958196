import ClusterKit
import Foundation
import GRDB
import Testing

/// Kills the real binary with SIGKILL at random moments while it writes, then opens the workspace
/// as a user would: it must pass SQLite's integrity check, hold every change the process had
/// acknowledged, and show nothing half-done.
@Suite(.serialized) struct CrashTests {
  @Test func sigkillDuringWritesLosesNothingAcknowledged() throws {
    let kills = Long.pick(50, 1000)
    var rng = Rng(seed: Long.seed)
    let cli = try Binary()
    defer { cli.cleanUp() }
    let setup = try cli.run(["write-loop", "--tag", "setup", "--count", "0"])
    try #require(setup.status == 0, "\(setup.stderr)")

    var acknowledged = 0
    var killedBeforeFirstAck = 0
    for run in 0..<kills {
      let tag = "k\(run)"
      let child = try Child(cli, ["write-loop", "--tag", tag])
      if rng.chance(25) {
        // Any moment from the start: opening, recovering the last run's journal, setup.
        usleep(UInt32(rng.below(150_000)))
      } else {
        // In the middle of the writing, after a random number of acknowledged changes.
        let wanted = 1 + rng.below(12)
        let progressed = child.wait(upTo: 60) { $0.lines.count >= wanted }
        #expect(progressed, "run \(run): no progress in 60 s (a hang?) \(child.stderr)")
        usleep(UInt32(rng.below(8_000)))
      }
      child.kill(SIGKILL)
      #expect(child.finish(timeout: 60))
      let lines = child.lines
      if lines.isEmpty { killedBeforeFirstAck += 1 }
      // It must have died from our kill, not from an error of its own.
      #expect(
        child.killedBySignal == SIGKILL,
        "run \(run) ended by itself with \(child.process.terminationStatus): \(child.stderr)")
      try CrashTests.verify(path: cli.workspacePath, tag: tag, acknowledgements: lines, run: run)
      acknowledged += lines.count
    }
    Long.record(
      "crash: \(kills) SIGKILLs survived, \(acknowledged) acknowledged changes all present, "
        + "\(killedBeforeFirstAck) kills before the first acknowledgement")
    // A last, clean run proves the workspace still takes writes after all that.
    let after = try cli.run(["write-loop", "--tag", "after", "--count", "6"])
    #expect(after.status == 0, "\(after.stderr)")
    #expect(after.stdout.split(separator: "\n").count == 6)
  }

  /// Opens the workspace after a kill and checks it.
  static func verify(path: String, tag: String, acknowledgements: [String], run: Int) throws {
    // Opening through the domain is what the next user does; it must work and be healthy.
    let workspace = try Workspace(path: path)
    #expect(try workspace.integrityProblems() == [], "run \(run): integrity check failed")
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    try queue.read { db in
      for line in acknowledgements {
        let parts = line.split(separator: " ").map(String.init)
        try #require(parts.count == 4 && parts[0] == "ok", "run \(run): odd line \(line)")
        switch parts[1] {
        case "visit":
          let row = try Row.fetchOne(
            db,
            sql: """
              SELECT v.notes, (SELECT COUNT(*) FROM difficulty d WHERE d.visitId = v.id) AS d,
                (SELECT COUNT(*) FROM followUp f WHERE f.visitId = v.id) AS f
              FROM visit v WHERE v.id = ?
              """, arguments: [Int64(parts[2])])
          #expect(row?["notes"] == parts[3], "run \(run): acknowledged \(line) is missing")
          #expect(row?["d"] == 2 && row?["f"] == 2, "run \(run): \(line) is incomplete")
        case "approve":
          let status = try String.fetchOne(
            db, sql: "SELECT status FROM supportRequest WHERE id = ? AND title = ?",
            arguments: [Int64(parts[2]), parts[3]])
          #expect(
            status == "approved", "run \(run): acknowledged \(line) is \(status ?? "missing")")
        case "request":
          let status = try String.fetchOne(
            db, sql: "SELECT status FROM supportRequest WHERE id = ? AND title = ?",
            arguments: [Int64(parts[2]), parts[3]])
          #expect(status != nil, "run \(run): acknowledged \(line) is missing")
        case "import":
          let found = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM member WHERE name LIKE ? ESCAPE '\\'",
            arguments: [parts[3] + "%"])
          #expect(found == Int(parts[2]), "run \(run): acknowledged \(line) found \(found ?? 0)")
        default:
          Issue.record("run \(run): odd line \(line)")
        }
      }
      // Nothing half-done, acknowledged or not: every visit has both its difficulties and both
      // follow-ups; every approval has its audit entries; every import has all of its rows.
      let partialVisits = try Int.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) FROM visit v
          WHERE (SELECT COUNT(*) FROM difficulty d WHERE d.visitId = v.id) != 2
             OR (SELECT COUNT(*) FROM followUp f WHERE f.visitId = v.id) != 2
          """)
      #expect(partialVisits == 0, "run \(run): \(partialVisits ?? -1) visits are half-written")
      let unaudited = try Int.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) FROM supportRequest r WHERE r.status = 'approved' AND (
            NOT EXISTS (SELECT 1 FROM auditEntry a WHERE a.requestId = r.id AND a.field = 'status'
              AND a.before = 'pending' AND a.after = 'approved')
            OR NOT EXISTS (SELECT 1 FROM auditEntry a WHERE a.requestId = r.id
              AND a.field = 'approvedKRW' AND a.after = CAST(r.approvedKRW AS TEXT)))
          """)
      #expect(unaudited == 0, "run \(run): \(unaudited ?? -1) approvals have no audit entries")
      let batches = try Row.fetchAll(
        db,
        sql: """
          SELECT substr(name, 1, length(name) - 1) AS batch, COUNT(*) AS n FROM member
          WHERE name LIKE ? ESCAPE '\\' GROUP BY batch
          """, arguments: [tag + "-%"])
      for batch in batches where (batch["n"] as Int) != 3 {
        Issue.record(
          "run \(run): import \(batch["batch"] as String) is half-written (\(batch["n"] as Int) of 3)"
        )
      }
    }
  }
}

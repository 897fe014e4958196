import Foundation
import Testing

@testable import ClusterKit

/// The streamed export writes the same bytes as the whole document encoded at once: for the
/// sample office (every list filled, batches of several sizes) and for an empty workspace (every
/// list empty, as the encoder writes an empty list).
@Suite struct StreamingExportTests {
  func streamed(_ workspace: Workspace, pieces: inout Int) throws -> Data {
    var data = Data()
    var count = 0
    try workspace.exportJSON { piece in
      data.append(piece)
      count += 1
    }
    pieces = count
    return data
  }

  @Test func theSampleOfficeStreamsTheSameBytes() throws {
    let temp = try TemporaryWorkspace()
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../sample-data/seoul-digital-office.json")
    let office = try Workspace(path: temp.file("sample.clusterdesk"), create: true)
    try office.importDocument(try WorkspaceDocument.decode(try Data(contentsOf: url)))
    var pieces = 0
    let whole = try office.exportDocument().encoded()
    #expect(try streamed(office, pieces: &pieces) == whole)
    #expect(pieces >= 1)
  }

  @Test func anEmptyWorkspaceStreamsTheSameBytes() throws {
    let temp = try TemporaryWorkspace()
    let empty = try Workspace(path: temp.file("empty.clusterdesk"), create: true)
    var pieces = 0
    #expect(try streamed(empty, pieces: &pieces) == (try empty.exportDocument().encoded()))
  }

  @Test func aWorkspaceOfManyBatchesStreamsTheSameBytesAndImportsBack() throws {
    let temp = try TemporaryWorkspace()
    let source = try Workspace(path: temp.file("many.clusterdesk"), create: true)
    let cluster = try source.addCluster(Cluster(name: "배치 미클"))
    for i in 0..<4_500 {
      _ = try source.addMember(
        Member(clusterId: cluster.id, name: "배치회사\(i)"))
    }
    var pieces = 0
    let first = try streamed(source, pieces: &pieces)
    #expect(first == (try source.exportDocument().encoded()))
    let target = try Workspace(path: temp.file("copy.clusterdesk"), create: true)
    try target.importDocument(try WorkspaceDocument.decode(first))
    #expect(try streamed(target, pieces: &pieces) == first)
  }
}

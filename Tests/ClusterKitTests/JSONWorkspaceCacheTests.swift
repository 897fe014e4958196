import Foundation
import GRDB
import Testing

@testable import ClusterKit

/// The cache of a JSON workspace's loaded database: used for the same bytes only, rebuilt when
/// missing, damaged or for other bytes, and owner-only.
@Suite(.temporaryCache, .temporaryFolder) struct JSONWorkspaceCacheTests {
  let folder: URL

  init() throws {
    folder = try TemporaryFolder.current()
  }

  /// The sample office as a JSON workspace, opened once so that its cache is written, and that
  /// cache (both removed with their test's folders).
  func cachedSample() throws -> (path: String, cache: JSONWorkspaceCache) {
    let path = folder.appendingPathComponent("office.json").path
    let document = try WorkspaceDocument.decode(Data(contentsOf: JSONWorkspaceFileTests.sampleURL))
    _ = try Workspace.create(at: path, actor: "박매니저") { try $0.importDocument(document) }
    let cache = try #require(JSONWorkspaceCache(for: path))
    try? FileManager.default.removeItem(atPath: cache.path)
    _ = try Workspace(path: path)
    #expect(FileManager.default.fileExists(atPath: cache.path))
    return (path, cache)
  }

  /// Renames the first member in the cache only, so that a workspace showing that name was
  /// copied from the cache.
  func markCache(_ cache: JSONWorkspaceCache) throws {
    let file = try DatabaseQueue(path: cache.path)
    try file.write { db in
      try db.execute(
        sql: "UPDATE member SET name = '캐시표시' WHERE id = (SELECT min(id) FROM member)")
    }
    try file.close()
  }

  func firstMemberName(_ path: String) throws -> String {
    try Workspace(path: path).exportDocument().members.min { $0.id < $1.id }!.name
  }

  /// A cache whose workspace file is gone is removed the next time a cache is written.
  @Test func theCacheOfAWorkspaceThatIsGoneIsRemoved() throws {
    let (path, cache) = try cachedSample()
    let other = folder.appendingPathComponent("other.json").path
    try FileManager.default.copyItem(atPath: path, toPath: other)
    _ = try Workspace(path: other)
    let otherCache = try #require(JSONWorkspaceCache(for: other))
    defer { try? FileManager.default.removeItem(atPath: otherCache.path) }
    #expect(FileManager.default.fileExists(atPath: otherCache.path))
    try FileManager.default.removeItem(atPath: other)
    try FileManager.default.removeItem(atPath: cache.path)
    _ = try Workspace(path: path)
    #expect(FileManager.default.fileExists(atPath: cache.path))
    #expect(!FileManager.default.fileExists(atPath: otherCache.path))
  }

  /// A save replaces its own cache only: the other caches in the folder are looked at when a
  /// workspace new to the folder is cached, so a save's time does not grow with them.
  @Test func aSaveLeavesTheOtherCachesAlone() throws {
    let (path, cache) = try cachedSample()
    let stray = ((cache.path as NSString).deletingLastPathComponent as NSString)
      .appendingPathComponent("stray.sqlite")
    try Data("not a cache".utf8).write(to: URL(fileURLWithPath: stray))
    let workspace = try Workspace(path: path)
    let cluster = try workspace.clusters()[0]
    _ = try workspace.addMember(Member(clusterId: cluster.id, kind: .company, name: "(주)저장정밀"))
    #expect(FileManager.default.fileExists(atPath: stray))
    let other = folder.appendingPathComponent("other.json").path
    try FileManager.default.copyItem(atPath: path, toPath: other)
    _ = try Workspace(path: other)
    #expect(!FileManager.default.fileExists(atPath: stray))
  }

  /// Whose a cache is is read from the small file beside it that names its workspace: the
  /// cache itself is not opened.
  @Test func aCacheIsToldByTheFileNamingItsWorkspace() throws {
    let (path, cache) = try cachedSample()
    let cacheFolder = (cache.path as NSString).deletingLastPathComponent as NSString
    #expect(try String(contentsOfFile: cache.ownerPath, encoding: .utf8) == path)
    let kept = cacheFolder.appendingPathComponent("kept.sqlite")
    try Data("not opened".utf8).write(to: URL(fileURLWithPath: kept))
    try Data(path.utf8).write(
      to: URL(fileURLWithPath: cacheFolder.appendingPathComponent("kept.workspace")))
    let other = folder.appendingPathComponent("other.json").path
    try FileManager.default.copyItem(atPath: path, toPath: other)
    _ = try Workspace(path: other)
    #expect(FileManager.default.fileExists(atPath: kept))
  }

  @Test func aSecondOpenOfTheSameBytesCopiesTheCache() throws {
    let (path, cache) = try cachedSample()
    #expect(try firstMemberName(path) != "캐시표시")
    try markCache(cache)
    #expect(try firstMemberName(path) == "캐시표시")
  }

  @Test func aFileChangedByOneByteIsLoadedFromTheFile() throws {
    let (path, cache) = try cachedSample()
    let original = try firstMemberName(path)
    try markCache(cache)
    // Another program adds one byte (a space after the document): the same records, other bytes.
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(" ".utf8))
    try handle.close()
    #expect(try firstMemberName(path) == original)
    // The cache was built again for the new bytes, without the mark.
    #expect(try firstMemberName(path) == original)
  }

  /// Other bytes of the same size written in place, the file's modification time then put back
  /// (as `touch -r` does): `stat` shows the cached file, its bytes do not.
  @Test func aFileRewrittenInPlaceWithItsTimePutBackIsLoadedFromTheFile() throws {
    let (path, cache) = try cachedSample()
    let original = try firstMemberName(path)
    try markCache(cache)
    var before = stat()
    #expect(stat(path, &before) == 0)
    // One space of the indentation becomes a tab: the same records in the same number of bytes.
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let indent = try #require(bytes.firstRange(of: Data("\n  ".utf8)))
    bytes[indent.lowerBound + 1] = 0x09
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.write(contentsOf: bytes)
    try handle.close()
    var times = [before.st_atim, before.st_mtim]
    #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    var after = stat()
    #expect(stat(path, &after) == 0)
    #expect(after.st_ino == before.st_ino && after.st_size == before.st_size)
    #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec)
    #expect(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    #expect(try firstMemberName(path) == original)
  }

  @Test func aDamagedCacheIsBuiltAgain() throws {
    let (path, cache) = try cachedSample()
    let original = try firstMemberName(path)
    let damaged = try Data(contentsOf: URL(fileURLWithPath: cache.path)).prefix(8192)
    try (damaged + Data(repeating: 0xA5, count: 8192)).write(to: URL(fileURLWithPath: cache.path))
    #expect(try firstMemberName(path) == original)
    // Rebuilt: whole again, and used by the next open.
    try markCache(cache)
    #expect(try firstMemberName(path) == "캐시표시")
  }

  @Test func aSavedChangeLeavesTheCacheOfTheNewBytes() throws {
    let (path, cache) = try cachedSample()
    let workspace = try Workspace(path: path)
    let cluster = try workspace.clusters()[0]
    _ = try workspace.addMember(Member(clusterId: cluster.id, kind: .company, name: "(주)캐시정밀"))
    let reopened = try Workspace(path: path)
    // What the file holds, as a load of it gives it: its export is the file, and no change log.
    #expect(
      try reopened.exportDocument().encoded() == Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(
      try reopened.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM recordedChange") }
        == 0)
    try markCache(cache)
    #expect(try firstMemberName(path) == "캐시표시")
  }

  @Test func theCacheIsOwnerOnly() throws {
    let (_, cache) = try cachedSample()
    let folder = (cache.path as NSString).deletingLastPathComponent
    let folderMode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions]
    let fileMode = try FileManager.default.attributesOfItem(atPath: cache.path)[.posixPermissions]
    #expect(folderMode as? Int == 0o700)
    #expect(fileMode as? Int == 0o600)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy {
        !$0.hasSuffix(".partial")
      })
  }

  /// A test keeps its caches in its own folder: nothing is written to the user's.
  @Test func aTestsCachesStayOutOfTheUsersFolder() throws {
    let (path, cache) = try cachedSample()
    let folder = try #require(JSONWorkspaceCache.folder)
    #expect(cache.path.hasPrefix(folder + "/"))
    let users = try #require(
      JSONWorkspaceCache.$folder.withValue(nil) { JSONWorkspaceCache(for: path) })
    #expect(users.path != cache.path)
    #expect(!FileManager.default.fileExists(atPath: users.path))
  }

  @Test func theCacheFolderFollowsXDGAndCanBeTurnedOff() throws {
    try JSONWorkspaceCache.$folder.withValue(nil) { try theCacheFolderFollowsXDG() }
  }

  func theCacheFolderFollowsXDG() throws {
    let path = "/srv/office.json"
    let digest = SHA256.hex(Array(path.utf8))
    #expect(
      JSONWorkspaceCache(for: path, environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])?.path
        == "/c/clusterdesk/\(digest).sqlite")
    #expect(
      JSONWorkspaceCache(for: path, environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"])?.path
        == "/h/.cache/clusterdesk/\(digest).sqlite")
    #expect(
      JSONWorkspaceCache(for: path, environment: ["HOME": "/h", "CLUSTERDESK_NO_CACHE": "1"]) == nil
    )
  }
}

import Foundation

/// An array of objects of text, written with the bytes `JSONEncoder` gives the whole array
/// (pretty-printed, sorted keys, slashes as they are) but a batch of objects at a time, so that
/// a list of any length is never held whole: each batch is encoded as an array and its brackets
/// are taken off.
public struct JSONArrayWriter {
  private let keys: [String]
  private let write: (Data) throws -> Void
  private let encoder: JSONEncoder
  private var batch: [[String: String]] = []
  private var started = false
  static let batchSize = 1000

  public init(keys: [String], _ write: @escaping (Data) throws -> Void) {
    self.keys = keys
    self.write = write
    encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  }

  /// One object: the values under the keys, in their order.
  public mutating func append(_ values: [String]) throws {
    batch.append(Dictionary(uniqueKeysWithValues: zip(keys, values)))
    if batch.count == Self.batchSize { try writeBatch() }
  }

  /// Closes the array, with a line break after it.
  public mutating func finish() throws {
    try writeBatch()
    if started {
      try write(Data("\n]\n".utf8))
    } else {
      try write(encode([]) + [0x0A])
    }
  }

  private mutating func writeBatch() throws {
    guard !batch.isEmpty else { return }
    // "[\n" + the objects, each indented, separated by ",\n" + "\n]"
    let objects = encode(batch).dropFirst(2).dropLast(2)
    try write(Data(started ? ",\n".utf8 : "[\n".utf8) + objects)
    started = true
    batch.removeAll(keepingCapacity: true)
  }

  private func encode(_ objects: [[String: String]]) -> Data {
    (try? encoder.encode(objects)) ?? Data("[]".utf8)
  }
}

import Foundation

/// Encodes a value into the bytes Foundation's `JSONEncoder` gives with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (the workspace format's canonical
/// form, docs/json-format.md), at a given indentation level, without Foundation's tree of
/// dictionaries: the export writes hundreds of thousands of records through it.
///
/// The same rules as that encoder: keys sorted by their UTF-8 bytes, two spaces per level,
/// `"key" : value`, an empty list or object with an empty line inside, `"`, `\` and control
/// characters escaped (`\b \f \n \r \t`, others `\u00XX`), `/` as it is. Values Foundation
/// formats in its own way (floating-point numbers, `Date`, `Data`, `URL`, `Decimal`) are
/// handed to `JSONEncoder` itself, so they come out as it writes them.
struct CanonicalJSONEncoder {
  /// Orders of keys seen before, by the keys in the order a type encodes them: records of one
  /// type give the same keys in the same order, sorted once.
  private var orders: [(keys: [String], order: [Int])] = []
  /// The cached order replaced next once the cache is full.
  private var replaced = 0

  /// Appends `value`, its first line not indented (the caller puts it after a key or an
  /// indentation) and the lines after it indented for `level`.
  mutating func append(_ value: some Encodable, level: Int, to bytes: inout [UInt8]) throws {
    let node = try JSONNode.of(value)
    write(node, level: level, to: &bytes)
  }

  private mutating func write(_ node: JSONNode, level: Int, to bytes: inout [UInt8]) {
    switch node {
    case .literal(let text):
      var text = text
      text.withUTF8 { bytes.append(contentsOf: $0) }
    case .string(let text):
      Self.appendString(text, to: &bytes)
    case .array(let items):
      bytes.append(UInt8(ascii: "["))
      bytes.append(0x0A)
      for (index, item) in items.nodes.enumerated() {
        if index > 0 {
          bytes.append(UInt8(ascii: ","))
          bytes.append(0x0A)
        }
        Self.indent(level + 1, &bytes)
        write(item, level: level + 1, to: &bytes)
      }
      bytes.append(0x0A)
      Self.indent(level, &bytes)
      bytes.append(UInt8(ascii: "]"))
    case .object(let entries):
      bytes.append(UInt8(ascii: "{"))
      bytes.append(0x0A)
      let pairs = entries.pairs
      for (position, index) in sortedOrder(pairs).enumerated() {
        if position > 0 {
          bytes.append(UInt8(ascii: ","))
          bytes.append(0x0A)
        }
        Self.indent(level + 1, &bytes)
        Self.appendString(pairs[index].key, to: &bytes)
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
        write(pairs[index].value, level: level + 1, to: &bytes)
      }
      bytes.append(0x0A)
      Self.indent(level, &bytes)
      bytes.append(UInt8(ascii: "}"))
    case .encoder(let encoder):
      write(encoder.node ?? .object(JSONEntries()), level: level, to: &bytes)
    }
  }

  /// The positions of `pairs` in key order (a key given twice: the last one, as a dictionary
  /// keeps it).
  private mutating func sortedOrder(_ pairs: [(key: String, value: JSONNode)]) -> [Int] {
    for known in orders where known.keys.count == pairs.count {
      if known.keys.indices.allSatisfy({ known.keys[$0] == pairs[$0].key }) { return known.order }
    }
    var last: [String: Int] = [:]
    for (index, pair) in pairs.enumerated() { last[pair.key] = index }
    let order = last.values.sorted {
      pairs[$0].key.utf8.lexicographicallyPrecedes(pairs[$1].key.utf8)
    }
    if orders.count < 32 {
      orders.append((pairs.map(\.key), order))
    } else {
      orders[replaced] = (pairs.map(\.key), order)
      replaced = (replaced + 1) % orders.count
    }
    return order
  }

  private static func indent(_ level: Int, _ bytes: inout [UInt8]) {
    bytes.append(contentsOf: repeatElement(0x20, count: 2 * level))
  }

  /// A string in quotes, escaped as `JSONEncoder` escapes it.
  static func appendString(_ text: String, to bytes: inout [UInt8]) {
    var text = text
    bytes.append(UInt8(ascii: "\""))
    text.withUTF8 { utf8 in
      var start = 0
      for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        start = index + 1
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22, 0x5C: bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
          let hex = Array("0123456789abcdef".utf8)
          bytes.append(contentsOf: Array("u00".utf8))
          bytes.append(hex[Int(byte >> 4)])
          bytes.append(hex[Int(byte & 0x0F)])
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }
}

/// A value as it is encoded, before it is written out.
indirect enum JSONNode {
  /// A number, `true`, `false` or `null`, written as it is.
  case literal(String)
  case string(String)
  case array(JSONItems)
  case object(JSONEntries)
  /// What an encoder handed out as a super-encoder encoded (known only once it is written).
  case encoder(JSONNodeEncoder)

  static func of<T: Encodable>(_ value: T) throws -> JSONNode {
    // Types compared, not values cast: this runs for every value that is not a plain one.
    if T.self == String.self { return .string(value as! String) }
    if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self
      || T.self == Double.self || T.self == Float.self
    {
      return try foundation(value)
    }
    let encoder = JSONNodeEncoder()
    try value.encode(to: encoder)
    return encoder.node ?? .object(JSONEntries())
  }

  /// A value written by Foundation's own encoder (a scalar: a number or a string).
  static func foundation(_ value: some Encodable) throws -> JSONNode {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return .literal(String(decoding: try encoder.encode(value), as: UTF8.self))
  }
}

final class JSONItems {
  var nodes: [JSONNode] = []
}

final class JSONEntries {
  var pairs: [(key: String, value: JSONNode)] = []
}

/// The `Encoder` that builds a `JSONNode`.
final class JSONNodeEncoder: Encoder {
  var node: JSONNode?
  let codingPath: [any CodingKey] = []
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .object(let entries)? = node {
      return KeyedEncodingContainer(KeyedJSONContainer(entries: entries))
    }
    let entries = JSONEntries()
    node = .object(entries)
    return KeyedEncodingContainer(KeyedJSONContainer(entries: entries))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if case .array(let items)? = node { return UnkeyedJSONContainer(items: items) }
    let items = JSONItems()
    node = .array(items)
    return UnkeyedJSONContainer(items: items)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleJSONContainer(encoder: self)
  }
}

private struct KeyedJSONContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let entries: JSONEntries
  var codingPath: [any CodingKey] { [] }

  private func put(_ node: JSONNode, _ key: Key) { entries.pairs.append((key.stringValue, node)) }

  mutating func encodeNil(forKey key: Key) throws { put(.literal("null"), key) }
  mutating func encode(_ value: Bool, forKey key: Key) throws {
    put(.literal(value ? "true" : "false"), key)
  }
  mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
  mutating func encode(_ value: Int, forKey key: Key) throws { put(.literal(String(value)), key) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { put(.literal(String(value)), key) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { put(.literal(String(value)), key) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { put(.literal(String(value)), key) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { put(.literal(String(value)), key) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { put(.literal(String(value)), key) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.literal(String(value)), key) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws {
    put(.literal(String(value)), key)
  }
  mutating func encode(_ value: UInt32, forKey key: Key) throws {
    put(.literal(String(value)), key)
  }
  mutating func encode(_ value: UInt64, forKey key: Key) throws {
    put(.literal(String(value)), key)
  }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    put(try JSONNode.foundation(value), key)
  }
  mutating func encode(_ value: Float, forKey key: Key) throws {
    put(try JSONNode.foundation(value), key)
  }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    put(try JSONNode.of(value), key)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let nested = JSONEntries()
    put(.object(nested), key)
    return KeyedEncodingContainer(KeyedJSONContainer<NestedKey>(entries: nested))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let nested = JSONItems()
    put(.array(nested), key)
    return UnkeyedJSONContainer(items: nested)
  }

  mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
  mutating func superEncoder(forKey key: Key) -> any Encoder {
    superEncoder(named: key.stringValue)
  }

  private func superEncoder(named key: String) -> any Encoder {
    let encoder = JSONNodeEncoder()
    entries.pairs.append((key, .encoder(encoder)))
    return encoder
  }
}

private struct UnkeyedJSONContainer: UnkeyedEncodingContainer {
  let items: JSONItems
  var codingPath: [any CodingKey] { [] }
  var count: Int { items.nodes.count }

  mutating func encodeNil() throws { items.nodes.append(.literal("null")) }
  mutating func encode(_ value: Bool) throws {
    items.nodes.append(.literal(value ? "true" : "false"))
  }
  mutating func encode(_ value: String) throws { items.nodes.append(.string(value)) }
  mutating func encode(_ value: Int) throws { items.nodes.append(.literal(String(value))) }
  mutating func encode(_ value: Int64) throws { items.nodes.append(.literal(String(value))) }
  mutating func encode(_ value: Int8) throws { items.nodes.append(.literal(String(value))) }
  mutating func encode(_ value: Int16) throws { items.nodes.append(.literal(String(value))) }
  mutating func encode(_ value: Int32) throws { items.nodes.append(.literal(String(value))) }
  mutating func encode(_ value: UInt) throws { items.nodes.append(.literal(String(value))) }
  mutating func encode(_ value: UInt8) throws { items.nodes.append(.literal(String(value))) }
  mutating func encode(_ value: UInt16) throws { items.nodes.append(.literal(String(value))) }
  mutating func encode(_ value: UInt32) throws { items.nodes.append(.literal(String(value))) }
  mutating func encode(_ value: UInt64) throws { items.nodes.append(.literal(String(value))) }
  mutating func encode(_ value: Double) throws {
    items.nodes.append(try JSONNode.foundation(value))
  }
  mutating func encode(_ value: Float) throws { items.nodes.append(try JSONNode.foundation(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    items.nodes.append(try JSONNode.of(value))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let nested = JSONEntries()
    items.nodes.append(.object(nested))
    return KeyedEncodingContainer(KeyedJSONContainer<NestedKey>(entries: nested))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let nested = JSONItems()
    items.nodes.append(.array(nested))
    return UnkeyedJSONContainer(items: nested)
  }

  mutating func superEncoder() -> any Encoder {
    let encoder = JSONNodeEncoder()
    items.nodes.append(.encoder(encoder))
    return encoder
  }
}

private struct SingleJSONContainer: SingleValueEncodingContainer {
  let encoder: JSONNodeEncoder
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil() throws { encoder.node = .literal("null") }
  mutating func encode(_ value: Bool) throws { encoder.node = .literal(value ? "true" : "false") }
  mutating func encode(_ value: String) throws { encoder.node = .string(value) }
  mutating func encode(_ value: Int) throws { encoder.node = .literal(String(value)) }
  mutating func encode(_ value: Int64) throws { encoder.node = .literal(String(value)) }
  mutating func encode(_ value: Int8) throws { encoder.node = .literal(String(value)) }
  mutating func encode(_ value: Int16) throws { encoder.node = .literal(String(value)) }
  mutating func encode(_ value: Int32) throws { encoder.node = .literal(String(value)) }
  mutating func encode(_ value: UInt) throws { encoder.node = .literal(String(value)) }
  mutating func encode(_ value: UInt8) throws { encoder.node = .literal(String(value)) }
  mutating func encode(_ value: UInt16) throws { encoder.node = .literal(String(value)) }
  mutating func encode(_ value: UInt32) throws { encoder.node = .literal(String(value)) }
  mutating func encode(_ value: UInt64) throws { encoder.node = .literal(String(value)) }
  mutating func encode(_ value: Double) throws { encoder.node = try JSONNode.foundation(value) }
  mutating func encode(_ value: Float) throws { encoder.node = try JSONNode.foundation(value) }
  mutating func encode<T: Encodable>(_ value: T) throws { encoder.node = try JSONNode.of(value) }
}

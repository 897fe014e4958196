import Foundation

/// Reads the top-level object of a JSON document from a file a piece at a time (about 1 MiB),
/// so that a document of any size is never in memory whole: each top-level value is handed on
/// by its key, a list as batches of its elements (the bytes of a JSON array holding up to about
/// 1 MiB of them), anything else whole.
///
/// It finds where values end and no more: the syntax inside them is the decoder's to check. A
/// file it does not understand (not one object, a repeated key, a byte-order mark, a piece
/// cut short) throws `DocumentStream.Unexpected`, and the caller reads it the whole-document
/// way, which names the place of the problem.
struct DocumentStream {
  struct Unexpected: Error {}

  private let file: FileHandle
  /// How much is read at a time, and how large a batch of elements grows (1 MiB).
  private let piece: Int
  /// The bytes read and not yet let go of; `position` is the next one to look at.
  private var bytes: [UInt8] = []
  private var position = 0
  /// Bytes before this one are no longer needed (the start of the value being read).
  private var mark = 0
  private var atEnd = false
  /// How many bytes of the file were let go of before `bytes`.
  private var dropped = 0

  init(file: FileHandle, piece: Int = 1 << 20) {
    self.file = file
    self.piece = piece
  }

  /// How far into the file the reading is.
  var offset: Int { dropped + position }

  /// Reads the whole object: `list` gets each batch of a list value's elements (with its key,
  /// and how far into the file the batch ends), `value` every other value (with its key). Each
  /// key comes once; returns them all (an empty list's too).
  @discardableResult
  mutating func read(
    list: (String, Data, Int) throws -> Void, value: (String, Data) throws -> Void
  ) throws -> Set<String> {
    guard try skipWhitespace() == UInt8(ascii: "{") else { throw Unexpected() }
    position += 1
    var seen = Set<String>()
    if try skipWhitespace() == UInt8(ascii: "}") {
      position += 1
      try expectEnd()
      return seen
    }
    while true {
      let key = try readKey()
      guard seen.insert(key).inserted else { throw Unexpected() }
      guard try skipWhitespace() == UInt8(ascii: ":") else { throw Unexpected() }
      position += 1
      if try skipWhitespace() == UInt8(ascii: "[") {
        try readList { try list(key, $0, $1) }
      } else {
        mark = position
        try skipValue()
        try value(key, Data(bytes[mark..<position]))
      }
      switch try skipWhitespace() {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"):
        position += 1
        try expectEnd()
        return seen
      default: throw Unexpected()
      }
    }
  }

  /// A list's elements (the reading is at its `[`), in batches. The batch being gathered starts
  /// at `mark`, so a refill keeps its bytes.
  private mutating func readList(_ batch: (Data, Int) throws -> Void) throws {
    position += 1
    /// Where the batch's last element ends, counted from the start of the file.
    var end: Int?
    func hand() throws {
      guard let last = end.map({ $0 - dropped }) else { return }
      var array = Data(capacity: last - mark + 2)
      array.append(UInt8(ascii: "["))
      bytes.withUnsafeBufferPointer { array.append(UnsafeBufferPointer(rebasing: $0[mark..<last])) }
      array.append(UInt8(ascii: "]"))
      try batch(array, dropped + last)
      end = nil
    }
    if try skipWhitespace() == UInt8(ascii: "]") {
      position += 1
      return
    }
    while true {
      if end == nil { mark = position }
      try skipValue()
      end = offset
      if position - mark >= piece { try hand() }
      switch try skipWhitespace() {
      case UInt8(ascii: ","):
        position += 1
        _ = try skipWhitespace()
      case UInt8(ascii: "]"):
        try hand()
        position += 1
        return
      default: throw Unexpected()
      }
    }
  }

  /// A key in quotes, without escapes (every key of the format is a plain word).
  private mutating func readKey() throws -> String {
    guard try skipWhitespace() == UInt8(ascii: "\"") else { throw Unexpected() }
    mark = position
    try skipValue()
    let key = bytes[(mark + 1)..<(position - 1)]
    guard !key.contains(UInt8(ascii: "\\")), let text = String(validating: key, as: UTF8.self)
    else { throw Unexpected() }
    return text
  }

  /// After the object: only white space.
  private mutating func expectEnd() throws {
    mark = position
    guard try skipWhitespace() == nil else { throw Unexpected() }
  }

  /// Moves past white space; the byte there (not consumed), nil at the end of the file.
  private mutating func skipWhitespace() throws -> UInt8? {
    while true {
      while position < bytes.count {
        switch bytes[position] {
        case 0x20, 0x0A, 0x0D, 0x09: position += 1
        default: return bytes[position]
        }
      }
      guard try refill() else { return nil }
    }
  }

  /// Moves past one value starting at `position`: a string, an object or a list (to the quote
  /// or bracket that closes it), or a number or word (to the byte after it).
  private mutating func skipValue() throws {
    switch try skipWhitespace() {
    case nil, UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "}"), UInt8(ascii: "]"):
      throw Unexpected()
    default: break
    }
    var depth = 0
    var inString = false
    var escaped = false
    while true {
      var i = position
      let count = bytes.count
      let done = bytes.withUnsafeBufferPointer { buffer -> Bool in
        while i < count {
          let byte = buffer[i]
          if inString {
            if escaped {
              escaped = false
            } else if byte == UInt8(ascii: "\\") {
              escaped = true
            } else if byte == UInt8(ascii: "\"") {
              inString = false
              if depth == 0 {
                i += 1
                return true
              }
            }
          } else {
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
              if depth == 0 { return true }
              depth -= 1
              if depth == 0 {
                i += 1
                return true
              }
            case UInt8(ascii: ","), 0x20, 0x0A, 0x0D, 0x09:
              if depth == 0 { return true }
            default: break
            }
          }
          i += 1
        }
        return false
      }
      position = i
      if done { return }
      guard try refill() else { throw Unexpected() }
    }
  }

  /// Lets go of the bytes before `mark` and reads the next piece; false at the end of the file.
  private mutating func refill() throws -> Bool {
    guard !atEnd else { return false }
    if mark > 0 {
      bytes.removeSubrange(0..<mark)
      position -= mark
      dropped += mark
      mark = 0
    }
    guard let read = try file.read(upToCount: piece), !read.isEmpty else {
      atEnd = true
      return false
    }
    bytes.append(contentsOf: read)
    return true
  }
}

import Foundation

/// Just enough of the OLE compound file format (MS-CFB) to tell an old binary workbook (`.xls`,
/// with a `Workbook` or `Book` stream) from an encrypted Office Open XML one (an
/// `EncryptedPackage` stream).
enum CompoundFile {
  static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  static func isOne(_ data: Data) -> Bool { data.starts(with: signature) }

  /// The names of the directory entries found. Directory entries are 128 bytes long and start
  /// at a multiple of 128 after the 512-byte header in every sector size, so each such slot is
  /// tried: a name of up to 31 UTF-16 units, its length in bytes (with the terminating zero) at
  /// byte 64, and an object type (1 storage, 2 stream, 5 root) at byte 66.
  static func streamNames(_ data: Data) -> Set<String> {
    var names: Set<String> = []
    let bytes = [UInt8](data)
    var offset = 512
    while offset + 128 <= bytes.count {
      defer { offset += 128 }
      let length = Int(bytes[offset + 64]) | Int(bytes[offset + 65]) << 8
      let type = bytes[offset + 66]
      guard length >= 4, length <= 64, length % 2 == 0, [1, 2, 5].contains(type),
        bytes[offset + length - 2] == 0, bytes[offset + length - 1] == 0
      else { continue }
      var units: [UInt16] = []
      for index in stride(from: offset, to: offset + length - 2, by: 2) {
        units.append(UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8)
      }
      guard !units.contains(0), let name = String(validating: units, as: UTF16.self) else {
        continue
      }
      names.insert(name)
    }
    return names
  }
}

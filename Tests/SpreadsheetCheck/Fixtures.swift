import Foundation

/// Files that are not Office Open XML workbooks, made by hand for tests.
public enum SpreadsheetFixtures {
  /// An OLE compound file (the container of old `.xls` and of encrypted workbooks) whose one
  /// directory sector names these streams.
  public static func compoundFile(_ names: [String]) -> Data {
    var bytes = [UInt8](repeating: 0, count: 512 + 512)
    bytes.replaceSubrange(0..<8, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    for (index, name) in (["Root Entry"] + names).enumerated() {
      let offset = 512 + index * 128
      let units = Array(name.utf16)
      for (i, unit) in units.enumerated() {
        bytes[offset + 2 * i] = UInt8(unit & 0xFF)
        bytes[offset + 2 * i + 1] = UInt8(unit >> 8)
      }
      bytes[offset + 64] = UInt8((units.count + 1) * 2)
      bytes[offset + 66] = index == 0 ? 5 : 2
    }
    return Data(bytes)
  }

  /// An old binary Excel workbook's container.
  public static var oldExcel: Data { compoundFile(["Workbook", "\u{5}SummaryInformation"]) }
  /// A password-protected workbook's container.
  public static var encrypted: Data {
    compoundFile(["EncryptionInfo", "EncryptedPackage", "\u{6}DataSpaces"])
  }
}

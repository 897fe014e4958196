import Foundation

/// The text encoding a CSV file turned out to use.
public enum TextEncodingUsed: String, Sendable, Hashable, CaseIterable, Labelled {
  case utf8, utf8BOM, cp949, utf16

  public var english: String {
    switch self {
    case .utf8: "UTF-8"
    case .utf8BOM: "UTF-8 with BOM"
    case .cp949: "CP949 (EUC-KR)"
    case .utf16: "UTF-16 (Excel's Unicode text)"
    }
  }
  public var korean: String {
    switch self {
    case .utf8: "UTF-8"
    case .utf8BOM: "UTF-8 (BOM 포함)"
    case .cp949: "CP949 (EUC-KR, 한글 엑셀)"
    case .utf16: "UTF-16 (엑셀 유니코드 텍스트)"
    }
  }
}

/// A problem with a CSV file as a whole.
public struct CSVError: Error, Hashable, Sendable {
  public enum Problem: Hashable, Sendable {
    /// Neither UTF-8 nor CP949.
    case undecodable
    /// UTF-16 without the byte-order mark that says which way round its bytes are.
    case utf16WithoutBOM
    /// A quoted field that never ends; `line` is where it starts.
    case unclosedQuote
    /// Something other than a delimiter or line end after a closing quote.
    case textAfterQuote
    /// The file has no header row.
    case empty
    /// A header row and no member under it.
    case noRows
    /// No column could be read as the name; the headers found are listed.
    case missingColumn(field: String, found: [String])
  }

  public var problem: Problem
  public var line: Int?

  public init(_ problem: Problem, line: Int? = nil) {
    self.problem = problem
    self.line = line
  }

  public func message(_ language: Language) -> String {
    let place = line.map { language.pick("line \($0): ", "\($0)행: ") } ?? ""
    let reason: String
    switch problem {
    case .undecodable:
      reason = language.pick(
        "the file is neither UTF-8 nor CP949 (EUC-KR) text",
        "파일이 UTF-8이나 CP949(EUC-KR) 텍스트가 아닙니다")
    case .unclosedQuote:
      reason = language.pick(
        "a quoted field starts here and is never closed",
        "여기서 시작한 따옴표(\") 필드가 닫히지 않았습니다")
    case .textAfterQuote:
      reason = language.pick(
        "unexpected text after a closing quote (write a quote inside a field as \"\")",
        "닫는 따옴표 뒤에 글자가 있습니다 (필드 안의 따옴표는 \"\"로 씁니다)")
    case .utf16WithoutBOM:
      reason = language.pick(
        "the file looks like UTF-16 text without a byte-order mark; save it from Excel as \"CSV UTF-8\" and import that",
        "파일이 BOM 없는 UTF-16 텍스트로 보입니다. 엑셀에서 \"CSV UTF-8\"로 저장한 파일을 가져오세요")
    case .empty:
      reason = language.pick("the file has no header row", "파일에 머리글 행이 없습니다")
    case .noRows:
      reason = language.pick(
        "the file has a header row but no members under it; nothing was imported",
        "파일에 머리글 행만 있고 회원이 없습니다. 아무것도 가져오지 않았습니다")
    case .missingColumn(let field, let found):
      let label = FieldError.label(for: field, language)
      let shown = found.isEmpty ? "-" : found.joined(separator: ", ")
      reason = language.pick(
        "no \(label) column (headers found: \(shown))",
        "\(label) 열이 없습니다 (찾은 머리글: \(shown))")
    }
    return place + reason
  }
}

/// One record of a CSV file and the physical line (1-based) it starts on.
public struct CSVRecord: Hashable, Sendable {
  public var line: Int
  public var fields: [String]

  public init(line: Int, fields: [String]) {
    self.line = line
    self.fields = fields
  }
}

/// RFC 4180 reading, with the encodings Korean spreadsheets produce.
public enum CSVReader {
  /// CoreFoundation's `kCFStringEncodingDOSKorean` (CP949) as a Foundation encoding; the named
  /// constant is not exported on Linux.
  public static let cp949 = String.Encoding(rawValue: 0x8000_0422)

  /// UTF-16 with a byte-order mark (Excel's "Unicode text"), UTF-8 (a byte-order mark is
  /// removed and noted), then CP949.
  public static func decode(_ data: Data) throws(CSVError) -> (
    text: String, encoding: TextEncodingUsed
  ) {
    for (mark, encoding) in [
      ([UInt8(0xFF), 0xFE], String.Encoding.utf16LittleEndian), ([0xFE, 0xFF], .utf16BigEndian),
    ] where data.starts(with: mark) {
      // Foundation replaces a broken pair with U+FFFD instead of failing; such a file is refused.
      guard data.count % 2 == 0, let text = String(data: data.dropFirst(2), encoding: encoding),
        !text.unicodeScalars.contains("\u{FFFD}")
      else { throw CSVError(.undecodable) }
      return (text, .utf16)
    }
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    if data.starts(with: bom) {
      guard let text = String(validating: data.dropFirst(3), as: UTF8.self) else {
        throw CSVError(.undecodable)
      }
      return (text, .utf8BOM)
    }
    if let text = String(validating: data, as: UTF8.self) { return (text, .utf8) }
    // Foundation's (Apple's) CP949 table maps the single bytes 0x80 and 0xFF to U+0080 and
    // U+F8F7 instead of failing; spreadsheet text never holds those, so such a file is rejected.
    if let text = String(data: data, encoding: cp949),
      !text.unicodeScalars.contains(where: {
        (0x80...0x9F).contains($0.value) || (0xE000...0xF8FF).contains($0.value)
      })
    {
      return (text, .cp949)
    }
    // Text in UTF-16 has a zero byte beside every ASCII character.
    let head = data.prefix(200)
    if head.count >= 4, head.filter({ $0 == 0 }).count * 4 >= head.count {
      throw CSVError(.utf16WithoutBOM)
    }
    throw CSVError(.undecodable)
  }

  /// Splits text into records: quoted fields may hold delimiters, doubled quotes and line
  /// breaks; lines end in CRLF, LF or CR; blank lines are skipped. A quote inside an unquoted
  /// field is kept as it is. The delimiter is ASCII; the text is read as UTF-8 bytes, since
  /// every byte of a letter beyond ASCII is above 0x7F and none of them is a quote, a delimiter
  /// or a line break.
  public static func parse(_ text: String, delimiter: Unicode.Scalar = ",") throws(CSVError)
    -> [CSVRecord]
  {
    precondition(delimiter.isASCII, "a CSV delimiter is an ASCII character")
    let delimiter = UInt8(delimiter.value)
    let quote = UInt8(ascii: "\"")
    let lf = UInt8(ascii: "\n")
    let cr = UInt8(ascii: "\r")
    enum State { case fieldStart, unquoted, quoted, afterQuote }
    var records: [CSVRecord] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var state = State.fieldStart
    var line = 1
    var recordLine = 1
    var quoteLine = 1
    var recordHasContent = false
    var previousWasCR = false

    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
    }
    func endRecord() {
      endField()
      if recordHasContent || fields.count > 1 {
        records.append(CSVRecord(line: recordLine, fields: fields))
      }
      fields = []
      recordHasContent = false
      state = .fieldStart
    }

    for byte in text.utf8 {
      let isBreak = byte == lf || byte == cr
      // Count physical lines; CR LF is one line break.
      defer {
        if byte == lf && previousWasCR {
          // already counted at the CR
        } else if isBreak {
          line += 1
        }
        previousWasCR = byte == cr
      }
      if byte == lf && previousWasCR && state == .fieldStart && fields.isEmpty
        && field.isEmpty && !recordHasContent
      {
        // The LF of a CRLF that ended the previous record.
        recordLine = line
        continue
      }
      switch state {
      case .fieldStart, .unquoted:
        if state == .fieldStart && fields.isEmpty && field.isEmpty && !recordHasContent {
          recordLine = line
        }
        if byte == quote && state == .fieldStart {
          state = .quoted
          quoteLine = line
          recordHasContent = true
        } else if byte == delimiter {
          endField()
          state = .fieldStart
        } else if isBreak {
          endRecord()
        } else {
          field.append(byte)
          recordHasContent = true
          state = .unquoted
        }
      case .quoted:
        if byte == quote {
          state = .afterQuote
        } else {
          field.append(byte)
        }
      case .afterQuote:
        if byte == quote {
          field.append(byte)
          state = .quoted
        } else if byte == delimiter {
          endField()
          state = .fieldStart
        } else if isBreak {
          endRecord()
        } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
          continue
        } else {
          throw CSVError(.textAfterQuote, line: line)
        }
      }
    }
    if state == .quoted { throw CSVError(.unclosedQuote, line: quoteLine) }
    if recordHasContent || !fields.isEmpty || !field.isEmpty { endRecord() }
    return records
  }
}

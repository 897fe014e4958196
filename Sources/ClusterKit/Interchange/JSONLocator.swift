import Foundation

/// Finds where a JSON text goes wrong, for what Foundation's decoder cannot say: for a syntax
/// error, or a number that does not fit a whole number, it reports only "The given data was not
/// valid JSON" with no place. Run only after the decoder failed, it scans the bytes once (without
/// recursion, so deep nesting cannot exhaust the stack) and names the line and the path.
enum JSONLocator {
  struct Problem: Equatable {
    /// `members[12].salesKRW`; nil when the problem is in the syntax itself.
    var path: String?
    var line: Int
    var column: Int
    var english: String
    var korean: String

    var fieldError: FieldError {
      FieldError(
        field: path ?? "JSON", problem: .other(english: english, korean: korean), line: line)
    }
  }

  private enum Container {
    case object(key: String?)
    case array(index: Int)
  }

  /// The first problem, or nil when the text is valid JSON whose numbers are all whole numbers
  /// that fit in 64 bits (every number of the workspace format is one).
  static func firstProblem(in data: Data) -> Problem? {
    let bytes = [UInt8](data)
    var scanner = Scanner(bytes: bytes)
    return scanner.run()
  }

  private struct Scanner {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lineStart = 0
    var stack: [Container] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    var column: Int {
      // Characters, not bytes: count the UTF-8 sequences that start since the line began.
      bytes[lineStart..<min(index, bytes.count)].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    var path: String {
      var text = ""
      for container in stack {
        switch container {
        case .object(let key?): text += text.isEmpty ? key : ".\(key)"
        case .object(nil): break
        case .array(let index): text += "[\(index)]"
        }
      }
      return text
    }

    func problem(_ english: String, _ korean: String, inPath: Bool = false) -> Problem {
      Problem(
        path: inPath && !path.isEmpty ? path : nil, line: line, column: column, english: english,
        korean: korean)
    }

    /// What a syntax error expected, in both languages.
    static let korean: [String: String] = [
      "a value": "값", "the end of the file": "파일 끝", "',' or ']'": "',' 또는 ']'",
      "',' or '}'": "',' 또는 '}'", "a key in quotes or '}'": "따옴표로 묶은 키 또는 '}'",
      "a key in quotes": "따옴표로 묶은 키", "':'": "':'", "'\"' to end the text": "텍스트를 닫는 '\"'",
      "a digit": "숫자",
    ]

    func syntax(_ expected: String) -> Problem {
      var found = "the end of the file"
      var foundKorean = "파일 끝"
      if index < bytes.count {
        let scalar =
          String(decoding: bytes[index..<min(index + 4, bytes.count)], as: UTF8.self)
          .unicodeScalars.first.map { $0.properties.isWhitespace ? " " : String($0) } ?? "?"
        found = "'\(scalar)'"
        foundKorean = found
      }
      return problem(
        "is not well formed at column \(column): expected \(expected), found \(found)",
        "\(column)번째 글자에서 형식이 맞지 않습니다: \(Scanner.korean[expected] ?? expected, .subject) 와야 할 자리에 \(foundKorean, .subject) 있습니다"
      )
    }

    mutating func skipWhitespace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x09, 0x0D: index += 1
        case 0x0A:
          index += 1
          line += 1
          lineStart = index
        default: return
        }
      }
    }

    /// What comes after a piece: another value, or the end of the document.
    enum Next {
      case value
      case done
      case problem(Problem)
    }

    mutating func run() -> Problem? {
      if let problem = checkUTF8() { return problem }
      while true {
        // A value is expected here.
        skipWhitespace()
        guard index < bytes.count else { return syntax("a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
          index += 1
          stack.append(.object(key: nil))
          switch nextMember(first: true) {
          case .value: continue
          case .problem(let problem): return problem
          case .done: break
          }
        case UInt8(ascii: "["):
          index += 1
          stack.append(.array(index: 0))
          skipWhitespace()
          guard index < bytes.count, bytes[index] == UInt8(ascii: "]") else { continue }
          index += 1
          stack.removeLast()
        case UInt8(ascii: "\""):
          if let problem = string() { return problem }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
          if let problem = number() { return problem }
        default:
          guard
            let word = ["true", "false", "null"].first(where: { word in
              bytes[index...].starts(with: word.utf8)
            })
          else { return syntax("a value") }
          index += word.utf8.count
        }
        switch afterValue() {
        case .value: continue
        case .problem(let problem): return problem
        case .done:
          skipWhitespace()
          return index < bytes.count ? syntax("the end of the file") : nil
        }
      }
    }

    /// The first byte that is not UTF-8, by its line.
    mutating func checkUTF8() -> Problem? {
      var decoder = UTF8()
      var iterator = bytes.makeIterator()
      var offset = 0
      while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
          offset += UTF8.width(scalar)
          if scalar == "\n" {
            line += 1
            lineStart = offset
          }
        case .emptyInput:
          line = 1
          lineStart = 0
          return nil
        case .error:
          index = offset
          return problem("is not UTF-8 text", "파일이 UTF-8 텍스트가 아닙니다")
        }
      }
    }

    /// After a value: closes the containers it ends, until a comma asks for another value.
    mutating func afterValue() -> Next {
      while let top = stack.last {
        skipWhitespace()
        guard index < bytes.count else { return .problem(syntax(closing(top))) }
        let byte = bytes[index]
        index += 1
        switch top {
        case .array(let position):
          if byte == UInt8(ascii: ",") {
            stack[stack.count - 1] = .array(index: position + 1)
            skipWhitespace()
            // A trailing comma, which Foundation's reader accepts too.
            guard index < bytes.count, bytes[index] == UInt8(ascii: "]") else { return .value }
            index += 1
          } else if byte != UInt8(ascii: "]") {
            index -= 1
            return .problem(syntax("',' or ']'"))
          }
          stack.removeLast()
        case .object:
          if byte == UInt8(ascii: ",") {
            switch nextMember(first: false) {
            case .done: continue
            case let next: return next
            }
          } else if byte != UInt8(ascii: "}") {
            index -= 1
            return .problem(syntax("',' or '}'"))
          }
          stack.removeLast()
        }
      }
      return .done
    }

    func closing(_ container: Container) -> String {
      if case .array = container { return "',' or ']'" }
      return "',' or '}'"
    }

    /// Inside an object: a key and its colon (then `.value`), or the object's end (then `.done`,
    /// with the object closed).
    mutating func nextMember(first: Bool) -> Next {
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        stack.removeLast()
        return .done
      }
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        return .problem(syntax(first ? "a key in quotes or '}'" : "a key in quotes"))
      }
      let start = index + 1
      if let problem = string() { return .problem(problem) }
      stack[stack.count - 1] = .object(
        key: String(decoding: bytes[start..<index - 1], as: UTF8.self))
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        return .problem(syntax("':'"))
      }
      index += 1
      return .value
    }

    mutating func string() -> Problem? {
      index += 1
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          index += 1
          return nil
        }
        if byte < 0x20 {
          return problem(
            "has a line break or control character inside text (write it as \\n or \\u00XX)",
            "텍스트 안에 줄바꿈이나 제어 문자가 있습니다 (\\n 또는 \\u00XX로 쓰세요)")
        }
        if byte == UInt8(ascii: "\\") {
          index += 1
          guard index < bytes.count else { break }
          switch bytes[index] {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 1
          case UInt8(ascii: "u"):
            let hex = bytes[(index + 1)..<min(index + 5, bytes.count)]
            guard hex.count == 4,
              hex.allSatisfy({
                ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x66 || (0x30...0x39).contains($0)
              })
            else {
              return problem(
                "has a \\u escape without four hex digits", "\\u 뒤에는 16진수 네 자리가 와야 합니다")
            }
            index += 5
          default:
            return problem("has an unknown escape after \\", "\\ 뒤의 이스케이프가 올바르지 않습니다")
          }
          continue
        }
        index += 1
      }
      return syntax("'\"' to end the text")
    }

    /// A number; every number of the workspace format is a whole number that fits 64 bits.
    mutating func number() -> Problem? {
      let start = index
      if bytes[index] == UInt8(ascii: "-") { index += 1 }
      let digitsStart = index
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
      guard index > digitsStart else { return syntax("a digit") }
      // JSON writes no leading zeros (`05`), which Foundation's reader refuses.
      if bytes[digitsStart] == UInt8(ascii: "0"), index - digitsStart > 1 {
        index = start
        return problem(
          "has a number with a leading 0 at column \(column) (write 5, not 05)",
          "\(column)번째 글자의 수가 0으로 시작합니다 (05가 아니라 5로 쓰세요)", inPath: true)
      }
      var whole = true
      if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
        whole = false
        index += 1
        let fraction = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        guard index > fraction else { return syntax("a digit") }
      }
      if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
        whole = false
        index += 1
        if index < bytes.count,
          bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
        {
          index += 1
        }
        let exponent = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        guard index > exponent else { return syntax("a digit") }
      }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      let fits: Bool
      if whole {
        fits = Int64(text) != nil
      } else if let value = Double(text), value.isFinite, value == value.rounded(),
        abs(value) < 9.2e18
      {
        fits = true
      } else {
        fits = false
      }
      guard fits else {
        index = start
        return problem(
          "must be a whole number between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807 (got \(text))",
          "-9,223,372,036,854,775,808부터 9,223,372,036,854,775,807 사이의 정수여야 합니다 (입력값 \(text))",
          inPath: true)
      }
      return nil
    }
  }
}

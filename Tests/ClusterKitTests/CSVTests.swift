import Foundation
import Testing

@testable import ClusterKit

@Suite struct CSVReaderTests {
  @Test func plainUTF8() throws {
    let (text, encoding) = try CSVReader.decode(Data("회사명\n유신테크\n".utf8))
    #expect(encoding == .utf8)
    #expect(text == "회사명\n유신테크\n")
  }

  @Test func utf8WithBOM() throws {
    let data = Data([0xEF, 0xBB, 0xBF] + Array("회사명,대표자\r\n유신테크,김철수\r\n".utf8))
    let (text, encoding) = try CSVReader.decode(data)
    #expect(encoding == .utf8BOM)
    #expect(text.hasPrefix("회사명"))
    #expect(encoding.label(.en) == "UTF-8 with BOM")
  }

  @Test func handWrittenCP949Bytes() throws {
    // 회사명,대표자 \r\n 대성정밀,김철수 \r\n 똠 (똠 is only in CP949, not in EUC-KR)
    let hex =
      "c8b8bbe7b8ed2cb4ebc7a5c0da0d0a" + "b4ebbcbac1a4b9d02cb1e8c3b6bcf60d0a" + "8c630d0a"
    let bytes = stride(from: 0, to: hex.count, by: 2).map { offset -> UInt8 in
      let start = hex.index(hex.startIndex, offsetBy: offset)
      return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
    }
    let (text, encoding) = try CSVReader.decode(Data(bytes))
    #expect(encoding == .cp949)
    #expect(text == "회사명,대표자\r\n대성정밀,김철수\r\n똠\r\n")
  }

  @Test func foundationEncodesCP949TheSameWay() throws {
    let data = try #require("회사명".data(using: CSVReader.cp949))
    #expect(Array(data) == [0xC8, 0xB8, 0xBB, 0xE7, 0xB8, 0xED])
  }

  @Test(arguments: [[0xFF, 0xFF, 0x41, 0xFF], [0x41, 0x80], [0xC8, 0x20], [0xB4, 0xEB, 0xC8]])
  func undecodable(_ bytes: [UInt8]) {
    #expect(throws: CSVError(.undecodable)) { try CSVReader.decode(Data(bytes)) }
  }

  @Test func lineEndings() throws {
    for ending in ["\r\n", "\n", "\r"] {
      let text = ["a,b", "1,2", "3,4"].joined(separator: ending) + ending
      let records = try CSVReader.parse(text)
      #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
      #expect(records.map(\.line) == [1, 2, 3])
    }
  }

  @Test func quotedFields() throws {
    let text =
      "name,note\r\n\"Yusin, Inc.\",\"said \"\"hi\"\"\"\r\n\"two\r\nlines\",x\r\n\r\nlast,\"\"\r\n"
    let records = try CSVReader.parse(text)
    #expect(
      records.map(\.fields) == [
        ["name", "note"], ["Yusin, Inc.", "said \"hi\""], ["two\r\nlines", "x"], ["last", ""],
      ])
    // The record after a two-line field starts on line 5; the blank line 5 is skipped.
    #expect(records.map(\.line) == [1, 2, 3, 6])
  }

  @Test func koreanFieldsWithEveryDelimiter() throws {
    for delimiter in [",", "\t", ";"] {
      let text =
        ["회사명", "비고"].joined(separator: delimiter) + "\r\n"
        + ["(주)유신테크", "\"큰 \"\"금형\"\"\(delimiter)\n둘째 줄\" "].joined(separator: delimiter) + "\r\n"
        + ["㈜ 한빛 😀", "é"].joined(separator: delimiter)
      let records = try CSVReader.parse(text, delimiter: Unicode.Scalar(delimiter)!)
      #expect(
        records.map(\.fields) == [
          ["회사명", "비고"], ["(주)유신테크", "큰 \"금형\"\(delimiter)\n둘째 줄"], ["㈜ 한빛 😀", "é"],
        ])
      #expect(records.map(\.line) == [1, 2, 4])
    }
  }

  @Test func missingTrailingLineBreakAndEmptyFields() throws {
    let records = try CSVReader.parse("a,,c\n,,\nx")
    #expect(records.map(\.fields) == [["a", "", "c"], ["", "", ""], ["x"]])
  }

  @Test func unclosedQuoteNamesItsLine() {
    #expect(throws: CSVError(.unclosedQuote, line: 3)) {
      try CSVReader.parse("a,b\n1,2\n3,\"four\n5,6\n")
    }
  }

  @Test func textAfterClosingQuote() {
    #expect(throws: CSVError(.textAfterQuote, line: 2)) {
      try CSVReader.parse("a,b\n\"x\"y,2\n")
    }
    #expect(CSVError(.textAfterQuote, line: 2).message(.ko).hasPrefix("2행: "))
  }

  @Test func writerQuotesWhatNeedsIt() {
    let data = CSVWriter.encode(
      header: ["a", "b"], rows: [["x,y", "say \"hi\""], ["two\nlines", " pad"], ["plain", ""]],
      bom: false)
    let text = String(decoding: data, as: UTF8.self)
    #expect(
      text == "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\" pad\"\r\nplain,\r\n")
    let withBOM = CSVWriter.encode(header: ["a"], rows: [], bom: true)
    #expect(Array(withBOM) == [0xEF, 0xBB, 0xBF, 0x61, 0x0D, 0x0A])
  }

  @Test func writerOutputParsesBack() throws {
    let rows = [["(주)유신테크", "a \"b\", c", "x\r\ny"], ["", " 앞뒤 공백 ", "끝"]]
    let data = CSVWriter.encode(header: ["h1", "h2", "h3"], rows: rows, bom: true)
    let (text, _) = try CSVReader.decode(data)
    #expect(try CSVReader.parse(text).map(\.fields) == [["h1", "h2", "h3"]] + rows)
  }
}

@Suite struct CSVWriterFieldTests {
  /// The rule as it reads, on characters: what the writer over bytes must give.
  func expected(_ fields: [String]) -> String {
    fields.map { field in
      let cell = FormulaGuard.neutralised(field)
      let needsQuotes =
        cell.unicodeScalars.contains {
          $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\t"
        }
        || cell.first?.isWhitespace == true || cell.last?.isWhitespace == true
      return needsQuotes ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }.joined(separator: ",") + "\r\n"
  }

  @Test func quotesGuardsAndDoublesAsTheRuleSays() {
    let fields = [
      "", "plain", "유신테크", "a,b", "say \"hi\"", "줄\n바꿈", "탭\t", " 앞", "뒤 ", "\u{3000}전각",
      "전각\u{3000}", "끝\u{0085}", "=SUM(A1)", "'=x", "''+1", "-3", "@home", "'abc", "'", "'''",
      "e\u{301}", "a \u{301}", "\u{1100}\u{1161}", "x\r\n", "\r\n", "가 ", "🏭", " ", "\u{A0}nbsp",
    ]
    for field in fields {
      #expect(CSVWriter.record([field]) == expected([field]), "\(field.debugDescription)")
    }
    #expect(CSVWriter.record(fields) == expected(fields))
    #expect(CSVWriter.record([]) == "\r\n")
  }
}

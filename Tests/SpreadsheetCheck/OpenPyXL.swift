import Foundation

/// A workbook as openpyxl, an independent reader, sees it: for tests to check what the
/// workbook writer wrote, cell by cell.
public struct OpenPyXLBook: Decodable, Sendable {
  public struct Cell: Decodable, Sendable, Equatable {
    /// openpyxl's data type: `s` text, `n` number, `d` date, `b` bool, `e` error, `f` formula.
    public var type: String
    /// Text, a number, true/false, or a date as `YYYY-MM-DD` (with `THH:MM:SS` when it has a time).
    public var value: Value
    public var format: String
    public var bold: Bool
    public var quotePrefix: Bool

    public init(type: String, value: Value, format: String, bold: Bool, quotePrefix: Bool) {
      self.type = type
      self.value = value
      self.format = format
      self.bold = bold
      self.quotePrefix = quotePrefix
    }
  }

  public enum Value: Decodable, Sendable, Equatable {
    case text(String)
    case number(Double)
    case bool(Bool)
    case none

    public init(from decoder: Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        self = .none
      } else if let flag = try? container.decode(Bool.self) {
        self = .bool(flag)
      } else if let number = try? container.decode(Double.self) {
        self = .number(number)
      } else {
        self = .text(try container.decode(String.self))
      }
    }
  }

  public struct Sheet: Decodable, Sendable {
    public var title: String
    /// The top-left cell below and right of the frozen panes (`A2` for a frozen header row).
    public var freeze: String?
    public var filter: String?
    public var widths: [String: Double]
    public var maxRow: Int
    public var maxColumn: Int
    public var cells: [String: Cell]

    public subscript(reference: String) -> Cell? { cells[reference] }
  }

  public var sheets: [Sheet]
}

/// Runs openpyxl (python3) on workbooks written by tests.
public enum OpenPyXL {
  /// Whether python3 can import openpyxl here; tests that need it are skipped otherwise.
  public static let isAvailable: Bool = {
    (try? run(["-c", "import openpyxl"]).status) == 0
  }()

  public static let missing = "python3 with openpyxl is not installed (pip install openpyxl)"

  /// Loads the workbook with openpyxl and returns every sheet and cell as it reads them;
  /// throws with openpyxl's own message when it cannot load the file.
  public static func load(_ path: String) throws -> OpenPyXLBook {
    let result = try run(["-c", script, path])
    guard result.status == 0 else {
      throw Failure(message: "openpyxl could not read \(path): \(result.stderr)")
    }
    return try JSONDecoder().decode(OpenPyXLBook.self, from: Data(result.stdout.utf8))
  }

  public struct Failure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  private static let script = """
    import json, sys, datetime, warnings
    warnings.simplefilter("error")
    import openpyxl
    book = openpyxl.load_workbook(sys.argv[1])
    out = {"sheets": []}
    for ws in book.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.font.b:
                    continue
                v = c.value
                if isinstance(v, datetime.datetime):
                    v = v.isoformat() if (v.hour, v.minute, v.second) != (0, 0, 0) else v.date().isoformat()
                elif isinstance(v, datetime.date):
                    v = v.isoformat()
                cells[c.coordinate] = {"type": c.data_type, "value": v, "format": c.number_format,
                                       "bold": bool(c.font.b), "quotePrefix": bool(c.quotePrefix)}
        widths = {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth}
        out["sheets"].append({"title": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                              "widths": widths, "maxRow": ws.max_row, "maxColumn": ws.max_column,
                              "cells": cells})
    print(json.dumps(out, ensure_ascii=False))
    """

  private static func run(_ arguments: [String]) throws -> (
    status: Int32, stdout: String, stderr: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let folder = FileManager.default.temporaryDirectory
    let out = folder.appendingPathComponent("openpyxl-\(UUID().uuidString).out")
    let err = folder.appendingPathComponent("openpyxl-\(UUID().uuidString).err")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: err)
    }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self),
      String(decoding: try Data(contentsOf: err), as: UTF8.self)
    )
  }
}

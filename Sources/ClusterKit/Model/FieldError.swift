/// What is wrong with one field of one record. `line` is set for rows of an imported file, and
/// `cell` (`C12`) for cells of an imported workbook.
public struct FieldError: Error, Hashable, Sendable {
  public enum Problem: Hashable, Sendable {
    case required
    case invalidFormat(expected: String)
    case checkDigit
    case negative
    case notAnInteger
    case outOfRange(String)
    case unknownValue(allowed: [String])
    case duplicate(of: String)
    case notFound
    case other(english: String, korean: String)
  }

  public var field: String
  public var problem: Problem
  public var value: String?
  public var line: Int?
  /// The column header as written in an imported file; shown instead of the field's label.
  public var column: String?
  /// The cell of an imported workbook (`C12`); named instead of the line.
  public var cell: String?

  public init(
    field: String, problem: Problem, value: String? = nil, line: Int? = nil, column: String? = nil,
    cell: String? = nil
  ) {
    self.field = field
    self.problem = problem
    self.value = value
    self.line = line
    self.column = column
    self.cell = cell
  }

  public func message(_ language: Language) -> String {
    let shown = value.map { language.pick(" (got \"\($0)\")", " (입력값 \"\($0)\")") } ?? ""
    let reason: String
    switch problem {
    case .required:
      reason = language.pick("is required", "값이 필요합니다")
    case .invalidFormat(let expected):
      reason = language.pick("must look like \(expected)", "형식이 맞지 않습니다 (예: \(expected))")
    case .checkDigit:
      reason = language.pick(
        "has a wrong check digit", "검증번호(마지막 자리)가 맞지 않습니다")
    case .negative:
      reason = language.pick("must not be negative", "0 이상이어야 합니다")
    case .notAnInteger:
      reason = language.pick("must be a whole number", "정수여야 합니다")
    case .outOfRange(let range):
      reason = language.pick("must be within \(range)", "\(range) 범위여야 합니다")
    case .unknownValue(let allowed):
      reason = language.pick(
        "must be one of \(allowed.joined(separator: ", "))",
        "다음 중 하나여야 합니다: \(allowed.joined(separator: ", "))")
    case .duplicate(let other):
      reason = language.pick("duplicates \(other)", "\(other, .and) 중복됩니다")
    case .notFound:
      reason = language.pick("was not found", "찾을 수 없습니다")
    case .other(let english, let korean):
      reason = language.pick(english, korean)
    }
    let place =
      cell.map { "\($0), " } ?? line.map { language.pick("line \($0), ", "\($0)행, ") } ?? ""
    let name = column ?? FieldError.label(for: field, language)
    return "\(place)\(name): \(reason)\(shown)"
  }

  /// The name a user reads for a field key (`businessNumber` → `사업자등록번호`); unknown keys are
  /// returned unchanged.
  public static func label(for field: String, _ language: Language) -> String {
    Term.named(field)?.label(language) ?? field
  }
}

/// One or more field errors found while checking a record or a file; nothing was written.
public struct ValidationError: Error, Sendable {
  public var errors: [FieldError]
  public init(_ errors: [FieldError]) { self.errors = errors }
  public func message(_ language: Language) -> String {
    errors.map { $0.message(language) }.joined(separator: "\n")
  }
}

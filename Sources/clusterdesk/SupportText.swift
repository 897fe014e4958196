import ArgumentParser
import ClusterKit
import Foundation
import TerminalKit

/// Reading what users type for programs and requests.
enum SupportInput {
  /// `12` or `#12`.
  static func requestNumber(_ text: String) throws -> Int64 {
    guard let id = Int64(text.trimmingCharacters(in: .init(charactersIn: "# "))), id > 0 else {
      throw FieldError(field: "request", problem: .invalidFormat(expected: "12"), value: text)
    }
    return id
  }

  /// `2027`, within 2000–2100.
  static func year(_ text: String, field: String = "year") throws -> Int {
    guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
      throw FieldError(field: field, problem: .invalidFormat(expected: "2027"), value: text)
    }
    if let error = Limits.check(value, Limits.programYear, field) { throw error }
    return value
  }

  /// A value the command needs, or an error naming its field (so a missing option reads in the
  /// user's language).
  static func required<T>(_ value: T?, _ field: String) throws -> T {
    guard let value else { throw FieldError(field: field, problem: .required) }
    return value
  }

  /// `none` (or `없음`, or nothing) clears an optional value.
  static func isNone(_ text: String) -> Bool {
    ["none", "없음", "-", ""].contains(text.trimmingCharacters(in: .whitespaces).lowercased())
  }

  /// `VISIT:N`: the visit's number and the difficulty's number in it, from 1.
  static func difficulty(_ text: String) throws -> DifficultyReference {
    let parts = text.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == 2,
      let visit = Int64(parts[0].trimmingCharacters(in: .init(charactersIn: "#"))),
      let number = Int(parts[1]), visit > 0, number > 0
    else {
      throw FieldError(field: "difficulty", problem: .invalidFormat(expected: "12:1"), value: text)
    }
    return DifficultyReference(visitId: visit, number: number)
  }

  static func amount(_ text: String, field: String) throws -> KRW {
    try Money.parse(text, field: field)
  }

  /// An amount, or nil for "none" (clearing the setting).
  static func amountOrNone(_ text: String, field: String) throws -> KRW? {
    isNone(text) ? nil : try amount(text, field: field)
  }
}

/// The field errors of several settings, collected so a command reports them all at once.
struct FieldProblems {
  private(set) var errors: [FieldError] = []

  /// Runs one setting; a field error is kept, any other error goes on.
  mutating func attempt(_ body: () throws -> Void) throws {
    do { try body() } catch let error as FieldError { errors.append(error) }
  }

  func check() throws {
    if !errors.isEmpty { throw ValidationError(errors) }
  }
}

/// Runs a step on one record, putting the record's name in front of the field errors it gets
/// (`Request #12: spent: …`).
func about<T>(_ english: String, _ korean: String, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as ClusterKit.ValidationError {
    throw CommandError(
      english + ": " + error.errors.map { $0.message(.en) }.joined(separator: "; "),
      korean + ": " + error.errors.map { $0.message(.ko) }.joined(separator: "; "))
  } catch let error as FieldError {
    throw CommandError(english + ": " + error.message(.en), korean + ": " + error.message(.ko))
  }
}

import Foundation

/// The range of every number a workspace holds, in one place. Each is checked where the value
/// enters — a command's argument, a form, an imported file — so arithmetic on stored values
/// cannot overflow: with every amount of support at most 1조원, SQLite's sums would need more
/// than nine million requests in one program to pass `Int64`.
public enum Limits {
  /// Weeks between visits (the office's contact rhythm).
  public static let visitWeeks = 1...104
  /// "Not visited for N weeks": up to a century.
  public static let dueWeeks = 1...5_200
  /// Years of support programs.
  public static let programYear = 2000...2100
  /// Years a date can have (`Day`), and so years a report can cover.
  public static let calendarYear = 1900...9999
  /// A program's budget, a request's requested and approved amounts: up to 1조원.
  public static let supportKRW: ClosedRange<KRW> = 0...1_000_000_000_000
  /// A member's yearly sales: up to 1,000조원.
  public static let salesKRW: ClosedRange<KRW> = 0...Money.maximum
  public static let employees = 0...10_000_000
  /// Companies an expert mentors at once.
  public static let expertCapacity = 1...50
  /// Editions (years) of the directory book.
  public static let edition = 2000...2100

  /// `1–104`, `1900–9999`, `0–10,000,000`.
  static func text(_ range: ClosedRange<Int>) -> String {
    func number(_ value: Int) -> String {
      abs(value) < 10_000 ? String(value) : Money.grouped(KRW(value))
    }
    return number(range.lowerBound) + "–" + number(range.upperBound)
  }

  /// `0–1조원`.
  static func text(_ range: ClosedRange<KRW>) -> String {
    Money.compact(range.lowerBound).dropLast() + "–" + Money.compact(range.upperBound)
  }

  /// An error when the value is outside the range.
  public static func check(_ value: Int, _ range: ClosedRange<Int>, _ field: String) -> FieldError?
  {
    range.contains(value)
      ? nil : FieldError(field: field, problem: .outOfRange(text(range)), value: String(value))
  }

  public static func check(_ value: KRW, _ range: ClosedRange<KRW>, _ field: String) -> FieldError?
  {
    if value < 0 { return FieldError(field: field, problem: .negative, value: String(value)) }
    return range.contains(value)
      ? nil
      : FieldError(field: field, problem: .outOfRange(text(range)), value: Money.grouped(value))
  }

  /// The sum of amounts, or an error saying they add up to more than can be counted.
  public static func sum(_ amounts: [KRW]) throws -> KRW {
    var total: KRW = 0
    for amount in amounts {
      let (sum, overflow) = total.addingReportingOverflow(amount)
      if overflow { throw WorkspaceError.sumTooLarge }
      total = sum
    }
    return total
  }
}

/// A record that checks and normalises itself: text cleaned (NFC, nothing invisible), values
/// within their `Limits`, required fields present, fields that belong together consistent. It is
/// the one validation of its type, shared by the commands, the dashboard's forms and the
/// whole-workspace import; references to other records are checked by the workspace. Where a
/// rules enum holds a type's checks (`MemberRules`, `SupportRules`, `ProgrammeRules`), the
/// conformance is that check. Field keys are the vocabulary's (`Term`), as a command's error
/// names them; an import names the place by its JSON key (`programs[3].budgetKRW`, see
/// `Workspace.jsonKeys`).
public protocol CheckedRecord {
  /// The normalised record and every problem found.
  func checked() -> (Self, [FieldError])
}

extension CheckedRecord {
  /// The normalised record, or every problem at once.
  public func validated() throws(ValidationError) -> Self {
    let (record, errors) = checked()
    guard errors.isEmpty else { throw ValidationError(errors) }
    return record
  }
}

/// Problems of the fields a record checks.
private struct Problems {
  var errors: [FieldError] = []

  mutating func required(_ text: String, _ field: String) {
    if text.isEmpty { errors.append(FieldError(field: field, problem: .required)) }
  }

  mutating func add(_ error: FieldError?) {
    if let error { errors.append(error) }
  }

  /// A phone number or e-mail address, normalised when present.
  mutating func normalize(
    _ value: inout String, _ field: String,
    _ rule: (String, String) throws(FieldError) -> String
  ) {
    value = KoreanText.clean(value)
    guard !value.isEmpty else { return }
    do { value = try rule(value, field) } catch { errors.append(error) }
  }
}

extension Office: CheckedRecord {
  /// The name may be empty (a workspace made by importing members has none until it is set);
  /// `Workspace.updateOffice` asks for one.
  public func checked() -> (Office, [FieldError]) {
    var office = self
    var problems = Problems()
    office.name = KoreanText.clean(name)
    office.region = KoreanText.clean(region)
    problems.add(Limits.check(officerVisitWeeks, Limits.visitWeeks, "officerVisitWeeks"))
    problems.add(Limits.check(memberVisitWeeks, Limits.visitWeeks, "memberVisitWeeks"))
    return (office, problems.errors)
  }
}

extension Cluster: CheckedRecord {
  public func checked() -> (Cluster, [FieldError]) {
    var cluster = self
    var problems = Problems()
    cluster.name = KoreanText.clean(name)
    cluster.complex = KoreanText.clean(complex)
    cluster.manager = KoreanText.clean(manager)
    problems.required(cluster.name, "name")
    return (cluster, problems.errors)
  }
}

extension Division: CheckedRecord {
  public func checked() -> (Division, [FieldError]) {
    var division = self
    var problems = Problems()
    division.name = KoreanText.clean(name)
    problems.required(division.name, "name")
    return (division, problems.errors)
  }
}

extension Member: CheckedRecord {
  public func checked() -> (Member, [FieldError]) { MemberRules.validate(self) }
}

extension Contact: CheckedRecord {
  public func checked() -> (Contact, [FieldError]) {
    var contact = self
    var problems = Problems()
    contact.name = KoreanText.clean(name)
    contact.title = KoreanText.clean(title)
    problems.required(contact.name, "name")
    problems.normalize(&contact.phone, "phone", PhoneNumber.normalize)
    problems.normalize(&contact.email, "email", EmailAddress.normalize)
    return (contact, problems.errors)
  }
}

extension Meeting: CheckedRecord {
  public func checked() -> (Meeting, [FieldError]) {
    var meeting = self
    var problems = Problems()
    meeting.title = KoreanText.clean(title)
    meeting.place = KoreanText.clean(place)
    meeting.agenda = KoreanText.cleanMultiline(agenda)
    meeting.minutes = KoreanText.cleanMultiline(minutes)
    problems.required(meeting.title, "title")
    return (meeting, problems.errors)
  }
}

extension Visit: CheckedRecord {
  /// Difficulties and follow-ups are counted from 0 here, as in the JSON file.
  public func checked() -> (Visit, [FieldError]) { checked(countingFrom: 0) }

  /// `first` is the number the first difficulty and follow-up get in messages: 1 for people
  /// typing them, 0 for positions in a file.
  func checked(countingFrom first: Int) -> (Visit, [FieldError]) {
    var visit = self
    var problems = Problems()
    visit.visitor = KoreanText.clean(visitor)
    visit.notes = KoreanText.cleanMultiline(notes)
    visit.difficulties = difficulties.map {
      Difficulty(category: $0.category, text: KoreanText.clean($0.text))
    }
    for (index, difficulty) in visit.difficulties.enumerated() {
      problems.required(difficulty.text, "difficulties[\(index + first)]")
    }
    for index in visit.followUps.indices {
      visit.followUps[index].action = KoreanText.clean(visit.followUps[index].action)
      visit.followUps[index].owner = KoreanText.clean(visit.followUps[index].owner)
      let followUp = visit.followUps[index]
      problems.required(followUp.action, "followUps[\(index + first)].action")
      if let due = followUp.due, due < visit.date {
        problems.add(
          FieldError(
            field: "followUps[\(index + first)].due",
            problem: .other(english: "is before the visit", korean: "방문일보다 앞섭니다"),
            value: due.description))
      }
    }
    return (visit, problems.errors)
  }
}

extension Program: CheckedRecord {
  public func checked() -> (Program, [FieldError]) { SupportRules.validate(self) }
}

extension SupportRequest: CheckedRecord {
  public func checked() -> (SupportRequest, [FieldError]) { SupportRules.validate(self) }
}

extension Instalment: CheckedRecord {
  public func checked() -> (Instalment, [FieldError]) {
    let amount =
      amountKRW == 0
      ? FieldError(field: "amountKRW", problem: SupportRules.positive, value: "0")
      : Limits.check(amountKRW, Limits.supportKRW, "amountKRW")
    return (self, [amount].compactMap { $0 })
  }
}

extension AuditEntry: CheckedRecord {
  public func checked() -> (AuditEntry, [FieldError]) {
    var entry = self
    var problems = Problems()
    entry.actor = KoreanText.clean(actor)
    entry.field = KoreanText.clean(field)
    entry.before = KoreanText.clean(before)
    entry.after = KoreanText.clean(after)
    problems.required(entry.actor, "actor")
    problems.required(entry.field, "field")
    if !AuditEntry.isTimestamp(at) {
      problems.add(
        FieldError(
          field: "at", problem: .invalidFormat(expected: "2026-11-26T09:30:00Z"), value: at))
    }
    return (entry, problems.errors)
  }

  /// `YYYY-MM-DDTHH:MM:SSZ`, as the log writes it (ISO 8601 in UTC).
  static func isTimestamp(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
      Day(parsing: String(decoding: bytes[0..<10], as: UTF8.self)) != nil
    else { return false }
    func number(_ at: Int) -> Int? {
      let digits = bytes[at..<at + 2].map { Int($0) - 48 }
      guard digits.allSatisfy((0...9).contains) else { return nil }
      return digits[0] * 10 + digits[1]
    }
    guard let hour = number(11), let minute = number(14), let second = number(17) else {
      return false
    }
    return hour < 24 && minute < 60 && second <= 60
  }
}

// The programme records' checks are `ProgrammeRules`; those that compare a day with today are
// given none here (a file records what happened, whenever it was written).

extension Expert: CheckedRecord {
  public func checked() -> (Expert, [FieldError]) { ProgrammeRules.validate(self) }
}

extension Mentoring: CheckedRecord {
  public func checked() -> (Mentoring, [FieldError]) { ProgrammeRules.validate(self, today: nil) }
}

extension SIG: CheckedRecord {
  public func checked() -> (SIG, [FieldError]) { ProgrammeRules.validate(self) }
}

extension SIGTask: CheckedRecord {
  public func checked() -> (SIGTask, [FieldError]) { ProgrammeRules.validate(self, today: nil) }
}

extension DirectoryBookEntry: CheckedRecord {
  public func checked() -> (DirectoryBookEntry, [FieldError]) {
    ProgrammeRules.validate(self, today: nil)
  }
}

extension SIGMembership: CheckedRecord {
  public func checked() -> (SIGMembership, [FieldError]) { (self, []) }
}

extension Attendance: CheckedRecord {
  public func checked() -> (Attendance, [FieldError]) { (self, []) }
}

import Foundation

/// The rules of support programs and requests that need no database: program terms, the
/// co-funding share, and the order and arithmetic of a request's steps. The workspace commands
/// and the JSON import both check through these.
public enum SupportRules {
  /// Whole percent the company's co-funding share may be.
  public static let cofundingPercents = 0...99

  /// The least co-funding for a support of `support` won when the company's share of the total
  /// project cost must be `percent`: company / (support + company) ≥ percent / 100, so
  /// company ≥ support × percent / (100 − percent), rounded up to the won. 20% of a project with
  /// 8,000만원 of support: 8,000만 × 20 / 80 = 2,000만원.
  public static func minimumCofunding(support: KRW, percent: Int) -> KRW {
    guard support > 0, percent > 0 else { return 0 }
    let share = KRW(min(percent, 99))
    let (product, overflow) = support.multipliedReportingOverflow(by: share)
    guard !overflow else { return .max }
    let rest = 100 - share
    return product / rest + (product % rest == 0 ? 0 : 1)
  }

  /// A co-funding share as typed: `20`, `20%`, within `cofundingPercents`.
  public static func percent(_ text: String, field: String) throws(FieldError) -> Int {
    let digits = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
      .trimmingCharacters(in: .whitespaces)
    guard let value = Int(digits) else {
      throw FieldError(field: field, problem: .invalidFormat(expected: "20%"), value: text)
    }
    guard cofundingPercents.contains(value) else {
      throw FieldError(field: field, problem: .outOfRange("0–99%"), value: text)
    }
    return value
  }

  /// A number of requests as typed: a whole number above zero.
  public static func count(_ text: String, field: String) throws(FieldError) -> Int {
    guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
      throw FieldError(field: field, problem: .notAnInteger, value: text)
    }
    guard value > 0 else { throw FieldError(field: field, problem: positive, value: text) }
    return value
  }

  /// `amount × factor` rounded to the nearest 10,000원 (만원), halves up: how a budget is
  /// scaled when a year's programs are copied to the next.
  public static func scaled(_ amount: KRW, by factor: Decimal) -> KRW {
    var exact = Decimal(amount) * factor / 10_000
    var rounded = Decimal()
    NSDecimalRound(&rounded, &exact, 0, .plain)
    return KRW(truncating: NSDecimalNumber(decimal: rounded * 10_000))
  }

  /// A program cleaned (name and note to NFC) with every problem in its terms: the one check of
  /// a program (`CheckedRecord`).
  public static func validate(_ program: Program) -> (Program, [FieldError]) {
    var p = program
    var errors: [FieldError] = []
    p.name = KoreanText.clean(p.name)
    p.note = KoreanText.clean(p.note)
    if p.name.isEmpty { errors.append(FieldError(field: "programName", problem: .required)) }
    errors += [
      Limits.check(p.year, Limits.programYear, "year"),
      Limits.check(p.budgetKRW, Limits.supportKRW, "budget"),
    ].compactMap { $0 }
    if !cofundingPercents.contains(p.cofundingPercent) {
      errors.append(
        FieldError(
          field: "cofundingShare", problem: .outOfRange("0–99%"), value: "\(p.cofundingPercent)"))
    }
    if let cap = p.memberCapKRW {
      if cap <= 0 {
        errors.append(FieldError(field: "memberCap", problem: positive, value: String(cap)))
      } else if let error = Limits.check(cap, Limits.supportKRW, "memberCap") {
        errors.append(error)
      }
    }
    if let count = p.memberCapCount, count <= 0 {
      errors.append(FieldError(field: "memberCapCount", problem: positive, value: String(count)))
    }
    if let opens = p.opens, let closes = p.closes, closes < opens {
      errors.append(
        FieldError(
          field: "closes",
          problem: .other(
            english: "must not be before the window opens (\(opens))",
            korean: "접수 시작일(\(opens))보다 앞설 수 없습니다"), value: closes.description))
    }
    return (p, errors)
  }

  static let positive = FieldError.Problem.other(
    english: "must be more than 0", korean: "0보다 커야 합니다")

  /// A request's own fields cleaned, with every problem: the one check of a request
  /// (`CheckedRecord`). A title; amounts within `Limits` (a file written before amounts had to
  /// be above zero may hold a request for 0원; the commands ask for more); a request that was
  /// approved has an approved amount above 0 and not above what was requested, and a decision
  /// day; a rejected one its reason and day; one still in draft or pending no approved amount.
  /// Its steps (agreement, instalments, settlement) are checked with the program they belong to
  /// (`checkSteps`).
  public static func validate(_ request: SupportRequest) -> (SupportRequest, [FieldError]) {
    var r = request
    var errors: [FieldError] = []
    r.title = KoreanText.clean(r.title)
    r.reviewer = KoreanText.clean(r.reviewer)
    r.reason = KoreanText.clean(r.reason)
    if let agreement = r.agreement {
      r.agreement?.overrideReason = KoreanText.clean(agreement.overrideReason)
    }
    if r.title.isEmpty { errors.append(FieldError(field: "projectTitle", problem: .required)) }
    errors += [
      Limits.check(r.requestedKRW, Limits.supportKRW, "amount"),
      r.cofundingKRW.flatMap { Limits.check($0, Limits.supportKRW, "cofunding") },
    ].compactMap { $0 }
    if let difficulty = r.difficulty, difficulty.number < 1 {
      errors.append(
        FieldError(field: "difficulty", problem: .outOfRange("1…"), value: difficulty.description))
    }
    if let approved = r.approvedKRW {
      if r.status == .draft || r.status == .pending {
        errors.append(
          FieldError(
            field: "approvedAmount",
            problem: .other(
              english: "is set although the request is \(r.status.english)",
              korean: "'\(r.status.korean)' 상태인데 승인액이 있습니다"),
            value: Money.grouped(approved)))
      } else if approved <= 0 {
        errors.append(
          FieldError(field: "approvedAmount", problem: positive, value: Money.grouped(approved)))
      } else if approved > r.requestedKRW {
        let error = WorkspaceError.overRequested(amount: approved, requested: r.requestedKRW)
        errors.append(
          FieldError(
            field: "approvedAmount",
            problem: .other(english: error.message(.en), korean: error.message(.ko)),
            value: Money.grouped(approved)))
      }
    }
    if r.status.countsAsApproved {
      if r.approvedKRW == nil {
        errors.append(FieldError(field: "approvedAmount", problem: .required))
      }
      if r.decided == nil { errors.append(FieldError(field: "decided", problem: .required)) }
    }
    if r.status == .rejected {
      if r.reason.isEmpty { errors.append(FieldError(field: "reason", problem: .required)) }
      if r.decided == nil { errors.append(FieldError(field: "decided", problem: .required)) }
    }
    return (r, errors)
  }

  /// A date on a step that must not come before an earlier step, nor after today.
  static func checkDate(
    _ date: Day, field: String, notBefore earlier: Day?, earlierName: (String, String),
    today: Day?
  ) -> [FieldError] {
    var errors: [FieldError] = []
    if let earlier, date < earlier {
      errors.append(
        FieldError(
          field: field,
          problem: .other(
            english: "must not be before the \(earlierName.0) (\(earlier))",
            korean: "\(earlierName.1)(\(earlier))보다 앞설 수 없습니다"), value: date.description))
    }
    if let today, date > today {
      errors.append(
        FieldError(
          field: field,
          problem: .other(
            english: "must not be after today (\(today))", korean: "오늘(\(today)) 이후일 수 없습니다"),
          value: date.description))
    }
    return errors
  }

  /// The settlement of a support of which `disbursed` was paid out. `returned`, when not given,
  /// is what the others make it; when given it must agree with them.
  public static func settle(
    disbursed: KRW, spent: KRW, disallowed: KRW, returned: KRW?, reportDate: Day
  ) throws(ValidationError) -> Settlement {
    var errors: [FieldError] = []
    if spent < 0 { errors.append(FieldError(field: "spent", problem: .negative)) }
    if disallowed < 0 { errors.append(FieldError(field: "disallowed", problem: .negative)) }
    if let returned, returned < 0 {
      errors.append(FieldError(field: "returned", problem: .negative))
    }
    if !errors.isEmpty { throw ValidationError(errors) }
    if spent > disbursed {
      errors.append(
        FieldError(
          field: "spent",
          problem: .other(
            english:
              "\(Money.format(spent)) is more than the \(Money.format(disbursed)) of support paid out; a settlement counts support money only (pay any instalment still due first)",
            korean:
              "\(Money.format(spent), .subject) 교부된 지원금 \(Money.format(disbursed))보다 많습니다. 정산은 지원금만 따집니다 (남은 교부가 있으면 먼저 기록하세요)"
          )))
    }
    if disallowed > spent {
      errors.append(
        FieldError(
          field: "disallowed",
          problem: .other(
            english: "\(Money.format(disallowed)) is more than the \(Money.format(spent)) spent",
            korean: "\(Money.format(disallowed), .subject) 집행액 \(Money.format(spent))보다 많습니다")))
    }
    if !errors.isEmpty { throw ValidationError(errors) }
    let owed = disbursed - spent + disallowed
    if let returned, returned != owed {
      throw ValidationError([
        FieldError(
          field: "returned",
          problem: .other(
            english:
              "does not add up: \(Money.format(disbursed)) paid − \(Money.format(spent)) spent + \(Money.format(disallowed)) disallowed = \(Money.format(owed)) to return, not \(Money.format(returned))",
            korean:
              "계산이 맞지 않습니다: 교부 \(Money.format(disbursed)) − 집행 \(Money.format(spent)) + 불인정 \(Money.format(disallowed)) = 반환 \(Money.format(owed)) (입력 \(Money.format(returned)))"
          ))
      ])
    }
    return Settlement(
      reportDate: reportDate, spentKRW: spent, disallowedKRW: disallowed, returnedKRW: owed)
  }

  /// Whether a stored request's steps fit its status and each other: the agreement, instalments
  /// and settlement a request in this status has, in date order, within the approved amount, the
  /// settlement adding up, the co-funding meeting the share unless a reason was given. Field keys
  /// are relative to the request (`agreement.cofundingKRW`); `instalmentField` names an
  /// instalment in the caller's terms.
  static func checkSteps(
    _ r: SupportRequest, program: Program?, instalments: [Instalment],
    instalmentField: (Int) -> String
  ) -> [FieldError] {
    var errors: [FieldError] = []
    func wrong(_ field: String, _ english: String, _ korean: String) {
      errors.append(FieldError(field: field, problem: .other(english: english, korean: korean)))
    }
    let hasSteps = r.status == .agreed || r.status == .completed
    if r.status == .agreed && r.agreement == nil {
      wrong("agreement", "is missing on an agreed request", "협약 상태인 신청에 협약 내용이 없습니다")
    }
    if !hasSteps && r.agreement != nil {
      wrong(
        "agreement", "belongs only to an agreed or completed request",
        "협약 또는 완료 상태의 신청에만 둘 수 있습니다")
    }
    if r.status != .completed && r.settlement != nil {
      wrong("settlement", "belongs only to a completed request", "완료된 신청에만 둘 수 있습니다")
    } else if r.settlement != nil && r.agreement == nil {
      wrong("settlement", "needs the agreement it settles", "정산할 협약 내용이 없습니다")
    }
    if !hasSteps && !instalments.isEmpty {
      errors.append(
        FieldError(
          field: instalmentField(0),
          problem: .other(
            english:
              "belongs to request #\(r.id), which is \(r.status.english); only an agreed or completed request is paid",
            korean: "신청 #\(r.id, .topic) '\(r.status.korean)' 상태라 교부할 수 없습니다 (협약 또는 완료 상태만)")))
    }
    if let agreement = r.agreement {
      if let error = Limits.check(
        agreement.cofundingKRW, Limits.supportKRW, "agreement.cofundingKRW")
      {
        errors.append(error)
      }
      errors += checkDate(
        agreement.date, field: "agreement.date", notBefore: r.decided,
        earlierName: ("decision", "결정일"), today: nil)
      if let program, let approved = r.approvedKRW, agreement.overrideReason.isEmpty {
        let minimum = program.minimumCofunding(for: approved)
        if agreement.cofundingKRW < minimum {
          let error = WorkspaceError.cofundingBelowShare(
            request: r.id, program: program.name, percent: program.cofundingPercent,
            support: approved, cofunding: agreement.cofundingKRW, minimum: minimum)
          errors.append(
            FieldError(
              field: "agreement.cofundingKRW",
              problem: .other(english: error.message(.en), korean: error.message(.ko))))
        }
      }
    }
    var paid: KRW = 0
    for (index, instalment) in instalments.enumerated() {
      // Each amount's own range is its record's check (`Instalment`); kept within it here, the
      // sum cannot overflow.
      paid += min(max(instalment.amountKRW, 0), Limits.supportKRW.upperBound)
      errors += checkDate(
        instalment.date, field: instalmentField(index) + ".date", notBefore: r.agreement?.date,
        earlierName: ("agreement", "협약일"), today: nil)
    }
    if let approved = r.approvedKRW, paid > approved {
      let error = WorkspaceError.overDisbursed(
        request: r.id, amount: 0, disbursed: paid, approved: approved)
      errors.append(
        FieldError(
          field: instalmentField(instalments.count - 1),
          problem: .other(english: error.message(.en), korean: error.message(.ko))))
    }
    if let settlement = r.settlement {
      do {
        _ = try settle(
          disbursed: paid, spent: settlement.spentKRW, disallowed: settlement.disallowedKRW,
          returned: settlement.returnedKRW, reportDate: settlement.reportDate)
      } catch {
        errors += error.errors.map {
          var e = $0
          e.field = "settlement.\($0.field)KRW"
          return e
        }
      }
      let lastPaid = instalments.map(\.date).max() ?? r.agreement?.date
      errors += checkDate(
        settlement.reportDate, field: "settlement.reportDate", notBefore: lastPaid,
        earlierName: ("last instalment", "마지막 교부일"), today: nil)
    }
    return errors
  }
}

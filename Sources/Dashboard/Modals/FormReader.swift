import ClusterKit
import TerminalKit

/// Turns a filled form into the one Workspace call it stands for, or the field errors that
/// keep it from being sent.
enum FormReader {
  /// A date field: nil when empty (an error when `required`) or not a date (an error).
  static func day(_ f: FormState, _ key: String, required: Bool, _ errors: inout [FieldError])
    -> Day?
  {
    let text = f.value(key).trimmingCharacters(in: .whitespaces)
    if text.isEmpty {
      if required { errors.append(FieldError(field: key, problem: .required)) }
      return nil
    }
    guard let d = Day(parsing: text) else {
      errors.append(
        FieldError(field: key, problem: .invalidFormat(expected: "2026-11-26"), value: text))
      return nil
    }
    return d
  }

  static func effect(_ f: FormState, _ data: FormData, actor: String, language l: Language)
    throws -> Change
  {
    var errors: [FieldError] = []
    func day(_ key: String, required: Bool) -> Day? {
      FormReader.day(f, key, required: required, &errors)
    }
    func money(_ key: String) -> KRW? {
      let text = f.value(key).trimmingCharacters(in: .whitespaces)
      if text.isEmpty { return nil }
      do { return try Money.parse(text, field: key) } catch {
        errors.append(error)
        return nil
      }
    }
    /// The member picked, or the one the typed text names: required.
    func member() -> (id: Int64, name: String)? {
      let member = f.pickedMember ?? data.typedMember
      let typed = f.value("member").trimmingCharacters(in: .whitespaces)
      if member == nil {
        errors.append(
          typed.isEmpty
            ? FieldError(field: "member", problem: .required)
            : FieldError(field: "member", problem: .notFound, value: typed))
      }
      return member
    }
    /// A request's amount: required.
    func requestAmount() -> KRW {
      if let amount = money("amount") { return amount }
      if !errors.contains(where: { $0.field == "amount" }) {
        errors.append(FieldError(field: "amount", problem: .required))
      }
      return 0
    }
    switch f.purpose {
    case .addMember, .editMember:
      var m: Member
      if case .editMember(let original) = f.purpose {
        m = original
      } else {
        m = Member(clusterId: 0, name: "")
      }
      m.name = f.value("name")
      m.representative = f.value("representative")
      m.businessNumber = f.value("businessNumber")
      if let k = f.choice("kind").flatMap(MemberKind.init(rawValue:)) { m.kind = k }
      if let c = f.choice("cluster").flatMap(Int64.init) { m.clusterId = c }
      if let r = f.choice("role").flatMap(OfficerRole.init(rawValue:)) { m.role = r }
      m.phone = f.value("phone")
      m.email = f.value("email")
      m.address = f.value("address")
      m.products = f.value("products")
      let employees = f.value("employees").trimmingCharacters(in: .whitespaces)
      if employees.isEmpty {
        m.employees = nil
      } else if let n = Int(employees.filter { $0 != "," && $0 != "명" }) {
        m.employees = n
      } else {
        errors.append(FieldError(field: "employees", problem: .notAnInteger, value: employees))
      }
      m.salesKRW = money("sales")
      m.founded = day("founded", required: false)
      var book: DirectoryBookEdit?
      if let field = f.directoryBook,
        let chosen = f.choice("directoryBook").flatMap(DirectoryBookState.init(rawValue:))
      {
        if field.state == .submitted, chosen == .asked {
          errors.append(
            FieldError(
              field: "directoryBook",
              problem: .other(
                english: "is submitted for \(field.edition); choose not asked to clear it",
                korean: "\(field.edition)년 제출이 기록되어 있습니다. 지우려면 '요청 전'을 고르세요"),
              value: chosen.label(l)))
        } else {
          book = field.edit(chosen)
        }
      }
      // The rules' own checks, so every problem shows at once.
      errors += MemberRules.validate(m).1
      if !errors.isEmpty { throw ValidationError(errors) }
      let division = f.value("division")
      if case .editMember(let original) = f.purpose {
        return .updateMember(m, original: original, division: division, directoryBook: book)
      }
      return .addMember(m, division: division.isEmpty ? nil : division, directoryBook: book)
    case .mentoring(let form):
      return try form.change(f, data)
    case .addMeeting, .editMeeting:
      let scope = (f.choice("scope") ?? "").split(separator: "/").compactMap { Int64($0) }
      let kind = f.choice("meetingKind").flatMap(MeetingKind.init(rawValue:)) ?? .steeringCommittee
      let date = day("date", required: true)
      if scope.isEmpty { errors.append(FieldError(field: "scope", problem: .required)) }
      if f.value("title").trimmingCharacters(in: .whitespaces).isEmpty {
        errors.append(FieldError(field: "title", problem: .required))
      }
      if !errors.isEmpty { throw ValidationError(errors) }
      var meeting = Meeting(clusterId: scope[0], kind: kind, date: date!, title: "")
      if case .editMeeting(let original) = f.purpose { meeting = original }
      meeting.clusterId = scope[0]
      meeting.divisionId = scope.count > 1 ? scope[1] : nil
      meeting.kind = kind
      meeting.date = date!
      meeting.title = f.value("title")
      meeting.place = f.value("place")
      meeting.agenda = f.value("agenda")
      if case .editMeeting = f.purpose {
        meeting.minutes = f.value("minutes")
        return .updateMeeting(meeting)
      }
      return .addMeeting(meeting)
    case .addVisit, .editVisit:
      var original: Visit?
      var picked: (id: Int64, name: String)?
      if case .editVisit(let visit, let name) = f.purpose {
        original = visit
        picked = (visit.memberId, name)
      } else {
        picked = member()
      }
      let date = day("date", required: true)
      let purpose = f.choice("purpose").flatMap(VisitPurpose.init(rawValue:)) ?? .difficultySurvey
      let visitor = f.value("visitor").trimmingCharacters(in: .whitespaces)
      if visitor.isEmpty { errors.append(FieldError(field: "visitor", problem: .required)) }
      let difficulties = VisitEntries.difficulties(f.value("difficulty"))
      var followUps: [FollowUp] = []
      do {
        followUps = try VisitEntries.followUps(
          f.value("followUp"), owner: visitor, keeping: original?.followUps ?? [])
      } catch let error as FieldError { errors.append(error) }
      if !errors.isEmpty { throw ValidationError(errors) }
      var visit =
        original ?? Visit(memberId: picked!.id, date: date!, visitor: visitor, purpose: purpose)
      visit.date = date!
      visit.visitor = visitor
      visit.purpose = purpose
      visit.notes = f.value("notes")
      visit.difficulties = difficulties
      visit.followUps = followUps
      return original == nil
        ? .addVisit(visit, memberName: picked!.name) : .updateVisit(visit, memberName: picked!.name)
    case .approve(let request):
      let amount = money("amount")
      if amount == nil, errors.isEmpty {
        errors.append(FieldError(field: "amount", problem: .required))
      }
      if !errors.isEmpty { throw ValidationError(errors) }
      let reason = f.index(of: "override") == nil ? nil : f.value("override")
      return .decide(
        request.id, .approve(amount: amount, overrideReason: reason), expected: request)
    case .reject(let request):
      return .decide(request.id, .reject(reason: f.value("reason")), expected: request)
    case .askChanges(let request):
      return .decide(request.id, .askForChanges(reason: f.value("reason")), expected: request)
    case .addProgram, .editProgram:
      var p: Program
      if case .editProgram(let original) = f.purpose {
        p = original
      } else {
        p = Program(year: 0, name: "", category: .technology, budgetKRW: 0)
        let year = f.value("year").trimmingCharacters(in: .whitespaces)
        if let y = Int(year) {
          p.year = y
        } else {
          errors.append(FieldError(field: "year", problem: .notAnInteger, value: year))
        }
      }
      p.name = f.value("programName")
      if let c = f.choice("programCategory").flatMap(ProgramCategory.init(rawValue:)) {
        p.category = c
      }
      if let budget = money("budget") {
        p.budgetKRW = budget
      } else if errors.allSatisfy({ $0.field != "budget" }) {
        errors.append(FieldError(field: "budget", problem: .required))
      }
      let share = f.value("cofundingShare").trimmingCharacters(in: .whitespaces)
      do {
        p.cofundingPercent =
          share.isEmpty ? 0 : try SupportRules.percent(share, field: "cofundingShare")
      } catch { errors.append(error) }
      p.memberCapKRW = money("memberCap")
      let count = f.value("memberCapCount").trimmingCharacters(in: .whitespaces)
      do {
        p.memberCapCount =
          count.isEmpty ? nil : try SupportRules.count(count, field: "memberCapCount")
      } catch { errors.append(error) }
      p.opens = day("opens", required: false)
      p.closes = day("closes", required: false)
      p.note = f.value("note")
      errors += SupportRules.validate(p).1.filter { rule in
        !errors.contains { $0.field == rule.field }
      }
      if !errors.isEmpty { throw ValidationError(errors) }
      if case .editProgram(let original) = f.purpose {
        return .updateProgram(p, original: original)
      }
      return .addProgram(p)
    case .addRequest(let difficulties):
      let member = member()
      let program = f.choice("program").flatMap(Int64.init)
      if program == nil { errors.append(FieldError(field: "program", problem: .required)) }
      let submitted = day("submitted", required: false)
      var r = SupportRequest(
        memberId: member?.id ?? 0, programId: program ?? 0, title: f.value("projectTitle"),
        requestedKRW: requestAmount(), submitted: submitted,
        status: submitted == nil ? .draft : .pending)
      r.cofundingKRW = money("cofunding")
      r.difficulty =
        difficulties.first { $0.reference.description == f.choice("difficulty") }?
        .reference
      errors += SupportRules.validate(r).1.filter { rule in
        !errors.contains { $0.field == rule.field }
      }
      if !errors.isEmpty { throw ValidationError(errors) }
      return .addRequest(r, memberName: member!.name)
    case .editRequest(let original):
      var r = original
      r.title = f.value("projectTitle")
      r.requestedKRW = requestAmount()
      r.cofundingKRW = money("cofunding")
      if f.index(of: "submitted") != nil, let d = day("submitted", required: true) {
        r.submitted = d
      }
      errors += SupportRules.validate(r).1.filter { rule in
        !errors.contains { $0.field == rule.field }
      }
      if !errors.isEmpty { throw ValidationError(errors) }
      return .updateRequest(r, original: original)
    case .submit(let request):
      let date = day("date", required: true)
      if !errors.isEmpty { throw ValidationError(errors) }
      return .decide(request.id, .submit(date: date), expected: request)
    case .withdraw(let request):
      return .decide(request.id, .withdraw(reason: f.value("reason")), expected: request)
    case .agree(let request):
      let cofunding = money("cofunding")
      if cofunding == nil, errors.isEmpty {
        errors.append(FieldError(field: "cofunding", problem: .required))
      }
      let date = day("date", required: true)
      if !errors.isEmpty { throw ValidationError(errors) }
      let reason = f.index(of: "override") == nil ? nil : f.value("override")
      return .decide(
        request.id, .agree(cofunding: cofunding!, date: date, overrideReason: reason),
        expected: request)
    case .pay(let request):
      let amount = money("amount")
      if amount == nil, errors.isEmpty {
        errors.append(FieldError(field: "amount", problem: .required))
      }
      let date = day("date", required: true)
      if !errors.isEmpty { throw ValidationError(errors) }
      return .disburse(request.id, amount: amount!, date: date, expected: request)
    case .settle(let request):
      let spent = money("spent")
      if spent == nil, errors.isEmpty {
        errors.append(FieldError(field: "spent", problem: .required))
      }
      let disallowed = money("disallowed") ?? 0
      let returned = money("returned")
      let reportDate = day("reportDate", required: true)
      if !errors.isEmpty { throw ValidationError(errors) }
      return .decide(
        request.id,
        .settle(spent: spent!, disallowed: disallowed, returned: returned, reportDate: reportDate),
        expected: request)
    }

  }
}

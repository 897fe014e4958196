/// The rules of the expert pool, mentoring, SIGs and the directory book, in one place: the
/// workspace applies them to what a user types and to every record of an imported document.
/// Each check cleans the record (NFC, trimmed) and returns every problem found. `today`, when
/// given, refuses days after it (a log records what happened); imports pass nil.
public enum ProgrammeRules {

  /// The comparable form of a field of expertise or a word it is matched against: NFC, lower
  /// case, no spaces, hyphens, underscores or dots (`IT 장비` and `it장비` are one).
  public static func key(_ text: String) -> String { MemberRules.comparable(text) }

  /// Fields of expertise as typed: `회계,수출`, `회계, 수출`, `회계/수출` or `회계;수출` (a middle
  /// dot stays, as in the division name `통신·네트워크`).
  public static func splitFields(_ text: String) -> [String] {
    text.split(whereSeparator: { ",，/;、".contains($0) }).map { KoreanText.clean(String($0)) }
      .filter { !$0.isEmpty }
  }

  static func notAfter(_ day: Day?, _ today: Day?, field: String) -> FieldError? {
    guard let day, let today, day > today else { return nil }
    return FieldError(
      field: field,
      problem: .other(
        english: "must not be after today (\(today))", korean: "오늘(\(today)) 이후일 수 없습니다"),
      value: day.description)
  }

  static func notBefore(_ day: Day?, _ start: Day?, field: String, startLabel: Labels)
    -> FieldError?
  {
    guard let day, let start, day < start else { return nil }
    return FieldError(
      field: field,
      problem: .other(
        english: "must not be before the \(startLabel.english) (\(start))",
        korean: "\(startLabel.korean)(\(start))보다 앞설 수 없습니다"),
      value: day.description)
  }

  struct Labels {
    var english: String
    var korean: String
  }

  static func reference(_ member: Member) -> String { "#\(member.id) \(member.name)" }

  // MARK: Experts

  public static func validate(_ expert: Expert) -> (Expert, [FieldError]) {
    var e = expert
    var errors: [FieldError] = []
    e.name = KoreanText.clean(e.name)
    e.affiliation = KoreanText.clean(e.affiliation)
    var seen: Set<String> = []
    e.fields = e.fields.flatMap(splitFields).filter { seen.insert(key($0)).inserted }
    e.phone = KoreanText.clean(e.phone)
    e.email = KoreanText.clean(e.email)
    if e.name.isEmpty { errors.append(FieldError(field: "expertName", problem: .required)) }
    if e.fields.isEmpty { errors.append(FieldError(field: "fields", problem: .required)) }
    if !e.phone.isEmpty {
      do throws(FieldError) { e.phone = try PhoneNumber.normalize(e.phone) } catch {
        errors.append(error)
      }
    }
    if !e.email.isEmpty {
      do throws(FieldError) { e.email = try EmailAddress.normalize(e.email) } catch {
        errors.append(error)
      }
    }
    if let error = Limits.check(e.capacity, Limits.expertCapacity, "capacity") {
      errors.append(error)
    }
    return (e, errors)
  }

  // MARK: Mentoring

  /// A member that has left takes no new mentor, SIG or directory-book entry (what it had
  /// stays as its history).
  public static func leftProblem(_ member: Member, field: String = "member") -> FieldError? {
    guard member.status == .left else { return nil }
    return FieldError(
      field: field,
      problem: .other(english: "has left the mini-cluster", korean: "미니클러스터를 탈퇴한 회원입니다"),
      value: reference(member))
  }

  /// Mentors are for member companies.
  public static func companyProblem(_ member: Member, field: String = "member") -> FieldError? {
    guard member.kind != .company else { return nil }
    return FieldError(
      field: field,
      problem: .other(
        english: "is not a company; mentors are for member companies",
        korean: "기업이 아닙니다. 멘토는 회원 기업에 배정합니다"), value: reference(member))
  }

  public static func validate(_ mentoring: Mentoring, today: Day?) -> (Mentoring, [FieldError]) {
    var m = mentoring
    m.field = KoreanText.clean(m.field)
    m.overrideReason = KoreanText.clean(m.overrideReason)
    let errors = [
      notAfter(m.started, today, field: "started"), notAfter(m.ended, today, field: "ended"),
      notBefore(
        m.ended, m.started, field: "ended", startLabel: Labels(english: "start", korean: "시작일")),
    ].compactMap { $0 }
    return (m, errors)
  }

  /// Whether one more company is beyond what an expert takes at once; beyond it, an assignment
  /// needs a reason.
  public static func exceedsCapacity(load: Int, capacity: Int) -> Bool { load >= capacity }

  public static func validate(_ session: MentoringSession, assignment: Mentoring, today: Day?)
    -> (MentoringSession, [FieldError])
  {
    var s = session
    s.topic = KoreanText.clean(s.topic)
    s.note = KoreanText.clean(s.note)
    var errors: [FieldError] = []
    if s.topic.isEmpty { errors.append(FieldError(field: "topic", problem: .required)) }
    if let error = notAfter(s.date, today, field: "date") { errors.append(error) }
    if !assignment.covers(s.date) {
      let span =
        "\(assignment.started?.description ?? "")–\(assignment.ended?.description ?? "")"
      errors.append(
        FieldError(
          field: "date",
          problem: .other(
            english: "is outside the mentoring assignment (\(span))",
            korean: "멘토링 기간(\(span)) 밖입니다"), value: s.date.description))
    }
    return (s, errors)
  }

  // MARK: SIGs

  public static func validate(_ sig: SIG) -> (SIG, [FieldError]) {
    var s = sig
    s.name = KoreanText.clean(s.name)
    s.theme = KoreanText.clean(s.theme)
    return (s, s.name.isEmpty ? [FieldError(field: "sigName", problem: .required)] : [])
  }

  /// A SIG gathers members of its own mini-cluster.
  public static func clusterProblem(member: Member, sig: SIG, field: String = "member")
    -> FieldError?
  {
    guard member.clusterId != sig.clusterId else { return nil }
    return FieldError(
      field: field,
      problem: .other(
        english: "belongs to another mini-cluster than the SIG \(sig.name)",
        korean: "SIG \(sig.name, .and) 다른 미니클러스터의 회원입니다"),
      value: reference(member))
  }

  /// What joining (or leading) a SIG asks of a member: still in the mini-cluster, the SIG's own.
  public static func membershipProblems(member: Member, sig: SIG, field: String = "member")
    -> [FieldError]
  {
    [leftProblem(member, field: field), clusterProblem(member: member, sig: sig, field: field)]
      .compactMap { $0 }
  }

  public static func validate(_ task: SIGTask, today: Day?) -> (SIGTask, [FieldError]) {
    var t = task
    t.title = KoreanText.clean(t.title)
    var errors: [FieldError] = []
    if t.title.isEmpty { errors.append(FieldError(field: "projectTitle", problem: .required)) }
    if t.status != .done, let done = t.done {
      errors.append(
        FieldError(
          field: "done",
          problem: .other(
            english: "is set but the task is \(t.status.english)",
            korean: "과제가 '\(t.status.korean)' 상태인데 완료일이 있습니다"), value: done.description))
    }
    if let error = notAfter(t.done, today, field: "done") { errors.append(error) }
    return (t, errors)
  }

  // MARK: Directory book

  public static func validate(_ entry: DirectoryBookEntry, today: Day?) -> (
    DirectoryBookEntry, [FieldError]
  ) {
    var errors = [Limits.check(entry.edition, Limits.edition, "edition")].compactMap { $0 }
    if entry.status == .asked, let submitted = entry.submitted {
      errors.append(
        FieldError(
          field: "profileSubmitted",
          problem: .other(
            english: "is set but the profile is only asked for",
            korean: "요청 상태인데 제출일이 있습니다"), value: submitted.description))
    }
    errors += [
      notAfter(entry.asked, today, field: "asked"),
      notAfter(entry.submitted, today, field: "profileSubmitted"),
      notBefore(
        entry.submitted, entry.asked, field: "profileSubmitted",
        startLabel: Labels(english: "day it was asked for", korean: "요청일")),
    ].compactMap { $0 }
    return (entry, errors)
  }
}

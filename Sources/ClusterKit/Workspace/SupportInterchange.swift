extension Workspace {
  /// The names the rules give fields, as the JSON format spells them.
  static let supportJSONKeys = [
    "programName": "name", "budget": "budgetKRW", "cofundingShare": "cofundingPercent",
    "memberCap": "memberCapKRW", "amount": "requestedKRW", "cofunding": "cofundingKRW",
    "projectTitle": "title",
  ]

  /// A document's programs, requests and instalments checked by the rules the commands apply
  /// (program terms; a request's member, program and difficulty; its agreement, instalments and
  /// settlement fitting its status and adding up), text cleaned. Each error is named by list,
  /// position and field, e.g. `requests[4].settlement.returnedKRW`.
  static func checkSupport(_ document: inout WorkspaceDocument) -> [FieldError] {
    var errors: [FieldError] = []
    func add(_ list: String, _ index: Int, _ found: [FieldError]) {
      errors += found.map {
        var e = $0
        e.field = "\(list)[\(index)].\(supportJSONKeys[$0.field] ?? $0.field)"
        return e
      }
    }
    // Programs by id; nil for one whose own terms are wrong, so its requests are not blamed
    // for it.
    var programs: [Int64: Program?] = [:]
    var programNames: [String: Int] = [:]
    for index in document.programs.indices {
      let (program, problems) = SupportRules.validate(document.programs[index])
      document.programs[index] = program
      add("programs", index, problems)
      programs[program.id] = problems.isEmpty ? program : nil
      let key = "\(program.year)/\(program.name)"
      if let other = programNames[key] {
        add(
          "programs", index,
          [FieldError(field: "name", problem: .duplicate(of: "programs[\(other)]"))])
      } else {
        programNames[key] = index
      }
    }
    let members = Dictionary(document.members.map { ($0.id, $0) }) { first, _ in first }
    let visits = Dictionary(document.visits.map { ($0.id, $0) }) { first, _ in first }
    var instalments: [Int64: [(index: Int, instalment: Instalment)]] = [:]
    let requestIds = Set(document.requests.map(\.id))
    for (index, instalment) in document.instalments.enumerated() {
      if requestIds.contains(instalment.requestId) {
        instalments[instalment.requestId, default: []].append((index, instalment))
      } else {
        add(
          "instalments", index,
          [FieldError(field: "requestId", problem: .notFound, value: String(instalment.requestId))])
      }
    }
    for index in document.requests.indices {
      var (request, problems) = SupportRules.validate(document.requests[index])
      // Files written before amounts had to be above zero may hold a request for 0원.
      problems.removeAll { $0.field == "amount" && request.requestedKRW == 0 }
      request.reason = KoreanText.clean(request.reason)
      request.reviewer = KoreanText.clean(request.reviewer)
      document.requests[index] = request
      let program = programs[request.programId] ?? nil
      if programs[request.programId] == nil {
        problems.append(
          FieldError(field: "programId", problem: .notFound, value: String(request.programId)))
      }
      if members[request.memberId] == nil {
        problems.append(
          FieldError(field: "memberId", problem: .notFound, value: String(request.memberId)))
      }
      if let reference = request.difficulty {
        let visit = visits[reference.visitId]
        if visit == nil || visit?.memberId != request.memberId
          || reference.number > (visit?.difficulties.count ?? 0)
        {
          problems.append(
            FieldError(
              field: "difficulty",
              problem: .other(
                english: "names no difficulty of a visit to this member",
                korean: "이 회원의 방문 애로사항 중 해당하는 것이 없습니다"), value: reference.description))
        }
      }
      let paid = instalments[request.id] ?? []
      problems += SupportRules.checkSteps(
        request, program: program, instalments: paid.map(\.instalment),
        instalmentField: { "instalments[\(paid[$0].index)]" })
      // Instalment errors name their own list; the others belong to the request.
      let (own, theirs) = (
        problems.filter { !$0.field.hasPrefix("instalments[") },
        problems.filter { $0.field.hasPrefix("instalments[") }
      )
      add("requests", index, own)
      errors += theirs
    }
    return errors
  }
}

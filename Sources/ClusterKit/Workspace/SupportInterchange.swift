extension Workspace {
  /// What a request's `difficulty` is checked against: the visit's member, and how many
  /// difficulties it lists.
  struct VisitFacts {
    var memberId: Int64
    var difficulties: Int

    /// Each visit's, by id (the first of a repeated id).
    static func of(_ visits: [Visit]) -> [Int64: VisitFacts] {
      Dictionary(
        visits.map {
          ($0.id, VisitFacts(memberId: $0.memberId, difficulties: $0.difficulties.count))
        }
      ) { first, _ in first }
    }
  }

  /// What a document's programs, requests and instalments must agree on besides their own
  /// checks (`CheckedRecord`, already applied): a request's member, program and difficulty
  /// exist; its agreement, instalments and settlement fit its status and add up, as the commands
  /// make them (`visits` are the document's, `VisitFacts.of`). Each error is named by list,
  /// position and field, e.g.
  /// `requests[4].settlement.returnedKRW`.
  static func checkSupport(_ document: WorkspaceDocument, visits: [Int64: VisitFacts])
    -> [FieldError]
  {
    var errors: [FieldError] = []
    // Programs by id; nil for one whose own terms are wrong, so its requests are not blamed
    // for it.
    var programs: [Int64: Program?] = [:]
    for program in document.programs {
      programs[program.id] = program.checked().1.isEmpty ? program : nil
    }
    let members = Set(document.members.map(\.id))
    var instalments: [Int64: [(index: Int, instalment: Instalment)]] = [:]
    let requestIds = Set(document.requests.map(\.id))
    for (index, instalment) in document.instalments.enumerated() {
      if requestIds.contains(instalment.requestId) {
        instalments[instalment.requestId, default: []].append((index, instalment))
      } else {
        errors.append(
          located(
            "instalments", index,
            FieldError(
              field: "requestId", problem: .notFound, value: String(instalment.requestId))))
      }
    }
    for (index, request) in document.requests.enumerated() {
      var problems: [FieldError] = []
      let program = programs[request.programId] ?? nil
      if programs[request.programId] == nil {
        problems.append(
          FieldError(field: "programId", problem: .notFound, value: String(request.programId)))
      }
      if !members.contains(request.memberId) {
        problems.append(
          FieldError(field: "memberId", problem: .notFound, value: String(request.memberId)))
      }
      if let reference = request.difficulty {
        let visit = visits[reference.visitId]
        if visit == nil || visit?.memberId != request.memberId
          || reference.number > (visit?.difficulties ?? 0)
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
      for problem in problems {
        errors.append(
          problem.field.hasPrefix("instalments[") ? problem : located("requests", index, problem))
      }
    }
    return errors
  }
}

/// Everything that can go wrong opening or changing a workspace, each with one sentence a user
/// can act on, in both languages.
public enum WorkspaceError: Error, Equatable, Sendable {
  case missing(path: String)
  case missingDirectory(path: String)
  case emptyFile(path: String)
  /// A folder, a named pipe or a device where a workspace file should be.
  case notARegularFile(path: String)
  case notAWorkspace(path: String)
  case otherDatabase(path: String)
  case newerVersion(path: String, found: Int, supported: Int)
  case damaged(path: String, detail: String)
  case readOnly(path: String)
  case cannotCreate(path: String, reason: String)
  /// The operating system refused to create or write a file (the workspace, a backup, a folder).
  case cannotCreateFile(FileProblem)
  /// The operating system refused to open a file for reading.
  case cannotOpen(FileProblem)
  case notEmpty(path: String)
  case diskFull(path: String)
  /// Another process held the write lock for longer than a change waits (a long import, say).
  case busy(path: String)
  /// The operating system refused a read or write (an I/O error, a file size limit).
  case writeFailed(path: String, detail: String)
  /// A JSON workspace that does not read as one: broken JSON, or records the rules refuse.
  /// `changedOutside` when it read well before and another program changed it since.
  case unreadableDocument(path: String, changedOutside: Bool, english: String, korean: String)
  case recordNotFound(kind: String, reference: String)
  case invalidTransition(request: Int64, from: RequestStatus, to: RequestStatus)
  /// An approval past the program's remaining budget or the member's cap; an override reason
  /// lets it through.
  case overLimits(request: Int64, limits: [ApprovalLimit])
  case overRequested(amount: KRW, requested: KRW)
  /// An agreement whose co-funding is below the program's share; an override reason lets it
  /// through.
  case cofundingBelowShare(
    request: Int64, program: String, percent: Int, support: KRW, cofunding: KRW, minimum: KRW)
  /// An instalment that would take the payments past the approved amount.
  case overDisbursed(request: Int64, amount: KRW, disbursed: KRW, approved: KRW)
  case budgetBelowCommitted(program: String, year: Int, budget: KRW, committed: KRW)
  case outsideWindow(program: String, year: Int, day: Day, opens: Day?, closes: Day?)
  /// A step the request's status does not allow (editing an approved request, paying one that
  /// has no agreement).
  case stepNotAllowed(request: Int64, status: RequestStatus, step: RequestStep)
  /// An expert already mentors as many companies as they take at once.
  case expertAtCapacity(expert: String, load: Int, capacity: Int)
  case conflict(kind: String, reference: String)
  /// A follow-up marked done a second time; its date is only changed when asked to correct it.
  case alreadyDone(followUp: Int64, on: Day)
  case nothingToUndo
  /// `clusterdesk undo` on a JSON workspace, whose file holds the records, not their change log.
  case noChangeLogBetweenCommands
  /// Amounts whose sum passes what a number holds (only values written before their ranges
  /// were checked can get there).
  case sumTooLarge
  /// The audit log's hash chain breaks at this entry: it, or one before it, was changed, added
  /// or removed outside ClusterDesk.
  case auditChainBroken(entry: Int64, request: Int64?, at: String)
  /// An entry's fingerprint differs from the one written down for it earlier.
  case fingerprintChanged(entry: Int64, kept: String, now: String)
  /// SQLite refused a statement for a reason no other case names.
  case refused(path: String, detail: String)

  public func message(_ language: Language) -> String {
    let l = language
    switch self {
    case .missing(let path):
      return l.pick(
        "No workspace at \(path). Create one with `clusterdesk init` or try `clusterdesk demo`.",
        "\(path)에 워크스페이스가 없습니다. `clusterdesk init`으로 만들거나 `clusterdesk demo`를 실행해 보세요.")
    case .missingDirectory(let path):
      return l.pick(
        "The folder for \(path) does not exist.", "\(path)의 폴더가 없습니다.")
    case .emptyFile(let path):
      return l.pick(
        "\(path) is an empty file, not a ClusterDesk workspace; nothing was changed.",
        "\(path, .topic) 빈 파일이며 ClusterDesk 워크스페이스가 아닙니다. 아무것도 바꾸지 않았습니다.")
    case .notARegularFile(let path):
      return l.pick(
        "\(path) is not a regular file (a folder, a named pipe or a device), so it is not a ClusterDesk workspace; nothing was changed.",
        "\(path, .topic) 일반 파일이 아니라(폴더, 이름 있는 파이프 또는 장치) ClusterDesk 워크스페이스가 아닙니다. 아무것도 바꾸지 않았습니다.")
    case .notAWorkspace(let path):
      return l.pick(
        "\(path) is not a ClusterDesk workspace; nothing was changed.",
        "\(path, .topic) ClusterDesk 워크스페이스가 아닙니다. 아무것도 바꾸지 않았습니다.")
    case .otherDatabase(let path):
      return l.pick(
        "\(path) is another program's SQLite database, not a ClusterDesk workspace; nothing was changed.",
        "\(path, .topic) 다른 프로그램의 SQLite 데이터베이스이며 ClusterDesk 워크스페이스가 아닙니다. 아무것도 바꾸지 않았습니다.")
    case .newerVersion(let path, let found, let supported):
      return l.pick(
        "\(path) was written by a newer ClusterDesk (schema \(found), this one reads up to \(supported)); update ClusterDesk to open it. Nothing was changed.",
        "\(path, .topic) 더 새로운 ClusterDesk로 만든 파일입니다(스키마 \(found), 이 버전은 \(supported)까지 읽음). ClusterDesk를 업데이트하세요. 아무것도 바꾸지 않았습니다."
      )
    case .damaged(let path, let detail):
      return l.pick(
        "\(path) is damaged (\(detail)); restore it from a backup or export. Nothing was changed.",
        "\(path) 파일이 손상되었습니다(\(detail)). 백업이나 내보낸 파일로 복구하세요. 아무것도 바꾸지 않았습니다.")
    case .readOnly(let path):
      return l.pick(
        "\(path) is read-only, so changes cannot be saved; check the file's permissions.",
        "\(path, .topic) 읽기 전용이라 변경을 저장할 수 없습니다. 파일 권한을 확인하세요.")
    case .cannotCreate(let path, let reason):
      return l.pick(
        "Cannot create \(path): \(reason).", "\(path, .object) 만들 수 없습니다: \(reason).")
    case .cannotCreateFile(let problem):
      return l.pick(
        "Cannot create \(problem.path): \(problem.reason(l)).",
        "\(problem.path, .object) 만들 수 없습니다: \(problem.reason(l)).")
    case .cannotOpen(let problem):
      return l.pick(
        "Cannot open \(problem.path): \(problem.reason(l)); nothing was changed.",
        "\(problem.path, .object) 열 수 없습니다: \(problem.reason(l)). 아무것도 바꾸지 않았습니다.")
    case .notEmpty(let path):
      return l.pick(
        "\(path) already holds data; a whole workspace can only be imported into an empty one.",
        "\(path)에 이미 데이터가 있습니다. 워크스페이스 전체 가져오기는 빈 워크스페이스에만 할 수 있습니다.")
    case .diskFull(let path):
      return l.pick(
        "The disk holding \(path) is full; the last change was not saved.",
        "\(path, .subject) 있는 디스크가 가득 찼습니다. 마지막 변경은 저장되지 않았습니다.")
    case .busy(let path):
      return l.pick(
        "\(path) is busy: another ClusterDesk is saving a large change (an import, say); nothing was changed, so try again when it is done.",
        "다른 ClusterDesk가 \(path)에 큰 변경(예: 가져오기)을 저장하는 중입니다. 아무것도 바꾸지 않았으니 끝난 뒤 다시 시도하세요.")
    case .writeFailed(let path, let detail):
      return l.pick(
        "Could not write to \(path) (\(detail)); the last change was not saved. Check that the disk has room and the file can be written.",
        "\(path)에 쓸 수 없었습니다(\(detail)). 마지막 변경은 저장되지 않았습니다. 디스크 공간과 파일 권한을 확인하세요.")
    case .unreadableDocument(let path, let changedOutside, let english, let korean):
      return changedOutside
        ? l.pick(
          "Nothing was saved: \(path) was changed by another program and no longer reads as a ClusterDesk workspace (\(english)); fix the file or put a good copy back, then try again.",
          "저장하지 않았습니다: 다른 프로그램이 \(path, .object) 바꾸어 ClusterDesk 워크스페이스로 읽을 수 없습니다(\(korean)). 파일을 고치거나 좋은 사본을 되돌려 놓은 뒤 다시 시도하세요."
        )
        : l.pick(
          "\(path) does not read as a ClusterDesk workspace JSON (\(english)); nothing was changed.",
          "\(path, .topic) ClusterDesk 워크스페이스 JSON으로 읽을 수 없습니다(\(korean)). 아무것도 바꾸지 않았습니다.")
    case .recordNotFound(let kind, let reference):
      return l.pick(
        "No \(kind) \(reference).", "\(Self.label(kind, l)) \(reference, .object) 찾을 수 없습니다.")
    case .invalidTransition(let id, let from, let to):
      let allowed = from.allowedNext.map { $0.label(l) }.joined(separator: ", ")
      return l.pick(
        "Request #\(id) is \(from.english) and cannot become \(to.english)"
          + (allowed.isEmpty ? "." : " (it can become: \(allowed))."),
        "신청 #\(id, .topic) '\(from.korean)' 상태라 '\(to.korean)'\(Particle.direction.after(to.korean)) 바꿀 수 없습니다"
          + (allowed.isEmpty ? "." : " (가능: \(allowed))."))
    case .overLimits(_, let limits):
      let reasons = limits.map { $0.message(l) }
      return l.pick(
        reasons.joined(separator: "; ") + "; give an override reason to approve anyway.",
        reasons.joined(separator: ". ") + ". 그래도 승인하려면 초과 사유를 입력하세요.")
    case .overRequested(let amount, let requested):
      return l.pick(
        "The approved amount \(Money.format(amount)) is more than the \(Money.format(requested)) requested.",
        "승인액 \(Money.format(amount), .subject) 신청액 \(Money.format(requested))보다 많습니다.")
    case .expertAtCapacity(let expert, let load, let capacity):
      return l.pick(
        "\(expert) already mentors \(load) companies, their capacity of \(capacity); choose another expert or give an override reason to assign anyway.",
        "\(expert) 전문가는 이미 \(load)개사를 멘토링하고 있어 동시 멘토링 가능 기업 수(\(capacity))가 찼습니다. 다른 전문가를 고르거나, 그래도 배정하려면 초과 사유를 입력하세요."
      )
    case .cofundingBelowShare(
      let id, let program, let percent, let support, let cofunding, let minimum):
      return l.pick(
        "Request #\(id): the co-funding \(Money.format(cofunding)) is below the \(percent)% share \(program) requires; a support of \(Money.format(support)) needs at least \(Money.format(minimum)) from the company. Give an override reason to agree anyway.",
        "신청 #\(id): 자부담 \(Money.format(cofunding), .topic) \(program)의 자부담 비율 \(percent)%에 못 미칩니다. 지원금 \(Money.format(support))에는 기업 부담이 \(Money.format(minimum)) 이상 필요합니다. 그래도 협약하려면 예외 사유를 입력하세요."
      )
    case .overDisbursed(let id, let amount, let disbursed, let approved):
      let paid = amount == 0 ? disbursed : disbursed + amount
      return l.pick(
        "Request #\(id): the instalments would come to \(Money.format(paid)), more than the \(Money.format(approved)) approved (\(Money.format(max(0, approved - disbursed))) is left to pay).",
        "신청 #\(id): 교부액 합계가 \(Money.format(paid), .subject) 되어 승인액 \(Money.format(approved), .object) 넘습니다 (남은 교부 가능액 \(Money.format(max(0, approved - disbursed))))."
      )
    case .budgetBelowCommitted(let program, let year, let budget, let committed):
      return l.pick(
        "The budget of \(program) (\(year)) cannot be \(Money.format(budget)): \(Money.format(committed)) is already committed to approved requests.",
        "\(program)(\(year)) 예산을 \(Money.format(budget), .direction) 줄일 수 없습니다: 승인된 신청에 이미 \(Money.format(committed), .subject) 배정되어 있습니다."
      )
    case .outsideWindow(let program, let year, let day, let opens, let closes):
      let window = "\(opens?.description ?? "…")–\(closes?.description ?? "…")"
      return l.pick(
        "\(program) (\(year)) takes requests \(window); \(day) is outside that window.",
        "\(program)(\(year))의 접수기간은 \(window)입니다. \(day, .topic) 접수기간 밖입니다.")
    case .stepNotAllowed(let id, let status, let step):
      return step.message(request: id, status: status, l)
    case .conflict(let kind, let reference):
      return l.pick(
        "\(kind) \(reference) was changed by someone else since you opened it; reload and apply your change again.",
        "\(Self.label(kind, l)) \(reference, .object) 연 뒤에 다른 사람이 바꾸었습니다. 다시 불러온 뒤 변경하세요.")
    case .alreadyDone(let id, let day):
      return l.pick(
        "Follow-up #\(id) was already done on \(day); its date was kept.",
        "후속조치 #\(id, .topic) 이미 \(day)에 완료되었습니다. 날짜는 그대로 두었습니다.")
    case .nothingToUndo:
      return l.pick("Nothing to undo.", "되돌릴 작업이 없습니다.")
    case .noChangeLogBetweenCommands:
      return l.pick(
        "A JSON workspace keeps the records, not a log of their changes, so a command's change cannot be undone once it ended; in the dashboard u undoes while it is open, and a SQLite workspace (clusterdesk convert) keeps the log.",
        "JSON 워크스페이스는 기록만 담고 변경 이력은 담지 않으므로 끝난 명령의 변경은 되돌릴 수 없습니다. 대시보드에서는 열려 있는 동안 u로 되돌리고, SQLite 워크스페이스(clusterdesk convert)는 이력을 남깁니다."
      )
    case .sumTooLarge:
      return l.pick(
        "Some amounts in the workspace, or their sum, are larger than ClusterDesk counts; look for an amount entered wrongly (an amount of support is at most 1조원).",
        "워크스페이스의 금액이나 그 합계가 ClusterDesk가 셀 수 있는 범위를 넘습니다. 잘못 입력된 금액이 있는지 확인하세요 (지원 금액은 최대 1조원입니다).")
    case .auditChainBroken(let entry, let request, let at):
      let english = request.map { "request #\($0), " } ?? ""
      let korean = request.map { "신청 #\($0), " } ?? ""
      return l.pick(
        "The audit log does not fit together from entry #\(entry) on (\(english)\(at)): that entry, or one before it, was changed, added or removed outside ClusterDesk.",
        "감사 기록이 #\(entry) 항목(\(korean)\(at))부터 맞지 않습니다: 이 항목이나 그 앞의 항목이 ClusterDesk 밖에서 바뀌었거나, 더해졌거나, 지워졌습니다."
      )
    case .fingerprintChanged(let entry, let kept, let now):
      return l.pick(
        "Audit entry #\(entry) has the fingerprint \(now), not the \(kept) kept for it: unless the fingerprint was copied wrongly, the history up to that entry was rewritten and its chain recomputed.",
        "감사 기록 #\(entry)의 지문이 적어 둔 \(kept, .subject) 아니라 \(now)입니다: 지문을 잘못 옮겨 적은 것이 아니라면, 그 항목까지의 이력이 다시 쓰이고 체인도 다시 계산된 것입니다."
      )
    case .refused(let path, let detail):
      return l.pick(
        "The workspace \(path) refused the change (\(detail)); nothing was changed.",
        "워크스페이스 \(path, .subject) 변경을 거부했습니다(\(detail)). 아무것도 바꾸지 않았습니다.")
    }
  }

  /// The Korean word for a kind of record named in English (`member`, `follow-up`, ...).
  static func label(_ kind: String, _ language: Language) -> String {
    guard language == .ko else { return kind }
    let korean = [
      "member": "회원", "request": "지원신청", "meeting": "회의", "follow-up": "후속조치",
      "attendance": "출석", "visit": "방문", "cluster": "미니클러스터", "mini-cluster": "미니클러스터",
      "division": "분과", "program": "지원사업", "expert": "전문가", "difficulty": "애로사항",
      "mentoring": "멘토링", "mentoring session": "멘토링 기록", "SIG task": "SIG 과제",
    ]
    return korean[kind] ?? kind
  }
}

/// A limit an approval would go past.
public enum ApprovalLimit: Hashable, Sendable {
  /// More than what remains of the program's budget.
  case budget(program: String, amount: KRW, remaining: KRW)
  /// More than the member may receive from the program in its year.
  case memberCapAmount(member: String, program: String, cap: KRW, already: KRW, amount: KRW)
  /// More approved requests than the member may have under the program in its year.
  case memberCapCount(member: String, program: String, cap: Int, already: Int)

  public func message(_ l: Language) -> String {
    switch self {
    case .budget(let program, let amount, let remaining):
      return l.pick(
        "Approving \(Money.format(amount)) exceeds what remains of \(program) (\(Money.format(remaining)))",
        "\(Money.format(amount)) 승인은 \(program)의 남은 예산(\(Money.format(remaining)))을 넘습니다")
    case .memberCapAmount(let member, let program, let cap, let already, let amount):
      return l.pick(
        "\(member) already has \(Money.format(already)) from \(program) this year and may receive at most \(Money.format(cap)); \(Money.format(amount)) more goes past that cap",
        "\(member, .topic) 올해 \(program)에서 이미 \(Money.format(already), .object) 지원받았고 한도는 \(Money.format(cap))이라 \(Money.format(amount), .object) 더하면 기업당 한도를 넘습니다"
      )
    case .memberCapCount(let member, let program, let cap, let already):
      return l.pick(
        "\(member) already has \(already) approved request(s) under \(program) this year, the most a member may have (\(cap))",
        "\(member, .topic) 올해 \(program)에서 이미 \(already)건 승인되어 기업당 한도(\(cap)건)에 이르렀습니다")
    }
  }
}

/// A step on a request other than a change of status.
public enum RequestStep: String, Hashable, Sendable {
  case edit, disburse

  func message(request id: Int64, status: RequestStatus, _ l: Language) -> String {
    switch self {
    case .edit:
      return l.pick(
        "Request #\(id) is \(status.english); only a draft or pending request can be edited.",
        "신청 #\(id, .topic) '\(status.korean)' 상태라 고칠 수 없습니다. 작성중이거나 심사대기인 신청만 고칠 수 있습니다.")
    case .disburse:
      if status == .completed {
        return l.pick(
          "Request #\(id) is settled; no more instalments can be paid.",
          "신청 #\(id, .topic) 정산이 끝나 더 교부할 수 없습니다.")
      }
      return l.pick(
        "Request #\(id) is \(status.english); instalments are paid only once the agreement is recorded.",
        "신청 #\(id, .topic) '\(status.korean)' 상태입니다. 교부는 협약을 기록한 뒤에만 할 수 있습니다.")
    }
  }
}

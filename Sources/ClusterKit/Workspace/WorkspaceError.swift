/// Everything that can go wrong opening or changing a workspace, each with one sentence a user
/// can act on, in both languages.
public enum WorkspaceError: Error, Equatable, Sendable {
  case missing(path: String)
  case missingDirectory(path: String)
  case emptyFile(path: String)
  case notAWorkspace(path: String)
  case otherDatabase(path: String)
  case newerVersion(path: String, found: Int, supported: Int)
  case damaged(path: String, detail: String)
  case readOnly(path: String)
  case cannotCreate(path: String, reason: String)
  case notEmpty(path: String)
  case diskFull(path: String)
  /// The operating system refused a read or write (an I/O error, a file size limit).
  case writeFailed(path: String, detail: String)
  case recordNotFound(kind: String, reference: String)
  case invalidTransition(request: Int64, from: RequestStatus, to: RequestStatus)
  case overBudget(program: String, amount: KRW, remaining: KRW)
  case overRequested(amount: KRW, requested: KRW)
  case conflict(kind: String, reference: String)
  case nothingToUndo
  /// Amounts whose sum passes what a number holds (only values written before their ranges
  /// were checked can get there).
  case sumTooLarge
  /// The audit log's hash chain breaks at this entry: it, or one before it, was changed, added
  /// or removed outside ClusterDesk.
  case auditChainBroken(entry: Int64, request: Int64, at: String)
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
        "\(path)은(는) 빈 파일이며 ClusterDesk 워크스페이스가 아닙니다. 아무것도 바꾸지 않았습니다.")
    case .notAWorkspace(let path):
      return l.pick(
        "\(path) is not a ClusterDesk workspace; nothing was changed.",
        "\(path)은(는) ClusterDesk 워크스페이스가 아닙니다. 아무것도 바꾸지 않았습니다.")
    case .otherDatabase(let path):
      return l.pick(
        "\(path) is another program's SQLite database, not a ClusterDesk workspace; nothing was changed.",
        "\(path)은(는) 다른 프로그램의 SQLite 데이터베이스이며 ClusterDesk 워크스페이스가 아닙니다. 아무것도 바꾸지 않았습니다.")
    case .newerVersion(let path, let found, let supported):
      return l.pick(
        "\(path) was written by a newer ClusterDesk (schema \(found), this one reads up to \(supported)); update ClusterDesk to open it. Nothing was changed.",
        "\(path)은(는) 더 새로운 ClusterDesk로 만든 파일입니다(스키마 \(found), 이 버전은 \(supported)까지 읽음). ClusterDesk를 업데이트하세요. 아무것도 바꾸지 않았습니다."
      )
    case .damaged(let path, let detail):
      return l.pick(
        "\(path) is damaged (\(detail)); restore it from a backup or export. Nothing was changed.",
        "\(path) 파일이 손상되었습니다(\(detail)). 백업이나 내보낸 파일로 복구하세요. 아무것도 바꾸지 않았습니다.")
    case .readOnly(let path):
      return l.pick(
        "\(path) is read-only, so changes cannot be saved; check the file's permissions.",
        "\(path)은(는) 읽기 전용이라 변경을 저장할 수 없습니다. 파일 권한을 확인하세요.")
    case .cannotCreate(let path, let reason):
      return l.pick(
        "Cannot create \(path): \(reason).", "\(path)을(를) 만들 수 없습니다: \(reason).")
    case .notEmpty(let path):
      return l.pick(
        "\(path) already holds data; a whole workspace can only be imported into an empty one.",
        "\(path)에 이미 데이터가 있습니다. 워크스페이스 전체 가져오기는 빈 워크스페이스에만 할 수 있습니다.")
    case .diskFull(let path):
      return l.pick(
        "The disk holding \(path) is full; the last change was not saved.",
        "\(path)이(가) 있는 디스크가 가득 찼습니다. 마지막 변경은 저장되지 않았습니다.")
    case .writeFailed(let path, let detail):
      return l.pick(
        "Could not write to \(path) (\(detail)); the last change was not saved. Check that the disk has room and the file can be written.",
        "\(path)에 쓸 수 없었습니다(\(detail)). 마지막 변경은 저장되지 않았습니다. 디스크 공간과 파일 권한을 확인하세요.")
    case .recordNotFound(let kind, let reference):
      return l.pick("No \(kind) \(reference).", "\(kind) \(reference)을(를) 찾을 수 없습니다.")
    case .invalidTransition(let id, let from, let to):
      let allowed = from.allowedNext.map { $0.label(l) }.joined(separator: ", ")
      return l.pick(
        "Request #\(id) is \(from.english) and cannot become \(to.english)"
          + (allowed.isEmpty ? "." : " (it can become: \(allowed))."),
        "신청 #\(id)은(는) '\(from.korean)' 상태라 '\(to.korean)'(으)로 바꿀 수 없습니다"
          + (allowed.isEmpty ? "." : " (가능: \(allowed))."))
    case .overBudget(let program, let amount, let remaining):
      return l.pick(
        "Approving \(Money.format(amount)) exceeds what remains of \(program) (\(Money.format(remaining))); give an override reason to approve anyway.",
        "\(Money.format(amount)) 승인은 \(program)의 남은 예산(\(Money.format(remaining)))을 넘습니다. 그래도 승인하려면 초과 사유를 입력하세요."
      )
    case .overRequested(let amount, let requested):
      return l.pick(
        "The approved amount \(Money.format(amount)) is more than the \(Money.format(requested)) requested.",
        "승인액 \(Money.format(amount))이(가) 신청액 \(Money.format(requested))보다 많습니다.")
    case .conflict(let kind, let reference):
      return l.pick(
        "\(kind) \(reference) was changed by someone else since you opened it; reload and apply your change again.",
        "\(kind) \(reference)을(를) 연 뒤에 다른 사람이 바꾸었습니다. 다시 불러온 뒤 변경하세요.")
    case .nothingToUndo:
      return l.pick("Nothing to undo.", "되돌릴 작업이 없습니다.")
    case .sumTooLarge:
      return l.pick(
        "Some amounts in the workspace, or their sum, are larger than ClusterDesk counts; look for an amount entered wrongly (an amount of support is at most 1조원).",
        "워크스페이스의 금액이나 그 합계가 ClusterDesk가 셀 수 있는 범위를 넘습니다. 잘못 입력된 금액이 있는지 확인하세요 (지원 금액은 최대 1조원입니다).")
    case .auditChainBroken(let entry, let request, let at):
      return l.pick(
        "The audit log does not fit together from entry #\(entry) on (request #\(request), \(at)): that entry, or one before it, was changed, added or removed outside ClusterDesk.",
        "감사 기록이 #\(entry) 항목(신청 #\(request), \(at))부터 맞지 않습니다: 이 항목이나 그 앞의 항목이 ClusterDesk 밖에서 바뀌었거나, 더해졌거나, 지워졌습니다."
      )
    case .fingerprintChanged(let entry, let kept, let now):
      return l.pick(
        "Audit entry #\(entry) has the fingerprint \(now), not the \(kept) kept for it: unless the fingerprint was copied wrongly, the history up to that entry was rewritten and its chain recomputed.",
        "감사 기록 #\(entry)의 지문이 적어 둔 \(kept)이(가) 아니라 \(now)입니다: 지문을 잘못 옮겨 적은 것이 아니라면, 그 항목까지의 이력이 다시 쓰이고 체인도 다시 계산된 것입니다."
      )
    case .refused(let path, let detail):
      return l.pick(
        "The workspace \(path) refused the change (\(detail)); nothing was changed.",
        "워크스페이스 \(path)이(가) 변경을 거부했습니다(\(detail)). 아무것도 바꾸지 않았습니다.")
    }
  }
}

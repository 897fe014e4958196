import ClusterKit
import TerminalKit

/// The reads of one frame: the shared lists, the showing pane's data and the data of the
/// dialogs open over it. It asks the workspace for its data version once and forgets every
/// remembered read when that moved (our own writes and other processes' alike), so a frame
/// never shows data older than the workspace, and nothing is read again while nothing changed.
struct Loader {
  private(set) var version: Int?
  private var common = Memo<Int, Common>()
  private var detailMemo = Memo<DetailModal.Key, DetailData>()
  private var attendanceMemo = Memo<Int64, [AttendanceSheetLine]>()
  private var formMemo = Memo<FormDialog.Inputs, FormData>()

  private(set) var shared = Common()
  private(set) var detail: DetailData?
  private(set) var attendance: [AttendanceSheetLine] = []
  private(set) var form = FormData()

  /// Checks the data version, then reads the shared lists (clusters and divisions).
  mutating func begin(_ workspace: Workspace) {
    let now = try? workspace.dataVersion()
    if now == nil || now != version { self = Loader(version: now) }
    shared = common.get(0) {
      Common(
        clusters: (try? workspace.clusters()) ?? [], divisions: (try? workspace.divisions()) ?? [])
    }
  }

  private init(version: Int?) { self.version = version }
  init() {}

  /// Reads what the open dialogs show: the full-screen view nearest the top, and the form on top.
  mutating func loadModals(_ modals: [Modal], _ ctx: Context, _ workspace: Workspace) {
    detail = nil
    attendance = []
    form = FormData()
    for modal in modals.reversed() {
      if case .detail(let d) = modal {
        let key = DetailModal.Key(
          subject: d.subject, language: ctx.language, today: ctx.today,
          requestOffset: d.requestOffset, requestLimit: DetailModal.requestLimit(ctx),
          width: ctx.width)
        detail = detailMemo.get(key) { DetailModal.loadLaidOut(d, ctx, workspace) }
        break
      }
      if case .attendance(let a) = modal {
        attendance = attendanceMemo.get(a.meetingId) { AttendanceModal.load(a, workspace) }
        break
      }
    }
    if case .form(let f) = modals.last {
      form = FormDialog.load(f, workspace, &formMemo, ctx.language)
    }
  }

  /// Keeps the dialog on top inside the data it shows.
  func fit(_ app: inout AppState, _ ctx: Context) {
    switch app.top {
    case .detail(var d):
      if let detail { DetailModal.fit(&d, detail, ctx) }
      app.replaceTop(.detail(d))
    case .attendance(var a):
      AttendanceModal.fit(&a, attendance, ctx)
      app.replaceTop(.attendance(a))
    case .form(var f):
      FormDialog.fit(&f, form)
      app.replaceTop(.form(f))
    default: break
    }
  }
}

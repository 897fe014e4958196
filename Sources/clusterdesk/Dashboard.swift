import ClusterKit

/// Opens the dashboard; wired to the terminal front end.
func runDashboard(workspace: Workspace, pane: String) throws {
  throw CommandError("The dashboard is not built yet.", "대시보드가 아직 없습니다.")
}

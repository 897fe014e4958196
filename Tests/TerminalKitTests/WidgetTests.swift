import Testing

@testable import TerminalKit

@Suite struct TableTests {
  let theme = Theme.standard

  func table(selected: Int? = nil) -> Table {
    Table(
      columns: [
        .init("회사", width: .flex(1)),
        .init("지역", width: .fixed(4)),
        .init("금액", width: .fixed(6), alignment: .right),
      ],
      rows: (0..<10).map { i in ["회사\(i)", i % 2 == 0 ? "대구" : "구미", "\(i * 100)"] },
      scroll: selected.map { ScrollState(cursor: $0) }, sortColumn: 0, sortAscending: true)
  }

  @Test func headerShowsTitlesAlignmentAndSortArrow() {
    var g = Grid(width: 20, height: 4)
    table().render(into: &g, in: g.bounds, theme: theme)
    #expect(g.text(row: 0) == "회사▲   " + " " + "지역" + " " + "  금액")
    #expect(g.mask(row: 0) { $0 == theme.header } == String(repeating: "#", count: 20))
    #expect(g.text(row: 1) == "회사0   " + " " + "대구" + " " + "     0")
    #expect(g.text(row: 2) == "회사1   " + " " + "구미" + " " + "   100")
  }

  @Test func descendingArrow() {
    var t = table()
    t.sortAscending = false
    t.sortColumn = 2
    var g = Grid(width: 20, height: 2)
    t.render(into: &g, in: g.bounds, theme: theme)
    #expect(g.text(row: 0).hasSuffix(" 금액▼"))
    #expect(!g.text(row: 0).contains("▲"))
  }

  @Test func selectionBeyondTheViewScrolls() {
    let t = table(selected: 5)
    let rect = Rect(width: 20, height: 4)
    #expect(t.visibleRowCount(for: rect) == 3)
    #expect(t.firstVisible(for: rect) == 3)
    var g = Grid(width: 20, height: 4)
    t.render(into: &g, in: rect, theme: theme)
    #expect(g.text(row: 1).hasPrefix("회사3"))
    #expect(g.text(row: 3).hasPrefix("회사5"))
    #expect(g.mask(row: 3) { $0 == theme.selected } == String(repeating: "#", count: 20))
    #expect(g.mask(row: 2) { $0 == theme.selected } == String(repeating: ".", count: 20))
  }

  /// A table given one window of a long list draws it from the list's own scroll state, and
  /// row styles count in the list's numbers.
  @Test func aWindowOfALongListDrawsAtItsOffset() {
    var t = table()
    t.rows = (40..<43).map { i in ["회사\(i)", "대구", "\(i)"] }
    t.firstRow = 40
    t.rowCount = 1000
    t.scroll = ScrollState(cursor: 41, offset: 40)
    let overdue = Style(fg: .red)
    t.rowStyles = [42: overdue]
    var g = Grid(width: 20, height: 4)
    t.render(into: &g, in: g.bounds, theme: theme)
    #expect(g.text(row: 1).hasPrefix("회사40"))
    #expect(g.text(row: 3).hasPrefix("회사42"))
    #expect(g.mask(row: 2) { $0 == theme.selected }.allSatisfy { $0 == "#" })
    #expect(g.mask(row: 3) { $0 == overdue }.allSatisfy { $0 == "#" })
  }

  @Test func longKoreanCellsAreCutWithoutSplittingSyllables() {
    var t = table()
    t.rows = [["㈜대한뉴팜산업", "경상북도", "1234567"]]
    var g = Grid(width: 20, height: 2)
    t.render(into: &g, in: g.bounds, theme: theme)
    #expect(g.text(row: 1) == "㈜대한 …" + " " + "경 …" + " " + "12345…")
    #expect(DisplayWidth.of(g.text(row: 1)) == 20)
  }

  @Test func rowStyleOverrideAndSelectionWins() {
    var t = table(selected: 1)
    let overdue = Style(fg: .red)
    t.rowStyles = [0: overdue, 1: overdue]
    var g = Grid(width: 20, height: 3)
    t.render(into: &g, in: g.bounds, theme: theme)
    #expect(g.mask(row: 1) { $0 == overdue }.allSatisfy { $0 == "#" })
    #expect(g.mask(row: 2) { $0 == theme.selected }.allSatisfy { $0 == "#" })
  }

  @Test func emptyTableShowsMessage() {
    var t = table()
    t.rows = []
    t.emptyMessage = "자료 없음"
    var g = Grid(width: 20, height: 3)
    t.render(into: &g, in: g.bounds, theme: theme)
    #expect(g.trimmedLines[1] == "자료 없음")
  }
}

@Suite struct ChartTests {
  @Test func barChartScalesToTheLargestValue() {
    let chart = BarChart(bars: [.init("가공", 10), .init("조립", 5), .init("검사", 3)])
    var g = Grid(width: 20, height: 3)
    chart.render(into: &g, in: g.bounds, theme: .standard)
    #expect(g.text(row: 0) == "가공 " + String(repeating: "█", count: 12) + " 10")
    #expect(
      g.text(row: 1) == "조립 " + String(repeating: "█", count: 6) + String(repeating: " ", count: 6)
        + "  5")
    #expect(g.text(row: 2) == "검사 ███▌" + String(repeating: " ", count: 8) + "  3")
  }

  @Test func barEighths() {
    #expect(BarChart.bar(value: 1, maximum: 8, width: 1) == "▏")
    #expect(BarChart.bar(value: 8, maximum: 8, width: 2) == "██")
    #expect(BarChart.bar(value: 0, maximum: 8, width: 2) == "")
    #expect(BarChart.bar(value: 20, maximum: 8, width: 2) == "██")
  }

  @Test func stackedBarWithLegend() {
    let bar = StackedBar(
      segments: [.init("승인", 600), .init("대기", 200)], total: 1000)
    #expect(bar.columns(width: 10) == [6, 2])
    var g = Grid(width: 30, height: 2)
    bar.render(into: &g, in: Rect(width: 10, height: 2), theme: .standard)
    #expect(g.text(row: 0).hasPrefix("██████▓▓··"))
    #expect(g.trimmedLines[1] == "█ 승인 600")
    var wide = Grid(width: 30, height: 2)
    bar.render(into: &wide, in: wide.bounds, theme: .monochrome)
    #expect(wide.trimmedLines[1] == "█ 승인 600  ▓ 대기 200")
    #expect(bar.columns(width: 30).reduce(0, +) == 24)
  }

  @Test func sparkline() {
    #expect(Sparkline.string([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
    #expect(Sparkline.string([0, 1, 2, 3, 4, 5, 6, 7], width: 3) == "▆▇█")
    #expect(Sparkline.string([0, 0]) == "▁▁")
    #expect(Sparkline.string([]) == "")
    #expect(Sparkline.string([10, 5]) == "█▅")
  }
}

@Suite struct ScrollStateTests {
  @Test func moveKeepsTheOffsetUntilItMustMove() {
    var s = ScrollState()
    s.move(to: 2, count: 10, visible: 3)
    #expect(s == ScrollState(cursor: 2, offset: 0))
    s.move(to: 3, count: 10, visible: 3)
    #expect(s.offset == 1)
    s.move(to: 100, count: 10, visible: 3)
    #expect(s == ScrollState(cursor: 9, offset: 7))
    s.move(to: 1, count: 10, visible: 3)
    #expect(s == ScrollState(cursor: 1, offset: 1))
    s.move(to: -5, count: 10, visible: 3)
    #expect(s == ScrollState(cursor: 0, offset: 0))
  }

  @Test func anEmptyOrShrunkListClampsAndLeavesNoEmptyRows() {
    var s = ScrollState(cursor: 50, offset: 45)
    s.move(to: s.cursor, count: 0, visible: 10)
    #expect(s == ScrollState(cursor: 0, offset: 0))
    let shrunk = ScrollState(cursor: 8, offset: 6)
    #expect(shrunk.firstVisible(count: 9, visible: 5) == 4)
    #expect(ScrollState(cursor: 2, offset: 0).firstVisible(count: 0, visible: 5) == 0)
  }
}

@Suite struct DialogAndBarTests {
  @Test func everythingSurvivesTinyScreens() {
    for (w, h) in [(20, 5), (40, 12), (3, 2), (1, 1), (0, 0)] {
      var g = Grid(width: w, height: h)
      let theme = Theme.standard
      TableTests().table(selected: 4).render(into: &g, in: g.bounds, theme: theme)
      Form(fields: [.init("회사명", TextField("유신정밀"), error: "필수")]).render(
        into: &g, in: g.bounds, theme: theme)
      Tabs(titles: ["현황", "회원"]).render(into: &g, in: g.bounds, theme: theme)
      StatusBar(left: "대구", hints: [KeyHint("q", "종료")], right: "1/2").render(
        into: &g, in: g.bounds, theme: theme)
      HelpOverlay(title: "도움말", sections: [.init("이동", [KeyHint("j", "아래")])]).render(
        into: &g, in: g.bounds, theme: theme)
      BarChart(bars: [.init("가공", 3)]).render(into: &g, in: g.bounds, theme: theme)
      StackedBar(segments: [.init("승인", 1)]).render(into: &g, in: g.bounds, theme: theme)
      Box(title: "상자").render(into: &g, in: g.bounds, theme: theme)
      #expect(g.lines.count == h)
      for line in g.lines { #expect(DisplayWidth.of(line) == w) }
    }
  }

  @Test func tabsHighlightTheActiveTitle() {
    var g = Grid(width: 30, height: 1)
    Tabs(titles: ["현황", "회원", "방문"], active: 1).render(into: &g, in: g.bounds, theme: .standard)
    #expect(g.trimmedLines[0] == " 1 현황 │ 2 회원 │ 3 방문 │")
    #expect(
      g.mask(row: 0) { $0 == Theme.standard.selected }.hasPrefix("........." + "########" + "."))
  }

  @Test func tabsTightenThenCutTheOtherTitlesToFit() {
    let tabs = Tabs(titles: ["Overview", "Members", "Requests", "Programs"], active: 3)
    #expect(tabs.labels(fitting: 60)[0] == " 1 Overview ")
    #expect(tabs.labels(fitting: 44) == ["1 Overview", "2 Members", "3 Requests", "4 Programs"])
    let cut = tabs.labels(fitting: 30)
    #expect(cut[3] == "4 Programs")
    #expect(cut.reduce(0) { $0 + DisplayWidth.of($1) + 1 } <= 30)
    var g = Grid(width: 30, height: 1)
    tabs.render(into: &g, in: g.bounds, theme: .standard)
    #expect(g.trimmedLines[0].hasSuffix("4 Programs│"))
  }

  @Test func statusBarPutsHintsLeftAndTextRight() {
    var g = Grid(width: 30, height: 1)
    StatusBar(hints: [KeyHint("?", "도움말"), KeyHint(.ctrl("c"), "종료")], right: "12/40")
      .render(into: &g, in: g.bounds, theme: .standard)
    #expect(g.text(row: 0) == "? 도움말  Ctrl-C 종료    12/40")
    #expect(g.mask(row: 0) { $0 == Theme.standard.keyHint }.hasPrefix("#.........######."))
  }

  @Test func helpOverlayListsKeysAndScrolls() {
    var help = HelpOverlay(
      title: "도움말",
      sections: [
        .init("이동", [KeyHint("↑/k", "위로"), KeyHint("↓/j", "아래로")]),
        .init("기타", [KeyHint("q", "종료")]),
      ])
    #expect(help.lineCount == 6)
    var g = Grid(width: 40, height: 12)
    help.render(into: &g, in: g.bounds, theme: .standard)
    #expect(g.lines.contains { $0.contains("│   ↑/k  위로") })
    #expect(g.lines.contains { $0.contains("│ 기타") })
    let tiny = Rect(width: 20, height: 5)
    help.scroll(by: 10, in: tiny)
    #expect(help.offset == 5)
    var t = Grid(width: 20, height: 5)
    help.render(into: &t, in: tiny, theme: .standard)
    #expect(t.lines.contains { $0.contains("q    종료") })
    #expect(t.lines.contains { $0.contains("▲") })
  }

  @Test func helpShowsWhyAKeyDoesNothingNow() {
    let help = HelpOverlay(
      title: "도움말",
      sections: [.init("방문", [KeyHint("x", "후속조치 완료", unavailable: "후속조치를 먼저 고르세요")])])
    var g = Grid(width: 60, height: 8)
    help.render(into: &g, in: g.bounds, theme: .standard)
    #expect(g.lines.contains { $0.contains("x  후속조치 완료 — 후속조치를 먼저 고르세요") }, "\(g)")
    #expect(
      g.lines.firstIndex { $0.contains("x  후속조치") }.map { row in
        g.mask(row: row) { $0 == Theme.standard.keyHint }.allSatisfy { $0 == "." }
      } == true)
  }
}

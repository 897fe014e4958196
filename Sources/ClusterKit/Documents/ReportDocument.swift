/// A report laid out once for every form it is handed over in: sections of titled tables of
/// typed values. `report` prints it as text, `report --format xlsx` writes one sheet per group of
/// sections and `--format json` writes the same tables, so the figures cannot differ between
/// them.
public struct ReportDocument: Sendable {
  /// The first line of the text and of every sheet: what it is, for which office and year.
  public var title: String
  public var sections: [ReportSection]
}

public struct ReportSection: Sendable {
  /// Stable across languages, for JSON.
  public var key: String
  /// The sheet of a workbook the section goes on; sections next to each other with the same
  /// sheet share it.
  public var sheet: String
  public var title: String
  public var blocks: [ReportBlock]
}

public enum ReportBlock: Sendable {
  case table(ReportTable)
  /// A sentence whose figures are in a table already (a total in words); a workbook writes it
  /// as text under the table.
  case note(String)
}

public struct ReportColumn: Sendable {
  public var key: String
  public var title: String
}

/// A table of a report. Tables of a few figures read better in the text as sentences: `lines`,
/// when set, are what the text prints instead of the rows, written from the same values.
public struct ReportTable: Sendable {
  public var key: String
  public var columns: [ReportColumn]
  public var rows: [[TableValue]]
  /// How many of the last rows are totals (bold in a workbook).
  public var totalRows = 0
  public var lines: [String]?
}

extension AnnualReport {
  /// The report's tables, headings and sentences in one language.
  public func document(_ l: Language) -> ReportDocument {
    let r = self
    func column(_ key: String, _ en: String, _ ko: String) -> ReportColumn {
      ReportColumn(key: key, title: l.pick(en, ko))
    }
    func section(_ key: String, sheet: String, _ title: String, _ blocks: [ReportBlock])
      -> ReportSection
    {
      ReportSection(key: key, sheet: sheet, title: title, blocks: blocks)
    }
    /// Two columns, a figure's name and its number, printed as the given sentences.
    func figures(_ key: String, _ rows: [(String, TableValue)], lines: [String]) -> ReportBlock {
      .table(
        ReportTable(
          key: key, columns: [column("figure", "figure", "항목"), column("value", "number", "수")],
          rows: rows.map { [.text($0.0), $0.1] }, lines: lines))
    }
    func count(_ value: Int) -> TableValue { .number(value) }
    let total = l.pick("total", "합계")

    let members = ReportTable(
      key: "byKind", columns: [column("kind", "kind", "구분"), column("members", "members", "회원")],
      rows: MemberKind.allCases.map { [.text($0.label(l)), count(r.membersByKind[$0] ?? 0)] }
        + [[.text(total), count(r.totalMembers)]], totalRows: 1)
    let membersByCluster = ReportTable(
      key: "byCluster",
      columns: [column("cluster", "mini-cluster", "미니클러스터"), column("members", "members", "회원")],
      rows: r.membersByCluster.map { [.text($0.cluster), count($0.count)] })

    let meetings = ReportTable(
      key: "byKind",
      columns: [
        column("kind", "kind", "종류"), column("held", "held", "개최"),
        column("participation", "participation", "참석률"),
      ],
      rows: r.meetings.map {
        [.text($0.kind.label(l)), count($0.held), .percent($0.participation.rate)]
      })

    func supportTable(_ key: String, _ first: ReportColumn, _ rows: [(String, SupportTotals)])
      -> ReportTable
    {
      ReportTable(
        key: key,
        columns: [
          first, column("requests", "requests", "신청"),
          column("requestedKRW", "requested", "신청액"), column("approved", "approved", "선정"),
          column("approvedKRW", "amount", "지원액"), column("cofundingKRW", "co-funding", "자부담"),
          column("disbursedKRW", "disbursed", "교부액"), column("returnedKRW", "returned", "반환액"),
        ],
        rows: rows.map { name, t in
          [
            .text(name), count(t.requestCount), .won(t.requestedKRW), count(t.approvedCount),
            .won(t.approvedKRW), .won(t.cofundingKRW), .won(t.disbursedKRW), .won(t.returnedKRW),
          ]
        })
    }
    var byProgram = supportTable(
      "byProgram", column("program", "program", "지원사업"),
      r.programs.map { ($0.program.name, $0.totals) } + [(total, r.totals)])
    byProgram.totalRows = 1
    let committed = r.totals.committedKRW
    let budgets = ReportTable(
      key: "budgets",
      columns: [
        column("program", "program", "지원사업"), column("budgetKRW", "budget", "예산"),
        column("pendingKRW", "pending", "심사중"), column("committedKRW", "committed", "배정"),
        column("remainingKRW", "remaining", "잔액"),
      ],
      rows: r.programs.map {
        [
          .text($0.program.name), .won($0.budgetKRW), .won($0.pendingKRW), .won($0.committedKRW),
          .won($0.remainingKRW),
        ]
      } + [
        [
          .text(total), .won(r.budgetKRW), .won(r.totals.pendingKRW), .won(committed),
          .won(r.budgetKRW - committed),
        ]
      ], totalRows: 1)
    let byCategory = supportTable(
      "byCategory", column("category", "category", "분야"),
      r.categories.map { ($0.category.label(l), $0.totals) })
    let byCluster = supportTable(
      "byCluster", column("cluster", "mini-cluster", "미니클러스터"),
      r.clusters.map { ($0.cluster, $0.totals) })
    let statuses = RequestStatus.allCases.map { ($0.label(l), r.requestsByStatus[$0] ?? 0) }

    var visits: [ReportBlock] = [
      figures(
        "visits",
        [
          (l.pick("visits", "방문"), count(r.visits)),
          (l.pick("members visited", "방문한 회원"), count(r.companiesVisited)),
        ],
        lines: [
          l.pick(
            "\(r.visits) visits to \(r.companiesVisited) members",
            "방문 \(r.visits)회, 회원 \(r.companiesVisited)곳")
        ])
    ]
    let found = DifficultyCategory.allCases.compactMap { c in
      r.difficultiesByCategory[c].map { (c.label(l), $0) }
    }
    if !found.isEmpty {
      visits.append(
        .table(
          ReportTable(
            key: "difficulties",
            columns: [
              column("category", "difficulty", "애로사항"), column("found", "found", "건수"),
            ],
            rows: found.map { [.text($0.0), count($0.1)] },
            lines: [
              l.pick("Difficulties: ", "애로사항: ")
                + found.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            ])))
      visits.append(
        figures(
          "difficultiesAnswered",
          [
            (l.pick("difficulties found", "발굴한 애로사항"), count(r.difficultiesFound)),
            (l.pick("led to a request", "지원신청"), count(r.difficultiesAnswered)),
            (l.pick("led to an approved support", "지원 선정"), count(r.difficultiesSupported)),
          ],
          lines: [
            l.pick(
              "Of the \(r.difficultiesFound) difficulties found, \(r.difficultiesAnswered) led to a request and \(r.difficultiesSupported) to an approved support",
              "발굴한 애로사항 \(r.difficultiesFound)건 중 \(r.difficultiesAnswered)건 지원신청, \(r.difficultiesSupported)건 지원 선정"
            )
          ]))
    }
    visits.append(
      figures(
        "followUps",
        [
          (l.pick("follow-ups done", "후속조치 완료"), count(r.followUpsDone)),
          (l.pick("follow-ups open", "후속조치 진행"), count(r.followUpsOpen)),
          (l.pick("of them overdue", "그중 지연"), count(r.followUpsOverdue)),
        ],
        lines: [
          l.pick(
            "Follow-ups: \(r.followUpsDone) done, \(r.followUpsOpen) open (\(r.followUpsOverdue) overdue)",
            "후속조치: 완료 \(r.followUpsDone), 진행 \(r.followUpsOpen) (지연 \(r.followUpsOverdue))")
        ]))

    let p = r.programmes
    let kinds = ExpertKind.allCases.compactMap { k in p.expertsByKind[k].map { (k.label(l), $0) } }
    let kindText = kinds.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    let unmentored = p.activeCompanies - p.mentoredCompanies
    let mentoring = figures(
      "mentoring",
      [(l.pick("experts in the pool", "전문가 풀"), count(p.experts))]
        + kinds.map { ("· " + $0.0, count($0.1)) }
        + [
          (l.pick("experts mentoring now", "현재 멘토링 전문가"), count(p.expertsMentoring)),
          (l.pick("active companies", "활동 기업"), count(p.activeCompanies)),
          (l.pick("companies with a mentor", "멘토 배정 기업"), count(p.mentoredCompanies)),
          (l.pick("companies without a mentor", "미배정 기업"), count(unmentored)),
          (l.pick("assignments in \(r.year)", "\(r.year)년 멘토링 배정"), count(p.assignments)),
          (l.pick("· started", "· 신규"), count(p.assignmentsStarted)),
          (l.pick("· ended", "· 종료"), count(p.assignmentsEnded)),
          (l.pick("sessions", "멘토링 실적(회)"), count(p.sessions)),
          (l.pick("companies with sessions", "멘토링 기업"), count(p.companiesWithSessions)),
        ],
      lines: [
        l.pick(
          "Expert pool: \(p.experts) (\(kindText)); \(p.expertsMentoring) mentoring now",
          "전문가 풀: \(p.experts)명 (\(kindText)), 현재 멘토링 \(p.expertsMentoring)명"),
        l.pick(
          "Companies with a mentor: \(p.mentoredCompanies) of \(p.activeCompanies) active companies (\(unmentored) without)",
          "멘토 배정 기업: 활동 기업 \(p.activeCompanies)개 중 \(p.mentoredCompanies)개 (미배정 \(unmentored)개)"),
        l.pick(
          "Assignments in \(r.year): \(p.assignments) (\(p.assignmentsStarted) started, \(p.assignmentsEnded) ended)",
          "\(r.year)년 멘토링 배정: \(p.assignments)건 (신규 \(p.assignmentsStarted), 종료 \(p.assignmentsEnded))"
        ),
        l.pick(
          "Sessions: \(p.sessions) with \(p.companiesWithSessions) companies",
          "멘토링 실적: \(p.companiesWithSessions)개사 \(p.sessions)회"),
      ])
    let uncovered = p.activeCompanies - p.sigCompanies
    let tasks = SIGTaskStatus.allCases.map { ($0.label(l), p.tasksByStatus[$0] ?? 0) }
    let taskText = tasks.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    let sigs = figures(
      "sigs",
      [
        (l.pick("SIGs", "SIG"), count(p.sigs)),
        (l.pick("active companies", "활동 기업"), count(p.activeCompanies)),
        (l.pick("companies in a SIG", "SIG 참여 기업"), count(p.sigCompanies)),
        (l.pick("companies in none", "미참여 기업"), count(uncovered)),
      ] + tasks.map { (l.pick("tasks ", "과제 ") + $0.0, count($0.1)) }
        + [(l.pick("tasks done in \(r.year)", "\(r.year)년 완료 과제"), count(p.tasksDone))],
      lines: [
        l.pick(
          "\(p.sigs) SIGs; \(p.sigCompanies) of \(p.activeCompanies) active companies in a SIG (\(uncovered) in none)",
          "SIG \(p.sigs)개, 활동 기업 \(p.activeCompanies)개 중 \(p.sigCompanies)개 참여 (미참여 \(uncovered)개)"),
        l.pick(
          "Tasks: \(taskText); \(p.tasksDone) done in \(r.year)",
          "과제: \(taskText), \(r.year)년 완료 \(p.tasksDone)건"),
      ])
    let book = p.directoryBook
    let directoryBook = figures(
      "directoryBook",
      [
        (l.pick("members", "회원"), count(book.members)),
        (l.pick("submitted their profile", "제출"), count(book.submitted)),
        (l.pick("asked", "요청"), count(book.asked)),
      ],
      lines: [
        l.pick(
          "\(book.submitted) of \(book.members) members submitted their profile; \(book.asked) asked",
          "회원 \(book.members)곳 중 \(book.submitted)곳 제출, \(book.asked)곳 요청")
      ])

    let supportsSheet = l.pick("Supports", "지원사업")
    let programmesSheet = l.pick("Mentoring and SIGs", "멘토링·SIG")
    var sections = [
      section(
        "members", sheet: l.pick("Members", "회원"), l.pick("Members", "회원 현황"),
        [.table(members), .table(membersByCluster)]),
      section(
        "meetings", sheet: l.pick("Meetings", "회의"), l.pick("Meetings held", "회의 개최 실적"),
        [.table(meetings)]),
      section(
        "supportByProgram", sheet: supportsSheet, l.pick("Support by program", "지원사업별 실적"),
        [
          .table(byProgram),
          .note(
            l.pick(
              "In all: \(r.approvedCount) supports selected, \(Money.compact(r.approvedKRW))",
              "총 \(r.approvedCount)건 선정, \(Money.compact(r.approvedKRW))")),
        ]),
      section("budgets", sheet: supportsSheet, l.pick("Budgets", "예산 집행"), [.table(budgets)]),
      section(
        "supportByCategory", sheet: supportsSheet, l.pick("Support by category", "분야별 실적"),
        [.table(byCategory)]),
      section(
        "supportByCluster", sheet: supportsSheet,
        l.pick("Support by mini-cluster", "미니클러스터별 실적"),
        [
          .table(byCluster),
          .table(
            ReportTable(
              key: "requestsByStatus",
              columns: [
                column("status", "request status", "신청 상태"), column("requests", "requests", "건수"),
              ],
              rows: statuses.map { [.text($0.0), count($0.1)] },
              lines: [
                l.pick("Requests: ", "신청 현황: ")
                  + statuses.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
              ])),
        ]),
      section(
        "visits", sheet: l.pick("Visits", "기업방문"), l.pick("Company visits", "기업 방문"), visits),
      section(
        "mentoring", sheet: programmesSheet, l.pick("Mentoring (1사1멘토링)", "1사1멘토링"),
        [mentoring]),
      section("sigs", sheet: programmesSheet, l.pick("SIGs (1사1SIG)", "1사1SIG"), [sigs]),
      section(
        "directoryBook", sheet: l.pick("Directory book", "디렉토리북"),
        l.pick("Directory book \(r.year)", "\(r.year)년 디렉토리북"), [directoryBook]),
    ]
    if !r.nextYearPrograms.isEmpty {
      sections.append(
        section(
          "plans", sheet: l.pick("Plans \(r.year + 1)", "\(r.year + 1)년 계획"),
          l.pick("Plans for \(r.year + 1)", "\(r.year + 1)년 계획"),
          [
            .table(
              ReportTable(
                key: "programs",
                columns: [
                  column("program", "program", "지원사업"), column("budgetKRW", "budget", "예산"),
                ],
                rows: r.nextYearPrograms.map { [.text($0.name), .won($0.budgetKRW)] }))
          ]))
    }
    return ReportDocument(
      title: l.pick("Annual report \(r.year)", "\(r.year)년 실적보고") + " — \(r.office.name)",
      sections: sections)
  }
}

import Workbook

extension DirectoryBookContents {
  /// The book as a workbook: one row per member in the book's order, with a frozen, filtered
  /// header, and with `changesSince` a second sheet of what changed. Contact people share one
  /// cell, a line each, their mobile numbers masked unless `unmask`.
  public func sheets(_ l: Language, unmask: Bool) -> [Sheet] {
    func title(_ column: MemberColumn) -> String { column.header(l) }
    var header = [
      l.pick("no.", "번호"), l.pick("mini-cluster", "미니클러스터"), title(.division), title(.name),
      title(.kind), title(.representative), title(.products), title(.employees), title(.sales),
      title(.founded), title(.address), title(.phone), title(.website),
      l.pick("contact people", "담당자"),
    ]
    if changes != nil { header.append(l.pick("since \(changes!.since)", "\(changes!.since)년판 대비")) }
    var rows: [[TableValue]] = []
    for part in parts {
      for division in part.divisions {
        for company in division.companies {
          let m = company.member
          let contacts = company.contacts.map { contact in
            [
              contact.name, contact.title,
              PhoneNumber.printed(contact.phone, unmask: unmask), contact.email,
            ].filter { !$0.isEmpty }.joined(separator: " ")
          }
          var row: [TableValue] = [
            .number(company.number), .text(part.cluster.name), .text(division.name ?? ""),
            .text(m.name), .text(m.kind.label(l)), .text(m.representative), .text(m.products),
            .number(m.employees), .won(m.salesKRW), .date(m.founded), .text(m.address),
            .text(m.phone), .text(m.website),
            .text(contacts.joined(separator: "\n")),
          ]
          if changes != nil { row.append(.text(Self.changeText(company.change, l))) }
          rows.append(row)
        }
      }
    }
    var sheets = [
      Sheet.table(
        name: l.pick("Directory book \(edition)", "\(edition) 디렉토리북"), header: header,
        rows: rows.map { $0.map(\.cell) })
    ]
    if let changes {
      var changed: [[TableValue]] = companies.compactMap { company in
        company.change.map { change in
          [
            .text(Self.changeText(change, l)), .number(company.number),
            .text(company.member.name), .text(clusterName(company.member.clusterId)),
          ]
        }
      }
      changed += changes.left.map { departure in
        [
          .text(
            departure.member.status == .left
              ? l.pick("left the mini-cluster", "탈퇴")
              : l.pick("no profile for \(edition)", "\(edition)년 미제출")),
          .number(nil as Int?), .text(departure.member.name), .text(departure.clusterName),
        ]
      }
      sheets.append(
        Sheet.table(
          name: l.pick("Changes since \(changes.since)", "\(changes.since)년판 이후 변경"),
          header: [
            l.pick("change", "변경"), l.pick("no.", "번호"), title(.name),
            l.pick("mini-cluster", "미니클러스터"),
          ], rows: changed.map { $0.map(\.cell) }))
    }
    return sheets
  }

  private func clusterName(_ id: Int64) -> String {
    parts.first { $0.cluster.id == id }?.cluster.name ?? ""
  }

  static func changeText(_ change: Change?, _ l: Language) -> String {
    switch change {
    case nil: ""
    case .new: l.pick("new", "신규")
    case .changed(let day): l.pick("changed \(day)", "\(day) 변경")
    }
  }
}

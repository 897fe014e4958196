import ClusterKit

/// Meetings, visits and support requests: what happens in the office over the period.
extension WorkspaceBuilder {
  // MARK: Meetings

  private struct DraftMeeting {
    var cluster: Int
    var division: Int
    var kind: MeetingKind
    var date: Day
    var title: String
    var place: String
    var agenda: String
    var minutes: String
    var invitees: [Int]
    var statuses: [AttendanceStatus]
  }

  /// The `n`-th given weekday (1 = Monday) of a month.
  static func nthWeekday(year: Int, month: Int, weekday: Int, n: Int) -> Day {
    let first = Day(year: year, month: month, day: 1)!
    let offset = (weekday - first.isoWeekday + 7) % 7
    return first.adding(days: offset + 7 * (n - 1))
  }

  /// The first given weekday strictly after a day.
  static func weekday(_ weekday: Int, after day: Day) -> Day {
    let offset = (weekday - day.isoWeekday + 7) % 7
    return day.adding(days: offset == 0 ? 7 : offset)
  }

  private func kindRank(_ kind: MeetingKind) -> Int {
    switch kind {
    case .foundingCeremony: 0
    case .steeringCommittee: 1
    case .divisionMeeting: 2
    case .technicalSeminar: 3
    case .networkingEvent: 4
    }
  }

  func makeMeetings() {
    var rng = SeededGenerator(seed: seed, stream: 5)
    var drafts: [DraftMeeting] = []
    let todayOrdinal = today.ordinal

    func invite(_ candidates: [Int], on date: Day, kind: MeetingKind) -> DraftMeeting? {
      var invited = candidates.filter { info[$0].isMember(on: date.ordinal) }
      if let cap = plan.inviteCap, kind != .steeringCommittee, invited.count > cap {
        invited = rng.distinct(cap, of: invited.count).map { invited[$0] }.sorted()
      }
      guard !invited.isEmpty else { return nil }
      var statuses: [AttendanceStatus] = []
      if date.ordinal < todayOrdinal {
        let factor: Double
        switch kind {
        case .steeringCommittee: factor = 1.0
        case .divisionMeeting: factor = 0.95
        case .technicalSeminar: factor = 0.85
        case .foundingCeremony: factor = 1.1
        case .networkingEvent: factor = 0.8
        }
        for m in invited {
          if rng.chance(info[m].engagement * factor) {
            statuses.append(.present)
          } else {
            statuses.append(rng.chance(0.4) ? .excused : .absent)
          }
        }
      }
      return DraftMeeting(
        cluster: 0, division: -1, kind: kind, date: date, title: "", place: "", agenda: "",
        minutes: "", invitees: invited, statuses: statuses)
    }

    for (c, cp) in plan.clusters.enumerated() {
      let region = Vocabulary.regions[cp.region]
      let theme = Vocabulary.clusterThemes[cp.theme]
      let everyone = clusterMembers[c]
      let officerList = officers[c].sorted()
      let steeringDay = [4, 3, 4, 2][c % 4]
      let firstYear = max(plan.start.year, cp.founded.year)
      guard firstYear <= today.year else { continue }
      for y in firstYear...today.year {
        let lo = max(Day(year: y, month: 1, day: 1)!, max(plan.start, cp.founded))
        let available = 13 - lo.month
        func accept(_ d: Day) -> Bool { d > lo || (d == lo && d == cp.founded) }

        if cp.founded.year == y, cp.founded >= plan.start,
          var m = invite(everyone, on: cp.founded, kind: .foundingCeremony)
        {
          m.cluster = c
          m.title = cp.name + " 미니클러스터 창립식"
          m.place = rng.pick(region.venues)
          m.agenda = "1) 경과보고 2) 회장 선출 및 임원 소개 3) 비전 선포 4) 축하 리셉션"
          if !m.statuses.isEmpty {
            let chair = officerList.first { members[$0].role == .chair }
            let chairName = chair.map { members[$0].representative } ?? ""
            m.minutes =
              "회원사 \(m.statuses.filter { $0 == .present }.count)개사 참석. 초대 회장으로 \(chairName) 대표를 선출하고 운영 규정을 의결함."
          }
          drafts.append(m)
        }

        // Steering committee, about monthly.
        let steeringCount = max(2, (plan.steeringPerYear * available + 6) / 12)
        var held = 0
        for j in 0..<steeringCount {
          let month = lo.month + j * available / steeringCount
          var date = Self.nthWeekday(year: y, month: month, weekday: steeringDay, n: 2)
          if !accept(date) { date = Self.weekday(steeringDay, after: lo) }
          guard var m = invite(officerList, on: date, kind: .steeringCommittee) else { continue }
          held += 1
          m.cluster = c
          m.title = "\(y)년 제\(held)차 운영위원회"
          m.place = rng.pick(region.venues)
          let present = m.statuses.filter { $0 == .present }.count
          let pick = (j - 1 + c) % Vocabulary.steeringAgendas.count
          let summary: String
          if j == 0 {
            m.agenda = "1) \(y)년 사업계획 및 예산(안) 심의 2) 분과별 활동계획 보고 3) 기타 안건"
            summary = "\(y)년 사업계획(안)을 원안대로 의결함."
          } else if j == steeringCount - 1 {
            m.agenda = "1) \(y)년 사업 실적 보고 2) \(y + 1)년 사업계획 방향 논의 3) 송년 교류회 일정 협의"
            summary = "\(y)년 사업 실적을 보고하고 \(y + 1)년 중점 추진과제를 논의함."
          } else {
            m.agenda = Vocabulary.steeringAgendas[pick]
            summary = Vocabulary.steeringMinutes[pick]
          }
          if !m.statuses.isEmpty {
            m.minutes = "위원 \(m.invitees.count)명 중 \(present)명 참석. " + summary
          }
          drafts.append(m)
        }

        // Division meetings.
        for d in clusterDivisions[c] {
          let divisionName = divisions[d].name
          let planned = rng.int(plan.divisionMeetings)
          let count = max(1, (planned * available + 6) / 12)
          for j in 0..<count {
            let month = lo.month + (j * available + available / (2 * count)) / count
            var date = Self.nthWeekday(year: y, month: min(12, month), weekday: 2, n: 3)
            if !accept(date) { date = Self.weekday(2, after: lo.adding(days: 3)) }
            guard var m = invite(divisionMembers[d], on: date, kind: .divisionMeeting) else {
              continue
            }
            m.cluster = c
            m.division = d
            m.title = "\(divisionName) 분과 \(y)년 제\(j + 1)차 모임"
            let host = m.invitees[rng.below(m.invitees.count)]
            m.place =
              rng.chance(0.5) && members[host].kind == .company
              ? members[host].name + " 회의실" : rng.pick(region.venues)
            let a = j == 0 ? 0 : (j == count - 1 ? 3 : 1 + rng.below(2))
            m.agenda = Vocabulary.divisionAgendas[a]
            if !m.statuses.isEmpty {
              m.minutes =
                "회원사 \(m.statuses.filter { $0 == .present }.count)개사 참석. "
                + Vocabulary.divisionMinutes[a]
            }
            drafts.append(m)
          }
        }

        // Technical seminars.
        let seminarMonths = [[7, 10, 4], [5, 11, 9], [9, 6, 4], [10, 6, 11]][c % 4]
        let seminarCount = rng.int(plan.seminars)
        for j in 0..<seminarCount {
          let month = seminarMonths[j % 3]
          let date = Self.nthWeekday(year: y, month: month, weekday: 4, n: 3)
          guard accept(date), var m = invite(everyone, on: date, kind: .technicalSeminar) else {
            continue
          }
          let topic = theme.seminars[(j + (y - firstYear) * 2) % theme.seminars.count]
          m.cluster = c
          m.title = topic + " 세미나"
          m.place = rng.pick(region.venues)
          m.agenda = "1) 주제발표: \(topic) 2) 회원사 적용 사례 발표 3) 질의응답 및 네트워킹"
          if !m.statuses.isEmpty {
            m.minutes =
              "회원사 \(m.statuses.filter { $0 == .present }.count)개사 참석. \(topic) 동향 발표 후 질의응답을 진행함. 회원사 적용 방안에 대한 관심이 높았음."
          }
          drafts.append(m)
        }

        // Networking: spring and autumn hiking days and a year-end gathering.
        let events: [(Int, Int, Int, String)] = [
          (5, 6, 2 + c % 2, "\(y) 춘계 회원사 등반대회"), (10, 6, 3 - c % 2, "\(y) 추계 회원사 등반대회"),
          (12, 4 - c % 2, 2 + c % 2, "\(y) 송년 교류회"),
        ]
        for (month, weekday, n, title) in events {
          let date = Self.nthWeekday(year: y, month: month, weekday: weekday, n: n)
          guard accept(date), var m = invite(everyone, on: date, kind: .networkingEvent) else {
            continue
          }
          m.cluster = c
          m.title = title
          let present = m.statuses.filter { $0 == .present }.count
          if month == 12 {
            m.place = rng.pick(region.venues)
            m.agenda = "1) 올해 활동 영상 상영 2) 우수 회원사 시상 3) 만찬 및 교류"
            if !m.statuses.isEmpty {
              m.minutes = "회원사 \(present)개사 참석. 우수 회원사를 시상하고 내년 활동 계획을 공유함."
            }
          } else {
            let mountain = rng.pick(region.mountains)
            m.place = mountain
            m.agenda = "\(mountain) 등반 및 오찬, 회원사 간 친목 도모"
            if !m.statuses.isEmpty {
              m.minutes = "회원사 \(present)개사 참석. \(mountain) 등반 후 오찬을 함께하며 회원사 간 교류를 다짐."
            }
          }
          drafts.append(m)
        }
      }
      meter.step((c + 1) * 100 / plan.clusters.count)
    }

    drafts.sort {
      if $0.date != $1.date { return $0.date < $1.date }
      if $0.cluster != $1.cluster { return $0.cluster < $1.cluster }
      let a = kindRank($0.kind)
      let b = kindRank($1.kind)
      return a != b ? a < b : $0.division < $1.division
    }
    meetings.reserveCapacity(drafts.count)
    for d in drafts {
      let id = Int64(meetings.count + 1)
      meetings.append(
        Meeting(
          id: id, clusterId: Int64(d.cluster + 1),
          divisionId: d.division >= 0 ? Int64(d.division + 1) : nil,
          kind: d.kind, date: d.date, title: d.title, place: d.place, agenda: d.agenda,
          minutes: d.minutes))
      for (m, status) in zip(d.invitees, d.statuses) {
        attendance.append(Attendance(meetingId: id, memberId: Int64(m + 1), status: status))
      }
    }
  }

  // MARK: Visits

  private struct DraftVisit {
    var date: Int
    var member: Int
    var visitor: String
    var purpose: VisitPurpose
    var notes: String
    var difficulties: [Difficulty]
    var followUps: [FollowUp]
  }

  func makeVisits() {
    var rng = SeededGenerator(seed: seed, stream: 6)
    let todayOrdinal = today.ordinal
    // Officers are in the pool three times; institutions and dormant members are accepted less often.
    var pools: [[Int]] = []
    var agencyPeople: [[String]] = []
    for c in plan.clusters.indices {
      var pool: [Int] = []
      var people: [String] = []
      for m in clusterMembers[c] {
        pool.append(m)
        if members[m].role.isOfficer { pool += [m, m] }
        if members[m].kind == .agency { people.append(members[m].name + " " + info[m].contactName) }
      }
      pools.append(pool)
      agencyPeople.append(people)
    }
    let purposes: [VisitPurpose] = [.difficultySurvey, .needsSurvey, .followUp, .other]
    let purposeWeights = [0.45, 0.25, 0.2, 0.1]
    let categories = DifficultyCategory.allCases
    let categoryWeights = [0.18, 0.17, 0.14, 0.1, 0.12, 0.16, 0.08, 0.05]
    let institutionOpeners = ["센터장 면담", "산학협력단 팀장 면담", "책임연구원 면담", "사업담당 팀장 면담"]

    let firstWeek = plan.start.startOfWeek.ordinal
    let weeks = (todayOrdinal - firstWeek) / 7 + 1
    var buffer: [DraftVisit] = []
    var followUpId: Int64 = 0
    for w in 0..<weeks {
      let monday = firstWeek + w * 7
      let mondayDay = Day(ordinal: monday)
      let quiet =
        (mondayDay.month == 8 && mondayDay.day <= 7) || (mondayDay.month == 1 && mondayDay.day <= 4)
        || (mondayDay.month == 12 && mondayDay.day >= 24)
      buffer.removeAll(keepingCapacity: true)
      for (c, cp) in plan.clusters.enumerated() {
        var n = rng.weighted(plan.visitsPerWeek)
        if quiet { n /= 2 }
        for _ in 0..<n {
          let date = monday + rng.below(5)
          guard date <= todayOrdinal, date >= plan.start.ordinal, date > cp.founded.ordinal else {
            continue
          }
          var chosen = -1
          for _ in 0..<8 {
            let m = rng.pick(pools[c])
            guard info[m].isMember(on: date) else { continue }
            let accept: Double
            if members[m].status == .inactive {
              accept = 0.25
            } else {
              switch members[m].kind {
              case .company: accept = 1
              case .agency: accept = 0.12
              default: accept = 0.3
              }
            }
            if rng.chance(accept) {
              chosen = m
              break
            }
          }
          guard chosen >= 0 else { continue }
          let member = members[chosen]
          let purpose = purposes[rng.weighted(purposeWeights)]
          var notes: String
          if member.kind == .company {
            let t = Vocabulary.themes[info[chosen].theme]
            notes =
              rng.pick(Vocabulary.visitOpeners) + ". " + t.products[info[chosen].products[0]]
              + " 관련 "
              + rng.pick(Vocabulary.visitSituations) + ". "
              + rng.pick(Vocabulary.visitClosers[purpose]!) + "."
          } else {
            notes =
              rng.pick(institutionOpeners) + ". 회원사 지원 협력 방안을 논의함. "
              + rng.pick(Vocabulary.visitClosers[purpose]!) + "."
          }
          let count: Int
          switch purpose {
          case .difficultySurvey: count = rng.weighted([0, 0.35, 0.45, 0.2])
          case .needsSurvey: count = rng.weighted([0.3, 0.5, 0.2])
          case .followUp: count = rng.weighted([0.6, 0.4])
          case .other: count = 0
          }
          var difficulties: [Difficulty] = []
          var followUps: [FollowUp] = []
          var used: [DifficultyCategory] = []
          for _ in 0..<count {
            let category = categories[rng.weighted(categoryWeights)]
            if used.contains(category) { continue }
            used.append(category)
            difficulties.append(
              Difficulty(category: category, text: rng.pick(Vocabulary.difficulties[category]!)))
            let wantsAction = purpose == .difficultySurvey ? 0.85 : 0.5
            guard rng.chance(wantsAction) else { continue }
            let owner =
              agencyPeople[c].isEmpty || rng.chance(0.7)
              ? cp.manager : rng.pick(agencyPeople[c])
            let due = date + [7, 14, 14, 21, 28, 30, 42][rng.below(7)]
            var done: Int? = nil
            if due < todayOrdinal {
              if rng.chance(0.82) {
                done = min(todayOrdinal - 1, date + 1 + rng.below(due - date + 10))
              }
            } else if rng.chance(0.25), date + 1 < todayOrdinal {
              done = date + 1 + rng.below(todayOrdinal - date - 1)
            }
            followUps.append(
              FollowUp(
                action: rng.pick(Vocabulary.followUpActions[category]!), owner: owner,
                due: Day(ordinal: due), done: done.map { Day(ordinal: $0) }))
          }
          if purpose == .followUp, difficulties.isEmpty { notes += " 추가 애로사항 없음." }
          buffer.append(
            DraftVisit(
              date: date, member: chosen,
              visitor: rng.chance(0.1)
                ? plan.reviewers[cp.region]?.first ?? cp.manager : cp.manager,
              purpose: purpose, notes: notes, difficulties: difficulties, followUps: followUps))
        }
      }
      buffer.sort { $0.date != $1.date ? $0.date < $1.date : $0.member < $1.member }
      for var v in buffer {
        for k in v.followUps.indices {
          followUpId += 1
          v.followUps[k].id = followUpId
        }
        visits.append(
          Visit(
            id: Int64(visits.count + 1), memberId: Int64(v.member + 1), date: Day(ordinal: v.date),
            visitor: v.visitor, purpose: v.purpose, notes: v.notes, difficulties: v.difficulties,
            followUps: v.followUps))
      }
      meter.step(w * 100 / max(weeks, 1))
    }
  }
}

import ClusterKit

/// The office's programmes: the expert pool with mentoring assignments (some ended, a few beyond
/// an expert's capacity with a reason) and their sessions, SIGs with leaders and tasks in every
/// status, and this year's directory-book edition asked of everyone and partly submitted.
extension WorkspaceBuilder {
  /// The share of current members who have sent their profile for the edition in progress
  /// (the Seoul office's book had 61 of 141).
  static let directoryShare = 0.445

  // MARK: Experts

  func makeExperts() {
    var rng = SeededGenerator(seed: seed, stream: 3)
    let stems = Vocabulary.longStems + Vocabulary.universityStems
    let themes = Array(Set(divisionTheme)).sorted()
    func some(_ fields: [String], atLeast: Int = 1) -> [String] {
      Array(fields.prefix(rng.int(min(atLeast, fields.count)...fields.count)))
    }
    /// Technology of one division theme: the theme, a word of one of its products.
    func technical() -> [String] {
      let theme = Vocabulary.themes[themes.isEmpty ? 0 : rng.pick(themes)]
      let words = theme.products.flatMap { $0.split(separator: " ").map(String.init) }
        .filter { $0.count >= 2 }
      var fields = ["기술", theme.name, rng.pick(words)]
      if rng.chance(0.2) { fields.append("특허") }
      return fields
    }
    for _ in 0..<plan.experts {
      let p = Names.person(&rng)
      let kind = ExpertKind.allCases[rng.weighted([0.38, 0.2, 0.22, 0.12, 0.08])]
      let region = plan.clusters.isEmpty ? 0 : plan.clusters[rng.below(plan.clusters.count)].region
      let affiliation: String
      let domain: String
      var fields: [String]
      switch kind {
      case .university:
        let u = rng.pick(Vocabulary.universityStems)
        let department = rng.pick(Vocabulary.departments)
        affiliation = u.0 + "대학교 " + department
        domain = u.1 + ".ac.kr"
        fields = Vocabulary.departmentFields[department].map { some($0) } ?? technical()
      case .institute:
        affiliation = Vocabulary.regions[region].institute
        domain = Vocabulary.regionRoman[region] + "-iti.re.kr"
        fields = technical()
        if rng.chance(0.3) { fields.append(rng.pick(["시험분석", "인증"])) }
      case .agency:
        let centre = rng.pick(Vocabulary.agencyFields)
        affiliation = Vocabulary.regions[region].short + " " + centre.0
        domain = Vocabulary.regionRoman[region] + "-biz.or.kr"
        fields = some(centre.1)
      case .company:
        let firm = rng.pick(Vocabulary.expertFirms)
        let stem = rng.pick(stems)
        affiliation = stem.0 + firm.0
        domain = stem.1 + firm.1 + ".co.kr"
        fields = some(firm.2, atLeast: 2)
      case .other:
        affiliation = "퇴직 기술인 (前 " + rng.pick(stems).0 + "테크)"
        domain = "naver.com"
        fields = technical()
      }
      experts.append(
        Expert(
          id: Int64(experts.count + 1), name: p.name, affiliation: affiliation, kind: kind,
          fields: fields, phone: mobile(&rng),
          email: p.emailLocal(style: rng.below(3)) + "@" + domain,
          capacity: [1, 2, 3, 4][rng.weighted([0.15, 0.35, 0.35, 0.15])]))
    }
    guard !experts.isEmpty else { return }
    makeMentorings(&rng)
    makeSessions()
  }

  private func divisionName(_ m: Int) -> String? {
    members[m].divisionId.map { divisions[Int($0) - 1].name }
  }

  /// Assigns mentors the way an office does: the expert whose fields fit the company best among
  /// the few best, while they have room.
  private func makeMentorings(_ rng: inout SeededGenerator) {
    var byKey: [String: [Int]] = [:]
    for (i, e) in experts.enumerated() {
      for f in e.fields { byKey[ProgrammeRules.key(f), default: []].append(i) }
    }
    var load = Array(repeating: 0, count: experts.count)
    func fitting(_ m: Int, excluding: Int?, needRoom: Bool) -> [Int] {
      let terms = MentorMatching.terms(
        division: divisionName(m), products: members[m].products, difficulties: [:])
      var score: [Int: Int] = [:]
      for e in Set(terms.flatMap { byKey[$0.key] ?? [] }) {
        score[e] = MentorMatching.score(experts[e], terms: terms)
      }
      return score.keys.filter { e in
        e != excluding && (!needRoom || load[e] < experts[e].capacity)
      }.sorted { score[$0]! != score[$1]! ? score[$0]! > score[$1]! : $0 < $1 }
    }
    func choose(_ m: Int, excluding: Int? = nil, needRoom: Bool = true) -> Int {
      let best = fitting(m, excluding: excluding, needRoom: needRoom)
      if !best.isEmpty { return best[rng.below(min(3, best.count))] }
      let free = experts.indices.filter { $0 != excluding && load[$0] < experts[$0].capacity }
      return free.isEmpty ? experts.indices.min { load[$0] < load[$1] }! : rng.pick(free)
    }
    func add(_ m: Int, _ e: Int, from start: Int, until end: Int?) {
      mentorings.append(
        Mentoring(
          id: Int64(mentorings.count + 1), memberId: Int64(m + 1), expertId: Int64(e + 1),
          field: experts[e].fields[0], started: Day(ordinal: start),
          ended: end.map { Day(ordinal: $0) }))
    }
    let eligible = members.indices.filter {
      members[$0].kind == .company && members[$0].status == .active
    }
    let picked = Set(
      rng.distinct(Int(Double(eligible.count) * plan.mentoringShare), of: eligible.count).map {
        eligible[$0]
      })
    let recent = today.ordinal - 730
    for m in eligible {
      let earliest = max(info[m].joined, plan.start.ordinal - 300, recent)
      let latest = today.ordinal - 20
      guard earliest < latest else { continue }
      if picked.contains(m) {
        let start = earliest + rng.below(latest - earliest)
        let e = choose(m)
        // Some companies had another mentor before this one.
        let before = start - rng.int(120...400)
        if rng.chance(0.2), before >= max(info[m].joined, recent) {
          add(m, choose(m, excluding: e, needRoom: false), from: before, until: start)
        }
        load[e] += 1
        add(m, e, from: start, until: nil)
      } else if rng.chance(0.06) {
        // A mentoring that ended, with no successor yet.
        let start = earliest + rng.below(latest - earliest)
        let end = start + rng.int(30...max(31, latest - start))
        add(m, choose(m, needRoom: false), from: start, until: min(end, latest))
      }
    }
    // A few companies get the best-fitting expert although that expert is full (the reason is
    // recorded below).
    let mentored = Set(mentorings.filter { $0.ended == nil }.map { Int($0.memberId) - 1 })
    let waiting = eligible.filter { !mentored.contains($0) }
    for k in rng.distinct(min(waiting.count, max(1, eligible.count / 60)), of: waiting.count) {
      let m = waiting[k]
      guard
        let e = fitting(m, excluding: nil, needRoom: false).first(where: {
          load[$0] >= experts[$0].capacity
        })
      else { continue }
      let before = mentorings.filter { $0.memberId == Int64(m + 1) }.compactMap(\.ended?.ordinal)
      let lo = ([info[m].joined, today.ordinal - 60] + before).max()!
      load[e] += 1
      add(m, e, from: lo + rng.below(max(1, today.ordinal - 7 - lo)), until: nil)
    }
    // Beyond an expert's capacity (in the order the assignments started) a reason is recorded,
    // as the workspace asks for one.
    let active = mentorings.indices.filter { mentorings[$0].ended == nil }
    for (e, indices) in Dictionary(grouping: active, by: { mentorings[$0].expertId }) {
      let ordered = indices.sorted {
        (mentorings[$0].started!, mentorings[$0].id) < (mentorings[$1].started!, mentorings[$1].id)
      }
      for (position, index) in ordered.enumerated()
      where position >= experts[Int(e) - 1].capacity {
        mentorings[index].overrideReason =
          Vocabulary.overrideReasons[
            index % Vocabulary.overrideReasons.count]
      }
    }
  }

  /// Sessions every month or two of each assignment, up to its end or today.
  private func makeSessions() {
    var rng = SeededGenerator(seed: seed, stream: 10)
    for m in mentorings {
      let last = min(m.ended?.ordinal ?? today.ordinal, today.ordinal)
      var date = m.started!.ordinal + rng.int(7...30)
      while date <= last {
        let topics = Vocabulary.sessionTopics[m.field] ?? Vocabulary.sessionTopics["기술"]!
        mentoringSessions.append(
          MentoringSession(
            id: Int64(mentoringSessions.count + 1), mentoringId: m.id, date: Day(ordinal: date),
            topic: rng.pick(topics), note: rng.chance(0.35) ? rng.pick(Vocabulary.sessionNotes) : ""
          ))
        date += rng.int(25...60)
      }
    }
  }

  // MARK: SIGs

  func makeSIGs() {
    var rng = SeededGenerator(seed: seed, stream: 4)
    for (c, cp) in plan.clusters.enumerated() {
      let theme = Vocabulary.clusterThemes[cp.theme]
      let first = sigs.count
      for s in theme.sigs {
        sigs.append(SIG(id: Int64(sigs.count + 1), clusterId: Int64(c + 1), name: s.0, theme: s.1))
      }
      var groups = Array(repeating: [Int](), count: theme.sigs.count)
      for m in clusterMembers[c]
      where members[m].kind == .company && members[m].status != .left && rng.chance(0.5) {
        groups[rng.below(theme.sigs.count)].append(m)
      }
      for (k, group) in groups.enumerated() where !group.isEmpty {
        let sig = first + k
        // The leader: an officer if one joined, else the largest company.
        let leader = group.max {
          let a = (members[$0].role.isOfficer ? 1 : 0, members[$0].employees ?? 0, -$0)
          let b = (members[$1].role.isOfficer ? 1 : 0, members[$1].employees ?? 0, -$1)
          return a < b
        }!
        sigs[sig].leaderId = Int64(leader + 1)
        var number = 0
        for m in group.sorted() {
          let lo = max(info[m].joined, cp.founded.ordinal, today.ordinal - 700)
          let joined = min(lo + rng.below(max(1, today.ordinal - 30 - lo)), today.ordinal - 14)
          sigMembers.append(
            SIGMembership(
              sigId: Int64(sig + 1), memberId: Int64(m + 1), joined: Day(ordinal: joined)))
          guard rng.chance(0.8) else { continue }
          number += 1
          let t = Vocabulary.themes[info[m].theme]
          let status = SIGTaskStatus.allCases[rng.weighted([0.25, 0.45, 0.3])]
          var due: Int?
          var done: Int?
          switch status {
          case .done:
            done = min(joined + rng.int(30...240), today.ordinal - 1)
            due = rng.chance(0.7) ? done! + rng.int(-20...40) : nil
          case .active:
            due = today.ordinal + rng.int(-45...240)
          case .proposed:
            due = rng.chance(0.5) ? today.ordinal + rng.int(30...300) : nil
          }
          sigTasks.append(
            SIGTask(
              sigId: Int64(sig + 1), number: number,
              title: t.subjects[info[m].subject] + rng.pick(Vocabulary.sigTaskEndings),
              ownerId: Int64(m + 1), status: status, due: due.map { Day(ordinal: $0) },
              done: done.map { Day(ordinal: $0) }))
        }
      }
    }
    sigMembers.sort { ($0.sigId, $0.memberId) < ($1.sigId, $1.memberId) }
  }

  // MARK: Directory book

  /// This year's edition: every current member asked in early autumn (or on joining later),
  /// about 45% of them submitted since; a profile last changed when it was submitted, else when
  /// the member joined.
  func makeDirectoryBook() {
    var rng = SeededGenerator(seed: seed, stream: 11)
    let edition = today.year
    let yearStart = Day(year: edition, month: 1, day: 1)!.ordinal
    let askedDay = max(
      yearStart, min(Day(year: edition, month: 9, day: 1)!.ordinal, today.ordinal - 21))
    for m in members.indices { members[m].profileChanged = Day(ordinal: info[m].joined) }
    let current = members.indices.filter { members[$0].status != .left }
    let target = Int((Double(current.count) * Self.directoryShare).rounded())
    var submitted = current.filter { info[$0].profileSubmitted }
    var others = current.filter { !info[$0].profileSubmitted }
    rng.shuffle(&submitted)
    rng.shuffle(&others)
    while submitted.count > target { others.append(submitted.removeLast()) }
    while submitted.count < target, let m = others.popLast() { submitted.append(m) }
    let sent = Set(submitted)
    for m in current {
      let asked = min(max(askedDay, info[m].joined + 3), today.ordinal)
      guard sent.contains(m) else {
        directoryBook.append(
          DirectoryBookEntry(
            edition: edition, memberId: Int64(m + 1), status: .asked, asked: Day(ordinal: asked)))
        continue
      }
      let day = min(asked + rng.int(2...60), today.ordinal)
      members[m].profileChanged = Day(ordinal: day)
      directoryBook.append(
        DirectoryBookEntry(
          edition: edition, memberId: Int64(m + 1), status: .submitted, asked: Day(ordinal: asked),
          submitted: Day(ordinal: day)))
    }
  }
}

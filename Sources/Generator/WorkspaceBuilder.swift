import ClusterKit

/// What the generator remembers about a member beyond the record itself.
struct MemberInfo {
  var cluster: Int
  /// Global division index, or -1.
  var division: Int
  var theme: Int
  var products: [Int]
  var subject: Int
  var engagement: Double
  var joined: Int
  /// Day ordinal of leaving, or `Int.max`.
  var left: Int
  var contactName: String
  /// Whether it sends its directory-book profile (drawn with the member, used by the book).
  var profileSubmitted = false

  func isMember(on ordinal: Int) -> Bool { joined <= ordinal && ordinal < left }
}

/// Builds one document. Each part draws from its own random stream.
final class WorkspaceBuilder {
  let plan: GenerationPlan
  let seed: UInt64
  let today: Day
  var meter: ProgressMeter

  var clusters: [Cluster] = []
  var divisions: [Division] = []
  var divisionTheme: [Int] = []
  var clusterDivisions: [[Int]] = []
  var members: [Member] = []
  var info: [MemberInfo] = []
  var clusterMembers: [[Int]] = []
  var divisionMembers: [[Int]] = []
  var officers: [[Int]] = []
  var contacts: [Contact] = []
  var experts: [Expert] = []
  var mentorings: [Mentoring] = []
  var mentoringSessions: [MentoringSession] = []
  var sigs: [SIG] = []
  var sigMembers: [SIGMembership] = []
  var sigTasks: [SIGTask] = []
  var directoryBook: [DirectoryBookEntry] = []
  var meetings: [Meeting] = []
  var attendance: [Attendance] = []
  var visits: [Visit] = []
  var programs: [Program] = []
  var requests: [SupportRequest] = []
  var instalments: [Instalment] = []
  var audit: [AuditEntry] = []

  private var businessNumbers: Set<String> = []
  /// Institutions that belong to several clusters keep one head, address and phone.
  private var institutionDetails: [String: (String, String, String)] = [:]

  init(plan: GenerationPlan, seed: UInt64, today: Day, progress: ((Double) -> Void)?) {
    self.plan = plan
    self.seed = seed
    self.today = today
    self.meter = ProgressMeter(observer: progress)
  }

  func build() -> WorkspaceDocument {
    meter.begin(at: 0, share: 0.08, total: plan.clusters.count)
    makeMembers()
    makeExperts()
    makeSIGs()
    makeDirectoryBook()
    meter.begin(at: 0.1, share: 0.25, total: 100)
    makeMeetings()
    meter.begin(at: 0.35, share: 0.45, total: 100)
    makeVisits()
    meter.begin(at: 0.8, share: 0.2, total: 100)
    makeRequests()
    meter.finish()
    return WorkspaceDocument(
      office: plan.office, clusters: clusters, divisions: divisions, members: members,
      contacts: contacts, meetings: meetings, attendance: attendance, visits: visits,
      programs: programs, requests: requests, instalments: instalments, audit: audit,
      experts: experts, mentorings: mentorings, mentoringSessions: mentoringSessions, sigs: sigs,
      sigMembers: sigMembers, sigTasks: sigTasks, directoryBook: directoryBook)
  }

  // MARK: Members

  private func makeMembers() {
    var rng = SeededGenerator(seed: seed, stream: 2)
    for (c, cp) in plan.clusters.enumerated() {
      let region = Vocabulary.regions[cp.region]
      let theme = Vocabulary.clusterThemes[cp.theme]
      let clusterId = Int64(c + 1)
      clusters.append(
        Cluster(
          id: clusterId, name: cp.name, complex: region.complex, founded: cp.founded,
          manager: cp.manager))
      var own: [Int] = []
      for t in theme.divisions {
        own.append(divisions.count)
        divisions.append(
          Division(
            id: Int64(divisions.count + 1), clusterId: clusterId, name: Vocabulary.themes[t].name))
        divisionTheme.append(t)
        divisionMembers.append([])
      }
      clusterDivisions.append(own)

      var made: [(Member, MemberInfo)] = []
      var keys: Set<String> = []
      let companies = cp.size - cp.universities - cp.institutes - cp.agencies
      let isNew = cp.founded >= plan.start
      let divisionWeights = own.indices.map { $0 == 0 ? 1.6 : 1.0 }
      for _ in 0..<companies {
        let d = own[rng.weighted(divisionWeights)]
        made.append(makeCompany(&rng, cluster: c, division: d, keys: &keys, isNew: isNew))
      }
      for k in 0..<cp.universities {
        made.append(makeUniversity(&rng, cluster: c, index: k, keys: &keys))
      }
      for k in 0..<cp.institutes {
        made.append(makeInstitute(&rng, cluster: c, index: k, keys: &keys))
      }
      for k in 0..<cp.agencies {
        made.append(makeAgency(&rng, cluster: c, index: k, keys: &keys))
      }
      assignOfficers(&rng, &made, count: cp.steeringMembers)
      for i in made.indices {
        let p = made[i].0.role.isOfficer ? 0.6 : 0.36
        made[i].1.profileSubmitted = rng.chance(p)
      }
      let order = made.indices.sorted {
        let a = made[$0].1.joined
        let b = made[$1].1.joined
        return a != b ? a < b : $0 < $1
      }
      var ids: [Int] = []
      var clubOfficers: [Int] = []
      for i in order {
        var (member, memberInfo) = made[i]
        let index = members.count
        member.id = Int64(index + 1)
        ids.append(index)
        if memberInfo.division >= 0 { divisionMembers[memberInfo.division].append(index) }
        if member.role.isOfficer { clubOfficers.append(index) }
        memberInfo.contactName = makeContacts(&rng, member: member, region: cp.region)
        members.append(member)
        info.append(memberInfo)
      }
      clusterMembers.append(ids)
      officers.append(clubOfficers)
      meter.step(c + 1)
    }
  }

  private func nextBusinessNumber(_ rng: inout SeededGenerator, region: Int, middle: Int) -> String
  {
    let offices = Vocabulary.regions[region].taxOffices
    while true {
      let office = rng.pick(offices)
      let serial = rng.int(1...9999)
      let digits = [
        office / 100, office / 10 % 10, office % 10, middle / 10, middle % 10, serial / 1000,
        serial / 100 % 10, serial / 10 % 10, serial % 10,
      ]
      let number = BusinessNumber.complete(digits)
      if businessNumbers.insert(number).inserted { return number }
    }
  }

  private func phone(_ rng: inout SeededGenerator, region: Int) -> String {
    let r = Vocabulary.regions[region]
    return r.areaCode + "-" + String(rng.int(r.exchanges)) + "-" + FastText.pad(rng.below(10000), 4)
  }

  func mobile(_ rng: inout SeededGenerator) -> String {
    "010-" + String(rng.int(2000...9999)) + "-" + FastText.pad(rng.below(10000), 4)
  }

  private func address(_ rng: inout SeededGenerator, region: Int, office: Bool) -> String {
    let r = Vocabulary.regions[region]
    var text = rng.pick(r.cities) + " " + rng.pick(r.streets) + " " + String(rng.int(10...320))
    if office, region == 0 {
      text +=
        ", " + rng.pick(Vocabulary.buildings) + " " + String(rng.int(2...18))
        + FastText.pad(rng.int(1...20), 2) + "호"
    }
    return text
  }

  /// The workspace's own name key, so a name the generator takes as new is never a duplicate
  /// for the workspace (`Senonix Co., Ltd.` and `Senonix Inc.` are one company).
  static func nameKey(_ name: String) -> String {
    KoreanText.nameKey(name)
  }

  private func companyName(_ rng: inout SeededGenerator, theme: Int, keys: inout Set<String>)
    -> (name: String, roman: String, corporate: Bool)
  {
    let t = Vocabulary.themes[theme]
    var attempt = 0
    while true {
      attempt += 1
      let style = rng.below(100)
      if style < 5 {
        let head = rng.pick(Vocabulary.latinHeads)
        let tail = rng.pick(Vocabulary.latinTails)
        var name = head + tail + rng.pick(Vocabulary.latinForms)
        if attempt > 20 { name += " " + String(rng.int(2...9)) }
        if keys.insert(Self.nameKey(name)).inserted {
          return (name, (head + tail).lowercased(), true)
        }
        continue
      }
      let stem: (String, String)
      if rng.chance(0.15) {
        stem = rng.pick(Vocabulary.longStems)
      } else {
        let a = rng.pick(Vocabulary.stemFirst)
        let b = rng.pick(Vocabulary.stemSecond)
        if a.0 == b.0 || Vocabulary.avoidedStems.contains(a.0 + b.0) { continue }
        stem = (a.0 + b.0, a.1 + b.1)
      }
      let suffix = rng.pick(t.suffixes)
      var base = stem.0 + suffix.0
      var roman = stem.1 + suffix.1
      if attempt > 30 {
        let n = rng.int(1...9)
        base += String(n)
        roman += String(n)
      }
      guard keys.insert(Self.nameKey(base)).inserted else { continue }
      let name: String
      var corporate = true
      switch style {
      case 5..<50: name = "(주)" + base
      case 50..<55: name = "㈜" + base
      case 55..<60: name = "㈜ " + base
      case 60..<68: name = base + " 주식회사"
      case 68..<80: name = "주식회사 " + base
      case 80..<85: name = "(유)" + base
      default:
        name = base
        corporate = false
      }
      return (name, roman, corporate)
    }
  }

  private func makeCompany(
    _ rng: inout SeededGenerator, cluster c: Int, division: Int, keys: inout Set<String>,
    isNew: Bool
  ) -> (Member, MemberInfo) {
    let cp = plan.clusters[c]
    let theme = divisionTheme[division]
    let t = Vocabulary.themes[theme]
    let naming = companyName(&rng, theme: theme, keys: &keys)
    let rep = Names.person(&rng)
    let foundedYear = min(2022, 1985 + Int((rng.unit() + rng.unit()) / 2 * 38))
    let founded = Day(year: foundedYear, month: rng.int(1...12), day: rng.int(1...28))!
    let todayOrdinal = today.ordinal
    var joined: Int
    if isNew {
      // Charter members join at the founding ceremony; a few follow later.
      joined = cp.founded.ordinal
      if rng.chance(0.12) { joined = cp.founded.ordinal + rng.int(30...200) }
    } else if rng.chance(0.35) {
      joined = cp.founded.ordinal + rng.int(0...120)
    } else {
      let lo = max(cp.founded.ordinal, founded.ordinal + 180)
      joined = lo + rng.below(max(1, todayOrdinal - 30 - lo))
    }
    joined = max(joined, founded.ordinal + 30)
    joined = min(joined, todayOrdinal - 14)
    var status = MemberStatus.active
    var left = Int.max
    let roll = rng.unit()
    if roll < 0.035 {
      let lo = max(joined + 180, plan.start.ordinal)
      let hi = todayOrdinal - 7
      if lo < hi {
        left = lo + rng.below(hi - lo)
        status = .left
      }
    } else if roll < 0.09 {
      status = .inactive
    }
    let cube = rng.unit() * rng.unit() * rng.unit()
    let employees = 5 + Int(295 * cube)
    var sales = Int64(employees) * Int64(50_000_000 + rng.below(120_000_000))
    sales = min(40_000_000_000, max(300_000_000, sales))
    sales = sales / 1_000_000 * 1_000_000
    let productCount = rng.weighted([0.35, 0.45, 0.2]) + 1
    let products = rng.distinct(productCount, of: t.products.count)
    let middle =
      naming.corporate ? [81, 86, 87, 88][rng.weighted([0.5, 0.25, 0.15, 0.1])] : rng.int(1...79)
    let domain = naming.roman + (rng.chance(0.8) ? ".co.kr" : ".com")
    let email: String
    if rng.chance(0.6) {
      email = rng.pick(["info", "sales", "contact", "admin", "webmaster"]) + "@" + domain
    } else {
      email = rep.emailLocal(style: rng.below(3)) + "@" + domain
    }
    let member = Member(
      clusterId: Int64(c + 1), divisionId: Int64(division + 1), kind: .company, name: naming.name,
      representative: rep.name,
      businessNumber: nextBusinessNumber(&rng, region: cp.region, middle: middle),
      products: products.map { t.products[$0] }.joined(separator: ", "), employees: employees,
      salesKRW: sales, founded: founded, address: address(&rng, region: cp.region, office: true),
      phone: phone(&rng, region: cp.region), email: email,
      website: rng.chance(0.85) ? "www." + domain : "", role: .member, joined: Day(ordinal: joined),
      left: left == Int.max ? nil : Day(ordinal: left), status: status)
    let engagement = status == .inactive ? 0.12 : 0.4 + 0.55 * rng.unit()
    return (
      member,
      MemberInfo(
        cluster: c, division: division, theme: theme, products: products,
        subject: rng.below(t.subjects.count), engagement: engagement, joined: joined, left: left,
        contactName: "")
    )
  }

  private func institution(
    _ rng: inout SeededGenerator, cluster c: Int, kind: MemberKind, name: String,
    products: String, domain: String, businessNumber: String
  ) -> (Member, MemberInfo) {
    let cp = plan.clusters[c]
    let details =
      institutionDetails[name]
      ?? (
        Names.person(&rng).name, address(&rng, region: cp.region, office: kind != .university),
        phone(&rng, region: cp.region)
      )
    institutionDetails[name] = details
    var joined = cp.founded.ordinal + (rng.chance(0.7) ? 0 : rng.int(30...900))
    joined = min(joined, today.ordinal - 14)
    let member = Member(
      clusterId: Int64(c + 1), kind: kind, name: name, representative: details.0,
      businessNumber: businessNumber, products: products, address: details.1, phone: details.2,
      email: "office@" + domain, website: "www." + domain, joined: Day(ordinal: joined))
    let theme = Vocabulary.clusterThemes[cp.theme].divisions[0]
    return (
      member,
      MemberInfo(
        cluster: c, division: -1, theme: theme, products: [], subject: 0,
        engagement: 0.35 + 0.4 * rng.unit(), joined: joined, left: Int.max, contactName: "")
    )
  }

  private func makeUniversity(
    _ rng: inout SeededGenerator, cluster c: Int, index: Int, keys: inout Set<String>
  ) -> (Member, MemberInfo) {
    let stems = Vocabulary.universityStems
    var k = (c * 5 + index * 3 + plan.clusters[c].region) % stems.count
    while !keys.insert(Self.nameKey(stems[k].0 + "대학교 산학협력단")).inserted {
      k = (k + 1) % stems.count
    }
    let number =
      rng.chance(0.6) ? nextBusinessNumber(&rng, region: plan.clusters[c].region, middle: 82) : ""
    return institution(
      &rng, cluster: c, kind: .university, name: stems[k].0 + "대학교 산학협력단",
      products: "산학협력, 연구장비 공동활용", domain: stems[k].1 + ".ac.kr", businessNumber: number)
  }

  private func makeInstitute(
    _ rng: inout SeededGenerator, cluster c: Int, index: Int, keys: inout Set<String>
  ) -> (Member, MemberInfo) {
    let cp = plan.clusters[c]
    let region = Vocabulary.regions[cp.region]
    // The region's institute joins its first cluster; later clusters have their own centres.
    let regionRoman = Vocabulary.regionRoman[cp.region]
    var name = region.institute
    var domain = regionRoman + "-iti.re.kr"
    if index > 0 || institutionDetails[name] != nil {
      let theme = Vocabulary.clusterThemes[cp.theme].name
      name = region.short + " " + theme + (index == 0 ? " 기술지원센터" : " 융합연구소")
      domain = regionRoman + "-" + String(c + 1) + (index == 0 ? "-tsc.re.kr" : "-lab.re.kr")
    }
    keys.insert(Self.nameKey(name))
    let number = rng.chance(0.5) ? nextBusinessNumber(&rng, region: cp.region, middle: 82) : ""
    return institution(
      &rng, cluster: c, kind: .institute, name: name, products: "시험분석, 기술지도, 공동연구",
      domain: domain, businessNumber: number)
  }

  private func makeAgency(
    _ rng: inout SeededGenerator, cluster c: Int, index: Int, keys: inout Set<String>
  ) -> (Member, MemberInfo) {
    let cp = plan.clusters[c]
    let region = Vocabulary.regions[cp.region]
    let names = region.agencies + Vocabulary.genericAgencies.map { region.short + " " + $0 }
    // Count on from the agencies earlier clusters of the region took, so that (while the
    // region's list lasts) each cluster has agencies of its own rather than the same ones again.
    let earlier = plan.clusters[..<c].filter { $0.region == cp.region }.map(\.agencies).reduce(0, +)
    var k = (earlier + index) % names.count
    while !keys.insert(Self.nameKey(names[k])).inserted { k = (k + 1) % names.count }
    return institution(
      &rng, cluster: c, kind: .agency, name: names[k], products: "기업지원, 판로·수출 연계",
      domain: Vocabulary.regionRoman[cp.region] + "-biz.or.kr", businessNumber: "")
  }

  private func assignOfficers(
    _ rng: inout SeededGenerator, _ made: inout [(Member, MemberInfo)], count: Int
  ) {
    let settled = today.ordinal - 365
    var candidates = made.indices.filter {
      made[$0].0.kind == .company && made[$0].0.status == .active
    }
    let veterans = candidates.filter { made[$0].1.joined <= settled }
    if veterans.count >= count + 2 { candidates = veterans }
    candidates.sort {
      let a = made[$0].0.employees ?? 0
      let b = made[$1].0.employees ?? 0
      return a != b ? a > b : $0 < $1
    }
    var pool = Array(candidates.prefix(max(count + 2, candidates.count * 2 / 3)))
    rng.shuffle(&pool)
    // The chair and vice-chair come from the larger, long-standing firms.
    let top = Array(candidates.prefix(6))
    let chair = rng.pick(top)
    var vice = rng.pick(top)
    while vice == chair { vice = rng.pick(top) }
    made[chair].0.role = .chair
    made[vice].0.role = .viceChair
    var placed = 0
    for i in pool where placed < count && i != chair && i != vice {
      made[i].0.role = .steering
      placed += 1
    }
    for i in [chair, vice] + pool.filter({ made[$0].0.role == .steering }) {
      made[i].1.engagement = min(0.97, made[i].1.engagement + 0.15)
    }
  }

  /// Adds the member's contacts and returns the name of the first one.
  private func makeContacts(_ rng: inout SeededGenerator, member: Member, region: Int) -> String {
    let count: Int
    let titles: [String]
    if member.kind == .company {
      count = rng.weighted([0.35, 0.45, 0.2]) + 1
      titles = Vocabulary.contactTitles
    } else {
      count = rng.weighted([0.6, 0.4]) + 1
      titles = Vocabulary.institutionTitles
    }
    let domain = String(member.email.split(separator: "@").last ?? "")
    var first = ""
    for k in 0..<count {
      let p = Names.person(&rng)
      if k == 0 { first = p.name }
      contacts.append(
        Contact(
          id: Int64(contacts.count + 1), memberId: member.id, name: p.name, title: rng.pick(titles),
          phone: rng.chance(0.6) ? mobile(&rng) : phone(&rng, region: region),
          email: p.emailLocal(style: rng.below(3)) + "@" + domain))
    }
    return first
  }
}

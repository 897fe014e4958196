import Testing

@testable import ClusterKit

@Suite struct ParticleTests {
  @Test(arguments: [
    ("회원", Particle.object, "회원을"), ("회의", .object, "회의를"),
    ("방문", .subject, "방문이"), ("한빛정밀", .subject, "한빛정밀이"), ("서버", .subject, "서버가"),
    ("파일", .topic, "파일은"), ("회의", .topic, "회의는"),
    ("SIG 스마트공장", .and, "SIG 스마트공장과"), ("(주)대한", .and, "(주)대한과"), ("미래", .and, "미래와"),
    ("예산", .direction, "예산으로"), ("서울", .direction, "서울로"), ("협약", .direction, "협약으로"),
    ("'완료'", .direction, "'완료'로"), ("'반려'", .direction, "'반려'로"),
    ("1,250만원", .subject, "1,250만원이"), ("#12", .topic, "#12는"), ("#3", .topic, "#3은"),
    ("#7", .direction, "#7로"), ("#10", .direction, "#10으로"),
    ("/tmp/office.cd", .topic, "/tmp/office.cd는"),
    ("/tmp/office.json", .topic, "/tmp/office.json은"),
    ("book.html", .direction, "book.html로"), ("SIG", .topic, "SIG는"), ("", .object, "를"),
  ])
  func theParticleFitsTheWordBefore(word: String, particle: Particle, expected: String) {
    #expect("\(word, particle)" == expected)
  }

  @Test func aNumberValueTakesItsParticleFromItsDigits() {
    #expect("신청 #\(41, .topic)" == "신청 #41은")
    #expect("신청 #\(42, .topic)" == "신청 #42는")
  }
}

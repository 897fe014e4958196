import Testing

extension Binary {
  /// A command line that must be refused: its exit status, and a part of its one sentence on
  /// standard error in English and in Korean.
  typealias Refusal = (arguments: [String], status: Int32, english: String, korean: String)

  /// Runs each command line in both languages: the status, one line on standard error saying
  /// it, nothing on standard output.
  func expectRefusals(_ refusals: [Refusal]) throws {
    for (arguments, status, english, korean) in refusals {
      let result = try run(arguments)
      #expect(result.status == status, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains(english), "\(arguments): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
      #expect(result.stdout.isEmpty, "\(arguments)")
      let inKorean = try run(arguments, environment: ["LANG": "ko_KR.UTF-8"])
      #expect(inKorean.stderr.contains(korean), "\(arguments): \(inKorean.stderr)")
    }
  }
}

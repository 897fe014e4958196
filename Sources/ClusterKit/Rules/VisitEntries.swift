/// A visit's difficulties and follow-ups written on one line each, as the visit form takes
/// them: difficulties `type: text; type: text`, follow-ups `action / owner / due; …`.
public enum VisitEntries {
  /// Each `type: text` entry; an entry whose part before the colon is not a difficulty type is
  /// all text, of type "other".
  public static func difficulties(_ line: String) -> [Difficulty] {
    entries(line).map { entry in
      if let colon = entry.firstIndex(of: ":"),
        let category = try? MemberRules.parse(
          String(entry[..<colon]).trimmingCharacters(in: .whitespaces),
          as: DifficultyCategory.self, field: "difficulty")
      {
        return Difficulty(
          category: category,
          text: String(entry[entry.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
      }
      return Difficulty(category: .other, text: entry)
    }
  }

  /// Each `action / owner / due` entry (owner and due may be left out; the owner is then
  /// `owner`). A follow-up of `keeping` with the same action, or else at the same place, keeps
  /// its id and whether it is done.
  public static func followUps(_ line: String, owner: String, keeping: [FollowUp] = []) throws
    -> [FollowUp]
  {
    var unmatched = keeping
    var result: [FollowUp] = []
    for (index, entry) in entries(line).enumerated() {
      let parts = entry.split(separator: "/", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      var due: Day?
      if parts.count > 2, !parts[2].isEmpty {
        guard let day = Day(parsing: parts[2]) else {
          throw FieldError(
            field: "followUps[\(index + 1)].due",
            problem: .invalidFormat(expected: "2026-12-10"), value: parts[2])
        }
        due = day
      }
      var followUp = FollowUp(
        action: parts[0], owner: parts.count > 1 && !parts[1].isEmpty ? parts[1] : owner, due: due)
      let same =
        unmatched.firstIndex { $0.action == followUp.action }
        ?? (index < keeping.count ? unmatched.firstIndex { $0.id == keeping[index].id } : nil)
      if let same {
        followUp.id = unmatched[same].id
        followUp.done = unmatched[same].done
        unmatched.remove(at: same)
      }
      result.append(followUp)
    }
    return result
  }

  private static func entries(_ line: String) -> [String] {
    line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      .filter { !$0.isEmpty }
  }
}

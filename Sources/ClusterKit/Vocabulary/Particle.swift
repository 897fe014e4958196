/// A Korean particle whose form depends on the word before it, chosen as people write it:
/// "회원을" but "방문를" never, "파일은" but "회의는", "예산으로" but "서울로".
public enum Particle: Sendable, CaseIterable {
  /// 을 after a final consonant, 를 after a vowel.
  case object
  /// 이 / 가.
  case subject
  /// 은 / 는.
  case topic
  /// 과 / 와.
  case and
  /// 으로 / 로 (로 also after ㄹ).
  case direction

  /// The form of this particle that follows `word`.
  public func after(_ word: some CustomStringConvertible) -> String {
    let ending = Self.finalSound(of: word.description)
    switch self {
    case .object: return ending == .vowel ? "를" : "을"
    case .subject: return ending == .vowel ? "가" : "이"
    case .topic: return ending == .vowel ? "는" : "은"
    case .and: return ending == .vowel ? "와" : "과"
    case .direction: return ending == .consonant ? "으로" : "로"
    }
  }

  /// How a word ends when read aloud: the last Hangul syllable's final consonant, a digit or
  /// Latin letter as Koreans read it ("3" 삼, "SIG" 지, "html" 엘); closing brackets, quotes and
  /// spaces are skipped. A word with nothing readable counts as ending in a vowel.
  enum FinalSound { case vowel, consonant, rieul }

  static func finalSound(of word: String) -> FinalSound {
    for scalar in word.unicodeScalars.reversed() {
      let value = scalar.value
      if (0xAC00...0xD7A3).contains(value) {
        switch (value - 0xAC00) % 28 {
        case 0: return .vowel
        case 8: return .rieul
        default: return .consonant
        }
      }
      if ("0"..."9").contains(scalar) {
        // 영 삼 육 end in a consonant, 일 칠 팔 in ㄹ, 이 사 오 구 in a vowel.
        switch value - 48 {
        case 0, 3, 6: return .consonant
        case 1, 7, 8: return .rieul
        default: return .vowel
        }
      }
      switch scalar {
      case "l", "L", "R": return .rieul
      case "m", "n", "M", "N": return .consonant
      case "a"..."z", "A"..."Z": return .vowel
      default: continue
      }
    }
    return .vowel
  }
}

extension DefaultStringInterpolation {
  /// `"\(name, .topic) 회원입니다"` writes the name and the particle that fits it.
  public mutating func appendInterpolation(
    _ word: some CustomStringConvertible, _ particle: Particle
  ) {
    appendLiteral(word.description)
    appendLiteral(particle.after(word))
  }
}

/// Terminal column widths measured with the project's own table, per grapheme cluster.
///
/// Hangul, CJK and emoji-presentation characters take two columns; combining marks,
/// zero-width characters and controls take none; everything else, including East Asian
/// ambiguous characters such as box drawing, `·` and `▁`, takes one.
public enum DisplayWidth {
  /// Inclusive scalar ranges that are two columns wide.
  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo leading consonants
    0x231A...0x231B,
    0x2329...0x232A,
    0x2E80...0x303E,  // CJK radicals, punctuation
    0x3041...0x33FF,  // Kana, compatibility jamo, enclosed CJK (㈜), CJK compatibility
    0x3400...0x4DBF,
    0x4E00...0x9FFF,
    0xA000...0xA4CF,
    0xA960...0xA97F,  // Hangul Jamo Extended-A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,
    0xFE10...0xFE19,
    0xFE30...0xFE6F,
    0xFF00...0xFF60,
    0xFFE0...0xFFE6,
    0x1F004...0x1F004,
    0x1F0CF...0x1F0CF,
    0x1F18E...0x1F18E,
    0x1F191...0x1F19A,
    0x1F200...0x1F251,
    0x1F300...0x1F64F,
    0x1F680...0x1F6FF,
    0x1F900...0x1F9FF,
    0x1FA70...0x1FAFF,
    0x20000...0x2FFFD,
    0x30000...0x3FFFD,
  ]

  /// Inclusive scalar ranges that take no column of their own.
  static let zeroRanges: [ClosedRange<UInt32>] = [
    0x0300...0x036F,  // combining diacritics
    0x1160...0x11FF,  // Hangul medial vowels and final consonants
    0x200B...0x200F,  // zero-width space, ZWNJ, ZWJ, direction marks
    0x2028...0x202E,
    0x2060...0x2064,
    0xD7B0...0xD7FF,  // Hangul Jamo Extended-B
    0xFE00...0xFE0F,  // variation selectors
    0xFE20...0xFE2F,
    0xFEFF...0xFEFF,
    0xE0100...0xE01EF,
  ]

  static func contains(_ ranges: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
    var lo = 0
    var hi = ranges.count - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      let r = ranges[mid]
      if v < r.lowerBound {
        hi = mid - 1
      } else if v > r.upperBound {
        lo = mid + 1
      } else {
        return true
      }
    }
    return false
  }

  /// Width of one Unicode scalar on its own.
  public static func of(scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (0x7F...0x9F).contains(v) { return 0 }
    if v < 0x300 { return 1 }
    if contains(zeroRanges, v) { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if contains(wideRanges, v) { return 2 }
    if scalar.properties.isEmojiPresentation { return 2 }
    return 1
  }

  /// Width of one grapheme cluster: its first scalar decides, except that an emoji
  /// variation selector (U+FE0F) or a regional-indicator pair makes it two columns.
  public static func of(_ c: Character) -> Int {
    let scalars = c.unicodeScalars
    guard let first = scalars.first else { return 0 }
    let base = of(scalar: first)
    if base == 0 { return 0 }
    if base == 1 && scalars.count > 1 {
      if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
      if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
    }
    return base
  }

  /// Columns the string occupies in a terminal.
  public static func of(_ s: String) -> Int {
    // Text of Latin letters and Hangul syllables alone, nearly all text, is measured scalar by
    // scalar, read straight from its UTF-8: none of those scalars joins the one before it into
    // a grapheme cluster, so the sum is the same, without the cost of finding the clusters'
    // boundaries (a long list measures every cell).
    if let width = s.utf8.withContiguousStorageIfAvailable(plainWidth) ?? nil { return width }
    var total = 0
    for c in s { total += of(c) }
    return total
  }

  /// The width of UTF-8 text of scalars below U+0300 and Hangul syllables alone; nil for any
  /// other.
  static func plainWidth(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
    var total = 0
    var i = 0
    let count = utf8.count
    while i < count {
      let lead = utf8[i]
      if lead < 0x80 {
        total += lead < 0x20 || lead == 0x7F ? 0 : 1
        i += 1
      } else if (0xC2...0xCB).contains(lead), i + 1 < count {
        // U+0080–U+02FF; U+0080–U+009F are control characters.
        total += lead == 0xC2 && utf8[i + 1] < 0xA0 ? 0 : 1
        i += 2
      } else if (0xEA...0xED).contains(lead), i + 2 < count {
        let v =
          UInt32(lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
        guard (0xAC00...0xD7A3).contains(v) else { return nil }
        total += 2
        i += 3
      } else {
        return nil
      }
    }
    return total
  }

  /// Columns taken by the first `count` characters of `s`.
  public static func prefixWidth(_ s: String, characters count: Int) -> Int {
    var total = 0
    for c in s.prefix(max(0, count)) { total += of(c) }
    return total
  }

  /// The index (in characters) of the character that covers `column`, or the character
  /// count when the column lies past the end. Used to turn a screen column into a caret.
  public static func characterIndex(in s: String, atColumn column: Int) -> Int {
    var col = 0
    var index = 0
    for c in s {
      let w = of(c)
      if column < col + max(w, 1) && w > 0 { return index }
      col += w
      index += 1
    }
    return index
  }

  /// Cuts `s` to at most `width` columns. A wide character that does not fit is never split:
  /// the remaining column becomes a space. With `ellipsis`, a cut string ends in `…`.
  public static func truncate(_ s: String, to width: Int, ellipsis: Bool = true) -> String {
    guard width > 0 else { return "" }
    if of(s) <= width { return s }
    return cut(s, to: width, ellipsis: ellipsis)
  }

  /// `s`, known to be wider than `width` columns, cut to `width`.
  private static func cut(_ s: String, to width: Int, ellipsis: Bool) -> String {
    let budget = ellipsis ? width - 1 : width
    var out = ""
    var used = 0
    for c in s {
      let w = of(c)
      if used + w > budget { break }
      out.append(c)
      used += w
    }
    if used < budget {
      out += String(repeating: " ", count: budget - used)
    }
    if ellipsis { out.append("…") }
    return out
  }

  public enum Alignment: Sendable, Hashable {
    case left, right, center
  }

  /// Fits `s` into exactly `width` columns: cut with an ellipsis when too wide, padded
  /// with spaces otherwise.
  public static func pad(_ s: String, to width: Int, align: Alignment = .left) -> String {
    guard width > 0 else { return "" }
    // Measured once: a table pads every cell of every frame.
    let measured = of(s)
    if measured > width { return cut(s, to: width, ellipsis: true) }
    let gap = width - measured
    if gap == 0 { return s }
    switch align {
    case .left: return s + String(repeating: " ", count: gap)
    case .right: return String(repeating: " ", count: gap) + s
    case .center:
      let left = gap / 2
      return String(repeating: " ", count: left) + s
        + String(repeating: " ", count: gap - left)
    }
  }
}

public typealias Alignment = DisplayWidth.Alignment

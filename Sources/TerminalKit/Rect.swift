/// A rectangle of terminal cells. Sizes are never negative.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public init(width: Int, height: Int) {
    self.init(x: 0, y: 0, width: width, height: height)
  }

  public var maxX: Int { x + width }
  public var maxY: Int { y + height }
  public var isEmpty: Bool { width == 0 || height == 0 }
  public var description: String { "(\(x),\(y) \(width)x\(height))" }

  /// Shrinks every side by the given amounts, never below zero size.
  public func inset(dx: Int, dy: Int) -> Rect {
    let w = max(0, width - 2 * dx)
    let h = max(0, height - 2 * dy)
    return Rect(x: x + min(dx, width / 2), y: y + min(dy, height / 2), width: w, height: h)
  }

  public func inset(_ n: Int) -> Rect { inset(dx: n, dy: n) }

  public func split(_ direction: Layout.Direction, _ constraints: [Layout.Constraint]) -> [Rect] {
    Layout.split(self, direction, constraints)
  }

  /// The overlap with `other`, empty (at this rect's origin) when they do not meet.
  public func intersection(_ other: Rect) -> Rect {
    let x0 = max(x, other.x)
    let y0 = max(y, other.y)
    let x1 = min(maxX, other.maxX)
    let y1 = min(maxY, other.maxY)
    if x1 <= x0 || y1 <= y0 { return Rect(x: x0, y: y0, width: 0, height: 0) }
    return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
  }

  /// A rect of at most the given size centred inside this one.
  public func centered(width w: Int, height h: Int) -> Rect {
    let cw = min(max(0, w), width)
    let ch = min(max(0, h), height)
    return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
  }

  /// The single-row rect at `row` (relative to the top), empty when out of range.
  public func row(_ row: Int) -> Rect {
    guard row >= 0 && row < height else { return Rect(x: x, y: y, width: 0, height: 0) }
    return Rect(x: x, y: y + row, width: width, height: 1)
  }
}

/// Constraint layout: splits a rect along one axis.
public enum Layout {
  public enum Direction: Sendable, Hashable {
    /// Areas side by side, left to right (the width is shared).
    case horizontal
    /// Areas stacked top to bottom (the height is shared).
    case vertical
  }

  public enum Constraint: Sendable, Hashable {
    /// Exactly `n` cells when there is room.
    case fixed(Int)
    /// At least `n` cells when there is room; also takes a share (weight 1) of what is left.
    case min(Int)
    /// A percentage of the whole length.
    case percent(Int)
    /// A share of what is left after the others, by weight.
    case fill(Int)
  }

  /// Lengths for the constraints along a line of `total` cells. Space is handed out in
  /// order, so when it runs out the last areas shrink to zero; no length is ever negative.
  public static func lengths(total: Int, _ constraints: [Constraint]) -> [Int] {
    let total = max(0, total)
    var lengths = [Int](repeating: 0, count: constraints.count)
    var remaining = total
    for (i, c) in constraints.enumerated() {
      let want: Int
      switch c {
      case .fixed(let n), .min(let n): want = max(0, n)
      case .percent(let p): want = total * max(0, Swift.min(p, 100)) / 100
      case .fill: want = 0
      }
      let got = Swift.min(want, remaining)
      lengths[i] = got
      remaining -= got
    }
    let weights = constraints.map { c -> Int in
      switch c {
      case .fill(let w): return max(0, w)
      case .min: return 1
      default: return 0
      }
    }
    let weightSum = weights.reduce(0, +)
    if remaining > 0 && weightSum > 0 {
      let pool = remaining
      var given = 0
      for i in constraints.indices where weights[i] > 0 {
        let share = pool * weights[i] / weightSum
        lengths[i] += share
        given += share
      }
      // Hand out the rounding remainder one cell at a time, last growable areas first.
      var rest = pool - given
      var i = constraints.count - 1
      while rest > 0 {
        if weights[i] > 0 {
          lengths[i] += 1
          rest -= 1
        }
        i = i == 0 ? constraints.count - 1 : i - 1
      }
    }
    return lengths
  }

  public static func split(_ rect: Rect, _ direction: Direction, _ constraints: [Constraint])
    -> [Rect]
  {
    let total = direction == .horizontal ? rect.width : rect.height
    var offset = 0
    return lengths(total: total, constraints).map { len in
      defer { offset += len }
      switch direction {
      case .horizontal:
        return Rect(x: rect.x + offset, y: rect.y, width: len, height: rect.height)
      case .vertical:
        return Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: len)
      }
    }
  }
}

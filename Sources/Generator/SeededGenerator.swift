import ClusterKit

/// SplitMix64: a small, fast generator whose output depends only on its seed, so a generated
/// workspace is the same on every machine and with every toolchain. The helpers below use only
/// integer arithmetic and exactly rounded floating-point operations for the same reason.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  /// An independent stream for one part of the workspace, so changing how one part is made
  /// does not reshuffle the others.
  init(seed: UInt64, stream: UInt64) {
    state = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
    _ = next()
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<n`.
  mutating func below(_ n: Int) -> Int {
    precondition(n > 0)
    return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
  }

  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.count)
  }

  /// A number in `[0, 1)`.
  mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  mutating func chance(_ probability: Double) -> Bool {
    unit() < probability
  }

  mutating func pick<T>(_ values: [T]) -> T {
    values[below(values.count)]
  }

  /// An index chosen with the given relative weights.
  mutating func weighted(_ weights: [Double]) -> Int {
    var total = 0.0
    for w in weights { total += w }
    var x = unit() * total
    for (i, w) in weights.enumerated() {
      if x < w { return i }
      x -= w
    }
    return weights.count - 1
  }

  mutating func shuffle<T>(_ values: inout [T]) {
    guard values.count > 1 else { return }
    for i in stride(from: values.count - 1, to: 0, by: -1) {
      values.swapAt(i, below(i + 1))
    }
  }

  /// `count` distinct indices from `0..<n`, in random order.
  mutating func distinct(_ count: Int, of n: Int) -> [Int] {
    var all = Array(0..<n)
    let k = min(count, n)
    for i in 0..<k {
      all.swapAt(i, i + below(n - i))
    }
    return Array(all.prefix(k))
  }
}

/// Calls the observer about once per percent. Work is split into stages, each owning a share
/// of the bar, so the bar moves evenly even when stages differ in size.
struct ProgressMeter {
  private let observer: ((Double) -> Void)?
  private var reported = 0
  private var stageStart = 0.0
  private var stageShare = 0.0
  private var stageTotal = 1.0

  init(observer: ((Double) -> Void)?) {
    self.observer = observer
  }

  mutating func begin(at start: Double, share: Double, total: Int) {
    stageStart = start
    stageShare = share
    stageTotal = Double(max(total, 1))
  }

  mutating func step(_ done: Int) {
    guard observer != nil else { return }
    report(stageStart + stageShare * min(1, Double(done) / stageTotal))
  }

  mutating func finish() {
    report(1)
  }

  private mutating func report(_ fraction: Double) {
    guard let observer else { return }
    let percent = min(100, Int(fraction * 100))
    if percent > reported {
      reported = percent
      observer(Double(percent) / 100)
    }
  }
}

/// Cheap text for hot loops (no Foundation formatting).
enum FastText {
  static func pad(_ value: Int, _ width: Int) -> String {
    var s = String(value)
    while s.count < width { s = "0" + s }
    return s
  }

  static func day(_ d: Day) -> String {
    pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2)
  }

  /// `2026-05-14T01:20:00Z`, `minute` counted from midnight UTC.
  static func timestamp(_ d: Day, minute: Int) -> String {
    day(d) + "T" + pad(minute / 60, 2) + ":" + pad(minute % 60, 2) + ":00Z"
  }
}

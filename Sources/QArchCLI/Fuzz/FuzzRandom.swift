import NumberFormats

/// The fuzzers' seeded random source (SplitMix64) with the draws mutators need.
///
/// ```swift
/// var rng = FuzzRandom(seed: 1)
/// rng.below(10)          // 0…9
/// rng.pick(["a", "b"])   // "a" or "b"
/// ```
struct FuzzRandom {
    var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// A number in 0..<n (0 when n ≤ 0).
    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(generator.next() % UInt64(n)) }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// True with probability 1/n.
    mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }

    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: generator.next()) }

    mutating func next() -> UInt64 { generator.next() }
}

import NumberFormats

/// `SplitMix64` wrapped for the generators here.
struct SplitMix64Proxy {
    var g: SplitMix64
    init(seed: UInt64) { g = SplitMix64(seed: seed) }
    mutating func unit() -> Double { g.nextUnit() }
    mutating func next() -> UInt64 { g.next() }
}

/// An integer accumulator register of explicit width with the design's overflow behaviour.
///
/// Hardware never traps: a `wrap` register keeps the low `bits` bits (two's complement),
/// a `saturate` register clamps at its range after every addition.
///
/// ```swift
/// let acc16 = IntegerAccumulator(bits: 16, overflow: .wrap)
/// acc16.add(32767, 1)       // -32768
/// IntegerAccumulator(bits: 16, overflow: .saturate).add(32767, 1)   // 32767
/// ```
public struct IntegerAccumulator: Sendable, Equatable, Codable {
    /// What happens beyond the register's range.
    public enum Overflow: String, Sendable, Codable, CaseIterable { case wrap, saturate }

    /// Register width, 2…63 bits.
    public let bits: Int
    public let overflow: Overflow
    public let minValue: Int64
    public let maxValue: Int64

    public init(bits: Int, overflow: Overflow = .wrap) {
        let b = min(max(bits, 2), 63)
        self.bits = b
        self.overflow = overflow
        minValue = -(Int64(1) << Int64(b - 1))
        maxValue = (Int64(1) << Int64(b - 1)) - 1
    }

    /// The INT32 register with wrap-around, the default of ArithmeticUnits/README.md, "MixPE".
    public static let int32 = IntegerAccumulator(bits: 32, overflow: .wrap)

    /// The register value after adding `x` to `acc` (both already in range).
    @inline(__always)
    public func add(_ acc: Int64, _ x: Int64) -> Int64 {
        switch overflow {
        case .wrap: return reduce(acc &+ x)
        case .saturate:
            let (s, o) = acc.addingReportingOverflow(x)
            if o { return x > 0 ? maxValue : minValue }
            return min(max(s, minValue), maxValue)
        }
    }

    /// `x` brought into range: the low `bits` bits sign-extended (wrap) or clamped (saturate).
    @inline(__always)
    public func reduce(_ x: Int64) -> Int64 {
        switch overflow {
        case .wrap:
            let shift = Int64(64 - bits)
            return (x << shift) >> shift
        case .saturate:
            return min(max(x, minValue), maxValue)
        }
    }
}

import NumberFormats

/// The input vectors a primitive is checked on: every input combination when the inputs
/// have at most `exhaustiveLimitBits` bits together, else `count` seeded random vectors
/// (SplitMix64 from `seed`), always preceded by the `special` vectors (the corner cases of a
/// floating-point format: zeros, subnormals, the largest finite, Inf and NaN).
///
/// Vectors are flat: vector `i` is `values[i * ports ..< (i + 1) * ports]`, one value per input
/// port in port order. In exhaustive mode the first port takes the low bits of a counter.
///
/// ```swift
/// let plan = VectorPlan.standard(inputs: [PrimitivePort("a", 4), PrimitivePort("b", 4)], randomCount: 1000, seed: 1) { _ in [] }
/// plan.mode                   // .exhaustive
/// plan.vectorCount            // 256
/// plan.values(ports: [PrimitivePort("a", 4), PrimitivePort("b", 4)])[2...3]   // [1, 0]: vector 1 is a = 1, b = 0
/// ```
public struct VectorPlan: Sendable {
    public enum Mode: String, Sendable { case exhaustive, random }

    /// At most 2^20 input combinations are enumerated.
    public static let exhaustiveLimitBits = 20

    public let mode: Mode
    /// Random vectors after the specials (random mode).
    public let randomCount: Int
    public let seed: UInt64
    /// Vectors run first in random mode, one value per input port each.
    public let special: [[UInt64]]
    /// The exhaustive combination count (exhaustive mode).
    let combinations: Int
    /// One random vector, one value per input port (masked to the port widths afterwards).
    let draw: @Sendable (inout SplitMix64) -> [UInt64]

    /// Exhaustive when the inputs fit `exhaustiveLimitBits`, else `randomCount` draws after `special`.
    public static func standard(inputs: [PrimitivePort], randomCount: Int, seed: UInt64, special: [[UInt64]] = [],
                                draw: @escaping @Sendable (inout SplitMix64) -> [UInt64]) -> VectorPlan {
        let bits = inputs.reduce(0) { $0 + $1.width }
        if bits <= exhaustiveLimitBits {
            return VectorPlan(mode: .exhaustive, randomCount: 0, seed: seed, special: [], combinations: 1 << bits, draw: draw)
        }
        return VectorPlan(mode: .random, randomCount: randomCount, seed: seed, special: special, combinations: 0, draw: draw)
    }

    /// How many vectors `values` returns.
    public var vectorCount: Int { mode == .exhaustive ? combinations : special.count + randomCount }

    /// Every vector, flat (see the type's docs).
    public func values(ports: [PrimitivePort]) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(vectorCount * ports.count)
        switch mode {
        case .exhaustive:
            for counter in 0..<combinations {
                var rest = UInt64(counter)
                for port in ports {
                    out.append(rest & port.mask)
                    rest >>= UInt64(port.width)
                }
            }
        case .random:
            for vector in special { append(vector, ports: ports, to: &out) }
            var rng = SplitMix64(seed: seed)
            for _ in 0..<randomCount { append(draw(&rng), ports: ports, to: &out) }
        }
        return out
    }

    private func append(_ vector: [UInt64], ports: [PrimitivePort], to out: inout [UInt64]) {
        for (i, port) in ports.enumerated() { out.append((i < vector.count ? vector[i] : 0) & port.mask) }
    }
}

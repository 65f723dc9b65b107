import NumberFormats

/// The operand stream a primitive's toggle rate is measured on: `count` operations drawn
/// from SplitMix64(`seed`), one value per input port each, described in words for the table.
///
/// The draws imitate LLM tensors (`LLMLikeData`): roughly Gaussian values with rare large
/// outliers, quantized to the primitive's operand format, so that toggles reflect data a
/// quantization accelerator sees rather than uniformly random bits.
///
/// ```swift
/// let s = OperandStream(description: "uniform bytes", count: 4, seed: 1) { rng in [rng.next() & 0xFF] }
/// s.values(ports: [PrimitivePort("a", 8)]).count   // 4
/// ```
public struct OperandStream: Sendable {
    public let description: String
    public let count: Int
    public let seed: UInt64
    let draw: @Sendable (inout SplitMix64) -> [UInt64]

    /// The default length of a measured stream.
    public static let defaultCount = 4096

    public init(description: String, count: Int = OperandStream.defaultCount, seed: UInt64 = 7,
                draw: @escaping @Sendable (inout SplitMix64) -> [UInt64]) {
        self.description = description
        self.count = count
        self.seed = seed
        self.draw = draw
    }

    /// Every operation's inputs, flat (as `VectorPlan.values`).
    public func values(ports: [PrimitivePort]) -> [UInt64] {
        var rng = SplitMix64(seed: seed)
        var out: [UInt64] = []
        out.reserveCapacity(count * ports.count)
        for _ in 0..<count {
            let vector = draw(&rng)
            for (i, port) in ports.enumerated() { out.append((i < vector.count ? vector[i] : 0) & port.mask) }
        }
        return out
    }
}

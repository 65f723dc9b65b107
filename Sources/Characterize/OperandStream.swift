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
/// A unit's own operand sequence (`init(description:seed:operations:)`) is replayed as
/// given: the BitMoD lane datapath is measured on the terms of quantized weights in the order
/// its PE consumes them (`BitMoDLaneStream`), not on independent draws.
public struct OperandStream: Sendable {
    public let description: String
    public let count: Int
    public let seed: UInt64
    let draw: @Sendable (inout SplitMix64) -> [UInt64]
    /// The operations as given, or nil when they are drawn.
    let operations: [[UInt64]]?

    /// The default length of a measured stream.
    public static let defaultCount = 4096

    public init(description: String, count: Int = OperandStream.defaultCount, seed: UInt64 = 7,
                draw: @escaping @Sendable (inout SplitMix64) -> [UInt64]) {
        self.description = description
        self.count = count
        self.seed = seed
        self.draw = draw
        self.operations = nil
    }

    /// A fixed sequence of operations (one value per input port each), e.g. a PE's operands
    /// in the order it consumes them; `seed` is the seed the sequence was made from.
    ///
    /// ```swift
    /// let s = OperandStream(description: "two adds", seed: 3, operations: [[1, 2], [3, 4]])
    /// s.values(ports: [PrimitivePort("a", 8), PrimitivePort("b", 8)])   // [1, 2, 3, 4]
    /// ```
    public init(description: String, seed: UInt64, operations: [[UInt64]]) {
        self.description = description
        self.count = operations.count
        self.seed = seed
        self.draw = { _ in [] }
        self.operations = operations
    }

    /// Every operation's inputs, flat (as `VectorPlan.values`).
    public func values(ports: [PrimitivePort]) -> [UInt64] {
        var rng = SplitMix64(seed: seed)
        var out: [UInt64] = []
        out.reserveCapacity(count * ports.count)
        for i in 0..<count {
            let vector = operations?[i] ?? draw(&rng)
            for (i, port) in ports.enumerated() { out.append((i < vector.count ? vector[i] : 0) & port.mask) }
        }
        return out
    }
}

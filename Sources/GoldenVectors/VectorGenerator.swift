import NumberFormats

/// The vectors of one operation: with `edge`, every corner case first, then `count` random
/// ones drawn from `SplitMix64(seed:)`. The same arguments give the same vectors.
///
/// ```swift
/// let op = VectorRegistry.operation(nil, for: HiF8MACKind(outputFormat: .fp32))!
/// VectorGenerator.vectors(op, count: 3, seed: 1, edge: false).count   // 3
/// ```
public enum VectorGenerator {
    public static func vectors(_ op: any VectorOperation, count: Int, seed: UInt64, edge: Bool) -> [GoldenVector] {
        var rng = SplitMix64(seed: seed)
        var inputs = edge ? op.edgeInputs() : []
        inputs.reserveCapacity(inputs.count + max(count, 0))
        for _ in 0..<max(count, 0) { inputs.append(op.randomInputs(&rng)) }
        return inputs.map { GoldenVector(inputs: $0, outputs: op.outputs($0)) }
    }
}

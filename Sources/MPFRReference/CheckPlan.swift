import NumberFormats

/// One (format, op) check of a `Verifier.run`, and how its cases split into chunks.
struct CheckPlan: Sendable {
    let format: ElementFormat
    let reference: ReferenceFormat?
    let op: VerifyOp
    let samples: Int

    /// Units of work (codes, inputs, operand rows, cases) and how many go in one chunk.
    var units: (count: Int, perChunk: Int) {
        guard let ref = reference else { return (0, 1) }
        switch op {
        case .decode:
            return ref.bits <= 16 ? (1 << ref.bits, 8192) : (CheckRunner.fp32DecodeAnchors.count + samples, 8192)
        case .encode:
            return (CheckRunner.structuredInputCount(ref) + samples, 2048)
        case .add, .mul:
            return ref.bits <= 8 ? (1 << ref.bits, max(1, 4096 >> ref.bits)) : (samples, 1024)
        case .fma:
            return (samples, 1024)
        case .dot:
            return (Verifier.dotCases(samples: samples), 64)
        }
    }
}

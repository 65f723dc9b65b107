import ArithmeticUnits
import NumberFormats

/// `block`: one block pair of the block dot unit (`BlockDot.blockProduct`, the code
/// `BlockDotUnit` runs): the exact sum of the element products times both block scales,
/// rounded once to FP32 (nearest-even, overflow to ±∞; a NaN scale gives NaN). NVFP4's
/// tensor scales apply after the last block and are not part of it.
///
/// ```swift
/// let op = BlockDotOperation(format: .mxfp4)
/// // a_0 = b_0 = 6.0 (code 0x7), the other elements 0, both scales 2^0 (127): 36.0
/// op.outputs([FieldValue(7), FieldValue(7), FieldValue(127), FieldValue(127)])   // [0x42100000]
/// ```
public struct BlockDotOperation: VectorOperation {
    public let format: BlockFormat

    public init(format: BlockFormat) { self.format = format }

    var elementBits: Int { format.element.bits }
    var n: Int { format.blockSize }

    public var schema: VectorSchema {
        let e = format.element.name, s = format.scaleFormat.name
        return VectorSchema(
            operation: "block", summary: "y = RN_fp32(s_a·s_b·Σ_i a_i·b_i) over one \(format.name) block of \(n), the sum exact",
            inputs: [VectorField("a", bits: n * elementBits, "\(n) × \(e) activation codes, element i at bits [\(elementBits)i+\(elementBits - 1):\(elementBits)i]"),
                     VectorField("b", bits: n * elementBits, "\(n) × \(e) weight codes, same layout"),
                     VectorField("sa", bits: format.scaleFormat.bits, "activation block scale, \(s) code"),
                     VectorField("sb", bits: format.scaleFormat.bits, "weight block scale, \(s) code")],
            outputs: [VectorField("y", bits: 32, "FP32 block result (NaN: 0x7fc00000)")])
    }

    public func randomInputs(_ rng: inout SplitMix64) -> [FieldValue] {
        [FieldDraw.packed(n, elementBits: elementBits, &rng), FieldDraw.packed(n, elementBits: elementBits, &rng),
         FieldDraw.random(bits: format.scaleFormat.bits, &rng), FieldDraw.random(bits: format.scaleFormat.bits, &rng)]
    }

    public func edgeInputs() -> [[FieldValue]] {
        let edges = FieldDraw.edges(format.element)
        let finite = edges.filter { format.element.decode(UInt32($0)).isFinite }
        func all(_ c: UInt64) -> UInt64Array { UInt64Array(Array(repeating: c, count: n)) }
        var patterns = edges.map(all)
        patterns.append(UInt64Array((0..<n).map { finite[$0 % finite.count] }))
        patterns.append(UInt64Array((0..<n).map { UInt64($0) % UInt64(format.element.codeCount) }))
        let scales: [UInt64]
        if format.scaleFormat == .e8m0 {
            scales = [0, 1, 20, 100, 126, 127, 128, 200, 253, 254, 255]
        } else {
            scales = FieldDraw.edges(format.scaleFormat) + [0x38, 0x40]
        }
        var out: [[FieldValue]] = []
        for a in patterns {
            for b in patterns {
                for sa in scales {
                    for sb in scales {
                        out.append([FieldValue.packed(a.values, elementBits: elementBits), FieldValue.packed(b.values, elementBits: elementBits),
                                    FieldValue(sa), FieldValue(sb)])
                    }
                }
            }
        }
        return out
    }

    public func outputs(_ inputs: [FieldValue]) -> [FieldValue] {
        func block(_ codes: FieldValue, _ scale: FieldValue) -> QuantizedBlock {
            let c = (0..<n).map { UInt8(truncatingIfNeeded: codes.element($0, elementBits: elementBits)) }
            let s = UInt32(scale.low)
            return QuantizedBlock(scaleCode: s, scale: format.scaleFormat.decode(s), codes: c,
                                  values: c.map { format.element.decode(UInt32($0)) })
        }
        return [FieldDraw.fp32(BlockDot.blockProduct(block(inputs[0], inputs[2]), block(inputs[1], inputs[3]), format: format))]
    }

    /// A list of element codes (a named wrapper keeps the pattern list readable).
    struct UInt64Array { let values: [UInt64]; init(_ v: [UInt64]) { values = v } }
}

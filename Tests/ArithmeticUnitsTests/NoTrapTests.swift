import Testing
@testable import ArithmeticUnits
import NumberFormats

/// No unit traps on any input: huge, tiny and zero operands run to completion (hardware
/// overflows to Inf/NaN or wraps); non-finite weights are rejected with a
/// `QuantizationError`, non-finite activations propagate.
@Suite struct NoTrapTests {
    static let units: [any ArithmeticUnit] = [
        MixPE(mode: .w4a8), MixPE(mode: .w4a16), MixPE(mode: .w4a8, accumulator: IntegerAccumulator(bits: 8, overflow: .wrap)),
        MixPE(mode: .w4a8, accumulator: IntegerAccumulator(bits: 8, overflow: .saturate)),
        LUTTensorCore(weights: .uint(bits: 2)), LUTTensorCore(weights: .ternary), LUTTensorCore(weights: .uint(bits: 4), activations: .int8),
        BitMoDPE(bits: 4, mode: .rtl), BitMoDPE(bits: 3, mode: .functional), Int8MAC(),
        FloatMAC(kind: .fp16), FloatMAC(kind: .dequantFP16), FloatMAC(kind: .hif8, outputFormat: .hif8),
        BlockDotUnit(format: .mxfp4), BlockDotUnit(format: .nvfp4), BlockDotUnit(format: .mxfp8E5M2),
    ]

    static func run<U: ArithmeticUnit>(_ unit: U, _ a: Matrix, _ b: Matrix) throws -> UnitResult {
        unit.gemm(try unit.quantize(activations: a, weights: b), order: AccumulationOrder(kChunk: 8))
    }

    @Test("extreme finite operands", arguments: [1e300, 1e30, 6e4, 1e-30, 0.0])
    func extremes(magnitude: Double) throws {
        let (m, k, n) = (2, 40, 3)
        var a = Matrix(rows: m, cols: k), b = Matrix(rows: k, cols: n)
        for i in 0..<(m * k) { a.storage[i] = i % 2 == 0 ? magnitude : -magnitude * 0.5 }
        for i in 0..<(k * n) { b.storage[i] = i % 3 == 0 ? magnitude : 1 }
        for unit in Self.units {
            let r = try Self.run(unit, a, b)
            #expect(r.bits.count == m * n, "\(unit.name)")
        }
    }

    /// Weight quantizers reject non-finite weights; activations may carry NaN/Inf, which
    /// propagate through the datapath as they would in hardware, without trapping.
    @Test func nonFiniteInputs() throws {
        var a = Matrix(rows: 1, cols: 8), b = Matrix(rows: 8, cols: 1)
        for i in 0..<8 { a.storage[i] = 1; b.storage[i] = 0.5 }
        var badB = b
        badB.storage[0] = .nan
        for unit in Self.units {
            #expect(throws: QuantizationError.self, "\(unit.name)") { _ = try Self.run(unit, a, badB) }
        }
        for special in [Double.nan, .infinity, -.infinity] {
            var badA = a
            badA.storage[3] = special
            for unit in Self.units {
                do {
                    let r = try Self.run(unit, badA, b)
                    #expect(r.bits.count == 1)
                } catch {
                    #expect(error is QuantizationError)
                }
            }
        }
    }
}

/// Empty and short operands never trap at the kernel level either.
@Suite struct EmptyOperandTests {
    @Test func emptyAndShort() {
        let r = Int8MACKernel.gemm(m: 0, k: 0, n: 3, groupSize: 1, activations: [], rowScales: [], weightsNK: [],
                                   zeroPoints: [0, 0, 0], scales: [1, 1, 1], order: .sequential, accumulator: .int32)
        #expect(r.bits.isEmpty)
        #expect(LUTTable(activations: [1, 2], entryFormat: .fp16).stored == LUTTable(activations: [1, 2, 0, 0], entryFormat: .fp16).stored)
        #expect(LUTTable(integerActivations: []).stored == [Double](repeating: 0, count: 8))
    }
}

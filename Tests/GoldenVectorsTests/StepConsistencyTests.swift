import ArithmeticUnits
import GoldenVectors
import NumberFormats
import Testing

/// The vector operations chain to the bits `gemm` produces: a GEMM of one row and one
/// column, computed step by step from the vectors' operations, equals the unit's own GEMM.
/// (So an RTL that passes the vectors computes what `qarch gemm` computes.)
@Suite struct StepConsistencyTests {
    static func bits(_ x: Float) -> UInt64 { UInt64(x.bitPattern) }

    @Test func mixpeW4A8StepsAndEpilogueAreTheGEMM() {
        var rng = SplitMix64(seed: 5)
        let (k, g) = (16, 8)
        let unit = MixPE(mode: .w4a8, groupSize: g)
        let w = (0..<k).map { _ in UInt8(rng.next() % 16) }
        let a = (0..<k).map { _ in Int8(truncatingIfNeeded: rng.next()) }
        let zeros: [Int32] = [3, 12], scales: [Float] = [0.0625, 1.5], rowScale: Float = 0.01
        let ops = MixPEOperands(m: 1, k: k, n: 1, groupSize: g, weightCodesKN: w, zeroPoints: zeros, scales: scales,
                                activations: .int8(codes: a, rowScales: [rowScale]))
        let gemm = unit.gemm(ops, order: .sequential).bits[0]

        let step = MixPEStepOperation(unit: unit), epilogue = MixPEEpilogueOperation(unit: unit)
        var y = FieldValue(0)
        for group in 0..<2 {
            var psum = FieldValue(0)
            var sum: Int64 = 0
            for s in stride(from: group * g, to: (group + 1) * g, by: 4) {
                let wf = FieldValue.packed((s..<s + 4).map { UInt64(w[$0]) }, elementBits: 4)
                let af = FieldValue.packed((s..<s + 4).map { UInt64(UInt8(bitPattern: a[$0])) }, elementBits: 8)
                psum = step.outputs([wf, af, psum])[0]
                sum += (s..<s + 4).reduce(0) { $0 + Int64(a[$1]) }
            }
            let scale = FieldValue(UInt64(ElementFormat.fp16.encode(Double(scales[group]))))
            y = epilogue.outputs([psum, FieldValue(signed: sum, bits: 32), FieldValue(UInt64(zeros[group])), scale, y])[0]
        }
        #expect((rowScale * Float(bitPattern: UInt32(y.low))).bitPattern == gemm)
    }

    @Test func mixpeW4A16StepsAndEpilogueAreTheGEMM() {
        var rng = SplitMix64(seed: 6)
        let k = 8
        let unit = MixPE(mode: .w4a16, groupSize: k)
        let w = (0..<k).map { _ in UInt8(rng.next() % 16) }
        let codes = (0..<k).map { _ in UInt64(rng.next() % 0x7800) | (rng.next() & 1) << 15 }   // finite FP16
        let values = codes.map { Float(ElementFormat.fp16.decode(UInt32($0))) }
        let ops = MixPEOperands(m: 1, k: k, n: 1, groupSize: k, weightCodesKN: w, zeroPoints: [5], scales: [0.25],
                                activations: .fp16(values))
        let gemm = unit.gemm(ops, order: .sequential).bits[0]
        let step = MixPEStepOperation(unit: unit)
        var psum = FieldValue(0)
        for s in stride(from: 0, to: k, by: 4) {
            psum = step.outputs([FieldValue.packed((s..<s + 4).map { UInt64(w[$0]) }, elementBits: 4),
                                 FieldValue.packed(Array(codes[s..<s + 4]), elementBits: 16), psum])[0]
        }
        var activationSum: Float = 0
        for v in values { activationSum = activationSum + v }
        let y = MixPEEpilogueOperation(unit: unit).outputs([psum, FieldValue(Self.bits(activationSum)), FieldValue(5),
                                                            FieldValue(UInt64(ElementFormat.fp16.encode(0.25))), FieldValue(0)])[0]
        #expect(UInt32(y.low) == gemm)
    }

    @Test func hif8MACStepsAreTheGEMM() {
        var rng = SplitMix64(seed: 7)
        let k = 64
        let mac = FloatMAC(kind: .hif8)
        let a = (0..<k).map { _ in UInt64(rng.next() % 0x6F) | (rng.next() & 1) << 7 }   // finite, non-NaN codes
        let b = (0..<k).map { _ in UInt64(rng.next() % 0x6F) }
        let ops = FloatMACOperands(m: 1, k: k, n: 1, activations: a.map { Float(ElementFormat.hif8.decode(UInt32($0))) },
                                   weightsNK: b.map { Float(ElementFormat.hif8.decode(UInt32($0))) })
        let gemm = mac.gemm(ops, order: .sequential).bits[0]
        let op = FloatMACStepOperation(mac: mac)
        var acc = FieldValue(0)
        for i in 0..<k { acc = op.outputs([FieldValue(a[i]), FieldValue(b[i]), acc])[0] }
        #expect(UInt32(acc.low) == gemm)
    }

    @Test func blockOperationIsTheBlockDotUnitOnOneBlock() throws {
        let unit = BlockDotUnit(format: .mxfp4)
        var rng = SplitMix64(seed: 8)
        let x = try #require(Matrix(rows: 1, cols: 32, storage: (0..<32).map { _ in rng.nextUnit() * 8 - 4 }))
        let w = try #require(Matrix(rows: 32, cols: 1, storage: (0..<32).map { _ in rng.nextUnit() * 2 - 1 }))
        let ops = try unit.quantize(activations: x, weights: w)
        let gemm = unit.gemm(ops, order: .sequential).bits[0]
        let (ba, bb) = (ops.rows[0].tensor.blocks[0], ops.columns[0].tensor.blocks[0])
        let codesA: [UInt64] = ba.codes.map { UInt64($0) }, codesB: [UInt64] = bb.codes.map { UInt64($0) }
        let inputs: [FieldValue] = [FieldValue.packed(codesA, elementBits: 4), FieldValue.packed(codesB, elementBits: 4),
                                    FieldValue(UInt64(ba.scaleCode)), FieldValue(UInt64(bb.scaleCode))]
        let y = BlockDotOperation(format: .mxfp4).outputs(inputs)[0]
        #expect(gemm != 0 && UInt32(y.low) == gemm)
    }

    @Test func lutLookupFollowsTheWorkedExample() {
        // ArithmeticUnits/README.md, "LUT Tensor Core": a = [1, 2, 4, 8], q = [3, 0, 1, 2], B = 2.
        let op = LUTLookupOperation(unit: LUTTensorCore(weights: .uint(bits: 2)))
        let a = FieldValue(0x4800_4400_4000_3C00)
        let plane0 = op.outputs([a, FieldValue(0b0101), FieldValue(0), FieldValue(0)])
        let table = [-15.0, -11, -7, -3, 1, 5, 9, 13].map { UInt64(ElementFormat.fp16.encode($0)) }
        #expect(plane0[0] == FieldValue.packed(table, elementBits: 16))
        #expect(plane0[1] == FieldValue(UInt64(ElementFormat.fp16.encode(-5))))
        let plane1 = op.outputs([a, FieldValue(0b1001), FieldValue(1), plane0[1]])
        #expect(plane1[1] == FieldValue(UInt64(ElementFormat.fp16.encode(1))))   // −5 + 2·3
    }
}

import Testing
@testable import TensorEngine

/// Closed-form dequantization-epilogue traffic for the group-quantized units.
@Suite struct MemoryTrafficDequantTests {
    /// MixPE W4A8 on its 64×64 array, M = 64, K = 4096, N = 4096, G = 128 → 32 groups.
    /// Per (m, n, g): 64·4096·32 = 8_388_608 steps, each one FP16 scale (2 B), one 4-bit
    /// zero point (0.5 B), one 32-bit activation sum, one 32-bit accumulator read and write.
    @Test func mixpeClosedForm() throws {
        let plan = try FoldPlan(GEMMDims(m: 64, k: 4096, n: 4096), on: ArrayConfig(rows: 64, cols: 64, dataflow: .os))
        let d = try DequantTraffic.compute(plan: plan, scheme: .mixpe())
        let steps = 8_388_608
        #expect(d.scaleReads == steps && d.zeroPointReads == steps && d.activationSumReads == steps)
        #expect(d.accumulatorReads == steps && d.accumulatorWrites == steps)
        #expect(d.scaleBytes == 2 * steps && d.zeroPointBytes == steps / 2)
        #expect(d.activationSumBytes == 4 * steps && d.accumulatorReadBytes == 4 * steps)
        #expect(d.accumulatorWriteBytes == 4 * steps)
        #expect(d.readBytes == (2 + 4 + 4) * steps + steps / 2 && d.writeBytes == 4 * steps)
        // The epilogue does not depend on the dataflow.
        for df in Dataflow.allCases {
            let p = try FoldPlan(plan.dims, on: ArrayConfig(rows: 64, cols: 64, dataflow: df))
            #expect(try DequantTraffic.compute(plan: p, scheme: .mixpe()) == d)
        }
    }

    /// K = 200 with G = 128 → ⌈200/128⌉ = 2 groups; M = 3, N = 5 → 30 steps;
    /// 30 zero points · 4 bits = 15 B; with 3 steps (M = N = 1, … K = 300 → 3 groups) 1.5 → 2 B.
    @Test func partialGroupsRoundUp() throws {
        let p = try FoldPlan(GEMMDims(m: 3, k: 200, n: 5), on: ArrayConfig(rows: 4, cols: 4, dataflow: .ws))
        let d = try DequantTraffic.compute(plan: p, scheme: .mixpe())
        #expect(d.scaleReads == 30 && d.zeroPointBytes == 15)
        let q = try FoldPlan(GEMMDims(m: 1, k: 300, n: 1), on: ArrayConfig(rows: 4, cols: 4, dataflow: .ws))
        #expect(try DequantTraffic.compute(plan: q, scheme: .mixpe()).zeroPointBytes == 2)
    }

    /// BitMoD on 32×32, M = 256, K = 4096, N = 4096, G = 128 → 32 groups, 8-bit scales, no
    /// zero point and no accumulator traffic. Per (n, g) per pass over the weights:
    /// os: 256/32 = 8 row folds → 4096·32·8 = 1_048_576 B; ws: one pass → 131_072 B;
    /// is (M on columns): 8 column folds → 1_048_576 B.
    @Test func bitmodPerRowFold() throws {
        let dims = GEMMDims(m: 256, k: 4096, n: 4096)
        for (df, bytes) in [(Dataflow.os, 1_048_576), (.ws, 131_072), (.is, 1_048_576)] {
            let p = try FoldPlan(dims, on: ArrayConfig(rows: 32, cols: 32, dataflow: df))
            let d = try DequantTraffic.compute(plan: p, scheme: .bitmod())
            #expect(d.scaleReads == bytes && d.scaleBytes == bytes)
            #expect(d.zeroPointReads == 0 && d.activationSumReads == 0)
            #expect(d.accumulatorReads == 0 && d.writeBytes == 0)
        }
    }

    /// LUT Tensor Core, uint2 weights, M = N = 2, K = 256 → 2 groups, 8 steps:
    /// scales 16 B, 2-bit zero points 2 B, activation sums and accumulators 32 B each.
    @Test func lutTensorCore() throws {
        let p = try FoldPlan(GEMMDims(m: 2, k: 256, n: 2), on: ArrayConfig(rows: 4, cols: 4, dataflow: .os))
        let d = try DequantTraffic.compute(plan: p, scheme: .lutTensorCore(weightBits: 2))
        #expect(d.scaleBytes == 16 && d.zeroPointBytes == 2)
        #expect(d.activationSumBytes == 32 && d.accumulatorReadBytes == 32 && d.accumulatorWriteBytes == 32)
    }

    /// Through `BufferedTraffic`: os 4×4, M = 2, N = 3, K = 256, MixPE: 12 steps → scales
    /// 24 B + zeros 6 B = 30 B on the B buffer; sums, accumulator reads, writes 3·48 = 144 B
    /// on the C buffer. With one 8-bit bank per buffer each byte is one access cycle.
    /// B: 256·3·0.5 = 384 B read by the array (1 row fold) + 384 B fill + 30 = 798 cycles.
    /// C: array writes 6·4 = 24 B, write-back reads 24 B, + 144 = 192 cycles.
    @Test func dequantLoadsTheBuffers() throws {
        let plan = try FoldPlan(GEMMDims(m: 2, k: 256, n: 3), on: ArrayConfig(rows: 4, cols: 4, dataflow: .os))
        let narrow = SRAMBuffer(sizeBytes: 1 << 20, banks: 1, widthBits: 8, doubleBuffered: false)
        let t = try BufferedTraffic.compute(plan: plan,
            widths: (OperandWidth(bits: 8), OperandWidth(bits: 4), OperandWidth(bits: 16)),
            buffers: (.unbounded, narrow, narrow), dequant: .mixpe())
        #expect(try t.dequant == DequantTraffic.compute(plan: plan, scheme: .mixpe()))
        #expect(t.dequant.weightBufferBytes == 30 && t.dequant.outputBufferBytes == 144)
        #expect(try t.b.sramBytes == 768 && t.b.accessCycles == 798)
        #expect(try t.c.sramBytes == 48 && t.c.accessCycles == 192)
        #expect(t.sramReadBytes == t.a.sramReadBytes + 384 + 24 + t.dequant.readBytes)
        #expect(t.sramWriteBytes == t.a.sramWriteBytes + 384 + 24 + 48)
    }
}

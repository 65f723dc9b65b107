import Testing
@testable import TensorEngine

/// Properties of `BufferedTraffic` on seeded random configurations.
@Suite struct MemoryTrafficPropertyTests {
    func randomBuffer(_ rng: inout SeededGenerator) -> SRAMBuffer {
        SRAMBuffer(sizeBytes: Int.random(in: 1...20_000, using: &rng), banks: Int.random(in: 1...8, using: &rng),
                   widthBits: [8, 32, 64, 512].randomElement(using: &rng)!,
                   doubleBuffered: Bool.random(using: &rng))
    }

    func randomWidth(_ rng: inout SeededGenerator) -> OperandWidth {
        [OperandWidth(bits: 4), OperandWidth(bits: 8), OperandWidth(bits: 16),
         OperandWidth(bits: 532, per: 128), OperandWidth(bits: 6 * 128 + 8, per: 128)].randomElement(using: &rng)!
    }

    /// Halving any one buffer (or double buffering it) never reduces DRAM traffic in either
    /// direction; SRAM reads by the array never change.
    @Test func smallerBuffersNeverReduceDRAMTraffic() throws {
        var rng = SeededGenerator(seed: 0x5EED_0001)
        for _ in 0..<400 {
            let (array, dims) = randomConfiguration(&rng)
            let plan = try FoldPlan(dims, on: array)
            let widths = (randomWidth(&rng), randomWidth(&rng), OperandWidth(bits: 16))
            let buffers = (randomBuffer(&rng), randomBuffer(&rng), randomBuffer(&rng))
            let base = try BufferedTraffic.compute(plan: plan, widths: widths, buffers: buffers)
            for which in 0..<3 {
                var smaller = buffers
                switch which {
                case 0: smaller.0.sizeBytes = max(1, smaller.0.sizeBytes / 2)
                case 1: smaller.1.doubleBuffered = true
                default: smaller.2.sizeBytes = max(1, smaller.2.sizeBytes / 2)
                }
                let t = try BufferedTraffic.compute(plan: plan, widths: widths, buffers: smaller)
                #expect(t.dram.readBytes >= base.dram.readBytes, "\(array) \(dims) buffer \(which)")
                #expect(t.dram.writeBytes >= base.dram.writeBytes, "\(array) \(dims) buffer \(which)")
                #expect(t.a.sramReadBytes == base.a.sramReadBytes && t.b.sramReadBytes == base.b.sramReadBytes)
            }
            let unbounded = try BufferedTraffic.compute(plan: plan, widths: widths,
                                                        buffers: (.unbounded, .unbounded, .unbounded))
            #expect(unbounded.dram.readBytes <= base.dram.readBytes)
            #expect(unbounded.dram.writeBytes <= base.dram.writeBytes)
        }
    }

    /// With everything resident the DRAM reads are one pass over A and B and the writes one
    /// pass over C, at the exact widths; for whole-byte widths they equal the engine's
    /// one-fetch DRAM model (`ClosedFormTiming` with a `DRAMConfig`).
    @Test func onePassWhenEverythingFits() throws {
        var rng = SeededGenerator(seed: 0x5EED_0002)
        for _ in 0..<300 {
            let (array, dims) = randomConfiguration(&rng)
            let plan = try FoldPlan(dims, on: array)
            let wa = randomWidth(&rng), wb = randomWidth(&rng), wc = OperandWidth(bits: 32)
            let t = try BufferedTraffic.compute(plan: plan, widths: (wa, wb, wc),
                                                buffers: (.unbounded, .unbounded, .unbounded))
            #expect(try t.a.dramReadBytes == wa.byteCount(elements: dims.m * dims.k))
            #expect(try t.b.dramReadBytes == wb.byteCount(elements: dims.k * dims.n))
            #expect(try t.dram.writeBytes == wc.byteCount(elements: dims.m * dims.n))
            #expect(t.a.resident && t.b.resident && t.c.resident && t.sramStallCycles == 0)
            if wa.per == 1, wa.bits % 8 == 0, wb.per == 1, wb.bits % 8 == 0 {
                let dram = DRAMConfig(bytesPerCycle: 32, a: wa, b: wb, c: wc)
                #expect(try ClosedFormTiming.run(plan, convention: .native, dram: dram).dram == t.dram)
            }
        }
    }

    /// 4-bit weights never move more bytes than 8-bit ones, at any level, for any buffers;
    /// activations and outputs are unaffected unless the weights' smaller footprint helps.
    @Test func fourBitWeightsNeverMoveMore() throws {
        var rng = SeededGenerator(seed: 0x5EED_0003)
        for _ in 0..<400 {
            let (array, dims) = randomConfiguration(&rng)
            let plan = try FoldPlan(dims, on: array)
            let buffers = (randomBuffer(&rng), randomBuffer(&rng), randomBuffer(&rng))
            let a = OperandWidth(bits: 8), c = OperandWidth(bits: 16)
            let w4 = try BufferedTraffic.compute(plan: plan, widths: (a, OperandWidth(bits: 4), c), buffers: buffers)
            let w8 = try BufferedTraffic.compute(plan: plan, widths: (a, OperandWidth(bits: 8), c), buffers: buffers)
            #expect(w4.b.dramReadBytes <= w8.b.dramReadBytes)
            #expect(w4.b.sramReadBytes <= w8.b.sramReadBytes && w4.b.sramWriteBytes <= w8.b.sramWriteBytes)
            #expect(w4.b.accessCycles <= w8.b.accessCycles)
            #expect(w4.dram.readBytes <= w8.dram.readBytes && w4.dram.writeBytes == w8.dram.writeBytes)
            #expect(w4.a == w8.a && w4.c == w8.c)
            // Exactly half when everything is resident (4-bit rounds up to whole bytes).
            if w8.b.resident {
                #expect(w4.b.dramReadBytes == (w8.b.dramReadBytes + 1) / 2)
            }
        }
    }

    /// Huge GEMMs are exact or refused: beyond 2^62 MACs the plan throws; within it every
    /// byte and cycle count is exact or a `countOverflow`, never negative, wrapped or saturated.
    @Test func hugeDimensionsAreExactOrRefused() throws {
        let huge = Int.max / 2
        for df in Dataflow.allCases {
            let array = ArrayConfig(rows: 128, cols: 128, dataflow: df, cyclesPerStep: 4)
            #expect(throws: TensorEngineError.tooManyMACs(m: huge, k: huge, n: huge)) {
                try FoldPlan(GEMMDims(m: huge, k: huge, n: huge), on: array)
            }
            for dims in [GEMMDims(m: 1, k: 1 << 40, n: 3), GEMMDims(m: 1 << 20, k: 1 << 20, n: 1 << 20),
                         GEMMDims(m: 1, k: 1, n: 1 << 62)] {
                guard let plan = try? FoldPlan(dims, on: array) else {
                    // Only a cycle count may overflow here: 2^62 streamed steps × 4 cycles.
                    #expect(throws: TensorEngineError.countOverflow("cycles")) { try FoldPlan(dims, on: array) }
                    continue
                }
                for buffers in [(SRAMBuffer.unbounded, SRAMBuffer.unbounded, SRAMBuffer.unbounded),
                                (SRAMBuffer(kib: 1, banks: 1, widthBits: 1, doubleBuffered: true),
                                 SRAMBuffer(kib: 1, banks: 1, widthBits: 1, doubleBuffered: true),
                                 SRAMBuffer(kib: 1, banks: 1, widthBits: 1, doubleBuffered: true))] {
                    let t: MemoryTraffic
                    do {
                        t = try BufferedTraffic.compute(plan: plan,
                            widths: (OperandWidth(bits: 16), OperandWidth(bits: 532, per: 128), OperandWidth(bits: 32)),
                            buffers: buffers, dequant: .mixpe())
                    } catch {
                        guard case .countOverflow = error else { Issue.record("\(dims): \(error)"); continue }
                        continue
                    }
                    for o in [t.a, t.b, t.c] {
                        #expect(o.dramReadBytes >= 0 && o.dramWriteBytes >= 0 && o.sramReadBytes >= 0)
                        #expect(o.accessCycles >= 0 && o.stallCycles >= 0)
                    }
                    // Exactly one pass over A (16 bits) when the A buffer holds it.
                    if buffers.0 == .unbounded { #expect(t.a.dramReadBytes == dims.m * dims.k * 2) }
                    #expect(t.dram.readBytes > 0 && t.sramStallCycles >= 0 && t.cyclesWithSRAMStalls > 0)
                    #expect(t.dequant.scaleReads > 0)
                }
            }
        }
        #expect(SRAMBuffer(kib: .max, banks: 1, widthBits: 8, doubleBuffered: false).sizeBytes == .max)
    }
}

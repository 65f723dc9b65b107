import Foundation
import Testing
import ArithmeticUnits
import NumberFormats
@testable import TensorEngine

/// Precision-scalable PEs (`PELanes`): the lane counts, the same values as one product per
/// cycle, fewer cycles, and the same operand bytes.
@Suite struct PackedArrayTests {
    @Test func laneCountsOfThePapersPEs() {
        // BitFusion / MixPE artifact: pf = ⌊p_max / max(p, p_min)⌋.
        #expect(PELanes.count(peBits: 8, bits: 4, minBits: 4) == 2)     // (8,4) PE, 4-bit weights
        #expect(PELanes.count(peBits: 8, bits: 8, minBits: 4) == 1)     // (8,4) PE, 8-bit operands
        #expect(PELanes.count(peBits: 16, bits: 4, minBits: 8) == 2)    // (16,8) PE, 4-bit weights in 8-bit lanes
        #expect(PELanes.count(peBits: 16, bits: 2, minBits: 1) == 8)
        #expect(PELanes.count(peBits: 4, bits: 8, minBits: 1) == 1)     // never below one
        #expect(PELanes(activation: 2, weight: 3).products == 6)
        #expect(PELanes(activation: 1, weight: 2).packed(GEMMDims(m: 64, k: 4096, n: 11007)) == GEMMDims(m: 64, k: 4096, n: 5504))
        #expect(PELanes(activation: 3, weight: 1).packed(GEMMDims(m: 7, k: 5, n: 2)) == GEMMDims(m: 3, k: 5, n: 2))
        #expect(throws: TensorEngineError.self) {
            try ArrayConfig(rows: 4, cols: 4, dataflow: .os, lanes: PELanes(activation: 0, weight: 2)).validated()
        }
    }

    static func data(m: Int, k: Int, n: Int, seed: UInt64) -> (Matrix, Matrix) {
        var rng = SplitMix64(seed: seed)
        var a = Matrix(rows: m, cols: k), b = Matrix(rows: k, cols: n)
        for i in 0..<a.storage.count { a.storage[i] = rng.nextUnit() * 2 - 1 }
        for i in 0..<b.storage.count { b.storage[i] = (rng.nextUnit() * 2 - 1) * 0.1 }
        return (a, b)
    }

    /// Every lane computes a whole product, so C is bit-identical to the plain array's on
    /// every dataflow and mode; the counts report every lane's MAC.
    @Test(arguments: Dataflow.allCases)
    func valuesAreThePlainArrays(dataflow: Dataflow) throws {
        let (a, b) = Self.data(m: 9, k: 260, n: 13, seed: 5)
        for lanes in [PELanes(activation: 1, weight: 2), PELanes(activation: 2, weight: 2), PELanes(activation: 3, weight: 1)] {
            let plain = ArrayConfig(rows: 4, cols: 3, dataflow: dataflow)
            var packed = plain
            packed.lanes = lanes
            for mode in [SimulationMode.fast, .cycle] {
                let p = try GEMMExecution.run(unit: MixPE(mode: .w4a8), activations: a, weights: b, array: plain, convention: .native, mode: mode)
                let q = try GEMMExecution.run(unit: MixPE(mode: .w4a8), activations: a, weights: b, array: packed, convention: .native, mode: mode)
                #expect(q.output.bits == p.output.bits, "\(dataflow) \(lanes) \(mode)")
                #expect(q.timing.macs == 9 * 260 * 13)
                #expect(q.timing.totalCycles < p.timing.totalCycles, "\(dataflow) \(lanes) \(mode)")
                let i8p = try GEMMExecution.run(unit: Int8MAC(), activations: a, weights: b, array: plain, convention: .native, mode: mode)
                let i8q = try GEMMExecution.run(unit: Int8MAC(), activations: a, weights: b, array: packed, convention: .native, mode: mode)
                #expect(i8q.output.bits == i8p.output.bits)
            }
        }
    }

    /// Output stationary, hand-derived: 64×512×512 on 64×64 PEs of two weight lanes is the
    /// artifact's ⌈M/64⌉·⌈N/(64·2)⌉ = 4 folds instead of 8. In the native convention a fold's
    /// skew and drain overlap the next fold's stream, so each fold fewer saves its K = 512
    /// stream cycles.
    @Test func outputStationaryFoldsHalve() throws {
        let dims = GEMMDims(m: 64, k: 512, n: 512)
        let plain = ArrayConfig(rows: 64, cols: 64, dataflow: .os)
        var packed = plain
        packed.lanes = PELanes(activation: 1, weight: 2)
        let t = UnitTiming(latency: 1, initiationInterval: 1, macsPerOperation: 1)
        let p = try GEMMExecution.schedule(dims, unit: t, engine: .systolic(plain), convention: .native).timing
        let q = try GEMMExecution.schedule(dims, unit: t, engine: .systolic(packed), convention: .native).timing
        #expect(p.folds == 8 && q.folds == 4)
        #expect(p.computeCycles - q.computeCycles == 4 * 512)
        #expect(q.peCount == 64 * 64)
        #expect(q.activePECycles * 2 == p.activePECycles)
    }

    /// Packing moves the same operands: with M and N multiples of the lanes and buffers that
    /// hold everything, A, B and C cross the DRAM channel and fill the buffers in the same
    /// bytes (partial sums too). Reads drop: each activation read feeds every weight lane
    /// (and each weight read every activation lane), so the stationary folds re-read less.
    @Test(arguments: Dataflow.allCases)
    func sameBytesMove(dataflow: Dataflow) throws {
        let dims = GEMMDims(m: 32, k: 96, n: 48)
        let buffer = SRAMBuffer(kib: 1024, banks: 8, widthBits: 64, doubleBuffered: true)
        let memory = BufferModel(buffers: (buffer, buffer, buffer))
        let dram = DRAMConfig(bytesPerCycle: 16, aBits: 8, bBits: 4, cBits: 32)
        let t = UnitTiming(latency: 1, initiationInterval: 1, macsPerOperation: 1)
        let plain = ArrayConfig(rows: 8, cols: 8, dataflow: dataflow)
        var packed = plain
        packed.lanes = PELanes(activation: 2, weight: 2)
        let p = try #require(try GEMMExecution.schedule(dims, unit: t, engine: .systolic(plain), convention: .native, dram: dram, memory: memory).memory)
        let q = try #require(try GEMMExecution.schedule(dims, unit: t, engine: .systolic(packed), convention: .native, dram: dram, memory: memory).memory)
        #expect(q.dram.readBytes == p.dram.readBytes)
        #expect(q.dram.writeBytes == p.dram.writeBytes)
        #expect(q.sramWriteBytes == p.sramWriteBytes)
        #expect(q.sramReadBytes < p.sramReadBytes)
    }
}

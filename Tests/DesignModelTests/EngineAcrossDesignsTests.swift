import Foundation
import Testing
import ArithmeticUnits
import DesignModel
import NumberFormats
import TensorEngine

/// The engine on every unit type: each design's unit (its cycles per step, dot width and
/// exact DRAM operand widths) on every dataflow, with and without DRAM stalls.
@Suite struct EngineAcrossDesignsTests {
    static func designs() throws -> [Design] { try TestFiles.designs.map { try Design.decode(try TestFiles.data($0)) } }

    /// Fast path == cycle-stepped mode on seeded random configurations: 9 designs × 3
    /// dataflows × 10 shapes × (ideal memory, DRAM) = 540 configurations.
    @Test func fastEqualsCycleForEveryUnitType() throws {
        var rng = SplitMix64(seed: 2026)
        var checked = 0
        for design in try Self.designs() {
            let unit = design.makeUnit()
            let lanes = unit.timing.macsPerOperation
            for dataflow in Dataflow.allCases {
                for _ in 0..<10 {
                    var array = design.arrayConfig()
                    array.rows = 1 + Int(rng.next() % 12)
                    array.cols = 1 + Int(rng.next() % 12)
                    array.dataflow = dataflow
                    let dims = GEMMExecution.streamedDims(m: 1 + Int(rng.next() % 40), k: 1 + Int(rng.next() % 200),
                                                          n: 1 + Int(rng.next() % 40), lanes: lanes)
                    var dram = design.dramConfig()
                    dram.bytesPerCycle = 1 + Int(rng.next() % 32)
                    for memory in [nil, dram] as [DRAMConfig?] {
                        for convention in TimingConvention.allCases {
                            let cycle = try SystolicTiming.run(dims, on: array, convention: convention, mode: .cycle, dram: memory)
                            let fast = try SystolicTiming.run(dims, on: array, convention: convention, mode: .fast, dram: memory)
                            #expect(cycle == fast, "\(design.name) \(dataflow) \(array.rows)×\(array.cols) \(dims) dram=\(memory != nil)")
                        }
                    }
                    checked += 1
                }
            }
        }
        #expect(checked >= 200)
    }

    /// Every design's unit runs a seeded GEMM on every dataflow without trapping, in both
    /// modes, with identical bits and counts; units whose accumulation is exact give the
    /// same bits on every dataflow.
    @Test func everyDesignOnEveryDataflow() throws {
        var rng = SplitMix64(seed: 5)
        var a = Matrix(rows: 3, cols: 96), b = Matrix(rows: 96, cols: 5)
        for i in 0..<a.storage.count { a.storage[i] = rng.nextUnit() * 2 - 1 }
        for i in 0..<b.storage.count { b.storage[i] = (rng.nextUnit() * 2 - 1) * 0.1 }
        for design in try Self.designs() {
            let unit = design.makeUnit()
            var bitsByDataflow: [[UInt32]] = []
            for dataflow in Dataflow.allCases {
                var array = design.arrayConfig()
                array.rows = 8; array.cols = 4; array.dataflow = dataflow
                let fast = try GEMMExecution.run(unit: unit, activations: a, weights: b, array: array, convention: .native,
                                                 mode: .fast, dram: design.dramConfig())
                let cycle = try GEMMExecution.run(unit: unit, activations: a, weights: b, array: array, convention: .native,
                                                  mode: .cycle, dram: design.dramConfig())
                #expect(fast.timing == cycle.timing && fast.output.bits == cycle.output.bits, "\(design.name) \(dataflow)")
                // A sanity bound on the quantization error; 1-bit weights keep little more than the sign.
                let bound = design.unit.operandWidths.b.bitsPerElement < 2 ? 1.0 : 0.5
                #expect(fast.error.relativeFrobenius < bound, "\(design.name) \(dataflow): \(fast.error.relativeFrobenius)")
                bitsByDataflow.append(fast.output.bits)
            }
            if ["int8-systolic", "mixpe-w4a8", "mxfp4-dot", "nvfp4-dot"].contains(design.name) {
                #expect(bitsByDataflow.allSatisfy { $0 == bitsByDataflow[0] }, "\(design.name)")
            }
        }
    }
}

/// Designs on tensor-core engines run through GEMMExecution with identical counts in both
/// modes; the dot tree sums each k-wide block before accumulating.
@Suite struct TensorCoreDesignTests {
    @Test func tensorCoreDesigns() throws {
        let designs = try EngineAcrossDesignsTests.designs().filter { $0.array.kind.isTensorCore }
        #expect(designs.count >= 2)
        var rng = SplitMix64(seed: 8)
        var a = Matrix(rows: 4, cols: 40), b = Matrix(rows: 40, cols: 70)
        for i in 0..<a.storage.count { a.storage[i] = rng.nextUnit() * 2 - 1 }
        for i in 0..<b.storage.count { b.storage[i] = (rng.nextUnit() * 2 - 1) * 0.1 }
        for design in designs {
            let unit = design.makeUnit()
            let fast = try GEMMExecution.run(unit: unit, activations: a, weights: b, engine: design.engineConfig(),
                                             convention: .native, mode: .fast, dram: design.dramConfig())
            let cycle = try GEMMExecution.run(unit: unit, activations: a, weights: b, engine: design.engineConfig(),
                                              convention: .native, mode: .cycle, dram: design.dramConfig())
            #expect(fast.timing == cycle.timing && fast.output.bits == cycle.output.bits, "\(design.name)")
            if case .tensorCore(let tile, .dotTree) = design.engineConfig() { #expect(fast.order == AccumulationOrder(kChunk: tile.k)) }
            let engine = design.engineConfig()
            #expect(throws: TensorEngineError.self) {
                _ = try GEMMExecution.run(unit: unit, activations: a, weights: b, engine: engine, convention: .scalesim)
            }
        }
    }
}

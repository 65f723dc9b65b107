import Testing
@testable import TensorEngine

/// The event-stepped engine gives every count of the per-cycle loop it replaced
/// (`PerCycleReference`), on the seeded configurations of `FastMatchesCycleTests` and
/// `DRAMStallTests` (same seeds, same draws) and on edge shapes.
@Suite struct EventSteppingTests {
    @Test func seededConfigurationsMatchThePerCycleLoop() throws {
        var rng = SeededGenerator(seed: 0x5EED_2026)
        var checked = 0
        for _ in 0..<240 {
            let (array, dims) = randomConfiguration(&rng)
            let plan = try FoldPlan(dims, on: array)
            for convention in TimingConvention.allCases {
                let events = try CycleSteppedTiming.run(plan, convention: convention)
                #expect(events == (try PerCycleReference.run(plan, convention: convention)), "\(array) \(dims) \(convention)")
                checked += 1
            }
        }
        #expect(checked == 480)
    }

    @Test func seededDRAMConfigurationsMatchThePerCycleLoop() throws {
        var rng = SeededGenerator(seed: 0xD7A_2026)
        var checked = 0
        for _ in 0..<200 {
            let (array, dims) = randomConfiguration(&rng)
            let dram = try randomDRAM(&rng).validated()
            let plan = try FoldPlan(dims, on: array)
            for convention in TimingConvention.allCases {
                let events = try CycleSteppedTiming.run(plan, convention: convention, dram: dram)
                let cycles = try PerCycleReference.run(plan, convention: convention, dram: dram)
                #expect(events == cycles, "\(array) \(dims) \(dram) \(convention)")
                checked += 1
            }
        }
        #expect(checked == 400)
    }

    @Test(arguments: Dataflow.allCases)
    func edgeShapesMatchThePerCycleLoop(dataflow: Dataflow) throws {
        for (r, c) in [(1, 1), (1, 7), (7, 1), (4, 4), (8, 3)] {
            for s in 1...3 {
                let array = ArrayConfig(rows: r, cols: c, dataflow: dataflow, cyclesPerStep: s)
                for (m, k, n) in [(1, 1, 1), (4, 4, 4), (5, 4, 9), (9, 1, 17), (1, 33, 2)] {
                    let plan = try FoldPlan(GEMMDims(m: m, k: k, n: n), on: array)
                    for convention in TimingConvention.allCases {
                        #expect(try CycleSteppedTiming.run(plan, convention: convention)
                                == PerCycleReference.run(plan, convention: convention), "\(array) \(m)×\(k)×\(n) \(convention)")
                    }
                }
            }
        }
    }

    /// The case: 256×512×384 on a 16×16 weight-stationary array, SCALE-Sim's 231 935
    /// cycles (SCALE-Sim 3.0.0's Total Cycles, measured 2026-12-02), both engines.
    @Test func scaleSimCaseMatches() throws {
        let plan = try FoldPlan(GEMMDims(m: 256, k: 512, n: 384), on: ArrayConfig(rows: 16, cols: 16, dataflow: .ws))
        let events = try CycleSteppedTiming.run(plan, convention: .scalesim)
        #expect(events.totalCycles == 231_935)
        #expect(events == (try PerCycleReference.run(plan, convention: .scalesim)))
    }
}

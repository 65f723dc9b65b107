import Testing
@testable import TensorEngine

/// The closed forms must equal the cycle-stepped engine, count for count.
@Suite struct FastMatchesCycleTests {
    @Test func randomConfigurationsAgree() throws {
        var rng = SeededGenerator(seed: 0x5EED_2026)
        var checked = 0
        for _ in 0..<240 {
            let (array, dims) = randomConfiguration(&rng)
            for convention in TimingConvention.allCases {
                let stepped = try SystolicTiming.run(dims, on: array, convention: convention, mode: .cycle)
                let fast = try SystolicTiming.run(dims, on: array, convention: convention, mode: .fast)
                #expect(stepped == fast, "\(array) \(dims) \(convention)")
                #expect(fast.macs == dims.m * dims.k * dims.n)
                #expect(fast.activePECycles == fast.macs * array.cyclesPerStep)
                checked += 1
            }
        }
        #expect(checked == 480)
    }

    /// Edge shapes: 1×1 arrays, single-element GEMMs, exact multiples, one past a multiple.
    @Test(arguments: Dataflow.allCases)
    func edgeShapesAgree(dataflow: Dataflow) throws {
        let arrays = [(1, 1), (1, 7), (7, 1), (4, 4), (8, 3)]
        let shapes = [(1, 1, 1), (4, 4, 4), (5, 4, 9), (8, 8, 8), (9, 1, 17), (1, 33, 2)]
        for (r, c) in arrays {
            for s in 1...3 {
                let array = ArrayConfig(rows: r, cols: c, dataflow: dataflow, cyclesPerStep: s)
                for (m, k, n) in shapes {
                    let dims = GEMMDims(m: m, k: k, n: n)
                    for convention in TimingConvention.allCases {
                        let a = try SystolicTiming.run(dims, on: array, convention: convention, mode: .cycle)
                        let b = try SystolicTiming.run(dims, on: array, convention: convention, mode: .fast)
                        #expect(a == b, "\(array) \(dims) \(convention)")
                    }
                }
            }
        }
    }
}

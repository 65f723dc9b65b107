import Testing
@testable import TensorEngine

/// Invalid inputs are error values; huge inputs saturate instead of trapping.
@Suite struct ValidationTests {
    @Test func nonPositiveDimensionsThrow() {
        let array = ArrayConfig(rows: 4, cols: 4, dataflow: .os)
        #expect(throws: TensorEngineError.invalidDimension(name: "m", value: 0)) {
            try SystolicTiming.run(GEMMDims(m: 0, k: 4, n: 4), on: array, convention: .native)
        }
        #expect(throws: TensorEngineError.invalidDimension(name: "n", value: -3)) {
            try SystolicTiming.run(GEMMDims(m: 1, k: 4, n: -3), on: array, convention: .scalesim,
                                   mode: .cycle)
        }
    }

    @Test func nonPositiveArrayThrows() {
        let dims = GEMMDims(m: 4, k: 4, n: 4)
        #expect(throws: TensorEngineError.invalidArray(name: "cols", value: 0)) {
            try SystolicTiming.run(dims, on: ArrayConfig(rows: 4, cols: 0, dataflow: .ws),
                                   convention: .native)
        }
        #expect(throws: TensorEngineError.invalidArray(name: "cyclesPerStep", value: -1)) {
            try SystolicTiming.run(dims, on: ArrayConfig(rows: 4, cols: 4, dataflow: .is,
                                                         cyclesPerStep: -1),
                                   convention: .native)
        }
    }

    @Test(arguments: Dataflow.allCases)
    func hugeDimensionsSaturate(dataflow: Dataflow) throws {
        let dims = GEMMDims(m: Int.max / 2, k: Int.max / 3, n: Int.max)
        let array = ArrayConfig(rows: 1, cols: 1, dataflow: dataflow, cyclesPerStep: Int.max)
        for convention in TimingConvention.allCases {
            let counts = try SystolicTiming.run(dims, on: array, convention: convention)
            #expect(counts.totalCycles == Int.max)
            #expect(counts.macs == Int.max)
        }
    }
}

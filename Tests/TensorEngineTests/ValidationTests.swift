import Testing
@testable import TensorEngine

/// Invalid inputs are error values; huge inputs are refused instead of trapping or saturating.
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
    func hugeDimensionsAreRefused(dataflow: Dataflow) throws {
        let dims = GEMMDims(m: Int.max / 2, k: Int.max / 3, n: Int.max)
        let array = ArrayConfig(rows: 1, cols: 1, dataflow: dataflow, cyclesPerStep: Int.max)
        for convention in TimingConvention.allCases {
            #expect(throws: TensorEngineError.tooManyMACs(m: Int.max / 2, k: Int.max / 3, n: Int.max)) {
                try SystolicTiming.run(dims, on: array, convention: convention)
            }
            // Within 2^62 MACs, Int.max cycles per step overflows the cycle count.
            #expect(throws: TensorEngineError.countOverflow("cycles")) {
                try SystolicTiming.run(GEMMDims(m: 2, k: 2, n: 2), on: array, convention: convention)
            }
        }
    }

    /// The largest shape the engines accept, 2^62 MACs, and one MAC more.
    @Test func macLimitIsExact() throws {
        let array = ArrayConfig(rows: 128, cols: 128, dataflow: .ws)
        let counts = try SystolicTiming.run(GEMMDims(m: 1 << 20, k: 1 << 21, n: 1 << 21), on: array, convention: .native)
        #expect(counts.macs == 1 << 62)
        #expect(throws: TensorEngineError.tooManyMACs(m: (1 << 62) + 1, k: 1, n: 1)) {
            try SystolicTiming.run(GEMMDims(m: (1 << 62) + 1, k: 1, n: 1), on: array, convention: .native)
        }
        #expect(TensorEngineError.tooManyMACs(m: 1 << 21, k: 1 << 21, n: 1 << 21).description
                == "M·K·N = 2097152·2097152·2097152 MACs exceeds the limit 2^62 (= 4611686018427387904)")
    }
}

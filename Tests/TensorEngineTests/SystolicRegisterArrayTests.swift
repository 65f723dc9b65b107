import Testing
@testable import ArithmeticUnits
import NumberFormats
@testable import TensorEngine

/// Real values stepped through PE registers (skewed injection, stationary preload, partial
/// sums moving down the columns, folds) give exactly the bits of the unit's GEMM in the
/// accumulation order `GEMMExecution` assigns to each dataflow.
@Suite struct SystolicRegisterArrayTests {
    @Test("register-level values equal the dataflow's accumulation order", arguments: Dataflow.allCases)
    func valuesMatchDataflowOrder(dataflow: Dataflow) {
        var rng = SplitMix64(seed: 0xA77A + UInt64(dataflow.hashValue & 0xFF))
        let fp16 = ElementFormat.fp16
        for _ in 0..<25 {
            let (m, k, n) = (1 + Int(rng.next() % 9), 1 + Int(rng.next() % 40), 1 + Int(rng.next() % 9))
            let array = ArrayConfig(rows: 1 + Int(rng.next() % 8), cols: 1 + Int(rng.next() % 8), dataflow: dataflow)
            func value() -> Float { Float(fp16.decode(fp16.encode((rng.nextUnit() - 0.5) * 8))) }
            let a = (0..<(m * k)).map { _ in value() }, b = (0..<(n * k)).map { _ in value() }
            let stepped = SystolicRegisterArray.run(a: a, bNK: b, m: m, k: k, n: n, array: array)
            let order = GEMMExecution.order(for: dataflow, rows: array.rows, lanes: 1)
            let functional = FP32AccumulationKernel.gemm(a: a, bNK: b, m: m, k: k, n: n, order: order)
            #expect(stepped.map(\.bitPattern) == functional.map(\.bitPattern), "\(dataflow) \(array.rows)×\(array.cols) \(m)×\(k)×\(n)")
        }
    }

    /// The order matters: with a value that swamps later small ones, os (sequential) and ws
    /// (folds of 2 rows) round differently. 2^24 + 1 + 1: sequentially each +1 is lost to
    /// rounding (ties to even), while the ws fold adds 1 + 1 = 2 first and keeps it.
    @Test func dataflowChangesRounding() {
        let a: [Float] = [16_777_216, 1, 1], b: [Float] = [1, 1, 1]
        let os = SystolicRegisterArray.run(a: a, bNK: b, m: 1, k: 3, n: 1, array: ArrayConfig(rows: 4, cols: 4, dataflow: .os))
        let ws = SystolicRegisterArray.run(a: a, bNK: b, m: 1, k: 3, n: 1, array: ArrayConfig(rows: 1, cols: 1, dataflow: .ws))
        let ws2 = SystolicRegisterArray.run(a: [1, 1, 16_777_216], bNK: b, m: 1, k: 3, n: 1, array: ArrayConfig(rows: 2, cols: 1, dataflow: .ws))
        #expect(os == [16_777_216])
        #expect(ws == [16_777_216])           // folds of one k: the same additions as os
        #expect(ws2 == [16_777_218])          // fold (1 + 1) = 2, then 2 + 2^24 exactly
    }
}

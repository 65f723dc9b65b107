import Foundation
import Testing
import ArithmeticUnits
import DesignModel
import NumberFormats
import TensorEngine

/// A streamed value run (panels of A and B) gives what the whole run gives, for every
/// design's unit, and its panels are sized as documented.
@Suite struct StreamedValueRunTests {
    /// Seeded operands with outlier channels, a few zeros and a wide range of magnitudes.
    static func operands(m: Int, k: Int, n: Int, seed: UInt64) -> (Matrix, Matrix) {
        var rng = SplitMix64(seed: seed)
        var a = Matrix(rows: m, cols: k), b = Matrix(rows: k, cols: n)
        func value() -> Double { (Double(rng.next() % 2001) - 1000) / 250 }
        for i in 0..<a.storage.count { a.storage[i] = i % 37 == 0 ? 0 : value() * (i % k == 3 ? 40 : 1) }
        for i in 0..<b.storage.count { b.storage[i] = value() / 16 }
        return (a, b)
    }

    /// Panels of 5 rows and 5 columns (not dividing M = 13 or N = 11) against the whole run,
    /// in fast and cycle mode: the same bits, error and counts; the same actions when the
    /// columns are one panel (only A is cut).
    @Test func panelsGiveTheWholeRunsResultForEveryDesign() throws {
        let (a, b) = Self.operands(m: 13, k: 160, n: 11, seed: 17)
        let small = StreamedValueRun(GEMMDims(m: 13, k: 160, n: 11), budgetBytes: 2 * 32 * 160 * 5)
        #expect(small.rows == 5 && small.cols == 5)
        let rowsOnly = StreamedValueRun(GEMMDims(m: 13, k: 160, n: 11), budgetBytes: 2 * 32 * 160 * 12)
        #expect(rowsOnly.rows == 12 && rowsOnly.cols == 11)
        var checked = 0
        for url in TestFiles.designs {
            let d = try Design.decode(try TestFiles.data(url))
            let unit = d.makeUnit()
            for mode in [SimulationMode.fast, .cycle] {
                let whole = try GEMMExecution.run(unit: unit, activations: a, weights: b, engine: d.engineConfig(),
                                                  convention: .native, mode: mode, dram: d.dramConfig(), memory: d.bufferModel())
                for panels in [small, rowsOnly] {
                    let s = try GEMMExecution.runStreamed(unit: unit, activations: a, weights: b, panels: panels, engine: d.engineConfig(),
                                                          convention: .native, mode: mode, dram: d.dramConfig(), memory: d.bufferModel())
                    let name = "\(d.name) \(mode) \(panels.rows)×\(panels.cols)"
                    #expect(s.output.bits == whole.output.bits, "\(name)")
                    #expect(s.output.outputFormat == whole.output.outputFormat, "\(name)")
                    #expect(s.error == whole.error, "\(name)")
                    #expect(s.timing == whole.timing, "\(name)")
                    if panels == rowsOnly && !d.array.kind.isTensorCore {
                        #expect(s.output.actions == whole.output.actions, "\(name)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == TestFiles.designs.count * 4 && checked >= 60)
        // Only the tensor-scaled units refuse to be cut (and run as one panel above).
        let whole = try TestFiles.designs.map { try Design.decode(try TestFiles.data($0)) }.filter { !$0.makeUnit().quantizesPanelsLocally }
        #expect(whole.map(\.name).sorted() == ["hif8-mac", "nvfp4-dot"])
    }

    @Test func panelsAreSizedForTheBudget() throws {
        // 2^28 / 2 / 32 / 8192 = 512 rows or columns per panel.
        let p = StreamedValueRun(GEMMDims(m: 8192, k: 8192, n: 8192))
        #expect(p.rows == 512 && p.cols == 512)
        #expect(try p.estimateBytes() == 32 * 8192 * 1024 + 20 * 8192 * 8192)
        // A small M is one panel; a panel above 64 is a multiple of 64; at least one row.
        let q = StreamedValueRun(GEMMDims(m: 7, k: 1000, n: 100_000))
        #expect(q.rows == 7 && q.cols == 4160)
        #expect(StreamedValueRun(GEMMDims(m: 3, k: 1 << 40, n: 3)).rows == 1)
        #expect(throws: TensorEngineError.self) { try StreamedValueRun(GEMMDims(m: 1 << 40, k: 1, n: 1 << 40)).estimateBytes() }
    }
}

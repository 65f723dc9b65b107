import NumberFormats
import Testing
@testable import TensorEngine

/// Random shapes up to 2^62 per dimension through the timing and traffic engines: every
/// MAC, cycle, byte and access count is exact — equal to its arbitrary-precision value
/// (`BigCount`, computed here from the closed-form definitions) — or the run is refused
/// with a `TensorEngineError`; never negative, wrapped, saturated or trapped.
@Suite struct ShapeOverflowPropertyTests {
    typealias B = BigCount

    /// A dimension spread over every magnitude: 2^e … 2^(e+1)−1 for e uniform in 0…62.
    static func dimension(_ rng: inout SeededGenerator, maxExponent: Int = 62) -> Int {
        let e = Int.random(in: 0...maxExponent, using: &rng)
        return Int.random(in: (1 << e)...(e == 62 ? 1 << 62 : (1 << (e + 1)) - 1), using: &rng)
    }

    static func dims(_ rng: inout SeededGenerator) -> GEMMDims {
        // Mostly within 2^62 MACs: scale the exponents down so all magnitudes of M·K·N occur.
        let budget = Int.random(in: 0...66, using: &rng)
        let e1 = Int.random(in: 0...min(62, budget), using: &rng)
        let e2 = Int.random(in: 0...min(62, max(0, budget - e1)), using: &rng)
        let e3 = min(62, max(0, budget - e1 - e2))
        return GEMMDims(m: dimension(&rng, maxExponent: e1), k: dimension(&rng, maxExponent: e2),
                        n: dimension(&rng, maxExponent: e3))
    }

    /// The counts of `ClosedFormTiming` by their definitions, in arbitrary precision.
    struct Reference {
        var macs: B, cycles: B, activePECycles: B, folds: B
        var aReads: B, bReads: B, cWrites: B, cReads: B
        var dramReadBytes: B, dramWriteBytes: B

        init(_ d: GEMMDims, _ a: ArrayConfig, convention: TimingConvention, bits: (a: Int, b: Int, c: Int)) {
            let (sr, sc, t): (Int, Int, Int)
            switch a.dataflow {
            case .os: (sr, sc, t) = (d.m, d.n, d.k)
            case .ws: (sr, sc, t) = (d.k, d.n, d.m)
            case .is: (sr, sc, t) = (d.k, d.m, d.n)
            }
            let rf = B(sr).ceilDiv(a.rows), cf = B(sc).ceilDiv(a.cols)
            let (R, S) = (B(a.rows), B(a.cyclesPerStep))
            folds = rf * cf
            macs = B(d.m) * B(d.k) * B(d.n)
            activePECycles = macs * S
            let stream = B(t) * S
            let wave = stream + B(a.rows - 1) + B(a.cols - 1)
            let interval = max(stream, R)
            switch (convention, a.dataflow != .os) {
            case (.scalesim, let preload):
                cycles = folds * ((preload ? R : B(0)) + wave) - B(1)
            case (.native, true):
                cycles = R + (folds - B(1)) * interval + wave
            case (.native, false):
                let starts = folds >= B(2) ? stream + (folds - B(2)) * interval : B(0)
                cycles = starts + wave + R
            }
            let tile = B(sr) * B(sc), streamedRows = cf * B(sr) * B(t), outputs = rf * B(sc) * B(t)
            switch a.dataflow {
            case .os: (aReads, bReads, cWrites, cReads) = (streamedRows, rf * B(sc) * B(t), tile, B(0))
            case .ws: (aReads, bReads, cWrites, cReads) = (streamedRows, tile, outputs, (rf - B(1)) * B(sc) * B(t))
            case .is: (aReads, bReads, cWrites, cReads) = (tile, streamedRows, outputs, (rf - B(1)) * B(sc) * B(t))
            }
            // Whole-byte widths: every element of A and B is fetched once, C written once.
            dramReadBytes = B(d.m) * B(d.k) * B(bits.a / 8) + B(d.k) * B(d.n) * B(bits.b / 8)
            dramWriteBytes = B(d.m) * B(d.n) * B(bits.c / 8)
        }

        /// Every count the engine reports, named.
        var all: [(String, B)] {
            [("macs", macs), ("cycles", cycles), ("activePECycles", activePECycles), ("folds", folds),
             ("aReads", aReads), ("bReads", bReads), ("cWrites", cWrites), ("cReads", cReads),
             ("dramReadBytes", dramReadBytes), ("dramWriteBytes", dramWriteBytes)]
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func systolicCountsAreExactOrRefused(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        var exact = 0, refused = 0
        for _ in 0..<2500 {
            let dims = Self.dims(&rng)
            let array = ArrayConfig(rows: Self.dimension(&rng, maxExponent: 16), cols: Self.dimension(&rng, maxExponent: 16),
                                    dataflow: Dataflow.allCases.randomElement(using: &rng)!,
                                    cyclesPerStep: Bool.random(using: &rng) ? Int.random(in: 1...16, using: &rng)
                                                                            : Self.dimension(&rng))
            let convention = TimingConvention.allCases.randomElement(using: &rng)!
            let bits = (a: 8 * Int.random(in: 1...8, using: &rng), b: 8 * Int.random(in: 1...8, using: &rng),
                        c: 8 * Int.random(in: 1...8, using: &rng))
            let dram = DRAMConfig(bytesPerCycle: Int.random(in: 1...1024, using: &rng), aBits: bits.a, bBits: bits.b, cBits: bits.c)
            let ref = Reference(dims, array, convention: convention, bits: bits)
            let context = "\(dims) \(array) \(convention) \(bits)"
            do {
                let c = try SystolicTiming.run(dims, on: array, convention: convention, mode: .fast, dram: dram)
                let got: [Int] = [c.macs, c.computeCycles, c.activePECycles, c.folds, c.sram.aReads, c.sram.bReads,
                                  c.sram.cWrites, c.sram.cReads, c.dram.readBytes, c.dram.writeBytes]
                for ((name, want), value) in zip(ref.all, got) {
                    #expect(want.int == value, "\(name): \(context)")
                }
                #expect(c.totalCycles >= c.computeCycles && c.stallCycles == c.totalCycles - c.computeCycles, "\(context)")
                // The one channel moves every byte: the run lasts at least the transfer time.
                #expect(c.totalCycles >= c.dram.readBytes / dram.bytesPerCycle, "\(context)")
                exact += 1
            } catch {
                // Refused: beyond 2^62 MACs, or some count (DRAM stalls included) beyond 2^63 − 1.
                if ref.macs > B(MACLimit.value) {
                    #expect(error == .tooManyMACs(m: dims.m, k: dims.k, n: dims.n), "\(context)")
                } else {
                    guard case .countOverflow = error else { Issue.record("\(error): \(context)"); continue }
                    // Without DRAM, a refusal means a reported count does not fit.
                    let ideal = Result { () throws(TensorEngineError) in
                        try SystolicTiming.run(dims, on: array, convention: convention, mode: .fast)
                    }
                    if case .success = ideal { continue }   // only the DRAM stalls overflowed
                    #expect(ref.all.prefix(8).contains { $0.1.int == nil }, "refused but fits: \(context)")
                }
                refused += 1
            }
        }
        // Both outcomes occur in every seed's sample.
        #expect(exact > 100 && refused > 100, "exact \(exact), refused \(refused)")
    }

    /// The same counts without DRAM: every count that fits must be computed, exactly.
    @Test(arguments: [5, 6])
    func idealMemoryCountsAreExactWheneverTheyFit(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<3000 {
            let dims = Self.dims(&rng)
            let array = ArrayConfig(rows: Self.dimension(&rng, maxExponent: 16), cols: Self.dimension(&rng, maxExponent: 16),
                                    dataflow: Dataflow.allCases.randomElement(using: &rng)!,
                                    cyclesPerStep: Int.random(in: 1...64, using: &rng))
            let convention = TimingConvention.allCases.randomElement(using: &rng)!
            let ref = Reference(dims, array, convention: convention, bits: (8, 8, 8))
            let computed = ref.all.prefix(8)   // the DRAM bytes are not computed without DRAM
            let context = "\(dims) \(array) \(convention)"
            if ref.macs > B(MACLimit.value) {
                #expect(throws: TensorEngineError.tooManyMACs(m: dims.m, k: dims.k, n: dims.n), "\(context)") {
                    try SystolicTiming.run(dims, on: array, convention: convention)
                }
            } else if computed.allSatisfy({ $0.1.int != nil }) {
                let c = try SystolicTiming.run(dims, on: array, convention: convention)
                let got = [c.macs, c.totalCycles, c.activePECycles, c.folds, c.sram.aReads, c.sram.bReads, c.sram.cWrites, c.sram.cReads]
                for ((name, want), value) in zip(computed, got) { #expect(want.int == value, "\(name): \(context)") }
            } else {
                #expect(throws: TensorEngineError.self, "\(context)") { try SystolicTiming.run(dims, on: array, convention: convention) }
            }
        }
    }

    /// Dot-tree tensor cores: cycles U·⌈K/k⌉·II + L − 1, MACs, lane-cycles M·K·N·II and steps.
    @Test(arguments: [7, 8])
    func tensorCoreCountsAreExactOrRefused(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<3000 {
            let dims = Self.dims(&rng)
            let tile = TensorCoreTile(m: Int.random(in: 1...64, using: &rng), n: Int.random(in: 1...64, using: &rng),
                                      k: Int.random(in: 1...64, using: &rng),
                                      initiationInterval: Bool.random(using: &rng) ? 1 : Self.dimension(&rng))
            let tiles = B(dims.m).ceilDiv(tile.m) * B(dims.n).ceilDiv(tile.n)
            let steps = tiles * B(dims.k).ceilDiv(tile.k)
            let latency = tile.k <= 1 ? 1 : Int.bitWidth - (tile.k - 1).leadingZeroBitCount + 1
            let macs = B(dims.m) * B(dims.k) * B(dims.n)
            let want: [(String, B)] = [("cycles", steps * B(tile.initiationInterval) + B(latency - 1)), ("macs", macs),
                                       ("activePECycles", macs * B(tile.initiationInterval)), ("steps", steps),
                                       ("bReads", B(dims.k) * B(dims.n) * B(dims.m).ceilDiv(tile.m)),
                                       ("aReads", B(dims.m) * B(dims.k) * B(dims.n).ceilDiv(tile.n))]
            let context = "\(dims) \(tile)"
            do {
                let c = try TensorCoreTiming.counts(dims, tile: tile, kind: .dotTree)
                let got = [c.timing.totalCycles, c.timing.macs, c.timing.activePECycles, c.steps, c.timing.sram.bReads,
                           c.timing.sram.aReads]
                for ((name, w), value) in zip(want, got) { #expect(w.int == value, "\(name): \(context)") }
            } catch {
                if macs > B(MACLimit.value) {
                    #expect(error == .tooManyMACs(m: dims.m, k: dims.k, n: dims.n), "\(context)")
                } else {
                    #expect(want.contains { $0.1.int == nil }, "refused but fits: \(error): \(context)")
                }
            }
        }
    }

    /// Byte counts at exact rational widths: ⌈elements·bits / (8·per)⌉ through 128 bits.
    @Test func byteCountsAreExactOrRefused() throws {
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<20000 {
            let elements = Self.dimension(&rng), bits = Self.dimension(&rng, maxExponent: 20)
            let per = Int.random(in: 1...512, using: &rng)
            let want = (B(elements) * B(bits)).ceilDiv(8 * per)
            let width = OperandWidth(bits: bits, per: per)
            if let w = want.int {
                #expect(try width.byteCount(elements: elements) == w, "\(elements) × \(bits)/\(per)")
            } else {
                #expect(throws: TensorEngineError.countOverflow("bytes")) { try width.byteCount(elements: elements) }
            }
            let buffer = SRAMBuffer(sizeBytes: 1, banks: Int.random(in: 1...64, using: &rng),
                                    widthBits: Int.random(in: 1...1024, using: &rng), doubleBuffered: false)
            let words = (B(elements) * B(8)).ceilDiv(buffer.widthBits)
            #expect((try? buffer.words(bytes: elements)) == words.int, "\(elements) bytes, \(buffer)")
            let cycles = (B(elements) * B(8)).ceilDiv(buffer.banks * buffer.widthBits)
            #expect((try? buffer.accessCycles(bytes: elements)) == cycles.int, "\(elements) bytes, \(buffer)")
        }
    }

    /// The value-run memory estimate, 32·(M·K + K·N + M·N) bytes, exact or refused.
    @Test func valueRunMemoryIsExactOrRefused() throws {
        #expect(try ValueRunMemory.bytes(GEMMDims(m: 2048, k: 2048, n: 2048)) == 402_653_184)
        var rng = SeededGenerator(seed: 10)
        for _ in 0..<5000 {
            let d = GEMMDims(m: Self.dimension(&rng), k: Self.dimension(&rng), n: Self.dimension(&rng))
            let want = B(32) * (B(d.m) * B(d.k) + B(d.k) * B(d.n) + B(d.m) * B(d.n))
            #expect((try? ValueRunMemory.bytes(d)) == want.int, "\(d)")
        }
    }

    /// The helper itself, on values whose products are known.
    @Test func bigCountArithmetic() {
        let x = B(1 << 62) * B(1 << 62)                       // 2^124
        #expect(x.int == nil && x.ceilDiv(1 << 62) == B(1 << 62))
        #expect((B(Int.max) + B(1)).int == nil && (B(Int.max) + B(1) - B(1)).int == Int.max)
        #expect((B(3) * B(5) - B(15)).int == 0 && B(7).ceilDiv(2).int == 4)
        #expect(B(Int.max) * B(Int.max) > B(Int.max) * B(Int.max - 1))
    }
}

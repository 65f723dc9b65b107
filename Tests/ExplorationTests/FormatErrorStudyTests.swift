import CostModel
import DesignModel
import Foundation
import NumberFormats
import Testing
import TensorEngine
import Workloads
@testable import Exploration

/// The format-error study on tiny GEMMs whose errors are derived by hand.
@Suite struct FormatErrorStudyTests {
    static let designs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Designs")

    static func candidate(_ label: String) throws -> FormatErrorCandidate {
        let file = FormatErrorCandidate.standardFiles.first { $0.label == label }!.file
        return FormatErrorCandidate(label: label, design: try FormatErrorCandidate.load(designs.appendingPathComponent(file)))
    }

    static func gemm(_ name: String, a: [Double], m: Int, b: [Double], n: Int) -> FormatErrorGEMM {
        let k = a.count / m
        return FormatErrorGEMM(name: name, activations: Matrix(rows: m, cols: k, storage: a)!,
                               weights: Matrix(rows: k, cols: n, storage: b)!)
    }

    /// Every E2M1 magnitude (spec §1.1) and its negative.
    static let e2m1: [Double] = [0, 0.5, 1, 1.5, 2, 3, 4, 6].flatMap { [$0, -$0] }

    @Test func mxfp4RoundsOneWeightByHand() throws {
        // K = 32 (one MX block), A = 1…1, B = [2.5, 1, …, 1].
        // A: amax 1 → shared exponent floor(log2 1) − 2 = −2, 1/2^−2 = 4 exactly.
        // B: amax 2.5 → shared exponent floor(log2 2.5) − 2 = −1, X = 0.5; 1/0.5 = 2 exact;
        //    2.5/0.5 = 5 is a tie between 4 and 6 → RNE keeps the even mantissa, 4 → 2.0.
        // C = 31 + 2 = 33 (exact integer sum), reference 33.5.
        let g = Self.gemm("g", a: [Double](repeating: 1, count: 32), m: 1, b: [2.5] + [Double](repeating: 1, count: 31), n: 1)
        let result = try FormatErrorStudy(candidates: [Self.candidate("MXFP4")])
            .run(on: FormatErrorDataset(source: .synthetic(seed: 0, reason: "test"), gemms: [g]))
        let e = try #require(result.measurements.first).overall
        #expect(e.maxAbs == 0.5)
        #expect(abs(e.relativeFrobenius - 0.5 / 33.5) < 1e-15)
        #expect(abs(e.sqnrDB - 20 * log10(67.0)) < 1e-9)    // 10·log10(33.5² / 0.5²)
    }

    @Test func representableOperandsHaveNoError() throws {
        // MXFP4: every 32-block holds a ±6 (or is all-E2M1 with amax 6), so the shared scale is
        // 2^(floor(log2 6) − 2) = 1 and each element is its own E2M1 code; block sums of
        // quarter-integers are exact, so C is exact. FP16 holds the same values exactly.
        var rng = SplitMix64(seed: 11)
        func block() -> [Double] {
            var v = (0..<32).map { _ in Self.e2m1[Int(rng.next() % UInt64(Self.e2m1.count))] }
            v[Int(rng.next() % 32)] = rng.next() % 2 == 0 ? 6 : -6
            return v
        }
        let (m, n) = (3, 5)
        let a = (0..<(m * 2)).flatMap { _ in block() }            // K = 64: two blocks per row
        let bT = (0..<(n * 2)).flatMap { _ in block() }           // columns of B, then transposed
        let b = Matrix(rows: n, cols: 64, storage: bT)!.transposed().storage
        let g = Self.gemm("exact", a: a, m: m, b: b, n: n)
        let result = try FormatErrorStudy(candidates: [Self.candidate("MXFP4"), Self.candidate("FP16")])
            .run(on: FormatErrorDataset(source: .synthetic(seed: 0, reason: "test"), gemms: [g]))
        for meas in result.measurements {
            #expect(meas.overall.maxAbs == 0, "\(meas.label)")
            #expect(meas.overall.relativeFrobenius == 0, "\(meas.label)")
            #expect(meas.overall.sqnrDB == .infinity, "\(meas.label)")
            #expect(meas.meanSQNRDB == .infinity, "\(meas.label)")
        }
    }

    @Test func int4GroupOfIntegersIsExact() throws {
        // INT4-g128: a group of integers 0…15 that reaches 0 and 15 has scale (15 − 0)/15 = 1 and
        // zero point 0, so every weight is its own code; FP16 activations 0.5, −2 are exact and
        // the FP32 sums of small multiples of 0.5 are exact.
        let w = (0..<128).map { Double($0 % 16) }                  // K = 128, N = 1
        let a = (0..<128).map { $0 % 3 == 0 ? 0.5 : -2 }
        let g = Self.gemm("int", a: a, m: 1, b: w, n: 1)
        let result = try FormatErrorStudy(candidates: [Self.candidate("INT4-g128")])
            .run(on: FormatErrorDataset(source: .synthetic(seed: 0, reason: "test"), gemms: [g]))
        #expect(result.measurements[0].overall.relativeFrobenius == 0)
    }

    @Test func hif8OutputRoundingIsSeparated() throws {
        // A = [1, 1], B = [1.125, 1]ᵀ: both tensors have RMS in [1, 2), so the per-tensor scales
        // are 2^0 and 1.125 = 1.001b is a HiF8 value (3 mantissa bits at exponent 0). C = 2.125
        // exactly in FP32. Re-encoded to HiF8 (exponent 1 → 3 mantissa bits, step 0.25) 2.125 is a
        // tie between 2.0 and 2.25, and TA rounds away: 2.25, an error of 0.125.
        let g = Self.gemm("tie", a: [1, 1], m: 1, b: [1.125, 1], n: 1)
        let hif8 = try Self.candidate("HiF8")
        let fp32Out = try #require(hif8.withFP32Output(label: FormatErrorCandidate.hif8FP32OutputLabel))
        let result = try FormatErrorStudy(candidates: [hif8, fp32Out])
            .run(on: FormatErrorDataset(source: .synthetic(seed: 0, reason: "test"), gemms: [g]))
        #expect(result.measurements[0].overall.maxAbs == 0.125)
        #expect(result.measurements[0].outputFormat == "hif8")
        #expect(result.measurements[1].overall.maxAbs == 0)
        #expect(result.measurements[1].design == "hif8-mac-fp32-out")
    }

    @Test func overallErrorPoolsEveryOutput() throws {
        // Two copies of the hand-rounded GEMM above and one exact GEMM (C = 32·1·1 = 32):
        // ‖err‖² = 2·0.25, ‖ref‖² = 2·33.5² + 32²; per-GEMM SQNRs 20·log10(67), 20·log10(67), ∞.
        let one = [Double](repeating: 1, count: 32)
        let rounded = Self.gemm("rounded", a: one, m: 1, b: [2.5] + [Double](repeating: 1, count: 31), n: 1)
        let exact = Self.gemm("exact", a: one, m: 1, b: one, n: 1)
        let result = try FormatErrorStudy(candidates: [Self.candidate("MXFP4")])
            .run(on: FormatErrorDataset(source: .synthetic(seed: 0, reason: "test"), gemms: [rounded, exact, rounded]))
        let m = result.measurements[0]
        #expect(m.perGEMM.map(\.gemm) == ["rounded", "exact", "rounded"])
        #expect(m.perGEMM[1].error.sqnrDB == .infinity)
        #expect(abs(m.overall.relativeFrobenius - (0.5 / (2 * 33.5 * 33.5 + 1024)).squareRoot()) < 1e-15)
        #expect(m.meanSQNRDB == .infinity)
    }

    @Test func bitsPerWeightFollowTheSpecs() throws {
        let all = try FormatErrorCandidate.standard(designsDirectory: Self.designs)
        #expect(all.map(\.label) == ["FP16", "HiF8", "HiF8 (FP32 out)", "NVFP4", "MXFP4", "INT4-g128", "BitMoD W4", "BitMoD W3"])
        // FP16 16; HiF8 8; NVFP4 4 + 8/16 (§1.4); MXFP4 4 + 8/32 (§1.3);
        // INT4-g128 4 + (16-bit scale + 4-bit zero point)/128; BitMoD 4 + 8/128 and 3 + 8/128 (§4.1).
        let int4: Double = 4 + 20.0 / 128, bitmod4: Double = 4 + 8.0 / 128, bitmod3: Double = 3 + 8.0 / 128
        let expected: [Double] = [16, 8, 8, 4.5, 4.25, int4, bitmod4, bitmod3]
        #expect(all.map(\.bitsPerWeight) == expected)
        #expect(all.map(\.bitsPerActivation) == [16, 8, 8, 4.5, 4.25, 16, 16, 16])
        #expect(all.map(\.formats.activations) == ["fp16", "hif8", "hif8", "nvfp4", "mxfp4", "fp16", "fp16", "fp16"])
        #expect(all.map(\.formats.output) == ["fp32", "hif8", "fp32", "fp32", "fp32", "fp32", "fp32", "fp32"])
        #expect(all[2].design.name == "hif8-mac-fp32-out")
        #expect(all[0].withFP32Output(label: "x") == nil && all[3].withFP32Output(label: "x") == nil)
    }

    @Test func deterministicAndOrdered() throws {
        let shapes = [GEMMShape(name: "a", m: 4, k: 64, n: 8), GEMMShape(name: "b", m: 4, k: 128, n: 3)]
        let candidates = try ["BitMoD W3", "MXFP4", "HiF8"].map(Self.candidate)
        let study = FormatErrorStudy(candidates: candidates)
        let first = try study.run(on: .synthetic(shapes: shapes, seed: 5, reason: "test"))
        let again = try study.run(on: .synthetic(shapes: shapes, seed: 5, reason: "test"))
        #expect(first == again)
        #expect(first.measurements.map(\.label) == ["BitMoD W3", "MXFP4", "HiF8"])
        #expect(first.measurements.allSatisfy { $0.perGEMM.map(\.gemm) == ["a", "b"] })
        #expect(first.gemms == shapes)
        #expect(first.macs == 4 * 64 * 8 + 4 * 128 * 3)
        let other = try study.run(on: .synthetic(shapes: shapes, seed: 6, reason: "test"))
        #expect(other.measurements[1].overall != first.measurements[1].overall)
    }

    @Test func costIsTheDesignOnTheSameShapes() throws {
        let shapes = [GEMMShape(name: "a", m: 8, k: 64, n: 16)]
        let c = try Self.candidate("NVFP4")
        let m = try FormatErrorStudy(candidates: [c]).run(on: .synthetic(shapes: shapes, seed: 1, reason: "t")).measurements[0]
        let cost = try CostEvaluator().evaluate(c.design, on: Workload(name: "same shapes", gemms: shapes))
        let macs = Double(8 * 64 * 16)
        #expect(m.energyPerMACpJ == cost.energy("total") / macs)
        #expect(m.peEnergyPerMACpJ == (cost.energy("pe_dynamic") + cost.energy("pe_leakage")) / macs)
        #expect(m.energyPerMACpJ > m.peEnergyPerMACpJ && m.peEnergyPerMACpJ > 0)
        #expect(m.topsPerW == 2 * macs / cost.energy("total"))
        #expect(m.topsPerMM2 == cost.topsPerMM2)
    }

    @Test func badInputsAreOneLineErrors() throws {
        let mx = try Self.candidate("MXFP4")
        let study = FormatErrorStudy(candidates: [mx])
        #expect(throws: FormatErrorStudyError.emptyDataset) {
            try study.run(on: FormatErrorDataset(source: .synthetic(seed: 0, reason: ""), gemms: []))
        }
        let mismatch = FormatErrorGEMM(name: "g", activations: Matrix(rows: 1, cols: 4), weights: Matrix(rows: 5, cols: 1))
        #expect(throws: FormatErrorStudyError.shapeMismatch(gemm: "g", activationColumns: 4, weightRows: 5)) {
            try study.run(on: FormatErrorDataset(source: .synthetic(seed: 0, reason: ""), gemms: [mismatch]))
        }
        let nan = Self.gemm("nan", a: [1, 1], m: 1, b: [1, .nan], n: 1)
        do {
            _ = try study.run(on: FormatErrorDataset(source: .synthetic(seed: 0, reason: ""), gemms: [nan]))
            Issue.record("expected an error")
        } catch {
            guard case .quantization(format: "MXFP4", gemm: "nan", _) = error else { Issue.record("\(error)"); return }
            #expect(!error.description.contains("\n"))
        }
        let nowhere = Self.designs.appendingPathComponent("nowhere")
        #expect(throws: FormatErrorStudyError.designFile(path: nowhere.appendingPathComponent("fp16-systolic.json").path,
                                                         message: "expected a readable design file, found no such file")) {
            try FormatErrorCandidate.standard(designsDirectory: nowhere)
        }
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("format-error-bad-\(UUID().uuidString).json")
        try Data("{\"schema_version\": 1}".utf8).write(to: bad)
        defer { try? FileManager.default.removeItem(at: bad) }
        do {
            _ = try FormatErrorCandidate.load(bad)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(bad.path + ": "))
            #expect(!error.description.contains("\n"))
        }
    }
}

import Testing
@testable import NumberFormats

/// The quantizers' fast paths give the general path's codes: `perTokenInt8`'s direct int8
/// code is `ElementFormat.int(8).encode`'s for every code and odd input, and the row-by-row
/// symmetric weight quantizer gives the column-by-column loop's codes and scales.
@Suite struct QuantizerFastPathTests {
    @Test func int8CodeIsTheEncodersCode() {
        var inputs = (-127...127).map(Double.init) + [-0.0, 0.5, -126.5, 200, -1e300, .infinity, -.infinity, .nan]
        inputs.append(contentsOf: [Double(127).nextUp, Double(-127).nextDown])
        for q in inputs {
            #expect(ActivationQuantizer.int8Code(q) == UInt16(ElementFormat.int(8).encode(q)), "\(q)")
        }
    }

    /// The symmetric quantizer as it was: column by column, each group's maximum then codes.
    static func columnByColumn(_ w: [Double], k: Int, n: Int, bits: Int, groupSize: Int) -> ([UInt8], [Double], [UInt32]) {
        let qmax = Double((1 << (bits - 1)) - 1), groups = (k + groupSize - 1) / groupSize
        var codes = [UInt8](repeating: 0, count: k * n), scales = [Double](repeating: 0, count: groups * n)
        var scaleCodes = [UInt32](repeating: ElementFormat.fp16.zeroCode(negative: false), count: groups * n)
        for g in 0..<groups {
            let rows = (g * groupSize)..<min((g + 1) * groupSize, k)
            for c in 0..<n {
                var amax = 0.0
                for r in rows { amax = max(amax, abs(w[r * n + c])) }
                guard amax > 0 else { continue }
                let (sc, scale) = WeightQuantizer.positiveScale(ExactQuotient(amax, over: qmax), format: .fp16)
                scales[g * n + c] = scale
                scaleCodes[g * n + c] = sc
                for r in rows {
                    let q = ExactQuotient.nearestEvenInteger(w[r * n + c], over: scale)
                    codes[r * n + c] = WeightQuantizer.twosComplement(WeightQuantizer.clamped(q, -qmax, qmax), bits: bits)
                }
            }
        }
        return (codes, scales, scaleCodes)
    }

    @Test func symmetricRowByRowMatchesColumnByColumn() throws {
        var rng = SplitMix64(seed: 0x5E_11)
        for (k, n, bits, g) in [(1, 1, 8, 1), (7, 5, 4, 3), (64, 33, 8, 64), (130, 17, 4, 128), (40, 9, 2, 7)] {
            // Wide magnitudes, zero columns and −0 so every branch runs.
            var w = (0..<(k * n)).map { _ in (rng.nextUnit() * 2 - 1) * [1e-6, 1, 5e4][Int(rng.next() % 3)] }
            for r in 0..<k { w[r * n] = r % 2 == 0 ? 0 : -0.0 }
            let q = try WeightQuantizer.symmetric(w, k: k, n: n, bits: bits, groupSize: g)
            let expected = Self.columnByColumn(w, k: k, n: n, bits: bits, groupSize: g)
            #expect(q.codes == expected.0, "\(k)×\(n) int\(bits) g\(g)")
            #expect(q.scales.map(\.bitPattern) == expected.1.map(\.bitPattern))
            #expect(q.scaleCodes == expected.2)
        }
    }
}

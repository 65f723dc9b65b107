import Testing
import NumberFormats
import MPFRReference

/// Criterion 1: every code of every ≤ 16-bit format decodes to the value MPFR computes from
/// the format's definition, and every canonical non-NaN code survives encode(decode(c)).
@Suite struct DecodeTests {
    static let formats = ElementFormat.all.filter { $0.bits <= 16 }

    @Test("decode matches MPFR; canonical codes round-trip", arguments: formats)
    func everyCode(format: ElementFormat) throws {
        let ref = try #require(ReferenceFormat.named(format.name), "no reference definition")
        #expect(ref.bits == format.bits)
        var wrongValues: [String] = [], wrongRoundTrips: [String] = []
        var canonical = 0
        for code in format.allCodes {
            let expected = ref.values[Int(code)], actual = format.decode(code)
            if !(expected.isNaN && actual.isNaN) && !(expected == actual && expected.sign == actual.sign) {
                wrongValues.append("0x\(String(code, radix: 16)): qarch \(actual), mpfr \(expected)")
            }
            guard ref.isCanonical(code) else { continue }
            canonical += 1
            let back = format.encode(expected, rule: .nearestEven, overflow: .infinity)
            if back != code { wrongRoundTrips.append("0x\(String(code, radix: 16)) → \(expected) → 0x\(String(back, radix: 16))") }
        }
        #expect(wrongValues.isEmpty, "\(wrongValues.count) wrong values, e.g. \(wrongValues.prefix(4))")
        #expect(wrongRoundTrips.isEmpty, "\(wrongRoundTrips.count) broken round trips, e.g. \(wrongRoundTrips.prefix(4))")
        // Every code but the NaNs is canonical (each finite value and ±∞ has exactly one code).
        let nanCodes = ref.values.filter(\.isNaN).count
        #expect(canonical == format.codeCount - nanCodes)
    }

    @Test("the format list and the reference catalogue agree on every name and width")
    func catalogue() {
        for f in ElementFormat.all {
            #expect(ReferenceFormat.named(f.name)?.bits == f.bits, "\(f.name)")
        }
    }
}

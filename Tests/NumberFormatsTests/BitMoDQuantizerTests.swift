import Testing
@testable import NumberFormats

/// BitMoD datatype selection (numeric-units.md §4.1): midpoint rule with ties to the lower
/// value, MSE selection with first-wins ties, two-level integer scales.
///
/// The matrix columns are built so every channel scale is exact in FP16:
/// M = 6 · 8 · 255 · 2^-10 = 11.953125, so s_ch(ER, qmax 6) = M/(6·255) = 2^-7 and
/// s_ch(EA, qmax 8) = M/(8·255) = 6 · 2^-10; a group with amax M gets q_scale = 255 and an
/// effective scale of exactly M/qmax.
@Suite struct BitMoDQuantizerTests {
    static let m = 11.953125
    static let er = m / 6   // 1.9921875
    static let ea = m / 8   // 1.494140625

    @Test("midpoint rule: exact midpoints go to the lower (more negative) value")
    func midpointTies() {
        let f = ElementFormat.bitmodFP4ErPos   // values −6 −4 −3 −2 −1.5 −1 −0.5 0 0.5 1 1.5 2 3 4 5 6
        // amax 6 → scale_fp = 1, so x = w.
        #expect(BitMoDQuantizer.code(for: 4.5, amax: 6, format: f) == 0x6)    // tie 4/5 → 4
        #expect(BitMoDQuantizer.code(for: 4.51, amax: 6, format: f) == 0x8)   // → 5 (special, −0 code)
        #expect(BitMoDQuantizer.code(for: 5.5, amax: 6, format: f) == 0x8)    // tie 5/6 → 5
        #expect(BitMoDQuantizer.code(for: -5, amax: 6, format: f) == 0xF)     // tie −6/−4 → −6
        #expect(BitMoDQuantizer.code(for: 0.25, amax: 6, format: f) == 0x0)   // tie 0/0.5 → 0
        #expect(BitMoDQuantizer.code(for: -0.25, amax: 6, format: f) == 0x9)  // tie −0.5/0 → −0.5
        #expect(BitMoDQuantizer.code(for: 0, amax: 0, format: f) == 0x0)
        // Scaled: amax 3 → scale_fp 0.5, x = 2w; w = 2.25 → x = 4.5 → 4 → code 0x6
        #expect(BitMoDQuantizer.code(for: 2.25, amax: 3, format: f) == 0x6)
        // FP3 ER+: values −4 −2 −1 0 1 2 3 4 (3 in the −0 slot 0b100), qmax 4
        let g = ElementFormat.bitmodFP3ErPos
        #expect(BitMoDQuantizer.code(for: 3.5, amax: 4, format: g) == 0b100)   // tie 3/4 → 3
        #expect(BitMoDQuantizer.code(for: -1.5, amax: 4, format: g) == 0b110)  // tie −2/−1 → −2
        #expect(BitMoDQuantizer.qmax(.bitmodFP4EaNeg) == 8 && BitMoDQuantizer.qmax(g) == 4)
    }

    /// Three columns of one group each (k = 8, n = 3), row-major.
    /// col 0: v·er with v = [6, −6, 4, −3, 1, −0.5, 0, 2]: exact in ER+ and ER− (error 0), not
    ///        in EA (x = 4v/3) → the tie goes to the first candidate, ER+ (index 0).
    /// col 1: v·er with v = [6, −6, 4, −3, 1, −0.5, 0, −5]: only ER− has −5 → index 1.
    /// col 2: v·ea with v = [−8, 6, 4, −3, 1, −0.5, 0, 2]: only EA− is exact (ER sees
    ///        x = 0.75v ∋ 4.5, EA+ lacks −8) → index 3.
    static let v0: [Double] = [6, -6, 4, -3, 1, -0.5, 0, 2]
    static let v1: [Double] = [6, -6, 4, -3, 1, -0.5, 0, -5]
    static let v2: [Double] = [-8, 6, 4, -3, 1, -0.5, 0, 2]

    @Test("MSE selection: exact candidates win, ties go to the first")
    func selection() throws {
        var w = [Double](repeating: 0, count: 24)
        for r in 0..<8 {
            w[r * 3 + 0] = Self.v0[r] * Self.er
            w[r * 3 + 1] = Self.v1[r] * Self.er
            w[r * 3 + 2] = Self.v2[r] * Self.ea
        }
        let q = try BitMoDQuantizer.quantize(w, k: 8, n: 3, bits: 4, groupSize: 8)
        #expect(q.datatypes == [0, 1, 3])
        #expect(q.scaleCodes == [255, 255, 255])
        #expect(q.scales == [Self.er, Self.er, Self.ea])
        // s_ch per column and candidate (er+, er−, ea+, ea−)
        let erS = 0x1p-7, eaS = 6 * 0x1p-10
        #expect(q.channelScales == [erS, erS, eaS, eaS, erS, erS, eaS, eaS, erS, erS, eaS, eaS])
        // E2M1 codes; the −0 code 0x8 is the special value (−5 in ER−, −8 in EA−).
        #expect((0..<8).map { q.code(row: $0, column: 0) } == [0x7, 0xF, 0x6, 0xD, 0x2, 0x9, 0x0, 0x4])
        #expect((0..<8).map { q.code(row: $0, column: 1) } == [0x7, 0xF, 0x6, 0xD, 0x2, 0x9, 0x0, 0x8])
        #expect((0..<8).map { q.code(row: $0, column: 2) } == [0x8, 0x7, 0x6, 0xD, 0x2, 0x9, 0x0, 0x4])
        #expect(q.dequantized() == w)   // all three are exact
        #expect(q.elementFormat(group: 0, column: 2) == .bitmodFP4EaNeg)
        #expect(q.elementValue(row: 0, column: 2) == -8)
    }

    @Test("q_scale rounds half to even: a group with amax M/2 gets RNE(127.5) = 128")
    func qScaleRounding() throws {
        // One column, two groups of 8: group 0 = v0 · er (amax M), group 1 = v0 · er / 2 (amax M/2).
        let w = Self.v0.map { $0 * Self.er } + Self.v0.map { $0 * Self.er / 2 }
        let q = try BitMoDQuantizer.quantize(w, k: 16, n: 1, bits: 4, groupSize: 8)
        #expect(q.scaleCodes == [255, 128])
        #expect(q.datatypes == [0, 0])
        #expect(q.scales == [255 * 0x1p-7, 128 * 0x1p-7])
    }

    @Test("single-candidate lists, 3-bit defaults, zero groups, errors")
    func variants() throws {
        let w = Self.v0.map { $0 * Self.er }
        let one = try BitMoDQuantizer.quantize(w, k: 8, n: 1, groupSize: 8, candidates: [.bitmodFP4EaPos])
        #expect(one.datatypes == [0] && one.datatypeFormats == [.bitmodFP4EaPos])
        let three = try BitMoDQuantizer.quantize(w, k: 8, n: 1, bits: 3, groupSize: 8)
        #expect(three.datatypeFormats == BitMoDQuantizer.fp3Candidates)
        #expect(three.codes.allSatisfy { $0 < 8 })
        let zero = try BitMoDQuantizer.quantize([0, 0, 0, 0], k: 4, n: 1, groupSize: 2)
        #expect(zero.codes == [0, 0, 0, 0] && zero.scales == [0, 0] && zero.dequantized() == [0, 0, 0, 0])
        #expect(throws: QuantizationError.unsupportedBits(5)) { try BitMoDQuantizer.quantize([1], k: 1, n: 1, bits: 5) }
        #expect(throws: QuantizationError.unsupportedFormat("e2m1")) {
            try BitMoDQuantizer.quantize([1], k: 1, n: 1, candidates: [.e2m1])
        }
    }

    @Test("random groups: the chosen datatype has the smallest error of all candidates")
    func randomSelectionIsMinimal() throws {
        var rng = SplitMix64(seed: 5)
        let k = 64, n = 3
        let w = (0..<(k * n)).map { _ in (rng.nextUnit() - 0.45) * 3 }
        let q = try BitMoDQuantizer.quantize(w, k: k, n: n, groupSize: 16)
        for c in 0..<n {
            for g in 0..<q.groupCount {
                var errors: [Double] = []
                for d in 0..<4 {
                    let single = try BitMoDQuantizer.quantize(w, k: k, n: n, groupSize: 16,
                                                              candidates: [BitMoDQuantizer.fp4Candidates[d]])
                    // A single-candidate run has a different s_ch only through M, which is the
                    // same per column, so its group error is the candidate's error here.
                    var e = 0.0
                    for r in (g * 16)..<((g + 1) * 16) {
                        let diff = single.value(row: r, column: c) - w[r * n + c]
                        e += diff * diff
                    }
                    errors.append(e)
                }
                let chosen = Int(q.datatypes[g * n + c])
                #expect(errors[chosen] == errors.min())
                #expect(errors.firstIndex(of: errors.min()!) == chosen)
            }
        }
    }
}

import Testing
import NumberFormats
import MPFRReference

/// The MPFR reference itself, against the hand-written tables of numeric-units.md (§1.1,
/// §1.5, §2.2, §2.3, §4.1): an oracle that got these wrong would make every other check moot.
@Suite struct ReferenceSpecVectorTests {
    @Test("§1.1 E2M1 value table")
    func e2m1Table() throws {
        let f = try #require(ReferenceFormat.named("e2m1"))
        let magnitudes: [Double] = [0, 0.5, 1, 1.5, 2, 3, 4, 6]
        for code in 0..<16 {
            let expected = code >= 8 ? -magnitudes[code - 8] : magnitudes[code]
            let v = f.values[code]
            #expect(v == expected && v.sign == expected.sign, "code \(code): \(v)")
        }
    }

    @Test("§1.5 E2M1 ties: RNE and half-away columns, both signs", arguments: [
        (0.25, 0.0, 0.5), (0.75, 1.0, 1.0), (1.25, 1.0, 1.5), (2.5, 2.0, 3.0),
        (5.0, 4.0, 6.0), (7.0, 6.0, 6.0), (1e9, 6.0, 6.0),
    ])
    func e2m1Ties(input: Double, rne: Double, away: Double) throws {
        let f = try #require(ReferenceFormat.named("e2m1"))
        let r = ReferenceRounder()
        for sign in [1.0, -1.0] {
            let even = f.values[Int(r.code(of: sign * input, in: f, rule: .nearestEven, overflow: .saturate))]
            let ta = f.values[Int(r.code(of: sign * input, in: f, rule: .nearestAway, overflow: .saturate))]
            #expect(even == sign * rne && ta == sign * away, "\(sign * input): RNE \(even), TA \(ta)")
        }
    }

    @Test("§2.2 HiF8 decode anchors and the 126 positive finite values")
    func hif8Decode() throws {
        let f = try #require(ReferenceFormat.named("hif8"))
        let anchors: [(Int, Double)] = [
            (0x00, 0), (0x6F, .infinity), (0xEF, -.infinity), (0x6E, 32768), (0x7E, 0x1p-15), (0x7F, 1.5 * 0x1p-15),
            (0x01, 0x1p-22), (0x07, 0x1p-16), (0x08, 1), (0x0F, 1.875), (0x10, 2), (0x18, 0.5), (0x20, 4),
            (0x38, 0.125), (0x40, 16), (0x60, 256), (0x41, 20), (0x52, 0.09375), (0x64, 1024),
        ]
        for (code, value) in anchors { #expect(f.values[code] == value, "0x\(String(code, radix: 16))") }
        #expect(f.values[0x80].isNaN)
        let positives = f.values[1..<0x80].filter { $0.isFinite && $0 > 0 }
        #expect(positives.count == 126 && Set(positives).count == 126)
    }

    @Test("§2.3 HiF8 TA encode table", arguments: [
        (1.0, 0x08), (1.0625, 0x09), (1.0624, 0x08), (1.1875, 0x0A), (3.14159, 0x15), (-2.5, 0x92), (0.1, 0x52),
        (-0.1, 0xD2), (15.5, 0x40), (15.9, 0x40), (17.0, 0x40), (18.0, 0x41), (1000.0, 0x64), (32768, 0x6E),
        (40959, 0x6E), (40960, 0x6F), (0x1p-22, 0x01), (0x1p-23, 0x01), (0.99 * 0x1p-23, 0x00),
        (1.4 * 0x1p-16, 0x07), (1.5 * 0x1p-16, 0x7E),
    ] as [(Double, Int)])
    func hif8TA(input: Double, code: Int) throws {
        let f = try #require(ReferenceFormat.named("hif8"))
        #expect(ReferenceRounder().code(of: input, in: f, rule: .nearestAway, overflow: .infinity) == UInt32(code))
    }

    @Test("§1.2, §4.1: e8m0 range and the BitMoD value lists")
    func e8m0AndBitMoD() throws {
        let e8m0 = try #require(ReferenceFormat.named("e8m0"))
        #expect(e8m0.values[0] == 0x1p-127 && e8m0.values[127] == 1 && e8m0.values[254] == 0x1p127 && e8m0.values[255].isNaN)
        let lists: [String: [Double]] = [
            "bitmod-fp4-er-pos": [-6, -4, -3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3, 4, 5, 6],
            "bitmod-fp4-ea-neg": [-8, -6, -4, -3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3, 4, 6],
            "bitmod-fp3-er-neg": [-4, -3, -2, -1, 0, 1, 2, 4],
            "bitmod-fp3-ea-pos": [-4, -2, -1, 0, 1, 2, 4, 6],
        ]
        for (name, list) in lists { #expect(ReferenceFormat.named(name)?.sortedValues == list, "\(name)") }
    }

    @Test("grid edges: past the maximum, below the minimum, ties to even by trailing zeros")
    func gridEdges() throws {
        let r = ReferenceRounder()
        let e4m3 = try #require(ReferenceFormat.named("e4m3"))
        // 464 is the midpoint of 448 (14 · 32, even) and the phantom 480 (15 · 32): RNE keeps 448.
        #expect(r.code(of: 464, in: e4m3, rule: .nearestEven, overflow: .infinity) == 0x7E)
        #expect(r.code(of: 464, in: e4m3, rule: .nearestAway, overflow: .infinity) == 0x7F)       // 480: NaN, no Inf
        #expect(r.code(of: 470, in: e4m3, rule: .nearestEven, overflow: .infinity) == 0x7F)
        #expect(r.code(of: 1e9, in: e4m3, rule: .towardZero, overflow: .infinity) == 0x7E)        // directed: max
        #expect(r.code(of: -1e9, in: e4m3, rule: .up, overflow: .infinity) == 0xFE)               // −448
        #expect(r.code(of: -1e9, in: e4m3, rule: .down, overflow: .infinity) == 0x7F)             // NaN
        #expect(r.code(of: -1e9, in: e4m3, rule: .down, overflow: .saturate) == 0xFE)
        let e8m0 = try #require(ReferenceFormat.named("e8m0"))
        #expect(r.code(of: 1.5, in: e8m0, rule: .nearestEven, overflow: .saturate) == 128)        // tie → 2
        #expect(r.code(of: 0x1p-140, in: e8m0, rule: .down, overflow: .saturate) == 0)            // clamp to 2^-127
        #expect(r.code(of: -1, in: e8m0, rule: .nearestEven, overflow: .saturate) == 0xFF)
        let int8 = try #require(ReferenceFormat.named("int8"))
        #expect(r.code(of: -128.5, in: int8, rule: .nearestEven, overflow: .saturate) == 0x80)
        #expect(r.code(of: 2.5, in: int8, rule: .nearestEven, overflow: .saturate) == 2)
        #expect(r.code(of: 127.5, in: int8, rule: .nearestAway, overflow: .infinity) == 0x7F)     // no Inf/NaN: max
        let uint4 = try #require(ReferenceFormat.named("uint4"))
        #expect(r.code(of: -3, in: uint4, rule: .down, overflow: .infinity) == 0)
        let fp16 = try #require(ReferenceFormat.named("fp16"))
        #expect(r.code(of: 65520, in: fp16, rule: .nearestEven, overflow: .infinity) == 0x7C00)   // tie → 2^16: Inf
        #expect(r.code(of: 0x1p-25, in: fp16, rule: .nearestEven, overflow: .infinity) == 0x0000) // tie with 0 → 0
        #expect(r.code(of: -0x1p-25, in: fp16, rule: .nearestAway, overflow: .infinity) == 0x8001)
        #expect(r.code(of: -0x1p-30, in: fp16, rule: .towardZero, overflow: .infinity) == 0x8000) // −0
    }

    @Test("stochastic rounding takes the far neighbour iff draw < frac · 2^32")
    func stochasticThreshold() throws {
        let f = try #require(ReferenceFormat.named("e2m1"))
        let r = ReferenceRounder()
        // 2.25 lies a quarter of the way from 2 to 3: frac · 2^32 = 2^30.
        r.load(2.25, in: f)
        #expect(r.code(rule: .stochastic, overflow: .saturate, draw: 0x3FFF_FFFF) == 0x5)
        #expect(r.code(rule: .stochastic, overflow: .saturate, draw: 0x4000_0000) == 0x4)
        r.load(-2.25, in: f)
        #expect(r.code(rule: .stochastic, overflow: .saturate, draw: 0) == 0xD)
        #expect(r.code(rule: .stochastic, overflow: .saturate, draw: 0xFFFF_FFFF) == 0xC)
    }
}

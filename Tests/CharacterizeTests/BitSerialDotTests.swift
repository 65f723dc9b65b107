import ArithmeticUnits
import Foundation
import NumberFormats
import Testing
@testable import Characterize

/// BitMoD's lane datapath primitive: its reference on cases worked out by hand, its weight
/// streams, and the committed table's three rows of it.
@Suite struct BitSerialDotTests {
    /// `{sign, exponent, significand}` of a lane's activation field.
    static func a(_ negative: Bool, _ exponent: UInt64, _ significand: UInt64) -> UInt64 {
        (negative ? 1 << 16 : 0) | exponent << 11 | significand
    }

    /// `{valid, negative, exp}` of a lane's term field.
    static func t(_ negative: Bool, _ exp: UInt64) -> UInt64 { 1 << 4 | (negative ? 1 << 3 : 0) | exp }

    @Test func referenceOnHandWorkedCases() {
        let p = Primitive.bitSerialDot(weights: .llmLike)
        // 1.0 (exponent 15, significand 0x400) × +2^1 in lane 0 alone: 0x400 << 3 = 0x2000 at exponent 15 + 1.
        #expect(p.reference([Self.a(false, 15, 0x400), 0, 0, 0, Self.t(false, 1), 0, 0, 0]) == [0x2000, 16])
        // The same with a negative activation: −0x2000 in 17-bit two's complement.
        #expect(p.reference([Self.a(true, 15, 0x400), 0, 0, 0, Self.t(false, 1), 0, 0, 0]) == [0x1E000, 16])
        // Lane 1 at exponent 15 + 0 is one below the maximum: 0x2000 >> 1 = 0x1000 added.
        #expect(p.reference([Self.a(false, 15, 0x400), Self.a(false, 15, 0x400), 0, 0, Self.t(false, 1), Self.t(false, 0), 0, 0])
                == [0x3000, 16])
        // Equal products of opposite sign cancel (the sign of the term, then of the activation).
        #expect(p.reference([Self.a(false, 20, 0x7FF), Self.a(false, 20, 0x7FF), 0, 0, Self.t(false, 0), Self.t(true, 0), 0, 0])
                == [0, 20])
        // An invalid term (lane 1: exp 2, not valid) gives no product, but its exponent 9 + 2
        // still sets the maximum, so lane 0 (3 + 0) is shifted by 8: 0x2000 >> 8 = 0x20.
        #expect(p.reference([Self.a(false, 3, 0x400), Self.a(false, 9, 0x7FF), 0, 0, Self.t(false, 0), 0b0_0_010, 0, 0]) == [0x20, 11])
        // Delta 13 keeps the top bit of 0x7FF << 3 = 0x3FF8 (>> 13 = 1); delta 14 shifts it out.
        #expect(p.reference([Self.a(false, 30, 0x400), Self.a(false, 17, 0x7FF), 0, 0, 0b0_0_000, Self.t(false, 0), 0, 0]) == [1, 30])
        #expect(p.reference([Self.a(false, 30, 0x400), Self.a(false, 16, 0x7FF), 0, 0, 0b0_0_000, Self.t(false, 0), 0, 0]) == [0, 30])
        // Four largest products: ±4 · 0x3FF8 = ±0xFFE0 (−0xFFE0 is 0x10020 in 17 bits).
        let big = [UInt64](repeating: Self.a(false, 1, 0x7FF), count: 4) + [UInt64](repeating: Self.t(false, 0), count: 4)
        #expect(p.reference(big) == [0xFFE0, 1])
        let negative = [UInt64](repeating: Self.a(true, 1, 0x7FF), count: 4) + [UInt64](repeating: Self.t(false, 0), count: 4)
        #expect(p.reference(negative) == [0x10020, 1])
    }

    @Test func streamsShareActivationsAndDifferInTermDensity() {
        let dense = BitMoDLaneStream(weights: .dense), llm = BitMoDLaneStream(weights: .llmLike)
        let pruned = BitMoDLaneStream(weights: .pruned)
        for s in [dense, llm, pruned] {
            #expect(s.operations.count == 4096)
            #expect(s.operations.allSatisfy { $0.count == 8 })
        }
        #expect(dense.operations.map { Array($0[0..<4]) } == llm.operations.map { Array($0[0..<4]) })
        #expect(pruned.operations.map { Array($0[0..<4]) } == llm.operations.map { Array($0[0..<4]) })
        #expect(dense.termDensity == 1)
        #expect(llm.termDensity > 0.3 && llm.termDensity < 0.7, "\(llm.termDensity)")
        #expect(pruned.termDensity < llm.termDensity - 0.1, "\(pruned.termDensity)")
        // A 4-bit weight takes two cycles with the same four activations.
        #expect(llm.operations[0][0..<4] == llm.operations[1][0..<4])
        #expect(llm.operations[0][0..<4] != llm.operations[2][0..<4])
    }

    @Test func theLLMLikeStreamIsBitMoDsOwnQuantization() throws {
        // The stream's terms rebuild the quantized weights: Σ over the two cycles of ±2^exp.
        let s = BitMoDLaneStream(weights: .llmLike)
        var rng = SplitMix64(seed: BitMoDLaneStream.seed)
        let a = (0..<BitMoDLaneStream.k).map { _ in LLMLikeData.gaussian(&rng) }
        let w = (0..<BitMoDLaneStream.k).map { _ in LLMLikeData.gaussian(&rng) }
        let unit = BitMoDPE(bits: 4)
        let ops = try unit.quantize(activations: try #require(Matrix(rows: 1, cols: w.count, storage: a)),
                                    weights: try #require(Matrix(rows: w.count, cols: 1, storage: w)))
        for k in [0, 1, 2, 3, 127, 128, 4000, 8191] {
            var value = 0
            for c in 0..<2 {
                let field = s.operations[(k / 4) * 2 + c][4 + k % 4]
                if field >> 4 & 1 == 1 { value += (field >> 3 & 1 == 1 ? -1 : 1) << Int(field & 7) }
            }
            #expect(value == Int(ops.weightValuesNK[k]), "k = \(k)")
        }
    }

    @Test func theCommittedTableHasTheThreeStreams() throws {
        let url = URL(fileURLWithPath: RegenerationTests.table)
        let rows = try RegenerationTests.primitives(try Data(contentsOf: url))
        let names = ["bitmod-dot4-dense", "bitmod-dot4", "bitmod-dot4-pruned"]
        let found = try names.map { try #require(rows[$0], "\($0) missing: run make characterize") }
        // One circuit: the same cells, GE and area; the streams differ, so the energies do.
        for r in found.dropFirst() {
            #expect(r["cells"] as? NSDictionary == found[0]["cells"] as? NSDictionary)
            #expect(r["ge"] as? Double == found[0]["ge"] as? Double)
        }
        let energies = found.compactMap { $0["energy_pj"] as? Double }
        #expect(energies.count == 3)
        #expect(Set(energies).count == 3, "\(energies)")
        let densities = found.compactMap { ($0["parameters"] as? [String: String])?["term_density"].flatMap(Double.init) }
        #expect(densities.count == 3 && densities[0] == 1 && densities[2] < densities[1], "\(densities)")
    }
}

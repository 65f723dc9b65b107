import NumberFormats
@testable import TensorEngine

/// The seeded generator of every QuantArch computation, so random test configurations are
/// reproducible.
typealias SeededGenerator = SplitMix64

/// A random array (1…32 × 1…32, any dataflow, 1…4 cycles per step) and GEMM (1…100 per
/// dimension), the configurations the fast-versus-cycle tests sweep.
func randomConfiguration(_ rng: inout SeededGenerator) -> (ArrayConfig, GEMMDims) {
    let array = ArrayConfig(rows: Int.random(in: 1...32, using: &rng),
                            cols: Int.random(in: 1...32, using: &rng),
                            dataflow: Dataflow.allCases.randomElement(using: &rng)!,
                            cyclesPerStep: Int.random(in: 1...4, using: &rng))
    let dims = GEMMDims(m: Int.random(in: 1...100, using: &rng),
                        k: Int.random(in: 1...100, using: &rng),
                        n: Int.random(in: 1...100, using: &rng))
    return (array, dims)
}

/// A random DRAM channel (1…64 bytes per cycle; A, B and C of 1, 2, 4, 8, 16 or 32 bits),
/// drawn in that order, as the seeded DRAM-stall tests sweep it.
func randomDRAM(_ rng: inout SeededGenerator) -> DRAMConfig {
    let bits = [1, 2, 4, 8, 16, 32]
    return DRAMConfig(bytesPerCycle: Int.random(in: 1...64, using: &rng),
                      aBits: bits.randomElement(using: &rng)!,
                      bBits: bits.randomElement(using: &rng)!,
                      cBits: bits.randomElement(using: &rng)!)
}

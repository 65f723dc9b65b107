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

import ArithmeticUnits
import NumberFormats
import TensorEngine
import Testing

/// The blocked, threaded float64 reference gives the bits of the plain triple loop it
/// replaced (k in order per output, zero activations skipped).
@Suite struct ReferenceGEMMTests {
    /// The loop `ReferenceGEMM` used to be.
    static func plain(_ a: Matrix, _ b: Matrix) -> Matrix {
        let (m, k, n) = (a.rows, a.cols, b.cols)
        var c = Matrix(rows: m, cols: n)
        for r in 0..<m {
            for kk in 0..<k {
                let x = a.storage[r * k + kk]
                if x == 0 { continue }
                for j in 0..<n { c.storage[r * n + j] += x * b.storage[kk * n + j] }
            }
        }
        return c
    }

    static func random(_ rows: Int, _ cols: Int, _ rng: inout SplitMix64, zeros: Bool) -> Matrix {
        var x = Matrix(rows: rows, cols: cols)
        for i in 0..<x.storage.count {
            // Wide magnitudes so that summation order shows in the low bits.
            let v = (rng.nextUnit() * 2 - 1) * [1e-8, 1, 3e4][Int(rng.next() % 3)]
            x.storage[i] = zeros && rng.next() % 5 == 0 ? 0 : v
        }
        return x
    }

    @Test func randomShapesMatchThePlainLoopBitForBit() {
        var rng = SplitMix64(seed: 0xF64_2026)
        // Edges: fewer rows or columns than a block, partial panels, K beyond one K block.
        var shapes = [(1, 1, 1), (4, 256, 4), (5, 257, 7), (9, 600, 13), (1, 513, 130), (130, 3, 1), (64, 64, 64)]
        for _ in 0..<20 {
            shapes.append((1 + Int(rng.next() % 70), 1 + Int(rng.next() % 700), 1 + Int(rng.next() % 70)))
        }
        for (m, k, n) in shapes {
            let a = Self.random(m, k, &rng, zeros: true), b = Self.random(k, n, &rng, zeros: false)
            let fast = ReferenceGEMM.multiply(a, b).storage.map(\.bitPattern)
            #expect(fast == Self.plain(a, b).storage.map(\.bitPattern), "\(m)×\(k)×\(n)")
        }
    }

    /// The AVX-512 tile (`simd: true`, Sources/CSIMD/f64_gemm.c) gives the Swift loops' bits
    /// (`simd: false`) and the plain loop's, on seeded shapes around its 8×16 blocks and
    /// 128-deep K blocks, with −0, ±∞ and NaN among the activations and −0 among the weights
    /// (a non-finite weight sends every path down the plain loop); every NaN output is the
    /// one quiet NaN. Without AVX-512 both calls run the Swift loops.
    @Test func simdTileMatchesTheSwiftLoopsBitForBit() {
        var rng = SplitMix64(seed: 0x51_3D_F64)
        var shapes = [(1, 1, 1), (8, 128, 16), (9, 129, 17), (7, 127, 15), (16, 300, 33), (17, 1, 8), (3, 257, 40), (64, 64, 64)]
        for _ in 0..<20 {
            shapes.append((1 + Int(rng.next() % 40), 1 + Int(rng.next() % 400), 1 + Int(rng.next() % 50)))
        }
        let specials: [Double] = [-0.0, .infinity, -.infinity, .nan]
        for (index, (m, k, n)) in shapes.enumerated() {
            var a = Self.random(m, k, &rng, zeros: true), b = Self.random(k, n, &rng, zeros: true)
            if index % 2 == 1 {
                for i in 0..<a.storage.count where rng.next() % 97 == 0 { a.storage[i] = specials[Int(rng.next() % 4)] }
                for i in 0..<b.storage.count where rng.next() % 13 == 0 { b.storage[i] = -0.0 }
            }
            let simd = ReferenceGEMM.multiply(a, b, simd: SIMDKernels.available).storage.map(\.bitPattern)
            #expect(simd == ReferenceGEMM.multiply(a, b, simd: false).storage.map(\.bitPattern), "\(m)×\(k)×\(n)")
            #expect(simd == Self.plain(a, b).storage.map { ($0.isNaN ? Double.nan : $0).bitPattern }, "\(m)×\(k)×\(n)")
        }
    }

    /// A zero activation against an infinite weight is skipped, as in the plain loop (not NaN).
    @Test func zeroActivationSkipsAnInfiniteWeight() {
        var a = Matrix(rows: 5, cols: 3), b = Matrix(rows: 3, cols: 6)
        for i in 0..<a.storage.count { a.storage[i] = Double(i % 4) }   // zeros at (0, 0), (1, 1), …
        for i in 0..<b.storage.count { b.storage[i] = Double(i) - 7 }
        b.storage[0] = .infinity
        let c = ReferenceGEMM.multiply(a, b)
        #expect(c.storage.map(\.bitPattern) == Self.plain(a, b).storage.map(\.bitPattern))
        #expect(c[0, 0] == 1 * -1 + 2 * 5)       // a[0, 0] = 0 skips b[0, 0] = ∞
        #expect(c[1, 0] == .infinity)            // a[1, 0] = 3 meets it
    }
}

import ArgumentParser
import ArithmeticUnits
import DesignModel
import Foundation
import NumberFormats
import QArchSupport

/// The 1024³ GEMM benchmark of the engine issue: a bit-exact MixPE-W4A8 GEMM (quantized
/// operands prepared untimed) against numpy's float64 matmul of the same shape.
enum GEMMBenchmark {
    /// Best-of-3 wall time of the bit-exact GEMM.
    static func mixpeW4A8Seconds(size: Int) throws -> Double {
        let (a, b) = benchmarkOperands(m: size, k: size, n: size, seed: 7)
        let unit = MixPE(mode: .w4a8)
        let operands = try unit.quantize(activations: a, weights: b)
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = unit.gemm(operands, order: .sequential)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
        }
        return best
    }

    /// Best-of-3 numpy float64 matmul time, or nil when python3/numpy is unavailable.
    static func numpySeconds(size: Int) -> Double? {
        let script = """
            import time, numpy as np
            r = np.random.default_rng(0); a = r.standard_normal((\(size), \(size))); b = r.standard_normal((\(size), \(size)))
            best = 1e9
            for _ in range(3):
                t = time.perf_counter(); a @ b; best = min(best, time.perf_counter() - t)
            print(best)
            """
        guard let text = EngineSpeedBenchmark.capture("python3", ["-c", script]) else { return nil }
        return Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

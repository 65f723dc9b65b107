import CSIMD
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the AVX-512 kernels of the `CSIMD` target run on this machine.
///
/// The package is compiled for baseline x86-64; the few hot loops that profit from wide
/// vectors (the LUT Tensor Core's FP16 accumulator) also exist as C functions compiled with
/// per-function `target(…)` attributes (AVX-512 F + CD for the LUT Tensor Core's FP16
/// accumulator and the float64 reference GEMM, AVX-512 BW for the INT8 and MX/NVFP4 block dot
/// products, AVX2 + FMA for BitMoD's FP32 fused multiply-adds), and are called only when
/// the CPU reports those features at run time. Setting `QARCH_SIMD=off` forces the scalar Swift
/// path everywhere. Both paths give the same bits (`LUTFastKernelTests` and `BitMoDFastKernelTests` run both).
///
/// ```swift
/// LUTFastKernel.gemm(ops, accumulation: .fp16, integerAccumulator: .int32,
///                    simd: SIMDKernels.available)   // AVX-512 when present, else scalar
/// ```
public enum SIMDKernels {
    /// True when the CPU has AVX-512 F and CD and `QARCH_SIMD` is not `off`.
    public static let available: Bool = !disabled && qarch_simd_avx512_available() != 0

    /// True when the CPU has AVX-512 F, BW and VL and `QARCH_SIMD` is not `off`.
    public static let avx512bw: Bool = !disabled && qarch_simd_avx512bw_available() != 0

    /// True when the CPU also has AVX-512 VNNI and `QARCH_SIMD` is not `off` (the INT8 dot
    /// tile then uses `vpdpwssd`).
    public static let vnni: Bool = !disabled && qarch_simd_avx512vnni_available() != 0

    /// True when the CPU has AVX2 and FMA and `QARCH_SIMD` is not `off`.
    public static let fma: Bool = !disabled && qarch_simd_fma_available() != 0

    static let disabled: Bool = getenv("QARCH_SIMD").map { String(cString: $0) == "off" } ?? false
}

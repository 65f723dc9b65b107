#ifndef QARCH_CSIMD_H
#define QARCH_CSIMD_H
#include <stdint.h>

/// 1 when this CPU runs the AVX-512 (F + CD) kernels below, else 0 (checked at run time;
/// the package itself targets baseline x86-64, and callers fall back to scalar Swift).
int qarch_simd_avx512_available(void);

/// The LUT Tensor Core's FP16 accumulation (see LUTFastKernel.swift) for 32 columns side by
/// side, each column an accumulator counting units of 2^-24, starting from zero.
///
/// For step s = 0..<steps and lane j = 0..<32, the operand is table[indices[32·s + j]]; the
/// accumulator adds it and rounds once to FP16 (RNE to 11 significant bits, flushed to zero
/// below 2^10 units keeping the sign). On return units[j], last_sum[j] and rounded_bits[j]
/// (the OR of every rounded magnitude) hold lane j's accumulator state.
void qarch_lut_fp16_accumulate(const int64_t *table, const int32_t *indices, int64_t steps,
                               int64_t *units, int64_t *last_sum, uint64_t *rounded_bits);

/// 1 when this CPU runs the AVX2 + FMA kernel below, else 0.
int qarch_simd_fma_available(void);

/// A 4-row × 16-column block of an FP32 GEMM with fused multiply-adds, the accumulation
/// order of BitMoD's functional mode: per chunk of K (ending before chunk_ends[0], then
/// chunk_ends[1], …) a partial sum p ← fma(a[k], w[k], p) from +0 in k order, then
/// acc ← acc + p (from +0). `a` points at row 0 of the block's activations (rows lda apart),
/// `w` at column 0 of the block's K×N weights (rows ldw apart), `out` at the block's first
/// output (rows ldo apart). FMA and add are IEEE single precision, round to nearest even.
void qarch_fp32_fma_block(const float *a, int64_t lda, const float *w, int64_t ldw,
                          const int64_t *chunk_ends, int64_t chunks, float *out, int64_t ldo);

/// BitMoD's rtl datapath (BitMoDRTLFastKernel.swift) over one quantization group for 32
/// columns side by side, each with its own group accumulator (exponent, mantissa) from zero.
///
/// `table` holds the row's packed lane entries, 16 per k: (Z << 7) | (v << 1) | negative (|Z| < 2^50),
/// Z the aligned-product numerator (complemented for a negative lane), v its exponent. For
/// quad q (first k quad_k[q], quad_lanes[q] lanes inside the group, the others zero) and cycle
/// c, lane i of column j reads entry states[((q·cycles + c)·4 + i)·32 + j] of its k.
void qarch_bitmod_rtl_group(const int64_t *table, const uint8_t *states, const int32_t *quad_k,
                            const int32_t *quad_lanes, int64_t quads, int64_t cycles,
                            int64_t *exponent, int64_t *mantissa);

/// The float64 reference GEMM over one output tile (AVX-512 F; ReferenceGEMM.swift):
/// c[i·ldc + j] ← c[i·ldc + j] + a[i·lda + t]·b[t·ldb + j] for t = 0, 1, …, k−1 in order,
/// i < rows, j < cols, each product and each sum a separate IEEE double operation rounded to
/// nearest even (never fused), so every output has the bits of the plain triple loop.
void qarch_f64_gemm_tile(const double *a, int64_t lda, const double *b, int64_t ldb, double *c, int64_t ldc,
                         int64_t rows, int64_t cols, int64_t k);

/// 1 when this CPU runs the AVX-512 (F + BW + VL) kernel below, else 0.
int qarch_simd_avx512bw_available(void);

/// 1 when this CPU also has AVX-512 VNNI (the `vnni` form of the kernel below), else 0.
int qarch_simd_avx512vnni_available(void);

/// INT8 dot products summed modulo 2^32 (GroupedIntegerKernel.swift): for i < rows, j < cols,
/// out[i·ldo + j] = Σ_{t < len} a[i·lda + t]·w[j·ldw + t], wrapping in 32-bit two's complement.
/// With `vnni` nonzero (only where qarch_simd_avx512vnni_available() said yes) the 4 × 4
/// blocks use vpdpwssd instead of vpmaddwd + vpaddd; the sums are the same.
void qarch_int8_dot_tile(const int8_t *a, int64_t lda, const int8_t *w, int64_t ldw, int64_t len,
                         int64_t rows, int64_t cols, int32_t *out, int64_t ldo, int vnni);

/// The MX/NVFP4 block dot GEMM's narrow path (BlockDotSIMD.swift) for `rows` rows and `cols`
/// columns, `blocks` blocks of `block_size` (even) elements each. Row i's element integers are
/// a[i·lda …] (zero-padded to blocks·block_size) with block scales sa[i·ldsa + blk]; columns
/// come in groups of 16: b holds, per group, block and pair p, 16 columns × the pair
/// (elements 2p, 2p + 1 of the block) as int16, and sb per group and block 16 column scales.
/// Per output and block: the exact int32 sum s, t = ((double(s)·unit)·sa)·sb, rounded once to
/// FP32 (RNE), acc ← acc + t from +0, blocks in order; out[i·ldo + j] = acc.
void qarch_block_dot_tile(const int16_t *a, int64_t lda, const double *sa, int64_t ldsa, const int16_t *b,
                          const double *sb, int64_t blocks, int64_t block_size, double unit,
                          int64_t rows, int64_t cols, float *out, int64_t ldo);

#endif

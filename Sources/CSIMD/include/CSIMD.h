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

#endif

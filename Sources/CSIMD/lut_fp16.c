// AVX-512 kernels, compiled for baseline x86-64 with per-function target attributes and
// called only after qarch_simd_avx512_available() said yes. Elsewhere they are stubs that
// are never called (the availability check returns 0).
#include "CSIMD.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

int qarch_simd_avx512_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd");
}

#define TARGET __attribute__((target("avx512f,avx512cd")))

/// One FP16 accumulator step on 8 lanes (LUTFastKernel.FP16Accumulator.add).
TARGET static inline void fp16_add(__m512i *units, __m512i *last, __m512i *bits, __m512i operand) {
    const __m512i one = _mm512_set1_epi64(1), zero = _mm512_setzero_si512();
    __m512i sum = _mm512_add_epi64(*units, operand);
    __m512i sign = _mm512_srai_epi64(sum, 63);
    __m512i mag = _mm512_abs_epi64(sum);
    // drop = max(bitLength − 11, 0) = max(53 − lzcnt, 0).
    __m512i drop = _mm512_max_epi64(_mm512_sub_epi64(_mm512_set1_epi64(53), _mm512_lzcnt_epi64(mag)), zero);
    __m512i mask = _mm512_sub_epi64(_mm512_sllv_epi64(one, drop), one);
    __m512i odd = _mm512_and_si512(_mm512_srlv_epi64(mag, drop), one);
    __m512i bias = _mm512_and_si512(_mm512_add_epi64(_mm512_srli_epi64(mask, 1), odd), mask);
    __m512i rounded = _mm512_andnot_si512(mask, _mm512_add_epi64(mag, bias));
    *bits = _mm512_or_si512(*bits, rounded);
    __mmask8 keep = _mm512_cmpge_epi64_mask(rounded, _mm512_set1_epi64(1 << 10));
    __m512i kept = _mm512_maskz_mov_epi64(keep, rounded);
    *units = _mm512_sub_epi64(_mm512_xor_si512(kept, sign), sign);
    *last = sum;
}

TARGET void qarch_lut_fp16_accumulate(const int64_t *table, const int32_t *indices, int64_t steps,
                                      int64_t *units, int64_t *last_sum, uint64_t *rounded_bits) {
    // Four independent chains of 8 lanes each, so their latencies overlap.
    __m512i u0 = _mm512_setzero_si512(), u1 = u0, u2 = u0, u3 = u0;
    __m512i l0 = u0, l1 = u0, l2 = u0, l3 = u0, b0 = u0, b1 = u0, b2 = u0, b3 = u0;
    for (int64_t s = 0; s < steps; s++) {
        const int32_t *at = indices + s * 32;
        __m512i o0 = _mm512_i32gather_epi64(_mm256_loadu_si256((const __m256i *)(at + 0)), (const void *)table, 8);
        __m512i o1 = _mm512_i32gather_epi64(_mm256_loadu_si256((const __m256i *)(at + 8)), (const void *)table, 8);
        __m512i o2 = _mm512_i32gather_epi64(_mm256_loadu_si256((const __m256i *)(at + 16)), (const void *)table, 8);
        __m512i o3 = _mm512_i32gather_epi64(_mm256_loadu_si256((const __m256i *)(at + 24)), (const void *)table, 8);
        fp16_add(&u0, &l0, &b0, o0);
        fp16_add(&u1, &l1, &b1, o1);
        fp16_add(&u2, &l2, &b2, o2);
        fp16_add(&u3, &l3, &b3, o3);
    }
    _mm512_storeu_si512((void *)(units + 0), u0); _mm512_storeu_si512((void *)(units + 8), u1);
    _mm512_storeu_si512((void *)(units + 16), u2); _mm512_storeu_si512((void *)(units + 24), u3);
    _mm512_storeu_si512((void *)(last_sum + 0), l0); _mm512_storeu_si512((void *)(last_sum + 8), l1);
    _mm512_storeu_si512((void *)(last_sum + 16), l2); _mm512_storeu_si512((void *)(last_sum + 24), l3);
    _mm512_storeu_si512((void *)(rounded_bits + 0), b0); _mm512_storeu_si512((void *)(rounded_bits + 8), b1);
    _mm512_storeu_si512((void *)(rounded_bits + 16), b2); _mm512_storeu_si512((void *)(rounded_bits + 24), b3);
}

#else
int qarch_simd_avx512_available(void) { return 0; }
void qarch_lut_fp16_accumulate(const int64_t *table, const int32_t *indices, int64_t steps,
                               int64_t *units, int64_t *last_sum, uint64_t *rounded_bits) {
    (void)table; (void)indices; (void)steps; (void)units; (void)last_sum; (void)rounded_bits;
}
#endif

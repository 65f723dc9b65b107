// The MX/NVFP4 block dot product GEMM's narrow path (AVX-512 F + BW), called only after
// qarch_simd_avx512bw_available() said yes (see CSIMD.h and BlockDotSIMD.swift).
#include "CSIMD.h"

#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

#define TARGET __attribute__((target("avx512f,avx512bw,avx512vl")))

/// One row's block epilogue on 16 columns: t = ((double(sum) · unit) · sa) · sb per lane,
/// rounded once to FP32 (RNE), then acc ← acc + t, the scalar kernel's operations in order.
TARGET static inline __m512 block_step(__m512 acc, __m512i sum, double unit, double sa, const double *sb) {
    __m512d lo = _mm512_cvtepi32_pd(_mm512_castsi512_si256(sum));
    __m512d hi = _mm512_cvtepi32_pd(_mm512_extracti64x4_epi64(sum, 1));
    __m512d u = _mm512_set1_pd(unit), s = _mm512_set1_pd(sa);
    lo = _mm512_mul_pd(lo, u); hi = _mm512_mul_pd(hi, u);
    lo = _mm512_mul_pd(lo, s); hi = _mm512_mul_pd(hi, s);
    lo = _mm512_mul_pd(lo, _mm512_loadu_pd(sb)); hi = _mm512_mul_pd(hi, _mm512_loadu_pd(sb + 8));
    __m256 flo = _mm512_cvtpd_ps(lo), fhi = _mm512_cvtpd_ps(hi);
    __m512 f = _mm512_castpd_ps(_mm512_insertf64x4(_mm512_castps_pd(_mm512_castps256_ps512(flo)), _mm256_castps_pd(fhi), 1));
    return _mm512_add_ps(acc, f);
}

TARGET
void qarch_block_dot_tile(const int16_t *a, int64_t lda, const double *sa, int64_t ldsa, const int16_t *b,
                          const double *sb, int64_t blocks, int64_t block_size, double unit,
                          int64_t rows, int64_t cols, float *out, int64_t ldo) {
    const int64_t pairs = block_size / 2, groups = (cols + 15) / 16;
    const int64_t group_b = blocks * pairs * 32, group_s = blocks * 16;
    for (int64_t g = 0; g < groups; g++) {
        const int16_t *bg = b + g * group_b;
        const double *sg = sb + g * group_s;
        int64_t width = cols - 16 * g < 16 ? cols - 16 * g : 16;
        __mmask16 mask = width >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << width) - 1);
        int64_t r = 0;
        for (; r + 4 <= rows; r += 4) {
            __m512 acc0 = _mm512_setzero_ps(), acc1 = acc0, acc2 = acc0, acc3 = acc0;
            const int16_t *a0 = a + r * lda, *a1 = a0 + lda, *a2 = a1 + lda, *a3 = a2 + lda;
            for (int64_t blk = 0; blk < blocks; blk++) {
                __m512i s0 = _mm512_setzero_si512(), s1 = s0, s2 = s0, s3 = s0;
                const int16_t *bp = bg + blk * pairs * 32;
                int64_t base = blk * block_size;
                for (int64_t p = 0; p < pairs; p++) {
                    __m512i w = _mm512_loadu_si512((const void *)(bp + 32 * p));
                    int32_t x0, x1, x2, x3;
                    __builtin_memcpy(&x0, a0 + base + 2 * p, 4); __builtin_memcpy(&x1, a1 + base + 2 * p, 4);
                    __builtin_memcpy(&x2, a2 + base + 2 * p, 4); __builtin_memcpy(&x3, a3 + base + 2 * p, 4);
                    s0 = _mm512_add_epi32(s0, _mm512_madd_epi16(_mm512_set1_epi32(x0), w));
                    s1 = _mm512_add_epi32(s1, _mm512_madd_epi16(_mm512_set1_epi32(x1), w));
                    s2 = _mm512_add_epi32(s2, _mm512_madd_epi16(_mm512_set1_epi32(x2), w));
                    s3 = _mm512_add_epi32(s3, _mm512_madd_epi16(_mm512_set1_epi32(x3), w));
                }
                const double *sbk = sg + blk * 16;
                acc0 = block_step(acc0, s0, unit, sa[r * ldsa + blk], sbk);
                acc1 = block_step(acc1, s1, unit, sa[(r + 1) * ldsa + blk], sbk);
                acc2 = block_step(acc2, s2, unit, sa[(r + 2) * ldsa + blk], sbk);
                acc3 = block_step(acc3, s3, unit, sa[(r + 3) * ldsa + blk], sbk);
            }
            _mm512_mask_storeu_ps(out + r * ldo + 16 * g, mask, acc0);
            _mm512_mask_storeu_ps(out + (r + 1) * ldo + 16 * g, mask, acc1);
            _mm512_mask_storeu_ps(out + (r + 2) * ldo + 16 * g, mask, acc2);
            _mm512_mask_storeu_ps(out + (r + 3) * ldo + 16 * g, mask, acc3);
        }
        for (; r < rows; r++) {
            __m512 acc = _mm512_setzero_ps();
            const int16_t *ar = a + r * lda;
            for (int64_t blk = 0; blk < blocks; blk++) {
                __m512i s = _mm512_setzero_si512();
                const int16_t *bp = bg + blk * pairs * 32;
                for (int64_t p = 0; p < pairs; p++) {
                    int32_t x;
                    __builtin_memcpy(&x, ar + blk * block_size + 2 * p, 4);
                    s = _mm512_add_epi32(s, _mm512_madd_epi16(_mm512_set1_epi32(x), _mm512_loadu_si512((const void *)(bp + 32 * p))));
                }
                acc = block_step(acc, s, unit, sa[r * ldsa + blk], sg + blk * 16);
            }
            _mm512_mask_storeu_ps(out + r * ldo + 16 * g, mask, acc);
        }
    }
}

#else
void qarch_block_dot_tile(const int16_t *a, int64_t lda, const double *sa, int64_t ldsa, const int16_t *b,
                          const double *sb, int64_t blocks, int64_t block_size, double unit,
                          int64_t rows, int64_t cols, float *out, int64_t ldo) {
    (void)a; (void)lda; (void)sa; (void)ldsa; (void)b; (void)sb; (void)blocks; (void)block_size; (void)unit;
    (void)rows; (void)cols; (void)out; (void)ldo;
}
#endif

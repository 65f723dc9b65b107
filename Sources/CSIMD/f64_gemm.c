// The float64 reference GEMM's tile (AVX-512 F), called only after
// qarch_simd_avx512_available() said yes (see CSIMD.h). Products and sums are separate
// IEEE double operations (never fused), each output summed in increasing k from its value.
#include "CSIMD.h"

#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

#define TARGET __attribute__((target("avx512f")))

/// K rows of a packed 16-column panel of B (128 · 16 doubles = 16 KiB, in L1 while the rows pass).
enum { KB = 128 };

/// Lane masks of a 16-column panel `width` wide (1…16): low and high 8 columns.
TARGET static inline void panel_masks(int64_t width, __mmask8 *lo, __mmask8 *hi) {
    *lo = width >= 8 ? (__mmask8)0xFF : (__mmask8)((1u << width) - 1);
    *hi = width >= 16 ? (__mmask8)0xFF : width > 8 ? (__mmask8)((1u << (width - 8)) - 1) : (__mmask8)0;
}

/// C[8 × width] += A[8 × kl] · panel[kl × 16], k in order; `a` at the block's first row
/// and k, `c` at its first output.
TARGET static inline void block8(const double *a, int64_t lda, const double *panel, int64_t kl,
                                 double *c, int64_t ldc, __mmask8 lo, __mmask8 hi) {
    __m512d s[8][2];
    for (int i = 0; i < 8; i++) {
        s[i][0] = _mm512_maskz_loadu_pd(lo, c + i * ldc);
        s[i][1] = _mm512_maskz_loadu_pd(hi, c + i * ldc + 8);
    }
    for (int64_t t = 0; t < kl; t++) {
        __m512d p0 = _mm512_load_pd(panel + 16 * t), p1 = _mm512_load_pd(panel + 16 * t + 8);
        for (int i = 0; i < 8; i++) {
            __m512d x = _mm512_set1_pd(a[i * lda + t]);
            __m512d q0 = _mm512_mul_pd(x, p0);
            __m512d q1 = _mm512_mul_pd(x, p1);
            s[i][0] = _mm512_add_pd(s[i][0], q0);
            s[i][1] = _mm512_add_pd(s[i][1], q1);
        }
    }
    for (int i = 0; i < 8; i++) {
        _mm512_mask_storeu_pd(c + i * ldc, lo, s[i][0]);
        _mm512_mask_storeu_pd(c + i * ldc + 8, hi, s[i][1]);
    }
}

/// One row of `block8`.
TARGET static inline void block1(const double *a, const double *panel, int64_t kl, double *c,
                                 __mmask8 lo, __mmask8 hi) {
    __m512d s0 = _mm512_maskz_loadu_pd(lo, c), s1 = _mm512_maskz_loadu_pd(hi, c + 8);
    for (int64_t t = 0; t < kl; t++) {
        __m512d x = _mm512_set1_pd(a[t]);
        __m512d q0 = _mm512_mul_pd(x, _mm512_load_pd(panel + 16 * t));
        __m512d q1 = _mm512_mul_pd(x, _mm512_load_pd(panel + 16 * t + 8));
        s0 = _mm512_add_pd(s0, q0);
        s1 = _mm512_add_pd(s1, q1);
    }
    _mm512_mask_storeu_pd(c, lo, s0);
    _mm512_mask_storeu_pd(c + 8, hi, s1);
}

TARGET
void qarch_f64_gemm_tile(const double *a, int64_t lda, const double *b, int64_t ldb, double *c, int64_t ldc,
                         int64_t rows, int64_t cols, int64_t k) {
    double panel[KB * 16] __attribute__((aligned(64)));
    // K blocks outermost (ascending, so every output still sees k = 0, 1, … in order); the
    // tile's A block stays in L2 while the column panels pass.
    for (int64_t k0 = 0; k0 < k; k0 += KB) {
        int64_t kl = k - k0 < KB ? k - k0 : KB;
        for (int64_t j0 = 0; j0 < cols; j0 += 16) {
            int64_t width = cols - j0 < 16 ? cols - j0 : 16;
            __mmask8 lo, hi;
            panel_masks(width, &lo, &hi);
            for (int64_t t = 0; t < kl; t++) {
                const double *row = b + (k0 + t) * ldb + j0;
                _mm512_store_pd(panel + 16 * t, _mm512_maskz_loadu_pd(lo, row));
                _mm512_store_pd(panel + 16 * t + 8, _mm512_maskz_loadu_pd(hi, row + 8));
            }
            int64_t r = 0;
            for (; r + 8 <= rows; r += 8) block8(a + r * lda + k0, lda, panel, kl, c + r * ldc + j0, ldc, lo, hi);
            for (; r < rows; r++) block1(a + r * lda + k0, panel, kl, c + r * ldc + j0, lo, hi);
        }
    }
}

#else
void qarch_f64_gemm_tile(const double *a, int64_t lda, const double *b, int64_t ldb, double *c, int64_t ldc,
                         int64_t rows, int64_t cols, int64_t k) {
    (void)a; (void)lda; (void)b; (void)ldb; (void)c; (void)ldc; (void)rows; (void)cols; (void)k;
}
#endif

// FP32 fused multiply-add GEMM blocks (AVX2 + FMA), called only after
// qarch_simd_fma_available() said yes (see CSIMD.h).
#include "CSIMD.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

int qarch_simd_fma_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

__attribute__((target("avx2,fma")))
void qarch_fp32_fma_block(const float *a, int64_t lda, const float *w, int64_t ldw,
                          const int64_t *chunk_ends, int64_t chunks, float *out, int64_t ldo) {
    // 4 rows × 16 columns: 8 chains of fused multiply-adds, each its own column's partial sum.
    __m256 acc[4][2];
    for (int r = 0; r < 4; r++) { acc[r][0] = _mm256_setzero_ps(); acc[r][1] = _mm256_setzero_ps(); }
    int64_t start = 0;
    for (int64_t ch = 0; ch < chunks; ch++) {
        __m256 p00 = _mm256_setzero_ps(), p01 = p00, p10 = p00, p11 = p00, p20 = p00, p21 = p00, p30 = p00, p31 = p00;
        for (int64_t k = start; k < chunk_ends[ch]; k++) {
            __m256 w0 = _mm256_loadu_ps(w + k * ldw), w1 = _mm256_loadu_ps(w + k * ldw + 8);
            __m256 x0 = _mm256_broadcast_ss(a + k), x1 = _mm256_broadcast_ss(a + lda + k);
            __m256 x2 = _mm256_broadcast_ss(a + 2 * lda + k), x3 = _mm256_broadcast_ss(a + 3 * lda + k);
            p00 = _mm256_fmadd_ps(x0, w0, p00); p01 = _mm256_fmadd_ps(x0, w1, p01);
            p10 = _mm256_fmadd_ps(x1, w0, p10); p11 = _mm256_fmadd_ps(x1, w1, p11);
            p20 = _mm256_fmadd_ps(x2, w0, p20); p21 = _mm256_fmadd_ps(x2, w1, p21);
            p30 = _mm256_fmadd_ps(x3, w0, p30); p31 = _mm256_fmadd_ps(x3, w1, p31);
        }
        acc[0][0] = _mm256_add_ps(acc[0][0], p00); acc[0][1] = _mm256_add_ps(acc[0][1], p01);
        acc[1][0] = _mm256_add_ps(acc[1][0], p10); acc[1][1] = _mm256_add_ps(acc[1][1], p11);
        acc[2][0] = _mm256_add_ps(acc[2][0], p20); acc[2][1] = _mm256_add_ps(acc[2][1], p21);
        acc[3][0] = _mm256_add_ps(acc[3][0], p30); acc[3][1] = _mm256_add_ps(acc[3][1], p31);
        start = chunk_ends[ch];
    }
    for (int r = 0; r < 4; r++) {
        _mm256_storeu_ps(out + r * ldo, acc[r][0]);
        _mm256_storeu_ps(out + r * ldo + 8, acc[r][1]);
    }
}

#else
int qarch_simd_fma_available(void) { return 0; }
void qarch_fp32_fma_block(const float *a, int64_t lda, const float *w, int64_t ldw,
                          const int64_t *chunk_ends, int64_t chunks, float *out, int64_t ldo) {
    (void)a; (void)lda; (void)w; (void)ldw; (void)chunk_ends; (void)chunks; (void)out; (void)ldo;
}
#endif

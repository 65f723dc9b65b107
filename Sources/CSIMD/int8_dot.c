// INT8 dot products with 32-bit wrap-around sums (AVX-512 F + BW, and VNNI's vpdpwssd where
// the CPU has it), called only after qarch_simd_avx512bw_available() said yes (see CSIMD.h).
#include "CSIMD.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

int qarch_simd_avx512bw_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl");
}

#define TARGET __attribute__((target("avx512f,avx512bw,avx512vl")))

/// 32 int8 values from `p` (the first `count` of them, the rest zero) as 32 int16 lanes.
TARGET static inline __m512i widen(const int8_t *p, int64_t count) {
    __mmask32 m = count >= 32 ? (__mmask32)0xFFFFFFFFu : (__mmask32)((1u << count) - 1);
    return _mm512_cvtepi8_epi16(_mm256_maskz_loadu_epi8(m, p));
}

// vpmaddwd adds two int16 products into an int32 lane: |a·w| ≤ 2^14 for int8 a and w, so the
// pair sum (≤ 2^15) is exact, and every later add wraps modulo 2^32, the sum's register bits.

/// out[i·ldo + j] = Σ_t a[i·lda + t]·w[j·ldw + t] (mod 2^32) for a 4 × 4 block, with
/// ACCUMULATE(s, x, y) adding the pair products of x and y into the int32 lanes of s. One body
/// makes both forms, which differ only in that step and in their target features.
#define DEFINE_BLOCK4X4(NAME, FEATURES, ACCUMULATE)                                                        \
    __attribute__((target(FEATURES))) static inline void NAME(const int8_t *a, int64_t lda, const int8_t *w, \
                                                              int64_t ldw, int64_t len, int32_t *out, int64_t ldo) { \
        __m512i s[4][4];                                                                                    \
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) s[i][j] = _mm512_setzero_si512();           \
        for (int64_t t = 0; t < len; t += 32) {                                                             \
            int64_t count = len - t;                                                                        \
            __m512i x[4], y[4];                                                                             \
            for (int i = 0; i < 4; i++) x[i] = widen(a + i * lda + t, count);                               \
            for (int j = 0; j < 4; j++) y[j] = widen(w + j * ldw + t, count);                               \
            for (int i = 0; i < 4; i++)                                                                     \
                for (int j = 0; j < 4; j++) s[i][j] = ACCUMULATE(s[i][j], x[i], y[j]);                      \
        }                                                                                                   \
        for (int i = 0; i < 4; i++)                                                                         \
            for (int j = 0; j < 4; j++) out[i * ldo + j] = _mm512_reduce_add_epi32(s[i][j]);                \
    }

#define MADD_ADD(s, x, y) _mm512_add_epi32((s), _mm512_madd_epi16((x), (y)))
DEFINE_BLOCK4X4(block4x4, "avx512f,avx512bw,avx512vl", MADD_ADD)

/// `block4x4` with AVX-512 VNNI: `vpdpwssd` does `vpmaddwd` and the wrapping `vpaddd` in one
/// instruction (the non-saturating form), so the lanes hold the same sums.
DEFINE_BLOCK4X4(block4x4_vnni, "avx512f,avx512bw,avx512vl,avx512vnni", _mm512_dpwssd_epi32)

int qarch_simd_avx512vnni_available(void) {
    __builtin_cpu_init();
    return qarch_simd_avx512bw_available() && __builtin_cpu_supports("avx512vnni");
}

/// One output of `block4x4`.
TARGET static inline int32_t dot1(const int8_t *a, const int8_t *w, int64_t len) {
    __m512i s = _mm512_setzero_si512();
    for (int64_t t = 0; t < len; t += 32) s = _mm512_add_epi32(s, _mm512_madd_epi16(widen(a + t, len - t), widen(w + t, len - t)));
    return _mm512_reduce_add_epi32(s);
}

TARGET
void qarch_int8_dot_tile(const int8_t *a, int64_t lda, const int8_t *w, int64_t ldw, int64_t len,
                         int64_t rows, int64_t cols, int32_t *out, int64_t ldo, int vnni) {
    int64_t j = 0;
    for (; j + 4 <= cols; j += 4) {
        int64_t i = 0;
        for (; i + 4 <= rows; i += 4) {
            if (vnni) block4x4_vnni(a + i * lda, lda, w + j * ldw, ldw, len, out + i * ldo + j, ldo);
            else block4x4(a + i * lda, lda, w + j * ldw, ldw, len, out + i * ldo + j, ldo);
        }
        for (; i < rows; i++)
            for (int64_t jj = j; jj < j + 4; jj++) out[i * ldo + jj] = dot1(a + i * lda, w + jj * ldw, len);
    }
    for (; j < cols; j++)
        for (int64_t i = 0; i < rows; i++) out[i * ldo + j] = dot1(a + i * lda, w + j * ldw, len);
}

#else
int qarch_simd_avx512bw_available(void) { return 0; }
int qarch_simd_avx512vnni_available(void) { return 0; }
void qarch_int8_dot_tile(const int8_t *a, int64_t lda, const int8_t *w, int64_t ldw, int64_t len,
                         int64_t rows, int64_t cols, int32_t *out, int64_t ldo, int vnni) {
    (void)a; (void)lda; (void)w; (void)ldw; (void)len; (void)rows; (void)cols; (void)out; (void)ldo; (void)vnni;
}
#endif

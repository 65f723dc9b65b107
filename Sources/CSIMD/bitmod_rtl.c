// BitMoD's rtl datapath (BitMoDRTLFastKernel.swift) for 32 columns at once (AVX-512 F + CD),
// called only after qarch_simd_avx512_available() said yes (see CSIMD.h).
#include "CSIMD.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

#define TARGET __attribute__((target("avx512f,avx512cd")))

/// One lane's packed table entry for 8 columns: the k's 16 entries (two registers) indexed by
/// the columns' weight-term states.
TARGET static inline __m512i lookup(__m512i lo, __m512i hi, const uint8_t *states) {
    __m512i idx = _mm512_cvtepu8_epi64(_mm_loadl_epi64((const __m128i *)states));
    return _mm512_permutex2var_epi64(lo, idx, hi);
}

/// One cycle of 8 columns: the 4 lanes' packed entries e0…e3, then the group accumulator.
TARGET static inline void step(__m512i e0, __m512i e1, __m512i e2, __m512i e3, __m512i *exponent, __m512i *mantissa) {
    const __m512i one = _mm512_set1_epi64(1), six3 = _mm512_set1_epi64(63), zero = _mm512_setzero_si512();
    const __m512i fourteen = _mm512_set1_epi64(14), seven = _mm512_set1_epi64(7);
    __m512i v0 = _mm512_and_si512(_mm512_srli_epi64(e0, 1), six3), v1 = _mm512_and_si512(_mm512_srli_epi64(e1, 1), six3);
    __m512i v2 = _mm512_and_si512(_mm512_srli_epi64(e2, 1), six3), v3 = _mm512_and_si512(_mm512_srli_epi64(e3, 1), six3);
    __m512i vmax = _mm512_max_epi64(_mm512_max_epi64(v0, v1), _mm512_max_epi64(v2, v3));
    __m512i negatives = _mm512_add_epi64(_mm512_add_epi64(_mm512_and_si512(e0, one), _mm512_and_si512(e1, one)),
                                 _mm512_add_epi64(_mm512_and_si512(e2, one), _mm512_and_si512(e3, one)));
    __m512i shift = _mm512_add_epi64(vmax, seven);   // Z sits 7 bits up (|Z| < 2^50)
    __m512i psum = _mm512_add_epi64(_mm512_add_epi64(_mm512_srav_epi64(e0, shift), _mm512_srav_epi64(e1, shift)),
                                    _mm512_add_epi64(_mm512_srav_epi64(e2, shift), _mm512_srav_epi64(e3, shift)));
    psum = _mm512_add_epi64(psum, negatives);
    __m512i maxExp = _mm512_max_epi64(*exponent, vmax);
    __m512i inShift = _mm512_sub_epi64(maxExp, vmax), accShift = _mm512_sub_epi64(maxExp, *exponent);
    __m512i inAligned = _mm512_maskz_mov_epi64(_mm512_cmplt_epi64_mask(inShift, fourteen), _mm512_srav_epi64(psum, inShift));
    __m512i accAligned = _mm512_maskz_mov_epi64(_mm512_cmplt_epi64_mask(accShift, fourteen), _mm512_srav_epi64(*mantissa, accShift));
    __m512i sum = _mm512_add_epi64(inAligned, accAligned);
    __m512i length = _mm512_sub_epi64(_mm512_set1_epi64(64), _mm512_lzcnt_epi64(_mm512_abs_epi64(sum)));
    __m512i normalize = _mm512_max_epi64(_mm512_sub_epi64(length, fourteen), zero);
    *exponent = _mm512_and_si512(_mm512_add_epi64(maxExp, normalize), six3);
    *mantissa = _mm512_srav_epi64(sum, normalize);
}

TARGET void qarch_bitmod_rtl_group(const int64_t *table, const uint8_t *states, const int32_t *quad_k,
                                   const int32_t *quad_lanes, int64_t quads, int64_t cycles,
                                   int64_t *exponent, int64_t *mantissa) {
    __m512i x0 = _mm512_setzero_si512(), x1 = x0, x2 = x0, x3 = x0, m0 = x0, m1 = x0, m2 = x0, m3 = x0;
    const __m512i zero = _mm512_setzero_si512();
    for (int64_t q = 0; q < quads; q++) {
        // The 4 lanes' tables (16 entries of their k), zero past the group's end.
        __m512i lo[4], hi[4];
        for (int i = 0; i < 4; i++) {
            if (i < quad_lanes[q]) {
                const int64_t *t = table + (int64_t)(quad_k[q] + i) * 16;
                lo[i] = _mm512_loadu_si512((const void *)t);
                hi[i] = _mm512_loadu_si512((const void *)(t + 8));
            } else {
                lo[i] = hi[i] = zero;
            }
        }
        for (int64_t c = 0; c < cycles; c++) {
            const uint8_t *s = states + (q * cycles + c) * 4 * 32;   // [lane][32 columns]
            step(lookup(lo[0], hi[0], s), lookup(lo[1], hi[1], s + 32), lookup(lo[2], hi[2], s + 64),
                 lookup(lo[3], hi[3], s + 96), &x0, &m0);
            step(lookup(lo[0], hi[0], s + 8), lookup(lo[1], hi[1], s + 40), lookup(lo[2], hi[2], s + 72),
                 lookup(lo[3], hi[3], s + 104), &x1, &m1);
            step(lookup(lo[0], hi[0], s + 16), lookup(lo[1], hi[1], s + 48), lookup(lo[2], hi[2], s + 80),
                 lookup(lo[3], hi[3], s + 112), &x2, &m2);
            step(lookup(lo[0], hi[0], s + 24), lookup(lo[1], hi[1], s + 56), lookup(lo[2], hi[2], s + 88),
                 lookup(lo[3], hi[3], s + 120), &x3, &m3);
        }
    }
    _mm512_storeu_si512((void *)(exponent + 0), x0); _mm512_storeu_si512((void *)(exponent + 8), x1);
    _mm512_storeu_si512((void *)(exponent + 16), x2); _mm512_storeu_si512((void *)(exponent + 24), x3);
    _mm512_storeu_si512((void *)(mantissa + 0), m0); _mm512_storeu_si512((void *)(mantissa + 8), m1);
    _mm512_storeu_si512((void *)(mantissa + 16), m2); _mm512_storeu_si512((void *)(mantissa + 24), m3);
}

#else
void qarch_bitmod_rtl_group(const int64_t *table, const uint8_t *states, const int32_t *quad_k,
                            const int32_t *quad_lanes, int64_t quads, int64_t cycles,
                            int64_t *exponent, int64_t *mantissa) {
    (void)table; (void)states; (void)quad_k; (void)quad_lanes; (void)quads; (void)cycles; (void)exponent; (void)mantissa;
}
#endif

#ifndef QARCH_CMPFR_SHIM_H
#define QARCH_CMPFR_SHIM_H
#include <stdio.h>
#include <stdint.h>
#include <gmp.h>
#include <mpfr.h>

/* Wrappers for MPFR entry points that are macros and so invisible to Swift. */
static inline int qarch_mpfr_round_nearest_away_set(mpfr_ptr rop, mpfr_srcptr op) {
    return mpfr_round_nearest_away(mpfr_set, rop, op);
}
static inline int qarch_mpfr_round_nearest_away_set_d(mpfr_ptr rop, double d) {
    return mpfr_round_nearest_away(mpfr_set_d, rop, d);
}
static inline int qarch_mpfr_round_nearest_away_add(mpfr_ptr rop, mpfr_srcptr a, mpfr_srcptr b) {
    return mpfr_round_nearest_away(mpfr_add, rop, a, b);
}
static inline int qarch_mpfr_round_nearest_away_mul(mpfr_ptr rop, mpfr_srcptr a, mpfr_srcptr b) {
    return mpfr_round_nearest_away(mpfr_mul, rop, a, b);
}
static inline int qarch_mpfr_init_set_d(mpfr_ptr rop, double d, mpfr_prec_t prec) {
    mpfr_init2(rop, prec);
    return mpfr_set_d(rop, d, MPFR_RNDN);
}
static inline int qarch_mpfr_signbit(mpfr_srcptr x) { return mpfr_signbit(x); }
static inline int qarch_mpfr_sgn(mpfr_srcptr x) { return mpfr_sgn(x); }
static inline int qarch_mpfr_nan_p(mpfr_srcptr x) { return mpfr_nan_p(x); }
static inline int qarch_mpfr_inf_p(mpfr_srcptr x) { return mpfr_inf_p(x); }
static inline int qarch_mpfr_zero_p(mpfr_srcptr x) { return mpfr_zero_p(x); }
static inline mpfr_exp_t qarch_mpfr_get_exp(mpfr_srcptr x) { return mpfr_get_exp(x); }
static inline int qarch_mpfr_cmp(mpfr_srcptr a, mpfr_srcptr b) { return mpfr_cmp(a, b); }
static inline int qarch_mpfr_round_nearest_away_fma(mpfr_ptr rop, mpfr_srcptr a, mpfr_srcptr b, mpfr_srcptr c) {
    return mpfr_round_nearest_away(mpfr_fma, rop, a, b, c);
}
#endif

#ifndef CDRATE_CCARRYLESS_H
#define CDRATE_CCARRYLESS_H
#if defined(__x86_64__)
#include <emmintrin.h>
#include <wmmintrin.h>

/// `_mm_clmulepi64_si128` is a macro in the compiler's headers; Swift cannot call
/// macros, so these wrap it: the carry-less product of the low (high) 64-bit halves of
/// `a` and `b`. Only for code compiled for PCLMULQDQ (`CRCInstructions`).
static inline __attribute__((target("pclmul"))) __m128i cdrate_clmul_low(__m128i a, __m128i b) {
    return _mm_clmulepi64_si128(a, b, 0x00);
}

static inline __attribute__((target("pclmul"))) __m128i cdrate_clmul_high(__m128i a, __m128i b) {
    return _mm_clmulepi64_si128(a, b, 0x11);
}
#endif
#endif

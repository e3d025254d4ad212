// IQ4_NL: 32 elements, half scale d, value levels[q]·d for a 4-bit index q into sixteen
// non-linear levels; nibbles laid out as Q4_0. Multiplies against Q8_0.
#include "blocks.h"

void pk_dequantize_iq4_nl(const void *source, float *y, int64_t count) {
    const block_iq4_nl *x = source;
    for (int64_t i = 0; i < count / QK; i++) {
        const float d = pk_half_to_float(x[i].d);
        for (int j = 0; j < QK / 2; j++) {
            y[i * QK + j] = d * pk_iq4nl_levels[x[i].qs[j] & 0x0F];
            y[i * QK + j + QK / 2] = d * pk_iq4nl_levels[x[i].qs[j] >> 4];
        }
    }
}

float pk_dot_iq4_nl_ref(const void *weights, const void *activations, int count) {
    const block_iq4_nl *x = weights;
    const block_q8_0 *y = activations;
    float sum = 0;
    for (int i = 0; i < count / QK; i++) {
        int dot = 0;
        for (int j = 0; j < QK / 2; j++) {
            dot += pk_iq4nl_levels[x[i].qs[j] & 0x0F] * y[i].qs[j]
                 + pk_iq4nl_levels[x[i].qs[j] >> 4] * y[i].qs[j + QK / 2];
        }
        sum += dot * (pk_half_to_float(x[i].d) * pk_half_to_float(y[i].d));
    }
    return sum;
}

#if defined(PK_AVX2)
static inline __m256i iq4_nl_unpack(const uint8_t *block) {
    const __m256i levels = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)pk_iq4nl_levels));
    return _mm256_shuffle_epi8(levels, pk_unpack_nibbles(((const block_iq4_nl *)block)->qs));
}
#endif

static inline __attribute__((always_inline)) void iq4_nl_columns(const void *weights, const void *activations, size_t stride,
                                                                 const int n, int count, float *out) {
#if defined(PK_AVX2)
    pk_columns_signed_q8_0(iq4_nl_unpack, sizeof(block_iq4_nl), weights, activations, stride, n, count, out);
#else
    pk_columns_reference(pk_dot_iq4_nl_ref, weights, activations, stride, n, count, out);
#endif
}

PK_COLUMNS_ENTRY_POINTS(iq4_nl)
#if defined(PK_AVX2)
PK_ROWS2_ENTRY_POINT(iq4_nl, block_iq4_nl)
#endif

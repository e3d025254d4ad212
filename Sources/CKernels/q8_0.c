// Q8_0: 32 int8 quants with a half scale d, value q·d. Multiplies against Q8_0.
#include "blocks.h"

void pk_dequantize_q8_0(const void *source, float *y, int64_t count) {
    const block_q8_0 *x = source;
    for (int64_t i = 0; i < count / QK; i++) {
        const float d = pk_half_to_float(x[i].d);
        for (int j = 0; j < QK; j++) y[i * QK + j] = x[i].qs[j] * d;
    }
}

float pk_dot_q8_0_ref(const void *weights, const void *activations, int count) {
    const block_q8_0 *x = weights;
    const block_q8_0 *y = activations;
    float sum = 0;
    for (int i = 0; i < count / QK; i++) {
        int dot = 0;
        for (int j = 0; j < QK; j++) dot += x[i].qs[j] * y[i].qs[j];
        sum += dot * (pk_half_to_float(x[i].d) * pk_half_to_float(y[i].d));
    }
    return sum;
}

#if defined(PK_AVX2)
static inline __m256i q8_0_unpack(const uint8_t *block) {
    return _mm256_loadu_si256((const __m256i *)((const block_q8_0 *)block)->qs);
}
#endif

static inline __attribute__((always_inline)) void q8_0_columns(const void *weights, const void *activations, size_t stride,
                                                               const int n, int count, float *out) {
#if defined(PK_AVX2)
    pk_columns_signed_q8_0(q8_0_unpack, sizeof(block_q8_0), weights, activations, stride, n, count, out);
#else
    pk_columns_reference(pk_dot_q8_0_ref, weights, activations, stride, n, count, out);
#endif
}

PK_COLUMNS_ENTRY_POINTS(q8_0)
#if defined(PK_AVX2)
PK_ROWS2_ENTRY_POINT(q8_0, block_q8_0)
#endif

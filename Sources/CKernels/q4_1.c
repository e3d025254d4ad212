// Q4_1: 32 elements, half scale d and offset m, value q·d + m. Multiplies against Q8_1,
// whose s = d·Σq carries the offset's share: Σ(q·d + m)·(q'·d') = d·d'·Σq·q' + m·s.
#include "blocks.h"

void pk_dequantize_q4_1(const void *source, float *y, int64_t count) {
    const block_q4_1 *x = source;
    for (int64_t i = 0; i < count / QK; i++) {
        const float d = pk_half_to_float(x[i].d), m = pk_half_to_float(x[i].m);
        for (int j = 0; j < QK / 2; j++) {
            y[i * QK + j] = (x[i].qs[j] & 0x0F) * d + m;
            y[i * QK + j + QK / 2] = (x[i].qs[j] >> 4) * d + m;
        }
    }
}

float pk_dot_q4_1_ref(const void *weights, const void *activations, int count) {
    const block_q4_1 *x = weights;
    const block_q8_1 *y = activations;
    float sum = 0;
    for (int i = 0; i < count / QK; i++) {
        int dot = 0;
        for (int j = 0; j < QK / 2; j++) {
            dot += (x[i].qs[j] & 0x0F) * y[i].qs[j] + (x[i].qs[j] >> 4) * y[i].qs[j + QK / 2];
        }
        sum += (pk_half_to_float(x[i].d) * pk_half_to_float(y[i].d)) * dot
             + pk_half_to_float(x[i].m) * pk_half_to_float(y[i].s);
    }
    return sum;
}

#if defined(PK_AVX2)
static inline __m256i q4_1_unpack(const uint8_t *block) { return pk_unpack_nibbles(((const block_q4_1 *)block)->qs); }
#endif

static inline __attribute__((always_inline)) void q4_1_columns(const void *weights, const void *activations, size_t stride,
                                                               const int n, int count, float *out) {
#if defined(PK_AVX2)
    pk_columns_unsigned_q8_1(q4_1_unpack, sizeof(block_q4_1), weights, activations, stride, n, count, out);
#else
    pk_columns_reference(pk_dot_q4_1_ref, weights, activations, stride, n, count, out);
#endif
}

PK_COLUMNS_ENTRY_POINTS(q4_1)

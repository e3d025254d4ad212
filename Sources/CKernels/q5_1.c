// Q5_1: 32 elements, half scale d and offset m, value q·d + m with q's bit 4 in qh as in
// Q5_0. Multiplies against Q8_1.
#include "blocks.h"

static inline int q5_1_quant(const block_q5_1 *x, int j) {
    uint32_t high;
    memcpy(&high, x->qh, 4);
    const int nibble = j < QK / 2 ? (x->qs[j] & 0x0F) : (x->qs[j - QK / 2] >> 4);
    return nibble | (((high >> j) & 1) << 4);
}

void pk_dequantize_q5_1(const void *source, float *y, int64_t count) {
    const block_q5_1 *x = source;
    for (int64_t i = 0; i < count / QK; i++) {
        const float d = pk_half_to_float(x[i].d), m = pk_half_to_float(x[i].m);
        for (int j = 0; j < QK; j++) y[i * QK + j] = q5_1_quant(&x[i], j) * d + m;
    }
}

float pk_dot_q5_1_ref(const void *weights, const void *activations, int count) {
    const block_q5_1 *x = weights;
    const block_q8_1 *y = activations;
    float sum = 0;
    for (int i = 0; i < count / QK; i++) {
        int dot = 0;
        for (int j = 0; j < QK; j++) dot += q5_1_quant(&x[i], j) * y[i].qs[j];
        sum += (pk_half_to_float(x[i].d) * pk_half_to_float(y[i].d)) * dot
             + pk_half_to_float(x[i].m) * pk_half_to_float(y[i].s);
    }
    return sum;
}

#if defined(PK_AVX2)
static inline __m256i q5_1_unpack(const uint8_t *bytes) {
    const block_q5_1 *block = (const block_q5_1 *)bytes;
    const __m256i high = _mm256_and_si256(pk_expand_bits(block->qh), _mm256_set1_epi8(0x10));
    return _mm256_or_si256(pk_unpack_nibbles(block->qs), high);
}
#endif

static inline __attribute__((always_inline)) void q5_1_columns(const void *weights, const void *activations, size_t stride,
                                                               const int n, int count, float *out) {
#if defined(PK_AVX2)
    pk_columns_unsigned_q8_1(q5_1_unpack, sizeof(block_q5_1), weights, activations, stride, n, count, out);
#else
    pk_columns_reference(pk_dot_q5_1_ref, weights, activations, stride, n, count, out);
#endif
}

PK_COLUMNS_ENTRY_POINTS(q5_1)

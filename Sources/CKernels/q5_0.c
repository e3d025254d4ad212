// Q5_0: 32 elements, half scale d, value (q − 16)·d; q's low 4 bits are nibbles as in Q4_0,
// bit 4 of element j is bit j of qh. Multiplies against Q8_0.
#include "blocks.h"

static inline int q5_0_quant(const block_q5_0 *x, int j) {
    uint32_t high;
    memcpy(&high, x->qh, 4);
    const int nibble = j < QK / 2 ? (x->qs[j] & 0x0F) : (x->qs[j - QK / 2] >> 4);
    return (nibble | (((high >> j) & 1) << 4)) - 16;
}

void pk_dequantize_q5_0(const void *source, float *y, int64_t count) {
    const block_q5_0 *x = source;
    for (int64_t i = 0; i < count / QK; i++) {
        const float d = pk_half_to_float(x[i].d);
        for (int j = 0; j < QK; j++) y[i * QK + j] = q5_0_quant(&x[i], j) * d;
    }
}

float pk_dot_q5_0_ref(const void *weights, const void *activations, int count) {
    const block_q5_0 *x = weights;
    const block_q8_0 *y = activations;
    float sum = 0;
    for (int i = 0; i < count / QK; i++) {
        int dot = 0;
        for (int j = 0; j < QK; j++) dot += q5_0_quant(&x[i], j) * y[i].qs[j];
        sum += dot * (pk_half_to_float(x[i].d) * pk_half_to_float(y[i].d));
    }
    return sum;
}

#if defined(PK_AVX2)
// q − 16 is the nibble where bit 4 is set and the nibble with the high bits set (−16) where not.
static inline __m256i q5_0_unpack(const uint8_t *bytes) {
    const block_q5_0 *block = (const block_q5_0 *)bytes;
    const __m256i clear = _mm256_andnot_si256(pk_expand_bits(block->qh), _mm256_set1_epi8((char)0xF0));
    return _mm256_or_si256(pk_unpack_nibbles(block->qs), clear);
}
#endif

static inline __attribute__((always_inline)) void q5_0_columns(const void *weights, const void *activations, size_t stride,
                                                               const int n, int count, float *out) {
#if defined(PK_AVX2)
    pk_columns_signed_q8_0(q5_0_unpack, sizeof(block_q5_0), weights, activations, stride, n, count, out);
#else
    pk_columns_reference(pk_dot_q5_0_ref, weights, activations, stride, n, count, out);
#endif
}

PK_COLUMNS_ENTRY_POINTS(q5_0)
#if defined(PK_AVX2)
PK_ROWS2_ENTRY_POINT(q5_0, block_q5_0)
#endif

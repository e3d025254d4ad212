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

float pk_dot_q5_0(const void *weights, const void *activations, int count) {
#if defined(PK_AVX2)
    const block_q5_0 *x = weights;
    const block_q8_0 *y = activations;
    __m256 accumulator = _mm256_setzero_ps();
    for (int i = 0; i < count / QK; i++) {
        // q − 16 is the nibble where bit 4 is set and the nibble with the high bits set (−16) where not.
        const __m256i clear = _mm256_andnot_si256(pk_expand_bits(x[i].qh), _mm256_set1_epi8((char)0xF0));
        const __m256i w = _mm256_or_si256(pk_unpack_nibbles(x[i].qs), clear);
        const __m256i a = _mm256_loadu_si256((const __m256i *)y[i].qs);
        const __m256 scale = _mm256_set1_ps(pk_half_to_float(x[i].d) * pk_half_to_float(y[i].d));
        accumulator = _mm256_fmadd_ps(scale, _mm256_cvtepi32_ps(pk_dot_i8_i8(w, a)), accumulator);
    }
    return pk_hsum_ps(accumulator);
#else
    return pk_dot_q5_0_ref(weights, activations, count);
#endif
}

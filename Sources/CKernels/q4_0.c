// Q4_0: 32 elements, one half scale d, value (q − 8)·d. Multiplies against Q8_0.
#include "blocks.h"

void pk_dequantize_q4_0(const void *source, float *y, int64_t count) {
    const block_q4_0 *x = source;
    for (int64_t i = 0; i < count / QK; i++) {
        const float d = pk_half_to_float(x[i].d);
        for (int j = 0; j < QK / 2; j++) {
            y[i * QK + j] = ((x[i].qs[j] & 0x0F) - 8) * d;
            y[i * QK + j + QK / 2] = ((x[i].qs[j] >> 4) - 8) * d;
        }
    }
}

float pk_dot_q4_0_ref(const void *weights, const void *activations, int count) {
    const block_q4_0 *x = weights;
    const block_q8_0 *y = activations;
    float sum = 0;
    for (int i = 0; i < count / QK; i++) {
        int dot = 0;
        for (int j = 0; j < QK / 2; j++) {
            dot += ((x[i].qs[j] & 0x0F) - 8) * y[i].qs[j] + ((x[i].qs[j] >> 4) - 8) * y[i].qs[j + QK / 2];
        }
        sum += dot * (pk_half_to_float(x[i].d) * pk_half_to_float(y[i].d));
    }
    return sum;
}

float pk_dot_q4_0(const void *weights, const void *activations, int count) {
#if defined(PK_AVX2)
    const block_q4_0 *x = weights;
    const block_q8_0 *y = activations;
    __m256 accumulator = _mm256_setzero_ps();
    for (int i = 0; i < count / QK; i++) {
        const __m256i w = _mm256_sub_epi8(pk_unpack_nibbles(x[i].qs), _mm256_set1_epi8(8));
        const __m256i a = _mm256_loadu_si256((const __m256i *)y[i].qs);
        const __m256 scale = _mm256_set1_ps(pk_half_to_float(x[i].d) * pk_half_to_float(y[i].d));
        accumulator = _mm256_fmadd_ps(scale, _mm256_cvtepi32_ps(pk_dot_i8_i8(w, a)), accumulator);
    }
    return pk_hsum_ps(accumulator);
#else
    return pk_dot_q4_0_ref(weights, activations, count);
#endif
}

// Q2_K: super-blocks of 256 in 16 sub-blocks of 16; each scale byte holds a 4-bit scale
// (low) and a 4-bit min (high) under half super-scales d and dmin: value
// d·scale·q − dmin·min, q 2 bits. Element n·128 + 32j + l (l < 32) is bits 2j..2j+1 of
// qs[32n + l]. Multiplies against Q8_K.
#include "blocks.h"

static inline int q2_K_quant(const block_q2_K *x, int element) {
    const int n = element / 128, j = (element % 128) / 32, l = element % 32;
    return (x->qs[32 * n + l] >> (2 * j)) & 3;
}

void pk_dequantize_q2_K(const void *source, float *y, int64_t count) {
    const block_q2_K *x = source;
    for (int64_t i = 0; i < count / QK_K; i++) {
        const float d = pk_half_to_float(x[i].d), dmin = pk_half_to_float(x[i].dmin);
        for (int sub = 0; sub < 16; sub++) {
            const float dl = d * (x[i].scales[sub] & 0x0F), ml = dmin * (x[i].scales[sub] >> 4);
            for (int l = 0; l < 16; l++) *y++ = dl * q2_K_quant(&x[i], 16 * sub + l) - ml;
        }
    }
}

float pk_dot_q2_K_ref(const void *weights, const void *activations, int count) {
    const block_q2_K *x = weights;
    const block_q8_K *y = activations;
    float sum = 0;
    for (int i = 0; i < count / QK_K; i++) {
        int scaled = 0, mins = 0;
        for (int sub = 0; sub < 16; sub++) {
            int dot = 0;
            for (int l = 0; l < 16; l++) dot += q2_K_quant(&x[i], 16 * sub + l) * y[i].qs[16 * sub + l];
            scaled += (x[i].scales[sub] & 0x0F) * dot;
            mins += (x[i].scales[sub] >> 4) * y[i].bsums[sub];
        }
        sum += y[i].d * pk_half_to_float(x[i].d) * scaled - y[i].d * pk_half_to_float(x[i].dmin) * mins;
    }
    return sum;
}

float pk_dot_q2_K(const void *weights, const void *activations, int count) {
#if defined(PK_AVX2)
    const block_q2_K *x = weights;
    const block_q8_K *y = activations;
    const __m256i three = _mm256_set1_epi8(3);
    __m256 accumulator = _mm256_setzero_ps();
    float minimums = 0;
    for (int i = 0; i < count / QK_K; i++) {
        const __m128i packed = _mm_loadu_si128((const __m128i *)x[i].scales);
        const __m256i mins = _mm256_cvtepu8_epi16(_mm_and_si128(_mm_srli_epi16(packed, 4), _mm_set1_epi8(0x0F)));
        minimums += y[i].d * pk_half_to_float(x[i].dmin)
                  * pk_hsum_epi32(_mm256_madd_epi16(mins, _mm256_loadu_si256((const __m256i *)y[i].bsums)));
        __m256i scaled = _mm256_setzero_si256();
        for (int n = 0; n < 2; n++) {
            const __m256i bits = _mm256_loadu_si256((const __m256i *)(x[i].qs + 32 * n));
            for (int j = 0; j < 4; j++) {
                const __m256i quants = _mm256_and_si256(_mm256_srli_epi16(bits, 2 * j), three);
                const __m256i products = _mm256_maddubs_epi16(quants, _mm256_loadu_si256((const __m256i *)(y[i].qs + 128 * n + 32 * j)));
                const int sub = 8 * n + 2 * j;
                const __m256i scale = _mm256_set_m128i(_mm_set1_epi16(x[i].scales[sub + 1] & 0x0F), _mm_set1_epi16(x[i].scales[sub] & 0x0F));
                scaled = _mm256_add_epi32(scaled, _mm256_madd_epi16(products, scale));
            }
        }
        accumulator = _mm256_fmadd_ps(_mm256_set1_ps(y[i].d * pk_half_to_float(x[i].d)), _mm256_cvtepi32_ps(scaled), accumulator);
    }
    return pk_hsum_ps(accumulator) - minimums;
#else
    return pk_dot_q2_K_ref(weights, activations, count);
#endif
}

PK_COLUMNS_BY_ROW(q2_K)

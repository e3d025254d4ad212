// Q5_K: Q4_K with a fifth bit per element: bit 2c of qh[l] is bit 4 of element l of
// sub-block 2c, bit 2c + 1 that of sub-block 2c + 1. Multiplies against Q8_K.
#include "blocks.h"

static inline int q5_K_quant(const block_q5_K *x, int sub, int l) {
    const uint8_t *q = x->qs + 32 * (sub / 2);
    const int nibble = sub % 2 ? q[l] >> 4 : q[l] & 0x0F;
    return nibble + ((x->qh[l] >> sub) & 1) * 16;
}

void pk_dequantize_q5_K(const void *source, float *y, int64_t count) {
    const block_q5_K *x = source;
    for (int64_t i = 0; i < count / QK_K; i++) {
        const float d = pk_half_to_float(x[i].d), dmin = pk_half_to_float(x[i].dmin);
        for (int sub = 0; sub < 8; sub++) {
            uint8_t scale, min;
            pk_scale_min_k4(sub, x[i].scales, &scale, &min);
            const float ds = d * scale, dm = dmin * min;
            for (int l = 0; l < 32; l++) *y++ = ds * q5_K_quant(&x[i], sub, l) - dm;
        }
    }
}

float pk_dot_q5_K_ref(const void *weights, const void *activations, int count) {
    const block_q5_K *x = weights;
    const block_q8_K *y = activations;
    float sum = 0;
    for (int i = 0; i < count / QK_K; i++) {
        int scaled = 0, mins = 0;
        for (int sub = 0; sub < 8; sub++) {
            uint8_t scale, min;
            pk_scale_min_k4(sub, x[i].scales, &scale, &min);
            int dot = 0;
            for (int l = 0; l < 32; l++) dot += q5_K_quant(&x[i], sub, l) * y[i].qs[32 * sub + l];
            scaled += scale * dot;
            mins += min * (y[i].bsums[2 * sub] + y[i].bsums[2 * sub + 1]);
        }
        sum += y[i].d * pk_half_to_float(x[i].d) * scaled - y[i].d * pk_half_to_float(x[i].dmin) * mins;
    }
    return sum;
}

float pk_dot_q5_K(const void *weights, const void *activations, int count) {
#if defined(PK_AVX2)
    const block_q5_K *x = weights;
    const block_q8_K *y = activations;
    const __m256i low = _mm256_set1_epi8(0x0F), sixteen = _mm256_set1_epi8(16);
    __m256 accumulator = _mm256_setzero_ps();
    float minimums = 0;
    for (int i = 0; i < count / QK_K; i++) {
        uint8_t scales[8];
        int mins = 0;
        for (int sub = 0; sub < 8; sub++) {
            uint8_t min;
            pk_scale_min_k4(sub, x[i].scales, &scales[sub], &min);
            mins += min * (y[i].bsums[2 * sub] + y[i].bsums[2 * sub + 1]);
        }
        minimums += y[i].d * pk_half_to_float(x[i].dmin) * mins;

        const __m256i high = _mm256_loadu_si256((const __m256i *)x[i].qh);
        __m256i scaled = _mm256_setzero_si256();
        for (int chunk = 0; chunk < 4; chunk++) {
            const __m256i bits = _mm256_loadu_si256((const __m256i *)(x[i].qs + 32 * chunk));
            const __m256i firstBit = _mm256_set1_epi8((char)(1 << (2 * chunk)));
            const __m256i secondBit = _mm256_set1_epi8((char)(2 << (2 * chunk)));
            const __m256i firstHigh = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(high, firstBit), firstBit), sixteen);
            const __m256i secondHigh = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(high, secondBit), secondBit), sixteen);
            const __m256i first = _mm256_maddubs_epi16(_mm256_or_si256(_mm256_and_si256(bits, low), firstHigh),
                                                       _mm256_loadu_si256((const __m256i *)(y[i].qs + 64 * chunk)));
            const __m256i second = _mm256_maddubs_epi16(_mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(bits, 4), low), secondHigh),
                                                        _mm256_loadu_si256((const __m256i *)(y[i].qs + 64 * chunk + 32)));
            scaled = _mm256_add_epi32(scaled, _mm256_madd_epi16(first, _mm256_set1_epi16(scales[2 * chunk])));
            scaled = _mm256_add_epi32(scaled, _mm256_madd_epi16(second, _mm256_set1_epi16(scales[2 * chunk + 1])));
        }
        accumulator = _mm256_fmadd_ps(_mm256_set1_ps(y[i].d * pk_half_to_float(x[i].d)), _mm256_cvtepi32_ps(scaled), accumulator);
    }
    return pk_hsum_ps(accumulator) - minimums;
#else
    return pk_dot_q5_K_ref(weights, activations, count);
#endif
}

PK_COLUMNS_BY_ROW(q5_K)

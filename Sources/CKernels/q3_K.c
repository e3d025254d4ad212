// Q3_K: super-blocks of 256 in 16 sub-blocks of 16 with 6-bit scales (stored − 32) under a
// half super-scale d: value d·(scale − 32)·q, q = (2 bits) − 4 unless the element's hmask
// bit is set. Element n·128 + 32j + l (l < 32) has its 2 bits at bits 2j..2j+1 of
// qs[32n + l] and its high bit at bit 4n + j of hmask[l]. Multiplies against Q8_K.
#include "blocks.h"

// The 16 scales (0..63, to be offset by −32) from the 12 packed bytes: low 4 bits in bytes
// 0..7 (two per byte), high 2 bits in bytes 8..11 (four per byte).
static inline void q3_K_scales(const uint8_t *packed, int8_t out[16]) {
    uint32_t words[4];
    memcpy(words, packed, 12);
    const uint32_t high = words[2];
    words[2] = ((words[0] >> 4) & 0x0F0F0F0F) | (((high >> 4) & 0x03030303) << 4);
    words[3] = ((words[1] >> 4) & 0x0F0F0F0F) | (((high >> 6) & 0x03030303) << 4);
    words[0] = (words[0] & 0x0F0F0F0F) | (((high >> 0) & 0x03030303) << 4);
    words[1] = (words[1] & 0x0F0F0F0F) | (((high >> 2) & 0x03030303) << 4);
    memcpy(out, words, 16);
}

// q + 4, in 0..7.
static inline int q3_K_biased(const block_q3_K *x, int element) {
    const int n = element / 128, j = (element % 128) / 32, l = element % 32;
    return ((x->qs[32 * n + l] >> (2 * j)) & 3) | (((x->hmask[l] >> (4 * n + j)) & 1) << 2);
}

void pk_dequantize_q3_K(const void *source, float *y, int64_t count) {
    const block_q3_K *x = source;
    for (int64_t i = 0; i < count / QK_K; i++) {
        const float d = pk_half_to_float(x[i].d);
        int8_t scales[16];
        q3_K_scales(x[i].scales, scales);
        for (int sub = 0; sub < 16; sub++) {
            const float dl = d * (scales[sub] - 32);
            for (int l = 0; l < 16; l++) *y++ = dl * (q3_K_biased(&x[i], 16 * sub + l) - 4);
        }
    }
}

float pk_dot_q3_K_ref(const void *weights, const void *activations, int count) {
    const block_q3_K *x = weights;
    const block_q8_K *y = activations;
    float sum = 0;
    for (int i = 0; i < count / QK_K; i++) {
        int8_t scales[16];
        q3_K_scales(x[i].scales, scales);
        int scaled = 0;
        for (int sub = 0; sub < 16; sub++) {
            int dot = 0;
            for (int l = 0; l < 16; l++) dot += (q3_K_biased(&x[i], 16 * sub + l) - 4) * y[i].qs[16 * sub + l];
            scaled += (scales[sub] - 32) * dot;
        }
        sum += y[i].d * pk_half_to_float(x[i].d) * scaled;
    }
    return sum;
}

float pk_dot_q3_K(const void *weights, const void *activations, int count) {
#if defined(PK_AVX2)
    const block_q3_K *x = weights;
    const block_q8_K *y = activations;
    const __m256i three = _mm256_set1_epi8(3), four = _mm256_set1_epi8(4);
    __m256 accumulator = _mm256_setzero_ps();
    for (int i = 0; i < count / QK_K; i++) {
        int8_t scales[16];
        q3_K_scales(x[i].scales, scales);
        // Each element's bias of −4 with its scale: −4·Σ (scale − 32)·(sub-block sum).
        const __m256i offsetScales = _mm256_sub_epi16(_mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)scales)), _mm256_set1_epi16(32));
        __m256i scaled = _mm256_mullo_epi32(_mm256_madd_epi16(offsetScales, _mm256_loadu_si256((const __m256i *)y[i].bsums)),
                                            _mm256_set1_epi32(-4));
        const __m256i hmask = _mm256_loadu_si256((const __m256i *)x[i].hmask);
        for (int n = 0; n < 2; n++) {
            const __m256i bits = _mm256_loadu_si256((const __m256i *)(x[i].qs + 32 * n));
            for (int j = 0; j < 4; j++) {
                const __m256i bit = _mm256_set1_epi8((char)(1 << (4 * n + j)));
                const __m256i highs = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(hmask, bit), bit), four);
                const __m256i quants = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(bits, 2 * j), three), highs);
                const __m256i products = _mm256_maddubs_epi16(quants, _mm256_loadu_si256((const __m256i *)(y[i].qs + 128 * n + 32 * j)));
                const int sub = 8 * n + 2 * j;
                const __m256i scale = _mm256_set_m128i(_mm_set1_epi16(scales[sub + 1] - 32), _mm_set1_epi16(scales[sub] - 32));
                scaled = _mm256_add_epi32(scaled, _mm256_madd_epi16(products, scale));
            }
        }
        accumulator = _mm256_fmadd_ps(_mm256_set1_ps(y[i].d * pk_half_to_float(x[i].d)), _mm256_cvtepi32_ps(scaled), accumulator);
    }
    return pk_hsum_ps(accumulator);
#else
    return pk_dot_q3_K_ref(weights, activations, count);
#endif
}

PK_COLUMNS_BY_ROW(q3_K)

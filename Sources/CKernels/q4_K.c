// Q4_K: super-blocks of 256 in 8 sub-blocks of 32, each with a 6-bit scale and min under
// the half super-scales d and dmin: value d·scale·q − dmin·min, q a nibble. Multiplies
// against Q8_K, whose per-16 sums carry the mins' share.
#include "blocks.h"

// The 8 scales (bytes 0..7) and 8 mins (bytes 8..15) of a block's 12 packed bytes.
static inline void q4_K_scales(const uint8_t *packed, uint8_t out[16]) {
    for (int j = 0; j < 8; j++) pk_scale_min_k4(j, packed, &out[j], &out[8 + j]);
}

void pk_dequantize_q4_K(const void *source, float *y, int64_t count) {
    const block_q4_K *x = source;
    for (int64_t i = 0; i < count / QK_K; i++) {
        const float d = pk_half_to_float(x[i].d), dmin = pk_half_to_float(x[i].dmin);
        uint8_t scales[16];
        q4_K_scales(x[i].scales, scales);
        // Each 32 bytes of quants hold two sub-blocks: low nibbles, then high nibbles.
        for (int chunk = 0; chunk < 4; chunk++) {
            const uint8_t *q = x[i].qs + 32 * chunk;
            const float d1 = d * scales[2 * chunk], m1 = dmin * scales[8 + 2 * chunk];
            const float d2 = d * scales[2 * chunk + 1], m2 = dmin * scales[8 + 2 * chunk + 1];
            for (int l = 0; l < 32; l++) *y++ = d1 * (q[l] & 0x0F) - m1;
            for (int l = 0; l < 32; l++) *y++ = d2 * (q[l] >> 4) - m2;
        }
    }
}

float pk_dot_q4_K_ref(const void *weights, const void *activations, int count) {
    const block_q4_K *x = weights;
    const block_q8_K *y = activations;
    float sum = 0;
    for (int i = 0; i < count / QK_K; i++) {
        uint8_t scales[16];
        q4_K_scales(x[i].scales, scales);
        int scaled = 0, mins = 0;
        for (int sub = 0; sub < 8; sub++) {
            const uint8_t *q = x[i].qs + 32 * (sub / 2);
            int dot = 0;
            for (int l = 0; l < 32; l++) dot += (sub % 2 ? q[l] >> 4 : q[l] & 0x0F) * y[i].qs[32 * sub + l];
            scaled += scales[sub] * dot;
            mins += scales[8 + sub] * (y[i].bsums[2 * sub] + y[i].bsums[2 * sub + 1]);
        }
        sum += y[i].d * pk_half_to_float(x[i].d) * scaled - y[i].d * pk_half_to_float(x[i].dmin) * mins;
    }
    return sum;
}

static inline __attribute__((always_inline)) void q4_K_columns(const void *weights, const void *activations, size_t stride,
                                                               const int n, int count, float *out) {
#if defined(PK_AVX2)
    const block_q4_K *x = weights;
    const __m256i low = _mm256_set1_epi8(0x0F);
    // Only the accumulators live across blocks, so they stay in registers; a block's nibbles
    // are re-masked for each activation row (cheap ALU work) and its scales read from L1.
    __m256 accumulator[PK_MAX_COLUMNS];
    for (int c = 0; c < n; c++) accumulator[c] = _mm256_setzero_ps();
    for (int i = 0; i < count / QK_K; i++) {
        // Scales to bytes 0..7, mins to bytes 8..15, with 32-bit masks.
        uint32_t packed[4];
        memcpy(packed, x[i].scales, 12);
        packed[3] = ((packed[2] >> 4) & 0x0F0F0F0F) | (((packed[1] >> 6) & 0x03030303) << 4);
        const uint32_t firstMins = packed[1] & 0x3F3F3F3F;
        packed[1] = (packed[2] & 0x0F0F0F0F) | (((packed[0] >> 6) & 0x03030303) << 4);
        packed[2] = firstMins;
        packed[0] &= 0x3F3F3F3F;
        const __m128i mins = _mm_cvtepu8_epi16(_mm_set_epi32(0, 0, (int)packed[3], (int)packed[2]));
        const __m256i scaleWords = _mm256_cvtepu8_epi16(_mm_set_epi32(0, 0, (int)packed[1], (int)packed[0]));
        __m256i scales[8];
        for (int sub = 0; sub < 8; sub++) {
            // Word `sub` of scaleWords in every lane.
            const __m256i pair = _mm256_permutevar8x32_epi32(scaleWords, _mm256_set1_epi32(sub / 2));
            scales[sub] = sub % 2 ? _mm256_srli_epi32(pair, 16) : _mm256_and_si256(pair, _mm256_set1_epi32(0xFFFF));
            scales[sub] = _mm256_or_si256(scales[sub], _mm256_slli_epi32(scales[sub], 16));
        }
        const float d = pk_half_to_float(x[i].d), dmin = pk_half_to_float(x[i].dmin);
        for (int c = 0; c < n; c++) {
            const block_q8_K *y = (const block_q8_K *)((const uint8_t *)activations + (size_t)c * stride) + i;
            __m256i scaled = _mm256_setzero_si256();
            for (int chunk = 0; chunk < 4; chunk++) {
                const __m256i bits = _mm256_loadu_si256((const __m256i *)(x[i].qs + 32 * chunk));
                const __m256i first = _mm256_maddubs_epi16(_mm256_and_si256(bits, low),
                                                           _mm256_loadu_si256((const __m256i *)(y->qs + 64 * chunk)));
                const __m256i second = _mm256_maddubs_epi16(_mm256_and_si256(_mm256_srli_epi16(bits, 4), low),
                                                            _mm256_loadu_si256((const __m256i *)(y->qs + 64 * chunk + 32)));
                scaled = _mm256_add_epi32(scaled, _mm256_madd_epi16(first, scales[2 * chunk]));
                scaled = _mm256_add_epi32(scaled, _mm256_madd_epi16(second, scales[2 * chunk + 1]));
            }
            accumulator[c] = _mm256_fmadd_ps(_mm256_set1_ps(y->d * d), _mm256_cvtepi32_ps(scaled), accumulator[c]);
            // − dmin·Σ min·(sum of the sub-block's activations), from the per-16 sums, in the low 4 lanes.
            const __m128i sums = _mm_hadd_epi16(_mm_loadu_si128((const __m128i *)y->bsums),
                                                _mm_loadu_si128((const __m128i *)(y->bsums + 8)));
            const __m256 minProducts = _mm256_cvtepi32_ps(_mm256_zextsi128_si256(_mm_madd_epi16(mins, sums)));
            accumulator[c] = _mm256_fnmadd_ps(_mm256_set1_ps(y->d * dmin), minProducts, accumulator[c]);
        }
    }
    for (int c = 0; c < n; c++) out[c] = pk_hsum_ps(accumulator[c]);
#else
    pk_columns_reference(pk_dot_q4_K_ref, weights, activations, stride, n, count, out);
#endif
}

PK_COLUMNS_ENTRY_POINTS(q4_K)

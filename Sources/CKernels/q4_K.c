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

// Eight rows interleaved (`block_q4_Kx8`), as Q5_0's packed rows: sub-block s's vector v holds
// quants 4v…4v+3 of every row in its low nibbles (row r at bytes 4r…4r+3) and quants
// 4(v+4)… in its high nibbles; the eight rows' 6-bit scales and mins sit unpacked beside
// them, ordered for 16-bit multiplies (scales[s][r]; mins[t][r][h] = min of sub-block 2t + h).
void pk_pack_q4_K_rows8(const void *source, size_t row_bytes, int rows, int columns, void *destination) {
    const int blocks = columns / QK_K;
    block_q4_Kx8 *out = destination;
    for (int group = 0; group < rows / 8; group++) {
        for (int i = 0; i < blocks; i++, out++) {
            memset(out, 0, sizeof *out);
            for (int r = 0; r < 8; r++) {
                const block_q4_K *x = (const block_q4_K *)((const uint8_t *)source + (size_t)(8 * group + r) * row_bytes) + i;
                out->d[r] = x->d;
                out->dmin[r] = x->dmin;
                uint8_t scales[16];
                q4_K_scales(x->scales, scales);
                for (int s = 0; s < 8; s++) {
                    out->scales[s][r] = scales[s];
                    out->mins[s / 2][r][s % 2] = scales[8 + s];
                    // Four quants at a time: sub-block s's are the low (s even) or high nibbles
                    // of its 32 bytes; vector v takes quants 4v… in its low nibbles, 4(v + 4)… in its high.
                    uint32_t words[8];
                    memcpy(words, x->qs + 32 * (s / 2), sizeof words);
                    for (int v = 0; v < 4; v++) {
                        const uint32_t first = s % 2 ? words[v] >> 4 & 0x0F0F0F0F : words[v] & 0x0F0F0F0F;
                        const uint32_t second = s % 2 ? words[v + 4] & 0xF0F0F0F0 : (words[v + 4] & 0x0F0F0F0F) << 4;
                        const uint32_t both = first | second;
                        memcpy(out->qs[s][v] + 4 * r, &both, 4);
                    }
                }
            }
        }
    }
}

void pk_dequantize_q4_K_rows8(const void *packed, int row, int columns, float *y) {
    const int blocks = columns / QK_K;
    const block_q4_Kx8 *x = (const block_q4_Kx8 *)packed + (size_t)(row / 8) * blocks;
    const int r = row % 8;
    for (int i = 0; i < blocks; i++) {
        const float d = pk_half_to_float(x[i].d[r]), dmin = pk_half_to_float(x[i].dmin[r]);
        for (int s = 0; s < 8; s++) {
            const float scale = d * x[i].scales[s][r], min = dmin * x[i].mins[s / 2][r][s % 2];
            for (int l = 0; l < 32; l++) {
                const int g = l / 4, j = l % 4;
                *y++ = scale * ((x[i].qs[s][g % 4][4 * r + j] >> (g >= 4 ? 4 : 0)) & 0x0F) - min;
            }
        }
    }
}

#if defined(PK_AVX2)
static inline __attribute__((always_inline)) void q4_K_rows8(const void *group, int blocks, const void *activations,
                                                            size_t stride, const int n, float *out) {
    const block_q4_Kx8 *x = group;
    const __m256i low = _mm256_set1_epi8(0x0F);
    __m256 accumulator[PK_MAX_COLUMNS];
    for (int c = 0; c < n; c++) accumulator[c] = _mm256_setzero_ps();
    for (int i = 0; i < blocks; i++) {
        __m256i sums[PK_MAX_COLUMNS];
        for (int c = 0; c < n; c++) sums[c] = _mm256_setzero_si256();
        for (int s = 0; s < 8; s++) {
            __m256i w[8];
            for (int v = 0; v < 4; v++) {
                const __m256i nibbles = _mm256_loadu_si256((const __m256i *)x[i].qs[s][v]);
                w[v] = _mm256_and_si256(nibbles, low);
                w[v + 4] = _mm256_and_si256(_mm256_srli_epi16(nibbles, 4), low);
            }
            // Row r's scale in both 16-bit halves of lane r.
            const __m256i scale = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)x[i].scales[s]));
            const __m256i scales = _mm256_or_si256(scale, _mm256_slli_epi32(scale, 16));
            for (int c = 0; c < n; c++) {
                const block_q8_K *y = (const block_q8_K *)((const uint8_t *)activations + (size_t)c * stride) + i;
                int32_t a[8];
                memcpy(a, y->qs + 32 * s, sizeof a);
                // Eight products per 16-bit lane stay below 8·2·15·127 < 2^15.
                __m256i products = _mm256_maddubs_epi16(w[0], _mm256_set1_epi32(a[0]));
                for (int g = 1; g < 8; g++) products = _mm256_add_epi16(products, _mm256_maddubs_epi16(w[g], _mm256_set1_epi32(a[g])));
                sums[c] = _mm256_add_epi32(sums[c], _mm256_madd_epi16(products, scales));
            }
        }
        const __m256 d = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)x[i].d));
        const __m256 dmin = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)x[i].dmin));
        __m256i mins[4];
        for (int t = 0; t < 4; t++) mins[t] = _mm256_cvtepu8_epi16(_mm_loadu_si128((const __m128i *)x[i].mins[t]));
        for (int c = 0; c < n; c++) {
            const block_q8_K *y = (const block_q8_K *)((const uint8_t *)activations + (size_t)c * stride) + i;
            // Σ of each 32-element sub-block's activations, two to a 32-bit lane.
            int32_t pairs[4];
            _mm_storeu_si128((__m128i *)pairs, _mm_hadd_epi16(_mm_loadu_si128((const __m128i *)y->bsums),
                                                                _mm_loadu_si128((const __m128i *)(y->bsums + 8))));
            __m256i offsets = _mm256_madd_epi16(mins[0], _mm256_set1_epi32(pairs[0]));
            for (int t = 1; t < 4; t++) offsets = _mm256_add_epi32(offsets, _mm256_madd_epi16(mins[t], _mm256_set1_epi32(pairs[t])));
            const __m256 ad = _mm256_set1_ps(y->d);
            accumulator[c] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(sums[c]), _mm256_mul_ps(d, ad), accumulator[c]);
            accumulator[c] = _mm256_fnmadd_ps(_mm256_cvtepi32_ps(offsets), _mm256_mul_ps(dmin, ad), accumulator[c]);
        }
    }
    for (int c = 0; c < n; c++) _mm256_storeu_ps(out + 8 * c, accumulator[c]);
}

PK_ROWS8_K_ENTRY_POINT(q4_K)
#endif

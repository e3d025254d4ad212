// Q6_K: super-blocks of 256 in 16 sub-blocks of 16 with int8 scales under a half
// super-scale d: value d·scale·(q − 32), q's low 4 bits in ql and high 2 bits in qh.
// Each half of 128 elements uses 64 bytes of ql, 32 of qh and 8 scales; elements l, l + 32,
// l + 64, l + 96 (l < 32) share qh[l] (bits 0-1, 2-3, 4-5, 6-7). Multiplies against Q8_K.
#include "blocks.h"

static inline int q6_K_quant(const block_q6_K *x, int element) {
    const int half = element / 128, quarter = (element % 128) / 32, l = element % 32;
    const uint8_t *ql = x->ql + 64 * half, *qh = x->qh + 32 * half;
    const int lowBits = quarter % 2 ? ql[l + 32] : ql[l];
    const int nibble = quarter < 2 ? lowBits & 0x0F : lowBits >> 4;
    return (nibble | (((qh[l] >> (2 * quarter)) & 3) << 4)) - 32;
}

void pk_dequantize_q6_K(const void *source, float *y, int64_t count) {
    const block_q6_K *x = source;
    for (int64_t i = 0; i < count / QK_K; i++) {
        const float d = pk_half_to_float(x[i].d);
        for (int e = 0; e < QK_K; e++) y[i * QK_K + e] = d * x[i].scales[e / 16] * q6_K_quant(&x[i], e);
    }
}

float pk_dot_q6_K_ref(const void *weights, const void *activations, int count) {
    const block_q6_K *x = weights;
    const block_q8_K *y = activations;
    float sum = 0;
    for (int i = 0; i < count / QK_K; i++) {
        int scaled = 0;
        for (int sub = 0; sub < 16; sub++) {
            int dot = 0;
            for (int l = 0; l < 16; l++) dot += q6_K_quant(&x[i], 16 * sub + l) * y[i].qs[16 * sub + l];
            scaled += x[i].scales[sub] * dot;
        }
        sum += y[i].d * pk_half_to_float(x[i].d) * scaled;
    }
    return sum;
}

static inline __attribute__((always_inline)) void q6_K_columns(const void *weights, const void *activations, size_t stride,
                                                               const int n, int count, float *out) {
#if defined(PK_AVX2)
    const block_q6_K *x = weights;
    const __m256i low = _mm256_set1_epi8(0x0F), two = _mm256_set1_epi8(0x03);
    __m256 accumulator[PK_MAX_COLUMNS];
    for (int c = 0; c < n; c++) accumulator[c] = _mm256_setzero_ps();
    for (int i = 0; i < count / QK_K; i++) {
        // The block's 8 runs of 32 quants (0..63) as bytes, and their per-16 scales as 16-bit
        // lanes, unpacked once for all the tile's activation rows into L1 (only the
        // accumulators live across blocks, so they stay in registers).
        _Alignas(32) uint8_t quants[8][32], scales[8][32];
        for (int half = 0; half < 2; half++) {
            const uint8_t *ql = x[i].ql + 64 * half;
            const int8_t *sc = x[i].scales + 8 * half;
            const __m256i high = _mm256_loadu_si256((const __m256i *)(x[i].qh + 32 * half));
            const __m256i first = _mm256_loadu_si256((const __m256i *)ql);
            const __m256i second = _mm256_loadu_si256((const __m256i *)(ql + 32));
            _mm256_store_si256((__m256i *)quants[4 * half], _mm256_or_si256(_mm256_and_si256(first, low), _mm256_slli_epi16(_mm256_and_si256(high, two), 4)));
            _mm256_store_si256((__m256i *)quants[4 * half + 1], _mm256_or_si256(_mm256_and_si256(second, low), _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(high, 2), two), 4)));
            _mm256_store_si256((__m256i *)quants[4 * half + 2], _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(first, 4), low), _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(high, 4), two), 4)));
            _mm256_store_si256((__m256i *)quants[4 * half + 3], _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(second, 4), low), _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(high, 6), two), 4)));
            for (int quarter = 0; quarter < 4; quarter++) {
                _mm256_store_si256((__m256i *)scales[4 * half + quarter],
                                   _mm256_set_m128i(_mm_set1_epi16(sc[2 * quarter + 1]), _mm_set1_epi16(sc[2 * quarter])));
            }
        }
        // The −32 of every element: 32·Σ scale·(sum of the sub-block's activations).
        const __m256i scales16 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)x[i].scales));
        const float d = pk_half_to_float(x[i].d);
        for (int c = 0; c < n; c++) {
            const block_q8_K *y = (const block_q8_K *)((const uint8_t *)activations + (size_t)c * stride) + i;
            __m256i scaled = _mm256_mullo_epi32(_mm256_madd_epi16(scales16, _mm256_loadu_si256((const __m256i *)y->bsums)),
                                                _mm256_set1_epi32(-32));
            for (int run = 0; run < 8; run++) {
                const __m256i products = _mm256_maddubs_epi16(_mm256_load_si256((const __m256i *)quants[run]),
                                                              _mm256_loadu_si256((const __m256i *)(y->qs + 32 * run)));
                scaled = _mm256_add_epi32(scaled, _mm256_madd_epi16(products, _mm256_load_si256((const __m256i *)scales[run])));
            }
            accumulator[c] = _mm256_fmadd_ps(_mm256_set1_ps(y->d * d), _mm256_cvtepi32_ps(scaled), accumulator[c]);
        }
    }
    for (int c = 0; c < n; c++) out[c] = pk_hsum_ps(accumulator[c]);
#else
    pk_columns_reference(pk_dot_q6_K_ref, weights, activations, stride, n, count, out);
#endif
}

PK_COLUMNS_ENTRY_POINTS(q6_K)

// Eight rows interleaved (`block_q6_Kx8`), as Q4_K's packed rows but with the data of each 32
// columns together: pair t's quant vector v (0..7) holds quants 32t + 4v … 32t + 4v + 3 of every
// row (row r at bytes 4r…4r+3), its low 4 bits in a nibble of ql and its high 2 bits in qh.
// Vectors 0..3 are sub-block 2t, vectors 4..7 sub-block 2t + 1.
void pk_pack_q6_K_rows8(const void *source, size_t row_bytes, int rows, int columns, void *destination) {
    const int blocks = columns / QK_K;
    block_q6_Kx8 *out = destination;
    for (int group = 0; group < rows / 8; group++) {
        for (int i = 0; i < blocks; i++, out++) {
            for (int r = 0; r < 8; r++) {
                const block_q6_K *x = (const block_q6_K *)((const uint8_t *)source + (size_t)(8 * group + r) * row_bytes) + i;
                out->d[r] = x->d;
                for (int s = 0; s < 16; s++) out->pairs[s / 2].scales[r][s % 2] = x->scales[s];
                // The row's 256 quants (0..63) in order, as `q6_K_quant` + 32 reads them.
                uint8_t quants[QK_K];
                for (int half = 0; half < 2; half++) {
                    const uint8_t *ql = x->ql + 64 * half, *qh = x->qh + 32 * half;
                    uint8_t *q = quants + 128 * half;
                    for (int l = 0; l < 32; l++) {
                        q[l] = (uint8_t)((ql[l] & 0x0F) | (qh[l] & 3) << 4);
                        q[l + 32] = (uint8_t)((ql[l + 32] & 0x0F) | (qh[l] >> 2 & 3) << 4);
                        q[l + 64] = (uint8_t)(ql[l] >> 4 | (qh[l] >> 4 & 3) << 4);
                        q[l + 96] = (uint8_t)(ql[l + 32] >> 4 | (qh[l] >> 6) << 4);
                    }
                }
                // Four quants (bytes) of a vector at a time: their low nibbles and high bits.
                for (int t = 0; t < 8; t++) {
                    uint32_t words[8];
                    memcpy(words, quants + 32 * t, sizeof words);
                    for (int v = 0; v < 4; v++) {
                        const uint32_t low = (words[v] & 0x0F0F0F0F) | (words[v + 4] & 0x0F0F0F0F) << 4;
                        memcpy(out->pairs[t].ql[v] + 4 * r, &low, 4);
                    }
                    for (int h = 0; h < 2; h++) {
                        uint32_t high = 0;
                        for (int k = 0; k < 4; k++) high |= (words[4 * h + k] >> 4 & 0x03030303) << (2 * k);
                        memcpy(out->pairs[t].qh[h] + 4 * r, &high, 4);
                    }
                }
            }
        }
    }
}

void pk_dequantize_q6_K_rows8(const void *packed, int row, int columns, float *y) {
    const int blocks = columns / QK_K;
    const block_q6_Kx8 *x = (const block_q6_Kx8 *)packed + (size_t)(row / 8) * blocks;
    const int r = row % 8;
    for (int i = 0; i < blocks; i++) {
        const float d = pk_half_to_float(x[i].d[r]);
        for (int e = 0; e < QK_K; e++) {
            const int t = e / 32, v = e % 32 / 4, j = e % 4;
            const int low = (x[i].pairs[t].ql[v % 4][4 * r + j] >> (v >= 4 ? 4 : 0)) & 0x0F;
            const int high = (x[i].pairs[t].qh[v / 4][4 * r + j] >> (2 * (v % 4))) & 3;
            *y++ = d * x[i].pairs[t].scales[r][v / 4] * ((low | high << 4) - 32);
        }
    }
}

#if defined(PK_AVX2)
static inline __attribute__((always_inline)) void q6_K_rows8(const void *group, int blocks, const void *activations,
                                                            size_t stride, const int n, float *out) {
    const block_q6_Kx8 *x = group;
    const __m256i low = _mm256_set1_epi8(0x0F), high = _mm256_set1_epi8(0x30);
    // Byte indices that copy, in each 32-bit lane, its first 16-bit half (or its second) to both halves.
    const __m256i first = _mm256_setr_epi32(0x01000100, 0x05040504, 0x09080908, 0x0D0C0D0C,
                                            0x01000100, 0x05040504, 0x09080908, 0x0D0C0D0C);
    const __m256i second = _mm256_add_epi8(first, _mm256_set1_epi8(2));
    __m256 accumulator[PK_MAX_COLUMNS];
    for (int c = 0; c < n; c++) accumulator[c] = _mm256_setzero_ps();
    for (int i = 0; i < blocks; i++) {
        __m256i sums[PK_MAX_COLUMNS];
        for (int c = 0; c < n; c++) sums[c] = _mm256_setzero_si256();
        for (int t = 0; t < 8; t++) {
            // The pair's eight quant vectors (0..63), unpacked once for the tile's activation rows.
            const __m256i h0 = _mm256_loadu_si256((const __m256i *)x[i].pairs[t].qh[0]);
            const __m256i h1 = _mm256_loadu_si256((const __m256i *)x[i].pairs[t].qh[1]);
            __m256i w[8];
            for (int v = 0; v < 4; v++) {
                const __m256i nibbles = _mm256_loadu_si256((const __m256i *)x[i].pairs[t].ql[v]);
                // Bits 2v, 2v + 1 of each qh byte to bits 4, 5.
                const __m256i b0 = v == 0 ? _mm256_slli_epi16(h0, 4) : v == 1 ? _mm256_slli_epi16(h0, 2) : v == 2 ? h0 : _mm256_srli_epi16(h0, 2);
                const __m256i b1 = v == 0 ? _mm256_slli_epi16(h1, 4) : v == 1 ? _mm256_slli_epi16(h1, 2) : v == 2 ? h1 : _mm256_srli_epi16(h1, 2);
                w[v] = _mm256_or_si256(_mm256_and_si256(nibbles, low), _mm256_and_si256(b0, high));
                w[v + 4] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(nibbles, 4), low), _mm256_and_si256(b1, high));
            }
            // Lane r: row r's scales of sub-blocks 2t and 2t + 1 as a 16-bit pair; each alone in
            // both halves; and 32 times the pair, for the −32 of every quant.
            const __m256i scales = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)x[i].pairs[t].scales));
            const __m256i scale0 = _mm256_shuffle_epi8(scales, first), scale1 = _mm256_shuffle_epi8(scales, second);
            const __m256i offsets = _mm256_slli_epi16(scales, 5);
            for (int c = 0; c < n; c++) {
                const block_q8_K *y = (const block_q8_K *)((const uint8_t *)activations + (size_t)c * stride) + i;
                int32_t a[8], sums16;
                memcpy(a, y->qs + 32 * t, sizeof a);
                memcpy(&sums16, y->bsums + 2 * t, sizeof sums16);
                // Two products per 16-bit lane from each of two vectors: 4·63·127 < 2^15.
                __m256i p[4];
                for (int k = 0; k < 4; k++) {
                    p[k] = _mm256_add_epi16(_mm256_maddubs_epi16(w[2 * k], _mm256_set1_epi32(a[2 * k])),
                                            _mm256_maddubs_epi16(w[2 * k + 1], _mm256_set1_epi32(a[2 * k + 1])));
                }
                __m256i s = _mm256_add_epi32(_mm256_madd_epi16(p[0], scale0), _mm256_madd_epi16(p[1], scale0));
                s = _mm256_add_epi32(s, _mm256_add_epi32(_mm256_madd_epi16(p[2], scale1), _mm256_madd_epi16(p[3], scale1)));
                sums[c] = _mm256_add_epi32(sums[c], _mm256_sub_epi32(s, _mm256_madd_epi16(offsets, _mm256_set1_epi32(sums16))));
            }
        }
        const __m256 d = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)x[i].d));
        for (int c = 0; c < n; c++) {
            const block_q8_K *y = (const block_q8_K *)((const uint8_t *)activations + (size_t)c * stride) + i;
            accumulator[c] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(sums[c]), _mm256_mul_ps(d, _mm256_set1_ps(y->d)), accumulator[c]);
        }
    }
    for (int c = 0; c < n; c++) _mm256_storeu_ps(out + 8 * c, accumulator[c]);
}

PK_ROWS8_K_ENTRY_POINT(q6_K)
#endif

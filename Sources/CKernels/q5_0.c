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

// Eight rows interleaved (`block_q5_0x8`): block i of rows 8g…8g+7 in one 176-byte record,
// each row's 32 quants as unsigned 0…31, arranged so that one 32-byte vector holds four
// consecutive quants of every row (row r's at bytes 4r…4r+3). A product then multiplies a
// whole vector by four activation bytes broadcast to every lane, and lane r sums row r: no
// sign trick per activation row, no horizontal sums, and the eight rows' scales convert in
// one instruction. The −16 comes back as 16·Σa per activation block.
//   lo[g][4r + j]: quant 4g + j of row r in the low nibble, quant 4(g + 4) + j in the high;
//   hi[4r + j]: bit g is bit 4 of quant 4g + j of row r.
void pk_pack_q5_0_rows8(const void *source, size_t row_bytes, int rows, int columns, void *destination) {
    const int blocks = columns / QK;
    block_q5_0x8 *out = destination;
    for (int group = 0; group < rows / 8; group++) {
        for (int i = 0; i < blocks; i++, out++) {
            memset(out, 0, sizeof *out);
            for (int r = 0; r < 8; r++) {
                const block_q5_0 *x = (const block_q5_0 *)((const uint8_t *)source + (size_t)(8 * group + r) * row_bytes) + i;
                out->d[r] = x->d;
                uint32_t high;
                memcpy(&high, x->qh, 4);
                uint8_t q[QK];
                for (int k = 0; k < QK / 2; k++) {
                    q[k] = (uint8_t)((x->qs[k] & 0x0F) | ((high >> k) & 1) << 4);
                    q[k + QK / 2] = (uint8_t)((x->qs[k] >> 4) | ((high >> (k + QK / 2)) & 1) << 4);
                }
                for (int k = 0; k < QK; k++) {
                    const int g = k / 4, j = k % 4;
                    out->lo[g % 4][4 * r + j] |= (uint8_t)((q[k] & 0x0F) << (g >= 4 ? 4 : 0));
                    out->hi[4 * r + j] |= (uint8_t)((q[k] >> 4) << g);
                }
            }
        }
    }
}

void pk_dequantize_q5_0_rows8(const void *packed, int row, int columns, float *y) {
    const int blocks = columns / QK;
    const block_q5_0x8 *x = (const block_q5_0x8 *)packed + (size_t)(row / 8) * blocks;
    const int r = row % 8;
    for (int i = 0; i < blocks; i++) {
        const float d = pk_half_to_float(x[i].d[r]);
        for (int k = 0; k < QK; k++) {
            const int g = k / 4, j = k % 4;
            const int low = (x[i].lo[g % 4][4 * r + j] >> (g >= 4 ? 4 : 0)) & 0x0F;
            const int high = (x[i].hi[4 * r + j] >> g) & 1;
            y[i * QK + k] = ((low | high << 4) - 16) * d;
        }
    }
}

#if defined(PK_AVX2)
// Bit g of every byte of `hi` moved to bit 4 (shifts of 16-bit lanes by at most 4 move no
// neighbour's bit into bit 4).
static inline __m256i q5_0_rows8_high(__m256i hi, int g) {
    const __m256i bit4 = _mm256_set1_epi8(0x10);
    return g <= 4 ? _mm256_and_si256(_mm256_slli_epi16(hi, 4 - g), bit4) : _mm256_and_si256(_mm256_srli_epi16(hi, g - 4), bit4);
}

static inline __attribute__((always_inline)) void q5_0_rows8(const void *group, int blocks, const void *activations,
                                                            size_t stride, const float *scales, const int32_t *offsets,
                                                            size_t scale_stride, const int n, float *out) {
    const block_q5_0x8 *x = group;
    const __m256i low = _mm256_set1_epi8(0x0F), ones = _mm256_set1_epi16(1);
    __m256 accumulator[PK_MAX_COLUMNS];
    for (int c = 0; c < n; c++) accumulator[c] = _mm256_setzero_ps();
    for (int i = 0; i < blocks; i++) {
        __m256i w[8];
        const __m256i hi = _mm256_loadu_si256((const __m256i *)x[i].hi);
        for (int g = 0; g < 4; g++) {
            const __m256i nibbles = _mm256_loadu_si256((const __m256i *)x[i].lo[g]);
            w[g] = _mm256_or_si256(_mm256_and_si256(nibbles, low), q5_0_rows8_high(hi, g));
            w[g + 4] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(nibbles, 4), low), q5_0_rows8_high(hi, g + 4));
        }
        const __m256 dw = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)x[i].d));
        for (int c = 0; c < n; c++) {
            const block_q8_0 *y = (const block_q8_0 *)((const uint8_t *)activations + (size_t)c * stride) + i;
            int32_t a[8];
            memcpy(a, y->qs, sizeof a);
            // Four products per 16-bit lane stay below 4·2·31·127 < 2^15.
            const __m256i first = _mm256_add_epi16(
                _mm256_add_epi16(_mm256_maddubs_epi16(w[0], _mm256_set1_epi32(a[0])), _mm256_maddubs_epi16(w[1], _mm256_set1_epi32(a[1]))),
                _mm256_add_epi16(_mm256_maddubs_epi16(w[2], _mm256_set1_epi32(a[2])), _mm256_maddubs_epi16(w[3], _mm256_set1_epi32(a[3]))));
            const __m256i second = _mm256_add_epi16(
                _mm256_add_epi16(_mm256_maddubs_epi16(w[4], _mm256_set1_epi32(a[4])), _mm256_maddubs_epi16(w[5], _mm256_set1_epi32(a[5]))),
                _mm256_add_epi16(_mm256_maddubs_epi16(w[6], _mm256_set1_epi32(a[6])), _mm256_maddubs_epi16(w[7], _mm256_set1_epi32(a[7]))));
            const __m256i dot = _mm256_sub_epi32(_mm256_add_epi32(_mm256_madd_epi16(first, ones), _mm256_madd_epi16(second, ones)),
                                                 _mm256_set1_epi32(offsets[(size_t)c * scale_stride + i]));
            accumulator[c] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(dot), _mm256_mul_ps(dw, _mm256_set1_ps(scales[(size_t)c * scale_stride + i])),
                                             accumulator[c]);
        }
    }
    for (int c = 0; c < n; c++) _mm256_storeu_ps(out + 8 * c, accumulator[c]);
}

void pk_dot_q5_0_rows8(const void *group, int blocks, const void *activations, size_t stride, const float *scales,
                       const int32_t *offsets, size_t scale_stride, int n, float *out) {
    switch (n) {
    case 1: q5_0_rows8(group, blocks, activations, stride, scales, offsets, scale_stride, 1, out); break;
    case 2: q5_0_rows8(group, blocks, activations, stride, scales, offsets, scale_stride, 2, out); break;
    case 3: q5_0_rows8(group, blocks, activations, stride, scales, offsets, scale_stride, 3, out); break;
    case 4: q5_0_rows8(group, blocks, activations, stride, scales, offsets, scale_stride, 4, out); break;
    case 5: q5_0_rows8(group, blocks, activations, stride, scales, offsets, scale_stride, 5, out); break;
    case 6: q5_0_rows8(group, blocks, activations, stride, scales, offsets, scale_stride, 6, out); break;
    case 7: q5_0_rows8(group, blocks, activations, stride, scales, offsets, scale_stride, 7, out); break;
    default: q5_0_rows8(group, blocks, activations, stride, scales, offsets, scale_stride, 8, out); break;
    }
}
#endif

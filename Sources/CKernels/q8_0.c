// Q8_0: 32 int8 quants with a half scale d, value q·d. Multiplies against Q8_0.
#include "blocks.h"

void pk_dequantize_q8_0(const void *source, float *y, int64_t count) {
    const block_q8_0 *x = source;
    for (int64_t i = 0; i < count / QK; i++) {
        const float d = pk_half_to_float(x[i].d);
        for (int j = 0; j < QK; j++) y[i * QK + j] = x[i].qs[j] * d;
    }
}

float pk_dot_q8_0_ref(const void *weights, const void *activations, int count) {
    const block_q8_0 *x = weights;
    const block_q8_0 *y = activations;
    float sum = 0;
    for (int i = 0; i < count / QK; i++) {
        int dot = 0;
        for (int j = 0; j < QK; j++) dot += x[i].qs[j] * y[i].qs[j];
        sum += dot * (pk_half_to_float(x[i].d) * pk_half_to_float(y[i].d));
    }
    return sum;
}

#if defined(PK_AVX2)
static inline __m256i q8_0_unpack(const uint8_t *block) {
    return _mm256_loadu_si256((const __m256i *)((const block_q8_0 *)block)->qs);
}
#endif

static inline __attribute__((always_inline)) void q8_0_columns(const void *weights, const void *activations, size_t stride,
                                                               const int n, int count, float *out) {
#if defined(PK_AVX2)
    pk_columns_signed_q8_0(q8_0_unpack, sizeof(block_q8_0), weights, activations, stride, n, count, out);
#else
    pk_columns_reference(pk_dot_q8_0_ref, weights, activations, stride, n, count, out);
#endif
}

PK_COLUMNS_ENTRY_POINTS(q8_0)
#if defined(PK_AVX2)
PK_ROWS2_ENTRY_POINT(q8_0, block_q8_0)
#endif

// Eight rows interleaved (`block_q8_0x8`), as Q5_0's packed rows: qs[g][4r + j] is quant
// 4g + j of row r, so one vector holds four quants of every row and lane r sums row r. The
// quants stay signed: each is multiplied as |w| by the activation with w's sign.
void pk_pack_q8_0_rows8(const void *source, size_t row_bytes, int rows, int columns, void *destination) {
    const int blocks = columns / QK;
    block_q8_0x8 *out = destination;
    for (int group = 0; group < rows / 8; group++) {
        for (int i = 0; i < blocks; i++, out++) {
            for (int r = 0; r < 8; r++) {
                const block_q8_0 *x = (const block_q8_0 *)((const uint8_t *)source + (size_t)(8 * group + r) * row_bytes) + i;
                out->d[r] = x->d;
                for (int k = 0; k < QK; k++) out->qs[k / 4][4 * r + k % 4] = x->qs[k];
            }
        }
    }
}

void pk_dequantize_q8_0_rows8(const void *packed, int row, int columns, float *y) {
    const int blocks = columns / QK;
    const block_q8_0x8 *x = (const block_q8_0x8 *)packed + (size_t)(row / 8) * blocks;
    const int r = row % 8;
    for (int i = 0; i < blocks; i++) {
        const float d = pk_half_to_float(x[i].d[r]);
        for (int k = 0; k < QK; k++) y[i * QK + k] = x[i].qs[k / 4][4 * r + k % 4] * d;
    }
}

#if defined(PK_AVX2)
static inline __attribute__((always_inline)) void q8_0_rows8(const void *group, int blocks, const void *activations,
                                                            size_t stride, const float *scales, const int n, float *out) {
    const block_q8_0x8 *x = group;
    const __m256i ones = _mm256_set1_epi16(1);
    __m256 accumulator[PK_MAX_COLUMNS];
    for (int c = 0; c < n; c++) accumulator[c] = _mm256_setzero_ps();
    for (int i = 0; i < blocks; i++) {
        __m256i magnitude[8];
        for (int g = 0; g < 8; g++) {
            const __m256i w = _mm256_loadu_si256((const __m256i *)x[i].qs[g]);
            magnitude[g] = _mm256_sign_epi8(w, w);
        }
        const __m256 dw = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)x[i].d));
        for (int c = 0; c < n; c++) {
            const block_q8_0 *y = (const block_q8_0 *)((const uint8_t *)activations + (size_t)c * stride) + i;
            int32_t a[8];
            memcpy(a, y->qs, sizeof a);
            // Two products per 16-bit lane reach 2·127·127: each maddubs widens to 32 bits alone.
            __m256i dot = _mm256_setzero_si256();
            for (int g = 0; g < 8; g++) {
                const __m256i w = _mm256_loadu_si256((const __m256i *)x[i].qs[g]);
                const __m256i products = _mm256_maddubs_epi16(magnitude[g], _mm256_sign_epi8(_mm256_set1_epi32(a[g]), w));
                dot = _mm256_add_epi32(dot, _mm256_madd_epi16(products, ones));
            }
            accumulator[c] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(dot), _mm256_mul_ps(dw, _mm256_set1_ps(scales[(size_t)c * blocks + i])),
                                             accumulator[c]);
        }
    }
    for (int c = 0; c < n; c++) _mm256_storeu_ps(out + 8 * c, accumulator[c]);
}

void pk_dot_q8_0_rows8(const void *group, int blocks, const void *activations, size_t stride, const float *scales,
                       int n, float *out) {
    switch (n) {
    case 1: q8_0_rows8(group, blocks, activations, stride, scales, 1, out); break;
    case 2: q8_0_rows8(group, blocks, activations, stride, scales, 2, out); break;
    case 3: q8_0_rows8(group, blocks, activations, stride, scales, 3, out); break;
    case 4: q8_0_rows8(group, blocks, activations, stride, scales, 4, out); break;
    case 5: q8_0_rows8(group, blocks, activations, stride, scales, 5, out); break;
    case 6: q8_0_rows8(group, blocks, activations, stride, scales, 6, out); break;
    case 7: q8_0_rows8(group, blocks, activations, stride, scales, 7, out); break;
    default: q8_0_rows8(group, blocks, activations, stride, scales, 8, out); break;
    }
}
#endif

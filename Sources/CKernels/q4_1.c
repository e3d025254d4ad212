// Q4_1: 32 elements, half scale d and offset m, value q·d + m. Multiplies against Q8_1,
// whose s = d·Σq carries the offset's share: Σ(q·d + m)·(q'·d') = d·d'·Σq·q' + m·s.
#include "blocks.h"

void pk_dequantize_q4_1(const void *source, float *y, int64_t count) {
    const block_q4_1 *x = source;
    for (int64_t i = 0; i < count / QK; i++) {
        const float d = pk_half_to_float(x[i].d), m = pk_half_to_float(x[i].m);
        for (int j = 0; j < QK / 2; j++) {
            y[i * QK + j] = (x[i].qs[j] & 0x0F) * d + m;
            y[i * QK + j + QK / 2] = (x[i].qs[j] >> 4) * d + m;
        }
    }
}

float pk_dot_q4_1_ref(const void *weights, const void *activations, int count) {
    const block_q4_1 *x = weights;
    const block_q8_1 *y = activations;
    float sum = 0;
    for (int i = 0; i < count / QK; i++) {
        int dot = 0;
        for (int j = 0; j < QK / 2; j++) {
            dot += (x[i].qs[j] & 0x0F) * y[i].qs[j] + (x[i].qs[j] >> 4) * y[i].qs[j + QK / 2];
        }
        sum += (pk_half_to_float(x[i].d) * pk_half_to_float(y[i].d)) * dot
             + pk_half_to_float(x[i].m) * pk_half_to_float(y[i].s);
    }
    return sum;
}

#if defined(PK_AVX2)
static inline __m256i q4_1_unpack(const block_q4_1 *block) { return pk_unpack_nibbles(block->qs); }
#endif

static inline __attribute__((always_inline)) void q4_1_columns(const void *weights, const void *activations, size_t stride,
                                                               const int n, int count, float *out) {
#if defined(PK_AVX2)
    const block_q4_1 *x = weights;
    __m256 accumulator[PK_MAX_COLUMNS];
    float offsets[PK_MAX_COLUMNS];
    for (int c = 0; c < n; c++) {
        accumulator[c] = _mm256_setzero_ps();
        offsets[c] = 0;
    }
    for (int i = 0; i < count / QK; i++) {
        const __m256i w = q4_1_unpack(&x[i]);
        const float d = pk_half_to_float(x[i].d), m = pk_half_to_float(x[i].m);
        for (int c = 0; c < n; c++) {
            const block_q8_1 *y = (const block_q8_1 *)((const uint8_t *)activations + (size_t)c * stride) + i;
            const __m256i a = _mm256_loadu_si256((const __m256i *)y->qs);
            accumulator[c] = _mm256_fmadd_ps(_mm256_set1_ps(d * pk_half_to_float(y->d)), _mm256_cvtepi32_ps(pk_dot_u8_i8(w, a)), accumulator[c]);
            offsets[c] += m * pk_half_to_float(y->s);
        }
    }
    for (int c = 0; c < n; c++) out[c] = pk_hsum_ps(accumulator[c]) + offsets[c];
#else
    pk_columns_reference(pk_dot_q4_1_ref, weights, activations, stride, n, count, out);
#endif
}

PK_COLUMNS_ENTRY_POINTS(q4_1)

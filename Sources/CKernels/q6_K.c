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

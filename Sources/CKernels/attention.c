// The inner loops of attention on a half-precision KV cache (Transformer.attendHalf keeps the
// causal bookkeeping and the softmax): scores of several query vectors against one key, and
// the mix of a run of values into one output vector.
#include "ckernels.h"
#include "blocks.h"

#if defined(PK_AVX2)
// The eight lane sums of eight accumulators, sums[p] = Σ lanes of x[p], each as
// ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)).
static inline __m256 transpose_sums(const __m256 x[8]) {
    const __m256 a = _mm256_hadd_ps(x[0], x[1]), b = _mm256_hadd_ps(x[2], x[3]);
    const __m256 c = _mm256_hadd_ps(x[4], x[5]), d = _mm256_hadd_ps(x[6], x[7]);
    const __m256 ab = _mm256_hadd_ps(a, b), cd = _mm256_hadd_ps(c, d);
    // ab: [p0 p1 p2 p3 | p0 p1 p2 p3] halves of the sums, low lane from elements 0..3, high from 4..7.
    const __m256 low = _mm256_permute2f128_ps(ab, cd, 0x20), high = _mm256_permute2f128_ps(ab, cd, 0x31);
    return _mm256_add_ps(low, high);
}
#endif

void pk_attention_scores(const float *queries, int pairs, int head_dim, const float *key, float scale,
                         float *scores, size_t score_stride) {
#if defined(PK_AVX2)
    if (head_dim % 8 == 0 && head_dim <= 256) {
        for (int p0 = 0; p0 < pairs; p0 += 8) {
            const int n = pairs - p0 < 8 ? pairs - p0 : 8;
            __m256 accumulator[8];
            for (int p = 0; p < 8; p++) accumulator[p] = _mm256_setzero_ps();
            for (int i = 0; i < head_dim; i += 8) {
                const __m256 k = _mm256_loadu_ps(key + i);
                for (int p = 0; p < n; p++)
                    accumulator[p] = _mm256_fmadd_ps(_mm256_loadu_ps(queries + (size_t)(p0 + p) * head_dim + i), k, accumulator[p]);
            }
            float sums[8];
            _mm256_storeu_ps(sums, _mm256_mul_ps(transpose_sums(accumulator), _mm256_set1_ps(scale)));
            for (int p = 0; p < n; p++) scores[(size_t)(p0 + p) * score_stride] = sums[p];
        }
        return;
    }
#endif
    for (int p = 0; p < pairs; p++) {
        float total = 0;
        for (int i = 0; i < head_dim; i++) total += queries[(size_t)p * head_dim + i] * key[i];
        scores[(size_t)p * score_stride] = total * scale;
    }
}

void pk_attention_mix(float *out, const float *weights, int count, const float *values, int head_dim) {
#if defined(PK_AVX2)
    if (head_dim % 8 == 0) {
        // Eight vectors of the output at a time stay in registers over the whole run.
        for (int i0 = 0; i0 < head_dim; i0 += 64) {
            const int width = head_dim - i0 < 64 ? (head_dim - i0) / 8 : 8;
            __m256 accumulator[8];
            for (int j = 0; j < width; j++) accumulator[j] = _mm256_loadu_ps(out + i0 + 8 * j);
            for (int t = 0; t < count; t++) {
                const __m256 weight = _mm256_set1_ps(pk_half_to_float(pk_float_to_half(weights[t])));
                const float *value = values + (size_t)t * head_dim + i0;
                for (int j = 0; j < width; j++)
                    accumulator[j] = _mm256_fmadd_ps(weight, _mm256_loadu_ps(value + 8 * j), accumulator[j]);
            }
            for (int j = 0; j < width; j++) _mm256_storeu_ps(out + i0 + 8 * j, accumulator[j]);
        }
        return;
    }
#endif
    for (int t = 0; t < count; t++) {
        const float weight = pk_half_to_float(pk_float_to_half(weights[t]));
        for (int i = 0; i < head_dim; i++) out[i] += weight * values[(size_t)t * head_dim + i];
    }
}

// Activation quantizers: the right-hand side of every quantized product, as ggml's CPU
// backend quantizes it on x86 (Q8_0/Q8_1: scale by 127/max|x|, round half to even; Q8_K:
// the reference, scale by −127/x at max|x|, with sums of every 16 quants).
#include "blocks.h"

// One block of 32 to int8; returns d = max|x| / 127 and writes Σq to *sum.
static inline float quantize_block_32(const float *x, int8_t *q, int *sum) {
    float magnitude = 0;
    for (int j = 0; j < QK; j++) magnitude = fmaxf(magnitude, fabsf(x[j]));
    const float d = magnitude / 127.f;
    const float inverse = magnitude != 0 ? 127.f / magnitude : 0.f;
    int total = 0;
    for (int j = 0; j < QK; j++) {
        q[j] = (int8_t)pk_nearest_int(x[j] * inverse);
        total += q[j];
    }
    *sum = total;
    return d;
}

void pk_quantize_q8_0(const float *x, void *destination, int64_t count) {
    block_q8_0 *y = destination;
    for (int64_t i = 0; i < count / QK; i++) {
        int sum;
        y[i].d = pk_float_to_half(quantize_block_32(x + i * QK, y[i].qs, &sum));
    }
}

void pk_quantize_q8_1(const float *x, void *destination, int64_t count) {
    block_q8_1 *y = destination;
    for (int64_t i = 0; i < count / QK; i++) {
        int sum;
        const float d = quantize_block_32(x + i * QK, y[i].qs, &sum);
        y[i].d = pk_float_to_half(d);
        y[i].s = pk_float_to_half(d * sum);
    }
}

void pk_quantize_q8_K(const float *x, void *destination, int64_t count) {
    block_q8_K *y = destination;
    for (int64_t i = 0; i < count / QK_K; i++, x += QK_K) {
        float max = 0, magnitude = 0;
        for (int j = 0; j < QK_K; j++) {
            if (fabsf(x[j]) > magnitude) {
                magnitude = fabsf(x[j]);
                max = x[j];
            }
        }
        if (magnitude == 0) {
            memset(&y[i], 0, sizeof(block_q8_K));
            continue;
        }
        const float inverse = -127.f / max;
        for (int j = 0; j < QK_K; j++) {
            const int q = pk_nearest_int(inverse * x[j]);
            y[i].qs[j] = (int8_t)(q < 127 ? q : 127);
        }
        for (int j = 0; j < QK_K / 16; j++) {
            int sum = 0;
            for (int l = 0; l < 16; l++) sum += y[i].qs[16 * j + l];
            y[i].bsums[j] = (int16_t)sum;
        }
        y[i].d = 1 / inverse;
    }
}

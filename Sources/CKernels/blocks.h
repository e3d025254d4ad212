// Block layouts of ggml's formats and the helpers every kernel file shares.
#ifndef CKERNELS_BLOCKS_H
#define CKERNELS_BLOCKS_H

// Dequantizers must round exactly as the reference does: no fused multiply-adds unless asked for.
#pragma STDC FP_CONTRACT OFF

#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(__AVX2__) && defined(__FMA__) && defined(__F16C__)
#define PK_AVX2 1
#include <immintrin.h>
#endif

#define QK 32      // elements per block of the 32-element formats
#define QK_K 256   // elements per super-block of the K formats

typedef uint16_t pk_half;  // IEEE 754 binary16 bits

// 32-element formats. Element j < 16 sits in the low nibble of qs[j], element j + 16 in its
// high nibble; Q5 formats keep bit 4 of element j in bit j of qh.
typedef struct { pk_half d; uint8_t qs[QK / 2]; } block_q4_0;                  // (q - 8)·d
typedef struct { pk_half d, m; uint8_t qs[QK / 2]; } block_q4_1;               // q·d + m
typedef struct { pk_half d; uint8_t qh[4]; uint8_t qs[QK / 2]; } block_q5_0;   // (q - 16)·d
typedef struct { pk_half d, m; uint8_t qh[4]; uint8_t qs[QK / 2]; } block_q5_1;// q·d + m
typedef struct { pk_half d; int8_t qs[QK]; } block_q8_0;                       // q·d
typedef struct { pk_half d, s; int8_t qs[QK]; } block_q8_1;                    // q·d; s = d·Σq
typedef struct { pk_half d; uint8_t qs[QK / 2]; } block_iq4_nl;                // table[q]·d
// Eight Q5_0 rows' block i interleaved (see `pk_pack_q5_0_rows8` in q5_0.c).
typedef struct { pk_half d[8]; uint8_t lo[4][32]; uint8_t hi[32]; } block_q5_0x8;
_Static_assert(sizeof(block_q5_0x8) == 8 * sizeof(block_q5_0), "eight interleaved rows take the bytes of eight rows");
// Eight Q8_0 rows' block i interleaved (see `pk_pack_q8_0_rows8` in q8_0.c).
typedef struct { pk_half d[8]; int8_t qs[8][32]; } block_q8_0x8;
_Static_assert(sizeof(block_q8_0x8) == 8 * sizeof(block_q8_0), "eight interleaved rows take the bytes of eight rows");

// K formats: super-blocks of 256 in sub-blocks of 16 or 32 with their own scales.
typedef struct { uint8_t scales[QK_K / 16]; uint8_t qs[QK_K / 4]; pk_half d, dmin; } block_q2_K;
typedef struct { uint8_t hmask[QK_K / 8]; uint8_t qs[QK_K / 4]; uint8_t scales[12]; pk_half d; } block_q3_K;
typedef struct { pk_half d, dmin; uint8_t scales[12]; uint8_t qs[QK_K / 2]; } block_q4_K;
typedef struct { pk_half d, dmin; uint8_t scales[12]; uint8_t qh[QK_K / 8]; uint8_t qs[QK_K / 2]; } block_q5_K;
typedef struct { uint8_t ql[QK_K / 2]; uint8_t qh[QK_K / 4]; int8_t scales[QK_K / 16]; pk_half d; } block_q6_K;
// The activations of K-format products: a float scale, the quants, and sums of each 16.
typedef struct { float d; int8_t qs[QK_K]; int16_t bsums[QK_K / 16]; } block_q8_K;

_Static_assert(sizeof(block_q4_0) == 18, "Q4_0 block");
_Static_assert(sizeof(block_q4_1) == 20, "Q4_1 block");
_Static_assert(sizeof(block_q5_0) == 22, "Q5_0 block");
_Static_assert(sizeof(block_q5_1) == 24, "Q5_1 block");
_Static_assert(sizeof(block_q8_0) == 34, "Q8_0 block");
_Static_assert(sizeof(block_q8_1) == 36, "Q8_1 block");
_Static_assert(sizeof(block_iq4_nl) == 18, "IQ4_NL block");
_Static_assert(sizeof(block_q2_K) == 84, "Q2_K block");
_Static_assert(sizeof(block_q3_K) == 110, "Q3_K block");
_Static_assert(sizeof(block_q4_K) == 144, "Q4_K block");
_Static_assert(sizeof(block_q5_K) == 176, "Q5_K block");
_Static_assert(sizeof(block_q6_K) == 210, "Q6_K block");
_Static_assert(sizeof(block_q8_K) == 292, "Q8_K block");
// Eight Q4_K rows' super-block i interleaved, scales and mins unpacked (see `pk_pack_q4_K_rows8`
// in q4_K.c): 32 bytes more than the eight rows.
typedef struct {
    pk_half d[8], dmin[8];
    uint8_t scales[8][8];
    uint8_t mins[4][8][2];
    uint8_t qs[8][4][32];
} block_q4_Kx8;
_Static_assert(sizeof(block_q4_Kx8) == 8 * sizeof(block_q4_K) + 32, "Q4_K's packed rows");
// Eight Q6_K rows' super-block i interleaved (see `pk_pack_q6_K_rows8` in q6_K.c): the data of
// each 32 columns (two sub-blocks) together, so a product reads the group front to back.
typedef struct {
    pk_half d[8];
    struct {
        int8_t scales[8][2];  // [row][h]: the scale of sub-block 2t + h
        uint8_t ql[4][32];    // [v]: quant vector v's low 4 bits (low nibbles), vector v + 4's (high)
        uint8_t qh[2][32];    // [h]: bits 2k, 2k + 1 hold quant vector 4h + k's high 2 bits
    } pairs[8];               // [t]: columns 32t..32t + 31
} block_q6_Kx8;
_Static_assert(sizeof(block_q6_Kx8) == 8 * sizeof(block_q6_K), "eight interleaved rows take the bytes of eight rows");

// IQ4_NL's sixteen non-linear levels.
static const int8_t pk_iq4nl_levels[16] = {-127, -104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89, 113};

static inline float pk_half_to_float(pk_half h) {
#if defined(PK_AVX2)
    // Through a fresh register: _cvtsh_ss may insert into a live vector register and chain
    // every block's scale to the previous block's accumulation.
    return _mm_cvtss_f32(_mm_cvtph_ps(_mm_cvtsi32_si128(h)));
#else
    _Float16 value;
    memcpy(&value, &h, 2);
    return (float)value;
#endif
}

static inline pk_half pk_float_to_half(float f) {
#if defined(PK_AVX2)
    return _cvtss_sh(f, 0);  // round to nearest even
#else
    _Float16 value = (_Float16)f;
    pk_half h;
    memcpy(&h, &value, 2);
    return h;
#endif
}

static inline float pk_bf16_to_float(uint16_t bits) {
    uint32_t widened = (uint32_t)bits << 16;
    float f;
    memcpy(&f, &widened, 4);
    return f;
}

// Round half to even for |x| < 2^22, as ggml's nearest_int.
static inline int pk_nearest_int(float x) {
    float shifted = x + 12582912.f;
    int32_t bits;
    memcpy(&bits, &shifted, 4);
    return (bits & 0x007fffff) - 0x00400000;
}

// The 6-bit scale and min of sub-block j (0..7) packed in a Q4_K/Q5_K block's 12 bytes.
static inline void pk_scale_min_k4(int j, const uint8_t *q, uint8_t *scale, uint8_t *min) {
    if (j < 4) {
        *scale = q[j] & 63;
        *min = q[j + 4] & 63;
    } else {
        *scale = (q[j + 4] & 0x0F) | ((q[j - 4] >> 6) << 4);
        *min = (q[j + 4] >> 4) | ((q[j] >> 6) << 4);
    }
}

#if defined(PK_AVX2)
static inline float pk_hsum_ps(__m256 x) {
    __m128 sum = _mm_add_ps(_mm256_extractf128_ps(x, 1), _mm256_castps256_ps128(x));
    sum = _mm_add_ps(sum, _mm_movehl_ps(sum, sum));
    sum = _mm_add_ss(sum, _mm_movehdup_ps(sum));
    return _mm_cvtss_f32(sum);
}

static inline int pk_hsum_epi32(__m256i x) {
    __m128i sum = _mm_add_epi32(_mm256_extracti128_si256(x, 1), _mm256_castsi256_si128(x));
    sum = _mm_add_epi32(sum, _mm_shuffle_epi32(sum, _MM_SHUFFLE(1, 0, 3, 2)));
    sum = _mm_add_epi32(sum, _mm_shuffle_epi32(sum, _MM_SHUFFLE(2, 3, 0, 1)));
    return _mm_cvtsi128_si32(sum);
}

// 16 bytes of nibbles as 32 bytes: the low nibbles (elements 0..15), then the high ones.
static inline __m256i pk_unpack_nibbles(const uint8_t *packed) {
    __m128i bytes = _mm_loadu_si128((const __m128i *)packed);
    __m256i both = _mm256_set_m128i(_mm_srli_epi16(bytes, 4), bytes);
    return _mm256_and_si256(both, _mm256_set1_epi8(0x0F));
}

// 32 bits as 32 bytes: 0xFF where the bit is set, 0 where it is clear.
static inline __m256i pk_expand_bits(const uint8_t *bits) {
    uint32_t word;
    memcpy(&word, bits, 4);
    // Byte k of the result holds source byte k / 8; then each byte keeps only its own bit.
    __m256i spread = _mm256_shuffle_epi8(_mm256_set1_epi32((int)word),
        _mm256_set_epi64x(0x0303030303030303, 0x0202020202020202, 0x0101010101010101, 0x0000000000000000));
    __m256i select = _mm256_set1_epi64x((long long)0x8040201008040201ULL);
    return _mm256_cmpeq_epi8(_mm256_and_si256(spread, select), select);
}

// Σ of products of unsigned bytes u and signed bytes s, as 8 int32. Adjacent pairs are summed
// in int16 with saturation: callers keep |u₀s₀ + u₁s₁| ≤ 32767 (true of every format here).
static inline __m256i pk_dot_u8_i8(__m256i u, __m256i s) {
    return _mm256_madd_epi16(_mm256_maddubs_epi16(u, s), _mm256_set1_epi16(1));
}

// Σ of products of two signed byte vectors, as 8 int32 (the sign moves onto y).
static inline __m256i pk_dot_i8_i8(__m256i x, __m256i y) {
    return pk_dot_u8_i8(_mm256_sign_epi8(x, x), _mm256_sign_epi8(y, x));
}
#endif

// Most activation rows one weight row meets at a time (the products' column tile).
#define PK_MAX_COLUMNS 8

// The weight row's unpacked quants are shared by the activation rows of a tile; each row's
// own arithmetic, in its own order, is that of a tile of one, so tiling changes no bit.
// Instantiates `pk_dot_<name>_columns` (n rows, 1...PK_MAX_COLUMNS, `stride` bytes apart)
// and `pk_dot_<name>` (one row) from an always-inlined body `<name>_columns(..., const n, ...)`:
// with n a constant the tile's accumulators stay in registers.
#define PK_COLUMNS_ENTRY_POINTS(name) \
    void pk_dot_##name##_columns(const void *weights, const void *activations, size_t stride, int n, int count, float *out) { \
        switch (n) { \
        case 1: name##_columns(weights, activations, stride, 1, count, out); break; \
        case 2: name##_columns(weights, activations, stride, 2, count, out); break; \
        case 3: name##_columns(weights, activations, stride, 3, count, out); break; \
        case 4: name##_columns(weights, activations, stride, 4, count, out); break; \
        case 5: name##_columns(weights, activations, stride, 5, count, out); break; \
        case 6: name##_columns(weights, activations, stride, 6, count, out); break; \
        case 7: name##_columns(weights, activations, stride, 7, count, out); break; \
        default: name##_columns(weights, activations, stride, 8, count, out); break; \
        } \
    } \
    float pk_dot_##name(const void *weights, const void *activations, int count) { \
        float result; \
        name##_columns(weights, activations, 0, 1, count, &result); \
        return result; \
    }

// Instantiates `pk_dot_<name>_rows8` (a K format's eight packed rows against n activation rows,
// 1...PK_MAX_COLUMNS) from an always-inlined body `<name>_rows8(..., const n, out)`, as above.
#define PK_ROWS8_K_ENTRY_POINT(name) \
    void pk_dot_##name##_rows8(const void *group, int blocks, const void *activations, size_t stride, int n, float *out) { \
        switch (n) { \
        case 1: name##_rows8(group, blocks, activations, stride, 1, out); break; \
        case 2: name##_rows8(group, blocks, activations, stride, 2, out); break; \
        case 3: name##_rows8(group, blocks, activations, stride, 3, out); break; \
        case 4: name##_rows8(group, blocks, activations, stride, 4, out); break; \
        case 5: name##_rows8(group, blocks, activations, stride, 5, out); break; \
        case 6: name##_rows8(group, blocks, activations, stride, 6, out); break; \
        case 7: name##_rows8(group, blocks, activations, stride, 7, out); break; \
        default: name##_rows8(group, blocks, activations, stride, 8, out); break; \
        } \
    }

// A tile computed one activation row at a time by a format's one-row dot product.
#define PK_COLUMNS_BY_ROW(name) \
    void pk_dot_##name##_columns(const void *weights, const void *activations, size_t stride, int n, int count, float *out) { \
        for (int c = 0; c < n; c++) out[c] = pk_dot_##name(weights, (const uint8_t *)activations + (size_t)c * stride, count); \
    }

// The scalar reference's tile, where there is no SIMD.
static inline void pk_columns_reference(float (*dot)(const void *, const void *, int), const void *weights,
                                        const void *activations, size_t stride, int n, int count, float *out) {
    for (int c = 0; c < n; c++) out[c] = dot(weights, (const uint8_t *)activations + (size_t)c * stride, count);
}

#if defined(PK_AVX2)
// The 32-element formats whose weights unpack to signed bytes and multiply Q8_0 activations
// (Q4_0, Q5_0, Q8_0, IQ4_NL): per block, w·a as |w|·(a with w's sign), scaled by d_w·d_a.
typedef __m256i (*pk_unpack_signed)(const uint8_t *block);

static inline __attribute__((always_inline)) void pk_columns_signed_q8_0(
    pk_unpack_signed unpack, int block_bytes, const void *weights, const void *activations, size_t stride,
    const int n, int count, float *out) {
    const uint8_t *x = weights;
    __m256 accumulator[PK_MAX_COLUMNS];
    for (int c = 0; c < n; c++) accumulator[c] = _mm256_setzero_ps();
    for (int i = 0; i < count / QK; i++) {
        const uint8_t *block = x + (size_t)i * block_bytes;
        const __m256i w = unpack(block);
        const __m256i magnitude = _mm256_sign_epi8(w, w);
        pk_half dw;
        memcpy(&dw, block, 2);  // every one of these formats starts with its half scale d
        const float scale = pk_half_to_float(dw);
        for (int c = 0; c < n; c++) {
            const block_q8_0 *y = (const block_q8_0 *)((const uint8_t *)activations + (size_t)c * stride) + i;
            const __m256i a = _mm256_loadu_si256((const __m256i *)y->qs);
            const __m256i dot = pk_dot_u8_i8(magnitude, _mm256_sign_epi8(a, w));
            accumulator[c] = _mm256_fmadd_ps(_mm256_set1_ps(scale * pk_half_to_float(y->d)), _mm256_cvtepi32_ps(dot), accumulator[c]);
        }
    }
    for (int c = 0; c < n; c++) out[c] = pk_hsum_ps(accumulator[c]);
}

// Two weight rows against the same tile: each activation block is loaded once for both rows
// and its scale comes already converted (`scales[c · scale_stride + i]` for activation row c,
// block i). Each output's arithmetic is `pk_columns_signed_q8_0`'s, step for step, so the
// bits are the same as one row at a time.
static inline __attribute__((always_inline)) void pk_rows2_signed_q8_0(
    pk_unpack_signed unpack, int block_bytes, const void *weights, size_t row_bytes, const void *activations,
    size_t stride, const float *scales, size_t scale_stride, const int n, int count, float *out0, float *out1) {
    const uint8_t *x0 = weights, *x1 = x0 + row_bytes;
    __m256 first[PK_MAX_COLUMNS], second[PK_MAX_COLUMNS];
    for (int c = 0; c < n; c++) first[c] = second[c] = _mm256_setzero_ps();
    for (int i = 0; i < count / QK; i++) {
        const uint8_t *block0 = x0 + (size_t)i * block_bytes, *block1 = x1 + (size_t)i * block_bytes;
        const __m256i w0 = unpack(block0), w1 = unpack(block1);
        const __m256i magnitude0 = _mm256_sign_epi8(w0, w0), magnitude1 = _mm256_sign_epi8(w1, w1);
        pk_half d0, d1;
        memcpy(&d0, block0, 2);
        memcpy(&d1, block1, 2);
        const float scale0 = pk_half_to_float(d0), scale1 = pk_half_to_float(d1);
        for (int c = 0; c < n; c++) {
            const block_q8_0 *y = (const block_q8_0 *)((const uint8_t *)activations + (size_t)c * stride) + i;
            const __m256i a = _mm256_loadu_si256((const __m256i *)y->qs);
            const float da = scales[(size_t)c * scale_stride + i];
            first[c] = _mm256_fmadd_ps(_mm256_set1_ps(scale0 * da),
                                       _mm256_cvtepi32_ps(pk_dot_u8_i8(magnitude0, _mm256_sign_epi8(a, w0))), first[c]);
            second[c] = _mm256_fmadd_ps(_mm256_set1_ps(scale1 * da),
                                        _mm256_cvtepi32_ps(pk_dot_u8_i8(magnitude1, _mm256_sign_epi8(a, w1))), second[c]);
        }
    }
    for (int c = 0; c < n; c++) {
        out0[c] = pk_hsum_ps(first[c]);
        out1[c] = pk_hsum_ps(second[c]);
    }
}

// Instantiates `pk_dot_<name>_rows2` for a signed Q8_0-family format from its unpacker.
#define PK_ROWS2_ENTRY_POINT(name, block_type) \
    void pk_dot_##name##_rows2(const void *weights, size_t row_bytes, const void *activations, size_t stride, \
                               const float *scales, size_t scale_stride, int n, int count, float *out0, float *out1) { \
        switch (n) { \
        case 1: pk_rows2_signed_q8_0(name##_unpack, sizeof(block_type), weights, row_bytes, activations, stride, scales, scale_stride, 1, count, out0, out1); break; \
        case 2: pk_rows2_signed_q8_0(name##_unpack, sizeof(block_type), weights, row_bytes, activations, stride, scales, scale_stride, 2, count, out0, out1); break; \
        case 3: pk_rows2_signed_q8_0(name##_unpack, sizeof(block_type), weights, row_bytes, activations, stride, scales, scale_stride, 3, count, out0, out1); break; \
        case 4: pk_rows2_signed_q8_0(name##_unpack, sizeof(block_type), weights, row_bytes, activations, stride, scales, scale_stride, 4, count, out0, out1); break; \
        case 5: pk_rows2_signed_q8_0(name##_unpack, sizeof(block_type), weights, row_bytes, activations, stride, scales, scale_stride, 5, count, out0, out1); break; \
        case 6: pk_rows2_signed_q8_0(name##_unpack, sizeof(block_type), weights, row_bytes, activations, stride, scales, scale_stride, 6, count, out0, out1); break; \
        case 7: pk_rows2_signed_q8_0(name##_unpack, sizeof(block_type), weights, row_bytes, activations, stride, scales, scale_stride, 7, count, out0, out1); break; \
        default: pk_rows2_signed_q8_0(name##_unpack, sizeof(block_type), weights, row_bytes, activations, stride, scales, scale_stride, 8, count, out0, out1); break; \
        } \
    }

// The 32-element formats with unsigned weights and an offset m (Q4_1, Q5_1), against Q8_1
// activations: per block d_w·d_a·Σ q·a, plus m·s (s = d_a·Σa, carried by the Q8_1 block).
// Both start with their half scales d and m.
typedef __m256i (*pk_unpack_unsigned)(const uint8_t *block);

static inline __attribute__((always_inline)) void pk_columns_unsigned_q8_1(
    pk_unpack_unsigned unpack, int block_bytes, const void *weights, const void *activations, size_t stride,
    const int n, int count, float *out) {
    const uint8_t *x = weights;
    __m256 accumulator[PK_MAX_COLUMNS];
    float offsets[PK_MAX_COLUMNS];
    for (int c = 0; c < n; c++) {
        accumulator[c] = _mm256_setzero_ps();
        offsets[c] = 0;
    }
    for (int i = 0; i < count / QK; i++) {
        const uint8_t *block = x + (size_t)i * block_bytes;
        const __m256i w = unpack(block);
        pk_half halves[2];
        memcpy(halves, block, 4);
        const float d = pk_half_to_float(halves[0]), m = pk_half_to_float(halves[1]);
        for (int c = 0; c < n; c++) {
            const block_q8_1 *y = (const block_q8_1 *)((const uint8_t *)activations + (size_t)c * stride) + i;
            const __m256i a = _mm256_loadu_si256((const __m256i *)y->qs);
            accumulator[c] = _mm256_fmadd_ps(_mm256_set1_ps(d * pk_half_to_float(y->d)), _mm256_cvtepi32_ps(pk_dot_u8_i8(w, a)), accumulator[c]);
            offsets[c] += m * pk_half_to_float(y->s);
        }
    }
    for (int c = 0; c < n; c++) out[c] = pk_hsum_ps(accumulator[c]) + offsets[c];
}
#endif

// Per-family entry points (one file each).
#define PK_DECLARE(name) \
    void pk_dequantize_##name(const void *source, float *destination, int64_t count); \
    float pk_dot_##name##_ref(const void *weights, const void *activations, int count); \
    float pk_dot_##name(const void *weights, const void *activations, int count); \
    void pk_dot_##name##_columns(const void *weights, const void *activations, size_t stride, int n, int count, float *out);
PK_DECLARE(q4_0)
PK_DECLARE(q4_1)
PK_DECLARE(q5_0)
PK_DECLARE(q5_1)
PK_DECLARE(q8_0)
PK_DECLARE(iq4_nl)
PK_DECLARE(q2_K)
PK_DECLARE(q3_K)
PK_DECLARE(q4_K)
PK_DECLARE(q5_K)
PK_DECLARE(q6_K)
#undef PK_DECLARE

// Two weight rows at a time, for the signed formats against Q8_0 (AVX2 builds only).
typedef void (*pk_rows2_fn)(const void *weights, size_t row_bytes, const void *activations, size_t stride,
                            const float *scales, size_t scale_stride, int n, int count, float *out0, float *out1);
#if defined(PK_AVX2)
void pk_dot_q4_0_rows2(const void *, size_t, const void *, size_t, const float *, size_t, int, int, float *, float *);
void pk_dot_q5_0_rows2(const void *, size_t, const void *, size_t, const float *, size_t, int, int, float *, float *);
void pk_dot_q8_0_rows2(const void *, size_t, const void *, size_t, const float *, size_t, int, int, float *, float *);
void pk_dot_iq4_nl_rows2(const void *, size_t, const void *, size_t, const float *, size_t, int, int, float *, float *);
#endif

// Eight weight rows interleaved, against Q8_0 activations with float scales and 16·Σa per
// block: out[8c + r] for activation row c and row r of the group.
void pk_pack_q5_0_rows8(const void *source, size_t row_bytes, int rows, int columns, void *destination);
void pk_dequantize_q5_0_rows8(const void *packed, int row, int columns, float *y);
#if defined(PK_AVX2)
void pk_dot_q5_0_rows8(const void *group, int blocks, const void *activations, size_t stride, const float *scales,
                       const int32_t *offsets, size_t scale_stride, int n, float *out);
#endif
void pk_pack_q4_K_rows8(const void *source, size_t row_bytes, int rows, int columns, void *destination);
void pk_dequantize_q4_K_rows8(const void *packed, int row, int columns, float *y);
#if defined(PK_AVX2)
void pk_dot_q4_K_rows8(const void *group, int blocks, const void *activations, size_t stride, int n, float *out);
#endif
void pk_pack_q6_K_rows8(const void *source, size_t row_bytes, int rows, int columns, void *destination);
void pk_dequantize_q6_K_rows8(const void *packed, int row, int columns, float *y);
#if defined(PK_AVX2)
void pk_dot_q6_K_rows8(const void *group, int blocks, const void *activations, size_t stride, int n, float *out);
#endif
void pk_pack_q8_0_rows8(const void *source, size_t row_bytes, int rows, int columns, void *destination);
void pk_dequantize_q8_0_rows8(const void *packed, int row, int columns, float *y);
#if defined(PK_AVX2)
void pk_dot_q8_0_rows8(const void *group, int blocks, const void *activations, size_t stride, const float *scales,
                       int n, float *out);
#endif

void pk_quantize_q8_0(const float *x, void *y, int64_t count);
void pk_quantize_q8_1(const float *x, void *y, int64_t count);
void pk_quantize_q8_K(const float *x, void *y, int64_t count);

#endif

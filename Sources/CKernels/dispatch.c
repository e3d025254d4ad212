// The table of formats and the row-range matrix product every weight type goes through.
#include "ckernels.h"
#include "blocks.h"

#include <stdlib.h>

typedef void (*dequantize_fn)(const void *, float *, int64_t);
typedef float (*dot_fn)(const void *, const void *, int);
typedef void (*columns_fn)(const void *, const void *, size_t, int, int, float *);

typedef struct {
    int block_size, block_bytes;
    pk_type activation;
    dequantize_fn dequantize;
    dot_fn dot, dot_ref;
    columns_fn columns;
    pk_rows2_fn rows2;  // two weight rows per pass, or NULL
} format;

#define QUANTIZED(name, block, bytes, act) \
    {block, bytes, act, pk_dequantize_##name, pk_dot_##name, pk_dot_##name##_ref, pk_dot_##name##_columns, NULL}
#if defined(PK_AVX2)
#define QUANTIZED_ROWS2(name, block, bytes, act) \
    {block, bytes, act, pk_dequantize_##name, pk_dot_##name, pk_dot_##name##_ref, pk_dot_##name##_columns, pk_dot_##name##_rows2}
#else
#define QUANTIZED_ROWS2 QUANTIZED
#endif

static void dequantize_f32(const void *source, float *y, int64_t count) { memcpy(y, source, (size_t)count * 4); }
static void dequantize_f16(const void *source, float *y, int64_t count) {
    const pk_half *x = source;
    for (int64_t i = 0; i < count; i++) y[i] = pk_half_to_float(x[i]);
}
static void dequantize_bf16(const void *source, float *y, int64_t count) {
    const uint16_t *x = source;
    for (int64_t i = 0; i < count; i++) y[i] = pk_bf16_to_float(x[i]);
}

static float dot_f32(const void *weights, const void *activations, int count) {
    const float *w = weights, *x = activations;
    float sum = 0;
    for (int i = 0; i < count; i++) sum += w[i] * x[i];
    return sum;
}
static float dot_f16(const void *weights, const void *activations, int count) {
    const pk_half *w = weights;
    const float *x = activations;
    float sum = 0;
    for (int i = 0; i < count; i++) sum += pk_half_to_float(w[i]) * x[i];
    return sum;
}
static float dot_bf16(const void *weights, const void *activations, int count) {
    const uint16_t *w = weights;
    const float *x = activations;
    float sum = 0;
    for (int i = 0; i < count; i++) sum += pk_bf16_to_float(w[i]) * x[i];
    return sum;
}

static void columns_f32(const void *w, const void *x, size_t stride, int n, int count, float *out) {
    for (int c = 0; c < n; c++) out[c] = dot_f32(w, (const uint8_t *)x + (size_t)c * stride, count);
}
static void columns_f16(const void *w, const void *x, size_t stride, int n, int count, float *out) {
    for (int c = 0; c < n; c++) out[c] = dot_f16(w, (const uint8_t *)x + (size_t)c * stride, count);
}
static void columns_bf16(const void *w, const void *x, size_t stride, int n, int count, float *out) {
    for (int c = 0; c < n; c++) out[c] = dot_bf16(w, (const uint8_t *)x + (size_t)c * stride, count);
}

// Float weights multiply float activations; the Swift side keeps its own SIMD float dots,
// these scalar ones serve dequantization and the tests.
static const format *lookup(pk_type type) {
    static const format f32 = {1, 4, PK_F32, dequantize_f32, dot_f32, dot_f32, columns_f32, NULL};
    static const format f16 = {1, 2, PK_F32, dequantize_f16, dot_f16, dot_f16, columns_f16, NULL};
    static const format bf16 = {1, 2, PK_F32, dequantize_bf16, dot_bf16, dot_bf16, columns_bf16, NULL};
    static const format q4_0 = QUANTIZED_ROWS2(q4_0, QK, 18, PK_Q8_0);
    static const format q4_1 = QUANTIZED(q4_1, QK, 20, PK_Q8_1);
    static const format q5_0 = QUANTIZED_ROWS2(q5_0, QK, 22, PK_Q8_0);
    static const format q5_1 = QUANTIZED(q5_1, QK, 24, PK_Q8_1);
    static const format q8_0 = QUANTIZED_ROWS2(q8_0, QK, 34, PK_Q8_0);
    static const format iq4_nl = QUANTIZED_ROWS2(iq4_nl, QK, 18, PK_Q8_0);
    static const format q2_K = QUANTIZED(q2_K, QK_K, 84, PK_Q8_K);
    static const format q3_K = QUANTIZED(q3_K, QK_K, 110, PK_Q8_K);
    static const format q4_K = QUANTIZED(q4_K, QK_K, 144, PK_Q8_K);
    static const format q5_K = QUANTIZED(q5_K, QK_K, 176, PK_Q8_K);
    static const format q6_K = QUANTIZED(q6_K, QK_K, 210, PK_Q8_K);
    switch (type) {
    case PK_F32: return &f32;
    case PK_F16: return &f16;
    case PK_BF16: return &bf16;
    case PK_Q4_0: return &q4_0;
    case PK_Q4_1: return &q4_1;
    case PK_Q5_0: return &q5_0;
    case PK_Q5_1: return &q5_1;
    case PK_Q8_0: return &q8_0;
    case PK_IQ4_NL: return &iq4_nl;
    case PK_Q2_K: return &q2_K;
    case PK_Q3_K: return &q3_K;
    case PK_Q4_K: return &q4_K;
    case PK_Q5_K: return &q5_K;
    case PK_Q6_K: return &q6_K;
    default: return NULL;
    }
}

int pk_type_supported(pk_type type) { return lookup(type) != NULL; }

int pk_activation_type(pk_type type) {
    const format *f = lookup(type);
    return f ? (int)f->activation : -1;
}

int pk_block_size(pk_type type) {
    if (type == PK_Q8_1 || type == PK_Q8_0) return QK;
    if (type == PK_Q8_K) return QK_K;
    const format *f = lookup(type);
    return f ? f->block_size : 0;
}

int pk_block_bytes(pk_type type) {
    if (type == PK_Q8_0) return (int)sizeof(block_q8_0);
    if (type == PK_Q8_1) return (int)sizeof(block_q8_1);
    if (type == PK_Q8_K) return (int)sizeof(block_q8_K);
    const format *f = lookup(type);
    return f ? f->block_bytes : 0;
}

void pk_dequantize_row(pk_type type, const void *source, float *destination, int64_t count) {
    lookup(type)->dequantize(source, destination, count);
}

void pk_quantize_activations(pk_type type, const float *values, void *destination, int64_t count) {
    switch (type) {
    case PK_Q8_0: pk_quantize_q8_0(values, destination, count); break;
    case PK_Q8_1: pk_quantize_q8_1(values, destination, count); break;
    case PK_Q8_K: pk_quantize_q8_K(values, destination, count); break;
    default: memcpy(destination, values, (size_t)count * sizeof(float)); break;
    }
}

float pk_dot(pk_type type, const void *weights, const void *activations, int count) {
    return lookup(type)->dot(weights, activations, count);
}

float pk_dot_ref(pk_type type, const void *weights, const void *activations, int count) {
    return lookup(type)->dot_ref(weights, activations, count);
}

void pk_dot_columns(pk_type type, const void *weights, const void *activations, size_t activation_row_bytes,
                    int n, int count, float *out) {
    for (int c = 0; c < n; c += PK_MAX_COLUMNS) {
        const int tile = n - c < PK_MAX_COLUMNS ? n - c : PK_MAX_COLUMNS;
        lookup(type)->columns(weights, (const uint8_t *)activations + (size_t)c * activation_row_bytes, activation_row_bytes,
                              tile, count, out + c);
    }
}

// Weight rows are taken 16 at a time (at most 16 · 7 KB, ffn_down's Q6_K rows, stays in L2)
// and each is multiplied with the batch rows PK_MAX_COLUMNS at a time, so a tile's activations
// stay in L1 while the 16 rows pass and the batch is read once per 16 rows, not once per row.
// Formats with a two-row kernel take the rows in pairs when the batch is large enough for the
// product to be bound by arithmetic (a prompt chunk, many samples): each activation block is
// then loaded once per two weight rows, and its half scale converted once per product, not
// once per row. A single decode row stays one weight row at a time: it is bound by reading
// the weights, and one sequential stream reads them faster than two interleaved ones
// (measured: 0.5B decode 37 → 29 tok/s with pairs).
enum { ROW_TILE = 16, PAIR_MIN_BATCH = 4 };

// `*buffer` grown to at least `bytes` (a thread's buffer, kept for its next product); NULL if
// memory runs out.
static void *grown_buffer(void **buffer, size_t *capacity, size_t bytes) {
    if (bytes > *capacity) {
        void *grown = realloc(*buffer, bytes);
        if (!grown) return NULL;
        *buffer = grown;
        *capacity = bytes;
    }
    return *buffer;
}

// The Q8_0 activation rows' block scales as floats, row b's at [b · blocks], in a buffer per
// thread. NULL if memory runs out.
static const float *q8_0_scales(const uint8_t *activations, size_t activation_row_bytes, int batch, int blocks) {
    static _Thread_local void *storage;
    static _Thread_local size_t capacity;
    float *buffer = grown_buffer(&storage, &capacity, (size_t)batch * (size_t)blocks * sizeof(float));
    if (!buffer) return NULL;
    for (int b = 0; b < batch; b++) {
        const block_q8_0 *row = (const block_q8_0 *)(activations + (size_t)b * activation_row_bytes);
        for (int i = 0; i < blocks; i++) buffer[(size_t)b * blocks + i] = pk_half_to_float(row[i].d);
    }
    return buffer;
}

void pk_matmul_rows(pk_type type, const void *weights, size_t row_bytes, int columns,
                    int row_begin, int row_end,
                    const void *activations, size_t activation_row_bytes, int batch,
                    float *out, size_t out_stride) {
    const columns_fn product = lookup(type)->columns;
    const pk_rows2_fn pair = lookup(type)->rows2;
    const uint8_t *w = weights, *x = activations;
    const int blocks = columns / QK;
    const float *scales = pair && batch >= PAIR_MIN_BATCH && row_end - row_begin > 1 ? q8_0_scales(x, activation_row_bytes, batch, blocks) : NULL;
    for (int tile_begin = row_begin; tile_begin < row_end; tile_begin += ROW_TILE) {
        const int tile_end = row_end - tile_begin < ROW_TILE ? row_end : tile_begin + ROW_TILE;
        // The batch in as few tiles as fit, of even sizes (10 rows: 5 and 5, not 8 and 2),
        // so no tile unpacks the weights for one or two rows only.
        const int tiles = (batch + PK_MAX_COLUMNS - 1) / PK_MAX_COLUMNS;
        for (int t = 0; t < tiles; t++) {
            const int b = batch * t / tiles, n = batch * (t + 1) / tiles - b;
            int r = tile_begin;
            if (scales) {
                for (; r + 1 < tile_end; r += 2) {
                    float first[PK_MAX_COLUMNS], second[PK_MAX_COLUMNS];
                    pair(w + (size_t)r * row_bytes, row_bytes, x + (size_t)b * activation_row_bytes, activation_row_bytes,
                         scales + (size_t)b * blocks, (size_t)blocks, n, columns, first, second);
                    for (int c = 0; c < n; c++) {
                        out[(size_t)(b + c) * out_stride + r] = first[c];
                        out[(size_t)(b + c) * out_stride + r + 1] = second[c];
                    }
                }
            }
            for (; r < tile_end; r++) {
                float results[PK_MAX_COLUMNS];
                product(w + (size_t)r * row_bytes, x + (size_t)b * activation_row_bytes, activation_row_bytes, n, columns, results);
                for (int c = 0; c < n; c++) out[(size_t)(b + c) * out_stride + r] = results[c];
            }
        }
    }
}

int pk_packs_rows8(pk_type type) {
#if defined(PK_AVX2)
    return type == PK_Q5_0 || type == PK_Q8_0 || type == PK_Q4_K || type == PK_Q6_K;
#else
    (void)type;
    return 0;
#endif
}

size_t pk_packed_bytes(pk_type type, int rows, int columns) {
    const size_t groups = (size_t)rows / 8;
    switch (type) {
    case PK_Q5_0: return groups * (size_t)(columns / QK) * sizeof(block_q5_0x8);
    case PK_Q8_0: return groups * (size_t)(columns / QK) * sizeof(block_q8_0x8);
    case PK_Q4_K: return groups * (size_t)(columns / QK_K) * sizeof(block_q4_Kx8);
    case PK_Q6_K: return groups * (size_t)(columns / QK_K) * sizeof(block_q6_Kx8);
    default: return 0;
    }
}

void pk_pack_rows8(pk_type type, const void *source, size_t row_bytes, int rows, int columns, void *destination) {
    if (type == PK_Q5_0) pk_pack_q5_0_rows8(source, row_bytes, rows, columns, destination);
    if (type == PK_Q8_0) pk_pack_q8_0_rows8(source, row_bytes, rows, columns, destination);
    if (type == PK_Q4_K) pk_pack_q4_K_rows8(source, row_bytes, rows, columns, destination);
    if (type == PK_Q6_K) pk_pack_q6_K_rows8(source, row_bytes, rows, columns, destination);
}

void pk_dequantize_packed_row(pk_type type, const void *packed, int row, int columns, float *destination) {
    if (type == PK_Q5_0) pk_dequantize_q5_0_rows8(packed, row, columns, destination);
    if (type == PK_Q8_0) pk_dequantize_q8_0_rows8(packed, row, columns, destination);
    if (type == PK_Q4_K) pk_dequantize_q4_K_rows8(packed, row, columns, destination);
    if (type == PK_Q6_K) pk_dequantize_q6_K_rows8(packed, row, columns, destination);
}

#if defined(PK_AVX2)
// 16·Σq of every Q8_0 activation block, row b's at [b · blocks]: the −16 of Q5_0's unsigned
// packed quants. A buffer per thread like the scales'.
static const int32_t *q8_0_offsets(const uint8_t *activations, size_t activation_row_bytes, int batch, int blocks) {
    static _Thread_local void *storage;
    static _Thread_local size_t capacity;
    int32_t *buffer = grown_buffer(&storage, &capacity, (size_t)batch * (size_t)blocks * sizeof(int32_t));
    if (!buffer) return NULL;
    for (int b = 0; b < batch; b++) {
        const block_q8_0 *row = (const block_q8_0 *)(activations + (size_t)b * activation_row_bytes);
        for (int i = 0; i < blocks; i++) {
            int32_t sum = 0;
            for (int k = 0; k < QK; k++) sum += row[i].qs[k];
            buffer[(size_t)b * blocks + i] = 16 * sum;
        }
    }
    return buffer;
}

// A group's results (8 per activation row) into `out`; a range that starts or ends inside the
// group keeps only its own rows.
static void store_group(const float *results, int group, int row_begin, int row_end, int b, int n, float *out,
                        size_t out_stride) {
    const int first = group * 8 < row_begin ? row_begin : group * 8, last = group * 8 + 8 > row_end ? row_end : group * 8 + 8;
    for (int c = 0; c < n; c++)
        for (int r = first; r < last; r++) out[(size_t)(b + c) * out_stride + r] = results[8 * c + r - group * 8];
}

void pk_matmul_packed_rows(pk_type type, const void *packed, int columns, int row_begin, int row_end,
                           const void *activations, size_t activation_row_bytes, int batch,
                           float *out, size_t out_stride) {
    const uint8_t *x = activations;
    const size_t group_bytes = pk_packed_bytes(type, 8, columns);
    const int tiles = (batch + PK_MAX_COLUMNS - 1) / PK_MAX_COLUMNS;
    if (type == PK_Q4_K || type == PK_Q6_K) {
        void (*product)(const void *, int, const void *, size_t, int, float *) = type == PK_Q4_K ? pk_dot_q4_K_rows8 : pk_dot_q6_K_rows8;
        for (int group = row_begin / 8; group * 8 < row_end; group++) {
            for (int t = 0; t < tiles; t++) {
                const int b = batch * t / tiles, n = batch * (t + 1) / tiles - b;
                float results[8 * PK_MAX_COLUMNS];
                product((const uint8_t *)packed + (size_t)group * group_bytes, columns / QK_K,
                        x + (size_t)b * activation_row_bytes, activation_row_bytes, n, results);
                store_group(results, group, row_begin, row_end, b, n, out, out_stride);
            }
        }
        return;
    }
    const int blocks = columns / QK;
    const float *scales = q8_0_scales(x, activation_row_bytes, batch, blocks);
    const int32_t *offsets = type == PK_Q5_0 ? q8_0_offsets(x, activation_row_bytes, batch, blocks) : NULL;
    if (!scales || (type == PK_Q5_0 && !offsets)) abort();  // out of memory for a few KB
    for (int group = row_begin / 8; group * 8 < row_end; group++) {
        for (int t = 0; t < tiles; t++) {
            const int b = batch * t / tiles, n = batch * (t + 1) / tiles - b;
            float results[8 * PK_MAX_COLUMNS];
            const uint8_t *rows = (const uint8_t *)packed + (size_t)group * group_bytes, *tile = x + (size_t)b * activation_row_bytes;
            if (type == PK_Q5_0)
                pk_dot_q5_0_rows8(rows, blocks, tile, activation_row_bytes, scales + (size_t)b * blocks, offsets + (size_t)b * blocks,
                                  (size_t)blocks, n, results);
            else
                pk_dot_q8_0_rows8(rows, blocks, tile, activation_row_bytes, scales + (size_t)b * blocks, n, results);
            store_group(results, group, row_begin, row_end, b, n, out, out_stride);
        }
    }
}
#else
// Nothing is packed without AVX2 (`pk_packs_rows8` is 0), so there is no packed product to run.
void pk_matmul_packed_rows(pk_type type, const void *packed, int columns, int row_begin, int row_end,
                           const void *activations, size_t activation_row_bytes, int batch,
                           float *out, size_t out_stride) {
    abort();
}
#endif

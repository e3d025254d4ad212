// Proctor's quantized matrix kernels: ggml's block formats, dequantized and multiplied.
//
// For every weight format there is a scalar reference (`_ref`): the dequantizer is the
// specification of the format and the scalar dot product is the test oracle of the SIMD one.
// Activations are quantized once per product into the format the weights pair with (Q8_0,
// Q8_1 or Q8_K, as ggml pairs them), and the dot products run on integers. The AVX2 paths
// are compiled when the target has AVX2/FMA/F16C; elsewhere the references run.
//
// All pointers are non-null; row lengths are whole numbers of blocks.
#ifndef CKERNELS_H
#define CKERNELS_H

#include <stddef.h>
#include <stdint.h>

#pragma clang assume_nonnull begin

/// ggml type codes, as in GGUF tensor infos.
typedef enum pk_type {
    PK_F32 = 0,
    PK_F16 = 1,
    PK_Q4_0 = 2,
    PK_Q4_1 = 3,
    PK_Q5_0 = 6,
    PK_Q5_1 = 7,
    PK_Q8_0 = 8,
    PK_Q8_1 = 9,
    PK_Q2_K = 10,
    PK_Q3_K = 11,
    PK_Q4_K = 12,
    PK_Q5_K = 13,
    PK_Q6_K = 14,
    PK_Q8_K = 15,
    PK_IQ4_NL = 20,
    PK_BF16 = 30,
} pk_type;

/// Whether `type` can be dequantized and multiplied here.
int pk_type_supported(pk_type type);

/// The activation format a weight type multiplies against (PK_Q8_0, PK_Q8_1, PK_Q8_K, or
/// PK_F32 for float weights); -1 when `type` is not supported.
int pk_activation_type(pk_type type);

/// Elements per block and bytes per block of `type` (1 and the element size for float types).
int pk_block_size(pk_type type);
int pk_block_bytes(pk_type type);

/// Writes the `count` floats of one row of `type` at `source` to `destination` with the
/// format's reference dequantizer.
void pk_dequantize_row(pk_type type, const void *source, float *destination, int64_t count);

/// Quantizes `count` floats into one row of activation format `type` (PK_Q8_0, PK_Q8_1 or
/// PK_Q8_K), exactly as ggml's CPU backend quantizes the right-hand side of a product.
void pk_quantize_activations(pk_type type, const float *values, void *destination, int64_t count);

/// Σ w·x over `count` elements of weight row `weights` (format `type`) and activation row
/// `activations` (format `pk_activation_type(type)`, or floats for float weights).
float pk_dot(pk_type type, const void *weights, const void *activations, int count);

/// The same with the scalar reference only (the oracle of `pk_dot`).
float pk_dot_ref(pk_type type, const void *weights, const void *activations, int count);

/// out[c] = the dot product of `weights` with activation row c, for the `n` rows
/// `activation_row_bytes` apart at `activations`: the product's tiled kernel, which shares the
/// weight row's unpacking among up to eight activation rows and gives each exactly `pk_dot`'s bits.
void pk_dot_columns(pk_type type, const void *weights, const void *activations, size_t activation_row_bytes,
                    int n, int count, float *out);

/// out[b · out_stride + r] = Σ_c W[r, c] · x[b, c] for rows r in [row_begin, row_end) and
/// batch rows b in [0, batch). W: rows of `row_bytes` in `type` from `weights`; x: batch rows
/// in the activation format, `activation_row_bytes` apart. Weight rows are taken 16 at a time,
/// each against batch rows eight at a time (`pk_dot_columns`); every output is `pk_dot`'s.
void pk_matmul_rows(pk_type type, const void *weights, size_t row_bytes, int columns,
                    int row_begin, int row_end,
                    const void *activations, size_t activation_row_bytes, int batch,
                    float *out, size_t out_stride);

/// Whether `type` has a packed form of eight rows interleaved (Q5_0, Q8_0, Q4_K and Q6_K on AVX2): a product with
/// it shares each unpacked block among the eight rows and needs no horizontal sums.
int pk_packs_rows8(pk_type type);

/// Bytes of `rows` (a multiple of 8) rows of `type` in the packed form: the rows' own bytes
/// (Q5_0, Q8_0, Q6_K), or 32 bytes more per eight rows' super-block (Q4_K, its scales unpacked).
size_t pk_packed_bytes(pk_type type, int rows, int columns);

/// Writes `rows` (a multiple of 8) rows of `type`, `row_bytes` apart at `source`, in the
/// packed form to `destination`, which holds `pk_packed_bytes` bytes.
void pk_pack_rows8(pk_type type, const void *source, size_t row_bytes, int rows, int columns, void *destination);

/// Row `row` of a packed matrix as floats (the same values as the unpacked row's).
void pk_dequantize_packed_row(pk_type type, const void *packed, int row, int columns, float *destination);

/// `pk_matmul_rows` on a packed matrix. Each output is Σ over blocks of d_w·d_a times the
/// block's integer dot product, added in block order: its bits do not depend on the batch or
/// on the other rows of the range, though they may differ from `pk_dot`'s (a different order).
void pk_matmul_packed_rows(pk_type type, const void *packed, int columns, int row_begin, int row_end,
                           const void *activations, size_t activation_row_bytes, int batch,
                           float *out, size_t out_stride);

/// scores[p · score_stride] = scale · (q_p · key) for the `pairs` query vectors q_p of
/// `head_dim` floats, consecutive at `queries`. A score's arithmetic does not depend on
/// `pairs` or on p, so grouping queries changes no bit.
void pk_attention_scores(const float *queries, int pairs, int head_dim, const float *key, float scale,
                         float *scores, size_t score_stride);

/// out[i] += Σ_t half(weights[t]) · values[t · head_dim + i] for t in 0..<count, in order of t
/// (each weight rounded to half precision first, as llama.cpp mixes values on a half cache).
void pk_attention_mix(float *out, const float *weights, int count, const float *values, int head_dim);

#pragma clang assume_nonnull end

#endif

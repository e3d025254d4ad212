import CKernels

/// A weight matrix left in the model file's ggml blocks: `rows` rows of `columns` elements,
/// each row `rowBytes` long. Computes `out = W · x` on the blocks directly.
struct WeightMatrix: @unchecked Sendable {
    let name: String
    let type: GGMLType
    /// Output dimension.
    let rows: Int
    /// Input dimension (ggml `ne0`).
    let columns: Int
    let data: UnsafeRawPointer
    /// Bytes per row.
    let rowBytes: Int
    /// The rows packed eight at a time for products (`pk_pack_rows8`), or nil: products then
    /// read `data`. Lookups of single rows always read `data`.
    private(set) var packed: UnsafeRawPointer?

    init(name: String, type: GGMLType, rows: Int, columns: Int, data: UnsafeRawPointer) throws {
        guard type.isComputable else { throw InferenceError.unsupportedTensorType(tensor: name, typeCode: type.rawValue) }
        self.name = name
        self.type = type
        self.rows = rows
        self.columns = columns
        self.data = data
        self.rowBytes = type.rowBytes(count: columns)!
    }

    /// The int8 format the product quantizes the activations to; nil for float weights.
    var activationFormat: QuantizedActivations.Format? { QuantizedActivations.Format(weights: type) }

    /// `out[b, r] = Σ_c W[r, c] · x[b, c]` for `r` in `rowRange` and every batch row `b`.
    ///   x: [batch, columns], row b at `x + b · inputStride`; out: [batch, rows].
    /// `activations` must already hold `x` quantized in `activationFormat` when there is one.
    ///
    /// Each weight row meets every batch row while it is in cache, so a batch of B rows reads
    /// the weights once instead of B times. The arithmetic of each (weight row, batch row)
    /// pair is exactly that of a batch of one, so batching does not change a single bit.
    func multiply(
        _ x: UnsafePointer<Float>, inputStride: Int, batch: Int, _ activations: QuantizedActivations,
        into out: UnsafeMutablePointer<Float>, rowRange: Range<Int>
    ) {
        if let packed {
            precondition(activations.rows == batch && activations.columns == columns, "\(name): activations not quantized for this product")
            let format = activationFormat!
            pk_matmul_packed_rows(
                pk_type(rawValue: type.rawValue), packed, Int32(columns), Int32(rowRange.lowerBound), Int32(rowRange.upperBound),
                activations.data(format), QuantizedActivations.rowBytes(format, columns: columns), Int32(batch), out, rows)
            return
        }
        if let format = activationFormat {
            precondition(activations.rows == batch && activations.columns == columns, "\(name): activations not quantized for this product")
            pk_matmul_rows(
                pk_type(rawValue: type.rawValue), data, rowBytes, Int32(columns), Int32(rowRange.lowerBound), Int32(rowRange.upperBound),
                activations.data(format), QuantizedActivations.rowBytes(format, columns: columns), Int32(batch), out, rows)
            return
        }
        for row in rowRange {
            let weights = data + row * rowBytes
            for b in 0..<batch {
                let xb = x + b * inputStride
                switch type {
                case .f32: out[b * rows + row] = BlockDot.f32(weights, xb, count: columns)
                case .f16: out[b * rows + row] = BlockDot.f16(weights, xb, count: columns)
                default: out[b * rows + row] = BlockDot.bf16(weights, xb, count: columns)
                }
            }
        }
    }

    /// Several products of the same input, `outs[i] = matrices[i] · x`, as one parallel job
    /// so the workers synchronise once. `x` is quantized first, once into each activation
    /// format the matrices need.
    ///   x: [batch, columns] at row stride `inputStride` (default `columns`);
    ///   outs[i]: [batch, matrices[i].rows]
    static func multiply(
        _ products: [(matrix: WeightMatrix, out: UnsafeMutablePointer<Float>)], _ x: UnsafePointer<Float>,
        _ activations: QuantizedActivations, parallel: ParallelRows, batch: Int = 1, inputStride: Int? = nil
    ) {
        let totalRows = products.reduce(0) { $0 + $1.matrix.rows }
        let columns = products[0].matrix.columns
        var quantized: Set<QuantizedActivations.Format> = []
        for product in products {
            guard let format = product.matrix.activationFormat, quantized.insert(format).inserted else { continue }
            activations.quantize(x, rows: batch, columns: columns, stride: inputStride ?? columns, format: format)
        }
        let shared = UncheckedSendable((products, x, activations))
        parallel.run(totalRows) { range in
            let (products, x, activations) = shared.value
            var first = 0
            for product in products {
                let start = max(range.lowerBound, first), end = min(range.upperBound, first + product.matrix.rows)
                if start < end {
                    product.matrix.multiply(
                        x, inputStride: inputStride ?? product.matrix.columns, batch: batch, activations,
                        into: product.out, rowRange: (start - first)..<(end - first))
                }
                first += product.matrix.rows
            }
        }
    }

    /// This matrix with its rows packed for products when its format has a packed form (Q5_0,
    /// Q8_0, Q4_K and Q6_K on AVX2, rows a multiple of eight), and the storage that holds the packed
    /// bytes; nil when there is none. The packed rows take as many bytes as the rows themselves
    /// (Q4_K: 2.8 % more, its scales unpacked). Rows are packed a few megabytes at a time, each
    /// part's source bytes handed to `done` after it (so the caller can let go of them before
    /// the next part is read).
    func packedForProducts(done: (UnsafeRawBufferPointer) -> Void = { _ in }) -> (matrix: WeightMatrix, storage: PackedRows)? {
        let kernel = pk_type(rawValue: type.rawValue)
        guard packed == nil, rows % 8 == 0, pk_packs_rows8(kernel) != 0 else { return nil }
        let storage = PackedRows(byteCount: pk_packed_bytes(kernel, Int32(rows), Int32(columns)))
        let part = max(8, (4 << 20) / rowBytes / 8 * 8)  // rows
        for first in stride(from: 0, to: rows, by: part) {
            let count = min(part, rows - first)
            pk_pack_rows8(kernel, data + first * rowBytes, rowBytes, Int32(count), Int32(columns),
                          storage.bytes + pk_packed_bytes(kernel, Int32(first), Int32(columns)))
            done(UnsafeRawBufferPointer(start: data + first * rowBytes, count: count * rowBytes))
        }
        var matrix = self
        matrix.packed = UnsafeRawPointer(storage.bytes)
        return (matrix, storage)
    }

    /// Row `row` converted to floats.  // [columns]
    func dequantizedRow(_ row: Int, into destination: UnsafeMutablePointer<Float>) {
        Dequantize.row(type: type, source: data + row * rowBytes, destination: destination, count: columns)
    }
}

/// The bytes of a packed weight matrix (see `WeightMatrix.packedForProducts`).
final class PackedRows: @unchecked Sendable {
    let bytes: UnsafeMutableRawPointer

    init(byteCount: Int) {
        bytes = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: 64)
    }

    deinit { bytes.deallocate() }
}

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

    init(name: String, type: GGMLType, rows: Int, columns: Int, data: UnsafeRawPointer) throws {
        guard type.isComputable else { throw InferenceError.unsupportedTensorType(tensor: name, typeCode: type.rawValue) }
        self.name = name
        self.type = type
        self.rows = rows
        self.columns = columns
        self.data = data
        self.rowBytes = type.rowBytes(count: columns)!
    }

    /// Whether the product quantizes the activations to int8 blocks first.
    var usesQuantizedActivations: Bool { type == .q4_0 || type == .q4_1 || type == .q8_0 }

    /// `out[b, r] = Σ_c W[r, c] · x[b, c]` for `r` in `rowRange` and every batch row `b`.
    ///   x: [batch, columns], row b at `x + b · inputStride`; out: [batch, rows].
    /// `activations` must already hold `x` quantized when `usesQuantizedActivations`.
    ///
    /// Each weight row meets every batch row while it is in cache, so a batch of B rows reads
    /// the weights once instead of B times. The arithmetic of each (weight row, batch row)
    /// pair is exactly that of a batch of one, so batching does not change a single bit.
    func multiply(
        _ x: UnsafePointer<Float>, inputStride: Int, batch: Int, _ activations: QuantizedActivations,
        into out: UnsafeMutablePointer<Float>, rowRange: Range<Int>
    ) {
        let blocks = columns / 32
        switch type {
        case .q4_0, .q4_1, .q8_0:
            precondition(activations.rows == batch && activations.columns == columns, "\(name): activations not quantized for this product")
            activations.widened.withUnsafeBufferPointer { quants in
                activations.scales.withUnsafeBufferPointer { scales in
                    activations.scaledSums.withUnsafeBufferPointer { sums in
                        let q = quants.baseAddress!, d = scales.baseAddress!, s = sums.baseAddress!
                        for row in rowRange {
                            let weights = data + row * rowBytes
                            for b in 0..<batch {
                                let (qb, db, sb) = (q + b * columns, d + b * blocks, s + b * blocks)
                                switch type {
                                case .q4_0: out[b * rows + row] = BlockDot.q4_0(weights, qb, db, blocks: blocks)
                                case .q4_1: out[b * rows + row] = BlockDot.q4_1(weights, qb, db, sb, blocks: blocks)
                                default: out[b * rows + row] = BlockDot.q8_0(weights, qb, db, blocks: blocks)
                                }
                            }
                        }
                    }
                }
            }
        case .f32, .f16, .bf16:
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
        case .q4_K, .q6_K:
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 256) { scratch in
                for row in rowRange {
                    for b in 0..<batch { out[b * rows + row] = 0 }
                    for block in 0..<(columns / 256) {
                        // Dequantized once, used by every batch row.
                        let source = data + row * rowBytes + block * type.blockBytes
                        if type == .q4_K { Dequantize.q4_KBlock(source, scratch.baseAddress!) } else { Dequantize.q6_KBlock(source, scratch.baseAddress!) }
                        for b in 0..<batch {
                            out[b * rows + row] += BlockDot.f32(UnsafeRawPointer(scratch.baseAddress!), x + b * inputStride + block * 256, count: 256)
                        }
                    }
                }
            }
        default:
            preconditionFailure("\(name): \(type) is not computable")
        }
    }

    /// Several products of the same input, `outs[i] = matrices[i] · x`, as one parallel job
    /// so the workers synchronise once. `activations` must hold `x` quantized (see
    /// `QuantizedActivations.quantize`) when any matrix `usesQuantizedActivations`.
    ///   x: [batch, columns] at row stride `inputStride` (default `columns`);
    ///   outs[i]: [batch, matrices[i].rows]
    static func multiply(
        _ products: [(matrix: WeightMatrix, out: UnsafeMutablePointer<Float>)], _ x: UnsafePointer<Float>,
        _ activations: QuantizedActivations, parallel: ParallelRows, batch: Int = 1, inputStride: Int? = nil
    ) {
        let totalRows = products.reduce(0) { $0 + $1.matrix.rows }
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

    /// Row `row` converted to floats.  // [columns]
    func dequantizedRow(_ row: Int, into destination: UnsafeMutablePointer<Float>) {
        Dequantize.row(type: type, source: data + row * rowBytes, destination: destination, count: columns)
    }
}

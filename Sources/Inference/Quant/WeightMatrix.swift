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

    /// `out[r] = Σ_c W[r, c] · x[c]` for `r` in `rowRange`.
    ///   x: [columns], out: [rows]; `activations` must already hold `x` quantized when
    ///   `usesQuantizedActivations`.
    func multiply(
        _ x: UnsafePointer<Float>, _ activations: QuantizedActivations,
        into out: UnsafeMutablePointer<Float>, rowRange: Range<Int>
    ) {
        let blocks = columns / 32
        switch type {
        case .q4_0, .q4_1, .q8_0:
            activations.widened.withUnsafeBufferPointer { quants in
                activations.scales.withUnsafeBufferPointer { scales in
                    activations.scaledSums.withUnsafeBufferPointer { sums in
                        let q = quants.baseAddress!, d = scales.baseAddress!, s = sums.baseAddress!
                        for row in rowRange {
                            let weights = data + row * rowBytes
                            switch type {
                            case .q4_0: out[row] = BlockDot.q4_0(weights, q, d, blocks: blocks)
                            case .q4_1: out[row] = BlockDot.q4_1(weights, q, d, s, blocks: blocks)
                            default: out[row] = BlockDot.q8_0(weights, q, d, blocks: blocks)
                            }
                        }
                    }
                }
            }
        case .f32:
            for row in rowRange { out[row] = BlockDot.f32(data + row * rowBytes, x, count: columns) }
        case .f16:
            for row in rowRange { out[row] = BlockDot.f16(data + row * rowBytes, x, count: columns) }
        case .bf16:
            for row in rowRange { out[row] = BlockDot.bf16(data + row * rowBytes, x, count: columns) }
        case .q4_K, .q6_K:
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 256) { scratch in
                for row in rowRange {
                    out[row] = BlockDot.kQuant(type, data + row * rowBytes, x, count: columns, scratch: scratch.baseAddress!)
                }
            }
        default:
            preconditionFailure("\(name): \(type) is not computable")
        }
    }

    /// Several products of the same input, `outs[i] = matrices[i] · x`, as one parallel job
    /// so the workers synchronise once. `activations` must hold `x` quantized (see
    /// `QuantizedActivations.quantize`) when any matrix `usesQuantizedActivations`.
    ///   x: [columns]; outs[i]: [matrices[i].rows]
    static func multiply(
        _ products: [(matrix: WeightMatrix, out: UnsafeMutablePointer<Float>)], _ x: UnsafePointer<Float>,
        _ activations: QuantizedActivations, parallel: ParallelRows
    ) {
        let totalRows = products.reduce(0) { $0 + $1.matrix.rows }
        let shared = UncheckedSendable((products, x, activations))
        parallel.run(totalRows) { range in
            let (products, x, activations) = shared.value
            var first = 0
            for product in products {
                let start = max(range.lowerBound, first), end = min(range.upperBound, first + product.matrix.rows)
                if start < end {
                    product.matrix.multiply(x, activations, into: product.out, rowRange: (start - first)..<(end - first))
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

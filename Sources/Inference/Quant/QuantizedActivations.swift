import CKernels

/// Rows of activations quantized into the int8 block formats ggml multiplies quantized
/// weights against: Q8_0 (32 quants, half scale), Q8_1 (Q8_0 plus d·Σq) and Q8_K (256
/// quants, float scale, sums of every 16). Each format is filled on demand, once per product
/// input, and each row on its own, so a batched product gives the same numbers as one
/// product per row.
final class QuantizedActivations {
    /// The formats a weight type pairs with.
    enum Format: Int, CaseIterable {
        case q8_0 = 8, q8_1 = 9, q8_K = 15

        init?(weights type: GGMLType) {
            self.init(rawValue: Int(pk_activation_type(pk_type(rawValue: type.rawValue))))
        }

        var kernelType: pk_type { pk_type(rawValue: UInt32(rawValue)) }
    }

    /// Most elements (rows × columns) one quantization holds.
    let capacity: Int
    /// Rows and elements per row of the last quantization.
    private(set) var rows = 0
    private(set) var columns = 0
    private var buffers: [Format: UnsafeMutableRawPointer] = [:]

    /// Room for `capacity` elements in all (rows × columns ≤ capacity).
    init(capacity: Int) {
        self.capacity = capacity
        for format in Format.allCases {
            let blocks = capacity / Int(pk_block_size(format.kernelType)) + 1
            buffers[format] = .allocate(byteCount: blocks * Int(pk_block_bytes(format.kernelType)), alignment: 64)
        }
    }

    deinit {
        for buffer in buffers.values { buffer.deallocate() }
    }

    /// Bytes per quantized row of `columns` elements in `format`.
    static func rowBytes(_ format: Format, columns: Int) -> Int {
        columns / Int(pk_block_size(format.kernelType)) * Int(pk_block_bytes(format.kernelType))
    }

    /// Quantizes `rows` vectors of `columns` floats, row r at `values + r · stride`, into
    /// `format`. `columns` must be a whole number of the format's blocks.
    func quantize(_ values: UnsafePointer<Float>, rows: Int, columns: Int, stride: Int, format: Format) {
        precondition(columns % Int(pk_block_size(format.kernelType)) == 0 && rows * columns <= capacity,
                     "\(rows) rows of \(columns) do not fit \(capacity) or are not whole \(format) blocks")
        self.rows = rows
        self.columns = columns
        let rowBytes = Self.rowBytes(format, columns: columns)
        let destination = buffers[format]!
        for row in 0..<rows {
            pk_quantize_activations(format.kernelType, values + row * stride, destination + row * rowBytes, Int64(columns))
        }
    }

    /// The quantized rows of `format` (valid after `quantize` into it).
    func data(_ format: Format) -> UnsafeRawPointer {
        UnsafeRawPointer(buffers[format]!)
    }
}

@inline(__always)
func roundedThroughHalf(_ value: Float) -> Float {
    Float(Float16(value))
}

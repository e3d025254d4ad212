/// Rows of activations quantized into blocks of 32 int8 values, the way ggml quantizes the
/// right-hand side of a matrix product before working on quantized weight blocks.
///
/// Scales and block sums are kept as `Float` but rounded through half precision exactly where
/// ggml stores them as halves, so the integer dot products see the same numbers as llama.cpp.
/// Each row is quantized on its own, so a row's quants do not depend on the other rows of a
/// batch: a batched product gives the same numbers as one product per row.
struct QuantizedActivations {
    static let blockSize = 32

    /// The int8 quants widened to Int16 and reordered within each block as the weight kernels
    /// unpack their blocks: even elements 0,2,…,30, then odd elements 1,3,…,31.
    ///   [rows, columns], row-major
    private(set) var widened: [Int16]
    /// Per-block scale d.  // [rows, columns / 32]
    private(set) var scales: [Float]
    /// Per-block d · Σq, used by weight formats with an offset (Q4_1).  // [rows, columns / 32]
    private(set) var scaledSums: [Float]
    /// Rows held by the last `quantize`.
    private(set) var rows = 0
    /// Elements per row of the last `quantize`.
    private(set) var columns = 0

    /// Room for `capacity` elements in all (rows × columns ≤ capacity).
    init(capacity: Int) {
        widened = [Int16](repeating: 0, count: capacity)
        scales = [Float](repeating: 0, count: capacity / Self.blockSize)
        scaledSums = [Float](repeating: 0, count: capacity / Self.blockSize)
    }

    /// Quantizes one vector of `count` floats (a multiple of 32).
    mutating func quantize(_ values: UnsafePointer<Float>, count: Int) {
        quantize(values, rows: 1, columns: count, stride: count)
    }

    /// Quantizes `rows` vectors of `columns` floats (a multiple of 32), row r starting at
    /// `values + r · stride`: d = max|x| / 127, q = round(x / d), ties to even, per block.
    mutating func quantize(_ values: UnsafePointer<Float>, rows: Int, columns: Int, stride: Int) {
        precondition(columns % Self.blockSize == 0 && rows * columns <= widened.count)
        self.rows = rows
        self.columns = columns
        let blocksPerRow = columns / Self.blockSize
        // Scalar loops over raw pointers: Swift compiles per-lane SIMD32 element access
        // through the stack, which cost a fifth of a decode step.
        widened.withUnsafeMutableBufferPointer { widened in
            scales.withUnsafeMutableBufferPointer { scales in
                scaledSums.withUnsafeMutableBufferPointer { scaledSums in
                    for row in 0..<rows {
                        for rowBlock in 0..<blocksPerRow {
                            let block = row * blocksPerRow + rowBlock
                            let x = values + row * stride + rowBlock * Self.blockSize
                            let out = widened.baseAddress! + block * Self.blockSize
                            (scales[block], scaledSums[block]) = Self.quantizeBlock(x, into: out)
                        }
                    }
                }
            }
        }
    }

    /// One block of 32: writes the widened quants to `out` and returns (d, d·Σq), both
    /// rounded through half precision.
    @inline(__always)
    private static func quantizeBlock(_ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Int16>) -> (Float, Float) {
        var magnitude: Float = 0
        for lane in 0..<blockSize { magnitude = max(magnitude, abs(x[lane])) }
        let scale = magnitude / 127
        // ggml's AVX2 path multiplies by 127 / max rather than dividing by d.
        let inverse: Float = magnitude != 0 ? 127 / magnitude : 0
        var sum: Int32 = 0
        for lane in 0..<blockSize {
            // Adding 1.5·2²³ leaves round-half-even of |v| ≤ 127 in the low bits.
            let shifted = x[lane] * inverse + 12_582_912
            let q = Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000
            out[widenedPosition(lane)] = Int16(truncatingIfNeeded: q)
            sum &+= q
        }
        return (roundedThroughHalf(scale), roundedThroughHalf(scale * Float(sum)))
    }

    /// The quant of element `index` of the first row.
    func quant(at index: Int) -> Int16 {
        let block = index / Self.blockSize * Self.blockSize
        return widened[block + Self.widenedPosition(index - block)]
    }

    /// Where element `lane` of a block goes in `widened`'s order.
    @inline(__always)
    static func widenedPosition(_ lane: Int) -> Int {
        (lane % 2) * 16 + lane / 2
    }
}

@inline(__always)
func roundedThroughHalf(_ value: Float) -> Float {
    Float(Float16(value))
}

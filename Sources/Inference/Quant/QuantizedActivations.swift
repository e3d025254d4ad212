/// A vector of activations quantized into blocks of 32 int8 values, the way ggml quantizes the
/// right-hand side of a matrix-vector product before working on quantized weight blocks.
///
/// Scales and block sums are kept as `Float` but rounded through half precision exactly where
/// ggml stores them as halves, so the integer dot products see the same numbers as llama.cpp.
struct QuantizedActivations {
    static let blockSize = 32

    /// int8 quants.  // [count]
    private(set) var quants: [Int8]
    /// Per-block scale d.  // [count / 32]
    private(set) var scales: [Float]
    /// Per-block d · Σq, used by weight formats with an offset (Q4_1).  // [count / 32]
    private(set) var scaledSums: [Float]

    init(capacity: Int) {
        quants = [Int8](repeating: 0, count: capacity)
        scales = [Float](repeating: 0, count: capacity / Self.blockSize)
        scaledSums = [Float](repeating: 0, count: capacity / Self.blockSize)
    }

    /// Quantizes `count` floats (a multiple of 32): d = max|x| / 127, q = round(x / d), ties to even.
    mutating func quantize(_ values: UnsafePointer<Float>, count: Int) {
        precondition(count % Self.blockSize == 0 && count <= quants.count)
        quants.withUnsafeMutableBufferPointer { quants in
            for block in 0..<(count / Self.blockSize) {
                let x = UnsafeRawPointer(values + block * Self.blockSize).loadUnaligned(as: SIMD32<Float>.self)
                let magnitude = pointwiseMax(x, -x).max()
                let scale = magnitude / 127
                // ggml's AVX2 path multiplies by 127 / max rather than dividing by d.
                let inverse: Float = magnitude != 0 ? 127 / magnitude : 0
                let rounded = (x * inverse).rounded(.toNearestOrEven)
                let q = SIMD32<Int8>(truncatingIfNeeded: SIMD32<Int32>(rounded))
                UnsafeMutableRawPointer(quants.baseAddress! + block * Self.blockSize).storeBytes(of: q, as: SIMD32<Int8>.self)
                scales[block] = roundedThroughHalf(scale)
                let sum = SIMD32<Int32>(truncatingIfNeeded: q).wrappedSum()
                scaledSums[block] = roundedThroughHalf(scale * Float(sum))
            }
        }
    }
}

@inline(__always)
func roundedThroughHalf(_ value: Float) -> Float {
    Float(Float16(value))
}

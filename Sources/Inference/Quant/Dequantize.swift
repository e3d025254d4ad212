import CKernels

/// Converts rows of ggml blocks to `Float` with the C kernels' reference dequantizers
/// (`Sources/CKernels`, one file per format, layouts documented there), which equal
/// gguf-py's bit for bit.
enum Dequantize {
    /// Writes `count` elements of one row of `type` starting at `source` to `destination`.
    static func row(type: GGMLType, source: UnsafeRawPointer, destination: UnsafeMutablePointer<Float>, count: Int) {
        precondition(type.isComputable, "dequantizing \(type) is not implemented")
        pk_dequantize_row(pk_type(rawValue: type.rawValue), source, destination, Int64(count))
    }
}

/// Converts IEEE 754 half-precision bits to `Float`.
@inline(__always)
func halfToFloat(_ bits: UInt16) -> Float {
    Float(Float16(bitPattern: bits))
}

/// Converts bfloat16 bits (the top half of a `Float`) to `Float`.
@inline(__always)
func bfloat16ToFloat(_ bits: UInt16) -> Float {
    Float(bitPattern: UInt32(bits) << 16)
}

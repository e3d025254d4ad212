/// Dot products of one float weight row (F32, F16, BF16) with a float activation vector;
/// quantized rows go through the C kernels (`pk_matmul_rows`).
enum BlockDot {
    /// Σ w·x for an F32 row.
    @inline(__always)
    static func f32(_ row: UnsafeRawPointer, _ x: UnsafePointer<Float>, count: Int) -> Float {
        var accumulator = SIMD16<Float>()
        var index = 0
        while index + 16 <= count {
            let w = row.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
            accumulator.addProduct(w, UnsafeRawPointer(x + index).loadUnaligned(as: SIMD16<Float>.self))
            index += 16
        }
        var total = accumulator.sum()
        while index < count {
            total += row.loadUnaligned(fromByteOffset: index * 4, as: Float.self) * x[index]
            index += 1
        }
        return total
    }

    /// Σ w·x for an F16 row.
    @inline(__always)
    static func f16(_ row: UnsafeRawPointer, _ x: UnsafePointer<Float>, count: Int) -> Float {
        var accumulator = SIMD16<Float>()
        var index = 0
        while index + 16 <= count {
            let w = SIMD16<Float>(row.loadUnaligned(fromByteOffset: index * 2, as: SIMD16<Float16>.self))
            accumulator.addProduct(w, UnsafeRawPointer(x + index).loadUnaligned(as: SIMD16<Float>.self))
            index += 16
        }
        var total = accumulator.sum()
        while index < count {
            total += halfToFloat(row.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)) * x[index]
            index += 1
        }
        return total
    }

    /// Σ w·x for a BF16 row.
    @inline(__always)
    static func bf16(_ row: UnsafeRawPointer, _ x: UnsafePointer<Float>, count: Int) -> Float {
        var accumulator = SIMD16<Float>()
        var index = 0
        while index + 16 <= count {
            let bits = SIMD16<UInt32>(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: index * 2, as: SIMD16<UInt16>.self))
            let w = unsafeBitCast(bits &<< 16, to: SIMD16<Float>.self)
            accumulator.addProduct(w, UnsafeRawPointer(x + index).loadUnaligned(as: SIMD16<Float>.self))
            index += 16
        }
        var total = accumulator.sum()
        while index < count {
            total += bfloat16ToFloat(row.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)) * x[index]
            index += 1
        }
        return total
    }
}

/// Dot products of one weight row, kept in its ggml blocks, with an activation vector.
///
/// The 4- and 8-bit formats multiply integer quants against activations quantized to int8
/// (`QuantizedActivations`), as ggml does, so nothing is dequantized to memory. Per block the
/// 32 integer products are folded into 8 lanes and scaled into a `SIMD8<Float>` accumulator;
/// the horizontal sum happens once per row.
enum BlockDot {
    /// Σ over blocks of ((q − 8)·d_w) · (q_x·d_x) for a Q4_0 row.
    @inline(__always)
    static func q4_0(_ row: UnsafeRawPointer, _ quants: UnsafePointer<Int8>, _ scales: UnsafePointer<Float>, blocks: Int) -> Float {
        var accumulator = SIMD8<Float>()
        for block in 0..<blocks {
            let weights = row + block * 18
            let packed = weights.loadUnaligned(fromByteOffset: 2, as: SIMD16<UInt8>.self)
            let nibbles = SIMD32<UInt8>(lowHalf: packed & 0x0F, highHalf: packed &>> 4)
            let centred = SIMD32<Int16>(truncatingIfNeeded: nibbles) &- 8
            let x = UnsafeRawPointer(quants + block * 32).loadUnaligned(as: SIMD32<Int8>.self)
            let scale = halfToFloat(weights.loadUnaligned(as: UInt16.self)) * scales[block]
            accumulator.addProduct(foldedProducts(centred, x), scale)
        }
        return accumulator.sum()
    }

    /// Σ over blocks of (q·d_w + m) · (q_x·d_x) for a Q4_1 row: d_w·d_x·Σq·q_x + m·(d_x·Σq_x).
    @inline(__always)
    static func q4_1(
        _ row: UnsafeRawPointer, _ quants: UnsafePointer<Int8>, _ scales: UnsafePointer<Float>,
        _ scaledSums: UnsafePointer<Float>, blocks: Int
    ) -> Float {
        var accumulator = SIMD8<Float>()
        var offsets: Float = 0
        for block in 0..<blocks {
            let weights = row + block * 20
            let packed = weights.loadUnaligned(fromByteOffset: 4, as: SIMD16<UInt8>.self)
            let nibbles = SIMD32<UInt8>(lowHalf: packed & 0x0F, highHalf: packed &>> 4)
            let x = UnsafeRawPointer(quants + block * 32).loadUnaligned(as: SIMD32<Int8>.self)
            let scale = halfToFloat(weights.loadUnaligned(as: UInt16.self)) * scales[block]
            accumulator.addProduct(foldedProducts(SIMD32<Int16>(truncatingIfNeeded: nibbles), x), scale)
            offsets += halfToFloat(weights.loadUnaligned(fromByteOffset: 2, as: UInt16.self)) * scaledSums[block]
        }
        return accumulator.sum() + offsets
    }

    /// Σ over blocks of (q·d_w) · (q_x·d_x) for a Q8_0 row.
    @inline(__always)
    static func q8_0(_ row: UnsafeRawPointer, _ quants: UnsafePointer<Int8>, _ scales: UnsafePointer<Float>, blocks: Int) -> Float {
        var accumulator = SIMD8<Float>()
        for block in 0..<blocks {
            let weights = row + block * 34
            let q = weights.loadUnaligned(fromByteOffset: 2, as: SIMD32<Int8>.self)
            let x = UnsafeRawPointer(quants + block * 32).loadUnaligned(as: SIMD32<Int8>.self)
            let products = SIMD32<Int32>(truncatingIfNeeded: q) &* SIMD32<Int32>(truncatingIfNeeded: x)
            let sixteen = products.lowHalf &+ products.highHalf
            let eight = sixteen.lowHalf &+ sixteen.highHalf
            let scale = halfToFloat(weights.loadUnaligned(as: UInt16.self)) * scales[block]
            accumulator.addProduct(SIMD8<Float>(eight), scale)
        }
        return accumulator.sum()
    }

    /// Products of 4-bit weights (|w| ≤ 15) and int8 activations summed into 8 lanes; the
    /// partial sums stay within Int16 (8 products of at most 15·128 each).
    @inline(__always)
    static func foldedProducts(_ weights: SIMD32<Int16>, _ x: SIMD32<Int8>) -> SIMD8<Float> {
        let products = weights &* SIMD32<Int16>(truncatingIfNeeded: x)
        let sixteen = products.lowHalf &+ products.highHalf
        let eight = sixteen.lowHalf &+ sixteen.highHalf
        return SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: eight))
    }

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

    /// Σ w·x for a K-quant row, one 256-element block dequantized at a time into `scratch`.
    @inline(__always)
    static func kQuant(
        _ type: GGMLType, _ row: UnsafeRawPointer, _ x: UnsafePointer<Float>, count: Int,
        scratch: UnsafeMutablePointer<Float>
    ) -> Float {
        var total: Float = 0
        for block in 0..<(count / 256) {
            let source = row + block * type.blockBytes
            if type == .q4_K { Dequantize.q4_KBlock(source, scratch) } else { Dequantize.q6_KBlock(source, scratch) }
            total += f32(UnsafeRawPointer(scratch), x + block * 256, count: 256)
        }
        return total
    }
}

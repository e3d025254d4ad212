/// Dot products of one weight row, kept in its ggml blocks, with an activation vector.
///
/// The 4- and 8-bit formats multiply integer quants against activations quantized to int8
/// (`QuantizedActivations`), as ggml does, so nothing is dequantized to memory. Per block the
/// 32 integer products are folded into 8 lanes and scaled into a `SIMD8<Float>` accumulator;
/// the horizontal sum happens once per row.
enum BlockDot {
    /// Σ over blocks of ((q − 8)·d_w) · (q_x·d_x) for a Q4_0 row.  x: widened int8 quants
    @inline(__always)
    static func q4_0(_ row: UnsafeRawPointer, _ x: UnsafePointer<Int16>, _ scales: UnsafePointer<Float>, blocks: Int) -> Float {
        pairwise(blocks: blocks) { index in
            let weights = row + index * 18
            let (even, odd) = nibbles(weights + 2)
            let eight = SIMD16<Int16>(repeating: 8)
            let products = productSum(even &- eight, odd &- eight, x + index * 32)
            return (products, halfToFloat(weights.loadUnaligned(as: UInt16.self)) * scales[index], 0)
        }
    }

    /// Σ over blocks of (q·d_w + m) · (q_x·d_x) for a Q4_1 row: d_w·d_x·Σq·q_x + m·(d_x·Σq_x).
    ///   x: widened int8 quants
    @inline(__always)
    static func q4_1(
        _ row: UnsafeRawPointer, _ x: UnsafePointer<Int16>, _ scales: UnsafePointer<Float>,
        _ scaledSums: UnsafePointer<Float>, blocks: Int
    ) -> Float {
        pairwise(blocks: blocks) { index in
            let weights = row + index * 20
            let (even, odd) = nibbles(weights + 4)
            let products = productSum(even, odd, x + index * 32)
            let scale = halfToFloat(weights.loadUnaligned(as: UInt16.self)) * scales[index]
            let offset = halfToFloat(weights.loadUnaligned(fromByteOffset: 2, as: UInt16.self)) * scaledSums[index]
            return (products, scale, offset)
        }
    }

    /// Σ over blocks of (q·d_w) · (q_x·d_x) for a Q8_0 row.  x: widened int8 quants
    @inline(__always)
    static func q8_0(_ row: UnsafeRawPointer, _ x: UnsafePointer<Int16>, _ scales: UnsafePointer<Float>, blocks: Int) -> Float {
        pairwise(blocks: blocks) { index in
            let weights = row + index * 34
            let lanes = weights.loadUnaligned(fromByteOffset: 2, as: SIMD16<Int16>.self)
            // Sign-extend the even and odd bytes of each 16-bit lane.
            let products = productSum((lanes &<< 8) &>> 8, lanes &>> 8, x + index * 32)
            return (products, halfToFloat(weights.loadUnaligned(as: UInt16.self)) * scales[index], 0)
        }
    }

    /// Σ over blocks of products·scale + offset, two blocks per step into separate
    /// accumulators so consecutive blocks do not wait on each other's additions.
    @inline(__always)
    static func pairwise(
        blocks: Int, _ block: (Int) -> (products: SIMD8<Float>, scale: Float, offset: Float)
    ) -> Float {
        var even = SIMD8<Float>(), odd = SIMD8<Float>()
        var evenOffsets: Float = 0, oddOffsets: Float = 0
        var index = 0
        while index + 1 < blocks {
            let first = block(index), second = block(index + 1)
            even.addProduct(first.products, first.scale)
            odd.addProduct(second.products, second.scale)
            evenOffsets += first.offset
            oddOffsets += second.offset
            index += 2
        }
        if index < blocks {
            let last = block(index)
            even.addProduct(last.products, last.scale)
            evenOffsets += last.offset
        }
        return (even + odd).sum() + (evenOffsets + oddOffsets)
    }

    /// The 32 nibbles of a 16-byte Q4 block widened to 16-bit lanes: the even elements
    /// 0,2,…,30 and the odd elements 1,3,…,31. Byte j holds elements j (low nibble) and
    /// j + 16 (high nibble), so the even elements are the low nibbles of the even bytes, then
    /// their high nibbles. Shifts and masks do the widening; Swift's SIMD integer conversions
    /// would compile to per-lane loops.
    @inline(__always)
    static func nibbles(_ packed: UnsafeRawPointer) -> (even: SIMD16<Int16>, odd: SIMD16<Int16>) {
        let lanes = packed.loadUnaligned(as: SIMD8<Int16>.self)
        let both = SIMD16<Int16>(lowHalf: lanes, highHalf: lanes &>> 4)
        let mask = SIMD16<Int16>(repeating: 0x0F)
        return (both & mask, (both &>> 8) & mask)
    }

    /// Σ of the products of the even and odd weight elements with the matching widened
    /// activations, as 8 float lanes. Each 16-bit lane sums two products of at most 127·127
    /// in magnitude, so it cannot overflow before the pairs are widened to 32 bits.
    @inline(__always)
    static func productSum(_ even: SIMD16<Int16>, _ odd: SIMD16<Int16>, _ x: UnsafePointer<Int16>) -> SIMD8<Float> {
        let raw = UnsafeRawPointer(x)
        let sums = even &* raw.loadUnaligned(as: SIMD16<Int16>.self) &+ odd &* raw.loadUnaligned(fromByteOffset: 32, as: SIMD16<Int16>.self)
        let pairs = unsafeBitCast(sums, to: SIMD8<Int32>.self)
        return SIMD8<Float>(((pairs &<< 16) &>> 16) &+ (pairs &>> 16))
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
}

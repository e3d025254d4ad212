/// Dot products of one weight row, kept in its ggml blocks, with an activation vector.
///
/// The 4- and 8-bit formats multiply integer quants against activations quantized to int8
/// (`QuantizedActivations`), as ggml does, so nothing is dequantized to memory. Per block the
/// 32 integer products are folded into 4 lanes and scaled into a `SIMD4<Float>` accumulator;
/// the horizontal sum happens once per row.
enum BlockDot {
    /// Σ over blocks of ((q − 8)·d_w) · (q_x·d_x) for a Q4_0 row.  x: widened int8 quants
    @inline(__always)
    static func q4_0(_ row: UnsafeRawPointer, _ x: UnsafePointer<Int16>, _ scales: UnsafePointer<Float>, blocks: Int) -> Float {
        @inline(__always)
        func block(_ index: Int) -> (products: SIMD4<Float>, scale: Float) {
            let weights = row + index * 18
            let (a, b, c, d) = nibbles(weights + 2)
            let eight = SIMD8<Int16>(repeating: 8)
            let products = productSum(a &- eight, b &- eight, c &- eight, d &- eight, x + index * 32)
            return (products, halfToFloat(weights.loadUnaligned(as: UInt16.self)) * scales[index])
        }
        return pairwise(blocks: blocks) { index in
            let (products, scale) = block(index)
            return (products, scale, 0)
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
            let (a, b, c, d) = nibbles(weights + 4)
            let products = productSum(a, b, c, d, x + index * 32)
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
            let first = weights.loadUnaligned(fromByteOffset: 2, as: SIMD8<Int16>.self)
            let second = weights.loadUnaligned(fromByteOffset: 18, as: SIMD8<Int16>.self)
            // Sign-extend the even and odd bytes of each 16-bit lane.
            let products = productSum(
                (first &<< 8) &>> 8, first &>> 8, (second &<< 8) &>> 8, second &>> 8, x + index * 32)
            return (products, halfToFloat(weights.loadUnaligned(as: UInt16.self)) * scales[index], 0)
        }
    }

    /// Σ over blocks of products·scale + offset, two blocks per step into separate
    /// accumulators so consecutive blocks do not wait on each other's additions.
    @inline(__always)
    static func pairwise(
        blocks: Int, _ block: (Int) -> (products: SIMD4<Float>, scale: Float, offset: Float)
    ) -> Float {
        var even = SIMD4<Float>(), odd = SIMD4<Float>()
        var index = 0
        while index + 1 < blocks {
            let first = block(index), second = block(index + 1)
            even.addProduct(first.products, first.scale)
            odd.addProduct(second.products, second.scale)
            even[0] += first.offset
            odd[0] += second.offset
            index += 2
        }
        if index < blocks {
            let last = block(index)
            even.addProduct(last.products, last.scale)
            even[0] += last.offset
        }
        return (even + odd).sum()
    }

    /// The 32 nibbles of a 16-byte Q4 block, widened in lanes of 16 bits: elements
    /// 0,2,…,14 (low nibbles of even bytes), 1,3,…,15, 16,18,…,30 (high nibbles), 17,…,31.
    /// Shifts and masks on the raw lanes do the widening; Swift's SIMD integer conversions
    /// would compile to per-lane loops.
    @inline(__always)
    static func nibbles(_ packed: UnsafeRawPointer) -> (SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>) {
        let lanes = packed.loadUnaligned(as: SIMD8<Int16>.self)
        let mask = SIMD8<Int16>(repeating: 0x0F)
        return (lanes & mask, (lanes &>> 8) & mask, (lanes &>> 4) & mask, (lanes &>> 12) & mask)
    }

    /// Σ of the products of four weight quarters with the matching quarters of widened
    /// activations, as 4 float lanes. Each 16-bit lane sums four products of at most 127·128
    /// in magnitude for 4-bit weights, or two for 8-bit ones, so it cannot overflow.
    @inline(__always)
    static func productSum(
        _ a: SIMD8<Int16>, _ b: SIMD8<Int16>, _ c: SIMD8<Int16>, _ d: SIMD8<Int16>, _ x: UnsafePointer<Int16>
    ) -> SIMD4<Float> {
        let raw = UnsafeRawPointer(x)
        let ab = a &* raw.loadUnaligned(as: SIMD8<Int16>.self) &+ b &* raw.loadUnaligned(fromByteOffset: 16, as: SIMD8<Int16>.self)
        let cd = c &* raw.loadUnaligned(fromByteOffset: 32, as: SIMD8<Int16>.self) &+ d &* raw.loadUnaligned(fromByteOffset: 48, as: SIMD8<Int16>.self)
        // Widen pairs of 16-bit lanes into 32-bit sums before they can overflow.
        let abPairs = unsafeBitCast(ab, to: SIMD4<Int32>.self)
        let cdPairs = unsafeBitCast(cd, to: SIMD4<Int32>.self)
        let sums = ((abPairs &<< 16) &>> 16) &+ (abPairs &>> 16) &+ ((cdPairs &<< 16) &>> 16) &+ (cdPairs &>> 16)
        return SIMD4<Float>(sums)
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

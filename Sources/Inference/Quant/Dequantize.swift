/// Converts rows of ggml blocks to `Float`, following ggml's reference dequantizers.
///
/// Block layouts (little-endian, `d`/`m`/`dmin` are IEEE half floats):
/// - Q4_0: `d`, 16 bytes of nibbles; element j < 16 is the low nibble of byte j, element
///   j + 16 its high nibble; value (q − 8)·d.
/// - Q4_1: `d`, `m`, 16 bytes of nibbles laid out as Q4_0; value q·d + m.
/// - Q8_0: `d`, 32 × int8; value q·d.
/// - Q4_K: `d`, `dmin`, 12 bytes of packed 6-bit sub-block scales and mins, 128 bytes of
///   nibbles; 8 sub-blocks of 32, value d·scale·q − dmin·min.
/// - Q6_K: `ql[128]`, `qh[64]`, int8 `scales[16]`, `d`; 16 sub-blocks of 16, value
///   d·scale·(q − 32) with q's low 4 bits in `ql` and high 2 bits in `qh`.
enum Dequantize {
    /// Writes `count` elements of one row of `type` starting at `source` to `destination`.
    static func row(type: GGMLType, source: UnsafeRawPointer, destination: UnsafeMutablePointer<Float>, count: Int) {
        let blocks = count / type.blockSize
        for block in 0..<blocks {
            let input = source + block * type.blockBytes
            let output = destination + block * type.blockSize
            switch type {
            case .f32: output.pointee = input.loadUnaligned(as: Float.self)
            case .f16: output.pointee = halfToFloat(input.loadUnaligned(as: UInt16.self))
            case .bf16: output.pointee = bfloat16ToFloat(input.loadUnaligned(as: UInt16.self))
            case .q4_0: q4_0Block(input, output)
            case .q4_1: q4_1Block(input, output)
            case .q8_0: q8_0Block(input, output)
            case .q4_K: q4_KBlock(input, output)
            case .q6_K: q6_KBlock(input, output)
            default: preconditionFailure("dequantizing \(type) is not implemented")
            }
        }
    }

    static func q4_0Block(_ block: UnsafeRawPointer, _ output: UnsafeMutablePointer<Float>) {
        let scale = halfToFloat(block.loadUnaligned(as: UInt16.self))
        let packed = block.loadUnaligned(fromByteOffset: 2, as: SIMD16<UInt8>.self)
        let low = SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: packed & 0x0F) &- 8)
        let high = SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: packed &>> 4) &- 8)
        UnsafeMutableRawPointer(output).storeBytes(of: low * scale, as: SIMD16<Float>.self)
        UnsafeMutableRawPointer(output + 16).storeBytes(of: high * scale, as: SIMD16<Float>.self)
    }

    static func q4_1Block(_ block: UnsafeRawPointer, _ output: UnsafeMutablePointer<Float>) {
        let scale = halfToFloat(block.loadUnaligned(as: UInt16.self))
        let minimum = halfToFloat(block.loadUnaligned(fromByteOffset: 2, as: UInt16.self))
        let packed = block.loadUnaligned(fromByteOffset: 4, as: SIMD16<UInt8>.self)
        let low = SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: packed & 0x0F))
        let high = SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: packed &>> 4))
        UnsafeMutableRawPointer(output).storeBytes(of: low * scale + minimum, as: SIMD16<Float>.self)
        UnsafeMutableRawPointer(output + 16).storeBytes(of: high * scale + minimum, as: SIMD16<Float>.self)
    }

    static func q8_0Block(_ block: UnsafeRawPointer, _ output: UnsafeMutablePointer<Float>) {
        let scale = halfToFloat(block.loadUnaligned(as: UInt16.self))
        let quants = block.loadUnaligned(fromByteOffset: 2, as: SIMD32<Int8>.self)
        let values = SIMD32<Float>(SIMD32<Int32>(truncatingIfNeeded: quants)) * scale
        UnsafeMutableRawPointer(output).storeBytes(of: values, as: SIMD32<Float>.self)
    }

    /// The 6-bit scale and min of sub-block `index` (0..<8) from Q4_K's 12 packed bytes.
    static func q4_KScaleAndMin(_ packed: UnsafeRawPointer, _ index: Int) -> (scale: UInt8, minimum: UInt8) {
        let byte = { (offset: Int) in packed.load(fromByteOffset: offset, as: UInt8.self) }
        if index < 4 {
            return (byte(index) & 63, byte(index + 4) & 63)
        }
        // Sub-blocks 4..7 keep their low 4 bits in bytes 8..11 and their top 2 bits in the
        // spare top bits of bytes 0..7.
        let scale = (byte(index + 4) & 0x0F) | ((byte(index - 4) >> 6) << 4)
        let minimum = (byte(index + 4) >> 4) | ((byte(index) >> 6) << 4)
        return (scale, minimum)
    }

    static func q4_KBlock(_ block: UnsafeRawPointer, _ output: UnsafeMutablePointer<Float>) {
        let superScale = halfToFloat(block.loadUnaligned(as: UInt16.self))
        let superMin = halfToFloat(block.loadUnaligned(fromByteOffset: 2, as: UInt16.self))
        let packedScales = block + 4
        let quants = block + 16
        // Each 32-byte chunk of nibbles holds two sub-blocks: low nibbles, then high nibbles.
        for chunk in 0..<4 {
            let packed = quants.loadUnaligned(fromByteOffset: chunk * 32, as: SIMD32<UInt8>.self)
            let (lowScale, lowMin) = q4_KScaleAndMin(packedScales, 2 * chunk)
            let (highScale, highMin) = q4_KScaleAndMin(packedScales, 2 * chunk + 1)
            let low = SIMD32<Float>(SIMD32<Int32>(truncatingIfNeeded: packed & 0x0F))
            let high = SIMD32<Float>(SIMD32<Int32>(truncatingIfNeeded: packed &>> 4))
            let lowValues = low * (superScale * Float(lowScale)) - superMin * Float(lowMin)
            let highValues = high * (superScale * Float(highScale)) - superMin * Float(highMin)
            UnsafeMutableRawPointer(output + chunk * 64).storeBytes(of: lowValues, as: SIMD32<Float>.self)
            UnsafeMutableRawPointer(output + chunk * 64 + 32).storeBytes(of: highValues, as: SIMD32<Float>.self)
        }
    }

    static func q6_KBlock(_ block: UnsafeRawPointer, _ output: UnsafeMutablePointer<Float>) {
        let superScale = halfToFloat(block.loadUnaligned(fromByteOffset: 208, as: UInt16.self))
        // Two halves of 128 elements; each uses 64 bytes of ql, 32 of qh and 8 scales.
        for half in 0..<2 {
            let lowBits = block + half * 64
            let highBits = block + 128 + half * 32
            let scales = block + 192 + half * 8
            let ql0 = lowBits.loadUnaligned(as: SIMD32<UInt8>.self)
            let ql1 = lowBits.loadUnaligned(fromByteOffset: 32, as: SIMD32<UInt8>.self)
            let qh = highBits.loadUnaligned(as: SIMD32<UInt8>.self)
            // Elements l, l+32, l+64, l+96 (l < 32) share ql/qh bytes at index l.
            let quarters: [SIMD32<UInt8>] = [
                (ql0 & 0x0F) | ((qh & 0x03) &<< 4),
                (ql1 & 0x0F) | (((qh &>> 2) & 0x03) &<< 4),
                (ql0 &>> 4) | (((qh &>> 4) & 0x03) &<< 4),
                (ql1 &>> 4) | (((qh &>> 6) & 0x03) &<< 4),
            ]
            for (quarter, quants) in quarters.enumerated() {
                let centred = SIMD32<Float>(SIMD32<Int32>(truncatingIfNeeded: quants) &- 32)
                // Each 16-element sub-block has its own scale: the quarter's scales are 2 apart.
                let firstScale = Float(scales.load(fromByteOffset: 2 * quarter, as: Int8.self))
                let secondScale = Float(scales.load(fromByteOffset: 2 * quarter + 1, as: Int8.self))
                let scaleVector = SIMD32<Float>(
                    lowHalf: SIMD16(repeating: superScale * firstScale),
                    highHalf: SIMD16(repeating: superScale * secondScale))
                let destination = output + half * 128 + quarter * 32
                UnsafeMutableRawPointer(destination).storeBytes(of: centred * scaleVector, as: SIMD32<Float>.self)
            }
        }
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

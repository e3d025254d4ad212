import CKernels
import Foundation
@testable import Inference
import SeededRandom
import Testing

/// The SIMD dot products against the scalar references that specify them, on seeded random
/// blocks of every format (scale fields set to ordinary halves, every other byte random).
@Suite("SIMD kernels equal their scalar references")
struct KernelReferenceTests {
    static let quantizedTypes: [GGMLType] = [.q4_0, .q4_1, .q5_0, .q5_1, .q8_0, .iq4_nl, .q2_K, .q3_K, .q4_K, .q5_K, .q6_K]

    /// Byte offsets of each format's half-precision scale fields within a block.
    static func halfFields(_ type: GGMLType) -> [Int] {
        switch type {
        case .q4_0, .q5_0, .q8_0, .iq4_nl: return [0]
        case .q4_1, .q5_1, .q4_K, .q5_K: return [0, 2]
        case .q2_K: return [80, 82]
        case .q3_K: return [108]
        case .q6_K: return [208]
        default: return []
        }
    }

    /// `blocks` random blocks of `type` with sane scales.
    static func randomRow(_ type: GGMLType, blocks: Int, generator: inout SplitMix64) -> [UInt8] {
        var bytes = (0..<(blocks * type.blockBytes)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        for block in 0..<blocks {
            for field in halfFields(type) {
                let magnitude = Float(generator.next() % 1000 + 1) * 1e-4
                let bits = Float16(magnitude).bitPattern
                bytes[block * type.blockBytes + field] = UInt8(bits & 0xFF)
                bytes[block * type.blockBytes + field + 1] = UInt8(bits >> 8)
            }
        }
        return bytes
    }

    @Test("every quantized format's SIMD dot product equals its scalar reference", arguments: quantizedTypes)
    func simdMatchesReference(type: GGMLType) throws {
        var generator = SplitMix64(seed: UInt64(type.rawValue))
        let columns = 1536
        for trial in 0..<8 {
            let row = Self.randomRow(type, blocks: columns / type.blockSize, generator: &generator)
            let x = (0..<columns).map { _ in Float(Int(generator.next() % 20001) - 10000) * 1e-4 * Float(trial + 1) }
            let format = try #require(QuantizedActivations.Format(weights: type))
            let activations = QuantizedActivations(capacity: columns)
            x.withUnsafeBufferPointer {
                activations.quantize($0.baseAddress!, rows: 1, columns: columns, stride: columns, format: format)
            }
            let kernel = pk_type(rawValue: type.rawValue)
            let (simd, reference) = row.withUnsafeBytes { weights in
                (pk_dot(kernel, weights.baseAddress!, activations.data(format), Int32(columns)),
                 pk_dot_ref(kernel, weights.baseAddress!, activations.data(format), Int32(columns)))
            }
            // The integer sums are exact; the float rounding differs: the reference converts a
            // block's whole integer sum (up to ~2^28 for Q6_K) to float, the SIMD path 8 lanes.
            #expect(abs(simd - reference) <= 1e-4 * max(1, abs(reference)), "\(type) trial \(trial): \(simd) vs \(reference)")
        }
    }

    /// `batch` rows of `columns` random activations in [−10, 10], quantized for `type`'s products.
    static func randomActivations(
        for type: GGMLType, batch: Int, columns: Int, generator: inout SplitMix64
    ) throws -> (activations: QuantizedActivations, format: QuantizedActivations.Format, stride: Int) {
        let x = (0..<(batch * columns)).map { _ in Float(Int(generator.next() % 20001) - 10000) * 1e-3 }
        let format = try #require(QuantizedActivations.Format(weights: type))
        let activations = QuantizedActivations(capacity: batch * columns)
        x.withUnsafeBufferPointer {
            activations.quantize($0.baseAddress!, rows: batch, columns: columns, stride: columns, format: format)
        }
        return (activations, format, QuantizedActivations.rowBytes(format, columns: columns))
    }

    @Test("a tile of activation rows gets exactly each row's own dot product, for every tile size",
          arguments: quantizedTypes)
    func tilesEqualSingleRows(type: GGMLType) throws {
        var generator = SplitMix64(seed: 7 &* UInt64(type.rawValue))
        let columns = 512, batch = 19
        let row = Self.randomRow(type, blocks: columns / type.blockSize, generator: &generator)
        let (activations, format, stride) = try Self.randomActivations(for: type, batch: batch, columns: columns, generator: &generator)
        let kernel = pk_type(rawValue: type.rawValue)
        row.withUnsafeBytes { weights in
            let single = (0..<batch).map { pk_dot(kernel, weights.baseAddress!, activations.data(format) + $0 * stride, Int32(columns)) }
            for n in 1...batch {
                var tiled = [Float](repeating: .nan, count: n)
                pk_dot_columns(kernel, weights.baseAddress!, activations.data(format), stride, Int32(n), Int32(columns), &tiled)
                #expect(tiled.map(\.bitPattern) == single.prefix(n).map(\.bitPattern), "\(type), \(n) rows: \(tiled) vs \(single.prefix(n))")
            }
        }
    }

    @Test("a matrix product gives every output exactly its own dot product, whatever the row range and batch",
          arguments: quantizedTypes)
    func matrixProductEqualsDots(type: GGMLType) throws {
        var generator = SplitMix64(seed: 11 &* UInt64(type.rawValue))
        let columns = 512, rows = 37, batch = 19
        let weights = (0..<rows).flatMap { _ in Self.randomRow(type, blocks: columns / type.blockSize, generator: &generator) }
        let rowBytes = weights.count / rows
        let (activations, format, stride) = try Self.randomActivations(for: type, batch: batch, columns: columns, generator: &generator)
        let kernel = pk_type(rawValue: type.rawValue)
        weights.withUnsafeBytes { w in
            let dots = (0..<batch).map { b in
                (0..<rows).map { r in
                    pk_dot(kernel, w.baseAddress! + r * rowBytes, activations.data(format) + b * stride, Int32(columns)).bitPattern
                }
            }
            // Odd and even range starts and lengths, one row alone, batches that split into tiles.
            for (range, size) in [(0..<rows, batch), (5..<22, 10), (3..<4, 1), (0..<36, 3), (17..<37, 19)] {
                var out = [Float](repeating: .nan, count: size * rows)
                pk_matmul_rows(kernel, w.baseAddress!, rowBytes, Int32(columns), Int32(range.lowerBound), Int32(range.upperBound),
                               activations.data(format), stride, Int32(size), &out, rows)
                for b in 0..<size {
                    let got = range.map { out[b * rows + $0].bitPattern }
                    #expect(got == Array(dots[b][range]), "\(type), rows \(range), batch \(size), row \(b)")
                }
            }
        }
    }

    @Test("packed rows: the same values as the rows, products near the reference, each output the same bits whatever the batch and row range",
          arguments: [GGMLType.q5_0, .q8_0, .q4_K, .q6_K])
    func packedRowsProducts(type: GGMLType) throws {
        let kernel = pk_type(rawValue: type.rawValue)
        try #require(pk_packs_rows8(kernel) != 0, "\(type) packs on this build's target (AVX2)")
        var generator = SplitMix64(seed: 23 &* UInt64(type.rawValue))
        let columns = 512, rows = 40, batch = 19
        let weights = (0..<rows).flatMap { _ in Self.randomRow(type, blocks: columns / type.blockSize, generator: &generator) }
        let rowBytes = weights.count / rows
        let (activations, format, stride) = try Self.randomActivations(for: type, batch: batch, columns: columns, generator: &generator)
        var packed = [UInt8](repeating: 0, count: pk_packed_bytes(kernel, Int32(rows), Int32(columns)))
        weights.withUnsafeBytes { w in
            packed.withUnsafeMutableBytes { pk_pack_rows8(kernel, w.baseAddress!, rowBytes, Int32(rows), Int32(columns), $0.baseAddress!) }
        }
        weights.withUnsafeBytes { w in
            packed.withUnsafeBytes { p in
                for r in 0..<rows {
                    var plain = [Float](repeating: .nan, count: columns), unpacked = [Float](repeating: .nan, count: columns)
                    pk_dequantize_row(kernel, w.baseAddress! + r * rowBytes, &plain, Int64(columns))
                    pk_dequantize_packed_row(kernel, p.baseAddress!, Int32(r), Int32(columns), &unpacked)
                    #expect(unpacked == plain, "row \(r) dequantized from the packed rows")
                }
                // Each output alone: one batch row, one weight row.
                let alone = (0..<batch).map { b in
                    (0..<rows).map { r in
                        var out = [Float](repeating: .nan, count: rows)
                        pk_matmul_packed_rows(kernel, p.baseAddress!, Int32(columns), Int32(r), Int32(r + 1),
                                              activations.data(format) + b * stride, stride, 1, &out, rows)
                        return out[r]
                    }
                }
                for b in 0..<batch {
                    for r in 0..<rows {
                        let reference = pk_dot_ref(kernel, w.baseAddress! + r * rowBytes, activations.data(format) + b * stride, Int32(columns))
                        #expect(abs(alone[b][r] - reference) <= 1e-4 * max(1, abs(reference)), "row \(r), batch row \(b)")
                    }
                }
                for (range, size) in [(0..<rows, batch), (5..<22, 10), (3..<4, 1), (0..<32, 3), (16..<40, 19), (8..<16, 8)] {
                    var out = [Float](repeating: .nan, count: size * rows)
                    pk_matmul_packed_rows(kernel, p.baseAddress!, Int32(columns), Int32(range.lowerBound), Int32(range.upperBound),
                                          activations.data(format), stride, Int32(size), &out, rows)
                    for b in 0..<size {
                        #expect(range.map { out[b * rows + $0].bitPattern } == range.map { alone[b][$0].bitPattern },
                                "rows \(range), batch \(size), row \(b)")
                        #expect(out[b * rows..<(b + 1) * rows].enumerated().allSatisfy { range.contains($0.offset) || $0.element.isNaN },
                                "rows outside \(range) untouched")
                    }
                }
            }
        }
    }

    @Test("attention: a query's score is the same bits however many queries share the key, and near the scalar sum; values mix in order",
          arguments: [64, 128])
    func attentionKernels(headDim: Int) {
        var generator = SplitMix64(seed: UInt64(headDim))
        func randomFloats(_ count: Int) -> [Float] { (0..<count).map { _ in Float(Int(generator.next() % 2001) - 1000) * 1e-3 } }
        let pairs = 11, scale: Float = 0.125, stride = 3
        let queries = randomFloats(pairs * headDim), key = randomFloats(headDim)
        var together = [Float](repeating: .nan, count: pairs * stride)
        pk_attention_scores(queries, Int32(pairs), Int32(headDim), key, scale, &together, stride)
        for p in 0..<pairs {
            var alone: Float = .nan
            queries.withUnsafeBufferPointer { pk_attention_scores($0.baseAddress! + p * headDim, 1, Int32(headDim), key, scale, &alone, 1) }
            #expect(together[p * stride].bitPattern == alone.bitPattern, "pair \(p) of \(pairs)")
            let exact = (0..<headDim).reduce(0.0) { $0 + Double(queries[p * headDim + $1]) * Double(key[$1]) } * Double(scale)
            #expect(abs(Double(alone) - exact) <= 1e-5, "pair \(p): \(alone) vs \(exact)")
        }
        let count = 37
        let weights = randomFloats(count).map(abs), values = randomFloats(count * headDim), start = randomFloats(headDim)
        var mixed = start
        pk_attention_mix(&mixed, weights, Int32(count), values, Int32(headDim))
        for i in 0..<headDim {
            let expected = (0..<count).reduce(Double(start[i])) { $0 + Double(Float(Float16(weights[$1]))) * Double(values[$1 * headDim + i]) }
            #expect(abs(Double(mixed[i]) - expected) <= 1e-4, "element \(i): \(mixed[i]) vs \(expected)")
        }
    }

    @Test("every supported GGUF type is computable and has an activation format or is float")
    func supportedTypes() {
        for type in Self.quantizedTypes {
            #expect(type.isComputable)
            #expect(QuantizedActivations.Format(weights: type) != nil)
            #expect(Int(pk_block_bytes(pk_type(rawValue: type.rawValue))) == type.blockBytes)
        }
        for type in [GGMLType.f32, .f16, .bf16] {
            #expect(type.isComputable && QuantizedActivations.Format(weights: type) == nil)
        }
    }
}

@Suite("Parallel row chunks")
struct ParallelRowsTests {
    @Test("a job's rows are covered exactly once, in chunks on 16-row bounds, whatever the count",
          arguments: [64, 100, 1536, 2049, 151_936])
    func chunksCoverEveryRowOnce(count: Int) {
        let parallel = ParallelRows(workers: 2, minimumParallelCount: 1)
        let lock = NSLock()
        var ranges: [Range<Int>] = []
        parallel.run(count) { range in
            lock.lock()
            ranges.append(range)
            lock.unlock()
        }
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        #expect(sorted.first?.lowerBound == 0 && sorted.last?.upperBound == count)
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "\(sorted)")
        #expect(sorted.dropLast().allSatisfy { $0.lowerBound % 16 == 0 && $0.count % 16 == 0 })
        #expect(ranges.count > 2, "more chunks than threads, so a slow thread takes fewer")
    }

    @Test("every part of every job runs exactly once, whichever of the caller and the workers claims it")
    func everyPartRunsOnce() {
        let pool = WorkerPool(threadCount: 3)
        let jobs = 5_000
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: jobs * 3)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0)
        for job in 0..<jobs {
            // Each part writes only its own slot, so the counts are exact without a lock.
            pool.run { part in counts[job * 3 + part] += 1 }
        }
        #expect(counts.allSatisfy { $0 == 1 }, "parts run \(Set(counts)) times")
    }
}

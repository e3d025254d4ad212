@testable import Inference
import TestSupport
import Testing

@Suite("Quantized dot products")
struct QuantKernelTests {
    @Test("matrix-vector products on the blocks agree with gguf-py's dequantized products")
    func products() throws {
        let expected = try ModelFiles.json(TinyGGUFExpectation.self, fixture: "tiny-gguf.json")
        let file = try GGUFFile(path: ModelFiles.fixture("tiny.gguf"))
        let activations = QuantizedActivations(capacity: expected.activation.count)
        for tensor in expected.tensors {
            let info = try #require(file.tensorInfo(named: tensor.name))
            let matrix = try WeightMatrix(
                name: info.name, type: info.type, rows: info.rowCount, columns: info.rowLength, data: file.data(of: info))
            var out = [Float](repeating: 0, count: matrix.rows)
            expected.activation.withUnsafeBufferPointer { x in
                out.withUnsafeMutableBufferPointer { out in
                    WeightMatrix.multiply([(matrix, out.baseAddress!)], x.baseAddress!, activations, parallel: ParallelRows(workers: 2, minimumParallelCount: 1))
                }
            }
            // Int8 activations carry about 0.4 % relative error per element; exact float kernels far less.
            let tolerance = matrix.activationFormat != nil ? 0.02 : 1e-4
            for (row, product) in tensor.products.enumerated() {
                let rowNorm = tensor.values[(row * matrix.columns)..<((row + 1) * matrix.columns)]
                    .reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
                let scale = rowNorm * 16  // |x| ≈ √256 for a standard normal activation
                #expect(abs(Double(out[row]) - product) <= tolerance * scale,
                        "\(tensor.name) row \(row): \(out[row]) vs \(product)")
            }
        }
    }

    @Test("4- and 8-bit products equal ggml's integer arithmetic on int8 activations")
    func ggmlArithmetic() throws {
        let expected = try ModelFiles.json(TinyGGUFExpectation.self, fixture: "tiny-gguf.json")
        let file = try GGUFFile(path: ModelFiles.fixture("tiny.gguf"))
        let activations = QuantizedActivations(capacity: expected.activation.count)
        for tensor in expected.tensors {
            guard let ggmlProducts = tensor.ggmlProducts else { continue }
            let info = try #require(file.tensorInfo(named: tensor.name))
            let matrix = try WeightMatrix(
                name: info.name, type: info.type, rows: info.rowCount, columns: info.rowLength, data: file.data(of: info))
            var out = [Float](repeating: 0, count: matrix.rows)
            expected.activation.withUnsafeBufferPointer { x in
                out.withUnsafeMutableBufferPointer { out in
                    WeightMatrix.multiply([(matrix, out.baseAddress!)], x.baseAddress!, activations, parallel: ParallelRows(workers: 1))
                }
            }
            for (row, product) in ggmlProducts.enumerated() {
                // Only float summation order differs.
                #expect(abs(Double(out[row]) - product) <= 1e-5 * max(1, abs(product)), "\(tensor.name) row \(row): \(out[row]) vs \(product)")
            }
        }
    }

    @Test("a batched product equals one product per activation row, bit for bit, for every tensor type")
    func batchedProducts() throws {
        let expected = try ModelFiles.json(TinyGGUFExpectation.self, fixture: "tiny-gguf.json")
        let file = try GGUFFile(path: ModelFiles.fixture("tiny.gguf"))
        let columns = expected.activation.count
        // Eleven different activation rows (the fixture's, reversed, and scaled by ten factors),
        // more than one tile of eight, so the batch is split into tiles of 6 and 5.
        let rows = [expected.activation, Array(expected.activation.reversed())]
            + (1...9).map { step in expected.activation.map { $0 * (Float(step) * -0.37) } }
        let batch = rows.count
        let x = rows.flatMap { $0 }
        let parallel = ParallelRows(workers: 2, minimumParallelCount: 1)
        for tensor in expected.tensors {
            let info = try #require(file.tensorInfo(named: tensor.name))
            let matrix = try WeightMatrix(
                name: info.name, type: info.type, rows: info.rowCount, columns: info.rowLength, data: file.data(of: info))
            var single: [Float] = []
            for row in rows {
                let activations = QuantizedActivations(capacity: columns)
                var out = [Float](repeating: 0, count: matrix.rows)
                row.withUnsafeBufferPointer { x in
                    out.withUnsafeMutableBufferPointer { out in
                        WeightMatrix.multiply([(matrix, out.baseAddress!)], x.baseAddress!, activations, parallel: parallel)
                    }
                }
                single += out
            }
            let activations = QuantizedActivations(capacity: batch * columns)
            var batched = [Float](repeating: .nan, count: batch * matrix.rows)
            x.withUnsafeBufferPointer { x in
                batched.withUnsafeMutableBufferPointer { out in
                    WeightMatrix.multiply([(matrix, out.baseAddress!)], x.baseAddress!, activations, parallel: parallel, batch: batch)
                }
            }
            #expect(batched == single, "\(tensor.name) (\(info.type))")
        }
    }

    @Test("Q8_0 activations round-trip within half a step per element")
    func activationQuantization() {
        let values: [Float] = (0..<64).map { Float($0 - 31) * 0.37 }
        let activations = QuantizedActivations(capacity: 64)
        values.withUnsafeBufferPointer {
            activations.quantize($0.baseAddress!, rows: 1, columns: 64, stride: 64, format: .q8_0)
        }
        let blocks = activations.data(.q8_0)
        for (index, value) in values.enumerated() {
            let block = blocks + (index / 32) * 34
            let scale = halfToFloat(block.loadUnaligned(as: UInt16.self))
            let restored = Float(block.load(fromByteOffset: 2 + index % 32, as: Int8.self)) * scale
            #expect(abs(restored - value) <= scale * 0.51 + abs(value) * 1e-3)
        }
    }
}

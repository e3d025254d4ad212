import Foundation
@testable import Inference
import TestSupport
import Testing

/// What `make_gguf_fixtures.py` recorded about tiny.gguf.
struct TinyGGUFExpectation: Decodable {
    struct Tensor: Decodable {
        let name: String
        let type: UInt32
        let dimensions: [Int]
        let values: [Float]
        let products: [Double]
        /// Products as ggml computes them with int8-quantized activations (4/8-bit types).
        let ggmlProducts: [Double]?

        enum CodingKeys: String, CodingKey {
            case name, type, dimensions, values, products
            case ggmlProducts = "ggml_products"
        }
    }
    let alignment: Int
    let activation: [Float]
    let tensors: [Tensor]
}

@Suite("GGUF reader")
struct GGUFFileTests {
    let expected: TinyGGUFExpectation
    let file: GGUFFile

    init() throws {
        expected = try ModelFiles.json(TinyGGUFExpectation.self, fixture: "tiny-gguf.json")
        file = try GGUFFile(path: ModelFiles.fixture("tiny.gguf"))
    }

    @Test("reads scalar metadata of every GGUF value type")
    func scalarMetadata() throws {
        #expect(file.version == 3)
        #expect(file["test.uint8"] == .uint8(200))
        #expect(file["test.int8"] == .int8(-100))
        #expect(file["test.uint16"] == .uint16(60000))
        #expect(file["test.int16"] == .int16(-30000))
        #expect(file["test.uint32"] == .uint32(4_000_000_000))
        #expect(file["test.int32"] == .int32(-2_000_000_000))
        #expect(file["test.float32"] == .float32(0.15625))
        #expect(file["test.bool"] == .bool(true))
        #expect(file["test.uint64"] == .uint64(1 << 63 + 5))
        #expect(file["test.int64"] == .int64(-(1 << 62)))
        #expect(file["test.float64"] == .float64(-1.0e-300))
        #expect(try file.string("general.name") == "Proctor tiny fixture ✓")
        #expect(try file.string("general.architecture") == "llama")
    }

    @Test("reads arrays of integers, strings and floats")
    func arrayMetadata() {
        #expect(file["test.array.int32"]?.array == [.int32(1), .int32(-2), .int32(3)])
        #expect(file["test.array.string"]?.array?.compactMap(\.string) == ["a", "Ġb", "", "日本"])
        #expect(file["test.array.float32"]?.array == [.float32(0.5), .float32(-0.25)])
    }

    @Test("honours general.alignment for the data section and tensor offsets")
    func alignment() {
        #expect(file.alignment == expected.alignment)
        #expect(file.dataOffset % expected.alignment == 0)
        for tensor in file.tensors { #expect(tensor.offset % expected.alignment == 0) }
    }

    @Test("lists tensors in file order with their shapes and types")
    func tensorInfos() throws {
        #expect(file.tensors.map(\.name) == expected.tensors.map(\.name))
        for tensor in expected.tensors {
            let info = try #require(file.tensorInfo(named: tensor.name))
            #expect(info.dimensions == tensor.dimensions)
            #expect(info.type.rawValue == tensor.type)
        }
    }

    @Test("dequantizes every supported type exactly as gguf-py does")
    func dequantization() throws {
        for tensor in expected.tensors {
            let info = try #require(file.tensorInfo(named: tensor.name))
            let values = try file.floats(of: info)
            #expect(values.count == tensor.values.count)
            let mismatches = zip(values, tensor.values).filter { $0 != $1 }.count
            #expect(mismatches == 0, "\(tensor.name): \(mismatches) elements differ from gguf-py")
        }
    }

    @Test("reports a missing key by name")
    func missingKey() {
        #expect(throws: InferenceError.missingMetadata(key: "no.such.key")) { try file.integer("no.such.key") }
        #expect(throws: InferenceError.wrongMetadataType(key: "general.name", expected: "an integer")) {
            try file.integer("general.name")
        }
    }

    @Test("names the tensor and the sizes when the file is truncated")
    func truncatedFile() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: ModelFiles.fixture("tiny.gguf")))
        let last = try #require(file.tensors.max { $0.offset < $1.offset })
        let cut = 10
        let end = file.dataOffset + last.offset + last.byteCount
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-truncated-\(UUID()).gguf").path
        try original.prefix(end - cut).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let error = try #require(throws: InferenceError.self) { try GGUFFile(path: path) }
        #expect(error == .tensorOutOfBounds(
            path: path, tensor: last.name, expectedBytes: last.byteCount, availableBytes: last.byteCount - cut))
        #expect(error.description.contains(last.name))
    }

    @Test("rejects a file cut inside its header with the byte offset")
    func truncatedHeader() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: ModelFiles.fixture("tiny.gguf")))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-header-\(UUID()).gguf").path
        try original.prefix(200).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let error = try #require(throws: InferenceError.self) { try GGUFFile(path: path) }
        guard case let .malformedGGUF(_, offset, reason) = error else {
            Issue.record("expected malformedGGUF, got \(error)")
            return
        }
        #expect(offset <= 200)
        #expect(!reason.isEmpty)
    }

    @Test("rejects a file that is not GGUF")
    func notGGUF() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-not-gguf-\(UUID())").path
        try Data("hello, world, this is not a model".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: InferenceError.malformedGGUF(path: path, offset: 4, reason: "not a GGUF file (bad magic)")) {
            try GGUFFile(path: path)
        }
    }

    @Test("reads an empty array, which gguf-py cannot write")
    func emptyArray() throws {
        var bytes = GGUFBytes(tensorCount: 0, metadataCount: 1)
        bytes.string("test.empty")
        bytes.u32(GGUFValueType.array.rawValue)
        bytes.u32(GGUFValueType.int32.rawValue)
        bytes.u64(0)
        let file = try GGUFFile(path: try bytes.write())
        #expect(file["test.empty"] == .array(elementType: .int32, []))
    }

    @Test("rejects an array whose count exceeds the file")
    func lyingArrayCount() throws {
        var bytes = GGUFBytes(tensorCount: 0, metadataCount: 1)
        bytes.string("test.huge")
        bytes.u32(GGUFValueType.array.rawValue)
        bytes.u32(GGUFValueType.uint8.rawValue)
        bytes.u64(1 << 40)
        let path = try bytes.write()
        let error = try #require(throws: InferenceError.self) { try GGUFFile(path: path) }
        #expect(error.description.contains("element count of 'test.huge'"))
    }

    @Test("rejects a tensor whose offset breaks the alignment, naming it")
    func misalignedTensor() throws {
        var bytes = GGUFBytes(tensorCount: 1, metadataCount: 0)
        bytes.string("w")
        bytes.u32(1)
        bytes.u64(8)
        bytes.u32(GGMLType.f32.rawValue)
        bytes.u64(4)
        let path = try bytes.write()
        let error = try #require(throws: InferenceError.self) { try GGUFFile(path: path) }
        #expect(error.description.contains("tensor 'w' starts at data offset 4"))
    }

    @Test("reads the SmolLM2 demo model's header and tensors",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func smolLM2() throws {
        let path = try #require(ModelFiles.smolLM2)
        let model = try GGUFFile(path: path)
        #expect(try model.string("general.architecture") == "llama")
        #expect(try model.integer("llama.block_count") == 30)
        #expect(try model.integer("llama.embedding_length") == 576)
        #expect(model["tokenizer.ggml.merges"]?.array?.count == 48_900)
        #expect(model.tensors.count == 272)
        let embedding = try #require(model.tensorInfo(named: "token_embd.weight"))
        #expect(embedding.type == .q8_0)
        #expect(embedding.dimensions == [576, 49_152])
        #expect(model.tensorInfo(named: "blk.0.attn_q.weight")?.type == .q4_1)
        #expect(model.tensorInfo(named: "output.weight") == nil)
    }
}

/// Builds a GGUF v3 file byte by byte, for malformed and edge-case headers.
struct GGUFBytes {
    private(set) var data = Data()

    init(tensorCount: UInt64, metadataCount: UInt64) {
        data.append(contentsOf: Array("GGUF".utf8))
        u32(3)
        u64(tensorCount)
        u64(metadataCount)
    }

    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func string(_ text: String) {
        u64(UInt64(text.utf8.count))
        data.append(contentsOf: Array(text.utf8))
    }

    /// Writes the bytes to a fresh temporary file and returns its path.
    func write() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-gguf-\(UUID()).gguf").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}

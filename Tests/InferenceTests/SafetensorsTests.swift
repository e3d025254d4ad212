import Foundation
@testable import Inference
import TestSupport
import Testing

/// What `make_safetensors_fixtures.py` recorded about each fixture file, keyed by its path
/// under `Fixtures/safetensors/`.
struct SafetensorsExpectation: Decodable {
    struct Tensor: Decodable {
        let name: String
        let dtype: String
        let shape: [Int]
        let dataOffsets: [Int]
        /// Each element converted to float32 by numpy, as bits; `nil` for non-float dtypes.
        let floatBits: [UInt32]?

        enum CodingKeys: String, CodingKey {
            case name, dtype, shape
            case dataOffsets = "data_offsets"
            case floatBits = "float_bits"
        }
    }
    let metadata: [String: String]
    let headerLength: Int
    let byteCount: Int
    let tensors: [Tensor]

    enum CodingKeys: String, CodingKey {
        case metadata, tensors
        case headerLength = "header_length"
        case byteCount = "byte_count"
    }

    static let all: [String: SafetensorsExpectation] = {
        try! ModelFiles.json([String: SafetensorsExpectation].self, fixture: "safetensors/expected.json")
    }()

    static var fixtureNames: [String] { all.keys.sorted() }
}

/// Writes a safetensors file from a header object and data bytes; returns its path.
private func writeSafetensors(header: [String: Any], data: [UInt8], declaredLength: UInt64? = nil) throws -> String {
    let json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
    return try writeSafetensors(headerJSON: Array(json), data: data, declaredLength: declaredLength)
}

/// Writes a safetensors file from raw header bytes and data bytes; returns its path.
private func writeSafetensors(headerJSON: [UInt8], data: [UInt8], declaredLength: UInt64? = nil) throws -> String {
    var bytes = withUnsafeBytes(of: (declaredLength ?? UInt64(headerJSON.count)).littleEndian) { Array($0) }
    bytes += headerJSON + data
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-\(UUID()).safetensors").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

/// A fresh temporary directory.
private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-checkpoint-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("Safetensors reader")
struct SafetensorsTests {
    @Test("finds the header, metadata and every tensor's dtype, shape and byte range", arguments: SafetensorsExpectation.fixtureNames)
    func tensorInfos(fixture: String) throws {
        let expected = try #require(SafetensorsExpectation.all[fixture])
        let file = try SafetensorsFile(path: ModelFiles.fixture("safetensors/\(fixture)"))
        #expect(file.metadata == expected.metadata)
        #expect(file.dataOffset == 8 + expected.headerLength)
        #expect(Set(file.tensors.map(\.name)) == Set(expected.tensors.map(\.name)))
        for tensor in expected.tensors {
            let info = try #require(file.tensorInfo(named: tensor.name))
            #expect(info.dtype.rawValue == tensor.dtype)
            #expect(info.shape == tensor.shape)
            #expect(info.dataOffsets == tensor.dataOffsets[0]..<tensor.dataOffsets[1])
        }
    }

    @Test("converts F32, F16 and BF16 tensors to exactly numpy's float32 bits", arguments: SafetensorsExpectation.fixtureNames)
    func floatValues(fixture: String) throws {
        let expected = try #require(SafetensorsExpectation.all[fixture])
        let file = try SafetensorsFile(path: ModelFiles.fixture("safetensors/\(fixture)"))
        for tensor in expected.tensors {
            guard let bits = tensor.floatBits else { continue }
            let values = try file.floats(named: tensor.name)
            #expect(values.map(\.bitPattern) == bits, "\(tensor.name)")
        }
    }

    @Test("reads a 0-d scalar as one element and an empty tensor as none")
    func scalarAndEmpty() throws {
        let file = try SafetensorsFile(path: ModelFiles.fixture("safetensors/single/model.safetensors"))
        let scalar = try file.requireTensor(named: "model.scalar")
        #expect(scalar.shape == [])
        #expect(scalar.elementCount == 1)
        #expect(try file.floats(of: scalar) == [-2.71875])
        let empty = try file.requireTensor(named: "model.empty")
        #expect(empty.shape == [0, 4])
        #expect(try file.floats(of: empty) == [])
    }

    @Test("gives raw bytes of any dtype but refuses to read integers as floats")
    func rawBytesAndUnsupportedDType() throws {
        let path = ModelFiles.fixture("safetensors/single/model.safetensors")
        let file = try SafetensorsFile(path: path)
        let ids = try file.requireTensor(named: "model.token_ids")
        let bytes = file.bytes(of: ids)
        let values = stride(from: 0, to: bytes.count, by: 4).map { offset in
            Int32(littleEndian: bytes[offset..<offset + 4].withUnsafeBytes { $0.loadUnaligned(as: Int32.self) })
        }
        #expect(values == [1, -2, 30000, Int32.min])
        #expect(throws: InferenceError.unsupportedDType(path: path, tensor: "model.token_ids", dtype: "I32")) {
            try file.floats(of: ids)
        }
        #expect(throws: InferenceError.missingTensor(name: "model.absent")) { try file.floats(named: "model.absent") }
    }

    @Test("rejects a truncated file naming the last tensor with expected and available bytes")
    func truncatedFile() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: ModelFiles.fixture("safetensors/single/model.safetensors")))
        let file = try SafetensorsFile(path: ModelFiles.fixture("safetensors/single/model.safetensors"))
        let last = try #require(file.tensors.last)
        let cut = 10
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-truncated-\(UUID()).safetensors").path
        try original.prefix(file.dataOffset + last.dataOffsets.upperBound - cut).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let error = try #require(throws: InferenceError.self) { try SafetensorsFile(path: path) }
        #expect(error == .tensorOutOfBounds(
            path: path, tensor: last.name, expectedBytes: last.byteCount, availableBytes: last.byteCount - cut))
        #expect(error.description.contains(last.name))
        #expect(error.description.contains(path))
    }

    @Test("rejects a header length that runs past the end of the file")
    func headerLengthPastEnd() throws {
        let path = try writeSafetensors(headerJSON: Array("{}".utf8), data: [], declaredLength: 1_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: InferenceError.malformedSafetensors(
            path: path, reason: "the header length is 1000 bytes, but only 2 follow it")) {
            try SafetensorsFile(path: path)
        }
    }

    @Test("rejects a file shorter than the header length field")
    func shorterThanLengthField() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-short-\(UUID()).safetensors").path
        try Data([1, 0, 0]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: InferenceError.malformedSafetensors(
            path: path, reason: "the file has 3 bytes, fewer than the 8-byte header length")) {
            try SafetensorsFile(path: path)
        }
    }

    @Test("rejects a header that is not JSON or not an object", arguments: ["{\"a\": ", "[1, 2]", "not json"])
    func badJSON(header: String) throws {
        let path = try writeSafetensors(headerJSON: Array(header.utf8), data: [])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: InferenceError.self) { try SafetensorsFile(path: path) }
        guard case let .malformedSafetensors(errorPath, reason) = error else {
            Issue.record("expected malformedSafetensors, got \(error)")
            return
        }
        #expect(errorPath == path)
        #expect(reason.hasPrefix("the header is not"))
    }

    @Test("accepts tensors out of offset order with gaps and a space-padded header")
    func unorderedWithGaps() throws {
        let header: [String: Any] = [
            "b": ["dtype": "F32", "shape": [1], "data_offsets": [0, 4]],
            "a": ["dtype": "F16", "shape": [2], "data_offsets": [8, 12]],
        ]
        var json = Array(try JSONSerialization.data(withJSONObject: header))
        json += Array(repeating: UInt8(ascii: " "), count: 3)
        let data: [UInt8] = [0, 0, 0x80, 0x3F, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x3C, 0x00, 0xC0]
        let path = try writeSafetensors(headerJSON: json, data: data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try SafetensorsFile(path: path)
        #expect(file.tensors.map(\.name) == ["b", "a"])
        #expect(try file.floats(named: "b") == [1])
        #expect(try file.floats(named: "a") == [1, -2])
        #expect(file.metadata.isEmpty)
    }

    @Test("rejects data offsets that disagree with dtype and shape")
    func sizeMismatch() throws {
        let header: [String: Any] = ["w": ["dtype": "BF16", "shape": [2, 3], "data_offsets": [0, 10]]]
        let path = try writeSafetensors(header: header, data: Array(repeating: 0, count: 12))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: InferenceError.self) { try SafetensorsFile(path: path) }
        #expect(error == .tensorSizeMismatch(path: path, tensor: "w", expectedBytes: 12, actualBytes: 10))
        #expect(error.description.contains("12") && error.description.contains("10"))
    }

    @Test("rejects overlapping tensors naming both")
    func overlap() throws {
        let header: [String: Any] = [
            "first": ["dtype": "F32", "shape": [2], "data_offsets": [0, 8]],
            "second": ["dtype": "F32", "shape": [2], "data_offsets": [4, 12]],
        ]
        let path = try writeSafetensors(header: header, data: Array(repeating: 0, count: 12))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: InferenceError.malformedSafetensors(
            path: path, reason: "tensors 'first' 0..<8 and 'second' 4..<12 overlap")) {
            try SafetensorsFile(path: path)
        }
    }

    @Test("rejects malformed tensor entries and metadata", arguments: [
        (#"{"w": {"dtype": "F5", "shape": [1], "data_offsets": [0, 4]}}"#, "tensor 'w' has unknown dtype 'F5'"),
        (#"{"w": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}}"#,
         "tensor 'w' has no shape of non-negative integers"),
        (#"{"w": {"dtype": "F32", "shape": [1.5], "data_offsets": [0, 4]}}"#,
         "tensor 'w' has no shape of non-negative integers"),
        (#"{"w": {"dtype": "F32", "shape": [1], "data_offsets": [4, 0]}}"#,
         "tensor 'w' has no data_offsets [begin, end] with 0 ≤ begin ≤ end"),
        (#"{"w": {"shape": [1], "data_offsets": [0, 4]}}"#, "tensor 'w' has no dtype string"),
        (#"{"w": [1, 2]}"#, "tensor 'w' is not an object"),
        (#"{"__metadata__": {"format": 1}}"#, "__metadata__ key 'format' is not a string"),
    ])
    func malformedEntries(header: String, reason: String) throws {
        let path = try writeSafetensors(headerJSON: Array(header.utf8), data: Array(repeating: 0, count: 4))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: InferenceError.malformedSafetensors(path: path, reason: reason)) { try SafetensorsFile(path: path) }
    }
}

extension SafetensorsTests {
    @Suite("Safetensors checkpoints")
    struct Checkpoints {
        let sharded = ModelFiles.fixture("safetensors/sharded")

        @Test("resolves every tensor of a sharded checkpoint to its shard and reads it exactly")
        func shardedCheckpoint() throws {
            let checkpoint = try SafetensorsCheckpoint(path: sharded)
            #expect(checkpoint.shards.count == 2)
            #expect(checkpoint.indexPath == "\(sharded)/model.safetensors.index.json")
            var expectedNames: [String] = []
            for (fixture, expected) in SafetensorsExpectation.all where fixture.hasPrefix("sharded/") {
                for tensor in expected.tensors {
                    expectedNames.append(tensor.name)
                    let file = try #require(checkpoint.file(containing: tensor.name))
                    #expect(file.path.hasSuffix(fixture))
                    #expect(try checkpoint.floats(named: tensor.name).map(\.bitPattern) == tensor.floatBits)
                }
            }
            #expect(checkpoint.tensorNames == expectedNames.sorted())
            #expect(throws: InferenceError.missingTensor(name: "lm_head.weight")) { try checkpoint.floats(named: "lm_head.weight") }
        }

        @Test("opens the index file itself and a single model.safetensors in a directory")
        func otherEntryPoints() throws {
            let viaIndex = try SafetensorsCheckpoint(path: "\(sharded)/model.safetensors.index.json")
            #expect(viaIndex.tensorNames.count == 4)
            let single = try SafetensorsCheckpoint(path: ModelFiles.fixture("safetensors/single"))
            #expect(single.indexPath == nil)
            #expect(single.shards.count == 1)
            #expect(single.tensorNames.contains("model.bf16_vector"))
            #expect(single.tensorInfo(named: "model.f16_odd")?.shape == [7, 3, 1])
        }

        @Test("names the index, the shard and a tensor when a shard is missing")
        func missingShard() throws {
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            for name in ["model.safetensors.index.json", "model-00002-of-00002.safetensors"] {
                try FileManager.default.copyItem(atPath: "\(sharded)/\(name)", toPath: directory.appendingPathComponent(name).path)
            }
            let index = directory.appendingPathComponent("model.safetensors.index.json").path
            let error = try #require(throws: InferenceError.self) { try SafetensorsCheckpoint(path: directory.path) }
            #expect(error == .missingShard(
                index: index, shard: "model-00001-of-00002.safetensors", tensor: "model.embed_tokens.weight"))
        }

        @Test("names the tensor and shard when the index maps a tensor to a shard without it")
        func tensorNotInShard() throws {
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            for name in ["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"] {
                try FileManager.default.copyItem(atPath: "\(sharded)/\(name)", toPath: directory.appendingPathComponent(name).path)
            }
            let index = directory.appendingPathComponent("model.safetensors.index.json")
            let weightMap = [
                "model.embed_tokens.weight": "model-00001-of-00002.safetensors",
                "model.norm.weight": "model-00001-of-00002.safetensors",
            ]
            try JSONSerialization.data(withJSONObject: ["weight_map": weightMap]).write(to: index)
            #expect(throws: InferenceError.tensorNotInShard(
                index: index.path, tensor: "model.norm.weight", shard: "model-00001-of-00002.safetensors")) {
                try SafetensorsCheckpoint(path: directory.path)
            }
        }

        @Test("rejects a shard name that leaves the checkpoint's folder")
        func shardOutsideFolder() throws {
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let index = directory.appendingPathComponent("model.safetensors.index.json")
            try JSONSerialization.data(withJSONObject: ["weight_map": ["w": "../elsewhere.safetensors"]]).write(to: index)
            #expect(throws: InferenceError.malformedSafetensors(
                path: index.path, reason: "weight_map entry 'w' names '../elsewhere.safetensors', not a file in the checkpoint's folder")) {
                try SafetensorsCheckpoint(path: directory.path)
            }
        }

        @Test("rejects an index that is not JSON or has no weight_map", arguments: [
            ("not json", "the index is not a JSON object"),
            (#"{"metadata": {"total_size": 4}}"#, "the index has no weight_map object"),
            (#"{"weight_map": {}}"#, "the weight_map is empty"),
            (#"{"weight_map": {"w": 3}}"#, "weight_map entry 'w' is not a file name"),
        ])
        func malformedIndex(contents: String, reason: String) throws {
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let index = directory.appendingPathComponent("model.safetensors.index.json")
            try Data(contents.utf8).write(to: index)
            #expect(throws: InferenceError.malformedSafetensors(path: index.path, reason: reason)) {
                try SafetensorsCheckpoint(path: directory.path)
            }
        }

        @Test("says so when a directory holds no safetensors checkpoint")
        func emptyDirectory() throws {
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            #expect(throws: InferenceError.noSafetensorsCheckpoint(directory: directory.path)) {
                try SafetensorsCheckpoint(path: directory.path)
            }
        }
    }
}

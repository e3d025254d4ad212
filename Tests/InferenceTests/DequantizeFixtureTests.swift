import Foundation
@testable import Inference
import TestSupport
import Testing

/// What `scripts/fixtures/make_quant_fixtures.py` recorded: ggml blocks of every format Proctor
/// reads, random and cut from the Qwen2.5-Coder GGUFs, with gguf-py's dequantized values.
private struct QuantBlocksFixture: Decodable {
    struct Case: Decodable {
        let source: String
        let blockCount: Int
        let blocks: Data
        let values: Data

        enum CodingKeys: String, CodingKey {
            case source
            case blockCount = "block_count"
            case blocks = "blocks_base64"
            case values = "values_f32_base64"
        }
    }

    struct TypeEntry: Decodable {
        let name: String
        let ggmlType: UInt32
        let blockSize: Int
        let blockBytes: Int
        let cases: [Case]

        enum CodingKeys: String, CodingKey {
            case name, cases
            case ggmlType = "ggml_type"
            case blockSize = "block_size"
            case blockBytes = "block_bytes"
        }
    }

    let reference: String
    let types: [TypeEntry]

    static let shared = Result { try ModelFiles.json(QuantBlocksFixture.self, fixture: "quant-blocks.json") }
}

@Suite("Dequantization against gguf-py")
struct DequantizeFixtureTests {
    static let typeNames = ["Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K",
                            "IQ4_NL", "F16", "BF16"]

    @Test("the fixture covers every quantized and half-precision type Proctor computes with")
    func fixtureCoversEveryType() throws {
        let fixture = try QuantBlocksFixture.shared.get()
        #expect(fixture.types.map(\.name) == Self.typeNames)
        for entry in fixture.types {
            let type = try #require(GGMLType(rawValue: entry.ggmlType), "\(entry.name): ggml type \(entry.ggmlType)")
            #expect(type.isComputable)
            #expect(type.blockSize == entry.blockSize && type.blockBytes == entry.blockBytes, "\(entry.name)'s layout")
        }
    }

    @Test("each block dequantizes to gguf-py's values bit for bit", arguments: typeNames)
    func dequantizesBitForBit(typeName: String) throws {
        let fixture = try QuantBlocksFixture.shared.get()
        let entry = try #require(fixture.types.first { $0.name == typeName })
        let type = try #require(GGMLType(rawValue: entry.ggmlType))
        for testCase in entry.cases {
            #expect(testCase.blocks.count == testCase.blockCount * entry.blockBytes, "\(typeName) \(testCase.source)")
            let count = testCase.blockCount * entry.blockSize
            #expect(testCase.values.count == count * 4, "\(typeName) \(testCase.source)")
            var output = [Float](repeating: .nan, count: count)
            testCase.blocks.withUnsafeBytes { blocks in
                output.withUnsafeMutableBufferPointer { out in
                    Dequantize.row(type: type, source: blocks.baseAddress!, destination: out.baseAddress!, count: count)
                }
            }
            let expected: [UInt32] = testCase.values.withUnsafeBytes { raw in
                (0..<count).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
            }
            let mismatches = (0..<count).filter { output[$0].bitPattern != expected[$0] }
            #expect(mismatches.isEmpty,
                    "\(typeName) \(testCase.source): \(mismatches.count) of \(count) values differ from gguf-py, first at element \(mismatches.first ?? 0) (block \((mismatches.first ?? 0) / entry.blockSize)): \(mismatches.first.map { "\(output[$0]) vs \(Float(bitPattern: expected[$0]))" } ?? "")")
        }
    }

    @Test("the blocks cut from the real models cover every type those models hold")
    func realModelBlocksArePresent() throws {
        let fixture = try QuantBlocksFixture.shared.get()
        let fromModels = Set(fixture.types.filter { $0.cases.contains { $0.source != "random" } }.map(\.name))
        #expect(fromModels.isSuperset(of: ["Q5_0", "Q8_0", "Q4_K", "Q6_K"]), "\(fromModels.sorted())")
    }
}

import Foundation
import Inference
import TestSupport
import Testing

/// What `make_parity_fixtures.py` recorded from llama.cpp.
struct ParityFixture: Decodable {
    struct Case: Decodable {
        let text: String
        let promptIDs: [Int]
        let generatedIDs: [Int]
        let topLogits: [[Double]]
        let logitsF32Base64: String?

        enum CodingKeys: String, CodingKey {
            case text
            case promptIDs = "prompt_ids"
            case generatedIDs = "generated_ids"
            case topLogits = "top_logits"
            case logitsF32Base64 = "logits_f32_base64"
        }

        /// Every last-position logit, when recorded.
        var logits: [Float]? {
            guard let encoded = logitsF32Base64, let data = Data(base64Encoded: encoded) else { return nil }
            return data.withUnsafeBytes { raw in
                (0..<(data.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
            }
        }
    }
    let reference: String
    let maxTokens: Int
    let cases: [Case]

    enum CodingKeys: String, CodingKey {
        case reference
        case maxTokens = "max_tokens"
        case cases
    }
}

/// One generator for the whole suite: loading maps the file and builds the vocabulary once.
/// The suite is serialized, so the generator is never used from two tests at once.
nonisolated(unsafe) private let sharedGenerator: TextGenerator? = ModelFiles.smolLM2.flatMap {
    try? TextGenerator(modelPath: $0, contextCapacity: 512, threads: 2)
}

@Suite("SmolLM2 parity with llama.cpp", .serialized)
struct SmolLM2ParityTests {
    @Test("tokenizes every parity prompt as llama.cpp does")
    func promptTokens() throws {
        guard let generator = sharedGenerator else {
            print("skipped: \(ModelFiles.smolLM2MissingReason)")
            return
        }
        let fixture = try ModelFiles.json(ParityFixture.self, fixture: "parity-smollm2.json")
        for testCase in fixture.cases {
            #expect(generator.promptTokens(for: testCase.text, raw: true) == testCase.promptIDs)
        }
    }

    @Test("renders SmolLM2's ChatML template as the fixture's chat prompts")
    func chatTemplate() throws {
        guard let generator = sharedGenerator else {
            print("skipped: \(ModelFiles.smolLM2MissingReason)")
            return
        }
        let fixture = try ModelFiles.json(ParityFixture.self, fixture: "parity-smollm2.json")
        let prompt = generator.promptTokens(for: "What is the capital of France?", raw: false)
        #expect(fixture.cases.contains { $0.promptIDs == prompt })
    }

    @Test("last-position logits stay close to llama.cpp's and rank the same top token")
    func logits() throws {
        guard let generator = sharedGenerator else {
            print("skipped: \(ModelFiles.smolLM2MissingReason)")
            return
        }
        let fixture = try ModelFiles.json(ParityFixture.self, fixture: "parity-smollm2.json")
        var worst: Float = 0
        for testCase in fixture.cases {
            let logits = generator.logits(after: testCase.promptIDs)
            if let reference = testCase.logits {
                let difference = zip(logits, reference).map { abs($0 - $1) }.max() ?? .infinity
                worst = max(worst, difference)
            }
            for entry in testCase.topLogits {
                worst = max(worst, abs(logits[Int(entry[0])] - Float(entry[1])))
            }
            let best = logits.indices.max { logits[$0] < logits[$1] }
            #expect(best == Int(testCase.topLogits[0][0]))
        }
        print("SmolLM2 last-position logits: max |Proctor − llama.cpp| = \(worst)")
        #expect(worst < 0.5)
    }

    @Test("greedy generation matches llama.cpp's tokens on at least 9 prompts in 10")
    func greedyTokens() throws {
        guard let generator = sharedGenerator else {
            print("skipped: \(ModelFiles.smolLM2MissingReason)")
            return
        }
        let fixture = try ModelFiles.json(ParityFixture.self, fixture: "parity-smollm2.json")
        var matching = 0
        for (index, testCase) in fixture.cases.enumerated() {
            let generation = generator.generate(prompt: testCase.promptIDs, maxTokens: fixture.maxTokens)
            if generation.tokens == testCase.generatedIDs {
                matching += 1
            } else {
                let agreed = zip(generation.tokens, testCase.generatedIDs).prefix { $0 == $1 }.count
                print("prompt \(index): first \(agreed) of \(testCase.generatedIDs.count) tokens agree with llama.cpp")
            }
        }
        print("SmolLM2 greedy parity: \(matching) of \(fixture.cases.count) prompts identical")
        #expect(matching * 10 >= fixture.cases.count * 9)
    }
}

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
        /// llama.cpp's best logit minus its second best at each generated step.
        let generatedMargins: [Double]
        let topLogits: [[Double]]
        let logitsF32Base64: String?

        enum CodingKeys: String, CodingKey {
            case text
            case promptIDs = "prompt_ids"
            case generatedIDs = "generated_ids"
            case generatedMargins = "generated_margins"
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
    @Test("tokenizes every parity prompt as llama.cpp does",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func promptTokens() throws {
        let generator = try #require(sharedGenerator)
        let fixture = try ModelFiles.json(ParityFixture.self, fixture: "parity-smollm2.json")
        for testCase in fixture.cases {
            #expect(generator.promptTokens(for: testCase.text, raw: true) == testCase.promptIDs)
        }
    }

    @Test("renders SmolLM2's ChatML template as the fixture's chat prompts",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func chatTemplate() throws {
        let generator = try #require(sharedGenerator)
        let fixture = try ModelFiles.json(ParityFixture.self, fixture: "parity-smollm2.json")
        let prompt = generator.promptTokens(for: "What is the capital of France?", raw: false)
        #expect(fixture.cases.contains { $0.promptIDs == prompt })
    }

    /// The bound reflects int8 activation noise, not a defect: on prompt 1, llama.cpp's own
    /// logits are up to 1.15 (mean 0.36) from a float64 forward pass over the same dequantized
    /// weights, and Proctor's up to 1.5 (mean 0.69); with float activations Proctor is within
    /// 0.013 of that reference. Proctor and llama.cpp measured 0.95 apart at most here.
    @Test("last-position logits stay within int8 activation noise of llama.cpp's and rank the same top token",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func logits() throws {
        let generator = try #require(sharedGenerator)
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
        #expect(worst < 1.5)
    }

    /// Teacher-forced agreement: fed llama.cpp's own greedy continuation, Proctor must pick
    /// llama.cpp's token wherever llama.cpp's choice was clear (a margin of at least
    /// `clearMargin` between its two best logits).
    ///
    /// Free-running token identity is reported but not required: int8-quantized activations
    /// make this model's greedy path chaotic. llama.cpp itself, fed the prompt one token at a
    /// time instead of as one batch, reproduces its own 64-token generations on only 5 of
    /// these 12 prompts; rounding flips at near-ties move the logits by tenths.
    @Test("picks llama.cpp's token at every clear step of llama.cpp's greedy continuations",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func teacherForcedAgreement() throws {
        let generator = try #require(sharedGenerator)
        let fixture = try ModelFiles.json(ParityFixture.self, fixture: "parity-smollm2.json")
        let clearMargin = 1.0
        var clearSteps = 0, clearAgreements = 0, allSteps = 0, allAgreements = 0, identical = 0
        for (index, testCase) in fixture.cases.enumerated() {
            let choices = generator.greedyChoices(prompt: testCase.promptIDs, continuation: testCase.generatedIDs)
            for (step, expected) in testCase.generatedIDs.enumerated() {
                allSteps += 1
                if choices[step] == expected { allAgreements += 1 }
                guard testCase.generatedMargins[step] >= clearMargin else { continue }
                clearSteps += 1
                if choices[step] == expected {
                    clearAgreements += 1
                } else {
                    Issue.record("prompt \(index) step \(step): chose \(choices[step]), llama.cpp \(expected) by a margin of \(testCase.generatedMargins[step])")
                }
            }
            let free = generator.generate(prompt: testCase.promptIDs, maxTokens: fixture.maxTokens)
            if free.tokens == testCase.generatedIDs { identical += 1 }
        }
        print("SmolLM2 teacher-forced agreement: \(clearAgreements)/\(clearSteps) clear steps (margin ≥ \(clearMargin)), \(allAgreements)/\(allSteps) all steps; free-running greedy identical on \(identical)/\(fixture.cases.count) prompts")
        #expect(clearSteps > 300)
        #expect(clearAgreements == clearSteps)
    }
}

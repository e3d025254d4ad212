import Foundation
@testable import Inference
import TestSupport
import Testing

/// Batching must not change a single bit: the same tokens run as one batch or one at a time
/// give identical logits, and n samples decoded together equal the samples generated alone.
@Suite("Batched forward and sampling on SmolLM2", .serialized)
struct BatchedGenerationTests {
    /// A prompt of more than one prefill chunk: the parity fixture's prompts run together.
    func longPrompt() throws -> [Int] {
        let fixture = try ModelFiles.json(ParityFixture.self, fixture: "parity-smollm2.json")
        return Array(fixture.cases.flatMap(\.promptIDs).prefix(150))
    }

    @Test("prefill in chunks gives bit-identical logits at every position to one token at a time",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func prefillMatchesTokenByToken() throws {
        let path = try #require(ModelFiles.smolLM2)
        let prompt = try longPrompt()
        let transformer = try Transformer(file: try GGUFFile(path: path), capacity: 256, threads: 2, batchCapacity: 64)
        let vocabulary = transformer.config.vocabularySize
        var single: [[Float]] = []
        for (position, token) in prompt.enumerated() {
            single.append(Array(transformer.forward(token: token, position: position)))
        }
        var batched: [[Float]] = []
        for chunkStart in stride(from: 0, to: prompt.count, by: 64) {
            let batch = (chunkStart..<min(prompt.count, chunkStart + 64)).map {
                Transformer.BatchToken(token: prompt[$0], position: $0, sequence: 0, wantsLogits: true)
            }
            let logits = transformer.forward(batch)
            #expect(logits.count == batch.count * vocabulary)
            for row in 0..<batch.count { batched.append(Array(logits[(row * vocabulary)..<((row + 1) * vocabulary)])) }
        }
        #expect(batched.count == single.count)
        for position in prompt.indices where batched[position] != single[position] {
            let difference = zip(batched[position], single[position]).map { abs($0 - $1) }.max()!
            Issue.record("position \(position): logits differ by up to \(difference)")
        }
    }

    @Test("n samples decoded as one batch equal each sample generated alone with its seed",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func batchedSamplesMatchSingleSamples() throws {
        let path = try #require(ModelFiles.smolLM2)
        let generator = try TextGenerator(modelPath: path, contextCapacity: 256, threads: 2)
        let prompt = generator.promptTokens(for: "Write a Python function that reverses a string.", raw: false)
        let sampling = SamplingParameters(temperature: 0.8, seed: 1234)
        let batched = generator.generate(prompt: prompt, count: 4, maxTokens: 32, sampling: sampling)
        #expect(batched.count == 4)
        #expect(Set(batched.map(\.tokens)).count > 1, "different seeds should give different samples")
        for (index, sample) in batched.enumerated() {
            var alone = sampling
            alone.seed = sampling.seed &+ UInt64(index)
            let single = generator.generate(prompt: prompt, maxTokens: 32, sampling: alone)
            #expect(sample.tokens == single.tokens, "sample \(index)")
            #expect(sample.stopReason == single.stopReason)
            #expect(sample.text == generator.tokenizer.decode(sample.tokens))
        }
    }
}

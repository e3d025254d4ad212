import Foundation
@testable import Inference
import TestSupport
import Testing

/// What `make_tiny_hf_models.py` recorded from transformers: the logits of each tiny model at
/// every position of three token sequences.
struct TinyModelLogits: Decodable {
    let sequences: [[Int]]
    /// Per model: [sequence][position][vocab].
    let models: [String: [[[Float]]]]

    static let fixture: TinyModelLogits = try! ModelFiles.json(TinyModelLogits.self, fixture: "tiny-hf/logits.json")
}

/// The largest difference between our logits and transformers' at one position, absolute and
/// relative to the largest reference logit magnitude at that position (max|Δ| / max|ref|).
struct LogitDifference {
    var absolute: Float = 0
    var relative: Float = 0

    mutating func include(_ ours: UnsafeMutableBufferPointer<Float>, _ reference: [Float]) {
        var largestDifference: Float = 0, largestReference: Float = 0
        for (value, expected) in zip(ours, reference) {
            largestDifference = max(largestDifference, abs(value - expected))
            largestReference = max(largestReference, abs(expected))
        }
        absolute = max(absolute, largestDifference)
        relative = max(relative, largestDifference / largestReference)
    }
}

/// Runs the model in the folder `fixture` over every recorded sequence.
private func difference(folder: String, model: String) throws -> LogitDifference {
    let directory = try HuggingFaceModelDirectory(path: ModelFiles.fixture("tiny-hf/\(folder)"))
    let expected = try #require(TinyModelLogits.fixture.models[model])
    var difference = LogitDifference()
    for (sequence, rows) in zip(TinyModelLogits.fixture.sequences, expected) {
        let transformer = try directory.transformer(capacity: 64, threads: 2)
        for (position, (token, reference)) in zip(sequence, rows).enumerated() {
            difference.include(transformer.forward(token: token, position: position), reference)
        }
    }
    return difference
}

@Suite("Hugging Face checkpoints match transformers")
struct HuggingFaceParityTests {
    /// Relative is max|Δ| / max|reference| over the vocabulary at each position, the worst
    /// position reported. The bf16/f16 folders are compared with float32 models holding the
    /// same rounded weights, so they test the in-place half-precision rows.
    @Test("logits agree within 1e-4 relative at every position", arguments: [
        ("llama", "llama"), ("qwen2", "qwen2"), ("gpt2", "gpt2"), ("qwen2-sharded", "qwen2"),
        ("llama-bf16", "llama-bf16"), ("gpt2-f16", "gpt2-f16"),
    ])
    func logitsMatchTransformers(folder: String, model: String) throws {
        let measured = try difference(folder: folder, model: model)
        print("parity \(folder): max abs \(measured.absolute), max relative \(measured.relative)")
        #expect(measured.relative < 1e-4)
    }

    @Test("the configs are read as transformers wrote them")
    func configsAreRead() throws {
        let qwen2 = try HuggingFaceConfig(path: ModelFiles.fixture("tiny-hf/qwen2/config.json"))
        #expect(qwen2.model.ropeTheta == 1_000_000 && qwen2.model.rmsEpsilon == 1e-6)
        #expect(qwen2.model.kvHeadCount == 2 && qwen2.model.headDimension == 16 && qwen2.tiesEmbeddings && qwen2.hasQKVBias)
        let llama = try HuggingFaceConfig(path: ModelFiles.fixture("tiny-hf/llama/config.json"))
        #expect(llama.model.ropeTheta == 10_000 && !llama.tiesEmbeddings && !llama.hasQKVBias)
        let gpt2 = try HuggingFaceConfig(path: ModelFiles.fixture("tiny-hf/gpt2/config.json"))
        #expect(gpt2.model.normalization == .layerNorm && gpt2.model.feedForward == .geluTanh)
        #expect(!gpt2.model.usesRotaryPositions && gpt2.model.contextLength == 64 && gpt2.model.hiddenDimension == 128)
    }
}

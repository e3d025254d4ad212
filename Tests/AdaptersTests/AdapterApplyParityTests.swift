import Adapters
import Foundation
@testable import Inference
import TestSupport
import Testing

/// Logits of the tiny base with each adapter applied unmerged by transformers + PEFT
/// (`scripts/fixtures/make_lora_logits_fixtures.sh`).
private struct AdapterLogits: Decodable {
    struct Case: Decodable {
        let adapter: String?
        /// Per token sequence: base64 little-endian float32  [positions, vocabulary]
        let sequences: [String]
    }

    let tokenSequences: [[Int]]
    let vocabulary: Int
    let cases: [Case]

    enum CodingKeys: String, CodingKey {
        case tokenSequences = "token_sequences", vocabulary, cases
    }

    static func load() throws -> AdapterLogits {
        let data = try Data(contentsOf: URL(fileURLWithPath: LoRAFixtures.path("logits.json")))
        return try JSONDecoder().decode(AdapterLogits.self, from: data)
    }

    static func floats(_ base64: String) throws -> [Float] {
        let data = try #require(Data(base64Encoded: base64))
        return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }
}

@Suite("LoRA applied unmerged matches transformers + PEFT")
struct AdapterApplyParityTests {
    /// Runs every fixture sequence with `adapter` (nil: the base) on one shared base and returns
    /// the worst relative difference: max |Δ| / max |reference| at one position.
    private func worstRelativeDifference(adapterLabel: String?, adapters: AdapterSet, fixture: AdapterLogits) throws -> Float {
        let directory = try HuggingFaceModelDirectory(path: LoRAFixtures.path("base"))
        let expected = try #require(fixture.cases.first { $0.adapter == adapterLabel })
        var worst: Float = 0
        for (tokens, encoded) in zip(fixture.tokenSequences, expected.sequences) {
            let reference = try AdapterLogits.floats(encoded)
            let transformer = try directory.transformer(capacity: 64, threads: 2)
            transformer.adapter = adapters.selection(adapterLabel)
            for (position, token) in tokens.enumerated() {
                let ours = transformer.forward(token: token, position: position)
                let row = reference[(position * fixture.vocabulary)..<((position + 1) * fixture.vocabulary)]
                let difference = zip(ours, row).map { abs($0 - $1) }.max() ?? 0
                let scale = row.map { abs($0) }.max() ?? 1
                worst = max(worst, difference / scale)
            }
        }
        return worst
    }

    @Test("base + adapter logits are within 1e-4 relative of PEFT's (the issue's bound; measured ≤ 1.1e-5): alpha/r, rsLoRA, rank/alpha patterns, one layer only",
          arguments: ["a", "b", "c", "d"])
    func adapterLogitsMatchPEFT(label: String) throws {
        let fixture = try AdapterLogits.load()
        let directory = try HuggingFaceModelDirectory(path: LoRAFixtures.path("base"))
        let specs = ["a", "b", "c", "d"].map { (label: $0, path: LoRAFixtures.path("adapters/\($0)")) }
        let adapters = try AdapterSet(loading: specs, base: directory.config.model, source: "tiny base")
        let worst = try worstRelativeDifference(adapterLabel: label, adapters: adapters, fixture: fixture)
        print("adapter \(label): worst relative logit difference \(worst)")
        #expect(worst < 1e-4)
        // The same AdapterSet with no selection runs the base alone.
        let baseOnly = try worstRelativeDifference(adapterLabel: nil, adapters: adapters, fixture: fixture)
        #expect(baseOnly < 1e-5, "the base alone matches PEFT's base")
    }

    @Test("the same generator switches between adapters and the base without reloading, and each stays exact")
    func switchingAdapters() throws {
        let fixture = try AdapterLogits.load()
        let directory = try HuggingFaceModelDirectory(path: LoRAFixtures.path("base"))
        let transformer = try directory.transformer(capacity: 64, threads: 1)
        let specs = [(label: "a", path: LoRAFixtures.path("adapters/a")), (label: "b", path: LoRAFixtures.path("adapters/b"))]
        let adapters = try AdapterSet(loading: specs, base: directory.config.model, source: "tiny base")
        let tokens = fixture.tokenSequences[0]
        var lastLogits: [String: [Float]] = [:]
        for label in ["a", "base", "b", "a"] {
            transformer.adapter = adapters.selection(label)
            var logits: [Float] = []
            for (position, token) in tokens.enumerated() { logits = Array(transformer.forward(token: token, position: position)) }
            let reference = try AdapterLogits.floats(try #require(fixture.cases.first { $0.adapter == (label == "base" ? nil : label) }).sequences[0])
            let last = Array(reference.suffix(fixture.vocabulary))
            #expect(zip(logits, last).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($1)) }, "\(label)")
            if let earlier = lastLogits[label] { #expect(earlier == logits, "\(label) gives the same logits again") }
            lastLogits[label] = logits
        }
        #expect(lastLogits["a"] != lastLogits["b"])
    }

    @Test("an adapter for another base is refused naming the module")
    func wrongBaseIsRefused() throws {
        let config = try ModelConfig(
            architecture: "llama", dimension: 96, hiddenDimension: 128, layerCount: 2, headCount: 4, kvHeadCount: 2,
            headDimension: 24, vocabularySize: 128, contextLength: 64, ropeTheta: 10_000, ropeStyle: .halves, rmsEpsilon: 1e-6)
        #expect {
            _ = try AdapterSet(loading: [(label: "a", path: LoRAFixtures.path("adapters/a"))], base: config, source: "a wider base")
        } throws: { error in
            "\(error)".contains("model.layers.0.") && "\(error)".contains("another base model")
        }
    }
}

import Adapters
import Foundation
import Inference
import TestSupport
import Testing

/// The committed demo adapter (`adapters/smollm2-code/`, made by scripts/train-demo-adapter.sh)
/// that the README's main command compares with the base model.
@Suite("The demo adapter")
struct DemoAdapterTests {
    static let directory = RepositoryPaths.path("adapters/smollm2-code")

    @Test("is a rank-4 PEFT LoRA on all seven projections of SmolLM2's 30 layers, scale 2")
    func shape() throws {
        let adapter = try LoRAAdapter(directory: Self.directory)
        #expect(adapter.config.rank == 4 && adapter.config.alpha == 8 && !adapter.config.useRSLoRA)
        #expect(adapter.pairs.count == 30 * 7)
        let query = try #require(adapter.pairs["model.layers.0.self_attn.q_proj"])
        #expect(query.rank == 4 && query.outFeatures == 576 && query.scale == 2)
        let down = try #require(adapter.pairs["model.layers.29.mlp.down_proj"])
        #expect(down.outFeatures == 576 && down.b.values.contains { $0 != 0 }, "B was trained (it starts at zero)")
    }

    @Test("applies to the real SmolLM2 GGUF and changes its greedy answer to a problem",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func changesGreedyAnswer() throws {
        let model = try #require(ModelFiles.smolLM2)
        let generator = try TextGenerator(modelPath: model, contextCapacity: 512, threads: 2)
        let adapters = try AdapterSet(loading: [(label: "code", path: Self.directory)], base: generator.config, source: model)
        let prompt = generator.tokenizer.encode(
            "<|im_start|>user\nRead two integers A and B from standard input and print their sum.<|im_end|>\n<|im_start|>assistant\n")
        let base = generator.generate(prompt: prompt, maxTokens: 24).tokens
        generator.adapter = adapters.selection("code")
        let adapted = generator.generate(prompt: prompt, maxTokens: 24).tokens
        let again = generator.generate(prompt: prompt, maxTokens: 24).tokens
        generator.adapter = nil
        #expect(adapted != base)
        #expect(adapted == again)
        #expect(generator.generate(prompt: prompt, maxTokens: 24).tokens == base, "switching back gives the base's answer")
    }
}

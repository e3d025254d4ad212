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

    @Test("requests under the base and the adapter, decoded together, each equal their own run alone; a cached prompt prefix is reused only under the adapter that computed it",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func mixedAdaptersTogether() throws {
        let model = try #require(ModelFiles.smolLM2)
        let generator = try TextGenerator(modelPath: model, contextCapacity: 512, threads: 2)
        let adapters = try AdapterSet(loading: [(label: "code", path: Self.directory)], base: generator.config, source: model)
        let code = try #require(adapters.selection("code"))
        let tasks = ["print the sum of two integers A and B.", "print the larger of two integers A and B.",
                     "print A times B for two integers A and B.", "print the smaller of two integers A and B."]
        // Alternating adapters over prompts that open alike: base, code, base, code.
        let requests = tasks.enumerated().map { index, task in
            DecodeRequest(prompt: generator.promptTokens(for: "Read two integers from standard input and " + task, raw: false),
                          samplings: [SamplingParameters(temperature: 0)], maxTokens: 12,
                          adapter: index % 2 == 1 ? code : nil)
        }
        var together: [Int: TextGenerator.Generation] = [:]
        generator.generate(requests: requests, maxSequences: 1) { request, generations in together[request] = generations[0] }
        for (index, request) in requests.enumerated() {
            generator.adapter = request.adapter
            let alone = generator.generate(prompt: request.prompt, maxTokens: 12).tokens
            generator.adapter = nil
            #expect(together[index]?.tokens == alone, "request \(index)")
        }
        // One at a time, each newcomer follows a prompt run under the other adapter: nothing is reused.
        #expect(together.values.allSatisfy { $0.reusedPromptTokens == 0 }, "\(together.mapValues(\.reusedPromptTokens))")
        // Under one adapter throughout, the later prompts reuse the opening.
        let sameAdapter = requests.map { DecodeRequest(prompt: $0.prompt, samplings: $0.samplings, maxTokens: 12, adapter: code) }
        var reused: [Int: Int] = [:]
        generator.generate(requests: sameAdapter, maxSequences: 1) { request, generations in reused[request] = generations[0].reusedPromptTokens }
        #expect(reused[0] == 0 && (1..<4).allSatisfy { (reused[$0] ?? 0) > 0 }, "\(reused)")
    }
}

/// The main job's adapters (`adapters/qwen1.5b-deep/` and `adapters/qwen1.5b-diverse/`, made by
/// scripts/train-adapter.sh under the default stdin-instruct prompt), compared with their base by
/// configs/demo.json.
@Suite("The Qwen 1.5B main-job adapters")
struct QwenMainAdapterTests {
    static let names = ["qwen1.5b-deep", "qwen1.5b-diverse"]

    @Test("are rank-8 PEFT LoRAs on the query and value projections of Qwen2.5-Coder-1.5B's 28 layers, scale 2, under 3 MB",
          arguments: names)
    func shape(name: String) throws {
        let directory = RepositoryPaths.path("adapters/\(name)")
        let adapter = try LoRAAdapter(directory: directory)
        #expect(adapter.config.rank == 8 && adapter.config.alpha == 16 && !adapter.config.useRSLoRA)
        #expect(adapter.config.baseModelNameOrPath == "Qwen/Qwen2.5-Coder-1.5B-Instruct")
        #expect(adapter.pairs.count == 28 * 2)
        let query = try #require(adapter.pairs["model.layers.0.self_attn.q_proj"])
        #expect(query.rank == 8 && query.outFeatures == 1536 && query.scale == 2)
        let value = try #require(adapter.pairs["model.layers.27.self_attn.v_proj"])
        #expect(value.outFeatures == 256, "two KV heads of 128")
        #expect(value.b.values.contains { $0 != 0 }, "B was trained (it starts at zero)")
        let size = try FileManager.default.attributesOfItem(atPath: directory + "/adapter_model.safetensors")[.size] as? Int
        #expect((size ?? .max) < 3_000_000, "small enough to commit: \(size ?? -1) bytes")
    }

    /// The README the training script wrote: the held-out problems the main job evaluates, and
    /// the checksum of the very file committed beside it.
    @Test("have a README naming the held-out problems and the weights' SHA-256", arguments: names)
    func readme(name: String) throws {
        let directory = RepositoryPaths.path("adapters/\(name)")
        let readme = try String(contentsOfFile: directory + "/README.md", encoding: .utf8)
        #expect(readme.contains("(e001-theater-ticket … e020-digit-rotation)"), "the held-out range is stated")
        let checksum = Process()
        checksum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        checksum.arguments = [directory + "/adapter_model.safetensors"]
        let pipe = Pipe()
        checksum.standardOutput = pipe
        try checksum.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        checksum.waitUntilExit()
        let digest = try #require(output.split(separator: " ").first.map(String.init))
        #expect(digest.count == 64 && readme.contains("`\(digest)`"), "README's SHA-256 is the file's (\(digest))")
    }
}

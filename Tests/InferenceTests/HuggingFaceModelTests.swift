import Foundation
@testable import Inference
import TestSupport
import Testing

/// transformers' chat prompts and greedy continuations on the tiny qwen2 folder.
private struct GenerationFixture: Decodable {
    struct Case: Decodable {
        let text: String
        let prompt: String
        let promptIDs: [Int]
        let generatedIDs: [Int]

        enum CodingKeys: String, CodingKey {
            case text, prompt
            case promptIDs = "prompt_ids"
            case generatedIDs = "generated_ids"
        }
    }
    let maxNewTokens: Int
    let cases: [Case]

    enum CodingKeys: String, CodingKey {
        case cases
        case maxNewTokens = "max_new_tokens"
    }

    static let fixture = try! ModelFiles.json(GenerationFixture.self, fixture: "tiny-hf/generation.json")
}

/// A copy of the fixture folder `name` in a temporary folder, with `edit` applied to its files.
private func editedCopy(of name: String, edit: (URL) throws -> Void) throws -> String {
    let destination = FileManager.default.temporaryDirectory.appendingPathComponent("hf-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: URL(fileURLWithPath: ModelFiles.fixture("tiny-hf/\(name)")), to: destination)
    try edit(destination)
    return destination.path
}

/// Rewrites the JSON object in `file` with `change`.
private func editJSON(_ file: URL, _ change: (inout [String: Any]) -> Void) throws {
    var object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
    change(&object)
    try JSONSerialization.data(withJSONObject: object).write(to: file)
}

private func message(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "no error"
    } catch {
        return "\(error)"
    }
}

@Suite("Hugging Face model folders")
struct HuggingFaceModelTests {
    private static let qwen2 = ModelFiles.fixture("tiny-hf/qwen2")

    @Test("chat prompts and greedy continuations match transformers' generate")
    func generatesLikeTransformers() throws {
        let generator = try TextGenerator(modelPath: Self.qwen2, contextCapacity: 128, threads: 2)
        for testCase in GenerationFixture.fixture.cases {
            #expect(generator.chatTemplate?.render([.init(role: "user", content: testCase.text)]) == testCase.prompt)
            let prompt = generator.promptTokens(for: testCase.text, raw: false)
            #expect(prompt == testCase.promptIDs)
            let generation = generator.generate(prompt: prompt, maxTokens: GenerationFixture.fixture.maxNewTokens)
            let expected = testCase.generatedIDs.filter { !generator.endOfGenerationTokens.contains($0) }
            #expect(generation.tokens == expected, "\(testCase.text)")
        }
    }

    @Test("proctor generate accepts the folder and prints transformers' greedy tokens")
    func commandLineGeneratesFromFolder() throws {
        let testCase = GenerationFixture.fixture.cases[0]
        let output = try ProctorBinary.run([
            "generate", "--model", Self.qwen2, "--prompt", testCase.text, "--max-tokens", "12",
            "--temperature", "0", "--print-token-ids", "--threads", "1",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == testCase.generatedIDs.map(String.init).joined(separator: " "))
    }

    @Test("an unsupported model_type is refused by name")
    func refusesUnknownModelType() throws {
        let folder = try editedCopy(of: "llama") { try editJSON($0.appendingPathComponent("config.json")) { $0["model_type"] = "mistral" } }
        let text = message { _ = try HuggingFaceModelDirectory(path: folder) }
        #expect(text.contains("config.json: 'model_type' is 'mistral'"), "\(text)")
    }

    @Test("a missing config key and a rope scaling type are named with config.json")
    func namesBadConfigKeys() throws {
        let missing = try editedCopy(of: "qwen2") { try editJSON($0.appendingPathComponent("config.json")) { $0["num_hidden_layers"] = nil } }
        #expect(message { _ = try HuggingFaceModelDirectory(path: missing) }.contains("config.json: 'num_hidden_layers' is missing"))
        let scaled = try editedCopy(of: "llama") {
            try editJSON($0.appendingPathComponent("config.json")) { $0["rope_parameters"] = ["rope_type": "yarn", "rope_theta": 10_000.0] }
        }
        #expect(message { _ = try HuggingFaceModelDirectory(path: scaled) }.contains("'rope_parameters.rope_type' is 'yarn'"))
    }

    @Test("a tensor of the wrong shape or a missing one is named with its file")
    func namesBadTensors() throws {
        // One more layer than the weights hold: layer 2's tensors are missing.
        let deeper = try editedCopy(of: "qwen2-sharded") { try editJSON($0.appendingPathComponent("config.json")) { $0["num_hidden_layers"] = 3 } }
        let missing = message { _ = try HuggingFaceModelDirectory(path: deeper).transformer(capacity: 8, threads: 1) }
        #expect(missing.contains("model.safetensors.index.json: tensor 'model.layers.2.input_layernorm.weight' is missing"), "\(missing)")
        // A wider FFN than stored: the first FFN matrix read has the wrong shape.
        let wider = try editedCopy(of: "llama") { try editJSON($0.appendingPathComponent("config.json")) { $0["intermediate_size"] = 160 } }
        let shape = message { _ = try HuggingFaceModelDirectory(path: wider).transformer(capacity: 8, threads: 1) }
        #expect(shape.contains("model.safetensors: tensor 'model.layers.0.mlp.gate_proj.weight' has shape [128, 64], expected [160, 64]"), "\(shape)")
    }

    @Test("a path that is neither a GGUF file nor a model folder is refused with what it is")
    func refusesOtherPaths() throws {
        let weights = ModelFiles.fixture("tiny-hf/llama/model.safetensors")
        #expect(message { _ = try ModelFormat.detect(path: weights) }.contains("give the folder holding config.json"))
        #expect(message { _ = try ModelFormat.detect(path: ModelFiles.fixture("tiny-hf/tokenizers")) }.contains("a folder without config.json"))
        #expect(try ModelFormat.detect(path: ModelFiles.fixture("tiny.gguf")) == .gguf)
        #expect(try ModelFormat.detect(path: Self.qwen2) == .huggingFaceDirectory)
    }
}

@Suite("Chat template families")
struct ChatTemplateFamilyTests {
    /// Meta-Llama-3-8B-Instruct's template (tokenizer_config.json).
    static let llama3Source = """
        {% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}
        """

    @Test("recognises Llama 3's template and renders its header layout")
    func rendersLlama3() throws {
        let template = try ChatTemplate(jinja: Self.llama3Source)
        #expect(template.family == .llama3)
        #expect(template.render([.init(role: "system", content: "Be brief."), .init(role: "user", content: " hi \n")]) ==
            "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>"
            + "<|start_header_id|>user<|end_header_id|>\n\nhi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n")
    }

    @Test("refuses templates of other families and Llama 3.1's dated preamble")
    func refusesOthers() throws {
        let gemma = "{% for message in messages %}{{ '<start_of_turn>' + message['role'] + '\\n' + message['content'] + '<end_of_turn>\\n' }}{% endfor %}"
        #expect(message { _ = try ChatTemplate(jinja: gemma) }.contains("neither ChatML"))
        let llama31 = Self.llama3Source + "{{- \"Cutting Knowledge Date: December 2023\\n\" }}"
        #expect(message { _ = try ChatTemplate(jinja: llama31) }.contains("Llama 3.1"))
    }

    @Test("--chat-template takes a family name, a Jinja file or a tokenizer_config.json")
    func readsSpecifiers() throws {
        #expect(try ChatTemplate(specifier: "llama3").family == .llama3)
        #expect(try ChatTemplate(specifier: ModelFiles.fixture("tiny-hf/qwen2/tokenizer_config.json"))
            == ChatTemplate(defaultSystemMessage: "You are a tiny test model."))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("template-\(UUID().uuidString).jinja")
        try Self.llama3Source.write(to: file, atomically: true, encoding: .utf8)
        #expect(try ChatTemplate(specifier: file.path).family == .llama3)
        #expect(message { _ = try ChatTemplate(specifier: "vicuna") }.contains("neither a family name"))
    }
}

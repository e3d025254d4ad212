import Evaluation
import Foundation
import Inference
import Judge
import Samples
import Testing
import TestSupport

/// The tiny Qwen2 test model (a ChatML template with the default system message "You are a tiny
/// test model.") and a copy of it without a chat template: a chat and a base model.
enum TinyModels {
    static let chat = ModelFiles.fixture("tiny-hf/qwen2")

    /// A copy of the chat model whose tokenizer_config.json has no chat_template; the caller removes it.
    static func baseCopy() throws -> String {
        let directory = NSTemporaryDirectory() + "proctor-tiny-base-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: chat, toPath: directory)
        let configPath = directory + "/tokenizer_config.json"
        var config = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: configPath)))
            as? [String: Any])
        config["chat_template"] = nil
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: configPath))
        return directory
    }

    /// A HumanEval-style problem: `add` with a docstring.
    static let functionPrompt = "from typing import List\n\n\ndef add(a: int, b: int) -> int:\n    \"\"\"The sum of a and b.\"\"\"\n"

    static let functionProblem = Problem(
        id: "Toy/0", title: "Toy/0", difficulty: "humaneval", timeLimitSeconds: 3, memoryLimitBytes: 1 << 30,
        checker: .tokens, tags: [], statement: functionPrompt,
        kind: .humanEval(prompt: functionPrompt, test: "def check(candidate):\n    assert candidate(1, 2) == 3\n",
                         entryPoint: "add"),
        starterCode: functionPrompt, tests: [TestCase(name: "check", input: [], expectedOutput: [], isSample: false)])

    /// The problem as a HumanEval JSONL line.
    static func functionProblemJSONL() throws -> String {
        let record: [String: Any] = ["task_id": "Toy/0", "prompt": functionPrompt, "canonical_solution": "    return a + b\n",
                                     "test": "def check(candidate):\n    assert candidate(1, 2) == 3\n", "entry_point": "add"]
        return String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self)
    }
}

@Suite("Prompt styles")
struct PromptStyleTests {
    static let evalPlusUser = "Please provide a self-contained Python script that solves the following problem in a "
        + "markdown code block:\n```\nfrom typing import List\n\n\ndef add(a: int, b: int) -> int:\n    \"\"\"The sum of a and b.\"\"\"\n```\n"
    static let evalPlusPrefix = "Below is a Python script with a self-contained function that solves the problem and "
        + "passes corresponding tests:\n```python\n"

    @Test("function problems get EvalPlus's instruct prompt: the stripped prompt in a fence, the reply prefilled to ```python")
    func evalPlusWording() {
        let prompt = CodeGenerationPrompt.prompt(for: TinyModels.functionProblem, format: .evalPlusInstruct)
        #expect(prompt.messages == [CodePrompt.Message(role: "user", content: Self.evalPlusUser)])
        #expect(prompt.responsePrefix == Self.evalPlusPrefix)
        #expect(prompt.stopStrings == ["\n```\n", "\nif __name__", "\ndef main(", "\nprint("])
        #expect(prompt.startsInCode)
        // A chat API cannot continue a reply: the instruction goes alone, nothing assumes the fence.
        let unfilled = CodeGenerationPrompt.prompt(for: TinyModels.functionProblem, format: .evalPlusInstruct, prefill: false)
        #expect(unfilled.responsePrefix.isEmpty && unfilled.stopStrings.isEmpty && !unfilled.startsInCode)
    }

    @Test("auto gives chat models chat formats and base models completion; chat and raw force one")
    func styleResolution() throws {
        let stdin = try ProblemStore.loadFolder(RepositoryPaths.path("problems/e001-theater-ticket"))
        let function = TinyModels.functionProblem
        #expect(PromptStyle.auto.format(for: function, chatModel: true) == .evalPlusInstruct)
        #expect(PromptStyle.auto.format(for: stdin, chatModel: true) == .stdinInstruct)
        #expect(PromptStyle.livecodebench.format(for: stdin, chatModel: true) == .liveCodeBench)
        #expect(PromptStyle.livecodebench.format(for: stdin, chatModel: false) == .completion)
        #expect(PromptStyle.livecodebench.format(for: function, chatModel: true) == .evalPlusInstruct)
        #expect(PromptStyle.auto.format(for: function, chatModel: false) == .completion)
        #expect(PromptStyle.auto.format(for: stdin, chatModel: false) == .completion)
        #expect(PromptStyle.raw.format(for: function, chatModel: true) == .completion)
        #expect(PromptStyle.chat.format(for: function, chatModel: false) == .evalPlusInstruct)
    }

    @Test("a chat model's prompt is its template around the messages, then the prefilled reply start")
    func chatModelPrompt() throws {
        let generator = try TextGenerator(modelPath: TinyModels.chat, threads: 1)
        let sampler = SampleGenerator(generator: generator, settings: GenerationSettings())
        let prompt = sampler.prompt(for: TinyModels.functionProblem)
        #expect(prompt.format == .evalPlusInstruct)
        #expect(sampler.promptText(for: prompt) == "<|im_start|>system\nYou are a tiny test model.<|im_end|>\n"
            + "<|im_start|>user\n\(Self.evalPlusUser)<|im_end|>\n<|im_start|>assistant\n\(Self.evalPlusPrefix)")

        let stdin = try ProblemStore.loadFolder(RepositoryPaths.path("problems/e001-theater-ticket"))
        let program = sampler.prompt(for: stdin)
        #expect(program.format == .stdinInstruct && program.stopStrings == ["\n```"] && program.startsInCode)
        #expect(sampler.promptText(for: program) == "<|im_start|>system\nYou are a tiny test model.<|im_end|>\n"
            + "<|im_start|>user\n\(CodeGenerationPrompt.stdinInstruction)\n\n"
            + stdin.statement.trimmingCharacters(in: .whitespacesAndNewlines)
            + "\n<|im_end|>\n<|im_start|>assistant\n```python\n")

        let lcbSampler = SampleGenerator(generator: generator, settings: GenerationSettings(promptStyle: .livecodebench))
        let lcb = lcbSampler.prompt(for: stdin)
        #expect(lcb.format == .liveCodeBench && lcb.stopStrings.isEmpty && !lcb.startsInCode)
        #expect(lcbSampler.promptText(for: lcb).hasPrefix("<|im_start|>system\nYou are an expert Python programmer."))
    }

    /// Qwen2.5-Coder answers LiveCodeBench's stdin prompt with its `# YOUR CODE HERE` block
    /// (13 of 16 corpus problems, greedy): a default prompt must leave no such answer open.
    @Test("no default chat prompt for a corpus problem shows a placeholder or leaves the reply outside a code block")
    func defaultPromptsStartInCode() throws {
        let (problems, _) = try ProblemStore.load(RepositoryPaths.path("problems"))
        #expect(problems.count >= 50)
        for style in [PromptStyle.auto, .chat] {
            for problem in problems + [TinyModels.functionProblem] {
                let prompt = CodeGenerationPrompt.prompt(for: problem, format: style.format(for: problem, chatModel: true))
                #expect(prompt.startsInCode && prompt.responsePrefix.hasSuffix("```python\n"), "\(problem.id) under \(style)")
                #expect(!prompt.messages.contains { $0.content.contains("YOUR CODE HERE") }, "\(problem.id) under \(style)")
            }
        }
    }

    @Test("a base model, or raw on a chat model, gets the raw prompt with HumanEval's stop strings")
    func baseModelPrompt() throws {
        let base = try TinyModels.baseCopy()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let expectedStops = ["\ndef ", "\nclass ", "\nif __name__", "\nprint(", "\n#"]
        let baseSampler = SampleGenerator(generator: try TextGenerator(modelPath: base, threads: 1), settings: GenerationSettings())
        let rawSampler = SampleGenerator(generator: try TextGenerator(modelPath: TinyModels.chat, threads: 1),
                                         settings: GenerationSettings(promptStyle: .raw))
        for sampler in [baseSampler, rawSampler] {
            let prompt = sampler.prompt(for: TinyModels.functionProblem)
            #expect(prompt.format == .completion)
            #expect(sampler.promptText(for: prompt) == TinyModels.functionPrompt)
            #expect(prompt.stopStrings == expectedStops)
            #expect(prompt.startsInCode, "a completion continues the prompt's code")
        }
    }

    @Test("prompt style chat is refused for a model without a chat template")
    func chatNeedsTemplate() throws {
        let base = try TinyModels.baseCopy()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let sampler = SampleGenerator(generator: try TextGenerator(modelPath: base, threads: 1),
                                      settings: GenerationSettings(promptStyle: .chat))
        let out = NSTemporaryDirectory() + "proctor-chat-refused-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let error = try #require(throws: EvaluationError.self) {
            try sampler.run(problems: [TinyModels.functionProblem], out: out, resume: false)
        }
        #expect(error.field == "prompt_style")
    }

    @Test("each sample records its prompt format, exact prompt, prefilled start, stops and extractor; judge re-extracts from them")
    func samplesRecordThePrompt() throws {
        let generator = try TextGenerator(modelPath: TinyModels.chat, threads: 1)
        let sampler = SampleGenerator(generator: generator, settings: GenerationSettings(maxTokens: 3, checkpoint: "tiny"))
        let out = NSTemporaryDirectory() + "proctor-prompt-fields-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: out) }
        try sampler.run(problems: [TinyModels.functionProblem], out: out, resume: false)
        let line = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")[0]
        var record = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(record["prompt_format"] as? String == "evalplus-instruct")
        #expect(record["prompt"] as? String == sampler.promptText(for: sampler.prompt(for: TinyModels.functionProblem)))
        #expect(record["response_prefix"] as? String == Self.evalPlusPrefix)
        #expect(record["starts_in_code"] as? Bool == true)
        #expect(record["stop"] as? [String] == CodeGenerationPrompt.evalPlusChatStops)
        #expect(record["extractor"] as? String == "auto")
        #expect(record["chat_template"] as? String == "chatml")

        // A record with only `output` is extracted by proctor judge as generation would have.
        record["code"] = nil
        record["output"] = "def add(a, b):\n    return a + b\n```\n\nThis adds the numbers."
        try JSONSerialization.data(withJSONObject: record).write(to: URL(fileURLWithPath: out))
        let options = SampleReader.Options(checkpoint: "tiny", entryPoints: ["Toy/0": "add"])
        let (samples, _, _) = try SampleReader.read(out, options: options)
        #expect(samples.map(\.code) == ["def add(a, b):\n    return a + b"])
    }
}

@Suite("proctor eval: prompt style and extractor in the manifest")
struct EvalPromptManifestTests {
    @Test("the manifest names the prompt style, its formats' wording and the extractor; a change is refused")
    func manifestRecordsPromptStyle() throws {
        let directory = NSTemporaryDirectory() + "proctor-eval-prompts-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let problems = directory + "/toy.jsonl"
        try (TinyModels.functionProblemJSONL() + "\n").write(toFile: problems, atomically: true, encoding: .utf8)
        func eval(_ extra: String = "") throws -> ProctorBinary.Output {
            try ProctorBinary.run(["eval", "--problems", problems, "--n", "1", "--threads", "1", "--workers", "1",
                                   "--out", directory + "/run",
                                   "--checkpoint", "label=tiny,model=\(TinyModels.chat),max_tokens=4" + extra])
        }
        let first = try eval()
        #expect(first.status == 0, "\(first.stderr)")

        let manifestPath = directory + "/run/manifest.json"
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: manifestPath)))
            as? [String: Any])
        let checkpoint = try #require((manifest["checkpoints"] as? [[String: Any]])?.first)
        #expect(checkpoint["prompt_style"] as? String == "auto")
        #expect(checkpoint["extractor"] as? String == "auto")
        let prompts = try #require(checkpoint["prompts"] as? [[String: Any]])
        let evalPlus = try #require(prompts.first { $0["format"] as? String == "evalplus-instruct" })
        #expect(evalPlus["problems"] as? String == "function")
        #expect(evalPlus["user"] as? String == CodeGenerationPrompt.evalPlusInstruction + "\n```\n{prompt}\n```\n")
        #expect(evalPlus["response_prefix"] as? String == CodeGenerationPrompt.evalPlusResponse + "\n```python\n")
        let completion = try #require(prompts.first { $0["format"] as? String == "completion" && $0["problems"] as? String == "function" })
        #expect(completion["stop"] as? [String] == CodeGenerationPrompt.humanEvalStops)
        #expect(Set(prompts.compactMap { $0["format"] as? String })
            == ["evalplus-instruct", "stdin-instruct", "livecodebench", "completion"])
        let stdin = try #require(prompts.first { $0["format"] as? String == "stdin-instruct" })
        #expect(stdin["problems"] as? String == "stdin")
        #expect(stdin["user"] as? String == CodeGenerationPrompt.stdinInstruction + "\n\n{question}\n")
        #expect(stdin["response_prefix"] as? String == "```python\n")

        let samples = try String(contentsOfFile: directory + "/run/samples/tiny.jsonl", encoding: .utf8)
        #expect(samples.contains("\"prompt_format\":\"evalplus-instruct\""))
        let report = try String(contentsOfFile: directory + "/run/report.md", encoding: .utf8)
        #expect(report.contains("prompt style auto, extractor auto"))
        #expect(report.contains("**generated tokens per sample**: tiny "), "the samples' token counts reach the report")
        #expect(report.contains(", reasoning 0)"), "no reasoning block in a tiny model's output")

        let changed = try eval(",extractor=last-fence")
        #expect(changed.status != 0)
        #expect(changed.stderr.contains("checkpoints[0].extractor"), "\(changed.stderr)")
        let restyled = try eval(",prompt_style=raw")
        #expect(restyled.stderr.contains("checkpoints[0].prompt_style"), "\(restyled.stderr)")
    }

    @Test("a manifest from before prompt styles were recorded continues only as it was sampled: livecodebench and last-fence, no function problems")
    func legacyManifest() throws {
        let current = """
            {"harness_version": "proctor-judge/1", "problems_path": "p", "problems_hash": "h", "problem_count": 1, "n": 1,
             "checkpoints": [{"label": "a", "model": "m", "model_sha256": "s", "adapters": [], "temperature": 0, "top_p": 1,
                              "top_k": 0, "max_tokens": 8, "seed": 0, "prompt_style": "STYLE", "extractor": "EXTRACTOR"}],
             "judge_settings": {}, "python": "python3", "text_predictions": [], "started_at": "now",
             "sandbox": SANDBOX}
            """
        let sandbox = #"{"landlockABI": 4, "seccomp": true, "seccompNotify": true, "cgroup": true, "cgroupFastMigration": false, "kernelRelease": "6.1"}"#
        func manifest(_ text: String) throws -> RunManifest {
            try JSONDecoder().decode(RunManifest.self, from: Data(text.replacingOccurrences(of: "SANDBOX", with: sandbox)
                .replacingOccurrences(of: "STYLE", with: "livecodebench").utf8))
        }
        let legacy = try manifest(current.replacingOccurrences(of: ", \"prompt_style\": \"STYLE\", \"extractor\": \"EXTRACTOR\"", with: ""))
        #expect(legacy.checkpoints[0].promptStyle == nil)
        let lastFence = try manifest(current.replacingOccurrences(of: "EXTRACTOR", with: "last-fence"))
        let auto = try manifest(current.replacingOccurrences(of: "EXTRACTOR", with: "auto"))
        #expect(lastFence.conflict(with: legacy, hasFunctionProblems: false) == nil)
        #expect(lastFence.conflict(with: legacy, hasFunctionProblems: true)?.field == "checkpoints[0].prompt_style")
        #expect(auto.conflict(with: legacy, hasFunctionProblems: false)?.field == "checkpoints[0].extractor")
        // Before styles were recorded, stdin problems got LiveCodeBench's prompt; auto now gives stdin-instruct.
        let autoStyle = try manifest(current.replacingOccurrences(of: "EXTRACTOR", with: "last-fence")
            .replacingOccurrences(of: "STYLE", with: "auto"))
        #expect(autoStyle.conflict(with: legacy, hasFunctionProblems: false)?.field == "checkpoints[0].prompt_style")
    }
}

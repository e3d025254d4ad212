import Foundation
@testable import Judge
import Testing
import TestSupport

@Suite("proctor generate --problems")
struct GenerateProblemsTests {
    @Test("writes samples of the real SmolLM2 model that proctor judge accepts, and resumes without duplicates",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func generateThenJudge() throws {
        let model = try #require(ModelFiles.smolLM2)
        let directory = NSTemporaryDirectory() + "proctor-generate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let problems = RepositoryPaths.path("problems")
        let samples = directory + "/samples.jsonl"
        let arguments = ["generate", "--model", model, "--problems", problems, "--limit", "2", "--n", "2",
                         "--max-tokens", "24", "--temperature", "0.8", "--seed", "7", "--checkpoint-label", "smol", "--threads", "1",
                         "--out", samples, "--resume"]
        let first = try ProctorBinary.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let lines = try String(contentsOfFile: samples, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4)
        let records = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        for record in records {
            for key in ["problem_id", "checkpoint", "sample_index", "output", "code", "prompt_tokens",
                        "completion_tokens", "seconds"] {
                #expect(record[key] != nil, "missing \(key)")
            }
            #expect((record["completion_tokens"] as? Int ?? 99) <= 24)
            #expect((record["prompt_tokens"] as? Int ?? 0) > 100, "the LiveCodeBench prompt holds the statement")
        }
        // Different seeds per sample: the two samples of a problem differ (temperature 0.8).
        #expect(records[0]["output"] as? String != records[1]["output"] as? String)

        let again = try ProctorBinary.run(arguments)
        #expect(again.status == 0)
        #expect(try String(contentsOfFile: samples, encoding: .utf8).split(separator: "\n").count == 4)

        let results = directory + "/results.jsonl"
        let judged = try ProctorBinary.run(["judge", "--problems", problems, "--samples", samples, "--out", results])
        #expect(judged.status == 0, "\(judged.stderr)")
        #expect(try ResultFile.read(results).count == 4)
    }

    @Test("resume generates only a problem's missing sample indices, each the same text as before",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func resumeRegeneratesMissingIndices() throws {
        let model = try #require(ModelFiles.smolLM2)
        let directory = NSTemporaryDirectory() + "proctor-generate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let samples = directory + "/samples.jsonl"
        let arguments = ["generate", "--model", model, "--problems", RepositoryPaths.path("problems"), "--limit", "1",
                         "--n", "3", "--max-tokens", "16", "--temperature", "0.8", "--seed", "11", "--threads", "2",
                         "--out", samples, "--resume"]
        let first = try ProctorBinary.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let lines = try String(contentsOfFile: samples, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        // Drop sample 1; the resumed run batches only it and must reproduce it exactly.
        let kept = lines.filter { !$0.contains("\"sample_index\":1,") }
        #expect(kept.count == 2)
        try (kept.joined(separator: "\n") + "\n").write(toFile: samples, atomically: true, encoding: .utf8)
        let again = try ProctorBinary.run(arguments)
        #expect(again.status == 0, "\(again.stderr)")
        let resumed = try String(contentsOfFile: samples, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(resumed.count == 3)
        func output(_ line: String) throws -> String? {
            try (JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["output"] as? String
        }
        let original = try #require(lines.first { $0.contains("\"sample_index\":1,") })
        #expect(try output(resumed[2]) == output(original))
    }

    @Test("several --adapter labels without --resume keep every label's samples, and a second run starts afresh")
    func severalAdaptersShareOut() throws {
        let directory = NSTemporaryDirectory() + "proctor-generate-adapters-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The tiny Qwen2 folder is the base of the LoRA fixtures' adapters a and b.
        let model = ModelFiles.fixture("tiny-hf/qwen2")
        let adapters = RepositoryPaths.path("Tests/AdaptersTests/Fixtures/lora/adapters")
        let problems = directory + "/problems.jsonl"
        let lines = ["def add(a, b):\n", "def reverse(items):\n"].enumerated().map { index, prompt in
            let object = ["task_id": "Tiny/\(index)", "prompt": prompt, "entry_point": "f",
                          "canonical_solution": "    pass\n", "test": "def check(candidate):\n    pass\n"]
            return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: problems, atomically: true, encoding: .utf8)
        let out = directory + "/samples.jsonl"
        let arguments = ["generate", "--model", model, "--problems", problems, "--max-tokens", "4", "--threads", "1",
                         "--prompt-style", "raw", "--adapter", "a=\(adapters)/a", "--adapter", "b=\(adapters)/b", "--out", out]
        func labels() throws -> [String] {
            try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map { line in
                let record = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                return "\(record["checkpoint"] as? String ?? "?") \(record["problem_id"] as? String ?? "?")"
            }
        }
        for _ in 0..<2 {
            let run = try ProctorBinary.run(arguments)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try labels() == ["a Tiny/0", "a Tiny/1", "b Tiny/0", "b Tiny/1"])
        }
    }

    @Test("the prompt is LiveCodeBench's: system message, Question, Format for stdin, Answer")
    func promptLayout() throws {
        let problem = try ProblemStore.loadFolder(RepositoryPaths.path("problems/e001-theater-ticket"))
        let messages = CodeGenerationPrompt.prompt(for: problem, format: .liveCodeBench).messages
        #expect(messages.map(\.role) == ["system", "user"])
        #expect(messages[0].content.hasPrefix("You are an expert Python programmer."))
        #expect(messages[1].content.hasPrefix("### Question:\n"))
        #expect(messages[1].content.contains("### Format: Read the inputs from stdin solve the problem"))
        #expect(messages[1].content.contains("```python\n# YOUR CODE HERE\n```"))
        #expect(messages[1].content.hasSuffix("### Answer: (use the provided format with backticks)\n\n"))
    }
}

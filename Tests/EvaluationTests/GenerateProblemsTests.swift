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

    @Test("the prompt is LiveCodeBench's: system message, Question, Format for stdin, Answer")
    func promptLayout() throws {
        let problem = try ProblemStore.loadFolder(RepositoryPaths.path("problems/e001-theater-ticket"))
        let messages = try #require(CodeGenerationPrompt.messages(for: problem))
        #expect(messages.map(\.role) == ["system", "user"])
        #expect(messages[0].content.hasPrefix("You are an expert Python programmer."))
        #expect(messages[1].content.hasPrefix("### Question:\n"))
        #expect(messages[1].content.contains("### Format: Read the inputs from stdin solve the problem"))
        #expect(messages[1].content.contains("```python\n# YOUR CODE HERE\n```"))
        #expect(messages[1].content.hasSuffix("### Answer: (use the provided format with backticks)\n\n"))
    }
}

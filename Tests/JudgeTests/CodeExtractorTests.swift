import Foundation
@testable import Judge
import Testing

/// Outputs shaped like real instruct-model replies to HumanEval/0 (`has_close_elements`) and to
/// stdin problems, and what the default extractor takes from each.
@Suite("Code extraction")
struct CodeExtractorTests {
    static let entryPoint = "has_close_elements"

    static let solution = """
        from typing import List


        def has_close_elements(numbers: List[float], threshold: float) -> bool:
            for i, a in enumerate(numbers):
                for b in numbers[i + 1:]:
                    if abs(a - b) < threshold:
                        return True
            return False
        """

    @Test("a chat model completing HumanEval's raw prompt closes the prompt's block at once: no code")
    func completionThatClosesThePromptBlock() {
        // What an instruct model wrote when HumanEval's prompt was sent as a raw completion.
        let output = "```\n\nIn this implementation, we iterate over each pair of numbers and check whether "
            + "their distance is below the threshold.\n\n```python\nprint(has_close_elements([1.0, 2.0], 0.5))\n```"
        #expect(CodeExtractor.auto.extract(output, entryPoint: Self.entryPoint, startsInCode: true) == "")
        // LiveCodeBench's rule takes the usage example: not the model's answer either.
        #expect(CodeExtractor.lastFence.extract(output) == "print(has_close_elements([1.0, 2.0], 0.5))")
    }

    @Test("a completion that goes straight to test code is taken as it is, and judged after the prompt")
    func completionThatWritesTests() {
        let output = "\n# Test the function\nprint(has_close_elements([1.0, 2.0, 3.0], 0.5))\n"
            + "print(has_close_elements([1.0, 2.8, 3.0, 4.0, 5.0, 2.0], 0.3))\n"
        #expect(CodeExtractor.auto.extract(output, entryPoint: Self.entryPoint, startsInCode: true) == output)
        #expect(CodeExtractor.auto.extract(output, entryPoint: Self.entryPoint) == output, "no fence: the whole reply")
        #expect(CodeExtractor.lastFence.extract(output) == "", "the old default found nothing here")
    }

    @Test("an answer cut off inside its block by the token limit keeps its code")
    func unclosedFence() {
        let firstLines = Self.solution.split(separator: "\n", omittingEmptySubsequences: false).prefix(6)
        let output = "Here is the solution:\n\n```python\n" + firstLines.joined(separator: "\n")
        let code = CodeExtractor.auto.extract(output, entryPoint: Self.entryPoint)
        #expect(code.hasPrefix("from typing import List"))
        #expect(code.hasSuffix("for b in numbers[i + 1:]:"))
        #expect(CodeExtractor.lastFence.extract(output) == "")
    }

    @Test("of a solution block and a usage example, the block that defines the entry point is taken")
    func solutionThenUsageExample() {
        let output = "```python\n\(Self.solution)\n```\n\nExample usage:\n\n```python\n"
            + "print(has_close_elements([1.0, 2.0, 3.0], 0.5))  # False\n```\n"
        #expect(CodeExtractor.auto.extract(output, entryPoint: Self.entryPoint) == Self.solution)
        // Without an entry point (a stdin problem) the last python block wins, as documented.
        #expect(CodeExtractor.auto.extract(output) == "print(has_close_elements([1.0, 2.0, 3.0], 0.5))  # False")
    }

    @Test("a block that does not define the entry point falls back to the last python block, to follow the prompt")
    func blockWithoutTheEntryPoint() {
        let body = "    return any(abs(a - b) < threshold for i, a in enumerate(numbers) for b in numbers[i + 1:])"
        let output = "You can complete the function like this:\n\n```python\n\(body)\n```\n"
        let code = CodeExtractor.auto.extract(output, entryPoint: Self.entryPoint)
        #expect(code == body)
        #expect(!CodeExtractor.definesFunction(Self.entryPoint, in: code))
    }

    @Test("a reply to EvalPlus's prefilled ```python fence is code up to its closing fence, or to the end")
    func prefilledFence() {
        let closed = Self.solution + "\n```\n\nThe function compares every pair of numbers."
        #expect(CodeExtractor.auto.extract(closed, entryPoint: Self.entryPoint, startsInCode: true) == Self.solution)
        // Stopped at "\n```\n", which is cut from the output: the block is never closed.
        #expect(CodeExtractor.auto.extract(Self.solution, entryPoint: Self.entryPoint, startsInCode: true) == Self.solution)
        // A model that repeats the fence it was given.
        let repeated = "```python\n" + Self.solution + "\n```"
        #expect(CodeExtractor.auto.extract(repeated, entryPoint: Self.entryPoint, startsInCode: true) == Self.solution)
        // The line-based rules see the prefilled fence too.
        #expect(CodeExtractor.lastFence.extract(closed, startsInCode: true) == Self.solution)
        #expect(CodeExtractor.firstPython.extract(closed, startsInCode: true) == Self.solution)
    }

    @Test("a prefilled block without the entry point is still the answer, unless a later block defines it")
    func prefilledBlockWithoutTheEntryPoint() {
        let helper = "import math"
        let output = helper + "\n```\n\nThen:\n\n```python\n\(Self.solution)\n```"
        #expect(CodeExtractor.auto.extract(output, entryPoint: Self.entryPoint, startsInCode: true) == Self.solution)
        let usageAfter = "    return False\n```\n\n```python\nprint(has_close_elements([], 1.0))\n```"
        #expect(CodeExtractor.auto.extract(usageAfter, entryPoint: Self.entryPoint, startsInCode: true) == "    return False")
    }

    @Test("stdin answers: the last python block, else the last fenced block, else the whole reply")
    func programFallbacks() {
        let twoPython = "```python\nprint(1)\n```\nBetter:\n```python\nprint(2)\n```\nSample run:\n```\n$ python a.py\n2\n```"
        #expect(CodeExtractor.auto.extract(twoPython) == "print(2)")
        #expect(CodeExtractor.auto.extract("```\nn = int(input())\nprint(n * 2)\n```") == "n = int(input())\nprint(n * 2)")
        #expect(CodeExtractor.auto.extract("n = int(input())\nprint(n * 2)\n") == "n = int(input())\nprint(n * 2)\n")
        // Prose without fences is passed on whole: the judge's compile step makes it a CE.
        #expect(CodeExtractor.auto.extract("I cannot solve this.") == "I cannot solve this.")
        // Only empty blocks: nothing to run.
        #expect(CodeExtractor.auto.extract("```python\n```\n") == "")
    }

    @Test("only a top-level def of exactly the entry point counts as defining it")
    func definesFunction() {
        #expect(CodeExtractor.definesFunction("f", in: "import os\ndef f(x):\n    return x"))
        #expect(CodeExtractor.definesFunction("f", in: "async def f (x):\n    return x"))
        #expect(!CodeExtractor.definesFunction("f", in: "class A:\n    def f(self):\n        return 1"))
        #expect(!CodeExtractor.definesFunction("f", in: "def f_helper(x):\n    return x"))
        #expect(!CodeExtractor.definesFunction("f", in: "print(f(1))"))
    }
}

/// Code from reasoning models' outputs: only the answer after the reasoning block counts.
@Suite("Code extraction after a reasoning block")
struct ReasoningExtractionTests {
    static let output = """
        <think>
        A first attempt:
        ```python
        print(int(input()) * 3)
        ```
        No, the statement asks for twice the number.
        </think>

        ```python
        print(int(input()) * 2)
        ```
        """

    @Test("the fence inside the reasoning is never taken; an unclosed block gives no code; 'none' keeps the whole output")
    func fenceInsideTheReasoning() {
        #expect(CodeExtractor.auto.extractAnswer(Self.output) == "print(int(input()) * 2)")
        #expect(CodeExtractor.auto.extractAnswer("<think>\n```python\nprint(1)\n```\nwait") == "")
        #expect(CodeExtractor.firstPython.extractAnswer(Self.output, reasoningTag: nil) == "print(int(input()) * 3)")
    }

    @Test("proctor judge's reader takes the answer of `output` and of a human-eval `completion`; `code` stays as written")
    func samplesFileReader() throws {
        let path = NSTemporaryDirectory() + "proctor-reasoning-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = [
            ["problem_id": "p", "checkpoint": "r1", "sample_index": 0, "output": Self.output],
            ["problem_id": "p", "checkpoint": "r1", "sample_index": 1, "output": "<think>never done"],
            ["problem_id": "p", "checkpoint": "r1", "sample_index": 2, "code": "<think>kept</think>x = 1", "output": "ignored"],
        ]
        try lines.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
            .joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let samples = try SampleReader.read(path).samples
        #expect(samples.map(\.code) == ["print(int(input()) * 2)", "", "<think>kept</think>x = 1"])
        let whole = try SampleReader.read(path, options: .init(reasoningTag: nil)).samples
        #expect(whole[0].code == "print(int(input()) * 2)", "auto takes the last python block here too")
        #expect(whole[1].code == "<think>never done", "no fence: the whole output")

        try #"{"task_id": "HumanEval/0", "completion": "<think>hmm</think>\n    return True\n"}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try SampleReader.read(path).samples.map(\.code) == ["    return True\n"])
    }
}

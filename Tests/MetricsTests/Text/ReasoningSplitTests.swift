import Metrics
import Testing

/// Outputs shaped like reasoning models' (DeepSeek-R1, Qwen3) and where they split.
@Suite("Reasoning blocks")
struct ReasoningSplitTests {
    @Test("a closed block: the reasoning without its tags, the answer from its first non-blank line")
    func closedBlock() {
        let split = ReasoningSplit("<think>\nThe sum of 2 and 3 is 5.\n</think>\n\n  \nThe answer is 5.", tag: "think")
        #expect(split == ReasoningSplit(reasoning: "\nThe sum of 2 and 3 is 5.\n", answer: "The answer is 5."))
    }

    @Test("a block the prompt opened (only the closing tag in the output) still splits")
    func blockOpenedByThePrompt() {
        let split = ReasoningSplit("Let me think about x.\n</think>\n```python\nprint(1)\n```", tag: "think")
        #expect(split.reasoning == "Let me think about x.\n")
        #expect(split.answer == "```python\nprint(1)\n```")
    }

    @Test("a block that never closes (the token limit) has no answer, whatever it holds")
    func unclosedBlock() {
        let split = ReasoningSplit("<think>\nFirst try:\n```python\nprint(2)\n```\nHmm, wait", tag: "think")
        #expect(split.answer == nil)
        #expect(split.reasoning == "\nFirst try:\n```python\nprint(2)\n```\nHmm, wait")
    }

    @Test("the answer follows the last closing tag; the reasoning starts after the first opening one")
    func severalBlocks() {
        let split = ReasoningSplit("<think>a</think>draft<think>b</think>final", tag: "think")
        #expect(split.answer == "final")
        #expect(split.reasoning == "a</think>draft<think>b")
    }

    @Test("no tag in the output, a nil tag, or another tag: the whole output is the answer")
    func noBlock() {
        let output = "print(input())\n"
        #expect(ReasoningSplit(output, tag: "think") == ReasoningSplit(reasoning: nil, answer: output))
        #expect(ReasoningSplit("<think>x</think>y", tag: nil) == ReasoningSplit(reasoning: nil, answer: "<think>x</think>y"))
        #expect(ReasoningSplit("<think>x</think>y", tag: "reasoning").answer == "<think>x</think>y")
        #expect(ReasoningSplit("<reasoning>x</reasoning>\ny", tag: "reasoning") == ReasoningSplit(reasoning: "x", answer: "y"))
    }
}

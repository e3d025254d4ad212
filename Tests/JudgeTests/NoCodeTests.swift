import Foundation
@testable import Judge
import Testing

/// A HumanEval-style problem small enough to read: `add` with a docstring, checked by asserts.
enum FunctionProblemFixture {
    static let prompt = "def add(a: int, b: int) -> int:\n    \"\"\"The sum of a and b.\"\"\"\n"

    static func problem(prompt: String = prompt) -> Problem {
        Problem(id: "Toy/0", title: "Toy/0", difficulty: "humaneval", timeLimitSeconds: 3, memoryLimitBytes: 1 << 30,
                checker: .tokens, tags: [], statement: prompt,
                kind: .humanEval(prompt: prompt, test: "def check(candidate):\n    assert candidate(1, 2) == 3\n",
                                 entryPoint: "add"),
                starterCode: prompt, tests: [TestCase(name: "check", input: [], expectedOutput: [], isSample: false)])
    }
}

@Suite("No code (NC)")
struct NoCodeTests {
    @Test("empty, whitespace or comment-only code is NC with no test run, for function and stdin problems alike",
          arguments: ["", "   ", "\n\n\t\n", "# YOUR CODE HERE", "    # TODO: implement\n\n  #!/usr/bin/env python3\r\n"])
    func whitespaceIsNoCode(code: String) {
        for problem in [FunctionProblemFixture.problem(), JudgeFixtures.sumProblem] {
            let outcome = JudgeFixtures.runner.judge(code: code, problem: problem, allTests: true)
            #expect(outcome.verdict == .noCode)
            #expect(outcome.tests.isEmpty, "a test ran: \(outcome.tests)")
            #expect(!outcome.passed && outcome.verdict.isModelFailure)
        }
    }

    @Test("a comment beside a statement is code",
          arguments: ["# read N\nprint(input())", "x = 1  # one", "\"\"\"\n# not a comment\n\"\"\""])
    func commentsWithStatementsAreCode(code: String) {
        #expect(!CandidateOutcome.isNoCode(code))
    }

    @Test("a judging run records NC samples without running them, beside judged ones")
    func sessionRecordsNoCode() throws {
        let path = NSTemporaryDirectory() + "proctor-nc-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let problem = FunctionProblemFixture.problem()
        let session = JudgeSession(problems: [problem], runner: JudgeFixtures.runner, settings: JudgeSettings(workers: 1))
        let samples = [Sample(problemID: problem.id, checkpoint: "chat", index: 0, code: ""),
                       Sample(problemID: problem.id, checkpoint: "chat", index: 1, code: "    return a + b\n")]
        try session.run(samples, results: try ResultFile(path: path, resume: false))
        let records = try ResultFile.read(path).sorted { $0.sampleIndex < $1.sampleIndex }
        #expect(records.map(\.verdict) == [.noCode, .accepted])
        #expect(records[0].tests.isEmpty && !records[0].passed)
        #expect(records[1].tests.count == 1)
    }

    @Test("results files written before NC existed still read and resume")
    func oldResultLinesStillRead() throws {
        let path = NSTemporaryDirectory() + "proctor-old-results-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let old = #"{"checkpoint":"base","code":"","passed":false,"problem_id":"Toy/0","sample_index":0,"tests":[{"cpu_time_s":0.01,"detail":"the checks did not run to the end","name":"check","peak_rss_bytes":1000,"verdict":"WA","wall_time_s":0.02}],"verdict":"WA"}"#
        try (old + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let file = try ResultFile(path: path, resume: true)
        try file.append(ResultRecord(sample: Sample(problemID: "Toy/0", checkpoint: "base", index: 1, code: " "),
                                     outcome: .noCode))
        let records = try ResultFile.read(path)
        #expect(records.map(\.verdict) == [.wrongAnswer, .noCode])
    }

    @Test("a self-contained answer runs alone and a completion continues the prompt")
    func programAssembly() {
        let problem = FunctionProblemFixture.problem()
        let script = "import operator\n\n\ndef add(a: int, b: int) -> int:\n    return operator.add(a, b)\n"
        #expect(JudgeFixtures.runner.judge(code: script, problem: problem).verdict == .accepted)
        #expect(JudgeFixtures.runner.judge(code: "    return a + b\n", problem: problem).verdict == .accepted)
        // Alone means alone, as in EvalPlus: a helper the prompt defines must be in the script.
        let withHelper = FunctionProblemFixture.problem(prompt: "def plus(a, b):\n    return a + b\n\n\n"
            + FunctionProblemFixture.prompt)
        #expect(JudgeFixtures.runner.judge(code: "    return plus(a, b)\n", problem: withHelper).verdict == .accepted)
        #expect(JudgeFixtures.runner.judge(code: "def add(a, b):\n    return plus(a, b)\n", problem: withHelper).verdict
            == .runtimeError)
    }

    @Test("prose where code should be is a compile error, not NC: it ran through the judge's compile step")
    func proseIsCompileError() {
        let problem = FunctionProblemFixture.problem()
        #expect(JudgeFixtures.runner.judge(code: "I am sorry, I cannot help with that.", problem: problem).verdict
            == .compileError)
    }
}

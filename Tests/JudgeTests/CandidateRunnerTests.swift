import Foundation
@testable import Judge
import Sandbox
import Testing

/// One sandbox and runner shared by the judge tests.
enum JudgeFixtures {
    static let runner: CandidateRunner = {
        let sandbox = try! Sandbox()
        return try! CandidateRunner(sandbox: sandbox, python: try! PythonInterpreter.locate("python3"))
    }()

    /// "Read two integers, print their sum", with three tests.
    static let sumProblem = Problem(
        id: "sum", title: "Sum", difficulty: "easy", timeLimitSeconds: 1, memoryLimitBytes: 256 << 20,
        checker: .tokens, tags: [], statement: "Print A+B.", kind: .standardIO,
        tests: [
            TestCase(name: "01", input: Array("1 2\n".utf8), expectedOutput: Array("3\n".utf8), isSample: true),
            TestCase(name: "02", input: Array("-5 5\n".utf8), expectedOutput: Array("0\n".utf8), isSample: false),
            TestCase(name: "03", input: Array("1000000000 1000000000\n".utf8), expectedOutput: Array("2000000000\n".utf8),
                     isSample: false),
        ])
}

@Suite("Judging candidates")
struct CandidateRunnerTests {
    @Test("each kind of candidate gets its verdict", arguments: [
        ("a, b = map(int, input().split())\nprint(a + b)\n", Verdict.accepted),
        ("a, b = map(int, input().split())\nprint(a - b)\n", .wrongAnswer),
        ("a, b = map(int, input().split())\nprint(a + b if a != -5 else 1)\n", .wrongAnswer),
        ("while True:\n    pass\n", .timeLimit),
        ("x = bytearray(1 << 30)\n", .memoryLimit),
        ("print(1/0)\n", .runtimeError),
        ("def f(:\n    pass\n", .compileError),
        ("import os\nos.fork()\n", .sandboxViolation),
        ("while True:\n    print('x' * 10000)\n", .outputLimit),
        ("import sys\nsys.exit(0)\n", .wrongAnswer),
    ])
    func verdicts(code: String, expected: Verdict) {
        let outcome = JudgeFixtures.runner.judge(code: code, problem: JudgeFixtures.sumProblem)
        #expect(outcome.verdict == expected, "tests: \(outcome.tests)")
    }

    @Test("stops at the first failing test unless every test is asked for")
    func stopsAtFirstFailure() {
        let code = "a, b = map(int, input().split())\nprint(a + b if a != 1 else 0)\n"
        #expect(JudgeFixtures.runner.judge(code: code, problem: JudgeFixtures.sumProblem).tests.count == 1)
        let all = JudgeFixtures.runner.judge(code: code, problem: JudgeFixtures.sumProblem, allTests: true)
        #expect(all.tests.map(\.verdict) == [.wrongAnswer, .accepted, .accepted])
        #expect(all.verdict == .wrongAnswer)
    }

    @Test("gives the same verdicts run after run (hash seed fixed)")
    func deterministic() {
        let code = "print(hash('proctor') % 2 + 2)\n"
        let first = JudgeFixtures.runner.run(code: code, problem: JudgeFixtures.sumProblem, test: JudgeFixtures.sumProblem.tests[0])
        for _ in 0..<3 {
            let again = JudgeFixtures.runner.run(code: code, problem: JudgeFixtures.sumProblem, test: JudgeFixtures.sumProblem.tests[0])
            #expect(again.verdict == first.verdict)
        }
    }

    @Test("a functional (call-based) problem calls Solution's method with the JSON arguments")
    func functionalProblem() {
        let problem = Problem(
            id: "two-sum", title: "", difficulty: "easy", timeLimitSeconds: 2, memoryLimitBytes: 256 << 20,
            checker: .liveCodeBench, tags: [], statement: "", kind: .functional(functionName: "add"),
            tests: [TestCase(name: "1", input: Array("[1, 2]\n3\n".utf8), expectedOutput: Array("[1, 2, 3]".utf8),
                             isSample: true)])
        let right = "class Solution:\n    def add(self, xs, y):\n        return xs + [y]\n"
        let wrong = "class Solution:\n    def add(self, xs, y):\n        return xs\n"
        #expect(JudgeFixtures.runner.judge(code: right, problem: problem).verdict == .accepted)
        #expect(JudgeFixtures.runner.judge(code: wrong, problem: problem).verdict == .wrongAnswer)
    }

    @Test("code extraction takes the last fenced block, as LiveCodeBench does")
    func extraction() {
        let output = "Here:\n```python\nprint(1)\n```\nOr better:\n```python\nprint(2)\n```\nDone."
        #expect(CodeExtractor.lastFence.extract(output) == "print(2)")
        #expect(CodeExtractor.firstPython.extract(output) == "print(1)")
        #expect(CodeExtractor.lastFence.extract("no fences") == "")
    }
}

@Suite("Harness errors")
struct HarnessErrorTests {
    @Test("a failing checker program is a harness error (IE), retried, and never a model failure")
    func brokenCheckerIsRetriedInternalError() throws {
        let checker = NSTemporaryDirectory() + "proctor-broken-checker-\(UUID().uuidString).py"
        try "raise SystemExit(3)\n".write(toFile: checker, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: checker) }
        var problem = JudgeFixtures.sumProblem
        problem.checker = .program(path: checker)
        let outcome = JudgeFixtures.runner.judge(code: "print(3)\n", problem: problem)
        #expect(outcome.verdict == .internalError)
        #expect(!outcome.verdict.isModelFailure)
        #expect(outcome.tests[0].detail?.contains("after \(CandidateRunner.harnessErrorRetries) retries") == true,
                "\(outcome.tests[0].detail ?? "")")
    }
}

@Suite("LiveCodeBench compatibility")
struct LiveCodeBenchPreludeTests {
    @Test("call-based answers may use List, Counter and gcd without importing them, as in LiveCodeBench")
    func preludeImports() {
        let problem = Problem(
            id: "count", title: "", difficulty: "easy", timeLimitSeconds: 2, memoryLimitBytes: 256 << 20,
            checker: .liveCodeBench, tags: [], statement: "", kind: .functional(functionName: "solve"),
            tests: [TestCase(name: "1", input: Array("[4, 6, 4]\n".utf8), expectedOutput: Array("[2, 2]".utf8),
                             isSample: true)])
        let code = """
            class Solution:
                def solve(self, nums: List[int]) -> List[int]:
                    return [max(Counter(nums).values()), reduce(gcd, nums)]
            """
        #expect(JudgeFixtures.runner.judge(code: code, problem: problem).verdict == .accepted)
    }

    @Test("the corpus's own problems get no prelude")
    func noPreludeForCorpus() {
        let outcome = JudgeFixtures.runner.judge(code: "print(gcd(1, 2))\n", problem: JudgeFixtures.sumProblem)
        #expect(outcome.verdict == .runtimeError)
    }
}

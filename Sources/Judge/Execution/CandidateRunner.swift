import Foundation
import Sandbox
import Synchronization

/// Runs one candidate program against a problem's tests in the sandbox and gives verdicts.
public final class CandidateRunner: Sendable {
    let sandbox: Sandbox
    let python: PythonInterpreter
    let readablePaths: [String]
    let executablePaths: [String]
    /// Extra time allowed per test, as a factor on the problem's limit (1 = AtCoder's limit as is).
    let timeLimitFactor: Double
    /// Pre-started interpreters that fork a confined child per test (the fast path), or nil to
    /// start a fresh interpreter for every test.
    let forkServers: PythonForkServers?
    /// The toolchains located so far; a language is located the first time it is judged.
    let toolchains = Mutex<[Language: Toolchain]>([:])

    /// `useForkServer` selects the fast path; the result is the same either way, only faster.
    public init(sandbox: Sandbox, python: PythonInterpreter, timeLimitFactor: Double = 1,
                useForkServer: Bool = true) throws {
        self.sandbox = sandbox
        self.python = python
        self.timeLimitFactor = timeLimitFactor
        forkServers = useForkServer ? PythonForkServers(python: python) : nil
        let prepared = try PreparedCommand.prepare(["python3"], python: python, currentDirectory: "/")
        readablePaths = prepared.readablePaths
        executablePaths = prepared.executablePaths
    }

    /// Judges `code` on `problem`. Stops at the first failing test unless `allTests`. Code that
    /// is empty, whitespace or comments only is NC without running anything: for HumanEval, the prompt alone
    /// would otherwise run as if it were the model's answer. `language` applies to standard-I/O
    /// problems; function problems are Python's.
    public func judge(code: String, problem: Problem, language: Language = .python, allTests: Bool = false) -> CandidateOutcome {
        if CandidateOutcome.isNoCode(code, language: language) { return .noCode }
        if language.compiles, case .standardIO = problem.kind {
            return judgeCompiled(code: code, problem: problem, language: language, allTests: allTests)
        }
        if case .multiplE(let language, let prompt, let tests) = problem.kind {
            return judgeCompiled(code: ProgramAssembly.multiplE(prompt: prompt, completion: code, tests: tests),
                                 problem: problem, language: language, allTests: allTests, dialect: .multiplE)
        }
        var outcomes: [TestOutcome] = []
        for test in problem.tests {
            let outcome = runRetryingHarnessErrors(code: code, problem: problem, test: test)
            outcomes.append(outcome)
            if outcome.verdict == .compileError { break }
            if outcome.verdict != .accepted && !allTests { break }
        }
        return CandidateOutcome(tests: outcomes)
    }

    /// Runs one test.
    /// How many times a test is run again when the harness (not the program) failed.
    public static let harnessErrorRetries = 2

    /// Runs one test; a harness error is retried, since it says nothing about the program.
    func runRetryingHarnessErrors(code: String, problem: Problem, test: TestCase) -> TestOutcome {
        retryingHarnessErrors { run(code: code, problem: problem, test: test) }
    }

    /// `run()`'s outcome, run again (up to `harnessErrorRetries` times) while it is a harness error;
    /// the detail says how many retries it took.
    func retryingHarnessErrors(_ run: () -> TestOutcome) -> TestOutcome {
        var outcome = run()
        var attempt = 0
        while outcome.verdict == .internalError && attempt < Self.harnessErrorRetries {
            attempt += 1
            outcome = run()
        }
        if attempt > 0 {
            outcome.detail = (outcome.detail.map { $0 + "; " } ?? "") + "after \(attempt) retr\(attempt == 1 ? "y" : "ies") of a harness error"
        }
        return outcome
    }

    public func run(code: String, problem: Problem, test: TestCase) -> TestOutcome {
        let sentinel = "proctor-done-" + UUID().uuidString
        let program = ProgramAssembly.program(for: problem.kind, code: code,
                                              liveCodeBenchPrelude: problem.usesLiveCodeBenchPrelude)
        var environment = PreparedCommand.baseEnvironment
        environment[ProgramAssembly.sentinelVariable] = sentinel
        let command = SandboxCommand(
            executable: python.executable, arguments: [python.executable, "-s", "main.py"],
            environment: environment, input: .bytes(test.input), files: ["main.py": Array(program.utf8)])
        let policy = SandboxPolicy(limits: testLimits(problem: problem, test: test), readablePaths: readablePaths,
                                   executablePaths: executablePaths)
        let result = runInSandbox(command, policy: policy)
        return outcome(of: result, problem: problem, test: test, sentinel: sentinel, language: .python)
    }

    /// The limits one test runs under.
    func testLimits(problem: Problem, test: TestCase) -> ResourceLimits {
        ResourceLimits(cpuTimeSeconds: problem.timeLimitSeconds * timeLimitFactor, memoryBytes: problem.memoryLimitBytes,
                       outputBytes: max(1 << 20, test.expectedOutput.count * 8))
    }

    /// The verdict of one test's run.
    func outcome(of result: RunResult, problem: Problem, test: TestCase, sentinel: String, language: Language) -> TestOutcome {
        var outcome = TestOutcome(name: test.name, verdict: .internalError, cpuTimeSeconds: result.cpuTimeSeconds,
                                  wallTimeSeconds: result.wallTimeSeconds,
                                  peakResidentBytes: result.peakResidentBytes, detail: nil)
        switch result.status {
        case .harnessError:
            outcome.detail = result.harnessMessage
        case .violation:
            outcome.verdict = .sandboxViolation
            outcome.detail = result.violation.map { "syscall \($0.name ?? String($0.syscall))" }
        case .timeLimit:
            outcome.verdict = .timeLimit
            outcome.detail = result.timeLimitKind?.rawValue
        case .memoryLimit:
            outcome.verdict = .memoryLimit
        case .outputLimit:
            outcome.verdict = .outputLimit
        case .signal, .nonzeroExit:
            let stderr = String(decoding: result.stderr, as: UTF8.self)
            outcome.verdict = language == .python && Self.isCompileError(stderr) ? .compileError : .runtimeError
            outcome.detail = Self.lastLine(stderr) ?? result.signal.map { "signal \($0)" }
            if case .humanEval = problem.kind, result.signal == nil, outcome.detail?.hasPrefix("AssertionError") == true {
                // An assert of the benchmark's check() failed: the answer was wrong, nothing crashed.
                outcome.verdict = .wrongAnswer
            }
            if case .multiplE = problem.kind, let failed = Self.failedAssertion(stderr) {
                // A test's assert failed (C's abort, Java's AssertionError): a wrong answer, not a crash.
                outcome.verdict = .wrongAnswer
                outcome.detail = failed
            }
        case .ok:
            let (accepted, detail) = check(problem: problem, test: test, stdout: result.stdout, sentinel: sentinel)
            outcome.verdict = accepted
            outcome.detail = detail
        }
        return outcome
    }

    /// Decides AC or WA (or IE when a checker program fails) for a run that exited 0.
    func check(problem: Problem, test: TestCase, stdout: [UInt8], sentinel: String) -> (Verdict, String?) {
        switch problem.kind {
        case .multiplE:
            // The tests are main's asserts: finishing with status 0 is passing them.
            return (.accepted, nil)
        case .humanEval:
            // Only trusted code after check() prints the sentinel: an early exit(0) is a wrong answer.
            let text = String(decoding: stdout, as: UTF8.self)
            let finished = text.split(separator: "\n").last.map(String.init) == sentinel
            return finished ? (.accepted, nil) : (.wrongAnswer, "the checks did not run to the end")
        case .functional:
            let text = String(decoding: stdout, as: UTF8.self)
            guard let range = text.range(of: sentinel + "\n", options: .backwards) else {
                return (.wrongAnswer, "no return value was printed")
            }
            let returned = Array(text[range.upperBound...].utf8)
            return ProgramAssembly.jsonEqual(test.expectedOutput, returned) ? (.accepted, nil) : (.wrongAnswer, nil)
        case .standardIO:
            if case .program(let path) = problem.checker {
                return runCheckerProgram(path: path, problem: problem, test: test, stdout: stdout)
            }
            return OutputChecker.accepts(problem.checker, expected: test.expectedOutput, actual: stdout)
                ? (.accepted, nil) : (.wrongAnswer, nil)
        }
    }

    /// Runs a problem's checker program in the sandbox with the input, expected and actual output as files.
    private func runCheckerProgram(path: String, problem: Problem, test: TestCase, stdout: [UInt8]) -> (Verdict, String?) {
        guard let checker = FileManager.default.contents(atPath: path) else {
            return (.internalError, "cannot read the checker \(path)")
        }
        let command = SandboxCommand(
            executable: python.executable,
            arguments: [python.executable, "-s", "checker.py", "input.txt", "expected.txt", "actual.txt"],
            environment: PreparedCommand.baseEnvironment,
            files: ["checker.py": Array(checker), "input.txt": test.input, "expected.txt": test.expectedOutput,
                    "actual.txt": stdout])
        let policy = SandboxPolicy(limits: ResourceLimits(cpuTimeSeconds: 10, memoryBytes: 1 << 30),
                                   readablePaths: readablePaths, executablePaths: executablePaths)
        let result = runInSandbox(command, policy: policy)
        let reason = Self.lastLine(String(decoding: result.stderr, as: UTF8.self))
        switch (result.status, result.exitCode) {
        case (.ok, _): return (.accepted, nil)
        case (.nonzeroExit, 1): return (.wrongAnswer, reason)
        default: return (.internalError, "checker program failed: \(result.status.rawValue) \(reason ?? "")")
        }
    }

    private func runInSandbox(_ command: SandboxCommand, policy: SandboxPolicy) -> RunResult {
        guard let forkServers else { return sandbox.run(command, policy: policy) }
        return sandbox.run(command, policy: policy, forkServers: forkServers)
    }

    /// A SyntaxError (or IndentationError, TabError) raised while compiling, before anything ran.
    static func isCompileError(_ stderr: String) -> Bool {
        guard !stderr.contains("Traceback (most recent call last)") else { return false }
        return ["SyntaxError:", "IndentationError:", "TabError:"].contains { stderr.contains($0) }
    }

    /// The line saying a MultiPL-E test's assert failed: glibc's "Assertion `…' failed." (C, C++)
    /// or Java's AssertionError; nil for any other failure.
    static func failedAssertion(_ stderr: String) -> String? {
        stderr.split(separator: "\n").first { line in
            (line.contains("Assertion `") && line.contains("' failed"))  // glibc's assert (C, C++)
                || line.contains("AssertionError")  // Java's assert, Node's assert module
                || (line.contains("assertion") && line.contains("failed"))  // Rust's assert! and assert_eq!
        }.map { String($0.prefix(300)) }
    }

    static func lastLine(_ text: String) -> String? {
        text.split(separator: "\n").last.map { String($0.prefix(300)) }
    }
}

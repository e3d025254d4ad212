import Foundation
import Sandbox

#if canImport(Glibc)
import Glibc
#endif

/// Judging a standard-I/O candidate in a compiled language (or JavaScript): one compile step in
/// the sandbox, then every test runs the program it built.
extension CandidateRunner {
    /// The toolchain of `language`, located on first use.
    public func toolchain(for language: Language) throws -> Toolchain {
        if let known = toolchains.withLock({ $0[language] }) { return known }
        let located = try Toolchain.locate(language)
        toolchains.withLock { $0[language] = located }
        return located
    }

    func judgeCompiled(code: String, problem: Problem, language: Language, allTests: Bool,
                       dialect: Toolchain.Dialect = .judge) -> CandidateOutcome {
        let toolchain: Toolchain
        let build: BuildDirectory
        do {
            toolchain = try self.toolchain(for: language)
            build = try BuildDirectory()
        } catch {
            return CandidateOutcome(tests: [.compileStep(.internalError, detail: "\(error)")])
        }
        defer { build.remove() }
        if let failure = compile(code: code, toolchain: toolchain, into: build.path, dialect: dialect) {
            return CandidateOutcome(tests: [failure])
        }
        // The command and paths are the same for every test (found once: no ELF header read per
        // test); only the input and the output cap change.
        let launch = toolchain.runStep(
            code: code, buildDirectory: build.path,
            limits: ResourceLimits(cpuTimeSeconds: problem.timeLimitSeconds, memoryBytes: problem.memoryLimitBytes),
            dialect: dialect)
        var outcomes: [TestOutcome] = []
        for test in problem.tests {
            var (command, policy) = launch
            command.input = .bytes(test.input)
            policy.limits = testLimits(problem: problem, test: test)
            let outcome = retryingHarnessErrors {
                self.outcome(of: sandbox.run(command, policy: policy), problem: problem, test: test, sentinel: "",
                             language: language)
            }
            outcomes.append(outcome)
            if outcome.verdict != .accepted && !allTests { break }
        }
        return CandidateOutcome(tests: outcomes)
    }

    /// Runs the compile step; nil when it built the program, else the step's outcome (CE, or IE
    /// when the sandbox itself failed).
    func compile(code: String, toolchain: Toolchain, into buildDirectory: String,
                 dialect: Toolchain.Dialect = .judge) -> TestOutcome? {
        guard let (command, policy) = toolchain.compileStep(code: code, buildDirectory: buildDirectory, dialect: dialect)
        else { return nil }
        var result = sandbox.run(command, policy: policy)
        if result.status == .harnessError { result = sandbox.run(command, policy: policy) }
        let limits = policy.limits
        let (verdict, detail): (Verdict, String?)
        switch result.status {
        case .ok:
            return nil
        case .nonzeroExit, .signal:
            let stderr = String(decoding: result.stderr + result.stdout, as: UTF8.self)
            (verdict, detail) = (.compileError, Self.compilerErrorSummary(stderr) ?? "the compiler exited with status "
                                 + (result.exitCode.map(String.init) ?? "signal \(result.signal ?? 0)"))
        case .timeLimit:
            (verdict, detail) = (.compileError, "compiling took longer than \(Int(limits.effectiveWallTimeSeconds)) s")
        case .memoryLimit:
            (verdict, detail) = (.compileError, "compiling used more than \(limits.memoryBytes >> 20) MiB")
        case .outputLimit:
            (verdict, detail) = (.compileError, "the compiler printed more than \(limits.outputBytes >> 10) KiB")
        case .violation:
            // Nothing a source file says makes a compiler call a forbidden syscall: the policy is at fault.
            (verdict, detail) = (.internalError, "the \(toolchain.language.displayName) compiler made a forbidden syscall "
                                 + (result.violation.map { $0.name ?? String($0.syscall) } ?? "?"))
        case .harnessError:
            (verdict, detail) = (.internalError, result.harnessMessage)
        }
        var outcome = TestOutcome.compileStep(verdict, detail: detail)
        outcome.cpuTimeSeconds = result.cpuTimeSeconds
        outcome.wallTimeSeconds = result.wallTimeSeconds
        outcome.peakResidentBytes = result.peakResidentBytes
        return outcome
    }

    /// The compiler's first error lines, joined into one line (at most three, 400 characters).
    static func compilerErrorSummary(_ output: String) -> String? {
        let lines = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let errors = lines.filter { $0.range(of: "error", options: .caseInsensitive) != nil }
        let chosen = (errors.isEmpty ? lines : errors).prefix(3)
        guard !chosen.isEmpty else { return nil }
        return String(chosen.joined(separator: " | ").prefix(400))
    }
}

extension TestOutcome {
    /// The outcome of a compile step that did not build the program.
    static func compileStep(_ verdict: Verdict, detail: String?) -> TestOutcome {
        TestOutcome(name: "compile", verdict: verdict, cpuTimeSeconds: 0, wallTimeSeconds: 0, peakResidentBytes: 0,
                    detail: detail)
    }
}

/// A private directory a compile step writes its program into and the tests read it from;
/// removed once the candidate is judged.
struct BuildDirectory {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "proctor-build-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw JudgeError("creating a build directory in \(NSTemporaryDirectory()): \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

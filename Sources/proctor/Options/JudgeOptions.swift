import ArgumentParser
import Foundation
import Judge
import Sandbox

/// Options shared by the commands that judge programs.
struct JudgeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Candidates judged at once (default: the number of cores).", valueName: "N"))
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("The Python interpreter that runs candidates.", valueName: "python"))
    var python: String = "python3"

    @Option(help: ArgumentHelp("Multiply every problem's time limit by this factor (slow machines).", valueName: "x"))
    var timeLimitFactor: Double = 1

    @Flag(help: "Run every test instead of stopping at the first failure (full tables, slower).")
    var allTests = false

    func validate() throws {
        if workers < 1 { throw ValidationError("--workers must be at least 1") }
        if timeLimitFactor <= 0 { throw ValidationError("--time-limit-factor must be positive") }
    }

    func makeRunner() throws -> CandidateRunner {
        let sandbox = try Sandbox()
        let interpreter = try PythonInterpreter.locate(python)
        return try CandidateRunner(sandbox: sandbox, python: interpreter, timeLimitFactor: timeLimitFactor)
    }
}

/// Loads problems, reporting (and skipping) the ones that fail to load.
func loadProblems(_ path: String) throws -> [Problem] {
    let (problems, errors) = try ProblemStore.load(path)
    for error in errors { warn("skipping a problem: \(error)") }
    return problems
}

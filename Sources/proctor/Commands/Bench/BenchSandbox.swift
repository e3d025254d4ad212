import ArgumentParser
import Foundation
import Sandbox

/// `proctor bench sandbox`: per-run overhead of the sandbox against a bare spawn.
struct BenchSandbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Per-run sandbox overhead as a ratio against a bare spawn of the same command.",
        discussion: """
            Runs the command (default: python3 -c pass) bare, with posix_spawn and nothing else, and \
            in the sandbox with every protection this machine supports, alternating the two, and \
            prints both medians and their ratio.

            Example:
              swift build -c release && .build/release/proctor bench sandbox --runs 30
            """)

    @OptionGroup var limits: LimitOptions

    @Option(help: "Measured runs of each kind (after 3 warm-up runs).")
    var runs: Int = 30

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Argument(parsing: .captureForPassthrough, help: "The command to measure, after -- (default: python3 -c pass).")
    var command: [String] = []

    func run() throws {
        var arguments = command.first == "--" ? Array(command.dropFirst()) : command
        if arguments.isEmpty { arguments = ["python3", "-c", "pass"] }
        let prepared = try PreparedCommand.prepare(arguments, currentDirectory: FileManager.default.currentDirectoryPath)
        let sandbox = try Sandbox()
        var policy = limits.policy()
        policy.readablePaths = prepared.readablePaths
        policy.executablePaths = prepared.executablePaths
        let result = try SpawnOverheadBenchmark.measure(prepared, policy: policy, sandbox: sandbox, runs: runs)
        if json {
            let object: [String: Any] = [
                "runs": runs, "bare_median_s": result.bareMedian, "sandboxed_median_s": result.sandboxedMedian,
                "ratio": result.ratio, "command": arguments,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print("command:    \(arguments.joined(separator: " "))  (\(prepared.command.executable))")
        print("runs:       \(runs) of each, interleaved, after 3 warm-up runs")
        print(String(format: "bare:       median %.2f ms", result.bareMedian * 1000))
        print(String(format: "sandboxed:  median %.2f ms", result.sandboxedMedian * 1000))
        print(String(format: "ratio:      %.3f× (target ≤ 1.15×)", result.ratio))
        print("protections: " + RunSummary.protectionList(result.protections))
    }
}

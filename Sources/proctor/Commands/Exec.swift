import ArgumentParser
import Foundation
import Sandbox

/// `proctor exec`: run one command in the sandbox and report what happened.
struct Exec: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one command in the sandbox and print the result.",
        discussion: """
            The command runs confined by seccomp, Landlock, resource limits, a memory cgroup and \
            namespaces (whichever this machine supports), in a fresh temporary working directory. \
            Files named on the command line may be read; nothing else outside the system libraries \
            and the interpreter's own tree can be.

            Exit status is 0 whenever the sandbox worked, whatever the program did; the program's \
            fate is the result's status: ok, nonzero_exit, signal, time_limit, memory_limit, \
            output_limit, violation or harness_error (exit status 3).

            Examples:
              proctor exec -- python3 -c 'print(1)'
              proctor exec --time-limit 2 --memory-limit 256 --stdin in.txt -- python3 sol.py
              proctor exec --json --stdout out.txt -- python3 sol.py
            """)

    @OptionGroup var limits: LimitOptions

    @Option(help: ArgumentHelp("Feed this file to standard input.", valueName: "file"))
    var stdin: String?

    @Option(help: ArgumentHelp("Save the program's standard output to this file.", valueName: "file"))
    var stdout: String?

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    @Option(name: .customLong("env"), help: ArgumentHelp("Set an environment variable (repeatable).", valueName: "KEY=VALUE"))
    var environment: [String] = []

    @Argument(parsing: .captureForPassthrough, help: "The command to run, after --.")
    var command: [String] = []

    func validate() throws {
        if command.isEmpty { throw ValidationError("Give the command to run after --, e.g. proctor exec -- python3 -c 'print(1)'") }
        for entry in environment where !entry.contains("=") {
            throw ValidationError("--env takes KEY=VALUE; got '\(entry)'")
        }
    }

    func run() throws {
        let arguments = command.first == "--" ? Array(command.dropFirst()) : command
        var variables: [String: String] = [:]
        for entry in environment {
            let parts = entry.split(separator: "=", maxSplits: 1)
            variables[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        let input: SandboxCommand.Input = stdin.map { .file($0) } ?? .none
        let prepared = try PreparedCommand.prepare(arguments, environment: variables, input: input,
                                                   currentDirectory: FileManager.default.currentDirectoryPath)
        let sandbox = try Sandbox()
        var policy = limits.policy()
        policy.readablePaths = prepared.readablePaths
        policy.executablePaths = prepared.executablePaths
        let result = sandbox.run(prepared.command, policy: policy)
        if let stdout {
            try Data(result.stdout).write(to: URL(fileURLWithPath: stdout))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            if stdout == nil, !result.stdout.isEmpty {
                FileHandle.standardOutput.write(Data(result.stdout))
            }
            if !result.stderr.isEmpty { FileHandle.standardError.write(Data(result.stderr)) }
            FileHandle.standardError.write(Data((RunSummary.line(result) + "\n").utf8))
        }
        if result.status == .harnessError { throw ExitCode(3) }
    }
}

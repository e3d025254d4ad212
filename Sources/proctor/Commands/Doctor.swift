import ArgumentParser
import Foundation
import Judge
import Sandbox

/// `proctor doctor`: which protections this machine gives the sandbox, proved by a real run.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which sandbox protections this machine supports and check them with a real run.",
        discussion: """
            Prints the kernel's Landlock ABI, seccomp and user-notification support, whether a memory \
            cgroup can be created, and runs `python3 -c pass` in the sandbox to show the protections \
            actually in force; then the toolchain found for every language the judge compiles (a \
            missing one names the Debian package; scripts/setup.sh --languages installs them all). \
            Exit status 1 when the sandbox cannot run a program at all.
            """)

    @Option(help: "The Python interpreter to check with.")
    var python: String = "python3"

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let sandbox = try Sandbox()
        let support = sandbox.support
        let interpreter = try PythonInterpreter.locate(python)
        let prepared = try PreparedCommand.prepare(["python3", "-c", "pass"], python: interpreter,
                                                   currentDirectory: FileManager.default.currentDirectoryPath)
        let policy = SandboxPolicy(readablePaths: prepared.readablePaths, executablePaths: prepared.executablePaths)
        let result = sandbox.run(prepared.command, policy: policy)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let report = DoctorReport(support: support, python: interpreter, probe: result,
                                      toolchains: Self.toolchains().mapValues { $0.path ?? "missing: " + $0.note })
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print("kernel:            \(support.kernelRelease)")
            print("seccomp:           \(support.seccomp ? "yes" : "no")\(support.seccompNotify ? ", violations reported by syscall number" : "")")
            print("landlock:          \(support.landlockABI.map { "ABI \($0)" } ?? "no")")
            print("memory cgroup:     \(support.cgroup ? "yes" : "no (memory limited by address space)")")
            print("fast cgroup join:  \(support.cgroupFastMigration ? "yes (favordynmods)" : "no: runs wait ~10 ms each; scripts/setup.sh remounts cgroup2 with favordynmods")")
            print("python:            \(interpreter.executable) \(interpreter.version)")
            print("fork servers:      \(PythonForkServers.isAvailable ? "yes" : "no: libCSandboxShared.so is not beside the binary (swift build --product CSandboxShared); every run starts a fresh interpreter")")
            print("probe run:         \(RunSummary.line(result))")
            let found = Self.toolchains()
            for language in Language.all where language != .python {
                let entry = found[language.id]!
                let name = (language.id + ":").padding(toLength: 19, withPad: " ", startingAt: 0)
                print(name + (entry.path.map { "\($0) (\(entry.note))" } ?? "missing: \(entry.note)"))
            }
        }
        if result.status != .ok { throw ExitCode(1) }
    }
}

/// `proctor doctor --json`.
struct DoctorReport: Encodable {
    var support: HostSupport
    var python: PythonInterpreter
    var probe: RunResult
    /// Language id → the compiler's real path, or "missing: " and how to install it.
    var toolchains: [String: String]
}

extension Doctor {
    /// Each compiled language's toolchain: its path and version line, or nil and the install command.
    static func toolchains() -> [String: (path: String?, note: String)] {
        var found: [String: (path: String?, note: String)] = [:]
        for language in Language.all where language != .python {
            do {
                let toolchain = try Toolchain.locate(language)
                found[language.id] = (toolchain.compiler, toolchain.versionLine())
            } catch {
                found[language.id] = (nil, "apt-get install \(language.debianPackage)")
            }
        }
        return found
    }
}

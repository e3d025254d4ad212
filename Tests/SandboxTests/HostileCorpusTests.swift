import Foundation
import Sandbox
import Testing
import TestSupport

/// One program of the hostile corpus with the verdicts it may get, read from its header comments.
struct HostileProgram: CustomTestStringConvertible, Sendable {
    let name: String
    let source: String
    var expected: Set<TerminationStatus> = []
    var timeLimit: Double = 2
    var outputLimit: Int?
    var stdin: String?
    var stdout: String?
    var stdoutHex: String?
    var requiredModule: String?

    var testDescription: String { name }

    init(path: String) throws {
        name = (path as NSString).lastPathComponent
        source = try String(contentsOfFile: path, encoding: .utf8)
        for (key, value) in HostileFiles.headerFields(of: source, commentPrefix: "# ") {
            switch key {
            case "expect": expected = Set(value.split(separator: "|").compactMap { TerminationStatus(rawValue: String($0)) })
            case "time-limit": timeLimit = Double(value)!
            case "output-limit": outputLimit = Int(value)!
            case "stdin": stdin = value
            case "stdout": stdout = value
            case "stdout-hex": stdoutHex = value
            case "requires": requiredModule = value
            default: break
            }
        }
    }

    static func all() throws -> [HostileProgram] {
        let folder = RepositoryPaths.path("Tests/SandboxTests/Hostile")
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".py") }.sorted()
            .map { try HostileProgram(path: folder + "/" + $0) }
    }
}

/// Shared fixtures: one sandbox for the whole suite, the interpreter, and files the programs must not touch.
enum HostileEnvironment {
    static let sandbox = try! Sandbox()
    static let python = try! PythonInterpreter.locate("python3")
    static var secretFile: String { HostileFiles.secretFile }
    static var outsideFile: String { HostileFiles.outsideFile }

    static func hasModule(_ module: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python.executable)
        process.arguments = ["-c", "import \(module)"]
        process.standardError = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

@Suite("The hostile corpus gets the documented verdicts")
struct HostileCorpusTests {
    @Test("each hostile program is contained", arguments: try! HostileProgram.all())
    func contained(program: HostileProgram) throws {
        #expect(!program.expected.isEmpty, "\(program.name) has no '# expect:' line")
        if let module = program.requiredModule, !HostileEnvironment.hasModule(module) {
            return  // nothing to prove on a machine without the module
        }
        var limits = ResourceLimits(cpuTimeSeconds: program.timeLimit)
        if let outputLimit = program.outputLimit { limits.outputBytes = outputLimit }
        let environment = [
            "PROCTOR_TEST_SECRET": HostileEnvironment.secretFile, "PROCTOR_TEST_OUTSIDE": HostileEnvironment.outsideFile,
        ]
        var prepared = try PreparedCommand.prepare(
            ["python3", "main.py"], python: HostileEnvironment.python, environment: environment,
            input: program.stdin.map { .bytes(Array(($0 + "\n").utf8)) } ?? .none, currentDirectory: "/nonexistent")
        prepared.command.files = ["main.py": Array(program.source.utf8)]
        let policy = SandboxPolicy(limits: limits, readablePaths: prepared.readablePaths,
                                   executablePaths: prepared.executablePaths)

        let result = HostileEnvironment.sandbox.run(prepared.command, policy: policy)

        let stdoutText = String(decoding: result.stdout, as: UTF8.self)
        let stderrText = String(decoding: result.stderr, as: UTF8.self)
        #expect(program.expected.contains(result.status),
                "\(program.name): got \(result.status.rawValue) (exit \(result.exitCode.map(String.init) ?? "-"), signal \(result.signal.map(String.init) ?? "-"), violation \(result.violation?.name ?? "-")); stderr: \(stderrText.suffix(400))")
        #expect(!stdoutText.contains("ESCAPED"), "\(program.name) printed ESCAPED")
        #expect(!stdoutText.contains("SECRET-EXPECTED-OUTPUT"), "\(program.name) read the expected output")
        #expect(!FileManager.default.fileExists(atPath: HostileEnvironment.outsideFile), "\(program.name) wrote outside its directory")
        #expect(result.stdout.count <= limits.outputBytes, "the harness kept more output than the limit")
        #expect(result.stderr.count <= limits.stderrKeptBytes)
        if let expected = program.stdout {
            #expect(stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
        }
        if let hex = program.stdoutHex {
            #expect(result.stdout.map { String(format: "%02x", $0) }.joined() == hex)
        }
        #expect(result.protections.seccomp && result.protections.rlimits && result.protections.processGroup)
    }

    @Test("no process of a run outlives it")
    func noSurvivors() throws {
        let marker = "proctor-survivor-marker-\(getpid())"
        let prepared = try PreparedCommand.prepare(["python3", "-c", "while True: pass", marker],
                                                   python: HostileEnvironment.python, currentDirectory: "/nonexistent")
        let policy = SandboxPolicy(limits: ResourceLimits(cpuTimeSeconds: 0.3), readablePaths: prepared.readablePaths,
                                   executablePaths: prepared.executablePaths)
        let result = HostileEnvironment.sandbox.run(prepared.command, policy: policy)
        #expect(result.status == .timeLimit)
        #expect(processes(withArgument: marker).isEmpty, "a sandboxed process is still alive")
    }
}

/// Processes whose command line contains `argument` (other tests run in parallel, so match a marker).
func processes(withArgument argument: String) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap(Int32.init).filter { pid in
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        return data.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == argument }
    }
}

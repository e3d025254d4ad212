import Foundation
import Sandbox
import Testing
import TestSupport

/// One pool of fork servers for the suite, on the interpreter the hostile corpus uses.
enum ForkServerEnvironment {
    static let servers = PythonForkServers(python: HostileEnvironment.python)

    /// `python -s main.py` with `source` as main.py: the form that takes the fast path.
    static func command(_ source: String, environment: [String: String] = [:], stdin: String? = nil) -> SandboxCommand {
        let python = HostileEnvironment.python.executable
        return SandboxCommand(
            executable: python, arguments: [python, "-s", "main.py"],
            environment: PreparedCommand.baseEnvironment.merging(environment) { _, given in given },
            input: stdin.map { .bytes(Array($0.utf8)) } ?? .none, files: ["main.py": Array(source.utf8)])
    }

    static func policy(_ limits: ResourceLimits = ResourceLimits()) throws -> SandboxPolicy {
        let prepared = try PreparedCommand.prepare(["python3"], python: HostileEnvironment.python, currentDirectory: "/")
        return SandboxPolicy(limits: limits, readablePaths: prepared.readablePaths,
                             executablePaths: prepared.executablePaths)
    }

    static func run(_ source: String, environment: [String: String] = [:], stdin: String? = nil,
                    limits: ResourceLimits = ResourceLimits()) throws -> RunResult {
        HostileEnvironment.sandbox.run(command(source, environment: environment, stdin: stdin),
                                       policy: try policy(limits), forkServers: servers)
    }
}

@Suite("The fork server confines its children like a fresh process")
struct ForkServerTests {
    /// Hostile programs whose verdict differs when forked from a fork server, and why.
    static let forkServerVerdicts: [String: Set<TerminationStatus>] = [
        // The child runs without exec, so its filter forbids execve: the attempt is a violation
        // (a fresh process may exec, and Landlock then refuses the shell: a non-zero exit).
        "execv_shell.py": [.violation],
    ]

    @Test("each hostile program is contained when forked from a fork server", arguments: try! HostileProgram.all())
    func contained(program: HostileProgram) throws {
        if let module = program.requiredModule, !HostileEnvironment.hasModule(module) {
            return  // nothing to prove on a machine without the module
        }
        var limits = ResourceLimits(cpuTimeSeconds: program.timeLimit)
        if let outputLimit = program.outputLimit { limits.outputBytes = outputLimit }
        let environment = [
            "PROCTOR_TEST_SECRET": HostileEnvironment.secretFile, "PROCTOR_TEST_OUTSIDE": HostileEnvironment.outsideFile,
        ]
        let result = try ForkServerEnvironment.run(program.source, environment: environment,
                                                   stdin: program.stdin.map { $0 + "\n" }, limits: limits)

        let expected = Self.forkServerVerdicts[program.name] ?? program.expected
        let stdoutText = String(decoding: result.stdout, as: UTF8.self)
        let stderrText = String(decoding: result.stderr, as: UTF8.self)
        #expect(result.protections.forkServer == true, "\(program.name) did not run in a fork server: \(result.harnessMessage ?? "")")
        #expect(expected.contains(result.status),
                "\(program.name): got \(result.status.rawValue) (exit \(result.exitCode.map(String.init) ?? "-"), signal \(result.signal.map(String.init) ?? "-"), violation \(result.violation?.name ?? "-")); stderr: \(stderrText.suffix(400))")
        #expect(!stdoutText.contains("ESCAPED"), "\(program.name) printed ESCAPED")
        #expect(!stdoutText.contains("SECRET-EXPECTED-OUTPUT"), "\(program.name) read the expected output")
        #expect(!FileManager.default.fileExists(atPath: HostileEnvironment.outsideFile), "\(program.name) wrote outside its directory")
        #expect(result.stdout.count <= limits.outputBytes)
        if let text = program.stdout {
            #expect(stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == text)
        }
        if let hex = program.stdoutHex {
            #expect(result.stdout.map { String(format: "%02x", $0) }.joined() == hex)
        }
        #expect(result.protections.seccomp && result.protections.rlimits && result.protections.processGroup)
    }

    @Test("standard streams, exit status, CPU time and peak RSS are reported as for a fresh process")
    func measurements() throws {
        let source = """
            import sys
            data = sys.stdin.read().split()
            print(sum(map(int, data)))
            print("to stderr", file=sys.stderr)
            block = bytearray(64 << 20)
            for i in range(0, len(block), 4096): block[i] = 1
            total = 0
            for i in range(3_000_000): total += i
            sys.exit(3)
            """
        let result = try ForkServerEnvironment.run(source, stdin: "1 2 3\n")
        #expect(result.status == .nonzeroExit)
        #expect(result.exitCode == 3)
        #expect(String(decoding: result.stdout, as: UTF8.self) == "6\n")
        #expect(String(decoding: result.stderr, as: UTF8.self) == "to stderr\n")
        #expect(result.cpuTimeSeconds > 0.05)
        #expect(result.peakResidentBytes > 64 << 20)
        #expect(result.protections.forkServer == true)
        #expect(result.protections.landlock == HostileEnvironment.sandbox.support.landlockABI.map { _ in true } ?? false)
    }

    @Test("an uncaught exception prints its traceback and exits 1; a syntax error prints no traceback")
    func exceptions() throws {
        let raised = try ForkServerEnvironment.run("def f():\n    raise KeyError('k')\nf()\n")
        #expect(raised.exitCode == 1)
        let traceback = String(decoding: raised.stderr, as: UTF8.self)
        #expect(traceback.hasPrefix("Traceback (most recent call last):"))
        #expect(traceback.contains("main.py\", line 3"))
        #expect(!traceback.contains("fork_server.py"), "the server's own frames leak into the traceback")
        #expect(traceback.hasSuffix("KeyError: 'k'\n"))

        let broken = try ForkServerEnvironment.run("print(1\n")
        #expect(broken.exitCode == 1)
        let message = String(decoding: broken.stderr, as: UTF8.self)
        #expect(!message.contains("Traceback"))
        #expect(message.contains("SyntaxError"))
    }

    @Test("one child's changes to modules, environment and files are invisible to the next")
    func childrenAreIndependent() throws {
        let first = try ForkServerEnvironment.run("""
            import json, os
            json.proctor_mark = 1
            os.environ["LEFT_BEHIND"] = "1"
            open("left.txt", "w").write("x")
            print(os.environ.get("ONLY_FIRST"))
            """, environment: ["ONLY_FIRST": "yes"])
        #expect(String(decoding: first.stdout, as: UTF8.self) == "yes\n")
        for _ in 0..<3 {  // whichever idle server takes the run
            let next = try ForkServerEnvironment.run("""
                import json, os
                print(hasattr(json, "proctor_mark"), os.environ.get("LEFT_BEHIND"), os.environ.get("ONLY_FIRST"),
                      os.path.exists("left.txt"), os.getcwd() == os.environ["HOME"])
                """)
            #expect(String(decoding: next.stdout, as: UTF8.self) == "False None None False True\n")
        }
    }

    @Test("hash seed and argv are those of `python -s main.py` with PYTHONHASHSEED=0")
    func interpreterState() throws {
        let result = try ForkServerEnvironment.run("""
            import sys
            print(hash("proctor"), sys.argv, __name__, sys.flags.no_user_site)
            """)
        let fresh = HostileEnvironment.sandbox.run(ForkServerEnvironment.command("""
            import sys
            print(hash("proctor"), sys.argv, __name__, sys.flags.no_user_site)
            """), policy: try ForkServerEnvironment.policy())
        #expect(fresh.protections.forkServer == nil)
        #expect(result.stdout == fresh.stdout)
        #expect(String(decoding: result.stdout, as: UTF8.self).hasSuffix("['main.py'] __main__ 1\n"))
    }

    @Test("a command that is not `python -s SCRIPT` runs as a fresh process")
    func otherCommandsTakeThePlainPath() throws {
        let python = HostileEnvironment.python.executable
        let command = SandboxCommand(executable: python, arguments: [python, "-c", "print(42)"],
                                     environment: PreparedCommand.baseEnvironment)
        let result = HostileEnvironment.sandbox.run(command, policy: try ForkServerEnvironment.policy(),
                                                    forkServers: ForkServerEnvironment.servers)
        #expect(result.status == .ok)
        #expect(String(decoding: result.stdout, as: UTF8.self) == "42\n")
        #expect(result.protections.forkServer == nil)
    }
}

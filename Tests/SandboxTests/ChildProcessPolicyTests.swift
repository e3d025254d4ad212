import Foundation
import Sandbox
import Testing

/// The filter variants a compile step and every run get: what the one for trusted drivers adds,
/// and the probes that answer "not here" instead of ending the run.
@Suite("Child processes and polite refusals in the syscall filter")
struct ChildProcessPolicyTests {
    static let sandbox = try! Sandbox()
    static let python = try! PythonInterpreter.locate("python3")

    static func run(_ script: String, childProcesses: Bool) throws -> RunResult {
        let prepared = try PreparedCommand.prepare(["python3", "-c", script], python: python, currentDirectory: "/")
        let policy = SandboxPolicy(limits: ResourceLimits(cpuTimeSeconds: 5), readablePaths: prepared.readablePaths,
                                   executablePaths: prepared.executablePaths, allowsChildProcesses: childProcesses)
        return sandbox.run(prepared.command, policy: policy)
    }

    @Test("a run allowed child processes may fork and wait, but never clone into a new user namespace")
    func forkButNoNamespaces() throws {
        let forked = try Self.run("import os\npid = os.fork()\nif pid == 0: os._exit(7)\nprint(os.waitpid(pid, 0)[1] >> 8)",
                                  childProcesses: true)
        #expect(forked.status == .ok && String(decoding: forked.stdout, as: UTF8.self) == "7\n",
                "\(forked.status) \(String(decoding: forked.stderr, as: UTF8.self))")
        // clone(CLONE_NEWUSER | SIGCHLD) through the raw syscall (56 on x86-64, 220 on arm64).
        let script = """
            import ctypes, platform
            number = 56 if platform.machine() == "x86_64" else 220
            print(ctypes.CDLL(None, use_errno=True).syscall(number, 0x10000000 | 17, 0, 0, 0, 0))
            """
        let cloned = try Self.run(script, childProcesses: true)
        #expect(cloned.status == .violation, "\(cloned.status) \(String(decoding: cloned.stdout, as: UTF8.self))")
        let plain = try Self.run("import os\nos.fork()", childProcesses: false)
        #expect(plain.status == .violation, "an ordinary run still may not fork")
    }

    @Test("io_uring_setup and pkey_alloc answer ENOSYS, and the run goes on")
    func probesAnswerNotHere() throws {
        let script = """
            import ctypes, errno, platform
            libc = ctypes.CDLL(None, use_errno=True)
            numbers = (425, 330) if platform.machine() == "x86_64" else (425, 289)
            for number in numbers:
                result = libc.syscall(number, 0, 0, 0, 0, 0)
                print(result, errno.errorcode[ctypes.get_errno()])
            """
        let result = try Self.run(script, childProcesses: false)
        #expect(result.status == .ok, "\(result.status) \(String(decoding: result.stderr, as: UTF8.self))")
        #expect(String(decoding: result.stdout, as: UTF8.self) == "-1 ENOSYS\n-1 ENOSYS\n")
    }
}

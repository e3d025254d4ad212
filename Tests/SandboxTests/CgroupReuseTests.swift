import Foundation
import Sandbox
import Testing
import TestSupport

@Suite("Memory cgroup slots across runs with different limits")
struct CgroupReuseTests {
    @Test("a run with a low limit right after a compile-like run whose child held 1 GiB still runs, in a cgroup")
    func lowLimitAfterLargeChild() throws {
        let sandbox = try Sandbox()
        try #require(sandbox.support.cgroup, "no memory cgroup on this machine")
        let python = try PythonInterpreter.locate("python3")
        // A run allowed child processes (as a compile step is): its child touches 1 GiB and
        // sleeps; the parent exits at once, so the child is killed with the group as the run ends.
        let script = """
            import os, time
            if os.fork() == 0:
                block = bytearray(1 << 30)
                for i in range(0, len(block), 4096): block[i] = 1
                os.write(1, b"held\\n")
                time.sleep(60)
            else:
                time.sleep(1.5)
            """
        let holder = try PreparedCommand.prepare(["python3", "-c", script], python: python, currentDirectory: "/")
        let policy = SandboxPolicy(limits: ResourceLimits(cpuTimeSeconds: 20, memoryBytes: 2 << 30),
                                   readablePaths: holder.readablePaths, executablePaths: holder.executablePaths,
                                   allowsChildProcesses: true)
        let held = sandbox.run(holder.command, policy: policy)
        #expect(held.status == .ok, "\(held.harnessMessage ?? "") \(String(decoding: held.stderr, as: UTF8.self))")

        // The next run takes a slot with a limit far below what that child held.
        let small = try PreparedCommand.prepare(["python3", "-c", "print('ok')"], python: python, currentDirectory: "/")
        let ran = sandbox.run(small.command, policy: SandboxPolicy(
            limits: ResourceLimits(cpuTimeSeconds: 5, memoryBytes: 64 << 20), readablePaths: small.readablePaths,
            executablePaths: small.executablePaths))
        #expect(ran.status == .ok, "\(ran.harnessMessage ?? "")")
        #expect(ran.protections.cgroup)
        #expect(String(decoding: ran.stdout, as: UTF8.self) == "ok\n")
    }
}

import CSandbox
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

extension Sandbox {
    /// The shared shim links the Swift runtime, which would otherwise install crash handlers in the
    /// server at load; its children would inherit them, and a crash (a stack overflow) would then
    /// run the backtracer under the seccomp filter instead of ending with the signal.
    static let sharedShimEnvironment = ["SWIFT_BACKTRACE": "enable=no"]

    /// Starts one fork server for `servers`: its interpreter runs `ForkServerProgram` in the default
    /// namespaces (without a PID namespace, so that the pids it reports are ours), unconfined
    /// otherwise, since it must fork and confine each child itself. It talks over a socket on its stdout.
    func startForkServer(for servers: PythonForkServers) throws -> ForkServerProcess {
        guard let shimPath = ForkServerProgram.sharedShimPath() else {
            throw SandboxError("starting a fork server: \(ForkServerProgram.sharedShimName) is not beside the executable")
        }
        let number = forkServerCounter.add(1, ordering: .relaxed).newValue
        let directory = "\(baseDirectory)/fork-server-\(number)"
        try Syscalls.makeDirectory(directory)
        let scriptPath = directory + "/fork_server.py"
        let logPath = directory + "/server.log"
        try writeFile(scriptPath, Array(ForkServerProgram.source.utf8))

        var serverEnd: Int32 = -1
        var ourEnd: Int32 = -1
        let paired = csb_seqpacket_pair(&ourEnd, &serverEnd)
        if paired != 0 { throw SandboxError("creating the fork server's socket", errno: paired) }
        defer { Syscalls.close(serverEnd) }
        let stdinFD = try Syscalls.open("/dev/null", O_RDONLY)
        defer { Syscalls.close(stdinFD) }
        let logFD = try Syscalls.open(logPath, O_WRONLY | O_CREAT | O_TRUNC, mode: 0o600)
        defer { Syscalls.close(logFD) }

        let python = servers.python.executable
        let command = SandboxCommand(executable: python, arguments: [python, "-s", scriptPath, shimPath] + servers.preimportedModules,
                                     environment: servers.environment.merging(Self.sharedShimEnvironment) { _, required in required })
        var namespaces = Namespace.defaults
        namespaces.remove(.pid)
        var namespaceFlags = permittedNamespaceFlags(namespaces)
        var spawned = try spawn(command, workDirectory: directory, stdinFD: stdinFD, stdoutFD: serverEnd,
                                stderrFD: logFD, rlimits: [], namespaceFlags: namespaceFlags, cgroupProcsFD: -1,
                                rulesetFD: -1, dropCapabilities: false, filter: nil)
        if spawned.pid < 0, namespaceFlags != 0, spawned.failedStage == CSB_STAGE_CLONE.rawValue {
            namespaceFlags = 0
            spawned = try spawn(command, workDirectory: directory, stdinFD: stdinFD, stdoutFD: serverEnd,
                                stderrFD: logFD, rlimits: [], namespaceFlags: 0, cgroupProcsFD: -1, rulesetFD: -1,
                                dropCapabilities: false, filter: nil)
        }
        guard spawned.pid >= 0 else {
            Syscalls.close(ourEnd)
            throw SandboxError("starting the fork server", errno: spawned.failedErrno, path: python)
        }
        let server = ForkServerProcess(pid: spawned.pid, pidfd: spawned.pidfd, controlFD: ourEnd,
                                       namespaceFlags: namespaceFlags, logPath: logPath)
        try server.awaitReady()
        return server
    }
}

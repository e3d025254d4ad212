import CSandbox
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Runs untrusted programs confined by the kernel and measures them.
///
/// One `Sandbox` serves many runs, from any number of threads at once: it builds the seccomp
/// program once, keeps a pool of memory cgroups, and gives every run a fresh working directory.
public final class Sandbox: Sendable {
    /// What this machine's kernel lets the sandbox use, detected once.
    public let support: HostSupport
    private let filter: SyscallFilter?
    /// The filter for children of a fork server: the same, but without execve.
    private let inProcessFilter: SyscallFilter?
    /// The filter for trusted programs that start processes of their own (compiler drivers).
    private let childProcessesFilter: SyscallFilter?
    let baseDirectory: String
    private let state = Mutex(State())
    /// Numbers the cgroup slots of every sandbox in this process.
    private static let cgroupNumbers = Atomic<Int>(0)
    /// Numbers the fork servers' directories.
    let forkServerCounter = Atomic<Int>(0)

    private struct State {
        var runCounter = 0
        var idleCgroups: [CgroupSlot] = []
        var namespacesRefused = false
    }

    /// Prepares a sandbox. `temporaryRoot` holds the per-run working directories.
    public init(temporaryRoot: String = "/tmp") throws {
        support = HostSupport.detect()
        filter = try? SyscallFilter.build(notifySupervisor: support.seccompNotify)
        inProcessFilter = try? SyscallFilter.build(notifySupervisor: support.seccompNotify, allowExec: false)
        childProcessesFilter = try? SyscallFilter.build(notifySupervisor: support.seccompNotify,
                                                        allowChildProcesses: true)
        var template = Array("\(temporaryRoot)/proctor-sandbox-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw SandboxError("creating the sandbox's temporary directory", errno: errno, path: temporaryRoot)
        }
        baseDirectory = String(cString: made)
    }

    deinit {
        let slots = state.withLock { $0.idleCgroups }
        for slot in slots { slot.destroy() }
        Syscalls.removeTree(baseDirectory)
    }

    /// Runs `command` under `policy` and reports what happened. Never throws: a failure of the
    /// sandbox itself is a `harnessError` result.
    public func run(_ command: SandboxCommand, policy: SandboxPolicy) -> RunResult {
        run(command, policy: policy, launcher: .exec)
    }

    /// Runs `command` like `run(_:policy:)`, through a fork server of `forkServers` when the command
    /// is `python -s SCRIPT …` for its interpreter; otherwise, or when no server can run it, as a fresh process.
    public func run(_ command: SandboxCommand, policy: SandboxPolicy, forkServers: PythonForkServers) -> RunResult {
        guard let arguments = forkServers.scriptArguments(of: command) else { return run(command, policy: policy) }
        guard let server = forkServers.takeIdle() ?? (try? startForkServer(for: forkServers)) else {
            return run(command, policy: policy)
        }
        defer { forkServers.putBack(server) }
        return run(command, policy: policy, launcher: .forkServer(server, arguments: arguments))
    }

    /// How the program is started: exec'd in a fresh process, or forked from a fork server.
    enum Launcher {
        case exec
        case forkServer(ForkServerProcess, arguments: [String])
    }

    private func run(_ command: SandboxCommand, policy: SandboxPolicy, launcher: Launcher) -> RunResult {
        let runNumber = state.withLock { state -> Int in
            state.runCounter += 1
            return state.runCounter
        }
        let workDirectory = "\(baseDirectory)/run-\(runNumber)"
        defer { Syscalls.removeTree(workDirectory) }
        var protections = Protections()
        do {
            try Syscalls.makeDirectory(workDirectory)
            for (name, contents) in command.files {
                try writeFile(workDirectory + "/" + name, contents)
            }
            do {
                return try supervise(command, policy: policy, workDirectory: workDirectory, launcher: launcher,
                                     protections: &protections)
            } catch is ForkServerUnavailable {
                // The program did not start: run it as a fresh process instead.
                protections = Protections()
                return try supervise(command, policy: policy, workDirectory: workDirectory, launcher: .exec,
                                     protections: &protections)
            }
        } catch {
            return RunResult(harnessError: "\(error)", protections: protections)
        }
    }

    // MARK: - One run

    private func supervise(_ command: SandboxCommand, policy: SandboxPolicy, workDirectory: String,
                           launcher: Launcher, protections: inout Protections) throws -> RunResult {
        let limits = policy.limits
        var cleanups = Cleanups()
        defer { cleanups.run() }

        // Landlock: what the program may read, execute and write.
        var rulesetFD: Int32 = -1
        if policy.useLandlock, let abi = support.landlockABI {
            let ruleset = try LandlockRuleset(
                abi: abi, readable: policy.readablePaths + HostSupport.readableDevices,
                executable: policy.executablePaths, writable: [workDirectory] + policy.writablePaths + ["/dev/null"])
            cleanups.add { ruleset.close() }
            rulesetFD = ruleset.fd
            protections.landlock = true
            protections.landlockABI = abi
        }

        // Memory: a cgroup slot when one can be had.
        var cgroup: CgroupSlot?
        var cgroupProcsFD: Int32 = -1
        if policy.useCgroup, support.cgroup, let slot = try acquireCgroup(limitBytes: limits.memoryBytes) {
            cleanups.add { self.releaseCgroup(slot) }
            cgroupProcsFD = try Syscalls.open(slot.procsFile, O_WRONLY)
            cleanups.add { Syscalls.close(cgroupProcsFD) }
            cgroup = slot
            protections.cgroup = true
        }

        // Standard streams.
        let stdinFD = try openInput(command.input)
        cleanups.add { Syscalls.close(stdinFD) }
        let stdoutPipe = try Syscalls.pipe()
        let stderrPipe = try Syscalls.pipe()
        cleanups.add {
            Syscalls.close(stdoutPipe.read)
            Syscalls.close(stderrPipe.read)
        }
        try Syscalls.setNonBlocking(stdoutPipe.read)
        try Syscalls.setNonBlocking(stderrPipe.read)

        let rlimits = resourceLimits(limits, memoryByCgroup: cgroup != nil)
        protections.rlimits = true
        var namespaceFlags = permittedNamespaceFlags(policy.namespaces)
        var filter = policy.useSeccomp ? (policy.allowsChildProcesses ? childProcessesFilter : self.filter) : nil

        let started = Syscalls.monotonicNanoseconds()
        var spawned: SpawnOutcome
        switch launcher {
        case .exec:
            spawned = try spawn(command, workDirectory: workDirectory, stdinFD: stdinFD, stdoutFD: stdoutPipe.write,
                                stderrFD: stderrPipe.write, rlimits: rlimits, namespaceFlags: namespaceFlags,
                                cgroupProcsFD: cgroupProcsFD, rulesetFD: rulesetFD,
                                dropCapabilities: policy.dropCapabilities, filter: filter)
            if spawned.pid < 0, namespaceFlags != 0, spawned.failedStage == CSB_STAGE_CLONE.rawValue {
                // Namespaces are not permitted here (no privilege, or a locked-down kernel): go on without them.
                state.withLock { $0.namespacesRefused = true }
                namespaceFlags = 0
                spawned = try spawn(command, workDirectory: workDirectory, stdinFD: stdinFD,
                                    stdoutFD: stdoutPipe.write, stderrFD: stderrPipe.write, rlimits: rlimits,
                                    namespaceFlags: 0, cgroupProcsFD: cgroupProcsFD, rulesetFD: rulesetFD,
                                    dropCapabilities: policy.dropCapabilities, filter: filter)
            }
        case .forkServer(let server, let arguments):
            filter = policy.useSeccomp ? inProcessFilter : nil
            namespaceFlags = server.namespaceFlags
            spawned = try server.launch(ForkServerLaunch(
                arguments: arguments, environment: runEnvironment(command, workDirectory: workDirectory),
                workDirectory: workDirectory, stdinFD: stdinFD, stdoutFD: stdoutPipe.write, stderrFD: stderrPipe.write,
                cgroupProcsFD: cgroupProcsFD, rulesetFD: rulesetFD, rlimits: rlimits,
                dropCapabilities: policy.dropCapabilities, filter: filter))
        }
        Syscalls.close(stdoutPipe.write)
        Syscalls.close(stderrPipe.write)
        if spawned.pid < 0 {
            let stage = SpawnStage(rawValue: spawned.failedStage)?.description ?? "stage \(spawned.failedStage)"
            throw SandboxError("starting the program: \(stage) failed", errno: spawned.failedErrno,
                               path: command.executable)
        }
        cleanups.add {
            Syscalls.close(spawned.pidfd)
            Syscalls.close(spawned.listenerFD)
        }
        protections.processGroup = true
        protections.capabilitiesDropped = policy.dropCapabilities
        protections.seccomp = filter != nil
        protections.seccompNotify = filter != nil && spawned.listenerFD >= 0
        protections.namespaces = Namespace.allCases.filter { namespaceFlags & $0.cloneFlag != 0 }.map(\.rawValue)
        if case .forkServer = launcher { protections.forkServer = true }

        var monitor = RunMonitor(pid: spawned.pid, pidfd: spawned.pidfd, listenerFD: spawned.listenerFD,
                                 stdoutFD: stdoutPipe.read, stderrFD: stderrPipe.read, limits: limits, started: started)
        monitor.watch()
        let finished = Syscalls.monotonicNanoseconds()

        let exit: ExitReport
        switch launcher {
        case .exec: exit = try reapChild(spawned.pid)
        case .forkServer(let server, _): exit = try server.reap()
        }
        let (status, userMicroseconds, systemMicroseconds, maxRSSKiB) =
            (exit.status, exit.userMicroseconds, exit.systemMicroseconds, exit.maxRSSKiB)
        cgroup?.killRemaining()

        var result = RunResult(status: .ok, protections: protections)
        result.cpuTimeSeconds = Double(userMicroseconds + systemMicroseconds) / 1e6
        result.wallTimeSeconds = Double(finished - started) / 1e9
        result.peakResidentBytes = Int(maxRSSKiB) * 1024
        result.cgroupPeakBytes = cgroup?.peakBytes()
        result.stdout = monitor.stdout
        result.stderr = monitor.stderr
        result.stdoutBytes = monitor.stdoutTotal
        result.stderrBytes = monitor.stderrTotal
        if csb_status_exited(status) != 0 { result.exitCode = csb_status_exit_code(status) }
        if csb_status_signaled(status) != 0 { result.signal = csb_status_signal(status) }
        result.violation = monitor.violation
        classify(&result, monitor: monitor, limits: limits, oomKilled: cgroup?.oomKilledSincePrepare() ?? false,
                 memoryByCgroup: cgroup != nil)
        return result
    }

    /// Decides the termination status from what was observed, most specific first.
    private func classify(_ result: inout RunResult, monitor: RunMonitor, limits: ResourceLimits, oomKilled: Bool,
                          memoryByCgroup: Bool) {
        let stderrText = String(decoding: result.stderr.suffix(4096), as: UTF8.self)
        let cpuOver = result.cpuTimeSeconds > limits.cpuTimeSeconds
        if result.violation != nil || monitor.killReason == .violation || (result.signal == SIGSYS && filter != nil) {
            result.status = .violation
        } else if monitor.killReason == .output {
            result.status = .outputLimit
        } else if oomKilled {
            result.status = .memoryLimit
        } else if monitor.killReason == .cpu || cpuOver || result.signal == SIGXCPU {
            result.status = .timeLimit
            result.timeLimitKind = .cpu
        } else if monitor.killReason == .wall {
            result.status = .timeLimit
            result.timeLimitKind = .wall
        } else if result.exitCode != 0, !memoryByCgroup || result.signal == nil,
                  stderrText.contains("MemoryError") || stderrText.contains("std::bad_alloc") {
            // At the address-space limit an allocation fails instead of the OOM killer firing.
            result.status = .memoryLimit
        } else if result.signal != nil {
            result.status = .signal
        } else if result.exitCode != 0 {
            result.status = .nonzeroExit
        } else {
            result.status = .ok
        }
    }

    // MARK: - Pieces

    /// `wait4` on a child of this process: exit status, CPU time and peak RSS.
    private func reapChild(_ pid: pid_t) throws -> ExitReport {
        var report = ExitReport(status: 0, userMicroseconds: 0, systemMicroseconds: 0, maxRSSKiB: 0)
        let waited = csb_wait(pid, &report.status, &report.userMicroseconds, &report.systemMicroseconds,
                              &report.maxRSSKiB)
        if waited != 0 { throw SandboxError("waiting for the program", errno: waited) }
        return report
    }

    /// The clone flags for `namespaces`, or none once the kernel has refused them.
    func permittedNamespaceFlags(_ namespaces: Set<Namespace>) -> Int32 {
        if state.withLock({ $0.namespacesRefused }) { return 0 }
        return namespaces.reduce(0) { $0 | $1.cloneFlag }
    }

    /// The program's environment: the command's, with `HOME` and `TMPDIR` in its working directory unless set.
    private func runEnvironment(_ command: SandboxCommand, workDirectory: String) -> [String: String] {
        var environment = command.environment
        if environment["HOME"] == nil { environment["HOME"] = workDirectory }
        if environment["TMPDIR"] == nil { environment["TMPDIR"] = workDirectory }
        return environment
    }

    func spawn(_ command: SandboxCommand, workDirectory: String, stdinFD: Int32, stdoutFD: Int32,
                       stderrFD: Int32, rlimits: [csb_rlimit], namespaceFlags: Int32, cgroupProcsFD: Int32,
                       rulesetFD: Int32, dropCapabilities: Bool, filter: SyscallFilter?) throws -> SpawnOutcome {
        let argv = CStringArray(command.arguments)
        let environment = runEnvironment(command, workDirectory: workDirectory)
        let envp = CStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        var result = csb_spawn_result()
        var program = filter?.instructions ?? []
        let error: Int32 = command.executable.withCString { path in
            workDirectory.withCString { directory in
                rlimits.withUnsafeBufferPointer { limits in
                    argv.pointers.withUnsafeBufferPointer { argvPointers in
                    envp.pointers.withUnsafeBufferPointer { envpPointers in
                    program.withUnsafeMutableBytes { programBytes in
                        let confinement = csb_confinement(
                            stdin_fd: stdinFD, stdout_fd: stdoutFD, stderr_fd: stderrFD,
                            cgroup_procs_fd: cgroupProcsFD, landlock_ruleset_fd: rulesetFD,
                            rlimits: limits.baseAddress, rlimit_count: Int32(limits.count),
                            working_directory: directory, drop_capabilities: dropCapabilities ? 1 : 0,
                            seccomp_program: filter == nil ? nil : programBytes.baseAddress,
                            seccomp_instruction_count: filter?.instructions.count ?? 0,
                            seccomp_self_pid_placeholder: SyscallFilter.selfPidPlaceholder)
                        var request = csb_spawn_request(
                            path: path, argv: argvPointers.baseAddress!, envp: envpPointers.baseAddress!,
                            namespace_flags: namespaceFlags,
                            want_seccomp_listener: (filter?.notifiesSupervisor ?? false) ? 1 : 0,
                            confinement: confinement)
                        return csb_spawn(&request, &result)
                    }
                    }
                    }
                }
            }
        }
        if error != 0 {
            if namespaceFlags != 0 && (error == EPERM || error == EINVAL || error == ENOSPC || error == EUSERS) {
                return SpawnOutcome(pid: -1, pidfd: -1, listenerFD: -1, failedStage: CSB_STAGE_CLONE.rawValue,
                                    failedErrno: error)
            }
            throw SandboxError("creating the child process", errno: error, path: command.executable)
        }
        return SpawnOutcome(pid: result.pid, pidfd: result.pidfd, listenerFD: result.listener_fd,
                            failedStage: UInt32(result.failed_stage), failedErrno: result.failed_errno)
    }

    private func resourceLimits(_ limits: ResourceLimits, memoryByCgroup: Bool) -> [csb_rlimit] {
        let unlimited = UInt64.max
        let cpuSoft = UInt64(limits.cpuTimeSeconds.rounded(.up)) + 1
        // With a cgroup, resident memory is what is limited and address space stays free (thread
        // stacks and allocator arenas reserve far more than they touch); without one, address space is the limit.
        let addressSpace = memoryByCgroup ? unlimited : UInt64(limits.memoryBytes)
        return [
            csb_rlimit(resource: Int32(RLIMIT_CPU.rawValue), soft: cpuSoft, hard: cpuSoft + 1),
            csb_rlimit(resource: Int32(RLIMIT_AS.rawValue), soft: addressSpace, hard: addressSpace),
            csb_rlimit(resource: Int32(RLIMIT_FSIZE.rawValue), soft: UInt64(limits.fileSizeBytes),
                       hard: UInt64(limits.fileSizeBytes)),
            csb_rlimit(resource: Int32(RLIMIT_NOFILE.rawValue), soft: UInt64(limits.openFiles),
                       hard: UInt64(limits.openFiles)),
            csb_rlimit(resource: Int32(RLIMIT_CORE.rawValue), soft: 0, hard: 0),
            csb_rlimit(resource: Int32(RLIMIT_STACK.rawValue), soft: UInt64(limits.stackBytes),
                       hard: UInt64(limits.stackBytes)),
        ]
    }

    private func openInput(_ input: SandboxCommand.Input) throws -> Int32 {
        switch input {
        case .none:
            return try Syscalls.open("/dev/null", O_RDONLY)
        case .file(let path):
            return try Syscalls.open(path, O_RDONLY)
        case .bytes(let bytes):
            var fd: Int32 = -1
            let error = bytes.withUnsafeBytes { csb_memory_file($0.baseAddress, $0.count, &fd) }
            if error != 0 { throw SandboxError("creating the standard-input memory file", errno: error) }
            return fd
        }
    }

    func writeFile(_ path: String, _ contents: [UInt8]) throws {
        let fd = try Syscalls.open(path, O_WRONLY | O_CREAT | O_TRUNC, mode: 0o644)
        defer { Syscalls.close(fd) }
        var offset = 0
        while offset < contents.count {
            let written = contents.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw SandboxError("writing a file for the program", errno: errno, path: path)
            }
            offset += written
        }
    }

    /// A slot prepared for a run limited to `limitBytes`: an idle one, or a new one. An idle slot
    /// may refuse the limit (cgroup v1 answers EBUSY when a lower limit is under what is still
    /// charged to the group, such as the dirty page cache a compile step wrote); it is then
    /// removed, its charges going to the parent, and a fresh slot takes its place.
    private func acquireCgroup(limitBytes: Int) throws -> CgroupSlot? {
        if let slot = state.withLock({ $0.idleCgroups.popLast() }) {
            do {
                try slot.prepare(limitBytes: limitBytes)
                return slot
            } catch {
                slot.destroy()
            }
        }
        // Numbered per process, not per sandbox: two sandboxes of one process must never share a group.
        let number = Self.cgroupNumbers.add(1, ordering: .relaxed).newValue
        guard let slot = CgroupSlot.make(name: "\(getpid())-\(number)") else { return nil }
        do {
            try slot.prepare(limitBytes: limitBytes)
        } catch {
            slot.destroy()
            throw error
        }
        return slot
    }

    private func releaseCgroup(_ slot: CgroupSlot) {
        state.withLock { $0.idleCgroups.append(slot) }
    }
}

/// What `csb_spawn` reported.
struct SpawnOutcome {
    var pid: pid_t
    var pidfd: Int32
    var listenerFD: Int32
    var failedStage: UInt32
    var failedErrno: Int32
}

/// The steps of the child between clone and exec, for error messages.
enum SpawnStage: UInt32, CustomStringConvertible {
    case processGroup = 1, cgroup, stdio, rlimit, chdir, capabilities, noNewPrivs, landlock, seccomp, sendListener,
        exec, clone, closeDescriptors, message

    var description: String {
        switch self {
        case .processGroup: return "joining a new process group"
        case .cgroup: return "joining the memory cgroup"
        case .stdio: return "connecting standard input and output"
        case .rlimit: return "setting resource limits"
        case .chdir: return "entering the working directory"
        case .capabilities: return "dropping capabilities"
        case .noNewPrivs: return "setting no_new_privs"
        case .landlock: return "applying Landlock"
        case .seccomp: return "installing the seccomp filter"
        case .sendListener: return "handing over the seccomp listener"
        case .exec: return "executing the program"
        case .clone: return "creating namespaces"
        case .closeDescriptors: return "marking inherited descriptors close-on-exec"
        case .message: return "reading the confinement message"
        }
    }
}

/// NUL-terminated C strings for argv and envp, freed with the array.
final class CStringArray {
    private(set) var pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) {
        pointers = strings.map { strdup($0) } + [nil]
    }

    deinit {
        for pointer in pointers { free(pointer) }
    }
}

/// Work to undo at the end of a run, last added first.
struct Cleanups {
    private var actions: [() -> Void] = []

    mutating func add(_ action: @escaping () -> Void) {
        actions.append(action)
    }

    func run() {
        for action in actions.reversed() { action() }
    }
}

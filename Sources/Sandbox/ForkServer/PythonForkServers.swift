import Synchronization

/// Pre-started, pre-imported Python interpreters that fork one confined child per run: the
/// sandbox's fast path for `python -s SCRIPT …` commands.
///
/// A fresh interpreter costs 25–55 ms to start; a fork of a warm one costs about a millisecond.
/// Each child applies, before any of the script runs, what `csb_spawn`'s child applies before
/// exec, with the same C function (`csb_confine_self`, loaded from `libCSandboxShared.so` beside
/// the executable; without it every run takes the plain path): its own process group, the memory cgroup, the standard streams, rlimits, the working
/// directory, dropped capabilities, `no_new_privs`, Landlock and the seccomp filter (without
/// execve, which the child never needs). The supervisor watches it exactly as it watches an
/// exec'd program. Servers start lazily, one per concurrent run, and are reused.
///
/// What differs from a fresh interpreter: the listed modules are already imported, startup-time
/// settings (`PYTHONHASHSEED`, I/O encoding, `-s`) come from `environment` rather than from each
/// run's (the run's environment is applied to `os.environ`), and successive children of one
/// server share its network, mount, IPC and UTS namespaces, created once for the server.
public final class PythonForkServers: Sendable {
    /// The interpreter the servers run; commands must name this executable to take the fast path.
    public let python: PythonInterpreter
    /// Modules imported once by each server, before it forks.
    public let preimportedModules: [String]
    /// The environment servers start with.
    public let environment: [String: String]
    private let idle = Mutex<[ForkServerProcess]>([])

    /// The modules HumanEval, LiveCodeBench and AtCoder-style solutions import most.
    public static let commonModules = [
        "array", "bisect", "collections", "copy", "dataclasses", "datetime", "decimal", "fractions", "functools",
        "hashlib", "heapq", "itertools", "json", "math", "operator", "random", "re", "statistics", "string",
        "typing", "threading", "atexit",
    ]

    /// Whether fork servers can start on this installation: the shim their children confine
    /// themselves with (`libCSandboxShared.so`) is beside the executable.
    public static var isAvailable: Bool { ForkServerProgram.sharedShimPath() != nil }

    public init(python: PythonInterpreter, preimportedModules: [String] = PythonForkServers.commonModules,
                environment: [String: String] = PreparedCommand.baseEnvironment) {
        self.python = python
        self.preimportedModules = preimportedModules
        self.environment = environment
    }

    deinit {
        let servers = idle.withLock { $0 }
        for server in servers { server.stop() }
    }

    /// The script's `sys.argv` when `command` is `python -s SCRIPT ARGS…` for this interpreter, else nil.
    func scriptArguments(of command: SandboxCommand) -> [String]? {
        let arguments = command.arguments
        guard command.executable == python.executable, arguments.count >= 3, arguments[1] == "-s",
            !arguments[2].hasPrefix("-"), !arguments[2].hasPrefix("/")
        else { return nil }
        return Array(arguments.dropFirst(2))
    }

    /// An idle server, or nil when a new one must be started.
    func takeIdle() -> ForkServerProcess? {
        idle.withLock { $0.popLast() }
    }

    /// Returns a server after a run; a broken one is stopped instead.
    func putBack(_ server: ForkServerProcess) {
        if server.isBroken {
            server.stop()
        } else {
            idle.withLock { $0.append(server) }
        }
    }
}

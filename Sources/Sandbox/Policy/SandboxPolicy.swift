/// What a run may do: its limits, its view of the file system, and which protections to use.
public struct SandboxPolicy: Sendable {
    /// Resource limits.
    public var limits: ResourceLimits
    /// Paths the program may read (directories apply to everything beneath them).
    public var readablePaths: [String]
    /// Files the program may execute (the interpreter and the dynamic loader).
    public var executablePaths: [String]
    /// Extra paths the program may read and write besides its own working directory.
    public var writablePaths: [String]
    /// Namespaces to create for the run, where the kernel permits.
    public var namespaces: Set<Namespace>
    /// Apply the seccomp filter.
    public var useSeccomp: Bool
    /// Apply Landlock (where the kernel has it).
    public var useLandlock: Bool
    /// Account and limit memory with a cgroup (where one can be created).
    public var useCgroup: Bool
    /// Drop every capability before exec (matters when Proctor runs as root).
    public var dropCapabilities: Bool
    /// Let the program start child processes (fork, vfork, clone without namespace flags). Only for
    /// trusted programs such as a compiler driver given untrusted source; Landlock still decides what
    /// they may execute, and the whole process group is killed when the run ends.
    public var allowsChildProcesses: Bool

    public init(
        limits: ResourceLimits = ResourceLimits(), readablePaths: [String] = [], executablePaths: [String] = [],
        writablePaths: [String] = [], namespaces: Set<Namespace> = Namespace.defaults, useSeccomp: Bool = true,
        useLandlock: Bool = true, useCgroup: Bool = true, dropCapabilities: Bool = true,
        allowsChildProcesses: Bool = false
    ) {
        self.limits = limits
        self.readablePaths = readablePaths
        self.executablePaths = executablePaths
        self.writablePaths = writablePaths
        self.namespaces = namespaces
        self.useSeccomp = useSeccomp
        self.useLandlock = useLandlock
        self.useCgroup = useCgroup
        self.dropCapabilities = dropCapabilities
        self.allowsChildProcesses = allowsChildProcesses
    }
}

/// A Linux namespace a run can be given.
public enum Namespace: String, Sendable, Codable, CaseIterable, Hashable {
    /// A network namespace with no interfaces but a down loopback: no network at all.
    case network
    /// A private mount table.
    case mount
    /// A private System V IPC space.
    case ipc
    /// A private host name.
    case uts
    /// A PID namespace in which the program is PID 1. Off by default: as PID 1 the program
    /// ignores signals it has no handler for (even from itself), which changes how some
    /// programs end; fork is already denied, so it adds little.
    case pid

    /// The namespaces used unless a policy says otherwise.
    public static let defaults: Set<Namespace> = [.network, .mount, .ipc, .uts]

    var cloneFlag: Int32 {
        switch self {
        case .network: return 0x4000_0000  // CLONE_NEWNET
        case .mount: return 0x0002_0000  // CLONE_NEWNS
        case .ipc: return 0x0800_0000  // CLONE_NEWIPC
        case .uts: return 0x0400_0000  // CLONE_NEWUTS
        case .pid: return 0x2000_0000  // CLONE_NEWPID
        }
    }
}

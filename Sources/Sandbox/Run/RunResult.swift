/// Why a run ended. Verdicts are values: nothing a program does is thrown.
public enum TerminationStatus: String, Sendable, Codable, CaseIterable {
    /// Exited with status 0.
    case ok
    /// Exited with a non-zero status.
    case nonzeroExit = "nonzero_exit"
    /// Killed by a signal it raised or caused (SIGSEGV, SIGABRT, …).
    case signal
    /// Used more CPU time than allowed, or outlived the wall-clock backstop.
    case timeLimit = "time_limit"
    /// Went over the memory limit (the cgroup's OOM killer fired, or an allocation failed at the address-space limit).
    case memoryLimit = "memory_limit"
    /// Wrote more output than allowed.
    case outputLimit = "output_limit"
    /// Made a syscall the sandbox forbids.
    case violation
    /// The sandbox itself failed; says nothing about the program.
    case harnessError = "harness_error"
}

/// Which clock ended a time-limited run.
public enum TimeLimitKind: String, Sendable, Codable {
    case cpu
    case wall
}

/// A forbidden syscall the program attempted.
public struct Violation: Sendable, Codable, Equatable {
    /// The syscall number on this architecture.
    public var syscall: Int32
    /// Its name, when libseccomp knows it.
    public var name: String?
}

/// Which protections were in force for a run.
public struct Protections: Sendable, Codable, Equatable {
    public var seccomp = false
    /// Whether violations were reported by number through a user-notification listener.
    public var seccompNotify = false
    public var landlock = false
    /// The kernel's Landlock ABI version, when Landlock was applied.
    public var landlockABI: Int?
    public var rlimits = false
    public var cgroup = false
    public var capabilitiesDropped = false
    public var namespaces: [String] = []
    public var processGroup = false
    /// True when a Python fork server forked the program instead of a fresh exec (absent otherwise).
    public var forkServer: Bool?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case seccomp, seccompNotify = "seccomp_notify", landlock, landlockABI = "landlock_abi", rlimits, cgroup
        case capabilitiesDropped = "capabilities_dropped", namespaces, processGroup = "process_group"
        case forkServer = "fork_server"
    }
}

/// Everything measured about one run.
public struct RunResult: Sendable, Codable {
    public var status: TerminationStatus
    public var exitCode: Int32?
    public var signal: Int32?
    public var timeLimitKind: TimeLimitKind?
    public var violation: Violation?
    /// User plus system CPU time, seconds.
    public var cpuTimeSeconds: Double
    public var wallTimeSeconds: Double
    /// Peak resident set of the program, bytes (from the kernel's rusage).
    public var peakResidentBytes: Int
    /// Peak memory charged to the run's cgroup, bytes, when a cgroup was used.
    public var cgroupPeakBytes: Int?
    /// Bytes the program wrote to standard output and standard error (all of them, kept or not).
    public var stdoutBytes: Int
    public var stderrBytes: Int
    public var protections: Protections
    /// What went wrong, for a harness error.
    public var harnessMessage: String?
    /// Standard output as kept (at most the output limit).
    public var stdout: [UInt8]
    /// Standard error as kept (its first bytes).
    public var stderr: [UInt8]

    enum CodingKeys: String, CodingKey {
        case status, exitCode = "exit_code", signal, timeLimitKind = "time_limit_kind", violation
        case cpuTimeSeconds = "cpu_time_s", wallTimeSeconds = "wall_time_s", peakResidentBytes = "peak_rss_bytes"
        case cgroupPeakBytes = "cgroup_peak_bytes", stdoutBytes = "stdout_bytes", stderrBytes = "stderr_bytes"
        case protections, harnessMessage = "harness_message"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decode(TerminationStatus.self, forKey: .status)
        exitCode = try container.decodeIfPresent(Int32.self, forKey: .exitCode)
        signal = try container.decodeIfPresent(Int32.self, forKey: .signal)
        timeLimitKind = try container.decodeIfPresent(TimeLimitKind.self, forKey: .timeLimitKind)
        violation = try container.decodeIfPresent(Violation.self, forKey: .violation)
        cpuTimeSeconds = try container.decode(Double.self, forKey: .cpuTimeSeconds)
        wallTimeSeconds = try container.decode(Double.self, forKey: .wallTimeSeconds)
        peakResidentBytes = try container.decode(Int.self, forKey: .peakResidentBytes)
        cgroupPeakBytes = try container.decodeIfPresent(Int.self, forKey: .cgroupPeakBytes)
        stdoutBytes = try container.decode(Int.self, forKey: .stdoutBytes)
        stderrBytes = try container.decode(Int.self, forKey: .stderrBytes)
        protections = try container.decode(Protections.self, forKey: .protections)
        harnessMessage = try container.decodeIfPresent(String.self, forKey: .harnessMessage)
        stdout = []
        stderr = []
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        // exit_code and signal are always present, null when they do not apply.
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(signal, forKey: .signal)
        try container.encodeIfPresent(timeLimitKind, forKey: .timeLimitKind)
        try container.encodeIfPresent(violation, forKey: .violation)
        try container.encode(cpuTimeSeconds, forKey: .cpuTimeSeconds)
        try container.encode(wallTimeSeconds, forKey: .wallTimeSeconds)
        try container.encode(peakResidentBytes, forKey: .peakResidentBytes)
        try container.encodeIfPresent(cgroupPeakBytes, forKey: .cgroupPeakBytes)
        try container.encode(stdoutBytes, forKey: .stdoutBytes)
        try container.encode(stderrBytes, forKey: .stderrBytes)
        try container.encode(protections, forKey: .protections)
        try container.encodeIfPresent(harnessMessage, forKey: .harnessMessage)
    }

    init(harnessError message: String, protections: Protections) {
        self.init(status: .harnessError, protections: protections)
        harnessMessage = message
    }

    init(status: TerminationStatus, protections: Protections) {
        self.status = status
        cpuTimeSeconds = 0
        wallTimeSeconds = 0
        peakResidentBytes = 0
        stdoutBytes = 0
        stderrBytes = 0
        self.protections = protections
        stdout = []
        stderr = []
    }
}

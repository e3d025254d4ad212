/// The limits one run is held to.
public struct ResourceLimits: Sendable, Codable, Equatable {
    /// CPU time (user + system, all threads), seconds. Checked with sub-second resolution.
    public var cpuTimeSeconds: Double
    /// Wall-clock backstop, seconds; nil means `2 × cpuTimeSeconds + 1`.
    public var wallTimeSeconds: Double?
    /// Memory limit, bytes: resident memory through a cgroup where available, else address space.
    public var memoryBytes: Int
    /// Bytes of standard output kept before the run ends with an output-limit verdict.
    public var outputBytes: Int
    /// Bytes of standard error kept (the rest is counted and dropped; past `outputBytes` it is an output limit too).
    public var stderrKeptBytes: Int
    /// Largest file the program may write, bytes.
    public var fileSizeBytes: Int
    /// Open file descriptors.
    public var openFiles: Int
    /// Stack size, bytes; kept moderate so that thread stacks (OpenBLAS, numpy) still fit.
    public var stackBytes: Int

    public init(
        cpuTimeSeconds: Double = 2, wallTimeSeconds: Double? = nil, memoryBytes: Int = 256 << 20,
        outputBytes: Int = 64 << 20, stderrKeptBytes: Int = 64 << 10, fileSizeBytes: Int = 64 << 20,
        openFiles: Int = 256, stackBytes: Int = 64 << 20
    ) {
        self.cpuTimeSeconds = cpuTimeSeconds
        self.wallTimeSeconds = wallTimeSeconds
        self.memoryBytes = memoryBytes
        self.outputBytes = outputBytes
        self.stderrKeptBytes = stderrKeptBytes
        self.fileSizeBytes = fileSizeBytes
        self.openFiles = openFiles
        self.stackBytes = stackBytes
    }

    /// The wall-clock limit in force.
    public var effectiveWallTimeSeconds: Double {
        wallTimeSeconds ?? (2 * cpuTimeSeconds + 1)
    }
}

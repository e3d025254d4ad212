import Judge

/// Time and memory of one checkpoint's programs, per test run: what the judged code cost.
public struct CheckpointResources: Sendable, Codable, Equatable {
    public var checkpoint: String
    /// Test runs measured (harness errors left out).
    public var testRuns: Int
    /// Median and largest CPU time of a test run, seconds.
    public var medianCPUSeconds: Double
    public var slowestCPUSeconds: Double
    /// The problem of the slowest test run.
    public var slowestProblem: String?
    /// Median and largest peak resident memory of a test run, bytes.
    public var medianPeakResidentBytes: Int
    public var peakResidentBytes: Int
    /// The problem of the largest peak.
    public var peakProblem: String?

    enum CodingKeys: String, CodingKey {
        case checkpoint, testRuns = "test_runs", medianCPUSeconds = "median_cpu_s", slowestCPUSeconds = "slowest_cpu_s"
        case slowestProblem = "slowest_problem", medianPeakResidentBytes = "median_peak_rss_bytes"
        case peakResidentBytes = "peak_rss_bytes", peakProblem = "peak_problem"
    }

    /// Aggregates the tests of `records` that belong to `checkpoint`.
    init(checkpoint: String, records: [ResultRecord]) {
        var cpu: [(Double, String)] = []
        var memory: [(Int, String)] = []
        for record in records where record.checkpoint == checkpoint && record.verdict != .internalError {
            for test in record.tests {
                cpu.append((test.cpuTimeSeconds, record.problemID))
                memory.append((test.peakResidentBytes, record.problemID))
            }
        }
        cpu.sort { $0.0 < $1.0 }
        memory.sort { $0.0 < $1.0 }
        self.checkpoint = checkpoint
        testRuns = cpu.count
        medianCPUSeconds = cpu.isEmpty ? 0 : cpu[cpu.count / 2].0
        slowestCPUSeconds = cpu.last?.0 ?? 0
        slowestProblem = cpu.last?.1
        medianPeakResidentBytes = memory.isEmpty ? 0 : memory[memory.count / 2].0
        peakResidentBytes = memory.last?.0 ?? 0
        peakProblem = memory.last?.1
    }
}

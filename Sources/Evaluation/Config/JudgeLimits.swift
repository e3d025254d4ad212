import Foundation

/// How an evaluation judges its samples. `timeLimitFactor`, `allTests` and `python` change
/// verdicts and are guarded on resume; `workers` does not.
public struct JudgeLimits: Sendable, Equatable, Encodable {
    /// Candidates judged at once.
    public var workers: Int
    /// Every problem's time limit is multiplied by this (slow machines).
    public var timeLimitFactor: Double
    /// Run every test instead of stopping at the first failure.
    public var allTests: Bool
    /// The interpreter that runs candidates.
    public var python: String

    public init(workers: Int = ProcessInfo.processInfo.activeProcessorCount, timeLimitFactor: Double = 1,
                allTests: Bool = false, python: String = "python3") {
        self.workers = workers
        self.timeLimitFactor = timeLimitFactor
        self.allTests = allTests
        self.python = python
    }

    static let keys = ["workers", "time_limit_factor", "all_tests", "python"]

    enum CodingKeys: String, CodingKey {
        case workers, timeLimitFactor = "time_limit_factor", allTests = "all_tests", python
    }

    init(_ object: ConfigObject) throws {
        try object.rejectUnknownKeys(Self.keys)
        workers = try object.integer("workers") ?? ProcessInfo.processInfo.activeProcessorCount
        timeLimitFactor = try object.number("time_limit_factor") ?? 1
        allTests = try object.bool("all_tests") ?? false
        python = try object.string("python") ?? "python3"
        guard workers >= 1 else { throw object.fail("workers", "must be at least 1") }
        guard timeLimitFactor > 0 else { throw object.fail("time_limit_factor", "must be positive") }
    }

    /// The settings a results file's manifest records (the same keys `proctor judge` writes).
    public var manifestSettings: [String: String] {
        ["time_limit_factor": String(timeLimitFactor), "all_tests": String(allTests)]
    }
}

import Dispatch
import Foundation

/// Settings of one judging run.
public struct JudgeSettings: Sendable {
    /// Candidates judged at once.
    public var workers: Int
    /// Run every test instead of stopping at the first failure.
    public var allTests: Bool
    /// This machine's share of the samples, `index` of `count` (0-based), for batch schedulers.
    public var shard: (index: Int, count: Int)?

    public init(workers: Int = ProcessInfo.processInfo.activeProcessorCount, allTests: Bool = false,
                shard: (index: Int, count: Int)? = nil) {
        self.workers = max(1, workers)
        self.allTests = allTests
        self.shard = shard
    }
}

/// Progress of a judging run, reported after each sample.
public struct JudgeProgress: Sendable {
    public var done: Int
    public var total: Int
    public var accepted: Int
    public var elapsedSeconds: Double
}

/// Judges samples against problems in parallel and appends each result to a results file.
public final class JudgeSession: Sendable {
    public let problems: [String: Problem]
    let runner: CandidateRunner
    let settings: JudgeSettings

    public init(problems: [Problem], runner: CandidateRunner, settings: JudgeSettings) {
        self.problems = Dictionary(problems.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.runner = runner
        self.settings = settings
    }

    /// The samples this run must judge: known problems only, this shard's share, not already in `done`.
    public func pending(_ samples: [Sample], done: Set<SampleKey>) -> (work: [Sample], unknownProblems: Set<String>) {
        var unknown: Set<String> = []
        var work: [Sample] = []
        for (position, sample) in samples.enumerated() {
            if let shard = settings.shard, position % shard.count != shard.index { continue }
            guard problems[sample.problemID] != nil else {
                unknown.insert(sample.problemID)
                continue
            }
            if !done.contains(sample.key) { work.append(sample) }
        }
        return (work, unknown)
    }

    /// Judges `work`, appending every result to `results` as soon as it is known.
    public func run(_ work: [Sample], results: ResultFile,
                    progress: (@Sendable (JudgeProgress) -> Void)? = nil) throws {
        let started = Date()
        let state = JudgeState()
        let workers = min(settings.workers, max(1, work.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let position = state.claim(below: work.count) {
                let sample = work[position]
                let problem = problems[sample.problemID]!
                let outcome = runner.judge(code: sample.code, problem: problem, language: sample.language,
                                           allTests: settings.allTests)
                let record = ResultRecord(sample: sample, outcome: outcome)
                do {
                    try results.append(record)
                } catch {
                    state.fail(error)
                    return
                }
                let (done, accepted) = state.finish(passed: record.passed)
                progress?(JudgeProgress(done: done, total: work.count, accepted: accepted,
                                        elapsedSeconds: Date().timeIntervalSince(started)))
            }
        }
        if let error = state.error { throw error }
    }

    /// What `judge(_:into:manifest:resume:)` did.
    public struct ResumedRun: Sendable {
        /// Samples judged by this run.
        public var judged: Int
        /// Samples the results file already held (with `resume`).
        public var alreadyJudged: Int
        /// Problems the samples name that this session does not have (skipped).
        public var unknownProblems: Set<String>
        /// What opening the results file repaired, if anything (a torn last line cut).
        public var repairNote: String?
    }

    /// The judge stage of `proctor judge` and `proctor eval`: judges into `out` what it does not
    /// hold yet. With `resume`, a results file judged under another manifest (other problems,
    /// limits or harness) is refused, naming the file, and the samples already judged are
    /// skipped; without it the file starts anew. The file is held by this run alone (see
    /// `OutputFile`) and `manifest` is written beside it before the first result.
    public func judge(_ samples: [Sample], into out: String, manifest: ResultManifest, resume: Bool,
                      progress: (@Sendable (JudgeProgress) -> Void)? = nil) throws -> ResumedRun {
        // A language whose toolchain is missing stops the run before anything is judged, naming its package.
        for language in Set(samples.map(\.language)).sorted(by: { $0.id < $1.id }) where language.compiles {
            _ = try runner.toolchain(for: language)
        }
        if resume, let existing = ResultFile.readManifest(for: out), !existing.isCompatible(with: manifest) {
            throw JudgeError("was judged with other problems or settings (\(ResultFile.manifestPath(for: out))); "
                             + "judge into a new file", file: out)
        }
        let file = try ResultFile(path: out, resume: resume)
        try ResultFile.writeManifest(manifest, for: out)
        let done = resume ? Set(try ResultFile.read(out).map(\.key)) : []
        let (work, unknown) = pending(samples, done: done)
        if !work.isEmpty { try run(work, results: file, progress: progress) }
        return ResumedRun(judged: work.count, alreadyJudged: done.count, unknownProblems: unknown, repairNote: file.repairNote)
    }

    /// A hash over every problem's id, limits, checker and tests (FNV-1a, 64 bits), for manifests.
    public static func problemsHash(_ problems: [Problem]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0xFF
            hash = hash &* 0x0000_0100_0000_01B3
        }
        for problem in problems.sorted(by: { $0.id < $1.id }) {
            mix(problem.id.utf8)
            mix("\(problem.timeLimitSeconds) \(problem.memoryLimitBytes) \(problem.checker)".utf8)
            for test in problem.tests {
                mix(test.name.utf8)
                mix(test.input)
                mix(test.expectedOutput)
            }
        }
        return String(format: "fnv1a64:%016llx", hash)
    }
}

/// Shared counters of a run, behind a lock.
private final class JudgeState: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var done = 0
    private var accepted = 0
    private(set) var error: Error?

    func claim(below count: Int) -> Int? {
        lock.withLock {
            guard error == nil, next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func finish(passed: Bool) -> (Int, Int) {
        lock.withLock {
            done += 1
            if passed { accepted += 1 }
            return (done, accepted)
        }
    }

    func fail(_ error: Error) {
        lock.withLock { if self.error == nil { self.error = error } }
    }
}

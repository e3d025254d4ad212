import Foundation
import Synchronization

/// Judges a fixed list of candidates with several workers at once and times the whole pass:
/// the judge's throughput in test executions per second.
public struct JudgeThroughputBenchmark: Sendable {
    /// One candidate: the code and the problem it answers.
    public struct Candidate: Sendable {
        public var code: String
        public var problem: Problem

        public init(code: String, problem: Problem) {
            self.code = code
            self.problem = problem
        }
    }

    /// Candidates judged.
    public var candidates = 0
    /// Tests run, over all candidates (each is one sandboxed execution).
    public var testExecutions = 0
    /// Wall-clock seconds for the whole pass.
    public var wallSeconds = 0.0
    /// How many candidates got each verdict.
    public var verdictCounts: [Verdict: Int] = [:]

    public var executionsPerSecond: Double { Double(testExecutions) / wallSeconds }

    /// Judges every candidate once, `workers` at a time, and times it (fork servers, when the
    /// runner uses them, start inside the timed pass on its first use).
    public static func measure(_ candidates: [Candidate], runner: CandidateRunner, workers: Int) -> JudgeThroughputBenchmark {
        let next = Atomic<Int>(0)
        let outcomes = Mutex<[CandidateOutcome]>([])
        let started = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.concurrentPerform(iterations: max(1, workers)) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < candidates.count else { return }
                let outcome = runner.judge(code: candidates[index].code, problem: candidates[index].problem)
                outcomes.withLock { $0.append(outcome) }
            }
        }
        let finished = DispatchTime.now().uptimeNanoseconds
        var result = JudgeThroughputBenchmark()
        result.candidates = candidates.count
        result.wallSeconds = Double(finished - started) / 1e9
        for outcome in outcomes.withLock({ $0 }) {
            result.testExecutions += outcome.tests.count
            result.verdictCounts[outcome.verdict, default: 0] += 1
        }
        return result
    }
}

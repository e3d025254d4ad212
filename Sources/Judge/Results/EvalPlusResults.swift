import Foundation
import Metrics

/// EvalPlus's results file, as `evalplus.evaluate` writes it (`evalplus/evaluate.py`, `evaluate`):
/// `{"date", "hash", "eval": {task_id: [sample, …]}, "pass_at_k": {"base": {"pass@k": …}}}`, each
/// sample `{"task_id", "solution", "base_status", "plus_status", "base_fail_tests", "plus_fail_tests"}`.
///
/// Proctor runs one test set, the problem's own tests: for HumanEval that is the original `check`,
/// which EvalPlus calls the base tests. So the verdict fills `base_status`, and the plus fields are
/// what `evaluate --base-only` writes: `plus_status` null, `plus_fail_tests` empty, and no "plus"
/// under `pass_at_k`. Nothing claims that EvalPlus's extra inputs were run.
public struct EvalPlusResults: Sendable {
    /// One judged sample, as a line of `eval[task_id]`.
    public struct Sample: Sendable, Codable, Equatable {
        public var taskID: String
        /// The whole program that was judged (a completion with its prompt before it).
        public var solution: String
        /// "pass" or "fail" (of `evalplus/eval/__init__.py`'s PASS, FAIL, TIMEOUT).
        public var baseStatus: String
        /// Always nil: Proctor does not run EvalPlus's extra inputs.
        public var plusStatus: String?
        /// Always empty: Proctor's tests are not EvalPlus's argument lists (a HumanEval problem
        /// has one test, the whole `check`), so there are no failing inputs to name.
        public var baseFailTests: [String]
        public var plusFailTests: [String]

        enum CodingKeys: String, CodingKey {
            case taskID = "task_id", solution, baseStatus = "base_status", plusStatus = "plus_status"
            case baseFailTests = "base_fail_tests", plusFailTests = "plus_fail_tests"
        }

        /// Writes `plus_status` as null, as EvalPlus does, rather than leaving it out.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(taskID, forKey: .taskID)
            try container.encode(solution, forKey: .solution)
            try container.encode(baseStatus, forKey: .baseStatus)
            try container.encode(plusStatus, forKey: .plusStatus)
            try container.encode(baseFailTests, forKey: .baseFailTests)
            try container.encode(plusFailTests, forKey: .plusFailTests)
        }
    }

    /// The file's top level.
    struct File: Encodable {
        var date: String
        var hash: String
        var eval: [String: [Sample]]
        var passAtK: [String: [String: Double]]

        enum CodingKeys: String, CodingKey {
            case date, hash, eval, passAtK = "pass_at_k"
        }
    }

    /// task_id → its samples in sample-index order (EvalPlus's completion_id).
    public let eval: [(taskID: String, samples: [Sample])]
    /// Proctor's problems hash: EvalPlus writes the MD5 of its dataset file, which Proctor never sees.
    public let hash: String

    /// The samples of `records` (one checkpoint, harness errors already left out).
    public init(records: [ResultRecord], problems: [Problem], problemsHash: String) {
        let prompts = Dictionary(problems.compactMap { problem -> (String, (prompt: String, entryPoint: String))? in
            guard case .humanEval(let prompt, _, let entryPoint) = problem.kind else { return nil }
            return (problem.id, (prompt, entryPoint))
        }, uniquingKeysWith: { first, _ in first })
        eval = EmitFormat.byProblem(records, order: Self.taskOrder).map { taskID, records in
            (taskID, records.map { record in
                Sample(taskID: taskID, solution: Self.solution(record.code, humanEval: prompts[taskID]),
                       baseStatus: Self.status(record.verdict), plusStatus: nil, baseFailTests: [], plusFailTests: [])
            })
        }
        hash = problemsHash
    }

    /// EvalPlus's status for a Proctor verdict: AC passes, everything else fails. EvalPlus's third
    /// status, "timeout", is for a checker process that never reported back; a program that runs
    /// past a test's time limit is stopped by its alarm and marked "fail", so TLE is "fail" too.
    public static func status(_ verdict: Verdict) -> String {
        verdict == .accepted ? "pass" : "fail"
    }

    /// The program Proctor ran: a completion continues its prompt, a self-contained answer runs
    /// alone (the rule of `ProgramAssembly` for HumanEval problems).
    static func solution(_ code: String, humanEval: (prompt: String, entryPoint: String)?) -> String {
        guard let humanEval, !CodeExtractor.definesFunction(humanEval.entryPoint, in: code) else { return code }
        return humanEval.prompt + code
    }

    /// pass@1, pass@10 and pass@100 over the base tests, each only when every task has at least
    /// k samples, as `evaluate` computes them.
    public var basePassAtK: [String: Double] {
        let counts = eval.map { (n: $0.samples.count, c: $0.samples.filter { $0.baseStatus == "pass" }.count) }
        guard let fewest = counts.map(\.n).min(), fewest > 0 else { return [:] }
        var result: [String: Double] = [:]
        for k in [1, 10, 100] where fewest >= k {
            result["pass@\(k)"] = counts.map { passAtK(n: $0.n, c: $0.c, k: k) }.reduce(0, +) / Double(counts.count)
        }
        return result
    }

    /// The file's bytes; `date` is the local time in EvalPlus's "%Y-%m-%d %H:%M".
    public func json(date: Date = Date()) throws -> Data {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let file = File(date: formatter.string(from: date), hash: hash,
                        eval: Dictionary(eval.map { ($0.taskID, $0.samples) }, uniquingKeysWith: { first, _ in first }),
                        passAtK: ["base": basePassAtK])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(file)
    }

    /// HumanEval/2 before HumanEval/10: task ids compared with their numbers as numbers.
    static func taskOrder(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric, .literal]) == .orderedAscending
    }
}

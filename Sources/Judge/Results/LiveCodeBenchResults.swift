import Foundation
import Metrics

/// LiveCodeBench's `*_eval_all.json`, as its runner writes it for code generation
/// (`lcb_runner/runner/custom_evaluator.py` and `main.py`: `save_eval_results`): a list, one entry
/// per question in question_id order, each `CodeGenerationProblem.insert_output_evaluation`
/// (`lcb_runner/benchmarks/code_generation.py`) with `metadata` added:
/// question_title, question_content, platform, question_id, contest_id, contest_date,
/// starter_code, difficulty, output_list, code_list, graded_list, pass@1, metadata.
///
/// As in the custom evaluator, `output_list` repeats `code_list`: the judged code. `metadata` holds
/// one JSON string per sample in `run_test`'s shape (`lcb_runner/evaluation/testing_util.py`).
public struct LiveCodeBenchResults: Sendable {
    /// One question's entry.
    public struct Question: Sendable, Codable, Equatable {
        public var questionTitle: String
        public var questionContent: String
        /// "atcoder", "leetcode", "codeforces"; "" for a problem not imported from LiveCodeBench.
        public var platform: String
        public var questionID: String
        /// "": Proctor does not keep it.
        public var contestID: String
        /// ISO 8601 as Python's `isoformat()` writes it ("2023-08-12T00:00:00"); "" when unknown.
        public var contestDate: String
        public var starterCode: String
        public var difficulty: String
        public var outputList: [String]
        public var codeList: [String]
        /// Whether each sample passed, in sample order.
        public var gradedList: [Bool]
        /// The share of samples that passed.
        public var passAt1: Double
        /// One JSON object per sample, as a string.
        public var metadata: [String]

        enum CodingKeys: String, CodingKey {
            case questionTitle = "question_title", questionContent = "question_content", platform
            case questionID = "question_id", contestID = "contest_id", contestDate = "contest_date"
            case starterCode = "starter_code", difficulty, outputList = "output_list", codeList = "code_list"
            case gradedList = "graded_list", passAt1 = "pass@1", metadata
        }
    }

    /// The entries, in question_id order (Python's string order, as `sort_and_extract_save_results` sorts).
    public let questions: [Question]

    /// The entries of `records` (one checkpoint, harness errors already left out).
    public init(records: [ResultRecord], problems: [Problem]) throws {
        let byID = Dictionary(problems.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let grouped = EmitFormat.byProblem(records, order: EmitFormat.codePointOrder)
        testResults = grouped.map { questionID, records in
            var callBased = false
            if case .functional? = byID[questionID]?.kind { callBased = true }
            return records.map { TestResult.list($0, callBased: callBased) }
        }
        questions = try grouped.map { questionID, records in
            let problem = byID[questionID]
            var platform = ""
            if let problem, case .liveCodeBench = problem.checker { platform = problem.tags.first ?? "" }
            let codes = records.map(\.code)
            let graded = records.map(\.passed)
            return Question(
                questionTitle: problem?.title ?? "", questionContent: problem?.statement ?? "", platform: platform,
                questionID: questionID, contestID: "", contestDate: problem?.releaseDate.map { $0 + "T00:00:00" } ?? "",
                starterCode: problem?.starterCode ?? "", difficulty: problem?.difficulty ?? "",
                outputList: codes, codeList: codes, gradedList: graded,
                passAt1: Double(graded.filter { $0 }.count) / Double(graded.count),
                metadata: try records.map(Self.metadata))
        }
    }

    /// `run_test`'s metadata for one sample; absent fields are left out, as there.
    struct Metadata: Codable, Equatable {
        /// Seconds, the sum over the tests (a pass only).
        var executionTime: Double?
        var errorCode: Int?
        var errorMessage: String?
        var error: String?

        enum CodingKeys: String, CodingKey {
            case executionTime = "execution time", errorCode = "error_code", errorMessage = "error_message", error
        }
    }

    /// `run_test`'s metadata for a verdict: the execution time of a pass, else LiveCodeBench's error
    /// code and message (-2 wrong answer, -3 time limit, -4 runtime error, which covers every other
    /// failure, as its harness reports them), with Proctor's verdict and detail as the error.
    static func metadata(_ record: ResultRecord) throws -> String {
        let metadata: Metadata
        switch record.verdict {
        case .accepted:
            metadata = Metadata(executionTime: record.tests.map(\.wallTimeSeconds).reduce(0, +))
        case .wrongAnswer:
            metadata = Metadata(errorCode: -2, errorMessage: "Wrong Answer")
        case .timeLimit:
            metadata = Metadata(errorCode: -3, errorMessage: "Time Limit Exceeded", error: errorText(record))
        default:
            metadata = Metadata(errorCode: -4, errorMessage: "Runtime Error", error: errorText(record))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(metadata), as: UTF8.self)
    }

    /// "Proctor TLE: <detail of the first failed test>".
    private static func errorText(_ record: ResultRecord) -> String {
        let detail = record.tests.first { $0.verdict != .accepted }?.detail
        return "Proctor \(record.verdict.rawValue)" + (detail.map { ": \($0)" } ?? "")
    }

    /// The file's bytes.
    public func json() throws -> Data {
        try Self.encoder.encode(questions)
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The metrics file written beside it, `*_eval.json`: `codegen_metrics`' return value
    /// (`lcb_runner/evaluation/compute_code_generation_metrics.py`), a list of three:
    /// `{"pass@k": mean, …, "detail": {"pass@k": {question index: pass@k}}}` for the k of its
    /// default k_list that every question has samples for; `{question index: [per sample, the
    /// results of its tests up to the first failure: true, or false/-2/-3/-4]}`; and the
    /// metadata lists. Question indices are positions in question_id order, as strings.
    public func metricsJSON() throws -> Data {
        try Self.encoder.encode(MetricsFile(questions: questions, tests: testResults))
    }

    /// Per question, per sample: each test's result as LiveCodeBench records it.
    let testResults: [[[TestResult]]]

    /// One test's result in `run_test`'s list: true for a pass, else the error code; a wrong
    /// answer of a call-based question is false (`grade_call_based` appends the comparison).
    enum TestResult: Encodable, Equatable {
        case passed
        case wrong
        case failed(code: Int)

        init(_ verdict: Verdict, callBased: Bool) {
            switch verdict {
            case .accepted: self = .passed
            case .wrongAnswer: self = callBased ? .wrong : .failed(code: -2)
            case .timeLimit: self = .failed(code: -3)
            default: self = .failed(code: -4)
            }
        }

        /// A sample's list: its tests up to the first failure, where LiveCodeBench stops (also
        /// under --all-tests); a sample that ran no test (no code) is -4, as LiveCodeBench's
        /// harness reports code it cannot load.
        static func list(_ record: ResultRecord, callBased: Bool) -> [TestResult] {
            let results = record.tests.map { TestResult($0.verdict, callBased: callBased) }
            guard let failure = results.firstIndex(where: { $0 != .passed }) else {
                return results.isEmpty && !record.passed ? [.failed(code: -4)] : results
            }
            return Array(results[...failure])
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .passed: try container.encode(true)
            case .wrong: try container.encode(false)
            case .failed(let code): try container.encode(code)
            }
        }
    }

    /// `codegen_metrics`' k_list default.
    static let kList = [1, 5, 10, 20, 40, 50, 75, 100, 125, 150, 200, 500, 1000]

    /// The `[metrics, results, metadata]` list.
    struct MetricsFile: Encodable {
        var questions: [Question]
        var tests: [[[TestResult]]]

        struct DynamicKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ string: String) { stringValue = string }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            var list = encoder.unkeyedContainer()
            // compute_metrics_from_results: a question passes a sample when every test result is > 0 (true).
            let counts = questions.map { (n: $0.gradedList.count, c: $0.gradedList.filter { $0 }.count) }
            let fewest = counts.map(\.n).min() ?? 0
            var summary = list.nestedContainer(keyedBy: DynamicKey.self)
            var detail: [String: [String: Double]] = [:]
            for k in LiveCodeBenchResults.kList where fewest >= k {
                let values = counts.map { passAtK(n: $0.n, c: $0.c, k: k) }
                try summary.encode(values.reduce(0, +) / Double(values.count), forKey: DynamicKey("pass@\(k)"))
                detail["pass@\(k)"] = Dictionary(uniqueKeysWithValues: values.enumerated().map { (String($0.offset), $0.element) })
            }
            try summary.encode(detail, forKey: DynamicKey("detail"))
            try list.encode(Dictionary(uniqueKeysWithValues: tests.enumerated().map { (String($0.offset), $0.element) }))
            try list.encode(questions.map(\.metadata))
        }
    }
}

/// How a candidate fared on one test.
public struct TestOutcome: Sendable, Codable, Equatable {
    public var name: String
    public var verdict: Verdict
    public var cpuTimeSeconds: Double
    public var wallTimeSeconds: Double
    public var peakResidentBytes: Int
    /// A short reason: the violating syscall, the last line of a traceback, a harness message.
    public var detail: String?

    enum CodingKeys: String, CodingKey {
        case name, verdict, cpuTimeSeconds = "cpu_time_s", wallTimeSeconds = "wall_time_s"
        case peakResidentBytes = "peak_rss_bytes", detail
    }
}

/// How a candidate fared on a problem: its tests in order, stopping at the first failure unless
/// every test was asked for.
public struct CandidateOutcome: Sendable, Codable, Equatable {
    /// AC when every test passed; otherwise the verdict of the first failing test (NC, with no
    /// tests, when there was no code to run).
    public var verdict: Verdict
    public var tests: [TestOutcome]

    public var passed: Bool { verdict == .accepted }

    public init(tests: [TestOutcome]) {
        self.tests = tests
        verdict = tests.first { $0.verdict != .accepted }?.verdict ?? .accepted
    }

    /// The outcome of a candidate with no code: NC, and no test was run.
    public static let noCode: CandidateOutcome = {
        var outcome = CandidateOutcome(tests: [])
        outcome.verdict = .noCode
        return outcome
    }()

    /// Whether `code` holds nothing to run: empty, whitespace, or comments only (as when a
    /// model echoes the prompt's "```python\n# YOUR CODE HERE\n```" placeholder). When every
    /// line is blank or starts with `#`, no Python string literal can be open, so no line is a
    /// statement; the other languages' line comments start with `//` (and a C file of nothing but
    /// `#include` lines has no `main` either).
    public static func isNoCode(_ code: String, language: Language = .python) -> Bool {
        let hashComments = language == .python || language.id == "c" || language.id.hasPrefix("cpp")
        return code.split(whereSeparator: \.isNewline).allSatisfy { line in
            let text = line.drop { $0.isWhitespace }
            return text.isEmpty || (hashComments && text.first == "#") || (language != .python && text.hasPrefix("//"))
        }
    }
}

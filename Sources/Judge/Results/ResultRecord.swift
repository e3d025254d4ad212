/// One judged sample, as one line of a results file.
public struct ResultRecord: Sendable, Codable, Equatable {
    public var problemID: String
    public var checkpoint: String
    public var sampleIndex: Int
    public var verdict: Verdict
    public var passed: Bool
    public var tests: [TestOutcome]
    /// The code that was judged, so reports can show it.
    public var code: String
    /// The language it was judged as, when not Python (older files have none).
    public var language: String?

    public init(sample: Sample, outcome: CandidateOutcome) {
        problemID = sample.problemID
        checkpoint = sample.checkpoint
        sampleIndex = sample.index
        verdict = outcome.verdict
        passed = outcome.passed
        tests = outcome.tests
        code = sample.code
        language = sample.language == .python ? nil : sample.language.id
    }

    public var key: SampleKey { SampleKey(problemID: problemID, checkpoint: checkpoint, index: sampleIndex) }

    enum CodingKeys: String, CodingKey {
        case problemID = "problem_id", checkpoint, sampleIndex = "sample_index", verdict, passed, tests, code, language
    }
}

/// What a results file was produced with; shards with different manifests are not merged.
public struct ResultManifest: Sendable, Codable, Equatable {
    /// Proctor's harness version.
    public var harnessVersion: String
    /// SHA-256 over the problems' ids, limits and tests.
    public var problemsHash: String
    /// Time-limit factor and other judging settings that change verdicts.
    public var settings: [String: String]
    /// This shard, "i/N", or nil for a whole run.
    public var shard: String?

    enum CodingKeys: String, CodingKey {
        case harnessVersion = "harness_version", problemsHash = "problems_hash", settings, shard
    }

    public init(harnessVersion: String, problemsHash: String, settings: [String: String], shard: String?) {
        self.harnessVersion = harnessVersion
        self.problemsHash = problemsHash
        self.settings = settings
        self.shard = shard
    }

    /// Whether two manifests describe the same judging (shards aside).
    public func isCompatible(with other: ResultManifest) -> Bool {
        harnessVersion == other.harnessVersion && problemsHash == other.problemsHash && settings == other.settings
    }
}

/// Proctor's harness version, recorded in every manifest.
public let harnessVersion = "proctor-judge/1"

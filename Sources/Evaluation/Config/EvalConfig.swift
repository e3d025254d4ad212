import Foundation
import Samples

/// Everything `proctor eval` needs: the problems, the checkpoints and how they are sampled,
/// how samples are judged, optional text predictions, and the run directory. Read from one
/// JSON file (relative paths are taken from the file's folder) or assembled from flags.
public struct EvalConfig: Sendable, Equatable, Encodable {
    public var problems: ProblemSelection
    /// The first checkpoint is the baseline of every comparison.
    public var checkpoints: [CheckpointSpec]
    /// Samples per problem and checkpoint.
    public var samplesPerProblem: Int
    public var judge: JudgeLimits
    public var text: [TextPredictionSet]
    /// Each task's own checkpoint, for the report's interference table; nil: no table.
    public var interference: InterferenceSpec?
    /// The run directory.
    public var out: String?
    /// Threads for the model's matrix products.
    public var threads: Int
    /// KV cache size, tokens: prompt plus `max_tokens` must fit.
    public var contextSize: Int
    /// Samples decoded at once across problems (outputs do not depend on it; speed and memory do).
    public var parallel: Int

    public init(problems: ProblemSelection, checkpoints: [CheckpointSpec], samplesPerProblem: Int = 1,
                judge: JudgeLimits = JudgeLimits(), text: [TextPredictionSet] = [], interference: InterferenceSpec? = nil,
                out: String? = nil, threads: Int = ProcessInfo.processInfo.activeProcessorCount, contextSize: Int = 4096,
                parallel: Int = GenerationSettings.defaultParallelSequences) {
        self.problems = problems
        self.checkpoints = checkpoints
        self.samplesPerProblem = samplesPerProblem
        self.judge = judge
        self.text = text
        self.interference = interference
        self.out = out
        self.threads = threads
        self.contextSize = contextSize
        self.parallel = parallel
    }

    static let keys = ["problems", "checkpoints", "n", "judge", "text", "interference", "out", "threads", "context_size", "parallel"]

    enum CodingKeys: String, CodingKey {
        case problems, checkpoints, samplesPerProblem = "n", judge, text, interference, out, threads, contextSize = "context_size", parallel
    }

    /// Reads a configuration file.
    public static func load(_ path: String) throws -> EvalConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError("cannot read the configuration file", file: path)
        }
        let value: ConfigValue
        do {
            value = try JSONDecoder().decode(ConfigValue.self, from: data)
        } catch {
            throw EvaluationError("not valid JSON: \(error)", file: path)
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try EvalConfig(try ConfigObject(value, path: "", file: path), base: base)
    }

    init(_ object: ConfigObject, base: String) throws {
        try object.rejectUnknownKeys(Self.keys)
        guard let problemsObject = try object.object("problems") else {
            throw object.fail("problems", "missing (an object with at least \"path\")")
        }
        problems = try ProblemSelection(problemsObject, base: base)
        guard let entries = try object.objects("checkpoints"), !entries.isEmpty else {
            throw object.fail("checkpoints", "missing or empty (a list of {label, model, …})")
        }
        checkpoints = try entries.map { try CheckpointSpec($0, base: base) }
        samplesPerProblem = try object.integer("n") ?? 1
        judge = try object.object("judge").map(JudgeLimits.init) ?? JudgeLimits()
        text = try (object.objects("text") ?? []).map { try TextPredictionSet($0, base: base) }
        interference = try object.object("interference").map(InterferenceSpec.init)
        out = try object.string("out").map { EvalConfig.resolve($0, base: base) }
        threads = try object.integer("threads") ?? ProcessInfo.processInfo.activeProcessorCount
        contextSize = try object.integer("context_size") ?? 4096
        parallel = try object.integer("parallel") ?? GenerationSettings.defaultParallelSequences
        guard samplesPerProblem >= 1 else { throw object.fail("n", "must be at least 1") }
        guard threads >= 1 else { throw object.fail("threads", "must be at least 1") }
        guard contextSize >= 64 else { throw object.fail("context_size", "must be at least 64") }
        guard parallel >= 1 else { throw object.fail("parallel", "must be at least 1") }
        try validate(file: object.file)
    }

    /// Checks that hold across fields: unique labels, text predictions naming known checkpoints,
    /// interference tasks and own checkpoints that exist.
    public func validate(file: String? = nil) throws {
        var seen: Set<String> = []
        for (index, checkpoint) in checkpoints.enumerated() where !seen.insert(checkpoint.label).inserted {
            throw EvaluationError("label '\(checkpoint.label)' is used twice", file: file, field: "checkpoints[\(index)].label")
        }
        for (index, set) in text.enumerated() {
            for label in set.predictions.keys.sorted() where !seen.contains(label) {
                throw EvaluationError("'\(label)' is not a checkpoint label", file: file,
                                      field: "text[\(index)].predictions.\(label)")
            }
        }
        try interference?.validate(checkpoints: checkpoints, text: text, file: file)
    }

    /// The configuration as pretty JSON with absolute paths, as copied into the run directory.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// `path` made absolute against `base` (a configuration file's folder).
    static func resolve(_ path: String, base: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL.path }
        return URL(fileURLWithPath: base).appendingPathComponent(expanded).standardizedFileURL.path
    }
}

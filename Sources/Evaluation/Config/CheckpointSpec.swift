import Foundation
import Inference
import Judge
import Samples

/// One checkpoint of an evaluation: what generates its samples and how. Everything that
/// decides a checkpoint's samples lives here, so adapters and other backends extend this one
/// struct (and `RunManifest` compares it field by field to guard a resumed run).
public struct CheckpointSpec: Sendable, Equatable, Encodable {
    /// The name shown in reports and used for `samples/<label>.jsonl`; letters, digits, `.`, `_`, `-`.
    public var label: String
    /// The base model: a GGUF file or a Hugging Face folder (a catalog name in the configuration
    /// is read as its cached file).
    public var model: String
    /// LoRA adapter folders applied to the model; one is applied (more are refused at run time).
    public var adapters: [String]
    /// Instead of `adapters`: adapters merged into `merges/<label>/` by the run, then applied.
    public var merge: MergeSpec?
    /// 0 is greedy decoding.
    public var temperature: Float
    /// Nucleus threshold; 1 keeps every token.
    public var topP: Float
    /// Keep the k most likely tokens; 0 keeps all.
    public var topK: Int
    /// Most tokens generated per sample.
    public var maxTokens: Int
    /// Base seed; each (problem, sample index) derives its own from it.
    public var seed: UInt64
    /// How problems are put to the model: auto (chat prompts when it has a chat template), chat or raw.
    public var promptStyle: PromptStyle
    /// How code is taken from each output at generation time.
    public var extractor: CodeExtractor
    /// The language stdin problems are asked in; nil is Python (and is left out of the manifest,
    /// so runs made before languages existed still resume).
    public var language: Language?
    /// When the checkpoint's training data ends, `YYYY-MM-DD`: problems released after it are
    /// reported apart, as the ones it cannot have seen. Not part of what makes its samples.
    public var trainedUntil: String?

    public init(label: String, model: String, adapters: [String] = [], merge: MergeSpec? = nil, temperature: Float = 0,
                topP: Float = 1, topK: Int = 0, maxTokens: Int = 512, seed: UInt64 = 0, promptStyle: PromptStyle = .auto,
                extractor: CodeExtractor = .auto) {
        self.label = label
        self.model = model
        self.adapters = adapters
        self.merge = merge
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.maxTokens = maxTokens
        self.seed = seed
        self.promptStyle = promptStyle
        self.extractor = extractor
    }

    /// The settings `SampleGenerator` draws this checkpoint's samples with.
    public func generationSettings(samplesPerProblem: Int,
                                   parallel: Int = GenerationSettings.defaultParallelSequences) -> GenerationSettings {
        GenerationSettings(samplesPerProblem: samplesPerProblem, maxTokens: maxTokens,
                           sampling: SamplingParameters(temperature: temperature, topK: topK, topP: topP, seed: seed),
                           checkpoint: label, promptStyle: promptStyle, extractor: extractor, parallelSequences: parallel,
                           language: language ?? .python)
    }

    /// The configuration's keys.
    static let keys = ["label", "model", "adapter", "merge", "temperature", "top_p", "top_k", "max_tokens", "seed",
                       "prompt_style", "extractor", "language", "trained_until"]

    enum CodingKeys: String, CodingKey {
        case label, model, adapters = "adapter", merge, temperature, topP = "top_p", topK = "top_k", maxTokens = "max_tokens", seed
        case promptStyle = "prompt_style", extractor, language
    }

    /// Reads one entry of `checkpoints`; relative paths are taken from `base`.
    init(_ object: ConfigObject, base: String) throws {
        try object.rejectUnknownKeys(Self.keys)
        label = try object.requiredString("label")
        guard !label.isEmpty, label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }),
              !label.hasPrefix(".") else {
            throw object.fail("label", "'\(label)' must be letters, digits, '.', '_' or '-' (it names files), not starting with '.'")
        }
        model = try Self.modelPath(try object.requiredString("model"), base: base, object)
        adapters = (try object.strings("adapter") ?? []).map { EvalConfig.resolve($0, base: base) }
        merge = try object.object("merge").map { try MergeSpec($0, base: base) }
        guard merge == nil || adapters.isEmpty else {
            throw object.fail("merge", "give either \"adapter\" (one adapter folder) or \"merge\" (adapters merged by the run), not both")
        }
        temperature = Float(try object.number("temperature") ?? 0)
        topP = Float(try object.number("top_p") ?? 1)
        topK = try object.integer("top_k") ?? 0
        maxTokens = try object.integer("max_tokens") ?? 512
        let seedValue = try object.integer("seed") ?? 0
        guard temperature >= 0 else { throw object.fail("temperature", "must not be negative") }
        guard topP > 0, topP <= 1 else { throw object.fail("top_p", "must be in (0, 1]") }
        guard topK >= 0 else { throw object.fail("top_k", "must not be negative") }
        guard maxTokens >= 1 else { throw object.fail("max_tokens", "must be at least 1") }
        guard seedValue >= 0 else { throw object.fail("seed", "must not be negative") }
        seed = UInt64(seedValue)
        if let date = try object.string("trained_until") {
            guard Problem.isDate(date) else { throw object.fail("trained_until", "'\(date)' is not a date written YYYY-MM-DD") }
            trainedUntil = date
        }
        if let name = try object.string("language") {
            guard let named = Language.named(name) else {
                throw object.fail("language", "'\(name)' is not one of: " + Language.all.map(\.id).joined(separator: ", "))
            }
            language = named == .python ? nil : named
        }
        let style = try object.string("prompt_style") ?? PromptStyle.auto.rawValue
        guard let promptStyle = PromptStyle(rawValue: style) else {
            throw object.fail("prompt_style", "'\(style)' is not one of: " + PromptStyle.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self.promptStyle = promptStyle
        let extractorName = try object.string("extractor") ?? CodeExtractor.auto.rawValue
        guard let extractor = CodeExtractor(rawValue: extractorName) else {
            throw object.fail("extractor", "'\(extractorName)' is not one of: "
                + CodeExtractor.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self.extractor = extractor
    }
}

extension CheckpointSpec {
    /// The model file `named` stands for: a path taken from `base`, or, when no such file or
    /// folder exists and it is a catalog name, the catalog model's cached file (an error says
    /// to fetch it when it is not).
    static func modelPath(_ named: String, base: String, _ object: ConfigObject) throws -> String {
        let path = EvalConfig.resolve(named, base: base)
        guard !FileManager.default.fileExists(atPath: path), ModelCatalog.model(named: named) != nil else { return path }
        do {
            return try ModelCatalog.locate(named)
        } catch let error as EvaluationError {
            throw object.fail("model", error.message)
        }
    }

    /// Reads a checkpoint written as a flag, `label=base,model=m.gguf,temperature=0.2,top_p=0.95`,
    /// with the configuration file's keys; relative paths are taken from the current folder.
    public init(flag: String) throws {
        var values: [String: ConfigValue] = [:]
        for part in flag.split(separator: ",", omittingEmptySubsequences: true) {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, !pair[0].isEmpty else {
                throw EvaluationError("'\(part)' is not key=value", field: "--checkpoint")
            }
            guard pair[0] != "merge" else {
                throw EvaluationError("a merge checkpoint is given in a --config file (its options do not fit a flag)",
                                      field: "--checkpoint.merge")
            }
            let textual = ["label", "model", "adapter", "prompt_style", "extractor"].contains(pair[0])
            values[pair[0]] = textual ? .string(pair[1]) : (Double(pair[1]).map(ConfigValue.number) ?? .string(pair[1]))
        }
        try self.init(ConfigObject(.object(values), path: "--checkpoint", file: nil),
                      base: FileManager.default.currentDirectoryPath)
    }
}

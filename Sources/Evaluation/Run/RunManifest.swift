import Foundation
import Judge
import Sandbox

/// What an evaluation run was made from, written to `manifest.json`: the files' hashes, the
/// problem set's hash, every sampling and judging setting, the harness version, the sandbox
/// protections the kernel offered, and the times. A resumed run is compared against it so that
/// samples and results made under other settings are never mixed.
public struct RunManifest: Sendable, Codable {
    /// One checkpoint as it was sampled.
    public struct Checkpoint: Sendable, Codable, Equatable {
        public var label: String
        public var model: String
        /// SHA-256 of the model file (or folder).
        public var modelSHA256: String
        public var adapters: [HashedFile]
        /// The merge that made the checkpoint's adapter, nil for none.
        public var merge: Merge?
        public var temperature: Float
        public var topP: Float
        public var topK: Int
        public var maxTokens: Int
        public var seed: UInt64
        /// The prompt style asked for (auto, chat, raw); nil in manifests made before it was recorded.
        public var promptStyle: String?
        /// The wording of every prompt format the style may use.
        public var prompts: [PromptFormatRecord]?
        /// The extractor that made each sample's code; nil before it was recorded (last-fence then).
        public var extractor: String?

        enum CodingKeys: String, CodingKey {
            case label, model, modelSHA256 = "model_sha256", adapters, merge, temperature, topP = "top_p", topK = "top_k"
            case maxTokens = "max_tokens", seed, promptStyle = "prompt_style", prompts, extractor
        }

        /// Why samples of `old` cannot be continued under `self`'s prompt style and extractor, as
        /// (key, sentence), or nil. A manifest from before they were recorded was sampled with
        /// LiveCodeBench's prompt for chat models and plain text otherwise — what `livecodebench`
        /// still gives stdin and call-based problems, but not function problems — and extracted
        /// with last-fence.
        func promptDifference(from old: Checkpoint, hasFunctionProblems: Bool) -> (key: String, message: String)? {
            let oldExtractor = old.extractor ?? CodeExtractor.lastFence.rawValue
            if let extractor, extractor != oldExtractor {
                return ("extractor", "'\(label)' was extracted with \(oldExtractor)"
                    + (old.extractor == nil ? " (before extractors were recorded)" : "") + ", now \(extractor)")
            }
            guard let oldStyle = old.promptStyle else {
                guard promptStyle == PromptStyle.livecodebench.rawValue && !hasFunctionProblems else {
                    return ("prompt_style", "'\(label)' was sampled before prompt styles were recorded (LiveCodeBench's "
                        + "prompt, HumanEval prompts completed without stop strings: prompt_style livecodebench continues "
                        + "it where it has no function problems); now \(promptStyle ?? "unset")")
                }
                return nil
            }
            if let promptStyle, promptStyle != oldStyle {
                return ("prompt_style", "'\(label)' was sampled with prompt style \(oldStyle), now \(promptStyle)")
            }
            if let oldPrompts = old.prompts, let prompts, oldPrompts != prompts {
                return ("prompt_style", "'\(label)' was sampled with other prompt wording (this Proctor's "
                    + "\(promptStyle ?? oldStyle) prompts differ from the manifest's)")
            }
            return nil
        }
    }

    /// A merge checkpoint's inputs (hashed) and settings: what decides `merges/<label>/`.
    public struct Merge: Sendable, Codable, Equatable {
        public var adapters: [HashedFile]
        public var method: String
        public var weights: [Double]?
        public var density: Double?
        public var majoritySign: String
        public var svdRank: Int?
        public var svdClamp: Double?
        public var seed: UInt64
        public var dtype: String

        enum CodingKeys: String, CodingKey {
            case adapters, method, weights, density, majoritySign = "majority_sign", svdRank = "svd_rank"
            case svdClamp = "svd_clamp", seed, dtype
        }

        /// The record of `spec` with its adapters' hashes.
        init(_ spec: MergeSpec, hashes: [String]) {
            adapters = zip(spec.adapters, hashes).map { HashedFile(path: $0, sha256: $1) }
            method = spec.options.method.rawValue
            weights = spec.options.weights
            density = spec.options.density
            majoritySign = spec.options.majoritySign.rawValue
            svdRank = spec.options.svdRank
            svdClamp = spec.options.svdClamp
            seed = spec.options.seed
            dtype = spec.elementType.optionName
        }

        /// The first setting in which `self` differs from `old`, as (key, before, now).
        func difference(from old: Merge) -> (key: String, before: String, now: String)? {
            func text<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "unset" }
            let settings: [(String, String, String)] = [
                ("method", old.method, method), ("weights", text(old.weights), text(weights)),
                ("density", text(old.density), text(density)), ("majority_sign", old.majoritySign, majoritySign),
                ("svd_rank", text(old.svdRank), text(svdRank)), ("svd_clamp", text(old.svdClamp), text(svdClamp)),
                ("seed", "\(old.seed)", "\(seed)"), ("dtype", old.dtype, dtype),
            ]
            return settings.first { $0.1 != $0.2 }.map { (key: $0.0, before: $0.1, now: $0.2) }
        }
    }

    /// A file and its SHA-256.
    public struct HashedFile: Sendable, Codable, Equatable {
        public var path: String
        public var sha256: String
    }

    public var harnessVersion: String
    public var problemsPath: String
    /// The judge's hash over the selected problems' ids, limits, checkers and tests.
    public var problemsHash: String
    public var problemCount: Int
    public var samplesPerProblem: Int
    public var checkpoints: [Checkpoint]
    /// The judging settings that change verdicts (as in a results file's manifest).
    public var judgeSettings: [String: String]
    /// The interpreter that ran candidates.
    public var python: String
    /// What the kernel offered the sandbox on this machine.
    public var sandbox: HostSupport
    /// Text prediction files scored with the code, with their hashes.
    public var textPredictions: [HashedFile]
    /// ISO 8601, UTC.
    public var startedAt: String
    /// Set when the report has been written.
    public var finishedAt: String?

    enum CodingKeys: String, CodingKey {
        case harnessVersion = "harness_version", problemsPath = "problems_path", problemsHash = "problems_hash"
        case problemCount = "problem_count", samplesPerProblem = "n", checkpoints, judgeSettings = "judge_settings"
        case python, sandbox, textPredictions = "text_predictions", startedAt = "started_at", finishedAt = "finished_at"
    }

    /// The first difference that makes `previous` work unusable for this manifest, as the
    /// configuration field to blame and a sentence; nil when the run can continue. A changed
    /// `n`, new checkpoints, dropped checkpoints and other worker counts are fine.
    /// `hasFunctionProblems` says the problem set holds HumanEval-style problems, whose prompts
    /// changed when prompt styles began to be recorded.
    public func conflict(with previous: RunManifest, hasFunctionProblems: Bool = false) -> (field: String, message: String)? {
        if previous.harnessVersion != harnessVersion {
            return ("harness version", "the run was made by \(previous.harnessVersion), this is \(harnessVersion)")
        }
        if previous.problemsHash != problemsHash {
            return ("problems", "the selected problems differ from the run's (\(previous.problemCount) problems from "
                + "\(previous.problemsPath), hash \(previous.problemsHash); now \(problemCount) from \(problemsPath), "
                + "hash \(problemsHash)): path, ids, difficulty, limit or the problems' files changed")
        }
        for key in Set(previous.judgeSettings.keys).union(judgeSettings.keys).sorted()
        where previous.judgeSettings[key] != judgeSettings[key] {
            return ("judge.\(key)", "was \(previous.judgeSettings[key] ?? "unset"), now \(judgeSettings[key] ?? "unset")")
        }
        if previous.python != python { return ("judge.python", "was \(previous.python), now \(python)") }
        for (index, checkpoint) in checkpoints.enumerated() {
            guard let old = previous.checkpoints.first(where: { $0.label == checkpoint.label }) else { continue }
            let field = "checkpoints[\(index)]"
            if old.modelSHA256 != checkpoint.modelSHA256 {
                return ("\(field).model", "'\(checkpoint.label)' was sampled from \(old.model) (sha256 "
                    + "\(old.modelSHA256.prefix(12))…); \(checkpoint.model) is another file (sha256 "
                    + "\(checkpoint.modelSHA256.prefix(12))…)")
            }
            if old.adapters.map(\.sha256) != checkpoint.adapters.map(\.sha256) {
                return ("\(field).adapter", "'\(checkpoint.label)' was sampled with other adapters")
            }
            switch (old.merge, checkpoint.merge) {
            case (nil, nil): break
            case (nil, .some):
                return ("\(field).merge", "'\(checkpoint.label)' was sampled without a merge, now with one")
            case (.some, nil):
                return ("\(field).merge", "'\(checkpoint.label)' was sampled with a merged adapter, now without")
            case let (.some(before), .some(now)):
                if before.adapters.map(\.sha256) != now.adapters.map(\.sha256) {
                    return ("\(field).merge.adapters", "'\(checkpoint.label)' was merged from other adapters ("
                        + before.adapters.map { "\(($0.path as NSString).lastPathComponent) \($0.sha256.prefix(12))…" }
                            .joined(separator: ", ") + ")")
                }
                if let change = now.difference(from: before) {
                    return ("\(field).merge.\(change.key)",
                            "'\(checkpoint.label)' was merged with \(change.key) \(change.before), now \(change.now)")
                }
            }
            let settings: [(String, String, String)] = [
                ("temperature", "\(old.temperature)", "\(checkpoint.temperature)"),
                ("top_p", "\(old.topP)", "\(checkpoint.topP)"), ("top_k", "\(old.topK)", "\(checkpoint.topK)"),
                ("max_tokens", "\(old.maxTokens)", "\(checkpoint.maxTokens)"), ("seed", "\(old.seed)", "\(checkpoint.seed)"),
            ]
            for (name, before, now) in settings where before != now {
                return ("\(field).\(name)", "'\(checkpoint.label)' was sampled with \(name) \(before), now \(now)")
            }
            if let (key, message) = checkpoint.promptDifference(from: old, hasFunctionProblems: hasFunctionProblems) {
                return ("\(field).\(key)", message)
            }
        }
        return nil
    }

    /// Reads a manifest; nil when there is none.
    static func read(_ path: String) throws -> RunManifest? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(RunManifest.self, from: data)
        } catch {
            throw EvaluationError("not a run manifest (\(error)); remove the run directory or use --force-restart", file: path)
        }
    }

    func write(_ path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Now, as ISO 8601 UTC.
    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}

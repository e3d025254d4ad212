import Foundation

/// A PEFT LoRA adapter's `adapter_config.json`: which modules are adapted, at which rank and
/// scale. Features this module does not implement (DoRA, LoRA biases, other PEFT types,
/// targeting parameters) are refused when parsing, never silently ignored.
public struct LoRAConfig: Sendable {
    /// The adapter directory the config was read from (for messages).
    public let directory: String
    /// Default rank `r`.
    public let rank: Int
    /// Default `lora_alpha`.
    public let alpha: Double
    /// The adapted modules.
    public let targetModules: TargetModules
    /// Modules never adapted (`exclude_modules`), same forms as `targetModules`.
    public let excludeModules: TargetModules?
    /// rsLoRA: scale alpha/√r instead of alpha/r.
    public let useRSLoRA: Bool
    /// The base stores the adapted weights as [in, out] (GPT-2's Conv1D); A and B keep LoRA's layout.
    public let fanInFanOut: Bool
    /// Per-module ranks, by module-name pattern.
    public let rankPattern: [String: Int]
    /// Per-module alphas, by module-name pattern.
    public let alphaPattern: [String: Double]
    /// Only these layer indices are adapted (list targets only), or all when `nil`.
    public let layersToTransform: [Int]?
    /// The name(s) of the layer list (`layers`, `h`), used with `layersToTransform`.
    public let layersPattern: [String]?
    /// Modules trained in full and stored whole in the adapter (e.g. `lm_head`).
    public let modulesToSave: [String]
    /// The base model the adapter was trained on, as recorded.
    public let baseModelNameOrPath: String?
    /// `bias`: only `none` is supported.
    public let bias: String
    /// The parsed JSON object, kept so a merged adapter can carry the first adapter's other fields as PEFT does.
    let rawJSON: Data

    /// The config's file name in an adapter directory.
    public static let fileName = "adapter_config.json"

    /// Reads `directory/adapter_config.json`.
    public init(directory: String) throws {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(Self.fileName).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AdapterError.missingFile(directory: directory, file: Self.fileName)
        }
        try self.init(json: data, directory: directory)
    }

    /// Parses config JSON; `directory` names the adapter in errors.
    public init(json: Data, directory: String) throws {
        func invalid(_ field: String, _ reason: String) -> AdapterError {
            .invalidConfig(directory: directory, field: field, reason: reason)
        }
        func unsupported(_ field: String, _ reason: String) -> AdapterError {
            .unsupportedFeature(directory: directory, field: field, reason: reason)
        }
        guard let object = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] else {
            throw invalid("(file)", "not a JSON object")
        }
        self.directory = directory
        rawJSON = json

        let peftType = object["peft_type"] as? String
        guard peftType == "LORA" else {
            throw unsupported("peft_type", "'\(peftType ?? "missing")' is not LORA; only LoRA adapters are supported")
        }
        if object["use_dora"] as? Bool == true {
            throw unsupported("use_dora", "DoRA adapters (magnitude vectors) are not supported; only plain LoRA")
        }
        if object["lora_bias"] as? Bool == true {
            throw unsupported("lora_bias", "LoRA biases on B are not supported")
        }
        if let parameters = object["target_parameters"], !(parameters is NSNull) {
            throw unsupported("target_parameters", "adapters on bare parameters are not supported")
        }

        guard let rank = Self.integer(object["r"]), rank > 0 else { throw invalid("r", "must be a positive integer") }
        self.rank = rank
        guard let alpha = Self.number(object["lora_alpha"]) else { throw invalid("lora_alpha", "must be a number") }
        self.alpha = alpha

        guard let targetModules = try Self.targets(object["target_modules"], field: "target_modules", invalid: invalid) else {
            throw invalid("target_modules", "missing or empty; the adapted modules must be named")
        }
        self.targetModules = targetModules
        excludeModules = try Self.targets(object["exclude_modules"], field: "exclude_modules", invalid: invalid)
        useRSLoRA = object["use_rslora"] as? Bool ?? false
        fanInFanOut = object["fan_in_fan_out"] as? Bool ?? false

        var rankPattern: [String: Int] = [:]
        for (key, value) in object["rank_pattern"] as? [String: Any] ?? [:] {
            guard let rank = Self.integer(value), rank > 0 else { throw invalid("rank_pattern.\(key)", "must be a positive integer") }
            guard RegexMatch.isValid(key) else { throw invalid("rank_pattern.\(key)", "is not a valid regular expression") }
            rankPattern[key] = rank
        }
        self.rankPattern = rankPattern
        var alphaPattern: [String: Double] = [:]
        for (key, value) in object["alpha_pattern"] as? [String: Any] ?? [:] {
            guard let alpha = Self.number(value) else { throw invalid("alpha_pattern.\(key)", "must be a number") }
            guard RegexMatch.isValid(key) else { throw invalid("alpha_pattern.\(key)", "is not a valid regular expression") }
            alphaPattern[key] = alpha
        }
        self.alphaPattern = alphaPattern

        switch object["layers_to_transform"] {
        case nil, is NSNull: layersToTransform = nil
        case let list as [Any]:
            let layers = list.compactMap(Self.integer)
            guard layers.count == list.count else { throw invalid("layers_to_transform", "must hold integers") }
            layersToTransform = layers.isEmpty ? nil : layers
        case let value:
            guard let layer = Self.integer(value) else { throw invalid("layers_to_transform", "must be an integer or a list") }
            layersToTransform = [layer]
        }
        switch object["layers_pattern"] {
        case nil, is NSNull: layersPattern = nil
        case let name as String: layersPattern = name.isEmpty ? nil : [name]
        case let list as [String]: layersPattern = list.isEmpty ? nil : list
        default: throw invalid("layers_pattern", "must be a string or a list of strings")
        }
        switch object["modules_to_save"] {
        case nil, is NSNull: modulesToSave = []
        case let list as [String]: modulesToSave = list
        default: throw invalid("modules_to_save", "must be a list of module names")
        }
        baseModelNameOrPath = object["base_model_name_or_path"] as? String
        bias = object["bias"] as? String ?? "none"
        guard bias == "none" else {
            throw unsupported("bias", "'\(bias)' trains the base's biases; only 'none' is supported")
        }
    }

    /// Whether PEFT would put a LoRA on the module at `path`
    /// (exclusions, `modules_to_save`, targets, then the layer filter, in PEFT's order).
    public func adapts(module path: String) -> Bool {
        if let excludeModules, excludeModules.matches(path) { return false }
        for saved in modulesToSave where RegexMatch.firstMatch("(^|.*\\.)\(saved)($|\\..*)", path) != nil {
            return false
        }
        guard targetModules.matches(path) else { return false }
        guard case .names = targetModules, let layersToTransform else { return true }
        guard let layer = layerIndex(of: path) else { return false }
        return layersToTransform.contains(layer)
    }

    /// The layer index in `path` as PEFT finds it: after one of `layersPattern`, or the first
    /// numbered segment that follows another segment.
    public func layerIndex(of path: String) -> Int? {
        let patterns: [String]
        if let layersPattern {
            patterns = layersPattern.map { name in "(?:^|.*?\\.)\(name)\\.(\\d+)\\." }
        } else {
            patterns = [".*?\\.[^.]*\\.(\\d+)\\."]
        }
        for pattern in patterns {
            if let groups = RegexMatch.firstMatch(pattern, path), let digits = groups.last ?? nil, let index = Int(digits) {
                return index
            }
        }
        return nil
    }

    /// The rank of the module at `path`: its `rank_pattern` entry, else `r`.
    public func rank(of path: String) throws -> Int {
        try patternValue(rankPattern, path, field: "rank_pattern") ?? rank
    }

    /// The alpha of the module at `path`: its `alpha_pattern` entry, else `lora_alpha`.
    public func alpha(of path: String) throws -> Double {
        try patternValue(alphaPattern, path, field: "alpha_pattern") ?? alpha
    }

    /// The factor of B·A for the module at `path`: alpha/r, or alpha/√r with rsLoRA.
    public func scale(of path: String) throws -> Double {
        let rank = Double(try rank(of: path))
        return try alpha(of: path) / (useRSLoRA ? rank.squareRoot() : rank)
    }

    /// The largest rank any module has (what PEFT allocates for a merge).
    public var largestRank: Int { max(rank, rankPattern.values.max() ?? rank) }

    /// The value of the pattern key matching `path` as a whole or as a dotted suffix
    /// (PEFT's `get_pattern_key`). PEFT takes the first key in file order; JSON objects are
    /// unordered here, so keys that match the same module with different values are refused.
    private func patternValue<Value: Equatable>(_ pattern: [String: Value], _ path: String, field: String) throws -> Value? {
        let matching = pattern.filter { RegexMatch.firstMatch("(.*\\.)?(\($0.key))$", path) != nil }
        guard let first = matching.first else { return nil }
        if matching.contains(where: { $0.value != first.value }) {
            throw AdapterError.invalidConfig(
                directory: directory, field: field,
                reason: "keys \(matching.keys.sorted()) all match module '\(path)' with different values")
        }
        return first.value
    }

    private static func targets(
        _ value: Any?, field: String, invalid: (String, String) -> AdapterError
    ) throws -> TargetModules? {
        switch value {
        case nil, is NSNull: return nil
        case let pattern as String:
            guard RegexMatch.isValid(pattern) else { throw invalid(field, "'\(pattern)' is not a valid regular expression") }
            return .pattern(pattern)
        case let names as [String]: return names.isEmpty ? nil : .names(names)
        default: throw invalid(field, "must be a list of module names or a regex string")
        }
    }

    private static func integer(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber else { return nil }
        let double = number.doubleValue
        return double == double.rounded() ? Int(double) : nil
    }

    private static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }
}

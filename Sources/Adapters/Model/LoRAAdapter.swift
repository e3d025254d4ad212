import Foundation
import Inference

/// A PEFT LoRA adapter: its config and one `LoRAPair` per adapted module, keyed by the
/// module's path in the base model (`model.layers.0.self_attn.q_proj`).
public struct LoRAAdapter: Sendable {
    /// The config (ranks, alphas, targets).
    public let config: LoRAConfig
    /// The adapted modules' pairs, by module path.
    public let pairs: [String: LoRAPair]
    /// Tensors of modules trained in full (`modules_to_save`), by their key; loaded, not merged.
    public let savedModuleTensors: [String]

    /// The weights file PEFT writes.
    public static let weightsFileName = "adapter_model.safetensors"
    /// The pickled weights file older PEFT versions write; refused.
    public static let pickleFileName = "adapter_model.bin"
    /// The prefix PEFT puts before a module path in a tensor key.
    public static let keyPrefix = "base_model.model."

    /// An adapter from parts (a merge's result); `pairs` must match `config`'s ranks.
    public init(config: LoRAConfig, pairs: [String: LoRAPair]) {
        self.config = config
        self.pairs = pairs
        savedModuleTensors = []
    }

    /// Loads the adapter directory: `adapter_config.json` and `adapter_model.safetensors`.
    /// Keys may carry the adapter name (`…q_proj.lora_A.default.weight`) or not.
    public init(directory: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AdapterError.notADirectory(path: directory, isFile: FileManager.default.fileExists(atPath: directory))
        }
        let config = try LoRAConfig(directory: directory)
        let folder = URL(fileURLWithPath: directory)
        let weightsPath = folder.appendingPathComponent(Self.weightsFileName).path
        guard FileManager.default.fileExists(atPath: weightsPath) else {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(Self.pickleFileName).path) {
                throw AdapterError.pickleWeights(directory: directory)
            }
            throw AdapterError.missingFile(directory: directory, file: Self.weightsFileName)
        }
        let file: SafetensorsFile
        do {
            file = try SafetensorsFile(path: weightsPath)
        } catch {
            throw AdapterError.invalidTensor(directory: directory, tensor: "(header)", reason: "\(error)")
        }
        try self.init(config: config, file: file, directory: directory)
    }

    private init(config: LoRAConfig, file: SafetensorsFile, directory: String) throws {
        func invalid(_ tensor: String, _ reason: String) -> AdapterError {
            .invalidTensor(directory: directory, tensor: tensor, reason: reason)
        }
        var aTensors: [String: SafetensorsTensorInfo] = [:]
        var bTensors: [String: SafetensorsTensorInfo] = [:]
        var saved: [String] = []
        for tensor in file.tensors {
            let key = tensor.name
            let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if parts.contains(where: { $0.hasPrefix("lora_embedding_") }) {
                throw invalid(key, "LoRA on embeddings is not supported; only Linear projections")
            }
            if parts.contains("lora_magnitude_vector") {
                throw invalid(key, "a DoRA magnitude vector; DoRA adapters are not supported")
            }
            guard let role = parts.lastIndex(where: { $0 == "lora_A" || $0 == "lora_B" }) else {
                if config.modulesToSave.contains(where: { key.contains(".\($0).") }) {
                    saved.append(key)
                    continue
                }
                throw invalid(key, "neither a lora_A/lora_B weight nor a modules_to_save tensor")
            }
            let suffix = parts[(role + 1)...]
            guard suffix.last == "weight", suffix.count == 1 || suffix.count == 2 else {
                throw invalid(key, "expected '<module>.\(parts[role]).weight' or '<module>.\(parts[role]).<adapter name>.weight'")
            }
            var module = parts[..<role].joined(separator: ".")
            guard module.hasPrefix(Self.keyPrefix) else { throw invalid(key, "does not start with '\(Self.keyPrefix)'") }
            module.removeFirst(Self.keyPrefix.count)
            guard tensor.shape.count == 2 else {
                throw invalid(key, "has shape \(tensor.shape); only 2-D (Linear) LoRA weights are supported")
            }
            guard tensor.dtype.ggmlType != nil else { throw invalid(key, "dtype \(tensor.dtype.rawValue) is not F32, F16 or BF16") }
            if parts[role] == "lora_A" {
                guard aTensors.updateValue(tensor, forKey: module) == nil else {
                    throw invalid(key, "a second lora_A for module '\(module)' (keys with several adapter names?)")
                }
            } else {
                guard bTensors.updateValue(tensor, forKey: module) == nil else {
                    throw invalid(key, "a second lora_B for module '\(module)' (keys with several adapter names?)")
                }
            }
        }
        var pairs: [String: LoRAPair] = [:]
        for (module, aInfo) in aTensors {
            guard let bInfo = bTensors[module] else { throw invalid(aInfo.name, "has no matching lora_B") }
            guard config.adapts(module: module) else {
                throw AdapterError.baseMismatch(
                    directory: directory, module: module,
                    reason: "has LoRA tensors, but target_modules (with layers_to_transform, exclude_modules) does not select it")
            }
            let rank = try config.rank(of: module)
            guard aInfo.shape[0] == rank, bInfo.shape[1] == rank else {
                throw invalid(aInfo.name, "lora_A \(aInfo.shape) and lora_B \(bInfo.shape) do not have the config's rank \(rank) for this module")
            }
            let a = DenseMatrix(rows: aInfo.shape[0], columns: aInfo.shape[1], values: try file.floats(of: aInfo))
            let b = DenseMatrix(rows: bInfo.shape[0], columns: bInfo.shape[1], values: try file.floats(of: bInfo))
            pairs[module] = LoRAPair(a: a, b: b, scale: Float(try config.scale(of: module)))
        }
        if let orphan = bTensors.keys.first(where: { aTensors[$0] == nil }) {
            throw invalid(bTensors[orphan]!.name, "has no matching lora_A")
        }
        guard !pairs.isEmpty else { throw invalid("(all)", "the file holds no lora_A/lora_B pair") }
        self.config = config
        self.pairs = pairs
        savedModuleTensors = saved.sorted()
    }

    /// The adapted modules' paths, sorted.
    public var modulePaths: [String] { pairs.keys.sorted() }
}

import Foundation

/// A Hugging Face model folder: `config.json`, the weights (`model.safetensors` or shards with
/// `model.safetensors.index.json`) and, for generation, `tokenizer.json` with optional
/// `tokenizer_config.json` and `generation_config.json`.
struct HuggingFaceModelDirectory {
    let path: String
    let config: HuggingFaceConfig
    let checkpoint: SafetensorsCheckpoint

    /// Whether `path` is a folder holding a `config.json`.
    static func isModelDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            && FileManager.default.fileExists(atPath: file(HuggingFaceConfig.fileName, in: path))
    }

    /// The path of `name` inside the folder `directory`.
    static func file(_ name: String, in directory: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(name).path
    }

    /// Opens the folder: parses `config.json` and maps the weights.
    init(path: String) throws {
        self.path = path
        config = try HuggingFaceConfig(path: Self.file(HuggingFaceConfig.fileName, in: path))
        checkpoint = try SafetensorsCheckpoint(path: path)
    }

    /// The model, its weights checked against the configuration. The KV cache is kept in
    /// single precision, as transformers keeps it.
    func transformer(capacity: Int, threads: Int, batchCapacity: Int = 64) throws -> Transformer {
        let weights = try ModelWeights(checkpoint: checkpoint, config: config)
        return Transformer(config: config.model, weights: weights, capacity: capacity, threads: threads,
                           batchCapacity: batchCapacity, singlePrecisionCache: true)
    }
}

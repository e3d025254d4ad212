import Foundation

/// A Hugging Face checkpoint's tensors: one `model.safetensors`, or shards listed by
/// `model.safetensors.index.json` (`{"weight_map": {tensor name: shard file name}}`).
///
/// Every shard is mapped once and every tensor resolved to its shard when opening, so a
/// missing shard or a tensor absent from its shard fails here, not mid-load.
public final class SafetensorsCheckpoint: @unchecked Sendable {
    /// The folder holding the checkpoint's files.
    public let directory: String
    /// The index's path, or `nil` for a single-file checkpoint.
    public let indexPath: String?
    /// The mapped files, in shard-name order.
    public let shards: [SafetensorsFile]
    /// Every tensor's name, sorted.
    public let tensorNames: [String]

    private let shardOfTensor: [String: Int]

    /// The index file transformers writes next to sharded weights.
    public static let indexFileName = "model.safetensors.index.json"
    /// The weights file of an unsharded checkpoint.
    public static let singleFileName = "model.safetensors"

    /// Opens the checkpoint at `path`: a directory (index preferred, else `model.safetensors`),
    /// an index file, or one `.safetensors` file.
    public init(path: String) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let url = URL(fileURLWithPath: path)
        if exists && isDirectory.boolValue {
            directory = path
            let index = url.appendingPathComponent(Self.indexFileName).path
            if FileManager.default.fileExists(atPath: index) {
                indexPath = index
            } else if FileManager.default.fileExists(atPath: url.appendingPathComponent(Self.singleFileName).path) {
                indexPath = nil
            } else {
                throw InferenceError.noSafetensorsCheckpoint(directory: path)
            }
        } else {
            directory = url.deletingLastPathComponent().path
            indexPath = path.hasSuffix(".json") ? path : nil
        }

        if let indexPath {
            let weightMap = try Self.weightMap(indexPath: indexPath)
            let shardNames = Set(weightMap.values).sorted()
            var shards: [SafetensorsFile] = []
            for shardName in shardNames {
                let shardPath = URL(fileURLWithPath: directory).appendingPathComponent(shardName).path
                guard FileManager.default.fileExists(atPath: shardPath) else {
                    let tensor = weightMap.filter { $0.value == shardName }.keys.min()!
                    throw InferenceError.missingShard(index: indexPath, shard: shardName, tensor: tensor)
                }
                shards.append(try SafetensorsFile(path: shardPath))
            }
            var shardOfTensor: [String: Int] = [:]
            for (tensor, shardName) in weightMap {
                let shard = shardNames.firstIndex(of: shardName)!
                guard shards[shard].tensorInfo(named: tensor) != nil else {
                    throw InferenceError.tensorNotInShard(index: indexPath, tensor: tensor, shard: shardName)
                }
                shardOfTensor[tensor] = shard
            }
            self.shards = shards
            self.shardOfTensor = shardOfTensor
        } else {
            let filePath = exists && isDirectory.boolValue ? url.appendingPathComponent(Self.singleFileName).path : path
            let file = try SafetensorsFile(path: filePath)
            shards = [file]
            shardOfTensor = Dictionary(uniqueKeysWithValues: file.tensors.map { ($0.name, 0) })
        }
        tensorNames = shardOfTensor.keys.sorted()
    }

    /// The file holding the tensor called `name`, if any.
    public func file(containing name: String) -> SafetensorsFile? {
        shardOfTensor[name].map { shards[$0] }
    }

    /// The info of the tensor called `name`, if any.
    public func tensorInfo(named name: String) -> SafetensorsTensorInfo? {
        file(containing: name)?.tensorInfo(named: name)
    }

    /// The elements of the tensor called `name` as `Float`, or an error naming it.
    public func floats(named name: String) throws -> [Float] {
        guard let file = file(containing: name) else { throw InferenceError.missingTensor(name: name) }
        return try file.floats(named: name)
    }

    /// The index's `weight_map`, each shard name checked to be a plain file name in the folder.
    private static func weightMap(indexPath: String) throws -> [String: String] {
        func malformed(_ reason: String) -> InferenceError { .malformedSafetensors(path: indexPath, reason: reason) }
        let indexFile = try MappedFile(path: indexPath)
        let data = withExtendedLifetime(indexFile) { Data(indexFile.bytes) }
        guard let index = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw malformed("the index is not a JSON object")
        }
        guard let entries = index["weight_map"] as? [String: Any] else { throw malformed("the index has no weight_map object") }
        var weightMap: [String: String] = [:]
        for (tensor, value) in entries {
            guard let shard = value as? String else { throw malformed("weight_map entry '\(tensor)' is not a file name") }
            guard !shard.isEmpty, !shard.contains("/"), shard != ".", shard != ".." else {
                throw malformed("weight_map entry '\(tensor)' names '\(shard)', not a file in the checkpoint's folder")
            }
            weightMap[tensor] = shard
        }
        guard !weightMap.isEmpty else { throw malformed("the weight_map is empty") }
        return weightMap
    }
}

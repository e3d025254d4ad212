/// The one error the Inference module throws: a file, tensor or metadata key is unusable.
///
/// Each case names the file, tensor or key at fault so the message alone says what to fix.
public enum InferenceError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened or mapped.
    case cannotOpen(path: String, errno: Int32)
    /// The GGUF header or metadata is malformed at a byte offset.
    case malformedGGUF(path: String, offset: Int, reason: String)
    /// A tensor's data does not fit in the file: it was truncated or its header is inconsistent.
    case tensorOutOfBounds(path: String, tensor: String, expectedBytes: Int, availableBytes: Int)
    /// A tensor is stored in a ggml type this module cannot read or compute with.
    case unsupportedTensorType(tensor: String, typeCode: UInt32)
    /// A required metadata key is absent.
    case missingMetadata(key: String)
    /// A metadata key holds a value of another type than the one needed.
    case wrongMetadataType(key: String, expected: String)
    /// A tensor the model needs is absent.
    case missingTensor(name: String)
    /// A tensor has another shape than the model's configuration implies.
    case tensorShapeMismatch(name: String, expected: [Int], actual: [Int])
    /// The model's architecture or hyperparameters are outside what this engine implements.
    case unsupportedModel(reason: String)
    /// The tokenizer described by the metadata cannot be built.
    case invalidTokenizer(reason: String)
    /// A safetensors file's header, or a checkpoint's index, is malformed.
    case malformedSafetensors(path: String, reason: String)
    /// A safetensors tensor's byte range disagrees with its dtype and shape.
    case tensorSizeMismatch(path: String, tensor: String, expectedBytes: Int, actualBytes: Int)
    /// A safetensors tensor is stored in a dtype this module cannot convert to `Float`.
    case unsupportedDType(path: String, tensor: String, dtype: String)
    /// A shard named by a checkpoint's index does not exist.
    case missingShard(index: String, shard: String, tensor: String)
    /// A checkpoint's index places a tensor in a shard that does not hold it.
    case tensorNotInShard(index: String, tensor: String, shard: String)
    /// A directory holds neither `model.safetensors.index.json` nor `model.safetensors`.
    case noSafetensorsCheckpoint(directory: String)
    /// A JSON file of a Hugging Face model folder (`config.json`, `tokenizer.json`, …) lacks a
    /// key, holds a value of the wrong type, or asks for something not implemented.
    case invalidModelFile(path: String, key: String, reason: String)
    /// A checkpoint lacks a tensor the model's configuration needs.
    case missingCheckpointTensor(checkpoint: String, tensor: String)
    /// A checkpoint's tensor has another shape than the configuration implies.
    case checkpointTensorShapeMismatch(path: String, tensor: String, expected: [Int], actual: [Int])
    /// A model path is neither a GGUF file nor a Hugging Face model folder.
    case unrecognizedModelPath(path: String, reason: String)
    /// A chat template is not one of the families `ChatTemplate` implements.
    case unrecognizedChatTemplate(reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, errno):
            return "cannot open \(path): errno \(errno)"
        case let .malformedGGUF(path, offset, reason):
            return "\(path): malformed GGUF at byte \(offset): \(reason)"
        case let .tensorOutOfBounds(path, tensor, expectedBytes, availableBytes):
            return "\(path): tensor '\(tensor)' needs \(expectedBytes) bytes but only \(availableBytes) are in the file (truncated or inconsistent)"
        case let .unsupportedTensorType(tensor, typeCode):
            return "tensor '\(tensor)' has ggml type \(typeCode), which is not supported"
        case let .missingMetadata(key):
            return "metadata key '\(key)' is missing"
        case let .wrongMetadataType(key, expected):
            return "metadata key '\(key)' is not \(expected)"
        case let .missingTensor(name):
            return "tensor '\(name)' is missing"
        case let .tensorShapeMismatch(name, expected, actual):
            return "tensor '\(name)' has shape \(actual), expected \(expected)"
        case let .unsupportedModel(reason):
            return "unsupported model: \(reason)"
        case let .invalidTokenizer(reason):
            return "invalid tokenizer: \(reason)"
        case let .malformedSafetensors(path, reason):
            return "\(path): malformed safetensors: \(reason)"
        case let .tensorSizeMismatch(path, tensor, expectedBytes, actualBytes):
            return "\(path): tensor '\(tensor)' should take \(expectedBytes) bytes by its dtype and shape, but its data_offsets span \(actualBytes)"
        case let .unsupportedDType(path, tensor, dtype):
            return "\(path): tensor '\(tensor)' has dtype \(dtype), which cannot be read as floats (F32, F16 and BF16 can)"
        case let .missingShard(index, shard, tensor):
            return "\(index): shard '\(shard)' (holding '\(tensor)' and possibly more) does not exist"
        case let .tensorNotInShard(index, tensor, shard):
            return "\(index): tensor '\(tensor)' is mapped to shard '\(shard)', which does not contain it"
        case let .noSafetensorsCheckpoint(directory):
            return "\(directory): neither model.safetensors.index.json nor model.safetensors is there"
        case let .invalidModelFile(path, key, reason):
            return "\(path): '\(key)' \(reason)"
        case let .missingCheckpointTensor(checkpoint, tensor):
            return "\(checkpoint): tensor '\(tensor)' is missing"
        case let .checkpointTensorShapeMismatch(path, tensor, expected, actual):
            return "\(path): tensor '\(tensor)' has shape \(actual), expected \(expected)"
        case let .unrecognizedModelPath(path, reason):
            return "\(path): \(reason)"
        case let .unrecognizedChatTemplate(reason):
            return "unrecognized chat template: \(reason)"
        }
    }
}

import Foundation

/// The two ways a model reaches the engine, told apart by what the path is.
public enum ModelFormat: Sendable, Equatable {
    /// A GGUF file (starts with the magic `GGUF`).
    case gguf
    /// A Hugging Face model folder (holds `config.json`).
    case huggingFaceDirectory

    /// The format of the model at `path`, or an error saying what the path is instead.
    public static func detect(path: String) throws -> ModelFormat {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InferenceError.unrecognizedModelPath(path: path, reason: "no such file or folder")
        }
        if isDirectory.boolValue {
            guard HuggingFaceModelDirectory.isModelDirectory(path) else {
                throw InferenceError.unrecognizedModelPath(
                    path: path, reason: "a folder without config.json; a model is a GGUF file or a Hugging Face folder with config.json")
            }
            return .huggingFaceDirectory
        }
        let file = try MappedFile(path: path)
        let magic = withExtendedLifetime(file) { Array(file.bytes.prefix(4)) }
        guard magic == Array("GGUF".utf8) else {
            let hint = path.hasSuffix(".safetensors") || path.hasSuffix(".json")
                ? "give the folder holding config.json and the weights, not one of its files"
                : "not a GGUF file (it does not start with 'GGUF') and not a folder"
            throw InferenceError.unrecognizedModelPath(path: path, reason: hint)
        }
        return .gguf
    }
}

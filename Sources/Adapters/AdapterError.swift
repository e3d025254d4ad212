/// The one error the Adapters module throws: an adapter directory, its config field or tensor,
/// a merge option or an output file is unusable.
///
/// Each case names the directory (or file) and the field, tensor or module at fault.
public enum AdapterError: Error, Equatable, CustomStringConvertible {
    /// The adapter directory does not exist (`isFile` false) or is a file.
    case notADirectory(path: String, isFile: Bool)
    /// One of the adapter directory's files is missing.
    case missingFile(directory: String, file: String)
    /// Only `adapter_model.bin` is present: a pickle, which is never loaded.
    case pickleWeights(directory: String)
    /// `adapter_config.json` is not JSON, or a field is absent or of the wrong type or value.
    case invalidConfig(directory: String, field: String, reason: String)
    /// The config asks for a PEFT feature this module does not implement (DoRA, another PEFT type…).
    case unsupportedFeature(directory: String, field: String, reason: String)
    /// A tensor of `adapter_model.safetensors` is unusable (name, shape or dtype).
    case invalidTensor(directory: String, tensor: String, reason: String)
    /// The adapter does not fit the base model: a module is missing or has other shapes.
    case baseMismatch(directory: String, module: String, reason: String)
    /// The adapters given to a merge cannot be combined by the chosen method.
    case incompatibleAdapters(reason: String)
    /// A merge or write option is out of range.
    case invalidOption(name: String, reason: String)
    /// A LAPACK routine failed.
    case linearAlgebra(routine: String, info: Int32)
    /// Writing an output file failed.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notADirectory(path, isFile):
            return isFile
                ? "\(path): is a file; an adapter is a directory holding adapter_config.json and adapter_model.safetensors"
                : "\(path): no such adapter directory"
        case let .missingFile(directory, file):
            return "\(directory): no \(file) in the adapter directory"
        case let .pickleWeights(directory):
            return "\(directory): only adapter_model.bin is present; pickled weights are never loaded "
                + "(convert it to adapter_model.safetensors, e.g. by loading it in PEFT and calling save_pretrained)"
        case let .invalidConfig(directory, field, reason):
            return "\(directory)/adapter_config.json: field '\(field)': \(reason)"
        case let .unsupportedFeature(directory, field, reason):
            return "\(directory)/adapter_config.json: field '\(field)': \(reason)"
        case let .invalidTensor(directory, tensor, reason):
            return "\(directory)/adapter_model.safetensors: tensor '\(tensor)': \(reason)"
        case let .baseMismatch(directory, module, reason):
            return "\(directory): module '\(module)': \(reason)"
        case let .incompatibleAdapters(reason):
            return "cannot merge these adapters: \(reason)"
        case let .invalidOption(name, reason):
            return "option \(name): \(reason)"
        case let .linearAlgebra(routine, info):
            return "LAPACK \(routine) failed with info \(info)"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason)"
        }
    }
}

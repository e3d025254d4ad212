import Adapters
import Foundation

/// A checkpoint's adapter made by merging others, as `proctor merge` would: the input adapter
/// folders and `proctor merge`'s options (the same names, `svd-rank` written `svd_rank`).
/// `EvalPipeline` writes the result to `merges/<label>/` before generating and applies it
/// like an `adapter`.
public struct MergeSpec: Sendable, Equatable, Encodable {
    /// The PEFT adapter folders merged, in weight order (absolute paths).
    public var adapters: [String]
    /// Method, weights, density, sign election, SVD rank and clamp, DARE seed.
    public var options: MergeOptions
    /// The element type of the written tensors.
    public var elementType: SafetensorsWriter.ElementType

    public init(adapters: [String], options: MergeOptions, elementType: SafetensorsWriter.ElementType = .float32) {
        self.adapters = adapters
        self.options = options
        self.elementType = elementType
    }

    /// The configuration's keys: `adapters` and `proctor merge`'s options.
    static let keys = ["adapters", "method", "weights", "density", "majority_sign", "svd_rank", "svd_clamp", "seed", "dtype"]

    enum CodingKeys: String, CodingKey {
        case adapters, method, weights, density, majoritySign = "majority_sign", svdRank = "svd_rank", svdClamp = "svd_clamp"
        case seed, dtype
    }

    /// Reads a checkpoint's `merge` object; options are parsed and checked by the Adapters
    /// module (as for `proctor merge`) and its errors are reported against the key.
    init(_ object: ConfigObject, base: String) throws {
        try object.rejectUnknownKeys(Self.keys)
        guard let paths = try object.strings("adapters"), !paths.isEmpty else {
            throw object.fail("adapters", "missing (the adapter folders to merge, a list)")
        }
        adapters = paths.map { EvalConfig.resolve($0, base: base) }
        let weights: [Double]?
        if let value = object.value("weights") {
            guard case .array(let list) = value else { throw object.fail("weights", "expected a list of numbers") }
            weights = try list.map { element in
                guard case .number(let number) = element else { throw object.fail("weights", "expected a list of numbers") }
                return number
            }
        } else {
            weights = nil
        }
        let seed = try object.integer("seed") ?? 0
        guard seed >= 0 else { throw object.fail("seed", "must not be negative") }
        do {
            options = MergeOptions(
                method: try MergeMethod(parsing: try object.requiredString("method")), weights: weights,
                density: try object.number("density"),
                majoritySign: try MajoritySignMethod(parsing: try object.string("majority_sign") ?? MajoritySignMethod.total.rawValue),
                svdRank: try object.integer("svd_rank"), svdClamp: try object.number("svd_clamp"), seed: UInt64(seed))
            elementType = try SafetensorsWriter.ElementType(parsing: try object.string("dtype") ?? "f32")
            try options.validate(adapterCount: adapters.count)
        } catch let error as AdapterError {
            throw Self.blame(error, on: object)
        }
    }

    /// An Adapters error about an option (`--svd-rank`) as a configuration error naming the key (`merge.svd_rank`).
    static func blame(_ error: AdapterError, on object: ConfigObject) -> EvaluationError {
        switch error {
        case let .invalidOption(name, reason):
            let key = name.hasPrefix("--") ? String(name.dropFirst(2)).replacingOccurrences(of: "-", with: "_") : name
            return object.fail(key, reason)
        case .incompatibleAdapters:
            return object.fail("adapters", error.description)
        default:
            return EvaluationError(error.description, file: object.file, field: object.path)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(adapters, forKey: .adapters)
        try container.encode(options.method.rawValue, forKey: .method)
        try container.encodeIfPresent(options.weights, forKey: .weights)
        try container.encodeIfPresent(options.density, forKey: .density)
        try container.encode(options.majoritySign.rawValue, forKey: .majoritySign)
        try container.encodeIfPresent(options.svdRank, forKey: .svdRank)
        try container.encodeIfPresent(options.svdClamp, forKey: .svdClamp)
        try container.encode(options.seed, forKey: .seed)
        try container.encode(elementType.optionName, forKey: .dtype)
    }
}

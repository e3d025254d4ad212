import Foundation

/// The parameters of a merge, as PEFT's `add_weighted_adapter` takes them.
public struct MergeOptions: Sendable, Equatable {
    /// The combination rule.
    public var method: MergeMethod
    /// One weight per adapter (may be negative); `nil` means 1/n each (for `average`).
    public var weights: [Double]?
    /// The fraction of elements kept by pruning methods, in [0, 1].
    public var density: Double?
    /// TIES's sign election.
    public var majoritySign: MajoritySignMethod
    /// The rank of SVD results; default the largest adapter rank (`average`: Σ ranks).
    public var svdRank: Int?
    /// Clamp SVD factors to this quantile of their entries (0…1), or not at all.
    public var svdClamp: Double?
    /// Seed of DARE's masks (see `MaskRandom`).
    public var seed: UInt64

    /// Options for `method`; the rest default as in PEFT.
    public init(method: MergeMethod, weights: [Double]? = nil, density: Double? = nil,
                majoritySign: MajoritySignMethod = .total, svdRank: Int? = nil, svdClamp: Double? = nil, seed: UInt64 = 0) {
        self.method = method
        self.weights = weights
        self.density = density
        self.majoritySign = majoritySign
        self.svdRank = svdRank
        self.svdClamp = svdClamp
        self.seed = seed
    }

    /// Comma-separated weights as `--weights` takes them, e.g. `0.5,0.5`.
    public static func weights(parsing text: String) throws -> [Double] {
        let values = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else {
            throw AdapterError.invalidOption(name: "--weights", reason: "'\(text)' is not comma-separated numbers, e.g. 0.5,0.5")
        }
        return values.map { $0! }
    }

    /// The method actually run for `adapterCount` adapters: PEFT merges a single adapter
    /// linearly whatever the method (except the study's `average`).
    public func effectiveMethod(adapterCount: Int) -> MergeMethod {
        adapterCount == 1 && method != .average ? .linear : method
    }

    /// Checks everything that does not need the adapters' tensors (one weight per adapter,
    /// a density where the method needs one, the SVD rank and clamp), naming the option at
    /// fault; `AdapterMerger.merge` checks the same before merging.
    public func validate(adapterCount: Int) throws {
        guard adapterCount > 0 else { throw AdapterError.incompatibleAdapters(reason: "no adapter given") }
        _ = try resolvedWeights(count: adapterCount)
        _ = try resolvedDensity(method: effectiveMethod(adapterCount: adapterCount))
        if let svdClamp, !(svdClamp > 0 && svdClamp <= 1) {
            throw AdapterError.invalidOption(name: "--svd-clamp", reason: "must be a quantile in (0, 1], got \(svdClamp)")
        }
        if let svdRank, svdRank <= 0 {
            throw AdapterError.invalidOption(name: "--svd-rank", reason: "must be positive, got \(svdRank)")
        }
    }

    /// One weight per adapter: the given ones, or 1/n each for `average`.
    func resolvedWeights(count: Int) throws -> [Double] {
        guard let weights else {
            guard method == .average else {
                throw AdapterError.invalidOption(name: "--weights", reason: "\(method.rawValue) needs one weight per adapter")
            }
            return [Double](repeating: 1 / Double(count), count: count)
        }
        guard weights.count == count else {
            throw AdapterError.invalidOption(name: "--weights", reason: "\(weights.count) weights for \(count) adapters")
        }
        guard weights.allSatisfy(\.isFinite) else { throw AdapterError.invalidOption(name: "--weights", reason: "must be finite") }
        return weights
    }

    /// The kept fraction for pruning methods (1 for the others).
    func resolvedDensity(method: MergeMethod) throws -> Double {
        guard method.usesDensity else { return 1 }
        guard let density else {
            throw AdapterError.invalidOption(name: "--density", reason: "\(method.rawValue) needs the fraction of values to keep")
        }
        guard density >= 0, density <= 1 else {
            throw AdapterError.invalidOption(name: "--density", reason: "must be in [0, 1], got \(density)")
        }
        guard !(method.isRandom && density == 0) else {
            throw AdapterError.invalidOption(name: "--density", reason: "DARE rescales by 1/density; 0 is not allowed")
        }
        return density
    }
}

/// How TIES elects each element's sign.
public enum MajoritySignMethod: String, Sendable, CaseIterable {
    /// The sign of the sum of the pruned values.
    case total
    /// The sign held by more adapters (ties go to +).
    case frequency

    /// The method named `name` (`--majority-sign`), or an error listing the names.
    public init(parsing name: String) throws {
        guard let method = MajoritySignMethod(rawValue: name) else {
            throw AdapterError.invalidOption(name: "--majority-sign", reason: "'\(name)' is not total or frequency")
        }
        self = method
    }
}

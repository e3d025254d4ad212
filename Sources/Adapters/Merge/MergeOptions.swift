/// The parameters of a merge, as PEFT's `add_weighted_adapter` takes them.
public struct MergeOptions: Sendable {
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
}

/// How TIES elects each element's sign.
public enum MajoritySignMethod: String, Sendable, CaseIterable {
    /// The sign of the sum of the pruned values.
    case total
    /// The sign held by more adapters (ties go to +).
    case frequency
}

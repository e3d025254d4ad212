/// How `AdapterMerger` combines adapters: PEFT's `add_weighted_adapter` combination types,
/// plus `average`, the naive ΔW averaging of the reference study.
public enum MergeMethod: String, Sendable, CaseIterable {
    case linear
    case cat
    case svd
    case ties
    case tiesSVD = "ties_svd"
    case dareLinear = "dare_linear"
    case dareTies = "dare_ties"
    case dareLinearSVD = "dare_linear_svd"
    case dareTiesSVD = "dare_ties_svd"
    case magnitudePrune = "magnitude_prune"
    case magnitudePruneSVD = "magnitude_prune_svd"
    case average

    /// The method named `name` (`--method`), or an error listing the names.
    public init(parsing name: String) throws {
        guard let method = MergeMethod(rawValue: name) else {
            throw AdapterError.invalidOption(
                name: "--method", reason: "'\(name)' is not one of \(MergeMethod.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = method
    }

    /// One line teaching what the method computes (for `--help`).
    public var summary: String {
        switch self {
        case .linear: "A' = Σ sign·√|wᵢsᵢ|·Aᵢ, B' = Σ √|wᵢsᵢ|·Bᵢ (equal ranks; B'A' has cross terms — a rough approximation)"
        case .cat: "A' = [wᵢsᵢAᵢ] stacked, B' = [Bᵢ] side by side: exactly Σ wᵢsᵢBᵢAᵢ at rank Σrᵢ"
        case .svd: "ΔW = Σ wᵢsᵢBᵢAᵢ, then its top --svd-rank singular triplets (B' = U·S, A' = Vh)"
        case .ties: "TIES on A and B separately: keep the top --density by magnitude, elect a sign, average the agreeing weighted values"
        case .tiesSVD: "TIES on the ΔWᵢ (weighted wᵢ), then truncated SVD"
        case .dareLinear: "DARE on A and B: drop each element with probability 1−density, rescale by 1/density, weighted sum"
        case .dareTies: "DARE's random drop, then TIES's sign election and disjoint mean, on A and B"
        case .dareLinearSVD: "DARE linear on the ΔWᵢ, then truncated SVD"
        case .dareTiesSVD: "DARE TIES on the ΔWᵢ, then truncated SVD"
        case .magnitudePrune: "keep the top --density of each A and B by magnitude, weighted sum"
        case .magnitudePruneSVD: "magnitude pruning on the ΔWᵢ, weighted sum, then truncated SVD"
        case .average: "naive ΔW averaging (weights default to 1/n), kept exactly at rank Σrᵢ unless --svd-rank is given"
        }
    }

    /// Whether A and B are combined separately (all adapters must share a rank).
    var combinesFactors: Bool {
        switch self {
        case .linear, .ties, .dareLinear, .dareTies, .magnitudePrune: true
        default: false
        }
    }

    /// Whether the method needs `density`.
    public var usesDensity: Bool {
        switch self {
        case .ties, .tiesSVD, .dareLinear, .dareTies, .dareLinearSVD, .dareTiesSVD, .magnitudePrune, .magnitudePruneSVD: true
        default: false
        }
    }

    /// Whether the method draws random masks (DARE).
    public var isRandom: Bool {
        switch self {
        case .dareLinear, .dareTies, .dareLinearSVD, .dareTiesSVD: true
        default: false
        }
    }
}

import SeededRandom

/// The difference of two systems' mean scores (or of another statistic, such as macro-F1) on the
/// same items, with a percentile bootstrap confidence interval (items resampled with
/// replacement, both systems together).
public struct MeanDifference: Sendable, Equatable, Codable {
    /// Mean of system B minus mean of system A over all items.
    public var difference: Double
    /// Lower end of the interval.
    public var lower: Double
    /// Upper end of the interval.
    public var upper: Double
    /// The interval's coverage, e.g. 0.95.
    public var confidence: Double
    /// Resamples drawn.
    public var resamples: Int

    /// A difference and its interval.
    public init(difference: Double, lower: Double, upper: Double, confidence: Double, resamples: Int) {
        self.difference = difference
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
        self.resamples = resamples
    }

    /// Whether the interval excludes zero.
    public var isSignificant: Bool { lower > 0 || upper < 0 }
}

/// Paired bootstrap over items: deterministic for a given seed.
public struct PairedBootstrap: Sendable {
    /// Number of resamples (default 10,000).
    public var resamples: Int
    /// Interval coverage (default 0.95).
    public var confidence: Double
    /// Seed of the generator, so reports are reproducible.
    public var seed: UInt64

    /// A bootstrap with the given settings.
    public init(resamples: Int = 10_000, confidence: Double = 0.95, seed: UInt64 = 0x5EED) {
        precondition(resamples > 0 && confidence > 0 && confidence < 1)
        self.resamples = resamples
        self.confidence = confidence
        self.seed = seed
    }

    /// `mean(b) - mean(a)` with its interval; `a[i]` and `b[i]` score the same item.
    public func meanDifference(a: [Double], b: [Double]) -> MeanDifference {
        precondition(a.count == b.count && !a.isEmpty, "paired scores must have equal, non-zero length")
        let differences = zip(a, b).map { $1 - $0 }
        let count = differences.count
        let observed = differences.reduce(0, +) / Double(count)
        let means = BootstrapResampling.means(of: differences, resamples: resamples, seed: seed).sorted()
        let tail = (1 - confidence) / 2
        return MeanDifference(difference: observed,
                              lower: PairedBootstrap.quantile(means, tail),
                              upper: PairedBootstrap.quantile(means, 1 - tail),
                              confidence: confidence, resamples: resamples)
    }

    /// `statistic(b) - statistic(a)` for a statistic that is not a mean of item scores (macro-F1):
    /// every resample draws item indices with replacement and `statistic` evaluates both systems
    /// on the same indices, returning `(a, b)`.
    public func statisticDifference(itemCount: Int, statistic: ([Int]) -> (a: Double, b: Double)) -> MeanDifference {
        precondition(itemCount > 0, "needs at least one item")
        let whole = statistic(Array(0..<itemCount))
        let differences = BootstrapResampling.statistics(itemCount: itemCount, resamples: resamples, seed: seed) { indices in
            let resampled = statistic(indices)
            return resampled.b - resampled.a
        }.sorted()
        let tail = (1 - confidence) / 2
        return MeanDifference(difference: whole.b - whole.a,
                              lower: PairedBootstrap.quantile(differences, tail),
                              upper: PairedBootstrap.quantile(differences, 1 - tail),
                              confidence: confidence, resamples: resamples)
    }

    /// Linear interpolation between order statistics (NumPy's default `percentile`).
    static func quantile(_ sorted: [Double], _ probability: Double) -> Double {
        let position = probability * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let weight = position - Double(below)
        return sorted[below] + (sorted[above] - sorted[below]) * weight
    }
}

/// A two-sided interval around an estimate.
public struct ConfidenceInterval: Sendable, Equatable, Codable {
    public var lower: Double
    public var upper: Double
    /// Coverage, e.g. 0.95.
    public var confidence: Double
    /// How it was computed: "wilson" or "bootstrap".
    public var method: String

    public init(lower: Double, upper: Double, confidence: Double, method: String) {
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
        self.method = method
    }
}

/// The standard normal quantile for a two-sided 95% interval.
let normalQuantile975 = 1.959963984540054

/// Wilson score interval for a binomial proportion (95%): the interval to report for Pass@1 when
/// every problem has one sample.
public func wilsonInterval(successes: Int, trials: Int) -> ConfidenceInterval {
    precondition(trials > 0 && successes >= 0 && successes <= trials)
    let z = normalQuantile975
    let n = Double(trials)
    let p = Double(successes) / n
    let denominator = 1 + z * z / n
    let center = (p + z * z / (2 * n)) / denominator
    let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
    return ConfidenceInterval(lower: max(0, center - half), upper: min(1, center + half), confidence: 0.95,
                              method: "wilson")
}

/// Percentile bootstrap interval (95%) for the mean of `values` (problems resampled with
/// replacement), deterministic for a seed.
public func bootstrapMeanInterval(_ values: [Double], resamples: Int = 10_000, seed: UInt64 = 0x5EED) -> ConfidenceInterval {
    precondition(!values.isEmpty && resamples > 0)
    return bootstrapStatisticInterval(itemCount: values.count, resamples: resamples, seed: seed) { indices in
        var sum = 0.0
        for index in indices { sum += values[index] }
        return sum / Double(values.count)
    }
}

/// Percentile bootstrap interval (95%) for a statistic of `itemCount` items that is not a mean
/// (macro-F1): each resample draws item indices with replacement and `statistic` evaluates
/// them. `bootstrapMeanInterval` is this statistic for the mean.
public func bootstrapStatisticInterval(itemCount: Int, resamples: Int = 10_000, seed: UInt64 = 0x5EED,
                                       statistic: ([Int]) -> Double) -> ConfidenceInterval {
    precondition(itemCount > 0 && resamples > 0)
    let values = BootstrapResampling.statistics(itemCount: itemCount, resamples: resamples, seed: seed, statistic).sorted()
    return ConfidenceInterval(lower: PairedBootstrap.quantile(values, 0.025), upper: PairedBootstrap.quantile(values, 0.975),
                              confidence: 0.95, method: "bootstrap")
}

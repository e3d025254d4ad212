import Foundation

/// The power of the exact McNemar test (two-sided, level `alpha`) on `pairs` paired pass/fail
/// outcomes, when each pair is discordant with probability `discordance` and a discordant pair
/// favours the second system with probability (discordance + difference) / (2 · discordance):
/// the second system's pass rate exceeds the first's by `difference`.
///
/// Exact, not a normal approximation: the number of discordant pairs d is Binomial(pairs,
/// discordance); given d, the test rejects when min(b, d − b) ≤ k_d, the largest count whose
/// `exactMcNemarPValue` is at most `alpha`; the power sums those probabilities.
public func exactMcNemarPower(pairs: Int, discordance: Double, difference: Double, alpha: Double = 0.05) -> Double {
    precondition(pairs >= 0 && discordance >= 0 && discordance <= 1 && abs(difference) <= discordance + 1e-12)
    guard pairs > 0, discordance > 0 else { return 0 }
    let favoursSecond = min(1, max(0, (discordance + difference) / (2 * discordance)))
    // Only counts of discordant pairs within 9 standard deviations of the mean weigh anything.
    let mean = Double(pairs) * discordance, spread = (mean * (1 - discordance)).squareRoot()
    let first = max(1, Int(mean - 9 * spread) - 1), last = min(pairs, Int(mean + 9 * spread) + 1)
    guard first <= last else { return 0 }
    var power = 0.0
    var largestRejected = -1  // k_d, which never shrinks as d grows
    for d in first...last {
        while largestRejected + 1 <= d / 2,
              exactMcNemarPValue(onlyFirst: largestRejected + 1, onlySecond: d - largestRejected - 1) <= alpha {
            largestRejected += 1
        }
        guard largestRejected >= 0 else { continue }
        let weight = binomialProbability(successes: d, trials: pairs, probability: discordance)
        let k = largestRejected
        // Rejected: b ≤ k or b ≥ d − k, b ~ Binomial(d, favoursSecond); each tail is summed from
        // its inner end outwards until the terms no longer count.
        var rejected = 0.0
        for b in stride(from: k, through: 0, by: -1) {
            let term = binomialProbability(successes: b, trials: d, probability: favoursSecond)
            rejected += term
            if term < 1e-17 && Double(b) < Double(d) * favoursSecond { break }
        }
        for b in stride(from: max(d - k, k + 1), through: d, by: 1) {
            let term = binomialProbability(successes: b, trials: d, probability: favoursSecond)
            rejected += term
            if term < 1e-17 && Double(b) > Double(d) * favoursSecond { break }
        }
        power += weight * rejected
    }
    return min(1, power)
}

/// The smallest difference in pass rate (second minus first, as a fraction) that the exact
/// McNemar test detects with probability `power` on `pairs` pairs at the given discordance, or
/// nil when none can: even with every discordant pair favouring one side the power stays
/// lower. Found to 0.1 percentage point.
public func minimumDetectableDifference(pairs: Int, discordance: Double, power: Double = 0.8,
                                        alpha: Double = 0.05) -> Double? {
    guard pairs > 0, discordance > 0,
          exactMcNemarPower(pairs: pairs, discordance: discordance, difference: discordance, alpha: alpha) >= power
    else { return nil }
    var low = 0.0, high = discordance  // power(low) < power ≤ power(high)
    while high - low > 0.0005 {
        let middle = (low + high) / 2
        if exactMcNemarPower(pairs: pairs, discordance: discordance, difference: middle, alpha: alpha) >= power {
            high = middle
        } else {
            low = middle
        }
    }
    return high
}

/// About the fewest pairs at which the exact McNemar test detects `difference` with
/// probability `power` at the given discordance (found by bisection, so within the few pairs
/// where the exact test's power saw-tooths), or nil when that takes more than `limit` pairs or
/// the difference is zero.
public func pairsNeeded(discordance: Double, difference: Double, power: Double = 0.8, alpha: Double = 0.05,
                        limit: Int = 5000) -> Int? {
    guard difference != 0, discordance > 0 else { return nil }
    func enough(_ pairs: Int) -> Bool {
        exactMcNemarPower(pairs: pairs, discordance: discordance, difference: difference, alpha: alpha) >= power
    }
    var high = 8
    while !enough(high) {
        if high >= limit { return nil }
        high = min(limit, high * 2)
    }
    // The exact test's power is not quite monotonic in the number of pairs (the rejection
    // region moves in steps); bisect between the last count doubled past and the first reached.
    var low = high / 2
    while high - low > 1 {
        let middle = (low + high) / 2
        if enough(middle) { high = middle } else { low = middle }
    }
    return high
}

/// P(X = successes) for X ~ Binomial(trials, probability), through log-gamma.
func binomialProbability(successes: Int, trials: Int, probability: Double) -> Double {
    if probability <= 0 { return successes == 0 ? 1 : 0 }
    if probability >= 1 { return successes == trials ? 1 : 0 }
    let logChoose = lgamma(Double(trials + 1)) - lgamma(Double(successes + 1)) - lgamma(Double(trials - successes + 1))
    return exp(logChoose + Double(successes) * log(probability) + Double(trials - successes) * log1p(-probability))
}

import Foundation

/// Exact McNemar test: two-sided p-value for paired pass/fail outcomes, from the discordant
/// pairs only (`onlyFirst` passed by the first system alone, `onlySecond` by the second alone).
/// Equals a two-sided binomial test of min(b, c) successes in b + c trials at p = 1/2.
public func exactMcNemarPValue(onlyFirst: Int, onlySecond: Int) -> Double {
    let n = onlyFirst + onlySecond
    if n == 0 { return 1 }
    let k = min(onlyFirst, onlySecond)
    var tail = 0.0
    for i in 0...k {
        // C(n, i) / 2^n, through log-gamma so that large n neither overflows nor underflows early.
        let logTerm = lgamma(Double(n + 1)) - lgamma(Double(i + 1)) - lgamma(Double(n - i + 1)) - Double(n) * M_LN2
        tail += exp(logTerm)
    }
    return min(1, 2 * tail)
}

/// Two-sided p-value of a paired bootstrap test that the mean difference is zero: the share of
/// resampled mean differences, centred on the observed one, at least as far from zero as it.
public func pairedBootstrapPValue(differences: [Double], resamples: Int = 10_000, seed: UInt64 = 0x5EED) -> Double {
    precondition(!differences.isEmpty && resamples > 0)
    let count = differences.count
    let observed = differences.reduce(0, +) / Double(count)
    if differences.allSatisfy({ $0 == differences[0] }) { return observed == 0 ? 1 : 0 }
    let extreme = BootstrapResampling.means(of: differences, resamples: resamples, seed: seed)
        .filter { abs($0 - observed) >= abs(observed) }.count
    return Double(extreme + 1) / Double(resamples + 1)
}

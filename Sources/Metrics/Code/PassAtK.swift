/// Unbiased pass@k (Chen et al. 2021): the probability that at least one of `k` samples
/// drawn without replacement from `n` samples, `c` of them correct, is correct.
///
/// Uses the numerically stable product form `1 - Π_{i=n-c+1}^{n} (1 - k/i)`.
/// Returns 1 when `n - c < k` (every draw of `k` must contain a correct sample).
public func passAtK(n: Int, c: Int, k: Int) -> Double {
    precondition(n >= 0 && c >= 0 && c <= n && k >= 1 && k <= n, "passAtK needs 0 <= c <= n and 1 <= k <= n")
    if n - c < k { return 1.0 }
    if c == 0 { return 0.0 }
    var allWrong = 1.0
    for i in (n - c + 1)...n {
        allWrong *= 1.0 - Double(k) / Double(i)
    }
    return 1.0 - allWrong
}

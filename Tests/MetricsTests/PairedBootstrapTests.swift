import Metrics
import Testing

@Suite("Paired bootstrap and the verdict sentence")
struct PairedBootstrapTests {
    @Test("the same seed gives the same interval, and the interval contains the observed difference")
    func deterministic() {
        let a = (0..<200).map { Double(($0 * 37) % 11) / 10 }
        let b = a.enumerated().map { $0.offset % 3 == 0 ? min(1, $0.element + 0.1) : $0.element }
        let bootstrap = PairedBootstrap(resamples: 2000, seed: 42)
        let first = bootstrap.meanDifference(a: a, b: b)
        #expect(first == bootstrap.meanDifference(a: a, b: b))
        #expect(first.lower <= first.difference && first.difference <= first.upper)
        #expect(first.isSignificant)
    }

    @Test("identical systems differ by exactly zero with a zero-width interval")
    func identicalSystems() {
        let scores = [0.0, 1, 0.5, 0.25]
        let difference = PairedBootstrap(resamples: 500).meanDifference(a: scores, b: scores)
        #expect(difference.difference == 0 && difference.lower == 0 && difference.upper == 0)
        #expect(!difference.isSignificant)
    }

    @Test("a statistic's difference is deterministic, exact on the full sample, and equals the mean version for means")
    func statisticDifference() {
        let a = (0..<50).map { Double($0 % 2) }, b = (0..<50).map { Double($0 % 3 == 0 ? 1 : 0) }
        let bootstrap = PairedBootstrap(resamples: 1000, seed: 7)
        func mean(_ values: [Double], _ indices: [Int]) -> Double { indices.reduce(0) { $0 + values[$1] } / Double(indices.count) }
        let statistic = bootstrap.statisticDifference(itemCount: 50) { (mean(a, $0), mean(b, $0)) }
        #expect(statistic == bootstrap.statisticDifference(itemCount: 50) { (mean(a, $0), mean(b, $0)) })
        #expect(abs(statistic.difference - (b.reduce(0, +) - a.reduce(0, +)) / 50) <= 1e-15)
        let means = bootstrap.meanDifference(a: a, b: b)
        #expect(abs(statistic.lower - means.lower) <= 1e-12 && abs(statistic.upper - means.upper) <= 1e-12)
    }

    @Test("the verdict names the better system, the signed difference, the interval and significance")
    func verdict() {
        let difference = MeanDifference(difference: 0.015, lower: -0.02, upper: 0.05, confidence: 0.95, resamples: 10)
        #expect(ComparisonVerdict.sentence(metric: "F1", baseline: "base", candidate: "LoRA", difference: difference)
                == "LoRA is better on F1: +0.0150, 95% CI [\u{2212}0.0200, +0.0500], not significant")
        let worse = MeanDifference(difference: -0.2, lower: -0.3, upper: -0.1, confidence: 0.95, resamples: 10)
        #expect(ComparisonVerdict.sentence(metric: "EM", baseline: "base", candidate: "LoRA", difference: worse, decimals: 2)
                == "base is better on EM: \u{2212}0.20, 95% CI [\u{2212}0.30, \u{2212}0.10], significant")
    }
}

import Foundation
import Metrics
import Testing
import TestSupport

/// Reference values from SciPy, written by scripts/fixtures/make_interval_fixtures.py.
private struct IntervalFixtures: Decodable {
    struct Wilson: Decodable { let successes: Int, trials: Int, lower: Double, upper: Double }
    struct McNemar: Decodable { let only_first: Int, only_second: Int, p_value: Double }
    let wilson: [Wilson]
    let mcnemar: [McNemar]

    static let shared: IntervalFixtures = {
        let data = FileManager.default.contents(atPath: RepositoryPaths.path("Tests/MetricsTests/Fixtures/intervals.json"))!
        return try! JSONDecoder().decode(IntervalFixtures.self, from: data)
    }()
}

@Suite("Confidence intervals and paired tests")
struct IntervalTests {
    @Test("Wilson intervals equal SciPy's binomtest(...).proportion_ci(method='wilson')")
    func wilsonMatchesSciPy() {
        for case let fixture in IntervalFixtures.shared.wilson {
            let interval = wilsonInterval(successes: fixture.successes, trials: fixture.trials)
            #expect(abs(interval.lower - fixture.lower) < 1e-12, "\(fixture.successes)/\(fixture.trials)")
            #expect(abs(interval.upper - fixture.upper) < 1e-12, "\(fixture.successes)/\(fixture.trials)")
        }
    }

    @Test("exact McNemar p-values equal SciPy's two-sided binomtest on the discordant pairs")
    func mcnemarMatchesSciPy() {
        for fixture in IntervalFixtures.shared.mcnemar {
            let p = exactMcNemarPValue(onlyFirst: fixture.only_first, onlySecond: fixture.only_second)
            #expect(abs(p - fixture.p_value) < 1e-10, "b=\(fixture.only_first) c=\(fixture.only_second)")
        }
    }

    @Test("the bootstrap interval brackets the mean, narrows with more problems, and is reproducible")
    func bootstrapInterval() {
        let small = [1.0, 0, 0, 1, 0, 0.5, 0.2, 0, 1, 0]
        let interval = bootstrapMeanInterval(small)
        let mean = small.reduce(0, +) / Double(small.count)
        #expect(interval.lower < mean && mean < interval.upper)
        #expect(interval == bootstrapMeanInterval(small))
        let large = Array(repeating: small, count: 10).flatMap { $0 }
        let narrower = bootstrapMeanInterval(large)
        #expect(narrower.upper - narrower.lower < interval.upper - interval.lower)
    }

    @Test("a statistic's bootstrap interval draws the mean's resamples: for the mean it is the same interval")
    func bootstrapStatistic() {
        let values = [1.0, 0, 0, 1, 0, 0.5, 0.2, 0, 1, 0, 0.9]
        let statistic = bootstrapStatisticInterval(itemCount: values.count) { indices in
            indices.reduce(0) { $0 + values[$1] } / Double(indices.count)
        }
        #expect(statistic == bootstrapMeanInterval(values))
        let maximum = bootstrapStatisticInterval(itemCount: values.count) { indices in indices.map { values[$0] }.max()! }
        #expect(maximum.lower <= 1 && maximum.upper == 1)
    }

    @Test("the paired bootstrap p-value is small for a consistent difference and large for none")
    func pairedBootstrap() {
        let consistent = Array(repeating: 0.2, count: 20) + [0.1, 0.3]
        #expect(pairedBootstrapPValue(differences: consistent) < 0.01)
        let none = [0.5, -0.5, 0.25, -0.25, 0, 0.1, -0.1]
        #expect(pairedBootstrapPValue(differences: none) > 0.5)
        #expect(pairedBootstrapPValue(differences: [0, 0, 0]) == 1)
    }
}

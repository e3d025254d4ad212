import Foundation
import Metrics
import Testing
import TestSupport

/// Reference powers from SciPy, by full enumeration, written by
/// scripts/fixtures/make_mcnemar_power_fixtures.py.
private struct PowerFixtures: Decodable {
    struct Case: Decodable { let pairs: Int, discordance: Double, difference: Double, power: Double }
    let alpha: Double
    let cases: [Case]

    static func load() throws -> PowerFixtures {
        let path = RepositoryPaths.path("Tests/MetricsTests/Fixtures/mcnemar_power.json")
        return try JSONDecoder().decode(PowerFixtures.self, from: try #require(FileManager.default.contents(atPath: path)))
    }
}

@Suite("What a paired design can detect")
struct PairedPowerTests {
    @Test("the exact McNemar test's power equals SciPy's enumeration over discordant counts and their split")
    func powerMatchesSciPy() throws {
        let fixtures = try PowerFixtures.load()
        #expect(fixtures.cases.count >= 9)
        for fixture in fixtures.cases {
            let power = exactMcNemarPower(pairs: fixture.pairs, discordance: fixture.discordance,
                                          difference: fixture.difference, alpha: fixtures.alpha)
            #expect(abs(power - fixture.power) < 1e-9,
                    "n=\(fixture.pairs) ψ=\(fixture.discordance) δ=\(fixture.difference): \(power) vs \(fixture.power)")
        }
    }

    @Test("the minimum detectable difference reaches 80% power and a difference 0.1 pp smaller does not",
          arguments: [(41, 0.3), (100, 0.25), (164, 0.2)])
    func minimumDetectable(pairs: Int, discordance: Double) throws {
        let smallest = try #require(minimumDetectableDifference(pairs: pairs, discordance: discordance))
        #expect(smallest > 0 && smallest <= discordance)
        #expect(exactMcNemarPower(pairs: pairs, discordance: discordance, difference: smallest) >= 0.8)
        #expect(exactMcNemarPower(pairs: pairs, discordance: discordance, difference: smallest - 0.001) < 0.8)
    }

    @Test("with 20 problems of which 6 split the checkpoints, no difference is detectable; more problems shrink the threshold")
    func smallDesigns() {
        #expect(minimumDetectableDifference(pairs: 20, discordance: 0.3) == nil)
        #expect(minimumDetectableDifference(pairs: 20, discordance: 0) == nil)
        let wide = minimumDetectableDifference(pairs: 100, discordance: 0.3)!
        let wider = minimumDetectableDifference(pairs: 400, discordance: 0.3)!
        #expect(wider < wide)
    }

    @Test("problems needed for a difference reach 80% power there, and about half as many do not")
    func problemsNeeded() throws {
        let needed = try #require(pairsNeeded(discordance: 0.3, difference: 0.1))
        #expect(exactMcNemarPower(pairs: needed, discordance: 0.3, difference: 0.1) >= 0.8)
        #expect(exactMcNemarPower(pairs: needed / 2, discordance: 0.3, difference: 0.1) < 0.8)
        #expect(pairsNeeded(discordance: 0.3, difference: 0) == nil)
        #expect(pairsNeeded(discordance: 0.02, difference: 0.001, limit: 200) == nil)
    }
}

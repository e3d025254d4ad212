import Metrics
import Testing

@Suite("pass@k")
struct PassAtKTests {
    @Test("matches the values in Chen et al.'s estimator", arguments: [
        (10, 3, 1, 0.3), (10, 3, 5, 0.9166666666666666), (200, 1, 100, 0.5),
        (5, 0, 1, 0.0), (5, 5, 5, 1.0), (4, 2, 3, 1.0),
    ])
    func knownValues(n: Int, c: Int, k: Int, expected: Double) {
        #expect(abs(passAtK(n: n, c: c, k: k) - expected) < 1e-12)
    }

    @Test("equals one minus the exact binomial ratio C(n-c,k)/C(n,k)")
    func exactBinomial() {
        func choose(_ n: Int, _ k: Int) -> Double {
            if k < 0 || k > n { return 0 }
            var result = 1.0
            for i in 0..<k { result = result * Double(n - i) / Double(i + 1) }
            return result
        }
        for n in 1...20 {
            for c in 0...n {
                for k in 1...n {
                    let exact = 1 - choose(n - c, k) / choose(n, k)
                    #expect(abs(passAtK(n: n, c: c, k: k) - exact) < 1e-12, "n=\(n) c=\(c) k=\(k)")
                }
            }
        }
    }
}

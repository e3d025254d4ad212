@testable import Adapters
import Foundation
import Testing

/// Proctor's merge against PEFT's add_weighted_adapter on the fixture adapters.
@Suite("Merging adapters as PEFT's add_weighted_adapter does")
struct MergeParityTests {
    @Test("A and B equal PEFT's tensor by tensor within 1e-5",
          arguments: ["linear", "linear_negative", "cat", "ties", "ties_frequency", "magnitude_prune"])
    func factorMethods(name: String) throws {
        let mergeCase = try #require(try LoRAFixtures.cases()[name])
        let merged = try LoRAFixtures.merge(mergeCase)
        let expected = try LoRAFixtures.expectedPairs(name)
        #expect(merged.config.rank == mergeCase.r && merged.config.alpha == Double(mergeCase.r))
        #expect(Set(merged.pairs.keys) == Set(expected.keys))
        for (module, reference) in expected {
            let pair = try #require(merged.pairs[module])
            #expect(pair.scale == 1)
            #expect(pair.a.shape == reference.a.shape && pair.b.shape == reference.b.shape, "\(module)")
            let gapA = LoRAFixtures.maxDifference(pair.a.values, reference.a.values)
            let gapB = LoRAFixtures.maxDifference(pair.b.values, reference.b.values)
            #expect(gapA < 1e-5 && gapB < 1e-5, "\(name) \(module): |ΔA| \(gapA), |ΔB| \(gapB)")
        }
    }

    @Test("B'A' equals PEFT's within 1e-5 and the singular values within 1e-5 relative (factors differ only in sign)",
          arguments: ["svd", "svd_rank6", "ties_svd", "magnitude_prune_svd"])
    func svdMethods(name: String) throws {
        let mergeCase = try #require(try LoRAFixtures.cases()[name])
        let merged = try LoRAFixtures.merge(mergeCase)
        #expect(merged.config.rank == mergeCase.r)
        for (module, reference) in try LoRAFixtures.expectedPairs(name) {
            let pair = try #require(merged.pairs[module])
            #expect(pair.a.shape == reference.a.shape && pair.b.shape == reference.b.shape, "\(module)")
            let gap = LoRAFixtures.maxDifference(pair.delta().values, reference.b.multiplied(by: reference.a).values)
            #expect(gap < 1e-5, "\(name) \(module): |B'A' − PEFT| \(gap)")
            // B' = U·S, so its column norms are the singular values (float32 SVDs: relative to the largest).
            let ours = columnNorms(pair.b), theirs = columnNorms(reference.b)
            let largest = max(1, theirs.max() ?? 1)
            #expect(LoRAFixtures.maxDifference(ours, theirs) < 1e-5 * largest, "\(name) \(module): singular values \(ours) vs \(theirs)")
        }
    }

    @Test("DARE keeps each element with probability density and rescales kept ones by exactly 1/density, as PEFT's output does")
    func dareLinearStructure() throws {
        let mergeCase = try #require(try LoRAFixtures.cases()["dare_linear"])
        let inputs = try mergeCase.adapters.map(LoRAFixtures.adapter)
        let density = try #require(mergeCase.density)
        let ours = try LoRAFixtures.merge(mergeCase)
        let peft = try LoRAFixtures.expectedPairs("dare_linear")
        var oursKept = [0, 0], peftKept = [0, 0], total = 0
        for (module, reference) in peft {
            let pairs = inputs.map { $0.pairs[module]! }
            let scaled = zip(mergeCase.weights, pairs).map { $0 * Double($1.scale) }
            let factors: [(merged: [Float], peft: [Float], inputs: [[Float]], weights: [Double])] = [
                (ours.pairs[module]!.a.values, reference.a.values, pairs.map(\.a.values),
                 scaled.map { ($0 >= 0 ? 1 : -1) * abs($0).squareRoot() }),
                (ours.pairs[module]!.b.values, reference.b.values, pairs.map(\.b.values), scaled.map { abs($0).squareRoot() }),
            ]
            for factor in factors {
                for index in factor.merged.indices {
                    let terms = factor.inputs.indices.map { Float(factor.weights[$0] / density) * factor.inputs[$0][index] }
                    let oursMask = try #require(mask(explaining: factor.merged[index], terms: terms), "ours \(module)[\(index)]")
                    let peftMask = try #require(mask(explaining: factor.peft[index], terms: terms), "PEFT \(module)[\(index)]")
                    for adapter in 0..<2 {
                        oursKept[adapter] += oursMask[adapter] ? 1 : 0
                        peftKept[adapter] += peftMask[adapter] ? 1 : 0
                    }
                    total += 1
                }
            }
        }
        // Binomial(total, density): 5 standard deviations either side.
        let tolerance = 5 * (density * (1 - density) / Double(total)).squareRoot()
        for adapter in 0..<2 {
            #expect(abs(Double(oursKept[adapter]) / Double(total) - density) < tolerance)
            #expect(abs(Double(peftKept[adapter]) / Double(total) - density) < tolerance)
        }
    }

    @Test("DARE methods' merged updates have PEFT's size: ‖B'A'‖ within 5% of PEFT's",
          arguments: ["dare_linear", "dare_ties", "dare_linear_svd", "dare_ties_svd"])
    func dareNorms(name: String) throws {
        let mergeCase = try #require(try LoRAFixtures.cases()[name])
        let merged = try LoRAFixtures.merge(mergeCase)
        var ours = 0.0, theirs = 0.0
        for (module, reference) in try LoRAFixtures.expectedPairs(name) {
            ours += merged.pairs[module]!.delta().values.reduce(0) { $0 + Double($1 * $1) }
            theirs += reference.b.multiplied(by: reference.a).values.reduce(0) { $0 + Double($1 * $1) }
        }
        #expect(abs(ours.squareRoot() / theirs.squareRoot() - 1) < 0.05, "\(name): \(ours.squareRoot()) vs \(theirs.squareRoot())")
    }

    @Test("DARE is reproducible for one seed and changes with it")
    func dareSeed() throws {
        let mergeCase = try #require(try LoRAFixtures.cases()["dare_ties"])
        let adapters = try mergeCase.adapters.map(LoRAFixtures.adapter)
        var options = mergeCase.options
        let first = try AdapterMerger.merge(adapters, options: options)
        let again = try AdapterMerger.merge(adapters, options: options)
        options.seed += 1
        let other = try AdapterMerger.merge(adapters, options: options)
        let module = "model.layers.0.self_attn.q_proj"
        #expect(first.pairs[module]!.a == again.pairs[module]!.a)
        #expect(first.pairs[module]!.a != other.pairs[module]!.a)
    }

    @Test("average is the exact weighted mean of the ΔWs at rank Σr")
    func averageIsExact() throws {
        let adapters = try ["a", "b", "c"].map(LoRAFixtures.adapter)
        let merged = try AdapterMerger.merge(adapters, options: MergeOptions(method: .average))
        #expect(merged.config.rank == 12)
        for module in adapters[0].modulePaths {
            var mean = [Float](repeating: 0, count: adapters[0].pairs[module]!.delta().values.count)
            for adapter in adapters {
                for (index, value) in adapter.pairs[module]!.delta().values.enumerated() { mean[index] += value / 3 }
            }
            #expect(LoRAFixtures.maxDifference(merged.pairs[module]!.delta().values, mean) < 1e-5, "\(module)")
        }
    }

    @Test("svd_clamp bounds every factor entry by the chosen quantile")
    func clamp() throws {
        let adapters = try ["a", "b"].map(LoRAFixtures.adapter)
        let merged = try AdapterMerger.merge(adapters, options: MergeOptions(method: .svd, weights: [1, 1], svdRank: 4, svdClamp: 0.9))
        let pair = merged.pairs["model.layers.0.mlp.up_proj"]!
        let entries = (pair.a.values + pair.b.values).sorted()
        let bound = entries.last!
        #expect(entries.first! >= -bound)
        #expect(entries.filter { $0 == bound }.count > 1)
    }

    @Test("methods that combine A and B refuse adapters of other ranks")
    func unequalRanks() throws {
        let adapters = try ["a", "d"].map(LoRAFixtures.adapter)
        #expect(throws: AdapterError.self) {
            try AdapterMerger.merge(adapters, options: MergeOptions(method: .ties, weights: [1, 1], density: 0.5))
        }
    }

    @Test("missing or mismatched options are named", arguments: [
        MergeOptions(method: .ties, weights: [1, 1]),
        MergeOptions(method: .linear, weights: [1]),
        MergeOptions(method: .linear),
        MergeOptions(method: .dareLinear, weights: [1, 1], density: 0),
        MergeOptions(method: .svd, weights: [1, 1], svdRank: 0),
    ])
    func invalidOptions(options: MergeOptions) throws {
        let adapters = try ["a", "b"].map(LoRAFixtures.adapter)
        #expect {
            try AdapterMerger.merge(adapters, options: options)
        } throws: { error in
            guard case .invalidOption = error as? AdapterError else { return false }
            return true
        }
    }

    /// The Euclidean norm of each column.
    private func columnNorms(_ matrix: DenseMatrix) -> [Float] {
        (0..<matrix.columns).map { column in
            (0..<matrix.rows).reduce(Float(0)) { $0 + matrix.values[$1 * matrix.columns + column] * matrix.values[$1 * matrix.columns + column] }
                .squareRoot()
        }
    }

    /// Which terms a DARE-linear element keeps: the subset whose sum equals `value`, if any.
    private func mask(explaining value: Float, terms: [Float]) -> [Bool]? {
        for bits in 0..<(1 << terms.count) {
            let kept = terms.indices.map { bits & (1 << $0) != 0 }
            let sum = zip(terms, kept).reduce(Float(0)) { $0 + ($1.1 ? $1.0 : 0) }
            if abs(sum - value) <= 1e-5 * max(1, abs(value)) { return kept }
        }
        return nil
    }
}

@Suite("Selecting the k-th largest magnitude")
struct KthLargestTests {
    @Test("quickselect agrees with sorting, duplicates included", arguments: [1, 2, 7, 50, 99, 100])
    func agreesWithSort(k: Int) {
        var random = MaskRandom(seed: 3, module: "m", tensor: "t", adapterIndex: 0)
        var values = (0..<100).map { _ in Float(random.next() % 17) }
        let expected = values.sorted(by: >)[k - 1]
        #expect(TaskTensorMerge.kthLargest(&values, k: k) == expected)
    }
}

/// One module's merge: the chosen rule applied to the pairs of the adapters that adapt it.
struct ModuleRule: Sendable {
    let method: MergeMethod
    /// One weight per adapter of the merge (indexed by the adapter's position).
    let weights: [Double]
    let density: Double
    let majority: MajoritySignMethod
    let newRank: Int
    let clamp: Double?
    let seed: UInt64

    /// The merged pair of `module` from `members` (each adapter with its position in the
    /// merge); its scale is 1 (r = lora_alpha).
    func merge(module: String, members: [(adapter: LoRAAdapter, index: Int)]) throws -> LoRAPair {
        let pairs = members.map { $0.adapter.pairs[module]! }
        let memberWeights = members.map { weights[$0.index] }
        let outFeatures = pairs[0].outFeatures, inFeatures = pairs[0].inFeatures

        switch method {
        case .cat:
            // A' = [wᵢ·sᵢ·Aᵢ] stacked, B' = [Bᵢ] side by side, zero-padded to the summed rank.
            let aParts = zip(pairs, memberWeights).map { pair, weight in
                pair.a.scaled(by: Float(weight)).scaled(by: pair.scale)
            }
            let a = DenseMatrix.stackingRows(aParts, columns: inFeatures).padded(rows: newRank, columns: inFeatures)
            let b = DenseMatrix.stackingColumns(pairs.map(\.b), rows: outFeatures).padded(rows: outFeatures, columns: newRank)
            return LoRAPair(a: a, b: b, scale: 1)

        case .linear, .ties, .dareLinear, .dareTies, .magnitudePrune:
            guard Set(pairs.map(\.rank)).count == 1 else {
                throw AdapterError.incompatibleAdapters(
                    reason: "module '\(module)' has ranks \(pairs.map(\.rank)) (rank_pattern); \(method.rawValue) needs equal ranks")
            }
            // √|wᵢsᵢ| on both factors, the sign on A only, so B'A' carries wᵢsᵢ.
            let weightsWithScale = zip(memberWeights, pairs).map { $0 * Double($1.scale) }
            let aWeights = weightsWithScale.map { Float(($0 >= 0 ? 1 : -1) * abs($0).squareRoot()) }
            let bWeights = weightsWithScale.map { Float(abs($0).squareRoot()) }
            let a = combine(pairs.map(\.a.values), weights: aWeights, module: module, tensor: "lora_A", members: members)
            let b = combine(pairs.map(\.b.values), weights: bWeights, module: module, tensor: "lora_B", members: members)
            return LoRAPair(a: DenseMatrix(rows: pairs[0].rank, columns: inFeatures, values: a),
                            b: DenseMatrix(rows: outFeatures, columns: pairs[0].rank, values: b), scale: 1)

        case .svd, .average:
            // ΔW = Σ wᵢsᵢBᵢAᵢ = [Bᵢ]·[wᵢsᵢAᵢ]: truncated without forming ΔW.
            let left = DenseMatrix.stackingColumns(pairs.map(\.b), rows: outFeatures)
            let right = DenseMatrix.stackingRows(
                zip(pairs, memberWeights).map { $0.a.scaled(by: $0.scale * Float($1)) }, columns: inFeatures)
            var factors = try TruncatedSVD.ofProduct(left, right, rank: newRank)
            if let clamp { factors.clamp(quantile: clamp) }
            return LoRAPair(a: factors.a, b: factors.b, scale: 1)

        case .tiesSVD, .dareLinearSVD, .dareTiesSVD, .magnitudePruneSVD:
            let deltas = pairs.map { $0.delta().values }  // each [out, in]
            let merged = combine(deltas, weights: memberWeights.map { Float($0) }, module: module, tensor: "delta", members: members)
            var factors = try TruncatedSVD(dense: DenseMatrix(rows: outFeatures, columns: inFeatures, values: merged), rank: newRank)
            if let clamp { factors.clamp(quantile: clamp) }
            return LoRAPair(a: factors.a, b: factors.b, scale: 1)
        }
    }

    /// The method's element-wise rule on one tensor per member adapter.
    private func combine(
        _ tensors: [[Float]], weights: [Float], module: String, tensor: String, members: [(adapter: LoRAAdapter, index: Int)]
    ) -> [Float] {
        func randomlyPruned() -> [[Float]] {
            zip(tensors, members).map { values, member in
                var random = MaskRandom(seed: seed, module: module, tensor: tensor, adapterIndex: member.index)
                return TaskTensorMerge.randomlyPruned(values, density: density, random: &random)
            }
        }
        switch method {
        case .linear:
            return TaskTensorMerge.weightedSum(tensors, weights: weights)
        case .ties, .tiesSVD:
            let pruned = tensors.map { TaskTensorMerge.magnitudePruned($0, density: density) }
            return TaskTensorMerge.disjointMerge(pruned, weights: weights, majority: majority)
        case .magnitudePrune, .magnitudePruneSVD:
            return TaskTensorMerge.weightedSum(tensors.map { TaskTensorMerge.magnitudePruned($0, density: density) }, weights: weights)
        case .dareLinear, .dareLinearSVD:
            return TaskTensorMerge.weightedSum(randomlyPruned(), weights: weights)
        case .dareTies, .dareTiesSVD:
            return TaskTensorMerge.disjointMerge(randomlyPruned(), weights: weights, majority: majority)
        case .cat, .svd, .average:
            preconditionFailure("\(method) does not combine tensors element by element")
        }
    }
}

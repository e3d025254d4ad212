import COpenBLAS
import Foundation

/// Merges LoRA adapters into one with PEFT's `add_weighted_adapter` semantics: same new rank
/// (r = lora_alpha = new rank, so the merged scale is 1), same per-module rules, same
/// targets; only DARE's random masks differ (see `MaskRandom`).
public enum AdapterMerger {
    /// The merged adapter of `adapters` under `options`. Modules present in only some adapters
    /// are merged from those, as PEFT does. Errors name the adapter directory and module.
    public static func merge(_ adapters: [LoRAAdapter], options: MergeOptions) throws -> LoRAAdapter {
        try options.validate(adapterCount: adapters.count)
        let method = options.effectiveMethod(adapterCount: adapters.count)
        let weights = try options.resolvedWeights(count: adapters.count)
        let density = try options.resolvedDensity(method: method)
        let newRank = try mergedRank(adapters, options: options, method: method)
        let modules = try sharedModules(adapters)

        let rule = ModuleRule(method: method, weights: weights, density: density, majority: options.majoritySign,
                              newRank: newRank, clamp: options.svdClamp, seed: options.seed)
        let results = MergeResults(count: modules.count)
        let previousThreads = openblas_get_num_threads()
        openblas_set_num_threads(1)  // modules run in parallel; each product is small
        DispatchQueue.concurrentPerform(iterations: modules.count) { index in
            let (module, members) = modules[index]
            results.store(index, Result { try rule.merge(module: module, members: members.map { (adapters[$0], $0) }) })
        }
        openblas_set_num_threads(previousThreads)

        var pairs: [String: LoRAPair] = [:]
        for (index, (module, _)) in modules.enumerated() { pairs[module] = try results.value(index) }
        let config = try mergedConfig(adapters, rank: newRank)
        return LoRAAdapter(config: config, pairs: pairs)
    }

    /// The merged rank, by PEFT's rules: the shared rank, the sum (cat), or the SVD rank.
    private static func mergedRank(_ adapters: [LoRAAdapter], options: MergeOptions, method: MergeMethod) throws -> Int {
        let ranks = adapters.map(\.config.largestRank)
        switch method {
        case .linear, .ties, .dareLinear, .dareTies, .magnitudePrune:
            guard Set(ranks).count == 1 else {
                let listing = zip(adapters, ranks).map { "\($0.config.directory): r=\($1)" }.joined(separator: ", ")
                throw AdapterError.incompatibleAdapters(
                    reason: "\(method.rawValue) combines A and B separately and needs equal ranks (\(listing)); use cat, svd or average")
            }
            return ranks[0]
        case .cat:
            return ranks.reduce(0, +)
        case .average:
            return options.svdRank ?? ranks.reduce(0, +)
        case .svd, .tiesSVD, .dareLinearSVD, .dareTiesSVD, .magnitudePruneSVD:
            return options.svdRank ?? ranks.max()!
        }
    }

    /// Every module of any adapter with the indices of the adapters having it, checked to
    /// have one shape across them.
    private static func sharedModules(_ adapters: [LoRAAdapter]) throws -> [(String, [Int])] {
        let paths = Set(adapters.flatMap(\.pairs.keys)).sorted()
        return try paths.map { path in
            let members = adapters.indices.filter { adapters[$0].pairs[path] != nil }
            let first = adapters[members[0]]
            let pair = first.pairs[path]!
            for index in members.dropFirst() {
                let other = adapters[index].pairs[path]!
                guard other.inFeatures == pair.inFeatures, other.outFeatures == pair.outFeatures else {
                    throw AdapterError.baseMismatch(
                        directory: adapters[index].config.directory, module: path,
                        reason: "adapts a \(other.outFeatures)×\(other.inFeatures) weight, but \(first.config.directory) "
                            + "adapts a \(pair.outFeatures)×\(pair.inFeatures) one: the adapters were trained on different bases")
                }
            }
            return (path, members)
        }
    }

    /// The first adapter's config with r = lora_alpha = `rank`, the union of targets and no
    /// rank/alpha patterns (PEFT's `replace(...)`), and `use_rslora` off so the written
    /// adapter's scale is exactly 1. (PEFT keeps the first adapter's `use_rslora`, which
    /// scales its in-memory merge by √rank when that adapter used rsLoRA.)
    private static func mergedConfig(_ adapters: [LoRAAdapter], rank: Int) throws -> LoRAConfig {
        let first = adapters[0].config
        var object = (try? JSONSerialization.jsonObject(with: first.rawJSON)) as? [String: Any] ?? [:]
        object["r"] = rank
        object["lora_alpha"] = rank
        object["target_modules"] = try TargetModules.union(adapters.map(\.config.targetModules)).jsonValue
        object["rank_pattern"] = [String: Any]()
        object["alpha_pattern"] = [String: Any]()
        object["use_rslora"] = false
        object["inference_mode"] = true
        let json = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return try LoRAConfig(json: json, directory: first.directory)
    }
}

/// One slot per module for the parallel merge's results.
private final class MergeResults: @unchecked Sendable {
    private var slots: [Result<LoRAPair, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ result: Result<LoRAPair, Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func value(_ index: Int) throws -> LoRAPair {
        try slots[index]!.get()
    }
}

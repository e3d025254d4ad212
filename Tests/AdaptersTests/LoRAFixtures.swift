import Adapters
import Foundation
import Inference
import TestSupport

/// The fixtures `scripts/fixtures/make_lora_fixtures.py` made with transformers + PEFT.
enum LoRAFixtures {
    /// A path under `Tests/AdaptersTests/Fixtures/lora/`.
    static func path(_ name: String) -> String {
        RepositoryPaths.path("Tests/AdaptersTests/Fixtures/lora/\(name)")
    }

    /// The fixture adapter called `name` (a, b, c, d, e, a_named).
    static func adapter(_ name: String) throws -> LoRAAdapter {
        try LoRAAdapter(directory: path("adapters/\(name)"))
    }

    /// The tiny Llama base's Linear modules.
    static func base() throws -> BaseModules {
        let data = try Data(contentsOf: URL(fileURLWithPath: path("base_modules.json")))
        let shapes = try JSONDecoder().decode([String: [Int]].self, from: data)
        return BaseModules(weightShapes: shapes, source: "base_modules.json")
    }

    /// One add_weighted_adapter call recorded in merged/cases.json.
    struct MergeCase: Decodable {
        let adapters: [String]
        let weights: [Double]
        let combinationType: String
        let density: Double?
        let svdRank: Int?
        let majoritySignMethod: String?
        let r: Int

        enum CodingKeys: String, CodingKey {
            case adapters, weights, density, r
            case combinationType = "combination_type"
            case svdRank = "svd_rank"
            case majoritySignMethod = "majority_sign_method"
        }

        /// The same merge as Proctor options.
        var options: MergeOptions {
            MergeOptions(method: MergeMethod(rawValue: combinationType)!, weights: weights, density: density,
                         majoritySign: majoritySignMethod.flatMap(MajoritySignMethod.init(rawValue:)) ?? .total,
                         svdRank: svdRank, seed: 7)
        }
    }

    /// Every recorded case, by name.
    static func cases() throws -> [String: MergeCase] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path("merged/cases.json")))
        return try JSONDecoder().decode([String: MergeCase].self, from: data)
    }

    /// PEFT's merged (A, B) per module for case `name` (its scale is 1).
    static func expectedPairs(_ name: String) throws -> [String: (a: DenseMatrix, b: DenseMatrix)] {
        let file = try SafetensorsFile(path: path("merged/\(name).safetensors"))
        var pairs: [String: (a: DenseMatrix, b: DenseMatrix)] = [:]
        for tensor in file.tensors where tensor.name.hasSuffix(".lora_A.weight") {
            let module = String(tensor.name.dropFirst(LoRAAdapter.keyPrefix.count).dropLast(".lora_A.weight".count))
            let bName = LoRAAdapter.keyPrefix + module + ".lora_B.weight"
            let bInfo = try file.requireTensor(named: bName)
            pairs[module] = (DenseMatrix(rows: tensor.shape[0], columns: tensor.shape[1], values: try file.floats(of: tensor)),
                             DenseMatrix(rows: bInfo.shape[0], columns: bInfo.shape[1], values: try file.floats(of: bInfo)))
        }
        return pairs
    }

    /// Runs a recorded case through Proctor's merge.
    static func merge(_ mergeCase: MergeCase) throws -> LoRAAdapter {
        try AdapterMerger.merge(try mergeCase.adapters.map(adapter), options: mergeCase.options)
    }

    /// The largest absolute elementwise difference.
    static func maxDifference(_ x: [Float], _ y: [Float]) -> Float {
        precondition(x.count == y.count)
        return zip(x, y).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    /// A copy of the adapter at `relativePath` (under the fixtures) in a scratch directory removed
    /// by the caller, with config field `field` set to the JSON value `json`.
    static func copyOfAdapter(_ relativePath: String, replacing field: String, with json: String) throws -> String {
        let directory = try temporaryDirectory()
        let source = path(relativePath)
        try FileManager.default.copyItem(atPath: source + "/adapter_model.safetensors", toPath: directory + "/adapter_model.safetensors")
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: source + "/adapter_config.json"))) as! [String: Any]
        object[field] = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: directory + "/adapter_config.json"))
        return directory
    }

    /// A scratch directory removed by the caller.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "proctor-lora-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

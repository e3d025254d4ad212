import Adapters
import ArgumentParser
import Evaluation
import Foundation
import Inference

/// `proctor merge`: combine PEFT LoRA adapters into one PEFT adapter directory.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge PEFT LoRA adapters with PEFT's add_weighted_adapter methods into one PEFT adapter.",
        discussion: """
            Each ADAPTER is a PEFT directory (adapter_config.json + adapter_model.safetensors). \
            wᵢ are --weights, sᵢ each module's scale (alpha/r, or alpha/√r with rsLoRA). The \
            result has r = lora_alpha = the new rank (scale 1) and loads in PEFT.

            Methods:
            \(MergeMethod.allCases.map { "  \($0.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)) \($0.summary)" }.joined(separator: "\n"))

            DARE masks come from Proctor's own generator (one stream per --seed, module, tensor \
            and adapter), not torch's: same distribution as PEFT, not the same draws.

            Examples:
              proctor merge --method ties --weights 0.5,0.5 --density 0.2 code/ math/ --out merged/
              proctor merge --method svd --weights 1,1 --svd-rank 16 code/ math/ --out merged-svd/
              proctor merge --method average code/ math/ --base Qwen2.5-Coder-1.5B/ --out averaged/
            """)

    @Argument(help: "The adapter directories to merge, in weight order.")
    var adapters: [String]

    @Option(help: "The merge method (see the list above).")
    var method: String

    @Option(help: "Comma-separated weight per adapter, e.g. 0.5,0.5 (average: default 1/n each).")
    var weights: String?

    @Option(help: "Fraction of values kept by ties, dare_* and magnitude_prune*, in [0, 1].")
    var density: Double?

    @Option(help: "TIES sign election: total (sign of the sum) or frequency (sign of the majority).")
    var majoritySign: String = MajoritySignMethod.total.rawValue

    @Option(help: "Rank of SVD results (default: the largest adapter rank; average: the sum of ranks).")
    var svdRank: Int?

    @Option(help: "Clamp SVD factors to this quantile of their entries, in (0, 1].")
    var svdClamp: Double?

    @Option(help: "Seed of DARE's random masks.")
    var seed: UInt64 = 0

    @Option(help: "Element type of the written tensors: f32, f16 or bf16.")
    var dtype: String = "f32"

    @Option(help: "A base to check every adapter against: a Hugging Face safetensors checkpoint (folder or file), a GGUF file or a fetched catalog model's name.")
    var base: String?

    @Option(help: "The adapter directory to write.")
    var out: String

    func validate() throws {
        guard !adapters.isEmpty else { throw ValidationError("Give at least one adapter directory.") }
        do {
            try mergeOptions().validate(adapterCount: adapters.count)
            _ = try SafetensorsWriter.ElementType(parsing: dtype)
        } catch let error as AdapterError {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let started = Date()
        let options = try mergeOptions()
        let loaded = try adapters.map(LoRAAdapter.init(directory:))
        if let base {
            let modules = try baseModules(base)
            for adapter in loaded { try modules.validate(adapter) }
        }
        let merged = try AdapterMerger.merge(loaded, options: options)
        try AdapterWriter.write(merged, to: out, elementType: try SafetensorsWriter.ElementType(parsing: dtype))
        print(String(format: "%@: %d adapters, %d modules, rank %d → %@ (%.2f s)", method, loaded.count, merged.pairs.count,
                     merged.config.rank, out, Date().timeIntervalSince(started)))
    }

    /// The projections of `base`: a GGUF's (a catalog name stands for its cached file), described
    /// by its configuration, or a safetensors checkpoint's, read from its headers.
    private func baseModules(_ base: String) throws -> BaseModules {
        let path = try ModelCatalog.locate(base)
        if (try? ModelFormat.detect(path: path)) == .gguf {
            return try BaseModules(config: ModelConfig(gguf: GGUFFile(path: path)), source: path)
        }
        return BaseModules(checkpoint: try SafetensorsCheckpoint(path: path))
    }

    /// The merge options from the flags, parsed as `proctor eval`'s `merge` key parses them.
    private func mergeOptions() throws -> MergeOptions {
        MergeOptions(method: try MergeMethod(parsing: method), weights: try weights.map(MergeOptions.weights(parsing:)),
                     density: density, majoritySign: try MajoritySignMethod(parsing: majoritySign), svdRank: svdRank,
                     svdClamp: svdClamp, seed: seed)
    }
}

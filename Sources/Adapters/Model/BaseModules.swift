import Foundation
import Inference

/// The base model as an adapter sees it: each Linear (or GPT-2 Conv1D) module's path and
/// weight shape.
public struct BaseModules: Sendable {
    /// How `weightShapes` orders a weight's dimensions.
    public enum ShapeLayout: Sendable, Equatable {
        /// As the checkpoint stores them: [out, in] for Linear, [in, out] for GPT-2's Conv1D,
        /// which an adapter marks with `fan_in_fan_out` (safetensors headers say no more).
        case asStored
        /// [out, in] for every module, Linear or Conv1D (a description from the model's configuration).
        case outputsFirst
    }

    /// Weight shape by module path (`model.layers.0.self_attn.q_proj` → [out, in]).
    public let weightShapes: [String: [Int]]
    /// Where the description came from (for messages).
    public let source: String
    /// How `weightShapes` orders out and in.
    public let layout: ShapeLayout

    /// A base described directly.
    public init(weightShapes: [String: [Int]], source: String, layout: ShapeLayout = .asStored) {
        self.weightShapes = weightShapes
        self.source = source
        self.layout = layout
    }

    /// Every 2-D `<module>.weight` tensor of a Hugging Face safetensors checkpoint (headers only).
    public init(checkpoint: SafetensorsCheckpoint) {
        var shapes: [String: [Int]] = [:]
        for name in checkpoint.tensorNames where name.hasSuffix(".weight") {
            guard let info = checkpoint.tensorInfo(named: name), info.shape.count == 2 else { continue }
            shapes[String(name.dropLast(".weight".count))] = info.shape
        }
        self.init(weightShapes: shapes, source: checkpoint.directory)
    }

    /// Checks that `adapter` fits this base: every adapted module exists with the shapes its
    /// A and B imply, and every module the config targets has a pair. Errors name the module.
    public func validate(_ adapter: LoRAAdapter) throws {
        let directory = adapter.config.directory
        for (module, pair) in adapter.pairs.sorted(by: { $0.key < $1.key }) {
            guard let shape = weightShapes[module] else {
                throw AdapterError.baseMismatch(
                    directory: directory, module: module,
                    reason: "is not a module of the base (\(source)); was the adapter trained on another base model?")
            }
            // PEFT's lora_A is [r, in] and lora_B [out, r] for Conv1D too; only the base weight is [in, out].
            let inputsFirst = layout == .asStored && adapter.config.fanInFanOut
            let (out, inFeatures) = inputsFirst ? (shape[1], shape[0]) : (shape[0], shape[1])
            guard pair.inFeatures == inFeatures, pair.outFeatures == out else {
                throw AdapterError.baseMismatch(
                    directory: directory, module: module,
                    reason: "lora_A \(pair.a.shape) and lora_B \(pair.b.shape) need a weight of \(pair.outFeatures) outputs × "
                        + "\(pair.inFeatures) inputs, but the base (\(source)) has \(out) × \(inFeatures)"
                        + (inputsFirst ? " (its [in, out] weight read with fan_in_fan_out)" : "")
                        + "; was the adapter trained on another base model?")
            }
        }
        for module in weightShapes.keys.sorted() where adapter.config.adapts(module: module) && adapter.pairs[module] == nil {
            throw AdapterError.baseMismatch(
                directory: directory, module: module,
                reason: "target_modules selects it in the base (\(source)), but the adapter has no lora_A/lora_B for it")
        }
    }
}

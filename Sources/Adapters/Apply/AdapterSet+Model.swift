import Inference

extension BaseModules {
    /// The projections of a Llama, Qwen2 or GPT-2 model as Hugging Face (and PEFT) name them,
    /// with their [out, in] shapes, from the model's configuration (GGUF or Hugging Face folder
    /// alike). GPT-2's are its Conv1D modules: `attn.c_attn` (query, key and value fused,
    /// [3·dim, dim]), `attn.c_proj`, `mlp.c_fc` and `mlp.c_proj`.
    public init(config: ModelConfig, source: String) throws {
        let dim = config.dimension, hidden = config.hiddenDimension
        var shapes: [String: [Int]] = [:]
        if Self.hasConv1DProjections(config) {
            for layer in 0..<config.layerCount {
                let prefix = "transformer.h.\(layer)."
                shapes[prefix + "attn.c_attn"] = [3 * dim, dim]
                shapes[prefix + "attn.c_proj"] = [dim, dim]
                shapes[prefix + "mlp.c_fc"] = [hidden, dim]
                shapes[prefix + "mlp.c_proj"] = [dim, hidden]
            }
        } else {
            guard config.normalization == .rmsNorm, config.usesRotaryPositions else {
                throw AdapterError.invalidOption(
                    name: "--adapter", reason: "adapters are applied to llama, qwen2 and gpt2 models; \(source) is '\(config.architecture)'")
            }
            let qDim = config.headCount * config.headDimension, kvDim = config.kvDimension
            for layer in 0..<config.layerCount {
                let prefix = "model.layers.\(layer)."
                shapes[prefix + "self_attn.q_proj"] = [qDim, dim]
                shapes[prefix + "self_attn.k_proj"] = [kvDim, dim]
                shapes[prefix + "self_attn.v_proj"] = [kvDim, dim]
                shapes[prefix + "self_attn.o_proj"] = [dim, qDim]
                shapes[prefix + "mlp.gate_proj"] = [hidden, dim]
                shapes[prefix + "mlp.up_proj"] = [hidden, dim]
                shapes[prefix + "mlp.down_proj"] = [dim, hidden]
            }
        }
        self.init(weightShapes: shapes, source: source, layout: .outputsFirst)
    }

    /// Whether the model is GPT-2, whose projections are Conv1D modules (weights stored
    /// [in, out]): the one LayerNorm model with learned positions the forward pass runs.
    static func hasConv1DProjections(_ config: ModelConfig) -> Bool {
        config.architecture == "gpt2" || (config.normalization == .layerNorm && !config.usesRotaryPositions)
    }
}

extension AdapterSet {
    /// Loads the adapter directories `specs` (label, path), checks each against the base
    /// described by `config` (an error names the adapter and module that do not fit), and
    /// indexes them in the base's Q/K row order: llama GGUFs store Q and K permuted for
    /// adjacent-pair rope, Hugging Face folders and Qwen2 GGUFs do not.
    ///
    /// `fan_in_fan_out` only says how PEFT merges into a Conv1D weight stored [in, out]; lora_A
    /// [r, in] and lora_B [out, r] are laid out alike for Linear and Conv1D, so applied unmerged
    /// it changes nothing. PEFT sets it itself from the module type, so GPT-2 adapters are taken
    /// with either value; a `true` on a Llama or Qwen2 base (all Linear) is refused, as it marks
    /// an adapter made for a Conv1D model.
    public init(loading specs: [(label: String, path: String)], base config: ModelConfig, source: String) throws {
        let modules = try BaseModules(config: config, source: source)
        var adapters: [(label: String, adapter: LoRAAdapter)] = []
        for (label, path) in specs {
            let adapter = try LoRAAdapter(directory: path)
            try modules.validate(adapter)
            if adapter.config.fanInFanOut && !BaseModules.hasConv1DProjections(config) {
                throw AdapterError.unsupportedFeature(
                    directory: path, field: "fan_in_fan_out",
                    reason: "is true, which marks Conv1D modules (GPT-2), but \(source) is a '\(config.architecture)' model "
                        + "whose projections are Linear; was the adapter trained on another base model?")
            }
            adapters.append((label, adapter))
        }
        let layout: QueryKeyLayout = config.ropeStyle == .adjacentPairs
            ? .ggufLlama(heads: config.headCount, kvHeads: config.kvHeadCount) : .huggingFace
        try self.init(adapters: adapters, layout: layout)
    }
}

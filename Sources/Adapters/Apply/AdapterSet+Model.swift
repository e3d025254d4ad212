import Inference

extension BaseModules {
    /// The projections of a Llama or Qwen2 model as Hugging Face names them, with their
    /// [out, in] shapes, from the model's configuration (GGUF or Hugging Face folder alike).
    public init(config: ModelConfig, source: String) throws {
        guard config.normalization == .rmsNorm, config.usesRotaryPositions else {
            throw AdapterError.invalidOption(
                name: "--adapter", reason: "adapters are applied to llama and qwen2 models; \(source) is '\(config.architecture)'")
        }
        let dim = config.dimension, hidden = config.hiddenDimension
        let qDim = config.headCount * config.headDimension, kvDim = config.kvDimension
        var shapes: [String: [Int]] = [:]
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
        self.init(weightShapes: shapes, source: source)
    }
}

extension AdapterSet {
    /// Loads the adapter directories `specs` (label, path), checks each against the base
    /// described by `config` (an error names the adapter and module that do not fit), and
    /// indexes them in the base's Q/K row order: llama GGUFs store Q and K permuted for
    /// adjacent-pair rope, Hugging Face folders and Qwen2 GGUFs do not.
    public init(loading specs: [(label: String, path: String)], base config: ModelConfig, source: String) throws {
        let modules = try BaseModules(config: config, source: source)
        var adapters: [(label: String, adapter: LoRAAdapter)] = []
        for (label, path) in specs {
            let adapter = try LoRAAdapter(directory: path)
            guard !adapter.config.fanInFanOut else {
                throw AdapterError.unsupportedFeature(
                    directory: path, field: "fan_in_fan_out", reason: "Conv1D (GPT-2) adapters cannot be applied to \(source)")
            }
            try modules.validate(adapter)
            adapters.append((label, adapter))
        }
        let layout: QueryKeyLayout = config.ropeStyle == .adjacentPairs
            ? .ggufLlama(heads: config.headCount, kvHeads: config.kvHeadCount) : .huggingFace
        try self.init(adapters: adapters, layout: layout)
    }
}

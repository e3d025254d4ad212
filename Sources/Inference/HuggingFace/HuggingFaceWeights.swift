/// Hugging Face tensor names mapped onto `ModelWeights`.
///
/// Llama/Qwen2 `nn.Linear` weights are stored [out, in], the row layout `WeightMatrix` computes
/// with, so F32, F16 and BF16 matrices are used in place in the mapping. Their Q/K rows are
/// not permuted (unlike llama GGUFs), so the config asks for the halves rope; rotating the
/// pairs (i, i + d/2) of unpermuted rows equals rotating adjacent pairs of rows permuted the
/// way llama.cpp's converter does, which is why both paths give the same model.
/// GPT-2's `Conv1D` weights are stored [in, out]: they are transposed once into owned float
/// memory, and `c_attn` ([dim, 3·dim]) is split into query, key and value.
extension ModelWeights {
    /// The weights of `config`'s model from `checkpoint`, every tensor checked for presence
    /// and shape (errors name the tensor and its file).
    init(checkpoint: SafetensorsCheckpoint, config hf: HuggingFaceConfig) throws {
        let loader = CheckpointTensors(checkpoint: checkpoint)
        let config = hf.model
        if config.usesRotaryPositions {
            try self.init(llamaFamily: loader, hf: hf)
        } else {
            try self.init(gpt2: loader, config: config)
        }
    }

    private init(llamaFamily loader: CheckpointTensors, hf: HuggingFaceConfig) throws {
        let config = hf.model
        let dim = config.dimension, qDim = config.headCount * config.headDimension, kvDim = config.kvDimension
        let hidden = config.hiddenDimension
        tokenEmbedding = try loader.matrix("model.embed_tokens.weight", rows: config.vocabularySize, columns: dim)
        layers = try (0..<config.layerCount).map { index in
            let prefix = "model.layers.\(index)."
            func bias(_ name: String, _ count: Int, required: Bool) throws -> [Float]? {
                required ? try loader.vector(prefix + name, count: count) : nil
            }
            return Layer(
                attentionNorm: try loader.vector(prefix + "input_layernorm.weight", count: dim),
                query: try loader.matrix(prefix + "self_attn.q_proj.weight", rows: qDim, columns: dim),
                key: try loader.matrix(prefix + "self_attn.k_proj.weight", rows: kvDim, columns: dim),
                value: try loader.matrix(prefix + "self_attn.v_proj.weight", rows: kvDim, columns: dim),
                queryBias: try bias("self_attn.q_proj.bias", qDim, required: hf.hasQKVBias),
                keyBias: try bias("self_attn.k_proj.bias", kvDim, required: hf.hasQKVBias),
                valueBias: try bias("self_attn.v_proj.bias", kvDim, required: hf.hasQKVBias),
                attentionOutput: try loader.matrix(prefix + "self_attn.o_proj.weight", rows: dim, columns: qDim),
                ffnNorm: try loader.vector(prefix + "post_attention_layernorm.weight", count: dim),
                gate: try loader.matrix(prefix + "mlp.gate_proj.weight", rows: hidden, columns: dim),
                up: try loader.matrix(prefix + "mlp.up_proj.weight", rows: hidden, columns: dim),
                down: try loader.matrix(prefix + "mlp.down_proj.weight", rows: dim, columns: hidden),
                attentionOutputBias: try bias("self_attn.o_proj.bias", dim, required: hf.hasOutputProjectionBias))
        }
        outputNorm = try loader.vector("model.norm.weight", count: dim)
        output = hf.tiesEmbeddings
            ? tokenEmbedding
            : try loader.matrix("lm_head.weight", rows: config.vocabularySize, columns: dim)
        positionEmbedding = nil
        outputNormBias = nil
        storage = loader.storage
    }

    private init(gpt2 loader: CheckpointTensors, config: ModelConfig) throws {
        let dim = config.dimension, hidden = config.hiddenDimension
        // Original OpenAI conversions name tensors without the `transformer.` prefix.
        let root = loader.checkpoint.tensorInfo(named: "transformer.wte.weight") != nil ? "transformer." : ""
        tokenEmbedding = try loader.matrix(root + "wte.weight", rows: config.vocabularySize, columns: dim)
        positionEmbedding = try loader.matrix(root + "wpe.weight", rows: config.contextLength, columns: dim)
        layers = try (0..<config.layerCount).map { index in
            let prefix = root + "h.\(index)."
            // c_attn: [dim, 3·dim] → rows [3·dim, dim]: query rows, then key rows, then value rows.
            let qkv = try loader.transposed(prefix + "attn.c_attn.weight", inputs: dim, outputs: 3 * dim)
            let qkvBias = try loader.vector(prefix + "attn.c_attn.bias", count: 3 * dim)
            return Layer(
                attentionNorm: try loader.vector(prefix + "ln_1.weight", count: dim),
                query: try qkv.rows(0..<dim),
                key: try qkv.rows(dim..<(2 * dim)),
                value: try qkv.rows((2 * dim)..<(3 * dim)),
                queryBias: Array(qkvBias[0..<dim]),
                keyBias: Array(qkvBias[dim..<(2 * dim)]),
                valueBias: Array(qkvBias[(2 * dim)...]),
                attentionOutput: try loader.transposed(prefix + "attn.c_proj.weight", inputs: dim, outputs: dim).whole(),
                ffnNorm: try loader.vector(prefix + "ln_2.weight", count: dim),
                gate: nil,
                up: try loader.transposed(prefix + "mlp.c_fc.weight", inputs: dim, outputs: hidden).whole(),
                down: try loader.transposed(prefix + "mlp.c_proj.weight", inputs: hidden, outputs: dim).whole(),
                attentionNormBias: try loader.vector(prefix + "ln_1.bias", count: dim),
                ffnNormBias: try loader.vector(prefix + "ln_2.bias", count: dim),
                attentionOutputBias: try loader.vector(prefix + "attn.c_proj.bias", count: dim),
                upBias: try loader.vector(prefix + "mlp.c_fc.bias", count: hidden),
                downBias: try loader.vector(prefix + "mlp.c_proj.bias", count: dim))
        }
        outputNorm = try loader.vector(root + "ln_f.weight", count: dim)
        outputNormBias = try loader.vector(root + "ln_f.bias", count: dim)
        output = tokenEmbedding
        storage = loader.storage
    }
}

/// Reads a checkpoint's tensors as `WeightMatrix` rows or float vectors, checking names and
/// shapes, and collects what the matrices point into.
private final class CheckpointTensors {
    let checkpoint: SafetensorsCheckpoint
    /// The checkpoint itself and every converted copy.
    private(set) var storage: [AnyObject]

    init(checkpoint: SafetensorsCheckpoint) {
        self.checkpoint = checkpoint
        storage = [checkpoint]
    }

    /// A matrix transposed into owned memory: `rows` of it become `WeightMatrix`es.
    struct Transposed {
        let name: String
        let storage: FloatStorage
        let columns: Int

        /// Rows `range` of the transposed matrix.
        func rows(_ range: Range<Int>) throws -> WeightMatrix {
            try WeightMatrix(name: name, type: .f32, rows: range.count, columns: columns,
                             data: UnsafeRawPointer(storage.pointer + range.lowerBound * columns))
        }

        /// All of it.
        func whole() throws -> WeightMatrix { try rows(0..<(storage.count / columns)) }
    }

    private func info(_ name: String, shape: [Int]) throws -> (SafetensorsFile, SafetensorsTensorInfo) {
        guard let file = checkpoint.file(containing: name), let info = file.tensorInfo(named: name) else {
            throw InferenceError.missingCheckpointTensor(checkpoint: checkpoint.indexPath ?? checkpoint.shards[0].path, tensor: name)
        }
        guard info.shape == shape else {
            throw InferenceError.checkpointTensorShapeMismatch(path: file.path, tensor: name, expected: shape, actual: info.shape)
        }
        return (file, info)
    }

    /// The [rows, columns] tensor `name`, in place in the mapping (F32, F16 or BF16).
    func matrix(_ name: String, rows: Int, columns: Int) throws -> WeightMatrix {
        let (file, info) = try info(name, shape: [rows, columns])
        guard let type = info.dtype.ggmlType else {
            throw InferenceError.unsupportedDType(path: file.path, tensor: name, dtype: info.dtype.rawValue)
        }
        return try WeightMatrix(name: name, type: type, rows: rows, columns: columns, data: file.data(of: info).baseAddress!)
    }

    /// The [count] tensor `name` as floats.
    func vector(_ name: String, count: Int) throws -> [Float] {
        let (file, info) = try info(name, shape: [count])
        return try file.floats(of: info)
    }

    /// The [inputs, outputs] tensor `name` (Conv1D layout) transposed to [outputs, inputs].
    func transposed(_ name: String, inputs: Int, outputs: Int) throws -> Transposed {
        let (file, info) = try info(name, shape: [inputs, outputs])
        let source = try file.floats(of: info)  // [inputs, outputs]
        let owned = FloatStorage(count: inputs * outputs)
        for input in 0..<inputs {
            for output in 0..<outputs { owned.pointer[output * inputs + input] = source[input * outputs + output] }
        }
        storage.append(owned)
        return Transposed(name: name, storage: owned, columns: inputs)
    }
}

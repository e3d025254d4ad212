/// The tensors of a decoder (Llama, Qwen2, GPT-2), left in the memory-mapped GGUF or
/// safetensors files where their layout allows (see `ModelWeights(checkpoint:config:)`).
struct ModelWeights: @unchecked Sendable {
    /// One transformer block.
    struct Layer {
        let attentionNorm: [Float]  // [dim]
        let query: WeightMatrix  // [heads·headDim, dim]
        let key: WeightMatrix  // [kvHeads·headDim, dim]
        let value: WeightMatrix  // [kvHeads·headDim, dim]
        let queryBias: [Float]?  // [heads·headDim], Qwen2 only
        let keyBias: [Float]?  // [kvHeads·headDim]
        let valueBias: [Float]?  // [kvHeads·headDim]
        let attentionOutput: WeightMatrix  // [dim, heads·headDim]
        let ffnNorm: [Float]  // [dim]
        let gate: WeightMatrix?  // [hidden, dim], SwiGLU only
        let up: WeightMatrix  // [hidden, dim]
        let down: WeightMatrix  // [dim, hidden]
        var attentionNormBias: [Float]? = nil  // [dim], LayerNorm only
        var ffnNormBias: [Float]? = nil  // [dim], LayerNorm only
        var attentionOutputBias: [Float]? = nil  // [dim]
        var upBias: [Float]? = nil  // [hidden]
        var downBias: [Float]? = nil  // [dim]
    }

    let tokenEmbedding: WeightMatrix  // [vocab, dim]
    let layers: [Layer]
    let outputNorm: [Float]  // [dim]
    /// The classifier; the token embedding itself when the model ties them.
    let output: WeightMatrix  // [vocab, dim]
    /// Learned position embeddings (GPT-2); nil under rotary positions.
    let positionEmbedding: WeightMatrix?  // [positions, dim]
    let outputNormBias: [Float]?  // [dim], LayerNorm only
    /// Keeps the mappings (and any converted or packed copies) alive while the matrices point into them.
    let storage: [AnyObject]

    init(file: GGUFFile, config: ModelConfig) throws {
        var kept: [AnyObject] = [file]
        positionEmbedding = nil
        outputNormBias = nil
        let dim = config.dimension, qDim = config.headCount * config.headDimension, kvDim = config.kvDimension

        func matrix(_ name: String, rows: Int, columns: Int) throws -> WeightMatrix {
            guard let info = file.tensorInfo(named: name) else { throw InferenceError.missingTensor(name: name) }
            guard info.dimensions == [columns, rows] else {
                throw InferenceError.tensorShapeMismatch(name: name, expected: [columns, rows], actual: info.dimensions)
            }
            return try WeightMatrix(name: name, type: info.type, rows: rows, columns: columns, data: file.data(of: info))
        }
        /// A matrix only products read, packed for them where its format allows; its pages in
        /// the mapping are then handed back (they would be read again only for a copy).
        func productMatrix(_ name: String, rows: Int, columns: Int) throws -> WeightMatrix {
            let plain = try matrix(name, rows: rows, columns: columns)
            guard let (packed, bytes) = plain.packedForProducts(done: file.releasePages) else { return plain }
            kept.append(bytes)
            return packed
        }
        func vector(_ name: String, count: Int) throws -> [Float] {
            guard let info = file.tensorInfo(named: name) else { throw InferenceError.missingTensor(name: name) }
            guard info.dimensions == [count] else {
                throw InferenceError.tensorShapeMismatch(name: name, expected: [count], actual: info.dimensions)
            }
            return try file.floats(of: info)
        }
        func optionalVector(_ name: String, count: Int) throws -> [Float]? {
            file.tensorInfo(named: name) == nil ? nil : try vector(name, count: count)
        }

        tokenEmbedding = try matrix("token_embd.weight", rows: config.vocabularySize, columns: dim)
        layers = try (0..<config.layerCount).map { index in
            let prefix = "blk.\(index)."
            return Layer(
                attentionNorm: try vector(prefix + "attn_norm.weight", count: dim),
                query: try productMatrix(prefix + "attn_q.weight", rows: qDim, columns: dim),
                key: try productMatrix(prefix + "attn_k.weight", rows: kvDim, columns: dim),
                value: try productMatrix(prefix + "attn_v.weight", rows: kvDim, columns: dim),
                queryBias: try optionalVector(prefix + "attn_q.bias", count: qDim),
                keyBias: try optionalVector(prefix + "attn_k.bias", count: kvDim),
                valueBias: try optionalVector(prefix + "attn_v.bias", count: kvDim),
                attentionOutput: try productMatrix(prefix + "attn_output.weight", rows: dim, columns: qDim),
                ffnNorm: try vector(prefix + "ffn_norm.weight", count: dim),
                gate: try productMatrix(prefix + "ffn_gate.weight", rows: config.hiddenDimension, columns: dim),
                up: try productMatrix(prefix + "ffn_up.weight", rows: config.hiddenDimension, columns: dim),
                down: try productMatrix(prefix + "ffn_down.weight", rows: dim, columns: config.hiddenDimension))
        }
        outputNorm = try vector("output_norm.weight", count: dim)
        if file.tensorInfo(named: "output.weight") == nil {
            // Tied: lookups read the embedding's own rows, products the packed ones.
            if let (packed, bytes) = tokenEmbedding.packedForProducts() {
                kept.append(bytes)
                output = packed
            } else {
                output = tokenEmbedding
            }
        } else {
            output = try productMatrix("output.weight", rows: config.vocabularySize, columns: dim)
        }
        storage = kept
    }
}

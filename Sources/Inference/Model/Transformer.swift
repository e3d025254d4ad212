/// A decoder (Llama, Qwen2, GPT-2) running one token at a time over a KV cache.
///
/// `forward` reads top to bottom like llama2.c's: embed, then per block RMSNorm → Q/K/V →
/// RoPE → grouped-query attention over the cache → output projection → residual, RMSNorm →
/// SwiGLU MLP → residual; final RMSNorm and the classifier. GPT-2 switches in LayerNorm,
/// learned positions instead of RoPE, biases on every projection and a GELU MLP.
final class Transformer {
    let config: ModelConfig
    let weights: ModelWeights
    let state: RunState
    let parallel: ParallelRows

    /// A model from its parts; `singlePrecisionCache` keeps keys and values as floats.
    init(config: ModelConfig, weights: ModelWeights, capacity: Int, threads: Int, singlePrecisionCache: Bool) {
        self.config = config
        self.weights = weights
        state = RunState(config: config, capacity: min(capacity, config.contextLength),
                         singlePrecisionCache: singlePrecisionCache)
        parallel = ParallelRows(workers: threads)
    }

    /// A GGUF model, with llama.cpp's half-precision cache.
    convenience init(file: GGUFFile, capacity: Int, threads: Int) throws {
        let config = try ModelConfig(gguf: file)
        let weights = try ModelWeights(file: file, config: config)
        self.init(config: config, weights: weights, capacity: capacity, threads: threads, singlePrecisionCache: false)
    }

    /// out = norm(x) with the model's normalization.  out, x: [dim]
    private func normalize(_ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ weight: [Float], _ bias: [Float]?) {
        switch config.normalization {
        case .rmsNorm: Kernels.rmsNorm(out, x, weight, count: config.dimension, epsilon: config.rmsEpsilon)
        case .layerNorm: Kernels.layerNorm(out, x, weight, bias!, count: config.dimension, epsilon: config.rmsEpsilon)
        }
    }

    /// Runs `token` at `position` (0-based, every earlier position already run) and returns
    /// the next-token logits.  // [vocab]
    @discardableResult
    func forward(token: Int, position: Int) -> UnsafeMutableBufferPointer<Float> {
        precondition(position < state.capacity, "position \(position) is past the KV cache's \(state.capacity)")
        let c = config, s = state
        let dim = c.dimension, kvDim = c.kvDimension, headDim = c.headDimension
        let qDim = c.headCount * headDim
        let groupSize = c.headCount / c.kvHeadCount  // query heads per key/value head

        // x = embedding of token  [dim]
        weights.tokenEmbedding.dequantizedRow(token, into: s.x)
        if let positions = weights.positionEmbedding {  // x += learned position embedding  [dim]
            positions.dequantizedRow(position, into: s.xb)
            Kernels.add(s.x, s.xb, count: dim)
        }

        for (layerIndex, layer) in weights.layers.enumerated() {
            // xb = rmsnorm(x)  [dim]
            normalize(s.xb, s.x, layer.attentionNorm, layer.attentionNormBias)

            // q = Wq·xb [qDim], k = Wk·xb [kvDim], v = Wv·xb [kvDim]
            s.activations.quantize(s.xb, count: dim)
            WeightMatrix.multiply([(layer.query, s.q), (layer.key, s.k), (layer.value, s.v)], s.xb, s.activations, parallel: parallel)
            if let bias = layer.queryBias { Kernels.add(s.q, bias, count: qDim) }
            if let bias = layer.keyBias { Kernels.add(s.k, bias, count: kvDim) }
            if let bias = layer.valueBias { Kernels.add(s.v, bias, count: kvDim) }

            if c.usesRotaryPositions {
                Kernels.rope(s.q, heads: c.headCount, headDimension: headDim, position: position, theta: c.ropeTheta, style: c.ropeStyle)
                Kernels.rope(s.k, heads: c.kvHeadCount, headDimension: headDim, position: position, theta: c.ropeTheta, style: c.ropeStyle)
            }

            // Append k, v to this layer's cache  [capacity, kvDim], stored as halves like llama.cpp's
            // (or as floats, like transformers, when the state has single-precision caches).
            let layerKeys = s.keyCache + layerIndex * s.capacity * kvDim
            let layerValues = s.valueCache + layerIndex * s.capacity * kvDim
            let singleKeys = s.keyCacheSingle.map { $0 + layerIndex * s.capacity * kvDim }
            let singleValues = s.valueCacheSingle.map { $0 + layerIndex * s.capacity * kvDim }
            if let singleKeys, let singleValues {
                (singleKeys + position * kvDim).update(from: s.k, count: kvDim)
                (singleValues + position * kvDim).update(from: s.v, count: kvDim)
            } else {
                for index in 0..<kvDim {
                    layerKeys[position * kvDim + index] = Float16(s.k[index])
                    layerValues[position * kvDim + index] = Float16(s.v[index])
                }
                for index in 0..<qDim { s.qHalf[index] = Float16(s.q[index]) }
            }

            // Attention per query head: scores over positions 0...position, softmax, mix values.
            let scale = 1 / Float(headDim).squareRoot()
            for head in 0..<c.headCount {
                let query = s.qHalf + head * headDim  // [headDim]
                let kvOffset = (head / groupSize) * headDim
                for past in 0...position {
                    let score = singleKeys.map { Kernels.dot(s.q + head * headDim, $0 + past * kvDim + kvOffset, count: headDim) }
                        ?? Kernels.dotHalf(query, layerKeys + past * kvDim + kvOffset, count: headDim)
                    s.attention[past] = score * scale
                }
                Kernels.softmax(s.attention, count: position + 1)
                let mixed = s.xb + head * headDim  // [headDim]
                mixed.update(repeating: 0, count: headDim)
                for past in 0...position {
                    let weight = s.attention[past]
                    if let singleValues {
                        Kernels.addScaled(mixed, weight, singleValues + past * kvDim + kvOffset, count: headDim)
                        continue
                    }
                    let values = layerValues + past * kvDim + kvOffset
                    for index in 0..<headDim { mixed[index] += weight * Float(values[index]) }
                }
            }

            // x += Wo·xb  [dim]
            s.activations.quantize(s.xb, count: qDim)
            WeightMatrix.multiply([(layer.attentionOutput, s.xb2)], s.xb, s.activations, parallel: parallel)
            if let bias = layer.attentionOutputBias { Kernels.add(s.xb2, bias, count: dim) }
            Kernels.add(s.x, s.xb2, count: dim)

            // MLP: x += Wdown·(silu(Wgate·xb) ⊙ Wup·xb), xb = rmsnorm(x)  [hidden] inside
            // (GPT-2: x += Wdown·gelu(Wup·xb + b) + b)
            normalize(s.xb, s.x, layer.ffnNorm, layer.ffnNormBias)
            s.activations.quantize(s.xb, count: dim)
            if let gate = layer.gate {
                WeightMatrix.multiply([(gate, s.hb), (layer.up, s.hb2)], s.xb, s.activations, parallel: parallel)
                Kernels.swiGLU(s.hb, s.hb2, count: c.hiddenDimension)
            } else {
                WeightMatrix.multiply([(layer.up, s.hb)], s.xb, s.activations, parallel: parallel)
                if let bias = layer.upBias { Kernels.add(s.hb, bias, count: c.hiddenDimension) }
                if c.feedForward == .geluExact {
                    Kernels.geluExact(s.hb, count: c.hiddenDimension)
                } else {
                    Kernels.geluTanh(s.hb, count: c.hiddenDimension)
                }
            }
            s.activations.quantize(s.hb, count: c.hiddenDimension)
            WeightMatrix.multiply([(layer.down, s.xb2)], s.hb, s.activations, parallel: parallel)
            if let bias = layer.downBias { Kernels.add(s.xb2, bias, count: dim) }
            Kernels.add(s.x, s.xb2, count: dim)
        }

        // logits = Wout·rmsnorm(x)  [vocab]
        normalize(s.xb, s.x, weights.outputNorm, weights.outputNormBias)
        s.activations.quantize(s.xb, count: dim)
        WeightMatrix.multiply([(weights.output, s.logits)], s.xb, s.activations, parallel: parallel)
        return UnsafeMutableBufferPointer(start: s.logits, count: c.vocabularySize)
    }
}

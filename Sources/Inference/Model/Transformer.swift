/// A Llama-family decoder (Llama, Qwen2) running one token at a time over a KV cache.
///
/// `forward` reads top to bottom like llama2.c's: embed, then per block RMSNorm → Q/K/V →
/// RoPE → grouped-query attention over the cache → output projection → residual, RMSNorm →
/// SwiGLU MLP → residual; final RMSNorm and the classifier.
final class Transformer {
    let config: ModelConfig
    let weights: ModelWeights
    let state: RunState
    let parallel: ParallelRows

    init(file: GGUFFile, capacity: Int, threads: Int) throws {
        config = try ModelConfig(gguf: file)
        weights = try ModelWeights(file: file, config: config)
        state = RunState(config: config, capacity: min(capacity, config.contextLength))
        parallel = ParallelRows(workers: threads)
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

        for (layerIndex, layer) in weights.layers.enumerated() {
            // xb = rmsnorm(x)  [dim]
            Kernels.rmsNorm(s.xb, s.x, layer.attentionNorm, count: dim, epsilon: c.rmsEpsilon)

            // q = Wq·xb [qDim], k = Wk·xb [kvDim], v = Wv·xb [kvDim]
            s.activations.quantize(s.xb, count: dim)
            WeightMatrix.multiply([(layer.query, s.q), (layer.key, s.k), (layer.value, s.v)], s.xb, s.activations, parallel: parallel)
            if let bias = layer.queryBias { Kernels.add(s.q, bias, count: qDim) }
            if let bias = layer.keyBias { Kernels.add(s.k, bias, count: kvDim) }
            if let bias = layer.valueBias { Kernels.add(s.v, bias, count: kvDim) }

            Kernels.rope(s.q, heads: c.headCount, headDimension: headDim, position: position, theta: c.ropeTheta, style: c.ropeStyle)
            Kernels.rope(s.k, heads: c.kvHeadCount, headDimension: headDim, position: position, theta: c.ropeTheta, style: c.ropeStyle)

            // Append k, v to this layer's cache  [capacity, kvDim], stored as halves like llama.cpp's.
            let layerKeys = s.keyCache + layerIndex * s.capacity * kvDim
            let layerValues = s.valueCache + layerIndex * s.capacity * kvDim
            for index in 0..<kvDim {
                layerKeys[position * kvDim + index] = Float16(s.k[index])
                layerValues[position * kvDim + index] = Float16(s.v[index])
            }
            for index in 0..<qDim { s.qHalf[index] = Float16(s.q[index]) }

            // Attention per query head: scores over positions 0...position, softmax, mix values.
            let scale = 1 / Float(headDim).squareRoot()
            for head in 0..<c.headCount {
                let query = s.qHalf + head * headDim  // [headDim]
                let kvOffset = (head / groupSize) * headDim
                for past in 0...position {
                    s.attention[past] = Kernels.dotHalf(query, layerKeys + past * kvDim + kvOffset, count: headDim) * scale
                }
                Kernels.softmax(s.attention, count: position + 1)
                let mixed = s.xb + head * headDim  // [headDim]
                mixed.update(repeating: 0, count: headDim)
                for past in 0...position {
                    let weight = Float(Float16(s.attention[past]))  // ggml multiplies V by the probabilities as halves
                    let values = layerValues + past * kvDim + kvOffset
                    for index in 0..<headDim { mixed[index] += weight * Float(values[index]) }
                }
            }

            // x += Wo·xb  [dim]
            s.activations.quantize(s.xb, count: qDim)
            WeightMatrix.multiply([(layer.attentionOutput, s.xb2)], s.xb, s.activations, parallel: parallel)
            Kernels.add(s.x, s.xb2, count: dim)

            // MLP: x += Wdown·(silu(Wgate·xb) ⊙ Wup·xb), xb = rmsnorm(x)  [hidden] inside
            Kernels.rmsNorm(s.xb, s.x, layer.ffnNorm, count: dim, epsilon: c.rmsEpsilon)
            s.activations.quantize(s.xb, count: dim)
            WeightMatrix.multiply([(layer.gate, s.hb), (layer.up, s.hb2)], s.xb, s.activations, parallel: parallel)
            Kernels.swiGLU(s.hb, s.hb2, count: c.hiddenDimension)
            s.activations.quantize(s.hb, count: c.hiddenDimension)
            WeightMatrix.multiply([(layer.down, s.xb2)], s.hb, s.activations, parallel: parallel)
            Kernels.add(s.x, s.xb2, count: dim)
        }

        // logits = Wout·rmsnorm(x)  [vocab]
        Kernels.rmsNorm(s.xb, s.x, weights.outputNorm, count: dim, epsilon: c.rmsEpsilon)
        s.activations.quantize(s.xb, count: dim)
        WeightMatrix.multiply([(weights.output, s.logits)], s.xb, s.activations, parallel: parallel)
        return UnsafeMutableBufferPointer(start: s.logits, count: c.vocabularySize)
    }
}

import CKernels

/// A decoder (Llama, Qwen2, GPT-2) running a batch of tokens over per-sequence KV caches.
///
/// `forward` reads top to bottom like llama2.c's: embed, then per block RMSNorm → Q/K/V →
/// RoPE → grouped-query attention over the cache → output projection → residual, RMSNorm →
/// SwiGLU MLP → residual; final RMSNorm and the classifier. GPT-2 switches in LayerNorm,
/// learned positions instead of RoPE, biases on every projection and a GELU MLP. Every row of the batch is its own
/// token with its own position and sequence slot: a chunk of one prompt (consecutive
/// positions, causal inside the chunk) or one token of each of several sequences. The matrix
/// products take the whole batch at once; everything else runs row by row with the same
/// arithmetic as a batch of one, so batching never changes the logits.
final class Transformer {
    /// One row of a batch.
    struct BatchToken {
        let token: Int
        /// 0-based; every earlier position of the sequence has been run.
        let position: Int
        /// The KV-cache slot of the token's sequence.
        let sequence: Int
        /// Whether the classifier runs for this row.
        let wantsLogits: Bool
    }

    let config: ModelConfig
    let weights: ModelWeights
    let state: RunState
    let parallel: ParallelRows
    /// Low-rank updates added next to the projections (LoRA unmerged); nil runs the base alone.
    var adapter: ProjectionAdapter?

    /// A model from its parts; `singlePrecisionCache` keeps keys and values as floats.
    init(config: ModelConfig, weights: ModelWeights, capacity: Int, threads: Int, batchCapacity: Int = 64,
         singlePrecisionCache: Bool) {
        self.config = config
        self.weights = weights
        parallel = ParallelRows(workers: threads)
        state = RunState(config: config, capacity: min(capacity, config.contextLength), batchCapacity: batchCapacity,
                         singlePrecisionCache: singlePrecisionCache, workers: parallel.workers)
    }

    /// A GGUF model, with llama.cpp's half-precision cache.
    convenience init(file: GGUFFile, capacity: Int, threads: Int, batchCapacity: Int = 64) throws {
        let config = try ModelConfig(gguf: file)
        let weights = try ModelWeights(file: file, config: config)
        self.init(config: config, weights: weights, capacity: capacity, threads: threads, batchCapacity: batchCapacity,
                  singlePrecisionCache: false)
    }

    /// out = norm(x) with the model's normalization.  out, x: [dim]
    private func normalize(_ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ weight: [Float], _ bias: [Float]?) {
        switch config.normalization {
        case .rmsNorm: Kernels.rmsNorm(out, x, weight, count: config.dimension, epsilon: config.rmsEpsilon)
        case .layerNorm: Kernels.layerNorm(out, x, weight, bias!, count: config.dimension, epsilon: config.rmsEpsilon)
        }
    }

    /// Runs `token` at `position` of sequence slot 0 and returns the next-token logits.  // [vocab]
    @discardableResult
    func forward(token: Int, position: Int) -> UnsafeMutableBufferPointer<Float> {
        forward([BatchToken(token: token, position: position, sequence: 0, wantsLogits: true)])
    }

    /// Runs a batch and returns the logits of the rows with `wantsLogits`, in batch order.
    /// `rowAdapters`, one per row, gives each row its own low-rank update (nil: none for that
    /// row); without it every row gets `adapter`. A row's update is the same computed alone or
    /// in a batch (the adapter products work row by row).
    ///   [rows wanting logits, vocab]
    @discardableResult
    func forward(_ batch: [BatchToken], rowAdapters: [ProjectionAdapter?]? = nil) -> UnsafeMutableBufferPointer<Float> {
        let c = config, s = state, n = batch.count
        precondition(n > 0 && n <= s.batchCapacity, "a batch of \(n) tokens; the run state holds \(s.batchCapacity)")
        precondition(rowAdapters == nil || rowAdapters!.count == n, "one adapter entry per row")
        let hasAdapter = rowAdapters.map { $0.contains { $0 != nil } } ?? (adapter != nil)
        /// Adds the updates of `projection` in `layer`: input [n, inWidth] contiguous, output [n, outWidth].
        func addUpdates(_ projection: Projection, layer: Int, input: UnsafeBufferPointer<Float>, inWidth: Int,
                        output: UnsafeMutablePointer<Float>, outWidth: Int) {
            guard let rowAdapters else {
                adapter?.addUpdate(layer: layer, projection: projection, input: input,
                                   output: UnsafeMutableBufferPointer(start: output, count: n * outWidth), tokens: n)
                return
            }
            for (row, rowAdapter) in rowAdapters.enumerated() {
                rowAdapter?.addUpdate(layer: layer, projection: projection,
                                      input: UnsafeBufferPointer(start: input.baseAddress! + row * inWidth, count: inWidth),
                                      output: UnsafeMutableBufferPointer(start: output + row * outWidth, count: outWidth),
                                      tokens: 1)
            }
        }
        precondition(batch.allSatisfy { $0.position < s.capacity }, "a position is past the KV cache's \(s.capacity)")
        let dim = c.dimension, kvDim = c.kvDimension, hidden = c.hiddenDimension
        let qDim = c.headCount * c.headDimension, wide = s.wideDimension

        // x[b] = embedding of token b  [n, dim]
        for (b, entry) in batch.enumerated() { weights.tokenEmbedding.dequantizedRow(entry.token, into: s.x + b * dim) }
        if let positions = weights.positionEmbedding {  // x[b] += learned embedding of position b  [n, dim]
            for (b, entry) in batch.enumerated() {
                positions.dequantizedRow(entry.position, into: s.xb2)
                Kernels.add(s.x + b * dim, s.xb2, count: dim)
            }
        }

        for (layerIndex, layer) in weights.layers.enumerated() {
            // xb = rmsnorm(x)  [n, wide]
            for b in 0..<n { normalize(s.xb + b * wide, s.x + b * dim, layer.attentionNorm, layer.attentionNormBias) }

            // q = xb·Wqᵀ [n, qDim], k = xb·Wkᵀ [n, kvDim], v = xb·Wvᵀ [n, kvDim]
            WeightMatrix.multiply([(layer.query, s.q), (layer.key, s.k), (layer.value, s.v)], s.xb, s.activations,
                                  parallel: parallel, batch: n, inputStride: wide)
            if hasAdapter {
                let input = packedRows(s.xb, rows: n, columns: dim, stride: wide)
                for (projection, out, width) in [(Projection.query, s.q, qDim), (.key, s.k, kvDim), (.value, s.v, kvDim)] {
                    addUpdates(projection, layer: layerIndex, input: input, inWidth: dim, output: out, outWidth: width)
                }
            }
            for (b, entry) in batch.enumerated() {
                let q = s.q + b * qDim, k = s.k + b * kvDim, v = s.v + b * kvDim
                if let bias = layer.queryBias { Kernels.add(q, bias, count: qDim) }
                if let bias = layer.keyBias { Kernels.add(k, bias, count: kvDim) }
                if let bias = layer.valueBias { Kernels.add(v, bias, count: kvDim) }
                if c.usesRotaryPositions {
                    Kernels.rope(q, heads: c.headCount, headDimension: c.headDimension, position: entry.position, theta: c.ropeTheta, style: c.ropeStyle)
                    Kernels.rope(k, heads: c.kvHeadCount, headDimension: c.headDimension, position: entry.position, theta: c.ropeTheta, style: c.ropeStyle)
                }
                // Append k, v to the sequence's cache  [kvDim] each.
                let cache = s.layerCache(layer: layerIndex, slot: entry.sequence)
                precondition(entry.position >= cache.sharedLength, "position \(entry.position) lies in a shared prefix")
                if cache.isSinglePrecision {
                    cache.singleKey(entry.position).update(from: k, count: kvDim)
                    cache.singleValue(entry.position).update(from: v, count: kvDim)
                } else {
                    Kernels.storeHalf(cache.key(entry.position), k, count: kvDim)
                    Kernels.storeHalf(cache.value(entry.position), v, count: kvDim)
                }
            }
            // Every row's k, v are cached before any row attends, so a chunk's later rows see
            // its earlier ones; a row never reads a position after its own (causal).
            // One task per (group of rows, key/value head), spread over the workers: a group is up
            // to `attentionRows` consecutive rows of one sequence (a prompt chunk), and the query
            // heads that share a key/value head go together, so every cached key and value is
            // read and converted once for all the rows and heads that use it.
            if !s.singlePrecisionCache { Kernels.storeHalf(s.qHalf, s.q, count: n * qDim) }
            let caches = batch.map { s.layerCache(layer: layerIndex, slot: $0.sequence) }
            let positions = batch.map(\.position)
            let groups = Self.attentionGroups(batch, limit: RunState.attentionRows)
            let groupSize = c.headCount / c.kvHeadCount
            parallel.runIndexed(groups.count * c.kvHeadCount) { worker, tasks in
                let scores = s.attention + worker * RunState.attentionRows * groupSize * s.capacity
                for task in tasks {
                    let rows = groups[task / c.kvHeadCount], kvHead = task % c.kvHeadCount
                    let heads = (kvHead * groupSize)..<((kvHead + 1) * groupSize)
                    if caches[rows.lowerBound].isSinglePrecision {
                        for head in heads {
                            for b in rows {
                                attend(head: head, query: s.q + b * qDim, into: s.xb + b * wide, position: positions[b],
                                       cache: caches[b], scores: scores)
                            }
                        }
                    } else {
                        attendHalf(heads: heads, rows: rows, queryHalf: s.qHalf, qDim: qDim, into: s.xb, wide: wide,
                                   positions: positions, cache: caches[rows.lowerBound], scores: scores)
                    }
                }
            }

            // x += xb·Woᵀ  [n, dim]
            WeightMatrix.multiply([(layer.attentionOutput, s.xb2)], s.xb, s.activations, parallel: parallel, batch: n, inputStride: wide)
            if hasAdapter {
                addUpdates(.attentionOutput, layer: layerIndex, input: packedRows(s.xb, rows: n, columns: qDim, stride: wide),
                           inWidth: qDim, output: s.xb2, outWidth: dim)
            }
            if let bias = layer.attentionOutputBias { for b in 0..<n { Kernels.add(s.xb2 + b * dim, bias, count: dim) } }
            Kernels.add(s.x, s.xb2, count: n * dim)

            // MLP: x += (silu(xb·Wgateᵀ) ⊙ xb·Wupᵀ)·Wdownᵀ, xb = rmsnorm(x)  [n, hidden] inside
            // (GPT-2: x += gelu(xb·Wupᵀ + b)·Wdownᵀ + b)
            for b in 0..<n { normalize(s.xb + b * wide, s.x + b * dim, layer.ffnNorm, layer.ffnNormBias) }
            if let gate = layer.gate {
                WeightMatrix.multiply([(gate, s.hb), (layer.up, s.hb2)], s.xb, s.activations, parallel: parallel, batch: n, inputStride: wide)
                if hasAdapter {
                    let input = packedRows(s.xb, rows: n, columns: dim, stride: wide)
                    addUpdates(.gate, layer: layerIndex, input: input, inWidth: dim, output: s.hb, outWidth: hidden)
                    addUpdates(.up, layer: layerIndex, input: input, inWidth: dim, output: s.hb2, outWidth: hidden)
                }
                Kernels.swiGLU(s.hb, s.hb2, count: n * hidden)
            } else {
                WeightMatrix.multiply([(layer.up, s.hb)], s.xb, s.activations, parallel: parallel, batch: n, inputStride: wide)
                if hasAdapter {
                    addUpdates(.up, layer: layerIndex, input: packedRows(s.xb, rows: n, columns: dim, stride: wide),
                               inWidth: dim, output: s.hb, outWidth: hidden)
                }
                if let bias = layer.upBias { for b in 0..<n { Kernels.add(s.hb + b * hidden, bias, count: hidden) } }
                if c.feedForward == .geluExact {
                    Kernels.geluExact(s.hb, count: n * hidden)
                } else {
                    Kernels.geluTanh(s.hb, count: n * hidden)
                }
            }
            WeightMatrix.multiply([(layer.down, s.xb2)], s.hb, s.activations, parallel: parallel, batch: n)
            if hasAdapter {
                addUpdates(.down, layer: layerIndex, input: UnsafeBufferPointer(start: s.hb, count: n * hidden),
                           inWidth: hidden, output: s.xb2, outWidth: dim)
            }
            if let bias = layer.downBias { for b in 0..<n { Kernels.add(s.xb2 + b * dim, bias, count: dim) } }
            Kernels.add(s.x, s.xb2, count: n * dim)
        }

        // logits = rmsnorm(x)·Woutᵀ for the rows that want them  [m, vocab]
        var m = 0
        for (b, entry) in batch.enumerated() where entry.wantsLogits {
            normalize(s.xb + m * wide, s.x + b * dim, weights.outputNorm, weights.outputNormBias)
            m += 1
        }
        if m > 0 {
            WeightMatrix.multiply([(weights.output, s.logits)], s.xb, s.activations, parallel: parallel, batch: m, inputStride: wide)
        }
        return UnsafeMutableBufferPointer(start: s.logits, count: m * c.vocabularySize)
    }

    /// `rows` rows of `columns` floats laid out `stride` apart, as contiguous rows (the adapter
    /// hook's layout): the buffer itself when they already are, else a copy in the run state.
    ///   x: [rows, stride] → [rows, columns]
    private func packedRows(_ x: UnsafeMutablePointer<Float>, rows: Int, columns: Int, stride: Int) -> UnsafeBufferPointer<Float> {
        guard stride != columns else { return UnsafeBufferPointer(start: x, count: rows * columns) }
        for row in 0..<rows { (state.packed + row * columns).update(from: x + row * stride, count: columns) }
        return UnsafeBufferPointer(start: state.packed, count: rows * columns)
    }

    /// The batch's rows in groups of at most `limit` consecutive rows of one sequence at
    /// consecutive positions (the rows of a prompt chunk; a decode step's rows stay alone).
    static func attentionGroups(_ batch: [BatchToken], limit: Int) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var start = 0
        for b in 1...batch.count {
            let continues = b < batch.count && b - start < limit && batch[b].sequence == batch[start].sequence
                && batch[b].position == batch[b - 1].position + 1
            if !continues {
                groups.append(start..<b)
                start = b
            }
        }
        return groups
    }

    /// Attention of the query heads that share one key/value head, on a half-precision cache
    /// (llama.cpp's arithmetic: the query rounded to halves, the probabilities too before they
    /// mix V), for a group of rows of one sequence at consecutive positions: each key and value
    /// is converted to floats once for all the rows and heads that read it, and each query once.
    /// Every (row, head)'s arithmetic is what it would be alone, operation for operation, so
    /// grouping changes no bit.
    ///   queryHalf: [batch, qDim]; out: [batch, wide]; scores: [attentionRows · heads, capacity]
    private func attendHalf(
        heads: Range<Int>, rows: Range<Int>, queryHalf: UnsafeMutablePointer<Float16>, qDim: Int,
        into out: UnsafeMutablePointer<Float>, wide: Int, positions: [Int], cache: RunState.LayerCache,
        scores: UnsafeMutablePointer<Float>
    ) {
        let c = config, headDim = c.headDimension, capacity = state.capacity
        let groupSize = c.headCount / c.kvHeadCount
        let scale = 1 / Float(headDim).squareRoot()
        let kvOffset = (heads.lowerBound / groupSize) * headDim
        let first = positions[rows.lowerBound], last = positions[rows.upperBound - 1]
        let width = heads.count  // query heads per row here; (row r, head j) is pair r · width + j
        // The queries as floats  [rows, heads, headDim]
        withUnsafeTemporaryAllocation(of: Float.self, capacity: RunState.attentionRows * width * headDim) { queries in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: (Self.valueRun + 1) * headDim) { scratch in
                // One key, then a run of values, as floats.
                let queries = queries.baseAddress!, converted = scratch.baseAddress!, values = converted + headDim
                for (r, b) in rows.enumerated() {
                    for (j, head) in heads.enumerated() {
                        Self.widen(queryHalf + b * qDim + head * headDim, into: queries + (r * width + j) * headDim, count: headDim)
                        (out + b * wide + head * headDim).update(repeating: 0, count: headDim)
                    }
                }
                // scores[r, j][past] = q_rj · k_past · scale for past ≤ position of row r
                for past in 0...last {
                    let key = cache.key(past) + kvOffset
                    Self.widen(key, into: converted, count: headDim)
                    let from = max(0, past - first) * width
                    pk_attention_scores(queries + from * headDim, Int32(rows.count * width - from), Int32(headDim), converted,
                                        scale, scores + from * capacity + past, capacity)
                }
                for pair in 0..<(rows.count * width) { Kernels.softmax(scores + pair * capacity, count: first + pair / width + 1) }
                // out_rj += Σ_past half(p_rj,past) · v_past, a run of values (converted once) at a time
                for runStart in stride(from: 0, through: last, by: Self.valueRun) {
                    let runEnd = min(last + 1, runStart + Self.valueRun)
                    for past in runStart..<runEnd {
                        Self.widen(cache.value(past) + kvOffset, into: values + (past - runStart) * headDim, count: headDim)
                    }
                    for pair in (max(0, runStart - first) * width)..<(rows.count * width) {
                        let count = min(runEnd, first + pair / width + 1) - runStart
                        let mixed = out + (rows.lowerBound + pair / width) * wide + (heads.lowerBound + pair % width) * headDim
                        pk_attention_mix(mixed, scores + pair * capacity + runStart, Int32(count), values, Int32(headDim))
                    }
                }
            }
        }
    }

    /// Cached positions whose values are converted to floats together before they are mixed.
    static let valueRun = 32

    /// `count` halves as floats.
    @inline(__always)
    private static func widen(_ halves: UnsafePointer<Float16>, into floats: UnsafeMutablePointer<Float>, count: Int) {
        let chunks = count / 16
        for chunk in 0..<chunks {
            UnsafeMutableRawPointer(floats + chunk * 16).storeBytes(
                of: SIMD16<Float>(UnsafeRawPointer(halves + chunk * 16).loadUnaligned(as: SIMD16<Float16>.self)), as: SIMD16<Float>.self)
        }
        for index in (chunks * 16)..<count { floats[index] = Float(halves[index]) }
    }

    /// Grouped-query attention of one query head of one token on a single-precision cache
    /// (transformers' arithmetic: float keys, values and probabilities): scores over
    /// positions 0...position of its sequence, softmax, mix of the values.
    ///   query, out: [qDim] (only the head's slice is read or written); scores: [capacity]
    private func attend(
        head: Int, query: UnsafeMutablePointer<Float>, into out: UnsafeMutablePointer<Float>, position: Int,
        cache: RunState.LayerCache, scores: UnsafeMutablePointer<Float>
    ) {
        let c = config, headDim = c.headDimension
        let groupSize = c.headCount / c.kvHeadCount  // query heads per key/value head
        let scale = 1 / Float(headDim).squareRoot()
        let kvOffset = (head / groupSize) * headDim
        let mixed = out + head * headDim  // [headDim]
        mixed.update(repeating: 0, count: headDim)
        let queryHead = query + head * headDim  // [headDim]
        for past in 0...position {
            scores[past] = Kernels.dot(queryHead, cache.singleKey(past) + kvOffset, count: headDim) * scale
        }
        Kernels.softmax(scores, count: position + 1)
        for past in 0...position {
            Kernels.addScaled(mixed, scores[past], cache.singleValue(past) + kvOffset, count: headDim)
        }
    }
}

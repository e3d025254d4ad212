/// Every buffer the forward pass writes, allocated once (KV cache included), like llama2.c's
/// `RunState`. Pages of the cache beyond the positions used are never touched, so they cost
/// address space, not memory.
final class RunState {
    let x: UnsafeMutablePointer<Float>  // [dim] residual stream
    let xb: UnsafeMutablePointer<Float>  // [max(dim, qDim)] normed input / attention output
    let xb2: UnsafeMutablePointer<Float>  // [dim] projection output
    let hb: UnsafeMutablePointer<Float>  // [hidden] gate
    let hb2: UnsafeMutablePointer<Float>  // [hidden] up
    let q: UnsafeMutablePointer<Float>  // [qDim]
    let k: UnsafeMutablePointer<Float>  // [kvDim]
    let v: UnsafeMutablePointer<Float>  // [kvDim]
    let qHalf: UnsafeMutablePointer<Float16>  // [qDim] query rounded to the cache's precision
    let attention: UnsafeMutablePointer<Float>  // [capacity] scores of one head
    let logits: UnsafeMutablePointer<Float>  // [vocab]
    let keyCache: UnsafeMutablePointer<Float16>  // [layers, capacity, kvDim]
    let valueCache: UnsafeMutablePointer<Float16>  // [layers, capacity, kvDim]
    /// Single-precision keys and values, used instead of the half caches when present:
    /// transformers keeps float32 caches, llama.cpp halves.
    let keyCacheSingle: UnsafeMutablePointer<Float>?  // [layers, capacity, kvDim]
    let valueCacheSingle: UnsafeMutablePointer<Float>?  // [layers, capacity, kvDim]
    /// int8 blocks of the current matrix-product input.
    var activations: QuantizedActivations
    /// Longest sequence the cache holds.  // tokens
    let capacity: Int

    private let sizes: [Int]

    /// Buffers for `config` with a cache of `capacity` tokens, in single precision when
    /// `singlePrecisionCache`.
    init(config: ModelConfig, capacity: Int, singlePrecisionCache: Bool = false) {
        let qDim = config.headCount * config.headDimension
        let cacheCount = config.layerCount * capacity * config.kvDimension
        self.capacity = capacity
        sizes = [config.dimension, max(config.dimension, qDim), config.dimension, config.hiddenDimension,
                 config.hiddenDimension, qDim, config.kvDimension, config.kvDimension, capacity, config.vocabularySize]
        func floats(_ count: Int) -> UnsafeMutablePointer<Float> {
            let buffer = UnsafeMutablePointer<Float>.allocate(capacity: count)
            buffer.initialize(repeating: 0, count: count)
            return buffer
        }
        x = floats(sizes[0])
        xb = floats(sizes[1])
        xb2 = floats(sizes[2])
        hb = floats(sizes[3])
        hb2 = floats(sizes[4])
        q = floats(sizes[5])
        k = floats(sizes[6])
        v = floats(sizes[7])
        attention = floats(sizes[8])
        logits = floats(sizes[9])
        qHalf = .allocate(capacity: qDim)
        qHalf.initialize(repeating: 0, count: qDim)
        // Left uninitialised on purpose: positions are written before they are read.
        keyCache = .allocate(capacity: cacheCount)
        valueCache = .allocate(capacity: cacheCount)
        keyCacheSingle = singlePrecisionCache ? .allocate(capacity: cacheCount) : nil
        valueCacheSingle = singlePrecisionCache ? .allocate(capacity: cacheCount) : nil
        activations = QuantizedActivations(capacity: max(config.dimension, config.hiddenDimension, qDim))
    }

    deinit {
        for buffer in [x, xb, xb2, hb, hb2, q, k, v, attention, logits] { buffer.deallocate() }
        qHalf.deallocate()
        keyCache.deallocate()
        valueCache.deallocate()
        keyCacheSingle?.deallocate()
        valueCacheSingle?.deallocate()
    }
}

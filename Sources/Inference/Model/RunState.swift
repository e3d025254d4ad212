/// Every buffer the forward pass writes, allocated once, like llama2.c's `RunState`: the
/// activations of a batch of up to `batchCapacity` tokens and one KV cache per sequence slot.
///
/// A slot's cache covers positions 0..<capacity; pages beyond the positions used are never
/// touched, so they cost address space, not memory. A slot may read its first positions from
/// another slot's cache (`sharePrefix`), so n samples of one prompt hold the prompt's keys
/// and values once.
final class RunState {
    let x: UnsafeMutablePointer<Float>  // [batch, dim] residual stream
    let xb: UnsafeMutablePointer<Float>  // [batch, wide] normed input / attention output, wide = max(dim, qDim)
    let xb2: UnsafeMutablePointer<Float>  // [batch, dim] projection output
    let hb: UnsafeMutablePointer<Float>  // [batch, hidden] gate
    let hb2: UnsafeMutablePointer<Float>  // [batch, hidden] up
    let q: UnsafeMutablePointer<Float>  // [batch, qDim]
    let k: UnsafeMutablePointer<Float>  // [batch, kvDim]
    let v: UnsafeMutablePointer<Float>  // [batch, kvDim]
    let qHalf: UnsafeMutablePointer<Float16>  // [qDim] one query rounded to the cache's precision
    let attention: UnsafeMutablePointer<Float>  // [capacity] scores of one head
    let logits: UnsafeMutablePointer<Float>  // [batch, vocab] rows of the tokens that asked for logits
    /// int8 blocks of the current matrix-product input.
    var activations: QuantizedActivations
    /// Longest sequence a slot's cache holds.  // tokens
    let capacity: Int
    /// Most tokens in one forward pass.
    let batchCapacity: Int
    /// Row stride of `xb`: max(dim, qDim).
    let wideDimension: Int

    private let layerCount: Int
    private let kvDimension: Int
    private var floatBuffers: [UnsafeMutablePointer<Float>] = []
    /// Per slot: keys and values  [layers, capacity, kvDim], stored as halves like llama.cpp's.
    private var keySlots: [UnsafeMutablePointer<Float16>] = []
    private var valueSlots: [UnsafeMutablePointer<Float16>] = []
    /// Per slot: the slot whose cache holds its first `length` positions (itself when unshared).
    private var prefixes: [(slot: Int, length: Int)] = []

    init(config: ModelConfig, capacity: Int, batchCapacity: Int = 64) {
        let qDim = config.headCount * config.headDimension
        self.capacity = capacity
        self.batchCapacity = batchCapacity
        wideDimension = max(config.dimension, qDim)
        layerCount = config.layerCount
        kvDimension = config.kvDimension
        var buffers: [UnsafeMutablePointer<Float>] = []
        func floats(_ count: Int) -> UnsafeMutablePointer<Float> {
            let buffer = UnsafeMutablePointer<Float>.allocate(capacity: count)
            buffer.initialize(repeating: 0, count: count)
            buffers.append(buffer)
            return buffer
        }
        let batch = batchCapacity
        x = floats(batch * config.dimension)
        xb = floats(batch * wideDimension)
        xb2 = floats(batch * config.dimension)
        hb = floats(batch * config.hiddenDimension)
        hb2 = floats(batch * config.hiddenDimension)
        q = floats(batch * qDim)
        k = floats(batch * config.kvDimension)
        v = floats(batch * config.kvDimension)
        attention = floats(capacity)
        // Not initialised: a row is written before it is read, and untouched rows cost no memory.
        logits = .allocate(capacity: batch * config.vocabularySize)
        qHalf = .allocate(capacity: qDim)
        qHalf.initialize(repeating: 0, count: qDim)
        floatBuffers = buffers
        activations = QuantizedActivations(capacity: batch * max(config.dimension, config.hiddenDimension, qDim))
        ensureSlots(1)
    }

    deinit {
        for buffer in floatBuffers { buffer.deallocate() }
        logits.deallocate()
        qHalf.deallocate()
        for buffer in keySlots { buffer.deallocate() }
        for buffer in valueSlots { buffer.deallocate() }
    }

    /// Number of sequence slots allocated.
    var slotCount: Int { keySlots.count }

    /// Makes sure slots 0..<count exist; new slots start unshared.
    func ensureSlots(_ count: Int) {
        let perSlot = layerCount * capacity * kvDimension
        while keySlots.count < count {
            // Left uninitialised on purpose: positions are written before they are read.
            keySlots.append(.allocate(capacity: perSlot))
            valueSlots.append(.allocate(capacity: perSlot))
            prefixes.append((keySlots.count - 1, 0))
        }
    }

    /// Lets `slot` read positions 0..<length from `source`'s cache; its own cache holds the
    /// rest. `source` must not itself share (one level), and must keep those positions.
    func sharePrefix(of source: Int, length: Int, with slot: Int) {
        precondition(prefixes[source].length == 0 || prefixes[source].slot == source, "slot \(source) shares itself")
        prefixes[slot] = (source, length)
    }

    /// Makes `slot` hold its whole sequence itself again.
    func unshare(_ slot: Int) {
        prefixes[slot] = (slot, 0)
    }

    /// The cache of one layer as the sequence in `slot` sees it.
    func layerCache(layer: Int, slot: Int) -> LayerCache {
        let offset = layer * capacity * kvDimension
        let prefix = prefixes[slot]
        return LayerCache(
            sharedKeys: keySlots[prefix.slot] + offset, sharedValues: valueSlots[prefix.slot] + offset,
            sharedLength: prefix.length, keys: keySlots[slot] + offset, values: valueSlots[slot] + offset,
            kvDimension: kvDimension)
    }

    /// One layer's keys and values for one sequence: positions below `sharedLength` live in
    /// the shared prefix slot, the others in the sequence's own slot.
    struct LayerCache {
        let sharedKeys: UnsafeMutablePointer<Float16>  // [capacity, kvDim]
        let sharedValues: UnsafeMutablePointer<Float16>  // [capacity, kvDim]
        let sharedLength: Int
        let keys: UnsafeMutablePointer<Float16>  // [capacity, kvDim]
        let values: UnsafeMutablePointer<Float16>  // [capacity, kvDim]
        let kvDimension: Int

        /// Keys at `position`.  // [kvDim]
        @inline(__always)
        func key(_ position: Int) -> UnsafeMutablePointer<Float16> {
            (position < sharedLength ? sharedKeys : keys) + position * kvDimension
        }

        /// Values at `position`.  // [kvDim]
        @inline(__always)
        func value(_ position: Int) -> UnsafeMutablePointer<Float16> {
            (position < sharedLength ? sharedValues : values) + position * kvDimension
        }
    }
}

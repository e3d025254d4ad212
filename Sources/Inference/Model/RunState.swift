/// Every buffer the forward pass writes, allocated once, like llama2.c's `RunState`: the
/// activations of a batch of up to `batchCapacity` tokens and one KV cache per sequence slot.
///
/// A slot's cache covers positions 0..<capacity; pages beyond the positions used are never
/// touched, so they cost address space, not memory. A slot may read its first positions from
/// another slot's cache (`sharePrefix`), so n samples of one prompt hold the prompt's keys
/// and values once. Keys and values are halves like llama.cpp's, or floats like transformers'
/// (`singlePrecisionCache`).
final class RunState {
    let x: UnsafeMutablePointer<Float>  // [batch, dim] residual stream
    let xb: UnsafeMutablePointer<Float>  // [batch, wide] normed input / attention output, wide = max(dim, qDim)
    let xb2: UnsafeMutablePointer<Float>  // [batch, dim] projection output
    let hb: UnsafeMutablePointer<Float>  // [batch, hidden] gate
    let hb2: UnsafeMutablePointer<Float>  // [batch, hidden] up
    let q: UnsafeMutablePointer<Float>  // [batch, qDim]
    let k: UnsafeMutablePointer<Float>  // [batch, kvDim]
    let v: UnsafeMutablePointer<Float>  // [batch, kvDim]
    let qHalf: UnsafeMutablePointer<Float16>  // [batch, qDim] queries rounded to the cache's precision
    /// Query rows of one sequence that attend together (each key and value converted once for them).
    static let attentionRows = 4
    let attention: UnsafeMutablePointer<Float>  // [workers, attentionRows, query heads per KV head, capacity] scores of one task per worker
    let logits: UnsafeMutablePointer<Float>  // [batch, vocab] rows of the tokens that asked for logits
    let packed: UnsafeMutablePointer<Float>  // [batch, wide] xb's rows made contiguous for an adapter
    /// The current matrix-product input in the int8 formats its weights need.
    let activations: QuantizedActivations
    /// Longest sequence a slot's cache holds.  // tokens
    let capacity: Int
    /// Most tokens in one forward pass.
    let batchCapacity: Int
    /// Row stride of `xb`: max(dim, qDim).
    let wideDimension: Int
    /// Whether the caches hold floats rather than halves.
    let singlePrecisionCache: Bool

    private let layerCount: Int
    private let kvDimension: Int
    private var floatBuffers: [UnsafeMutablePointer<Float>] = []
    /// Per slot: keys and values  [layers, capacity, kvDim], halves or floats.
    private var keySlots: [UnsafeMutableRawPointer] = []
    private var valueSlots: [UnsafeMutableRawPointer] = []
    /// Per slot: the slot whose cache holds its first `length` positions (itself when unshared).
    private var prefixes: [(slot: Int, length: Int)] = []

    init(config: ModelConfig, capacity: Int, batchCapacity: Int = 64, singlePrecisionCache: Bool = false, workers: Int = 1) {
        let qDim = config.headCount * config.headDimension
        self.capacity = capacity
        self.batchCapacity = batchCapacity
        self.singlePrecisionCache = singlePrecisionCache
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
        attention = floats(max(1, workers) * Self.attentionRows * (config.headCount / config.kvHeadCount) * capacity)
        packed = floats(batch * wideDimension)
        // Not initialised: a row is written before it is read, and untouched rows cost no memory.
        logits = .allocate(capacity: batch * config.vocabularySize)
        qHalf = .allocate(capacity: batch * qDim)
        qHalf.initialize(repeating: 0, count: batch * qDim)
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
        let elementBytes = singlePrecisionCache ? MemoryLayout<Float>.stride : MemoryLayout<Float16>.stride
        let perSlot = layerCount * capacity * kvDimension * elementBytes  // bytes
        while keySlots.count < count {
            // Left uninitialised on purpose: positions are written before they are read.
            keySlots.append(.allocate(byteCount: perSlot, alignment: 64))
            valueSlots.append(.allocate(byteCount: perSlot, alignment: 64))
            prefixes.append((keySlots.count - 1, 0))
        }
    }

    /// Lets `slot` read positions 0..<length from `source`'s cache; its own cache holds the
    /// rest. `source` must not itself share (one level), and must keep those positions.
    func sharePrefix(of source: Int, length: Int, with slot: Int) {
        precondition(prefixes[source].length == 0 || prefixes[source].slot == source, "slot \(source) shares itself")
        prefixes[slot] = (source, length)
    }

    /// Copies positions 0..<count of `source`'s own cache into `destination`'s own cache, in
    /// every layer (a prompt prefix computed once, reused by another sequence).
    func copyPositions(_ count: Int, from source: Int, to destination: Int) {
        precondition(count <= capacity && source != destination, "copy of \(count) positions from slot \(source) to \(destination)")
        let elementBytes = singlePrecisionCache ? MemoryLayout<Float>.stride : MemoryLayout<Float16>.stride
        let bytes = count * kvDimension * elementBytes
        for layer in 0..<layerCount {
            let offset = layer * capacity * kvDimension * elementBytes
            (keySlots[destination] + offset).copyMemory(from: keySlots[source] + offset, byteCount: bytes)
            (valueSlots[destination] + offset).copyMemory(from: valueSlots[source] + offset, byteCount: bytes)
        }
    }

    /// A slot kept out of the sequences' pool, for the scheduler's cached prompt prefix;
    /// allocated on first use.
    private(set) var prefixSlot: Int?

    func reservePrefixSlot() -> Int {
        if let prefixSlot { return prefixSlot }
        ensureSlots(slotCount + 1)
        prefixSlot = slotCount - 1
        return slotCount - 1
    }

    /// Makes `slot` hold its whole sequence itself again.
    func unshare(_ slot: Int) {
        prefixes[slot] = (slot, 0)
    }

    /// The cache of one layer as the sequence in `slot` sees it.
    func layerCache(layer: Int, slot: Int) -> LayerCache {
        let elementBytes = singlePrecisionCache ? MemoryLayout<Float>.stride : MemoryLayout<Float16>.stride
        let offset = layer * capacity * kvDimension * elementBytes  // bytes
        let prefix = prefixes[slot]
        return LayerCache(
            sharedKeys: keySlots[prefix.slot] + offset, sharedValues: valueSlots[prefix.slot] + offset,
            sharedLength: prefix.length, keys: keySlots[slot] + offset, values: valueSlots[slot] + offset,
            kvDimension: kvDimension, isSinglePrecision: singlePrecisionCache)
    }

    /// One layer's keys and values for one sequence: positions below `sharedLength` live in
    /// the shared prefix slot, the others in the sequence's own slot. Elements are halves, or
    /// floats when `isSinglePrecision`; read them through the accessor of that type.
    struct LayerCache {
        let sharedKeys: UnsafeMutableRawPointer  // [capacity, kvDim]
        let sharedValues: UnsafeMutableRawPointer  // [capacity, kvDim]
        let sharedLength: Int
        let keys: UnsafeMutableRawPointer  // [capacity, kvDim]
        let values: UnsafeMutableRawPointer  // [capacity, kvDim]
        let kvDimension: Int
        let isSinglePrecision: Bool

        /// Keys at `position`, as halves.  // [kvDim]
        @inline(__always)
        func key(_ position: Int) -> UnsafeMutablePointer<Float16> {
            element(position < sharedLength ? sharedKeys : keys, position, as: Float16.self)
        }

        /// Values at `position`, as halves.  // [kvDim]
        @inline(__always)
        func value(_ position: Int) -> UnsafeMutablePointer<Float16> {
            element(position < sharedLength ? sharedValues : values, position, as: Float16.self)
        }

        /// Keys at `position`, as floats.  // [kvDim]
        @inline(__always)
        func singleKey(_ position: Int) -> UnsafeMutablePointer<Float> {
            element(position < sharedLength ? sharedKeys : keys, position, as: Float.self)
        }

        /// Values at `position`, as floats.  // [kvDim]
        @inline(__always)
        func singleValue(_ position: Int) -> UnsafeMutablePointer<Float> {
            element(position < sharedLength ? sharedValues : values, position, as: Float.self)
        }

        @inline(__always)
        private func element<T>(_ base: UnsafeMutableRawPointer, _ position: Int, as type: T.Type) -> UnsafeMutablePointer<T> {
            base.assumingMemoryBound(to: T.self) + position * kvDimension
        }
    }
}

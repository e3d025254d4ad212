/// Where a tensor lives in a safetensors file and how it is shaped.
public struct SafetensorsTensorInfo: Sendable, Equatable {
    /// The tensor's name, e.g. `model.layers.0.self_attn.q_proj.weight`.
    public let name: String
    /// The element type.
    public let dtype: SafetensorsDType
    /// Extents, outermost first (row-major, as in PyTorch and NumPy); empty for a scalar.
    public let shape: [Int]
    /// The byte range of the data, relative to the first byte after the header.  // bytes
    public let dataOffsets: Range<Int>

    /// Number of elements (1 for a scalar).
    public var elementCount: Int { shape.reduce(1, *) }

    /// Size of the data.  // bytes
    public var byteCount: Int { dataOffsets.count }
}

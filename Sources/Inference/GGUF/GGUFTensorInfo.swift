/// Where a tensor lives in a GGUF file and how it is shaped.
public struct GGUFTensorInfo: Sendable, Equatable {
    /// The tensor's name, e.g. `blk.0.attn_q.weight`.
    public let name: String
    /// Extents with the row length first (ggml's `ne0, ne1, …`).
    public let dimensions: [Int]
    /// The element type.
    public let type: GGMLType
    /// Offset of the first byte from the start of the data section.  // bytes
    public let offset: Int

    /// Number of elements.
    public var elementCount: Int { dimensions.reduce(1, *) }

    /// Elements per row (ggml `ne0`).
    public var rowLength: Int { dimensions.first ?? 1 }

    /// Number of rows: the product of every extent after the first.
    public var rowCount: Int { dimensions.dropFirst().reduce(1, *) }

    /// Size of the data.  // bytes
    public var byteCount: Int { rowCount * (type.rowBytes(count: rowLength) ?? 0) }
}

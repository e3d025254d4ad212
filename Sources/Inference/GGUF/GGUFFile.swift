/// A GGUF v2/v3 model file, memory-mapped: metadata and tensor infos parsed, tensor data left
/// in place and read through the mapping.
public final class GGUFFile: @unchecked Sendable {
    /// The file's path.
    public let path: String
    /// The format version (2 or 3).
    public let version: Int
    /// Every metadata key and value, in file order.
    public let metadata: [(key: String, value: GGUFMetadataValue)]
    /// Every tensor info, in file order (which need not be numeric or offset order).
    public let tensors: [GGUFTensorInfo]
    /// The alignment of the data section and of each tensor in it.  // bytes
    public let alignment: Int
    /// Where the data section starts in the file.  // bytes
    public let dataOffset: Int

    private let file: MappedFile
    private let metadataIndex: [String: Int]
    private let tensorIndex: [String: Int]

    private static let magic: UInt32 = 0x4655_4747  // "GGUF" read as a little-endian u32
    private static let maximumDimensions = 4

    /// Maps and parses the file at `path`, checking that every tensor lies inside it.
    public init(path: String) throws {
        self.path = path
        file = try MappedFile(path: path)
        var cursor = GGUFCursor(bytes: file.bytes, path: path)

        guard try cursor.read(UInt32.self, "magic") == Self.magic else { throw cursor.failure("not a GGUF file (bad magic)") }
        let version = try cursor.read(UInt32.self, "version")
        guard version == 2 || version == 3 else { throw cursor.failure("unsupported GGUF version \(version)") }
        self.version = Int(version)
        let tensorCount = try cursor.readCount("tensor count", limit: cursor.remaining)
        let metadataCount = try cursor.readCount("metadata count", limit: cursor.remaining)

        var metadata: [(key: String, value: GGUFMetadataValue)] = []
        var metadataIndex: [String: Int] = [:]
        for index in 0..<metadataCount {
            let key = try cursor.readString("key of metadata entry \(index)")
            let type = try cursor.readValueType("type of '\(key)'")
            let value = try cursor.readValue(type: type, "'\(key)'")
            guard metadataIndex[key] == nil else { throw cursor.failure("duplicate metadata key '\(key)'") }
            metadataIndex[key] = metadata.count
            metadata.append((key, value))
        }
        self.metadata = metadata
        self.metadataIndex = metadataIndex

        var alignment = 32
        if let value = metadataIndex["general.alignment"].map({ metadata[$0].value }) {
            guard let requested = value.integer, requested > 0, requested & (requested - 1) == 0 else {
                throw cursor.failure("general.alignment must be a power of two, got \(value)")
            }
            alignment = requested
        }
        self.alignment = alignment

        var tensors: [GGUFTensorInfo] = []
        var tensorIndex: [String: Int] = [:]
        for index in 0..<tensorCount {
            let name = try cursor.readString("name of tensor \(index)")
            let dimensionCount = Int(try cursor.read(UInt32.self, "dimension count of '\(name)'"))
            guard (1...Self.maximumDimensions).contains(dimensionCount) else {
                throw cursor.failure("tensor '\(name)' has \(dimensionCount) dimensions (1 to \(Self.maximumDimensions) allowed)")
            }
            var dimensions: [Int] = []
            for axis in 0..<dimensionCount {
                dimensions.append(try cursor.readCount("extent \(axis) of '\(name)'", limit: Int(Int32.max)))
            }
            let typeCode = try cursor.read(UInt32.self, "type of '\(name)'")
            guard let type = GGMLType(rawValue: typeCode) else {
                throw InferenceError.unsupportedTensorType(tensor: name, typeCode: typeCode)
            }
            let offset = try cursor.readCount("offset of '\(name)'")
            guard offset % alignment == 0 else {
                throw cursor.failure("tensor '\(name)' starts at data offset \(offset), not a multiple of the alignment \(alignment)")
            }
            guard dimensions[0] % type.blockSize == 0 else {
                throw cursor.failure("tensor '\(name)' has rows of \(dimensions[0]) elements, not a multiple of \(type)'s block of \(type.blockSize)")
            }
            guard tensorIndex[name] == nil else { throw cursor.failure("duplicate tensor name '\(name)'") }
            tensorIndex[name] = tensors.count
            tensors.append(GGUFTensorInfo(name: name, dimensions: dimensions, type: type, offset: offset))
        }
        self.tensors = tensors
        self.tensorIndex = tensorIndex

        let headerEnd = cursor.offset
        dataOffset = (headerEnd + alignment - 1) / alignment * alignment
        for tensor in tensors {
            let (elementCount, overflow) = tensor.dimensions.reduce((1, false)) { partial, extent in
                let product = partial.0.multipliedReportingOverflow(by: extent)
                return (product.partialValue, partial.1 || product.overflow)
            }
            guard !overflow, elementCount < Int(Int32.max) * 64 else {
                throw cursor.failure("tensor '\(tensor.name)' has too many elements: \(tensor.dimensions)")
            }
            let available = max(0, file.byteCount - dataOffset - tensor.offset)
            if tensor.byteCount > available {
                throw InferenceError.tensorOutOfBounds(
                    path: path, tensor: tensor.name, expectedBytes: tensor.byteCount, availableBytes: available)
            }
        }
    }

    /// The value stored under `key`, if any.
    public subscript(key: String) -> GGUFMetadataValue? {
        metadataIndex[key].map { metadata[$0].value }
    }

    /// The info of the tensor called `name`, if any.
    public func tensorInfo(named name: String) -> GGUFTensorInfo? {
        tensorIndex[name].map { tensors[$0] }
    }

    /// The integer stored under `key`, or an error naming the key.
    public func integer(_ key: String) throws -> Int {
        guard let value = self[key] else { throw InferenceError.missingMetadata(key: key) }
        guard let integer = value.integer else { throw InferenceError.wrongMetadataType(key: key, expected: "an integer") }
        return integer
    }

    /// The number stored under `key`, or an error naming the key.
    public func float(_ key: String) throws -> Double {
        guard let value = self[key] else { throw InferenceError.missingMetadata(key: key) }
        guard let number = value.float else { throw InferenceError.wrongMetadataType(key: key, expected: "a number") }
        return number
    }

    /// The string stored under `key`, or an error naming the key.
    public func string(_ key: String) throws -> String {
        guard let value = self[key] else { throw InferenceError.missingMetadata(key: key) }
        guard let string = value.string else { throw InferenceError.wrongMetadataType(key: key, expected: "a string") }
        return string
    }

    /// The tensor's bytes inside the mapping; valid while this object lives.
    func data(of tensor: GGUFTensorInfo) -> UnsafeRawPointer {
        file.base!.advanced(by: dataOffset + tensor.offset)
    }

    /// Drops the whole pages of `bytes` (part of a tensor's data) from this process's memory (a
    /// packed copy replaced them); a later read maps them from the file again.
    func releasePages(_ bytes: UnsafeRawBufferPointer) {
        file.releasePages(bytes)
    }

    /// The tensor's elements converted to `Float` (a copy; for tests and small tensors).
    public func floats(of tensor: GGUFTensorInfo) throws -> [Float] {
        guard tensor.type.isComputable else {
            throw InferenceError.unsupportedTensorType(tensor: tensor.name, typeCode: tensor.type.rawValue)
        }
        var result = [Float](repeating: 0, count: tensor.elementCount)
        let rowBytes = tensor.type.rowBytes(count: tensor.rowLength)!
        let source = data(of: tensor)
        result.withUnsafeMutableBufferPointer { destination in
            for row in 0..<tensor.rowCount {
                Dequantize.row(
                    type: tensor.type, source: source + row * rowBytes,
                    destination: destination.baseAddress! + row * tensor.rowLength, count: tensor.rowLength)
            }
        }
        return result
    }
}

import Foundation

/// A `.safetensors` file, memory-mapped: header parsed and checked, tensor data left in place
/// and read through the mapping.
public final class SafetensorsFile: @unchecked Sendable {
    /// The file's path.
    public let path: String
    /// The `__metadata__` entries (e.g. `format: pt`); empty when absent.
    public let metadata: [String: String]
    /// Every tensor info, by data offset.
    public let tensors: [SafetensorsTensorInfo]
    /// Where the data section starts in the file: 8 + the header length.  // bytes
    public let dataOffset: Int

    private let file: MappedFile
    private let tensorIndex: [String: Int]

    /// Size of the little-endian header length that opens the file.  // bytes
    private static let lengthFieldBytes = 8

    /// Maps and parses the file at `path`, checking that every tensor lies inside it, has as
    /// many bytes as its dtype and shape imply, and overlaps no other.
    public init(path: String) throws {
        self.path = path
        file = try MappedFile(path: path)
        let bytes = file.bytes
        guard bytes.count >= Self.lengthFieldBytes else {
            throw InferenceError.malformedSafetensors(
                path: path, reason: "the file has \(bytes.count) bytes, fewer than the 8-byte header length")
        }
        let declaredLength = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
        let available = bytes.count - Self.lengthFieldBytes
        guard declaredLength <= UInt64(available) else {
            throw InferenceError.malformedSafetensors(
                path: path, reason: "the header length is \(declaredLength) bytes, but only \(available) follow it")
        }
        guard declaredLength <= UInt64(SafetensorsHeader.maximumByteCount) else {
            throw InferenceError.malformedSafetensors(
                path: path,
                reason: "the header length is \(declaredLength) bytes, over the limit of \(SafetensorsHeader.maximumByteCount)")
        }
        let headerLength = Int(declaredLength)
        dataOffset = Self.lengthFieldBytes + headerLength
        let json = Data(bytes[Self.lengthFieldBytes..<dataOffset])
        let header = try SafetensorsHeader(json: json, dataByteCount: bytes.count - dataOffset, path: path)
        metadata = header.metadata
        tensors = header.tensors
        tensorIndex = Dictionary(uniqueKeysWithValues: tensors.enumerated().map { ($0.element.name, $0.offset) })
    }

    /// The info of the tensor called `name`, if any.
    public func tensorInfo(named name: String) -> SafetensorsTensorInfo? {
        tensorIndex[name].map { tensors[$0] }
    }

    /// The info of the tensor called `name`, or an error naming it.
    public func requireTensor(named name: String) throws -> SafetensorsTensorInfo {
        guard let tensor = tensorInfo(named: name) else { throw InferenceError.missingTensor(name: name) }
        return tensor
    }

    /// The tensor's bytes inside the mapping; valid while this object lives.
    func data(of tensor: SafetensorsTensorInfo) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: file.bytes[(dataOffset + tensor.dataOffsets.lowerBound)...]
            .prefix(tensor.byteCount))
    }

    /// A copy of the tensor's raw little-endian bytes.
    public func bytes(of tensor: SafetensorsTensorInfo) -> [UInt8] {
        Array(data(of: tensor))
    }

    /// The tensor's elements converted exactly to `Float` (a copy; for tests and small tensors).
    public func floats(of tensor: SafetensorsTensorInfo) throws -> [Float] {
        guard let type = tensor.dtype.ggmlType else {
            throw InferenceError.unsupportedDType(path: path, tensor: tensor.name, dtype: tensor.dtype.rawValue)
        }
        let count = tensor.elementCount
        var result = [Float](repeating: 0, count: count)
        guard count > 0, let source = data(of: tensor).baseAddress else { return result }
        result.withUnsafeMutableBufferPointer { destination in
            Dequantize.row(type: type, source: source, destination: destination.baseAddress!, count: count)
        }
        return result
    }

    /// The elements of the tensor called `name` as `Float`, or an error naming it.
    public func floats(named name: String) throws -> [Float] {
        try floats(of: requireTensor(named: name))
    }
}

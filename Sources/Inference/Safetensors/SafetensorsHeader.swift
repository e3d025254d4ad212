import Foundation

/// The parsed and checked JSON header of a safetensors file.
///
/// Layout: an 8-byte little-endian header length N, N bytes of UTF-8 JSON
/// `{name: {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {string: string}}`,
/// then the data, which the offsets index from its first byte. Tensors may come in any order
/// and leave gaps, but no two may overlap.
struct SafetensorsHeader {
    /// The `__metadata__` entries; empty when absent.
    let metadata: [String: String]
    /// Every tensor, by data offset (then name, for empty tensors).
    let tensors: [SafetensorsTensorInfo]

    /// The largest header accepted, as in the reference implementation.  // bytes
    static let maximumByteCount = 100 << 20

    /// Parses `json`, checking every tensor against `dataByteCount`, the bytes after the header.
    init(json: Data, dataByteCount: Int, path: String) throws {
        func malformed(_ reason: String) -> InferenceError { .malformedSafetensors(path: path, reason: reason) }

        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: json)
        } catch {
            throw malformed("the header is not valid JSON (\(error.localizedDescription))")
        }
        guard let entries = object as? [String: Any] else { throw malformed("the header is not a JSON object") }

        var metadata: [String: String] = [:]
        var tensors: [SafetensorsTensorInfo] = []
        for (name, value) in entries {
            if name == "__metadata__" {
                guard let pairs = value as? [String: Any] else { throw malformed("__metadata__ is not an object") }
                for (key, value) in pairs {
                    guard let string = value as? String else { throw malformed("__metadata__ key '\(key)' is not a string") }
                    metadata[key] = string
                }
                continue
            }
            tensors.append(try Self.tensor(name: name, entry: value, path: path, malformed: malformed))
        }
        tensors.sort { ($0.dataOffsets.lowerBound, $0.name) < ($1.dataOffsets.lowerBound, $1.name) }

        for tensor in tensors where tensor.dataOffsets.upperBound > dataByteCount {
            throw InferenceError.tensorOutOfBounds(
                path: path, tensor: tensor.name, expectedBytes: tensor.byteCount,
                availableBytes: max(0, dataByteCount - tensor.dataOffsets.lowerBound))
        }
        let occupied = tensors.filter { !$0.dataOffsets.isEmpty }
        for (previous, next) in zip(occupied, occupied.dropFirst()) where previous.dataOffsets.overlaps(next.dataOffsets) {
            throw malformed(
                "tensors '\(previous.name)' \(previous.dataOffsets) and '\(next.name)' \(next.dataOffsets) overlap")
        }
        self.metadata = metadata
        self.tensors = tensors
    }

    /// One tensor entry, its byte range checked against its dtype and shape.
    private static func tensor(
        name: String, entry: Any, path: String, malformed: (String) -> InferenceError
    ) throws -> SafetensorsTensorInfo {
        guard let fields = entry as? [String: Any] else { throw malformed("tensor '\(name)' is not an object") }
        guard let dtypeName = fields["dtype"] as? String else { throw malformed("tensor '\(name)' has no dtype string") }
        guard let dtype = SafetensorsDType(rawValue: dtypeName) else {
            throw malformed("tensor '\(name)' has unknown dtype '\(dtypeName)'")
        }
        guard let shape = fields["shape"] as? [Int], shape.allSatisfy({ $0 >= 0 }) else {
            throw malformed("tensor '\(name)' has no shape of non-negative integers")
        }
        guard let offsets = fields["data_offsets"] as? [Int], offsets.count == 2,
              offsets[0] >= 0, offsets[0] <= offsets[1]
        else {
            throw malformed("tensor '\(name)' has no data_offsets [begin, end] with 0 ≤ begin ≤ end")
        }
        var expectedBytes = dtype.elementBytes
        for extent in shape {
            let (product, overflow) = expectedBytes.multipliedReportingOverflow(by: extent)
            guard !overflow else { throw malformed("tensor '\(name)' has too many elements: \(shape)") }
            expectedBytes = product
        }
        let dataOffsets = offsets[0]..<offsets[1]
        guard dataOffsets.count == expectedBytes else {
            throw InferenceError.tensorSizeMismatch(
                path: path, tensor: name, expectedBytes: expectedBytes, actualBytes: dataOffsets.count)
        }
        return SafetensorsTensorInfo(name: name, dtype: dtype, shape: shape, dataOffsets: dataOffsets)
    }
}

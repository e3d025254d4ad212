import Foundation

/// Writes a `.safetensors` file: 8-byte little-endian header length, the JSON header padded
/// with spaces to a multiple of 8 bytes, then every tensor's little-endian data back to back.
public struct SafetensorsWriter {
    /// The element types this writer produces from `Float` values.
    public enum ElementType: String, Sendable, CaseIterable {
        case float32 = "F32"
        case float16 = "F16"
        case bfloat16 = "BF16"

        var elementBytes: Int { self == .float32 ? 4 : 2 }

        /// The type named as `--dtype` takes it: f32, f16 or bf16 (also float32, float16, bfloat16).
        public init(parsing name: String) throws {
            switch name.lowercased() {
            case "f32", "float32": self = .float32
            case "f16", "float16": self = .float16
            case "bf16", "bfloat16": self = .bfloat16
            default: throw AdapterError.invalidOption(name: "--dtype", reason: "'\(name)' is not f32, f16 or bf16")
            }
        }

        /// The short name `--dtype` takes (f32, f16, bf16).
        public var optionName: String {
            switch self {
            case .float32: "f32"
            case .float16: "f16"
            case .bfloat16: "bf16"
            }
        }
    }

    private var entries: [(name: String, shape: [Int], bytes: [UInt8], type: ElementType)] = []
    private let metadata: [String: String]

    /// A writer whose header carries `metadata` (`__metadata__`).
    public init(metadata: [String: String] = ["format": "pt"]) {
        self.metadata = metadata
    }

    /// Adds a tensor of `shape` holding `values`, converted to `type` (round to nearest even).
    public mutating func add(name: String, shape: [Int], values: [Float], as type: ElementType = .float32) {
        precondition(shape.reduce(1, *) == values.count, "tensor \(name): shape \(shape) needs \(shape.reduce(1, *)) values")
        // Little-endian hosts only (x86-64, arm64): the in-memory bits are the file's bytes.
        let bytes: [UInt8]
        switch type {
        case .float32: bytes = values.withUnsafeBytes { Array($0) }
        case .float16: bytes = values.map { Float16($0).bitPattern }.withUnsafeBytes { Array($0) }
        case .bfloat16: bytes = values.map(Self.bfloat16Bits).withUnsafeBytes { Array($0) }
        }
        entries.append((name, shape, bytes, type))
    }

    /// The file's bytes.
    public func encoded() throws -> Data {
        var header: [String: Any] = [:]
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var offset = 0
        for entry in entries {
            header[entry.name] = ["dtype": entry.type.rawValue, "shape": entry.shape,
                                  "data_offsets": [offset, offset + entry.bytes.count]] as [String: Any]
            offset += entry.bytes.count
        }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        json.append(contentsOf: [UInt8](repeating: 0x20, count: (8 - json.count % 8) % 8))
        var data = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        for entry in entries { data.append(contentsOf: entry.bytes) }
        return data
    }

    /// Writes the file to `path`, replacing it.
    public func write(to path: String) throws {
        do {
            try encoded().write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw AdapterError.cannotWrite(path: path, reason: "\(error)")
        }
    }

    /// The top 16 bits of the value rounded to nearest even (NaN kept quiet).
    static func bfloat16Bits(_ value: Float) -> UInt16 {
        let bits = value.bitPattern
        if value.isNaN { return UInt16(bits >> 16) | 0x0040 }
        let rounding = 0x7fff + ((bits >> 16) & 1)
        return UInt16((bits &+ rounding) >> 16)
    }
}

/// Reads little-endian GGUF fields from mapped bytes, throwing instead of reading past the end.
struct GGUFCursor {
    let bytes: UnsafeRawBufferPointer
    let path: String
    private(set) var offset: Int = 0

    init(bytes: UnsafeRawBufferPointer, path: String) {
        self.bytes = bytes
        self.path = path
    }

    var remaining: Int { bytes.count - offset }

    func failure(_ reason: String) -> InferenceError {
        .malformedGGUF(path: path, offset: offset, reason: reason)
    }

    mutating func read<T: FixedWidthInteger>(_: T.Type, _ field: @autoclosure () -> String) throws -> T {
        guard remaining >= MemoryLayout<T>.size else {
            throw failure("file ends inside \(field()) (needs \(MemoryLayout<T>.size) bytes, \(remaining) left)")
        }
        let value = T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        offset += MemoryLayout<T>.size
        return value
    }

    /// A u64 that must fit in `Int` and stay below `limit`.
    mutating func readCount(_ field: @autoclosure () -> String, limit: Int = Int.max) throws -> Int {
        let raw = try read(UInt64.self, field())
        guard let count = Int(exactly: raw), count <= limit else {
            throw failure("\(field()) is \(raw), more than the \(limit) the file can hold")
        }
        return count
    }

    mutating func readString(_ field: @autoclosure () -> String) throws -> String {
        let length = try readCount("length of \(field())", limit: remaining - 8)
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
        offset += length
        return text
    }

    mutating func readValue(type: GGUFValueType, _ field: @autoclosure () -> String) throws -> GGUFMetadataValue {
        switch type {
        case .uint8: return .uint8(try read(UInt8.self, field()))
        case .int8: return .int8(try read(Int8.self, field()))
        case .uint16: return .uint16(try read(UInt16.self, field()))
        case .int16: return .int16(try read(Int16.self, field()))
        case .uint32: return .uint32(try read(UInt32.self, field()))
        case .int32: return .int32(try read(Int32.self, field()))
        case .float32: return .float32(Float(bitPattern: try read(UInt32.self, field())))
        case .bool:
            let raw = try read(UInt8.self, field())
            guard raw <= 1 else { throw failure("\(field()) is a bool with value \(raw)") }
            return .bool(raw == 1)
        case .string: return .string(try readString(field()))
        case .uint64: return .uint64(try read(UInt64.self, field()))
        case .int64: return .int64(try read(Int64.self, field()))
        case .float64: return .float64(Double(bitPattern: try read(UInt64.self, field())))
        case .array:
            let elementType = try readValueType("element type of \(field())")
            guard elementType != .array else { throw failure("\(field()) is an array of arrays") }
            // Every element takes at least one byte, so a larger count means a lying header.
            let count = try readCount("element count of \(field())", limit: remaining)
            var elements: [GGUFMetadataValue] = []
            elements.reserveCapacity(count)
            for index in 0..<count {
                elements.append(try readValue(type: elementType, "\(field())[\(index)]"))
            }
            return .array(elementType: elementType, elements)
        }
    }

    mutating func readValueType(_ field: @autoclosure () -> String) throws -> GGUFValueType {
        let code = try read(UInt32.self, field())
        guard let type = GGUFValueType(rawValue: code) else { throw failure("\(field()) has unknown value type \(code)") }
        return type
    }

    mutating func skip(to newOffset: Int) throws {
        guard newOffset <= bytes.count else { throw failure("file ends before byte \(newOffset)") }
        offset = newOffset
    }
}

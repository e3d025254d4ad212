/// One metadata value of a GGUF file, in the type it was written with.
public indirect enum GGUFMetadataValue: Sendable, Equatable {
    case uint8(UInt8)
    case int8(Int8)
    case uint16(UInt16)
    case int16(Int16)
    case uint32(UInt32)
    case int32(Int32)
    case float32(Float)
    case bool(Bool)
    case string(String)
    case array(elementType: GGUFValueType, [GGUFMetadataValue])
    case uint64(UInt64)
    case int64(Int64)
    case float64(Double)

    /// The value as an integer when it is any integer type.
    public var integer: Int? {
        switch self {
        case let .uint8(v): return Int(v)
        case let .int8(v): return Int(v)
        case let .uint16(v): return Int(v)
        case let .int16(v): return Int(v)
        case let .uint32(v): return Int(v)
        case let .int32(v): return Int(v)
        case let .uint64(v): return Int(exactly: v)
        case let .int64(v): return Int(v)
        default: return nil
        }
    }

    /// The value as a floating-point number when it is any numeric type.
    public var float: Double? {
        switch self {
        case let .float32(v): return Double(v)
        case let .float64(v): return v
        default: return integer.map(Double.init)
        }
    }

    /// The value when it is a string.
    public var string: String? {
        if case let .string(v) = self { return v }
        return nil
    }

    /// The value when it is a boolean.
    public var bool: Bool? {
        if case let .bool(v) = self { return v }
        return nil
    }

    /// The elements when the value is an array.
    public var array: [GGUFMetadataValue]? {
        if case let .array(_, elements) = self { return elements }
        return nil
    }
}

/// The type codes of GGUF metadata values.
public enum GGUFValueType: UInt32, Sendable {
    case uint8 = 0, int8, uint16, int16, uint32, int32, float32, bool, string, array, uint64, int64, float64
}

/// The element type of a safetensors tensor, spelled as in the file's header.
///
/// Every dtype is listed so that any file's byte ranges can be checked; only F32, F16 and
/// BF16 can be read as floats.
public enum SafetensorsDType: String, Sendable, CaseIterable {
    case bool = "BOOL"
    case uint8 = "U8"
    case int8 = "I8"
    case float8E5M2 = "F8_E5M2"
    case float8E4M3 = "F8_E4M3"
    case int16 = "I16"
    case uint16 = "U16"
    case float16 = "F16"
    case bfloat16 = "BF16"
    case int32 = "I32"
    case uint32 = "U32"
    case float32 = "F32"
    case float64 = "F64"
    case int64 = "I64"
    case uint64 = "U64"

    /// Size of one element.  // bytes
    public var elementBytes: Int {
        switch self {
        case .bool, .uint8, .int8, .float8E5M2, .float8E4M3: 1
        case .int16, .uint16, .float16, .bfloat16: 2
        case .int32, .uint32, .float32: 4
        case .float64, .int64, .uint64: 8
        }
    }

    /// The ggml type with the same element layout, for the dtypes this module computes with.
    public var ggmlType: GGMLType? {
        switch self {
        case .float32: .f32
        case .float16: .f16
        case .bfloat16: .bf16
        default: nil
        }
    }
}
